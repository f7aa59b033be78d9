// Two weighted thresholds over the same seats (`yes by votes >= 85%` before and after a quota
// reform, or with one more chair) compared at any size: a coalition that passes the first and
// fails the second exists exactly when, among the coalitions reaching the first quota, the
// lightest in the second weight stays below the second quota — a knapsack over the first weight,
// capped at its quota, that keeps the least second weight (O(n · q) numbers, no enumeration). The
// coalition itself is read back from the choices the knapsack made.
import { buildGame, type Game } from "./analysis/game.js";
import { singleThreshold } from "./analysis/weighted.js";
import type { BodyJson, ConditionJson } from "../ruleset/types.js";

/** Cells the knapsack may use (four bytes of choices each). */
const CELL_LIMIT = 20_000_000;

/** The rule as integer weights and a quota over the body's seats, when it is one threshold. */
export function asThreshold(body: BodyJson, condition: ConditionJson): { weights: readonly number[]; quota: number; game: Game } | undefined {
  let game: Game;
  try {
    game = buildGame(body, { id: "diff", name: "diff", text: "", condition });
  } catch {
    return undefined;
  }
  const t = singleThreshold(game);
  return t && { ...t, game };
}

/**
 * Seats (of `allowed`) of a coalition with first(S) ≥ q1 and second(S) < q2; null when there is
 * none; undefined when the knapsack would be too large.
 */
export function thresholdWitness(first: { weights: readonly number[]; quota: number }, second: { weights: readonly number[]; quota: number }, allowed: readonly boolean[]): number[] | null | undefined {
  const seats = first.weights.map((_, i) => i).filter((i) => allowed[i]);
  const q = Math.max(0, first.quota);
  const width = q + 1;
  if (seats.length * width > CELL_LIMIT) return undefined;
  // least[t]: the least second weight of a coalition whose first weight is t (q: at least q).
  let least = new Float64Array(width).fill(Infinity);
  least[0] = 0;
  // from[k·width + t]: the cell seat k was added to, to reach t at its best (−1: not taken).
  const from = new Int32Array(seats.length * width).fill(-1);
  seats.forEach((seat, k) => {
    const w1 = first.weights[seat]!;
    const w2 = second.weights[seat]!;
    const next = least.slice();
    for (let t = 0; t <= q; t++) {
      if (least[t] === Infinity) continue;
      const to = Math.min(q, t + w1);
      const v = least[t]! + w2;
      if (v < next[to]!) {
        next[to] = v;
        from[k * width + to] = t;
      }
    }
    least = next;
  });
  if (!(least[q]! < second.quota)) return null;
  const chosen: number[] = [];
  for (let k = seats.length - 1, t = q; k >= 0; k--) {
    const f = from[k * width + t]!;
    if (f < 0) continue;
    chosen.push(seats[k]!);
    t = f;
  }
  return chosen.sort((a, b) => a - b);
}
