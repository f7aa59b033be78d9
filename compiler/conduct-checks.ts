// Checks that run arrangements through the conduct engine: an arrangement between two parties
// that gives one of them what a principle of a shared institution owes to all members is a
// bilateral discriminatory arrangement (Kahler). The engine decides, so `mlat test` and this
// check cannot disagree about what a principle requires.
import { makeDiagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { Model } from "./semantics/model.js";
import type { RuleSet, PrincipleJson, InstitutionJson } from "./ruleset/types.js";
import { RULESET_FORMAT, RULESET_VERSION } from "./ruleset/types.js";
import { runConduct } from "./engine/conduct/principles.js";

export function conductChecks(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bilateral = [...model.arrangements.values()].filter((a) => a.parties.length === 2 && a.commitments.length > 0);
  if (bilateral.length === 0) return out;
  const arrangements = [...model.arrangements.values()].map((a) => ({ id: a.name, parties: a.parties, ...(a.kind ? { kind: a.kind } : {}), commitments: a.commitments }));
  const states = [...model.states.values()].map((s) => ({ id: s.name, attributes: {} }));
  for (const arr of bilateral) {
    for (const inst of model.institutions.values()) {
      if (!arr.parties.every((p) => inst.members.includes(p))) continue;
      // Only principles owed to every member (diffuse reciprocity) can be discriminated against.
      const principles: PrincipleJson[] = [...inst.principles.values()]
        .filter((p) => Object.values(p.resolved.action.args).some((a) => "every" in a))
        .map((p) => ({ id: p.qualified, name: p.name, ...p.resolved }));
      if (principles.length === 0) continue;
      const institution: InstitutionJson = { id: inst.name, members: inst.members, requires: [], bodies: [], admission: [], principles };
      const ruleset: RuleSet = { format: RULESET_FORMAT, version: RULESET_VERSION, states, groups: [], actions: [], institutions: [institution], arrangements, scenarios: [], assertions: [] };
      const { violations } = runConduct(ruleset, arr.commitments.map((event) => ({ kind: "event", event })));
      for (const v of violations) {
        if (v.kind !== "unmet obligation") continue;
        out.push(makeDiagnostic("BilateralDiscrimination", arr.file, arr.decl.name.span, [arr.name, arr.parties.join("` and `"), v.principle], {
          related: [{ file: inst.principles.get(v.principle.slice(inst.name.length + 1))?.file ?? arr.file, span: inst.principles.get(v.principle.slice(inst.name.length + 1))?.decl.name.span ?? arr.decl.name.span, message: v.reasons.join("; ") }],
        }));
        break;
      }
    }
  }
  return out;
}
