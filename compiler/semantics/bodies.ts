// Binds a body: its seats (plain, classed and elected), its weight tables and its rules.
import type * as A from "../syntax/ast.js";
import { Rational } from "../numbers/rational.js";
import { symbolId, type BindContext } from "./context.js";
import type { BodyInfo, BoundCondition, BoundTally, RuleInfo, Seat, StateInfo } from "./model.js";
import type { SetEvaluator, SetScope } from "./sets.js";

export function bindBody(
  ctx: BindContext,
  sets: SetEvaluator,
  states: ReadonlyMap<string, StateInfo>,
  institution: string,
  members: readonly string[],
  decl: A.BodyDecl,
  file: string,
): BodyInfo {
  const bodyId = `${institution}.${decl.name.text}`;
  const seats: Seat[] = [];
  const seatClasses = new Map<string, string[]>();
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
      ctx.declare({ id: symbolId("seatClass", `${bodyId}.${cls}`), kind: "seatClass", name: cls, file, nameSpan: item.seatClass.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}) });
    }
    if (item.count) {
      elected.push(item);
      continue;
    }
    if (!item.set) continue;
    for (const state of sets.evaluate(item.set, instScope)) {
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
    if (!Number.isSafeInteger(n) || n <= 0 || n > 100_000) {
      ctx.report("SeatCountInvalid", file, item.count!.span, ["a positive whole number of elected seats (at most 100000)"]);
      continue;
    }
    if (!seatClasses.has(cls)) seatClasses.set(cls, []);
    for (let i = 1; i <= n; i++) {
      const id = `${cls}.${i}`;
      seats.push({ id, seatClass: cls });
      seatClasses.get(cls)!.push(id);
    }
    const pool = members.filter((m) => !seatOwner.has(m)).length;
    if (members.length > 0 && n > pool) ctx.report("ElectedSeatsExceedPool", file, item.count!.span, [decl.name.text, n, pool]);
  }
  if (seats.length === 0 && decl.name.text !== "") {
    const hasSeatsItem = decl.items.some((i) => i.kind === "seats");
    if (!hasSeatsItem) ctx.report("SeatCountInvalid", file, decl.name.span, ["at least one seat: add `seats: members`, a seat class or elected seats"]);
  }

  const seatIds = new Set(seats.map((s) => s.id));
  const bodyScope: SetScope = { file, institution, seatClasses, body: bodyId };

  // Weight tables.
  const weightTables = new Map<string, Map<string, Rational>>();
  for (const item of decl.items) {
    if (item.kind !== "weight" || item.name.text === "") continue;
    if (weightTables.has(item.name.text)) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [item.name.text]);
      continue;
    }
    ctx.declare({ id: symbolId("weight", `${bodyId}.${item.name.text}`), kind: "weight", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}) });
    const table = new Map<string, Rational>();
    weightTables.set(item.name.text, table);
    for (const entry of item.entries) {
      const value = numberValue(ctx, entry.value, file);
      if (!value) continue;
      if (value.compare(Rational.ZERO) < 0) ctx.report("NegativeWeight", file, entry.value.span, [item.name.text, entry.key.text]);
      const targets = sets.evaluate({ kind: "ref", name: entry.key, span: entry.key.span }, bodyScope);
      const seated = targets.filter((t) => seatIds.has(t));
      if (targets.length > 0 && seated.length === 0) ctx.report("WeightForNonSeat", file, entry.key.span, [item.name.text, entry.key.text, `${institution}.${decl.name.text}`]);
      for (const t of seated) {
        if (table.has(t)) ctx.report("DuplicateMember", file, entry.key.span, [t]);
        table.set(t, value);
      }
    }
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
    ctx.declare({ id: symbolId("rule", qualified), kind: "rule", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}) });
    const binder = new RuleBinder(ctx, sets, states, seats, weightTables, bodyScope, qualified, file, decl);
    const condition = binder.condition(item.condition);
    rules.set(item.name.text, {
      name: item.name.text,
      qualified,
      ...(item.title ? { title: item.title } : {}),
      condition: condition ?? { kind: "unanimity", span: item.condition.span },
      decl: item,
      file,
      weights: binder.weights,
      incomplete: binder.incomplete || condition === undefined,
    });
  }

  return {
    name: decl.name.text,
    institution,
    ...(decl.title ? { title: decl.title } : {}),
    seats,
    seatClasses,
    weightTables,
    rules,
    decl,
    file,
  };
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
  const binder = new RuleBinder(ctx, sets, states, seats, body.weightTables, scope, qualified, file, body.decl);
  const bound = binder.condition(condition);
  return { condition: bound, weights: binder.weights, incomplete: binder.incomplete || bound === undefined };
}

