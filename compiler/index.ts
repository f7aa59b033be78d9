// The public façade of the compiler: the only import path for the CLI, the language server,
// tests and other programs. Everything here is pure (no I/O besides the injected SourceHost).
export { parse, type ParseResult } from "./syntax/parse.js";
export type * as Ast from "./syntax/ast.js";
export { LineIndex, type Span, type Position } from "./syntax/span.js";
export { Diagnostics, allDiagnostics, findDiagnostic, type DiagnosticDefinition, type Severity } from "./diagnostics/codes.js";
export { type Diagnostic, type Fix, type RelatedInformation, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.js";
export { renderDiagnostic, summarize } from "./diagnostics/render.js";
export { checkFiles, checkProgramOf, compileFiles, type CheckOutput, type CheckManyOutput, type CompileOutput, type CheckOptions, type CompileOptions } from "./compile.js";
export { loadProgram, type SourceHost, type Program, type ParseCache } from "./semantics/program.js";
export type { Model } from "./semantics/model.js";
export { validateAgainst, schemas, type SchemaName, type SchemaError } from "./ruleset/validate.js";
export type * from "./ruleset/types.js";
export { RULESET_FORMAT, RULESET_VERSION } from "./ruleset/types.js";
export { Rational } from "./numbers/rational.js";
export { format, type FormatResult } from "./format/formatter.js";
export { AnalysisHost } from "./host/analysis-host.js";
export { Ide } from "./host/ide-api.js";
export { tokenTypes as semanticTokenTypes, tokenModifiers as semanticTokenModifiers } from "./host/ide/semantic-tokens.js";
export type { Hover } from "./host/ide/hover.js";
export type { Location } from "./host/ide/navigation.js";
export type { OutlineSymbol } from "./host/ide/symbols.js";
export type { CompletionItem } from "./host/ide/completion.js";
export type { CodeAction } from "./host/ide/code-actions.js";
export type { CodeLens, InlayHint } from "./host/ide/hints.js";
export type { SemanticToken } from "./host/ide/semantic-tokens.js";
export { check, compile, analyze, evaluate, conduct, test, validateRuleSet, type DesignInput } from "./api.js";
export type { Ballot, VoteResult, RuleAnalysis, ConductResult, TestResult, EventsDocument, AnalysisOptions } from "./api.js";

import type { SourceHost } from "./semantics/program.js";

/** A SourceHost over texts in memory, keyed by path (for tests, editors and other programs). */
export function memoryHost(files: Record<string, string> | ReadonlyMap<string, string>): SourceHost {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return { readFile: (p) => map.get(p) };
}
