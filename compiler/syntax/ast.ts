// The abstract syntax tree: tagged unions, a span on every node, immutable after parsing.
// A node recovered from a syntax error may have missing parts: names are then "" (see isMissing).
import type { Span } from "../text/span.js";

export interface Name {
  readonly text: string;
  readonly span: Span;
}

export function isMissing(name: Name | undefined): boolean {
  return !name || name.text === "";
}

export type CompareOp = ">=" | ">" | "<=" | "<" | "=" | "!=";

/** A numeric literal as written; turned into an exact rational by the checker. */
export interface NumberLiteral {
  readonly kind: "number";
  readonly form: "integer" | "decimal" | "percent" | "fraction";
  readonly text: string; // e.g. "2/3", "55%", "-0.5"
  readonly span: Span;
}

export type Value =
  | NumberLiteral
  | { readonly kind: "string"; readonly value: string; readonly span: Span }
  | { readonly kind: "name"; readonly name: Name; readonly span: Span }
  | { readonly kind: "boolean"; readonly value: boolean; readonly span: Span };

// ─── group (set) expressions ─────────────────────────────────────────────────────────────────
export type SetExpr =
  | { readonly kind: "setLiteral"; readonly items: readonly Name[]; readonly span: Span }
  | { readonly kind: "allStates"; readonly filter?: Filter; readonly span: Span }
  | { readonly kind: "membersOf"; readonly institution?: Name; readonly span: Span }
  | { readonly kind: "member"; readonly span: Span }
  | { readonly kind: "ref"; readonly name: Name; readonly index?: number; readonly count?: number; readonly span: Span }
  | { readonly kind: "setBinary"; readonly op: "+" | "-" | "&"; readonly left: SetExpr; readonly right: SetExpr; readonly span: Span }
  | { readonly kind: "setParen"; readonly inner: SetExpr; readonly span: Span };

export type Filter =
  | { readonly kind: "filterCompare"; readonly attribute: Name; readonly op: CompareOp; readonly value: Value; readonly span: Span }
  | { readonly kind: "filterAnd" | "filterOr"; readonly operands: readonly Filter[]; readonly span: Span }
  | { readonly kind: "filterNot"; readonly operand: Filter; readonly span: Span }
  | { readonly kind: "filterParen"; readonly inner: Filter; readonly span: Span };

// ─── decision rule conditions ────────────────────────────────────────────────────────────────
export interface Tally {
  readonly kind: "tally";
  /** `present`: yes, no or abstain; `absent`: not there. */
  readonly side: "yes" | "no" | "abstain" | "present" | "absent";
  readonly weight?: Name;
  /** `no in A`: counted over the seats of A only (a chamber, a seat class, a group). */
  readonly within?: SetExpr;
  readonly span: Span;
}

export interface Quantity {
  readonly kind: "quantity";
  readonly value: NumberLiteral;
  readonly base: "all" | "voting" | "present";
  readonly span: Span;
}

export type Condition =
  | { readonly kind: "or" | "and"; readonly operands: readonly Condition[]; readonly span: Span }
  | { readonly kind: "not"; readonly operand: Condition; readonly span: Span }
  | { readonly kind: "paren"; readonly inner: Condition; readonly span: Span }
  | { readonly kind: "compare"; readonly left: Tally; readonly op: CompareOp; readonly right: Tally | Quantity; readonly span: Span }
  | { readonly kind: "veto"; readonly set: SetExpr; readonly span: Span }
  | { readonly kind: "unanimity" | "consensus"; readonly span: Span }
  /** Another rule of the same body, by name: its condition in this place. */
  | { readonly kind: "ruleRef"; readonly name: Name; readonly span: Span }
  | { readonly kind: "missing"; readonly span: Span };

// ─── declarations ────────────────────────────────────────────────────────────────────────────
interface DeclBase {
  readonly span: Span;
  /** Text of the `///` comments right before the declaration, markers stripped. */
  readonly doc?: string;
}

/** `cite "UN Charter, Art. 27(3)" at "https://…"`: the provision a rule, body, seat class or principle comes from. */
export interface Citation {
  readonly text: string;
  readonly url?: string;
  readonly span: Span;
}

export interface QualifiedName {
  readonly parts: readonly Name[];
  /** `OSCE.Council.minusOne(RUS)`: the binding of a parameterised rule. */
  readonly argument?: Name;
  readonly span: Span;
}

export interface UseDecl extends DeclBase {
  readonly kind: "use";
  readonly path: string;
  readonly pathSpan: Span;
}

export interface Attribute {
  readonly key: Name;
  readonly value: Value;
  readonly span: Span;
}

