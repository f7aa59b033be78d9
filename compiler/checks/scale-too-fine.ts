// A rule that `mlat analyze` would refuse: no exact method can count its game.
import { exactAnalysisProblem } from "../engine/index.js";
import type { Check } from "./check.js";
import { loweredRules } from "./lowered-rules.js";

export const scaleTooFine: Check = {
  name: "scale-too-fine",
  run: (ctx) => {
    for (const { body, rule, info, form } of loweredRules(ctx)) {
      const problem = "error" in form ? form.error : exactAnalysisProblem(body, rule);
      if (problem) ctx.report("ScaleTooFine", info.file, info.decl.name.span, [info.name, problem]);
    }
  },
};
