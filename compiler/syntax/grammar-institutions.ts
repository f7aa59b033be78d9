// The grammar of institutions: members, bodies (their items are in grammar-bodies.ts), rules,
// admission, and principles of conduct (the institutional grammar). Builds AST nodes as it parses.
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { missingName, nameOf, valueNode } from "./grammar-expressions.js";
import { BodyItemsParser, cited, emptyAt } from "./grammar-bodies.js";
export { emptyAt };
import { frameSpan, isReal, tokenSpan, unquote, type Rule } from "./parser-base.js";
import type { Span } from "../text/span.js";
import * as T from "./tokens.js";

export function title(t: IToken | undefined): { title?: string } {
  return isReal(t) ? { title: unquote(t.image) } : {};
}

export abstract class InstitutionParser extends BodyItemsParser {
  // ─── institutions ──────────────────────────────────────────────────────────────────────────
  readonly institutionDecl: Rule<A.InstitutionDecl> = this.def(
    "institutionDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, title: undefined as IToken | undefined, items: [] as A.InstitutionItem[] }),
    (f) => {
      const take = (i: A.InstitutionItem) => f.items.push(i);
      this.tok(0, T.Institution);
      f.name = this.tok(1, T.Identifier);
      this.option(0, () => (f.title = this.tok(2, T.StringLiteral)));
      this.tok(3, T.LCurly);
      this.many(2, () =>
        this.or(1, [
          { ALT: () => this.sub(0, this.membersItem, take) },
          { ALT: () => this.sub(1, this.requiresItem, take) },
          { ALT: () => this.sub(2, this.bodyDecl, take) },
          { ALT: () => this.sub(3, this.admissionItem, take) },
          { ALT: () => this.sub(4, this.principleDecl, take) },
        ]),
      );
      this.tok(4, T.RCurly);
    },
    (f): A.InstitutionDecl => {
      const span = frameSpan(f);
      return { kind: "institution", span, name: nameOf(f.name, span), ...title(f.title), items: f.items };
    },
  );

  readonly membersItem: Rule<A.MembersItem> = this.def(
    "membersItem",
    () => ({ start: NaN, end: NaN, at: 0, set: undefined as A.SetExpr | undefined }),
    (f) => {
      this.tok(0, T.Members);
      this.tok(1, T.Colon);
      this.sub(0, this.setExpr, (s) => (f.set = s));
    },
    (f): A.MembersItem => {
      const span = frameSpan(f);
      return { kind: "members", span, set: f.set ?? emptyAt(span) };
    },
  );

  readonly requiresItem: Rule<A.RequiresItem> = this.def(
    "requiresItem",
    () => ({ start: NaN, end: NaN, at: 0, set: undefined as A.SetExpr | undefined }),
    (f) => {
      this.tok(0, T.Requires);
      this.tok(1, T.Colon);
      this.sub(0, this.setExpr, (s) => (f.set = s));
    },
    (f): A.RequiresItem => {
      const span = frameSpan(f);
      return { kind: "requires", span, set: f.set ?? emptyAt(span) };
    },
  );

  readonly admissionItem: Rule<A.AdmissionItem> = this.def(
    "admissionItem",
    () => ({ start: NaN, end: NaN, at: 0, steps: [] as A.QualifiedName[] }),
    (f) => {
      this.tok(0, T.Admission);
      this.tok(1, T.Colon);
      this.sub(0, this.qualifiedName, (q) => f.steps.push(q));
      this.many(3, () => {
        this.tok(2, T.After);
        this.sub(1, this.qualifiedName, (q) => f.steps.push(q));
      });
    },
    (f): A.AdmissionItem => ({ kind: "admission", span: frameSpan(f), steps: f.steps }),
  );

  /** `UN.SecurityCouncil.substantive`; after a dot any word goes, so a rule may be named `vote`. */
  readonly qualifiedName: Rule<A.QualifiedName> = this.def(
    "qualifiedName",
    () => ({ start: NaN, end: NaN, at: 0, first: undefined as IToken | undefined, rest: [] as (IToken | null)[], argument: undefined as IToken | undefined }),
    (f) => {
      f.first = this.tok(0, T.Identifier);
      this.many(4, () => {
        this.tok(1, T.Dot);
        this.sub(0, this.name, (x) => f.rest.push(x));
      });
      // `OSCE.Council.minusOne(RUS)`: one binding of a parameterised rule.
      this.option(5, () => {
        this.tok(2, T.LParen);
        f.argument = this.tok(3, T.Identifier);
        this.tok(4, T.RParen);
      });
    },
    (f): A.QualifiedName => {
      const span = frameSpan(f);
      const parts = [...(isReal(f.first) ? [nameOf(f.first, span)] : []), ...f.rest.map((t) => nameOf(t, span))];
      return { parts: parts.length ? parts : [missingName(span)], ...(f.argument ? { argument: nameOf(f.argument, span) } : {}), span };
    },
  );

