// Exact counting by a zero-suppressed decision diagram (ZDD) of the winning coalitions, for
// monotone rules over a few dozen seats with several weights at once — double and triple
// majorities, vetoes, `or no < 4` — where no table of tallies fits (EU populations to the
// thousand). Each threshold becomes a diagram built level by level with Behle's intervals (all
// residual quotas that lead to the same sub-diagram share one node), the rule's and/or combine
// them, and the counts come from single passes over the nodes: |W|, each seat's winning
// coalitions |W_i| (so swings = 2|W_i| − |W| for a monotone game), the same by coalition size for
// Shapley–Shubik, and the minimal winning coalitions through Minato's Minimal(F) =
// (v, Minimal(F₀), Minimal(F₁) ∖ F₀). Seats are ordered by decreasing weight (Bolus), which keeps
// the diagrams small. Counts are exact doubles (below 2^53) for up to 52 seats.
import type { CountingMethod, GameCounts, WorkMonitor } from "./counts.js";
import { monotoneByForm, type Game, type GameCondition } from "./game.js";
import { PairTable } from "./pair-table.js";

export const ZDD_MAX_PLAYERS = 52;
export const ZDD_MAX_NODES = 2_000_000;

/**
 * An upper bound on the nodes the diagrams of a game's thresholds take: at level i a threshold
 * has at most min(2^i, 2^(n−i), remaining weight + 1) nodes (reachable sums, sub-functions, and
 * distinct residual quotas). Exceeding ZDD_MAX_NODES means the method is not tried at all.
 */
export function zddSizeBound(game: Game): number {
  const n = game.players.length;
  let total = 0;
  for (const a of game.atoms) {
    const w = game.dims[a.dim]!;
    let rest = w.reduce((x, y) => x + y, 0);
    for (let i = 0; i < n; i++) {
      total += Math.min(2 ** i, 2 ** (n - i), rest + 1) * (a.lo !== null && a.hi !== null ? 2 : 1);
      rest -= w[seatRank(game, a.dim)[i]!]!;
    }
  }
  return total * (game.atoms.length > 1 ? 2 : 1);
}

/** Seats of a dimension heaviest first (the order the diagram uses is close to it). */
function seatRank(game: Game, dim: number): number[] {
  const w = game.dims[dim]!;
  return game.players.map((_, i) => i).sort((a, b) => w[b]! - w[a]! || a - b);
}

const EMPTY = 0; // the empty family
const BASE = 1; // the family {∅}

class TooManyNodes extends Error {}

const noMonitor: WorkMonitor = { step: () => {} };

class Zdd {
  readonly v: number[] = [-1, -1];
  readonly lo: number[] = [0, 0];
  readonly hi: number[] = [0, 0];
  private readonly unique: PairTable[];
  private readonly powersets: number[];

  constructor(readonly n: number, public monitor: WorkMonitor) {
    this.unique = Array.from({ length: n }, () => new PairTable(64));
    // P_i: every subset of the seats i … n−1.
    this.powersets = new Array<number>(n + 1);
    this.powersets[n] = BASE;
    for (let i = n - 1; i >= 0; i--) this.powersets[i] = this.mk(i, this.powersets[i + 1]!, this.powersets[i + 1]!);
  }

  get size(): number {
    return this.v.length;
  }

  /** The variable of a node (n for terminals, so comparisons order them last). */
  level(x: number): number {
    return x <= BASE ? this.n : this.v[x]!;
  }

  powerset(i: number): number {
    return this.powersets[i]!;
  }

  mk(v: number, lo: number, hi: number): number {
    if (hi === EMPTY) return lo;
    const table = this.unique[v]!;
    const hit = table.get(lo, hi);
    if (hit >= 0) return hit;
    const id = this.v.length;
    if (id > ZDD_MAX_NODES) throw new TooManyNodes();
    this.v.push(v);
    this.lo.push(lo);
    this.hi.push(hi);
    table.set(lo, hi, id);
    if ((id & 1023) === 0) this.monitor.step(1024);
    return id;
  }

