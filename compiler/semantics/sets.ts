// Evaluates group expressions to ordered, duplicate-free lists of names. At the top level the
// names are states; inside a body, seat-class names also count and yield seat ids (`elected.3`).
// Groups and institution memberships are evaluated lazily, once, with cycle detection.
import { append } from "../text/arrays.js";
import type * as A from "../syntax/ast.js";
import { Rational } from "../numbers/rational.js";
import { symbolId, type BindContext } from "./context.js";
import type { AttributeValue, StateInfo } from "./model.js";
import type { Fix } from "../diagnostics/diagnostic.js";
import { bestOf } from "../text/suggest.js";

export interface SetScope {
  readonly file: string;
  /** The institution whose `members` a bare `members` means. */
  readonly institution?: string;
  /** Seat classes of the body being bound (class name → seat ids), and the body's qualified name. */
  readonly seatClasses?: ReadonlyMap<string, readonly string[]>;
  readonly body?: string;
  /** Names bound by a principle's trigger: they evaluate to no state here. */
  readonly variables?: ReadonlySet<string>;
  /** Seats already named in the vote being bound: `elected * 8` takes eight seats not among them. */
  readonly taken?: ReadonlySet<string>;
  /** Seat classes whose own definition had an error: naming one poisons the expression. */
  readonly poisonedClasses?: ReadonlySet<string>;
  /** A parameterised rule's parameter, bound to one state (`concerned` → RUS), and its symbol. */
  readonly parameter?: { readonly name: string; readonly value: string; readonly symbol: string };
}

/** The members of a group expression, and whether they are to be trusted. */
export interface SetValue {
  readonly members: string[];
  /** Some name in it had an error (reported where it is): whatever depends on it stays quiet. */
  readonly poisoned: boolean;
}

type Pending = { readonly state: "evaluating" } | { readonly state: "done"; readonly members: readonly string[] };

export class SetEvaluator {
  private readonly groups = new Map<string, Pending>();
  /** Groups being evaluated, innermost last: the chain shown when a definition loops. */
  private readonly evaluating: string[] = [];
  /** Groups whose definition had an error: their emptiness is not worth a second warning. */
  readonly erroneous = new Set<string>();
  private readonly memberships = new Map<string, Pending>();
  /** Institutions whose membership expression had an error. */
  readonly poisonedMemberships = new Set<string>();
  /** Bumped whenever an expression touches something poisoned. */
  private poisonTouches = 0;
  private readonly allStateNames: string[];
  private readonly attributeNames = new Set<string>();

  constructor(
    private readonly ctx: BindContext,
    private readonly states: ReadonlyMap<string, StateInfo>,
    private readonly membershipExpr: (institution: string) => { expr: A.SetExpr; file: string } | undefined,
  ) {
    this.allStateNames = [...states.keys()];
    for (const s of states.values()) for (const k of s.attributes.keys()) this.attributeNames.add(k);
  }

  group(name: string): readonly string[] {
    const entry = this.ctx.topLevel.get(name);
    if (!entry || entry.kind !== "group") return [];
    const p = this.groups.get(name);
    if (p?.state === "done") return p.members;
    if (p?.state === "evaluating") {
      const chain = [...this.evaluating.slice(this.evaluating.indexOf(name)), name].map((g) => `\`${g}\``).join(" → ");
      this.ctx.report("CircularDefinition", entry.file, entry.name.span, [`the group \`${name}\``, chain]);
      for (const g of this.evaluating) this.erroneous.add(g);
      this.groups.set(name, { state: "done", members: [] });
      return [];
    }
    this.groups.set(name, { state: "evaluating" });
    this.evaluating.push(name);
    const decl = entry.decl as A.GroupDecl;
    const { members, poisoned } = this.evaluateChecked(decl.expr, { file: entry.file });
    if (poisoned) this.erroneous.add(name);
    this.evaluating.pop();
    this.groups.set(name, { state: "done", members });
    return members;
  }

  institutionMembers(name: string): readonly string[] {
    const p = this.memberships.get(name);
    if (p?.state === "done") return p.members;
    const source = this.membershipExpr(name);
    if (p?.state === "evaluating") {
      const entry = this.ctx.topLevel.get(name);
      if (entry) this.ctx.report("CircularDefinition", entry.file, entry.name.span, [`the membership of \`${name}\``, `it refers to \`members of ${name}\``]);
      this.memberships.set(name, { state: "done", members: [] });
      return [];
    }
    if (!source) return [];
    this.memberships.set(name, { state: "evaluating" });
    const { members, poisoned } = this.evaluateChecked(source.expr, { file: source.file, institution: name });
    if (poisoned) this.poisonedMemberships.add(name);
    this.memberships.set(name, { state: "done", members });
    return members;
  }

  /** Evaluates and says whether the result is poisoned (an error in it, or in what it names). */
  evaluateChecked(expr: A.SetExpr, scope: SetScope): SetValue {
    const errors = this.ctx.errorCount;
    const touches = this.poisonTouches;
    const members = this.evaluate(expr, scope);
    return { members, poisoned: this.ctx.errorCount !== errors || this.poisonTouches !== touches };
  }

