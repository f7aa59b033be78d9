// `npm run test:mutation -- SCOPE [more stryker options]`: mutation testing of one part of the
// compiler. Scopes are small enough to run in minutes on two cores; `all` runs them one by one.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import base from "../stryker.config.mjs";

// What each scope mutates, and the tests that are about it (the oracle, the case files, the
// property tests): a mutant runs only against those of them that reach it.
const scopes = {
  "engine-evaluation": { mutate: ["compiler/engine/evaluation/**/*.ts"], tests: ["differential", "engine-cases", "evaluation/ballot-lists", "in-process", "real-institutions"] },
  "engine-analysis": { mutate: ["compiler/engine/analysis/**/*.ts"], tests: ["analysis-properties", "engine-cases", "blocs"] },
  "engine-rest": { mutate: ["compiler/engine/*.ts", "compiler/engine/conduct/**/*.ts", "compiler/engine/testing/**/*.ts"], tests: ["engine-cases", "facts", "blocs", "differential", "in-process"] },
  // The engine's parts for constituencies and rotation (issue 16), against the tests written for them.
  "real-institutions": {
    mutate: ["compiler/engine/evaluation/constituencies.ts", "compiler/engine/analysis/constituencies.ts", "compiler/engine/rotation.ts", "compiler/engine/analysis/rotation-average.ts", "compiler/engine/analysis/rotation-analysis.ts"],
    tests: ["real-institutions", "differential", "engine-cases"],
  },
  semantics: { mutate: ["compiler/semantics/**/*.ts"], tests: ["diagnostics", "groups", "one-error-per-mistake", "examples"] },
  syntax: { mutate: ["compiler/syntax/**/*.ts"], tests: ["parser", "lexer", "diagnostics"] },
  ruleset: { mutate: ["compiler/ruleset/**/*.ts", "!compiler/ruleset/*.generated.*"], tests: ["examples", "differential"] },
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
    mutate: scopes[s].mutate,
    incremental: true,
    incrementalFile: `${dir}/incremental.json`,
    reporters: ["html", "json", "clear-text", "progress"],
    htmlReporter: { fileName: `${dir}/index.html` },
    jsonReporter: { fileName: `${dir}/mutation.json` },
  };
  writeFileSync(`${dir}/stryker.config.json`, JSON.stringify(config, null, 2));
  const args = ["stryker", "run", `${dir}/stryker.config.json`, ...rest];
  const tests = scopes[s].tests.map((t) => `tests/${t}.test.ts`).join(",");
  const r = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, MLAT_MUTATION_TESTS: tests } });
  status ||= r.status ?? 1;
}
process.exit(status);
