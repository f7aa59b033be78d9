// A deliberately simple evaluator of decision rules, written from the table in docs/language.md
// ("Decision rules") and sharing no code with compiler/engine: tallies by a plain loop over the
// ballot, fractions as pairs of BigInts. It is the oracle the engine is compared with.
import type { BodyJson, ConditionJson } from "../../compiler/ruleset/types.js";

type Ballot = "yes" | "no" | "abstain" | "absent";
/** n / d with d > 0. */
type Fraction = readonly [bigint, bigint];

function fraction(text: string): Fraction {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:\/(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a number: ${text}`);
  const decimals = m[3] ?? "";
  let n = BigInt(m[2]! + decimals);
  let d = 10n ** BigInt(decimals.length) * BigInt(m[4] ?? "1");
  if (m[1] === "-") n = -n;
  return [n, d];
}

const add = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const mul = (a: Fraction, b: Fraction): Fraction => [a[0] * b[0], a[1] * b[1]];
/** Sign of a − b. */
const cmp = (a: Fraction, b: Fraction): number => {
  const x = a[0] * b[1] - b[0] * a[1];
  return x > 0n ? 1 : x < 0n ? -1 : 0;
};

export function oracleHolds(body: BodyJson, condition: ConditionJson, votes: Readonly<Record<string, Ballot>>): boolean {
  const ballot = (seat: string): Ballot => votes[seat] ?? "absent";
  const amount = (seat: string, weight: string | undefined): Fraction => (weight ? fraction(body.weights[weight]![seat]!) : [1n, 1n]);
  const sum = (which: (b: Ballot) => boolean, weight: string | undefined, within?: readonly string[]): Fraction => {
    let total: Fraction = [0n, 1n];
    for (const s of body.seats) if (which(ballot(s.id)) && (!within || within.includes(s.id))) total = add(total, amount(s.id, weight));
    return total;
  };
  const holds = (c: ConditionJson): boolean => {
    switch (c.op) {
      case "and":
        return c.args.every(holds);
      case "or":
        return c.args.some(holds);
      case "not":
        return !holds(c.arg);
      case "unanimity":
        return body.seats.every((s) => ballot(s.id) === "yes");
      case "consensus":
        return body.seats.every((s) => ballot(s.id) !== "no");
      case "veto":
        return !c.seats.some((s) => ballot(s) === "no");
      case "compare": {
        // `present`: there, voting or abstaining; the other tallies are their own ballot.
        const counted = (tally: string) => (b: Ballot) => (tally === "present" ? b !== "absent" : b === tally);
        // `in S`: only S's seats count, on either side and in the base of a fraction.
        const left = sum(counted(c.left.tally), c.left.weight, c.left.in?.seats);
        let right: Fraction;
        if ("tally" in c.right) right = sum(counted(c.right.tally), c.right.weight, c.right.in?.seats);
        else if (!c.right.relative) right = fraction(c.right.value);
        else {
          const base = c.right.base;
          const counted = (b: Ballot) => (base === "all" ? true : base === "voting" ? b === "yes" || b === "no" : b === "yes" || b === "no" || b === "abstain");
          right = mul(fraction(c.right.value), sum(counted, c.left.weight, c.left.in?.seats));
        }
        const s = cmp(left, right);
        return { ">=": s >= 0, ">": s > 0, "<=": s <= 0, "<": s < 0, "=": s === 0, "!=": s !== 0 }[c.cmp];
      }
    }
  };
  return holds(condition);
}

/**
 * Rotation, from docs/language.md: in one vote the seats of a rotating class that do not hold a
 * vote are not in the body. Which hold one here: the first `k` of each rotating class.
 */
export function oracleRotation(body: BodyJson): { body: BodyJson; holding?: string[] } {
  if (!body.rotation) return { body };
  const out = new Set<string>();
  const holding: string[] = [];
  for (const [cls, k] of Object.entries(body.rotation)) {
    const seats = body.seats.filter((s) => s.class === cls).map((s) => s.id);
    holding.push(...seats.slice(0, k));
    seats.slice(k).forEach((s) => out.add(s));
  }
  return { body: { ...body, seats: body.seats.filter((s) => !out.has(s.id)) }, holding };
}
