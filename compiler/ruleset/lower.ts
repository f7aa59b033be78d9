// Bound model → RuleSet JSON. Pure data transformation; every number becomes an exact string.
import type { Model, BoundCondition, BoundTally, RuleInfo, BodyInfo } from "../semantics/model.js";
import { LineIndex, type Span } from "../syntax/span.js";
import type * as R from "./types.js";
import { RULESET_FORMAT, RULESET_VERSION } from "./types.js";
import { condition as printCondition, fact as printFact } from "../format/print-expressions.js";

export interface LowerOptions {
  /** Source texts by file, for rule texts and source locations. */
  readonly sources: ReadonlyMap<string, string>;
  /** Adds `source` locations (file, line, column); off for position-independent comparisons. */
  readonly locations?: boolean;
  /** How file names are written in locations (e.g. relative to the working directory). */
  readonly displayPath?: (file: string) => string;
}

export function lowerModel(model: Model, options: LowerOptions): R.RuleSet {
  const indexes = new Map<string, LineIndex>();
  const where = (file: string, span: Span): { source?: R.SourceLocation } => {
    if (options.locations === false) return {};
    const text = options.sources.get(file);
    if (text === undefined) return {};
    let idx = indexes.get(file);
    if (!idx) indexes.set(file, (idx = new LineIndex(text)));
    const p = idx.position(span.start);
    return { source: { file: options.displayPath ? options.displayPath(file) : file, line: p.line + 1, column: p.character + 1 } };
  };

  return {
    format: RULESET_FORMAT,
    version: RULESET_VERSION,
    states: [...model.states.values()].map((s) => ({
      id: s.name,
      ...(s.title ? { name: s.title } : {}),
      attributes: Object.fromEntries(
        [...s.attributes].map(([k, v]) => [k, v.type === "number" ? { type: "number", value: v.value.toString() } : v.type === "boolean" ? { type: "boolean", value: v.value } : { type: v.type, value: v.value }]),
      ) as Record<string, R.AttributeJson>,
    })),
    groups: [...model.groups.values()].map((g) => ({ id: g.name, members: g.members })),
    actions: [...model.actions.values()].map((a) => ({ id: a.name, params: a.params })),
    institutions: [...model.institutions.values()].map((inst) => ({
      id: inst.name,
      ...(inst.title ? { name: inst.title } : {}),
      members: inst.members,
      requires: inst.requires,
      bodies: [...inst.bodies.values()].map((b) => lowerBody(b, where)),
      admission: inst.admission,
      principles: [...inst.principles.values()].map((p) => ({
        id: p.qualified,
        name: p.name,
        ...(p.decl.title ? { title: p.decl.title } : {}),
        ...p.resolved,
        ...where(p.file, p.decl.span),
      })),
    })),
    arrangements: [...model.arrangements.values()].map((a) => ({
      id: a.name,
      ...(a.title ? { name: a.title } : {}),
      parties: a.parties,
      ...(a.kind ? { kind: a.kind } : {}),
      commitments: a.commitments,
    })),
    scenarios: model.scenarios.map((s) => ({ name: s.name, steps: s.steps, ...where(s.file, s.decl.span) })),
    ...(model.blocs.length
      ? { blocs: model.blocs.map((b) => ({ id: b.name, body: b.body, members: b.members, condition: lowerCondition(b.condition), text: b.decl.condition ? printCondition(b.decl.condition) : "yes > 1/2", weights: Object.fromEntries([...b.weights].map(([w, values]) => [w, Object.fromEntries([...values].map(([s, v]) => [s, v.toString()]))])) })) }
      : {}),
    assertions: model.assertions.flatMap((a) =>
      a.fact ? [{ rule: a.target, negated: a.decl.negated, text: printFact(a.decl.fact), fact: a.fact, ...where(a.file, a.decl.span) }] : [],
    ),
  };
}

/** One body on its own (rule texts and locations left empty): what the rule checks analyse. */
export function bodyJson(b: BodyInfo): R.BodyJson {
  return lowerBody(b, () => ({}));
}

function lowerBody(b: BodyInfo, where: (file: string, span: Span) => { source?: R.SourceLocation }): R.BodyJson {
  const weights: Record<string, Record<string, string>> = {};
  for (const rule of b.rules.values()) {
    for (const [w, values] of rule.weights) {
      weights[w] ??= Object.fromEntries([...values].map(([seat, v]) => [seat, v.toString()]));
    }
  }
  return {
    id: `${b.institution}.${b.name}`,
    name: b.name,
    ...(b.title ? { title: b.title } : {}),
    seats: b.seats.map((s) => ({ id: s.id, ...(s.state ? { state: s.state } : {}), ...(s.seatClass ? { class: s.seatClass } : {}) })),
    weights,
    rules: [...b.rules.values()].filter((r) => !r.incomplete).map((r) => lowerRule(r, where)),
  };
}

function lowerRule(r: RuleInfo, where: (file: string, span: Span) => { source?: R.SourceLocation }): R.RuleJson {
  return {
    id: r.qualified,
    name: r.name,
    ...(r.title ? { title: r.title } : {}),
    // The condition in its canonical form, so that formatting a design never changes its rule set.
    text: printCondition(r.decl.condition),
    condition: lowerCondition(r.condition),
    ...where(r.file, r.decl.span),
  };
}

export function lowerCondition(c: BoundCondition): R.ConditionJson {
  switch (c.kind) {
    case "and":
    case "or":
      return { op: c.kind, args: c.operands.map(lowerCondition) };
    case "not":
      return { op: "not", arg: lowerCondition(c.operand) };
    case "unanimity":
    case "consensus":
      return { op: c.kind };
    case "veto":
      return { op: "veto", seats: c.seats, holder: c.label };
    case "compare":
      return {
        op: "compare",
        cmp: c.op,
        left: tally(c.left),
        right: "side" in c.right ? tally(c.right) : { value: c.right.value.toString(), relative: c.right.relative, base: c.right.base },
      };
  }
}

function tally(t: BoundTally): R.TallyJson {
  return { tally: t.side, ...(t.weight ? { weight: t.weight } : {}) };
}
