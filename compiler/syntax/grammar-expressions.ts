// The expression grammar, building AST nodes: numbers and values, group (set) expressions with
// filters, and decision-rule conditions. Declarations build on it in grammar.ts.
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { ParserBase, frameSpan, isReal, tokenSpan, unquote, type Rule } from "./parser-base.js";
import type { Span } from "../text/span.js";
import * as T from "./tokens.js";

export function missingName(at: Span): A.Name {
  return { text: "", span: { start: at.end, end: at.end } };
}

export function nameOf(t: IToken | undefined | null, at: Span): A.Name {
  return isReal(t) ? { text: t.image, span: tokenSpan(t) } : missingName(at);
}

const compareOps: Record<string, A.CompareOp> = { ">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", "!=": "!=", "≠": "!=", ">": ">", "<": "<", "=": "=" };

/** An empty set where a group expression is missing. */
function emptySet(at: Span): A.SetExpr {
  return { kind: "setLiteral", items: [], span: { start: at.end, end: at.end } };
}

export abstract class ExpressionParser extends ParserBase {
  /** A name in a position where keywords cannot be meant (parameter and argument names). */
  readonly name: Rule<IToken | null> = this.def(
    "name",
    () => ({ start: NaN, end: NaN, at: 0, t: undefined as IToken | undefined }),
    (f) => {
      this.or(0, [{ ALT: () => (f.t = this.tok(0, T.Identifier)) }, { ALT: () => (f.t = this.tok(1, T.Keyword)) }]);
    },
    // null, not undefined: a missing name still takes its place (action parameters come in pairs).
    (f) => (isReal(f.t) ? f.t : null),
  );

  readonly compareOp: Rule<A.CompareOp> = this.def(
    "compareOp",
    () => ({ start: NaN, end: NaN, at: 0, t: undefined as IToken | undefined }),
    (f) => {
      this.or(1, [
        { ALT: () => (f.t = this.tok(0, T.GreaterEq)) },
        { ALT: () => (f.t = this.tok(1, T.LessEq)) },
        { ALT: () => (f.t = this.tok(2, T.NotEquals)) },
        { ALT: () => (f.t = this.tok(3, T.Greater)) },
        { ALT: () => (f.t = this.tok(4, T.Less)) },
        { ALT: () => (f.t = this.tok(5, T.Equals)) },
      ]);
    },
    (f) => (isReal(f.t) ? (compareOps[f.t.image] ?? "=") : "="),
  );

  /** integer, decimal, percentage or fraction, optionally negative */
  readonly number: Rule<A.NumberLiteral> = this.def(
    "number",
    () => ({ start: NaN, end: NaN, at: 0, minus: false, pct: undefined as IToken | undefined, dec: undefined as IToken | undefined, ints: [] as IToken[] }),
    (f) => {
      this.option(0, () => {
        this.tok(0, T.Minus);
        f.minus = true;
      });
      this.or(2, [
        { ALT: () => (f.pct = this.tok(1, T.Percent)) },
        { ALT: () => (f.dec = this.tok(2, T.Decimal)) },
        {
          ALT: () => {
            f.ints.push(this.tok(3, T.Integer));
            this.option(1, () => {
              this.tok(4, T.Slash);
              f.ints.push(this.tok(5, T.Integer));
            });
          },
        },
      ]);
    },
    (f) => {
      const span = frameSpan(f);
      const sign = f.minus ? "-" : "";
      if (isReal(f.pct)) return { kind: "number", form: "percent", text: sign + f.pct.image, span };
      if (isReal(f.dec)) return { kind: "number", form: "decimal", text: sign + f.dec.image, span };
      const ints = f.ints.filter(isReal);
      if (ints.length === 2) return { kind: "number", form: "fraction", text: `${sign}${ints[0]!.image}/${ints[1]!.image}`, span };
      return { kind: "number", form: "integer", text: sign + (ints[0]?.image ?? "0"), span };
    },
  );

