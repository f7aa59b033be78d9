// The VS Code extension's own logic against a fake `vscode` (tests/fakes/vscode.ts) and a fake
// language client: activation, the server it starts, the commands, the status bar, the output of
// the code-lens commands, the power report, and the line width it sends for formatting.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fake } from "./fakes/vscode.js";
import { root } from "./check.js";

const clients: FakeClient[] = [];
class FakeClient {
  started = false;
  restarted = 0;
  requests: unknown[] = [];
  reply: unknown = { html: "<p>report</p>" };
  constructor(readonly id: string, readonly name: string, readonly server: Record<string, unknown>, readonly options: { middleware: Record<string, (...a: unknown[]) => unknown> }) {
    clients.push(this);
  }
  async start() {
    this.started = true;
  }
  async stop() {
    this.started = false;
  }
  async restart() {
    this.restarted++;
  }
  async sendRequest(_method: string, params: unknown) {
    this.requests.push(params);
    return this.reply;
  }
}
vi.mock("vscode-languageclient/node", () => ({ LanguageClient: FakeClient, TransportKind: { stdio: 0, ipc: 1 } }));

const { activate, lineWidthFor } = await import("../vscode-extension/src/extension.js");
const context = () => ({ subscriptions: [] as unknown[], asAbsolutePath: (p: string) => `/ext/${p}` });
const mlatDocument = { languageId: "mlat", uri: { toString: () => "file:///w/un.mlat" }, fileName: "/w/un.mlat" };
const manifest = JSON.parse(readFileSync(path.join(root, "vscode-extension/package.json"), "utf8"));

describe("the extension (fake vscode)", () => {
  beforeEach(() => {
    fake.reset();
    clients.length = 0;
  });

  it("registers every command of its manifest, starts the bundled server and says so in the status bar", async () => {
    await activate(context() as never);
    expect([...fake.commands.keys()].sort()).toEqual(manifest.contributes.commands.map((c: { command: string }) => c.command).sort());
    const client = clients[0]!;
    expect(client.started).toBe(true);
    expect(client.server).toMatchObject({ run: { module: "/ext/dist/server.js" } });
    expect(fake.status).toEqual(["$(sync~spin) mlat: starting", "$(check) mlat"]);
    await fake.commands.get("mlat.restartServer")!();
    expect(client.restarted).toBe(1);
  });

  it("runs the user's own mlat when mlat.server.path is set", async () => {
    fake.config["mlat.server.path"] = "/usr/local/bin/mlat";
    await activate(context() as never);
    expect(clients[0]!.server).toEqual({ command: "/usr/local/bin/mlat", args: ["lsp", "--stdio"], transport: 0 });
  });

  it("sends a line width for formatting: its own setting, else the editor's first ruler, else none", async () => {
    const doc = {} as never;
    expect(lineWidthFor(doc)).toBeUndefined();
    fake.config["editor.rulers"] = [{ column: 90 }, 120];
    expect(lineWidthFor(doc)).toBe(90);
    fake.config["editor.rulers"] = [80];
    expect(lineWidthFor(doc)).toBe(80);
    fake.config["mlat.format.lineWidth"] = 72;
    expect(lineWidthFor(doc)).toBe(72);
    await activate(context() as never);
    const next = vi.fn((_d: unknown, options: unknown) => options);
    expect(await clients[0]!.options.middleware.provideDocumentFormattingEdits!(doc, { tabSize: 2, insertSpaces: true }, undefined, next)).toEqual({ tabSize: 2, insertSpaces: true, lineWidth: 72 });
  });

  it("shows the code-lens commands' results: scenarios as PASS/FAIL lines and a count", async () => {
    await activate(context() as never);
    const middleware = clients[0]!.options.middleware;
    const result = { results: [{ name: "veto", kind: "scenario", passed: true, messages: [] }, { name: "quorum", kind: "scenario", passed: false, messages: ["expected adopted; got rejected"] }] };
    await middleware.executeCommand!("mlat.runScenarios", ["file:///w/un.mlat"], async () => result);
    expect(fake.output).toEqual(["PASS scenario veto", "FAIL scenario quorum", "     expected adopted; got rejected"]);
    expect(fake.info).toEqual(["mlat: 1 passed, 1 failed"]);
    await middleware.executeCommand!("mlat.analyzeRule", [], async () => ({ text: "UN.SecurityCouncil.substantive  yes >= 9" }));
    expect(fake.output.at(-1)).toBe("UN.SecurityCouncil.substantive  yes >= 9");
    expect(fake.status.at(-1)).toBe("$(check) mlat");
  });

  it("analyses the rule under the cursor through its code lens, or says where to put the cursor", async () => {
    await activate(context() as never);
    fake.activeTextEditor = { document: mlatDocument, selection: { active: { line: 7 } } };
    const lens = (line: number, rule: string) => ({ range: { start: { line }, end: { line } }, command: { command: "mlat.analyzeRule", arguments: ["file:///w/un.mlat", rule] } });
    fake.results.set("vscode.executeCodeLensProvider", [lens(3, "A.B.first"), lens(7, "A.B.second")]);
    await fake.commands.get("mlat.analyzeRuleAtCursor")!();
    expect(fake.executed.at(-1)).toEqual(["mlat.analyzeRule", ["file:///w/un.mlat", "A.B.second"]]);
    fake.activeTextEditor = { document: mlatDocument, selection: { active: { line: 5 } } };
    await fake.commands.get("mlat.analyzeRuleAtCursor")!();
    expect(fake.info).toEqual(["mlat: put the cursor on a rule to analyse it"]);
  });

  it("runs the scenarios of the file, and shows the power report in a webview (or why not)", async () => {
    await activate(context() as never);
    fake.activeTextEditor = { document: mlatDocument, selection: { active: { line: 0 } } };
    await fake.commands.get("mlat.runScenariosInFile")!();
    expect(fake.executed.at(-1)).toEqual(["mlat.runScenarios", ["file:///w/un.mlat"]]);
    await fake.commands.get("mlat.showPowerReport")!();
    expect(fake.webviews).toEqual([expect.objectContaining({ title: "Power report: un.mlat", webview: { html: "<p>report</p>" } })]);
    clients[0]!.reply = { error: "the design does not compile" };
    await fake.commands.get("mlat.showPowerReport")!();
    expect(fake.warnings).toEqual(["mlat: the design does not compile"]);
  });

  it("shows 'checking' while the user types in an mlat file, and 'ready' when diagnostics come", async () => {
    await activate(context() as never);
    fake.onChange!({ document: mlatDocument, contentChanges: [{}] });
    expect(fake.status.at(-1)).toBe("$(sync~spin) mlat: checking");
    clients[0]!.options.middleware.handleDiagnostics!({ toString: () => "file:///w/un.mlat" }, [], () => undefined);
    expect(fake.status.at(-1)).toBe("$(check) mlat");
  });
});
