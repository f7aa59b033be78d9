// Code actions: the quick fixes that come with diagnostics (did-you-mean, declare a missing state,
// add a missing weight) and the "extract group" refactoring on a set literal.
import type * as A from "../../syntax/ast.js";
import type { Diagnostic, Fix } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../text/span.js";

export interface CodeAction extends Fix {
  readonly kind: "quickfix" | "refactor.extract";
  /** The diagnostic the fix is for. */
  readonly diagnostic?: Diagnostic;
  readonly preferred?: boolean;
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

export function codeActions(ast: A.SourceFile, text: string, file: string, range: Span, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.file !== file || !overlaps(d.span, range)) continue;
    (d.fixes ?? []).forEach((f, i) => out.push({ ...f, kind: "quickfix", diagnostic: d, preferred: i === 0 }));
  }
  const literal = setLiteralAt(ast, range);
  if (literal && literal.items.length >= 2) {
    const decl = ast.declarations.find((d) => d.span.start <= literal.span.start && literal.span.end <= d.span.end);
    if (decl) {
      const taken = new Set(ast.declarations.map((d) => ("name" in d && typeof d.name === "object" && "text" in d.name ? d.name.text : "")));
      let name = "NewGroup";
      for (let i = 2; taken.has(name); i++) name = `NewGroup${i}`;
      const lineStart = text.lastIndexOf("\n", decl.span.start - 1) + 1;
      out.push({
        title: `Extract group \`${name}\``,
        kind: "refactor.extract",
        edits: [
          { file, span: { start: lineStart, end: lineStart }, newText: `group ${name} = ${text.slice(literal.span.start, literal.span.end)}\n\n` },
          { file, span: literal.span, newText: name },
        ],
      });
    }
  }
  return out;
}

function setLiteralAt(ast: A.SourceFile, range: Span): Extract<A.SetExpr, { kind: "setLiteral" }> | undefined {
  let found: Extract<A.SetExpr, { kind: "setLiteral" }> | undefined;
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { kind?: string; span?: Span } & Record<string, unknown>;
    if (n.kind === "setLiteral" && n.span && n.span.start <= range.start && range.end <= n.span.end) found = n as Extract<A.SetExpr, { kind: "setLiteral" }>;
    for (const [k, v] of Object.entries(n)) if (k !== "span" && v && typeof v === "object") visit(v);
  };
  for (const d of ast.declarations) if (d.kind !== "group") visit(d);
  return found;
}
