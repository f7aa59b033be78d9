// A decision rule in plain words, for hovers, reports and diffs:
// "at least 9 seats vote yes, and no seat of permanent votes no". Every form of condition has its
// sentence (tests/plain-words.test.ts holds them, written by hand).
import type { ConditionJson, QuantityJson, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";

const ops: Record<string, string> = { ">=": "at least", ">": "more than", "<=": "at most", "<": "fewer than", "=": "exactly", "!=": "other than" };
/** For amounts of a weight ("less than", not "fewer than"). */
const amountOps: Record<string, string> = { ...ops, "<": "less than" };

/** Fractions read as words; others as a percentage when whole, else as written. */
const fractionWords: Record<string, string> = {
  "1/2": "half", "1/3": "a third", "2/3": "two thirds", "1/4": "a quarter", "3/4": "three quarters",
  "1/5": "a fifth", "2/5": "two fifths", "3/5": "three fifths", "4/5": "four fifths", "1": "all",
};

/** What the seats of a tally do: "vote yes", "abstain", "are present" (vote or abstain), "are absent". */
function verbOf(side: TallyJson["tally"]): string {
  return side === "abstain" ? "abstain" : side === "present" ? "are present" : side === "absent" ? "are absent" : `vote ${side}`;
}

/** "voting yes", "abstaining", "present", "absent": the seats of a tally after a noun. */
function participle(side: TallyJson["tally"]): string {
  return side === "abstain" ? "abstaining" : side === "present" ? "present" : side === "absent" ? "absent" : `voting ${side}`;
}

function seatsOf(t: TallyJson): string {
  return t.in ? `seats of ${t.in.label}` : "seats";
}

/** "the votes of the seats voting yes", "the seats of A voting no". */
function weighed(t: TallyJson): string {
  return `the ${t.weight} of the ${seatsOf(t)} ${participle(t.tally)}`;
}

function share(value: string): string {
  const r = Rational.parse(value) ?? Rational.ZERO;
  const words = fractionWords[r.toString()];
  if (words) return words;
  const pct = r.mul(Rational.of(100));
  return pct.isInteger() ? `${pct}%` : r.toString();
}

function number(value: string): string {
  const r = Rational.parse(value) ?? Rational.ZERO;
  return r.isInteger() ? r.toString() : r.toDecimal(2);
}

/** What a fraction is of: "of all seats", "of the seats of A voting yes or no", "of the total votes". */
function baseOf(q: QuantityJson, left: TallyJson): string {
  const seats = left.in ? `the seats of ${left.in.label}` : "";
  if (left.weight) {
    const of = left.in ? ` of ${seats}` : "";
    return q.base === "voting" ? `of the ${left.weight} of ${seats || "the seats"} voting yes or no` : q.base === "present" ? `of the ${left.weight} of ${seats || "the seats"} present` : `of the total ${left.weight}${of}`;
  }
  if (q.base === "voting") return `of ${seats || "the seats"} voting yes or no`;
  if (q.base === "present") return `of ${seats || "the seats"} present`;
  return left.in ? `of ${seats}` : "of all seats";
}

function compareWithTally(left: TallyJson, cmp: string, right: TallyJson): string {
  if (left.weight || right.weight) {
    const verb: Record<string, string> = { ">=": "are at least", ">": "exceed", "<=": "are at most", "<": "are less than", "=": "equal", "!=": "differ from" };
    return `${weighed({ ...left, weight: left.weight ?? "number" })} ${verb[cmp]} ${weighed({ ...right, weight: right.weight ?? "number" })}`;
  }
  // "more seats vote yes than vote no"; the second group is named only when it is another one.
  const a = `${seatsOf(left)} ${verbOf(left.tally)}`;
  const b = `${left.in?.label === right.in?.label ? "" : `${seatsOf(right)} `}${verbOf(right.tally)}`;
  switch (cmp) {
    case ">": return `more ${a} than ${b}`;
    case ">=": return `at least as many ${a} as ${b}`;
    case "<": return `fewer ${a} than ${b}`;
    case "<=": return `at most as many ${a} as ${b}`;
    case "=": return `as many ${a} as ${b}`;
    default: return `not as many ${a} as ${b}`;
  }
}

function compareWithQuantity(left: TallyJson, cmp: string, q: QuantityJson): string {
  if (left.weight) {
    const op = amountOps[cmp] ?? cmp;
    const how = q.relative ? `${share(q.value)} ${baseOf(q, left)}` : number(q.value);
    return `${weighed(left)} add up to ${op} ${how}`;
  }
  const op = ops[cmp] ?? cmp;
  if (q.relative) return `${op} ${share(q.value)} ${baseOf(q, left)} ${verbOf(left.tally)}`;
  const n = number(q.value);
  const who = left.in ? ` of ${left.in.label}` : "";
  if (n === "0" && (cmp === "=" || cmp === "<=")) return `no seat${who} ${singular(left.tally)}`;
  return `${op} ${n} ${n === "1" ? "seat" : "seats"}${who} ${n === "1" ? singular(left.tally) : verbOf(left.tally)}`;
}

function singular(side: TallyJson["tally"]): string {
  return side === "abstain" ? "abstains" : side === "present" ? "is present" : side === "absent" ? "is absent" : `votes ${side}`;
}

export function plainWords(c: ConditionJson): string {
  switch (c.op) {
    case "and": return c.args.map((a) => (a.op === "or" ? `(${plainWords(a)})` : plainWords(a))).join(", and ");
    case "or": return c.args.map((a) => (a.op === "and" ? `(${plainWords(a)})` : plainWords(a))).join(", or ");
    case "not": return `not (${plainWords(c.arg)})`;
    case "unanimity": return "every seat votes yes";
    case "consensus": return "no seat votes no";
    case "veto": {
      // A set written in the rule ("{ USA }") is named by its seats, a class or group by its name.
      if (!c.holder.startsWith("{")) return `no seat of ${c.holder} votes no`;
      return c.seats.length === 1 ? `${c.seats[0]} does not vote no` : `none of ${c.seats.join(", ")} votes no`;
    }
    case "compare":
      return "tally" in c.right ? compareWithTally(c.left, c.cmp, c.right) : compareWithQuantity(c.left, c.cmp, c.right);
  }
}
