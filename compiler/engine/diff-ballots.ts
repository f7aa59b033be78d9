// Two rules compared over every ballot profile — each seat votes yes, no or abstains, or is
// absent — not only over yes/no coalitions: `yes >= 2/3` and `yes >= 2/3 of voting` agree on
// every coalition yet differ when seats abstain. Seats that are interchangeable for both rules
// (same weights in both versions, same vetoes) form one kind, and a profile is known up to how
// many seats of each kind vote each way, so a council of five vetoes and ten elected seats is
// 4^5 · C(13, 3) = 292,864 profiles, not 4^15. Tallies are exact integers (each weight scaled by
// the common denominator of its values).
import type { BodyJson, ConditionJson, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";

export type Ballot = "yes" | "no" | "abstain" | "absent";

/** A ballot profile, seat ids by ballot. */
export interface BallotProfile {
  readonly yes: readonly string[];
  readonly no: readonly string[];
  readonly abstain: readonly string[];
  readonly absent: readonly string[];
}

/** Profiles visited at most (each costs one evaluation of both rules over the kinds). */
export const PROFILE_LIMIT = 3_000_000;

/** What a condition reads from a ballot, beyond the set of seats voting yes. */
export interface BallotUse {
  /** No-votes matter (vetoes, `no` tallies, `of voting`, consensus). */
  readonly no: boolean;
  /** Abstaining differs from being absent (`abstain` tallies, `of present`). */
  readonly abstain: boolean;
}

export function ballotUse(c: ConditionJson): BallotUse {
  switch (c.op) {
    case "and":
    case "or": {
      const parts = c.args.map(ballotUse);
      return { no: parts.some((p) => p.no), abstain: parts.some((p) => p.abstain) };
    }
    case "not":
      return ballotUse(c.arg);
    case "veto":
    case "consensus":
      return { no: true, abstain: false };
    case "unanimity":
      return { no: false, abstain: false };
    case "compare": {
      const tallies = [c.left, ...("tally" in c.right ? [c.right] : [])];
      const base = "tally" in c.right || !c.right.relative ? "all" : c.right.base;
      return {
        no: tallies.some((t) => t.tally !== "yes") || base !== "all",
        // `present` and `absent` tell an abstention (there) from an absence (not there).
        abstain: tallies.some((t) => t.tally === "abstain" || t.tally === "present" || t.tally === "absent") || base === "present",
      };
    }
  }
}

interface Kind {
  readonly seats: string[];
  /** Per dimension, this kind's integer weight. */
  readonly weight: bigint[];
  /** Per veto (by index), whether the kind's seats hold it. */
  readonly vetoes: boolean[];
}


const BALLOTS = ["yes", "no", "abstain"] as const;

/**
 * A profile under which `a` holds and `b` does not, seats of `only` aside (they are absent), or
 * null when there is none; undefined when there are more than PROFILE_LIMIT profiles.
 */
export function ballotWitness(body: BodyJson, a: ConditionJson, b: ConditionJson, seats: readonly string[], use: BallotUse): BallotProfile | null | undefined {
  // Only the weights the two rules count tell seats apart (a census elsewhere splits no kind).
  const used = new Set<string>();
  const collect = (c: ConditionJson): void => {
    if (c.op === "and" || c.op === "or") c.args.forEach(collect);
    else if (c.op === "not") collect(c.arg);
    else if (c.op === "compare") for (const t of [c.left, ...("tally" in c.right ? [c.right] : [])]) if (t.weight) used.add(t.weight);
  };
  collect(a);
  collect(b);
  const dims = Object.keys(body.weights).filter((w) => used.has(w));
  const scale = dims.map((d) => {
    let den = 1n;
    for (const s of body.seats) {
      const r = Rational.parse(body.weights[d]![s.id] ?? "0") ?? Rational.ZERO;
      den = lcm(den, r.den);
    }
    return den;
  });
  const intWeight = (d: number, seat: string): bigint => {
    const r = Rational.parse(body.weights[dims[d]!]![seat] ?? "0") ?? Rational.ZERO;
    return (r.num * scale[d]!) / r.den;
  };
  const vetoSets: Set<string>[] = [];
  const compile = (c: ConditionJson): ((sums: bigint[][], vetoNo: number[]) => boolean) => {
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
      case "unanimity":
      case "consensus":
        throw new Error("unanimity and consensus are rewritten as tallies before comparison");
      case "compare": {
        const dim = (t: TallyJson) => dims.indexOf(t.weight!);
        /** The tally of t in its dimension, from the sums by ballot (3: every seat). */
        const of = (t: TallyJson) => {
          const d = dim(t);
          if (t.tally === "present") return (s: bigint[][]) => s[0]![d]! + s[1]![d]! + s[2]![d]!;
          if (t.tally === "absent") return (s: bigint[][]) => s[3]![d]! - s[0]![d]! - s[1]![d]! - s[2]![d]!;
          const b = BALLOTS.indexOf(t.tally);
          return (s: bigint[][]) => s[b]![d]!;
        };
        const ld = dim(c.left);
        const left = of(c.left);
        const test = { ">=": (x: bigint) => x >= 0n, ">": (x: bigint) => x > 0n, "<=": (x: bigint) => x <= 0n, "<": (x: bigint) => x < 0n, "=": (x: bigint) => x === 0n, "!=": (x: bigint) => x !== 0n }[c.cmp];
        const right = c.right;
        if ("tally" in right) {
          const rd = dim(right);
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
  const holdsA = compile(a);
  const holdsB = compile(b);

  // Kinds: same weights everywhere, same vetoes.
  const byKey = new Map<string, Kind>();
  for (const seat of seats) {
    const weight = dims.map((_, d) => intWeight(d, seat));
    const vetoes = vetoSets.map((v) => v.has(seat));
    const key = `${weight.join(",")}|${vetoes.map(Number).join("")}`;
    const k = byKey.get(key);
    if (k) k.seats.push(seat);
    else byKey.set(key, { seats: [seat], weight, vetoes });
  }
  const kinds = [...byKey.values()];
  // Ways a kind of k seats can vote: (yes, no, abstain), the rest absent; only the ballots the
  // rules can tell apart.
  const options = kinds.map((k) => {
    const out: [number, number, number][] = [];
    const n = k.seats.length;
    for (let y = 0; y <= n; y++)
      for (let no = 0; no <= (use.no ? n - y : 0); no++)
        for (let ab = 0; ab <= (use.abstain ? n - y - no : 0); ab++) out.push([y, no, ab]);
    // Fewest seats abstaining or absent first: the witness found first is the least surprising.
    return out.sort((p, q) => p[0] + p[1] - (q[0] + q[1]) > 0 ? -1 : p[0] + p[1] === q[0] + q[1] ? p[2] - q[2] : 1);
  });
  let total = 1;
  for (const o of options) {
    total *= o.length;
    if (total > PROFILE_LIMIT) return undefined;
  }
  // The "all" totals (index 3) do not depend on the profile: every seat of the body counts.
  const all = dims.map((_, d) => body.seats.reduce((acc, s) => acc + intWeight(d, s.id), 0n));
  const choice = new Array<number>(kinds.length).fill(0);
  const sums: bigint[][] = [dims.map(() => 0n), dims.map(() => 0n), dims.map(() => 0n), all];
  const vetoNo = vetoSets.map(() => 0);
  for (;;) {
    for (let b = 0; b < 3; b++) for (let d = 0; d < dims.length; d++) sums[b]![d] = 0n;
    vetoNo.fill(0);
    kinds.forEach((k, i) => {
      const [y, no, ab] = options[i]![choice[i]!]!;
      for (let d = 0; d < dims.length; d++) {
        const w = k.weight[d]!;
        sums[0]![d] = sums[0]![d]! + BigInt(y) * w;
        sums[1]![d] = sums[1]![d]! + BigInt(no) * w;
        sums[2]![d] = sums[2]![d]! + BigInt(ab) * w;
      }
      if (no > 0) k.vetoes.forEach((held, v) => held && vetoNo[v]!++);
    });
    if (holdsA(sums, vetoNo) && !holdsB(sums, vetoNo)) return profileOf(body, kinds, options, choice, seats);
    let i = 0;
    for (; i < kinds.length; i++) {
      if (++choice[i]! < options[i]!.length) break;
      choice[i] = 0;
    }
    if (i === kinds.length) return null;
  }
}

function profileOf(body: BodyJson, kinds: readonly Kind[], options: readonly (readonly [number, number, number][])[], choice: readonly number[], seats: readonly string[]): BallotProfile {
  const out: Record<Ballot, string[]> = { yes: [], no: [], abstain: [], absent: [] };
  kinds.forEach((k, i) => {
    const [y, no, ab] = options[i]![choice[i]!]!;
    k.seats.forEach((s, j) => out[j < y ? "yes" : j < y + no ? "no" : j < y + no + ab ? "abstain" : "absent"].push(s));
  });
  const order = new Map(body.seats.map((s, i) => [s.id, i]));
  for (const b of Object.keys(out) as Ballot[]) out[b].sort((x, y) => order.get(x)! - order.get(y)!);
  for (const s of body.seats) if (!seats.includes(s.id)) out.absent.push(s.id);
  return out;
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}
