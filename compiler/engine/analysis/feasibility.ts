// Cheap questions about a game that need no counting: is it monotone by its form, and what does
// the empty or the full coalition do.
import { maxOf } from "../../text/arrays.js";
import type { BodyJson, RuleJson } from "../../ruleset/types.js";
import { buildGame, compileCondition, GameError, type Game, type GameCondition } from "./game.js";
import { DP_MAX_CELLS } from "./dp.js";
import { MITM_MAX_PLAYERS } from "./mitm.js";
import { ENUMERATION_MAX_PLAYERS } from "./enumerate.js";

/** True when the condition is built from lower bounds with `and`/`or` only (no `not`, no upper bounds). */
export function monotoneByForm(game: Game): boolean {
  if (game.mixedSigns) return false;
  const ok = (c: GameCondition): boolean => {
    switch (c.kind) {
      case "const": return true;
      case "not": return false;
      case "and":
      case "or": return c.args.every(ok);
      case "atom": {
        const a = game.atoms[c.atom]!;
        return !a.negate && a.hi === null;
      }
    }
  };
  return ok(game.condition);
}

export function winsWith(game: Game, members: (i: number) => boolean): boolean {
  const sums = game.dims.map((d) => d.reduce((acc, w, i) => acc + (members(i) ? w : 0), 0));
  return compileCondition(game)(sums);
}

/** A rough count of the work the lattice method would do, to keep checks on the fast path. */
export function latticeWork(game: Game): number {
  let cells = 1;
  for (const d of game.dims) cells *= d.reduce((a, b) => a + Math.max(0, b), 0) + 1;
  return cells * (game.players.length + 1);
}

/**
 * Which exact method can take the game, decided without counting (mirrors the limits of dp.ts,
 * mitm.ts and enumerate.ts); or why none can.
 */
export function exactMethodFor(game: Game, limits: { dpCells: number; mitmPlayers: number; enumerationPlayers: number; smallDim: number }): string | { tooLarge: string } {
  const totals = game.dims.map((d) => d.reduce((a, b) => a + Math.max(0, b), 0));
  const n = game.players.length;
  if (!game.mixedSigns) {
    let cells = 1;
    for (const t of totals) cells *= t + 1;
    if (cells <= limits.dpCells) return "generating function";
    const big = totals.filter((t) => t >= limits.smallDim).length;
    if (n <= limits.mitmPlayers && big <= 1) return "meet in the middle";
  }
  if (n <= limits.enumerationPlayers) return "enumeration";
  return {
    tooLarge: game.mixedSigns
      ? `${n} seats are too many to enumerate, and a comparison mixes weights of opposite signs`
      : `${n} seats with weights that have ${maxOf(totals).toLocaleString("en")} distinct sums are too many to count exactly; give the weight in coarser units`,
  };
}

/**
 * Why `mlat analyze` would refuse the rule (no exact method can take its game), or undefined when
 * it can be analysed. Decided without counting.
 */
export function exactAnalysisProblem(body: BodyJson, rule: RuleJson): string | undefined {
  let game: Game;
  try {
    game = buildGame(body, rule);
  } catch (e) {
    if (e instanceof GameError) return e.message;
    throw e;
  }
  const method = exactMethodFor(game, { dpCells: DP_MAX_CELLS, mitmPlayers: MITM_MAX_PLAYERS, enumerationPlayers: ENUMERATION_MAX_PLAYERS, smallDim: 4096 });
  return typeof method === "string" ? undefined : method.tooLarge;
}
