// Exact counting for a weighted majority game (one threshold: win when w(S) ≥ q), the form of
// most real boards and assemblies. The generating function F(x) = Π(1 + x^{w_i}) is kept only up
// to degree D = W − q, the short side: by the symmetry S ↔ N∖S every count the analysis needs —
// winning coalitions, each player's swings and winning coalitions without it, coalitions whose
// complement wins too — is a sum of coefficients of degree ≤ D (for an 85 % rule that is 15 % of
// the total). Each kind of player (equal weight) costs one exact division by (1 + x^w) in O(D);
// Shapley–Shubik keeps the coefficients by coalition size as well. Counts are residues modulo a
// few primes below 2^52 (modular.ts), joined into BigInt only at the end.
import type { CountingMethod, GameCounts, PlayerCounts, WorkMonitor } from "./counts.js";
import type { Game } from "./game.js";
import { binomial } from "./counts.js";
import { combine, PRIMES, primesFor } from "./modular.js";
import { ResiduePoly, zeros } from "./residue-poly.js";

/** The game as one threshold on one dimension, when it is that: win ⟺ Σ w_i x_i ≥ q. */
export function singleThreshold(game: Game): { weights: readonly number[]; quota: number } | undefined {
  const c = game.condition;
  if (c.kind !== "atom") return undefined;
  const a = game.atoms[c.atom]!;
  if (a.negate || a.hi !== null || a.lo === null) return undefined;
  const weights = game.dims[a.dim]!;
  if (weights.some((w) => w < 0 || !Number.isSafeInteger(w))) return undefined;
  return { weights, quota: a.lo };
}

/** Cells the method keeps (per prime), for the cost estimate. */
export function weightedCost(game: Game, shapley: boolean): number | undefined {
  const t = singleThreshold(game);
  if (!t) return undefined;
  const n = t.weights.length;
  const total = t.weights.reduce((a, b) => a + b, 0);
  // Without size layers the product is kept as a palindrome: at most half the total weight.
  const d = Math.min(Math.max(0, total - t.quota) + 1, shapley ? Infinity : Math.floor(total / 2) + 1);
  const p = primesFor(n + 1);
  const types = new Set(t.weights).size;
  // × 0.4: its branch-free cell update runs in about 0.4 of the time the units assume (measured
  // on the 1,000-seat and 150-seat workloads of `npm run bench:analysis`).
  return 0.4 * p * d * (shapley ? ((n + 1) * (n + types)) / 2 : n + types);
}

const noMonitor: WorkMonitor = { step: () => {} };

function addMod(a: number, b: number, p: number): number {
  const v = a + b;
  return v >= p ? v - p : v;
}

/** f ← f · (1 + x^w), truncated at f.length, modulo p. */
function multiply(f: Float64Array, w: number, p: number): void {
  for (let s = f.length - 1; s >= w; s--) {
    const v = f[s]! + f[s - w]! - p;
    f[s] = v + p * +(v < 0); // branch-free: see residue-poly.ts
  }
}

export function sumRange(f: Float64Array, from: number, to: number, p: number): number {
  let acc = 0;
  for (let s = Math.max(0, from); s <= Math.min(to, f.length - 1); s++) acc = addMod(acc, f[s]!, p);
  return acc;
}

/**
 * Σ_{t ≤ s} G[t] for G = F / (1 + x^w), from the prefix sums C of F: G[t] = Σ_j (−1)^j F[t − jw], so
 * the prefix of G is the alternating sum Σ_j (−1)^j C[s − jw] — O(s/w) instead of a division in O(D).
 * With size layers, G_k = F_k − x^w G_{k−1}, and the same sum runs over layers k, k−1, ….
 */
function quotientPrefix(C: readonly ResiduePoly[], layer: number, s: number, w: number, sign: 1 | -1, out: number[]): void {
  // One polynomial: every term reads it; size layers: term j reads layer − j.
  const layered = C.length > 1;
  for (let j = 0; s - j * w >= 0 && (!layered || layer - j >= 0); j++) C[layered ? layer - j : 0]!.accumulate(s - j * w, (j % 2 === 0 ? sign : -sign) as 1 | -1, out);
}

/** Σ_{a ≤ t ≤ b} of the quotient (of one layer, with size layers), as residues. */
function quotientWindow(C: readonly ResiduePoly[], layer: number, a: number, b: number, w: number, primes: number): bigint {
  const out = zeros(primes);
  if (b >= Math.max(0, a)) {
    quotientPrefix(C, layer, b, w, 1, out);
    if (a - 1 >= 0) quotientPrefix(C, layer, a - 1, w, -1, out);
  }
  return combine(out);
}

