// Exact counting over kinds of seats: seats with equal weights in every dimension are
// interchangeable, so a coalition is known up to its profile — how many seats of each kind it has —
// and every count is a sum over profiles, each weighted by Π C(k_t, j_t). With few kinds (an
// assembly of equal seats, a council of permanent and elected members) there are few profiles,
// whatever the number of seats: 5,000 equal seats are 5,001 profiles. Any condition works (the
// tallies of a profile are fixed), monotone or not. Counts are BigInt, exact.
import type { CountingMethod, GameCounts, PlayerCounts, WorkMonitor } from "./counts.js";
import { compileCondition, type Game } from "./game.js";
import { playerTypes } from "./dp.js";

/** Profiles to visit (Π (k_t + 1)), for the cost estimate. */
export function profileCount(game: Game): number {
  let n = 1;
  for (const t of playerTypes(game)) {
    n *= t.count + 1;
    if (n > 1e15) return Infinity;
  }
  return n;
}

const noMonitor: WorkMonitor = { step: () => {} };

interface Profile {
  /** seats of each kind voting yes */
  readonly j: Int32Array;
  /** tallies of each dimension */
  readonly sums: Float64Array;
}

/** Visits every profile with its number of coalitions Π C(k_t, j_t), kept exactly and incrementally. */
function forEachProfile(counts: readonly number[], vec: readonly (readonly number[])[], dims: number, visit: (p: Profile, ways: bigint, size: number) => void, monitor: WorkMonitor): void {
  const T = counts.length;
  const j = new Int32Array(T);
  const sums = new Float64Array(dims);
  let ways = 1n;
  let size = 0;
  const profile = { j, sums };
  for (;;) {
    visit(profile, ways, size);
    monitor.step(T + dims);
    let t = 0;
    for (; t < T; t++) {
      if (j[t]! < counts[t]!) {
        // C(k, j+1) = C(k, j) · (k − j) / (j + 1); the product stays an integer at every step.
        ways = (ways * BigInt(counts[t]! - j[t]!)) / BigInt(j[t]! + 1);
        j[t]!++;
        size++;
        for (let d = 0; d < dims; d++) sums[d]! += vec[t]![d]!;
        break;
      }
      // Back to none of this kind: C(k, k) = C(k, 0) = 1, the product is unchanged.
      size -= j[t]!;
      for (let d = 0; d < dims; d++) sums[d]! -= vec[t]![d]! * j[t]!;
      j[t] = 0;
    }
    if (t === T) return;
  }
}

export const kindsOfSeats: CountingMethod & { minimalWinning(game: Game, monitor?: WorkMonitor): bigint | undefined } = {
  count(game, { shapley, monitor = noMonitor }) {
    const types = playerTypes(game);
    const n = game.players.length;
    const holds = compileCondition(game);
    const counts = types.map((t) => t.count);
    const vec = types.map((t) => game.dims.map((d) => d[t.representative]!));
    const totals = game.dims.map((d) => d.reduce((a, b) => a + b, 0));
    const comp = new Float64Array(game.dims.length);
    const plus = new Float64Array(game.dims.length);
    let winning = 0n;
    let bothWin = 0n;
    // Per kind: counts over coalitions of the other seats, from the profiles of all seats: a
    // profile j with j_t < k_t has C(k_t − 1, j_t) · Π_{s≠t} C(k_s, j_s) = ways · (k_t − j_t) / k_t
    // coalitions without one given seat of kind t.
    const acc = types.map(() => ({ swings: 0n, negative: 0n, without: 0n, bySize: shapley ? new Array<bigint>(n).fill(0n) : null }));
    forEachProfile(
      counts,
      vec,
      game.dims.length,
      ({ j, sums }, ways, size) => {
        const wins = holds(sums);
        if (wins) {
          winning += ways;
          for (let d = 0; d < comp.length; d++) comp[d] = totals[d]! - sums[d]!;
          if (holds(comp)) bothWin += ways;
        }
        for (let t = 0; t < types.length; t++) {
          if (j[t]! >= counts[t]!) continue;
          const without = (ways * BigInt(counts[t]! - j[t]!)) / BigInt(counts[t]!);
          for (let d = 0; d < plus.length; d++) plus[d] = sums[d]! + vec[t]![d]!;
          const withIt = holds(plus);
          const a = acc[t]!;
          if (wins) a.without += without;
          if (withIt === wins) continue;
          if (withIt) a.swings += without;
          else a.negative += without;
          if (a.bySize) a.bySize[size] = a.bySize[size]! + (withIt ? without : -without);
        }
      },
      monitor,
    );
    const byKind = new Map<string, PlayerCounts>(types.map((t, k) => [t.key, { swings: acc[k]!.swings, negativeSwings: acc[k]!.negative, winningWithout: acc[k]!.without, swingsBySize: acc[k]!.bySize }]));
    const keys = game.players.map((_, i) => game.dims.map((d) => d[i]).join(","));
    const result: GameCounts = { method: "kinds of seats", winning, bothWin, players: keys.map((k) => byKind.get(k)!) };
    return result;
  },

  countWinning(game, allowed, forced) {
    // Kinds among the free seats (forced seats add their weights to every tally).
    const holds = compileCondition(game);
    const base = game.dims.map((d) => d.reduce((acc, w, i) => acc + (forced[i] ? w : 0), 0));
    const kinds = new Map<string, { count: number; vec: number[] }>();
    game.players.forEach((_, i) => {
      if (forced[i] || !allowed[i]) return;
      const vec = game.dims.map((d) => d[i]!);
      const key = vec.join(",");
      const k = kinds.get(key);
      if (k) k.count++;
      else kinds.set(key, { count: 1, vec });
    });
    const list = [...kinds.values()];
    let profiles = 1;
    for (const k of list) profiles *= k.count + 1;
    if (profiles > 5e6) return { tooLarge: "too many profiles" };
    let total = 0n;
    const sums = new Float64Array(base.length);
    forEachProfile(
      list.map((k) => k.count),
      list.map((k) => k.vec),
      base.length,
      (p, ways) => {
        for (let d = 0; d < sums.length; d++) sums[d] = p.sums[d]! + base[d]!;
        if (holds(sums)) total += ways;
      },
      noMonitor,
    );
    return total;
  },

  /** A winning profile is minimal when removing one seat of any kind it has makes it lose (monotone games). */
  minimalWinning(game, monitor = noMonitor) {
    const types = playerTypes(game);
    const holds = compileCondition(game);
    const counts = types.map((t) => t.count);
    const vec = types.map((t) => game.dims.map((d) => d[t.representative]!));
    const less = new Float64Array(game.dims.length);
    let count = 0n;
    forEachProfile(
      counts,
      vec,
      game.dims.length,
      ({ j, sums }, ways) => {
        if (!holds(sums)) return;
        for (let t = 0; t < types.length; t++) {
          if (j[t] === 0) continue;
          for (let d = 0; d < less.length; d++) less[d] = sums[d]! - vec[t]![d]!;
          if (holds(less)) return;
        }
        count += ways;
      },
      monitor,
    );
    return count;
  },
};