export function numberValue(ctx: BindContext, lit: A.NumberLiteral, file: string): Rational | undefined {
  if (lit.form === "fraction" && /\/0+$/.test(lit.text)) {
    ctx.report("ZeroDenominator", file, lit.span, [lit.text]);
    return undefined;
  }
  return Rational.parse(lit.text);
}

class RuleBinder {
  readonly weights = new Map<string, Map<string, Rational>>();
  incomplete = false;
  private readonly reportedWeights = new Set<string>();

  constructor(
    private readonly ctx: BindContext,
    private readonly sets: SetEvaluator,
    private readonly states: ReadonlyMap<string, StateInfo>,
    private readonly seats: readonly Seat[],
    private readonly tables: ReadonlyMap<string, ReadonlyMap<string, Rational>>,
    private readonly scope: SetScope,
    private readonly rule: string,
    private readonly file: string,
    private readonly body: A.BodyDecl,
  ) {}

  /** undefined when the condition is missing (a syntax error was reported). */
  condition(c: A.Condition): BoundCondition | undefined {
    switch (c.kind) {
      case "missing":
        return undefined;
      case "paren":
        return this.condition(c.inner);
      case "and":
      case "or": {
        const ops = c.operands.map((o) => this.condition(o));
        if (ops.some((o) => o === undefined)) return undefined;
        return { kind: c.kind, operands: ops as BoundCondition[], span: c.span };
      }
      case "not": {
        const o = this.condition(c.operand);
        return o && { kind: "not", operand: o, span: c.span };
      }
      case "unanimity":
      case "consensus":
        return { kind: c.kind, span: c.span };
      case "veto": {
        const before = this.ctx.diagnostics.length;
        const named = this.sets.evaluate(c.set, this.scope);
        const seatIds = new Set(this.seats.map((s) => s.id));
        const seats = named.filter((n) => seatIds.has(n));
        const nameErrors = this.ctx.diagnostics.length > before;
        if (seats.length === 0 && !nameErrors && !(c.set.kind === "ref" && c.set.name.text === "")) {
          this.ctx.report("VetoNamesNoSeat", this.file, c.set.span, [sourceLabel(c.set), this.scope.body ?? ""]);
        }
        return { kind: "veto", seats, label: sourceLabel(c.set), span: c.span };
      }
      case "compare": {
        const left = this.tally(c.left);
        let right: BoundCondition & { kind: "compare" } extends { right: infer R } ? R : never;
        if (c.right.kind === "tally") right = this.tally(c.right);
        else {
          const value = numberValue(this.ctx, c.right.value, this.file);
          if (!value) return undefined;
          const relative = c.right.value.form === "percent" || c.right.value.form === "fraction";
          if (c.right.base !== "all" && !relative) {
            this.ctx.report("BaseWithAbsoluteNumber", this.file, c.right.span, [c.right.base, c.right.value.text]);
          }
          right = { value, relative, base: c.right.base };
          this.checkThreshold(left, c.op, right, c.right.span);
        }
        return { kind: "compare", left, op: c.op, right, span: c.span };
      }
    }
  }

  private tally(t: A.Tally): BoundTally {
    if (!t.weight || t.weight.text === "") return { side: t.side };
    this.resolveWeight(t.weight);
    return { side: t.side, weight: t.weight.text };
  }

  /** A weight is the body's table of that name or, failing that, the states' numeric attribute. */
  private resolveWeight(name: A.Name): void {
    const w = name.text;
    if (this.weights.has(w)) {
      this.referenceWeight(name);
      return;
    }
    const table = this.tables.get(w);
    const values = new Map<string, Rational>();
    this.weights.set(w, values);
    const attributeExists = attributeNames(this.states).has(w);
    if (!table && !attributeExists) {
      const candidates = [...this.tables.keys(), ...numericAttributes(this.states)];
      this.ctx.unknown("weight", name, this.file, candidates);
      this.incomplete = true;
      return;
    }
    this.referenceWeight(name);
    for (const seat of this.seats) {
      let v = table?.get(seat.id);
      if (v === undefined && !table && seat.state) {
        const attr = this.states.get(seat.state)?.attributes.get(w);
        if (attr && attr.type !== "number") {
          this.ctx.report("AttributeType", this.file, name.span, [w, `is ${attr.type === "name" ? "a name" : "a " + attr.type} on \`${seat.state}\`, but a weight must be a number`]);
          this.incomplete = true;
          return;
        }
        v = attr?.type === "number" ? attr.value : undefined;
      }
      if (v === undefined) {
        if (!this.reportedWeights.has(w)) {
          this.reportedWeights.add(w);
          const ruleName = this.rule.slice(this.rule.lastIndexOf(".") + 1);
          this.ctx.report("MissingWeight", this.file, name.span, [seat.id, w, ruleName], { fixes: this.missingWeightFixes(seat, w) });
        }
        this.incomplete = true;
        continue;
      }
      values.set(seat.id, v);
    }
  }

