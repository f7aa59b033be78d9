// The library as a user gets it: `npm pack`, install the tarball into a fresh project, import it
// from JavaScript, type-check a TypeScript consumer against the published .d.ts, run its bin.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./check.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the npm package", () => {
  it("installs from its tarball and works as a library, with types, and as a command", () => {
    const work = mkdtempSync(path.join(tmpdir(), "mlat-pack-"));
    execFileSync(npm, ["pack", "--pack-destination", work, "--silent"], { cwd: root, stdio: "pipe" });
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
    const project = path.join(work, "consumer");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    execFileSync(npm, ["install", path.join(work, tarball), "--prefer-offline", "--no-audit", "--no-fund", "--silent"], { cwd: project, stdio: "pipe" });

    writeFileSync(
      path.join(project, "use.mjs"),
      `import { check, compile, analyze, evaluate, validateRuleSet } from "mlat";
const design = \`state A
state B
state C
institution Club {
  members: { A, B, C }
  body Council {
    seats: members
    weight votes { A: 2, B: 1, C: 1 }
    rule qualified: yes by votes >= 3 and veto { A }
  }
}\`;
const checked = check({ files: { "club.mlat": design } });
const { ruleset } = compile({ files: { "club.mlat": design } });
const [a] = analyze(ruleset, { rules: ["Club.Council.qualified"] });
const vote = evaluate(ruleset, "Club.Council.qualified", { A: "yes", B: "no", C: "yes" });
const bad = validateRuleSet({ format: "nope" });
const { checkJunit } = await import("mlat/junit");
const xml = checkJunit(["club.mlat"], [], new Map([["club.mlat", design]]));
console.log(JSON.stringify({ ok: checked.ok, veto: a.vetoPlayers, ss: a.shapleyShubik, outcome: vote.outcome, bad: bad.ok, junit: xml.includes('<testcase classname="mlat.check" name="club.mlat"/>') }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: project, encoding: "utf8" }));
    expect(out).toEqual({ ok: true, veto: ["A"], ss: { A: "2/3", B: "1/6", C: "1/6" }, outcome: "adopted", bad: false, junit: true });

    writeFileSync(
      path.join(project, "typed.ts"),
      `import { compile, analyze, type RuleAnalysis, type RuleSet, type Diagnostic } from "mlat";
const r = compile({ files: { "x.mlat": "state A" } });
const rs: RuleSet | undefined = r.ruleset;
const ds: readonly Diagnostic[] = r.diagnostics;
const results = rs ? analyze(rs) : [];
const first: RuleAnalysis | { rule: string; error: string } | undefined = results[0];
export const summary: string = \`\${ds.length} \${first?.rule ?? ""}\`;
`,
    );
    writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, types: [] }, files: ["typed.ts"] }));
    const tsc = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", project], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);

    writeFileSync(path.join(project, "d.mlat"), "state A\nstate B\ninstitution I { members: { A, B } }\n");
    const bin = spawnSync(process.execPath, [path.join(project, "node_modules/mlat/bin/mlat.js"), "check", "d.mlat", "--format", "json"], { cwd: project, encoding: "utf8" });
    expect(JSON.parse(bin.stdout).diagnostics[0].code).toBe("MLAT3006");
    // The command's chunks ship too: JUnit loads the XML library from its own chunk.
    const junit = spawnSync(process.execPath, [path.join(project, "node_modules/mlat/bin/mlat.js"), "check", "d.mlat", "--format", "junit"], { cwd: project, encoding: "utf8" });
    expect(junit.stdout).toContain('<testcase classname="mlat.check" name="d.mlat">');
  }, 180_000);
});
