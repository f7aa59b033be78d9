// Whether `mlat analyze` could count a rule, decided without counting (for `mlat check`).
import type { BodyJson, RuleJson } from "../../ruleset/types.js";
import { buildGame, GameError, type Game } from "./game.js";
import { feasibility } from "./dispatch.js";
import { ruleForm, type RuleForm } from "./form.js";

/**
 * Why `mlat analyze` would refuse the rule (no exact method can count its game within the default
 * budget), or undefined when it can be analysed. Decided without counting.
 */
export function exactAnalysisProblem(body: BodyJson, rule: RuleJson, built?: Game): string | undefined {
  let game: Game;
  try {
    game = built ?? buildGame(body, rule);
  } catch (e) {
    if (e instanceof GameError) return e.message;
    throw e;
  }
  return feasibility(game, false);
}

/**
 * What `mlat check` asks of a rule, from one build of its game: its form (form.ts), and — on
 * demand — why `mlat analyze` would refuse it.
 */
export function ruleCheckFacts(body: BodyJson, rule: RuleJson): { readonly form: RuleForm | { readonly error: string }; readonly problem: () => string | undefined } {
  let game: Game;
  try {
    game = buildGame(body, rule);
  } catch (e) {
    if (e instanceof GameError) return { form: { error: e.message }, problem: () => e.message };
    throw e;
  }
  return { form: ruleForm(body, rule, game), problem: () => feasibility(game, false) };
}
