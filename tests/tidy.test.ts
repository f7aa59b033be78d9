// Rules about the code base itself (TypeScript's and rust-analyzer's "tidy" tests).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allDiagnostics } from "../compiler/index.js";
import { root } from "./check.js";

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const full = path.join(dir, e);
    if (e === "node_modules" || e.startsWith(".")) continue;
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, ext));
    else if (ext.test(e)) out.push(full);
  }
  return out;
}

const compilerFiles = filesUnder(path.join(root, "compiler"), /\.ts$/);
const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");

describe("diagnostic codes", () => {
  it("are unique, well-formed and documented", () => {
    const codes = allDiagnostics.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of allDiagnostics) {
      expect(d.code).toMatch(/^MLAT[1-5]\d{3}$/);
      expect(d.docs.length, `${d.code} has an explanation`).toBeGreaterThan(40);
      expect(d.message[0], `${d.code} starts lowercase`).toBe(d.message[0]!.toLowerCase());
      expect(d.message.endsWith("."), `${d.code} has no final period`).toBe(false);
    }
  });

  it("are each exercised by a golden fixture or an end-to-end test", () => {
    const goldens = [...filesUnder(path.join(root, "examples"), /\.diagnostics\.txt$/), ...filesUnder(path.join(root, "tests"), /\.(diagnostics|ast)\.txt$/)]
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const e2e = filesUnder(path.join(root, "tests"), /\.test\.ts$/).map((f) => readFileSync(f, "utf8")).join("\n");
    const missing = allDiagnostics.filter((d) => !goldens.includes(d.code) && !new RegExp(`["'\`]${d.code}["'\`]`).test(e2e)).map((d) => d.code);
    expect(missing).toEqual([]);
  });

  it("are only created through the table (no code literals elsewhere in the compiler)", () => {
    const offenders = compilerFiles.filter((f) => !f.endsWith("codes.ts") && /["'`]MLAT\d{4}/.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel).filter((f) => !f.startsWith("compiler/cli/"))).toEqual([]);
  });
});

describe("architecture", () => {
  const imports = (f: string) => [...readFileSync(f, "utf8").matchAll(/^\s*(?:import|export)[^"']*from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);

  it("the compiler never imports the language server, the extension or vscode", () => {
    for (const f of compilerFiles) {
      for (const i of imports(f)) {
        expect(i, `${rel(f)} imports ${i}`).not.toMatch(/^vscode|lsp\/|vscode-extension/);
      }
    }
  });

  it("only the CLI does I/O: the core imports no fs, no process, no clock", () => {
    for (const f of compilerFiles.filter((f) => !rel(f).startsWith("compiler/cli/"))) {
      const text = readFileSync(f, "utf8");
      for (const i of imports(f)) expect(i, `${rel(f)} imports ${i}`).not.toMatch(/^(node:)?(fs|child_process|net|http|https|os)(\/|$)/);
      expect(/\bprocess\.(env|argv|stdout|stderr|exit|cwd)/.test(text), `${rel(f)} touches process`).toBe(false);
      expect(/\bDate\.now\(|new Date\(|Math\.random\(/.test(text), `${rel(f)} reads the clock or unseeded randomness`).toBe(false);
    }
  });

  it("the engine reads the rule set only, never the syntax or the semantics", () => {
    for (const f of compilerFiles.filter((f) => rel(f).startsWith("compiler/engine/"))) {
      for (const i of imports(f)) expect(i, `${rel(f)} imports ${i}`).not.toMatch(/syntax\/|semantics\//);
    }
  });

  it("the language server only speaks to the compiler through compiler/index.ts", () => {
    for (const f of filesUnder(path.join(root, "lsp"), /\.ts$/)) {
      for (const i of imports(f)) if (i.includes("compiler/")) expect(i, `${rel(f)} imports ${i}`).toMatch(/\/compiler\/index\.js$/);
    }
  });

  it("the extension imports nothing from the compiler or the server: it only launches the bundle", () => {
    for (const f of filesUnder(path.join(root, "vscode-extension/src"), /\.ts$/)) {
      for (const i of imports(f)) expect(i, `${rel(f)} imports ${i}`).not.toMatch(/compiler|lsp/);
    }
  });

  it("modules stay small (one responsibility per file)", () => {
    // The grammar is one Chevrotain class by design, so it alone may be longer.
    for (const f of compilerFiles) {
      const lines = readFileSync(f, "utf8").split("\n").length;
      expect(lines, `${rel(f)} has ${lines} lines`).toBeLessThan(rel(f) === "compiler/syntax/parser.ts" ? 800 : 600);
    }
  });
});

describe("types", () => {
  it("the whole project type-checks under strict TypeScript", () => {
    execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", root], { cwd: root, stdio: "pipe" });
  }, 120_000);
});
