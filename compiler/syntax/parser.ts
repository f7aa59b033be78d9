// The grammar of top-level declarations, building the AST as it parses (Chevrotain embedded
// actions, no CST): states, groups, actions, arrangements, scenarios, assertions and blocs.
// Institutions are in grammar-institutions.ts, expressions in grammar-expressions.ts, the frame
// machinery in parser-base.ts. One instance per process; parse.ts feeds it one declaration at a time.
import { append } from "../text/arrays.js";
import type { IToken, TokenType } from "chevrotain";
import type * as A from "./ast.js";
import { missingName, nameOf, valueNode } from "./grammar-expressions.js";
import { emptyAt, InstitutionParser, title } from "./grammar-institutions.js";
import { frameSpan, isReal, tokenSpan, unquote, type Rule } from "./parser-base.js";
import type { Span } from "../text/span.js";
import * as T from "./tokens.js";

type DeclarationResult = A.Declaration | undefined;

class MlatParser extends InstitutionParser {
  // ─── file ─────────────────────────────────────────────────────────────────────────────────
  readonly file: Rule<A.Declaration[]> = this.def(
    "file",
    () => ({ start: NaN, end: NaN, at: 0, decls: [] as A.Declaration[] }),
    (f) => {
      const take = (d: DeclarationResult) => {
        if (d) f.decls.push(d);
      };
      this.many(0, () =>
        this.or(0, [
          { ALT: () => this.sub(0, this.useDecl, take) },
          { ALT: () => this.sub(1, this.stateDecl, take) },
          { ALT: () => this.sub(2, this.groupDecl, take) },
          { ALT: () => this.sub(3, this.actionDecl, take) },
          { ALT: () => this.sub(4, this.institutionDecl, take) },
          { ALT: () => this.sub(5, this.arrangementDecl, take) },
          { ALT: () => this.sub(6, this.scenarioDecl, take) },
          { ALT: () => this.sub(7, this.assertDecl, take) },
          { ALT: () => this.sub(8, this.blocDecl, take) },
        ]),
      );
    },
    (f) => f.decls,
  );

  /** `bloc Benelux in EEC.Council: yes > 1/2` — a group that votes as one in a body. */
  readonly blocDecl: Rule<A.BlocDecl> = this.def(
    "blocDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, body: undefined as A.QualifiedName | undefined, colon: false, condition: undefined as A.Condition | undefined }),
    (f) => {
      this.tok(0, T.Bloc);
      f.name = this.tok(1, T.Identifier);
      this.tok(2, T.In);
      this.sub(0, this.qualifiedName, (q) => (f.body = q));
      this.option(0, () => {
        f.colon = isReal(this.tok(3, T.Colon));
        this.sub(1, this.condition, (c) => (f.condition = c));
      });
    },
    (f): A.BlocDecl => {
      const span = frameSpan(f);
      const condition: A.Condition | undefined = f.condition ?? (f.colon ? { kind: "missing", span: { start: span.end, end: span.end } } : undefined);
      return { kind: "bloc", span, name: nameOf(f.name, span), body: f.body ?? { parts: [missingName(span)], span }, ...(condition ? { condition } : {}) };
    },
  );

  readonly useDecl: Rule<A.UseDecl> = this.def(
    "useDecl",
    () => ({ start: NaN, end: NaN, at: 0, path: undefined as IToken | undefined }),
    (f) => {
      this.tok(0, T.Use);
      f.path = this.tok(1, T.StringLiteral);
    },
    (f): A.UseDecl => {
      const span = frameSpan(f);
      return { kind: "use", span, path: isReal(f.path) ? unquote(f.path.image) : "", pathSpan: isReal(f.path) ? tokenSpan(f.path) : span };
    },
  );

  readonly stateDecl: Rule<A.StateDecl> = this.def(
    "stateDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, title: undefined as IToken | undefined, attributes: [] as A.Attribute[] }),
    (f) => {
      this.tok(0, T.State);
      f.name = this.tok(1, T.Identifier);
      this.option(0, () => (f.title = this.tok(2, T.StringLiteral)));
      this.option(1, () => {
        this.tok(3, T.LCurly);
        this.many(1, () => {
          this.sub(0, this.attribute, (a) => f.attributes.push(a));
          this.option(2, () => this.tok(4, T.Comma));
        });
        this.tok(5, T.RCurly);
      });
    },
    (f): A.StateDecl => {
      const span = frameSpan(f);
      return { kind: "state", span, name: nameOf(f.name, span), ...title(f.title), attributes: f.attributes };
    },
  );

