// The analysis of a rule's voting game: exact counts from the cheapest method that can take the
// game (dispatch.ts), turned into the facts and indices a designer asks for. Fractions are
// reduced "p/q" strings and big counts decimal strings, so the JSON is exact. Every number here
// is for the yes/no model: each seat votes yes or no, the coalition is the seats voting yes.
import type { BodyJson, CitationJson, RuleJson, RuleSet } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { buildGame, GameError, compileCondition, type Game } from "./game.js";
import { AnalysisCancelled, type GameCounts, type MethodName, type WorkMonitor } from "./counts.js";
import { countWithin, countWinningWithin, DEFAULT_WORK_LIMIT, monitorFor, type Budget } from "./dispatch.js";
import { minimalWinning, type MinimalWinning } from "./minimal.js";
import { owenValues, type OwenValues } from "./owen.js";
import { estimateShapley, type ShapleyEstimate } from "./estimate.js";
import { powerClasses, type PowerClassResult } from "./power-classes.js";
import { allRules } from "../rules.js";
import { constituencyPower, type ConstituencyPower } from "./constituencies.js";
import { analyzeRotating, type RotationSummary } from "./rotation-analysis.js";

export type { PowerClassResult };

export interface AnalysisOptions {
  /** Compute Shapley–Shubik indices (default true). */
  readonly shapley?: boolean;
  /** How many minimal winning coalitions to list (default 20). */
  readonly listLimit?: number;
  /** No work limit: wait for the exact answer however long it takes (`--exact`). */
  readonly exact?: boolean;
  /** Work limit in work units (default DEFAULT_WORK_LIMIT, about ten seconds). */
  readonly workLimit?: number;
  /** Estimate Shapley–Shubik by Monte Carlo where the exact count is out of reach (`--estimate`). */
  readonly estimate?: { readonly samples?: number; readonly seed?: number };
  /** Told of progress (work done, estimated total), for a progress bar. */
  readonly progress?: (done: number, total: number) => void;
  /** Polled during long counts: true stops the analysis with AnalysisCancelled. */
  readonly cancelled?: () => boolean;
  /** Seats held in rotation: analyse the one configuration where these hold the votes. */
  readonly holding?: readonly string[];
}

export interface RuleAnalysis {
  readonly rule: string;
  readonly text: string;
  /** The provision the rule comes from, when the design names it. */
  readonly cite?: CitationJson;
  /** The model every number below is for: seats vote yes or no (the literature's simple game). */
  readonly model: "yes/no";
  readonly method: MethodName;
  readonly players: readonly string[];
  readonly totalCoalitions: string;
  readonly winningCoalitions: string;
  readonly minimalWinningCoalitions: MinimalWinning;
  readonly vetoPlayers: readonly string[];
  readonly dictator: string | null;
  readonly dummies: readonly string[];
  readonly banzhaf: Readonly<Record<string, { readonly swings: string; readonly normalized: string; readonly absolute: string }>>;
  readonly shapleyShubik: Readonly<Record<string, string>> | null;
  readonly shapleyShubikNote?: string;
  /** A Monte Carlo estimate, only when asked for and the exact value is out of reach. */
  readonly shapleyShubikEstimate?: ShapleyEstimate;
  readonly coleman: string;
  readonly monotone: boolean;
  readonly proper: boolean;
  /** Seats whose yes alone adopts a motion (unilateralism). */
  readonly unilateral: readonly string[];
  readonly powerClasses: readonly PowerClassResult[];
  /** Owen and Banzhaf–Owen values with the design's blocs of this body as a priori unions. */
  readonly owen?: OwenValues | { readonly note: string };
  /** Seats held in rotation: every number above is an average over the rotations (or for one). */
  readonly rotation?: RotationSummary;
  /** Constituencies with an inside rule: each state's power inside, and its indirect power. */
  readonly constituencies?: Readonly<Record<string, ConstituencyPower>>;
}

export class AnalysisError extends Error {}
export { AnalysisCancelled };

/** The game of a rule; a rule set the game cannot be built from is an analysis error. */
export function gameOf(body: BodyJson, rule: RuleJson): Game {
  try {
    return buildGame(body, rule);
  } catch (e) {
    if (e instanceof GameError) throw new AnalysisError(e.message);
    throw e;
  }
}

function budgetOf(options: AnalysisOptions): Budget {
  return { limit: options.exact ? Infinity : (options.workLimit ?? DEFAULT_WORK_LIMIT), ...(options.progress ? { progress: options.progress } : {}), ...(options.cancelled ? { cancelled: options.cancelled } : {}) };
}

