// Walks the bound conditions of every rule, for the checks that look at one comparison or veto.
import type { BodyInfo, BoundCondition, RuleInfo } from "../semantics/model.js";
import type { CheckContext } from "./check.js";

export function forEachCondition(ctx: CheckContext, visit: (c: BoundCondition, rule: RuleInfo, body: BodyInfo) => void): void {
  const walk = (c: BoundCondition, rule: RuleInfo, body: BodyInfo) => {
    visit(c, rule, body);
    if (c.kind === "and" || c.kind === "or") for (const o of c.operands) walk(o, rule, body);
    else if (c.kind === "not") walk(c.operand, rule, body);
  };
  for (const inst of ctx.model.institutions.values())
    for (const body of inst.bodies.values())
      for (const rule of body.rules.values()) if (isFirstBinding(rule, body)) walk(rule.condition, rule, body);
}

/**
 * A parameterised rule is checked in its first binding only: every binding has the same form,
 * and one mistake in the declaration gives one diagnostic, not one per state.
 */
export function isFirstBinding(rule: RuleInfo, body: BodyInfo): boolean {
  return !rule.binding || body.templates.get(rule.binding.rule)?.values[0] === rule.binding.value;
}
