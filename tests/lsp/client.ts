// A real LSP client for the tests: spawns `mlat lsp --stdio` and speaks JSON-RPC to it with
// vscode-languageserver-protocol, collecting the diagnostics it publishes.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { root } from "../check.js";

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly stderr: string[] = [];
  /** What the server logged (window/logMessage). */
  readonly log: string[] = [];

  private constructor(readonly connection: ProtocolConnection, readonly process: ChildProcess, readonly folder: string) {}

  /** Starts `mlat lsp --stdio`, or another server script given as `server`. */
  static async start(files: Record<string, string>, server?: string): Promise<TestClient> {
    const folder = mkdtempSync(path.join(tmpdir(), "mlat-lsp-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), text);
    }
    const args = server ? [server, "--stdio"] : [path.join(root, "bin/mlat.js"), "lsp", "--stdio"];
    const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, folder);
    child.stderr!.on("data", (d) => client.stderr.push(String(d)));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.diagnostics.set(p.uri, p);
      client.waiters = client.waiters.filter((w) => {
        if (w.uri === p.uri && w.predicate(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    connection.onNotification("window/logMessage", (m: { message: string }) => void client.log.push(m.message));
    connection.listen();
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: "w" }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  uri(name: string): string {
    return pathToFileURL(path.join(this.folder, name)).toString();
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `predicate` (or the current ones). */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(name: string, text: string, version = 1): void {
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: this.uri(name), languageId: "mlat", version, text } });
  }

  change(name: string, text: string, version: number): void {
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri: this.uri(name), version }, contentChanges: [{ text }] });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
