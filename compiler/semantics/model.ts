// The bound model: what a design means once names are resolved and groups evaluated.
// Built by the checker from the AST, which stays untouched; lowered to the rule set by ruleset/lower.ts.
import type * as A from "../syntax/ast.js";
import type { Span } from "../syntax/span.js";
import type { Rational } from "../numbers/rational.js";
import type { ActionPatternJson, ConductJson, FactJson, PrincipleJson, ScenarioStepJson } from "../ruleset/types.js";

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
  /** The player's name: the state's identifier, or `class.N` for elected seats. */
  readonly id: string;
  readonly state?: string;
  readonly seatClass?: string;
}

export type BoundTally = { readonly side: "yes" | "no" | "abstain"; readonly weight?: string };

export type BoundCondition =
  | { readonly kind: "and" | "or"; readonly operands: readonly BoundCondition[]; readonly span: Span }
  | { readonly kind: "not"; readonly operand: BoundCondition; readonly span: Span }
  | {
      readonly kind: "compare";
      readonly left: BoundTally;
      readonly op: A.CompareOp;
      readonly right: BoundTally | { readonly value: Rational; readonly relative: boolean; readonly base: "all" | "voting" | "present" };
      readonly span: Span;
    }
  | { readonly kind: "veto"; readonly seats: readonly string[]; readonly label: string; readonly span: Span }
  | { readonly kind: "unanimity" | "consensus"; readonly span: Span };

export interface RuleInfo {
  readonly name: string;
  /** INSTITUTION.BODY.RULE */
  readonly qualified: string;
  readonly title?: string;
  readonly condition: BoundCondition;
  readonly decl: A.RuleDecl;
  readonly file: string;
  /** Weights the rule counts (`yes by W`), with a value for every seat when the rule is valid. */
  readonly weights: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  /** True when a weight the rule uses lacks a value for some seat: the rule cannot be evaluated. */
  readonly incomplete: boolean;
}

export interface BodyInfo {
  readonly name: string;
  readonly institution: string;
  readonly title?: string;
  readonly seats: readonly Seat[];
  readonly seatClasses: ReadonlyMap<string, readonly string[]>;
  readonly weightTables: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
  readonly rules: ReadonlyMap<string, RuleInfo>;
  readonly decl: A.BodyDecl;
  readonly file: string;
}

export interface PrincipleInfo {
  readonly name: string;
  readonly qualified: string;
  /** Resolved form: subject, patterns and exceptions with groups evaluated to states. */
  readonly resolved: Omit<PrincipleJson, "id" | "name" | "title" | "source">;
  readonly decl: A.PrincipleDecl;
  readonly file: string;
  readonly institution: string;
}

export interface InstitutionInfo {
  readonly name: string;
  readonly title?: string;
  readonly members: readonly string[];
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
  readonly commitments: readonly ConductJson[];
  readonly decl: A.ArrangementDecl;
  readonly file: string;
}

export interface ScenarioInfo {
  readonly name: string;
  readonly steps: readonly ScenarioStepJson[];
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
  readonly fact?: FactJson;
  readonly decl: A.AssertDecl;
  readonly file: string;
}

/** What the editor needs: every declaration and every resolved use of a name. */
export type SymbolKind = "state" | "group" | "action" | "institution" | "arrangement" | "body" | "rule" | "seatClass" | "weight" | "principle" | "attribute" | "parameter" | "scenario";

export type { ActionPatternJson };

export interface DeclarationSite {
  readonly id: string; // e.g. "rule:UN.SecurityCouncil.substantive"
  readonly kind: SymbolKind;
  readonly name: string;
  readonly file: string;
  readonly nameSpan: Span;
  readonly span: Span;
  readonly doc?: string;
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
