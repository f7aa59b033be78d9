// The conduct engine: runs an ordered trace against the principles of a rule set and reports each
// violation with its chain of reasons. A prohibition is violated by a matching act with no
// exception; an obligation arises when its trigger happens and is violated when no matching act
// follows before the end of the trace. `unless authorized by R` holds when the last vote on R
// before the act adopted the motion; `unless within K` when the states involved are parties to a
// common arrangement of kind (or name) K.
import type { ActionPatternJson, ArgumentPatternJson, CitationJson, ConductJson, PrincipleJson, RuleSet } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { evaluateVote } from "../evaluation/vote.js";
import { findRule } from "../rules.js";
import { argumentOf, describeEvent, type TraceStep } from "./trace.js";

export interface Violation {
  readonly principle: string;
  readonly title?: string;
  /** The provision the principle comes from. */
  readonly cite?: CitationJson;
  readonly kind: "prohibited act" | "unmet obligation";
  readonly actor: string;
  /** Index in the trace of the prohibited act, or of the trigger of the unmet obligation. */
  readonly at: number;
  readonly event: string;
  readonly reasons: readonly string[];
  readonly sanction?: string;
}

export interface ConductResult {
  readonly violations: readonly Violation[];
  /** Obligations that arose and were met, for explanations. */
  readonly discharged: readonly { readonly principle: string; readonly actor: string; readonly by: number }[];
}

type Bindings = ReadonlyMap<string, string | boolean | readonly string[]>;

interface Obligation {
  readonly principle: PrincipleJson;
  readonly subject: string;
  readonly bindings: Bindings;
  readonly trigger: number;
  readonly triggerText: string;
  /** For `every S` arguments: the values still owed. */
  readonly owed: Map<string, Set<string>>;
  met: boolean;
}

export function runConduct(ruleset: RuleSet, trace: readonly TraceStep[]): ConductResult {
  const principles = ruleset.institutions.flatMap((i) => i.principles);
  const violations: Violation[] = [];
  const discharged: { principle: string; actor: string; by: number }[] = [];
  const open: Obligation[] = [];
  const lastVote = new Map<string, { outcome: "adopted" | "rejected"; at: number }>();
  const activeProhibitions: { principle: PrincipleJson; bindings: Bindings; subjects: readonly string[] }[] = [];
  const actsBy = new Map<string, ConductJson[]>();

  // Standing obligations and prohibitions (no trigger) are in force from the start.
  for (const p of principles) {
    if (p.trigger) continue;
    if (p.deontic === "must not") activeProhibitions.push({ principle: p, bindings: new Map(), subjects: subjectsOf(p, new Map()) });
    else if (p.deontic === "must") for (const s of subjectsOf(p, new Map())) open.push(obligation(p, s, new Map(), -1, "from the start"));
  }

  trace.forEach((step, at) => {
    if (step.kind === "vote") {
      const found = findRule(ruleset, step.rule);
      if (found) lastVote.set(step.rule, { outcome: evaluateVote(found.body, found.rule, step.ballots, { counterfactual: false }).outcome, at });
      return;
    }
    const e = step.event;
    actsBy.set(e.actor, [...(actsBy.get(e.actor) ?? []), e]);
    // 1. Prohibitions in force.
    for (const { principle: p, bindings, subjects } of activeProhibitions) {
      if (!subjects.includes(e.actor)) continue;
      const m = matchPattern(p.action, e, bindings, false);
      if (!m.matches) continue;
      if (!whereHolds(p, m.bindings)) continue;
      const exception = exceptionHolds(ruleset, p, e, lastVote);
      if (exception) continue;
      violations.push({
        principle: p.id,
        ...(p.title ? { title: p.title } : {}),
        ...(p.cite ? { cite: p.cite } : {}),
        kind: "prohibited act",
        actor: e.actor,
        at,
        event: describeEvent(e),
        reasons: [
          `${p.id} says ${subjectText(p)} must not ${patternText(p.action)}`,
          `${e.actor} is ${p.subject && "every" in p.subject ? "one of them" : "bound by it"}`,
          ...m.reasons,
          ...exceptionReasons(p, lastVote),
        ],
        ...(p.sanction ? { sanction: p.sanction } : {}),
      });
    }
    // 2. Obligations this act discharges.
    for (const o of open) {
      if (o.met || o.subject !== e.actor) continue;
      if (discharge(o, e)) {
        o.met = true;
        discharged.push({ principle: o.principle.id, actor: o.subject, by: at });
      }
    }
    // 3. Triggers this act sets off.
    for (const p of principles) {
      if (!p.trigger) continue;
      const m = matchPattern(p.trigger, e, new Map(), true);
      if (!m.matches || !whereHolds(p, m.bindings)) continue;
      if (exceptionHolds(ruleset, p, e, lastVote)) continue;
      if (p.deontic === "must not") activeProhibitions.push({ principle: p, bindings: m.bindings, subjects: subjectsOf(p, m.bindings) });
      else if (p.deontic === "must") {
        const involved = new Set([e.actor, ...stateValues(m.bindings)]);
        for (const s of subjectsOf(p, m.bindings)) {
          // Nobody is obliged towards itself, and the one who set the trigger off is not obliged by it.
          if (involved.has(s) && !("variable" in p.subject && m.bindings.get(p.subject.variable) === s)) continue;
          const o = obligation(p, s, m.bindings, at, describeEvent(e));
          // What the subject has already done counts towards it, the act that set it off included
          // (MFN: the first grant, and grants made before).
          for (const earlier of actsBy.get(s) ?? []) if (!o.met && discharge(o, earlier)) o.met = true;
          open.push(o);
        }
      }
    }
  });

  for (const o of open) {
    if (o.met) continue;
    const owedText = [...o.owed].map(([k, v]) => `${k}: ${[...v].length <= 6 ? [...v].join(", ") : `${[...v].slice(0, 5).join(", ")} and ${v.size - 5} more`}`).join("; ");
    violations.push({
      principle: o.principle.id,
      ...(o.principle.title ? { title: o.principle.title } : {}),
      ...(o.principle.cite ? { cite: o.principle.cite } : {}),
      kind: "unmet obligation",
      actor: o.subject,
      at: o.trigger,
      event: o.triggerText,
      reasons: [
        `${o.principle.id} says ${subjectText(o.principle)} must ${patternText(o.principle.action, o.bindings)}${o.principle.trigger ? ` when ${patternText(o.principle.trigger)}` : ""}`,
        o.trigger >= 0 ? `${o.triggerText} set it off` : "it is in force from the start",
        `${o.subject} did not ${patternText(o.principle.action, o.bindings)} before the end${owedText ? ` (still owed to ${owedText})` : ""}`,
      ],
      ...(o.principle.sanction ? { sanction: o.principle.sanction } : {}),
    });
  }
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  violations.sort((a, b) => a.at - b.at || order(a.principle, b.principle) || order(a.actor, b.actor));
  return { violations, discharged };
}

