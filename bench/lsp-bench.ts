// `npm run bench:lsp`: the language server over stdio on generated workspaces of about 10k and
// 50k lines: edit-to-diagnostics latency over 20 edits, completion and hover latency, and the cold
// full check of the same workspace in the same run. Prints numbers; asserts nothing.
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, PublishDiagnosticsNotification } from "vscode-languageserver-protocol/node";
import { check } from "../compiler/index.js";
import { NodeSourceHost } from "../compiler/node/index.js";

function workspace(lines: number): { folder: string; files: string[]; edited: string } {
  const folder = mkdtempSync(path.join(tmpdir(), "mlat-bench-lsp-"));
  const world: string[] = [];
  const statesCount = Math.max(200, Math.floor(lines / 10));
  for (let i = 0; i < statesCount; i++) world.push(`state S${i} "State ${i}" { power: ${i % 10 === 0 ? "great" : "small"}, population: ${(i % 97) + 1}.${i % 10} }`);
  writeFileSync(path.join(folder, "world.mlat"), world.join("\n") + "\n");
  const files = [path.join(folder, "world.mlat")];
  let total = world.length;
  let k = 0;
  while (total < lines) {
    const members = Array.from({ length: 12 }, (_, j) => `S${(k * 7 + j * 13) % statesCount}`);
    const uniq = [...new Set(members)];
    const text = [`use "./world.mlat"`, ``];
    for (let b = 0; b < 8; b++) {
      text.push(`/// Institution ${k}.${b}`, `institution I${k}_${b} "Institution ${k}.${b}" {`, `  members: { ${uniq.join(", ")} }`, `  body Council {`, `    seats: members`);
      text.push(`    weight votes { ${uniq.map((m, j) => `${m}: ${(j % 5) + 1}`).join(", ")} }`);
      text.push(`    rule simple: yes > 1/2 of voting`, `    rule qualified: yes by votes >= 2/3 and yes >= 6`, `    rule strong: yes by population >= 60% and veto { ${uniq[0]} }`, `  }`, `}`, ``);
    }
    const file = path.join(folder, `inst${k}.mlat`);
    writeFileSync(file, text.join("\n"));
    files.push(file);
    total += text.length;
    k++;
  }
  return { folder, files, edited: files[1]! };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(lines: number): Promise<void> {
  const ws = workspace(lines);
  const totalLines = ws.files.reduce((a, f) => a + readFileSync(f, "utf8").split("\n").length, 0);
  const host = new NodeSourceHost();
  const t0 = performance.now();
  check({ host: host, entries: ws.files }, { references: false });
  const cold = performance.now() - t0;

  const child = spawn(process.execPath, [path.resolve("dist/lsp.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map<string, (v: number) => void>();
  let published = 0;
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published++;
    const key = `${p.uri}@${p.version}`;
    waiters.get(key)?.(performance.now());
  });
  conn.listen();
  const folderUri = pathToFileURL(ws.folder).toString();
  await conn.sendRequest("initialize", { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: "w" }], capabilities: {} });
  const tInit = performance.now();
  await conn.sendNotification("initialized", {});
  while (published < ws.files.length) await new Promise((r) => setTimeout(r, 20));
  const initial = performance.now() - tInit;

  const uri = pathToFileURL(ws.edited).toString();
  const original = readFileSync(ws.edited, "utf8");
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "mlat", version: 1, text: original } });
  await new Promise((r) => setTimeout(r, 300));
  const edits: number[] = [];
  for (let v = 2; v < 22; v++) {
    const text = original.replace("yes >= 6", `yes >= ${(v % 5) + 3}`);
    const done = new Promise<number>((resolve) => waiters.set(`${uri}@${v}`, resolve));
    const start = performance.now();
    await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    edits.push((await done) - start);
  }
  const lineOf = (needle: string) => original.slice(0, original.indexOf(needle)).split("\n").length - 1;
  const timeRequests = async (method: string, params: () => unknown) => {
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await conn.sendRequest(method, params());
      xs.push(performance.now() - s);
    }
    return xs;
  };
  const completion = await timeRequests("textDocument/completion", () => ({ textDocument: { uri }, position: { line: lineOf("members: {") , character: 14 } }));
  const hover = await timeRequests("textDocument/hover", () => ({ textDocument: { uri }, position: { line: lineOf("rule qualified"), character: 10 } }));
  console.log(
    `| ${totalLines.toLocaleString("en")} | ${ws.files.length} | ${cold.toFixed(0)} ms | ${initial.toFixed(0)} ms | ${median(edits).toFixed(1)} ms | ${p95(edits).toFixed(1)} ms | ${(p95(edits) / cold).toFixed(3)} | ${p95(completion).toFixed(1)} ms | ${p95(hover).toFixed(1)} ms |`,
  );
  await conn.sendRequest("shutdown");
  await conn.sendNotification("exit");
  conn.dispose();
  child.kill();
}

console.log("## Language server over stdio (20 edits; completion and hover: 20 requests each)\n");
console.log("| lines | files | cold full check | first diagnostics for all | edit → diagnostics median | p95 | p95 ÷ cold | completion p95 | hover p95 |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
await run(10_000);
await run(50_000);
