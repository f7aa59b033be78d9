// A rule that asks for more than there is to count: more yes votes than seats, more weight than
// the seats hold together, or more than 100%.
import { Rational } from "../numbers/rational.js";
import type { Check } from "./check.js";
import { forEachCondition } from "./conditions.js";

export const thresholdAboveTotal: Check = {
  name: "threshold-above-total",
  run: (ctx) => {
    forEachCondition(ctx, (c, rule, body) => {
      if (c.kind !== "compare" || "side" in c.right || body.seats.length === 0) return;
      if (c.op !== ">=" && c.op !== ">" && c.op !== "=") return;
      const right = c.right;
      let total: Rational;
      if (right.relative) total = Rational.ONE;
      else if (!c.left.weight) total = Rational.of(body.seats.length);
      else {
        const values = rule.weights.get(c.left.weight);
        if (!values || values.size !== body.seats.length) return;
        total = [...values.values()].reduce((a, b) => a.add(b), Rational.ZERO);
      }
      const impossible = c.op === ">" ? right.value.compare(total) >= 0 : right.value.compare(total) > 0;
      if (!impossible) return;
      const what = right.relative ? `${right.value.toPercent()} of the total` : right.value.toString();
      const of = right.relative ? "100%" : c.left.weight ? `${total.toString()} (${c.left.weight})` : `${total} seats`;
      ctx.report("ThresholdAboveTotal", rule.file, right.span, [what, of]);
    });
  },
};
