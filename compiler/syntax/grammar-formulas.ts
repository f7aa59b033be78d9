// The grammar of weight formulas (`weight votes = 3 + (population > 2) + …`): sums of products of
// numbers, attributes, function calls and parenthesised comparisons. Builds AST nodes as it parses.
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { ExpressionParser, nameOf } from "./grammar-expressions.js";
import { frameSpan, type Rule } from "./parser-base.js";
import type { Span } from "../text/span.js";
import * as T from "./tokens.js";

/** `a + b - c` as a left-leaning tree. */
function chain<Op extends "+" | "-" | "*" | "/">(parts: readonly A.Formula[], ops: readonly Op[], span: Span): A.Formula {
  let out = parts[0] ?? { kind: "number", value: { kind: "number", form: "integer", text: "0", span }, span };
  for (let i = 1; i < parts.length; i++) out = { kind: "binary", op: ops[i - 1]!, left: out, right: parts[i]!, span: { start: out.span.start, end: parts[i]!.span.end } };
  return out;
}

export abstract class FormulaParser extends ExpressionParser {
  // ─── weight formulas: sums of products of numbers, attributes, calls and (comparisons) ─────
  readonly formula: Rule<A.Formula> = this.def(
    "formula",
    () => ({ start: NaN, end: NaN, at: 0, terms: [] as A.Formula[], ops: [] as ("+" | "-")[] }),
    (f) => {
      this.sub(0, this.formulaTerm, (t) => f.terms.push(t));
      this.many(0, () => {
        this.or(0, [{ ALT: () => (this.tok(0, T.Plus), f.ops.push("+")) }, { ALT: () => (this.tok(1, T.Minus), f.ops.push("-")) }]);
        this.sub(1, this.formulaTerm, (t) => f.terms.push(t));
      });
    },
    (f): A.Formula => chain(f.terms, f.ops, frameSpan(f)),
  );

  readonly formulaTerm: Rule<A.Formula> = this.def(
    "formulaTerm",
    () => ({ start: NaN, end: NaN, at: 0, factors: [] as A.Formula[], ops: [] as ("*" | "/")[] }),
    (f) => {
      this.sub(0, this.formulaFactor, (x) => f.factors.push(x));
      this.many(0, () => {
        this.or(0, [{ ALT: () => (this.tok(0, T.Star), f.ops.push("*")) }, { ALT: () => (this.tok(1, T.Slash), f.ops.push("/")) }]);
        this.sub(1, this.formulaFactor, (x) => f.factors.push(x));
      });
    },
    (f): A.Formula => chain(f.factors, f.ops, frameSpan(f)),
  );

  readonly formulaFactor: Rule<A.Formula> = this.def(
    "formulaFactor",
    () =>
      ({
        start: NaN,
        end: NaN,
        at: 0,
        which: "" as "" | "number" | "call" | "paren" | "attribute",
        num: undefined as A.NumberLiteral | undefined,
        fn: undefined as IToken | undefined,
        args: [] as A.Formula[],
        inner: undefined as A.Formula | undefined,
        op: undefined as A.CompareOp | undefined,
        right: undefined as A.Formula | undefined,
        name: null as IToken | null,
      }),
    (f) => {
      this.or(0, [
        {
          ALT: () => {
            f.which = "number";
            this.sub(0, this.number, (n) => (f.num = n));
          },
        },
        {
          // min(a, b), max(…), floor(x), ceil(x), round(x, digits), sqrt(x, digits)
          GATE: () => this.LA(2).tokenType === T.LParen,
          ALT: () => {
            f.which = "call";
            f.fn = this.tok(0, T.Identifier);
            this.tok(1, T.LParen);
            this.sub(1, this.formula, (x) => f.args.push(x));
            this.many(0, () => {
              this.tok(2, T.Comma);
              this.sub(2, this.formula, (x) => f.args.push(x));
            });
            this.tok(3, T.RParen);
          },
        },
        {
          ALT: () => {
            f.which = "paren";
            this.tok(4, T.LParen);
            this.sub(3, this.formula, (x) => (f.inner = x));
            this.option(0, () => {
              this.sub(4, this.compareOp, (o) => (f.op = o));
              this.sub(5, this.formula, (x) => (f.right = x));
            });
            this.tok(5, T.RParen);
          },
        },
        {
          ALT: () => {
            f.which = "attribute";
            this.sub(6, this.name, (t) => (f.name = t));
          },
        },
      ]);
    },
    (f): A.Formula => {
      const span = frameSpan(f);
      const zero: A.Formula = { kind: "number", value: { kind: "number", form: "integer", text: "0", span }, span };
      switch (f.which) {
        case "number":
          return f.num ? { kind: "number", value: f.num, span } : zero;
        case "call":
          return { kind: "call", fn: nameOf(f.fn, span), args: f.args, span };
        case "paren":
          return { kind: "paren", inner: f.inner ?? zero, ...(f.op && f.right ? { compare: { op: f.op, right: f.right } } : {}), span };
        case "attribute":
          return { kind: "attribute", name: nameOf(f.name, span), span };
        default:
          return zero;
      }
    },
  );
}