  readonly value: Rule<A.Value> = this.def(
    "value",
    () => ({ start: NaN, end: NaN, at: 0, num: undefined as A.NumberLiteral | undefined, t: undefined as IToken | undefined }),
    (f) => {
      this.or(3, [
        { ALT: () => this.sub(0, this.number, (n) => (f.num = n)) },
        { ALT: () => (f.t = this.tok(0, T.StringLiteral)) },
        { ALT: () => (f.t = this.tok(1, T.Identifier)) },
        { ALT: () => (f.t = this.tok(2, T.True)) },
        { ALT: () => (f.t = this.tok(3, T.False)) },
      ]);
    },
    (f) => valueNode(f.num, f.t, frameSpan(f)),
  );

  // ─── group (set) expressions: `+` and `-` bind looser than `&` ──────────────────────────────
  readonly setExpr: Rule<A.SetExpr> = this.def(
    "setExpr",
    () => ({ start: NaN, end: NaN, at: 0, parts: [] as A.SetExpr[], ops: [] as IToken[] }),
    (f) => {
      this.sub(0, this.setIntersection, (s) => f.parts.push(s));
      this.many(0, () => {
        this.or(4, [{ ALT: () => f.ops.push(this.tok(0, T.Plus)) }, { ALT: () => f.ops.push(this.tok(1, T.Minus)) }]);
        this.sub(1, this.setIntersection, (s) => f.parts.push(s));
      });
    },
    (f) => foldSet(f.parts, f.ops, frameSpan(f)),
  );

  readonly setIntersection: Rule<A.SetExpr> = this.def(
    "setIntersection",
    () => ({ start: NaN, end: NaN, at: 0, parts: [] as A.SetExpr[], ops: [] as IToken[] }),
    (f) => {
      this.sub(0, this.setAtom, (s) => f.parts.push(s));
      this.many(1, () => {
        f.ops.push(this.tok(0, T.Amp));
        this.sub(1, this.setAtom, (s) => f.parts.push(s));
      });
    },
    (f) => foldSet(f.parts, f.ops, frameSpan(f)),
  );

  readonly setAtom: Rule<A.SetExpr> = this.def(
    "setAtom",
    () =>
      ({
        start: NaN,
        end: NaN,
        at: 0,
        form: "" as "" | "literal" | "states" | "members" | "member" | "ref" | "paren",
        items: [] as IToken[],
        filter: undefined as A.Filter | undefined,
        hasOf: false,
        id: undefined as IToken | undefined,
        index: undefined as IToken | undefined,
        count: undefined as IToken | undefined,
        inner: undefined as A.SetExpr | undefined,
      }),
    (f) => {
      this.or(5, [
        {
          ALT: () => {
            f.form = "literal";
            this.tok(0, T.LCurly);
            this.many(2, () => {
              f.items.push(this.tok(1, T.Identifier));
              this.option(2, () => this.tok(2, T.Comma));
            });
            this.tok(3, T.RCurly);
          },
        },
        {
          ALT: () => {
            f.form = "states";
            this.tok(4, T.States);
            this.option(3, () => {
              this.tok(5, T.Where);
              this.sub(0, this.filterExpr, (x) => (f.filter = x));
            });
          },
        },
        {
          ALT: () => {
            f.form = "members";
            this.tok(6, T.Members);
            this.option(4, () => {
              this.tok(7, T.Of);
              f.hasOf = true;
              f.id = this.tok(8, T.Identifier);
            });
          },
        },
        {
          ALT: () => {
            f.form = "member";
            this.tok(9, T.Member);
          },
        },
        {
          // `elected.3` names one seat of a class, `elected * 8` eight of them (in votes)
          ALT: () => {
            f.form = "ref";
            f.id = this.tok(10, T.Identifier);
            this.option(5, () => {
              this.tok(11, T.Dot);
              f.index = this.tok(12, T.Integer);
            });
            this.option(6, () => {
              this.tok(13, T.Star);
              f.count = this.tok(14, T.Integer);
            });
          },
        },
        {
          ALT: () => {
            f.form = "paren";
            this.tok(15, T.LParen);
            this.sub(1, this.setExpr, (x) => (f.inner = x));
            this.tok(16, T.RParen);
          },
        },
      ]);
    },
    (f): A.SetExpr => {
      const span = frameSpan(f);
      switch (f.form) {
        case "literal": return { kind: "setLiteral", items: f.items.filter(isReal).map((t) => nameOf(t, span)), span };
        case "states": return { kind: "allStates", ...(f.filter ? { filter: f.filter } : {}), span };
        case "members": return { kind: "membersOf", ...(f.hasOf ? { institution: nameOf(f.id, span) } : {}), span };
        case "member": return { kind: "member", span };
        case "paren": return { kind: "setParen", inner: f.inner ?? emptySet(span), span };
        default:
          return {
            kind: "ref",
            name: nameOf(f.id, span),
            ...(isReal(f.index) ? { index: Number(f.index.image) } : {}),
            ...(isReal(f.count) ? { count: Number(f.count.image) } : {}),
            span,
          };
      }
    },
  );

