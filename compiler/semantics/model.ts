// The bound model: what a design means once names are resolved and groups evaluated, as values
// of its own (exact numbers, resolved seat lists), never the rule set's JSON. Built by the binder
// from the AST, which stays untouched; ruleset/lower.ts is the only place that turns it into JSON.
//
// Poison: a declaration or expression whose names could not all be resolved is marked
// (`erroneous`, `poisoned`), and everything that depends on it stays quiet, so one mistake gives
// one error where it is (compilers' error types, applied to groups, seats and rules).
import type { CitationInfo } from "./citation.js";
import type * as A from "../syntax/ast.js";
import type { Span } from "../text/span.js";
import type { Rational } from "../numbers/rational.js";

export type AttributeValue =
  | { readonly type: "number"; readonly value: Rational; readonly text: string }
  | { readonly type: "name"; readonly value: string }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "boolean"; readonly value: boolean };

export interface StateInfo {
  readonly name: string;
  readonly title?: string;
  readonly attributes: ReadonlyMap<string, AttributeValue>;
  readonly decl: A.StateDecl;
  readonly file: string;
}

export interface GroupInfo {
  readonly name: string;
  readonly members: readonly string[];
  /** Its definition had an error, so its members are not to be trusted. */
  readonly erroneous: boolean;
  readonly decl: A.GroupDecl;
  readonly file: string;
}

export interface ActionInfo {
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly type: string }[];
  readonly decl: A.ActionDecl;
  readonly file: string;
}

export interface Seat {
  /** The player's name: the state's identifier, `class.N` for elected seats, or a constituency's name. */
  readonly id: string;
  readonly state?: string;
  readonly seatClass?: string;
  /** A constituency (`seat Nordic for { … }`): the states whose one representative casts this seat's vote. */
  readonly for?: readonly string[];
}

/** `inside <condition>`: how a constituency's states decide its one vote, over the states as seats. */
export interface ConstituencyInside {
  readonly decl: A.Condition;
  readonly condition: BoundCondition | undefined;
  /** The weights the inside rule counts, per state. */
  readonly weights: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  readonly incomplete: boolean;
}

export type BoundTally = { readonly side: "yes" | "no" | "abstain" | "present" | "absent"; readonly weight?: string; readonly within?: { readonly seats: readonly string[]; readonly label: string } };

export type BoundCondition =
  | { readonly kind: "and" | "or"; readonly operands: readonly BoundCondition[]; readonly span: Span }
  | { readonly kind: "not"; readonly operand: BoundCondition; readonly span: Span }
  | {
      readonly kind: "compare";
      readonly left: BoundTally;
      readonly op: A.CompareOp;
      readonly right: BoundTally | { readonly value: Rational; readonly relative: boolean; readonly base: "all" | "voting" | "present"; readonly text: string; readonly span: Span };
      readonly span: Span;
    }
  | { readonly kind: "veto"; readonly seats: readonly string[]; readonly label: string; readonly setSpan: Span; readonly poisoned: boolean; readonly span: Span }
  | { readonly kind: "unanimity" | "consensus"; readonly span: Span };

export interface RuleInfo {
  readonly name: string;
  /** INSTITUTION.BODY.RULE */
  readonly qualified: string;
  readonly title?: string;
  /** The rule's own condition and, before it, the body's quorum when there is one. */
  readonly condition: BoundCondition;
  readonly decl: A.RuleDecl;
  /** The body's `quorum:` condition as written, when the body has one. */
  readonly quorum?: A.Condition;
  readonly file: string;
  /** Weights the rule counts (`yes by W`), with a value for every seat when the rule is valid. */
  readonly weights: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  /** True when a weight the rule uses lacks a value for some seat: the rule cannot be evaluated. */
  readonly incomplete: boolean;
  /** Its condition names something that had an error (the error is reported there). */
  readonly poisoned: boolean;
  /** One binding of a parameterised rule (`minusOne(RUS)`): the declared name, parameter and state. */
  readonly binding?: { readonly rule: string; readonly parameter: string; readonly value: string };
}

/** A parameterised rule as declared: its parameter and the states it is stated for, in seat order. */
export interface RuleTemplate {
  readonly name: string;
  readonly parameter: string;
  readonly values: readonly string[];
}

export interface BodyInfo {
  readonly name: string;
  readonly institution: string;
  readonly title?: string;
  readonly seats: readonly Seat[];
  /** A seat expression had an error: who holds a seat is not to be trusted, so votes on it stay quiet. */
  readonly poisoned: boolean;
  readonly seatClasses: ReadonlyMap<string, readonly string[]>;
  readonly weightTables: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  /** The body's `quorum:`, bound (every rule's condition already starts with it). */
  readonly quorum?: { readonly decl: A.QuorumItem; readonly condition: BoundCondition };
  /** Keyed by name; a parameterised rule once per binding, as `minusOne(RUS)`. */
  readonly rules: ReadonlyMap<string, RuleInfo>;
  /** Parameterised rules by their declared name. */
  readonly templates: ReadonlyMap<string, RuleTemplate>;
  /** Constituency seat → its `inside` rule, when it has one. */
  readonly insides: ReadonlyMap<string, ConstituencyInside>;
  /** A state of a constituency → the constituency's seat. */
  readonly constituencyOf: ReadonlyMap<string, string>;
  /** Seat classes whose states hold votes in rotation → how many hold one at a time (`4 of Group1`). */
  readonly rotations: ReadonlyMap<string, number>;
  readonly decl: A.BodyDecl;
  readonly file: string;
}

