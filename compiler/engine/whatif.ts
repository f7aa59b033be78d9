// What-if without editing files: a rule set with a state gone (Brexit), a state joining (an
// accession), a weight changed (a quota reform) or an attribute changed (a census), made from a
// compiled rule set. `mlat whatif` then
// compares it with the original exactly as `mlat diff` compares two files.
import type { BodyJson, ConditionJson, RuleSet, ScenarioStepJson, StateJson, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";
import { mapLeaves } from "./condition-map.js";

export type WhatIfChange =
  /** The state leaves: its seats, memberships, weights, vetoes and ballots go. */
  | { readonly without: string }
  /**
   * A new state joins these institutions: a seat in every body whose seats are one per member,
   * its weights drawn from its attributes where the body's weights are (else given by `weight`).
   */
  | { readonly with: StateJson; readonly memberOf: readonly string[] }
  /** One seat's value in one weight table of one body (`IMF.BoardOfGovernors.votes.CHN=6.40`). */
  | { readonly weight: { readonly body: string; readonly name: string; readonly seat: string; readonly value: string } }
  /** A state's numeric attribute, and every weight the rule set drew from it (`DEU.population=84.4`). */
  | { readonly set: { readonly state: string; readonly attribute: string; readonly value: string } };

export class WhatIfError extends Error {}

export function applyWhatIf(ruleset: RuleSet, changes: readonly WhatIfChange[]): RuleSet {
  let rs = ruleset;
  for (const c of changes) {
    if ("with" in c) rs = withState(rs, c.with, c.memberOf);
    else if ("without" in c) rs = without(rs, c.without);
    else if ("weight" in c) rs = withWeight(rs, c.weight);
    else rs = withAttribute(rs, c.set);
  }
  // A joining state's seat needs a value in every weight table a rule counts.
  for (const b of rs.institutions.flatMap((i) => i.bodies)) {
    for (const [w, table] of Object.entries(b.weights)) {
      const missing = b.seats.find((s) => table[s.id] === undefined);
      if (missing) throw new WhatIfError(`\`${b.id}.${w}\` has no value for \`${missing.id}\`, and it is not drawn from an attribute: give it with --weight ${b.id}.${w}.${missing.id}=VALUE`);
    }
  }
  return rs;
}

function withState(rs: RuleSet, state: StateJson, memberOf: readonly string[]): RuleSet {
  if (rs.states.some((s) => s.id === state.id)) throw new WhatIfError(`\`${state.id}\` is a state of the design already`);
  for (const i of memberOf) if (!rs.institutions.some((x) => x.id === i)) throw new WhatIfError(`there is no institution \`${i}\` (there are: ${rs.institutions.map((x) => x.id).join(", ") || "none"})`);
  const stateOf = new Map(rs.states.map((s) => [s.id, s]));
  const institutions = rs.institutions.map((inst) => {
    if (!memberOf.includes(inst.id)) return inst;
    const members = new Set(inst.members);
    return {
      ...inst,
      members: [...inst.members, state.id],
      bodies: inst.bodies.map((b) => {
        // A body of the members, one seat each (`seats: members`): the new member takes a seat.
        const perMember = b.seats.length === members.size && b.seats.every((s) => !s.class && members.has(s.state ?? s.id));
        if (!perMember) return b;
        const weights = Object.fromEntries(Object.entries(b.weights).map(([w, table]) => [w, { ...table, ...weightFor(w, table, b, state, stateOf) }]));
        return { ...b, seats: [...b.seats, { id: state.id, state: state.id }], weights };
      }),
    };
  });
  return { ...rs, states: [...rs.states, state], institutions };
}

/** The new seat's value in a table: its attribute when the table is drawn from that attribute, the common value when all are equal. */
function weightFor(w: string, table: Readonly<Record<string, string>>, b: BodyJson, state: StateJson, stateOf: ReadonlyMap<string, StateJson>): Record<string, string> {
  const drawn = b.seats.every((s) => {
    const a = stateOf.get(s.state ?? s.id)?.attributes[w];
    const v = table[s.id];
    return a?.type === "number" && v !== undefined && Rational.parse(a.value)?.eq(Rational.parse(v) ?? Rational.ZERO) === true;
  });
  if (drawn) {
    const own = state.attributes[w];
    if (own?.type !== "number") throw new WhatIfError(`\`${b.id}\` counts \`${w}\`, drawn from the members' attribute: give \`${state.id}\` a \`${w}\` in --with`);
    return { [state.id]: own.value };
  }
  const values = new Set(Object.values(table));
  return values.size === 1 ? { [state.id]: [...values][0]! } : {};
}

function parseValue(value: string, what: string): Rational {
  const r = Rational.parse(value);
  if (!r || r.compare(Rational.ZERO) < 0) throw new WhatIfError(`${what}: \`${value}\` is not a non-negative number`);
  return r;
}

function without(rs: RuleSet, state: string): RuleSet {
  if (!rs.states.some((s) => s.id === state)) throw new WhatIfError(`\`${state}\` is not a state of the design`);
  const drop = (xs: readonly string[], gone: ReadonlySet<string>) => xs.filter((x) => !gone.has(x));
  const institutions = rs.institutions.map((inst) => ({
    ...inst,
    members: inst.members.filter((m) => m !== state),
    requires: inst.requires.filter((m) => m !== state),
    bodies: inst.bodies.map((b) => {
      // Its seats: the seat named after it, or the seats it holds in a class.
      const gone = new Set(b.seats.filter((s) => s.id === state || s.state === state).map((s) => s.id));
      if (gone.size === 0) return b;
      const body: BodyJson = {
        ...b,
        seats: b.seats.filter((s) => !gone.has(s.id)),
        weights: Object.fromEntries(Object.entries(b.weights).map(([w, t]) => [w, Object.fromEntries(Object.entries(t).filter(([s]) => !gone.has(s)))])),
        rules: b.rules.map((r) => ({ ...r, condition: mapCondition(r.condition, (seats) => drop(seats, gone)) })),
        ...(b.quorum ? { quorum: { ...b.quorum, condition: mapCondition(b.quorum.condition, (seats) => drop(seats, gone)) } } : {}),
      };
      return body;
    }),
  }));
  const goneEverywhere = new Set([state, ...rs.institutions.flatMap((i) => i.bodies.flatMap((b) => b.seats.filter((s) => s.state === state).map((s) => s.id)))]);
  return {
    ...rs,
    states: rs.states.filter((s) => s.id !== state),
    groups: rs.groups.map((g) => ({ ...g, members: g.members.filter((m) => m !== state) })),
    institutions,
    ...(rs.blocs ? { blocs: rs.blocs.map((b) => ({ ...b, members: drop(b.members, goneEverywhere) })) } : {}),
    scenarios: rs.scenarios.map((sc) => ({ ...sc, steps: sc.steps.map((st): ScenarioStepJson => ("ballots" in st ? { ...st, ballots: Object.fromEntries(Object.entries(st.ballots).filter(([s]) => !goneEverywhere.has(s))) } : st)) })),
  };
}

/** The condition with every seat list (vetoes, tallies over part of the body) passed through `f`. */
function mapCondition(c: ConditionJson, f: (seats: readonly string[]) => string[]): ConditionJson {
  const tally = (t: TallyJson): TallyJson => (t.in ? { ...t, in: { ...t.in, seats: f(t.in.seats) } } : t);
  return mapLeaves(c, (l) => (l.op === "veto" ? { ...l, seats: f(l.seats) } : l.op === "compare" ? { ...l, left: tally(l.left), right: "tally" in l.right ? tally(l.right) : l.right } : l));
}

function withWeight(rs: RuleSet, w: { body: string; name: string; seat: string; value: string }): RuleSet {
  const v = parseValue(w.value, `--weight ${w.body}.${w.name}.${w.seat}`);
  let found = false;
  const institutions = rs.institutions.map((inst) => ({
    ...inst,
    bodies: inst.bodies.map((b) => {
      if (b.id !== w.body) return b;
      const table = b.weights[w.name];
      if (!table) throw new WhatIfError(`\`${w.body}\` has no weight \`${w.name}\` that a rule counts (it has: ${Object.keys(b.weights).join(", ") || "none"})`);
      if (!b.seats.some((s) => s.id === w.seat)) throw new WhatIfError(`\`${w.seat}\` holds no seat in \`${w.body}\``);
      found = true;
      return { ...b, weights: { ...b.weights, [w.name]: { ...table, [w.seat]: v.toString() } } };
    }),
  }));
  if (!found) throw new WhatIfError(`there is no body \`${w.body}\``);
  return { ...rs, institutions };
}

function withAttribute(rs: RuleSet, a: { state: string; attribute: string; value: string }): RuleSet {
  const v = parseValue(a.value, `--set ${a.state}.${a.attribute}`);
  const state = rs.states.find((s) => s.id === a.state);
  if (!state) throw new WhatIfError(`\`${a.state}\` is not a state of the design`);
  const old = state.attributes[a.attribute];
  if (old && old.type !== "number") throw new WhatIfError(`\`${a.state}.${a.attribute}\` is a ${old.type}, not a number`);
  // A weight named after the attribute, with this state's seats at the attribute's old value, was
  // drawn from it (a body without its own table counts the states' attribute): it follows.
  const institutions = rs.institutions.map((inst) => ({
    ...inst,
    bodies: inst.bodies.map((b) => {
      const table = b.weights[a.attribute];
      if (!table || !old) return b;
      const seats = b.seats.filter((s) => (s.state ?? s.id) === a.state).map((s) => s.id);
      if (!seats.every((s) => table[s] !== undefined && Rational.parse(table[s]!)?.compare(Rational.parse(old.value as string)!) === 0)) return b;
      return { ...b, weights: { ...b.weights, [a.attribute]: { ...table, ...Object.fromEntries(seats.map((s) => [s, v.toString()])) } } };
    }),
  }));
  return { ...rs, states: rs.states.map((s) => (s.id === a.state ? { ...s, attributes: { ...s.attributes, [a.attribute]: { type: "number", value: v.toString() } } } : s)), institutions };
}
