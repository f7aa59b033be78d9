// Exact counting by meet in the middle, for games with one dimension too fine for the lattice
// (populations to the thousand) and few seats: split the seats in two halves, enumerate each
// half's coalitions (2^(n/2)), group them by their small sums (coalition size, veto counts) and
// sort each group by the big sum. For two groups the condition is a step function of the big sum,
// so pairs are counted interval by interval with a linear two-pointer sweep.
import type { CountingMethod, GameCounts, PlayerCounts } from "./counts.js";
import { compileCondition, type Game } from "./game.js";
import { DP_MAX_CELLS, playerTypes, typeKey } from "./dp.js";

export const MITM_MAX_PLAYERS = 40;
const SMALL_DIM_MAX = 4096;

interface Plan {
  readonly dims: readonly (readonly number[])[];
  readonly small: readonly number[]; // indexes of small dims
  readonly big: number | undefined;
  readonly countDim: number | undefined;
  readonly smallSizes: readonly number[];
  /** Values of the big sum where some atom changes truth. */
  readonly breakpoints: readonly number[];
}

function plan(game: Game, withCount: boolean): Plan | { tooLarge: string } {
  if (game.mixedSigns) return { tooLarge: "a comparison mixes weights with opposite signs" };
  if (game.players.length > MITM_MAX_PLAYERS) return { tooLarge: `${game.players.length} seats are too many to split in two halves` };
  const dims: (readonly number[])[] = [...game.dims];
  let countDim = game.countDim;
  if (withCount && countDim === undefined) {
    dims.push(game.players.map(() => 1));
    countDim = dims.length - 1;
  }
  const totals = dims.map((d) => d.reduce((a, b) => a + b, 0));
  let big: number | undefined;
  const small: number[] = [];
  // The largest dimension is the big one; every other must be small.
  const order = totals.map((t, d) => [t, d] as const).sort((a, b) => b[0] - a[0]);
  if (order.length > 0 && order[0]![0] >= SMALL_DIM_MAX) big = order[0]![1];
  let product = 1;
  for (let d = 0; d < dims.length; d++) {
    if (d === big) continue;
    if (totals[d]! >= SMALL_DIM_MAX) return { tooLarge: "two dimensions are too fine to count exactly" };
    small.push(d);
    product *= totals[d]! + 1;
    if (product > DP_MAX_CELLS) return { tooLarge: "too many combinations of small tallies" };
  }
  const breakpoints = new Set<number>();
  for (const a of game.atoms) {
    if (a.dim !== big) continue;
    if (a.lo !== null) breakpoints.add(a.lo);
    if (a.hi !== null) breakpoints.add(a.hi + 1);
  }
  return { dims, small, big, countDim: withCount ? countDim : undefined, smallSizes: small.map((d) => totals[d]! + 1), breakpoints: [...breakpoints].sort((a, b) => a - b) };
}

interface Half {
  /** small key → big sums, ascending */
  readonly groups: Map<number, Float64Array>;
}

function enumerateHalf(p: Plan, players: readonly number[]): Half {
  const k = players.length;
  const keys = new Float64Array(2 ** k);
  const bigs = new Float64Array(2 ** k);
  const strides: number[] = [];
  let s = 1;
  for (const size of p.smallSizes) {
    strides.push(s);
    s *= size;
  }
  // Gray-code walk: one player in or out per step.
  let mask = 0;
  let key = 0;
  let bigSum = 0;
  for (let step = 1; step < 2 ** k; step++) {
    const bit = 31 - Math.clz32(step & -step);
    const adding = (mask & (1 << bit)) === 0;
    mask ^= 1 << bit;
    const pl = players[bit]!;
    const sign = adding ? 1 : -1;
    for (let j = 0; j < p.small.length; j++) key += sign * p.dims[p.small[j]!]![pl]! * strides[j]!;
    if (p.big !== undefined) bigSum += sign * p.dims[p.big]![pl]!;
    keys[mask] = key;
    bigs[mask] = bigSum;
  }
  const buckets = new Map<number, number[]>();
  for (let m = 0; m < 2 ** k; m++) {
    const list = buckets.get(keys[m]!);
    if (list) list.push(bigs[m]!);
    else buckets.set(keys[m]!, [bigs[m]!]);
  }
  const groups = new Map<number, Float64Array>();
  for (const [kk, list] of buckets) groups.set(kk, Float64Array.from(list).sort());
  return { groups };
}

/** Pairs (a, b) with a + b < x, for ascending arrays. */
function pairsBelow(a: Float64Array, b: Float64Array, x: number): number {
  let j = b.length;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    while (j > 0 && ai + b[j - 1]! >= x) j--;
    if (j === 0) break;
    total += j;
  }
  return total;
}

function decode(p: Plan, key: number, out: number[]): void {
  for (let j = 0; j < p.small.length; j++) {
    const size = p.smallSizes[j]!;
    out[p.small[j]!] = key % size;
    key = Math.floor(key / size);
  }
}

/** For each pair of groups, calls visit(smallSums, a, b). */
function pairGroups(p: Plan, A: Half, B: Half, visit: (sums: number[], a: Float64Array, b: Float64Array) => void): void {
  const sa = new Array<number>(p.dims.length).fill(0);
  const sb = new Array<number>(p.dims.length).fill(0);
  const sums = new Array<number>(p.dims.length).fill(0);
  for (const [ka, ga] of A.groups) {
    decode(p, ka, sa);
    for (const [kb, gb] of B.groups) {
      decode(p, kb, sb);
      for (const d of p.small) sums[d] = sa[d]! + sb[d]!;
      visit(sums, ga, gb);
    }
  }
}