/** An argument of an action pattern, with groups evaluated to states. */
export type BoundArgument =
  | { readonly any: true }
  | { readonly variable: string }
  | { readonly every: readonly string[] }
  | { readonly oneOf: readonly string[] }
  | { readonly literal: string | boolean }
  | { readonly compare: A.CompareOp; readonly value: Rational };

export interface BoundPattern {
  readonly action: string;
  readonly args: Readonly<Record<string, BoundArgument>>;
}

export type BoundWhere =
  | { readonly variable: string; readonly in: readonly string[]; readonly negated: boolean }
  | { readonly variable: string; readonly compare: A.CompareOp; readonly value: string | boolean };

export type BoundException = { readonly authorizedBy: string } | { readonly within: string };

export interface BoundPrinciple {
  readonly trigger?: BoundPattern;
  readonly subject: { readonly every: readonly string[] } | { readonly variable: string };
  readonly deontic: "must" | "must not" | "may";
  readonly action: BoundPattern;
  readonly where: readonly BoundWhere[];
  readonly exceptions: readonly BoundException[];
  readonly sanction?: string;
}

/** A concrete act: an arrangement's commitment or a scenario's event. */
export interface BoundConduct {
  readonly actor: string;
  readonly action: string;
  readonly args: Readonly<Record<string, string | boolean | readonly string[]>>;
}

export type BoundBallot = "yes" | "no" | "abstain" | "absent";

export type BoundStep =
  | { readonly vote: string; readonly ballots: Readonly<Record<string, BoundBallot>> }
  | { readonly event: BoundConduct }
  | { readonly expect: "adopted" | "rejected"; readonly vetoedBy?: readonly string[] }
  | { readonly expect: "violation"; readonly principle: string; readonly by?: string }
  | { readonly expect: "no violation" };

export type BoundFact =
  | { readonly fact: "vetoPlayers" | "dummies" | "dictator"; readonly seats: readonly string[] }
  | { readonly fact: "banzhaf" | "shapley"; readonly seat: string; readonly cmp: A.CompareOp; readonly value: Rational }
  | { readonly fact: "banzhaf" | "shapley"; readonly seat: string; readonly cmp: A.CompareOp; readonly other: { readonly index: "banzhaf" | "shapley"; readonly seat: string } }
  | { readonly fact: "canBlock"; readonly seats: readonly string[]; readonly label: string }
  | { readonly fact: "canPass"; readonly seats: readonly string[]; readonly without: readonly string[]; readonly label: string };

export interface PrincipleInfo {
  readonly name: string;
  readonly qualified: string;
  /** Subject, patterns and exceptions with groups evaluated to states. */
  readonly bound: BoundPrinciple;
  readonly decl: A.PrincipleDecl;
  readonly file: string;
  readonly institution: string;
}

export interface InstitutionInfo {
  readonly name: string;
  readonly title?: string;
  readonly members: readonly string[];
  /** The members expression had an error. */
  readonly membersPoisoned: boolean;
  readonly requires: readonly string[];
  readonly bodies: ReadonlyMap<string, BodyInfo>;
  readonly principles: ReadonlyMap<string, PrincipleInfo>;
  /** Each admission procedure as qualified rule names, in order. */
  readonly admission: readonly (readonly string[])[];
  readonly decl: A.InstitutionDecl;
  readonly file: string;
}

export interface ArrangementInfo {
  readonly name: string;
  readonly title?: string;
  readonly parties: readonly string[];
  readonly kind?: string;
  readonly commitments: readonly BoundConduct[];
  readonly decl: A.ArrangementDecl;
  readonly file: string;
}

export interface ScenarioInfo {
  readonly name: string;
  readonly steps: readonly BoundStep[];
  readonly decl: A.ScenarioDecl;
  readonly file: string;
}

export interface BlocInfo {
  readonly name: string;
  /** INSTITUTION.BODY */
  readonly body: string;
  /** The bloc's seats in the body. */
  readonly members: readonly string[];
  /** The internal rule (by default a simple majority of the members). */
  readonly condition: BoundCondition;
  readonly weights: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  readonly decl: A.BlocDecl;
  readonly file: string;
}

export interface AssertionInfo {
  readonly target: string;
  /** undefined when the target or the fact could not be resolved (an error was reported). */
  readonly fact?: BoundFact;
  readonly decl: A.AssertDecl;
  readonly file: string;
}

/** What the editor needs: every declaration and every resolved use of a name. */
export type SymbolKind = "state" | "group" | "action" | "institution" | "arrangement" | "body" | "rule" | "seatClass" | "weight" | "principle" | "attribute" | "parameter" | "scenario";

export interface DeclarationSite {
  readonly id: string; // e.g. "rule:UN.SecurityCouncil.substantive"
  readonly kind: SymbolKind;
  readonly name: string;
  readonly file: string;
  readonly nameSpan: Span;
  readonly span: Span;
  readonly doc?: string;
  /** The provision it comes from (rules, bodies, seat classes, principles). */
  readonly cite?: CitationInfo;
}

export interface Reference {
  readonly id: string;
  readonly file: string;
  readonly span: Span;
}

export interface Model {
  readonly states: ReadonlyMap<string, StateInfo>;
  readonly groups: ReadonlyMap<string, GroupInfo>;
  readonly actions: ReadonlyMap<string, ActionInfo>;
  readonly institutions: ReadonlyMap<string, InstitutionInfo>;
  readonly arrangements: ReadonlyMap<string, ArrangementInfo>;
  readonly scenarios: readonly ScenarioInfo[];
  readonly assertions: readonly AssertionInfo[];
  readonly blocs: readonly BlocInfo[];
  readonly declarations: ReadonlyMap<string, DeclarationSite>;
  readonly references: readonly Reference[];
}
