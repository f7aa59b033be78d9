// The formatter, tested like the best ones: golden pairs (x.mlat → x.formatted.mlat), the output
// means the same (same compiled rule set, positions aside) and formatting twice changes nothing,
// on every example and golden file; property tests on generated designs; the examples are kept
// formatted.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, format, memoryHost, parse } from "../compiler/index.js";
import { golden, mlatFiles, root } from "./check.js";

function meaning(text: string, file: string): string {
  const r = compile({ host: memoryHost({ [file]: text }), entries: [file] }, { locations: false });
  // Designs with errors (the error corpus) compare by diagnostics codes instead.
  return r.ruleset ? JSON.stringify(r.ruleset) : r.diagnostics.map((d) => d.code).join(",");
}

const corpus = [
  ...mlatFiles(path.join(root, "examples")),
  ...mlatFiles(path.join(root, "examples/errors")),
  ...mlatFiles(path.join(root, "tests/diagnostics")),
  ...mlatFiles(path.join(root, "tests/parser/ok")),
  ...mlatFiles(path.join(root, "tests/format")).filter((f) => !f.endsWith(".formatted.mlat")),
];

describe("golden pairs", () => {
  for (const file of mlatFiles(path.join(root, "tests/format")).filter((f) => !f.endsWith(".formatted.mlat"))) {
    it(path.basename(file), () => {
      const r = format(readFileSync(file, "utf8"), path.basename(file));
      expect(r.reason).toBeUndefined();
      golden(file.replace(/\.mlat$/, ".formatted.mlat"), r.text);
    });
  }
});

describe("soundness and idempotence on every design we have", () => {
  for (const file of corpus) {
    const rel = path.relative(root, file);
    it(rel, () => {
      const text = readFileSync(file, "utf8");
      const r = format(text, rel);
      if (parse(text, rel).diagnostics.some((d) => d.severity === "error")) {
        expect(r.ok).toBe(false);
        expect(r.text).toBe(text);
        return;
      }
      expect(r.reason).toBeUndefined();
      expect(meaning(r.text, rel)).toBe(meaning(text, rel));
      expect(format(r.text, rel).text).toBe(r.text);
    });
  }
});

describe("the examples are kept formatted", () => {
  for (const file of mlatFiles(path.join(root, "examples"))) {
    it(path.basename(file), () => {
      const text = readFileSync(file, "utf8");
      expect(format(text, file).text).toBe(text);
    });
  }
});

describe("properties on generated designs", () => {
  const name = fc.constantFrom("A", "B", "C", "Dee", "E_1", "Long_Name");
  const spaces = fc.constantFrom(" ", "  ", "\n", " \n  ", "\t");
  const design = fc.record({
    states: fc.array(fc.tuple(name, fc.option(fc.integer({ min: 0, max: 999 }))), { minLength: 3, maxLength: 6 }),
    quota: fc.constantFrom("2/3", "55%", "3", "1/2 of voting"),
    veto: fc.boolean(),
    comment: fc.boolean(),
    ws: spaces,
  });
  it("formatting keeps the meaning and is idempotent, whatever the spacing", () => {
    fc.assert(
      fc.property(design, ({ states, quota, veto, comment, ws }) => {
        const unique = [...new Map(states.map(([n, p]) => [n, p])).entries()];
        if (unique.length < 3) return;
        const lines = unique.map(([n, p]) => `state${ws}${n}${p === null ? "" : `${ws}{${ws}population:${ws}${p}${ws}}`}`);
        const members = unique.map(([n]) => n).join(`,${ws}`);
        const text = `${lines.join("\n")}\n${comment ? "// c\n" : ""}institution${ws}I${ws}{${ws}members:${ws}{${members}}\n body${ws}B${ws}{${ws}seats:${ws}members\n${ws}rule${ws}r:${ws}yes${ws}>=${ws}${quota}${veto ? `${ws}and${ws}veto${ws}{${unique[0]![0]}}` : ""}${ws}}${ws}}\n`;
        const r = format(text, "g.mlat");
        expect(r.reason).toBeUndefined();
        expect(meaning(r.text, "g.mlat")).toBe(meaning(text, "g.mlat"));
        expect(format(r.text, "g.mlat").text).toBe(r.text);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
