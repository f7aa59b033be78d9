// Binds a body: its seats (plain, classed and elected), its weight tables and its rules (whose
// conditions conditions.ts binds). Seat expressions with errors poison the body (model.ts).
import { citeSite } from "./citation.js";
import type * as A from "../syntax/ast.js";
import type { Rational } from "../numbers/rational.js";
import { symbolId, type BindContext } from "./context.js";
import { ConditionBinder, numberValue } from "./conditions.js";
import type { BodyInfo, BoundCondition, RuleInfo, Seat, StateInfo } from "./model.js";
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
  for (const item of decl.items) {
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
    if (item.count) {
      elected.push(item);
      continue;
    }
    if (!item.set) continue;
    const value = sets.evaluateChecked(item.set, instScope);
    if (value.poisoned) {
      poisoned = true;
      if (cls) poisonedClasses.add(cls);
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

  const bodyScope: SetScope = { file, institution, seatClasses, body: bodyId, poisonedClasses };
  const weightTables = bindWeightTables(ctx, sets, decl, file, bodyId, seats, states, bodyScope, poisoned);

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
  for (const item of decl.items) {
    if (item.kind !== "rule" || item.name.text === "") continue;
    if (rules.has(item.name.text)) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [item.name.text], {
        related: [{ file, span: rules.get(item.name.text)!.decl.name.span, message: "first declared here" }],
      });
      continue;
    }
    const qualified = `${bodyId}.${item.name.text}`;
    ctx.declare({ id: symbolId("rule", qualified), kind: "rule", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    const binder = new ConditionBinder(ctx, sets, states, seats, weightTables, bodyScope, qualified, file, decl);
    const own = binder.condition(item.condition);
    const condition = own && quorum ? (quorum.condition ? { kind: "and" as const, operands: [quorum.condition, own], span: own.span } : undefined) : own;
    const weights = new Map([...(quorum?.binder.weights ?? []), ...binder.weights]);
    rules.set(item.name.text, {
      name: item.name.text,
      qualified,
      ...(item.title ? { title: item.title } : {}),
      condition: condition ?? { kind: "unanimity", span: item.condition.span },
      decl: item,
      ...(quorum ? { quorum: quorum.decl.condition } : {}),
      file,
      weights,
      incomplete: binder.incomplete || condition === undefined || (quorum?.binder.incomplete ?? false),
      poisoned: binder.poisoned || poisoned || (quorum?.binder.poisoned ?? false),
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
    ...(quorum?.condition ? { quorum: { decl: quorum.decl, condition: quorum.condition } } : {}),
    decl,
    file,
  };
}

/** The body's `weight W { … }` tables: seat id → exact value (keys may be groups or seat classes). */
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
): Map<string, Map<string, Rational>> {
  const seatIds = new Set(seats.map((s) => s.id));
  const weightTables = new Map<string, Map<string, Rational>>();
  for (const item of decl.items) {
    if (item.kind !== "weight" || item.name.text === "") continue;
    if (weightTables.has(item.name.text)) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [item.name.text]);
      continue;
    }
    ctx.declare({ id: symbolId("weight", `${bodyId}.${item.name.text}`), kind: "weight", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    const table = new Map<string, Rational>();
    weightTables.set(item.name.text, table);
    if (item.formula) {
      // Computed for every seat; the first seat it cannot be computed for is the one error.
      for (const seat of seats) {
        const r = evaluateFormula(item.formula, seat.state ? states.get(seat.state)?.attributes : undefined, seat.id);
        if ("error" in r) {
          ctx.report("WeightFormula", file, r.span, [item.name.text, r.error]);
          // The rules that count it say nothing more (one error per mistake).
          (table as { failed?: boolean }).failed = true;
          break;
        }
        table.set(seat.id, r.value);
      }
      continue;
    }
    for (const entry of item.entries) {
      const value = numberValue(ctx, entry.value, file);
      if (!value) continue;
      const targets = sets.evaluateChecked({ kind: "ref", name: entry.key, span: entry.key.span }, scope);
      const seated = targets.members.filter((t) => seatIds.has(t));
      // When the body's seats had an error, who holds a seat is unknown: no second error here.
      if (targets.members.length > 0 && seated.length === 0 && !targets.poisoned && !seatsPoisoned) ctx.report("WeightForNonSeat", file, entry.key.span, [item.name.text, entry.key.text, bodyId]);
      for (const t of seated) {
        if (table.has(t)) ctx.report("DuplicateMember", file, entry.key.span, [t]);
        table.set(t, value);
      }
    }
    // `default V`: every seat not named gets V (so a chair's weight needs one entry, not 26).
    const fallback = item.default ? numberValue(ctx, item.default, file) : undefined;
    if (fallback) for (const s of seatIds) if (!table.has(s)) table.set(s, fallback);
  }
  return weightTables;
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
