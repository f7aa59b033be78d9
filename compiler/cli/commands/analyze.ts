// `mlat analyze FILE [--rule R] [--format table|json]`: the exact voting-power analysis of rules.
import { allRules, analyze, analyzeBlocs, analysisTable, seatNaming, ternaryPower, TernaryError, ternaryTable, type TernaryPower, closest, rulesNamed, Rational, type AnalysisOutcome, type BlocAnalysis, type BlocJson, type BlocOutcome, type RuleSet } from "../../index.js";
import { ExitCode } from "../exit-codes.js";
import { cliError, terminalWidth, useColor } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";
import { progressOn } from "../progress.js";

export interface AnalyzeOptions {
  readonly rule?: string[];
  /** Groups to analyse as blocs (with a simple majority inside), besides the design's blocs. */
  readonly bloc?: string[];
  readonly format: "table" | "json";
  readonly shapley?: boolean;
  readonly list?: number;
  readonly ruleset?: boolean;
  readonly color?: boolean;
  /** Also the ternary model (`--abstention`). */
  readonly abstention?: boolean;
  /** No work limit (`--exact`). */
  readonly exact?: boolean;
  /** Monte Carlo Shapley–Shubik where the exact count is out of reach (`--estimate`). */
  readonly estimate?: { readonly samples: number; readonly seed: number };
  /** Seats held in rotation: analyse the one rotation where these hold the votes. */
  readonly holding?: readonly string[];
}

export function runAnalyze(file: string, options: AnalyzeOptions): number {
  const ruleset = loadRuleSet(file, options);
  let targets = allRules(ruleset);
  if (options.rule?.length) {
    // A parameterised rule named without a binding: every binding of it.
    targets = options.rule.flatMap((id) => {
      const found = rulesNamed(ruleset, id);
      if (found.length === 0) {
        const guess = closest(id, allRules(ruleset).map((r) => r.rule.id));
        throw cliError("UnknownRule", [id, guess ? `: did you mean \`${guess}\`?` : ""]);
      }
      return found;
    });
  }
  // One rule at a time, so the progress bar can say which. Ctrl-C needs no handler: the count
  // runs on this thread, Node's default ends the process at once, and nothing has been written.
  const progress = progressOn(process.stderr);
  const results: AnalysisOutcome[] = targets.flatMap((t) =>
    analyze(ruleset, {
      rules: [t.rule.id],
      shapley: options.shapley !== false,
      listLimit: options.list ?? 20,
      exact: options.exact === true,
      ...(options.estimate ? { estimate: options.estimate } : {}),
      ...(options.holding ? { holding: options.holding } : {}),
      progress: (done, total) => progress.update(t.rule.id, done, total),
    }),
  );
  progress.clear();
  // The ternary model, on request: the same rules, every seat voting yes, abstaining or no.
  const ternary = new Map<string, TernaryPower | { readonly note: string }>();
  if (options.abstention) {
    for (const t of targets) {
      try {
        ternary.set(t.rule.id, ternaryPower(t.body, t.rule));
      } catch (e) {
        if (!(e instanceof TernaryError)) throw e;
        ternary.set(t.rule.id, { note: e.message });
      }
    }
  }
  const withTernary = (r: AnalysisOutcome) => (ternary.has(r.rule) ? { ...r, ternary: ternary.get(r.rule) } : r);
  const failed = results.some((r) => "error" in r);
  // The rule's table, named by the design's seat classes and groups, with the ternary model under it.
  const tableOf = (r: Exclude<AnalysisOutcome, { error: string }>) => {
    const naming = seatNaming(ruleset, r.rule);
    const t = ternary.get(r.rule);
    return analysisTable(r, useColor(process.stdout, options.color), naming, terminalWidth()) + (t ? ternaryTable(t, naming, terminalWidth()) : "");
  };
  const blocs = blocAnalyses(ruleset, options.bloc ?? [], targets.map((t) => t.rule.id));
  if (options.format === "json") {
    const bytes = jsonBytes(results);
    if (bytes > JSON_LIMIT) throw cliError("OutputTooLarge", [`about ${Math.round(bytes / 2 ** 20).toLocaleString("en")} MiB of JSON`, "the exact counts of every seat; use `--format table`, or `--rule` for fewer rules"]);
    process.stdout.write(JSON.stringify({ rules: results.map(withTernary), ...(blocs.length ? { blocs } : {}) }, null, 2) + "\n");
  } else {
    if (results.length === 0) process.stdout.write("the design has no decision rules to analyse\n");
    process.stdout.write(results.map((r) => ("error" in r ? `${r.rule}\n  cannot be analysed: ${r.error}\n` : tableOf(r))).join("\n"));
    if (blocs.length) process.stdout.write("\n" + blocs.map((b) => ("error" in b ? `bloc ${b.bloc} in ${b.rule}: ${b.error}\n` : blocTable(b))).join("\n"));
  }
  return failed || blocs.some((b) => "error" in b) ? ExitCode.Failure : ExitCode.Ok;
}

