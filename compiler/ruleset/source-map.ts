// Where each part of a lowered rule set came from: rule-set paths (`$.institutions[0].bodies[1].rules[2]`)
// and symbol ids (`rule:UN.SecurityCouncil.substantive`) → file and span. Checks that run on the
// rule set through the engine report their findings at these spans.
import type { Span } from "../text/span.js";

export interface SourceSpan {
  readonly file: string;
  /** The whole declaration. */
  readonly span: Span;
  /** Its name, where diagnostics about it point. */
  readonly nameSpan: Span;
}

export class SourceMap {
  private readonly byPath = new Map<string, SourceSpan>();
  private readonly pathById = new Map<string, string>();

  add(path: string, id: string, where: SourceSpan): void {
    this.byPath.set(path, where);
    if (!this.pathById.has(id)) this.pathById.set(id, path);
  }

  /** By rule-set path, e.g. `$.institutions[0].bodies[0].rules[1]`. */
  at(path: string): SourceSpan | undefined {
    return this.byPath.get(path);
  }

  /** The rule-set path of a symbol, e.g. `rule:EEC.Council.qualified`. */
  pathOf(id: string): string | undefined {
    return this.pathById.get(id);
  }

  /** By symbol id, e.g. `rule:EEC.Council.qualified` or `arrangement:SideDeal`. */
  of(id: string): SourceSpan | undefined {
    const p = this.pathById.get(id);
    return p === undefined ? undefined : this.byPath.get(p);
  }

  get size(): number {
    return this.byPath.size;
  }
}
