// `mlat eval FILE --rule R --yes A,B --no C …` or `--input votes.json`: does this vote pass, and why.
import { allRules, escapeControl, ballots as ballotsOf, closest, conduct, evaluate, findRule, namedSeats, NO_NAMES, seatNaming, validateAgainst, type SeatNaming, type Ballot, type ConditionTrace, type EventsDocument, type RuleSet, type VoteResult } from "../../index.js";
import { ExitCode } from "../exit-codes.js";
import { cliError, useColor } from "../io.js";
import { loadRuleSet, readJsonFile } from "../load-ruleset.js";

export interface EvalOptions {
  readonly rule?: string;
  readonly yes?: string;
  readonly no?: string;
  readonly abstain?: string;
  readonly absent?: string;
  readonly rest?: Ballot;
  /** Seats held in rotation: who holds the votes this time. */
  readonly holding?: readonly string[];
  readonly input?: string;
  readonly events?: string;
  readonly format: "text" | "json";
  readonly ruleset?: boolean;
  readonly color?: boolean;
}

export function runEval(file: string, options: EvalOptions): number {
  const ruleset = loadRuleSet(file, options);
  if (options.events) return runEvents(ruleset, options.events, options);
  let ruleId = options.rule;
  let ballots: Record<string, Ballot> | undefined;
  if (options.input) {
    const json = readJsonFile(options.input);
    const problems = validateAgainst("votes", json);
    if (problems.length) throw cliError("InvalidInput", [`${options.input}: ${problems[0]!.path}`, problems[0]!.message]);
    const input = json as { rule?: string; votes: Record<string, Ballot> };
    ruleId ??= input.rule;
    ballots = input.votes;
  }
  if (!ruleId) throw cliError("InvalidInput", ["--rule", "name the rule as INSTITUTION.BODY.RULE (or give `rule` in the --input file)"]);
  const found = findRule(ruleset, ruleId);
  if (!found) {
    const guess = closest(ruleId, allRules(ruleset).map((r) => r.rule.id));
    throw cliError("UnknownRule", [ruleId, guess ? `: did you mean \`${guess}\`?` : ""]);
  }
  const where = options.input ? `${options.input}: $.votes` : "--yes/--no/--abstain";
  if (!ballots) {
    const lists = ballotsOf(ruleset, ruleId, { yes: options.yes, no: options.no, abstain: options.abstain, absent: options.absent }, options.rest);
    if ("error" in lists) throw cliError("InvalidInput", [where, lists.error]);
    ballots = lists.ballots;
  }
  const outcome = evaluate(ruleset, ruleId, ballots, options.holding ? { holding: options.holding } : {});
  if ("error" in outcome) throw cliError("InvalidInput", [where, outcome.error]);
  const result: VoteResult = outcome;
  if (options.format === "json") process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else process.stdout.write(render(result, found.rule.text, useColor(process.stdout, options.color), seatNaming(ruleset, ruleId)));
  return ExitCode.Ok;
}

function runEvents(ruleset: RuleSet, file: string, options: EvalOptions): number {
  const json = readJsonFile(file, { exactNumbers: true });
  const result = conduct(ruleset, json as EventsDocument);
  if ("error" in result) throw cliError("InvalidInput", [`${file}: ${result.path}`, result.error]);
  const events = (json as EventsDocument).events.length;
  if (options.format === "json") {
    process.stdout.write(JSON.stringify({ violations: result.violations }, null, 2) + "\n");
    return ExitCode.Ok;
  }
  const color = useColor(process.stdout, options.color);
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  if (result.violations.length === 0) process.stdout.write(`${paint("32", "no violation")} in ${events} events\n`);
  for (const v of result.violations) {
    process.stdout.write(`${paint("31", "violation")} of ${paint("1", v.principle)}${v.title ? ` (${escapeControl(v.title)})` : ""}${v.cite && !v.title?.includes(v.cite.text) ? ` — ${escapeControl(v.cite.text)}` : ""} by ${v.actor}: ${v.kind}, event ${v.at + 1}: ${escapeControl(v.event)}\n`);
    for (const r of v.reasons) process.stdout.write(`  ${escapeControl(r)}\n`);
    if (v.sanction) process.stdout.write(`  or else: ${escapeControl(v.sanction)}\n`);
  }
  return ExitCode.Ok;
}

export function render(r: VoteResult, ruleText: string, color: boolean, naming: SeatNaming = NO_NAMES): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const mark = (ok: boolean) => (ok ? paint("32", "✓") : paint("31", "✗"));
  const cite = r.cite ? ` — ${escapeControl(r.cite.text)}` : "";
  const lines = [`${paint("1", r.rule)}: ${r.outcome === "adopted" ? paint("32", "adopted") : paint("31", "rejected")}${cite}   ${paint("2", ruleText)}`];
  const outside = r.notHolding?.length ? ` (not counted: ${namedSeats(r.notHolding, naming, 8)}, ${r.notHolding.length === 1 ? "holds" : "hold"} no vote)` : "";
  lines.push(`  yes ${r.tally.yes} · no ${r.tally.no} · abstain ${r.tally.abstain} · absent ${r.tally.absent}${outside}`);
  for (const c of r.constituencies ?? []) {
    const states = Object.entries(c.states).map(([s, b]) => `${s} ${b}`).join(", ");
    lines.push(`  ${c.seat} votes ${c.ballot}${c.inside ? ` (inside ${escapeControl(c.inside)}: ${states})` : ` (${states})`}`);
  }
  const walk = (t: ConditionTrace, depth: number) => {
    lines.push(`${"  ".repeat(depth + 1)}${mark(t.holds)} ${escapeControl(t.text)}`);
    for (const c of t.children ?? []) walk(c, depth + 1);
  };
  walk(r.conditions, 0);
  if (r.vetoedBy.length) lines.push(`  vetoed by: ${r.vetoedBy.join(", ")}`);
  if (r.counterfactual) {
    const cf = r.counterfactual;
    const verb = r.outcome === "rejected" ? "adopt" : "reject";
    lines.push(`  to ${verb} it: ${namedSeats(cf.seats, naming, 8)} would have to vote ${cf.to}${cf.smallest ? " (the smallest change)" : ""}`);
  }
  return lines.join("\n") + "\n";
}