  readonly bodyDecl: Rule<A.BodyDecl> = this.def(
    "bodyDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, title: undefined as IToken | undefined, cite: undefined as A.Citation | undefined, items: [] as A.BodyItem[] }),
    (f) => {
      const take = (i: A.BodyItem) => f.items.push(i);
      this.tok(0, T.Body);
      f.name = this.tok(1, T.Identifier);
      this.option(0, () => (f.title = this.tok(2, T.StringLiteral)));
      this.option(1, { GATE: () => this.atCite(), DEF: () => this.sub(4, this.citeClause, (c) => (f.cite = c)) });
      this.tok(3, T.LCurly);
      this.many(5, () =>
        this.or(2, [
          { ALT: () => this.sub(0, this.seatsItem, take) },
          // `seat` and `for` are words only here: `seat Nordic for { … }`.
          { GATE: () => this.LA(1).image === "seat" && this.LA(2).tokenType === T.Identifier && (this.LA(3).image === "for" || this.LA(3).image === "cite"), ALT: () => this.sub(5, this.constituencyItem, take) },
          { ALT: () => this.sub(1, this.weightItem, take) },
          { ALT: () => this.sub(2, this.ruleDecl, take) },
          // `quorum` is a word only here (a state may still have an attribute called quorum).
          { GATE: () => this.LA(1).image === "quorum" && this.LA(2).tokenType === T.Colon, ALT: () => this.sub(3, this.quorumItem, take) },
        ]),
      );
      this.tok(4, T.RCurly);
    },
    (f): A.BodyDecl => {
      const span = frameSpan(f);
      return { kind: "body", span, name: nameOf(f.name, span), ...title(f.title), ...cited(f.cite), items: f.items };
    },
  );

  readonly ruleDecl: Rule<A.RuleDecl> = this.def(
    "ruleDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: null as IToken | null, param: undefined as IToken | undefined, paramType: undefined as IToken | undefined, paramStart: NaN, title: undefined as IToken | undefined, cite: undefined as A.Citation | undefined, condition: undefined as A.Condition | undefined }),
    (f) => {
      this.tok(0, T.Rule);
      this.sub(0, this.name, (t) => (f.name = t));
      // `rule minusOne(concerned: state): …`: one rule for each state the parameter can name.
      this.option(2, () => {
        this.tok(3, T.LParen);
        f.param = this.tok(4, T.Identifier);
        this.tok(5, T.Colon);
        this.or(3, [{ ALT: () => (f.paramType = this.tok(6, T.State)) }, { ALT: () => (f.paramType = this.tok(7, T.Identifier)) }]);
        this.tok(8, T.RParen);
      });
      this.option(0, () => (f.title = this.tok(1, T.StringLiteral)));
      this.option(1, { GATE: () => this.atCite(), DEF: () => this.sub(2, this.citeClause, (c) => (f.cite = c)) });
      this.tok(2, T.Colon);
      this.sub(1, this.condition, (c) => (f.condition = c));
    },
    (f): A.RuleDecl => {
      const span = frameSpan(f);
      const parameter: A.RuleParameter | undefined =
        isReal(f.param) && f.paramType ? { name: nameOf(f.param, span), type: nameOf(isReal(f.paramType) ? f.paramType : null, span), span: { start: f.param.startOffset, end: isReal(f.paramType) ? f.paramType.endOffset! + 1 : f.param.endOffset! + 1 } } : undefined;
      return { kind: "rule", span, name: nameOf(f.name, span), ...(parameter ? { parameter } : {}), ...title(f.title), ...cited(f.cite), condition: f.condition ?? { kind: "missing", span: { start: span.end, end: span.end } } };
    },
  );

