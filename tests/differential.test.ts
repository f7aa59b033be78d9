// Differential testing: a compiled rule set written to JSON and read back (as another program
// would, validated against the schema) evaluates every vote exactly as the rule set compiled from
// source, on thousands of random votes over every rule of the examples.
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
            const votes = Object.fromEntries(body.seats.map((s, i) => [s.id, choices[i]!]));
            const a = evaluate(fromSource, rule.id, votes, { counterfactual: false });
            const b = evaluate(fromJson, rule.id, votes, { counterfactual: false });
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
