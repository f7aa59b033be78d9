// Kahler: an arrangement between two parties that gives one of them what a principle of a shared
// institution owes to every member is a bilateral discriminatory arrangement. The arrangement's
// commitments run through the conduct engine against those principles, so `mlat test` and this
// check cannot disagree about what a principle requires.
import { runConduct } from "../engine/index.js";
import { lowerFragment } from "../ruleset/lower.js";
import type { Check } from "./check.js";

export const bilateralDiscrimination: Check = {
  name: "bilateral-discrimination",
  run: (ctx) => {
    const model = ctx.model;
    const bilateral = [...model.arrangements.values()].filter((a) => a.parties.length === 2 && a.commitments.length > 0);
    for (const arr of bilateral) {
      for (const inst of model.institutions.values()) {
        if (!arr.parties.every((p) => inst.members.includes(p))) continue;
        // Only principles owed to every member (diffuse reciprocity) can be discriminated against.
        const owedToAll = [...inst.principles.values()].filter((p) => Object.values(p.bound.action.args).some((a) => "every" in a));
        if (owedToAll.length === 0) continue;
        const { ruleset } = lowerFragment(model, { principles: owedToAll.map((p) => p.qualified), arrangements: true });
        const { violations } = runConduct(ruleset, arr.commitments.map((event) => ({ kind: "event", event })));
        const unmet = violations.find((v) => v.kind === "unmet obligation");
        if (!unmet) continue;
        const principle = owedToAll.find((p) => p.qualified === unmet.principle);
        ctx.report("BilateralDiscrimination", arr.file, arr.decl.name.span, [arr.name, arr.parties.join("` and `"), unmet.principle], {
          related: [{ file: principle?.file ?? arr.file, span: principle?.decl.name.span ?? arr.decl.name.span, message: unmet.reasons.join("; ") }],
        });
      }
    }
  },
};
