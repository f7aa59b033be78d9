// Checks that need each rule's voting game: a rule that can never pass or always passes, a
// non-monotone rule, and a rule too fine to analyse exactly. They run on the lowered rule with the
// engine, so the same semantics decide both these warnings and `mlat analyze`.
import { makeDiagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { Model } from "./semantics/model.js";
import { bodyJson, lowerCondition } from "./ruleset/lower.js";
import { buildGame, GameError, type Game } from "./engine/analysis/game.js";
import { countGame, AnalysisError } from "./engine/analysis/analyze.js";
import { exactMethodFor, latticeWork, monotoneByForm, winsWith } from "./engine/analysis/feasibility.js";
import { DP_MAX_CELLS } from "./engine/analysis/dp.js";
import { MITM_MAX_PLAYERS } from "./engine/analysis/mitm.js";
import { ENUMERATION_MAX_PLAYERS } from "./engine/analysis/enumerate.js";
import { adopts, compare, type Ballot } from "./engine/evaluation/vote.js";
import { Rational } from "./numbers/rational.js";
import type { BoundCondition, BoundTally } from "./semantics/model.js";
import type { BodyJson, ConditionJson, RuleJson } from "./ruleset/types.js";

/** Games larger than this are counted only by `mlat analyze`, not on every check. */
const CHECK_WORK_LIMIT = 3_000_000;

/**
 * Monotone by its form: `and`/`or` of vetoes, unanimity, consensus and comparisons that only get
 * truer with more yes votes (`yes >= q`, `no < q`, `yes > no`). With every seat voting yes or no
 * such a rule passes for some vote exactly when it passes when all vote yes.
 */
function monotoneConditionByForm(c: ConditionJson): boolean {
  switch (c.op) {
    case "and":
    case "or": return c.args.every(monotoneConditionByForm);
    case "not": return false;
    case "veto":
    case "unanimity":
    case "consensus": return true;
    case "compare": {
      const up = c.cmp === ">=" || c.cmp === ">";
      const down = c.cmp === "<=" || c.cmp === "<";
      if ("tally" in c.right) return (c.left.tally === "yes" && c.right.tally === "no" && up) || (c.left.tally === "no" && c.right.tally === "yes" && down);
      return (c.left.tally === "yes" && up) || (c.left.tally === "no" && down);
    }
  }
}

/**
 * Whether a rule adopts a motion when every seat casts the same ballot, straight from the bound
 * condition: each tally is then all or nothing, so no vote needs to be built.
 */
function uniformAdopts(c: BoundCondition, b: Ballot, seats: number, weights: ReadonlyMap<string, ReadonlyMap<string, Rational>>): boolean {
  const total = (w: string | undefined) => (w ? [...(weights.get(w)?.values() ?? [])].reduce((x, y) => x.add(y), Rational.ZERO) : Rational.of(seats));
  const tally = (t: BoundTally) => (t.side === b ? total(t.weight) : Rational.ZERO);
  switch (c.kind) {
    case "and": return c.operands.every((o) => uniformAdopts(o, b, seats, weights));
    case "or": return c.operands.some((o) => uniformAdopts(o, b, seats, weights));
    case "not": return !uniformAdopts(c.operand, b, seats, weights);
    case "unanimity": return b === "yes";
    case "consensus": return b !== "no";
    case "veto": return b !== "no" || c.seats.length === 0;
    case "compare": {
      const left = tally(c.left);
      let right: Rational;
      if ("side" in c.right) right = tally(c.right);
      else if (!c.right.relative) right = c.right.value;
      else {
        const counted = c.right.base === "all" || (c.right.base === "voting" ? b === "yes" || b === "no" : b !== "absent");
        right = c.right.value.mul(counted ? total(c.left.weight) : Rational.ZERO);
      }
      return compare(left, c.op, right);
    }
  }
}

export function ruleChecks(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const inst of model.institutions.values()) {
    for (const body of inst.bodies.values()) {
      if (body.seats.length === 0) continue;
      let json: BodyJson | undefined;
      for (const rule of body.rules.values()) {
        if (rule.incomplete) continue;
        const ruleJson: RuleJson = { id: rule.qualified, name: rule.name, text: "", condition: lowerCondition(rule.condition) };
        const span = rule.decl.name.span;
        if (body.seats.length <= ENUMERATION_MAX_PLAYERS && monotoneConditionByForm(ruleJson.condition)) {
          // The fast path for small bodies with the usual kind of rule: a few uniform votes decide it.
          const uniform = (b: Ballot) => uniformAdopts(rule.condition, b, body.seats.length, rule.weights);
          if (!uniform("yes") && !uniform("abstain") && !uniform("absent")) out.push(makeDiagnostic("RuleNeverPasses", rule.file, span, [rule.name, ": no way of voting adopts a motion"]));
          if (uniform("no") && uniform("abstain") && uniform("absent")) out.push(makeDiagnostic("RuleAlwaysPasses", rule.file, span, [rule.name, ": it adopts a motion even when every seat votes no"]));
          continue;
        }
        json ??= bodyJson(body);
        const uniform = (b: Ballot) => adopts(json!, ruleJson, new Map(json!.seats.map((s) => [s.id, b])));
        let game: Game;
        try {
          game = buildGame(json, ruleJson);
        } catch (e) {
          if (!(e instanceof GameError)) throw e;
          out.push(makeDiagnostic("ScaleTooFine", rule.file, span, [rule.name, e.message]));
          continue;
        }
        const method = exactMethodFor(game, { dpCells: DP_MAX_CELLS, mitmPlayers: MITM_MAX_PLAYERS, enumerationPlayers: ENUMERATION_MAX_PLAYERS, smallDim: 4096 });
        if (typeof method !== "string") out.push(makeDiagnostic("ScaleTooFine", rule.file, span, [rule.name, method.tooLarge]));
        let monotone = true;
        let never: boolean;
        let always: boolean;
        if (monotoneByForm(game)) {
          never = !winsWith(game, () => true);
          always = winsWith(game, () => false);
        } else if (game.players.length <= 16 || latticeWork(game) <= CHECK_WORK_LIMIT) {
          try {
            const counts = countGame(game, false);
            monotone = counts.players.every((p) => p.negativeSwings === 0n);
            never = counts.winning === 0n;
            always = counts.winning === 2n ** BigInt(game.players.length);
          } catch (e) {
            if (!(e instanceof AnalysisError)) throw e;
            out.push(makeDiagnostic("ScaleTooFine", rule.file, span, [rule.name, e.message.replace(/^too large for exact analysis: /, "")]));
            continue;
          }
        } else continue;
        if (never && !uniform("abstain") && !uniform("absent")) out.push(makeDiagnostic("RuleNeverPasses", rule.file, span, [rule.name, ": no way of voting adopts a motion"]));
        if (always && uniform("abstain") && uniform("absent")) out.push(makeDiagnostic("RuleAlwaysPasses", rule.file, span, [rule.name, ": it adopts a motion even when every seat votes no"]));
        if (!monotone) out.push(makeDiagnostic("NonMonotoneRule", rule.file, span, [rule.name]));
      }
    }
  }
  return out;
}
