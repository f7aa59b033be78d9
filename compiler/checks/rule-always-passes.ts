// A rule that adopts a motion whatever the seats do, even when every seat votes no.
import type { Check } from "./check.js";
import { loweredRules } from "./lowered-rules.js";

export const ruleAlwaysPasses: Check = {
  name: "rule-always-passes",
  run: (ctx) => {
    for (const { info, form, uniform } of loweredRules(ctx)) {
      if ("error" in form || !form.exhaustive || !form.allWin || !uniform("abstain") || !uniform("absent")) continue;
      ctx.report("RuleAlwaysPasses", info.file, info.decl.name.span, [info.name, ": it adopts a motion even when every seat votes no"]);
    }
  },
};
