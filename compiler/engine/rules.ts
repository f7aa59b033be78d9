// Finding rules in a rule set by their qualified name (INSTITUTION.BODY.RULE).
import type { BodyJson, RuleJson, RuleSet } from "../ruleset/types.js";

export function findRule(ruleset: RuleSet, id: string): { body: BodyJson; rule: RuleJson } | undefined {
  for (const inst of ruleset.institutions)
    for (const body of inst.bodies)
      for (const rule of body.rules) if (rule.id === id) return { body, rule };
  return undefined;
}

export function allRules(ruleset: RuleSet): { body: BodyJson; rule: RuleJson }[] {
  return ruleset.institutions.flatMap((i) => i.bodies.flatMap((body) => body.rules.map((rule) => ({ body, rule }))));
}
