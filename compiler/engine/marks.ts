// The marks of multilateralism, per institution, read off a compiled rule set: three or more
// members (Keohane); indivisibility (a trigger on one member obliges all, as in collective
// defence) and diffuse reciprocity (obligations owed to all members alike) (Ruggie); and the
// privileges some classes hold — vetoes, special seats, weighted votes — so a reader sees who
// bought in with what.
import type { ConditionJson, InstitutionJson, PrincipleJson, RuleSet } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";

export interface InstitutionMarks {
  readonly institution: string;
  readonly name?: string;
  readonly members: number;
  readonly multilateral: boolean;
  readonly indivisibility: readonly string[];
  readonly diffuseReciprocity: readonly string[];
  readonly privileges: readonly string[];
}

export function marksOf(ruleset: RuleSet): InstitutionMarks[] {
  return ruleset.institutions.map((inst) => ({
    institution: inst.id,
    ...(inst.name ? { name: inst.name } : {}),
    members: inst.members.length,
    multilateral: inst.members.length >= 3,
    indivisibility: inst.principles.filter(indivisible).map((p) => `${p.id}${p.title ? ` (${p.title})` : ""}: a trigger on one member obliges every member`),
    diffuseReciprocity: inst.principles.flatMap((p) => reciprocity(p, inst)),
    privileges: privileges(inst),
  }));
}

function indivisible(p: PrincipleJson): boolean {
  return p.trigger !== undefined && p.deontic === "must" && "every" in p.subject && p.subject.every.length >= 3;
}

function reciprocity(p: PrincipleJson, inst: InstitutionJson): string[] {
  const members = new Set(inst.members);
  const toAll = Object.entries(p.action.args).find(([, a]) => "every" in a && a.every.length >= 3);
  if (toAll && p.deontic === "must") return [`${p.id}${p.title ? ` (${p.title})` : ""}: owed to every member alike (\`${toAll[0]}\`)`];
  const protectsAll = Object.entries(p.action.args).find(([, a]) => ("oneOf" in a || "every" in a) && members.size >= 3 && [...members].every((m) => ("oneOf" in a ? a.oneOf : "every" in a ? a.every : []).includes(m)));
  if (protectsAll && p.deontic === "must not") return [`${p.id}${p.title ? ` (${p.title})` : ""}: protects every member alike (\`${protectsAll[0]}\`)`];
  return [];
}

function privileges(inst: InstitutionJson): string[] {
  const out: string[] = [];
  for (const body of inst.bodies) {
    const n = body.seats.length;
    const classes = new Map<string, number>();
    for (const s of body.seats) if (s.class) classes.set(s.class, (classes.get(s.class) ?? 0) + 1);
    if (classes.size > 1 || (classes.size === 1 && [...classes.values()][0]! < n)) {
      out.push(`${body.name}: seat classes ${[...classes].map(([c, k]) => `${c} (${k})`).join(", ")}${classes.size === 1 ? ` and ${n - [...classes.values()][0]!} ordinary seats` : ""}`);
    }
    for (const rule of body.rules) {
      for (const v of vetoes(rule.condition)) {
        if (v.seats.length > 0 && v.seats.length < n) out.push(`${body.name}.${rule.name}: a veto held by ${v.holder} (${v.seats.length} of ${n} seats)`);
      }
    }
    for (const [w, table] of Object.entries(body.weights)) {
      const values = Object.values(table).map((x) => Rational.parse(x)!).filter((x) => !x.isZero());
      if (values.length < 2) continue;
      const max = values.reduce((a, b) => (a.compare(b) >= 0 ? a : b));
      const min = values.reduce((a, b) => (a.compare(b) <= 0 ? a : b));
      if (!max.eq(min)) out.push(`${body.name}: weighted votes by ${w}, the largest ${max.div(min).toDecimal(1).replace(/\.0$/, "")} times the smallest`);
    }
  }
  return out;
}

function vetoes(c: ConditionJson): { seats: readonly string[]; holder: string }[] {
  switch (c.op) {
    case "and":
    case "or": return c.args.flatMap(vetoes);
    case "not": return vetoes(c.arg);
    case "veto": return [{ seats: c.seats, holder: c.holder }];
    default: return [];
  }
}
