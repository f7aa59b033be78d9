// What symbol is at an offset: a declaration's name or a resolved reference.
import type { Model } from "../../semantics/model.js";
import type { Span } from "../../text/span.js";

export interface SymbolAt {
  readonly id: string;
  readonly span: Span;
  readonly isDeclaration: boolean;
}

const inside = (s: Span, offset: number) => s.start <= offset && offset <= s.end && s.end > s.start;

export function symbolAt(model: Model, file: string, offset: number): SymbolAt | undefined {
  for (const d of model.declarations.values()) if (d.file === file && inside(d.nameSpan, offset)) return { id: d.id, span: d.nameSpan, isDeclaration: true };
  // The narrowest reference wins (a reference inside a qualified name).
  let best: SymbolAt | undefined;
  for (const r of model.references) {
    if (r.file !== file || !inside(r.span, offset)) continue;
    if (!best || r.span.end - r.span.start < best.span.end - best.span.start) best = { id: r.id, span: r.span, isDeclaration: false };
  }
  return best;
}

export function kindOfId(id: string): string {
  return id.slice(0, id.indexOf(":"));
}

export function nameOfId(id: string): string {
  return id.slice(id.indexOf(":") + 1);
}
