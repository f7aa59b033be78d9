// Group expressions evaluate to ordered member lists: table-driven over small designs.
import { describe, expect, it } from "vitest";
import { check, memoryHost } from "../compiler/index.js";

const world = `
state A { power: great, population: 100, region: North }
state B { power: great, population: 80, region: South }
state C { power: small, population: 5, region: North }
state D { power: small, population: 3, region: South }
state E { power: middle, population: 30, region: North }
institution Club { members: { A, C, E } }
institution Other { members: members of Club + { B } }
`;

function members(expr: string): string[] | string {
  const src = `${world}\ngroup X = ${expr}\n`;
  const r = check({ host: memoryHost({ "t.mlat": src }), entries: ["t.mlat"] });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return errors.map((d) => d.code).join(",");
  return [...(r.outputs[0]!.model.groups.get("X")?.members ?? [])];
}

describe("group expressions", () => {
  it.each([
    { note: "literal keeps its order", expr: "{ C, A }", want: ["C", "A"] },
    { note: "all states in declaration order", expr: "states", want: ["A", "B", "C", "D", "E"] },
    { note: "filter by name", expr: "states where power = small", want: ["C", "D"] },
    { note: "filter by number", expr: "states where population >= 30", want: ["A", "B", "E"] },
    { note: "filter with and/or/not", expr: "states where region = North and not power = great", want: ["C", "E"] },
    { note: "filter with or", expr: "states where power = great or population < 4", want: ["A", "B", "D"] },
    { note: "not equal", expr: "states where power != great", want: ["C", "D", "E"] },
    { note: "union keeps first occurrence", expr: "{ C } + { A, C }", want: ["C", "A"] },
    { note: "difference", expr: "states - { B, D }", want: ["A", "C", "E"] },
    { note: "intersection binds tighter than union", expr: "{ A } + { B, C } & { C, D }", want: ["A", "C"] },
    { note: "parentheses", expr: "({ A } + { B, C }) & { A, C }", want: ["A", "C"] },
    { note: "members of an institution", expr: "members of Club", want: ["A", "C", "E"] },
    { note: "membership defined by another membership", expr: "members of Other", want: ["A", "C", "E", "B"] },
    { note: "a group inside a literal", expr: "{ D, X2 }", want: "MLAT2001" },
    { note: "unknown institution", expr: "members of Nope", want: "MLAT2001" },
    { note: "a state is not an institution", expr: "members of A", want: "MLAT2005" },
  ])("$note: $expr", ({ expr, want }) => {
    expect(members(expr)).toEqual(want);
  });

  it("detects a cycle between groups and names the chain", () => {
    const r = check({ host: memoryHost({ "t.mlat": "state A\ngroup X = Y\ngroup Y = Z + { A }\ngroup Z = X" }), entries: ["t.mlat"] });
    const cyc = r.diagnostics.filter((d) => d.code === "MLAT2007");
    expect(cyc).toHaveLength(1);
    expect(cyc[0]!.message).toContain("`X` → `Y` → `Z` → `X`");
  });

  it("detects a cycle between memberships", () => {
    const r = check({ host: memoryHost({ "t.mlat": "state A\ninstitution P { members: members of Q }\ninstitution Q { members: members of P + { A } }" }), entries: ["t.mlat"] });
    expect(r.diagnostics.map((d) => d.code)).toContain("MLAT2007");
  });

  it("names elected seats class.index", () => {
    const r = check({ host: memoryHost({ "t.mlat": `${world}\ninstitution B2 { members: states\n body Board { seats chair: { A }\n seats elected: 3\n rule r: yes >= 2 } }` }), entries: ["t.mlat"] });
    expect(r.outputs[0]!.model.institutions.get("B2")!.bodies.get("Board")!.seats.map((s) => s.id)).toEqual(["A", "elected.1", "elected.2", "elected.3"]);
  });
});
