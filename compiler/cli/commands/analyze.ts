// `mlat analyze FILE [--rule R] [--format table|json]`: the exact voting-power analysis of rules.
import { analyzeRule, allRules, findRule, AnalysisError, type RuleAnalysis } from "../../engine/analysis/analyze.js";
import { table } from "../../report/analysis-table.js";
import { closest } from "../../semantics/suggest.js";
import { ExitCode } from "../exit-codes.js";
import { cliError, useColor } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";

export interface AnalyzeOptions {
  readonly rule?: string[];
  readonly format: "table" | "json";
  readonly shapley?: boolean;
  readonly list?: number;
  readonly ruleset?: boolean;
  readonly color?: boolean;
}

export function runAnalyze(file: string, options: AnalyzeOptions): number {
  const ruleset = loadRuleSet(file, options);
  let targets = allRules(ruleset);
  if (options.rule?.length) {
    targets = options.rule.map((id) => {
      const found = findRule(ruleset, id);
      if (!found) {
        const guess = closest(id, allRules(ruleset).map((r) => r.rule.id));
        throw cliError("UnknownRule", [id, guess ? `: did you mean \`${guess}\`?` : ""]);
      }
      return found;
    });
  }
  const results: (RuleAnalysis | { rule: string; error: string })[] = [];
  let failed = false;
  for (const { body, rule } of targets) {
    try {
      results.push(analyzeRule(ruleset, body, rule, { shapley: options.shapley !== false, listLimit: options.list ?? 20 }));
    } catch (e) {
      if (!(e instanceof AnalysisError)) throw e;
      failed = true;
      results.push({ rule: rule.id, error: e.message });
    }
  }
  if (options.format === "json") process.stdout.write(JSON.stringify({ rules: results }, null, 2) + "\n");
  else process.stdout.write(results.map((r) => ("error" in r ? `${r.rule}\n  cannot be analysed: ${r.error}\n` : table(r, useColor(process.stdout, options.color)))).join("\n"));
  return failed ? ExitCode.Failure : ExitCode.Ok;
}

