// Two principles that oblige and forbid the same conduct for overlapping subjects.
import type { BoundArgument, BoundPattern } from "../semantics/model.js";
import type { PrincipleInfo } from "../semantics/model.js";
import type { Check } from "./check.js";

export const normConflict: Check = {
  name: "norm-conflict",
  run: (ctx) => {
    const model = ctx.model;
    const all: PrincipleInfo[] = [...model.institutions.values()].flatMap((i) => [...i.principles.values()]);
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const [a, b] = [all[i]!, all[j]!];
        const deontics = new Set([a.bound.deontic, b.bound.deontic]);
        if (!(deontics.has("must") && deontics.has("must not"))) continue;
        if (a.bound.action.action !== b.bound.action.action || a.bound.action.action === "") continue;
        const overlap = subjectOverlap(a, b, [...model.states.keys()]);
        if (overlap.length === 0 || !argumentsCompatible(a.bound.action, b.bound.action)) continue;
        const who = overlap.length <= 3 ? overlap.map((s) => `\`${s}\``).join(", ") : `${overlap.length} states (${overlap.slice(0, 3).map((s) => `\`${s}\``).join(", ")}, …)`;
        ctx.report("NormConflict", b.file, b.decl.name.span, [a.qualified, b.qualified, who], {
          related: [{ file: a.file, span: a.decl.name.span, message: `\`${a.qualified}\` says they ${a.bound.deontic} ${a.bound.action.action}` }],
        });
      }
    }
  },
};

/** States bound by both; a subject bound by a trigger may be any state the trigger allows. */
function subjectOverlap(a: PrincipleInfo, b: PrincipleInfo, everyone: string[]): string[] {
  const of = (p: PrincipleInfo) => ("every" in p.bound.subject ? p.bound.subject.every : everyone);
  const bs = new Set(of(b));
  return of(a).filter((s) => bs.has(s));
}

function argumentsCompatible(x: BoundPattern, y: BoundPattern): boolean {
  for (const [name, p] of Object.entries(x.args)) {
    const q = y.args[name];
    if (q && !compatible(p, q)) return false;
  }
  return true;
}

function compatible(p: BoundArgument, q: BoundArgument): boolean {
  const states = (a: BoundArgument) => ("oneOf" in a ? a.oneOf : "every" in a ? a.every : undefined);
  const sp = states(p);
  const sq = states(q);
  if (sp && sq) return sp.some((s) => sq.includes(s));
  if ("literal" in p && "literal" in q) return p.literal === q.literal;
  return true;
}
