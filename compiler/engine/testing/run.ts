// Runs a design's scenarios and assertions like tests: each passes or fails, and a failure says
// what was expected, what happened, and the engine's reasons.
import type { AssertionJson, RuleSet, ScenarioJson } from "../../ruleset/types.js";
import { AnalysisError } from "../analysis/analyze.js";
import { findRule } from "../rules.js";
import { evaluateVote, VoteError, type ConditionTrace, type VoteResult } from "../evaluation/vote.js";
import { runConduct } from "../conduct/principles.js";
import type { TraceStep } from "../conduct/trace.js";
import { AnalysisCache, checkFact } from "./facts.js";

export interface TestResult {
  readonly kind: "scenario" | "assertion";
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
  readonly passed: boolean;
  /** For a failure: expected, actual and reasons, one line each. */
  readonly messages: readonly string[];
}

export function runScenario(ruleset: RuleSet, scenario: ScenarioJson): TestResult {
  const trace: TraceStep[] = [];
  const messages: string[] = [];
  let last: VoteResult | undefined;
  let uncounted = false; // the last vote failed, and said why: its expectations say nothing more
  for (const step of scenario.steps) {
    if ("vote" in step) {
      const found = findRule(ruleset, step.vote);
      if (!found) {
        messages.push(`the rule \`${step.vote}\` is not in the rule set`);
        continue;
      }
      try {
        uncounted = false;
      last = evaluateVote(found.body, found.rule, step.ballots);
      } catch (e) {
        // A ballot the rule cannot take (a constituency split without `inside`, a rotation not
        // named) fails the scenario with the reason.
        if (!(e instanceof VoteError)) throw e;
        messages.push(`the vote on ${step.vote} cannot be counted: ${e.message}`);
        last = undefined;
        uncounted = true;
        continue;
      }
      trace.push({ kind: "vote", rule: step.vote, ballots: step.ballots });
    } else if ("event" in step) {
      trace.push({ kind: "event", event: step.event });
    } else if (step.expect === "adopted" || step.expect === "rejected") {
      if (!last) {
        if (!uncounted) messages.push(`expected ${step.expect}, but no vote came before`);
        continue;
      }
      const vetoOk = !("vetoedBy" in step) || !step.vetoedBy || sameSet(step.vetoedBy, last.vetoedBy);
      if (last.outcome !== step.expect || !vetoOk) {
        const want = step.expect + (step.vetoedBy ? `, vetoed by ${step.vetoedBy.join(", ")}` : "");
        const got = last.outcome + (last.vetoedBy.length ? `, vetoed by ${last.vetoedBy.join(", ")}` : "");
        messages.push(`expected ${want}; got ${got} on ${last.rule}${last.cite ? ` (${last.cite.text})` : ""}`, ...reasons(last.conditions, 1));
      }
    } else {
      const { violations } = runConduct(ruleset, trace);
      if (step.expect === "no violation") {
        if (violations.length) {
          messages.push(`expected no violation; got ${violations.length}`);
          for (const v of violations) messages.push(`  ${v.principle}${v.cite ? ` (${v.cite.text})` : ""} by ${v.actor} (${v.kind}): ${v.event}`, ...v.reasons.map((r) => `    ${r}`));
        }
      } else if ("principle" in step) {
        const hit = violations.find((v) => v.principle === step.principle && (!step.by || v.actor === step.by));
        if (!hit) {
          messages.push(`expected a violation of ${step.principle}${citeOf(ruleset, step.principle)}${step.by ? ` by ${step.by}` : ""}; got ${violations.length ? violations.map((v) => `${v.principle} by ${v.actor}`).join(", ") : "no violation"}`);
        }
      }
    }
  }
  return { kind: "scenario", name: scenario.name, ...where(scenario.source), passed: messages.length === 0, messages };
}

export function runAssertion(ruleset: RuleSet, assertion: AssertionJson, cache: AnalysisCache): TestResult {
  const name = `${assertion.rule}: ${assertion.negated ? "not " : ""}${assertion.text}`;
  try {
    const outcome = checkFact(ruleset, assertion, cache);
    return { kind: "assertion", name, ...where(assertion.source), passed: outcome.holds, messages: outcome.holds ? [] : [`expected ${assertion.negated ? "not " : ""}${assertion.text}; but ${outcome.actual}`] };
  } catch (e) {
    if (!(e instanceof AnalysisError)) throw e;
    return { kind: "assertion", name, ...where(assertion.source), passed: false, messages: [`cannot be checked: ${e.message}`] };
  }
}

/** Every scenario and assertion of the rule set (or only those from `file`). */
export function runTests(ruleset: RuleSet, file?: string): TestResult[] {
  const cache = new AnalysisCache(ruleset);
  const mine = <T extends { source?: { file: string } }>(x: T) => !file || !x.source || x.source.file === file;
  return [...ruleset.scenarios.filter(mine).map((s) => runScenario(ruleset, s)), ...ruleset.assertions.filter(mine).map((a) => runAssertion(ruleset, a, cache))].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
}

function where(source: { file: string; line: number } | undefined): { file?: string; line?: number } {
  return source ? { file: source.file, line: source.line } : {};
}

/** " (Art. 2(4))" for a principle with a citation. */
function citeOf(ruleset: RuleSet, principle: string): string {
  const p = ruleset.institutions.flatMap((i) => i.principles).find((x) => x.id === principle);
  return p?.cite ? ` (${p.cite.text})` : "";
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function reasons(t: ConditionTrace, depth: number): string[] {
  return [`${"  ".repeat(depth)}${t.holds ? "✓" : "✗"} ${t.text}`, ...(t.children ?? []).flatMap((c) => reasons(c, depth + 1))];
}
