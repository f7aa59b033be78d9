// How the server runs rule analyses (hover, "Analyze rule") when its environment can run them
// off its thread: the interface, and the error a cancelled analysis ends with. No Node import, so
// the browser playground's server bundles it too.
import type { AnalysisJob, RuleAnalysis } from "../compiler/index.js";

/** Ends a job's promise when an edit made its answer stale. */
export class AnalysisCancelledError extends Error {}

export interface AnalysisRunner {
  run(job: Pick<AnalysisJob, "ruleset" | "rule" | "options">): Promise<RuleAnalysis | string>;
  /** Stops every job in progress (their promises reject with AnalysisCancelledError). */
  cancelAll(): void;
}
