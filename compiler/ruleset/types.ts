// The compiled rule set: the contract between the compiler and the engine (and any other program).
// Published as JSON Schema in ruleset.schema.json; numbers are exact rationals written as strings
// ("9", "2/3", "-1/2"). The engine reads only these types, never the AST.

export const RULESET_FORMAT = "mlat.ruleset";
/**
 * 1.1 added the `present` and `absent` tallies, 1.2 citations (`cite`), 1.3 parameterised rules
 * (`binding`, rule ids `I.B.r(STATE)`); every 1.x rule set is read.
 */
export const RULESET_VERSION = "1.3";

export type RationalString = string;

export interface SourceLocation {
  readonly file: string;
  readonly line: number; // 1-based
  readonly column: number; // 1-based
}

export type AttributeJson =
  | { readonly type: "number"; readonly value: RationalString }
  | { readonly type: "name" | "string"; readonly value: string }
  | { readonly type: "boolean"; readonly value: boolean };

export interface StateJson {
  readonly id: string;
  readonly name?: string;
  readonly attributes: Readonly<Record<string, AttributeJson>>;
}

export interface GroupJson {
  readonly id: string;
  readonly members: readonly string[];
}

export interface ActionJson {
  readonly id: string;
  readonly params: readonly { readonly name: string; readonly type: string }[];
}

export interface SeatJson {
  readonly id: string;
  readonly state?: string;
  readonly class?: string;
  /** A constituency (1.3): the states whose one representative casts this seat's vote. */
  readonly for?: readonly string[];
  /** How the constituency's states decide its vote (1.3), over the states as seats. */
  readonly inside?: { readonly condition: ConditionJson; readonly text: string; readonly weights: Readonly<Record<string, Readonly<Record<string, RationalString>>>> };
}

/** `present`: the seats voting yes, no or abstaining; `absent`: the others (rule-set version 1.1). */
export type TallyJson = {
  readonly tally: "yes" | "no" | "abstain" | "present" | "absent";
  readonly weight?: string;
  /** Counted over these seats only (`no in A`, 1.1); a fraction compared with it is of them too. */
  readonly in?: { readonly seats: readonly string[]; readonly label: string };
};
export type QuantityJson = { readonly value: RationalString; readonly relative: boolean; readonly base: "all" | "voting" | "present" };
export type CompareOpJson = ">=" | ">" | "<=" | "<" | "=" | "!=";

export type ConditionJson =
  | { readonly op: "and" | "or"; readonly args: readonly ConditionJson[] }
  | { readonly op: "not"; readonly arg: ConditionJson }
  | { readonly op: "compare"; readonly cmp: CompareOpJson; readonly left: TallyJson; readonly right: TallyJson | QuantityJson }
  | { readonly op: "veto"; readonly seats: readonly string[]; readonly holder: string }
  | { readonly op: "unanimity" | "consensus" };

/** The provision something comes from (1.2): `cite "…" at "…"`, or its doc comment's leading "Art. …". */
export interface CitationJson {
  readonly text: string;
  readonly url?: string;
}

export interface RuleJson {
  readonly id: string; // INSTITUTION.BODY.RULE
  readonly name: string;
  readonly title?: string;
  readonly cite?: CitationJson;
  /** One binding of a parameterised rule (1.3): id `I.B.minusOne(RUS)`, name `minusOne(RUS)`. */
  readonly binding?: { readonly rule: string; readonly parameter: string; readonly value: string };
  /** The condition as written in the design, for reports. */
  readonly text: string;
  readonly condition: ConditionJson;
  readonly source?: SourceLocation;
}

export interface BodyJson {
  readonly id: string; // INSTITUTION.BODY
  readonly name: string;
  readonly title?: string;
  readonly cite?: CitationJson;
  /** Seat class → the provision that creates it (1.2). */
  readonly classCites?: Readonly<Record<string, CitationJson>>;
  readonly seats: readonly SeatJson[];
  /** Seat classes whose states hold votes in rotation (1.3): class → how many hold one at a time. */
  readonly rotation?: Readonly<Record<string, number>>;
  /** The body's quorum, for reports (1.1): each rule's condition already requires it, first. */
  readonly quorum?: { readonly condition: ConditionJson; readonly text: string };
  /** weight name → seat id → value; every weight a rule counts, complete over the seats. */
  readonly weights: Readonly<Record<string, Readonly<Record<string, RationalString>>>>;
  readonly rules: readonly RuleJson[];
}

