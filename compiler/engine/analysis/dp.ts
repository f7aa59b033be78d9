// Exact counting by generating functions over the lattice of tallies: F(z) = Π_i (1 + z^{v_i})
// where v_i is seat i's vector of weights, flattened to one index (sums never overflow a
// dimension, so the flattening is a ring homomorphism and univariate arithmetic is exact). Any
// condition of the tallies works, monotone or not. Removing one seat is an exact division by
// (1 + z^{v_i}), so each kind of interchangeable seat costs one pass. Coefficients are residues
// modulo primes below 2^52 (residue-poly.ts); the dispatcher decides whether the lattice is small
// enough.
import type { CountingMethod, GameCounts, PlayerCounts, WorkMonitor } from "./counts.js";
import { compileCondition, type Game } from "./game.js";
import { combine, combineSigned, primesFor } from "./modular.js";
import { ResiduePoly, zeros } from "./residue-poly.js";

/** Largest lattice (number of cells) this method will allocate. */
export const DP_MAX_CELLS = 20_000_000;

interface Lattice {
  readonly dims: readonly (readonly number[])[]; // dims used, maybe plus the count dimension
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
  readonly cells: number;
  readonly countDim: number | undefined;
  readonly win: Uint8Array;
}

/** Cells of the lattice, with the count dimension when Shapley–Shubik needs sizes. */
export function latticeCells(game: Game, withCount: boolean): number {
  let cells = 1;
  for (const d of game.dims) cells *= d.reduce((a, b) => a + b, 0) + 1;
  if (withCount && game.countDim === undefined) cells *= game.players.length + 1;
  return cells;
}

/** Work of the method, in residue operations. */
export function latticeCost(game: Game, shapley: boolean): number {
  const n = game.players.length;
  return latticeCells(game, shapley) * primesFor(n + 1) * (n + 2 * playerTypes(game).length);
}

function lattice(game: Game, withCount: boolean): Lattice | { tooLarge: string } {
  const dims: (readonly number[])[] = [...game.dims];
  let countDim = game.countDim;
  if (withCount && countDim === undefined) {
    dims.push(game.players.map(() => 1));
    countDim = dims.length - 1;
  }
  const sizes = dims.map((d) => d.reduce((a, b) => a + b, 0) + 1);
  let cells = 1;
  for (const s of sizes) {
    cells *= s;
    if (cells > DP_MAX_CELLS) return { tooLarge: `${sizes.join(" × ")} tallies exceed ${DP_MAX_CELLS.toLocaleString("en")} cells` };
  }
  const strides: number[] = [];
  let stride = 1;
  for (const s of sizes) {
    strides.push(stride);
    stride *= s;
  }
  // Which cells win: decode each index into its sums with an odometer.
  const holds = compileCondition(game);
  const win = new Uint8Array(cells);
  const sums = new Array<number>(dims.length).fill(0);
  for (let idx = 0; idx < cells; idx++) {
    win[idx] = holds(sums) ? 1 : 0;
    for (let d = 0; d < sums.length; d++) {
      if (++sums[d]! < sizes[d]!) break;
      sums[d] = 0;
    }
  }
  return { dims, sizes, strides, cells, countDim: withCount ? countDim : undefined, win };
}

function offsetOf(l: Lattice, player: number): number {
  let o = 0;
  for (let d = 0; d < l.dims.length; d++) o += l.dims[d]![player]! * l.strides[d]!;
  return o;
}

const noMonitor: WorkMonitor = { step: () => {} };

export const generatingFunction: CountingMethod = {
  count(game, { shapley, monitor = noMonitor }) {
    const n = game.players.length;
    if (game.mixedSigns) return { tooLarge: "a comparison mixes weights with opposite signs" };
    const l = lattice(game, shapley);
    if ("tooLarge" in l) return l;
    const P = primesFor(n + 1);
    const F = ResiduePoly.one(l.cells, P);
    for (let i = 0; i < n; i++) {
      F.multiply(offsetOf(l, i));
      monitor.step(l.cells * P);
    }
    const win = l.win;
    const last = l.cells - 1; // the grand coalition: every sum at its total
    const w = zeros(P);
    const bw = zeros(P);
    for (let i = 0; i < l.cells; i++) {
      if (!win[i]) continue;
      F.accumulate(i, 1, w);
      if (win[last - i]) F.accumulate(i, 1, bw);
    }
    const perType = new Map<string, PlayerCounts>();
    const cStride = l.countDim !== undefined ? l.strides[l.countDim]! : 1;
    const cSize = l.countDim !== undefined ? l.sizes[l.countDim]! : 1;
    for (const t of playerTypes(game)) {
      const offset = offsetOf(l, t.representative);
      const g = F.divide(offset);
      const swings = zeros(P);
      const negative = zeros(P);
      const without = zeros(P);
      const bySize = l.countDim !== undefined ? Array.from({ length: n }, () => zeros(P)) : null;
      for (let i = 0; i + offset < l.cells; i++) {
        const before = win[i]!;
        const after = win[i + offset]!;
        if (!before && !after) continue;
        if (g.isZero(i)) continue;
        if (before) g.accumulate(i, 1, without);
        if (after === before) continue;
        g.accumulate(i, 1, after ? swings : negative);
        if (bySize) g.accumulate(i, after ? 1 : -1, bySize[Math.floor(i / cStride) % cSize]!);
      }
      monitor.step(2 * l.cells * P);
      perType.set(t.key, { swings: combine(swings), negativeSwings: combine(negative), winningWithout: combine(without), swingsBySize: bySize ? bySize.map(combineSigned) : null });
    }
    const result: GameCounts = { method: "generating function", winning: combine(w), bothWin: combine(bw), players: game.players.map((_, i) => perType.get(typeKey(game, i))!) };
    return result;
  },

  countWinning(game, allowed, forced) {
    if (game.mixedSigns) return { tooLarge: "a comparison mixes weights with opposite signs" };
    const l = lattice(game, false);
    if ("tooLarge" in l) return l;
    const P = primesFor(game.players.length + 1);
    const F = ResiduePoly.one(l.cells, P);
    let base = 0;
    game.players.forEach((_, i) => {
      if (forced[i]) base += offsetOf(l, i);
      else if (allowed[i]) F.multiply(offsetOf(l, i));
    });
    const w = zeros(P);
    for (let i = 0; i + base < l.cells; i++) if (l.win[i + base]) F.accumulate(i, 1, w);
    return combine(w);
  },
};

/** Players with the same weights in every dimension are interchangeable: one pass per type. */
export function playerTypes(game: Game): { key: string; representative: number; count: number }[] {
  const types = new Map<string, { key: string; representative: number; count: number }>();
  game.players.forEach((_, i) => {
    const key = typeKey(game, i);
    const t = types.get(key);
    if (t) t.count++;
    else types.set(key, { key, representative: i, count: 1 });
  });
  return [...types.values()];
}

export function typeKey(game: Game, i: number): string {
  return game.dims.map((d) => d[i]).join(",");
}
