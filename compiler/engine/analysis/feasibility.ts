// What `mlat check` asks of a rule's game, decided without counting: its form, and whether
// `mlat analyze` could count it.
import type { BodyJson, RuleJson } from "../../ruleset/types.js";
import { buildGame, GameError, type Game } from "./game.js";
import { feasibility } from "./dispatch.js";
import { formOfGame, type RuleForm } from "./form.js";

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
  return { form: formOfGame(game), problem: () => feasibility(game, false) };
}