  evaluate(expr: A.SetExpr, scope: SetScope): string[] {
    switch (expr.kind) {
      case "setParen":
        return this.evaluate(expr.inner, scope);
      case "setBinary": {
        const l = this.evaluate(expr.left, scope);
        const r = this.evaluate(expr.right, scope);
        if (expr.op === "+") return unique([...l, ...r]);
        const rs = new Set(r);
        return expr.op === "-" ? l.filter((x) => !rs.has(x)) : l.filter((x) => rs.has(x));
      }
      case "setLiteral": {
        const out: string[] = [];
        const seen = new Set<string>();
        for (const item of expr.items) {
          if (seen.has(item.text)) {
            this.ctx.report("DuplicateMember", scope.file, item.span, [item.text]);
            continue;
          }
          seen.add(item.text);
          append(out, this.name(item, scope));
        }
        return unique(out);
      }
      case "allStates":
        return expr.filter ? this.allStateNames.filter((s) => this.ctx.lookupTop(s, scope.file) && this.test(expr.filter!, this.states.get(s)!, scope)) : this.allStateNames.filter((s) => this.ctx.lookupTop(s, scope.file));
      case "member":
      case "membersOf": {
        if (expr.kind === "membersOf" && expr.institution) {
          const inst = expr.institution;
          if (inst.text === "") {
            this.poisonTouches++;
            return [];
          }
          const entry = this.ctx.lookupTop(inst.text, scope.file);
          if (!entry) {
            this.ctx.unknown("institution", inst, scope.file, this.ctx.topNames(scope.file, ["institution"]));
            this.poisonTouches++;
            return [];
          }
          if (entry.kind !== "institution") {
            this.ctx.wrongKind(inst, scope.file, entry.kind, "an institution");
            return [];
          }
          this.ctx.reference(symbolId("institution", inst.text), scope.file, inst.span);
          const members = [...this.institutionMembers(inst.text)];
          if (this.poisonedMemberships.has(inst.text)) this.poisonTouches++;
          return members;
        }
        if (!scope.institution) {
          this.ctx.report("MembersOutsideInstitution", scope.file, expr.span, [expr.kind === "member" ? "member" : "members"]);
          return [];
        }
        const members = [...this.institutionMembers(scope.institution)];
        if (this.poisonedMemberships.has(scope.institution)) this.poisonTouches++;
        return members;
      }
      case "ref":
        if (expr.index !== undefined || expr.count !== undefined) return this.classSeats(expr, scope);
        return this.name(expr.name, scope);
    }
  }

  /** `elected.3` (one seat of a class) or `elected * 8` (eight seats of it not yet named). */
  private classSeats(expr: Extract<A.SetExpr, { kind: "ref" }>, scope: SetScope): string[] {
    const name = expr.name.text;
    const seats = scope.seatClasses?.get(name);
    const where = scope.body ?? "this body";
    if (!seats) {
      if (name !== "") this.ctx.report("SeatNotInBody", scope.file, expr.span, [`\`${name}\` is not a seat class, so it takes no \`*\` or \`.N\``, where]);
      return [];
    }
    this.ctx.reference(symbolId("seatClass", `${scope.body}.${name}`), scope.file, expr.name.span);
    if (scope.poisonedClasses?.has(name)) this.poisonTouches++;
    if (expr.index !== undefined) {
      const id = `${name}.${expr.index}`;
      if (!seats.includes(id)) {
        this.ctx.report("SeatNotInBody", scope.file, expr.span, [`there is no seat \`${id}\``, where]);
        return [];
      }
      return [id];
    }
    const free = seats.filter((s) => !scope.taken?.has(s));
    if (expr.count! > free.length) {
      this.ctx.report("SeatNotInBody", scope.file, expr.span, [`\`${name} * ${expr.count}\` asks for ${expr.count} seats but ${free.length} of the class \`${name}\` are left`, where]);
      return free;
    }
    return free.slice(0, expr.count);
  }

  /** A name inside a group expression: a seat class (in a body), a principle variable, a group or a state. */
  private name(name: A.Name, scope: SetScope): string[] {
    if (name.text === "") {
      this.poisonTouches++; // a syntax error already covers it
      return [];
    }
    if (scope.parameter?.name === name.text) {
      this.ctx.reference(scope.parameter.symbol, scope.file, name.span);
      return [scope.parameter.value];
    }
    const seats = scope.seatClasses?.get(name.text);
    if (seats) {
      this.ctx.reference(symbolId("seatClass", `${scope.body}.${name.text}`), scope.file, name.span);
      if (scope.poisonedClasses?.has(name.text)) this.poisonTouches++;
      return [...seats];
    }
    if (scope.variables?.has(name.text)) return [];
    const entry = this.ctx.lookupTop(name.text, scope.file);
    if (!entry) {
      const top = this.ctx.suggester(this.ctx.topNames(scope.file, ["state", "group"]));
      const classes = scope.seatClasses ? this.ctx.suggester([...scope.seatClasses.keys(), ...(scope.parameter ? [scope.parameter.name] : [])]) : undefined;
      const candidates = (w: string) => bestOf([top.scored(w), classes?.scored(w)]);
      this.ctx.unknown(scope.seatClasses ? "state, group or seat class" : "state or group", name, scope.file, candidates, "", [declareStateFix(this.ctx, scope.file, name.text)]);
      this.poisonTouches++; // poisoned even when the error is not shown (a failed import covers it)
      return [];
    }
    if (entry.kind === "state") {
      this.ctx.reference(symbolId("state", name.text), scope.file, name.span);
      return [name.text];
    }
    if (entry.kind === "group") {
      this.ctx.reference(symbolId("group", name.text), scope.file, name.span);
      const members = [...this.group(name.text)];
      if (this.erroneous.has(name.text)) this.poisonTouches++;
      return members;
    }
    this.ctx.wrongKind(name, scope.file, entry.kind, "a state or a group", entry.kind === "institution" ? `: did you mean \`members of ${name.text}\`?` : "");
    return [];
  }