  // ─── principles (institutional grammar: who – must/must not/may – do what – when – unless – or else)
  readonly principleDecl: Rule<A.PrincipleDecl> = this.def(
    "principleDecl",
    () =>
      ({
        start: NaN,
        end: NaN,
        at: 0,
        name: undefined as IToken | undefined,
        title: undefined as IToken | undefined,
        cite: undefined as A.Citation | undefined,
        trigger: undefined as A.ActionPattern | undefined,
        every: false,
        subjectSet: undefined as A.SetExpr | undefined,
        variable: undefined as IToken | undefined,
        deontic: "must" as A.PrincipleDecl["deontic"],
        action: undefined as A.ActionPattern | undefined,
        where: [] as A.WhereCondition[],
        exceptions: [] as A.Exception[],
        sanction: undefined as IToken | undefined,
      }),
    (f) => {
      this.tok(0, T.Principle);
      f.name = this.tok(1, T.Identifier);
      this.option(0, () => (f.title = this.tok(2, T.StringLiteral)));
      this.option(5, { GATE: () => this.atCite(), DEF: () => this.sub(6, this.citeClause, (c) => (f.cite = c)) });
      this.tok(3, T.Colon);
      this.option(1, () => {
        this.tok(4, T.When);
        this.sub(0, this.actionPattern, (p) => (f.trigger = p));
      });
      this.or(4, [
        {
          ALT: () => {
            this.tok(5, T.Every);
            f.every = true;
            this.sub(1, this.setExpr, (s) => (f.subjectSet = s));
          },
        },
        { ALT: () => (f.variable = this.tok(6, T.Identifier)) },
      ]);
      this.or(5, [
        {
          ALT: () => {
            this.tok(7, T.Must);
            this.option(2, () => {
              this.tok(8, T.Not);
              f.deontic = "must not";
            });
          },
        },
        {
          ALT: () => {
            this.tok(9, T.May);
            f.deontic = "may";
          },
        },
      ]);
      this.sub(2, this.actionPattern, (p) => (f.action = p));
      this.option(3, () => {
        this.tok(10, T.Where);
        this.sub(3, this.whereCondition, (w) => f.where.push(w));
        this.many(7, () => {
          this.tok(11, T.And);
          this.sub(4, this.whereCondition, (w) => f.where.push(w));
        });
      });
      this.many(8, () => {
        this.tok(12, T.Unless);
        this.sub(5, this.exception, (e) => f.exceptions.push(e));
      });
      this.option(4, () => {
        this.tok(13, T.Or);
        this.tok(14, T.Else);
        f.sanction = this.tok(15, T.StringLiteral);
      });
    },
    (f): A.PrincipleDecl => {
      const span = frameSpan(f);
      const action = f.action ?? { action: missingName(span), args: [], span: { start: span.end, end: span.end } };
      let subject: A.Subject;
      if (f.every) {
        const set = f.subjectSet ?? emptyAt(span);
        subject = { kind: "every", set, span: f.subjectSet ? f.subjectSet.span : span };
      } else {
        const v = nameOf(f.variable, span);
        subject = { kind: "variable", name: v, span: v.span };
      }
      const sanction = isReal(f.sanction) ? f.sanction : undefined;
      return {
        kind: "principle",
        span,
        name: nameOf(f.name, span),
        ...title(f.title),
        ...cited(f.cite),
        ...(f.trigger ? { trigger: f.trigger } : {}),
        subject,
        deontic: f.deontic,
        action,
        where: f.where,
        exceptions: f.exceptions,
        ...(sanction ? { sanction: { text: unquote(sanction.image), span: tokenSpan(sanction) } } : {}),
      };
    },
  );

