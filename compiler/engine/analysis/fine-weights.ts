// Weights too fine for doubles (their sum passes 2^53: three seats of 9,007,199,254,740,993 votes).
// Every counting method adds weights as doubles, so such a dimension is split exactly in two: each
// weight w = h·2^k + l with l < 2^k, so a coalition's sum is S = H·2^k + L, where H and L are the
// sums of the high and the low parts — both below 2^53. A threshold on S becomes a condition on
// (H, L): S ≥ t holds when H > t_h, or when H = t_h − j and L ≥ t_l + j·2^k for some j ≥ 0 (L is
// below n·2^k, so j ≤ n). Nothing is rounded: the game is the same, over two ordinary dimensions.

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export interface Split {
  /** k: weights are h·2^k + l. */
  readonly shift: bigint;
  readonly high: number[];
  readonly low: number[];
}

/**
 * The split of the weights (h = ⌊w / 2^k⌋, l = w − h·2^k ∈ [0, 2^k), negative weights too), or
 * undefined when even the high parts add up past 2^53.
 */
export function splitWeights(weights: readonly bigint[]): Split | undefined {
  const n = BigInt(Math.max(1, weights.length));
  // The largest k with n·(2^k − 1) ≤ 2^53 − 1: the low parts of every coalition sum safely.
  let shift = 0n;
  while (n * ((1n << (shift + 1n)) - 1n) <= SAFE) shift++;
  const mask = (1n << shift) - 1n;
  // BigInt >> is a floor and & a two's-complement mask, so w = (w >> k)·2^k + (w & mask) for every sign.
  const high = weights.map((w) => w >> shift);
  if (high.reduce((a, h) => a + (h < 0n ? -h : h), 0n) > SAFE) return undefined;
  return { shift, high: high.map(Number), low: weights.map((w) => Number(w & mask)) };
}

/** `S ≥ t` as `H > high`, or any of `H = h and L ≥ low`; true or false when it does not depend on the coalition. */
export type AtLeast = boolean | { readonly highAbove: number; readonly clauses: readonly { readonly high: number; readonly lowAtLeast: number }[] };

export function atLeast(split: Split, t: bigint): AtLeast {
  const maxLow = split.low.reduce((a, b) => a + b, 0);
  const maxHigh = BigInt(split.high.reduce((a, b) => a + Math.max(0, b), 0));
  const minHigh = BigInt(split.high.reduce((a, b) => a + Math.min(0, b), 0));
  const unit = 1n << split.shift;
  const th = t >> split.shift; // a floor, for negative thresholds too
  // Even the largest sum is below t (L may pass 2^k: H alone does not bound S).
  if (t > maxHigh * unit + BigInt(maxLow)) return false;
  if (th < minHigh) return true;
  const tl = t - th * unit;
  const clauses: { high: number; lowAtLeast: number }[] = [];
  for (let j = 0n; th - j >= minHigh; j++) {
    const need = tl + j * unit;
    if (need > BigInt(maxLow)) break;
    clauses.push({ high: Number(th - j), lowAtLeast: Number(need) });
  }
  return { highAbove: Number(th), clauses };
}
