// How a seat votes. A leaf module: the vote evaluator and the counterfactual search both use it.
export type Ballot = "yes" | "no" | "abstain" | "absent";

/** Whether a ballot counts in a tally: `present` is yes, no or abstain; the others are themselves. */
export function countsIn(tally: "yes" | "no" | "abstain" | "present" | "absent", b: Ballot): boolean {
  return tally === "present" ? b !== "absent" : b === tally;
}
