// A rule under which one more yes can make a motion fail: reported when the engine finds such a
// vote by walking the rule's chains (so the warning always has a witness).
import type { Check } from "./check.js";
import { loweredRules } from "./lowered-rules.js";

export const nonMonotoneRule: Check = {
  name: "non-monotone-rule",
  run: (ctx) => {
    for (const { info, form } of loweredRules(ctx)) {
      if ("error" in form || !form.nonMonotone) continue;
      ctx.report("NonMonotoneRule", info.file, info.decl.name.span, [info.name]);
    }
  },
};
