// The library's task-level API: what the CLI, the language server, another program or a CI script
// calls. One style throughout: each function takes design texts (or a SourceHost) or a compiled
// rule set, and returns plain data. None does I/O, and none throws on bad input: problems come
// back as diagnostics, or as `{ error }` with a message (and a JSON path where there is one).
import { checkFiles, compileFiles, type CheckOptions, type CheckOutput, type CompileOptions, type CompileOutput } from "./pipeline/pipeline.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { SourceHost } from "./semantics/program.js";
import type { RuleSet, BlocJson } from "./ruleset/types.js";
import { validateAgainst, type SchemaError } from "./ruleset/validate.js";
import { checkConsistency } from "./ruleset/consistency.js";
import {
  allRules,
  analyzeBloc,
  analyzeRule,
  AnalysisError,
  ballotsFromLists,
  BallotError,
  diffRuleSets,
  evaluateVote,
  findRule,
  rulesNamed,
  marksOf,
  runConduct,
  runTests,
  traceFromEvents,
  TraceError,
  VoteError,
  type AnalysisOptions,
  type Ballot,
  type BlocAnalysis,
  type ConductResult,
  type DesignDiff,
  type SeatMapping,
  type EventsDocument,
  type InstitutionMarks,
  type RuleAnalysis,
  type TestResult,
  type VoteResult,
} from "./engine/index.js";

/** Design texts by path, or a host that reads them; `entries` default to every path given. */
export type DesignInput = { readonly files: Readonly<Record<string, string>>; readonly entries?: readonly string[] } | { readonly host: SourceHost; readonly entries: readonly string[] };

/** A SourceHost over texts in memory, keyed by path (for tests, editors and other programs). */
export function memoryHost(files: Record<string, string> | ReadonlyMap<string, string>): SourceHost {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return { readFile: (p) => map.get(p) };
}

function resolveInput(input: DesignInput): { host: SourceHost; entries: readonly string[] } {
  if ("host" in input) return input;
  return { host: memoryHost(input.files), entries: input.entries ?? Object.keys(input.files) };
}

export interface CheckReport {
  /** Every diagnostic of every design, sorted, each with a code, a severity and a range. */
  readonly diagnostics: readonly Diagnostic[];
  /** No errors (warnings allowed). */
  readonly ok: boolean;
  /** Every file read, entries and imports, in load order. */
  readonly files: readonly string[];
  /** One checked program per entry: each design sees only what it imports. */
  readonly outputs: readonly CheckOutput[];
}

/** Checks designs: each entry is one design (with what it imports). */
export function check(input: DesignInput, options: CheckOptions = {}): CheckReport {
  const { host, entries } = resolveInput(input);
  const result = checkFiles(entries, host, options);
  return { diagnostics: result.diagnostics, ok: !result.diagnostics.some((d) => d.severity === "error"), files: result.files, outputs: result.outputs };
}

/** Compiles one design (the given entries, or the first file, and what they import) to a schema-valid rule set. */
export function compile(input: DesignInput, options: CompileOptions = {}): CompileOutput {
  const { host, entries } = resolveInput(input);
  const chosen = "host" in input || input.entries ? entries : entries.slice(0, 1);
  return compileFiles(chosen, host, { locations: true, ...options });
}

/**
 * Checks that JSON is a valid compiled rule set: the published schema, then what the schema cannot
 * say (unique ids, references that resolve, complete non-negative weights). Errors name the JSON path.
 */
export function validateRuleSet(json: unknown): { readonly ok: true; readonly ruleset: RuleSet } | { readonly ok: false; readonly errors: readonly SchemaError[] } {
  const errors = validateAgainst("ruleset", json);
  if (errors.length) return { ok: false, errors };
  const inconsistent = checkConsistency(json as RuleSet);
  return inconsistent.length ? { ok: false, errors: inconsistent } : { ok: true, ruleset: json as RuleSet };
}

export type AnalysisOutcome = RuleAnalysis | { readonly rule: string; readonly error: string };