/** Counts with the cheapest method; an analysis error says why none fits. */
export function countGame(game: Game, shapley: boolean, options: AnalysisOptions = {}, minimal = false): GameCounts {
  const r = countWithin(game, shapley, budgetOf(options), minimal);
  if ("tooLarge" in r) throw new AnalysisError(`too large for exact analysis: ${r.tooLarge}`);
  return r;
}

/** Winning coalitions made only of seats for which `allowed` holds. */
export function countWinningIn(body: BodyJson, rule: RuleJson, allowed: (seat: string) => boolean): bigint {
  const game = gameOf(body, rule);
  return countWinningOf(game, game.players.map(allowed), game.players.map(() => false));
}

/** Winning coalitions of a game containing every `forced` player and otherwise only `allowed` ones. */
export function countWinningOf(game: Game, allowed: readonly boolean[], forced: readonly boolean[]): bigint {
  const r = countWinningWithin(game, allowed, forced);
  if (typeof r !== "bigint") throw new AnalysisError(`too large for exact analysis: ${r.tooLarge}`);
  return r;
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

const fractions = new Map<string, string>();
/**
 * p/q reduced. Seats of one kind share their counts, and a gcd of numbers with thousands of digits
 * is not free: each distinct fraction is reduced once.
 */
const frac = (p: bigint, q: bigint): string => {
  if (q === 0n) return "0";
  const key = `${p}/${q}`;
  let hit = fractions.get(key);
  if (hit === undefined) {
    if (fractions.size > 10_000) fractions.clear();
    fractions.set(key, (hit = Rational.of(p, q).toString()));
  }
  return hit;
};

/** Coalition sizes past which the exact Shapley–Shubik weights (factorials) are not worth their digits. */
const SHAPLEY_MAX_SEATS = 20_000;

/**
 * Shapley–Shubik from swings by coalition size: Σ_k c_k · k! (n−1−k)! / n!, with k!(n−1−k)! kept
 * incrementally (no table of factorials), once per kind of seat.
 */
function shapleyValues(counts: GameCounts, n: number, oneKind: boolean): (string | undefined)[] {
  // Seats all of one kind share the value equally (symmetry, and the values sum to one unless no
  // seat is ever pivotal): no factorials of 100,000 seats needed.
  if (oneKind && counts.players.every((p) => p.negativeSwings === 0n)) {
    const v = counts.players[0]!.swings > 0n ? frac(1n, BigInt(n)) : "0";
    return counts.players.map(() => v);
  }
  const byCounts = new Map<object, string>();
  let nFact = 1n;
  for (let i = 2; i <= n; i++) nFact *= BigInt(i);
  return counts.players.map((p) => {
    const sizes = p.swingsBySize;
    if (!sizes) return undefined;
    const hit = byCounts.get(p);
    if (hit !== undefined) return hit;
    let g = nFact / BigInt(Math.max(1, n)); // 0! (n−1)!
    let num = 0n;
    for (let k = 0; k < n; k++) {
      if (sizes[k]) num += sizes[k]! * g;
      if (k + 1 < n) g = (g * BigInt(k + 1)) / BigInt(n - 1 - k);
    }
    const v = frac(num, nFact);
    byCounts.set(p, v);
    return v;
  });
}

/** Owen values when the design declares blocs in this body (they are the a priori unions). */
function owenOf(ruleset: RuleSet, body: BodyJson, game: Game): { owen?: OwenValues | { note: string } } {
  const blocs = (ruleset.blocs ?? []).filter((b) => b.body === body.id);
  if (blocs.length === 0) return {};
  return { owen: owenValues(game, Object.fromEntries(blocs.map((b) => [b.id, b.members]))) };
}

export function analyzeRule(ruleset: RuleSet, body: BodyJson, rule: RuleJson, options: AnalysisOptions = {}): RuleAnalysis {
  if (body.rotation && Object.keys(body.rotation).length) return analyzeRotating(ruleset, body, rule, options, analyzeRule, (m) => new AnalysisError(m));
  const game = gameOf(body, rule);
  const n = game.players.length;
  const players = game.players;
  const budget = budgetOf(options);
  let wantShapley = options.shapley !== false;
  let shapleyNote: string | undefined;
  const kinds = new Set(players.map((_, i) => game.dims.map((d) => d[i]).join(","))).size;
  if (wantShapley && n > SHAPLEY_MAX_SEATS && kinds > 1) {
    wantShapley = false;
    shapleyNote = `not computed: with ${n.toLocaleString("en")} seats the exact values have too many digits`;
  }
  let counted = wantShapley ? countWithin(game, true, budget) : undefined;
  if (counted && "tooLarge" in counted) {
    shapleyNote = `not computed: ${counted.tooLarge}; run with \`--exact\` to wait for it, or \`--estimate\` for a Monte Carlo value`;
    counted = undefined;
  }
  const counts = counted ?? countGame(game, false, options, true);
  const total = 2n ** BigInt(n);
  const half = n > 0 ? 2n ** BigInt(n - 1) : 1n;

  const monotone = counts.players.every((p) => p.negativeSwings === 0n);
  const net = counts.players.map((p) => p.swings - p.negativeSwings);
  // For a non-monotone rule net swings can be negative: normalize by their absolute sum, so
  // the shares lie in [-1, 1] and their absolute values add up to one.
  const totalSwings = net.reduce((a, b) => a + (monotone || b >= 0n ? b : -b), 0n);
  const banzhaf: Record<string, { swings: string; normalized: string; absolute: string }> = {};
  // Seats of one kind share their counts object: their three numbers are made once (with 100,000
  // equal seats, printing a 30,000-digit count per seat would be the whole cost of the analysis).
  const byCounts = new Map<object, { swings: string; normalized: string; absolute: string }>();
  players.forEach((p, i) => {
    const key = counts.players[i]!;
    let entry = byCounts.get(key);
    if (!entry) byCounts.set(key, (entry = { swings: net[i]!.toString(), normalized: frac(net[i]!, totalSwings), absolute: frac(net[i]!, half) }));
    banzhaf[p] = entry;
  });

  let shapleyShubik: Record<string, string> | null = null;
  let shapleyEstimate: ShapleyEstimate | undefined;
  if (counted && counts.players.every((p) => p.swingsBySize)) {
    const values = shapleyValues(counts, n, kinds === 1);
    shapleyShubik = Object.fromEntries(players.map((p, i) => [p, values[i]!]));
  } else if (options.shapley !== false && options.estimate && monotone) {
    const samples = options.estimate.samples ?? 1_000_000;
    shapleyEstimate = estimateShapley(game, samples, options.estimate.seed ?? 1, monitorFor(budget, samples * n));
  } else if (options.shapley !== false && !shapleyNote) shapleyNote = "not computed";

  const vetoPlayers = counts.winning > 0n ? players.filter((_, i) => counts.players[i]!.winningWithout === 0n) : [];
  const dictatorIndex = players.findIndex((_, i) => counts.players[i]!.swings === half && counts.players[i]!.negativeSwings === 0n);
  const dummies = players.filter((_, i) => counts.players[i]!.swings === 0n && counts.players[i]!.negativeSwings === 0n);
  const holds = compileCondition(game);
  const unilateral = players.filter((_, i) => holds(game.dims.map((d) => d[i]!)));
  const quiet: WorkMonitor = { step: () => {} };

  return {
    rule: rule.id,
    text: rule.text,
    ...(rule.cite ? { cite: rule.cite } : {}),
    model: "yes/no",
    method: counts.method,
    players,
    totalCoalitions: total.toString(),
    winningCoalitions: counts.winning.toString(),
    minimalWinningCoalitions: minimalWinning(game, monotone, options.listLimit ?? 20, budget.limit, quiet, counts.minimalWinning),
    vetoPlayers,
    dictator: dictatorIndex >= 0 ? players[dictatorIndex]! : null,
    dummies,
    banzhaf,
    shapleyShubik,
    ...(shapleyNote && !shapleyShubik ? { shapleyShubikNote: shapleyEstimate ? `${shapleyNote.replace(/; run with .*$/, "")}: estimated instead` : shapleyNote } : {}),
    ...(shapleyEstimate ? { shapleyShubikEstimate: shapleyEstimate } : {}),
    coleman: frac(counts.winning, total),
    monotone,
    proper: counts.bothWin === 0n,
    unilateral,
    powerClasses: powerClasses(ruleset, body, game, (allowed) => countWinningOf(game, allowed, game.players.map(() => false))),
    ...owenOf(ruleset, body, game),
    ...constituenciesOf(ruleset, body, banzhaf),
  };
}

/** The indirect power of the states of constituencies that decide by an inside rule. */
function constituenciesOf(ruleset: RuleSet, body: BodyJson, banzhaf: RuleAnalysis["banzhaf"]): { constituencies?: Record<string, ConstituencyPower> } {
  const power = constituencyPower(ruleset, body, banzhaf, (rs, b, r) => analyzeRule(rs, b, r, { listLimit: 0, shapley: false }));
  return power ? { constituencies: power } : {};
}
