// The ternary model (`mlat analyze --abstention`): Banzhaf power when every seat votes yes,
// abstains or votes no (Felsenthal & Machover), counted by kinds of seats — against brute force
// over all 3^n profiles with the independent vote oracle, and on a casting vote by hand.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, memoryHost, ternaryPower, TernaryError, type BodyJson, type ConditionJson, type RuleJson } from "../compiler/index.js";
import { Rational } from "../compiler/numbers/rational.js";
import { oracleHolds } from "./oracle/vote-oracle.js";
import { randomCondition } from "./oracle/random-rules.js";
import { mlat } from "./check.js";

type Vote = "yes" | "no" | "abstain";
const profilesOf = (seats: readonly string[]): Record<string, Vote>[] =>
  seats.reduce<Record<string, Vote>[]>((acc, s) => acc.flatMap((p) => (["yes", "no", "abstain"] as const).map((b) => ({ ...p, [s]: b }))), [{}]);

/** The definition, by brute force: for each seat, the others' profiles where yes carries and no defeats. */
function bruteForce(body: BodyJson, c: ConditionJson) {
  const seats = body.seats.map((s) => s.id);
  const out: Record<string, { swings: bigint; insteadOfYes: bigint; insteadOfNo: bigint }> = {};
  for (const seat of seats) {
    const r = { swings: 0n, insteadOfYes: 0n, insteadOfNo: 0n };
    for (const p of profilesOf(seats.filter((s) => s !== seat))) {
      const [y, a, n] = (["yes", "abstain", "no"] as const).map((b) => oracleHolds(body, c, { ...p, [seat]: b }));
      if (y && !n) r.swings++;
      if (y && !a) r.insteadOfYes++;
      if (a && !n) r.insteadOfNo++;
    }
    out[seat] = r;
  }
  return out;
}

describe("the ternary model", () => {
  it("equals brute force over every profile of yes, abstain and no (1,000 random rules)", () => {
    const arb = fc.integer({ min: 1, max: 5 }).chain((n) => {
      const seats = Array.from({ length: n }, (_, i) => `S${i}`);
      return fc.tuple(fc.array(fc.constantFrom("0", "1", "2", "3/2"), { minLength: n, maxLength: n }), randomCondition(seats)).map(([w, condition]) => ({
        body: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, w[i]!])) }, rules: [] } as BodyJson,
        condition,
      }));
    });
    fc.assert(
      fc.property(arb, ({ body, condition }) => {
        const rule: RuleJson = { id: "T.B.r", name: "r", text: "", condition };
        const t = ternaryPower(body, rule);
        const expected = bruteForce(body, condition);
        const others = 3n ** BigInt(body.seats.length - 1);
        for (const [seat, e] of Object.entries(expected)) {
          expect(t.banzhaf[seat]!.swings).toBe(e.swings.toString());
          expect(t.abstention[seat]).toEqual({ insteadOfYes: Rational.of(e.insteadOfYes, others).toString(), insteadOfNo: Rational.of(e.insteadOfNo, others).toString() });
        }
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  // By hand: P, A, B; adopted when more vote yes than no, a tie among those voting going the way
  // the chair votes. In the yes/no model all three are equal (1/3 each: the tie cannot happen).
  // With abstention, of the 9 profiles of A and B, P's yes carries and its no defeats in 7:
  // (yes,no) (no,yes) (abstain,abstain) (yes,abstain) (abstain,yes) (no,abstain) (abstain,no);
  // A's in 4: (P,B) = (yes,no) (no,yes) (abstain,abstain) (abstain,yes) — and B's likewise.
  it("shows a casting vote the yes/no model cannot: 7/15 for the chair, 4/15 each for the others", () => {
    const design = `state P {}\nstate A {}\nstate B {}\ninstitution X {\n  members: { P, A, B }\n  body Council {\n    seats chair: { P }\n    seats others: { A, B }\n    rule decide: yes > no or (yes = no and yes in chair >= 1)\n  }\n}\n`;
    const rs = compile({ host: memoryHost({ "c.mlat": design }), entries: ["c.mlat"] }).ruleset!;
    const body = rs.institutions[0]!.bodies[0]!;
    const t = ternaryPower(body, body.rules[0]!);
    expect([t.banzhaf.P!.swings, t.banzhaf.A!.swings, t.banzhaf.B!.swings]).toEqual(["7", "4", "4"]);
    expect([t.banzhaf.P!.normalized, t.banzhaf.A!.normalized]).toEqual(["7/15", "4/15"]);
    expect(t.monotone).toBe(true);
  });

  it("refuses, with the reason, where there are too many kinds of seats to count", () => {
    const seats = Array.from({ length: 16 }, (_, i) => `S${i}`);
    const body = { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, String(i + 1)])) }, rules: [] } as BodyJson;
    expect(() => ternaryPower(body, { id: "T.B.r", name: "r", text: "", condition: { op: "compare", cmp: ">", left: { tally: "yes", weight: "w" }, right: { value: "1/2", relative: true, base: "voting" } } })).toThrow(TernaryError);
  });

  it("mlat analyze --abstention: the table and the JSON say which model each number comes from", () => {
    const json = JSON.parse(mlat(["analyze", "examples/un.mlat", "--rule", "UN.SecurityCouncil.substantive", "--abstention", "--format", "json"]).stdout);
    const r = json.rules[0];
    expect(r.model).toBe("yes/no");
    expect(r.ternary.model).toBe("yes/abstain/no");
    expect(r.ternary.profiles).toBe(String(3 ** 15));
    const imf = JSON.parse(mlat(["analyze", "examples/imf.mlat", "--rule", "IMF.BoardOfGovernors.special", "--abstention", "--format", "json"]).stdout);
    expect(imf.rules[0].ternary.note).toContain("kinds");
    const table = mlat(["analyze", "examples/un.mlat", "--rule", "UN.SecurityCouncil.substantive", "--abstention"]).stdout;
    expect(table).toContain("ternary model (Felsenthal–Machover)");
  });
});
