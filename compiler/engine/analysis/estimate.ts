// A Monte Carlo estimate of Shapley–Shubik power, for bodies where the exact count would take
// hours: seats join in random orders (seeded, so runs repeat), and each order's pivot — the seat
// whose joining makes the coalition win — is counted. Every value comes with a 95% confidence
// interval, and is always labelled an estimate, never mixed with exact values.
import { compileCondition, type Game } from "./game.js";
import type { WorkMonitor } from "./counts.js";

export interface ShapleyEstimate {
  readonly samples: number;
  readonly seed: number;
  readonly confidence: 0.95;
  /** Seat → estimate and the half-width of its 95% interval, as decimals (never exact). */
  readonly values: Readonly<Record<string, { readonly estimate: number; readonly plusMinus: number }>>;
}

/** sfc32 — a small, fast, well-tested generator with 128 bits of state, seeded (Math.random is not). */
function generator(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // mix the seed in
  return next;
}

export function estimateShapley(game: Game, samples: number, seed: number, monitor: WorkMonitor): ShapleyEstimate {
  const n = game.players.length;
  const holds = compileCondition(game);
  const rnd = generator(seed);
  const pivots = new Float64Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const sums = new Float64Array(game.dims.length);
  for (let s = 0; s < samples; s++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const x = order[i]!;
      order[i] = order[j]!;
      order[j] = x;
    }
    sums.fill(0);
    if (holds(sums)) continue; // the empty coalition wins: nobody is pivotal
    for (let k = 0; k < n; k++) {
      const p = order[k]!;
      for (let d = 0; d < sums.length; d++) sums[d]! += game.dims[d]![p]!;
      if (holds(sums)) {
        pivots[p]!++;
        break;
      }
    }
    if ((s & 4095) === 4095) monitor.step(4096 * n);
  }
  const values: Record<string, { estimate: number; plusMinus: number }> = {};
  game.players.forEach((player, i) => {
    const p = pivots[i]! / samples;
    values[player] = { estimate: p, plusMinus: 1.96 * Math.sqrt((p * (1 - p)) / samples) };
  });
  return { samples, seed, confidence: 0.95, values };
}
