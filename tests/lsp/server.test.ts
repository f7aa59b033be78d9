// End-to-end: the bundled language server over stdio, spoken to by a real LSP client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./client.js";
import { format } from "../../compiler/index.js";

const WORLD = `state FRA "France" { power: great, population: 68.2 }
state DEU "Germany" { power: great, population: 84.4 }
state ITA "Italy" { power: great, population: 59.0 }
state LUX "Luxembourg" { power: small, population: 0.7 }
group Founders = { FRA, DEU, ITA, LUX }
`;

const MAIN = `use "./world.mlat"

institution EEC {
  members: Founders
  body Council {
    seats: members
    weight votes { FRA: 4, DEU: 4, ITA: 4, LUX: 1 }
    rule qualified: yes by votes >= 2/3
  }
}

scenario "big three" {
  vote EEC.Council.qualified { yes: FRA, DEU, ITA }
  expect adopted
}
`;

let client: TestClient;
const pos = (text: string, needle: string, delta = 0) => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
};

beforeAll(async () => {
  client = await TestClient.start({ "world.mlat": WORLD, "main.mlat": MAIN });
});
afterAll(async () => {
  await client.stop();
});

describe("the language server", () => {
  it("publishes diagnostics for the workspace, and again as the user types", async () => {
    const uri = client.uri("main.mlat");
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    client.open("main.mlat", MAIN, 1);
    client.change("main.mlat", MAIN.replace("yes: FRA, DEU, ITA", "yes: FRA, DEU, Italy"), 2);
    const broken = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(broken.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["MLAT2001", 12]]);
    client.change("main.mlat", MAIN, 3);
    const fixed = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    expect(fixed.diagnostics).toEqual([]);
  });

  it("rechecks the files that import a file when it changes", async () => {
    client.open("world.mlat", WORLD, 1);
    client.change("world.mlat", WORLD.replace(/state LUX.*\n/, "").replace(", LUX }", " }"), 2);
    const main = await client.waitForDiagnostics(client.uri("main.mlat"), (p) => p.diagnostics.length > 0);
    expect(main.diagnostics[0]!.message).toBe("unknown state, group or seat class `LUX`");
    client.change("world.mlat", WORLD, 3);
    await client.waitForDiagnostics(client.uri("main.mlat"), (p) => p.diagnostics.length === 0);
  });

  it("cancels a rule's analysis when the text changes: the hover fails with ContentModified, and the next one answers", async () => {
    // 24 seats of distinct weights under a double majority: an analysis that takes a moment, in a
    // worker that the edit ends. The edit is sent right after the request, before any answer.
    const ids = Array.from({ length: 24 }, (_, i) => `P${i}`);
    const text = `${ids.map((id, i) => `state ${id} { w: ${3 + ((i * 37) % 101)} }`).join("\n")}\ninstitution Big {\n  members: { ${ids.join(", ")} }\n  body B {\n    seats: members\n    rule heavy: yes by w >= 60% and yes >= 13\n  }\n}\n`;
    client.open("heavy.mlat", text, 1);
    const uri = client.uri("heavy.mlat");
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const at = pos(text, "heavy:", 1);
    const first = client.request("textDocument/hover", { textDocument: { uri }, position: at }).then(
      () => "answered",
      (e: { code?: number }) => e.code,
    );
    client.change("heavy.mlat", text + "// edited\n", 2);
    expect(await first).toBe(-32801); // ContentModified: the client asks again
    // Cancelled in the worker, not finished and then found stale.
    expect(client.log).toContain("mlat: the analysis of Big.B.heavy was cancelled: the text changed");
    const again = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: at });
    expect(again.contents.value).toContain("coalitions win");
  });

  it("hovers, completes, navigates and renames", async () => {
    const uri = client.uri("main.mlat");
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: pos(MAIN, "qualified:", 2) });
    expect(hover.contents.value).toContain("veto players: none · dummies: none");
    const completion = await client.request<{ isIncomplete: boolean; items: { label: string }[] }>("textDocument/completion", { textDocument: { uri }, position: pos(MAIN, "Council.qualified {", 8) });
    expect(completion.items.map((c) => c.label)).toContain("qualified");
    expect(completion.isIncomplete).toBe(false);
    const def = await client.request<{ uri: string }[]>("textDocument/definition", { textDocument: { uri }, position: pos(MAIN, "Founders", 2) });
    expect(def[0]!.uri).toBe(client.uri("world.mlat"));
    const refs = await client.request<{ uri: string }[]>("textDocument/references", { textDocument: { uri }, position: pos(MAIN, "FRA: 4"), context: { includeDeclaration: true } });
    expect(refs.length).toBe(4);
    const prepared = await client.request<{ placeholder: string }>("textDocument/prepareRename", { textDocument: { uri }, position: pos(MAIN, "FRA: 4") });
    expect(prepared.placeholder).toBe("FRA");
    const edit = await client.request<{ changes: Record<string, unknown[]> }>("textDocument/rename", { textDocument: { uri }, position: pos(MAIN, "FRA: 4"), newName: "FRX" });
    expect(Object.keys(edit.changes).sort()).toEqual([client.uri("main.mlat"), client.uri("world.mlat")].sort());
    const highlights = await client.request<unknown[]>("textDocument/documentHighlight", { textDocument: { uri }, position: pos(MAIN, "FRA: 4") });
    expect(highlights.length).toBe(2);
  });

  it("gives symbols, semantic tokens, folding and selection ranges", async () => {
    const uri = client.uri("main.mlat");
    const symbols = await client.request<{ name: string; children: { name: string }[] }[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(["EEC", "big three"]);
    const ws = await client.request<{ name: string }[]>("workspace/symbol", { query: "found" });
    expect(ws.map((s) => s.name)).toContain("Founders");
    const tokens = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: { uri } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(50);
    const folds = await client.request<{ startLine: number; endLine: number }[]>("textDocument/foldingRange", { textDocument: { uri } });
    expect(folds).toContainEqual(expect.objectContaining({ startLine: 2, endLine: 9 }));
    const sel = await client.request<{ range: unknown; parent?: unknown }[]>("textDocument/selectionRange", { textDocument: { uri }, positions: [pos(MAIN, "votes >= 2/3", 1)] });
    expect(sel[0]!.parent).toBeDefined();
  });

  it("offers quick fixes, inlay hints, code lenses and runs their commands", async () => {
    const uri = client.uri("main.mlat");
    const broken = MAIN.replace("yes: FRA, DEU, ITA", "yes: FRA, DEU, ITX");
    client.change("main.mlat", broken, 10);
    const d = await client.waitForDiagnostics(uri, (p) => p.version === 10);
    const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: d.diagnostics[0]!.range,
      context: { diagnostics: d.diagnostics },
    });
    expect(actions.map((a) => a.title)).toEqual(["Change to `ITA`", "Declare state `ITX`"]);
    expect(actions[0]!.edit.changes[uri]![0]!.newText).toBe("ITA");
    client.change("main.mlat", MAIN, 11);
    await client.waitForDiagnostics(uri, (p) => p.version === 11);
    const hints = await client.request<{ label: string }[]>("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    expect(hints.map((h) => h.label)).toEqual([" 4 members", " 4 seats", " ≥ 8.67 of 13"]);
    const lenses = await client.request<{ command: { title: string; command: string; arguments: string[] } }[]>("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses.map((l) => l.command.title)).toEqual(["Analyze rule", "Run scenario"]);
    const analysis = await client.request<{ text: string }>("workspace/executeCommand", { command: lenses[0]!.command.command, arguments: lenses[0]!.command.arguments });
    expect(analysis.text).toContain("veto players: none · dictator: none · dummies: none");
    const run = await client.request<{ results: { name: string; passed: boolean }[] }>("workspace/executeCommand", { command: lenses[1]!.command.command, arguments: lenses[1]!.command.arguments });
    expect(run.results).toEqual([expect.objectContaining({ name: "big three", passed: true })]);
  });

  it("formats a document, and refuses to format broken text", async () => {
    const uri = client.uri("main.mlat");
    client.change("main.mlat", MAIN.replace("members: Founders", "members:    Founders"), 20);
    await client.waitForDiagnostics(uri, (p) => p.version === 20);
    const edits = await client.request<{ newText: string }[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits[0]!.newText).toContain("  members: Founders\n");
    // The protocol has no line width: a client may send `lineWidth` (our extension does).
    const long = MAIN.replace("members: Founders", "members:    Founders") + "\ngroup Long = { " + Array.from({ length: 12 }, (_, i) => `S${i}`).join(", ") + " }\n";
    client.change("main.mlat", long, 22);
    await client.waitForDiagnostics(uri, (p) => p.version === 22);
    const narrow = await client.request<{ newText: string }[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true, lineWidth: 40 } });
    expect(narrow[0]!.newText).toBe(format(long, "main.mlat", { lineWidth: 40 }).text);
    expect(narrow[0]!.newText).not.toBe(format(long, "main.mlat").text);
    client.change("main.mlat", "state A {", 23);
    await client.waitForDiagnostics(uri, (p) => p.version === 23);
    expect(await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it("stays up on broken text and random edits, answering every request", async () => {
    const uri = client.uri("main.mlat");
    const garbage = ["institution { body { rule : yes >= >= } }", "state ((( group = {", "\u0000\uffff§$%", "scenario \"x\" { vote . { yes: , } expect }", MAIN.slice(0, 123)];
    let version = 30;
    for (const g of garbage) {
      client.change("main.mlat", g, ++version);
      for (const [line, character] of [[0, 0], [0, 5], [0, 12], [1, 3]] as const) {
        await client.request("textDocument/hover", { textDocument: { uri }, position: { line, character } });
        await client.request("textDocument/completion", { textDocument: { uri }, position: { line, character } });
        await client.request("textDocument/definition", { textDocument: { uri }, position: { line, character } });
      }
      await client.request("textDocument/documentSymbol", { textDocument: { uri } });
      await client.request("textDocument/semanticTokens/full", { textDocument: { uri } });
    }
    client.change("main.mlat", MAIN, ++version);
    const final = await client.waitForDiagnostics(uri, (p) => p.version === version);
    expect(final.diagnostics).toEqual([]);
    expect(client.process.exitCode).toBeNull();
  });
});

