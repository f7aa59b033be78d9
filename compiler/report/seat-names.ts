// Seats as a person names them: by the design's seat classes and groups where whole ones are
// there ("permanent + 4 elected", "EU27 - 2"), else by their ids — for witnesses, counterfactuals
// and coalitions in every command.
import type { RuleSet } from "../ruleset/types.js";

export interface SeatNaming {
  /** Named sets of seats, largest first: the body's seat classes, then the design's groups. */
  readonly sets: readonly { readonly name: string; readonly seats: ReadonlySet<string> }[];
  /** Seat → its class, for "4 elected". */
  readonly classOf: ReadonlyMap<string, string>;
}

export const NO_NAMES: SeatNaming = { sets: [], classOf: new Map() };

/** The names a design gives to sets of a rule's seats. */
export function seatNaming(ruleset: RuleSet, ruleId: string): SeatNaming {
  const body = ruleset.institutions.flatMap((i) => i.bodies).find((b) => b.rules.some((r) => r.id === ruleId));
  if (!body) return NO_NAMES;
  const classOf = new Map<string, string>();
  const classes = new Map<string, Set<string>>();
  for (const s of body.seats) {
    if (!s.class) continue;
    classOf.set(s.id, s.class);
    classes.set(s.class, (classes.get(s.class) ?? new Set()).add(s.id));
  }
  const sets: { name: string; seats: Set<string> }[] = [...classes].filter(([, seats]) => seats.size > 1).map(([name, seats]) => ({ name, seats }));
  const seatOf = new Map(body.seats.filter((s) => s.state).map((s) => [s.state!, s.id]));
  const seen = new Set(sets.map((x) => [...x.seats].sort().join(",")));
  for (const g of ruleset.groups) {
    const seats = g.members.map((m) => seatOf.get(m));
    if (seats.length < 2 || seats.some((x) => x === undefined)) continue;
    const key = [...seats].sort().join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    sets.push({ name: g.id, seats: new Set(seats as string[]) });
  }
  sets.sort((a, b) => b.seats.size - a.seats.size);
  return { sets, classOf };
}

/** The design's name for exactly these seats, if it has one. */
export function nameOfSet(seats: readonly string[], naming: SeatNaming): string | undefined {
  return naming.sets.find((set) => set.seats.size === seats.length && seats.every((s) => set.seats.has(s)))?.name;
}

/**
 * The seats as the shortest text: whole named sets first (largest first), then "4 elected" for
 * three or more seats of one class, then the remaining ids; past `max` ids, "and N more".
 */
export function namedSeats(seats: readonly string[], naming: SeatNaming, max = 12): string {
  const left = new Set(seats);
  const parts: string[] = [];
  for (const set of naming.sets) {
    if (set.seats.size > left.size || ![...set.seats].every((s) => left.has(s))) continue;
    parts.push(set.name);
    for (const s of set.seats) left.delete(s);
  }
  const byClass = new Map<string, string[]>();
  for (const s of left) {
    const c = naming.classOf.get(s);
    if (c) byClass.set(c, [...(byClass.get(c) ?? []), s]);
  }
  for (const [c, members] of byClass) {
    if (members.length < 3) continue;
    parts.push(`${members.length} ${c}`);
    for (const s of members) left.delete(s);
  }
  const ids = seats.filter((s) => left.has(s));
  const shown = ids.length <= max ? ids.join(", ") : `${ids.slice(0, max - 2).join(", ")} and ${ids.length - (max - 2)} more`;
  return [...parts, ...(shown ? [shown] : [])].join(" + ");
}
