// Folding ranges (declarations and comment blocks over several lines) and selection ranges
// (the chain of AST nodes around the cursor, innermost first).
import type * as A from "../../syntax/ast.js";
import type { Span } from "../../text/span.js";
import type { IToken } from "chevrotain";

export function foldingRanges(file: A.SourceFile, comments: readonly IToken[]): { span: Span; kind: "region" | "comment" }[] {
  const out: { span: Span; kind: "region" | "comment" }[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as { kind?: string; span?: Span; items?: unknown[]; declarations?: unknown[] };
    if (n.span && (n.kind === "institution" || n.kind === "body" || n.kind === "scenario" || n.kind === "arrangement" || n.kind === "principle" || n.kind === "state" || n.kind === "group" || n.kind === "weight")) out.push({ span: n.span, kind: "region" });
    for (const c of n.items ?? []) walk(c);
    for (const c of n.declarations ?? []) walk(c);
  };
  walk(file);
  // Runs of line comments.
  let run: IToken[] = [];
  const flush = () => {
    if (run.length > 1) out.push({ span: { start: run[0]!.startOffset, end: run[run.length - 1]!.startOffset + run[run.length - 1]!.image.length }, kind: "comment" });
    run = [];
  };
  for (const c of comments) {
    const prev = run[run.length - 1];
    if (prev && c.startOffset - (prev.startOffset + prev.image.length) > 4) flush();
    run.push(c);
  }
  flush();
  return out;
}

/** Spans containing the offset, from the innermost node out to the whole declaration. */
export function selectionChain(file: A.SourceFile, offset: number): Span[] {
  const chain: Span[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    const n = node as Record<string, unknown> & { span?: Span };
    if (n.span && typeof n.span === "object" && "start" in n.span) {
      if (offset < n.span.start || offset > n.span.end) return;
      if (!chain.length || chain[chain.length - 1]!.start !== n.span.start || chain[chain.length - 1]!.end !== n.span.end) chain.push(n.span);
    }
    for (const [k, v] of Object.entries(n)) if (k !== "span" && v && typeof v === "object") visit(v);
  };
  for (const d of file.declarations) visit(d);
  // Keep only properly nested spans, innermost first.
  const nested = chain.filter((s, i) => chain.slice(i + 1).every((inner) => inner.start >= s.start && inner.end <= s.end));
  return nested.reverse();
}
