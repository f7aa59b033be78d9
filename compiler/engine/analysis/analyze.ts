// The analysis of a rule's voting game: exact counts from the fastest method that can take the
// game, turned into the facts and indices a designer asks for. Fractions are reduced "p/q"
// strings and big counts decimal strings, so the JSON is exact.
import type { RuleSet, RuleJson, BodyJson } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { buildGame, GameError, compileCondition, type Game } from "./game.js";
import { binomial, type CountingMethod, type GameCounts } from "./counts.js";
import { generatingFunction, playerTypes } from "./dp.js";
import { meetInTheMiddle } from "./mitm.js";
import { enumeration } from "./enumerate.js";
import { allRules } from "../rules.js";

export interface AnalysisOptions {
  /** Compute Shapley–Shubik indices (default true). */
  readonly shapley?: boolean;
  /** How many minimal winning coalitions to list (default 20). */
  readonly listLimit?: number;
}

export interface PowerClassResult {
  readonly class: string;
  readonly seats: readonly string[];
  /** No coalition without any of these seats wins. */
  readonly canBlock: boolean;
  /** Some coalition of these seats alone wins. */
  readonly canPassAlone: boolean;
  /** For each other class: some coalition with none of that class's seats wins. */
  readonly canPassWithout: Readonly<Record<string, boolean>>;
}

export interface RuleAnalysis {
  readonly rule: string;
  readonly text: string;
  readonly method: GameCounts["method"];
  readonly players: readonly string[];
  readonly totalCoalitions: string;
  readonly winningCoalitions: string;
  readonly minimalWinningCoalitions: { readonly count: string | null; readonly list: readonly (readonly string[])[]; readonly truncated: boolean; readonly note?: string };
  readonly vetoPlayers: readonly string[];
  readonly dictator: string | null;
  readonly dummies: readonly string[];
  readonly banzhaf: Readonly<Record<string, { readonly swings: string; readonly normalized: string; readonly absolute: string }>>;
  readonly shapleyShubik: Readonly<Record<string, string>> | null;
  readonly shapleyShubikNote?: string;
  readonly coleman: string;
  readonly monotone: boolean;
  readonly proper: boolean;
  /** Seats whose yes alone adopts a motion (unilateralism). */
  readonly unilateral: readonly string[];
  readonly powerClasses: readonly PowerClassResult[];
}

export class AnalysisError extends Error {}

const methods: readonly CountingMethod[] = [generatingFunction, meetInTheMiddle, enumeration];


/** Counts with the first method that can take the game; explains why none could. */
export function countGame(game: Game, shapley: boolean): GameCounts {
  const reasons: string[] = [];
  for (const m of methods) {
    const r = m.count(game, { shapley });
    if (!("tooLarge" in r)) return r;
    reasons.push(r.tooLarge);
  }
  throw new AnalysisError(`too large for exact analysis: ${[...new Set(reasons)].join("; ")}`);
}

/** Winning coalitions made only of seats for which `allowed` holds. */
export function countWinningIn(body: BodyJson, rule: RuleJson, allowed: (seat: string) => boolean): bigint {
  const game = gameOf(body, rule);
  return countWinning(game, game.players.map(allowed), game.players.map(() => false));
}

/** The game of a rule; a rule set the game cannot be built from is an analysis error. */
function gameOf(body: BodyJson, rule: RuleJson): Game {
  try {
    return buildGame(body, rule);
  } catch (e) {
    if (e instanceof GameError) throw new AnalysisError(e.message);
    throw e;
  }
}

/** Every rule of a rule set analysed, or the reason it could not be. */
export function analyzeAll(ruleset: RuleSet, options: AnalysisOptions = {}): Map<string, RuleAnalysis | string> {
  const out = new Map<string, RuleAnalysis | string>();
  for (const { body, rule } of allRules(ruleset)) {
    try {
      out.set(rule.id, analyzeRule(ruleset, body, rule, options));
    } catch (e) {
      if (!(e instanceof AnalysisError)) throw e;
      out.set(rule.id, e.message);
    }
  }
  return out;
}

/** Winning coalitions of a game containing every `forced` player and otherwise only `allowed` ones. */
export function countWinningOf(game: Game, allowed: boolean[], forced: boolean[]): bigint {
  return countWinning(game, allowed, forced);
}

function countWinning(game: Game, allowed: boolean[], forced: boolean[]): bigint {
  for (const m of methods) {
    const r = m.countWinning(game, allowed, forced);
    if (typeof r === "bigint") return r;
  }
  throw new AnalysisError("too large for exact analysis");
}

const frac = (p: bigint, q: bigint) => (q === 0n ? "0" : Rational.of(p, q).toString());