export const weightedThreshold: CountingMethod & { minimalWinning(game: Game, monitor?: WorkMonitor): bigint | undefined } = {
  count(game, { shapley, monitor = noMonitor, minimal = false }) {
    const t = singleThreshold(game);
    if (!t) return { tooLarge: "the rule is not a single weighted threshold" };
    const zeros = t.weights.filter((w) => w === 0).length;
    if (zeros === 0) return countPositive(game, t.weights, t.quota, shapley, monitor, minimal);
    // Seats of weight zero are dummies: count without them; each then doubles every count and
    // spreads the coalition sizes binomially.
    const positive = t.weights.filter((w) => w > 0);
    const inner = countPositive({ ...game, players: game.players.filter((_, i) => t.weights[i]! > 0) }, positive, t.quota, shapley, monitor, minimal);
    const scale = 2n ** BigInt(zeros);
    const n = game.players.length;
    const spread = (by: readonly bigint[] | null): bigint[] | null => {
      if (!by) return null;
      const out = new Array<bigint>(n).fill(0n);
      by.forEach((c, j) => {
        if (c !== 0n) for (let z = 0; z <= zeros; z++) out[j + z] = out[j + z]! + c * binomial(zeros, z);
      });
      return out;
    };
    let k = 0;
    const dummy: PlayerCounts = { swings: 0n, negativeSwings: 0n, winningWithout: (inner.winning * scale) / 2n, swingsBySize: shapley ? new Array<bigint>(n).fill(0n) : null };
    const scaled = new Map<PlayerCounts, PlayerCounts>(); // one per kind, as the inner counts are
    const players = t.weights.map((w): PlayerCounts => {
      if (w === 0) return dummy;
      const p = inner.players[k++]!;
      let q = scaled.get(p);
      if (!q) scaled.set(p, (q = { swings: p.swings * scale, negativeSwings: 0n, winningWithout: p.winningWithout * scale, swingsBySize: spread(p.swingsBySize) }));
      return q;
    });
    // A seat of weight zero is in no minimal winning coalition: their number is the inner one.
    return { method: "weighted majority", winning: inner.winning * scale, bothWin: inner.bothWin * scale, players, ...(inner.minimalWinning !== undefined ? { minimalWinning: inner.minimalWinning } : {}) };
  },

  countWinning(game, allowed, forced) {
    const t = singleThreshold(game);
    if (!t) return { tooLarge: "the rule is not a single weighted threshold" };
    let q = t.quota;
    const free: number[] = [];
    let zeros = 0;
    t.weights.forEach((w, i) => {
      if (forced[i]) q -= w;
      else if (allowed[i]) {
        if (w === 0) zeros++;
        else free.push(w);
      }
    });
    const total = free.reduce((a, b) => a + b, 0);
    const scale = 2n ** BigInt(zeros);
    if (q <= 0) return scale * 2n ** BigInt(free.length);
    if (q > total) return 0n;
    const D = total - q; // #{w(S) ≥ q} = #{w(S) ≤ total − q}
    const P = primesFor(free.length + 1);
    return scale * combine(Array.from({ length: P }, (_, k) => {
      const p = PRIMES[k]!;
      const F = new Float64Array(D + 1);
      F[0] = 1;
      for (const w of free) multiply(F, w, p);
      return sumRange(F, 0, D, p);
    }));
  },

  /** Minimal winning coalitions alone (the counts computed with them are dropped). */
  minimalWinning(game, monitor = noMonitor) {
    const t = singleThreshold(game);
    if (!t) return undefined;
    const order = t.weights.filter((w) => w > 0);
    const total = order.reduce((a, b) => a + b, 0);
    if (t.quota <= 0) return 1n; // the empty coalition wins: it is the one minimal winning coalition
    if (t.quota > total) return 0n;
    return heaviestFirst(order, t.quota, total - t.quota, primesFor(order.length + 1), monitor).minimal;
  },
};

/**
 * F = Π(1 + x^{w_i}) up to degree D, built heaviest seat first so that the minimal winning
 * coalitions come out of the same pass: with seats taken heaviest first, S is minimal exactly when
 * it wins and loses without its lightest member, so for each seat as the lightest, count the
 * coalitions T of the seats before it with q − w ≤ w(T) ≤ q − 1 — read off the product so far. The
 * products are palindromes (multiplyPalindrome), so the reads go through the mirror.
 */
function heaviestFirst(weights: readonly number[], quota: number, D: number, P: number, monitor: WorkMonitor): { F: ResiduePoly; minimal: bigint } {
  const order = [...weights].sort((a, b) => b - a);
  const H = ResiduePoly.one(D + 1, P);
  const acc = zeros(P);
  let before = 0;
  for (const w of order) {
    // The window is w long: over all seats the reads cost W, less than the products.
    for (let s = Math.max(0, quota - w); s <= Math.min(quota - 1, before); s++) H.accumulateMirrored(s, before, 1, acc);
    H.multiplyPalindrome(w, before);
    before += w;
    monitor.step(Math.min(D + 1, before / 2) * P);
  }
  return { F: H, minimal: combine(acc) };
}

