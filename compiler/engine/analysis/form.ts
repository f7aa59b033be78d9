// What can be said about a rule without counting coalitions, in time about linear in the body:
// whether it is monotone by its form, and coalitions found by walking chains (seats added one at a
// time, in several orders) that pass, or that pass and fail with one more yes. The findings are
// witnesses, so they are always true; when the rule counts on one tally of equal seats only, the
// chain meets every possible vote and the findings are exact. `mlat check` warns from these;
// `mlat analyze` decides everything exactly.
import type { BodyJson, RuleJson } from "../../ruleset/types.js";
import { buildGame, compileCondition, GameError, monotoneByForm, type Game } from "./game.js";

export interface RuleForm {
  readonly monotoneByForm: boolean;
  /** Some coalition found on a chain wins. */
  readonly someWins: boolean;
  /** Every coalition met on the chains wins. */
  readonly allWin: boolean;
  /** A winning coalition that loses when `plus` votes yes too. */
  readonly nonMonotone?: { readonly coalition: readonly string[]; readonly plus: string };
  /** The chains met every possible tally: `someWins` and `allWin` are exact. */
  readonly exhaustive: boolean;
}

/** The form of a rule, or why its game cannot be built (weights too fine to scale to integers). */
export function ruleForm(body: BodyJson, rule: RuleJson): RuleForm | { readonly error: string } {
  let game: Game;
  try {
    game = buildGame(body, rule);
  } catch (e) {
    if (e instanceof GameError) return { error: e.message };
    throw e;
  }
  return formOfGame(game);
}

/** The form of a game already built (the check of a rule builds it once for several questions). */
export function formOfGame(game: Game): RuleForm {
  const n = game.players.length;
  const holds = compileCondition(game);
  const monotone = monotoneByForm(game);
  const seatOrder = game.players.map((_, i) => i);
  const orders: number[][] = [seatOrder];
  if (!monotone) {
    for (const d of game.dims) {
      const desc = [...seatOrder].sort((a, b) => d[b]! - d[a]! || a - b);
      orders.push(desc, [...desc].reverse());
    }
  }
  let someWins = false;
  let allWin = true;
  let nonMonotone: RuleForm["nonMonotone"];
  const sums = new Float64Array(game.dims.length);
  for (const order of orders) {
    sums.fill(0);
    let before = holds(sums);
    someWins ||= before;
    allWin &&= before;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      for (let d = 0; d < sums.length; d++) sums[d]! += game.dims[d]![i]!;
      const after = holds(sums);
      someWins ||= after;
      allWin &&= after;
      if (before && !after && !nonMonotone) nonMonotone = { coalition: order.slice(0, k).map((j) => game.players[j]!), plus: game.players[i]! };
      before = after;
    }
    if (monotone) break; // for a monotone rule the empty and the full coalition say it all
  }
  const equalSeats = game.dims.length === 1 && game.dims[0]!.every((w) => w === game.dims[0]![0]);
  return { monotoneByForm: monotone, someWins, allWin, ...(nonMonotone ? { nonMonotone } : {}), exhaustive: monotone || equalSeats || n === 0 };
}
