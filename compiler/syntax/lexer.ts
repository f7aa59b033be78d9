// The lexer: one Chevrotain Lexer instance for the process (building it is the expensive part).
import { Lexer, type IToken } from "chevrotain";
import { allTokens } from "./tokens.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

const lexer = new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: false });

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

export function lex(text: string, file: string): LexResult {
  const result = lexer.tokenize(text);
  // "onlyOffset" tracking leaves endOffset unset; the parser's node locations need it, and
  // filling it here is far cheaper than full line/column tracking.
  for (const t of result.tokens) t.endOffset = t.startOffset + t.image.length - 1;
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + Math.max(1, e.length));
    diagnostics.push(
      makeDiagnostic("UnexpectedCharacter", file, { start: e.offset, end: e.offset + Math.max(1, e.length) }, [ch.length > 12 ? ch.slice(0, 12) + "…" : ch]),
    );
  }
  for (const t of result.tokens) {
    if (t.tokenType.name === "UnterminatedString") {
      diagnostics.push(makeDiagnostic("UnterminatedString", file, { start: t.startOffset, end: t.startOffset + t.image.length }));
    }
  }
  return { tokens: result.tokens, comments: result.groups["comments"] ?? [], diagnostics };
}
