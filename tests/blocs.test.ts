// Voting blocs: hand-computed cases and brute force on the composite game.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BlocJson, BodyJson, RuleJson, RuleSet } from "../compiler/index.js";
import { Rational } from "../compiler/index.js";
import { analyzeBloc } from "../compiler/engine/analysis/blocs.js";
import { adopts, type Ballot } from "../compiler/engine/evaluation/vote.js";
import { compileExample, root } from "./check.js";
import * as path from "node:path";

describe("Benelux in the EEC Council of 1958 (hand-computed)", () => {
  it("the bloc, its members inside and outside, and who gains", () => {
    const rs = compileExample(path.join(root, "examples/eec-1958.mlat")).ruleset!;
    const bloc = rs.blocs![0]!;
    const body = rs.institutions[0]!.bodies[0]!;
    const rule = body.rules.find((r) => r.name === "qualified")!;
    const a = analyzeBloc(rs, bloc, body, rule);
    // Outside: FRA, DEU, ITA (4 each) and Benelux (5), quota 12: Benelux decides when exactly two large members are with it.
    expect(a.power.banzhaf).toEqual({ normalized: "1/4", absolute: "3/8" });
    expect(a.power.shapleyShubik).toBe("1/4");
    // Inside: two of three; each member decides in two of four.
    expect(a.internal).toEqual({ BEL: "1/2", NLD: "1/2", LUX: "1/2" });
    expect(a.indirect).toEqual({ BEL: "3/16", NLD: "3/16", LUX: "3/16" });
    expect(a.independent["LUX"]).toEqual({ absolute: "0", normalized: "0", shapleyShubik: "0" });
    expect(a.verdict).toEqual({ BEL: "same", NLD: "same", LUX: "gains" });
  });
});

/** Absolute Banzhaf of a member in the composite game, by enumerating every coalition of all seats. */
function bruteIndirect(body: BodyJson, rule: RuleJson, bloc: BlocJson, member: string): Rational {
  const seats = body.seats.map((s) => s.id);
  const n = seats.length;
  const innerBody: BodyJson = { ...body, seats: body.seats.filter((s) => bloc.members.includes(s.id)), weights: bloc.weights, rules: [] };
  const innerRule: RuleJson = { id: "inner", name: "inner", text: "", condition: bloc.condition };
  const wins = (mask: number) => {
    const inside = new Map<string, Ballot>(bloc.members.map((m) => [m, mask & (1 << seats.indexOf(m)) ? "yes" : "no"]));
    const blocYes = adopts(innerBody, innerRule, inside);
    const votes = new Map<string, Ballot>(seats.map((s, i) => [s, bloc.members.includes(s) ? (blocYes ? "yes" : "no") : mask & (1 << i) ? "yes" : "no"]));
    return adopts(body, rule, votes);
  };
  const bit = 1 << seats.indexOf(member);
  let swings = 0;
  for (let mask = 0; mask < 1 << n; mask++) if (!(mask & bit) && wins(mask | bit) && !wins(mask)) swings++;
  return Rational.of(swings, 2 ** (n - 1));
}

describe("indirect power equals brute force on the composite game", () => {
  it("random weighted bodies, quotas, vetoes and internal rules", () => {
    const arb = fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 4, maxLength: 8 }),
      quota: fc.integer({ min: 1, max: 30 }),
      blocSize: fc.integer({ min: 2, max: 4 }),
      veto: fc.boolean(),
      inner: fc.constantFrom("majority", "weighted", "unanimity"),
    });
    fc.assert(
      fc.property(arb, ({ weights, quota, blocSize, veto, inner }) => {
        const n = weights.length;
        const seats = weights.map((_, i) => ({ id: `P${i}` }));
        const table = Object.fromEntries(seats.map((s, i) => [s.id, String(weights[i])]));
        const body: BodyJson = { id: "T.B", name: "B", seats, weights: { w: table }, rules: [] };
        const compare = { op: "compare" as const, cmp: ">=" as const, left: { tally: "yes" as const, weight: "w" }, right: { value: String(quota), relative: false, base: "all" as const } };
        const rule: RuleJson = { id: "T.B.r", name: "r", text: "", condition: veto ? { op: "and", args: [compare, { op: "veto", seats: ["P0"], holder: "P0" }] } : compare };
        const members = seats.slice(n - Math.min(blocSize, n - 1)).map((s) => s.id);
        const condition =
          inner === "majority"
            ? ({ op: "compare", cmp: ">", left: { tally: "yes" }, right: { value: "1/2", relative: true, base: "all" } } as const)
            : inner === "weighted"
              ? ({ op: "compare", cmp: ">", left: { tally: "yes", weight: "w" }, right: { value: "1/2", relative: true, base: "all" } } as const)
              : ({ op: "unanimity" } as const);
        const bloc: BlocJson = { id: "X", body: "T.B", members, condition, text: "", weights: { w: Object.fromEntries(members.map((m) => [m, table[m]!])) } };
        const rs: RuleSet = { format: "mlat.ruleset", version: "1.0", states: [], groups: [], actions: [], institutions: [], arrangements: [], scenarios: [], assertions: [] };
        const a = analyzeBloc(rs, bloc, body, rule);
        for (const m of members) expect(a.indirect[m], m).toBe(bruteIndirect(body, rule, bloc, m).toString());
      }),
      { seed: 10, numRuns: 150 },
    );
  });
});
