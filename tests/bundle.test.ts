// What the build produces, and what a start loads: the CLI entry loads commander alone, a command
// loads its own chunk and the compiler, and only `--format junit` loads the XML library. The
// validators are ajv's standalone code of the committed schemas, never stale.
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./check.js";
// @ts-expect-error a build script without types
import { generateValidators } from "../scripts/generate-validators.mjs";

const dist = path.join(root, "dist");

/** The chunks a bundle file loads before it runs: its static imports, transitively. */
function staticClosure(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(f, "utf8");
    for (const m of text.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^"'()]*?from\s*)?["'](\.[^"']+)["']/g)) visit(path.resolve(path.dirname(f), m[1]!));
  };
  visit(file);
  seen.delete(file);
  return seen;
}

function chunk(prefix: string): string {
  const name = readdirSync(path.join(dist, "chunks")).find((f) => f.startsWith(prefix + "-") && f.endsWith(".js"));
  if (!name) throw new Error(`no chunk ${prefix}`);
  return path.join(dist, "chunks", name);
}

describe("the bundles", () => {
  it("`mlat --version` and `--help` load the entry alone: no compiler, no parser", () => {
    // Only tiny shared chunks (the version, the exit codes and error classes, esbuild's helpers).
    const loaded = [...staticClosure(path.join(dist, "cli.js"))];
    const bytes = loaded.reduce((n, f) => n + readFileSync(f).length, 0);
    expect(bytes, loaded.map((f) => path.basename(f)).join(", ")).toBeLessThan(10_000);
  });

  it("`mlat check` loads the compiler but not the XML library, which only JUnit output loads", () => {
    const check = staticClosure(chunk("check"));
    const junit = chunk("junit");
    expect(check.size).toBeGreaterThan(0);
    expect(check.has(junit)).toBe(false);
    for (const f of check) expect(readFileSync(f, "utf8"), path.basename(f)).not.toContain("XMLBuilder");
    expect(readFileSync(junit, "utf8")).toContain("XMLBuilder");
  });

  it("the bundles skip the grammar's self-validation; the tests (from source) run it", () => {
    // Defined away by the build: the source reads MLAT_BUNDLED, the bundle has a literal.
    for (const f of staticClosure(chunk("check"))) expect(readFileSync(f, "utf8")).not.toContain("MLAT_BUNDLED");
  });

  it("the generated validators are the standalone code of the committed schemas", () => {
    const committed = readFileSync(path.join(root, "compiler/ruleset/validators.generated.js"), "utf8");
    expect(committed === generateValidators(), "run node scripts/generate-validators.mjs").toBe(true);
  });

  it("lists the licence of every bundled package", () => {
    const notices = readFileSync(path.join(dist, "THIRD_PARTY.txt"), "utf8");
    for (const name of ["chevrotain", "commander", "xmlbuilder2", "vscode-languageserver", "lodash-es"]) expect(notices).toMatch(new RegExp(`^${name} \\d`, "m"));
  });
});
