// THE table of diagnostics. Every diagnostic mlat reports is defined here, once, with a stable
// code that is never reused. Ranges: 1xxx syntax, 2xxx names and imports, 3xxx meaning of a
// design (seats, weights, thresholds, multilateralism), 4xxx internal, 5xxx command line and inputs.
// Messages follow Cedar: lowercase, no final period, user identifiers in backticks; `{0}`, `{1}`
// are filled by the factory in diagnostic.ts.

export type Severity = "error" | "warning" | "info";

export interface DiagnosticDefinition {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly docs: string;
}

export const Diagnostics = {
  UnexpectedCharacter: {
    code: "MLAT1001", severity: "error", message: "unexpected character `{0}`",
    docs: "The text contains a character that is not part of the mlat language, such as `$` or `;`. Names are made of letters, digits and `_`; strings are written in double quotes; comments start with `//`.",
  },
  UnterminatedString: {
    code: "MLAT1002", severity: "error", message: "unterminated string: add a closing `\"` on the same line",
    docs: "A string (a display name such as `\"United Nations\"`, a path in `use`, or a scenario name) starts with `\"` and must end with `\"` on the same line.",
  },
  SyntaxError: {
    code: "MLAT1003", severity: "error", message: "{0}",
    docs: "The parser expected something else at this point. The message says what was expected and what was found. mlat recovers after a syntax error and goes on checking the rest of the file, so fix the first error first: later ones may be consequences.",
  },
  ZeroDenominator: {
    code: "MLAT1004", severity: "error", message: "the fraction `{0}` has a zero denominator",
    docs: "A fraction such as `2/3` must have a denominator above zero.",
  },
  NestingTooDeep: {
    code: "MLAT1005", severity: "error", message: "nesting is deeper than {0} levels",
    docs: "Conditions and group expressions may nest parentheses up to a fixed depth. Deeper nesting is almost certainly generated or mistaken text; split the expression, or name parts of it as groups.",
  },
  ExpressionTooLong: {
    code: "MLAT1007", severity: "error", message: "an expression of more than {0} terms: name parts of it as groups",
    docs: "A group expression such as `A + B + C + …` may join up to a fixed number of terms. A longer one is almost certainly generated text; name parts of it as groups (`group EastAsia = …`) and join those, or list the states in one `{ … }`, which has no such limit.",
  },
  UnknownName: {
    code: "MLAT2001", severity: "error", message: "unknown {0} `{1}`{2}{3}",
    docs: "A name is used that is not declared where it is looked up. States, groups, actions, institutions, arrangements are declared at the top level (or in a file imported with `use`); bodies, rules and principles inside their institution; seat classes and weights inside their body. The message suggests the closest declared name when there is one; the quick fix applies it.",
  },
  DuplicateDeclaration: {
    code: "MLAT2002", severity: "error", message: "`{0}` is already declared",
    docs: "Two declarations of the same kind share a name in one scope: two states, two bodies in one institution, two rules in one body, and so on. Top-level names (states, groups, actions, institutions, arrangements) share one scope across all imported files. Rename or remove one of them; the related information points at the first declaration.",
  },
  ImportNotFound: {
    code: "MLAT2003", severity: "error", message: "cannot find the imported file `{0}`",
    docs: "A `use \"path\"` names a file that does not exist. Paths are relative to the importing file and must name an `.mlat` file.",
  },
  ImportCycle: {
    code: "MLAT2004", severity: "error", message: "import cycle: {0}",
    docs: "Files import each other in a loop. Every file is read once, so the loop does no harm to the result, but it is almost always a mistake: move the shared declarations into a file that both import.",
  },
  WrongKindOfName: {
    code: "MLAT2005", severity: "error", message: "`{0}` is {1}, but {2} is expected here{3}",
    docs: "A name refers to a declaration of the wrong kind, such as `members of LUX` where `LUX` is a state rather than an institution, or a vote on a body instead of one of its rules.",
  },
  UnknownAttribute: {
    code: "MLAT2006", severity: "warning", message: "no state declares the attribute `{0}`{1}",
    docs: "A filter such as `states where power = small` tests an attribute that no state declares, so the filter selects nothing. Check the spelling against the attributes in the `state` declarations.",
  },
  CircularDefinition: {
    code: "MLAT2007", severity: "error", message: "{0} is defined in terms of itself: {1}",
    docs: "A group or an institution's membership refers back to itself, for example `group A = B + X` with `group B = A - Y`, or an institution whose members are `members of` another institution whose members refer back. Such a definition has no meaning; define one of them directly.",
  },
  MembersOutsideInstitution: {
    code: "MLAT2008", severity: "error", message: "`{0}` outside an institution needs `of`: write `members of INSTITUTION`",
    docs: "A bare `members` (or `member`) means the members of the institution being declared, so it can only be used inside an `institution { … }` block. Elsewhere, name the institution: `members of UN`.",
  },
  SeatNotInBody: {
    code: "MLAT2009", severity: "error", message: "{0} in `{1}`",
    docs: "A vote, an expectation or an assertion names a seat that the body does not have: a state that holds no seat there, an elected seat beyond the number declared (`elected.11` of ten), or more seats of a class than it has (`elected * 12`).",
  },
  UnknownFact: {
    code: "MLAT2010", severity: "error", message: "unknown fact `{0}`: write `veto players = …`, `dummies = …`, `dictator = …`, `banzhaf(X) > …`, `shapley(X) > …`, `X can block` or `X can pass without Y`",
    docs: "An `assert` states a fact about the voting game of a rule. The facts mlat knows are listed in the message and in the language reference.",
  },
  ArgumentType: {
    code: "MLAT2011", severity: "error", message: "the argument `{0}` of `{1}` takes {2}, not {3}",
    docs: "An action declares a type for each parameter (`state`, `number`, `percentage`, `text`, `boolean`), and an act or a pattern passes a value of another type: a number where a state is expected, a name where a number is expected, and so on.",
  },
  ImportOutsideRoot: {
    code: "MLAT2012", severity: "error", message: "`{0}` is outside the project root `{1}`",
    docs: "A `use` may not reach outside the project (the nearest folder above the importing file with an `mlat.json`, a `package.json` or a `.git`; without one, the importing file's own folder). This keeps a design checked in CI from reading arbitrary files of the machine. To allow a folder outside the root, list it in the root's `mlat.json`: `{ \"allowImports\": [\"../shared\"] }`.",
  },
  ImportNotMlat: {
    code: "MLAT2013", severity: "error", message: "`{0}` is not an `.mlat` file",
    docs: "A `use` names a file that does not end in `.mlat`. Designs import only other designs; a rule set (JSON) is an input of `mlat eval` and `mlat analyze`, not an import.",
  },
  ImportEmpty: {
    code: "MLAT2014", severity: "error", message: "an import needs a path: write `use \"./other.mlat\"`",
    docs: "A `use` names the file it imports, relative to the importing file, in double quotes. An empty path names no file.",
  },
  RuleCycle: {
    code: "MLAT2015", severity: "error", message: "the rule `{0}` uses itself: {1}",
    docs: "A rule may name another rule of the same body as part of its condition (`rule both: general and yes >= 10`), and the named rule's condition is used in its place. A rule that names itself, directly or through other rules, has no condition: break the cycle by writing one of the conditions out.",
  },
  RuleArgument: {
    code: "MLAT2016", severity: "error", message: "{0}",
    docs: "A parameterised rule (`rule minusOne(concerned: state): veto members - concerned`) is stated once for each state its parameter can name: every state holding a seat of the body (`state`), or the seated states of a group or seat class (`concerned: Participants`). Each binding is a rule of its own, named with the state in parentheses: `OSCE.PermanentCouncil.minusOne(RUS)` in scenarios, assertions and `mlat eval --rule`. Name a binding where a rule is expected, give the parameter a type that names at least one seated state, and do not use a parameterised rule inside another rule's condition.",
  },
  MissingWeight: {
    code: "MLAT3001", severity: "error", message: "the seat `{0}` has no value for the weight `{1}` used by the rule `{2}`",
    docs: "A rule counts `yes by W` or `no by W`. Every seat of the body must then have a value for `W`: either an entry in the body's `weight W { … }` table or, when the body declares no such table, a numeric attribute `W` on the state. Add the missing entry, or use a different weight.",
  },
  VetoNamesNoSeat: {
    code: "MLAT3002", severity: "error", message: "the veto `{0}` names no seat of the body `{1}`",
    docs: "`veto S` gives a veto to the seats in `S`. Here `S` contains no seat of the body, so the veto can never be used and the condition always holds. Name a seat class of the body, or a group whose states hold seats.",
  },
  RuleNeverPasses: {
    code: "MLAT3003", severity: "warning", message: "the rule `{0}` can never pass{1}",
    docs: "No way of voting — whatever each seat votes, abstains or stays away — adopts a motion under this rule. The body can decide nothing with it. Check thresholds and connectives.",
  },
  RuleAlwaysPasses: {
    code: "MLAT3004", severity: "warning", message: "the rule `{0}` always passes{1}",
    docs: "Every way of voting adopts the motion, even when every seat votes no. Such a rule does not constrain the body. Check for `or` where `and` was meant, or thresholds of zero.",
  },
  ThresholdAboveTotal: {
    code: "MLAT3005", severity: "error", message: "the threshold {0} exceeds the total of {1}",
    docs: "A rule asks for more than there is to count: more yes votes than seats, or more weight than the seats hold together. The rule can never be met by that condition.",
  },
  TooFewMembers: {
    code: "MLAT3006", severity: "warning", message: "the institution `{0}` has {1}: multilateralism coordinates three or more states (Keohane)",
    docs: "Keohane defines multilateralism as the practice of coordinating national policies in groups of three or more states. An institution with fewer members is bilateral or unilateral, whatever its name.",
  },
  AttributeType: {
    code: "MLAT3007", severity: "error", message: "the attribute `{0}` {1}",
    docs: "An attribute is used with a value of the wrong type: a weight needs a number, a filter compares a number with a number and a name with a name, and one attribute should have values of one type across all states.",
  },
  DuplicateMember: {
    code: "MLAT3008", severity: "warning", message: "`{0}` is listed more than once",
    docs: "A state appears twice in a set literal, in an institution's members, or in a body's seats. A state holds one seat per seat class; remove the repeated entry.",
  },
  EmptyGroup: {
    code: "MLAT3009", severity: "warning", message: "the group `{0}` is empty",
    docs: "A group expression evaluates to no state at all, for example a filter that matches nothing or a difference that removes everything. Rules and principles over an empty group are vacuous.",
  },
  WeightForNonSeat: {
    code: "MLAT3010", severity: "error", message: "the weight `{0}` gives a value to `{1}`, which holds no seat in `{2}`",
    docs: "A weight table lists an entry for something that is not a seat of the body. Remove the entry, or seat the state.",
  },
  SeatInTwoClasses: {
    code: "MLAT3011", severity: "error", message: "`{0}` holds a seat in both `{1}` and `{2}`",
    docs: "A state may hold only one seat in a body. Two seat classes of the same body list the same state; remove it from one of them (for example, elected seats are filled from the members that hold no permanent seat).",
  },
  NegativeWeight: {
    code: "MLAT3012", severity: "error", message: "the weight `{0}` of `{1}` is negative",
    docs: "Weights count votes, shares or population; they must be zero or more.",
  },
  NonMonotoneRule: {
    code: "MLAT3013", severity: "warning", message: "the rule `{0}` is not monotone: an extra yes can make a motion fail",
    docs: "Under this rule there is a vote that passes but fails when one more seat switches to yes (for example `yes = 5`, or `not veto P5`). The rule is still analysed, but power indices of non-monotone games are hard to interpret.",
  },
  DuplicateAttribute: {
    code: "MLAT3014", severity: "error", message: "the attribute `{0}` is given twice",
    docs: "A state's attribute block names the same attribute more than once; keep one.",
  },
  ElectedSeatsExceedPool: {
    code: "MLAT3015", severity: "warning", message: "the body `{0}` has {1} elected seats but only {2} members hold no other seat",
    docs: "Elected seats are filled from the institution's members that hold no seat of another class. When there are more elected seats than such members, some seats can never be filled.",
  },
  ScaleTooFine: {
    code: "MLAT3016", severity: "warning", message: "the rule `{0}` cannot be analysed exactly: {1}",
    docs: "Exact analysis counts coalitions by their tallies. When weights have many significant digits (for example populations given to the person) and many seats, the number of distinct tallies is too large to count exactly in reasonable time and memory. Give the weight in coarser units (for example millions with one decimal) or analyse fewer seats.",
  },
  BaseWithAbsoluteNumber: {
    code: "MLAT3017", severity: "error", message: "`of {0}` applies to a fraction or a percentage, not to the number `{1}`",
    docs: "`of voting` and `of present` say what a fraction or percentage is taken of: `yes >= 2/3 of voting` means two thirds of the seats that voted yes or no. A plain number such as `9` is already a count, so `of voting` has no meaning after it. Write a fraction or percentage, or drop `of …`.",
  },
  SeatCountInvalid: {
    code: "MLAT3018", severity: "error", message: "a body needs {0}",
    docs: "Elected seats are declared with a positive whole number (`seats elected: 10`), and a body must declare at least one seat (`seats: members`, a seat class, or elected seats). Votes held in rotation (`seats group1: 4 of Group1`) need a seat class name and a number between 1 and the number of the group's states.",
  },
  BilateralDiscrimination: {
    code: "MLAT3019", severity: "warning", message: "the arrangement `{0}` between `{1}` gives what `{2}` says must go to all members (a bilateral discriminatory arrangement)",
    docs: "Kahler contrasts multilateralism with bilateral discriminatory arrangements that enhance the leverage of the powerful over the weak. mlat runs the arrangement's commitments through the conduct engine: when an arrangement between two parties triggers an obligation that a principle of a shared institution owes to every member (most-favoured-nation treatment is the classic case) and the arrangement does not meet it, the arrangement discriminates. An arrangement of a kind the principle excepts (`unless within customs_union`) is not reported.",
  },
  ParticularisticPrinciple: {
    code: "MLAT3020", severity: "warning", message: "the principle `{0}` names the state `{1}` where a class of states is expected (a particularistic principle)",
    docs: "Ruggie's generalized principles of conduct specify appropriate conduct for a class of actions and actors without regard to particularistic interests. A principle whose subject or action names particular states (`every { USA, GBR }`, `against: RUS`) is particularistic; name a class instead — `member`, a group defined by a filter, or `members of` an institution.",
  },
  NormConflict: {
    code: "MLAT3021", severity: "warning", message: "the principles `{0}` and `{1}` oblige and forbid the same conduct for {2}",
    docs: "One principle says some states must do an act and another says they must not, for overlapping subjects and arguments. Unless an exception or a condition separates them, a state bound by both cannot comply with both. The message names the states in the overlap; the related information points at the other principle.",
  },
  MembershipLoop: {
    code: "MLAT3022", severity: "warning", message: "membership requirements loop: {0}",
    docs: "An institution requires membership of another (`requires: members of B`), which in turn requires membership of the first, directly or through others. No state can join either without already being a member of the other.",
  },
  WeightFormula: {
    code: "MLAT3023", severity: "error", message: "the weight `{0}` cannot be computed: {1}",
    docs: "A weight formula (`weight votes = 3 + (population > 2)`) is computed for every seat of the body from its state's attributes. Every seat needs a state (elected seats have none) with each attribute the formula names, as a number; division by zero and the square root of a negative number have no value; the functions are min, max, floor, ceil, round(x, digits) and sqrt(x, digits). Give the missing attribute, or use a table (`weight votes { … }`) for such a body.",
  },
  InternalError: {
    code: "MLAT4001", severity: "error", message: "internal error: {0}",
    docs: "mlat hit a bug. The design is not at fault. Please report the message and the design that caused it.",
  },
  RuleSetInvalid: {
    code: "MLAT4002", severity: "error", message: "the rule set is not valid at `{0}`: {1}",
    docs: "A compiled rule set (JSON) does not match the published schema (`mlat schema ruleset`). When the rule set came from `mlat compile` this is a bug; when it was written or edited by hand, the message names the JSON path and what was expected there.",
  },
  CannotRead: {
    code: "MLAT5001", severity: "error", message: "cannot read `{0}`: {1}",
    docs: "A file or folder named on the command line, or imported with `use`, could not be read (it does not exist, or permissions forbid it).",
  },
  NoInputFiles: {
    code: "MLAT5002", severity: "error", message: "no `.mlat` files found in {0}",
    docs: "The paths given to the command contain no `.mlat` file.",
  },
  InvalidInput: {
    code: "MLAT5003", severity: "error", message: "invalid input at `{0}`: {1}",
    docs: "A JSON input (votes, events, a rule set) or a command-line value does not have the expected form. The message names the JSON path (or the option) and what was expected there; `mlat schema votes` prints the schema of a vote.",
  },
  FileTooLarge: {
    code: "MLAT5005", severity: "error", message: "`{0}` is {1}",
    docs: "mlat refuses source files larger than 8 MiB and JSON inputs larger than 50 MiB rather than spending minutes or gigabytes on them. A real design is far smaller; split a generated one into files that import each other.",
  },
  CannotWrite: {
    code: "MLAT5006", severity: "error", message: "cannot write `{0}`: {1}",
    docs: "An output file (`-o`, `mlat fmt --write`) could not be written. mlat writes a temporary file beside the target and renames it over the target, keeping the target's mode; it refuses to replace an input of the same command, a read-only file, a file with other hard links (replacing it would break them), or something that is not a regular file. A symbolic link is written through to the file it points to.",
  },
  OutputTooLarge: {
    code: "MLAT5007", severity: "error", message: "the output would be {0}: {1}",
    docs: "Exact answers can be long: every seat of a 100,000-seat body has a count of 30,000 digits, so `mlat analyze --format json` of it would print gigabytes. mlat refuses output over 256 MiB before writing any of it. The table format (the default) shows the same shares rounded for people; `--rule` narrows the analysis to one rule.",
  },
  UnknownRule: {
    code: "MLAT5004", severity: "error", message: "unknown rule `{0}`{1}",
    docs: "A command names a rule as `INSTITUTION.BODY.RULE` that the design does not declare. The message lists the closest rule names.",
  },
} as const satisfies Record<string, DiagnosticDefinition>;

export type DiagnosticKey = keyof typeof Diagnostics;

export const allDiagnostics: readonly DiagnosticDefinition[] = Object.values(Diagnostics);

export function findDiagnostic(code: string): DiagnosticDefinition | undefined {
  const wanted = code.toUpperCase();
  return allDiagnostics.find((d) => d.code === wanted);
}