export interface ActionPatternJson {
  readonly action: string;
  readonly args: Readonly<Record<string, ArgumentPatternJson>>;
}

export type ArgumentPatternJson =
  | { readonly any: true }
  | { readonly variable: string }
  | { readonly every: readonly string[] }
  | { readonly oneOf: readonly string[] }
  | { readonly literal: string | boolean }
  | { readonly compare: CompareOpJson; readonly value: RationalString };

export interface PrincipleJson {
  readonly id: string; // INSTITUTION.PRINCIPLE
  readonly name: string;
  readonly title?: string;
  readonly cite?: CitationJson;
  readonly trigger?: ActionPatternJson;
  readonly subject: { readonly every: readonly string[] } | { readonly variable: string };
  readonly deontic: "must" | "must not" | "may";
  readonly action: ActionPatternJson;
  readonly where: readonly ({ readonly variable: string; readonly in: readonly string[]; readonly negated: boolean } | { readonly variable: string; readonly compare: CompareOpJson; readonly value: string | boolean })[];
  readonly exceptions: readonly ({ readonly authorizedBy: string } | { readonly within: string })[];
  readonly sanction?: string;
  readonly source?: SourceLocation;
}

export interface InstitutionJson {
  readonly id: string;
  readonly name?: string;
  readonly members: readonly string[];
  readonly requires: readonly string[];
  readonly bodies: readonly BodyJson[];
  readonly admission: readonly (readonly string[])[];
  readonly principles: readonly PrincipleJson[];
}

export interface ConductJson {
  readonly actor: string;
  readonly action: string;
  readonly args: Readonly<Record<string, string | boolean | readonly string[]>>;
}

export interface ArrangementJson {
  readonly id: string;
  readonly name?: string;
  readonly parties: readonly string[];
  readonly kind?: string;
  readonly commitments: readonly ConductJson[];
}

export type ScenarioStepJson =
  | { readonly vote: string; readonly ballots: Readonly<Record<string, "yes" | "no" | "abstain" | "absent">> }
  | { readonly event: ConductJson }
  | { readonly expect: "adopted" | "rejected"; readonly vetoedBy?: readonly string[] }
  | { readonly expect: "violation"; readonly principle: string; readonly by?: string }
  | { readonly expect: "no violation" };

export interface ScenarioJson {
  readonly name: string;
  readonly steps: readonly ScenarioStepJson[];
  readonly source?: SourceLocation;
}

export type FactJson =
  | { readonly fact: "vetoPlayers" | "dummies" | "dictator"; readonly seats: readonly string[] }
  | { readonly fact: "banzhaf" | "shapley"; readonly seat: string; readonly cmp: CompareOpJson; readonly value: RationalString }
  | { readonly fact: "banzhaf" | "shapley"; readonly seat: string; readonly cmp: CompareOpJson; readonly other: { readonly index: "banzhaf" | "shapley"; readonly seat: string } }
  | { readonly fact: "canBlock"; readonly seats: readonly string[]; readonly label: string }
  | { readonly fact: "canPass"; readonly seats: readonly string[]; readonly without: readonly string[]; readonly label: string };

export interface AssertionJson {
  readonly rule: string;
  readonly negated: boolean;
  readonly text: string;
  readonly fact: FactJson;
  readonly source?: SourceLocation;
}

export interface BlocJson {
  readonly id: string;
  /** INSTITUTION.BODY */
  readonly body: string;
  readonly members: readonly string[];
  /** The internal rule over the members' seats. */
  readonly condition: ConditionJson;
  readonly text: string;
  /** Weights the internal rule counts, for the members' seats. */
  readonly weights: Readonly<Record<string, Readonly<Record<string, RationalString>>>>;
}

export interface RuleSet {
  readonly format: typeof RULESET_FORMAT;
  readonly version: string;
  readonly states: readonly StateJson[];
  readonly groups: readonly GroupJson[];
  readonly actions: readonly ActionJson[];
  readonly institutions: readonly InstitutionJson[];
  readonly arrangements: readonly ArrangementJson[];
  readonly scenarios: readonly ScenarioJson[];
  readonly assertions: readonly AssertionJson[];
  readonly blocs?: readonly BlocJson[];
}
