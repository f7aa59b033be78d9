// A polynomial with exact big coefficients, kept as residues modulo several primes below 2^52
// (modular.ts). The residues of one coefficient sit side by side in groups of up to four primes,
// so one pass over the coefficients updates every prime of a group while the cache line is warm
// (about twice as fast as one array per prime). Only additions and subtractions are needed.
// The reductions are branch-free, `v − p + p·(v − p < 0)`: a sum of residues is above p about
// half the time at random, and a mispredicted branch per cell cost four times the whole update.
import { combine, PRIMES } from "./modular.js";

interface Group {
  /** Primes in this group (1, 2 or 4 of them). */
  readonly primes: readonly number[];
  /** index (s · g + k) → coefficient s modulo primes[k] */
  readonly data: Float64Array;
}

export class ResiduePoly {
  readonly groups: readonly Group[];

  constructor(readonly length: number, readonly primeCount: number) {
    const groups: Group[] = [];
    let k = 0;
    while (k < primeCount) {
      const g = primeCount - k >= 4 ? 4 : primeCount - k >= 2 ? 2 : 1;
      groups.push({ primes: PRIMES.slice(k, k + g), data: new Float64Array(length * g) });
      k += g;
    }
    this.groups = groups;
  }

  /** The constant polynomial 1. */
  static one(length: number, primeCount: number): ResiduePoly {
    const p = new ResiduePoly(length, primeCount);
    for (const g of p.groups) for (let k = 0; k < g.primes.length; k++) g.data[k] = 1;
    return p;
  }

  /**
   * this ← this · (1 + x^w), truncated at `length`. `degree` bounds the result's degree when it is
   * known (the weight added so far): coefficients above it are zero and need no work.
   */
  multiply(w: number, degree = this.length - 1): void {
    const end = Math.min(this.length, degree + 1);
    for (const g of this.groups) addShifted(g, g, w, end);
  }

  /**
   * The same product, kept as a palindrome. A product Π(1 + x^{w_i}) of total weight B has
   * c[t] = c[B − t] (a subset and its complement), so only degrees up to ⌊B/2⌋ (and at most
   * `length − 1`) are stored; `oldTotal` is B before this seat. Halves the work of every product
   * whose quota is near one half, and picks the short side by itself.
   */
  multiplyPalindrome(w: number, oldTotal: number): void {
    const oldTop = Math.min(this.length - 1, Math.floor(oldTotal / 2));
    const newTop = Math.min(this.length - 1, Math.floor((oldTotal + w) / 2));
    for (const g of this.groups) {
      const a = g.data;
      const gs = g.primes.length;
      // Degrees above the old middle: the old coefficient is its mirror image, read before the
      // descending pass overwrites it (oldTotal − s < s).
      for (let s = newTop; s > oldTop; s--) {
        const m = oldTotal - s;
        for (let k = 0; k < gs; k++) {
          const x = m >= 0 ? a[m * gs + k]! : 0;
          const y = s - w >= 0 ? a[(s - w) * gs + k]! : 0;
          const v = x + y;
          const p = g.primes[k]!;
          a[s * gs + k] = v >= p ? v - p : v;
        }
      }
      addShifted(g, g, w, oldTop + 1);
    }
  }

  /** Coefficient t of a palindrome of total weight B stored by `multiplyPalindrome`, added to `out`. */
  accumulateMirrored(t: number, total: number, sign: 1 | -1, out: number[]): void {
    if (t < 0 || t > total) return;
    this.accumulate(Math.min(t, total - t), sign, out);
  }

  /** Fills degrees above ⌊B/2⌋ from their mirror images: the full product again, up to `length − 1`. */
  unfoldPalindrome(total: number): void {
    const half = Math.floor(total / 2);
    for (const g of this.groups) {
      const gs = g.primes.length;
      for (let s = half + 1; s < this.length; s++) for (let k = 0; k < gs; k++) g.data[s * gs + k] = s <= total ? g.data[(total - s) * gs + k]! : 0;
    }
  }

  /** this ← this + x^w · other (both of the same shape); e.g. adding a player to size layers. */
  addShifted(other: ResiduePoly, w: number, degree = this.length - 1): void {
    const end = Math.min(this.length, degree + 1);
    this.groups.forEach((g, i) => addShifted(g, other.groups[i]!, w, end));
  }

