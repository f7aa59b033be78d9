// Test helpers, one per boundary (rust-analyzer style): tests are data, and goldens are blessed
// with UPDATE_SNAPSHOTS=1 (review the diff), never by editing the expected text by hand.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { check, compile, LineIndex, type Diagnostic, type SourceHost } from "../compiler/index.js";
import { NodeSourceHost } from "../compiler/node/index.js";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The one Node source host (the CLI's and the server's), reading afresh each time. */
export const fsHost: SourceHost = new NodeSourceHost({ cache: false });

export function updating(): boolean {
  return process.env["UPDATE_SNAPSHOTS"] === "1";
}

/**
 * Compares `actual` with the golden file. A golden is written only when asked
 * (UPDATE_SNAPSHOTS=1, never under CI): a missing one fails like a different one, so a new case
 * cannot pass by blessing itself.
 */
export function golden(file: string, actual: string): void {
  if (updating()) {
    if (process.env["CI"]) throw new Error("UPDATE_SNAPSHOTS is refused under CI: bless goldens locally and review the diff");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden ${path.relative(root, file)} is missing: run with UPDATE_SNAPSHOTS=1, read it, and commit it`);
  expect(actual, `golden ${path.relative(root, file)} (UPDATE_SNAPSHOTS=1 re-blesses it)`).toBe(readFileSync(file, "utf8"));
}

/**
 * The source again, with each diagnostic as a `#` line under the line it starts on:
 *   group G = { USA, Franse }
 *   #                ^^^^^^ error MLAT2001: unknown state or group `Franse`
 */
export function annotate(text: string, diagnostics: readonly Diagnostic[]): string {
  const index = new LineIndex(text);
  const byLine = new Map<number, string[]>();
  for (const d of diagnostics) {
    const s = index.position(d.span.start);
    const e = index.position(d.span.end);
    const lineText = index.lineText(s.line);
    const width = e.line === s.line ? Math.max(1, e.character - s.character) : Math.max(1, lineText.length - s.character);
    const pad = Math.max(0, s.character - 1);
    const marker = s.character === 0 ? `#${"^".repeat(width)}` : `#${" ".repeat(pad)}${"^".repeat(width)}`;
    const list = byLine.get(s.line) ?? [];
    list.push(`${marker} ${d.severity} ${d.code}: ${d.message}`);
    byLine.set(s.line, list);
  }
  const out: string[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    out.push(index.lineText(i));
    for (const a of byLine.get(i) ?? []) out.push(a);
  }
  return out.join("\n");
}

/** Checks a design file and compares its annotated diagnostics with `<file>.diagnostics.txt`. */
export function checkDiagnostics(file: string): Diagnostic[] {
  const rel = path.relative(process.cwd(), file).split(path.sep).join("/");
  const result = check({ host: fsHost, entries: [rel] });
  const own = result.diagnostics.filter((d) => d.file === rel);
  const others = result.diagnostics.filter((d) => d.file !== rel);
  let text = annotate(readFileSync(file, "utf8"), own);
  for (const d of others) text += `\n# in ${d.file}: ${d.severity} ${d.code}: ${d.message}`;
  golden(file.replace(/\.mlat$/, ".diagnostics.txt"), text + "\n");
  return [...result.diagnostics];
}

export function compileExample(file: string) {
  const rel = path.relative(process.cwd(), file).split(path.sep).join("/");
  return compile({ host: fsHost, entries: [rel] });
}

export function mlatFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mlat"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Runs the built `mlat` as a user would (no colours unless asked). */
const cli = () => path.join(root, "bin/mlat.js");

export function mlat(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [cli(), ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
