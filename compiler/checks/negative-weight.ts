// Weights count votes, shares or population: a negative entry in a weight table is a mistake.
import { Rational } from "../numbers/rational.js";
import type { Check } from "./check.js";

export const negativeWeight: Check = {
  name: "negative-weight",
  run: (ctx) => {
    for (const inst of ctx.model.institutions.values()) {
      for (const body of inst.bodies.values()) {
        for (const item of body.decl.items) {
          if (item.kind !== "weight") continue;
          if (item.formula) {
            // A formula's values, seat by seat: the first negative one is reported at the formula.
            const table = body.weightTables.get(item.name.text);
            const negative = table && [...table].find(([, v]) => v.compare(Rational.ZERO) < 0);
            if (negative) ctx.report("NegativeWeight", body.file, item.formula.span, [item.name.text, negative[0]]);
            continue;
          }
          for (const entry of item.entries) {
            const value = Rational.parse(entry.value.text);
            if (value && value.compare(Rational.ZERO) < 0) ctx.report("NegativeWeight", body.file, entry.value.span, [item.name.text, entry.key.text]);
          }
        }
      }
    }
  },
};