/** JSON output refused above this size, before any of it is made (MLAT5007). */
const JSON_LIMIT = 256 * 2 ** 20;

/** A lower bound on the bytes of the JSON: the exact numbers of every seat (equal seats share their strings, but each is printed). */
function jsonBytes(results: readonly AnalysisOutcome[]): number {
  let bytes = 0;
  for (const r of results) {
    if ("error" in r) continue;
    for (const p of r.players) {
      const b = r.banzhaf[p]!;
      bytes += b.swings.length + b.normalized.length + b.absolute.length + (r.shapleyShubik?.[p]?.length ?? 0) + 2 * p.length;
    }
    bytes += r.winningCoalitions.length + r.totalCoalitions.length;
  }
  return bytes;
}

/** The design's blocs, and the groups named with --bloc, for each analysed rule of their body. */
function blocAnalyses(ruleset: RuleSet, extra: readonly string[], ruleIds: readonly string[]): BlocOutcome[] {
  const declared: BlocJson[] = [...(ruleset.blocs ?? [])];
  for (const name of extra) {
    const group = ruleset.groups.find((g) => g.id === name);
    if (!group) {
      const guess = closest(name, ruleset.groups.map((g) => g.id));
      throw cliError("InvalidInput", ["--bloc", `\`${name}\` is not a group of the design${guess ? `: did you mean \`${guess}\`?` : ""}`]);
    }
    for (const inst of ruleset.institutions)
      for (const body of inst.bodies) {
        const members = body.seats.filter((s) => group.members.includes(s.id)).map((s) => s.id);
        if (members.length > 0 && !declared.some((b) => b.id === name && b.body === body.id)) {
          declared.push({ id: name, body: body.id, members, condition: { op: "compare", cmp: ">", left: { tally: "yes" }, right: { value: "1/2", relative: true, base: "all" } }, text: "yes > 1/2", weights: {} });
        }
      }
  }
  return analyzeBlocs(ruleset, declared, ruleIds);
}

function blocTable(b: BlocAnalysis): string {
  const p = (s: string) => (Rational.parse(s) ?? Rational.ZERO).toPercent(2);
  const lines = [`bloc ${b.bloc} in ${b.rule}: ${b.members.join(", ")}`];
  lines.push(`  the bloc as one player: Banzhaf ${p(b.power.banzhaf.normalized)} (absolute ${p(b.power.banzhaf.absolute)}), Shapley–Shubik ${b.power.shapleyShubik ? p(b.power.shapleyShubik) : "—"}`);
  lines.push(`  ${"member".padEnd(10)} ${"inside".padStart(9)} ${"indirect".padStart(9)} ${"alone".padStart(9)}   (absolute Banzhaf)`);
  for (const m of b.members) lines.push(`  ${m.padEnd(10)} ${p(b.internal[m]!).padStart(9)} ${p(b.indirect[m]!).padStart(9)} ${p(b.independent[m]!.absolute).padStart(9)}   ${b.verdict[m]} by joining`);
  return lines.join("\n") + "\n";
}