/** F = Π(1 + x^{w_i}) up to degree D, lightest seat first: while the weight added stays below 2D only its lower half is non-trivial. */
function lightestFirst(weights: readonly number[], D: number, P: number, monitor: WorkMonitor): ResiduePoly {
  const F = ResiduePoly.one(D + 1, P);
  let before = 0;
  for (const w of [...weights].sort((a, b) => a - b)) {
    F.multiplyPalindrome(w, before);
    before += w;
    monitor.step(Math.max(0, Math.min(D + 1, before / 2) - w) * P);
  }
  return F;
}

/** Every coalition wins (quota ≤ 0) or none does (quota above the total). */
function trivial(game: Game, allWin: boolean, shapley: boolean): GameCounts {
  const n = game.players.length;
  const all = 2n ** BigInt(n);
  return {
    method: "weighted majority",
    winning: allWin ? all : 0n,
    bothWin: allWin ? all : 0n,
    players: game.players.map(() => ({ swings: 0n, negativeSwings: 0n, winningWithout: allWin ? all / 2n : 0n, swingsBySize: shapley ? Array.from({ length: n }, () => 0n) : null })),
    minimalWinning: allWin ? 1n : 0n, // the empty coalition, or none
  };
}


/** The counts of a weighted majority game whose weights are all positive. */
function countPositive(game: Game, weights: readonly number[], quota: number, shapley: boolean, monitor: WorkMonitor, minimal: boolean): GameCounts {
  const n = weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  if (quota > total || quota <= 0) return trivial(game, quota <= 0, shapley);
  const D = total - quota;
  const P = primesFor(n + 1);
  // F (or F by coalition size, for Shapley–Shubik) up to degree D, then its prefix sums.
  let layers: ResiduePoly[];
  // Light players first: until the weight added reaches D, only degrees up to it are non-zero.
  const ascending = [...weights].sort((a, b) => a - b);
  let added = 0;
  let minimalCount: bigint | undefined;
  if (!shapley) {
    let F: ResiduePoly;
    if (minimal) ({ F, minimal: minimalCount } = heaviestFirst(weights, quota, D, P, monitor));
    else F = lightestFirst(weights, D, P, monitor);
    F.unfoldPalindrome(total);
    layers = [F];
  } else {
    layers = [ResiduePoly.one(D + 1, P), ...Array.from({ length: n }, () => new ResiduePoly(D + 1, P))];
    ascending.forEach((w, i) => {
      added += w;
      // Adding player i: sizes i+1 … 1 take from the size below, shifted by w.
      for (let k = i + 1; k >= 1; k--) layers[k]!.addShifted(layers[k - 1]!, w, added);
      monitor.step((i + 1) * Math.max(0, Math.min(D, added) + 1 - w) * P);
    });
  }
  const F = shapley ? layers.reduce((acc, l) => (acc.add(l), acc), new ResiduePoly(D + 1, P)) : layers[0]!;
  const C = shapley ? layers : [F];
  for (const c of C) c.prefixSums();
  if (shapley) F.prefixSums();
  // #{w(S) ≥ q} = #{w(S) ≤ W − q} = C[D]; both S and N∖S win when q ≤ w(S) ≤ W − q.
  const winning = F.coefficient(D);
  const bothWin = quota <= D ? F.coefficient(D) - F.coefficient(quota - 1) : 0n;
  const byKind = new Map<number, PlayerCounts>();
  for (const w of new Set(weights)) {
    const all = shapley ? [F] : C;
    const without = quotientWindow(all, 0, 0, D - w, w, P);
    const swings = quotientWindow(all, 0, D - w + 1, D, w, P);
    let bySize: bigint[] | null = null;
    if (shapley) {
      bySize = [];
      // A swing S of size k ⟺ its complement in N∖{i} has size n−1−k and weight in the window.
      for (let k = 0; k < n; k++) bySize.push(quotientWindow(C, n - 1 - k, D - w + 1, D, w, P));
      monitor.step(n * P * Math.min(n, D / w + 1));
    }
    byKind.set(w, { swings, negativeSwings: 0n, winningWithout: without, swingsBySize: bySize });
  }
  const result: GameCounts = { method: "weighted majority", winning, bothWin, players: weights.map((w) => byKind.get(w)!), ...(minimalCount !== undefined ? { minimalWinning: minimalCount } : {}) };
  return result;
}
