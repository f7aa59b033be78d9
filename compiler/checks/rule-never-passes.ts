// A rule under which no way of voting — yes, no, abstaining or staying away — adopts a motion.
import type { Check } from "./check.js";
import { loweredRules } from "./lowered-rules.js";

export const ruleNeverPasses: Check = {
  name: "rule-never-passes",
  run: (ctx) => {
    for (const { info, form, uniform } of loweredRules(ctx)) {
      if ("error" in form || !form.exhaustive || form.someWins || uniform("abstain") || uniform("absent")) continue;
      ctx.report("RuleNeverPasses", info.file, info.decl.name.span, [info.name, ": no way of voting adopts a motion"]);
    }
  },
};
