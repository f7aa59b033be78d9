// Keohane: multilateralism is coordinating policies in groups of three or more states.
import type { Check } from "./check.js";

export const tooFewMembers: Check = {
  name: "too-few-members",
  run: (ctx) => {
    const model = ctx.model;
    for (const inst of model.institutions.values()) {
      const hasMembers = inst.decl.items.some((i) => i.kind === "members");
      if (!hasMembers || inst.members.length >= 3 || inst.membersPoisoned) continue;
      const n = inst.members.length;
      ctx.report("TooFewMembers", inst.file, inst.decl.name.span, [inst.name, n === 0 ? "no members" : n === 1 ? "one member" : "two members"]);
    }
  },
};