describe("random edits against the live server", () => {
  it("answers every request after arbitrary edits, and recovers the right diagnostics", async () => {
    const { default: fc } = await import("fast-check");
    const uri = client.uri("main.mlat");
    let version = 100;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), insert: fc.constantFrom("", "{", "}", "(", "yes >= ", "state", " and ", "\"", "//", "\n", "veto", "P5", ".", ":") }), { minLength: 1, maxLength: 5 }),
        async (ops) => {
          let text = MAIN;
          for (const op of ops) {
            const at = op.at % (text.length + 1);
            text = text.slice(0, at) + op.insert + text.slice(at + op.cut);
          }
          client.change("main.mlat", text, ++version);
          const lines = text.split("\n");
          const line = lines.length - 1;
          await client.request("textDocument/hover", { textDocument: { uri }, position: { line: Math.floor(line / 2), character: 3 } });
          await client.request("textDocument/completion", { textDocument: { uri }, position: { line, character: lines[line]!.length } });
          await client.request("textDocument/documentSymbol", { textDocument: { uri } });
          await client.waitForDiagnostics(uri, (p) => p.version === version);
        },
      ),
      { seed: 99, numRuns: Number(process.env["MLAT_FUZZ_RUNS"] ?? 25) },
    );
    client.change("main.mlat", MAIN, ++version);
    expect((await client.waitForDiagnostics(uri, (p) => p.version === version)).diagnostics).toEqual([]);
    expect(client.process.exitCode).toBeNull();
    expect(client.stderr.join("")).not.toContain("uncaught");
  }, 120_000);
});
