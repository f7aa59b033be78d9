// `mlat report FILE [-o report.html]` and `mlat graph FILE [--format dot|mermaid]`.
import { basename } from "node:path";
import { allRules, analyzeAll, AnalysisError } from "../../engine/analysis/analyze.js";
import { analyzeBloc } from "../../engine/analysis/blocs.js";
import { runTests } from "../../engine/testing/run.js";
import { marksOf } from "../../engine/marks.js";
import { renderReport } from "../../report/html.js";
import { toDot, toMermaid } from "../../report/graph.js";
import { ExitCode } from "../exit-codes.js";
import { writeFileAtomic } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";

export function runReport(file: string, options: { output?: string; ruleset?: boolean; color?: boolean; title?: string }): number {
  const ruleset = loadRuleSet(file, options);
  const analyses = analyzeAll(ruleset, { listLimit: 0 });
  const blocs = (ruleset.blocs ?? []).flatMap((bloc) =>
    allRules(ruleset)
      .filter(({ body }) => body.id === bloc.body)
      .flatMap(({ body, rule }) => {
        try {
          return [analyzeBloc(ruleset, bloc, body, rule)];
        } catch (e) {
          if (e instanceof AnalysisError) return [];
          throw e;
        }
      }),
  );
  const html = renderReport({ title: options.title ?? `mlat report: ${basename(file)}`, ruleset, analyses, tests: runTests(ruleset), marks: marksOf(ruleset), blocs });
  if (options.output) writeFileAtomic(options.output, html);
  else process.stdout.write(html);
  return ExitCode.Ok;
}

export function runGraph(file: string, options: { format: "dot" | "mermaid"; ruleset?: boolean; color?: boolean }): number {
  const ruleset = loadRuleSet(file, options);
  process.stdout.write(options.format === "mermaid" ? toMermaid(ruleset) : toDot(ruleset));
  return ExitCode.Ok;
}
