// Analysis of a rule for the editor (hover, code lens, inlay hints): lowered from the model,
// computed lazily and cached until the program changes.
import type { Model, RuleInfo } from "../../semantics/model.js";
import type { AttributeJson, RuleSet, StateJson } from "../../ruleset/types.js";
import { RULESET_FORMAT, RULESET_VERSION } from "../../ruleset/types.js";
import { bodyJson, lowerCondition } from "../../ruleset/lower.js";
import { analyzeRule, AnalysisError, type RuleAnalysis } from "../../engine/analysis/analyze.js";

const cache = new WeakMap<Model, Map<string, RuleAnalysis | string>>();

/** The analysis, or the reason there is none (too large, incomplete rule). */
export function analysisOf(model: Model, rule: RuleInfo): RuleAnalysis | string {
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new Map()));
  const hit = perModel.get(rule.qualified);
  if (hit !== undefined) return hit;
  let result: RuleAnalysis | string;
  if (rule.incomplete) result = "the rule has errors";
  else {
    const [inst, bodyName] = rule.qualified.split(".");
    const body = model.institutions.get(inst!)?.bodies.get(bodyName!);
    if (!body) result = "the body is not known";
    else {
      const json = { ...bodyJson(body), rules: [] };
      const ruleJson = { id: rule.qualified, name: rule.name, text: "", condition: lowerCondition(rule.condition) };
      const ruleset: RuleSet = {
        format: RULESET_FORMAT,
        version: RULESET_VERSION,
        states: [...model.states.values()].map((s): StateJson => {
          const power = s.attributes.get("power");
          const attributes: Record<string, AttributeJson> = power && power.type === "name" ? { power: { type: "name", value: power.value } } : {};
          return { id: s.name, attributes };
        }),
        groups: [],
        actions: [],
        institutions: [],
        arrangements: [],
        scenarios: [],
        assertions: [],
      };
      try {
        result = analyzeRule(ruleset, json, ruleJson, { listLimit: 3 });
      } catch (e) {
        if (!(e instanceof AnalysisError)) throw e;
        result = e.message;
      }
    }
  }
  perModel.set(rule.qualified, result);
  return result;
}

export function findRuleInfo(model: Model, qualified: string): RuleInfo | undefined {
  const [inst, body, rule] = qualified.split(".");
  return model.institutions.get(inst!)?.bodies.get(body!)?.rules.get(rule!);
}
