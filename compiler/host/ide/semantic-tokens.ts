// Semantic tokens: every name coloured by what it resolves to (a state, a group, a rule…),
// keywords, numbers, strings and comments from the lexer.
import type { IToken } from "chevrotain";
import type { Model } from "../../semantics/model.js";
import * as T from "../../syntax/tokens.js";
import { kindOfId } from "./at-cursor.js";

/** The legend: index = token type number. Standard LSP type names, so every theme colours them. */
export const tokenTypes = ["namespace", "class", "function", "enumMember", "type", "property", "event", "macro", "parameter", "variable", "keyword", "number", "string", "comment", "operator"] as const;
export const tokenModifiers = ["declaration", "documentation"] as const;

const byKind: Record<string, (typeof tokenTypes)[number]> = {
  institution: "namespace",
  body: "class",
  rule: "function",
  state: "enumMember",
  group: "type",
  seatClass: "property",
  weight: "property",
  attribute: "property",
  action: "event",
  principle: "macro",
  parameter: "parameter",
  arrangement: "namespace",
};

export interface SemanticToken {
  readonly start: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

export function semanticTokens(model: Model, file: string, tokens: readonly IToken[], comments: readonly IToken[]): SemanticToken[] {
  const named = new Map<number, { type: string; declaration: boolean }>();
  for (const r of model.references) if (r.file === file) named.set(r.span.start, { type: byKind[kindOfId(r.id)] ?? "variable", declaration: false });
  for (const d of model.declarations.values()) if (d.file === file && byKind[d.kind]) named.set(d.nameSpan.start, { type: byKind[d.kind]!, declaration: true });
  const out: SemanticToken[] = [];
  const push = (t: IToken, type: string, modifiers = 0) => out.push({ start: t.startOffset, length: t.image.length, type: tokenTypes.indexOf(type as (typeof tokenTypes)[number]), modifiers });
  for (const t of tokens) {
    const n = named.get(t.startOffset);
    if (n && (t.tokenType === T.Identifier || T.keywords.includes(t.tokenType))) push(t, n.type, n.declaration ? 1 : 0);
    else if (T.keywords.includes(t.tokenType)) push(t, "keyword");
    else if (t.tokenType === T.Integer || t.tokenType === T.Decimal || t.tokenType === T.Percent) push(t, "number");
    else if (t.tokenType === T.StringLiteral || t.tokenType === T.UnterminatedString) push(t, "string");
    else if (t.tokenType === T.Identifier) push(t, "variable");
  }
  for (const c of comments) push(c, "comment", c.tokenType === T.DocComment ? 2 : 0);
  return out.sort((a, b) => a.start - b.start);
}