  // One memo per operation, keyed by the pair of node ids; no closure per call (these run
  // millions of times for a 27-member double majority).
  private readonly memoUnion = new PairTable(1 << 15);
  private readonly memoIntersect = new PairTable(1 << 15);
  private readonly memoDiff = new PairTable(1 << 15);
  private readonly memoMinimal = new PairTable(1 << 15);

  union(a: number, b: number): number {
    if (a === EMPTY) return b;
    if (b === EMPTY || a === b) return a;
    if (a > b) [a, b] = [b, a];
    const hit = this.memoUnion.get(a, b);
    if (hit >= 0) return hit;
    const la = this.level(a);
    const lb = this.level(b);
    const r =
      la < lb ? this.mk(la, this.union(this.lo[a]!, b), this.hi[a]!)
      : lb < la ? this.mk(lb, this.union(a, this.lo[b]!), this.hi[b]!)
      : this.mk(la, this.union(this.lo[a]!, this.lo[b]!), this.union(this.hi[a]!, this.hi[b]!));
    this.memoUnion.set(a, b, r);
    return r;
  }

  intersect(a: number, b: number): number {
    if (a === EMPTY || b === EMPTY) return EMPTY;
    if (a === b) return a;
    if (a > b) [a, b] = [b, a];
    const hit = this.memoIntersect.get(a, b);
    if (hit >= 0) return hit;
    const la = this.level(a);
    const lb = this.level(b);
    // A set in both contains the top variable of one only if the other has it too.
    const r =
      la < lb ? this.intersect(this.lo[a]!, b)
      : lb < la ? this.intersect(a, this.lo[b]!)
      : la === this.n ? (a === b ? a : EMPTY)
      : this.mk(la, this.intersect(this.lo[a]!, this.lo[b]!), this.intersect(this.hi[a]!, this.hi[b]!));
    this.memoIntersect.set(a, b, r);
    return r;
  }

  diff(a: number, b: number): number {
    if (a === EMPTY || a === b) return EMPTY;
    if (b === EMPTY) return a;
    const hit = this.memoDiff.get(a, b);
    if (hit >= 0) return hit;
    const la = this.level(a);
    const lb = this.level(b);
    const r =
      la < lb ? this.mk(la, this.diff(this.lo[a]!, b), this.hi[a]!)
      : lb < la ? this.diff(a, this.lo[b]!)
      : la === this.n ? (a === BASE && b !== BASE ? BASE : EMPTY)
      : this.mk(la, this.diff(this.lo[a]!, this.lo[b]!), this.diff(this.hi[a]!, this.hi[b]!));
    this.memoDiff.set(a, b, r);
    return r;
  }

  /** The minimal sets of an upward-closed family (Minato). */
  minimal(a: number): number {
    if (a <= BASE) return a;
    const hit = this.memoMinimal.get(a, 0);
    if (hit >= 0) return hit;
    const r = this.mk(this.v[a]!, this.minimal(this.lo[a]!), this.diff(this.minimal(this.hi[a]!), this.lo[a]!));
    this.memoMinimal.set(a, 0, r);
    return r;
  }
}

interface Interval {
  readonly a: number;
  readonly b: number;
  readonly node: number;
}

/** Disjoint intervals (a, b], sorted, in chunks: finding and inserting take O(log n + chunk). */
class IntervalList {
  private readonly chunks: Interval[][] = [];

  private chunkFor(r: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]![0]!.a < r) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  find(r: number): Interval | undefined {
    if (this.chunks.length === 0) return undefined;
    const chunk = this.chunks[this.chunkFor(r)]!;
    let lo = 0;
    let hi = chunk.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = chunk[mid]!;
      if (r <= x.a) hi = mid - 1;
      else if (r > x.b) lo = mid + 1;
      else return x;
    }
    return undefined;
  }

  insert(x: Interval): void {
    if (this.chunks.length === 0) {
      this.chunks.push([x]);
      return;
    }
    const c = this.chunkFor(x.a + 1);
    const chunk = this.chunks[c]!;
    let k = chunk.length;
    while (k > 0 && chunk[k - 1]!.a > x.a) k--;
    chunk.splice(k, 0, x);
    if (chunk.length > 512) this.chunks.splice(c + 1, 0, chunk.splice(256));
  }
}

