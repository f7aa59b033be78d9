// Bound model → RuleSet JSON: the only place the compiler makes rule-set values. Pure data
// transformation; every number becomes an exact string, every part gets its source in the map.
// `lowerFragment` lowers a few rules or principles the same way, for the editor and the checks.
import { citationOf, citeSite } from "../semantics/citation.js";
import type { BodyInfo, BoundCondition, BoundFact, BoundPattern, BoundPrinciple, BoundStep, BoundTally, Model, RuleInfo, StateInfo } from "../semantics/model.js";
import { LineIndex, type Span } from "../text/span.js";
import type * as R from "./types.js";
import { RULESET_FORMAT, RULESET_VERSION } from "./types.js";
import { condition as printCondition, fact as printFact } from "../format/print-expressions.js";
import { SourceMap } from "./source-map.js";

export interface LowerOptions {
  /** Source texts by file, for source locations (`file:line:column`). */
  readonly sources?: ReadonlyMap<string, string>;
  /** Adds `source` locations (file, line, column); off for position-independent comparisons. */
  readonly locations?: boolean;
  /** How file names are written in locations (e.g. relative to the working directory). */
  readonly displayPath?: (file: string) => string;
}

export interface Lowered {
  readonly ruleset: R.RuleSet;
  readonly sourceMap: SourceMap;
}

/** Which parts a fragment keeps (states and groups are always kept: analyses need them). */
export interface FragmentSelection {
  /** Qualified rule names (INSTITUTION.BODY.RULE): their bodies with just these rules. */
  readonly rules?: readonly string[];
  /** Qualified principle names: their institutions with just these principles. */
  readonly principles?: readonly string[];
  /** Include the arrangements. */
  readonly arrangements?: boolean;
}

export function lowerModel(model: Model, options: LowerOptions = {}): Lowered {
  return new Lowering(model, options).run(undefined);
}

/** A rule set with only the selected rules and principles, lowered exactly as `lowerModel` does. */
export function lowerFragment(model: Model, selection: FragmentSelection, options: LowerOptions = {}): Lowered {
  return new Lowering(model, { locations: false, ...options }).run(selection);
}

class Lowering {
  private readonly sourceMap = new SourceMap();
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly model: Model, private readonly options: LowerOptions) {}

  private where(file: string, span: Span): { source?: R.SourceLocation } {
    if (this.options.locations === false) return {};
    const text = this.options.sources?.get(file);
    if (text === undefined) return {};
    let idx = this.indexes.get(file);
    if (!idx) this.indexes.set(file, (idx = new LineIndex(text)));
    const p = idx.position(span.start);
    return { source: { file: this.options.displayPath ? this.options.displayPath(file) : file, line: p.line + 1, column: p.character + 1 } };
  }

  private map(path: string, id: string, file: string, span: Span, nameSpan: Span): void {
    this.sourceMap.add(path, id, { file, span, nameSpan });
  }

  run(selection: FragmentSelection | undefined): Lowered {
    const m = this.model;
    const keepRule = (r: RuleInfo) => !selection || (selection.rules ?? []).includes(r.qualified);
    const keepPrinciple = (id: string) => !selection || (selection.principles ?? []).includes(id);
    const institutions: R.InstitutionJson[] = [];
    for (const inst of m.institutions.values()) {
      const i = institutions.length;
      const bodies: R.BodyJson[] = [];
      for (const b of inst.bodies.values()) {
        const rules = [...b.rules.values()].filter((r) => !r.incomplete && keepRule(r));
        if (selection && rules.length === 0) continue;
        bodies.push(this.body(b, rules, `$.institutions[${i}].bodies[${bodies.length}]`));
      }
      const principles = [...inst.principles.values()].filter((p) => keepPrinciple(p.qualified));
      if (selection && bodies.length === 0 && principles.length === 0) continue;
      this.map(`$.institutions[${i}]`, `institution:${inst.name}`, inst.file, inst.decl.span, inst.decl.name.span);
      institutions.push({
        id: inst.name,
        ...(inst.title ? { name: inst.title } : {}),
        members: inst.members,
        requires: inst.requires,
        bodies,
        admission: selection ? [] : inst.admission,
        principles: principles.map((p, k) => {
          this.map(`$.institutions[${i}].principles[${k}]`, `principle:${p.qualified}`, p.file, p.decl.span, p.decl.name.span);
          return { id: p.qualified, name: p.name, ...(p.decl.title ? { title: p.decl.title } : {}), ...citeSite(p.decl), ...principle(p.bound), ...this.where(p.file, p.decl.span) };
        }),
      });
    }
    const withArrangements = !selection || selection.arrangements === true;
    const ruleset: R.RuleSet = {
      format: RULESET_FORMAT,
      version: RULESET_VERSION,
      states: [...m.states.values()].map(state),
      groups: [...m.groups.values()].map((g) => ({ id: g.name, members: g.members })),
      actions: [...m.actions.values()].map((a) => ({ id: a.name, params: a.params })),
      institutions,
      arrangements: withArrangements
        ? [...m.arrangements.values()].map((a, k) => {
            this.map(`$.arrangements[${k}]`, `arrangement:${a.name}`, a.file, a.decl.span, a.decl.name.span);
            return { id: a.name, ...(a.title ? { name: a.title } : {}), parties: a.parties, ...(a.kind ? { kind: a.kind } : {}), commitments: a.commitments };
          })
        : [],
      scenarios: selection
        ? []
        : m.scenarios.map((s, k) => {
            this.map(`$.scenarios[${k}]`, `scenario:${s.name}`, s.file, s.decl.span, s.decl.name.span);
            return { name: s.name, steps: s.steps.map(step), ...this.where(s.file, s.decl.span) };
          }),
      // A fragment keeps the blocs of its rules' bodies: they are the a priori unions of the analysis.
      ...(m.blocs.some((b) => !selection || (selection.rules ?? []).some((r) => r.startsWith(`${b.body}.`)))
        ? {
            blocs: m.blocs.filter((b) => !selection || (selection.rules ?? []).some((r) => r.startsWith(`${b.body}.`))).map((b) => ({
              id: b.name,
              body: b.body,
              members: b.members,
              condition: lowerCondition(b.condition),
              text: b.decl.condition ? printCondition(b.decl.condition) : "yes > 1/2",
              weights: weightsJson(b.weights),
            })),
          }
        : {}),
      assertions: selection
        ? []
        : m.assertions.flatMap((a) => {
            if (!a.fact) return [];
            return [{ rule: a.target, negated: a.decl.negated, text: printFact(a.decl.fact), fact: fact(a.fact), ...this.where(a.file, a.decl.span) }];
          }),
    };
    return { ruleset, sourceMap: this.sourceMap };
  }

  private body(b: BodyInfo, rules: readonly RuleInfo[], path: string): R.BodyJson {
    const id = `${b.institution}.${b.name}`;
    this.map(path, `body:${id}`, b.file, b.decl.span, b.decl.name.span);
    const weights: Record<string, Record<string, string>> = {};
    for (const rule of rules) {
      for (const [w, values] of rule.weights) weights[w] ??= Object.fromEntries([...values].map(([seat, v]) => [seat, v.toString()]));
    }
    return {
      id,
      name: b.name,
      ...(b.title ? { title: b.title } : {}),
      ...citeSite(b.decl),
      ...classCites(b),
      ...(b.quorum ? { quorum: { condition: lowerCondition(b.quorum.condition), text: printCondition(b.quorum.decl.condition) } } : {}),
      ...(b.rotations.size ? { rotation: Object.fromEntries(b.rotations) } : {}),
      seats: b.seats.map((s) => {
        const inside = b.insides.get(s.id);
        return {
          id: s.id,
          ...(s.state ? { state: s.state } : {}),
          ...(s.seatClass ? { class: s.seatClass } : {}),
          ...(s.for ? { for: [...s.for] } : {}),
          ...(inside?.condition && !inside.incomplete
            ? { inside: { condition: lowerCondition(inside.condition), text: printCondition(inside.decl), weights: Object.fromEntries([...inside.weights].map(([w, t]) => [w, Object.fromEntries([...t].map(([k, v]) => [k, v.toString()]))])) } }
            : {}),
        };
      }),
      weights,
      rules: rules.map((r, k) => {
        this.map(`${path}.rules[${k}]`, `rule:${r.qualified}`, r.file, r.decl.span, r.decl.name.span);
        return {
          id: r.qualified,
          name: r.name,
          ...(r.title ? { title: r.title } : {}),
          ...citeSite(r.decl),
          ...(r.binding ? { binding: r.binding } : {}),
          // The condition in its canonical form, so that formatting a design never changes its rule set.
          text: r.quorum ? `quorum (${printCondition(r.quorum)}) and ${printCondition(r.decl.condition)}` : printCondition(r.decl.condition),
          condition: lowerCondition(r.condition),
          ...this.where(r.file, r.decl.span),
        };
      }),
    };
  }
}

