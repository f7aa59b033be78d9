// text → { ast, diagnostics }. Never throws.
// The token stream is cut into one chunk per top-level declaration (at `state`, `group`,
// `institution` … when not inside parentheses, or at the start of a line) and each chunk is
// parsed on its own: a mistake in one declaration cannot swallow the next one, and each chunk
// reports at most one syntax error, so one mistake gives one error.
import type { IRecognitionException, IToken, TokenType } from "chevrotain";
import type * as A from "./ast.js";
import { AstBuilder } from "./cst-to-ast.js";
import { lex } from "./lexer.js";
import { declarationStarters, parser } from "./parser.js";
import * as T from "./tokens.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { describeExpected, describeFound } from "./token-names.js";

export const MAX_NESTING = 200;

export interface ParseResult {
  readonly ast: A.SourceFile;
  readonly diagnostics: Diagnostic[];
  readonly comments: readonly IToken[];
  readonly tokenCount: number;
}

const topLevelStarters = new Set<TokenType>(declarationStarters);

export function parse(text: string, file: string): ParseResult {
  const lexed = lex(text, file);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const builder = new AstBuilder(file);
  const declarations: A.Declaration[] = [];
  for (const chunk of chunks(lexed.tokens, text)) {
    const tooDeep = findTooDeep(chunk);
    if (tooDeep) {
      diagnostics.push(makeDiagnostic("NestingTooDeep", file, { start: tooDeep.startOffset, end: tooDeep.startOffset + tooDeep.image.length }, [MAX_NESTING]));
      continue;
    }
    parser.input = chunk;
    const cst = parser.file();
    const first = parser.errors[0];
    if (first) diagnostics.push(syntaxDiagnostic(first, file, text));
    if (cst) declarations.push(...builder.sourceFile(cst, text.length).declarations);
  }
  attachDocs(declarations, lexed.comments, text);
  parser.input = [];
  return {
    ast: { kind: "file", file, declarations, span: { start: 0, end: text.length } },
    diagnostics,
    comments: lexed.comments,
    tokenCount: lexed.tokens.length,
  };
}

function chunks(tokens: IToken[], text: string): IToken[][] {
  const out: IToken[][] = [];
  let current: IToken[] = [];
  let parens = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (topLevelStarters.has(t.tokenType) && current.length > 0 && (parens <= 0 || startsLine(t, text))) {
      out.push(current);
      current = [];
      parens = 0;
    }
    if (t.tokenType === T.LParen) parens++;
    else if (t.tokenType === T.RParen) parens--;
    current.push(t);
  }
  if (current.length) out.push(current);
  return out;
}

function startsLine(t: IToken, text: string): boolean {
  for (let i = t.startOffset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

function findTooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === T.LParen || t.tokenType === T.LCurly) {
      if (++depth > MAX_NESTING) return t;
    } else if (t.tokenType === T.RParen || t.tokenType === T.RCurly) depth--;
  }
  return undefined;
}

function syntaxDiagnostic(e: IRecognitionException, file: string, text: string): Diagnostic {
  const t = e.token;
  const atEnd = !t || t.tokenType.name === "EOF" || Number.isNaN(t.startOffset);
  const prev = (e as { previousToken?: IToken }).previousToken;
  let span;
  if (!atEnd) span = { start: t.startOffset, end: t.startOffset + t.image.length };
  else if (prev && !Number.isNaN(prev.startOffset)) span = { start: prev.startOffset + prev.image.length, end: prev.startOffset + prev.image.length };
  else span = { start: text.length, end: text.length };
  const found = atEnd ? "the end of the declaration" : describeFound(t);
  const expected = describeExpected(e);
  const message = expected ? `expected ${expected}, found ${found}` : `unexpected ${found}`;
  return makeDiagnostic("SyntaxError", file, span, [message]);
}

const docKinds = new Set(["state", "group", "action", "institution", "arrangement", "scenario", "assert", "body", "rule", "principle", "weight", "seats", "members"]);

/** Attaches each run of `///` lines to the declaration that starts right after it. */
function attachDocs(declarations: readonly A.Declaration[], comments: readonly IToken[], text: string): void {
  const docs = new Map<number, string>();
  let run: string[] = [];
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i]!;
    if (c.tokenType !== T.DocComment) continue;
    run.push(c.image.slice(3).replace(/^ /, ""));
    const end = c.startOffset + c.image.length;
    const next = comments[i + 1];
    const nextIsAdjacentDoc = next && next.tokenType === T.DocComment && /^\s*$/.test(text.slice(end, next.startOffset));
    if (!nextIsAdjacentDoc) {
      let j = end;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      docs.set(j, run.join("\n").trimEnd());
      run = [];
    }
  }
  if (docs.size === 0) return;
  const visit = (node: { kind?: string; span?: A.Declaration["span"]; items?: readonly unknown[] }) => {
    if (node.kind && docKinds.has(node.kind) && node.span && docs.has(node.span.start)) {
      (node as { doc?: string }).doc = docs.get(node.span.start);
    }
    for (const item of node.items ?? []) visit(item as typeof node);
  };
  for (const d of declarations) visit(d as Parameters<typeof visit>[0]);
}
