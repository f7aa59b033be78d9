// How a seat votes. A leaf module: the vote evaluator and the counterfactual search both use it.
export type Ballot = "yes" | "no" | "abstain" | "absent";
