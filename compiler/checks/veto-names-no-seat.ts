// `veto S` where S holds no seat of the body: the veto can never be used.
import type { Check } from "./check.js";
import { forEachCondition } from "./conditions.js";

export const vetoNamesNoSeat: Check = {
  name: "veto-names-no-seat",
  run: (ctx) => {
    forEachCondition(ctx, (c, rule, body) => {
      if (c.kind !== "veto" || c.seats.length > 0 || c.poisoned || body.poisoned) return;
      ctx.report("VetoNamesNoSeat", rule.file, c.setSpan, [c.label, `${body.institution}.${body.name}`]);
    });
  },
};