  readonly filterExpr: Rule<A.Filter> = this.def(
    "filterExpr",
    () => ({ start: NaN, end: NaN, at: 0, parts: [] as A.Filter[] }),
    (f) => {
      this.sub(0, this.filterAnd, (x) => f.parts.push(x));
      this.many(3, () => {
        this.tok(0, T.Or);
        this.sub(1, this.filterAnd, (x) => f.parts.push(x));
      });
    },
    (f) => (f.parts.length === 1 ? f.parts[0]! : { kind: "filterOr", operands: f.parts, span: frameSpan(f) }),
  );

  readonly filterAnd: Rule<A.Filter> = this.def(
    "filterAnd",
    () => ({ start: NaN, end: NaN, at: 0, parts: [] as A.Filter[] }),
    (f) => {
      this.sub(0, this.filterUnary, (x) => f.parts.push(x));
      this.many(4, () => {
        this.tok(0, T.And);
        this.sub(1, this.filterUnary, (x) => f.parts.push(x));
      });
    },
    (f) => (f.parts.length === 1 ? f.parts[0]! : { kind: "filterAnd", operands: f.parts, span: frameSpan(f) }),
  );

  readonly filterUnary: Rule<A.Filter> = this.def(
    "filterUnary",
    () => ({ start: NaN, end: NaN, at: 0, form: "" as "" | "not" | "paren" | "compare", operand: undefined as A.Filter | undefined, attribute: undefined as IToken | undefined, op: undefined as A.CompareOp | undefined, value: undefined as A.Value | undefined }),
    (f) => {
      this.or(6, [
        {
          ALT: () => {
            f.form = "not";
            this.tok(0, T.Not);
            this.sub(0, this.filterUnary, (x) => (f.operand = x));
          },
        },
        {
          ALT: () => {
            f.form = "paren";
            this.tok(1, T.LParen);
            this.sub(1, this.filterExpr, (x) => (f.operand = x));
            this.tok(2, T.RParen);
          },
        },
        {
          ALT: () => {
            f.form = "compare";
            f.attribute = this.tok(3, T.Identifier);
            this.sub(2, this.compareOp, (x) => (f.op = x));
            this.sub(3, this.value, (x) => (f.value = x));
          },
        },
      ]);
    },
    (f): A.Filter => {
      const span = frameSpan(f);
      if (f.form === "not") {
        const operand: A.Filter = f.operand ?? { kind: "filterCompare", attribute: missingName(span), op: "=", value: { kind: "boolean", value: true, span }, span };
        return { kind: "filterNot", operand, span };
      }
      if (f.form === "paren") return { kind: "filterParen", inner: f.operand ?? { kind: "filterOr", operands: [], span }, span };
      return { kind: "filterCompare", attribute: nameOf(f.attribute, span), op: f.op ?? "=", value: f.value ?? valueNode(undefined, undefined, span), span };
    },
  );