/** Coalitions whose weight (seats in `order`) is at least q, by Behle's intervals of residual quotas. */
function atLeast(z: Zdd, w: readonly number[], q: number): number {
  const n = w.length;
  const rest = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) rest[i] = rest[i + 1]! + w[i]!;
  // Per level: disjoint intervals (a, b] of residual quotas r with the node they give, sorted.
  const levels = Array.from({ length: n + 1 }, () => new IntervalList());
  const build = (i: number, r: number): { node: number; a: number; b: number } => {
    if (r <= 0) return { node: z.powerset(i), a: -Infinity, b: 0 };
    if (r > rest[i]!) return { node: EMPTY, a: rest[i]!, b: Infinity };
    const hit = levels[i]!.find(r);
    if (hit) return hit;
    const without = build(i + 1, r);
    const withIt = build(i + 1, r - w[i]!);
    const node = z.mk(i, without.node, withIt.node);
    const a = Math.max(without.a, withIt.a + w[i]!);
    const b = Math.min(without.b, withIt.b + w[i]!);
    const entry = { node, a, b };
    levels[i]!.insert(entry);
    return entry;
  };
  return build(0, q).node;
}

/** The family of coalitions satisfying the condition, over seats in `order`. */
function familyOf(z: Zdd, game: Game, order: readonly number[], complement: boolean): number {
  const n = order.length;
  const all = z.powerset(0);
  const atom = (k: number): number => {
    const a = game.atoms[k]!;
    const w = order.map((i) => game.dims[a.dim]![i]!);
    const total = w.reduce((x, y) => x + y, 0);
    // With `complement`, the question is about the seats not in the coalition: Σ_{i∉S} w ≥ lo ⟺ Σ_{i∈S} w ≤ total − lo.
    const lo = complement ? (a.hi === null ? null : total - a.hi) : a.lo;
    const hi = complement ? (a.lo === null ? null : total - a.lo) : a.hi;
    let f = lo === null ? all : atLeast(z, w, lo);
    if (hi !== null) f = z.diff(f, atLeast(z, w, hi + 1));
    return a.negate ? z.diff(all, f) : f;
  };
  const walk = (c: GameCondition): number => {
    switch (c.kind) {
      case "const": return c.value ? all : EMPTY;
      case "atom": return atom(c.atom);
      case "not": return z.diff(all, walk(c.arg));
      case "and": return c.args.map(walk).reduce((x, y) => z.intersect(x, y));
      case "or": return c.args.map(walk).reduce((x, y) => z.union(x, y));
    }
  };
  void n;
  return walk(game.condition);
}

/** Seats by decreasing weight in the heaviest dimension (ties by the next), which keeps diagrams small. */
function seatOrder(game: Game): number[] {
  const dims = [...game.dims].sort((a, b) => b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0));
  return game.players.map((_, i) => i).sort((a, b) => {
    for (const d of dims) if (d[a] !== d[b]) return d[b]! - d[a]!;
    return a - b;
  });
}

interface Built {
  readonly z: Zdd;
  readonly order: number[];
  readonly root: number;
}

/** One diagram per game: its counts, minimal winning coalitions and restricted counts share it. */
const builtFor = new WeakMap<Game, Built | { tooLarge: string }>();

function build(game: Game, monitor: WorkMonitor): Built | { tooLarge: string } {
  const hit = builtFor.get(game);
  if (hit && "z" in hit) hit.z.monitor = monitor;
  if (hit) return hit;
  const built = buildNew(game, monitor);
  builtFor.set(game, built);
  return built;
}

