// `mlat diff`: rule-by-rule comparison of two versions of a design, with exact witnesses.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { diffRuleSets } from "../compiler/engine/diff.js";
import { compile, memoryHost } from "../compiler/index.js";
import { compileExample, mlat, root } from "./check.js";
import { adopts, type Ballot } from "../compiler/engine/evaluation/vote.js";

const weights: Record<string, number> = { A: 3, B: 2, C: 1, D: 1, E: 1 };
const design = (rule: string, members = "A, B, C, D") => {
  const table = members.split(", ").map((m) => `${m}: ${weights[m]}`).join(", ");
  return compile({ host: memoryHost({ "d.mlat": `state A\nstate B\nstate C\nstate D\nstate E\ninstitution I { members: { ${members} }\n body B { seats: members\n weight w { ${table} }\n rule r: ${rule} } }\n` }), entries: ["d.mlat"] }).ruleset!;
};

describe("verdicts", () => {
  it.each([
    { note: "the same rule", old: "yes >= 3", now: "yes >= 3", verdict: "equivalent" },
    { note: "a lower quota", old: "yes >= 3", now: "yes >= 2", verdict: "more permissive" },
    { note: "a veto added", old: "yes >= 2", now: "yes >= 2 and veto { A }", verdict: "less permissive" },
    { note: "counting weight instead of heads", old: "yes >= 3", now: "yes by w >= 5", verdict: "incomparable" },
    { note: "written differently, same game", old: "yes > 1/2", now: "no < 2 and yes >= 3", verdict: "equivalent" },
  ])("$note: $verdict", ({ old, now, verdict }) => {
    const d = diffRuleSets(design(old), design(now));
    expect(d.rules[0]!.verdict).toBe(verdict);
    expect(d.equivalent).toBe(verdict === "equivalent");
  });

  it("gives witnesses that really win under one rule and lose under the other", () => {
    const older = design("yes >= 3");
    const newer = design("yes by w >= 5");
    const d = diffRuleSets(older, newer).rules[0]!;
    const body = (rs: typeof older) => rs.institutions[0]!.bodies[0]!;
    const wins = (rs: typeof older, coalition: readonly string[]) =>
      adopts(body(rs), body(rs).rules[0]!, new Map(body(rs).seats.map((s) => [s.id, (coalition.includes(s.id) ? "yes" : "no") as Ballot])));
    expect(wins(newer, d.nowWins!) && !wins(older, d.nowWins!)).toBe(true);
    expect(wins(older, d.nowLoses!) && !wins(newer, d.nowLoses!)).toBe(true);
  });

  it("compares on the common members after an enlargement, and says so", () => {
    const d = diffRuleSets(design("yes >= 2", "A, B, C"), design("yes >= 2", "A, B, C, D, E")).rules[0]!;
    expect(d.seats).toEqual({ common: 3, added: ["D", "E"], removed: [] });
    expect(d.verdict).toBe("equivalent");
  });
});

describe("the worked examples", () => {
  it("the EEC enlargement of 1973 makes every rule less permissive and ends Luxembourg's dummy status", () => {
    const d = diffRuleSets(compileExample(path.join(root, "examples/eec-1958.mlat")).ruleset!, compileExample(path.join(root, "examples/eec-1973.mlat")).ruleset!);
    expect(d.rules.map((r) => [r.rule, r.verdict])).toEqual([
      ["EEC.Council.simple", "less permissive"],
      ["EEC.Council.qualified", "less permissive"],
      ["EEC.Council.qualifiedOther", "less permissive"],
      ["EEC.Council.unanimous", "less permissive"],
    ]);
    const q = d.rules[1]!;
    expect(q.dummies.lost).toEqual(["LUX"]);
    expect(q.power["LUX"]!.banzhaf).toEqual(["0", expect.stringMatching(/^\d+\/\d+$/)]);
  });

  it("Nice and Lisbon on one population table are incomparable", () => {
    const d = diffRuleSets(compileExample(path.join(root, "examples/eu-council-nice.mlat")).ruleset!, compileExample(path.join(root, "examples/eu-council-lisbon.mlat")).ruleset!);
    const qmv = d.rules.find((r) => r.rule === "EU.Council.qmv")!;
    expect(qmv.verdict).toBe("incomparable");
    expect(d.added).toEqual(["EU.Council.reinforced", "EU.Council.unanimous"]);
  });

  it("exits 0 when equivalent and 1 when anything changed", () => {
    expect(mlat(["diff", "examples/eec-1958.mlat", "examples/eec-1958.mlat"]).code).toBe(0);
    const r = mlat(["diff", "examples/eec-1958.mlat", "examples/eec-1973.mlat", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rules[1]).toMatchObject({ rule: "EEC.Council.qualified", verdict: "less permissive", seats: { added: ["GBR", "DNK", "IRL"] } });
    expect(mlat(["diff", "examples/eec-1958.mlat", "nope.mlat"]).code).toBe(2);
  });
});
