// Analysis of a rule for the editor (hover, code lens, inlay hints, "Analyze rule"): the rule is
// lowered with `lowerFragment`, exactly as `mlat compile` lowers it, and analysed by the same
// engine function as `mlat analyze`, so both give the same answer. Computed lazily, cached until
// the program changes.
import type { Model, RuleInfo } from "../../semantics/model.js";
import { lowerFragment } from "../../ruleset/lower.js";
import { analyzeRule, AnalysisError, findRule, type RuleAnalysis } from "../../engine/index.js";

const cache = new WeakMap<Model, Map<string, RuleAnalysis | string>>();

/**
 * The editor's budget, in the dispatcher's work units (about two seconds): a hover or a code lens
 * never holds the server longer; past it the answer says to run `mlat analyze` (which allows
 * about ten times more, and `--exact` all).
 */
export const EDITOR_WORK_LIMIT = 6e8;

/** The analysis, or the reason there is none (too large, incomplete rule). */
export function analysisOf(model: Model, rule: RuleInfo, listLimit = 3): RuleAnalysis | string {
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new Map()));
  const key = `${rule.qualified}#${listLimit}`;
  const hit = perModel.get(key);
  if (hit !== undefined) return hit;
  let result: RuleAnalysis | string;
  if (rule.incomplete || rule.poisoned) result = "the rule has errors";
  else {
    const { ruleset } = lowerFragment(model, { rules: [rule.qualified] });
    const found = findRule(ruleset, rule.qualified);
    if (!found) result = "the body is not known";
    else {
      try {
        result = analyzeRule(ruleset, found.body, found.rule, { listLimit, workLimit: EDITOR_WORK_LIMIT });
      } catch (e) {
        if (!(e instanceof AnalysisError)) throw e;
        result = e.message;
      }
    }
  }
  perModel.set(key, result);
  return result;
}

export function findRuleInfo(model: Model, qualified: string): RuleInfo | undefined {
  const [inst, bodyName, rule] = qualified.split(".");
  const body = model.institutions.get(inst!)?.bodies.get(bodyName!);
  // A parameterised rule by its declared name: its first binding stands for it.
  const template = body?.templates.get(rule!);
  return body?.rules.get(template ? `${rule}(${template.values[0]})` : rule!);
}
