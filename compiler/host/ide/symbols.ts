// The outline of a file (document symbols) and the workspace's symbols, from the AST.
import type * as A from "../../syntax/ast.js";
import type { Span } from "../../text/span.js";
import type { DeclarationSite } from "../../semantics/model.js";

export type OutlineKind = "state" | "group" | "action" | "institution" | "body" | "rule" | "seatClass" | "weight" | "principle" | "arrangement" | "scenario" | "assert" | "members";

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  readonly span: Span;
  readonly selection: Span;
  readonly children: readonly OutlineSymbol[];
}

export function outline(file: A.SourceFile): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const d of file.declarations) {
    switch (d.kind) {
      case "use":
        break;
      case "state":
      case "group":
      case "action":
      case "arrangement":
        if (d.name.text) out.push({ name: d.name.text, ...(d.kind === "state" && d.title ? { detail: d.title } : {}), kind: d.kind, span: d.span, selection: d.name.span, children: [] });
        break;
      case "institution":
        if (!d.name.text) break;
        out.push({ name: d.name.text, ...(d.title ? { detail: d.title } : {}), kind: "institution", span: d.span, selection: d.name.span, children: d.items.flatMap(institutionItem) });
        break;
      case "scenario":
        out.push({ name: d.name.text || "scenario", kind: "scenario", span: d.span, selection: d.name.span, children: [] });
        break;
      case "assert":
        out.push({ name: `assert ${d.target.parts.map((p) => p.text).join(".")}`, kind: "assert", span: d.span, selection: d.target.span, children: [] });
        break;
    }
  }
  return out;
}

function institutionItem(i: A.InstitutionItem): OutlineSymbol[] {
  switch (i.kind) {
    case "body":
      if (!i.name.text) return [];
      return [{ name: i.name.text, ...(i.title ? { detail: i.title } : {}), kind: "body", span: i.span, selection: i.name.span, children: i.items.flatMap(bodyItem) }];
    case "principle":
      return i.name.text ? [{ name: i.name.text, ...(i.title ? { detail: i.title } : {}), kind: "principle", span: i.span, selection: i.name.span, children: [] }] : [];
    default:
      return [];
  }
}

function bodyItem(i: A.BodyItem): OutlineSymbol[] {
  switch (i.kind) {
    case "rule":
      return i.name.text ? [{ name: i.name.text, ...(i.title ? { detail: i.title } : {}), kind: "rule", span: i.span, selection: i.name.span, children: [] }] : [];
    case "weight":
      return i.name.text ? [{ name: i.name.text, kind: "weight", span: i.span, selection: i.name.span, children: [] }] : [];
    case "seats":
      return i.seatClass?.text ? [{ name: i.seatClass.text, detail: i.rotation ? `${i.count!.value} votes in rotation` : i.count ? `${i.count.value} elected seats` : "seat class", kind: "seatClass", span: i.span, selection: i.seatClass.span, children: [] }] : [];
    case "constituency":
      return i.name.text ? [{ name: i.name.text, detail: "constituency", kind: "seatClass", span: i.span, selection: i.name.span, children: [] }] : [];
    case "quorum":
      return [];
  }
}

/** Workspace symbols whose name contains the query's letters in order (case-insensitive). */
export function workspaceSymbols(declarations: readonly DeclarationSite[], query: string, limit = 200): DeclarationSite[] {
  const q = query.toLowerCase();
  const matches = (name: string) => {
    let i = 0;
    for (const c of name.toLowerCase()) if (c === q[i]) i++;
    return i === q.length;
  };
  const seen = new Set<string>();
  return declarations
    .filter((d) => d.kind !== "attribute" && d.kind !== "parameter" && matches(d.name))
    .filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)))
    .sort((a, b) => (a.name.toLowerCase().startsWith(q) ? 0 : 1) - (b.name.toLowerCase().startsWith(q) ? 0 : 1) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
