// The rules as the engine sees them: each lowered rule with its body, its bound form and where it
// was written, and the engine's verdict on its form (computed once, shared by the rule checks).
import { adopts, ruleCheckFacts, type Ballot, type RuleForm } from "../engine/index.js";
import type { BodyJson, RuleJson } from "../ruleset/types.js";
import type { RuleInfo } from "../semantics/model.js";
import { Rational } from "../numbers/rational.js";
import type { CheckContext } from "./check.js";
import { isFirstBinding } from "./conditions.js";

export interface LoweredRule {
  readonly body: BodyJson;
  readonly rule: RuleJson;
  readonly info: RuleInfo;
  /** The engine's findings about its form, or why its game cannot be built. */
  readonly form: RuleForm | { readonly error: string };
  /** Why `mlat analyze` would refuse the rule (from the same game as `form`). */
  readonly problem: () => string | undefined;
  /** Whether a motion is adopted when every seat casts this ballot. */
  readonly uniform: (b: Ballot) => boolean;
}

const cache = new WeakMap<CheckContext, LoweredRule[]>();

/** Rules that can be judged: bound without errors, in a body that has seats. */
export function loweredRules(ctx: CheckContext): readonly LoweredRule[] {
  let out = cache.get(ctx);
  if (out) return out;
  out = [];
  const { ruleset } = ctx.lowered();
  for (const inst of ruleset.institutions) {
    const instInfo = ctx.model.institutions.get(inst.id);
    for (const body of inst.bodies) {
      if (body.seats.length === 0) continue;
      const bodyInfo = instInfo?.bodies.get(body.name);
      for (const rule of body.rules) {
        const info = bodyInfo?.rules.get(rule.name);
        // A rule counting a negative weight has an error already (negative-weight.ts).
        if (!info || info.poisoned || !isFirstBinding(info, bodyInfo!) || [...info.weights.values()].some((t) => [...t.values()].some((v) => v.compare(Rational.ZERO) < 0))) continue;
        const uniform = (b: Ballot) => adopts(body, rule, new Map(body.seats.map((s) => [s.id, b])));
        const facts = ruleCheckFacts(body, rule);
        out.push({ body, rule, info, form: facts.form, problem: facts.problem, uniform });
      }
    }
  }
  cache.set(ctx, out);
  return out;
}
