// How a seat votes. A leaf module: the vote evaluator and the counterfactual search both use it.
import type { BodyJson, ConditionJson } from "../../ruleset/types.js";

export type Ballot = "yes" | "no" | "abstain" | "absent";

/** Whether a ballot counts in a tally: `present` is yes, no or abstain; the others are themselves. */
export function countsIn(tally: "yes" | "no" | "abstain" | "present" | "absent", b: Ballot): boolean {
  return tally === "present" ? b !== "absent" : b === tally;
}

/**
 * The seats whose ballot a rule can count: every seat for a head count, unanimity or consensus;
 * the seats of `in S`; a weighted tally only the seats whose weight is not 0; a veto its holders.
 * The others hold no vote on this rule (e.g. a member out of the rotation with weight 0).
 */
export function seatsHoldingAVote(body: BodyJson, c: ConditionJson): Set<string> {
  const out = new Set<string>();
  const all = body.seats.map((s) => s.id);
  const addTally = (t: { readonly weight?: string; readonly in?: { readonly seats: readonly string[] } }) => {
    const scope = t.in ? t.in.seats : all;
    const weights = t.weight ? body.weights[t.weight] : undefined;
    for (const s of scope) if (!weights || !/^-?0(\/|$)/.test(weights[s] ?? "0")) out.add(s);
  };
  const walk = (x: ConditionJson): void => {
    switch (x.op) {
      case "and": case "or": x.args.forEach(walk); return;
      case "not": walk(x.arg); return;
      case "unanimity": case "consensus": all.forEach((s) => out.add(s)); return;
      case "veto": x.seats.forEach((s) => out.add(s)); return;
      case "compare":
        addTally(x.left);
        if ("tally" in x.right) addTally(x.right);
        // A fraction "of voting"/"of present" counts the seats of its base as the left side does.
        return;
    }
  };
  walk(c);
  return out;
}
