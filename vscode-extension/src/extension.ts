// The VS Code extension: starts the bundled mlat language server and binds the editor commands.
// All language smarts live in the server; this file only wires VS Code to it.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
const checking = new Set<string>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("mlat", { log: true });
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = "mlat.restartServer";
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand("mlat.analyzeRuleAtCursor", analyzeRuleAtCursor),
    vscode.commands.registerCommand("mlat.runScenariosInFile", runScenariosInFile),
    vscode.commands.registerCommand("mlat.showPowerReport", () => showPowerReport(context)),
    vscode.commands.registerCommand("mlat.restartServer", async () => {
      await client?.restart();
      setStatus("ready");
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === "mlat" && e.contentChanges.length) {
        checking.add(e.document.uri.toString());
        setStatus("checking");
      }
    }),
  );

  client = new LanguageClient("mlat", "mlat language server", serverOptions(context), clientOptions());
  setStatus("starting");
  await client.start();
  setStatus("ready");
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const custom = vscode.workspace.getConfiguration("mlat").get<string>("server.path");
  if (custom) return { command: custom, args: ["lsp", "--stdio"], transport: TransportKind.stdio };
  const module = context.asAbsolutePath("dist/server.js");
  return { run: { module, transport: TransportKind.stdio }, debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6009"] } } };
}

function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: "file", language: "mlat" },
      { scheme: "untitled", language: "mlat" },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.mlat") },
    outputChannel: output,
    middleware: {
      // The server's answers to the code-lens commands are shown here.
      executeCommand: async (command, args, next) => {
        setStatus("checking");
        try {
          const result = await next(command, args);
          show(command, result);
          return result;
        } finally {
          setStatus("ready");
        }
      },
      // The protocol has no line width: send the user's (mlat.format.lineWidth, else the first
      // ruler) with the formatting options; the server falls back to mlat.json, then 100.
      provideDocumentFormattingEdits: (document, options, token, next) => {
        const width = lineWidthFor(document);
        return next(document, width ? { ...options, lineWidth: width } : options, token);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        checking.delete(uri.toString());
        if (checking.size === 0) setStatus("ready");
        next(uri, diagnostics);
      },
    },
  };
}

/** The line width for formatting a document: mlat.format.lineWidth, else the editor's first ruler. */
export function lineWidthFor(document: vscode.TextDocument): number | undefined {
  const own = vscode.workspace.getConfiguration("mlat", document).get<number>("format.lineWidth", 0);
  if (own && own >= 20) return own;
  const rulers = vscode.workspace.getConfiguration("editor", document).get<(number | { column: number })[]>("rulers", []);
  const first = rulers[0];
  const column = typeof first === "number" ? first : first?.column;
  return column && column >= 20 ? column : undefined;
}

function setStatus(state: "starting" | "checking" | "ready"): void {
  status.text = state === "ready" ? "$(check) mlat" : `$(sync~spin) mlat: ${state}`;
  status.tooltip = state === "ready" ? "mlat language server: ready (click to restart)" : `mlat language server: ${state}`;
  status.show();
}

function show(command: string, result: unknown): void {
  if (command === "mlat.analyzeRule") {
    const r = result as { text?: string };
    output.appendLine(r.text ?? JSON.stringify(result));
  } else if (command === "mlat.runScenarios") {
    const r = result as { results?: { name: string; passed: boolean; kind: string; messages: string[] }[]; error?: string };
    if (r.error) output.appendLine(`mlat: ${r.error}`);
    for (const t of r.results ?? []) {
      output.appendLine(`${t.passed ? "PASS" : "FAIL"} ${t.kind} ${t.name}`);
      for (const m of t.messages) output.appendLine(`     ${m}`);
    }
    const failed = (r.results ?? []).filter((t) => !t.passed).length;
    void vscode.window.showInformationMessage(`mlat: ${(r.results ?? []).length - failed} passed, ${failed} failed`);
  }
  output.show(true);
}

async function analyzeRuleAtCursor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "mlat") return;
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", editor.document.uri)) ?? [];
  const line = editor.selection.active.line;
  const lens = lenses.filter((l) => l.command?.command === "mlat.analyzeRule").find((l) => l.range.start.line <= line && line <= l.range.end.line);
  if (!lens?.command) {
    void vscode.window.showInformationMessage("mlat: put the cursor on a rule to analyse it");
    return;
  }
  await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
}

async function runScenariosInFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "mlat") return;
  await vscode.commands.executeCommand("mlat.runScenarios", editor.document.uri.toString());
}

async function showPowerReport(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "mlat" || !client) return;
  const html = await client.sendRequest<{ html?: string; error?: string }>("workspace/executeCommand", { command: "mlat.powerReport", arguments: [editor.document.uri.toString()] });
  if (!html.html) {
    void vscode.window.showWarningMessage(`mlat: ${html.error ?? "no report"}`);
    return;
  }
  const panel = vscode.window.createWebviewPanel("mlatReport", `Power report: ${editor.document.fileName.split(/[\\/]/).pop()}`, vscode.ViewColumn.Beside, { enableScripts: false });
  panel.webview.html = html.html;
  context.subscriptions.push(panel);
}
