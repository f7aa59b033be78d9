// Analysis of a rule for the editor (hover, code lens, inlay hints, "Analyze rule"): the rule is
// lowered with `lowerFragment`, exactly as `mlat compile` lowers it, and analysed by the same
// engine function as `mlat analyze`, so both give the same answer. Computed lazily, cached until
// the program changes.
import type { Model, RuleInfo, RuleTemplate } from "../../semantics/model.js";
import { lowerFragment } from "../../ruleset/lower.js";
import { analyzeRule, AnalysisError, findRule, type RuleAnalysis } from "../../engine/index.js";
import type { RuleSet } from "../../ruleset/types.js";

const cache = new WeakMap<Model, Map<string, RuleAnalysis | string>>();

/**
 * The editor's budget, in the dispatcher's work units (about two seconds): a hover or a code lens
 * never holds the server longer; past it the answer says to run `mlat analyze` (which allows
 * about ten times more, and `--exact` all).
 */
export const EDITOR_WORK_LIMIT = 6e8;

/** The analysis, or the reason there is none (too large, incomplete rule). */
/**
 * A rule's analysis to be computed elsewhere (the language server runs it in a worker, so that an
 * edit can cancel it): the lowered fragment, the rule and the options, and where the answer goes.
 */
export interface AnalysisJob {
  readonly ruleset: RuleSet;
  readonly rule: string;
  readonly options: { readonly listLimit: number; readonly workLimit: number };
  /** Stores the answer, so that the hover or command that asked finds it. */
  readonly provide: (result: RuleAnalysis | string) => void;
}

/** The job that would compute the rule's analysis, or undefined when it is known already (or has none to compute). */
export function analysisJob(model: Model, rule: RuleInfo, listLimit = 3): AnalysisJob | undefined {
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new Map()));
  const store = perModel;
  const key = `${rule.qualified}#${listLimit}`;
  if (store.has(key)) return undefined;
  if (rule.incomplete || rule.poisoned) {
    store.set(key, "the rule has errors");
    return undefined;
  }
  const { ruleset } = lowerFragment(model, { rules: [rule.qualified] });
  if (!findRule(ruleset, rule.qualified)) {
    store.set(key, "the body is not known");
    return undefined;
  }
  return { ruleset, rule: rule.qualified, options: { listLimit, workLimit: EDITOR_WORK_LIMIT }, provide: (result) => store.set(key, result) };
}

/** Runs a job here, on this thread (what a worker does with it). */
export function runAnalysisJob(job: Pick<AnalysisJob, "ruleset" | "rule" | "options">): RuleAnalysis | string {
  const found = findRule(job.ruleset, job.rule);
  if (!found) return "the body is not known";
  try {
    return analyzeRule(job.ruleset, found.body, found.rule, job.options);
  } catch (e) {
    if (!(e instanceof AnalysisError)) throw e;
    return e.message;
  }
}

export function analysisOf(model: Model, rule: RuleInfo, listLimit = 3): RuleAnalysis | string {
  const job = analysisJob(model, rule, listLimit);
  if (job) job.provide(runAnalysisJob(job));
  return cache.get(model)!.get(`${rule.qualified}#${listLimit}`)!;
}

export function findRuleInfo(model: Model, qualified: string): RuleInfo | undefined {
  const [inst, bodyName, rule] = qualified.split(".");
  const body = model.institutions.get(inst!)?.bodies.get(bodyName!);
  // A parameterised rule by its declared name: its first binding stands for it.
  const template = body?.templates.get(rule!);
  return body?.rules.get(template ? `${rule}(${template.values[0]})` : rule!);
}

/** A parameterised rule by its declared name (INSTITUTION.BODY.RULE). */
export function findTemplate(model: Model, qualified: string): RuleTemplate | undefined {
  const [inst, body, rule] = qualified.split(".");
  return model.institutions.get(inst!)?.bodies.get(body!)?.templates.get(rule!);
}
