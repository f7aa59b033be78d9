// A decision rule in plain words, for hovers and reports:
// "at least 9 seats vote yes, and no seat of permanent votes no".
import type { ConditionJson, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";

const ops: Record<string, string> = { ">=": "at least", ">": "more than", "<=": "at most", "<": "fewer than", "=": "exactly", "!=": "other than" };

/** What the seats of a tally do: "vote yes", "abstain", "are present" (vote or abstain), "are absent". */
function verbOf(side: TallyJson["tally"]): string {
  return side === "abstain" ? "abstain" : side === "present" ? "are present" : side === "absent" ? "are absent" : `vote ${side}`;
}

function tally(t: TallyJson): string {
  const verb = verbOf(t.tally);
  const of = t.in ? ` of ${t.in.label}` : "";
  return t.weight ? `the ${t.weight} of the seats${of} that ${verb}` : `seats${of} ${verb}`;
}

function those(side: TallyJson["tally"]): string {
  return side === "abstain" ? "those abstaining" : side === "present" ? "those present" : side === "absent" ? "those absent" : `those voting ${side}`;
}

function amount(value: string, relative: boolean, base: string, weight: string | undefined): string {
  const r = Rational.parse(value) ?? Rational.ZERO;
  if (!relative) return r.isInteger() ? r.toString() : r.toDecimal(2);
  const pct = r.mul(Rational.of(100));
  const share = pct.isInteger() ? `${pct}%` : r.toString();
  const of = base === "voting" ? "of those voting yes or no" : base === "present" ? "of those present" : weight ? `of the total ${weight}` : "of all seats";
  return `${share} ${of}`;
}

export function plainWords(c: ConditionJson): string {
  switch (c.op) {
    case "and": return c.args.map(plainWords).join(", and ");
    case "or": return c.args.map((a) => (a.op === "and" ? `(${plainWords(a)})` : plainWords(a))).join(", or ");
    case "not": return `not (${plainWords(c.arg)})`;
    case "unanimity": return "every seat votes yes";
    case "consensus": return "no seat votes no";
    case "veto": return `no seat of ${c.holder} votes no`;
    case "compare": {
      const op = ops[c.cmp] ?? c.cmp;
      if ("tally" in c.right) return `${tally(c.left)} ${c.cmp === ">" ? "outnumber" : `are ${op}`} ${those(c.right.tally)}`;
      const howMuch = `${op} ${amount(c.right.value, c.right.relative, c.right.base, c.left.weight)}`;
      if (c.left.weight) return `the ${c.left.weight} of the seats that ${verbOf(c.left.tally)} add up to ${howMuch}`;
      const verb = verbOf(c.left.tally);
      return c.right.relative ? `${howMuch} ${verb}` : `${howMuch} ${c.right.value === "1" ? "seat" : "seats"} ${verb}`;
    }
  }
}
