// Which exact method counts a game: each method that can take it gives an estimate of its work
// (in residue operations, about 2–3 ns each here), and the cheapest runs. The limit is by work,
// not by the number of seats: 100,000 equal seats are cheap, 45 seats weighted by population to
// the person are not. Long counts report progress and can be cancelled through the monitor.
import { AnalysisCancelled, type CountingMethod, type GameCounts, type MethodName, type WorkMonitor } from "./counts.js";
import { monotoneByForm, type Game } from "./game.js";
import { weightedCost, weightedThreshold, singleThreshold } from "./weighted.js";
import { kindsOfSeats, profileCount } from "./kinds.js";
import { decisionDiagram, ZDD_MAX_NODES, ZDD_MAX_PLAYERS, zddSizeBound } from "./zdd.js";
import { generatingFunction, latticeCells, latticeCost, playerTypes, DP_MAX_CELLS } from "./dp.js";
import { meetInTheMiddle, MITM_MAX_PLAYERS } from "./mitm.js";
import { enumeration, ENUMERATION_MAX_PLAYERS } from "./enumerate.js";
import { primesFor } from "./modular.js";

/** Default budget: about ten seconds of counting on this kind of machine. */
export const DEFAULT_WORK_LIMIT = 4e9;
/** Memory a method may take, in bytes (the counts of a size-layered generating function). */
export const MEMORY_LIMIT = 1.5e9;
/** Work units per second, for the time estimates in messages. */
export const UNITS_PER_SECOND = 3e8;

export interface Candidate {
  readonly name: MethodName;
  readonly method: CountingMethod;
  /** Estimated work; Infinity when the method cannot take the game. */
  readonly work: number;
  readonly why?: string;
}

export interface Budget {
  /** Work limit (Infinity with `--exact`). */
  readonly limit: number;
  readonly progress?: (done: number, total: number) => void;
  readonly cancelled?: () => boolean;
}

/**
 * Every method with its estimated work for this game, cheapest first. The constants were fitted to
 * measured runs (EU-27 under Nice and Lisbon: the diagram with size layers costs about 8 units per
 * node and seat, meet in the middle doubles with each weight dimension it has to sort by).
 */
export function candidates(game: Game, shapley: boolean): Candidate[] {
  const n = game.players.length;
  const types = playerTypes(game).length;
  const P = primesFor(n + 1);
  const out: Candidate[] = [];
  const monotone = monotoneByForm(game);
  const wc = weightedCost(game, shapley);
  if (wc !== undefined) {
    const t = singleThreshold(game)!;
    const total = t.weights.reduce((a, b) => a + b, 0);
    const bytes = (shapley ? n + 2 : 2) * Math.max(1, total - t.quota + 1) * P * 8;
    out.push({ name: "weighted majority", method: weightedThreshold, work: bytes > MEMORY_LIMIT ? Infinity : wc, ...(bytes > MEMORY_LIMIT ? { why: `would need ${(bytes / 1e9).toFixed(1)} GB` } : {}) });
  }
  const profiles = profileCount(game);
  out.push({ name: "kinds of seats", method: kindsOfSeats, work: profiles * (types * (game.dims.length + 3) + 4) * (1 + n / 32) });
  if (n <= ZDD_MAX_PLAYERS && monotone) {
    const nodes = zddSizeBound(game);
    out.push({ name: "decision diagram", method: decisionDiagram, work: nodes > ZDD_MAX_NODES ? Infinity : nodes * (shapley ? n * 8 : 40) + n * 1000, ...(nodes > ZDD_MAX_NODES ? { why: `its diagram could take ${nodes.toExponential(1)} nodes` } : {}) });
  }
  if (!game.mixedSigns) {
    const cells = latticeCells(game, shapley);
    out.push({ name: "generating function", method: generatingFunction, work: cells > DP_MAX_CELLS ? Infinity : latticeCost(game, shapley) });
  }
  if (n <= MITM_MAX_PLAYERS && !game.mixedSigns) out.push({ name: "meet in the middle", method: meetInTheMiddle, work: types * 2 ** (n / 2 + 1) * 24 * 2 ** Math.max(0, game.dims.length - 1) });
  if (n <= ENUMERATION_MAX_PLAYERS) out.push({ name: "enumeration", method: enumeration, work: 2 ** n * (n + 4) });
  return out.sort((a, b) => a.work - b.work);
}

