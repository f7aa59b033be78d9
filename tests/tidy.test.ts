// Rules about the code base itself (TypeScript's and rust-analyzer's "tidy" tests).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allDiagnostics } from "../compiler/index.js";
import { root } from "./check.js";
import { compilerFolder, cycles, importsOf, sourceFiles } from "./import-graph.js";

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
    // A code named only in a negated assertion (`not.toBe("MLAT4001")`) is not exercised.
    const e2e = filesUnder(path.join(root, "tests"), /\.(test|cases)\.ts$/)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n")
      .replace(/\.not\.\w+\(\s*["'`]MLAT\d{4}["'`]\s*\)/g, "");
    const missing = allDiagnostics.filter((d) => !goldens.includes(d.code) && !new RegExp(`["'\`]${d.code}["'\`]`).test(e2e)).map((d) => d.code);
    expect(missing).toEqual([]);
  });

  it("are only created through the table (no code literals elsewhere in the compiler)", () => {
    const offenders = compilerFiles.filter((f) => !f.endsWith("codes.ts") && /["'`]MLAT\d{4}/.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel).filter((f) => !f.startsWith("compiler/cli/"))).toEqual([]);
  });
});

describe("architecture", () => {
  const graphFiles = sourceFiles(root, ["compiler", "lsp", "vscode-extension/src", "playground"]);
  const edges = graphFiles.flatMap((f) => importsOf(root, f));
  const importsFrom = (f: string) => edges.filter((e) => e.from === f);
  const folderOf = (f: string) => compilerFolder(f);

  it("the compiler never imports the language server, the extension or vscode", () => {
    for (const e of edges.filter((e) => e.from.startsWith("compiler/"))) expect(e.spec, `${e.from} imports ${e.spec}`).not.toMatch(/^vscode|lsp\/|vscode-extension/);
  });

  it("only compiler/cli/ and compiler/node/ do I/O: the core imports no fs, no process, no clock", () => {
    for (const f of compilerFiles.filter((f) => !/^compiler\/(cli|node)\//.test(rel(f)))) {
      const text = readFileSync(f, "utf8");
      for (const e of importsFrom(rel(f))) expect(e.spec, `${rel(f)} imports ${e.spec}`).not.toMatch(/^(node:)?(fs|child_process|net|http|https|os|path|url|worker_threads|crypto)(\/|$)/);
      expect(/\bprocess\.(env|argv|stdout|stderr|exit|cwd|on)/.test(text), `${rel(f)} touches process`).toBe(false);
      expect(/\bDate\.now\(|new Date\(|Math\.random\(/.test(text), `${rel(f)} reads the clock or unseeded randomness`).toBe(false);
    }
  });

  it("no import cycle between files", () => {
    const graph = new Map<string, string[]>();
    for (const f of graphFiles) graph.set(f, importsFrom(f).flatMap((e) => (e.to && graphFiles.includes(e.to) ? [e.to] : [])));
    expect(cycles(graphFiles, graph)).toEqual([]);
  });

  it("no import cycle between the folders of compiler/", () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) {
      if (!e.from.startsWith("compiler/") || !e.to?.startsWith("compiler/")) continue;
      const [a, b] = [folderOf(e.from), folderOf(e.to)];
      if (a === b) continue;
      graph.set(a, [...new Set([...(graph.get(a) ?? []), b])]);
    }
    expect(cycles([...graph.keys()], graph)).toEqual([]);
  });

  /** The compiler folders a folder's files import. */
  const folderImports = (folder: string) => new Set(edges.filter((e) => e.from.startsWith(`compiler/${folder}/`) && e.to?.startsWith("compiler/")).map((e) => folderOf(e.to!)));

  it("the layers depend one way: text and numbers are leaves; syntax ← semantics ← ruleset ← checks ← pipeline", () => {
    const allowed: Record<string, string[]> = {
      text: [],
      numbers: [],
      diagnostics: ["text"],
      syntax: ["diagnostics", "text"],
      format: ["syntax", "diagnostics", "text"],
      semantics: ["syntax", "diagnostics", "text", "numbers"],
      ruleset: ["semantics", "format", "syntax", "text", "numbers"],
      engine: ["ruleset", "numbers", "text"],
      checks: ["semantics", "ruleset", "engine", "diagnostics", "syntax", "text", "numbers"],
      pipeline: ["semantics", "ruleset", "checks", "diagnostics", "syntax", "text"],
      report: ["engine", "ruleset", "numbers", "text"],
    };
    for (const [folder, ok] of Object.entries(allowed)) {
      const extra = [...folderImports(folder)].filter((f) => f !== folder && !ok.includes(f));
      expect(extra, `compiler/${folder} imports ${extra.join(", ")}`).toEqual([]);
    }
  });

  it("the engine reads the rule set's types only, never the syntax, the semantics or the lowering", () => {
    for (const e of edges.filter((e) => e.from.startsWith("compiler/engine/") && e.to?.startsWith("compiler/ruleset/"))) expect(e.to, e.from).toBe("compiler/ruleset/types.ts");
  });

  it("checks call the engine through its public entry only", () => {
    for (const e of edges.filter((e) => e.from.startsWith("compiler/checks/") && e.to?.startsWith("compiler/engine/"))) expect(e.to, e.from).toBe("compiler/engine/index.ts");
  });

  it("the CLI and the language server import the compiler only through compiler/index.ts, compiler/node/index.ts and compiler/junit.ts", () => {
    const facade = ["compiler/index.ts", "compiler/node/index.ts", "compiler/junit.ts"];
    for (const e of edges) {
      const fromCli = e.from.startsWith("compiler/cli/");
      const fromLsp = e.from.startsWith("lsp/");
      if (!(fromCli || fromLsp) || !e.to?.startsWith("compiler/")) continue;
      if (fromCli && e.to.startsWith("compiler/cli/")) continue;
      expect(facade, `${e.from} imports ${e.spec}`).toContain(e.to);
    }
  });

  it("the playground reaches the compiler only through compiler/index.ts and the server only through lsp/server.ts (never compiler/node)", () => {
    const allowed = ["compiler/index.ts", "lsp/server.ts"];
    const from = edges.filter((e) => e.from.startsWith("playground/") && e.to && !e.to.startsWith("playground/"));
    expect(from.length).toBeGreaterThan(0);
    for (const e of from) expect(allowed, `${e.from} imports ${e.spec}`).toContain(e.to);
  });

  it("the extension imports nothing from the compiler or the server: it only launches the bundle", () => {
    for (const e of edges.filter((e) => e.from.startsWith("vscode-extension/"))) expect(e.spec, `${e.from} imports ${e.spec}`).not.toMatch(/compiler|lsp/);
  });

  it("modules stay small (one responsibility per file)", () => {
    for (const f of [...compilerFiles, ...filesUnder(path.join(root, "lsp"), /\.ts$/)]) {
      const lines = readFileSync(f, "utf8").split("\n").length;
      expect(lines, `${rel(f)} has ${lines} lines`).toBeLessThan(600);
    }
  });
});

describe("types", () => {
  it("the whole project type-checks under strict TypeScript", () => {
    execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", root], { cwd: root, stdio: "pipe" });
  }, 120_000);

  it("the playground type-checks with the browser's libraries (and the server code it runs in a worker)", () => {
    execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", path.join(root, "playground")], { cwd: root, stdio: "pipe" });
  }, 120_000);
});
