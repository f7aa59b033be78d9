// The public façade of the compiler: the only import path for the CLI, the language server,
// the playground, tests and other programs. Everything here is pure (no I/O besides an injected
// SourceHost); the Node file system adapters are in compiler/node/index.ts.

// ─── the task-level API ─────────────────────────────────────────────────────────────────────
export { check, compile, validateRuleSet, analyze, analyzeBlocs, evaluate, ballots, conduct, test, diff, marks, memoryHost } from "./api.js";
export type { DesignInput, CheckReport, AnalysisOutcome, BlocOutcome, CheckOptions, CheckOutput, CompileOptions, CompileOutput } from "./api.js";

// ─── syntax, diagnostics, text ──────────────────────────────────────────────────────────────
export { parse, type ParseResult } from "./syntax/parse.js";
export type * as Ast from "./syntax/ast.js";
export { LineIndex, type Span, type Position } from "./text/span.js";
export { closest } from "./text/suggest.js";
export { Diagnostics, allDiagnostics, findDiagnostic, type DiagnosticDefinition, type DiagnosticKey, type Severity } from "./diagnostics/codes.js";
export { type Diagnostic, type Fix, type RelatedInformation, makeDiagnostic, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.js";
export { renderDiagnostic, renderDiagnostics, excerpt, summarize, plural, position, type RenderOptions } from "./diagnostics/render.js";
export { limitPerFile, LineIndexes, PRETTY_PER_FILE, MACHINE_PER_FILE } from "./diagnostics/limits.js";
export { toSarif, pathToUriReference, DOCS_URL } from "./diagnostics/formats/sarif.js";
export { toGithubCommands, githubSummary } from "./diagnostics/formats/github.js";
export { toJsonReport, type JsonDiagnostic } from "./diagnostics/formats/json.js";
export { escapeControl, escapeHtml, escapeLineStart } from "./text/escape.js";
export { numbersAsExactStrings, exactDecimal, JsonNumberError } from "./text/json.js";

// ─── programs, the model, the rule set ──────────────────────────────────────────────────────
export { loadProgram, type SourceHost, type Program, type ParseCache } from "./semantics/program.js";
export type { Model } from "./semantics/model.js";
export { lowerModel, lowerFragment, type Lowered, type FragmentSelection } from "./ruleset/lower.js";
export { SourceMap, type SourceSpan } from "./ruleset/source-map.js";
export { validateAgainst, schemas, type SchemaName, type SchemaError } from "./ruleset/validate.js";
export type * from "./ruleset/types.js";
export { RULESET_FORMAT, RULESET_VERSION } from "./ruleset/types.js";
export { Rational } from "./numbers/rational.js";

// ─── the engine ─────────────────────────────────────────────────────────────────────────────
export {
  findRule,
  rulesNamed,
  allRules,
  analyzeRule,
  analyzeAll,
  analyzeBloc,
  ternaryPower,
  TernaryError,
  AnalysisError,
  evaluateVote,
  ballotsFromLists,
  runConduct,
  traceFromEvents,
  runTests,
  marksOf,
  diffRuleSets,
  parseSeatMapping,
  SeatMappingError,
  applyWhatIf,
  WhatIfError,
} from "./engine/index.js";
export type {
  AnalysisOptions,
  RuleAnalysis,
  PowerClassResult,
  BlocAnalysis,
  TernaryPower,
  SeatMapping,
  Ballot,
  VoteResult,
  ConditionTrace,
  Counterfactual,
  ConductResult,
  Violation,
  EventsDocument,
  TestResult,
  InstitutionMarks,
  DesignDiff,
  RuleDiff,
  Verdict,
  BallotProfile,
  WhatIfChange,
} from "./engine/index.js";

// ─── what people read: formatting, tables, reports, pictures ────────────────────────────────
export { format, type FormatResult } from "./format/formatter.js";
export { table as analysisTable, ternaryTable } from "./report/analysis-table.js";
export { profileText } from "./report/profile-text.js";
export { seatNaming, namedSeats, NO_NAMES, type SeatNaming } from "./report/seat-names.js";
// `formatShare`: the name the façade had for it when it lived beside the diff.
export { percent, percent as formatShare } from "./report/percent.js";
export { renderReport, powerChart, type ReportInput } from "./report/html.js";
export { toDot, toMermaid } from "./report/graph.js";
export { plainWords } from "./report/plain-words.js";

// ─── the editor's view ──────────────────────────────────────────────────────────────────────
export { AnalysisHost } from "./host/analysis-host.js";
export { Ide } from "./host/ide-api.js";
export { runAnalysisJob, type AnalysisJob } from "./host/ide/rule-analysis.js";
export { tokenTypes as semanticTokenTypes, tokenModifiers as semanticTokenModifiers } from "./host/ide/semantic-tokens.js";
export type { Hover } from "./host/ide/hover.js";
export type { Location } from "./host/ide/navigation.js";
export type { OutlineSymbol } from "./host/ide/symbols.js";
export type { CompletionItem } from "./host/ide/completion.js";
export type { CodeAction } from "./host/ide/code-actions.js";
export type { CodeLens, InlayHint } from "./host/ide/hints.js";
export type { SemanticToken } from "./host/ide/semantic-tokens.js";
