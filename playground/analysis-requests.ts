// What the playground's analysis worker answers, as plain data: the same compiler calls as
// `mlat analyze`, `mlat eval` and `mlat test` (same options, same defaults), so the panel shows the
// numbers the CLI prints. Pure: no DOM, no worker API (tests call it from Node).
import { allRules, analyze, compile, evaluate, findRule, powerChart, test as runTests, type Ballot, type CompileOutput, type RuleAnalysis, type TestResult, type VoteResult } from "../compiler/index.js";

/** The tabs of the page: paths (as the language server sees them) to texts, and the design's entry file. */
export interface Design {
  readonly files: Readonly<Record<string, string>>;
  readonly entry: string;
}

export type AnalysisRequest =
  | { readonly id: number; readonly kind: "rules"; readonly design: Design }
  | { readonly id: number; readonly kind: "analyze"; readonly design: Design; readonly rule: string }
  | { readonly id: number; readonly kind: "evaluate"; readonly design: Design; readonly rule: string; readonly ballots: Readonly<Record<string, Ballot>> }
  | { readonly id: number; readonly kind: "test"; readonly design: Design };

export interface RuleSummary {
  readonly id: string;
  readonly text: string;
  /** Every seat of the rule's body, in the body's order, with the state's name when it has one. */
  readonly seats: readonly { readonly id: string; readonly name?: string }[];
}

export type AnalysisAnswer =
  | { readonly error: string }
  | { readonly rules: readonly RuleSummary[] }
  | { readonly analysis: RuleAnalysis; readonly chart: string }
  | { readonly vote: VoteResult }
  | { readonly tests: readonly TestResult[] };

let last: { key: string; output: CompileOutput } | undefined;

/** The design compiled as `mlat compile` compiles it; the last one is kept while the texts stay the same. */
function compiled(design: Design): CompileOutput {
  const key = JSON.stringify([design.entry, Object.entries(design.files).sort(([a], [b]) => (a < b ? -1 : 1))]);
  if (last?.key !== key) last = { key, output: compile({ files: design.files, entries: [design.entry] }) };
  return last.output;
}

const notCompiled = (output: CompileOutput): { error: string } => {
  const errors = output.diagnostics.filter((d) => d.severity === "error").length;
  return { error: `the design has ${errors} error${errors === 1 ? "" : "s"}: fix ${errors === 1 ? "it" : "them"} first (see Problems)` };
};

export function answer(request: AnalysisRequest, progress?: (done: number, total: number) => void): AnalysisAnswer {
  const output = compiled(request.design);
  const ruleset = output.ruleset;
  if (!ruleset) return notCompiled(output);
  switch (request.kind) {
    case "rules": {
      const names = new Map(ruleset.states.map((s) => [s.id, s.name]));
      return {
        rules: allRules(ruleset).map(({ body, rule }) => ({
          id: rule.id,
          text: rule.text,
          seats: body.seats.map((s) => {
            const name = names.get(s.id);
            return name ? { id: s.id, name } : { id: s.id };
          }),
        })),
      };
    }
    case "analyze": {
      if (!findRule(ruleset, request.rule)) return { error: `no rule \`${request.rule}\` in the design` };
      // As `mlat analyze` does by default: Shapley–Shubik too, 20 coalitions listed, the default work limit.
      const [outcome] = analyze(ruleset, { rules: [request.rule], shapley: true, listLimit: 20, ...(progress ? { progress } : {}) });
      if (!outcome) return { error: `no rule \`${request.rule}\` in the design` };
      if ("error" in outcome) return { error: outcome.error };
      return { analysis: outcome, chart: powerChart(outcome) };
    }
    case "evaluate": {
      const vote = evaluate(ruleset, request.rule, request.ballots, { counterfactual: true });
      return "error" in vote ? { error: vote.error } : { vote };
    }
    case "test":
      return { tests: runTests(ruleset) };
  }
}
