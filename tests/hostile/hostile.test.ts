// Runs the attack suite (hostile.cases.ts) against the built CLI, whole process: each case in a fresh
// folder, bounded in time and in peak memory (measured in the child by report-rss.mjs; the V8 heap
// is also capped at the bound, so a runaway aborts instead of swapping the machine).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../check.js";
import { cases } from "./hostile.cases.js";

const scratch = mkdtempSync(path.join(tmpdir(), "mlat-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const reporter = pathToFileURL(path.join(root, "tests/hostile/report-rss.mjs")).href;
// An internal error as each format reports it (the SARIF rule table lists MLAT4001 among all codes).
const INTERNAL_ERROR = /(error |"code": "|"ruleId": "|::error .*)MLAT4001/;
const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

describe("hostile inputs (issue 14): every finding, bounded in time and memory", () => {
  cases.forEach((c, n) => {
    it(`${c.finding}: ${c.name}`, () => {
      const dir = path.join(scratch, String(n));
      mkdirSync(dir, { recursive: true });
      for (const [file, content] of Object.entries(c.files?.() ?? {})) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
      }
      c.setup?.(dir);
      const seconds = c.bounds?.seconds ?? 10;
      const mib = c.bounds?.mib ?? 2048;
      const rssFile = path.join(scratch, `${n}.rss`);
      const args = typeof c.args === "function" ? c.args(dir) : c.args;
      const started = performance.now();
      const r = spawnSync(process.execPath, [`--max-old-space-size=${mib}`, "--import", reporter, path.join(root, "bin/mlat.js"), ...args], {
        cwd: path.join(dir, c.cwd ?? "."),
        input: c.stdin ?? "",
        env: { ...process.env, NO_COLOR: "1", MLAT_HOSTILE_RSS: rssFile, GITHUB_STEP_SUMMARY: "" },
        timeout: (seconds + 5) * 1000,
        maxBuffer: 512 * 1024 * 1024,
      });
      const elapsed = (performance.now() - started) / 1000;
      const output = `${r.stdout?.toString("utf8") ?? ""}${r.stderr?.toString("utf8") ?? ""}`;
      const shown = output.length > 2000 ? `${output.slice(0, 1000)}\n…\n${output.slice(-1000)}` : output;

      expect(r.signal, `killed by ${r.signal} after ${elapsed.toFixed(1)} s`).toBeNull();
      expect(r.status, `exit code; output:\n${shown}`).toBe(c.expect.exit);
      expect(elapsed, `seconds (bound ${seconds})`).toBeLessThanOrEqual(seconds);
      expect(existsSync(rssFile), "the child reported its peak memory").toBe(true);
      const peakMib = Number(readFileSync(rssFile, "utf8")) / 1024;
      expect(peakMib, `peak memory in MiB (bound ${mib})`).toBeLessThanOrEqual(mib);
      for (const re of c.expect.says ?? []) expect(re.test(output), `output should match ${re}:\n${shown}`).toBe(true);
      for (const re of [...(c.expect.never ?? []), STACK_TRACE, INTERNAL_ERROR]) expect(re.test(output), `output must not match ${re}:\n${shown}`).toBe(false);
      if (c.expect.maxOutput !== undefined) expect(Buffer.byteLength(output), "bytes of output").toBeLessThanOrEqual(c.expect.maxOutput);
      c.after?.(dir);
    });
  });
});

describe("hostile timing (issue 14, medium 3): an edit saved while `fmt --write` runs is not lost", () => {
  it("each file is read just before it is formatted and written, not all at the start", async () => {
    const { spawn } = await import("node:child_process");
    const dir = path.join(scratch, "race");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "b.mlat"), "state   OLD\n");
    // Standard input is formatted first, and the CLI waits for it to end: the edit to b.mlat is
    // made while it waits, as an editor would save it. A CLI that read b.mlat at the start would
    // write back the formatted old text.
    const child = spawn(process.execPath, [path.join(root, "bin/mlat.js"), "fmt", "--write", "-", "b.mlat"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.stdin.write("state   FIRST\n");
    await new Promise((r) => setTimeout(r, 1000));
    writeFileSync(path.join(dir, "b.mlat"), "state   NEW\n");
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(readFileSync(path.join(dir, "b.mlat"), "utf8")).toBe("state NEW\n");
  });
});
