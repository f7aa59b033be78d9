// `of voting` / `of present` say what a fraction is taken of; after a plain count they mean nothing.
import type { Check } from "./check.js";
import { forEachCondition } from "./conditions.js";

export const baseWithAbsoluteNumber: Check = {
  name: "base-with-absolute-number",
  run: (ctx) => {
    forEachCondition(ctx, (c, rule) => {
      if (c.kind !== "compare" || "side" in c.right || c.right.base === "all" || c.right.relative) return;
      ctx.report("BaseWithAbsoluteNumber", rule.file, c.right.span, [c.right.base, c.right.text]);
    });
  },
};
