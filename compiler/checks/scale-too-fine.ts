// A rule that `mlat analyze` would refuse: no exact method can count its game.
import type { Check } from "./check.js";
import { loweredRules } from "./lowered-rules.js";

export const scaleTooFine: Check = {
  name: "scale-too-fine",
  run: (ctx) => {
    for (const { info, form, problem: why } of loweredRules(ctx)) {
      const problem = "error" in form ? form.error : why();
      if (problem) ctx.report("ScaleTooFine", info.file, info.decl.name.span, [info.name, problem]);
    }
  },
};
