// The smallest change that flips a vote: for a rejected vote, the fewest seats whose switch to
// yes would adopt it; for an adopted one, the fewest whose switch to no would reject it.
// Seats that are interchangeable for the rule (same ballot, same weights, same veto rights) are
// searched as one kind, so assemblies of hundreds of equal seats cost a handful of evaluations.
import type { BodyJson, ConditionJson, RuleJson } from "../../ruleset/types.js";
import type { Ballot } from "./ballot.js";
import { Rational } from "../../numbers/rational.js";

export interface Counterfactual {
  /** The ballot the seats would switch to. */
  readonly to: "yes" | "no";
  readonly seats: readonly string[];
  /** False when the search budget ran out before the smallest change was proven smallest. */
  readonly smallest: boolean;
}

/** Work budget, in seat-evaluations (one evaluation of the rule costs one unit per seat). */
const BUDGET = 1_000_000;

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
  return greedy(groups.flat(), body, votes, to, adopts, weightNames, vetoSets);
}

/**
 * When the exhaustive search runs out of budget: switch seats one at a time until the outcome
 * flips — seats that hold a veto first (to adopt, every veto cast must be lifted; to reject, one
 * veto holder suffices), then by their exact share of every weight and of the seat count, heaviest
 * first — and then drop again every seat, lightest first, the flip does not need. Not proven
 * smallest.
 */
function greedy(
  candidates: readonly string[],
  body: BodyJson,
  votes: ReadonlyMap<string, Ballot>,
  to: "yes" | "no",
  adopts: (votes: Map<string, Ballot>) => boolean,
  weightNames: readonly string[],
  vetoSets: readonly Set<string>[],
): Counterfactual | undefined {
  const totals = weightNames.map((w) => body.seats.reduce((acc, s) => acc.add(Rational.parse(body.weights[w]![s.id] ?? "0") ?? Rational.ZERO), Rational.ZERO));
  const seatShare = Rational.of(1, Math.max(1, body.seats.length));
  const share = new Map(
    candidates.map((seat) => [
      seat,
      weightNames.reduce((acc, w, i) => (totals[i]!.isZero() ? acc : acc.add((Rational.parse(body.weights[w]![seat] ?? "0") ?? Rational.ZERO).div(totals[i]!))), seatShare),
    ]),
  );
  const holdsVeto = (seat: string) => vetoSets.some((v) => v.has(seat));
  const order = [...candidates].sort((a, b) => Number(holdsVeto(b)) - Number(holdsVeto(a)) || share.get(b)!.compare(share.get(a)!) || candidates.indexOf(a) - candidates.indexOf(b));
  const flips = (seats: readonly string[]) => {
    const trial = new Map(votes);
    for (const s of seats) trial.set(s, to);
    return adopts(trial) === (to === "yes");
  };
  const chosen: string[] = [];
  for (const seat of order) {
    chosen.push(seat);
    if (!flips(chosen)) continue;
    // Lightest first, drop whatever the flip does not need.
    for (let i = chosen.length - 1; i >= 0; i--) {
      const without = chosen.filter((_, j) => j !== i);
      if (flips(without)) chosen.splice(i, 1);
    }
    return { to, seats: chosen, smallest: false };
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