  /** Add the entry to the body's weight table, or the attribute to the state. */
  private missingWeightFixes(seat: Seat, w: string): { title: string; edits: { file: string; span: A.Name["span"]; newText: string }[] }[] {
    const table = this.body.items.find((i): i is A.WeightItem => i.kind === "weight" && i.name.text === w);
    if (table) {
      const lastEntry = table.entries[table.entries.length - 1];
      const at = lastEntry ? lastEntry.span.end : table.span.end - 1;
      const key = seat.seatClass && !seat.state ? seat.seatClass : seat.id;
      return [{ title: `Add \`${key}: 0\` to the weight \`${w}\``, edits: [{ file: this.file, span: { start: at, end: at }, newText: lastEntry ? `, ${key}: 0` : ` ${key}: 0 ` }] }];
    }
    const state = seat.state ? this.states.get(seat.state) : undefined;
    if (!state) return [];
    const d = state.decl;
    const last = d.attributes[d.attributes.length - 1];
    const edit = last ? { span: { start: last.span.end, end: last.span.end }, newText: `, ${w}: 0` } : { span: { start: d.span.end, end: d.span.end }, newText: ` { ${w}: 0 }` };
    return [{ title: `Add \`${w}: 0\` to the state \`${state.name}\``, edits: [{ file: state.file, ...edit }] }];
  }

  private referenceWeight(name: A.Name): void {
    const id = this.tables.has(name.text) ? symbolId("weight", `${this.scope.body}.${name.text}`) : symbolId("attribute", name.text);
    this.ctx.reference(id, this.file, name.span);
  }

  /** A threshold above what the tally can ever reach. */
  private checkThreshold(left: BoundTally, op: A.CompareOp, right: { value: Rational; relative: boolean }, span: A.Quantity["span"]): void {
    if (op !== ">=" && op !== ">" && op !== "=") return;
    let total: Rational;
    if (right.relative) total = Rational.ONE;
    else if (!left.weight) total = Rational.of(this.seats.length);
    else {
      const values = this.weights.get(left.weight);
      if (!values || values.size !== this.seats.length) return;
      total = [...values.values()].reduce((a, b) => a.add(b), Rational.ZERO);
    }
    const impossible = op === ">" ? right.value.compare(total) >= 0 : right.value.compare(total) > 0;
    if (!impossible || this.seats.length === 0) return;
    const what = right.relative ? `${right.value.toPercent()} of the total` : right.value.toString();
    const of = right.relative ? "100%" : left.weight ? `${total.toString()} (${left.weight})` : `${total} seats`;
    this.ctx.report("ThresholdAboveTotal", this.file, span, [what, of]);
  }
}

/** Every attribute key declared on some state (computed once per state table). */
const attributeNameCache = new WeakMap<ReadonlyMap<string, StateInfo>, Set<string>>();
function attributeNames(states: ReadonlyMap<string, StateInfo>): Set<string> {
  let names = attributeNameCache.get(states);
  if (!names) {
    names = new Set();
    for (const s of states.values()) for (const k of s.attributes.keys()) names.add(k);
    attributeNameCache.set(states, names);
  }
  return names;
}

function numericAttributes(states: ReadonlyMap<string, StateInfo>): string[] {
  const out = new Set<string>();
  for (const s of states.values()) for (const [k, v] of s.attributes) if (v.type === "number") out.add(k);
  return [...out];
}

/** The text a person wrote for a veto holder, used in reasons ("vetoed by permanent"). */
function sourceLabel(s: A.SetExpr): string {
  switch (s.kind) {
    case "ref": return s.name.text;
    case "setLiteral": return `{ ${s.items.map((i) => i.text).join(", ")} }`;
    case "membersOf": return s.institution ? `members of ${s.institution.text}` : "members";
    case "member": return "member";
    case "allStates": return "states";
    case "setParen": return `(${sourceLabel(s.inner)})`;
    case "setBinary": return `${sourceLabel(s.left)} ${s.op} ${sourceLabel(s.right)}`;
  }
}