function factorials(n: number): bigint[] {
  const f = [1n];
  for (let i = 1; i <= n; i++) f.push(f[i - 1]! * BigInt(i));
  return f;
}

export function analyzeRule(ruleset: RuleSet, body: BodyJson, rule: RuleJson, options: AnalysisOptions = {}): RuleAnalysis {
  const game = gameOf(body, rule);
  const shapley = options.shapley !== false;
  const counts = countGame(game, shapley);
  const n = game.players.length;
  const total = 2n ** BigInt(n);
  const half = n > 0 ? 2n ** BigInt(n - 1) : 1n;
  const players = game.players;

  const monotone = counts.players.every((p) => p.negativeSwings === 0n);
  const net = counts.players.map((p) => p.swings - p.negativeSwings);
  // For a non-monotone rule net swings can be negative: normalize by their absolute sum, so
  // the shares lie in [-1, 1] and their absolute values add up to one.
  const totalSwings = net.reduce((a, b) => a + (monotone || b >= 0n ? b : -b), 0n);
  const banzhaf: Record<string, { swings: string; normalized: string; absolute: string }> = {};
  players.forEach((p, i) => {
    banzhaf[p] = { swings: net[i]!.toString(), normalized: frac(net[i]!, totalSwings), absolute: frac(net[i]!, half) };
  });

  let shapleyShubik: Record<string, string> | null = null;
  let shapleyNote = counts.shapleyNote;
  if (shapley && counts.players.every((p) => p.swingsBySize)) {
    const f = factorials(n);
    shapleyShubik = {};
    players.forEach((p, i) => {
      let num = 0n;
      counts.players[i]!.swingsBySize!.forEach((c, k) => (num += c * f[k]! * f[n - 1 - k]!));
      shapleyShubik![p] = frac(num, f[n]!);
    });
  } else if (shapley && !shapleyNote) shapleyNote = "not computed";

  const vetoPlayers = counts.winning > 0n ? players.filter((_, i) => counts.players[i]!.winningWithout === 0n) : [];
  const dictatorIndex = players.findIndex((_, i) => counts.players[i]!.swings === half && counts.players[i]!.negativeSwings === 0n);
  const dummies = players.filter((_, i) => counts.players[i]!.swings === 0n && counts.players[i]!.negativeSwings === 0n);
  const holds = compileCondition(game);
  const unilateral = players.filter((_, i) => holds(game.dims.map((d) => d[i]!)));

  return {
    rule: rule.id,
    text: rule.text,
    method: counts.method,
    players,
    totalCoalitions: total.toString(),
    winningCoalitions: counts.winning.toString(),
    minimalWinningCoalitions: minimalWinning(game, monotone, options.listLimit ?? 20),
    vetoPlayers,
    dictator: dictatorIndex >= 0 ? players[dictatorIndex]! : null,
    dummies,
    banzhaf,
    shapleyShubik,
    ...(shapleyNote && !shapleyShubik ? { shapleyShubikNote: shapleyNote } : {}),
    coleman: frac(counts.winning, total),
    monotone,
    proper: counts.bothWin === 0n,
    unilateral,
    powerClasses: powerClasses(ruleset, body, game),
  };
}

/** Power classes are the values of the states' `power` attribute among the seated states. */
function powerClasses(ruleset: RuleSet, body: BodyJson, game: Game): PowerClassResult[] {
  const power = new Map<string, string>();
  for (const s of ruleset.states) {
    const a = s.attributes["power"];
    if (a && (a.type === "name" || a.type === "string")) power.set(s.id, a.value);
  }
  const classOf = body.seats.map((s) => (s.state ? power.get(s.state) : undefined));
  const classes = [...new Set(classOf.filter((c): c is string => c !== undefined))];
  if (classes.length === 0) return [];
  const n = game.players.length;
  const none = new Array<boolean>(n).fill(false);
  return classes.map((c) => {
    const inClass = classOf.map((x) => x === c);
    const canPassWithout: Record<string, boolean> = {};
    for (const other of classes) {
      if (other === c) continue;
      canPassWithout[other] = countWinning(game, classOf.map((x) => x !== other), none) > 0n;
    }
    return {
      class: c,
      seats: game.players.filter((_, i) => inClass[i]),
      canBlock: countWinning(game, inClass.map((x) => !x), none) === 0n,
      canPassAlone: countWinning(game, inClass, none) > 0n,
      canPassWithout,
    };
  });
}

const MWC_MAX_PROFILES = 2_000_000;

/**
 * Minimal winning coalitions, counted over profiles of interchangeable seats (how many of each
 * type): a profile is minimal when it wins and removing any one seat makes it lose.
 */
