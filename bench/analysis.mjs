// `npm run bench:analysis`: the voting-power workloads of real institutions, each timed as a whole
// `mlat analyze` process (start-up included) with its peak memory, and checked against naive
// enumeration of all 2^n coalitions where that is feasible (written here, independently of the
// engine). Not a test: nothing asserts a time; the numbers go into notes as ratios of one run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workloads } from "./workloads.mjs";

const cli = join(import.meta.dirname, "..", "bin", "mlat.js");
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const dir = mkdtempSync(join(tmpdir(), "mlat-bench-"));

/** Runs `mlat analyze` once: wall time, peak memory (when GNU time is there) and the JSON result. */
function analyze(file, rule, args) {
  const argv = [cli, "analyze", file, "--rule", rule, "--list", "0", "--format", "json", ...args];
  const t0 = performance.now();
  const r = gnuTime ? spawnSync(gnuTime, ["-f", "%M", process.execPath, ...argv], { encoding: "utf8", maxBuffer: 1 << 28 }) : spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`mlat analyze ${file} failed: ${r.stderr}`);
  const rss = gnuTime ? Number(r.stderr.trim().split("\n").pop()) / 1024 : undefined;
  return { seconds, rss, result: JSON.parse(r.stdout).rules[0] };
}

/** Banzhaf swings of w(S) ≥ q by visiting every coalition (feasible to about 26 seats). */
function naiveSwings(weights, quota) {
  const n = weights.length;
  const swings = new Array(n).fill(0);
  const t0 = performance.now();
  for (let mask = 0; mask < 2 ** n; mask++) {
    let sum = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) sum += weights[i];
    if (sum < quota) continue;
    for (let i = 0; i < n; i++) if (mask & (1 << i) && sum - weights[i] < quota) swings[i]++;
  }
  return { swings, seconds: (performance.now() - t0) / 1000 };
}

const mib = (x) => (x === undefined ? "—" : `${x.toFixed(0)} MiB`);
console.log(`## Analysis workloads: whole \`mlat analyze\` process, ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}\n`);
const base = performance.now();
execFileSync(process.execPath, ["-e", "0"]);
const nodeStart = (performance.now() - base) / 1000;
console.log(`(\`node -e 0\` alone: ${nodeStart.toFixed(2)} s)\n`);
console.log("| workload | method | time | peak memory | naive enumeration | speed-up | same answer |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | --- |");
for (const w of workloads()) {
  const file = join(dir, `${w.rule}.${w.shapley ? "ss" : "bz"}${w.estimate ? ".est" : ""}.mlat`);
  writeFileSync(file, w.text);
  const args = [...(w.shapley ? [] : ["--no-shapley"]), ...(w.estimate ? ["--estimate"] : [])];
  const { seconds, rss, result } = analyze(file, w.rule, args);
  const weights = w.weights;
  let naive = "infeasible (2^" + weights.length + ")";
  let ratio = "—";
  let same = "—";
  if (weights.length <= 24 && !w.estimate) {
    const n = naiveSwings(weights, w.quota);
    naive = `${n.seconds.toFixed(2)} s`;
    ratio = `${(n.seconds / seconds).toFixed(1)}×`;
    same = n.swings.every((s, i) => String(s) === result.banzhaf[`S${i + 1}`].swings) ? "yes" : "NO";
  }
  const method = result.shapleyShubikEstimate ? `${result.method} + Monte Carlo estimate` : result.method;
  console.log(`| ${w.name} | ${method} | ${seconds.toFixed(2)} s | ${mib(rss)} | ${naive} | ${ratio} | ${same} |`);
}
for (const [file, rule] of [["examples/eu-council-nice.mlat", "EU.Council.qmv"], ["examples/eu-council-lisbon.mlat", "EU.Council.qmv"]]) {
  const { seconds, rss, result } = analyze(join(import.meta.dirname, "..", file), rule, []);
  console.log(`| ${file} ${rule}: all indices, ${result.minimalWinningCoalitions.count} minimal winning coalitions | ${result.method} | ${seconds.toFixed(2)} s | ${mib(rss)} | — | — | — |`);
}