  // ─── decision rule conditions: `not` > `and` > `or` ────────────────────────────────────────
  readonly condition: Rule<A.Condition> = this.def(
    "condition",
    () => ({ start: NaN, end: NaN, at: 0, parts: [] as A.Condition[] }),
    (f) => {
      this.sub(0, this.conditionAnd, (x) => f.parts.push(x));
      this.many(5, () => {
        this.tok(0, T.Or);
        this.sub(1, this.conditionAnd, (x) => f.parts.push(x));
      });
    },
    (f): A.Condition => {
      const span = frameSpan(f);
      if (f.parts.length === 0) return { kind: "missing", span };
      return f.parts.length === 1 ? f.parts[0]! : { kind: "or", operands: f.parts, span };
    },
  );

  readonly conditionAnd: Rule<A.Condition> = this.def(
    "conditionAnd",
    () => ({ start: NaN, end: NaN, at: 0, parts: [] as A.Condition[] }),
    (f) => {
      this.sub(0, this.conditionUnary, (x) => f.parts.push(x));
      this.many(6, () => {
        this.tok(0, T.And);
        this.sub(1, this.conditionUnary, (x) => f.parts.push(x));
      });
    },
    (f): A.Condition => {
      const span = frameSpan(f);
      if (f.parts.length === 0) return { kind: "missing", span };
      return f.parts.length === 1 ? f.parts[0]! : { kind: "and", operands: f.parts, span };
    },
  );

  readonly conditionUnary: Rule<A.Condition> = this.def(
    "conditionUnary",
    () => ({ start: NaN, end: NaN, at: 0, form: "" as "" | "not" | "paren" | "veto" | "unanimity" | "consensus" | "compare" | "rule", inner: undefined as A.Condition | undefined, set: undefined as A.SetExpr | undefined, ref: undefined as IToken | undefined }),
    (f) => {
      this.or(7, [
        {
          ALT: () => {
            f.form = "not";
            this.tok(0, T.Not);
            this.sub(0, this.conditionUnary, (x) => (f.inner = x));
          },
        },
        {
          ALT: () => {
            f.form = "paren";
            this.tok(1, T.LParen);
            this.sub(1, this.condition, (x) => (f.inner = x));
            this.tok(2, T.RParen);
          },
        },
        {
          ALT: () => {
            f.form = "veto";
            this.tok(3, T.Veto);
            this.sub(2, this.setExpr, (x) => (f.set = x));
          },
        },
        {
          ALT: () => {
            f.form = "unanimity";
            this.tok(4, T.Unanimity);
          },
        },
        {
          ALT: () => {
            f.form = "consensus";
            this.tok(5, T.Consensus);
          },
        },
        {
          ALT: () => {
            f.form = "compare";
            this.sub(3, this.comparison, (x) => (f.inner = x));
          },
        },
        {
          // `general and yes >= 10`: another rule of the body
          ALT: () => {
            f.form = "rule";
            f.ref = this.tok(6, T.Identifier);
          },
        },
      ]);
    },
    (f): A.Condition => {
      const span = frameSpan(f);
      const missing: A.Condition = { kind: "missing", span: { start: span.end, end: span.end } };
      switch (f.form) {
        case "not": return { kind: "not", operand: f.inner ?? missing, span };
        case "paren": return { kind: "paren", inner: f.inner ?? { kind: "missing", span: { start: span.end, end: span.end } }, span };
        case "veto": return { kind: "veto", set: f.set ?? emptySet(span), span };
        case "unanimity":
        case "consensus": return { kind: f.form, span };
        case "compare": return f.inner ?? { kind: "missing", span };
        case "rule": return isReal(f.ref) ? { kind: "ruleRef", name: nameOf(f.ref, span), span } : { kind: "missing", span };
        default: return { kind: "missing", span };
      }
    },
  );

