// Binds a body: its seats (plain, classed and elected), its weight tables and its rules (whose
// conditions conditions.ts binds). Seat expressions with errors poison the body (model.ts).
import { citeSite } from "./citation.js";
import type * as A from "../syntax/ast.js";
import { Rational } from "../numbers/rational.js";
import { symbolId, type BindContext } from "./context.js";
import { ConditionBinder, numberValue } from "./conditions.js";
import type { BodyInfo, BoundCondition, ConstituencyInside, RuleInfo, RuleTemplate, Seat, StateInfo } from "./model.js";
import type { SetEvaluator, SetScope } from "./sets.js";
import { evaluateFormula } from "./weight-formula.js";

/** Elected seats per body stay below this (a guard against a typo such as 1000000). */
export const MAX_ELECTED_SEATS = 100_000;

export function bindBody(
  ctx: BindContext,
  sets: SetEvaluator,
  states: ReadonlyMap<string, StateInfo>,
  institution: string,
  decl: A.BodyDecl,
  file: string,
): BodyInfo {
  const bodyId = `${institution}.${decl.name.text}`;
  const seats: Seat[] = [];
  const seatClasses = new Map<string, string[]>();
  const poisonedClasses = new Set<string>();
  let poisoned = false;
  const seatOwner = new Map<string, string>(); // state → class ("" for unclassed)
  const instScope: SetScope = { file, institution };

  // Classed and plain seats first, so elected seats can be counted against what is left.
  const elected: A.SeatsItem[] = [];
  const constituencyOf = new Map<string, string>();
  const rotations = new Map<string, number>();
  for (const item of decl.items) {
    if (item.kind === "constituency") {
      bindConstituency(item);
      continue;
    }
    if (item.kind !== "seats") continue;
    const cls = item.seatClass?.text ?? "";
    if (item.seatClass) {
      if (seatClasses.has(cls)) {
        ctx.report("DuplicateDeclaration", file, item.seatClass.span, [cls]);
        continue;
      }
      seatClasses.set(cls, []);
      ctx.declare({ id: symbolId("seatClass", `${bodyId}.${cls}`), kind: "seatClass", name: cls, file, nameSpan: item.seatClass.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    }
    if (item.count && !item.rotation) {
      elected.push(item);
      continue;
    }
    if (!item.set) continue;
    const value = sets.evaluateChecked(item.set, instScope);
    if (value.poisoned) {
      poisoned = true;
      if (cls) poisonedClasses.add(cls);
    }
    if (item.rotation) {
      const n = item.count!.value;
      const size = value.members.length;
      if (!item.seatClass) ctx.report("SeatCountInvalid", file, item.count!.span, ["a seat class name for seats held in rotation (`seats group1: 4 of Group1`)"]);
      else if (!value.poisoned && (!Number.isSafeInteger(n) || n < 1 || n > size)) ctx.report("SeatCountInvalid", file, item.count!.span, [`between 1 and ${size} votes held in rotation by the ${size} states of \`${cls}\``]);
      else rotations.set(cls, n);
    }
    for (const state of value.members) {
      const previous = seatOwner.get(state);
      if (previous !== undefined) {
        if (previous === cls) ctx.report("DuplicateMember", file, item.set.span, [state]);
        else ctx.report("SeatInTwoClasses", file, item.set.span, [state, previous || "seats", cls || "seats"]);
        continue;
      }
      seatOwner.set(state, cls);
      seats.push({ id: state, state, ...(cls ? { seatClass: cls } : {}) });
      if (cls) seatClasses.get(cls)!.push(state);
    }
  }
  for (const item of elected) {
    const cls = item.seatClass?.text ?? "seat";
    const n = item.count!.value;
    if (!Number.isSafeInteger(n) || n <= 0 || n > MAX_ELECTED_SEATS) {
      ctx.report("SeatCountInvalid", file, item.count!.span, [`a positive whole number of elected seats (at most ${MAX_ELECTED_SEATS})`]);
      poisoned = true;
      poisonedClasses.add(cls);
      continue;
    }
    if (!seatClasses.has(cls)) seatClasses.set(cls, []);
    for (let i = 1; i <= n; i++) {
      const id = `${cls}.${i}`;
      seats.push({ id, seatClass: cls });
      seatClasses.get(cls)!.push(id);
    }
  }

  /** `seat Nordic for { … }`: one seat, cast for several states; its name works as a one-seat class. */
  function bindConstituency(item: A.ConstituencyItem): void {
    const name = item.name.text;
    if (name === "") return;
    if (seatClasses.has(name)) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [name]);
      return;
    }
    seatClasses.set(name, [name]);
    ctx.declare({ id: symbolId("seatClass", `${bodyId}.${name}`), kind: "seatClass", name, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    const value = sets.evaluateChecked(item.set, instScope);
    if (value.poisoned) {
      poisoned = true;
      poisonedClasses.add(name);
    }
    const members: string[] = [];
    for (const state of value.members) {
      const previous = seatOwner.get(state);
      if (previous !== undefined) {
        ctx.report("SeatInTwoClasses", file, item.set.span, [state, previous || "seats", name]);
        continue;
      }
      seatOwner.set(state, name);
      constituencyOf.set(state, name);
      members.push(state);
    }
    seats.push({ id: name, seatClass: name, for: members });
  }

  const bodyScope: SetScope = { file, institution, seatClasses, body: bodyId, poisonedClasses };
  const { tables: weightTables, perState } = bindWeightTables(ctx, sets, decl, file, bodyId, seats, states, bodyScope, poisoned, constituencyOf);

  // Each constituency's `inside` rule, over its states as seats with their own weights.
  const insides = new Map<string, ConstituencyInside>();
  for (const item of decl.items) {
    if (item.kind !== "constituency" || !item.inside || !constituencyOf.size) continue;
    const seat = seats.find((x) => x.id === item.name.text && x.for);
    if (!seat) continue;
    const stateSeats: Seat[] = seat.for!.map((s) => ({ id: s, state: s }));
    const scope: SetScope = { file, institution, body: `${bodyId}.${seat.id}` };
    const binder = new ConditionBinder(ctx, sets, states, stateSeats, perState, scope, `${bodyId}.${seat.id}.inside`, file, decl);
    const condition = binder.condition(item.inside);
    insides.set(seat.id, { decl: item.inside, condition, weights: binder.weights, incomplete: binder.incomplete || condition === undefined || binder.poisoned });
  }

  // The quorum, bound once; every rule needs it (and then its own condition).
  let quorum: { decl: A.QuorumItem; condition: BoundCondition | undefined; binder: ConditionBinder } | undefined;
  for (const item of decl.items) {
    if (item.kind !== "quorum") continue;
    if (quorum) {
      ctx.report("DuplicateDeclaration", file, item.span, ["quorum"], { related: [{ file, span: quorum.decl.span, message: "first declared here" }] });
      continue;
    }
    const binder = new ConditionBinder(ctx, sets, states, seats, weightTables, bodyScope, `${bodyId}.quorum`, file, decl);
    quorum = { decl: item, condition: binder.condition(item.condition), binder };
  }

  const rules = new Map<string, RuleInfo>();
  const templates = new Map<string, RuleTemplate>();
  const declared = new Map<string, A.RuleDecl>();
  for (const item of decl.items) {
    if (item.kind !== "rule" || item.name.text === "") continue;
    const first = declared.get(item.name.text);
    if (first) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [item.name.text], { related: [{ file, span: first.name.span, message: "first declared here" }] });
      continue;
    }
    declared.set(item.name.text, item);
    const qualified = `${bodyId}.${item.name.text}`;
    ctx.declare({ id: symbolId("rule", qualified), kind: "rule", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    const bindRule = (name: string, scope: SetScope, binding?: RuleInfo["binding"]): RuleInfo => {
      const binder = new ConditionBinder(ctx, sets, states, seats, weightTables, scope, `${bodyId}.${name}`, file, decl);
      const own = binder.condition(item.condition);
      const condition = own && quorum ? (quorum.condition ? { kind: "and" as const, operands: [quorum.condition, own], span: own.span } : undefined) : own;
      const weights = new Map([...(quorum?.binder.weights ?? []), ...binder.weights]);
      return {
        name,
        qualified: `${bodyId}.${name}`,
        ...(item.title ? { title: item.title } : {}),
        condition: condition ?? { kind: "unanimity", span: item.condition.span },
        decl: item,
        ...(quorum ? { quorum: quorum.decl.condition } : {}),
        file,
        weights,
        incomplete: binder.incomplete || condition === undefined || (quorum?.binder.incomplete ?? false),
        poisoned: binder.poisoned || poisoned || (quorum?.binder.poisoned ?? false),
        ...(binding ? { binding } : {}),
      };
    };
    if (!item.parameter) {
      rules.set(item.name.text, bindRule(item.name.text, bodyScope));
      continue;
    }
    // A parameterised rule: one rule per binding. Only the first binding reports what is wrong
    // with the condition (every binding would say the same), and only it records references.
    const param = item.parameter;
    const symbol = symbolId("parameter", `${qualified}.${param.name.text}`);
    ctx.declare({ id: symbol, kind: "parameter", name: param.name.text, file, nameSpan: param.name.span, span: param.span });
    const values = parameterValues(ctx, sets, seats, bodyScope, param, item.name.text, poisoned);
    templates.set(item.name.text, { name: item.name.text, parameter: param.name.text, values });
    values.forEach((value, i) => {
      const mark = { diagnostics: ctx.diagnostics.length, errors: ctx.errorCount, references: ctx.references.length };
      const name = `${item.name.text}(${value})`;
      rules.set(name, bindRule(name, { ...bodyScope, parameter: { name: param.name.text, value, symbol } }, { rule: item.name.text, parameter: param.name.text, value }));
      if (i > 0) {
        ctx.diagnostics.length = mark.diagnostics;
        ctx.errorCount = mark.errors;
        ctx.references.length = mark.references;
      }
    });
  }

  return {
    name: decl.name.text,
    institution,
    ...(decl.title ? { title: decl.title } : {}),
    seats,
    poisoned,
    seatClasses,
    weightTables,
    rules,
    templates,
    insides,
    constituencyOf,
    rotations,
    ...(quorum?.condition ? { quorum: { decl: quorum.decl, condition: quorum.condition } } : {}),
    decl,
    file,
  };
}

/**
 * The body's `weight W { … }` tables: seat id → exact value (keys may be groups or seat classes).
 * A constituency's value is its own entry or the sum of its states' (entries, default or formula);
 * `perState` keeps the states' own values for `inside` rules.
 */
function bindWeightTables(
  ctx: BindContext,
  sets: SetEvaluator,
  decl: A.BodyDecl,
  file: string,
  bodyId: string,
  seats: readonly Seat[],
  states: ReadonlyMap<string, StateInfo>,
  scope: SetScope,
  seatsPoisoned: boolean,
  constituencyOf: ReadonlyMap<string, string>,
): { tables: Map<string, Map<string, Rational>>; perState: Map<string, Map<string, Rational>> } {
  const seatIds = new Set(seats.map((s) => s.id));
  const weightTables = new Map<string, Map<string, Rational>>();
  const perState = new Map<string, Map<string, Rational>>();
  for (const item of decl.items) {
    if (item.kind !== "weight" || item.name.text === "") continue;
    if (weightTables.has(item.name.text)) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [item.name.text]);
      continue;
    }
    ctx.declare({ id: symbolId("weight", `${bodyId}.${item.name.text}`), kind: "weight", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    const table = new Map<string, Rational>();
    const own = new Map<string, Rational>(); // the states of constituencies
    weightTables.set(item.name.text, table);
    perState.set(item.name.text, own);
    if (item.formula) {
      // Computed for every seat (and every state of a constituency); the first that cannot be is the one error.
      const targets = seats.flatMap((seat) => (seat.for ? seat.for.map((s) => ({ id: s, state: s, into: own })) : [{ id: seat.id, state: seat.state, into: table }]));
      for (const t of targets) {
        const r = evaluateFormula(item.formula, t.state ? states.get(t.state)?.attributes : undefined, t.id);
        if ("error" in r) {
          ctx.report("WeightFormula", file, r.span, [item.name.text, r.error]);
          // The rules that count it say nothing more (one error per mistake).
          (table as { failed?: boolean }).failed = true;
          break;
        }
        t.into.set(t.id, r.value);
      }
      sumConstituencies(seats, table, own);
      continue;
    }
    for (const entry of item.entries) {
      const value = numberValue(ctx, entry.value, file);
      if (!value) continue;
      const targets = sets.evaluateChecked({ kind: "ref", name: entry.key, span: entry.key.span }, scope);
      const seated = targets.members.filter((t) => seatIds.has(t) || constituencyOf.has(t));
      // When the body's seats had an error, who holds a seat is unknown: no second error here.
      if (targets.members.length > 0 && seated.length === 0 && !targets.poisoned && !seatsPoisoned) ctx.report("WeightForNonSeat", file, entry.key.span, [item.name.text, entry.key.text, bodyId]);
      for (const t of seated) {
        const into = seatIds.has(t) ? table : own;
        if (into.has(t)) ctx.report("DuplicateMember", file, entry.key.span, [t]);
        into.set(t, value);
      }
    }
    // `default V`: every seat not named gets V (so a chair's weight needs one entry, not 26).
    const fallback = item.default ? numberValue(ctx, item.default, file) : undefined;
    if (fallback) for (const s of constituencyOf.keys()) if (!own.has(s)) own.set(s, fallback);
    sumConstituencies(seats, table, own);
    if (fallback) for (const s of seatIds) if (!table.has(s)) table.set(s, fallback);
  }
  return { tables: weightTables, perState };
}

/** A constituency without an entry of its own weighs the sum of its states, when each has a value. */
function sumConstituencies(seats: readonly Seat[], table: Map<string, Rational>, own: ReadonlyMap<string, Rational>): void {
  for (const seat of seats) {
    if (!seat.for || table.has(seat.id) || !seat.for.every((s) => own.has(s))) continue;
    table.set(seat.id, seat.for.reduce((sum, s) => sum.add(own.get(s)!), Rational.ZERO));
  }
}

/**
 * Binds a condition over some of a body's seats (a bloc's internal rule): the same tallies,
 * weights and thresholds as a rule of the body, counted over those seats only.
 */
export function bindSubCondition(
  ctx: BindContext,
  sets: SetEvaluator,
  states: ReadonlyMap<string, StateInfo>,
  body: BodyInfo,
  seatIds: readonly string[],
  condition: A.Condition,
  qualified: string,
  file: string,
): { condition: BoundCondition | undefined; weights: ReadonlyMap<string, ReadonlyMap<string, Rational>>; incomplete: boolean } {
  const ids = new Set(seatIds);
  const seats = body.seats.filter((s) => ids.has(s.id));
  const scope: SetScope = { file, institution: body.institution, seatClasses: body.seatClasses, body: `${body.institution}.${body.name}` };
  const binder = new ConditionBinder(ctx, sets, states, seats, body.weightTables, scope, qualified, file, body.decl);
  const bound = binder.condition(condition);
  return { condition: bound, weights: binder.weights, incomplete: binder.incomplete || bound === undefined };
}

/** The states a rule parameter is bound to: the seated states of the body, or of a group or seat class. */
function parameterValues(ctx: BindContext, sets: SetEvaluator, seats: readonly Seat[], scope: SetScope, param: A.RuleParameter, rule: string, seatsPoisoned: boolean): string[] {
  const seated = seats.filter((s) => s.state !== undefined).map((s) => s.state!);
  if (param.type.text === "state") {
    // When the seats had an error, who holds one is unknown: that error covers this.
    if (seated.length === 0 && !seatsPoisoned) ctx.report("RuleArgument", scope.file, param.type.span, [`the rule \`${rule}\` has no binding: no state holds a seat of this body`]);
    return seated;
  }
  if (param.type.text === "") return [];
  const named = sets.evaluateChecked({ kind: "ref", name: param.type, span: param.type.span }, scope);
  const wanted = new Set(named.members.map((m) => seats.find((s) => s.id === m)?.state ?? m));
  const values = seated.filter((s) => wanted.has(s));
  if (values.length === 0 && !named.poisoned && !seatsPoisoned) ctx.report("RuleArgument", scope.file, param.type.span, [`the rule \`${rule}\` has no binding: \`${param.type.text}\` names no state holding a seat of this body`]);
  return values;
}
