// The formatter, tested like the best ones: golden pairs (x.mlat → x.formatted.mlat), the output
// means the same (same compiled rule set, positions aside) and formatting twice changes nothing,
// on every example and golden file; property tests on generated designs; the examples are kept
// formatted.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, format, memoryHost, parse } from "../compiler/index.js";
import { golden, mlat, mlatFiles, root } from "./check.js";

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
  path.join(root, "tests/format/widths/long.mlat"),
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

describe("line width", () => {
  const source = path.join(root, "tests/format/widths/long.mlat");
  const text = readFileSync(source, "utf8");
  for (const width of [60, 80, 100]) {
    it(`golden pair at width ${width}, same meaning, idempotent`, () => {
      const r = format(text, "long.mlat", { lineWidth: width });
      expect(r.reason).toBeUndefined();
      golden(source.replace(/\.mlat$/, `.w${width}.mlat`), r.text);
      expect(meaning(r.text, "long.mlat")).toBe(meaning(text, "long.mlat"));
      expect(format(r.text, "long.mlat", { lineWidth: width }).text).toBe(r.text);
    });
  }

  it("100 is the default", () => expect(format(text, "long.mlat").text).toBe(format(text, "long.mlat", { lineWidth: 100 }).text));

  // A line may pass the width only because of a long string (a title, a citation, a link) or a
  // trailing comment; comments and doc comments are the user's text and stay as written.
  const overlong = (out: string, width: number) =>
    out.split("\n").filter((line) => {
      const code = line.replace(/\s+\/\/.*$/, "");
      if (/^\s*(\/\/|\/\*|\*)/.test(line) || code.length <= width) return false;
      return !(code.match(/"(?:[^"\\]|\\.)*"/g) ?? []).some((s) => s.length >= width / 2);
    });
  for (const file of corpus) {
    const rel = path.relative(root, file);
    it(`${rel} at widths 60 and 80: sound, idempotent, no line over the width`, () => {
      const original = readFileSync(file, "utf8");
      if (parse(original, rel).diagnostics.some((d) => d.severity === "error")) return;
      for (const width of [60, 80]) {
        const r = format(original, rel, { lineWidth: width });
        expect(r.reason).toBeUndefined();
        expect(meaning(r.text, rel)).toBe(meaning(original, rel));
        expect(format(r.text, rel, { lineWidth: width }).text).toBe(r.text);
        expect(overlong(r.text, width), `width ${width}`).toEqual([]);
      }
    });
  }

  it("keeps the user's breaks in a rule that does not fit, and joins one that fits", () => {
    const design = (rule: string) => `state A {}\ninstitution I {\n  members: { A }\n  body B {\n    seats: members\n    rule r: ${rule}\n  }\n}\n`;
    const long = "yes >= 1 and yes >= 1 and yes >= 1\n      and yes >= 1 and yes >= 1";
    expect(format(design(long), "u.mlat", { lineWidth: 60 }).text).toContain(`    rule r: yes >= 1 and yes >= 1 and yes >= 1\n      and yes >= 1 and yes >= 1\n`);
    expect(format(design("yes >= 1\n      and no < 2"), "u.mlat", { lineWidth: 60 }).text).toContain(`    rule r: yes >= 1 and no < 2\n`);
  });

  it("mlat fmt takes --line-width, else lineWidth from mlat.json, and refuses a bad width", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-width-"));
    writeFileSync(path.join(dir, "mlat.json"), JSON.stringify({ lineWidth: 60 }));
    writeFileSync(path.join(dir, "long.mlat"), text);
    expect(mlat(["fmt", "long.mlat"], { cwd: dir }).stdout).toBe(readFileSync(source.replace(/\.mlat$/, ".w60.mlat"), "utf8"));
    expect(mlat(["fmt", "--line-width", "80", "long.mlat"], { cwd: dir }).stdout).toBe(readFileSync(source.replace(/\.mlat$/, ".w80.mlat"), "utf8"));
    const bad = mlat(["fmt", "--line-width", "wide", "long.mlat"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--line-width");
  });
});