  private test(filter: A.Filter, state: StateInfo, scope: SetScope): boolean {
    switch (filter.kind) {
      case "filterParen":
        return this.test(filter.inner, state, scope);
      case "filterNot":
        return !this.test(filter.operand, state, scope);
      case "filterAnd":
        return filter.operands.every((f) => this.test(f, state, scope));
      case "filterOr":
        return filter.operands.some((f) => this.test(f, state, scope));
      case "filterCompare": {
        const key = filter.attribute.text;
        if (key === "") return false;
        this.ctx.reference(symbolId("attribute", key), scope.file, filter.attribute.span);
        if (!this.attributeNames.has(key)) {
          this.poisonTouches++; // the filter is broken: what it selects is not to be trusted
          this.reportOnce(`attr:${key}:${filter.span.start}`, () => {
            const guess = this.ctx.suggester(this.attributeNames).closest(key);
            this.ctx.report("UnknownAttribute", scope.file, filter.attribute.span, [key, guess ? `: did you mean \`${guess}\`?` : ""], {
              ...(guess ? { fixes: [{ title: `Change to \`${guess}\``, edits: [{ file: scope.file, span: filter.attribute.span, newText: guess }] }] } : {}),
            });
          });
          return false;
        }
        const actual = state.attributes.get(key);
        if (!actual) return false;
        const result = compareAttribute(actual, filter.op, filter.value);
        if (result === undefined) {
          this.reportOnce(`type:${filter.span.start}`, () =>
            this.ctx.report("AttributeType", scope.file, filter.value.span, [key, `is ${describeValue(actual)} on \`${state.name}\` and cannot be compared with \`${valueText(filter.value)}\` by \`${filter.op}\``]),
          );
          return false;
        }
        return result;
      }
    }
  }

  private readonly reported = new Set<string>();
  private reportOnce(key: string, report: () => void): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    report();
  }
}

/** A quick fix that declares a missing state after the file's last state (or before its first declaration). */
function declareStateFix(ctx: BindContext, file: string, name: string): Fix {
  const decls = ctx.program.files.get(file)?.parsed.ast.declarations ?? [];
  const states = decls.filter((d) => d.kind === "state");
  const lastState = states[states.length - 1];
  const firstDecl = decls.find((d) => d.kind !== "use");
  const lastUse = [...decls].reverse().find((d) => d.kind === "use");
  const at = lastState ? lastState.span.end : firstDecl ? firstDecl.span.start : lastUse ? lastUse.span.end : 0;
  const newText = lastState ? `\nstate ${name}` : firstDecl ? `state ${name}\n\n` : `${lastUse ? "\n" : ""}state ${name}\n`;
  return { title: `Declare state \`${name}\``, edits: [{ file, span: { start: at, end: at }, newText }] };
}

export function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function describeValue(v: AttributeValue): string {
  return v.type === "number" ? "a number" : v.type === "name" ? "a name" : v.type === "string" ? "a string" : "a boolean";
}

function valueText(v: A.Value): string {
  switch (v.kind) {
    case "number": return v.text;
    case "string": return JSON.stringify(v.value);
    case "name": return v.name.text;
    case "boolean": return String(v.value);
  }
}

/** undefined when the two values cannot be compared with `op`. */
function compareAttribute(actual: AttributeValue, op: A.CompareOp, expected: A.Value): boolean | undefined {
  if (actual.type === "number") {
    if (expected.kind !== "number") return undefined;
    const r = Rational.parse(expected.text);
    if (!r) return undefined;
    const c = actual.value.compare(r);
    return op === "=" ? c === 0 : op === "!=" ? c !== 0 : op === ">=" ? c >= 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c < 0;
  }
  let other: string | boolean;
  if (actual.type === "boolean") {
    if (expected.kind !== "boolean") return undefined;
    other = expected.value;
  } else {
    if (expected.kind !== "name" && expected.kind !== "string") return undefined;
    other = expected.kind === "name" ? expected.name.text : expected.value;
  }
  if (op === "=") return actual.value === other;
  if (op === "!=") return actual.value !== other;
  return undefined;
}
