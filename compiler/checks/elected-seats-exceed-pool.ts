// Elected seats are filled from the members that hold no other seat of the body: more elected
// seats than such members can never all be filled.
import type { Check } from "./check.js";

export const electedSeatsExceedPool: Check = {
  name: "elected-seats-exceed-pool",
  run: (ctx) => {
    for (const inst of ctx.model.institutions.values()) {
      if (inst.members.length === 0 || inst.membersPoisoned) continue;
      for (const body of inst.bodies.values()) {
        if (body.poisoned) continue;
        const seated = new Set(body.seats.flatMap((s) => (s.state ? [s.state] : (s.for ?? []))));
        const pool = inst.members.filter((m) => !seated.has(m)).length;
        for (const item of body.decl.items) {
          if (item.kind !== "seats" || !item.count || item.rotation) continue;
          const n = item.count.value;
          if (Number.isSafeInteger(n) && n > pool) ctx.report("ElectedSeatsExceedPool", body.file, item.count.span, [body.name, n, pool]);
        }
      }
    }
  },
};
