// State shared by the binding stages: the program, the top-level scope, and the side tables
// (diagnostics, declarations, references) that the stages fill in.
import type * as A from "../syntax/ast.js";
import type { Span } from "../text/span.js";
import { makeDiagnostic, type Diagnostic, type Fix, type RelatedInformation } from "../diagnostics/diagnostic.js";
import type { DiagnosticKey, Severity } from "../diagnostics/codes.js";
import type { DeclarationSite, Reference, SymbolKind } from "./model.js";
import { visibleFiles, type Program } from "./program.js";
import { Suggester, SuggestionBudget } from "../text/suggest.js";

export type TopLevelKind = "state" | "group" | "action" | "institution" | "arrangement";

export interface TopLevelEntry {
  readonly kind: TopLevelKind;
  readonly name: A.Name;
  readonly decl: A.StateDecl | A.GroupDecl | A.ActionDecl | A.InstitutionDecl | A.ArrangementDecl;
  readonly file: string;
}

const article: Record<string, string> = {
  state: "a state", group: "a group", action: "an action", institution: "an institution", arrangement: "an arrangement",
  body: "a body", rule: "a rule", seatClass: "a seat class", weight: "a weight", principle: "a principle", parameter: "a parameter",
};

export function describeKind(kind: string): string {
  return article[kind] ?? `a ${kind}`;
}

export class BindContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Errors reported so far: an expression that raised one is poisoned (see model.ts). */
  errorCount = 0;
  readonly declarations = new Map<string, DeclarationSite>();
  readonly references: Reference[] = [];
  /** Top-level names: one scope across all files of the program. */
  readonly topLevel = new Map<string, TopLevelEntry>();
  private readonly visibility = new Map<string, Set<string>>();

  /** `collectReferences: false` skips the editor's side table (the command line does not need it). */
  constructor(readonly program: Program, private readonly collectReferences = true) {}

  report(key: DiagnosticKey, file: string, span: Span, args: (string | number)[] = [], extra: { related?: RelatedInformation[]; fixes?: Fix[]; severity?: Severity } = {}): void {
    const d = makeDiagnostic(key, file, span, args, extra);
    if (d.severity === "error") this.errorCount++;
    this.diagnostics.push(d);
  }

  declare(site: DeclarationSite): void {
    if (!this.declarations.has(site.id)) this.declarations.set(site.id, site);
  }

  reference(id: string, file: string, span: Span): void {
    if (this.collectReferences && span.end > span.start) this.references.push({ id, file, span });
  }

  private visible(file: string): Set<string> {
    let v = this.visibility.get(file);
    if (!v) {
      v = visibleFiles(this.program, file);
      this.visibility.set(file, v);
    }
    return v;
  }

  /** A top-level declaration visible from `file` (declared there or in a file it imports). */
  lookupTop(name: string, file: string): TopLevelEntry | undefined {
    const e = this.topLevel.get(name);
    return e && this.visible(file).has(e.file) ? e : undefined;
  }

  private readonly topNameLists = new Map<string, string[]>();
  private readonly suggesters = new WeakMap<object, Suggester>();
  private readonly budget = new SuggestionBudget();

  /** Top-level names of these kinds visible from `file` (one list per file and kinds, reused). */
  topNames(file: string, kinds: readonly TopLevelKind[]): string[] {
    const key = `${file}\u0000${kinds.join(",")}`;
    let out = this.topNameLists.get(key);
    if (out) return out;
    const v = this.visible(file);
    out = [];
    for (const [n, e] of this.topLevel) if (kinds.includes(e.kind) && v.has(e.file)) out.push(n);
    this.topNameLists.set(key, out);
    return out;
  }

  /** A did-you-mean index over a candidate list, made once per list (all share one work budget). */
  suggester(candidates: Iterable<string>): Suggester {
    if (typeof candidates !== "object" || candidates === null) return new Suggester(candidates, this.budget);
    let s = this.suggesters.get(candidates);
    if (!s) this.suggesters.set(candidates, (s = new Suggester(candidates, this.budget)));
    return s;
  }

  /**
   * Reports an unknown name with a did-you-mean suggestion and a quick fix that applies it.
   * `what` is the kind of thing expected ("state or group", "rule", …).
   */
  /** Files that import something that could not be loaded (reported at the `use`), with those that import them. */
  private blind?: Set<string>;

  /**
   * One error per mistake: in a file whose imports did not all load, an unknown name may well be
   * declared in the file that is missing; the error at the `use` covers it.
   */
  private importFailed(file: string): boolean {
    if (!this.blind) {
      this.blind = new Set();
      for (const [path, f] of this.program.files) {
        // Files come after their imports: one pass carries the blindness up to every importer.
        if (f.imports.some((i) => i.target === undefined || this.blind!.has(i.target))) this.blind.add(path);
      }
    }
    return this.blind.has(file);
  }

  unknown(what: string, name: A.Name, file: string, candidates: Iterable<string> | ((word: string) => string | undefined), where = "", extraFixes: Fix[] = []): void {
    if (name.text === "") return; // a syntax error already covers a missing name
    if (this.importFailed(file)) return;
    const guess = typeof candidates === "function" ? candidates(name.text) : this.suggester(candidates).closest(name.text);
    const fixes: Fix[] = [...(guess ? [{ title: `Change to \`${guess}\``, edits: [{ file, span: name.span, newText: guess }] }] : []), ...extraFixes];
    this.report("UnknownName", file, name.span, [what, name.text, where ? ` in \`${where}\`` : "", guess ? `: did you mean \`${guess}\`?` : ""], { fixes });
  }

  wrongKind(name: A.Name, file: string, actual: string, expected: string, hint = ""): void {
    this.report("WrongKindOfName", file, name.span, [name.text, describeKind(actual), expected, hint]);
  }
}

export function symbolId(kind: SymbolKind, qualified: string): string {
  return `${kind}:${qualified}`;
}