export function describeWork(units: number): string {
  const s = units / UNITS_PER_SECOND;
  if (!Number.isFinite(s)) return "far too long";
  if (s < 1.5) return "about a second";
  if (s < 90) return `about ${Math.round(s)} seconds`;
  if (s < 5400) return `about ${Math.round(s / 60)} minutes`;
  if (s < 48 * 3600) return `about ${Math.round(s / 3600)} hours`;
  return `about ${Math.round(s / 86400)} days`;
}

/** A monitor that reports progress against the estimate and honours cancellation. */
export function monitorFor(budget: Budget, estimate: number): WorkMonitor {
  let done = 0;
  let next = estimate / 200;
  return {
    step(units) {
      done += units;
      if (done < next) return;
      next = done + estimate / 200;
      if (budget.cancelled?.()) throw new AnalysisCancelled();
      budget.progress?.(Math.min(done, estimate), estimate);
    },
  };
}

/** Why the quickest method is too slow, with the size that makes it so. */
function tooLong(game: Game, c: Candidate): string {
  let tallies = 1;
  for (const d of game.dims) tallies *= d.reduce((a, b) => a + b, 0) + 1;
  const size = tallies > 1e6 ? `${game.players.length} seats whose weights have ${tallies.toExponential(1).replace("e+", " × 10^")} possible tallies` : `${game.players.length} seats`;
  return `${size}: the quickest exact method (${c.name}) would take ${describeWork(c.work)}`;
}

/** Counts with the cheapest method within the budget; the reason when none fits. */
export function countWithin(game: Game, shapley: boolean, budget: Budget, minimal = false): GameCounts | { tooLarge: string } {
  const list = candidates(game, shapley);
  const reasons: string[] = [];
  for (const c of list) {
    if (!Number.isFinite(c.work)) {
      if (c.why) reasons.push(`${c.name}: ${c.why}`);
      continue;
    }
    if (c.work > budget.limit) {
      reasons.push(tooLong(game, c));
      break;
    }
    const r = c.method.count(game, { shapley, minimal, monitor: monitorFor(budget, c.work) });
    if (!("tooLarge" in r)) return r;
    reasons.push(r.tooLarge);
  }
  return { tooLarge: reasons[0] ?? "no exact method can count this game" };
}

/** Whether some exact method would count the game within the budget (for `mlat check`), without counting. */
export function feasibility(game: Game, shapley: boolean, limit = DEFAULT_WORK_LIMIT): string | undefined {
  const best = candidates(game, shapley).find((c) => Number.isFinite(c.work));
  if (!best) return `${game.players.length} seats with weights that have too many distinct sums to count exactly; give the weight in coarser units`;
  if (best.work > limit) return `${tooLong(game, best)}; give the weight in coarser units${best.work / UNITS_PER_SECOND < 3600 ? ", or run `mlat analyze --exact`" : ""}`;
  return undefined;
}

/** Winning coalitions that contain every `forced` seat and otherwise only `allowed` ones. */
export function countWinningWithin(game: Game, allowed: readonly boolean[], forced: readonly boolean[]): bigint | { tooLarge: string } {
  const reasons: string[] = [];
  for (const c of candidates(game, false)) {
    if (!Number.isFinite(c.work)) continue;
    const r = c.method.countWinning(game, allowed, forced);
    if (typeof r === "bigint") return r;
    reasons.push(r.tooLarge);
  }
  return { tooLarge: reasons[0] ?? "no exact method can count this game" };
}
