// Exact big counts without BigInt per cell: a count is kept as its residues modulo a few primes
// below 2^52, each in a Float64Array (a sum of two residues is below 2^53, so additions and
// subtractions stay exact integers), and joined by the Chinese remainder theorem only for the
// numbers a report shows. Counting coalitions needs nothing but additions and subtractions.

/** The largest primes below 2^52 (checked by a test with a deterministic Miller–Rabin). */
const known: number[] = [
  4503599627370449, 4503599627370353, 4503599627370323, 4503599627370313, 4503599627370299, 4503599627370287, 4503599627370227, 4503599627370211,
  4503599627370161, 4503599627370101, 4503599627370083, 4503599627370023, 4503599627370001, 4503599627369939, 4503599627369863, 4503599627369861,
  4503599627369837, 4503599627369827, 4503599627369797, 4503599627369741, 4503599627369699, 4503599627369677, 4503599627369657, 4503599627369629,
];

/** The primes in use, largest first; more are found on demand (a body of thousands of seats). */
export const PRIMES: readonly number[] = known;

/** How many primes hold counts below 2^bits exactly (each prime carries a little over 51 bits). */
export function primesFor(bits: number): number {
  const k = Math.max(1, Math.ceil((bits + 2) / 51));
  while (known.length < k) known.push(nextPrimeBelow(known[known.length - 1]!));
  return k;
}

/** The largest prime below n (n odd, below 2^52), by a deterministic Miller–Rabin for 64-bit numbers. */
function nextPrimeBelow(n: number): number {
  for (let c = BigInt(n) - 2n; ; c -= 2n) if (isPrime(c)) return Number(c);
}

export function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  const bases = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n];
  for (const p of bases) if (n % p === 0n) return n === p;
  let d = n - 1n;
  let s = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    s++;
  }
  for (const a of bases) {
    let x = powMod(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let composite = true;
    for (let r = 1; r < s && composite; r++) {
      x = (x * x) % n;
      if (x === n - 1n) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

function powMod(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

/** Residues → the integer in [0, Πp), by Garner's algorithm over BigInt (only for final numbers). */
export function combine(residues: readonly number[]): bigint {
  let result = 0n;
  let modulus = 1n;
  for (let k = 0; k < residues.length; k++) {
    const p = BigInt(PRIMES[k]!);
    const r = BigInt(residues[k]!);
    // result + modulus · t ≡ r (mod p)
    const current = ((result % p) + p) % p;
    const t = (((r - current) % p) + p) % p * modInverse(modulus % p, p) % p;
    result += modulus * t;
    modulus *= p;
  }
  return result;
}

/** A signed value from residues (|value| < Πp / 2): subtractions of counts can go negative. */
export function combineSigned(residues: readonly number[]): bigint {
  let m = 1n;
  for (let k = 0; k < residues.length; k++) m *= BigInt(PRIMES[k]!);
  const v = combine(residues);
  return v > m / 2n ? v - m : v;
}

function modInverse(a: bigint, p: bigint): bigint {
  return powMod(a, p - 2n, p); // Fermat
}

/** x mod p of a (possibly big, possibly negative) integer. */
export function residue(x: bigint, k: number): number {
  const p = BigInt(PRIMES[k]!);
  return Number(((x % p) + p) % p);
}