function buildNew(game: Game, monitor: WorkMonitor): Built | { tooLarge: string } {
  if (game.players.length > ZDD_MAX_PLAYERS) return { tooLarge: `${game.players.length} seats are too many for a decision diagram` };
  if (!monotoneByForm(game)) return { tooLarge: "a decision diagram counts monotone rules only" };
  const order = seatOrder(game);
  const z = new Zdd(order.length, monitor);
  try {
    return { z, order, root: familyOf(z, game, order, false) };
  } catch (e) {
    if (e instanceof TooManyNodes) return { tooLarge: `the decision diagram would exceed ${ZDD_MAX_NODES.toLocaleString("en")} nodes` };
    throw e;
  }
}

/** Nodes reachable from the root, in order of increasing level (children after parents). */
function topological(z: Zdd, root: number): number[] {
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const x = stack.pop()!;
    if (x <= BASE || seen.has(x)) continue;
    seen.add(x);
    stack.push(z.lo[x]!, z.hi[x]!);
  }
  return [...seen].sort((a, b) => z.v[a]! - z.v[b]! || a - b);
}

/** Sets in each node's family (bottom-up), by size when `sized`. */
function countsOf(z: Zdd, nodes: readonly number[], n: number, sized: boolean): Map<number, Float64Array> {
  const width = sized ? n + 1 : 1;
  const out = new Map<number, Float64Array>();
  const empty = new Float64Array(width);
  const base = new Float64Array(width);
  base[0] = 1;
  out.set(EMPTY, empty);
  out.set(BASE, base);
  for (let k = nodes.length - 1; k >= 0; k--) {
    const x = nodes[k]!;
    const lo = out.get(z.lo[x]!)!;
    const hi = out.get(z.hi[x]!)!;
    const c = new Float64Array(width);
    if (sized) for (let s = 0; s < width; s++) c[s] = lo[s]! + (s > 0 ? hi[s - 1]! : 0);
    else c[0] = lo[0]! + hi[0]!;
    out.set(x, c);
  }
  return out;
}

/** Paths from the root to each node, by the number of seats taken on the way when `sized`. */
function pathsOf(z: Zdd, nodes: readonly number[], root: number, n: number, sized: boolean): Map<number, Float64Array> {
  const width = sized ? n + 1 : 1;
  const out = new Map<number, Float64Array>();
  const get = (x: number) => {
    let p = out.get(x);
    if (!p) out.set(x, (p = new Float64Array(width)));
    return p;
  };
  get(root)[0] = 1;
  for (const x of nodes) {
    const p = get(x);
    const lo = get(z.lo[x]!);
    const hi = get(z.hi[x]!);
    for (let s = 0; s < width; s++) {
      lo[s]! += p[s]!;
      if (sized) {
        if (s + 1 < width) hi[s + 1]! += p[s]!;
      } else hi[s]! += p[s]!;
    }
  }
  return out;
}