function obligation(p: PrincipleJson, subject: string, bindings: Bindings, trigger: number, triggerText: string): Obligation {
  const owed = new Map<string, Set<string>>();
  for (const [arg, pat] of Object.entries(p.action.args)) if ("every" in pat) owed.set(arg, new Set(pat.every.filter((s) => s !== subject)));
  return { principle: p, subject, bindings, trigger, triggerText, owed, met: false };
}

/** An act towards an obligation: arguments that are `every S` are ticked off one state at a time. */
function discharge(o: Obligation, e: ConductJson): boolean {
  const m = matchPattern(o.principle.action, e, o.bindings, false);
  if (!m.matches) return false;
  if (o.owed.size === 0) return true;
  for (const [arg, owed] of o.owed) {
    const v = argumentOf(e, arg);
    for (const s of Array.isArray(v) ? v : [v]) if (typeof s === "string") owed.delete(s);
  }
  return [...o.owed.values()].every((s) => s.size === 0);
}

function subjectsOf(p: PrincipleJson, bindings: Bindings): string[] {
  if ("every" in p.subject) return [...p.subject.every];
  const v = bindings.get(p.subject.variable);
  return typeof v === "string" ? [v] : Array.isArray(v) ? [...v] : [];
}

function stateValues(b: Bindings): string[] {
  return [...b.values()].flatMap((v) => (typeof v === "string" ? [v] : Array.isArray(v) ? [...v] : []));
}

interface Match {
  readonly matches: boolean;
  readonly bindings: Bindings;
  readonly reasons: readonly string[];
}

/** Does the act match the pattern? In a trigger, variables bind; elsewhere they must agree. */
export function matchPattern(pattern: ActionPatternJson, e: ConductJson, bindings: Bindings, binding: boolean): Match {
  if (pattern.action !== e.action) return { matches: false, bindings, reasons: [] };
  const out = new Map(bindings);
  const reasons: string[] = [];
  for (const [name, pat] of Object.entries(pattern.args)) {
    const v = argumentOf(e, name);
    if (v === undefined) {
      if ("any" in pat) continue;
      return { matches: false, bindings, reasons: [] };
    }
    const ok = matchArgument(pat, v, out, binding, name);
    if (!ok.matches) return { matches: false, bindings, reasons: [] };
    if (ok.reason) reasons.push(ok.reason);
  }
  return { matches: true, bindings: out, reasons };
}

