import { buildGame } from "../compiler/engine/analysis/game.js";
import { weightedThreshold } from "../compiler/engine/analysis/weighted.js";
let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
function game(n: number, maxW: number, quota: string, weights?: number[]) {
  const seats = Array.from({ length: n }, (_, i) => ({ id: `P${i}` }));
  const ws = weights ?? seats.map(() => 1 + Math.floor(rnd() * maxW));
  const w = Object.fromEntries(seats.map((s, i) => [s.id, String(ws[i])]));
  return buildGame({ id: "B", name: "B", seats, weights: { w }, rules: [] }, { id: "r", name: "r", text: "", condition: { op: "compare", cmp: ">=", left: { tally: "yes", weight: "w" }, right: { value: quota, relative: true, base: "all" } } } as never);
}
const time = (label: string, f: () => unknown) => { const t0 = performance.now(); f(); console.log(label, (performance.now() - t0).toFixed(0), "ms"); };
const g150 = game(150, 480, "1/2"); time("150/480 Banzhaf", () => weightedThreshold.count(g150, { shapley: false }));
time("150/480 Shapley", () => weightedThreshold.count(g150, { shapley: true }));
const g200 = game(200, 1000, "1/2"); time("200/1000 Banzhaf", () => weightedThreshold.count(g200, { shapley: false }));
const g1000 = game(1000, 200, "1/2"); time("1000/200 Banzhaf", () => weightedThreshold.count(g1000, { shapley: false }));
// IMF-like: 190 members, 5,039,930 votes, Zipf-ish shares
const raw = Array.from({ length: 190 }, (_, i) => 1 / (i + 1) ** 1.1 + rnd() * 0.002); const sum = raw.reduce((a, b) => a + b, 0);
const imf = raw.map((r) => Math.max(1, Math.round((r / sum) * 5039930)));
const gimf = game(190, 0, "17/20", imf); time("IMF BoG Banzhaf", () => weightedThreshold.count(gimf, { shapley: false }));
time("IMF BoG minimal winning", () => weightedThreshold.minimalWinning(gimf));
