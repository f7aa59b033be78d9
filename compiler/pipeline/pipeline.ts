// The compiler's stages in their fixed order: load (read and parse every file a design uses) →
// bind (names, groups, seats, rules) → check (the table in checks/all.ts) → lower (the rule set)
// → validate (the published schema). Each stage returns values; none throws on bad input: an
// exception is a bug, reported as MLAT4001 with the message.
import { sortDiagnostics, makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticKey, Severity } from "../diagnostics/codes.js";
import type { Fix, RelatedInformation } from "../diagnostics/diagnostic.js";
import { bindProgram } from "../semantics/binder.js";
import { loadProgram, type ParseCache, type Program, type SourceHost } from "../semantics/program.js";
import type { Model } from "../semantics/model.js";
import { lowerModel, type Lowered } from "../ruleset/lower.js";
import type { RuleSet } from "../ruleset/types.js";
import { validateAgainst } from "../ruleset/validate.js";
import { allChecks, modelChecks } from "../checks/all.js";
import type { CheckContext } from "../checks/check.js";
import type { Span } from "../text/span.js";

export interface CheckOutput {
  readonly program: Program;
  readonly model: Model;
  /** Sorted by file and position, without duplicates. */
  readonly diagnostics: readonly Diagnostic[];
  /** The rule set as the checks lowered it (without source locations), when they did. */
  readonly lowered?: Lowered;
}

export interface CheckOptions {
  readonly cache?: ParseCache;
  /** Run the checks that need the engine (never/always passes, monotonicity, scale, discrimination). */
  readonly ruleChecks?: boolean;
  /** Keep every resolved use of a name (for editors); the command line can do without. */
  readonly references?: boolean;
}

export interface CheckManyOutput {
  /** One checked program per entry file: each design sees only what it imports. */
  readonly outputs: readonly CheckOutput[];
  /** Every file read, entries and imports, in load order. */
  readonly files: readonly string[];
  /** All diagnostics, sorted and without duplicates (a shared import is checked once per importer). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks several independent designs, sharing the parse of files they have in common. */
export function checkFiles(entries: readonly string[], host: SourceHost, options: CheckOptions = {}): CheckManyOutput {
  const cache = options.cache ?? new Map();
  const outputs = entries.map((e) => checkProgramOf([e], host, { ...options, cache }));
  const files = [...new Set(outputs.flatMap((o) => [...o.program.files.keys()]))];
  return { outputs, files, diagnostics: dedupe(sortDiagnostics(outputs.flatMap((o) => o.diagnostics))) };
}

type CitedSites = Map<string, { span: Span; cite: NonNullable<Diagnostic["cite"]> }[]>;

/** The declarations that carry a citation, by file (made once, on the first finding). */
function citedSites(model: Model): CitedSites {
  const out: CitedSites = new Map();
  for (const site of model.declarations.values()) if (site.cite) out.set(site.file, [...(out.get(site.file) ?? []), { span: site.span, cite: site.cite }]);
  return out;
}

/** The citation of the innermost rule, seat class, body or principle around a span, if any. */
function citationAround(sites: CitedSites, file: string, span: Span): Diagnostic["cite"] {
  let best: { cite: NonNullable<Diagnostic["cite"]>; size: number } | undefined;
  for (const site of sites.get(file) ?? []) {
    if (site.span.start > span.start || site.span.end < span.end) continue;
    const size = site.span.end - site.span.start;
    if (!best || size < best.size) best = { cite: site.cite, size };
  }
  return best?.cite;
}

/** Checks one design: the entry files and what they import, as one program with one scope. */
export function checkProgramOf(entries: readonly string[], host: SourceHost, options: CheckOptions = {}): CheckOutput {
  const diagnostics: Diagnostic[] = [];
  let program: Program = { entries, files: new Map(), diagnostics: [] };
  let model: Model;
  let lowered: Lowered | undefined;
  try {
    program = loadProgram(entries, host, options.cache);
    append(diagnostics, program.diagnostics);
    for (const f of program.files.values()) append(diagnostics, f.parsed.diagnostics);
    const bound = bindProgram(program, { references: options.references !== false });
    model = bound.model;
    append(diagnostics, bound.diagnostics);
    const m = model;
    let cited: CitedSites | undefined;
    const ctx: CheckContext = {
      model: m,
      lowered: () => (lowered ??= lowerModel(m, { locations: false })),
      report: (key: DiagnosticKey, file: string, span: Span, args: (string | number)[] = [], extra: { related?: RelatedInformation[]; fixes?: Fix[]; severity?: Severity } = {}) => {
        const d = makeDiagnostic(key, file, span, args, extra);
        const cite = citationAround((cited ??= citedSites(m)), file, span);
        diagnostics.push(cite ? { ...d, cite } : d);
      },
    };
    for (const check of options.ruleChecks === false ? modelChecks : allChecks) check.run(ctx);
  } catch (e) {
    // A thrown exception is a bug, never the user's fault: report it as such, with a code.
    const file = entries[0] ?? "<input>";
    diagnostics.push(makeDiagnostic("InternalError", file, { start: 0, end: 0 }, [e instanceof Error ? e.message : String(e)]));
    model = emptyModel();
  }
  return { program, model, diagnostics: dedupe(sortDiagnostics(diagnostics)), ...(lowered ? { lowered } : {}) };
}

export interface CompileOutput extends CheckOutput {
  /** Present when there is no error. */
  readonly ruleset?: RuleSet;
}

export interface CompileOptions extends CheckOptions {
  readonly locations?: boolean;
  readonly displayPath?: (file: string) => string;
}

export function compileFiles(entries: readonly string[], host: SourceHost, options: CompileOptions = {}): CompileOutput {
  const checked = checkProgramOf(entries, host, options);
  if (checked.diagnostics.some((d) => d.severity === "error")) return checked;
  const locations = options.locations ?? true;
  // The checks' lowering has no source locations; with locations the rule set is lowered again.
  const lowered =
    !locations && checked.lowered
      ? checked.lowered
      : lowerModel(checked.model, { sources: new Map([...checked.program.files].map(([k, v]) => [k, v.text])), locations, ...(options.displayPath ? { displayPath: options.displayPath } : {}) });
  const problems = validateAgainst("ruleset", lowered.ruleset);
  if (problems.length > 0) {
    const d = makeDiagnostic("RuleSetInvalid", entries[0] ?? "<input>", { start: 0, end: 0 }, [problems[0]!.path, problems[0]!.message]);
    return { ...checked, diagnostics: [...checked.diagnostics, d] };
  }
  return { ...checked, ruleset: lowered.ruleset, lowered };
}

/** Appends without spreading (a spread of a huge array overflows the stack). */
function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function emptyModel(): Model {
  return { states: new Map(), groups: new Map(), actions: new Map(), institutions: new Map(), arrangements: new Map(), scenarios: [], assertions: [], blocs: [], declarations: new Map(), references: [] };
}