function matchArgument(pat: ArgumentPatternJson, v: string | boolean | readonly string[], b: Map<string, string | boolean | readonly string[]>, binding: boolean, name: string): { matches: boolean; reason?: string } {
  const values = Array.isArray(v) ? v : [v];
  if ("any" in pat) return { matches: true };
  if ("variable" in pat) {
    const bound = b.get(pat.variable);
    if (bound === undefined) {
      if (binding) b.set(pat.variable, v);
      return { matches: true };
    }
    const boundValues = Array.isArray(bound) ? bound : [bound];
    return { matches: values.some((x) => boundValues.includes(x as string)), reason: `${name}: ${values.join(", ")} is ${pat.variable}` };
  }
  if ("every" in pat || "oneOf" in pat) {
    const set = "every" in pat ? pat.every : pat.oneOf;
    const hit = values.find((x) => typeof x === "string" && set.includes(x));
    return { matches: hit !== undefined, reason: `${name}: ${String(hit)} is one of the states the principle protects` };
  }
  if ("literal" in pat) {
    if (typeof pat.literal === "boolean") return { matches: values.includes(pat.literal) };
    const want = Rational.parse(pat.literal);
    return { matches: values.some((x) => (want && typeof x === "string" && Rational.parse(x) ? Rational.parse(x)!.eq(want) : x === pat.literal)) };
  }
  const threshold = Rational.parse(pat.value)!;
  const got = values.map((x) => (typeof x === "string" ? Rational.parse(x) : undefined)).find((x) => x !== undefined);
  if (!got) return { matches: false };
  const c = got.compare(threshold);
  const ok = pat.compare === ">=" ? c >= 0 : pat.compare === ">" ? c > 0 : pat.compare === "<=" ? c <= 0 : pat.compare === "<" ? c < 0 : pat.compare === "=" ? c === 0 : c !== 0;
  return { matches: ok, reason: `${name}: ${got.toString()} ${pat.compare} ${threshold.toString()}` };
}

function whereHolds(p: PrincipleJson, b: Bindings): boolean {
  return p.where.every((w) => {
    const v = b.get(w.variable);
    if (v === undefined) return false;
    const values = Array.isArray(v) ? v : [v];
    if ("in" in w) {
      const inside = values.some((x) => typeof x === "string" && w.in.includes(x));
      return w.negated ? !inside : inside;
    }
    const same = values.some((x) => String(x) === String(w.value));
    return w.compare === "=" ? same : w.compare === "!=" ? !same : false;
  });
}

function exceptionHolds(ruleset: RuleSet, p: PrincipleJson, e: ConductJson, lastVote: ReadonlyMap<string, { outcome: string }>): boolean {
  return p.exceptions.some((x) => {
    if ("authorizedBy" in x) return lastVote.get(x.authorizedBy)?.outcome === "adopted";
    const involved = new Set([e.actor, ...Object.values(e.args).flatMap((v) => (typeof v === "string" ? [v] : Array.isArray(v) ? [...v] : []))]);
    return ruleset.arrangements.some((a) => (a.kind === x.within || a.id === x.within) && [...involved].filter((s) => ruleset.states.some((st) => st.id === s)).every((s) => a.parties.includes(s)));
  });
}

function exceptionReasons(p: PrincipleJson, lastVote: ReadonlyMap<string, { outcome: string; at: number }>): string[] {
  return p.exceptions.map((x) => {
    if ("authorizedBy" in x) {
      const v = lastVote.get(x.authorizedBy);
      return v ? `no authorization: the last vote on ${x.authorizedBy} was ${v.outcome}` : `no authorization: ${x.authorizedBy} has not voted`;
    }
    return `no arrangement of kind ${x.within} covers the states involved`;
  });
}

function subjectText(p: PrincipleJson): string {
  if ("variable" in p.subject) return p.subject.variable;
  return p.subject.every.length <= 4 ? `each of ${p.subject.every.join(", ")}` : `every one of ${p.subject.every.length} states`;
}

export function patternText(pattern: ActionPatternJson, b: Bindings = new Map()): string {
  const args = Object.entries(pattern.args).map(([k, v]) => {
    if ("any" in v) return `${k}: any`;
    if ("variable" in v) {
      const bound = b.get(v.variable);
      return `${k}: ${bound === undefined ? v.variable : Array.isArray(bound) ? bound.join(", ") : String(bound)}`;
    }
    if ("every" in v) return `${k}: every one of ${v.every.length <= 4 ? v.every.join(", ") : `${v.every.length} states`}`;
    if ("oneOf" in v) return `${k}: ${v.oneOf.length <= 4 ? v.oneOf.join(" or ") : `any of ${v.oneOf.length} states`}`;
    if ("literal" in v) return `${k}: ${String(v.literal)}`;
    return `${k}: ${v.compare} ${v.value}`;
  });
  return `${pattern.action}(${args.join(", ")})`;
}