  readonly comparison: Rule<A.Condition> = this.def(
    "comparison",
    () => ({ start: NaN, end: NaN, at: 0, left: undefined as A.Tally | undefined, op: undefined as A.CompareOp | undefined, right: undefined as A.Tally | A.Quantity | undefined }),
    (f) => {
      this.sub(0, this.tally, (x) => (f.left = x));
      this.sub(1, this.compareOp, (x) => (f.op = x));
      this.or(8, [{ ALT: () => this.sub(2, this.tally, (x) => (f.right = x)) }, { ALT: () => this.sub(3, this.quantity, (x) => (f.right = x)) }]);
    },
    (f): A.Condition => {
      const span = frameSpan(f);
      const end = { start: span.end, end: span.end };
      const left: A.Tally = f.left ?? { kind: "tally", side: "yes", span };
      const right: A.Tally | A.Quantity = f.right ?? { kind: "quantity", value: { kind: "number", form: "integer", text: "0", span: end }, base: "all", span: end };
      return { kind: "compare", left, op: f.op ?? "=", right, span };
    },
  );

  readonly tally: Rule<A.Tally> = this.def(
    "tally",
    () => ({ start: NaN, end: NaN, at: 0, side: "yes" as A.Tally["side"], by: false, weight: undefined as IToken | undefined, within: undefined as A.SetExpr | undefined }),
    (f) => {
      this.or(9, [
        { ALT: () => void this.tok(0, T.Yes) },
        {
          ALT: () => {
            this.tok(1, T.No);
            f.side = "no";
          },
        },
        {
          ALT: () => {
            this.tok(2, T.Abstain);
            f.side = "abstain";
          },
        },
        {
          ALT: () => {
            this.tok(5, T.Present);
            f.side = "present";
          },
        },
        {
          ALT: () => {
            this.tok(6, T.Absent);
            f.side = "absent";
          },
        },
      ]);
      this.option(7, () => {
        this.tok(3, T.By);
        f.by = true;
        // Any word: a weight may be called `weight` or `group` (an attribute of that name).
        this.sub(1, this.name, (t) => (f.weight = t ?? undefined));
      });
      this.option(8, () => {
        this.tok(7, T.In);
        this.sub(0, this.setAtom, (s) => (f.within = s));
      });
    },
    (f): A.Tally => {
      const span = frameSpan(f);
      return { kind: "tally", side: f.side, ...(f.by ? { weight: nameOf(f.weight, span) } : {}), ...(f.within ? { within: f.within } : {}), span };
    },
  );

  readonly quantity: Rule<A.Quantity> = this.def(
    "quantity",
    () => ({ start: NaN, end: NaN, at: 0, value: undefined as A.NumberLiteral | undefined, base: "all" as A.Quantity["base"] }),
    (f) => {
      this.sub(0, this.number, (x) => (f.value = x));
      this.option(8, () => {
        this.tok(0, T.Of);
        this.or(10, [
          {
            ALT: () => {
              this.tok(1, T.Voting);
              f.base = "voting";
            },
          },
          {
            ALT: () => {
              this.tok(2, T.Present);
              f.base = "present";
            },
          },
        ]);
      });
    },
    (f): A.Quantity => {
      const span = frameSpan(f);
      return { kind: "quantity", value: f.value ?? { kind: "number", form: "integer", text: "0", span }, base: f.base, span };
    },
  );
}

export function valueNode(num: A.NumberLiteral | undefined, t: IToken | undefined, span: Span): A.Value {
  if (num) return num;
  if (isReal(t)) {
    if (t.tokenType === T.StringLiteral || t.tokenType === T.UnterminatedString) return { kind: "string", value: unquote(t.image), span };
    if (t.tokenType === T.True) return { kind: "boolean", value: true, span };
    if (t.tokenType === T.False) return { kind: "boolean", value: false, span };
  }
  return { kind: "name", name: nameOf(t, span), span };
}

function foldSet(parts: readonly A.SetExpr[], ops: readonly IToken[], span: Span): A.SetExpr {
  let result: A.SetExpr | undefined;
  parts.forEach((right, i) => {
    const op = (i > 0 && isReal(ops[i - 1]) ? ops[i - 1]!.image : "+") as "+" | "-" | "&";
    result = result ? { kind: "setBinary", op, left: result, right, span: { start: result.span.start, end: right.span.end } } : right;
  });
  return result ?? emptySet(span);
}