function split(players: readonly number[]): [number[], number[]] {
  const half = Math.floor(players.length / 2);
  return [players.slice(0, half), players.slice(half)];
}

/** Sorted cut points and the intervals between them: [-∞, c0), [c0, c1), …, [ck, ∞). */
function intervals(cuts: readonly number[]): [number, number][] {
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  let lo = -Infinity;
  for (const c of sorted) {
    out.push([lo, c]);
    lo = c;
  }
  out.push([lo, Infinity]);
  return out;
}

function countIn(a: Float64Array, b: Float64Array, lo: number, hi: number): number {
  const below = (x: number) => (x === Infinity ? a.length * b.length : x === -Infinity ? 0 : pairsBelow(a, b, x));
  return below(hi) - below(lo);
}

export const meetInTheMiddle: CountingMethod = {
  count(game, { shapley }) {
    const p = plan(game, shapley);
    if ("tooLarge" in p) return p;
    const holds = compileCondition(game);
    const n = game.players.length;
    const all = game.players.map((_, i) => i);
    const bigTotal = p.big === undefined ? 0 : p.dims[p.big]!.reduce((a, b) => a + b, 0);
    const totals = p.dims.map((d) => d.reduce((a, b) => a + b, 0));
    const at = (sums: number[], big: number) => {
      if (p.big !== undefined) sums[p.big] = big;
      return holds(sums);
    };
    const rep = (lo: number) => (lo === -Infinity ? -1 : lo);

    // Winning coalitions, and coalitions whose complement wins too.
    const [A0, B0] = split(all);
    const HA = enumerateHalf(p, A0);
    const HB = enumerateHalf(p, B0);
    let winning = 0;
    let bothWin = 0;
    const comp = new Array<number>(p.dims.length).fill(0);
    const cutsBoth = [...p.breakpoints, ...p.breakpoints.map((c) => bigTotal + 1 - c)];
    pairGroups(p, HA, HB, (sums, a, b) => {
      for (const d of p.small) comp[d] = totals[d]! - sums[d]!;
      for (const [lo, hi] of intervals(cutsBoth)) {
        const x = rep(lo);
        if (!at(sums, x)) continue;
        const c = countIn(a, b, lo, hi);
        if (c === 0) continue;
        winning += c;
        if (at(comp, bigTotal - x)) bothWin += c;
      }
    });

    const perType = new Map<string, PlayerCounts>();
    for (const t of playerTypes(game)) {
      const i = t.representative;
      const others = all.filter((j) => j !== i);
      const [A, B] = split(others);
      const hA = enumerateHalf(p, A);
      const hB = enumerateHalf(p, B);
      const vBig = p.big === undefined ? 0 : p.dims[p.big]![i]!;
      const cuts = [...p.breakpoints, ...p.breakpoints.map((c) => c - vBig)];
      let swings = 0;
      let negative = 0;
      let without = 0;
      const bySize = p.countDim !== undefined ? new Array<number>(n).fill(0) : null;
      const withI = new Array<number>(p.dims.length).fill(0);
      pairGroups(p, hA, hB, (sums, a, b) => {
        for (const d of p.small) withI[d] = sums[d]! + p.dims[d]![i]!;
        for (const [lo, hi] of intervals(cuts)) {
          const x = rep(lo);
          const before = at(sums, x);
          const after = at(withI, x + vBig);
          if (!before && !after) continue;
          const c = countIn(a, b, lo, hi);
          if (c === 0) continue;
          if (before) without += c;
          if (before === after) continue;
          if (after) swings += c;
          else negative += c;
          if (bySize) bySize[sums[p.countDim!]!]! += after ? c : -c;
        }
      });
      perType.set(t.key, { swings: BigInt(swings), negativeSwings: BigInt(negative), winningWithout: BigInt(without), swingsBySize: bySize ? bySize.map(BigInt) : null });
    }
    const result: GameCounts = {
      method: "meet in the middle",
      winning: BigInt(winning),
      bothWin: BigInt(bothWin),
      players: game.players.map((_, i) => perType.get(typeKey(game, i))!),
    };
    return result;
  },

  countWinning(game, allowed, forced) {
    const p = plan(game, false);
    if ("tooLarge" in p) return p;
    const holds = compileCondition(game);
    const free = game.players.map((_, i) => i).filter((i) => allowed[i] && !forced[i]);
    const base = new Array<number>(p.dims.length).fill(0);
    game.players.forEach((_, i) => {
      if (forced[i]) for (let d = 0; d < p.dims.length; d++) base[d]! += p.dims[d]![i]!;
    });
    const [A, B] = split(free);
    const hA = enumerateHalf(p, A);
    const hB = enumerateHalf(p, B);
    const cuts = p.breakpoints.map((c) => c - (p.big === undefined ? 0 : base[p.big]!));
    const shifted = new Array<number>(p.dims.length).fill(0);
    let w = 0;
    pairGroups(p, hA, hB, (sums, a, b) => {
      for (const d of p.small) shifted[d] = sums[d]! + base[d]!;
      for (const [lo, hi] of intervals(cuts)) {
        if (p.big !== undefined) shifted[p.big] = (lo === -Infinity ? -1 : lo) + base[p.big]!;
        if (holds(shifted)) w += countIn(a, b, lo, hi);
      }
    });
    return BigInt(w);
  },
};
