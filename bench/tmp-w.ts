import { buildGame } from "../compiler/engine/analysis/game.js";
import { weightedThreshold } from "../compiler/engine/analysis/weighted.js";
import { enumeration } from "../compiler/engine/analysis/enumerate.js";
let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
let bad = 0;
for (let t = 0; t < 3000; t++) {
  const n = 1 + Math.floor(rnd() * 12);
  const seats = Array.from({ length: n }, (_, i) => ({ id: `P${i}` }));
  const w = Object.fromEntries(seats.map((s) => [s.id, String(1 + Math.floor(rnd() * 20))]));
  const num = Math.floor(rnd() * 13);
  const body = { id: "B", name: "B", seats, weights: { w }, rules: [] };
  const rule = { id: "r", name: "r", text: "", condition: { op: "compare", cmp: ">=", left: { tally: "yes", weight: "w" }, right: { value: `${num}/12`, relative: true, base: "all" } } } as never;
  const game = buildGame(body, rule);
  const a = weightedThreshold.count(game, { shapley: true });
  const b = enumeration.count(game, { shapley: true });
  if ("tooLarge" in a || "tooLarge" in b) { if ("tooLarge" in a && game.condition.kind === "atom") { bad++; console.log("refused", a); } continue; }
  const key = (c: typeof a) => JSON.stringify({ w: String(c.winning), b: String(c.bothWin), p: c.players.map((p) => [p.swings, p.negativeSwings, p.winningWithout, p.swingsBySize].map(String)) });
  if (key(a) !== key(b)) { bad++; if (bad < 3) console.log(n, JSON.stringify(w), num, key(a), key(b)); }
  const mwc = weightedThreshold.minimalWinning(game);
  // brute-force minimal winning
  const ws = seats.map((s) => Number(w[s.id])); const W = ws.reduce((x, y) => x + y, 0); const q = Math.ceil((num * W) / 12);
  let m = 0n; for (let mask = 0; mask < 1 << n; mask++) { let s = 0; for (let i = 0; i < n; i++) if (mask & (1 << i)) s += ws[i]!; if (s < q) continue; let min = true; for (let i = 0; i < n; i++) if (mask & (1 << i) && s - ws[i]! >= q) min = false; if (min) m++; }
  if (game.condition.kind === "atom" && mwc !== m) { bad++; if (bad < 5) console.log("mwc", n, JSON.stringify(w), num, mwc, m); }
}
console.log("mismatches", bad);
