// Token definitions for the Chevrotain lexer. Keywords are reserved; contextual words
// (`players`, `dummies`, `can`, `block`, `kind`, `none` …) are plain identifiers checked by the
// AST builder, so modellers keep as many names as possible.
import { createToken, Lexer, type TokenType } from "chevrotain";

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

/** Category of every keyword: name positions (parameter and argument names) accept any keyword. */
export const Keyword = createToken({ name: "Keyword", pattern: Lexer.NA });

const keywordTokens: TokenType[] = [];
function keyword(word: string): TokenType {
  const name = word[0]!.toUpperCase() + word.slice(1);
  const t = createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, categories: [Keyword] });
  keywordTokens.push(t);
  return t;
}

export const Use = keyword("use");
export const State = keyword("state");
export const Group = keyword("group");
export const Action = keyword("action");
export const Institution = keyword("institution");
export const Arrangement = keyword("arrangement");
export const Scenario = keyword("scenario");
export const Assert = keyword("assert");
export const Bloc = keyword("bloc");
export const States = keyword("states");
export const Where = keyword("where");
export const Members = keyword("members");
export const Member = keyword("member");
export const Of = keyword("of");
export const In = keyword("in");
export const Body = keyword("body");
export const Seats = keyword("seats");
export const Weight = keyword("weight");
export const Rule = keyword("rule");
export const Admission = keyword("admission");
export const After = keyword("after");
export const Principle = keyword("principle");
export const Requires = keyword("requires");
export const Yes = keyword("yes");
export const No = keyword("no");
export const Abstain = keyword("abstain");
export const Absent = keyword("absent");
export const By = keyword("by");
export const Voting = keyword("voting");
export const Present = keyword("present");
export const Veto = keyword("veto");
export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const Unanimity = keyword("unanimity");
export const Consensus = keyword("consensus");
export const When = keyword("when");
export const Every = keyword("every");
export const Must = keyword("must");
export const May = keyword("may");
export const Unless = keyword("unless");
export const Authorized = keyword("authorized");
export const Within = keyword("within");
export const Else = keyword("else");
export const Between = keyword("between");
export const Does = keyword("does");
export const Vote = keyword("vote");
export const Expect = keyword("expect");
export const Adopted = keyword("adopted");
export const Rejected = keyword("rejected");
export const Vetoed = keyword("vetoed");
export const Violation = keyword("violation");
export const Any = keyword("any");
export const True = keyword("true");
export const False = keyword("false");

export const keywords: readonly TokenType[] = keywordTokens;
export const keywordWords: readonly string[] = keywordTokens.map((t) => (t.PATTERN as RegExp).source);

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });
export const DocComment = createToken({ name: "DocComment", pattern: /\/\/\/[^\n\r]*/, group: "comments" });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//, group: "comments", line_breaks: true });

export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\n\r]|\\.)*"/ });
/** A string with no closing quote on its line: reported as MLAT1002, parsed as a string. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\.)*/, categories: [StringLiteral] });

export const Percent = createToken({ name: "Percent", pattern: /\d+(?:\.\d+)?%/ });
export const Decimal = createToken({ name: "Decimal", pattern: /\d+\.\d+/ });
export const Integer = createToken({ name: "Integer", pattern: /\d+/ });

export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=|≥/ });
export const LessEq = createToken({ name: "LessEq", pattern: /<=|≤/ });
export const NotEquals = createToken({ name: "NotEquals", pattern: /!=|≠/ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });
export const LCurly = createToken({ name: "LCurly", pattern: /\{/ });
export const RCurly = createToken({ name: "RCurly", pattern: /\}/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Dot = createToken({ name: "Dot", pattern: /\./ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const Amp = createToken({ name: "Amp", pattern: /&/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });

export const allTokens: TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  BlockComment,
  StringLiteral,
  UnterminatedString,
  Percent,
  Decimal,
  Integer,
  Keyword,
  // longest first, so that `states` is not read as `state` followed by `s`
  ...[...keywordTokens].sort((a, b) => (b.PATTERN as RegExp).source.length - (a.PATTERN as RegExp).source.length),
  Identifier,
  GreaterEq,
  LessEq,
  NotEquals,
  Greater,
  Less,
  Equals,
  LCurly,
  RCurly,
  LParen,
  RParen,
  Comma,
  Colon,
  Dot,
  Plus,
  Minus,
  Amp,
  Star,
  Slash,
];
