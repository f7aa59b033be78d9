// The scanner: text → Chevrotain tokens, by hand. It produces exactly the tokens the definitions
// in tokens.ts describe (a keyword is a whole identifier that equals a keyword; numbers, strings,
// comments and operators as their patterns say; one error per run of characters that start no
// token), at a fraction of the cost of Chevrotain's regular-expression lexer, which was a third
// of the time of checking a large design. The parser consumes these tokens unchanged.
import type { IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

const keywordByWord = new Map<string, TokenType>(T.keywords.map((t) => [(t.PATTERN as RegExp).source, t]));

/** Single-character tokens, by character code. */
const single = new Map<number, TokenType>([
  [0x7b, T.LCurly], [0x7d, T.RCurly], [0x28, T.LParen], [0x29, T.RParen], [0x2c, T.Comma], [0x3a, T.Colon],
  [0x2e, T.Dot], [0x2b, T.Plus], [0x2d, T.Minus], [0x26, T.Amp], [0x2a, T.Star], [0x3d, T.Equals],
  [0x2265, T.GreaterEq], [0x2264, T.LessEq], [0x2260, T.NotEquals],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xfeff;
}

function isLineEnd(c: number): boolean {
  return c === 10 || c === 13;
}

/** Whether some token (or skipped white space) starts at `i`: where a run of bad characters ends. */
function startsToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isSpace(c) || isDigit(c) || isIdStart(c) || single.has(c)) return true;
  if (c === 0x2f || c === 0x22 || c === 0x3e || c === 0x3c) return true; // / " > <
  return c === 0x21 && text.charCodeAt(i + 1) === 0x3d; // !=
}

/** Shared images: a keyword or an operator costs no string of its own. */
const keywordImage = new Map<TokenType, string>(T.keywords.map((t) => [t, (t.PATTERN as RegExp).source]));
const singleImage = new Map<number, string>([...single.keys()].map((c) => [c, String.fromCharCode(c)]));

function token(image: string, startOffset: number, tokenType: TokenType): IToken {
  // `span` is filled by the parser when the token's span is first needed (shared by AST nodes).
  return { image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType, span: undefined } as IToken;
}

/** Scans tokens one at a time, so a parser can let each declaration's tokens die young. */
export class Scanner {
  private i = 0;
  /** Comments, in order (the formatter and the editor need them; the parser does not). */
  readonly comments: IToken[] = [];
  private readonly errors: Diagnostic[] = [];
  private readonly unterminated: Diagnostic[] = [];

  constructor(private readonly text: string, private readonly file: string) {}

  /** Bad characters first, then unterminated strings: the order the diagnostics have always had. */
  diagnostics(): Diagnostic[] {
    return [...this.errors, ...this.unterminated];
  }

  next(): IToken | undefined {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    try {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isSpace(c)) {
          i++;
          continue;
        }
        const start = i;
        if (isIdStart(c)) {
          i++;
          while (i < n && isIdPart(text.charCodeAt(i))) i++;
          const word = text.slice(start, i);
          const kw = keywordByWord.get(word);
          return kw ? token(keywordImage.get(kw)!, start, kw) : token(word, start, T.Identifier);
        }
        if (isDigit(c)) {
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          let type: TokenType = T.Integer;
          if (text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1))) {
            i += 2;
            while (i < n && isDigit(text.charCodeAt(i))) i++;
            type = T.Decimal;
          }
          if (text.charCodeAt(i) === 0x25) {
            i++;
            type = T.Percent;
          }
          return token(text.slice(start, i), start, type);
        }
        if (c === 0x22) {
          // "…": a backslash escapes any character but a line end; no closing quote on the line → unterminated.
          i++;
          let closed = false;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d === 0x22) {
              i++;
              closed = true;
              break;
            }
            if (d === 0x5c) {
              if (i + 1 < n && !isLineEnd(text.charCodeAt(i + 1))) {
                i += 2;
                continue;
              }
              break;
            }
            if (isLineEnd(d)) break;
            i++;
          }
          if (!closed) this.unterminated.push(makeDiagnostic("UnterminatedString", this.file, { start, end: i }));
          return token(text.slice(start, i), start, closed ? T.StringLiteral : T.UnterminatedString);
        }
        if (c === 0x2f) {
          const d = text.charCodeAt(i + 1);
          if (d === 0x2f) {
            const doc = text.charCodeAt(i + 2) === 0x2f;
            i += 2;
            while (i < n && !isLineEnd(text.charCodeAt(i))) i++;
            this.comments.push(token(text.slice(start, i), start, doc ? T.DocComment : T.LineComment));
            continue;
          }
          if (d === 0x2a) {
            const close = text.indexOf("*/", i + 2);
            if (close >= 0) {
              i = close + 2;
              this.comments.push(token(text.slice(start, i), start, T.BlockComment));
              continue;
            }
          }
          i++;
          return token("/", start, T.Slash);
        }
        if ((c === 0x3e || c === 0x3c || c === 0x21) && text.charCodeAt(i + 1) === 0x3d) {
          i += 2;
          return c === 0x3e ? token(">=", start, T.GreaterEq) : c === 0x3c ? token("<=", start, T.LessEq) : token("!=", start, T.NotEquals);
        }
        if (c === 0x3e || c === 0x3c) {
          i++;
          return c === 0x3e ? token(">", start, T.Greater) : token("<", start, T.Less);
        }
        const type = single.get(c);
        if (type) {
          i++;
          return token(singleImage.get(c)!, start, type);
        }
        // Characters that start no token: one error for the whole run.
        i++;
        while (i < n && !startsToken(text, i)) i++;
        const run = text.slice(start, i);
        this.errors.push(makeDiagnostic("UnexpectedCharacter", this.file, { start, end: i }, [run.length > 12 ? run.slice(0, 12) + "…" : run]));
      }
      return undefined;
    } finally {
      this.i = i;
    }
  }
}

/** Every token of a text at once (the editor's view); the parser scans incrementally instead. */
export function lex(text: string, file: string): LexResult {
  const scanner = new Scanner(text, file);
  const tokens: IToken[] = [];
  for (let t = scanner.next(); t; t = scanner.next()) tokens.push(t);
  return { tokens, comments: scanner.comments, diagnostics: scanner.diagnostics() };
}