export interface StateDecl extends DeclBase {
  readonly kind: "state";
  readonly name: Name;
  readonly title?: string;
  readonly attributes: readonly Attribute[];
}

export interface GroupDecl extends DeclBase {
  readonly kind: "group";
  readonly name: Name;
  readonly expr: SetExpr;
}

export interface Parameter {
  readonly name: Name;
  readonly type: Name;
  readonly span: Span;
}

export interface ActionDecl extends DeclBase {
  readonly kind: "action";
  readonly name: Name;
  readonly params: readonly Parameter[];
}

export interface MembersItem extends DeclBase {
  readonly kind: "members";
  readonly set: SetExpr;
}

export interface RequiresItem extends DeclBase {
  readonly kind: "requires";
  readonly set: SetExpr;
}

export interface AdmissionItem extends DeclBase {
  readonly kind: "admission";
  readonly steps: readonly QualifiedName[];
}

export interface SeatsItem extends DeclBase {
  readonly kind: "seats";
  readonly seatClass?: Name;
  readonly cite?: Citation;
  readonly count?: { readonly value: number; readonly span: Span };
  /** `seats group1: 4 of Group1`: the group's states hold `count` votes among them, in rotation. */
  readonly set?: SetExpr;
  readonly rotation?: boolean;
}

export interface WeightEntry {
  readonly key: Name;
  readonly value: NumberLiteral;
  readonly span: Span;
}

/**
 * A weight formula over the seat's state's attributes, in exact arithmetic:
 * `3 + (population > 2) + (population > 6)`, `750 + share * 100`, `sqrt(population, 3)`.
 * A comparison in parentheses counts 1 when it holds, else 0.
 */
export type Formula =
  | { readonly kind: "number"; readonly value: NumberLiteral; readonly span: Span }
  | { readonly kind: "attribute"; readonly name: Name; readonly span: Span }
  | { readonly kind: "binary"; readonly op: "+" | "-" | "*" | "/"; readonly left: Formula; readonly right: Formula; readonly span: Span }
  | { readonly kind: "paren"; readonly inner: Formula; readonly compare?: { readonly op: CompareOp; readonly right: Formula }; readonly span: Span }
  | { readonly kind: "call"; readonly fn: Name; readonly args: readonly Formula[]; readonly span: Span };

export interface WeightItem extends DeclBase {
  readonly kind: "weight";
  readonly name: Name;
  /** `weight chair default 0 { PRES: 1 }`: the value of every seat the table does not name. */
  readonly default?: NumberLiteral;
  readonly entries: readonly WeightEntry[];
  /** `weight votes = 3 + (population > 2)`: computed for every seat instead of a table. */
  readonly formula?: Formula;
}

/** `(concerned: state)` or `(concerned: Participants)`: a rule stated once for each binding. */
export interface RuleParameter {
  readonly name: Name;
  /** `state` (any state holding a seat of the body) or a group or seat class naming the bindings. */
  readonly type: Name;
  readonly span: Span;
}

export interface RuleDecl extends DeclBase {
  readonly kind: "rule";
  readonly name: Name;
  readonly parameter?: RuleParameter;
  readonly title?: string;
  readonly cite?: Citation;
  readonly condition: Condition;
}

/** `quorum: <condition>`: what every rule of the body needs besides its own condition. */
export interface QuorumItem extends DeclBase {
  readonly kind: "quorum";
  readonly condition: Condition;
}

/**
 * `seat Nordic for { DNK, FIN, ISL, NOR, SWE } inside yes by votes > 1/2`: one seat cast by one
 * representative for several states (a constituency), and how its states decide its one vote.
 */
export interface ConstituencyItem extends DeclBase {
  readonly kind: "constituency";
  readonly name: Name;
  readonly cite?: Citation;
  readonly set: SetExpr;
  readonly inside?: Condition;
}

export type BodyItem = SeatsItem | ConstituencyItem | WeightItem | RuleDecl | QuorumItem;

export interface BodyDecl extends DeclBase {
  readonly kind: "body";
  readonly name: Name;
  readonly title?: string;
  readonly cite?: Citation;
  readonly items: readonly BodyItem[];
}

export type ArgumentValue =
  | { readonly kind: "any"; readonly span: Span }
  | { readonly kind: "every"; readonly set: SetExpr; readonly span: Span }
  | { readonly kind: "set"; readonly set: SetExpr; readonly span: Span }
  | { readonly kind: "literal"; readonly value: Value; readonly span: Span }
  | { readonly kind: "compare"; readonly op: CompareOp; readonly value: NumberLiteral; readonly span: Span };

export interface Argument {
  readonly name: Name;
  readonly value: ArgumentValue;
  readonly span: Span;
}

export interface ActionPattern {
  readonly action: Name;
  readonly args: readonly Argument[];
  readonly span: Span;
}