  readonly attribute: Rule<A.Attribute> = this.def(
    "attribute",
    () => ({ start: NaN, end: NaN, at: 0, key: undefined as IToken | undefined, value: undefined as A.Value | undefined }),
    (f) => {
      // Any word, keywords included: a state may have an attribute called `group` or `vote`.
      this.sub(1, this.name, (t) => (f.key = t ?? undefined));
      this.tok(1, T.Colon);
      this.sub(0, this.value, (v) => (f.value = v));
    },
    (f): A.Attribute => {
      const span = frameSpan(f);
      return { key: nameOf(f.key, span), value: f.value ?? valueNode(undefined, undefined, span), span };
    },
  );

  readonly groupDecl: Rule<A.GroupDecl> = this.def(
    "groupDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, expr: undefined as A.SetExpr | undefined }),
    (f) => {
      this.tok(0, T.Group);
      f.name = this.tok(1, T.Identifier);
      this.tok(2, T.Equals);
      this.sub(0, this.setExpr, (s) => (f.expr = s));
    },
    (f): A.GroupDecl => {
      const span = frameSpan(f);
      return { kind: "group", span, name: nameOf(f.name, span), expr: f.expr ?? { kind: "setLiteral", items: [], span: { start: span.end, end: span.end } } };
    },
  );

