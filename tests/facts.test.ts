// Facts about a rule's game in `assert`: `C can pass without D` is about C's seats (C counts too),
// a subject may be written out as a set, and a fact the parser cannot read is one error, not two.
import { describe, expect, it } from "vitest";
import { compile, memoryHost, runTests } from "../compiler/index.js";

const design = (asserts: string) =>
  `state US {}\nstate A {}\nstate B {}\nstate C {}\ngroup Big = { US, A }\ngroup Small = { B, C }\ninstitution I {\n  members: { US, A, B, C }\n  body Board {\n    seats: members\n    weight votes { US: 50, A: 30, B: 10, C: 10 }\n    rule r: yes by votes >= 60%\n  }\n}\n${asserts}\n`;
const build = (asserts: string) => compile({ host: memoryHost({ "f.mlat": design(asserts) }), entries: ["f.mlat"] });
const verdicts = (asserts: string) => {
  const c = build(asserts);
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return runTests(c.ruleset!).map((t) => [t.name, t.passed]);
};

describe("facts", () => {
  it.each([
    // Small holds 20% of the votes: without A it still cannot pass (all but A would be 70%).
    ["not Small can pass without A", true],
    ["Small can pass without A", false],
    ["Big can pass without B", true], // US + A = 80%
    ["not { US } can pass", true], // 50% < 60%
    ["{ US, A } can pass", true],
    ["{ US, B } can pass without A", true], // 60%
    ["{ A, B, C } can block", true], // without them US has 50%
    ["not { B } can block", true],
  ])("%s: %s", (fact, holds) => {
    const [[, passed]] = verdicts(`assert I.Board.r: ${fact}`) as [[string, boolean]];
    expect(passed).toBe(holds);
  });

  it("a fact that cannot be read is reported once", () => {
    const c = build("assert I.Board.r: US can pass without");
    expect(c.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["MLAT1003"]);
    const u = build("assert I.Board.r: US can fly");
    expect(u.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["MLAT2010"]);
  });
});
