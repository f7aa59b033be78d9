// The grammar of a body's items: seats (plain, classed, elected, in rotation), constituencies,
// weight tables and formulas, the quorum, and citations. Builds AST nodes as it parses.
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { nameOf } from "./grammar-expressions.js";
import { FormulaParser } from "./grammar-formulas.js";
import { frameSpan, isReal, tokenSpan, unquote, type Rule } from "./parser-base.js";
import type { Span } from "../text/span.js";
import * as T from "./tokens.js";

/** Spreads an optional citation into a node. */
export function cited(c: A.Citation | undefined): { cite?: A.Citation } {
  return c ? { cite: c } : {};
}

export function emptyAt(span: Span): A.SetExpr {
  return { kind: "setLiteral", items: [], span: { start: span.end, end: span.end } };
}

export abstract class BodyItemsParser extends FormulaParser {
  readonly seatsItem: Rule<A.SeatsItem> = this.def(
    "seatsItem",
    () => ({ start: NaN, end: NaN, at: 0, cls: undefined as IToken | undefined, cite: undefined as A.Citation | undefined, count: undefined as IToken | undefined, rotation: false, set: undefined as A.SetExpr | undefined }),
    (f) => {
      this.tok(0, T.Seats);
      this.option(0, { GATE: () => !this.atCite(), DEF: () => (f.cls = this.tok(1, T.Identifier)) });
      this.option(1, { GATE: () => this.atCite(), DEF: () => this.sub(1, this.citeClause, (c) => (f.cite = c)) });
      this.tok(2, T.Colon);
      this.or(3, [
        {
          ALT: () => {
            f.count = this.tok(3, T.Integer);
            // `4 of Group1`: four votes held in rotation by the group's states.
            this.option(2, () => {
              this.tok(4, T.Of);
              f.rotation = true;
              this.sub(2, this.setExpr, (s) => (f.set = s));
            });
          },
        },
        { ALT: () => this.sub(0, this.setExpr, (s) => (f.set = s)) },
      ]);
    },
    (f): A.SeatsItem => {
      const span = frameSpan(f);
      const count = isReal(f.count) ? f.count : undefined;
      return {
        kind: "seats",
        span,
        ...(isReal(f.cls) ? { seatClass: nameOf(f.cls, span) } : {}),
        ...cited(f.cite),
        ...(count ? { count: { value: Number(count.image), span: tokenSpan(count) } } : {}),
        ...(f.set || !count || f.rotation ? { set: f.set ?? emptyAt(span) } : {}),
        ...(f.rotation ? { rotation: true } : {}),
      };
    },
  );