function classCites(b: BodyInfo): { classCites?: Record<string, R.CitationJson> } {
  const out: Record<string, R.CitationJson> = {};
  for (const item of b.decl.items) {
    // A constituency is cited like a seat class (its name is a one-seat class).
    const name = item.kind === "seats" ? item.seatClass?.text : item.kind === "constituency" ? item.name.text : undefined;
    if (!name) continue;
    const c = citationOf(item);
    if (c) out[name] ??= c;
  }
  return Object.keys(out).length ? { classCites: out } : {};
}

function state(s: StateInfo): R.StateJson {
  const attributes: Record<string, R.AttributeJson> = {};
  for (const [k, v] of s.attributes) attributes[k] = v.type === "number" ? { type: "number", value: v.value.toString() } : v.type === "boolean" ? { type: "boolean", value: v.value } : { type: v.type, value: v.value };
  return { id: s.name, ...(s.title ? { name: s.title } : {}), attributes };
}

function weightsJson(ws: ReadonlyMap<string, ReadonlyMap<string, { toString(): string }>>): Record<string, Record<string, string>> {
  return Object.fromEntries([...ws].map(([w, values]) => [w, Object.fromEntries([...values].map(([s, v]) => [s, v.toString()]))]));
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
  return { tally: t.side, ...(t.weight ? { weight: t.weight } : {}), ...(t.within ? { in: { seats: t.within.seats, label: t.within.label } } : {}) };
}

function pattern(p: BoundPattern): R.ActionPatternJson {
  const args: Record<string, R.ArgumentPatternJson> = {};
  for (const [k, a] of Object.entries(p.args)) args[k] = "compare" in a ? { compare: a.compare, value: a.value.toString() } : a;
  return { action: p.action, args };
}

function principle(p: BoundPrinciple): Omit<R.PrincipleJson, "id" | "name" | "title" | "source"> {
  return {
    ...(p.trigger ? { trigger: pattern(p.trigger) } : {}),
    subject: p.subject,
    deontic: p.deontic,
    action: pattern(p.action),
    where: p.where,
    exceptions: p.exceptions,
    ...(p.sanction !== undefined ? { sanction: p.sanction } : {}),
  };
}

function step(s: BoundStep): R.ScenarioStepJson {
  return s;
}

function fact(f: BoundFact): R.FactJson {
  return "value" in f ? { ...f, value: f.value.toString() } : f;
}
