// The smallest change that flips a vote: for a rejected vote, the fewest seats whose switch to
// yes would adopt it; for an adopted one, the fewest whose switch to no would reject it.
// Seats that are interchangeable for the rule (same ballot, same weights, same veto rights) are
// searched as one kind, so assemblies of hundreds of equal seats cost a handful of evaluations.
import type { BodyJson, ConditionJson, RuleJson } from "../../ruleset/types.js";
import type { Ballot } from "./ballot.js";

export interface Counterfactual {
  /** The ballot the seats would switch to. */
  readonly to: "yes" | "no";
  readonly seats: readonly string[];
  /** False when the search budget ran out before the smallest change was proven smallest. */
  readonly smallest: boolean;
}

/** Work budget, in seat-evaluations (one evaluation of the rule costs one unit per seat). */
const BUDGET = 3_000_000;

export function counterfactual(
  body: BodyJson,
  rule: RuleJson,
  votes: ReadonlyMap<string, Ballot>,
  outcome: "adopted" | "rejected",
  adopts: (votes: Map<string, Ballot>) => boolean,
): Counterfactual | undefined {
  const to: "yes" | "no" = outcome === "rejected" ? "yes" : "no";
  const vetoSets = vetoes(rule.condition);
  const weightNames = Object.keys(body.weights);
  const kindOf = (seat: string) =>
    [votes.get(seat), ...weightNames.map((w) => body.weights[w]![seat] ?? ""), ...vetoSets.map((v) => (v.has(seat) ? 1 : 0))].join("|");
  const kinds = new Map<string, string[]>();
  for (const s of body.seats) {
    if (votes.get(s.id) === to) continue;
    const k = kindOf(s.id);
    const list = kinds.get(k);
    if (list) list.push(s.id);
    else kinds.set(k, [s.id]);
  }
  const groups = [...kinds.values()];
  const maxEvaluations = Math.max(200, Math.floor(BUDGET / Math.max(1, body.seats.length)));
  let evaluations = 0;
  const counts = new Array<number>(groups.length).fill(0);
  const trial = new Map(votes);

  const test = (): boolean => {
    evaluations++;
    for (const [g, seats] of groups.entries()) seats.forEach((s, i) => trial.set(s, i < counts[g]! ? to : votes.get(s)!));
    return adopts(trial) === (to === "yes");
  };
  // Choose `k` seats in total across kinds, kind by kind.
  const search = (g: number, left: number): boolean => {
    if (evaluations > maxEvaluations) return false;
    if (g === groups.length) return left === 0 && test();
    for (let c = Math.min(left, groups[g]!.length); c >= 0; c--) {
      counts[g] = c;
      if (search(g + 1, left - c)) return true;
    }
    counts[g] = 0;
    return false;
  };
  const candidates = groups.reduce((a, g) => a + g.length, 0);
  for (let k = 1; k <= candidates; k++) {
    if (search(0, k)) {
      const seats = groups.flatMap((g, i) => g.slice(0, counts[i]));
      return { to, seats, smallest: true };
    }
    if (evaluations > maxEvaluations) break;
  }
  return greedy(groups.flat(), body, votes, to, adopts, weightNames);
}

/**
 * When the exhaustive search runs out of budget: switch seats one at a time, heaviest first (a
 * seat with a veto counts as heaviest), until the outcome flips. Not proven smallest.
 */
function greedy(
  candidates: readonly string[],
  body: BodyJson,
  votes: ReadonlyMap<string, Ballot>,
  to: "yes" | "no",
  adopts: (votes: Map<string, Ballot>) => boolean,
  weightNames: readonly string[],
): Counterfactual | undefined {
  const size = (seat: string) => weightNames.reduce((acc, w) => acc + Number(body.weights[w]![seat] ?? 0), 0);
  const order = [...candidates].sort((a, b) => size(b) - size(a));
  const trial = new Map(votes);
  const chosen: string[] = [];
  for (const seat of order) {
    trial.set(seat, to);
    chosen.push(seat);
    if (adopts(trial) === (to === "yes")) return { to, seats: chosen, smallest: false };
  }
  return undefined;
}

function vetoes(c: ConditionJson): Set<string>[] {
  switch (c.op) {
    case "and":
    case "or": return c.args.flatMap(vetoes);
    case "not": return vetoes(c.arg);
    case "veto": return [new Set(c.seats)];
    default: return [];
  }
}
