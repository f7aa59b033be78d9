// The library's task-level API: what another program or a CI script calls. Each function takes
// texts (or a SourceHost) or a compiled rule set, and returns plain data; none does I/O or throws
// on bad input (a rule set that fails its schema comes back as errors with JSON paths).
import { checkFiles, compileFiles, type CheckManyOutput, type CompileOutput } from "./compile.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { SourceHost } from "./semantics/program.js";
import type { RuleSet } from "./ruleset/types.js";
import { validateAgainst, type SchemaError } from "./ruleset/validate.js";
import { allRules, analyzeRule, findRule, AnalysisError, type AnalysisOptions, type RuleAnalysis } from "./engine/analysis/analyze.js";
import { evaluateVote, type Ballot, type VoteResult } from "./engine/evaluation/vote.js";
import { runConduct, type ConductResult } from "./engine/conduct/principles.js";
import { traceFromEvents, type EventsDocument } from "./engine/conduct/events-input.js";
import { runTests, type TestResult } from "./engine/testing/run.js";

/** Design texts by path, or a host that reads them; `entries` default to every path given. */
export type DesignInput = { readonly files: Readonly<Record<string, string>>; readonly entries?: readonly string[] } | { readonly host: SourceHost; readonly entries: readonly string[] };

function resolveInput(input: DesignInput): { host: SourceHost; entries: readonly string[] } {
  if ("host" in input) return input;
  const files = new Map(Object.entries(input.files));
  return { host: { readFile: (p) => files.get(p) }, entries: input.entries ?? [...files.keys()] };
}

/** Checks designs: every diagnostic, sorted, each with a code, a severity and a range. */
export function check(input: DesignInput): { readonly diagnostics: readonly Diagnostic[]; readonly ok: boolean; readonly result: CheckManyOutput } {
  const { host, entries } = resolveInput(input);
  const result = checkFiles(entries, host);
  return { diagnostics: result.diagnostics, ok: !result.diagnostics.some((d) => d.severity === "error"), result };
}

/** Compiles one design (its first entry and what it imports) to a schema-valid rule set. */
export function compile(input: DesignInput, options: { locations?: boolean } = {}): CompileOutput {
  const { host, entries } = resolveInput(input);
  return compileFiles(entries.slice(0, 1), host, { locations: options.locations ?? true });
}

/** Checks that JSON is a valid compiled rule set; the errors name the JSON path. */
export function validateRuleSet(json: unknown): { readonly ok: true; readonly ruleset: RuleSet } | { readonly ok: false; readonly errors: readonly SchemaError[] } {
  const errors = validateAgainst("ruleset", json);
  return errors.length ? { ok: false, errors } : { ok: true, ruleset: json as RuleSet };
}

/** Exact voting-power analysis of every rule (or of `options.rules`). */
export function analyze(ruleset: RuleSet, options: AnalysisOptions & { readonly rules?: readonly string[] } = {}): (RuleAnalysis | { readonly rule: string; readonly error: string })[] {
  const targets = options.rules ? options.rules.map((id) => ({ id, found: findRule(ruleset, id) })) : allRules(ruleset).map((found) => ({ id: found.rule.id, found }));
  return targets.map(({ id, found }) => {
    if (!found) return { rule: id, error: `unknown rule \`${id}\`` };
    try {
      return analyzeRule(ruleset, found.body, found.rule, options);
    } catch (e) {
      if (e instanceof AnalysisError) return { rule: id, error: e.message };
      throw e;
    }
  });
}

/** Evaluates one vote: seat id → yes | no | abstain | absent (seats not named are absent). */
export function evaluate(ruleset: RuleSet, rule: string, ballots: Readonly<Record<string, Ballot>>, options: { counterfactual?: boolean } = {}): VoteResult {
  const found = findRule(ruleset, rule);
  if (!found) throw new RangeError(`unknown rule \`${rule}\``);
  return evaluateVote(found.body, found.rule, ballots, options);
}

/** Runs a trace of acts and votes (the `mlat schema events` document) against the principles. */
export function conduct(ruleset: RuleSet, events: EventsDocument): ConductResult {
  return runConduct(ruleset, traceFromEvents(ruleset, events));
}

/** Runs the scenarios and assertions of a rule set. */
export function test(ruleset: RuleSet): TestResult[] {
  return runTests(ruleset);
}

export type { Ballot, VoteResult, RuleAnalysis, ConductResult, TestResult, EventsDocument, AnalysisOptions };
