// Random decision rules over seats S0…Sn−1 with one weight `w`, for property tests against the
// oracle: every tally (yes, no, abstain, present, absent; heads or weighted; over all seats or a
// part), quantities of all, voting and present, tally against tally, vetoes, unanimity,
// consensus, and/or/not.
import fc from "fast-check";
import type { ConditionJson } from "../../compiler/ruleset/types.js";

export function randomCondition(seats: readonly string[]): fc.Arbitrary<ConditionJson> {
  const within = fc.oneof(fc.constant(undefined), fc.subarray([...seats]).map((s) => ({ seats: s, label: `{ ${s.join(", ")} }` })));
  const tally = fc.record({ tally: fc.constantFrom("yes", "no", "abstain", "present", "absent") as fc.Arbitrary<"yes">, weight: fc.constantFrom(undefined, "w"), in: within }).map((t) => ({ tally: t.tally, ...(t.weight ? { weight: t.weight } : {}), ...(t.in ? { in: t.in } : {}) }));
  const quantity = fc.record({ value: fc.constantFrom("0", "1", "2", "1/2", "2/3"), relative: fc.boolean(), base: fc.constantFrom("all", "voting", "present") as fc.Arbitrary<"all" | "voting" | "present"> }).map((q) => (q.relative ? q : { ...q, base: "all" as const }));
  const atom: fc.Arbitrary<ConditionJson> = fc.oneof(
    fc.record({ op: fc.constant("compare" as const), cmp: fc.constantFrom(">=", ">", "<", "=") as fc.Arbitrary<">=">, left: tally, right: fc.oneof(tally, quantity) }) as fc.Arbitrary<ConditionJson>,
    fc.subarray([...seats], { minLength: 1 }).map((s) => ({ op: "veto" as const, seats: s, holder: s.join("+") })),
    fc.constantFrom<ConditionJson>({ op: "unanimity" }, { op: "consensus" }),
  );
  return fc.oneof(atom, fc.record({ op: fc.constantFrom("and" as const, "or" as const), args: fc.array(atom, { minLength: 2, maxLength: 2 }) }) as fc.Arbitrary<ConditionJson>, atom.map((a): ConditionJson => ({ op: "not", arg: a })));
}
