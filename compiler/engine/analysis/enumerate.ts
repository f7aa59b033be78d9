// Counting by enumerating all 2^n coalitions: the reference the fast methods are tested against,
// and the fallback for small games the others cannot take (weights of mixed signs).
import type { CountingMethod, GameCounts } from "./counts.js";
import { compileCondition, type Game } from "./game.js";

export const ENUMERATION_MAX_PLAYERS = 22;

/** win[mask] for every coalition, walking a Gray code so each step adds or removes one player. */
export function winTable(game: Game): Uint8Array {
  const n = game.players.length;
  const holds = compileCondition(game);
  const sums = new Array<number>(game.dims.length).fill(0);
  const table = new Uint8Array(2 ** n);
  let mask = 0;
  table[0] = holds(sums) ? 1 : 0;
  for (let step = 1; step < 2 ** n; step++) {
    const bit = 31 - Math.clz32(step & -step); // the player that changes
    const adding = (mask & (1 << bit)) === 0;
    mask ^= 1 << bit;
    for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! + (adding ? game.dims[d]![bit]! : -game.dims[d]![bit]!);
    table[mask] = holds(sums) ? 1 : 0;
  }
  return table;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countFromTable(game: Game, table: Uint8Array, shapley: boolean): GameCounts {
  const n = game.players.length;
  const full = 2 ** n - 1;
  let winning = 0;
  let bothWin = 0;
  for (let m = 0; m <= full; m++) {
    if (!table[m]) continue;
    winning++;
    if (table[full ^ m]) bothWin++;
  }
  const players = game.players.map((_, i) => {
    const bit = 1 << i;
    let swings = 0;
    let negative = 0;
    let without = 0;
    const bySize = shapley ? new Array<number>(n).fill(0) : null;
    for (let m = 0; m <= full; m++) {
      if (m & bit) continue;
      const before = table[m]!;
      const after = table[m | bit]!;
      if (before) without++;
      if (before === after) continue;
      if (after) swings++;
      else negative++;
      if (bySize) bySize[popcount(m)]! += after ? 1 : -1;
    }
    return { swings: BigInt(swings), negativeSwings: BigInt(negative), winningWithout: BigInt(without), swingsBySize: bySize ? bySize.map(BigInt) : null };
  });
  return { method: "enumeration", winning: BigInt(winning), bothWin: BigInt(bothWin), players };
}

export const enumeration: CountingMethod = {
  count(game, { shapley }) {
    if (game.players.length > ENUMERATION_MAX_PLAYERS) return { tooLarge: `${game.players.length} seats are too many to enumerate 2^n coalitions` };
    return countFromTable(game, winTable(game), shapley);
  },
  countWinning(game, allowed, forced) {
    if (game.players.length > ENUMERATION_MAX_PLAYERS) return { tooLarge: `${game.players.length} seats are too many to enumerate` };
    const table = winTable(game);
    let required = 0;
    let permitted = 0;
    game.players.forEach((_, i) => {
      if (forced[i]) required |= 1 << i;
      if (allowed[i] || forced[i]) permitted |= 1 << i;
    });
    let w = 0n;
    for (let m = 0; m < table.length; m++) if (table[m] && (m & required) === required && (m & ~permitted) === 0) w++;
    return w;
  },
};