/** Exact voting-power analysis of every rule (or of `options.rules`). */
export function analyze(ruleset: RuleSet, options: AnalysisOptions & { readonly rules?: readonly string[] } = {}): AnalysisOutcome[] {
  // A parameterised rule named without a binding stands for every binding of it.
  type Target = { id: string; found: ReturnType<typeof findRule> };
  const named = (id: string): Target[] => {
    const all = rulesNamed(ruleset, id);
    return all.length ? all.map((found) => ({ id: found.rule.id, found })) : [{ id, found: undefined }];
  };
  const targets: Target[] = options.rules ? options.rules.flatMap(named) : allRules(ruleset).map((found) => ({ id: found.rule.id, found }));
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

export type BlocOutcome = BlocAnalysis | { readonly bloc: string; readonly rule: string; readonly error: string };

/** The power of voting blocs in every rule of their body (`rules` limits which rules). */
export function analyzeBlocs(ruleset: RuleSet, blocs: readonly BlocJson[], rules?: readonly string[]): BlocOutcome[] {
  const out: BlocOutcome[] = [];
  for (const bloc of blocs) {
    for (const { body, rule } of allRules(ruleset)) {
      if (body.id !== bloc.body || (rules && !rules.includes(rule.id))) continue;
      try {
        out.push(analyzeBloc(ruleset, bloc, body, rule));
      } catch (e) {
        if (!(e instanceof AnalysisError)) throw e;
        out.push({ bloc: bloc.id, rule: rule.id, error: e.message });
      }
    }
  }
  return out;
}

/** Evaluates one vote: seat id → yes | no | abstain | absent (seats not named are absent). */
export function evaluate(ruleset: RuleSet, rule: string, ballots: Readonly<Record<string, Ballot>>, options: { counterfactual?: boolean; holding?: readonly string[] } = {}): VoteResult | { readonly error: string } {
  const found = findRule(ruleset, rule);
  if (!found) return { error: `unknown rule \`${rule}\`` };
  try {
    return evaluateVote(found.body, found.rule, ballots, options);
  } catch (e) {
    if (e instanceof VoteError) return { error: e.message };
    throw e;
  }
}

/**
 * Ballots from lists as people write them (`USA,GBR,elected*8,P5`): seat ids, `class.N`,
 * `class*N`, seat classes and groups; `rest` is the ballot of every seat not named.
 */
export function ballots(ruleset: RuleSet, rule: string, lists: Partial<Record<Ballot, string>>, rest: Ballot = "absent"): { readonly ballots: Record<string, Ballot> } | { readonly error: string } {
  const found = findRule(ruleset, rule);
  if (!found) return { error: `unknown rule \`${rule}\`` };
  try {
    return { ballots: ballotsFromLists(ruleset, found.body, lists, rest) };
  } catch (e) {
    if (e instanceof BallotError) return { error: e.message };
    throw e;
  }
}

/** Runs a trace of acts and votes (the `mlat schema events` document) against the principles. */
export function conduct(ruleset: RuleSet, events: EventsDocument): ConductResult | { readonly error: string; readonly path: string } {
  const problems = validateAgainst("events", events);
  if (problems.length) return { error: problems[0]!.message, path: problems[0]!.path };
  try {
    return runConduct(ruleset, traceFromEvents(ruleset, events));
  } catch (e) {
    if (e instanceof TraceError) return { error: e.message, path: e.path };
    throw e;
  }
}

/** Runs the scenarios and assertions of a rule set. */
export function test(ruleset: RuleSet, file?: string): TestResult[] {
  return runTests(ruleset, file);
}

/** What an amendment changes, rule by rule. */
export function diff(older: RuleSet, newer: RuleSet, mappings: readonly SeatMapping[] = []): DesignDiff {
  return diffRuleSets(older, newer, mappings);
}

/** The marks of multilateralism of each institution. */
export function marks(ruleset: RuleSet): InstitutionMarks[] {
  return marksOf(ruleset);
}

export type { CheckOptions, CheckOutput, CompileOptions, CompileOutput };
