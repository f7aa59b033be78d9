// Checks that need each rule's voting game: a rule that can never pass or always passes, and
// non-monotone rules. They run on the lowered rule and the exact analysis, so the same semantics
// decide both the warnings and `mlat analyze`. Filled in with the analysis engine.
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { Model } from "./semantics/model.js";

export function ruleChecks(_model: Model): Diagnostic[] {
  return [];
}