export const decisionDiagram: CountingMethod & { minimalWinning(game: Game, monitor?: WorkMonitor): bigint | { tooLarge: string }; list(game: Game, limit: number): number[][] | undefined } = {
  count(game, { shapley, monitor = noMonitor }) {
    const built = build(game, monitor);
    if ("tooLarge" in built) return built;
    const { z, order, root } = built;
    const n = order.length;
    const nodes = topological(z, root);
    const counts = countsOf(z, nodes, n, shapley);
    const paths = pathsOf(z, nodes, root, n, shapley);
    const total = counts.get(root)!;
    const winningAll = shapley ? total.reduce((a, b) => a + b, 0) : total[0]!;
    // |W_i| (and by size of the coalition containing i), summed over the nodes of seat i.
    const containing = order.map(() => new Float64Array(shapley ? n + 1 : 1));
    for (const x of nodes) {
      const p = paths.get(x)!;
      const c = counts.get(z.hi[x]!)!;
      const acc = containing[z.v[x]!]!;
      if (!shapley) acc[0]! += p[0]! * c[0]!;
      else for (let a = 0; a <= n; a++) if (p[a]) for (let b = 0; a + b + 1 <= n; b++) if (c[b]) acc[a + b + 1]! += p[a]! * c[b]!;
    }
    // Coalitions whose complement wins too: the rule asked of the seats left out.
    let bothWin = 0n;
    try {
      const co = familyOf(z, game, order, true);
      const both = z.intersect(root, co);
      const bothNodes = topological(z, both);
      const bc = countsOf(z, bothNodes, n, false);
      bothWin = BigInt(bc.get(both)![0]!);
    } catch (e) {
      if (e instanceof TooManyNodes) return { tooLarge: `the decision diagram would exceed ${ZDD_MAX_NODES.toLocaleString("en")} nodes` };
      throw e;
    }
    const players = new Array(game.players.length);
    order.forEach((seat, level) => {
      const acc = containing[level]!;
      const withI = shapley ? acc.reduce((a, b) => a + b, 0) : acc[0]!;
      let bySize: bigint[] | null = null;
      if (shapley) {
        // A swing S of size k: S ∪ {i} wins (size k+1, containing i) and S does not (size k, without i).
        bySize = [];
        for (let k = 0; k < n; k++) bySize.push(BigInt(acc[k + 1]!) - (BigInt(total[k]!) - BigInt(acc[k]!)));
      }
      players[seat] = { swings: BigInt(2 * withI - winningAll), negativeSwings: 0n, winningWithout: BigInt(winningAll - withI), swingsBySize: bySize };
    });
    const result: GameCounts = { method: "decision diagram", winning: BigInt(winningAll), bothWin, players };
    return result;
  },

  countWinning(game, allowed, forced) {
    const built = build(game, noMonitor);
    if ("tooLarge" in built) return built;
    const { z, order, root } = built;
    const n = order.length;
    // forcedBelow[l]: forced seats at levels ≥ l (a path that skips one loses it).
    const forcedFrom = new Array<number>(n + 1).fill(0);
    for (let l = n - 1; l >= 0; l--) forcedFrom[l] = forcedFrom[l + 1]! + (forced[order[l]!] ? 1 : 0);
    const skipsForced = (from: number, to: number) => forcedFrom[from]! - forcedFrom[to]! > 0;
    const memo = new Map<number, bigint>();
    const count = (x: number): bigint => {
      if (x === EMPTY) return 0n;
      if (x === BASE) return 1n;
      const hit = memo.get(x);
      if (hit !== undefined) return hit;
      const l = z.v[x]!;
      const seat = order[l]!;
      const edge = (c: number) => (skipsForced(l + 1, z.level(c)) ? 0n : count(c));
      let r = 0n;
      if (!forced[seat]) r += edge(z.lo[x]!);
      if (allowed[seat] || forced[seat]) r += edge(z.hi[x]!);
      memo.set(x, r);
      return r;
    };
    return skipsForced(0, z.level(root)) ? 0n : count(root);
  },

  minimalWinning(game, monitor = noMonitor) {
    const built = build(game, monitor);
    if ("tooLarge" in built) return built;
    try {
      const m = built.z.minimal(built.root);
      const nodes = topological(built.z, m);
      return BigInt(countsOf(built.z, nodes, built.order.length, false).get(m)![0]!);
    } catch (e) {
      if (e instanceof TooManyNodes) return { tooLarge: `the decision diagram would exceed ${ZDD_MAX_NODES.toLocaleString("en")} nodes` };
      throw e;
    }
  },

  /** The first `limit` minimal winning coalitions, as seat indexes (in seat order). */
  list(game, limit) {
    const built = build(game, noMonitor);
    if ("tooLarge" in built) return undefined;
    const { z, order } = built;
    const m = z.minimal(built.root);
    const out: number[][] = [];
    const walk = (x: number, taken: number[]) => {
      if (out.length >= limit || x === EMPTY) return;
      if (x === BASE) {
        out.push([...taken].sort((a, b) => a - b));
        return;
      }
      walk(z.hi[x]!, [...taken, order[z.v[x]!]!]);
      walk(z.lo[x]!, taken);
    };
    walk(m, []);
    return out;
  },
};
