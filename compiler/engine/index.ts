// The engine's public functions: what the compiler's checks, the editor host and the library API
// call. The engine reads a RuleSet (compiled here or read from JSON) and returns data with reasons;
// it never sees the syntax tree or the bound model.
export { findRule, allRules, rulesNamed } from "./rules.js";
export { analyzeRule, analyzeAll, countWinningIn, AnalysisError, type AnalysisOptions, type RuleAnalysis, type PowerClassResult } from "./analysis/analyze.js";
export { analyzeBloc, type BlocAnalysis } from "./analysis/blocs.js";
export { ternaryPower, TernaryError, TERNARY_LIMIT, type TernaryPower } from "./analysis/ternary.js";
export { ruleForm, type RuleForm } from "./analysis/form.js";
export { ruleCheckFacts } from "./analysis/feasibility.js";
export type { Ballot } from "./evaluation/ballot.js";
export { evaluateVote, adopts, VoteError, type VoteResult, type ConditionTrace } from "./evaluation/vote.js";
export type { Counterfactual } from "./evaluation/counterfactual.js";
export { ballotsFromLists, BallotError } from "./evaluation/ballots.js";
export { runConduct, type ConductResult, type Violation } from "./conduct/principles.js";
export { traceFromEvents, TraceError, type EventsDocument } from "./conduct/events-input.js";
export type { TraceStep } from "./conduct/trace.js";
export { runTests, type TestResult } from "./testing/run.js";
export { marksOf, type InstitutionMarks } from "./marks.js";
export { diffRuleSets, type DesignDiff, type RuleDiff, type Verdict } from "./diff.js";
export { parseSeatMapping, SeatMappingError, type SeatMapping } from "./successor-map.js";
export { ballotUse, type BallotProfile, type BallotUse } from "./diff-ballots.js";
export { applyWhatIf, WhatIfError, type WhatIfChange } from "./whatif.js";
