// Parser goldens (tests/parser/ok and err: .mlat → .ast.txt) and table-driven recovery cases.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compile, format, memoryHost, parse } from "../compiler/index.js";
import { golden, mlatFiles, root } from "./check.js";

/** The AST as indented JSON, spans written `start..end` so positions stay reviewable. */
export function dumpAst(value: unknown): string {
  return JSON.stringify(
    value,
    (key, v) => (key === "span" || key === "pathSpan" ? `${v.start}..${v.end}` : key === "file" ? undefined : v),
    2,
  );
}

describe("parser goldens", () => {
  for (const dir of ["ok", "err"]) {
    for (const file of mlatFiles(path.join(root, "tests/parser", dir))) {
      it(`${dir}/${path.basename(file)}`, () => {
        const r = parse(readFileSync(file, "utf8"), path.basename(file));
        if (dir === "ok") expect(r.diagnostics).toEqual([]);
        else expect(r.diagnostics.length).toBeGreaterThan(0);
        const diags = r.diagnostics.map((d) => `// ${d.code} ${d.span.start}..${d.span.end}: ${d.message}`).join("\n");
        golden(file.replace(/\.mlat$/, ".ast.txt"), (diags ? diags + "\n" : "") + dumpAst(r.ast.declarations) + "\n");
      });
    }
  }
});

const single = (src: string) => parse(src, "t.mlat");

describe("one mistake gives one error, and the rest still parses", () => {
  it.each([
    { note: "missing threshold", src: "state A\ninstitution I { members: { A }\n body B { seats: members\n rule r: yes >= \n rule s: yes > 1 } }\nstate Z", decls: ["state", "institution", "state"] },
    { note: "stray token between declarations", src: "state A\n)))\nstate B", decls: ["state", "state"] },
    { note: "unclosed group literal", src: "group G = { A, B\nstate C\nstate D", decls: ["group", "state", "state"] },
    { note: "missing colon in attribute", src: "state A { power great }\nstate B", decls: ["state", "state"] },
    { note: "garbage inside a body", src: "state A\ninstitution I {\n members: { A }\n body B {\n seats: members\n %%% \n rule r: yes > 0\n }\n}", decls: ["state", "institution"] },
  ])("$note", ({ src, decls }) => {
    const r = single(src);
    const syntax = r.diagnostics.filter((d) => d.code === "MLAT1003" || d.code === "MLAT1001");
    expect(syntax.length).toBe(1);
    expect(r.ast.declarations.map((d) => d.kind)).toEqual(decls);
    for (const d of r.diagnostics) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeLessThanOrEqual(src.length);
    }
  });

  it("keeps the rule after a broken one", () => {
    const r = single("institution I { members: { A }\n body B { seats: members\n rule r: yes >= \n rule s: yes > 1 } }");
    const inst = r.ast.declarations[0]!;
    expect(inst.kind).toBe("institution");
    if (inst.kind !== "institution") return;
    const body = inst.items.find((i) => i.kind === "body");
    expect(body && body.kind === "body" ? body.items.filter((i) => i.kind === "rule").map((i) => (i.kind === "rule" ? i.name.text : "")) : []).toContain("s");
  });
});

describe("doc comments", () => {
  it("attach to the next declaration, nested ones too", () => {
    const r = single("/// The United States\n/// of America\nstate USA\ninstitution I {\n  /// the assembly\n  body B { seats: members\n /// simple\n rule r: yes > 1 }\n}");
    const [usa, inst] = r.ast.declarations;
    expect(usa && "doc" in usa ? usa.doc : undefined).toBe("The United States\nof America");
    if (inst?.kind !== "institution") throw new Error("expected an institution");
    const body = inst.items[0];
    expect(body?.doc).toBe("the assembly");
    if (body?.kind !== "body") throw new Error("expected a body");
    expect(body.items.find((i) => i.kind === "rule")?.doc).toBe("simple");
  });

  it("attach across a blank line to the next declaration, and only to it", () => {
    const r = single("/// lonely\n\nstate A");
    expect(r.ast.declarations[0] && "doc" in r.ast.declarations[0] ? r.ast.declarations[0].doc : undefined).toBe("lonely");
    const r2 = single("/// about A\nstate A\nstate B");
    expect("doc" in r2.ast.declarations[1]! ? r2.ast.declarations[1].doc : undefined).toBeUndefined();
  });
});

describe("keywords as names where nothing else can be meant", () => {
  it("a state attribute or a weight may be called group, board, vote or weight, on one line or many", () => {
    const text = "state PRES {\n  board: true\n  group: 0\n  weight: 3, vote: 1\n}\nstate B { weight: 1, group: 2 }\nstate C { weight: 1 }\ninstitution I { members: { PRES, B, C } body Board { seats: members\n weight group { PRES: 1, B: 1, C: 1 }\n rule r: yes by weight >= 1/2 and yes by group >= 2 } }\n";
    const c = compile({ host: memoryHost({ "k.mlat": text }), entries: ["k.mlat"] });
    expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const pres = c.ruleset!.states.find((s) => s.id === "PRES")!;
    expect(Object.keys(pres.attributes)).toEqual(["board", "group", "weight", "vote"]);
    expect(c.ruleset!.institutions[0]!.bodies[0]!.weights["weight"]).toEqual({ PRES: "3", B: "1", C: "1" });
    expect(format(format(text, "k.mlat").text, "k.mlat").text).toBe(format(text, "k.mlat").text);
  });

  it("a missing `}` still ends at the next line that starts a declaration", () => {
    const r = single("state A { power: small\ngroup G = { A }\n");
    expect(r.ast.declarations.map((d) => d.kind)).toEqual(["state", "group"]);
  });
});
