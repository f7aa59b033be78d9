// A condition rewritten leaf by leaf: `and`, `or` and `not` keep their shape, every comparison,
// veto, unanimity and consensus goes through `leaf`. The one walk behind bloc merging, what-if,
// and the diff's renaming of weights.
import type { ConditionJson } from "../ruleset/types.js";

export type Leaf = Exclude<ConditionJson, { op: "and" | "or" | "not" }>;

export function mapLeaves(c: ConditionJson, leaf: (l: Leaf) => ConditionJson): ConditionJson {
  switch (c.op) {
    case "and":
    case "or":
      return { op: c.op, args: c.args.map((a) => mapLeaves(a, leaf)) };
    case "not":
      return { op: "not", arg: mapLeaves(c.arg, leaf) };
    default:
      return leaf(c);
  }
}
