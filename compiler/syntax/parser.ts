// The grammar: a Chevrotain CstParser with error recovery, and nothing else (no semantic
// actions). cst-to-ast.ts turns its concrete syntax tree into the AST. One instance per process.
import { CstParser, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

class MlatParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "onlyOffset" });
    this.performSelfAnalysis();
  }

  // ─── file ─────────────────────────────────────────────────────────────────────────────────
  file = this.RULE("file", () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.useDecl) },
        { ALT: () => this.SUBRULE(this.stateDecl) },
        { ALT: () => this.SUBRULE(this.groupDecl) },
        { ALT: () => this.SUBRULE(this.actionDecl) },
        { ALT: () => this.SUBRULE(this.institutionDecl) },
        { ALT: () => this.SUBRULE(this.arrangementDecl) },
        { ALT: () => this.SUBRULE(this.scenarioDecl) },
        { ALT: () => this.SUBRULE(this.assertDecl) },
        { ALT: () => this.SUBRULE(this.blocDecl) },
      ]),
    );
  });

  /** `bloc Benelux in EEC.Council: yes > 1/2` — a group that votes as one in a body. */
  blocDecl = this.RULE("blocDecl", () => {
    this.CONSUME(T.Bloc);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.In);
    this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.condition);
    });
  });

  useDecl = this.RULE("useDecl", () => {
    this.CONSUME(T.Use);
    this.CONSUME(T.StringLiteral);
  });

  stateDecl = this.RULE("stateDecl", () => {
    this.CONSUME(T.State);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => {
        this.SUBRULE(this.attribute);
        this.OPTION3(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RCurly);
    });
  });

  attribute = this.RULE("attribute", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.value);
  });

  value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.number) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
    ]);
  });

  /** integer, decimal, percentage or fraction, optionally negative */
  number = this.RULE("number", () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.OR([
      { ALT: () => this.CONSUME(T.Percent) },
      { ALT: () => this.CONSUME(T.Decimal) },
      {
        ALT: () => {
          this.CONSUME(T.Integer);
          this.OPTION2(() => {
            this.CONSUME(T.Slash);
            this.CONSUME2(T.Integer);
          });
        },
      },
    ]);
  });

  groupDecl = this.RULE("groupDecl", () => {
    this.CONSUME(T.Group);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.setExpr);
  });

  // ─── group (set) expressions: `+` and `-` bind looser than `&` ──────────────────────────────
  setExpr = this.RULE("setExpr", () => {
    this.SUBRULE(this.setIntersection);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.setIntersection);
    });
  });

  setIntersection = this.RULE("setIntersection", () => {
    this.SUBRULE(this.setAtom);
    this.MANY(() => {
      this.CONSUME(T.Amp);
      this.SUBRULE2(this.setAtom);
    });
  });

  setAtom = this.RULE("setAtom", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LCurly);
          this.MANY(() => {
            this.CONSUME(T.Identifier);
            this.OPTION(() => this.CONSUME(T.Comma));
          });
          this.CONSUME(T.RCurly);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.States);
          this.OPTION2(() => {
            this.CONSUME(T.Where);
            this.SUBRULE(this.filterExpr);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Members);
          this.OPTION3(() => {
            this.CONSUME(T.Of);
            this.CONSUME2(T.Identifier);
          });
        },
      },
      { ALT: () => this.CONSUME(T.Member) },
      {
        // `elected.3` names one seat of a class, `elected * 8` eight of them (in votes)
        ALT: () => {
          this.CONSUME3(T.Identifier);
          this.OPTION4(() => {
            this.CONSUME(T.Dot);
            this.CONSUME(T.Integer);
          });
          this.OPTION5(() => {
            this.CONSUME(T.Star);
            this.CONSUME2(T.Integer);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.setExpr);
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  filterExpr = this.RULE("filterExpr", () => {
    this.SUBRULE(this.filterAnd);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.filterAnd);
    });
  });

  filterAnd = this.RULE("filterAnd", () => {
    this.SUBRULE(this.filterUnary);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.filterUnary);
    });
  });

  filterUnary = this.RULE("filterUnary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.filterUnary);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.filterExpr);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.SUBRULE(this.compareOp);
          this.SUBRULE(this.value);
        },
      },
    ]);
  });

  compareOp = this.RULE("compareOp", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.GreaterEq) },
      { ALT: () => this.CONSUME(T.LessEq) },
      { ALT: () => this.CONSUME(T.NotEquals) },
      { ALT: () => this.CONSUME(T.Greater) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Equals) },
    ]);
  });

  // ─── actions ───────────────────────────────────────────────────────────────────────────────
  actionDecl = this.RULE("actionDecl", () => {
    this.CONSUME(T.Action);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.SUBRULE(this.name);
        this.CONSUME(T.Colon);
        this.SUBRULE2(this.name);
      },
    });
    this.CONSUME(T.RParen);
  });

  /** A name in a position where keywords cannot be meant (parameter and argument names). */
  name = this.RULE("name", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Keyword) }]);
  });

  // ─── institutions ──────────────────────────────────────────────────────────────────────────
  institutionDecl = this.RULE("institutionDecl", () => {
    this.CONSUME(T.Institution);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.membersItem) },
        { ALT: () => this.SUBRULE(this.requiresItem) },
        { ALT: () => this.SUBRULE(this.bodyDecl) },
        { ALT: () => this.SUBRULE(this.admissionItem) },
        { ALT: () => this.SUBRULE(this.principleDecl) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  membersItem = this.RULE("membersItem", () => {
    this.CONSUME(T.Members);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.setExpr);
  });

  requiresItem = this.RULE("requiresItem", () => {
    this.CONSUME(T.Requires);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.setExpr);
  });

  admissionItem = this.RULE("admissionItem", () => {
    this.CONSUME(T.Admission);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.qualifiedName);
    this.MANY(() => {
      this.CONSUME(T.After);
      this.SUBRULE2(this.qualifiedName);
    });
  });

  /** `UN.SecurityCouncil.substantive`; after a dot any word goes, so a rule may be named `vote`. */
  qualifiedName = this.RULE("qualifiedName", () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE(this.name);
    });
  });

  bodyDecl = this.RULE("bodyDecl", () => {
    this.CONSUME(T.Body);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.seatsItem) },
        { ALT: () => this.SUBRULE(this.weightItem) },
        { ALT: () => this.SUBRULE(this.ruleDecl) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  seatsItem = this.RULE("seatsItem", () => {
    this.CONSUME(T.Seats);
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.CONSUME(T.Colon);
    this.OR([{ ALT: () => this.CONSUME(T.Integer) }, { ALT: () => this.SUBRULE(this.setExpr) }]);
  });

  weightItem = this.RULE("weightItem", () => {
    this.CONSUME(T.Weight);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.weightEntry);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });

  weightEntry = this.RULE("weightEntry", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.number);
  });

  ruleDecl = this.RULE("ruleDecl", () => {
    this.CONSUME(T.Rule);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.condition);
  });

  // ─── decision rule conditions: `not` > `and` > `or` ────────────────────────────────────────
  condition = this.RULE("condition", () => {
    this.SUBRULE(this.conditionAnd);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.conditionAnd);
    });
  });

  conditionAnd = this.RULE("conditionAnd", () => {
    this.SUBRULE(this.conditionUnary);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.conditionUnary);
    });
  });

  conditionUnary = this.RULE("conditionUnary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.conditionUnary);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.condition);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Veto);
          this.SUBRULE(this.setExpr);
        },
      },
      { ALT: () => this.CONSUME(T.Unanimity) },
      { ALT: () => this.CONSUME(T.Consensus) },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.tally);
    this.SUBRULE(this.compareOp);
    this.OR([{ ALT: () => this.SUBRULE2(this.tally) }, { ALT: () => this.SUBRULE(this.quantity) }]);
  });

  tally = this.RULE("tally", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Yes) },
      { ALT: () => this.CONSUME(T.No) },
      { ALT: () => this.CONSUME(T.Abstain) },
    ]);
    this.OPTION(() => {
      this.CONSUME(T.By);
      this.CONSUME(T.Identifier);
    });
  });

  quantity = this.RULE("quantity", () => {
    this.SUBRULE(this.number);
    this.OPTION(() => {
      this.CONSUME(T.Of);
      this.OR([{ ALT: () => this.CONSUME(T.Voting) }, { ALT: () => this.CONSUME(T.Present) }]);
    });
  });

  // ─── principles (institutional grammar: who – must/must not/may – do what – when – unless – or else)
  principleDecl = this.RULE("principleDecl", () => {
    this.CONSUME(T.Principle);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.Colon);
    this.OPTION2(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.actionPattern);
    });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Every);
          this.SUBRULE(this.setExpr);
        },
      },
      { ALT: () => this.CONSUME2(T.Identifier) },
    ]);
    this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Must);
          this.OPTION3(() => this.CONSUME(T.Not));
        },
      },
      { ALT: () => this.CONSUME(T.May) },
    ]);
    this.SUBRULE2(this.actionPattern);
    this.OPTION4(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.whereCondition);
      this.MANY(() => {
        this.CONSUME(T.And);
        this.SUBRULE2(this.whereCondition);
      });
    });
    this.MANY2(() => {
      this.CONSUME(T.Unless);
      this.SUBRULE(this.exception);
    });
    this.OPTION5(() => {
      this.CONSUME(T.Or);
      this.CONSUME(T.Else);
      this.CONSUME2(T.StringLiteral);
    });
  });

  actionPattern = this.RULE("actionPattern", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.argument) });
    this.CONSUME(T.RParen);
  });

  argument = this.RULE("argument", () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Colon);
    this.OR([
      { ALT: () => this.CONSUME(T.Any) },
      {
        ALT: () => {
          this.CONSUME(T.Every);
          this.SUBRULE(this.setExpr);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.compareOp);
          this.SUBRULE(this.number);
        },
      },
      { ALT: () => this.SUBRULE2(this.number) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.SUBRULE2(this.setExpr) },
    ]);
  });

  whereCondition = this.RULE("whereCondition", () => {
    this.SUBRULE(this.name);
    this.OR([
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Not));
          this.CONSUME(T.In);
          this.SUBRULE(this.setExpr);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.compareOp);
          this.SUBRULE(this.value);
        },
      },
    ]);
  });

  exception = this.RULE("exception", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Authorized);
          this.CONSUME(T.By);
          this.SUBRULE(this.qualifiedName);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Within);
          this.CONSUME(T.Identifier);
        },
      },
    ]);
  });

  // ─── arrangements, scenarios, assertions ────────────────────────────────────────────────────
  arrangementDecl = this.RULE("arrangementDecl", () => {
    this.CONSUME(T.Arrangement);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.Between);
    this.SUBRULE(this.partyList);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME2(T.Identifier); // `kind`
            this.CONSUME(T.Colon);
            this.CONSUME3(T.Identifier);
          },
        },
        { ALT: () => this.SUBRULE(this.conduct) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  /** `USA, GBR` or any group expression; commas separate parties. */
  partyList = this.RULE("partyList", () => {
    this.SUBRULE(this.setExpr);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.setExpr);
    });
  });

  /** `USA does GrantPreference(to: GBR)`: a commitment (arrangement) or an event (scenario). */
  conduct = this.RULE("conduct", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Does);
    this.SUBRULE(this.actionPattern);
  });

  scenarioDecl = this.RULE("scenarioDecl", () => {
    this.CONSUME(T.Scenario);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.voteStmt) },
        { ALT: () => this.SUBRULE(this.expectStmt) },
        { ALT: () => this.SUBRULE(this.conduct) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  voteStmt = this.RULE("voteStmt", () => {
    this.CONSUME(T.Vote);
    this.SUBRULE(this.qualifiedName);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.ballot));
    this.CONSUME(T.RCurly);
  });

  ballot = this.RULE("ballot", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Yes) },
      { ALT: () => this.CONSUME(T.No) },
      { ALT: () => this.CONSUME(T.Abstain) },
      { ALT: () => this.CONSUME(T.Absent) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.seatList);
  });

  /** `USA, GBR, elected * 8` or any group expressions, separated by commas */
  seatList = this.RULE("seatList", () => {
    this.SUBRULE(this.setExpr);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.setExpr);
    });
  });

  expectStmt = this.RULE("expectStmt", () => {
    this.CONSUME(T.Expect);
    this.OR([
      { ALT: () => this.CONSUME(T.Adopted) },
      {
        ALT: () => {
          this.CONSUME(T.Rejected);
          this.OPTION(() => {
            this.CONSUME(T.Comma);
            this.CONSUME(T.Vetoed);
            this.CONSUME(T.By);
            this.SUBRULE(this.seatList);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Violation);
          this.CONSUME(T.Identifier);
          this.OPTION2(() => {
            this.CONSUME2(T.By);
            this.CONSUME2(T.Identifier);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.No);
          this.CONSUME2(T.Violation);
        },
      },
    ]);
  });

  assertDecl = this.RULE("assertDecl", () => {
    this.CONSUME(T.Assert);
    this.SUBRULE(this.qualifiedName);
    this.CONSUME(T.Colon);
    this.OPTION(() => this.CONSUME(T.Not));
    this.SUBRULE(this.fact);
  });

  /**
   * `veto players = P5`, `dummies = { LUX }`, `dictator = none`, `banzhaf(USA) > 10%`,
   * `small can block`, `small can pass without great`. The words are contextual identifiers.
   */
  fact = this.RULE("fact", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Veto);
          this.CONSUME(T.Identifier);
          this.CONSUME(T.Equals);
          this.SUBRULE(this.setExpr);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME2(T.Equals);
                this.SUBRULE2(this.setExpr);
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.LParen);
                this.CONSUME3(T.Identifier);
                this.CONSUME(T.RParen);
                this.SUBRULE(this.compareOp);
                this.OR3([
                  { ALT: () => this.SUBRULE(this.number) },
                  {
                    // `banzhaf(DEU) > banzhaf(MLT)`
                    ALT: () => {
                      this.CONSUME7(T.Identifier);
                      this.CONSUME2(T.LParen);
                      this.CONSUME8(T.Identifier);
                      this.CONSUME2(T.RParen);
                    },
                  },
                ]);
              },
            },
            {
              ALT: () => {
                this.CONSUME4(T.Identifier); // `can`
                this.CONSUME5(T.Identifier); // `block` | `pass`
                this.OPTION(() => {
                  this.CONSUME6(T.Identifier); // `without`
                  this.SUBRULE3(this.setExpr);
                });
              },
            },
          ]);
        },
      },
    ]);
  });
}

export const parser = new MlatParser();

/** Tokens that start a top-level declaration: parse.ts cuts the token stream before each one. */
export const declarationStarters: readonly TokenType[] = [T.Use, T.State, T.Group, T.Action, T.Institution, T.Arrangement, T.Scenario, T.Assert, T.Bloc];
