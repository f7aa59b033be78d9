// The TextMate grammar of the VS Code extension, run by a real TextMate engine (vscode-textmate
// with the Oniguruma regex engine), against sample files with scope assertions in the style of
// vscode-tmgrammar-test: under a line, `//   ^^^ scope` marks columns, `// <--- scope` column 0 on.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import vsctm from "vscode-textmate";
import oniguruma from "vscode-oniguruma";
import { root } from "./check.js";
import { keywordWords } from "../compiler/syntax/tokens.js";

const require = createRequire(import.meta.url);

async function loadGrammar() {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) =>
      scope === "source.mlat" ? vsctm.parseRawGrammar(readFileSync(path.join(root, "vscode-extension/syntaxes/mlat.tmLanguage.json"), "utf8"), "mlat.tmLanguage.json") : null,
  });
  return (await registry.loadGrammar("source.mlat"))!;
}

/** Scopes at each column of each line. */
function scopesOf(grammar: vsctm.IGrammar, lines: string[]): string[][][] {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    const cols: string[][] = [];
    for (const t of r.tokens) for (let c = t.startIndex; c < Math.max(t.endIndex, t.startIndex + 1); c++) cols[c] = t.scopes;
    return cols;
  });
}

describe("the TextMate grammar", () => {
  it("gives every token class its scope (sample file with assertions)", async () => {
    const grammar = await loadGrammar();
    const lines = readFileSync(path.join(root, "vscode-extension/test/grammar-sample.mlat"), "utf8").split("\n");
    const scopes = scopesOf(grammar, lines);
    let source = -1;
    let checked = 0;
    const failures: string[] = [];
    lines.forEach((line, i) => {
      const m = /^(\s*)\/\/(\s*)(<-+|\^+)/.exec(line) && !line.startsWith("///") ? /^\s*\/\/\s*(<-*|\^+)\s+(.+)$/.exec(line) : null;
      const isAssertion = m && (line.includes("^") || /\/\/ <-/.test(line));
      if (!isAssertion) {
        source = i;
        return;
      }
      const wanted = m![2]!.trim().split(/\s+/);
      const columns: number[] = [];
      if (m![1]!.startsWith("<")) for (let c = 0; c < Math.max(1, m![1]!.length - 1); c++) columns.push(c);
      else for (let c = 0; c < line.length; c++) if (line[c] === "^") columns.push(c);
      for (const c of columns) {
        const have = scopes[source]![c] ?? [];
        for (const w of wanted) {
          checked++;
          if (!have.includes(w)) failures.push(`line ${source + 1} column ${c + 1} (${JSON.stringify(lines[source]![c])}): wanted ${w}, have ${have.join(" ")}`);
        }
      }
    });
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("colours every keyword of the language", async () => {
    const grammar = await loadGrammar();
    const missing = keywordWords.filter((k) => {
      const [cols] = scopesOf(grammar, [`x ${k} y`]);
      const s = cols![2] ?? [];
      return !s.some((x) => /^(storage\.type|keyword\.|constant\.language)/.test(x));
    });
    expect(missing).toEqual([]);
  });
});
