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
          for (const entry of item.entries) {
            const value = Rational.parse(entry.value.text);
            if (value && value.compare(Rational.ZERO) < 0) ctx.report("NegativeWeight", body.file, entry.value.span, [item.name.text, entry.key.text]);
          }
        }
      }
    }
  },
};
