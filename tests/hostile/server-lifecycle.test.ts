// The language server against a hostile or careless client (issue 14, low): raw JSON-RPC frames on
// stdio, so that what no well-behaved client library would send can be sent — requests before
// `initialize` and after `shutdown`, a bad Content-Length, a refused rename. The server must answer
// each with a protocol error (never a stack trace) and stay up.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { root } from "../check.js";

interface Message {
  id?: number;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

class RawServer {
  private buffer = Buffer.alloc(0);
  readonly messages: Message[] = [];
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly child: ChildProcess;
  stderr = "";

  constructor() {
    this.child = spawn(process.execPath, [path.join(root, "bin/mlat.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (d) => (this.stderr += String(d)));
    // Chunks are joined only once a whole message has arrived (a 60 MB answer comes in thousands).
    let chunks: Buffer[] = [];
    let received = 0;
    let needed = 0;
    this.child.stdout!.on("data", (d: Buffer) => {
      chunks.push(d);
      received += d.length;
      if (received < needed) return;
      this.buffer = Buffer.concat([this.buffer, ...chunks]);
      chunks = [];
      received = 0;
      needed = 0;
      for (;;) {
        const head = this.buffer.indexOf("\r\n\r\n");
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
        if (this.buffer.length < head + 4 + length) {
          needed = head + 4 + length - this.buffer.length;
          return;
        }
        const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString()) as Message;
        this.buffer = this.buffer.subarray(head + 4 + length);
        this.messages.push(message);
        this.waiters = this.waiters.filter((w) => (w.match(message) ? (w.resolve(message), false) : true));
      }
    });
  }

  raw(bytes: string): void {
    this.child.stdin!.write(bytes);
  }

  send(message: object): void {
    const body = JSON.stringify({ jsonrpc: "2.0", ...message });
    this.raw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(id: number, method: string, params: unknown = {}): Promise<Message> {
    const answer = this.next((m) => m.id === id && m.method === undefined);
    this.send({ id, method, params });
    return answer;
  }

  next(match: (m: Message) => boolean, ms = 30_000): Promise<Message> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms; stderr: ${this.stderr}`)), ms);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

let server: RawServer | undefined;
afterEach(() => server?.child.kill());

const folder = mkdtempSync(path.join(tmpdir(), "mlat-lifecycle-"));
const file = path.join(folder, "a.mlat");
writeFileSync(file, "state AAA\nstate BBB\ngroup G = { AAA, BBB }\n");
const uri = pathToFileURL(file).href;
const initialize = { processId: null, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null };

describe("the language server's life cycle (raw frames)", () => {
  it("answers a request before `initialize` with ServerNotInitialized (-32002), then initializes normally", async () => {
    server = new RawServer();
    const early = await server.request(1, "textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 6 } });
    expect(early.error?.code).toBe(-32002);
    const init = await server.request(2, "initialize", initialize);
    expect(init.result).toHaveProperty("capabilities");
    expect(server.alive).toBe(true);
  });

  it("refuses requests after `shutdown` (InvalidRequest) and exits on `exit`", async () => {
    server = new RawServer();
    await server.request(1, "initialize", initialize);
    server.send({ method: "initialized", params: {} });
    const shut = await server.request(2, "shutdown");
    expect(shut.error).toBeUndefined();
    const late = await server.request(3, "textDocument/documentSymbol", { textDocument: { uri } });
    expect(late.error?.code).toBe(-32600);
    const exited = new Promise<number | null>((resolve) => server!.child.on("exit", (code) => resolve(code)));
    server.send({ method: "exit" });
    expect(await exited).toBe(0);
  });

  it("stays up after a well-framed message with broken JSON, and answers the next request", async () => {
    server = new RawServer();
    await server.request(1, "initialize", initialize);
    server.raw(`Content-Length: 11\r\n\r\n{"jsonrpc":`);
    server.send({ method: "initialized", params: {} });
    const symbols = await server.request(2, "textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.error).toBeUndefined();
    expect(server.alive).toBe(true);
    expect(server.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it("on a frame with a bad Content-Length says why and exits (1) instead of going silent", async () => {
    server = new RawServer();
    await server.request(1, "initialize", initialize);
    const exited = new Promise<number | null>((resolve) => server!.child.on("exit", (code) => resolve(code)));
    server.raw("Content-Length: nonsense\r\n\r\n{}");
    expect(await exited).toBe(1);
    expect(server.stderr).toMatch(/frame that cannot be read \(Content-Length value must be a number/);
    expect(server.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  // About 8 s here, most of it the server's first check of the file and 60 MB of JSON on the wire
  // (the outline itself: 1.4 s in process); bounded at 20 s like the suite's other large cases.
  it("answers the outline of 400,000 states in linear time (it was quadratic: 61 s)", async () => {
    server = new RawServer();
    await server.request(1, "initialize", initialize);
    server.send({ method: "initialized", params: {} });
    const text = Array.from({ length: 400_000 }, (_, i) => `state S${i}\n`).join("");
    const big = pathToFileURL(path.join(folder, "big.mlat")).href;
    server.send({ method: "textDocument/didOpen", params: { textDocument: { uri: big, languageId: "mlat", version: 1, text } } });
    const started = performance.now();
    const symbols = await server.request(2, "textDocument/documentSymbol", { textDocument: { uri: big } });
    const seconds = (performance.now() - started) / 1000;
    expect(symbols.error).toBeUndefined();
    expect((symbols.result as unknown[]).length).toBe(400_000);
    expect(seconds).toBeLessThan(20);
  }, 40_000);

  it("refuses a rename that is not possible with a message, not a stack trace", async () => {
    server = new RawServer();
    await server.request(1, "initialize", initialize);
    server.send({ method: "initialized", params: {} });
    server.send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "mlat", version: 1, text: "state AAA\nstate BBB\ngroup G = { AAA, BBB }\n" } } });
    // The keyword `state` cannot be renamed.
    const refused = await server.request(2, "textDocument/prepareRename", { textDocument: { uri }, position: { line: 0, character: 1 } });
    if (refused.error) {
      expect(refused.error.message).not.toMatch(/\n\s+at /);
      expect(JSON.stringify(refused.error.data ?? "")).not.toMatch(/\\n\s+at /);
    } else expect(refused.result).toBeNull();
    expect(server.alive).toBe(true);
  });
});
