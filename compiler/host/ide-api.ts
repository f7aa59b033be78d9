// The editor features as one object over an AnalysisHost: each method takes a path and offsets
// and returns plain data (rust-analyzer's `Analysis`). The language server maps these to LSP.
import type { AnalysisHost } from "./analysis-host.js";
import type { Span } from "../text/span.js";
import { lex } from "../syntax/lexer.js";
import { hover, type Hover } from "./ide/hover.js";
import { definition, documentHighlights, prepareRename, references, rename, type Location } from "./ide/navigation.js";
import { outline, workspaceSymbols, type OutlineSymbol } from "./ide/symbols.js";
import { completions, type CompletionItem } from "./ide/completion.js";
import { semanticTokens, type SemanticToken } from "./ide/semantic-tokens.js";
import { foldingRanges, selectionChain } from "./ide/ranges.js";
import { codeActions, type CodeAction } from "./ide/code-actions.js";
import { codeLenses, inlayHints, type CodeLens, type InlayHint } from "./ide/hints.js";
import { analysisJob, analysisOf, findRuleInfo, type AnalysisJob } from "./ide/rule-analysis.js";
import { kindOfId, nameOfId, symbolAt } from "./ide/at-cursor.js";
import { table } from "../report/analysis-table.js";
import { compileFiles } from "../pipeline/pipeline.js";
import { analyzeAll, marksOf, runTests, type RuleAnalysis, type TestResult } from "../engine/index.js";
import { renderReport } from "../report/html.js";
import type { DeclarationSite } from "../semantics/model.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export class Ide {
  constructor(readonly host: AnalysisHost) {}

  private parsed(path: string) {
    const output = this.host.check(path);
    const file = output.program.files.get(path);
    return { output, file };
  }

  diagnostics(path: string): Diagnostic[] {
    return this.host.diagnostics(path);
  }

  hover(path: string, offset: number): Hover | undefined {
    const { output } = this.parsed(path);
    return hover(output.model, path, offset, output.diagnostics);
  }

  /**
   * The rule analysis that `hover(path, offset)` (or, with `rule`, "Analyze rule") would compute,
   * when it is not known yet: a host that can run it elsewhere does, and provides the answer
   * through the job, so that the hover finds it and an edit can cancel it. Undefined when there
   * is nothing to compute.
   */
  analysisJob(path: string, at: { readonly offset: number } | { readonly rule: string }): AnalysisJob | undefined {
    const { model } = this.host.check(path);
    if ("rule" in at) {
      const info = findRuleInfo(model, at.rule);
      return info ? analysisJob(model, info, 20) : undefined;
    }
    const sym = symbolAt(model, path, at.offset);
    if (!sym || kindOfId(sym.id) !== "rule") return undefined;
    const info = findRuleInfo(model, nameOfId(sym.id));
    return info ? analysisJob(model, info) : undefined;
  }

  definition(path: string, offset: number): Location[] {
    return definition(this.host.check(path).model, path, offset);
  }

  references(path: string, offset: number, includeDeclaration: boolean): Location[] {
    return references(this.host.check(path).model, this.host.workspaceIndex(), path, offset, includeDeclaration);
  }

  documentHighlights(path: string, offset: number) {
    return documentHighlights(this.host.check(path).model, path, offset);
  }

  prepareRename(path: string, offset: number) {
    return prepareRename(this.host.check(path).model, path, offset);
  }

  rename(path: string, offset: number, newName: string) {
    return rename(this.host.check(path).model, this.host.workspaceIndex(), path, offset, newName);
  }

  documentSymbols(path: string): OutlineSymbol[] {
    const parsed = this.host.parseOf(path);
    return parsed ? outline(parsed.ast) : [];
  }

  workspaceSymbols(query: string): DeclarationSite[] {
    return workspaceSymbols(this.host.workspaceIndex().declarations, query);
  }

  completions(path: string, offset: number): CompletionItem[] {
    const { output, file } = this.parsed(path);
    if (!file) return [];
    return completions(output.model, file.parsed.ast, path, file.text, offset);
  }

  semanticTokens(path: string): SemanticToken[] {
    const { output, file } = this.parsed(path);
    if (!file) return [];
    return semanticTokens(output.model, path, lex(file.text, path).tokens, file.parsed.comments);
  }

  foldingRanges(path: string) {
    const parsed = this.host.parseOf(path);
    return parsed ? foldingRanges(parsed.ast, parsed.comments) : [];
  }

  selectionRanges(path: string, offsets: readonly number[]): Span[][] {
    const parsed = this.host.parseOf(path);
    return offsets.map((o) => (parsed ? selectionChain(parsed.ast, o) : []));
  }

  codeActions(path: string, range: Span): CodeAction[] {
    const { output, file } = this.parsed(path);
    return file ? codeActions(file.parsed.ast, file.text, path, range, output.diagnostics) : [];
  }

  inlayHints(path: string, range: Span): InlayHint[] {
    const { output, file } = this.parsed(path);
    return file ? inlayHints(output.model, file.parsed.ast, range) : [];
  }

  codeLenses(path: string): CodeLens[] {
    const parsed = this.host.parseOf(path);
    return parsed ? codeLenses(parsed.ast, path) : [];
  }

  /** The command behind "Analyze rule": the analysis as a table and as data. */
  analyzeRule(path: string, rule: string): { text: string; analysis?: RuleAnalysis; error?: string } {
    const { model } = this.host.check(path);
    const info = findRuleInfo(model, rule);
    if (!info) return { text: `unknown rule ${rule}`, error: `unknown rule \`${rule}\`` };
    // The same list length as `mlat analyze`, so the two answers are the same.
    const a = analysisOf(model, info, 20);
    if (typeof a === "string") return { text: `${rule}\n  cannot be analysed: ${a}\n`, error: a };
    return { text: table(a, false), analysis: a };
  }

  /** The command behind "Show power report": the design's HTML report. */
  powerReport(path: string): { html?: string; error?: string } {
    const compiled = compileFiles([path], this.host.host);
    if (!compiled.ruleset) return { error: "the design has errors" };
    const ruleset = compiled.ruleset;
    const analyses = analyzeAll(ruleset, { listLimit: 0 });
    const name = path.slice(path.lastIndexOf("/") + 1);
    return { html: renderReport({ title: `Power report: ${name}`, ruleset, analyses, tests: runTests(ruleset, path), marks: marksOf(ruleset) }) };
  }

  /** The command behind "Run scenario(s)": the test results of the file's scenarios and assertions. */
  runScenarios(path: string, name?: string): { results: TestResult[]; error?: string } {
    const compiled = compileFiles([path], this.host.host);
    if (!compiled.ruleset) return { results: [], error: "the design has errors" };
    const results = runTests(compiled.ruleset, path).filter((r) => !name || (r.kind === "scenario" && r.name === name));
    return { results };
  }
}