  readonly actionPattern: Rule<A.ActionPattern> = this.def(
    "actionPattern",
    () => ({ start: NaN, end: NaN, at: 0, action: undefined as IToken | undefined, args: [] as A.Argument[] }),
    (f) => {
      f.action = this.tok(0, T.Identifier);
      this.tok(1, T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.sub(0, this.argument, (a) => f.args.push(a)) });
      this.tok(2, T.RParen);
    },
    (f): A.ActionPattern => {
      const span = frameSpan(f);
      return { action: nameOf(f.action, span), args: f.args, span };
    },
  );

  readonly argument: Rule<A.Argument> = this.def(
    "argument",
    () =>
      ({
        start: NaN,
        end: NaN,
        at: 0,
        name: null as IToken | null,
        valueStart: NaN,
        form: "" as "" | "any" | "every" | "compare" | "number" | "string" | "boolean" | "set",
        set: undefined as A.SetExpr | undefined,
        op: undefined as A.CompareOp | undefined,
        num: undefined as A.NumberLiteral | undefined,
        t: undefined as IToken | undefined,
      }),
    (f) => {
      this.sub(0, this.name, (t) => (f.name = t));
      this.tok(0, T.Colon);
      const mark = (t: IToken) => {
        if (isReal(t) && !Number.isFinite(f.valueStart)) f.valueStart = t.startOffset;
        return t;
      };
      const markNode = (s: Span) => {
        if (!Number.isFinite(f.valueStart)) f.valueStart = s.start;
      };
      this.or(6, [
        {
          ALT: () => {
            f.form = "any";
            mark(this.tok(1, T.Any));
          },
        },
        {
          ALT: () => {
            f.form = "every";
            mark(this.tok(2, T.Every));
            this.sub(1, this.setExpr, (s) => (f.set = s));
          },
        },
        {
          ALT: () => {
            f.form = "compare";
            this.sub(2, this.compareOp, (o) => (f.op = o));
            markNode({ start: this.LA(0).startOffset, end: 0 });
            this.sub(3, this.number, (n) => (f.num = n));
          },
        },
        {
          ALT: () => {
            f.form = "number";
            this.sub(4, this.number, (n) => {
              f.num = n;
              markNode(n.span);
            });
          },
        },
        {
          ALT: () => {
            f.form = "string";
            f.t = mark(this.tok(3, T.StringLiteral));
          },
        },
        {
          ALT: () => {
            f.form = "boolean";
            f.t = mark(this.tok(4, T.True));
          },
        },
        {
          ALT: () => {
            f.form = "boolean";
            f.t = mark(this.tok(5, T.False));
          },
        },
        {
          ALT: () => {
            f.form = "set";
            this.sub(5, this.setExpr, (s) => {
              f.set = s;
              markNode(s.span);
            });
          },
        },
      ]);
    },
    (f): A.Argument => {
      const aspan = frameSpan(f);
      const name = nameOf(f.name, aspan);
      const vspan = { start: Number.isFinite(f.valueStart) ? f.valueStart : name.span.end, end: aspan.end };
      const number = f.num ?? { kind: "number" as const, form: "integer" as const, text: "0", span: aspan };
      let value: A.ArgumentValue;
      switch (f.form) {
        case "any": value = { kind: "any", span: vspan }; break;
        case "every": value = { kind: "every", set: f.set ?? emptyAt(aspan), span: vspan }; break;
        case "compare": value = { kind: "compare", op: f.op ?? "=", value: number, span: vspan }; break;
        case "number": value = { kind: "literal", value: number, span: vspan }; break;
        case "string": value = { kind: "literal", value: { kind: "string", value: isReal(f.t) ? unquote(f.t.image) : "", span: vspan }, span: vspan }; break;
        case "boolean": value = { kind: "literal", value: { kind: "boolean", value: isReal(f.t) && f.t.tokenType === T.True, span: vspan }, span: vspan }; break;
        default: value = { kind: "set", set: f.set ?? emptyAt(aspan), span: vspan };
      }
      return { name, value, span: aspan };
    },
  );

  readonly whereCondition: Rule<A.WhereCondition> = this.def(
    "whereCondition",
    () => ({ start: NaN, end: NaN, at: 0, name: null as IToken | null, isIn: false, negated: false, set: undefined as A.SetExpr | undefined, op: undefined as A.CompareOp | undefined, value: undefined as A.Value | undefined }),
    (f) => {
      this.sub(0, this.name, (t) => (f.name = t));
      this.or(7, [
        {
          ALT: () => {
            this.option(0, () => {
              this.tok(0, T.Not);
              f.negated = true;
            });
            this.tok(1, T.In);
            f.isIn = true;
            this.sub(1, this.setExpr, (s) => (f.set = s));
          },
        },
        {
          ALT: () => {
            this.sub(2, this.compareOp, (o) => (f.op = o));
            this.sub(3, this.value, (v) => (f.value = v));
          },
        },
      ]);
    },
    (f): A.WhereCondition => {
      const span = frameSpan(f);
      const name = nameOf(f.name, span);
      if (f.isIn) return { kind: "in", negated: f.negated, name, set: f.set ?? emptyAt(span), span };
      return { kind: "compare", name, op: f.op ?? "=", value: f.value ?? valueNode(undefined, undefined, span), span };
    },
  );

  readonly exception: Rule<A.Exception> = this.def(
    "exception",
    () => ({ start: NaN, end: NaN, at: 0, authorized: false, rule: undefined as A.QualifiedName | undefined, name: undefined as IToken | undefined }),
    (f) => {
      this.or(8, [
        {
          ALT: () => {
            this.tok(0, T.Authorized);
            f.authorized = true;
            this.tok(1, T.By);
            this.sub(0, this.qualifiedName, (q) => (f.rule = q));
          },
        },
        {
          ALT: () => {
            this.tok(2, T.Within);
            f.name = this.tok(3, T.Identifier);
          },
        },
      ]);
    },
    (f): A.Exception => {
      const span = frameSpan(f);
      if (f.authorized) return { kind: "authorized", rule: f.rule ?? { parts: [missingName(span)], span }, span };
      return { kind: "within", name: nameOf(f.name, span), span };
    },
  );

}
