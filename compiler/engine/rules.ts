// Finding rules in a rule set by their qualified name (INSTITUTION.BODY.RULE, or INSTITUTION.BODY.RULE(STATE)
// for one binding of a parameterised rule).
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

/** The rule of that id or, for a parameterised rule named without a binding, every binding of it. */
export function rulesNamed(ruleset: RuleSet, id: string): { body: BodyJson; rule: RuleJson }[] {
  const one = findRule(ruleset, id);
  if (one) return [one];
  return allRules(ruleset).filter(({ body, rule }) => rule.binding !== undefined && `${body.id}.${rule.binding.rule}` === id);
}
