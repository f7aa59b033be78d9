// Exact counting by generating functions: F(z) = Π_i (1 + z^{v_i}) over the lattice of dimension
// sums, flattened to one index (sums never overflow a dimension, so the flattening is a ring
// homomorphism and univariate arithmetic is exact). Removing one player is an exact division by
// (1 + z^{v_i}), so each type of interchangeable players costs one pass. Counts are Float64 while
// they stay below 2^53 (exact integers), BigInt beyond.
import type { CountingMethod, GameCounts, PlayerCounts } from "./counts.js";
import { compileCondition, type Game } from "./game.js";

/** Largest lattice (number of cells) this method will allocate. */
export const DP_MAX_CELLS = 6_000_000;
/** Largest amount of work (cells × passes) before giving up on Shapley–Shubik. */
const DP_MAX_WORK_NUMBER = 400_000_000;
const DP_MAX_WORK_BIGINT = 40_000_000;

type Cells = Float64Array | bigint[];

interface Lattice {
  readonly dims: readonly (readonly number[])[]; // dims used, maybe plus the count dimension
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
  readonly cells: number;
  readonly countDim: number | undefined;
  readonly win: Uint8Array;
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

function zeros(cells: number, big: boolean): Cells {
  return big ? new Array<bigint>(cells).fill(0n) : new Float64Array(cells);
}

/** Multiplies F in place by (1 + z^offset). */
function multiply(F: Cells, offset: number): void {
  const f = F as unknown as number[];
  if (offset === 0) {
    for (let i = 0; i < f.length; i++) f[i] = f[i]! + f[i]!;
    return;
  }
  for (let i = f.length - 1 - offset; i >= 0; i--) if (f[i]) f[i + offset] = f[i + offset]! + f[i]!;
}

/** G = F / (1 + z^offset), exactly. */
function divide(F: Cells, offset: number, big: boolean): Cells {
  const f = F as unknown as number[];
  const g = zeros(F.length, big) as unknown as number[];
  if (offset === 0) {
    for (let i = 0; i < f.length; i++) g[i] = big ? ((f[i] as unknown as bigint) / 2n) as unknown as number : f[i]! / 2;
    return g as unknown as Cells;
  }
  for (let i = 0; i < f.length; i++) g[i] = i >= offset ? f[i]! - g[i - offset]! : f[i]!;
  return g as unknown as Cells;
}

function toBig(x: number | bigint): bigint {
  return typeof x === "bigint" ? x : BigInt(x);
}

export const generatingFunction: CountingMethod = {
  count(game, { shapley }) {
    const n = game.players.length;
    if (game.mixedSigns) return { tooLarge: "a comparison mixes weights with opposite signs" };
    const big = n > 52;
    let l = lattice(game, shapley);
    let shapleyNote: string | undefined;
    const types = playerTypes(game);
    if (!("tooLarge" in l) && shapley && l.countDim !== game.countDim) {
      const work = l.cells * (types.length + n);
      if (work > (big ? DP_MAX_WORK_BIGINT : DP_MAX_WORK_NUMBER)) l = { tooLarge: "x" };
    }
    if ("tooLarge" in l) {
      if (!shapley) return l;
      // Banzhaf without the size dimension; Shapley–Shubik would need it.
      const plain = lattice(game, false);
      if ("tooLarge" in plain) return plain;
      l = plain;
      shapleyNote = "not computed: counting coalitions by size as well would exceed the work limit";
    }
    const lat = l;
    const F = zeros(lat.cells, big);
    (F as unknown as (number | bigint)[])[0] = big ? 1n : 1;
    for (let i = 0; i < n; i++) multiply(F, offsetOf(lat, i));
    const f = F as unknown as (number | bigint)[];
    const win = lat.win;

    let winning = 0n;
    let bothWin = 0n;
    const last = lat.cells - 1; // the grand coalition: every sum at its total
    let w: number | bigint = big ? 0n : 0;
    let bw: number | bigint = big ? 0n : 0;
    for (let i = 0; i < lat.cells; i++) {
      if (!win[i] || !f[i]) continue;
      w = (w as number) + (f[i] as number);
      if (win[last - i]) bw = (bw as number) + (f[i] as number);
    }
    winning = toBig(w);
    bothWin = toBig(bw);

    const perType = new Map<string, PlayerCounts>();
    for (const t of types) {
      const offset = offsetOf(lat, t.representative);
      const g = divide(F, offset, big) as unknown as (number | bigint)[];
      let swings: number | bigint = big ? 0n : 0;
      let negative: number | bigint = big ? 0n : 0;
      let without: number | bigint = big ? 0n : 0;
      const bySize: (number | bigint)[] | null = lat.countDim !== undefined ? new Array(n).fill(big ? 0n : 0) : null;
      const cStride = lat.countDim !== undefined ? lat.strides[lat.countDim]! : 1;
      const cSize = lat.countDim !== undefined ? lat.sizes[lat.countDim]! : 1;
      for (let i = 0; i + offset < lat.cells; i++) {
        const c = g[i];
        if (!c) continue;
        const before = win[i]!;
        const after = win[i + offset]!;
        if (before) without = (without as number) + (c as number);
        if (after === before) continue;
        if (after) swings = (swings as number) + (c as number);
        else negative = (negative as number) + (c as number);
        if (bySize) {
          const k = Math.floor(i / cStride) % cSize;
          bySize[k] = after ? (bySize[k] as number) + (c as number) : (bySize[k] as number) - (c as number);
        }
      }
      perType.set(t.key, {
        swings: toBig(swings),
        negativeSwings: toBig(negative),
        winningWithout: toBig(without),
        swingsBySize: bySize ? bySize.map(toBig) : null,
      });
    }
    const keys = game.players.map((_, i) => typeKey(game, i));
    const result: GameCounts = {
      method: "generating function",
      winning,
      bothWin,
      players: keys.map((k) => perType.get(k)!),
      ...(shapley && shapleyNote ? { shapleyNote } : {}),
    };
    return result;
  },

  countWinning(game, allowed, forced) {
    if (game.mixedSigns) return { tooLarge: "a comparison mixes weights with opposite signs" };
    const l = lattice(game, false);
    if ("tooLarge" in l) return l;
    const big = game.players.length > 52;
    const F = zeros(l.cells, big);
    (F as unknown as (number | bigint)[])[0] = big ? 1n : 1;
    let base = 0;
    game.players.forEach((_, i) => {
      if (forced[i]) base += offsetOf(l, i);
      else if (allowed[i]) multiply(F, offsetOf(l, i));
    });
    const f = F as unknown as (number | bigint)[];
    let w: number | bigint = big ? 0n : 0;
    for (let i = 0; i + base < l.cells; i++) if (f[i] && l.win[i + base]) w = (w as number) + (f[i] as number);
    return toBig(w);
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
