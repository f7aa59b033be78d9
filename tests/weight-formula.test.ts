// Weight formulas: `weight votes = 3 + (population > 2) + …` computed per seat in exact arithmetic,
// against values written by hand (the Bundesrat's table of Art. 51(2) GG) and brute force.
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { analyze, compile, format, memoryHost, type RuleAnalysis } from "../compiler/index.js";
import { Rational } from "../compiler/numbers/rational.js";
import { oracleHolds } from "./oracle/vote-oracle.js";
import { fsHost, root } from "./check.js";

const design = (formula: string, attrs = "population: 2.5, share: 0.25, small: true") =>
  `state A { ${attrs} }\ninstitution I {\n  members: { A }\n  body B {\n    seats: members\n    weight w = ${formula}\n    rule r: yes by w > 0\n  }\n}\n`;
const valueOf = (formula: string, attrs?: string) => {
  const r = compile({ host: memoryHost({ "f.mlat": design(formula, attrs) }), entries: ["f.mlat"] });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  return errors.length ? errors.map((d) => `${d.code}: ${d.message}`) : r.ruleset!.institutions[0]!.bodies[0]!.weights["w"]!["A"];
};

describe("weight formulas", () => {
  it.each([
    ["3 + (population > 2) + (population > 6)", "4"],
    ["750 + share * 100", "775"],
    ["population * 2 - 1", "4"],
    ["(population >= 2.5) + (population != 2.5) + (population = 2.5)", "2"],
    ["population / 2", "5/4"],
    ["min(population, 2, 3)", "2"],
    ["max(population, 1)", "5/2"],
    ["floor(population)", "2"],
    ["ceil(population)", "3"],
    ["round(2.345, 2)", "47/20"], // 2.35, half up
    ["5 + round(0 - 2.345, 2)", "53/20"], // 5 − 2.35: half up, away from zero
    ["sqrt(2, 3)", "707/500"], // 1.414
    ["sqrt(population, 2)", "79/50"], // √2.5 = 1.5811… → 1.58
    ["sqrt(0.25, 1)", "1/2"],
    ["3 - 1 - 1", "1"],
    ["2 * (3 + 4)", "14"],
  ])("%s = %s", (formula, expected) => expect(valueOf(formula)).toBe(expected));

  it.each([
    ["2 * nope", "`A` has no attribute `nope`"],
    ["small + 1", "`A.small` is a boolean, not a number"],
    ["population / (population - 2.5)", "division by zero for `A`"],
    ["sqrt(0 - population, 2)", "the square root of a negative number"],
    ["cube(population)", "unknown function `cube`"],
    ["round(population)", "`round` takes round(x, digits)"],
    ["round(population, 1/2)", "rounds to a whole number of decimals"],
  ])("%s is one error, at the formula: %s", (formula, message) => {
    const out = valueOf(formula);
    expect(Array.isArray(out) ? out : []).toHaveLength(1);
    expect((out as string[])[0]).toContain("MLAT3023");
    expect((out as string[])[0]).toContain(message);
  });

  it("needs a state for every seat: an elected seat has none", () => {
    const text = `state A { population: 1 }\nstate B { population: 2 }\ninstitution I {\n  members: { A, B }\n  body B {\n    seats permanent: { A }\n    seats elected: 1\n    weight w = population\n    rule r: yes by w > 0\n  }\n}\n`;
    const r = compile({ host: memoryHost({ "e.mlat": text }), entries: ["e.mlat"] });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual(["the weight `w` cannot be computed: `elected.1` is a seat without a state, so it has no `population`"]);
  });

  it("a negative value is MLAT3012 at the formula, as in a table", () => {
    const out = valueOf("population - 3");
    expect((out as string[])[0]).toBe("MLAT3012: the weight `w` of `A` is negative");
  });

  it("formats canonically and round-trips", () => {
    const text = design("3+(population>2)  +   max(population,1)/2");
    const out = format(text, "f.mlat");
    expect(out.text).toContain("    weight w = 3 + (population > 2) + max(population, 1) / 2\n");
    expect(format(out.text, "f.mlat").text).toBe(out.text);
  });

  // Art. 51(2) GG as a table, by hand: Länder over 7 million have 6 votes, over 6 million 5, over
  // 2 million 4, the rest 3 (69 in all).
  const hand: Record<string, string> = { BW: "6", BY: "6", BE: "4", BB: "4", HB: "3", HH: "3", HE: "5", MV: "3", NI: "6", NW: "6", RP: "4", SL: "3", SN: "4", ST: "4", SH: "4", TH: "4" };
  const bundesrat = compile({ host: fsHost, entries: [path.join(root, "examples/bundesrat.mlat")] }).ruleset!;
  const body = bundesrat.institutions[0]!.bodies[0]!;

  it("gives the Bundesrat the votes of Art. 51(2), 69 in all", () => {
    expect(body.weights["votes"]).toEqual(hand);
  });

  it("the Bundesrat's Banzhaf power equals brute force over its 65,536 coalitions", () => {
    const rule = body.rules.find((r) => r.id.endsWith(".majority"))!;
    const a = analyze(bundesrat, { rules: [rule.id] })[0] as RuleAnalysis;
    const seats = body.seats.map((s) => s.id);
    const swings = new Map(seats.map((s) => [s, 0n]));
    for (let mask = 0; mask < 1 << seats.length; mask++) {
      const votes = Object.fromEntries(seats.map((s, i) => [s, mask & (1 << i) ? "yes" : "no"])) as Record<string, "yes" | "no">;
      if (!oracleHolds(body, rule.condition, votes)) continue;
      for (const [i, s] of seats.entries()) {
        if (!(mask & (1 << i))) continue;
        if (!oracleHolds(body, rule.condition, { ...votes, [s]: "no" })) swings.set(s, swings.get(s)! + 1n);
      }
    }
    const total = [...swings.values()].reduce((x, y) => x + y, 0n);
    for (const s of seats) expect(a.banzhaf[s]!.normalized, s).toBe(Rational.of(swings.get(s)!, total).toString());
  });
});
