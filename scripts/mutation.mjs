// `npm run test:mutation -- SCOPE [more stryker options]`: mutation testing of one part of the
// compiler. Scopes are small enough to run in minutes on two cores; `all` runs them one by one.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import base from "../stryker.config.mjs";

const scopes = {
  "engine-evaluation": ["compiler/engine/evaluation/**/*.ts"],
  "engine-analysis": ["compiler/engine/analysis/**/*.ts"],
  "engine-rest": ["compiler/engine/*.ts", "compiler/engine/conduct/**/*.ts", "compiler/engine/testing/**/*.ts"],
  semantics: ["compiler/semantics/**/*.ts"],
  syntax: ["compiler/syntax/**/*.ts"],
  ruleset: ["compiler/ruleset/**/*.ts", "!compiler/ruleset/*.generated.*"],
};

const [scope = "", ...rest] = process.argv.slice(2);
const chosen = scope === "all" ? Object.keys(scopes) : [scope];
if (!chosen.every((s) => s in scopes)) {
  process.stderr.write(`usage: npm run test:mutation -- SCOPE\nscopes: ${Object.keys(scopes).join(", ")}, all\n`);
  process.exit(2);
}
let status = 0;
for (const s of chosen) {
  // One configuration per scope: what to mutate, where the incremental results and reports go.
  const dir = `reports/mutation/${s}`;
  mkdirSync(dir, { recursive: true });
  const config = {
    ...base,
    mutate: scopes[s],
    incremental: true,
    incrementalFile: `${dir}/incremental.json`,
    reporters: ["html", "json", "clear-text", "progress"],
    htmlReporter: { fileName: `${dir}/index.html` },
    jsonReporter: { fileName: `${dir}/mutation.json` },
  };
  writeFileSync(`${dir}/stryker.config.json`, JSON.stringify(config, null, 2));
  const args = ["stryker", "run", `${dir}/stryker.config.json`, ...rest];
  const r = spawnSync("npx", args, { stdio: "inherit" });
  status ||= r.status ?? 1;
}
process.exit(status);
