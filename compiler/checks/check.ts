// The shape of a check: it runs after binding on the bound model and, when it needs the engine,
// on the lowered rule set (whose source map says where each part came from). Checks report what
// is wrong with a design whose names resolved; binding reports what keeps a name from resolving.
import type { DiagnosticKey, Severity } from "../diagnostics/codes.js";
import type { Fix, RelatedInformation } from "../diagnostics/diagnostic.js";
import type { Lowered } from "../ruleset/lower.js";
import type { Model } from "../semantics/model.js";
import type { Span } from "../text/span.js";

export interface CheckContext {
  readonly model: Model;
  /** The model lowered to a rule set, computed once and shared by every check (and by compile). */
  lowered(): Lowered;
  report(key: DiagnosticKey, file: string, span: Span, args?: (string | number)[], extra?: { related?: RelatedInformation[]; fixes?: Fix[]; severity?: Severity }): void;
}

export interface Check {
  /** The file name, for the stage table and the docs. */
  readonly name: string;
  readonly run: (ctx: CheckContext) => void;
}