  /** this ← this + other. */
  add(other: ResiduePoly): void {
    this.groups.forEach((g, i) => {
      const a = g.data;
      const b = other.groups[i]!.data;
      const gs = g.primes.length;
      for (let j = 0; j < a.length; j++) {
        const p = g.primes[j % gs]!;
        const v = a[j]! + b[j]! - p;
        a[j] = v + p * +(v < 0);
      }
    });
  }

  /** this / (1 + x^w), exactly (the divisor is monic): g[s] = f[s] − g[s − w]. */
  divide(w: number): ResiduePoly {
    const out = new ResiduePoly(this.length, this.primeCount);
    this.groups.forEach((g, i) => {
      const f = g.data;
      const q = out.groups[i]!.data;
      const gs = g.primes.length;
      const shift = w * gs;
      for (let j = 0; j < f.length; j++) {
        if (j < shift) q[j] = f[j]!;
        else {
          const v = f[j]! - q[j - shift]!;
          q[j] = v + g.primes[j % gs]! * +(v < 0);
        }
      }
    });
    return out;
  }

  /** Whether coefficient s is zero (modulo every prime: the integer is zero). */
  isZero(s: number): boolean {
    for (const g of this.groups) {
      const gs = g.primes.length;
      for (let k = 0; k < gs; k++) if (g.data[s * gs + k] !== 0) return false;
    }
    return true;
  }

  /** Prefix sums: coefficient s becomes Σ_{t ≤ s} (for window sums in O(1)). */
  prefixSums(): void {
    for (const g of this.groups) {
      const d = g.data;
      const gs = g.primes.length;
      for (let s = 1; s < this.length; s++) {
        for (let k = 0; k < gs; k++) {
          const p = g.primes[k]!;
          const v = d[s * gs + k]! + d[(s - 1) * gs + k]! - p;
          d[s * gs + k] = v + p * +(v < 0);
        }
      }
    }
  }

  /** The residues of coefficient s (0 outside the polynomial's range), appended to `out` with a sign. */
  accumulate(s: number, sign: 1 | -1, out: number[]): void {
    let k = 0;
    for (const g of this.groups) {
      const gs = g.primes.length;
      for (let j = 0; j < gs; j++, k++) {
        const p = g.primes[j]!;
        const x = s >= 0 && s < this.length ? g.data[s * gs + j]! : s >= this.length ? g.data[(this.length - 1) * gs + j]! : 0;
        const v = sign > 0 ? out[k]! + x : out[k]! - x;
        out[k] = v >= p ? v - p : v < 0 ? v + p : v;
      }
    }
  }

  /** The coefficient s as an integer. */
  coefficient(s: number): bigint {
    const out = new Array<number>(this.primeCount).fill(0);
    this.accumulate(s, 1, out);
    return combine(out);
  }
}

/** Zero residues for `count` primes. */
export function zeros(count: number): number[] {
  return new Array<number>(count).fill(0);
}

/** to ← to + x^w · from, for one group (to and from may be the same: then it runs downwards). */
function addShifted(to: Group, from: Group, w: number, length: number): void {
  const a = to.data;
  const b = from.data;
  const gs = to.primes.length;
  const stop = w * gs;
  const shift = w * gs;
  const top = (length - 1) * gs;
  if (gs === 4) {
    const [p0, p1, p2, p3] = to.primes as [number, number, number, number];
    for (let i = top; i >= stop; i -= 4) {
      const j = i - shift;
      let v = a[i]! + b[j]! - p0;
      a[i] = v + p0 * +(v < 0);
      v = a[i + 1]! + b[j + 1]! - p1;
      a[i + 1] = v + p1 * +(v < 0);
      v = a[i + 2]! + b[j + 2]! - p2;
      a[i + 2] = v + p2 * +(v < 0);
      v = a[i + 3]! + b[j + 3]! - p3;
      a[i + 3] = v + p3 * +(v < 0);
    }
  } else if (gs === 2) {
    const [p0, p1] = to.primes as [number, number];
    for (let i = top; i >= stop; i -= 2) {
      const j = i - shift;
      let v = a[i]! + b[j]! - p0;
      a[i] = v + p0 * +(v < 0);
      v = a[i + 1]! + b[j + 1]! - p1;
      a[i + 1] = v + p1 * +(v < 0);
    }
  } else {
    const p0 = to.primes[0]!;
    for (let i = top; i >= stop; i--) {
      const v = a[i]! + b[i - shift]! - p0;
      a[i] = v + p0 * +(v < 0);
    }
  }
}
