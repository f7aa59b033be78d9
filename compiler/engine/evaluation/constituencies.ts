// A constituency (`seat Nordic for { DNK, FIN, … }`) casts one vote for several states. A ballot
// may name the constituency or its states; the states' ballots become the seat's one ballot by
// its `inside` rule (yes when the rule adopts, absent when all its states are absent, abstain
// when every state there abstains, no otherwise) or, without one, by their agreeing.
import type { BodyJson, ConditionJson, SeatJson } from "../../ruleset/types.js";
import type { Ballot } from "./ballot.js";

export class ConstituencyError extends Error {}

/** How one constituency's vote was cast from its states' ballots, for the explanation. */
export interface ConstituencyCast {
  readonly seat: string;
  readonly ballot: Ballot;
  readonly states: Readonly<Record<string, Ballot>>;
  /** The inside rule, when it decided. */
  readonly inside?: string;
}

/** The body an `inside` rule is evaluated over: the constituency's states as seats. */
export function insideBody(body: BodyJson, seat: SeatJson): BodyJson {
  return { id: `${body.id}.${seat.id}`, name: seat.id, seats: (seat.for ?? []).map((s) => ({ id: s, state: s })), weights: seat.inside?.weights ?? {}, rules: [] };
}

/**
 * Replaces the states of constituencies named in `ballots` by their constituency's ballot.
 * `holds` evaluates an inside rule over the states' ballots (the vote evaluator, injected).
 */
export function castConstituencies(
  body: BodyJson,
  ballots: Readonly<Record<string, Ballot>>,
  holds: (inside: BodyJson, condition: ConditionJson, votes: ReadonlyMap<string, Ballot>) => boolean,
): { ballots: Record<string, Ballot>; cast: ConstituencyCast[] } {
  const constituencies = body.seats.filter((s) => s.for);
  if (constituencies.length === 0) return { ballots: { ...ballots }, cast: [] };
  const seatOf = new Map<string, SeatJson>();
  for (const seat of constituencies) for (const s of seat.for!) seatOf.set(s, seat);
  const out: Record<string, Ballot> = {};
  const byStates = new Map<SeatJson, Map<string, Ballot>>();
  for (const [name, b] of Object.entries(ballots)) {
    const seat = seatOf.get(name);
    if (!seat) {
      out[name] = b;
      continue;
    }
    if (!byStates.has(seat)) byStates.set(seat, new Map());
    byStates.get(seat)!.set(name, b);
  }
  const cast: ConstituencyCast[] = [];
  for (const [seat, named] of byStates) {
    if (out[seat.id] !== undefined) throw new ConstituencyError(`\`${seat.id}\` is named and so are its states (${[...named.keys()].join(", ")}): name the constituency or its states`);
    const votes = new Map<string, Ballot>(seat.for!.map((s) => [s, named.get(s) ?? "absent"]));
    let ballot: Ballot;
    const present = [...votes.values()].filter((b) => b !== "absent");
    if (seat.inside) {
      if (present.length === 0) ballot = "absent";
      else if (present.every((b) => b === "abstain")) ballot = "abstain";
      else ballot = holds(insideBody(body, seat), seat.inside.condition, votes) ? "yes" : "no";
    } else {
      const distinct = [...new Set(named.values())];
      if (distinct.length > 1) throw new ConstituencyError(`the states of \`${seat.id}\` are named with different ballots (${[...named].map(([s, b]) => `${s} ${b}`).join(", ")}); a constituency casts one vote: name \`${seat.id}\`, or say how its states decide with \`inside …\``);
      ballot = distinct[0]!;
    }
    out[seat.id] = ballot;
    cast.push({ seat: seat.id, ballot, states: Object.fromEntries(votes), ...(seat.inside ? { inside: seat.inside.text } : {}) });
  }
  return { ballots: out, cast };
}