export type WhereCondition =
  | { readonly kind: "in"; readonly negated: boolean; readonly name: Name; readonly set: SetExpr; readonly span: Span }
  | { readonly kind: "compare"; readonly name: Name; readonly op: CompareOp; readonly value: Value; readonly span: Span };

export type Exception =
  | { readonly kind: "authorized"; readonly rule: QualifiedName; readonly span: Span }
  | { readonly kind: "within"; readonly name: Name; readonly span: Span };

export type Subject =
  | { readonly kind: "every"; readonly set: SetExpr; readonly span: Span }
  | { readonly kind: "variable"; readonly name: Name; readonly span: Span };

export interface PrincipleDecl extends DeclBase {
  readonly kind: "principle";
  readonly name: Name;
  readonly title?: string;
  readonly cite?: Citation;
  readonly trigger?: ActionPattern;
  readonly subject: Subject;
  readonly deontic: "must" | "must not" | "may";
  readonly action: ActionPattern;
  readonly where: readonly WhereCondition[];
  readonly exceptions: readonly Exception[];
  readonly sanction?: { readonly text: string; readonly span: Span };
}

export type InstitutionItem = MembersItem | RequiresItem | AdmissionItem | BodyDecl | PrincipleDecl;

export interface InstitutionDecl extends DeclBase {
  readonly kind: "institution";
  readonly name: Name;
  readonly title?: string;
  readonly items: readonly InstitutionItem[];
}

/** `USA does GrantPreference(to: GBR)`: a commitment in an arrangement, an event in a scenario. */
export interface Conduct {
  readonly kind: "conduct";
  readonly actor: Name;
  readonly action: ActionPattern;
  readonly span: Span;
}

export interface ArrangementDecl extends DeclBase {
  readonly kind: "arrangement";
  readonly name: Name;
  readonly title?: string;
  readonly parties: readonly SetExpr[];
  readonly arrangementKind?: Name;
  /** The word before `:` in `kind: customs_union` (checked to be `kind`). */
  readonly kindKeyword?: Name;
  readonly commitments: readonly Conduct[];
}

export interface VoteStmt {
  readonly kind: "vote";
  readonly rule: QualifiedName;
  readonly ballots: readonly { readonly choice: "yes" | "no" | "abstain" | "absent"; readonly seats: readonly SetExpr[]; readonly span: Span }[];
  readonly span: Span;
}

export interface ExpectStmt {
  readonly kind: "expect";
  readonly outcome: "adopted" | "rejected" | "violation" | "no violation";
  readonly vetoedBy?: readonly SetExpr[];
  readonly principle?: Name;
  readonly by?: Name;
  readonly span: Span;
}

export interface ScenarioDecl extends DeclBase {
  readonly kind: "scenario";
  readonly name: { readonly text: string; readonly span: Span };
  readonly items: readonly (VoteStmt | ExpectStmt | Conduct)[];
}

export type Fact =
  | { readonly kind: "vetoPlayers" | "dummies"; readonly set: SetExpr; readonly span: Span }
  | { readonly kind: "dictator"; readonly set: SetExpr; readonly span: Span }
  | {
      readonly kind: "index";
      readonly index: "banzhaf" | "shapley";
      readonly player: Name;
      readonly op: CompareOp;
      readonly value: NumberLiteral | { readonly kind: "index"; readonly index: "banzhaf" | "shapley"; readonly player: Name; readonly span: Span };
      readonly span: Span;
    }
  /** `who` names a power class, group or seat class; or `set` is written out (`{ USA } can pass`). */
  | { readonly kind: "canBlock"; readonly who: Name; readonly set?: SetExpr; readonly span: Span }
  | { readonly kind: "canPass"; readonly who: Name; readonly set?: SetExpr; readonly without?: SetExpr; readonly span: Span }
  | { readonly kind: "unknownFact"; readonly word: Name; readonly span: Span };

export interface AssertDecl extends DeclBase {
  readonly kind: "assert";
  readonly target: QualifiedName;
  readonly negated: boolean;
  readonly fact: Fact;
}

/** `bloc Benelux in EEC.Council: yes > 1/2`: the group votes as one, by its internal rule. */
export interface BlocDecl extends DeclBase {
  readonly kind: "bloc";
  readonly name: Name;
  readonly body: QualifiedName;
  readonly condition?: Condition;
}

export type Declaration = UseDecl | StateDecl | GroupDecl | ActionDecl | InstitutionDecl | ArrangementDecl | ScenarioDecl | AssertDecl | BlocDecl;

export interface SourceFile {
  readonly kind: "file";
  readonly file: string;
  readonly declarations: readonly Declaration[];
  readonly span: Span;
}
