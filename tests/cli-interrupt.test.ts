// Ctrl-C during a long exact analysis: the count runs on the main thread with no handler of its own,
// so SIGINT ends the process at once, and nothing (no half table) has been written.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { root } from "./check.js";

/** 193 seats weighted by population in tenths: a double majority that takes a minute exactly. */
function longDesign(): string {
  let s = 7;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const ids = Array.from({ length: 193 }, (_, i) => `S${i}`);
  const pops = ids.map(() => (1 + Math.floor(rnd() * 600)) / 10);
  return `${ids.map((id) => `state ${id}`).join("\n")}\ninstitution U {\n  members: { ${ids.join(", ")} }\n  body A {\n    seats: members\n    weight population { ${ids.map((id, i) => `${id}: ${pops[i]}`).join(", ")} }\n    rule double: yes >= 55% and yes by population >= 65%\n  }\n}\n`;
}

describe("Ctrl-C", () => {
  it("stops `mlat analyze --exact` mid-count, with nothing written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-interrupt-"));
    writeFileSync(path.join(dir, "u.mlat"), longDesign());
    const child = spawn(process.execPath, [path.join(root, "bin/mlat.js"), "analyze", "u.mlat", "--exact", "--no-shapley"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<[number | null, string | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
    try {
      await new Promise((r) => setTimeout(r, 1500));
      expect(child.exitCode).toBe(null); // still counting
      child.kill("SIGINT");
      // Ignored, the count would run for a minute: the test's timeout is the bound.
      const [code, signal] = await exited;
      expect(signal ?? code).toBe("SIGINT");
      expect(output).toBe("");
    } finally {
      child.kill("SIGKILL");
    }
  }, 20_000);
});
