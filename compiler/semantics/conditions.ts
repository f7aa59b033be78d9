// Binds a decision rule's condition over a body's seats: tallies and their weights (the body's
// table of that name or the states' attribute), vetoes over seat classes and groups, and
// thresholds as exact numbers. Reports what keeps a name from resolving (unknown weight, a seat
// without a value); what is wrong with a resolved rule is for checks/.
import type * as A from "../syntax/ast.js";
import { Rational } from "../numbers/rational.js";
import { symbolId, type BindContext } from "./context.js";
import type { BoundCondition, BoundTally, Seat, StateInfo } from "./model.js";
import type { SetEvaluator, SetScope } from "./sets.js";

export function numberValue(ctx: BindContext, lit: A.NumberLiteral, file: string): Rational | undefined {
  if (lit.form === "fraction" && /\/0+$/.test(lit.text)) {
    ctx.report("ZeroDenominator", file, lit.span, [lit.text]);
    return undefined;
  }
  return Rational.parse(lit.text);
}

export class ConditionBinder {
  readonly weights = new Map<string, Map<string, Rational>>();
  /** A weight the condition uses lacks a value for some seat. */
  incomplete = false;
  /** Some name in the condition had an error. */
  poisoned = false;
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
        this.poisoned = true;
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
      case "ruleRef":
        return this.ruleRef(c);
      case "veto": {
        const named = this.sets.evaluateChecked(c.set, this.scope);
        const seatIds = new Set(this.seats.map((s) => s.id));
        const seats = named.members.filter((n) => seatIds.has(n));
        if (named.poisoned) this.poisoned = true;
        return { kind: "veto", seats, label: sourceLabel(c.set), setSpan: c.set.span, poisoned: named.poisoned, span: c.span };
      }
      case "compare": {
        const left = this.tally(c.left);
        let right: Extract<BoundCondition, { kind: "compare" }>["right"];
        if (c.right.kind === "tally") right = this.tally(c.right);
        else {
          const value = numberValue(this.ctx, c.right.value, this.file);
          if (!value) return undefined;
          const relative = c.right.value.form === "percent" || c.right.value.form === "fraction";
          right = { value, relative, base: c.right.base, text: c.right.value.text, span: c.right.span };
        }
        return { kind: "compare", left, op: c.op, right, span: c.span };
      }
    }
  }

  /** Rules being expanded into this one, outermost first (to find a cycle). */
  private readonly expanding: { name: string; span: A.Name["span"] }[] = [];

  /** `general and yes >= 10`: the named rule of the same body, its condition bound in place. */
  private ruleRef(c: Extract<A.Condition, { kind: "ruleRef" }>): BoundCondition | undefined {
    const name = c.name.text;
    const own = this.rule.slice(this.rule.lastIndexOf(".") + 1);
    const target = this.body.items.find((i): i is A.RuleDecl => i.kind === "rule" && i.name.text === name);
    if (!target) {
      const rules = this.body.items.filter((i): i is A.RuleDecl => i.kind === "rule").map((i) => i.name.text);
      this.ctx.unknown("rule of this body", c.name, this.file, rules.filter((r) => r !== own));
      this.poisoned = true;
      return undefined;
    }
    if (target.parameter) {
      this.ctx.report("RuleArgument", this.file, c.name.span, [`the rule \`${name}\` is stated once for each \`${target.parameter.name.text}\`; a rule's condition cannot use it (write its condition out)`]);
      this.poisoned = true;
      return undefined;
    }
    const chain = [own, ...this.expanding.map((e) => e.name)];
    if (chain.includes(name)) {
      // Reported where this rule's own text names the first rule of the cycle.
      this.ctx.report("RuleCycle", this.file, this.expanding[0]?.span ?? c.name.span, [own, [...chain, name].join(" → ")]);
      this.poisoned = true;
      return undefined;
    }
    this.ctx.reference(symbolId("rule", this.rule.slice(0, this.rule.lastIndexOf(".") + 1) + name), this.file, c.name.span);
    this.expanding.push({ name, span: c.name.span });
    try {
      return this.condition(target.condition);
    } finally {
      this.expanding.pop();
    }
  }

  private tally(t: A.Tally): BoundTally {
    const within = t.within ? this.within(t.within) : undefined;
    if (!t.weight || t.weight.text === "") return { side: t.side, ...(within ? { within } : {}) };
    this.resolveWeight(t.weight);
    return { side: t.side, weight: t.weight.text, ...(within ? { within } : {}) };
  }

  /** `in S`: the body's seats that S names (a seat class, a group, states). */
  private within(set: A.SetExpr): { seats: string[]; label: string } {
    const named = this.sets.evaluateChecked(set, this.scope);
    if (named.poisoned) this.poisoned = true;
    const seatIds = new Set(this.seats.map((s) => s.id));
    const seats = named.members.filter((n) => seatIds.has(n));
    return { seats, label: sourceLabel(set) };
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
    if ((table as { failed?: boolean } | undefined)?.failed) {
      // A weight formula that could not be computed was reported at the formula.
      this.referenceWeight(name);
      this.incomplete = true;
      this.poisoned = true;
      return;
    }
    const attributeExists = attributeNames(this.states).has(w);
    if (!table && !attributeExists) {
      const candidates = [...this.tables.keys(), ...numericAttributes(this.states)];
      this.ctx.unknown("weight", name, this.file, candidates);
      this.incomplete = true;
      this.poisoned = true;
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
      if (v === undefined && !table && seat.for) {
        // A constituency weighs the sum of its states' attribute.
        let sum: Rational | undefined = Rational.ZERO;
        for (const s of seat.for) {
          const attr = this.states.get(s)?.attributes.get(w);
          sum = sum && attr?.type === "number" ? sum.add(attr.value) : undefined;
        }
        v = sum;
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
export function sourceLabel(s: A.SetExpr): string {
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
