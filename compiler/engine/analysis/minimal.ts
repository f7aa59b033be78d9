// Minimal winning coalitions (a coalition that wins and loses without any one of its members):
// counted exactly by whichever method fits the game — over kinds of seats (few kinds), by the
// weakest member (one weighted threshold), or by decision diagram (vector-weighted rules of up to
// 52 seats) — and the first few listed. Defined for monotone rules only.
import type { Game } from "./game.js";
import { compileCondition } from "./game.js";
import type { WorkMonitor } from "./counts.js";
import { playerTypes, typeKey } from "./dp.js";
import { kindsOfSeats, profileCount } from "./kinds.js";
import { decisionDiagram, ZDD_MAX_NODES, ZDD_MAX_PLAYERS, zddSizeBound } from "./zdd.js";
import { singleThreshold, weightedThreshold } from "./weighted.js";
import { primesFor } from "./modular.js";
import { describeWork } from "./dispatch.js";

export interface MinimalWinning {
  readonly count: string | null;
  readonly list: readonly (readonly string[])[];
  readonly truncated: boolean;
  readonly note?: string;
}

/** Profiles a listing may walk. */
const LIST_MAX_PROFILES = 2_000_000;

/** `known`: the count, when the counting pass produced it already. */
export function minimalWinning(game: Game, monotone: boolean, limit: number, workLimit: number, monitor: WorkMonitor, known?: bigint): MinimalWinning {
  if (!monotone) return { count: null, list: [], truncated: false, note: "not defined the usual way for a non-monotone rule" };
  if (known !== undefined) return listed(game, known, limit, profileCount(game));
  const n = game.players.length;
  const profiles = profileCount(game);
  const options: { work: number; run: () => bigint | undefined; name: string }[] = [];
  options.push({ name: "kinds of seats", work: profiles * playerTypes(game).length * (game.dims.length + 2), run: () => kindsOfSeats.minimalWinning(game, monitor) });
  const t = singleThreshold(game);
  if (t) {
    const total = t.weights.reduce((a, b) => a + b, 0);
    // The product kept is a palindrome: at most half the total, at most the short side.
    const size = Math.min(total - t.quota + 1, total / 2);
    options.push({ name: "weighted majority", work: n * Math.max(1, size) * primesFor(n + 1), run: () => weightedThreshold.minimalWinning(game, monitor) });
  }
  if (n <= ZDD_MAX_PLAYERS && zddSizeBound(game) <= ZDD_MAX_NODES) {
    options.push({
      name: "decision diagram",
      work: zddSizeBound(game) * 60,
      run: () => {
        const r = decisionDiagram.minimalWinning(game, monitor);
        return typeof r === "bigint" ? r : undefined;
      },
    });
  }
  options.sort((a, b) => a.work - b.work);
  let count: bigint | undefined;
  let reason = "";
  for (const o of options) {
    if (o.work > workLimit) {
      reason = `not counted: the quickest method (${o.name}) would take ${describeWork(o.work)}`;
      break;
    }
    count = o.run();
    if (count !== undefined) break;
  }
  if (count === undefined) return { count: null, list: [], truncated: false, note: reason || "not counted: too many kinds of seat for any method" };
  return listed(game, count, limit, profiles);
}

function listed(game: Game, count: bigint, limit: number, profiles: number): MinimalWinning {
  const list = listMinimal(game, limit, profiles);
  return { count: count.toString(), list, truncated: BigInt(list.length) < count, ...(list.length === 0 && count > 0n && limit > 0 ? { note: "counted; too many kinds of seat to list them" } : {}) };
}

/** The first `limit` minimal winning coalitions, each in seat order. */
function listMinimal(game: Game, limit: number, profiles: number): string[][] {
  if (limit <= 0) return [];
  const n = game.players.length;
  if (profiles <= LIST_MAX_PROFILES) return listByProfiles(game, limit);
  if (n <= ZDD_MAX_PLAYERS && zddSizeBound(game) <= ZDD_MAX_NODES) {
    const l = decisionDiagram.list(game, limit);
    if (l) return l.map((c) => c.map((i) => game.players[i]!));
  }
  return [];
}

function listByProfiles(game: Game, limit: number): string[][] {
  const types = playerTypes(game);
  const holds = compileCondition(game);
  const members = game.players.map((_, i) => i);
  const byType = types.map((t) => members.filter((i) => typeKey(game, i) === t.key));
  const vec = types.map((t) => game.dims.map((d) => d[t.representative]!));
  const j = new Array<number>(types.length).fill(0);
  const sums = new Array<number>(game.dims.length).fill(0);
  const list: string[][] = [];
  for (;;) {
    if (holds(sums)) {
      let minimal = true;
      for (let t = 0; t < types.length && minimal; t++) {
        if (j[t] === 0) continue;
        for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! - vec[t]![d]!;
        if (holds(sums)) minimal = false;
        for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! + vec[t]![d]!;
      }
      if (minimal) for (const c of expand(byType, j, limit - list.length)) list.push(c.sort((a, b) => a - b).map((i) => game.players[i]!));
      if (list.length >= limit) return list;
    }
    // Next profile (odometer), keeping the sums in step.
    let t = 0;
    for (; t < types.length; t++) {
      if (j[t]! < types[t]!.count) {
        j[t]!++;
        for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! + vec[t]![d]!;
        break;
      }
      for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! - vec[t]![d]! * j[t]!;
      j[t] = 0;
    }
    if (t === types.length) return list;
  }
}

function* expand(byType: number[][], j: number[], limit: number): Generator<number[]> {
  // Cartesian product of the first combinations of each type, up to `limit` coalitions.
  let produced = 0;
  // The first `limit` k-subsets of a pool in lexicographic order, by the next-combination step
  // (no recursion, no copies per level: 3,334 of 5,000 seats is O(limit · k), not O(n · k²)).
  const choose = (pool: number[], k: number): number[][] => {
    const out: number[][] = [];
    if (k > pool.length) return out;
    const c = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      out.push(c.map((i) => pool[i]!));
      if (out.length >= limit) return out;
      let i = k - 1;
      while (i >= 0 && c[i] === pool.length - k + i) i--;
      if (i < 0) return out;
      c[i]!++;
      for (let m = i + 1; m < k; m++) c[m] = c[m - 1]! + 1;
    }
  };
  const options = byType.map((pool, t) => choose(pool, j[t]!));
  const idx = new Array<number>(options.length).fill(0);
  for (;;) {
    if (produced >= limit) return;
    yield options.flatMap((o, t) => o[idx[t]!]!);
    produced++;
    let t = 0;
    for (; t < idx.length; t++) {
      if (++idx[t]! < options[t]!.length) break;
      idx[t] = 0;
    }
    if (t === idx.length) return;
  }
}
