// Assertions about a rule's voting game (`assert R: veto players = P5`), checked on the analysis.
import type { AssertionJson, RuleSet } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { analyzeRule, countWinningIn, AnalysisError, type RuleAnalysis } from "../analysis/analyze.js";
import { findRule } from "../rules.js";

export interface FactOutcome {
  readonly holds: boolean;
  /** What is actually the case, in words. */
  readonly actual: string;
}

export class AnalysisCache {
  private readonly cache = new Map<string, RuleAnalysis | AnalysisError>();
  constructor(private readonly ruleset: RuleSet) {}

  get(rule: string): RuleAnalysis {
    let a = this.cache.get(rule);
    if (!a) {
      const found = findRule(this.ruleset, rule);
      if (!found) throw new AnalysisError(`the rule \`${rule}\` is not in the rule set`);
      try {
        a = analyzeRule(this.ruleset, found.body, found.rule, { listLimit: 0 });
      } catch (e) {
        if (!(e instanceof AnalysisError)) throw e;
        a = e;
      }
      this.cache.set(rule, a);
    }
    if (a instanceof AnalysisError) throw a;
    return a;
  }
}

const setText = (xs: readonly string[]) => (xs.length === 0 ? "none" : `{ ${xs.join(", ")} }`);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function checkFact(ruleset: RuleSet, assertion: AssertionJson, cache: AnalysisCache): FactOutcome {
  const a = cache.get(assertion.rule);
  const f = assertion.fact;
  let result: FactOutcome;
  switch (f.fact) {
    case "vetoPlayers":
      result = { holds: sameSet(a.vetoPlayers, f.seats), actual: `the veto players are ${setText(a.vetoPlayers)}` };
      break;
    case "dummies":
      result = { holds: sameSet(a.dummies, f.seats), actual: `the dummies are ${setText(a.dummies)}` };
      break;
    case "dictator":
      result = { holds: f.seats.length === 0 ? a.dictator === null : a.dictator === f.seats[0] && f.seats.length === 1, actual: `the dictator is ${a.dictator ?? "none"}` };
      break;
    case "banzhaf":
    case "shapley": {
      const value = (index: "banzhaf" | "shapley", seat: string): Rational => {
        if (index === "banzhaf") return Rational.parse(a.banzhaf[seat]?.normalized ?? "0")!;
        if (!a.shapleyShubik) throw new AnalysisError(`Shapley–Shubik is ${a.shapleyShubikNote ?? "not computed"} for \`${a.rule}\``);
        return Rational.parse(a.shapleyShubik[seat] ?? "0")!;
      };
      const left = value(f.fact, f.seat);
      const right = "value" in f ? Rational.parse(f.value)! : value(f.other.index, f.other.seat);
      const c = left.compare(right);
      const holds = f.cmp === ">=" ? c >= 0 : f.cmp === ">" ? c > 0 : f.cmp === "<=" ? c <= 0 : f.cmp === "<" ? c < 0 : f.cmp === "=" ? c === 0 : c !== 0;
      const name = (i: string) => (i === "banzhaf" ? "Banzhaf" : "Shapley–Shubik");
      const other = "value" in f ? "" : ` and ${name(f.other.index)}(${f.other.seat}) is ${right.toPercent()}`;
      result = { holds, actual: `${name(f.fact)}(${f.seat}) is ${left.toPercent()} (${left.toString()})${other}` };
      break;
    }
    case "canBlock": {
      const found = findRule(ruleset, assertion.rule)!;
      const n = countWinningIn(found.body, found.rule, (seat) => !f.seats.includes(seat));
      result = { holds: n === 0n, actual: n === 0n ? `no coalition without ${f.label} wins` : `${n} winning coalitions have no seat of ${f.label}` };
      break;
    }
    case "canPass": {
      const found = findRule(ruleset, assertion.rule)!;
      // `C can pass without D`: a coalition of C's seats that has none of D's (C counts too).
      const allowed = (seat: string) => f.seats.includes(seat) && !f.without.includes(seat);
      const n = countWinningIn(found.body, found.rule, allowed);
      const who = f.without.length ? `of ${f.label} without ${setText(f.without)}` : `of ${f.label} alone`;
      result = { holds: n > 0n, actual: n > 0n ? `${n} coalitions ${who} win` : `no coalition ${who} wins` };
      break;
    }
  }
  return assertion.negated ? { holds: !result.holds, actual: result.actual } : result;
}
