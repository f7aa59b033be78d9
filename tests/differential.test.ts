// Differential testing, two ways: (1) a compiled rule set written to JSON and read back (as another
// program would, validated against the schema) evaluates every vote as the rule set compiled from
// source; (2) the engine agrees with an independent oracle written from the language reference.
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateRuleSet, evaluate, type Ballot, type RuleSet } from "../compiler/index.js";
import { allRules } from "../compiler/engine/rules.js";
import { compileExample, mlatFiles, root } from "./check.js";

const runs = Number(process.env["MLAT_FUZZ_RUNS"] ?? 100);

describe("compiled rule sets evaluate like the source", () => {
  for (const file of mlatFiles(path.join(root, "examples")).filter((f) => !f.endsWith("world.mlat"))) {
    it(path.basename(file), () => {
      const fromSource = compileExample(file).ruleset!;
      const roundTrip = validateRuleSet(JSON.parse(JSON.stringify(fromSource)));
      expect(roundTrip.ok).toBe(true);
      const fromJson = (roundTrip as { ruleset: RuleSet }).ruleset;
      for (const { body, rule } of allRules(fromSource)) {
        const ballot = fc.constantFrom<Ballot>("yes", "no", "abstain", "absent");
        fc.assert(
          fc.property(fc.array(ballot, { minLength: body.seats.length, maxLength: body.seats.length }), (choices) => {
            // Seats held in rotation: the first of each class hold the votes, the others have none.
            const { body: voting, holding } = oracleRotation(body);
            const votes = Object.fromEntries(voting.seats.map((s, i) => [s.id, choices[i]!]));
            const options = { counterfactual: false, ...(holding ? { holding } : {}) };
            const a = evaluate(fromSource, rule.id, votes, options);
            const b = evaluate(fromJson, rule.id, votes, options);
            if ("error" in a || "error" in b) throw new Error(`evaluation failed: ${JSON.stringify([a, b])}`);
            expect(b.outcome).toBe(a.outcome);
            expect(b.conditions).toEqual(a.conditions);
            expect(b.vetoedBy).toEqual(a.vetoedBy);
          }),
          { seed: rule.id.length, numRuns: runs },
        );
      }
    }, 120_000);
  }
});

// The engine against an independent oracle (tests/oracle/vote-oracle.ts, written from the language
// reference): random rules over random bodies, and every rule of the examples, on random ballots
// with abstention and absence.
import type { BodyJson, ConditionJson } from "../compiler/index.js";
import { oracleHolds, oracleRotation } from "./oracle/vote-oracle.js";

const oracleRuns = Number(process.env["MLAT_FUZZ_RUNS"] ?? 300) * 10;

function ruleSetOf(body: BodyJson): RuleSet {
  return { format: "mlat.ruleset", version: "1.0", states: [], groups: [], actions: [], institutions: [{ id: "T", members: [], requires: [], bodies: [body], admission: [], principles: [] }], arrangements: [], scenarios: [], assertions: [] } as unknown as RuleSet;
}

const arbCase = fc.integer({ min: 1, max: 7 }).chain((n) => {
  const seats = Array.from({ length: n }, (_, i) => `S${i}`);
  const value = fc.constantFrom("0", "1", "2", "3", "5", "1/2", "3/4", "7/3");
  const weights = fc.record({ w: fc.array(value, { minLength: n, maxLength: n }), v: fc.array(value, { minLength: n, maxLength: n }) });
  // Sometimes over part of the body (`no in A`).
  const within = fc.oneof(fc.constant(undefined), fc.subarray(seats).map((s) => ({ seats: s, label: `{ ${s.join(", ")} }` })));
  const tally = fc.record({ tally: fc.constantFrom("yes", "no", "abstain", "present", "absent") as fc.Arbitrary<"yes">, weight: fc.constantFrom(undefined, "w", "v"), in: within }).map((t) => ({ tally: t.tally, ...(t.weight ? { weight: t.weight } : {}), ...(t.in ? { in: t.in } : {}) }));
  const quantity = fc.record({ value: fc.constantFrom("0", "1", "2", "4", "1/2", "2/3", "3/5", "1"), relative: fc.boolean(), base: fc.constantFrom("all", "voting", "present") as fc.Arbitrary<"all" | "voting" | "present"> }).map((q) => (q.relative ? q : { ...q, base: "all" as const }));
  const { condition } = fc.letrec<{ condition: ConditionJson }>((tie) => ({
    condition: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.record({ op: fc.constant("compare" as const), cmp: fc.constantFrom(">=", ">", "<=", "<", "=", "!=") as fc.Arbitrary<">=">, left: tally, right: fc.oneof(tally, quantity) }) as fc.Arbitrary<ConditionJson>,
      fc.subarray(seats, { minLength: 1 }).map((s) => ({ op: "veto" as const, seats: s, holder: s.join("+") })),
      fc.constantFrom({ op: "unanimity" as const }, { op: "consensus" as const }),
      fc.record({ op: fc.constantFrom("and" as const, "or" as const), args: fc.array(tie("condition"), { minLength: 2, maxLength: 3 }) }) as fc.Arbitrary<ConditionJson>,
      fc.record({ op: fc.constant("not" as const), arg: tie("condition") }) as fc.Arbitrary<ConditionJson>,
    ),
  }));
  const ballots = fc.array(fc.constantFrom<Ballot>("yes", "no", "abstain", "absent"), { minLength: n, maxLength: n });
  return fc.tuple(weights, condition, ballots).map(([w, c, b]) => ({
    body: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, w.w[i]!])), v: Object.fromEntries(seats.map((s, i) => [s, w.v[i]!])) }, rules: [{ id: "T.B.r", name: "r", text: "", condition: c }] } as BodyJson,
    votes: Object.fromEntries(seats.map((s, i) => [s, b[i]!])) as Record<string, Ballot>,
  }));
});

describe("the engine agrees with an independent oracle", () => {
  it("on random rules (weights, quantities of all, voting and present, vetoes, unanimity, consensus, and/or/not) and ballots", () => {
    fc.assert(
      fc.property(arbCase, ({ body, votes }) => {
        const r = evaluate(ruleSetOf(body), "T.B.r", votes, { counterfactual: false });
        if ("error" in r) throw new Error(r.error);
        expect(r.outcome).toBe(oracleHolds(body, body.rules[0]!.condition, votes) ? "adopted" : "rejected");
      }),
      { seed: 2026, numRuns: oracleRuns },
    );
  });

  for (const file of mlatFiles(path.join(root, "examples")).filter((f) => !f.endsWith("world.mlat"))) {
    it(`on every rule of ${path.basename(file)}`, () => {
      const rs = compileExample(file).ruleset!;
      for (const { body, rule } of allRules(rs)) {
        const ballot = fc.constantFrom<Ballot>("yes", "no", "abstain", "absent");
        fc.assert(
          fc.property(fc.array(ballot, { minLength: body.seats.length, maxLength: body.seats.length }), (choices) => {
            const { body: voting, holding } = oracleRotation(body);
            const votes = Object.fromEntries(voting.seats.map((s, i) => [s.id, choices[i]!])) as Record<string, Ballot>;
            const r = evaluate(rs, rule.id, votes, { counterfactual: false, ...(holding ? { holding } : {}) });
            if ("error" in r) throw new Error(r.error);
            expect(r.outcome).toBe(oracleHolds(voting, rule.condition, votes) ? "adopted" : "rejected");
          }),
          { seed: rule.id.length + 7, numRuns: runs },
        );
      }
    }, 120_000);
  }
});
