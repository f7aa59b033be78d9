// Successor mappings for `mlat diff --map`: seats of the old design renamed (`AF3=AF2`) or merged
// (`BE+BB=BBB`) into seats of the new one, so that the two versions are compared seat for seat.
// The old rule set is rewritten onto the new seat names: a merged seat votes as one, its weights
// are the sum of its parts' weights, a head count counts it as many times as it had seats (a
// `__heads` weight), a veto held by any part is held by it, and a tally over part of the body
// keeps exactly the parts that were in it. Compared this way, the old rule is the old treaty
// played by the new seats, and the power of every new seat is shown before and after.
import type { BodyJson, ConditionJson, RuleSet, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";
import { mapLeaves } from "./condition-map.js";

export interface SeatMapping {
  /** Seats of the old design (one for a renaming, several for a merger). */
  readonly from: readonly string[];
  /** The seat of the new design they become. */
  readonly to: string;
}

export class SeatMappingError extends Error {}

/** `BE+BB=BBB`, `AF3=AF2`; a split (`X=Y+Z`) cannot be compared seat for seat and is refused. */
export function parseSeatMapping(text: string): SeatMapping {
  const eq = text.indexOf("=");
  const from = text.slice(0, eq).split("+").map((s) => s.trim());
  const to = text.slice(eq + 1).split("+").map((s) => s.trim());
  if (eq < 0 || from.some((s) => !s) || to.some((s) => !s)) throw new SeatMappingError(`\`${text}\`: write OLD=NEW (a renaming) or OLD1+OLD2=NEW (a merger)`);
  if (to.length > 1) throw new SeatMappingError(`\`${text}\`: a split cannot be compared seat for seat (one old vote would have to be several new ones); compare the new seats as added instead`);
  return { from, to: to[0]! };
}

/** The old rule set on the new seat names. Every mapped seat must be a seat of the old design and its successor one of the new. */
export function applySeatMappings(older: RuleSet, newer: RuleSet, mappings: readonly SeatMapping[]): RuleSet {
  const target = new Map<string, string>();
  for (const m of mappings) {
    for (const f of m.from) {
      if (target.has(f)) throw new SeatMappingError(`\`${f}\` is mapped twice`);
      target.set(f, m.to);
    }
  }
  const oldSeats = new Set(older.institutions.flatMap((i) => i.bodies.flatMap((b) => b.seats.map((s) => s.id))));
  const newSeats = new Set(newer.institutions.flatMap((i) => i.bodies.flatMap((b) => b.seats.map((s) => s.id))));
  for (const [f, t] of target) {
    if (!oldSeats.has(f)) throw new SeatMappingError(`\`${f}\` holds no seat in the old design`);
    if (!newSeats.has(t)) throw new SeatMappingError(`\`${t}\` holds no seat in the new design`);
  }
  return { ...older, institutions: older.institutions.map((inst) => ({ ...inst, bodies: inst.bodies.map((b) => mapBody(b, target)) })) };
}

function mapBody(body: BodyJson, target: ReadonlyMap<string, string>): BodyJson {
  if (!body.seats.some((s) => target.has(s.id))) return body;
  const to = (seat: string) => target.get(seat) ?? seat;
  const parts = new Map<string, string[]>();
  for (const s of body.seats) parts.set(to(s.id), [...(parts.get(to(s.id)) ?? []), s.id]);
  const merged = [...parts.values()].some((p) => p.length > 1);
  const sum = (table: Readonly<Record<string, string>>, only?: ReadonlySet<string>) =>
    Object.fromEntries([...parts].map(([t, ps]) => [t, ps.filter((p) => !only || only.has(p)).reduce((acc, p) => acc.add(Rational.parse(table[p] ?? "0") ?? Rational.ZERO), Rational.ZERO).toString()]));
  const weights: Record<string, Record<string, string>> = Object.fromEntries(Object.entries(body.weights).map(([w, t]) => [w, sum(t)]));
  const heads = Object.fromEntries(body.seats.map((s) => [s.id, "1"]));
  if (merged) weights["__heads"] = sum(heads);
  // A tally over part of the body: the parts that were in it, as a weight of their own.
  const tally = (t: TallyJson): TallyJson => {
    const weight = t.weight ?? (merged ? "__heads" : undefined);
    if (!t.in) return weight ? { ...t, weight } : t;
    if (!merged) return { ...t, in: { ...t.in, seats: [...new Set(t.in.seats.map(to))] } };
    const only = new Set(t.in.seats);
    const name = `${weight}@${[...only].sort().join("+")}`;
    weights[name] ??= sum(weight === "__heads" ? heads : body.weights[weight!]!, only);
    return { tally: t.tally, weight: name };
  };
  const condition = (c: ConditionJson): ConditionJson =>
    mapLeaves(c, (l) => {
      switch (l.op) {
        case "compare":
          return { ...l, left: tally(l.left), right: "tally" in l.right ? tally(l.right) : l.right };
        case "veto":
          return { ...l, seats: [...new Set(l.seats.map(to))] };
        case "unanimity":
          return merged ? { op: "compare", cmp: ">=", left: { tally: "yes", weight: "__heads" }, right: { value: String(body.seats.length), relative: false, base: "all" } } : l;
        default:
          return l;
      }
    });
  return {
    ...body,
    seats: [...parts].map(([t, ps]) => {
      const first = body.seats.find((s) => s.id === ps[0])!;
      return { id: t, ...(ps.length === 1 && first.state === first.id ? { state: t } : ps.length === 1 && first.state ? { state: first.state } : {}), ...(first.class && ps.length === 1 ? { class: first.class } : {}) };
    }),
    weights,
    rules: body.rules.map((r) => ({ ...r, condition: condition(r.condition) })),
    ...(body.quorum ? { quorum: { ...body.quorum, condition: condition(body.quorum.condition) } } : {}),
  };
}
