// A group that evaluates to nobody makes every rule or principle over it vacuous.
import type { Check } from "./check.js";

export const emptyGroup: Check = {
  name: "empty-group",
  run: (ctx) => {
    const model = ctx.model;
    for (const g of model.groups.values()) {
      if (g.members.length === 0 && !g.erroneous) ctx.report("EmptyGroup", g.file, g.decl.name.span, [g.name]);
    }
  },
};
