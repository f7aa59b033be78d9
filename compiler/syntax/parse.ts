// text → { ast, diagnostics }. Never throws.
// The token stream is cut into one chunk per top-level declaration (at `state`, `group`,
// `institution` … when not inside parentheses, or at the start of a line) and each chunk is
// parsed on its own: a mistake in one declaration cannot swallow the next one, and each chunk
// reports at most one syntax error, so one mistake gives one error.
import type { IRecognitionException, IToken, TokenType } from "chevrotain";
import type * as A from "./ast.js";
import { Scanner } from "./lexer.js";
import { declarationStarters, theParser } from "./parser.js";
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
  const parser = theParser();
  const scanner = new Scanner(text, file);
  const syntax: Diagnostic[] = [];
  const declarations: A.Declaration[] = [];
  let tokenCount = 0;
  // Tokens are scanned one declaration ahead and dropped after it is parsed: they never all
  // live at once, which on a large design saves more time than scanning them takes.
  let next = scanner.next();
  while (next) {
    const chunk: IToken[] = [];
    let parens = 0;
    let braces = 0;
    do {
      chunk.push(next);
      if (next.tokenType === T.LParen) parens++;
      else if (next.tokenType === T.RParen) parens--;
      else if (next.tokenType === T.LCurly) braces++;
      else if (next.tokenType === T.RCurly) braces--;
      next = scanner.next();
      // A declaration word starts the next declaration — unless it is a name followed by `:` (an
      // attribute called `group`), or it sits inside brackets on a line it does not start (a
      // missing `}` still ends at the next line that starts a declaration).
    } while (next && !(topLevelStarters.has(next.tokenType) && !followedByColon(next, text) && ((parens <= 0 && braces <= 0) || startsLine(next, text))));
    tokenCount += chunk.length;
    const tooDeep = findTooDeep(chunk);
    if (tooDeep) {
      const { token: t, chain } = tooDeep;
      syntax.push(makeDiagnostic(chain ? "ExpressionTooLong" : "NestingTooDeep", file, { start: t.startOffset, end: t.startOffset + t.image.length }, [chain ? MAX_CHAIN : MAX_NESTING]));
      continue;
    }
    parser.input = chunk;
    const parsed = parser.file();
    const first = parser.errors[0];
    if (first) syntax.push(syntaxDiagnostic(first, file, text));
    if (parsed) for (const d of parsed) declarations.push(d);
  }
  attachDocs(declarations, scanner.comments, text);
  parser.input = [];
  return {
    ast: { kind: "file", file, declarations, span: { start: 0, end: text.length } },
    diagnostics: [...scanner.diagnostics(), ...syntax],
    comments: scanner.comments,
    tokenCount,
  };
}

function followedByColon(t: IToken, text: string): boolean {
  for (let i = t.startOffset + t.image.length; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) return true; // ':'
    if (c !== 32 && c !== 9) return false;
  }
  return false;
}

function startsLine(t: IToken, text: string): boolean {
  for (let i = t.startOffset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Operands one chain of `+`, `-`, `&` may have (a longer chain is generated text, not a design). */
export const MAX_CHAIN = 1000;

/**
 * Nesting the parser and every walker of the tree can take: parentheses and braces, plus a run of
 * `not`s (each is one more level); and chains of set operators (each is one level of the tree).
 */
function findTooDeep(tokens: IToken[]): { token: IToken; chain: boolean } | undefined {
  let depth = 0;
  let nots = 0;
  let chain = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LCurly) {
      if (++depth + nots > MAX_NESTING) return { token: t, chain: false };
      continue;
    }
    if (type === T.Not) {
      if (depth + ++nots > MAX_NESTING) return { token: t, chain: false };
      continue;
    }
    nots = 0;
    if (type === T.RParen || type === T.RCurly) depth--;
    else if (type === T.Plus || type === T.Minus || type === T.Amp) {
      if (++chain >= MAX_CHAIN) return { token: t, chain: true };
    } else if (type !== T.Identifier && type !== T.Dot && type !== T.Star && type !== T.Integer && !T.keywords.includes(type)) chain = 0;
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
