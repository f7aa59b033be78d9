// Owen and Banzhaf–Owen values for a priori unions (Owen 1977, 1981): the design's blocs of a body
// as a partition of its seats, every other seat a union of its own. Seats of a union are expected
// to act together: a player's marginal contributions are weighted first over the coalitions of
// the other unions, then over the coalitions of its own union —
//   Owen_i = Σ_{R ⊆ M∖{k}} Σ_{T ⊆ U_k∖{i}} r!(m−r−1)!/m! · t!(u−t−1)!/u! · [v(Q_R ∪ T ∪ i) − v(Q_R ∪ T)]
// and Banzhaf–Owen the same with the uniform weights 1/2^(m−1) · 1/2^(u−1). Computed exactly from
// the table of winning coalitions, so for bodies of at most 22 seats.
import type { Game } from "./game.js";
import { popcount, winTable, ENUMERATION_MAX_PLAYERS } from "./enumerate.js";
import { Rational } from "../../numbers/rational.js";

export interface OwenValues {
  /** The unions: bloc name → its seats; seats in no bloc are unions of one. */
  readonly unions: Readonly<Record<string, readonly string[]>>;
  /** Seat → exact value as a reduced fraction. */
  readonly owen: Readonly<Record<string, string>>;
  readonly banzhafOwen: Readonly<Record<string, string>>;
}

function factorials(n: number): bigint[] {
  const f = [1n];
  for (let i = 1; i <= n; i++) f.push(f[i - 1]! * BigInt(i));
  return f;
}

/** Every subset of the given bits, as masks (Gosper-free: the standard sub-mask walk). */
function* subsets(bits: number): Generator<number> {
  let s = bits;
  for (;;) {
    yield s;
    if (s === 0) return;
    s = (s - 1) & bits;
  }
}

/**
 * The values, or why not: `unions` lists the blocs' seats (disjoint, of this body). Seats not in a
 * bloc are singletons.
 */
export function owenValues(game: Game, blocs: Readonly<Record<string, readonly string[]>>): OwenValues | { readonly note: string } {
  const n = game.players.length;
  if (n > ENUMERATION_MAX_PLAYERS) return { note: `not computed: Owen values are computed for bodies of at most ${ENUMERATION_MAX_PLAYERS} seats` };
  const index = new Map(game.players.map((p, i) => [p, i]));
  const unions: { name: string; mask: number }[] = [];
  let covered = 0;
  for (const [name, seats] of Object.entries(blocs)) {
    let mask = 0;
    for (const s of seats) {
      const i = index.get(s);
      if (i === undefined) continue;
      if (covered & (1 << i)) return { note: `not computed: the blocs overlap at \`${s}\`, so they are not a priori unions` };
      mask |= 1 << i;
    }
    if (mask === 0) continue;
    covered |= mask;
    unions.push({ name, mask });
  }
  game.players.forEach((p, i) => {
    if (!(covered & (1 << i))) unions.push({ name: p, mask: 1 << i });
  });
  const table = winTable(game);
  const m = unions.length;
  const fact = factorials(Math.max(m, n));
  const owen: Record<string, string> = {};
  const banzhafOwen: Record<string, string> = {};
  unions.forEach((u, k) => {
    const others = unions.filter((_, j) => j !== k);
    const size = popcount(u.mask);
    // The coalition of every set R of other unions, and |R|, built once per union.
    const qs = new Int32Array(1 << others.length);
    const rSizes = new Uint8Array(1 << others.length);
    for (let r = 1; r < qs.length; r++) {
      const low = 31 - Math.clz32(r & -r);
      qs[r] = qs[r & (r - 1)]! | others[low]!.mask;
      rSizes[r] = rSizes[r & (r - 1)]! + 1;
    }
    for (let i = 0; i < n; i++) {
      if (!(u.mask & (1 << i))) continue;
      const bit = 1 << i;
      const own = u.mask & ~bit;
      // Σ over R of the outer weight times, for each T, the inner weight times the swing.
      let shapleyNum = 0n; // over the denominator m! · size!
      let banzhafNum = 0n; // over 2^(m−1) · 2^(size−1)
      for (let r = 0; r < qs.length; r++) {
        const q = qs[r]!;
        const rSize = rSizes[r]!;
        const outer = fact[rSize]! * fact[m - rSize - 1]!;
        for (const t of subsets(own)) {
          const swing = table[q | t | bit]! - table[q | t]!;
          if (swing === 0) continue;
          const tSize = popcount(t);
          shapleyNum += BigInt(swing) * outer * fact[tSize]! * fact[size - tSize - 1]!;
          banzhafNum += BigInt(swing);
        }
      }
      owen[game.players[i]!] = Rational.of(shapleyNum, fact[m]! * fact[size]!).toString();
      banzhafOwen[game.players[i]!] = Rational.of(banzhafNum, 2n ** BigInt(m - 1 + size - 1)).toString();
    }
  });
  return { unions: Object.fromEntries(unions.filter((u) => popcount(u.mask) > 1 || blocs[u.name]).map((u) => [u.name, game.players.filter((_, i) => u.mask & (1 << i))])), owen, banzhafOwen };
}
