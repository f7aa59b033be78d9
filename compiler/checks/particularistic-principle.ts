// Ruggie: generalized principles name classes of states, not particular ones.
import type * as A from "../syntax/ast.js";
import type { Check } from "./check.js";

export const particularisticPrinciple: Check = {
  name: "particularistic-principle",
  run: (ctx) => {
    const model = ctx.model;
    for (const inst of model.institutions.values()) {
      for (const p of inst.principles.values()) {
        const named = new Map<string, A.Name>();
        const visit = (s: A.SetExpr) => {
          switch (s.kind) {
            case "ref":
              if (model.states.has(s.name.text) && !named.has(s.name.text)) named.set(s.name.text, s.name);
              break;
            case "setLiteral":
              for (const item of s.items) if (model.states.has(item.text) && !named.has(item.text)) named.set(item.text, item);
              break;
            case "setBinary":
              visit(s.left);
              visit(s.right);
              break;
            case "setParen":
              visit(s.inner);
              break;
            default:
              break;
          }
        };
        const d = p.decl;
        if (d.subject.kind === "every") visit(d.subject.set);
        for (const pattern of [d.trigger, d.action]) for (const arg of pattern?.args ?? []) if (arg.value.kind === "set" || arg.value.kind === "every") visit(arg.value.set);
        for (const [state, name] of named) ctx.report("ParticularisticPrinciple", p.file, name.span, [p.name, state]);
      }
    }
  },
};