  // ─── actions ───────────────────────────────────────────────────────────────────────────────
  readonly actionDecl: Rule<A.ActionDecl> = this.def(
    "actionDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, names: [] as (IToken | null)[] }),
    (f) => {
      this.tok(0, T.Action);
      f.name = this.tok(1, T.Identifier);
      this.tok(2, T.LParen);
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () => {
          this.sub(0, this.name, (t) => f.names.push(t));
          this.tok(3, T.Colon);
          this.sub(1, this.name, (t) => f.names.push(t));
        },
      });
      this.tok(4, T.RParen);
    },
    (f): A.ActionDecl => {
      const span = frameSpan(f);
      const names = f.names.map((t) => nameOf(t, span));
      const params: A.Parameter[] = [];
      for (let i = 0; i + 1 < names.length; i += 2) {
        const pn = names[i]!;
        const pt = names[i + 1]!;
        params.push({ name: pn, type: pt, span: { start: pn.span.start, end: pt.span.end } });
      }
      if (names.length % 2 === 1) {
        const pn = names[names.length - 1]!;
        params.push({ name: pn, type: missingName(pn.span), span: pn.span });
      }
      return { kind: "action", span, name: nameOf(f.name, span), params };
    },
  );

  // ─── arrangements, scenarios, assertions ────────────────────────────────────────────────────
  readonly arrangementDecl: Rule<A.ArrangementDecl> = this.def(
    "arrangementDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, title: undefined as IToken | undefined, parties: [] as A.SetExpr[], kindWord: undefined as IToken | undefined, kindValue: undefined as IToken | undefined, commitments: [] as A.Conduct[] }),
    (f) => {
      this.tok(0, T.Arrangement);
      f.name = this.tok(1, T.Identifier);
      this.option(0, () => (f.title = this.tok(2, T.StringLiteral)));
      this.tok(3, T.Between);
      this.sub(0, this.partyList, (p) => append(f.parties, p.sets));
      this.tok(4, T.LCurly);
      this.many(9, () =>
        this.or(9, [
          {
            ALT: () => {
              const word = this.tok(5, T.Identifier); // `kind`
              this.tok(6, T.Colon);
              const value = this.tok(7, T.Identifier);
              if (isReal(word) && isReal(value) && !f.kindWord) {
                f.kindWord = word;
                f.kindValue = value;
              }
            },
          },
          { ALT: () => this.sub(1, this.conduct, (c) => f.commitments.push(c)) },
        ]),
      );
      this.tok(8, T.RCurly);
    },
    (f): A.ArrangementDecl => {
      const span = frameSpan(f);
      return {
        kind: "arrangement",
        span,
        name: nameOf(f.name, span),
        ...title(f.title),
        parties: f.parties,
        ...(f.kindWord && f.kindValue ? { arrangementKind: nameOf(f.kindValue, span), kindKeyword: nameOf(f.kindWord, span) } : {}),
        commitments: f.commitments,
      };
    },
  );

  /** `USA, GBR` or any group expression; commas separate parties. */
  readonly partyList: Rule<{ sets: A.SetExpr[]; span: Span }> = this.def(
    "partyList",
    () => ({ start: NaN, end: NaN, at: 0, sets: [] as A.SetExpr[] }),
    (f) => {
      this.sub(0, this.setExpr, (s) => f.sets.push(s));
      this.many(10, () => {
        this.tok(0, T.Comma);
        this.sub(1, this.setExpr, (s) => f.sets.push(s));
      });
    },
    (f) => ({ sets: f.sets, span: frameSpan(f) }),
  );

  /** `USA does GrantPreference(to: GBR)`: a commitment (arrangement) or an event (scenario). */
  readonly conduct: Rule<A.Conduct> = this.def(
    "conduct",
    () => ({ start: NaN, end: NaN, at: 0, actor: undefined as IToken | undefined, action: undefined as A.ActionPattern | undefined }),
    (f) => {
      f.actor = this.tok(0, T.Identifier);
      this.tok(1, T.Does);
      this.sub(0, this.actionPattern, (p) => (f.action = p));
    },
    (f): A.Conduct => {
      const span = frameSpan(f);
      return { kind: "conduct", actor: nameOf(f.actor, span), action: f.action ?? { action: missingName(span), args: [], span }, span };
    },
  );

  readonly scenarioDecl: Rule<A.ScenarioDecl> = this.def(
    "scenarioDecl",
    () => ({ start: NaN, end: NaN, at: 0, name: undefined as IToken | undefined, items: [] as (A.VoteStmt | A.ExpectStmt | A.Conduct)[] }),
    (f) => {
      const take = (i: A.VoteStmt | A.ExpectStmt | A.Conduct) => f.items.push(i);
      this.tok(0, T.Scenario);
      f.name = this.tok(1, T.StringLiteral);
      this.tok(2, T.LCurly);
      this.many(11, () =>
        this.or(10, [
          { ALT: () => this.sub(0, this.voteStmt, take) },
          { ALT: () => this.sub(1, this.expectStmt, take) },
          { ALT: () => this.sub(2, this.conduct, take) },
        ]),
      );
      this.tok(3, T.RCurly);
    },
    (f): A.ScenarioDecl => {
      const span = frameSpan(f);
      return { kind: "scenario", span, name: isReal(f.name) ? { text: unquote(f.name.image), span: tokenSpan(f.name) } : { text: "", span }, items: f.items };
    },
  );

  readonly voteStmt: Rule<A.VoteStmt> = this.def(
    "voteStmt",
    () => ({ start: NaN, end: NaN, at: 0, rule: undefined as A.QualifiedName | undefined, ballots: [] as A.VoteStmt["ballots"][number][] }),
    (f) => {
      this.tok(0, T.Vote);
      this.sub(0, this.qualifiedName, (q) => (f.rule = q));
      this.tok(1, T.LCurly);
      this.many(12, () => this.sub(1, this.ballot, (b) => f.ballots.push(b)));
      this.tok(2, T.RCurly);
    },
    (f): A.VoteStmt => {
      const span = frameSpan(f);
      return { kind: "vote", rule: f.rule ?? { parts: [missingName(span)], span }, ballots: f.ballots, span };
    },
  );

  readonly ballot: Rule<A.VoteStmt["ballots"][number]> = this.def(
    "ballot",
    () => ({ start: NaN, end: NaN, at: 0, choice: "absent" as "yes" | "no" | "abstain" | "absent", seats: [] as A.SetExpr[] }),
    (f) => {
      this.or(11, [
        { ALT: () => (this.tok(0, T.Yes), (f.choice = "yes")) },
        { ALT: () => (this.tok(1, T.No), (f.choice = "no")) },
        { ALT: () => (this.tok(2, T.Abstain), (f.choice = "abstain")) },
        { ALT: () => (this.tok(3, T.Absent), (f.choice = "absent")) },
      ]);
      this.tok(4, T.Colon);
      this.sub(0, this.seatList, (l) => append(f.seats, l.sets));
    },
    (f) => ({ choice: f.choice, seats: f.seats, span: frameSpan(f) }),
  );

  /** `USA, GBR, elected * 8` or any group expressions, separated by commas */
  readonly seatList: Rule<{ sets: A.SetExpr[]; span: Span }> = this.def(
    "seatList",
    () => ({ start: NaN, end: NaN, at: 0, sets: [] as A.SetExpr[] }),
    (f) => {
      this.sub(0, this.setExpr, (s) => f.sets.push(s));
      this.many(13, () => {
        this.tok(0, T.Comma);
        this.sub(1, this.setExpr, (s) => f.sets.push(s));
      });
    },
    (f) => ({ sets: f.sets, span: frameSpan(f) }),
  );

  readonly expectStmt: Rule<A.ExpectStmt> = this.def(
    "expectStmt",
    () => ({ start: NaN, end: NaN, at: 0, outcome: "violation" as A.ExpectStmt["outcome"], vetoed: false, vetoedBy: [] as A.SetExpr[], principle: undefined as IToken | undefined, by: false, actor: undefined as IToken | undefined }),
    (f) => {
      this.tok(0, T.Expect);
      this.or(12, [
        { ALT: () => (this.tok(1, T.Adopted), (f.outcome = "adopted")) },
        {
          ALT: () => {
            this.tok(2, T.Rejected);
            f.outcome = "rejected";
            this.option(0, () => {
              this.tok(3, T.Comma);
              f.vetoed = isReal(this.tok(4, T.Vetoed));
              this.tok(5, T.By);
              this.sub(0, this.seatList, (l) => append(f.vetoedBy, l.sets));
            });
          },
        },
        {
          ALT: () => {
            this.tok(6, T.Violation);
            f.outcome = "violation";
            f.principle = this.tok(7, T.Identifier);
            this.option(1, () => {
              this.tok(8, T.By);
              f.by = true;
              f.actor = this.tok(9, T.Identifier);
            });
          },
        },
        {
          ALT: () => {
            this.tok(10, T.No);
            this.tok(11, T.Violation);
            f.outcome = "no violation";
          },
        },
      ]);
    },
    (f): A.ExpectStmt => {
      const span = frameSpan(f);
      const violation = f.outcome === "violation";
      return {
        kind: "expect",
        outcome: f.outcome,
        ...(f.vetoed ? { vetoedBy: f.vetoedBy } : {}),
        ...(violation ? { principle: nameOf(f.principle, span) } : {}),
        ...(violation && f.by ? { by: nameOf(f.actor, span) } : {}),
        span,
      };
    },
  );

  readonly assertDecl: Rule<A.AssertDecl> = this.def(
    "assertDecl",
    () => ({ start: NaN, end: NaN, at: 0, target: undefined as A.QualifiedName | undefined, negated: false, fact: undefined as A.Fact | undefined }),
    (f) => {
      this.tok(0, T.Assert);
      this.sub(0, this.qualifiedName, (q) => (f.target = q));
      this.tok(1, T.Colon);
      this.option(0, () => {
        this.tok(2, T.Not);
        f.negated = true;
      });
      this.sub(1, this.fact, (x) => (f.fact = x));
    },
    (f): A.AssertDecl => {
      const span = frameSpan(f);
      return { kind: "assert", span, target: f.target ?? { parts: [missingName(span)], span }, negated: f.negated, fact: f.fact ?? { kind: "unknownFact", word: missingName(span), span } };
    },
  );

  /**
   * `veto players = P5`, `dummies = { LUX }`, `dictator = none`, `banzhaf(USA) > 10%`,
   * `small can block`, `small can pass without great`. The words are contextual identifiers.
   */
  readonly fact: Rule<A.Fact> = this.def(
    "fact",
    () => ({ start: NaN, end: NaN, at: 0, veto: false, equals: false, paren: false, ids: [] as IToken[], sets: [] as A.SetExpr[], subject: [] as IToken[], op: undefined as A.CompareOp | undefined, num: undefined as A.NumberLiteral | undefined }),
    (f) => {
      const id = (idx: number) => f.ids.push(this.tok(idx, T.Identifier));
      this.or(13, [
        {
          ALT: () => {
            this.tok(0, T.Veto);
            f.veto = true;
            id(1);
            f.equals = isReal(this.tok(2, T.Equals));
            this.sub(0, this.setExpr, (s) => f.sets.push(s));
          },
        },
        {
          ALT: () => {
            id(3);
            this.or(14, [
              {
                ALT: () => {
                  f.equals = isReal(this.tok(4, T.Equals));
                  this.sub(1, this.setExpr, (s) => f.sets.push(s));
                },
              },
              {
                ALT: () => {
                  f.paren = isReal(this.tok(5, T.LParen));
                  id(6);
                  this.tok(7, T.RParen);
                  this.sub(2, this.compareOp, (o) => (f.op = o));
                  this.or(15, [
                    { ALT: () => this.sub(3, this.number, (n) => (f.num = n)) },
                    {
                      // `banzhaf(DEU) > banzhaf(MLT)`
                      ALT: () => {
                        id(8);
                        this.tok(9, T.LParen);
                        id(10);
                        this.tok(11, T.RParen);
                      },
                    },
                  ]);
                },
              },
              {
                ALT: () => {
                  id(12); // `can`
                  id(13); // `block` | `pass`
                  this.option(0, () => {
                    id(14); // `without`
                    this.sub(4, this.setExpr, (s) => f.sets.push(s));
                  });
                },
              },
            ]);
          },
        },
        {
          // `{ USA, GBR } can pass without …`: the subject written out
          ALT: () => {
            // Tokens only here (the grammar is also recorded with placeholder tokens); the set is made in buildFact.
            f.subject.push(this.tok(18, T.LCurly));
            this.many(19, () => {
              f.subject.push(this.tok(19, T.Identifier));
              this.option(2, () => this.tok(20, T.Comma));
            });
            f.subject.push(this.tok(21, T.RCurly));
            id(15); // `can`
            id(16); // `block` | `pass`
            this.option(1, () => {
              id(17); // `without`
              this.sub(6, this.setExpr, (s) => f.sets.push(s));
            });
          },
        },
      ]);
    },
    (f) => buildFact(f, frameSpan(f)),
  );
}

