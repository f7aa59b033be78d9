// A rule evaluated on a ballot profile known only by its sums: for each tally (a weight, or heads,
// over the whole body or part of it) the total of the seats voting yes, no and abstaining, and
// for each veto how many of its holders vote no. Seats that are interchangeable for the rules
// (same amount in every tally, same vetoes) form one kind, so a profile is known up to how many
// seats of each kind vote each way — the diff's ballot search and the ternary analysis both count
// profiles this way. Amounts are exact integers (each weight scaled by its common denominator).
import type { BodyJson, ConditionJson, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";

/** Sums by ballot: [yes, no, abstain, every seat] × dimension. */
export type Sums = bigint[][];

export interface BallotSums {
  /** Each dimension: a weight (or heads) over the body or over part of it. */
  readonly dims: readonly string[];
  /** The integer amount a seat adds to a dimension. */
  amount(d: number, seat: string): bigint;
  readonly vetoSets: readonly ReadonlySet<string>[];
  /** The total of every seat of the body, per dimension. */
  readonly all: readonly bigint[];
  /** Each condition, over sums and the number of no-votes per veto. */
  readonly holds: readonly ((sums: Sums, vetoNo: readonly number[]) => boolean)[];
}

export interface SeatKind {
  readonly seats: string[];
  /** Per dimension, the amount of one seat of the kind. */
  readonly amount: bigint[];
  /** Per veto, whether the kind's seats hold it. */
  readonly vetoes: boolean[];
}

const BALLOTS = ["yes", "no", "abstain"] as const;

export function ballotSums(body: BodyJson, conditions: readonly ConditionJson[]): BallotSums {
  // A part of the body, even an empty one, is its own dimension: never the whole body's.
  const key = (t: TallyJson) => `${t.weight ?? "__seats"}|${t.in ? `in:${[...t.in.seats].sort().join("+")}` : "all"}`;
  const dims: string[] = [];
  const masks: (ReadonlySet<string> | undefined)[] = [];
  const weights: (string | undefined)[] = [];
  const dimOf = (t: TallyJson): number => {
    const k = key(t);
    let d = dims.indexOf(k);
    if (d < 0) {
      d = dims.push(k) - 1;
      masks.push(t.in ? new Set(t.in.seats) : undefined);
      weights.push(t.weight);
    }
    return d;
  };
  const heads = (): number => dimOf({ tally: "yes" });
  const vetoSets: Set<string>[] = [];
  const compile = (c: ConditionJson): ((s: Sums, v: readonly number[]) => boolean) => {
    switch (c.op) {
      case "and": {
        const parts = c.args.map(compile);
        return (s, v) => parts.every((p) => p(s, v));
      }
      case "or": {
        const parts = c.args.map(compile);
        return (s, v) => parts.some((p) => p(s, v));
      }
      case "not": {
        const inner = compile(c.arg);
        return (s, v) => !inner(s, v);
      }
      case "veto": {
        const index = vetoSets.push(new Set(c.seats)) - 1;
        return (_s, v) => v[index] === 0;
      }
      case "unanimity": {
        const d = heads();
        return (s) => s[0]![d]! === s[3]![d]!;
      }
      case "consensus": {
        // No seat votes no: abstaining and absence do not break a consensus.
        const d = heads();
        return (s) => s[1]![d]! === 0n;
      }
      case "compare": {
        const of = (t: TallyJson) => {
          const d = dimOf(t);
          if (t.tally === "present") return (s: Sums) => s[0]![d]! + s[1]![d]! + s[2]![d]!;
          if (t.tally === "absent") return (s: Sums) => s[3]![d]! - s[0]![d]! - s[1]![d]! - s[2]![d]!;
          const b = BALLOTS.indexOf(t.tally);
          return (s: Sums) => s[b]![d]!;
        };
        const ld = dimOf(c.left);
        const left = of(c.left);
        const test = { ">=": (x: bigint) => x >= 0n, ">": (x: bigint) => x > 0n, "<=": (x: bigint) => x <= 0n, "<": (x: bigint) => x < 0n, "=": (x: bigint) => x === 0n, "!=": (x: bigint) => x !== 0n }[c.cmp];
        const right = c.right;
        if ("tally" in right) {
          const rd = dimOf(right);
          const r = of(right);
          // Both sides in their own units: compare l / scale_l with r / scale_r.
          return (s) => test(left(s) * scale[rd]! - r(s) * scale[ld]!);
        }
        const v = Rational.parse(right.value) ?? Rational.ZERO;
        if (!right.relative) return (s) => test(left(s) * v.den - v.num * scale[ld]!);
        const base = right.base;
        return (s) => {
          const total = base === "all" ? s[3]![ld]! : base === "voting" ? s[0]![ld]! + s[1]![ld]! : s[0]![ld]! + s[1]![ld]! + s[2]![ld]!;
          return test(left(s) * v.den - v.num * total);
        };
      }
    }
  };
  // Scales are read lazily by the compiled closures, once every dimension is known.
  const scale: bigint[] = [];
  const holds = conditions.map(compile);
  const value = (d: number, seat: string): Rational => {
    if (masks[d] && !masks[d]!.has(seat)) return Rational.ZERO;
    const w = weights[d];
    return w === undefined ? Rational.ONE : (Rational.parse(body.weights[w]?.[seat] ?? "0") ?? Rational.ZERO);
  };
  dims.forEach((_, d) => {
    let den = 1n;
    for (const s of body.seats) den = lcm(den, value(d, s.id).den);
    scale.push(den);
  });
  const amount = (d: number, seat: string): bigint => {
    const r = value(d, seat);
    return (r.num * scale[d]!) / r.den;
  };
  const all = dims.map((_, d) => body.seats.reduce((acc, s) => acc + amount(d, s.id), 0n));
  return { dims, amount, vetoSets, all, holds };
}

/** The seats in kinds: same amount in every dimension, same vetoes; in the order of `seats`. */
export function seatKinds(sums: BallotSums, seats: readonly string[]): SeatKind[] {
  const byKey = new Map<string, SeatKind>();
  for (const seat of seats) {
    const amount = sums.dims.map((_, d) => sums.amount(d, seat));
    const vetoes = sums.vetoSets.map((v) => v.has(seat));
    const key = `${amount.join(",")}|${vetoes.map(Number).join("")}`;
    const k = byKey.get(key);
    if (k) k.seats.push(seat);
    else byKey.set(key, { seats: [seat], amount, vetoes });
  }
  return [...byKey.values()];
}

/** Adds `count` seats of a kind voting `ballot` (0 yes, 1 no, 2 abstain) to the sums. */
export function addVotes(sums: Sums, vetoNo: number[], kind: SeatKind, ballot: 0 | 1 | 2, count: number): void {
  if (count === 0) return;
  const row = sums[ballot]!;
  const n = BigInt(count);
  for (let d = 0; d < kind.amount.length; d++) row[d] = row[d]! + n * kind.amount[d]!;
  if (ballot === 1) kind.vetoes.forEach((held, v) => held && (vetoNo[v] = vetoNo[v]! + count));
}

export function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}