function minimalWinning(game: Game, monotone: boolean, limit: number): RuleAnalysis["minimalWinningCoalitions"] {
  if (!monotone) return { count: null, list: [], truncated: false, note: "not defined the usual way for a non-monotone rule" };
  const types = playerTypes(game);
  let profiles = 1;
  for (const t of types) {
    profiles *= t.count + 1;
    if (profiles > MWC_MAX_PROFILES) {
      const weighted = minimalWinningWeighted(game);
      if (weighted !== undefined) return { count: weighted.toString(), list: [], truncated: weighted > 0n, note: "counted by weight; not listed" };
      return { count: null, list: [], truncated: false, note: `not counted: ${types.length} kinds of seat give more than ${MWC_MAX_PROFILES.toLocaleString("en")} profiles` };
    }
  }
  const holds = compileCondition(game);
  const members = game.players.map((_, i) => i);
  const byType = types.map((t) => members.filter((i) => typeKeyOf(game, i) === t.key));
  const vec = types.map((t) => game.dims.map((d) => d[t.representative]!));
  const j = new Array<number>(types.length).fill(0);
  const sums = new Array<number>(game.dims.length).fill(0);
  let count = 0n;
  const list: string[][] = [];
  let truncated = false;
  for (let step = 0; step < profiles; step++) {
    if (holds(sums)) {
      let minimal = true;
      for (let t = 0; t < types.length && minimal; t++) {
        if (j[t] === 0) continue;
        for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! - vec[t]![d]!;
        if (holds(sums)) minimal = false;
        for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! + vec[t]![d]!;
      }
      if (minimal) {
        let ways = 1n;
        types.forEach((t, k) => (ways *= binomial(t.count, j[k]!)));
        count += ways;
        if (list.length < limit) {
          // The first few coalitions of this profile, in seat order.
          for (const c of expand(byType, j, limit - list.length)) list.push(c.map((i) => game.players[i]!));
        }
        if (count > BigInt(list.length)) truncated = true;
      }
    }
    // Next profile (odometer), keeping the sums in step.
    for (let t = 0; t < types.length; t++) {
      if (j[t]! < types[t]!.count) {
        j[t]!++;
        for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! + vec[t]![d]!;
        break;
      }
      for (let d = 0; d < sums.length; d++) sums[d] = sums[d]! - vec[t]![d]! * j[t]!;
      j[t] = 0;
    }
  }
  return { count: count.toString(), list: list.map((c) => c.sort((a, b) => game.players.indexOf(a) - game.players.indexOf(b))), truncated };
}

/**
 * A weighted majority game (one threshold on one weight): S is minimal winning exactly when it
 * wins and loses without its lightest member. Taking seats heaviest first, each seat i counts the
 * coalitions of heavier seats whose weight w satisfies q − w_i ≤ w < q (a knapsack count).
 */
function minimalWinningWeighted(game: Game): bigint | undefined {
  const c = game.condition;
  if (c.kind !== "atom") return undefined;
  const atom = game.atoms[c.atom]!;
  if (atom.negate || atom.hi !== null || atom.lo === null) return undefined;
  const w = game.dims[atom.dim]!;
  const q = atom.lo;
  if (q <= 0 || q > 5_000_000) return undefined;
  const order = w.map((_, i) => i).sort((a, b) => w[b]! - w[a]! || a - b);
  const f = new Array<bigint>(q).fill(0n); // coalitions of the seats so far, by weight below q
  f[0] = 1n;
  let count = 0n;
  for (const i of order) {
    const wi = w[i]!;
    if (wi === 0) continue; // a seat of weight zero is never needed
    for (let s = Math.max(0, q - wi); s < q; s++) count += f[s]!;
    for (let s = q - 1; s >= wi; s--) if (f[s - wi]) f[s] = f[s]! + f[s - wi]!;
  }
  return count;
}

function typeKeyOf(game: Game, i: number): string {
  return game.dims.map((d) => d[i]).join(",");
}

function* expand(byType: number[][], j: number[], limit: number): Generator<number[]> {
  // Cartesian product of the first combinations of each type, up to `limit` coalitions.
  let produced = 0;
  const choose = (pool: number[], k: number): number[][] => {
    const out: number[][] = [];
    const rec = (start: number, acc: number[]) => {
      if (out.length >= limit || acc.length + (pool.length - start) < k) return;
      if (acc.length === k) {
        out.push([...acc]);
        return;
      }
      for (let i = start; i < pool.length; i++) rec(i + 1, [...acc, pool[i]!]);
    };
    rec(0, []);
    return out;
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
