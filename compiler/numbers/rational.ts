// Exact rational numbers over BigInt. Every threshold, weight, tally and power index in mlat is
// one of these: 2/3 of 15 is exactly 10, and 65 % of a population total is decided exactly.

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // With a power of two (absolute Banzhaf values are swings / 2^(n−1)) the gcd is the smaller
  // power of two dividing both: no Euclid over numbers of hundreds of digits.
  if ((a > BIG || b > BIG) && a !== 0n && b !== 0n && ((a & (a - 1n)) === 0n || (b & (b - 1n)) === 0n)) return 1n << BigInt(Math.min(trailingZeros(a), trailingZeros(b)));
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Below this Euclid is as quick as the test. */
const BIG = 1n << 128n;

function trailingZeros(x: bigint): number {
  const low = x & -x; // the lowest set bit
  return low.toString(2).length - 1;
}

export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** Always reduced, with a positive denominator. */
  private constructor(readonly num: bigint, readonly den: bigint) {}

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError("zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d) || 1n;
    return new Rational(n / g, d / g);
  }

  /** Parses "12", "-0.64", "55%", "2/3" (as written in mlat or in a rule set). */
  static parse(text: string): Rational | undefined {
    const t = text.trim();
    let m = /^(-?)(\d+)\/(\d+)$/.exec(t);
    if (m) {
      const den = BigInt(m[3]!);
      if (den === 0n) return undefined;
      return Rational.of((m[1] ? -1n : 1n) * BigInt(m[2]!), den);
    }
    m = /^(-?)(\d+)(?:\.(\d+))?(%?)$/.exec(t);
    if (!m) return undefined;
    const frac = m[3] ?? "";
    let num = BigInt(m[2]! + frac);
    let den = 10n ** BigInt(frac.length);
    if (m[4]) den *= 100n;
    if (m[1]) num = -num;
    return Rational.of(num, den);
  }

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  compare(o: Rational): number {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }
  /** Smallest integer ≥ this. */
  ceil(): bigint {
    const q = this.num / this.den;
    return this.num > 0n && q * this.den !== this.num ? q + 1n : q;
  }

  /** "p/q", or "p" for integers: the exact form used in JSON. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** A rounded decimal for people ("61.23"); never used to decide anything. */
  toDecimal(digits = 2): string {
    const neg = this.num < 0n;
    const n = neg ? -this.num : this.num;
    const scale = 10n ** BigInt(digits);
    let q = (n * scale * 2n + this.den) / (this.den * 2n); // round half up
    const int = q / scale;
    q = q % scale;
    const frac = digits > 0 ? "." + q.toString().padStart(digits, "0") : "";
    return (neg && (int !== 0n || q !== 0n) ? "-" : "") + int.toString() + frac;
  }

  /** As a percentage for people: 0.6123 → "61.23%". */
  toPercent(digits = 2): string {
    return this.mul(Rational.of(100)).toDecimal(digits) + "%";
  }

  /** Only for drawing pictures (bar lengths), never for decisions. */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
}

export function sumRationals(values: Iterable<Rational>): Rational {
  let acc = Rational.ZERO;
  for (const v of values) acc = acc.add(v);
  return acc;
}
