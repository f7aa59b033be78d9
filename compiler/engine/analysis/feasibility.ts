// Whether `mlat analyze` could count a rule, decided without counting (for `mlat check`).
import type { BodyJson, RuleJson } from "../../ruleset/types.js";
import { buildGame, GameError, type Game } from "./game.js";
import { feasibility } from "./dispatch.js";

/**
 * Why `mlat analyze` would refuse the rule (no exact method can count its game within the default
 * budget), or undefined when it can be analysed. Decided without counting.
 */
export function exactAnalysisProblem(body: BodyJson, rule: RuleJson): string | undefined {
  let game: Game;
  try {
    game = buildGame(body, rule);
  } catch (e) {
    if (e instanceof GameError) return e.message;
    throw e;
  }
  return feasibility(game, false);
}
