// Limits and imports: clear errors instead of crashes, and nothing read outside the project.
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { check, memoryHost } from "../compiler/index.js";
import { mlat } from "./check.js";

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "mlat-fence-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("imports", () => {
  it("may not leave the project root unless mlat.json allows the folder", () => {
    const dir = project({ "proj/mlat.json": "{}", "shared/world.mlat": "state A\nstate B\nstate C\n", "proj/d.mlat": 'use "../shared/world.mlat"\ngroup G = { A, B }\n' });
    const refused = mlat(["check", "--format", "json", "proj/d.mlat"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).diagnostics[0]).toMatchObject({ code: "MLAT2012", message: "`../shared/world.mlat` is outside the project root `proj`", line: 1, column: 5 });
    writeFileSync(path.join(dir, "proj/mlat.json"), JSON.stringify({ allowImports: ["../shared"] }));
    expect(mlat(["check", "proj/d.mlat"], { cwd: dir }).code).toBe(0);
  });

  it("refuses non-.mlat targets, symbolic-link loops and text that is not UTF-8, naming the problem", () => {
    const dir = project({ "mlat.json": "{}", "d.mlat": 'use "./data.json"\nuse "./loop1.mlat"\nuse "./latin1.mlat"\n', "data.json": "{}", "latin1.mlat": Buffer.from([0x73, 0x74, 0x61, 0x74, 0x65, 0x20, 0xe9, 0x0a]) });
    symlinkSync("loop2.mlat", path.join(dir, "loop1.mlat"));
    symlinkSync("loop1.mlat", path.join(dir, "loop2.mlat"));
    const r = mlat(["check", "--format", "json", "d.mlat"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; message: string }) => `${d.code} ${d.message}`)).toEqual([
      "MLAT2013 `./data.json` is not an `.mlat` file",
      "MLAT5001 cannot read `./loop1.mlat`: a loop of symbolic links",
      "MLAT5001 cannot read `./latin1.mlat`: not valid UTF-8 text",
    ]);
  });
});

describe("limits", () => {
  it("refuses a 10 MB file with a clear message instead of grinding through it", () => {
    const line = "state S0000000 { power: small, population: 1.5 }\n";
    const dir = project({ "big.mlat": line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)) });
    const r = mlat(["check", "big.mlat"], { cwd: dir });
    // A design that cannot be read is a usage error (exit 2, docs/cli.md), refused before reading.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error MLAT5005: `big.mlat` is 10.0 MiB, larger than the 8 MiB mlat reads");
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an oversized JSON input (MLAT5005)", () => {
    const dir = project({ "votes.json": `{"votes":{},"pad":"${"x".repeat(51 * 1024 * 1024)}"}` });
    const r = mlat(["eval", path.resolve("examples/eec-1958.mlat"), "--rule", "EEC.Council.qualified", "--input", "votes.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MLAT5005");
  });

  it("checks 200,000 states without trouble", () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `state S${i}`).join("\n") + "\ngroup All = states\ninstitution I { members: All }\n";
    const r = check({ host: memoryHost({ "w.mlat": text }), entries: ["w.mlat"] });
    expect(r.diagnostics).toEqual([]);
    expect(r.outputs[0]!.model.institutions.get("I")!.members.length).toBe(200_000);
  }, 60_000);
});
