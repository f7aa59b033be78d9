// Go to definition, find references, document highlights and rename, across the workspace.
import type { DeclarationSite, Model, Reference } from "../../semantics/model.js";
import type { Span } from "../../text/span.js";
import { keywordWords } from "../../syntax/tokens.js";
import { kindOfId, symbolAt } from "./at-cursor.js";

export interface Location {
  readonly file: string;
  readonly span: Span;
}

export interface WorkspaceIndex {
  readonly declarations: readonly DeclarationSite[];
  readonly references: readonly Reference[];
}

export function definition(model: Model, file: string, offset: number): Location[] {
  const sym = symbolAt(model, file, offset);
  if (!sym) return [];
  const d = model.declarations.get(sym.id);
  if (!d) return [];
  // Attributes are "declared" on every state that has them; jump to the first.
  return [{ file: d.file, span: d.nameSpan }];
}

export function references(model: Model, index: WorkspaceIndex, file: string, offset: number, includeDeclaration: boolean): Location[] {
  const sym = symbolAt(model, file, offset);
  if (!sym) return [];
  return occurrences(index, sym.id, includeDeclaration);
}

function occurrences(index: WorkspaceIndex, id: string, includeDeclaration: boolean): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  const add = (l: Location) => {
    const k = `${l.file}:${l.span.start}:${l.span.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(l);
  };
  if (includeDeclaration) for (const d of index.declarations) if (d.id === id) add({ file: d.file, span: d.nameSpan });
  for (const r of index.references) if (r.id === id) add({ file: r.file, span: r.span });
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
}

export function documentHighlights(model: Model, file: string, offset: number): { span: Span; write: boolean }[] {
  const sym = symbolAt(model, file, offset);
  if (!sym) return [];
  const out: { span: Span; write: boolean }[] = [];
  const d = model.declarations.get(sym.id);
  if (d && d.file === file) out.push({ span: d.nameSpan, write: true });
  for (const r of model.references) if (r.id === sym.id && r.file === file && !(d && d.file === file && r.span.start === d.nameSpan.start)) out.push({ span: r.span, write: false });
  return out;
}

export function prepareRename(model: Model, file: string, offset: number): { span: Span; placeholder: string } | { error: string } {
  const sym = symbolAt(model, file, offset);
  if (!sym) return { error: "nothing to rename here: put the cursor on a name" };
  if (kindOfId(sym.id) === "scenario") return { error: "a scenario's name is a string: edit it directly" };
  if (!model.declarations.has(sym.id)) return { error: "this name is not declared in the workspace" };
  const text = sym.id.slice(sym.id.lastIndexOf(sym.id.includes(".") ? "." : ":") + 1);
  return { span: sym.span, placeholder: text };
}

export function rename(model: Model, index: WorkspaceIndex, file: string, offset: number, newName: string): { edits: { file: string; span: Span; newText: string }[] } | { error: string } {
  const prepared = prepareRename(model, file, offset);
  if ("error" in prepared) return prepared;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) return { error: `\`${newName}\` is not a name: use letters, digits and _` };
  if (keywordWords.includes(newName)) return { error: `\`${newName}\` is a keyword` };
  const sym = symbolAt(model, file, offset)!;
  const taken = index.declarations.some((d) => d.name === newName && sameScope(d.id, sym.id));
  if (taken) return { error: `\`${newName}\` is already declared` };
  return { edits: occurrences(index, sym.id, true).map((l) => ({ file: l.file, span: l.span, newText: newName })) };
}

/** Two ids share a scope when they name top-level things, or members of the same parent. */
function sameScope(a: string, b: string): boolean {
  const top = new Set(["state", "group", "action", "institution", "arrangement"]);
  const [ka, na] = [kindOfId(a), a.slice(a.indexOf(":") + 1)];
  const [kb, nb] = [kindOfId(b), b.slice(b.indexOf(":") + 1)];
  if (top.has(ka) && top.has(kb)) return true;
  const parent = (n: string) => n.slice(0, n.lastIndexOf("."));
  return ka === kb && parent(na) === parent(nb);
}