  readonly constituencyItem: Rule<A.ConstituencyItem> = this.def(
    "constituencyItem",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, cite: undefined as A.Citation | undefined, set: undefined as A.SetExpr | undefined, inside: undefined as A.Condition | undefined, insideWord: false }),
    (f) => {
      this.tok(0, T.Identifier); // `seat`, checked by the gate
      f.name = this.tok(1, T.Identifier);
      this.option(0, { GATE: () => this.atCite(), DEF: () => this.sub(0, this.citeClause, (c) => (f.cite = c)) });
      this.tok(2, T.Identifier); // `for`
      this.sub(1, this.setExpr, (x) => (f.set = x));
      // `inside` is a word only here: how the constituency's states decide its one vote.
      this.option(1, {
        GATE: () => this.LA(1).image === "inside",
        DEF: () => {
          this.tok(3, T.Identifier);
          f.insideWord = true;
          this.sub(2, this.condition, (c) => (f.inside = c));
        },
      });
    },
    (f): A.ConstituencyItem => {
      const span = frameSpan(f);
      const inside: A.Condition | undefined = f.inside ?? (f.insideWord ? { kind: "missing", span: { start: span.end, end: span.end } } : undefined);
      return { kind: "constituency", span, name: nameOf(f.name, span), ...cited(f.cite), set: f.set ?? emptyAt(span), ...(inside ? { inside } : {}) };
    },
  );

  readonly weightItem: Rule<A.WeightItem> = this.def(
    "weightItem",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, fallback: undefined as A.NumberLiteral | undefined, entries: [] as A.WeightEntry[], formula: undefined as A.Formula | undefined }),
    (f) => {
      this.tok(0, T.Weight);
      this.sub(2, this.name, (t) => (f.name = t ?? undefined));
      this.or(7, [
        {
          // `weight votes = 3 + (population > 2)`: a formula over the states' attributes.
          ALT: () => {
            this.tok(6, T.Equals);
            this.sub(3, this.formula, (x) => (f.formula = x));
          },
        },
        {
          ALT: () => {
            // `default` is a word only here.
            this.option(2, {
              GATE: () => this.LA(1).image === "default",
              DEF: () => {
                this.tok(5, T.Identifier);
                this.sub(1, this.number, (n) => (f.fallback = n));
              },
            });
            this.tok(2, T.LCurly);
            this.many(6, () => {
              this.sub(0, this.weightEntry, (e) => f.entries.push(e));
              this.option(1, () => this.tok(3, T.Comma));
            });
            this.tok(4, T.RCurly);
          },
        },
      ]);
    },
    (f): A.WeightItem => {
      const span = frameSpan(f);
      return { kind: "weight", span, name: nameOf(f.name, span), ...(f.fallback ? { default: f.fallback } : {}), entries: f.entries, ...(f.formula ? { formula: f.formula } : {}) };
    },
  );



  readonly weightEntry: Rule<A.WeightEntry> = this.def(
    "weightEntry",
    () => ({ start: NaN, end: NaN, at: 0, key: undefined as IToken | undefined, value: undefined as A.NumberLiteral | undefined }),
    (f) => {
      f.key = this.tok(0, T.Identifier);
      this.tok(1, T.Colon);
      this.sub(0, this.number, (n) => (f.value = n));
    },
    (f): A.WeightEntry => {
      const span = frameSpan(f);
      return { key: nameOf(f.key, span), value: f.value ?? { kind: "number", form: "integer", text: "0", span }, span };
    },
  );

  readonly quorumItem: Rule<A.QuorumItem> = this.def(
    "quorumItem",
    () => ({ start: NaN, end: NaN, at: 0, condition: undefined as A.Condition | undefined }),
    (f) => {
      this.tok(0, T.Identifier); // `quorum`, checked by the gate
      this.tok(1, T.Colon);
      this.sub(0, this.condition, (c) => (f.condition = c));
    },
    (f): A.QuorumItem => {
      const span = frameSpan(f);
      return { kind: "quorum", span, condition: f.condition ?? { kind: "missing", span: { start: span.end, end: span.end } } };
    },
  );

  /** `cite` and `at` are words only here: `cite "…"` right after a name or title. */
  protected atCite(): boolean {
    return this.LA(1).image === "cite" && this.LA(2).tokenType === T.StringLiteral;
  }

  readonly citeClause: Rule<A.Citation> = this.def(
    "citeClause",
    () => ({ start: NaN, end: NaN, at: 0, text: undefined as IToken | undefined, url: undefined as IToken | undefined }),
    (f) => {
      this.tok(0, T.Identifier); // `cite`, checked by the gate
      f.text = this.tok(1, T.StringLiteral);
      this.option(0, {
        GATE: () => this.LA(1).image === "at" && this.LA(2).tokenType === T.StringLiteral,
        DEF: () => {
          this.tok(2, T.Identifier);
          f.url = this.tok(3, T.StringLiteral);
        },
      });
    },
    (f): A.Citation => ({ text: isReal(f.text) ? unquote(f.text.image) : "", ...(isReal(f.url) ? { url: unquote(f.url.image) } : {}), span: frameSpan(f) }),
  );

}
