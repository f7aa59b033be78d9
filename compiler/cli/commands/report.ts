// `mlat report FILE [-o report.html]` and `mlat graph FILE [--format dot|mermaid]`.
import { basename } from "node:path";
import { analyzeAll, analyzeBlocs, marks, renderReport, test, toDot, toMermaid, type BlocAnalysis } from "../../index.js";
import { ExitCode } from "../exit-codes.js";
import { writeOutput } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";

export function runReport(file: string, options: { output?: string; ruleset?: boolean; color?: boolean; title?: string }): number {
  const ruleset = loadRuleSet(file, options);
  const analyses = analyzeAll(ruleset, { listLimit: 0 });
  const blocs = analyzeBlocs(ruleset, ruleset.blocs ?? []).filter((b): b is BlocAnalysis => !("error" in b));
  const html = renderReport({ title: options.title ?? `mlat report: ${basename(file)}`, ruleset, analyses, tests: test(ruleset), marks: marks(ruleset), blocs });
  if (options.output) writeOutput(options.output, html, [file]);
  else process.stdout.write(html);
  return ExitCode.Ok;
}

export function runGraph(file: string, options: { format: "dot" | "mermaid"; ruleset?: boolean; color?: boolean }): number {
  const ruleset = loadRuleSet(file, options);
  process.stdout.write(options.format === "mermaid" ? toMermaid(ruleset) : toDot(ruleset));
  return ExitCode.Ok;
}