function buildFact(f: { veto: boolean; equals: boolean; paren: boolean; ids: IToken[]; sets: A.SetExpr[]; subject: IToken[]; op: A.CompareOp | undefined; num: A.NumberLiteral | undefined }, fspan: Span): A.Fact {
  const ids = f.ids.filter(isReal);
  if (f.subject.length) {
    const [open, ...rest] = f.subject;
    const close = rest.pop();
    const span = { start: open!.startOffset, end: close && isReal(close) ? close.startOffset + 1 : open!.startOffset + 1 };
    const subject: A.SetExpr = { kind: "setLiteral", items: rest.filter(isReal).map((t) => nameOf(t, span)), span };
    const who: A.Name = { text: "", span };
    if (ids[0]?.image === "can" && ids[1]?.image === "block" && !ids[2]) return { kind: "canBlock", who, set: subject, span: fspan };
    if (ids[0]?.image === "can" && ids[1]?.image === "pass" && (!ids[2] || ids[2].image === "without")) return { kind: "canPass", who, set: subject, ...(f.sets[0] ? { without: f.sets[0] } : {}), span: fspan };
    return { kind: "unknownFact", word: nameOf(ids[0], fspan), span: fspan };
  }
  const setOrNone = (s: A.SetExpr | undefined): A.SetExpr => {
    const e = s ?? emptyAt(fspan);
    return e.kind === "ref" && e.name.text === "none" ? { kind: "setLiteral", items: [], span: e.span } : e;
  };
  const word = nameOf(ids[0], fspan);
  if (f.veto) return { kind: "vetoPlayers", set: setOrNone(f.sets[0]), span: fspan };
  if (f.equals && (word.text === "dummies" || word.text === "dictator")) return { kind: word.text === "dummies" ? "dummies" : "dictator", set: setOrNone(f.sets[0]), span: fspan };
  if (f.paren && (word.text === "banzhaf" || word.text === "shapley")) {
    const other = ids[2];
    const value: Extract<A.Fact, { kind: "index" }>["value"] =
      f.num || !other
        ? (f.num ?? { kind: "number", form: "integer", text: "0", span: fspan })
        : { kind: "index", index: other.image === "shapley" ? "shapley" : "banzhaf", player: nameOf(ids[3], fspan), span: { start: other.startOffset, end: fspan.end } };
    if (!f.num && other && other.image !== "banzhaf" && other.image !== "shapley") return { kind: "unknownFact", word: nameOf(other, fspan), span: fspan };
    return { kind: "index", index: word.text, player: nameOf(ids[1], fspan), op: f.op ?? "=", value, span: fspan };
  }
  if (ids[1]?.image === "can" && ids[2]?.image === "block" && !ids[3]) return { kind: "canBlock", who: word, span: fspan };
  if (ids[1]?.image === "can" && ids[2]?.image === "pass" && (!ids[3] || ids[3].image === "without")) {
    return { kind: "canPass", who: word, ...(f.sets[0] ? { without: f.sets[0] } : {}), span: fspan };
  }
  return { kind: "unknownFact", word, span: fspan };
}

class Singleton extends MlatParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }
}

let built: Singleton | undefined;

/** The one parser, built on first use: its self-analysis costs tens of milliseconds, which commands
 * that never parse (`--version`, `explain`, `schema`) should not pay at start-up. */
export function theParser(): Singleton {
  return (built ??= new Singleton());
}

/** Tokens that start a top-level declaration: parse.ts cuts the token stream before each one. */
export const declarationStarters: readonly TokenType[] = [T.Use, T.State, T.Group, T.Action, T.Institution, T.Arrangement, T.Scenario, T.Assert, T.Bloc];
