// Loads a program: the entry files and everything they import with `use`, each file read and
// parsed once. Reading goes through the injected SourceHost, the compiler's only door to I/O.
import { parse, type ParseResult } from "../syntax/parse.js";
import type { UseDecl } from "../syntax/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { resolveRelative } from "../text/paths.js";

export interface SourceHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** Why a file cannot be read when it exists (not valid UTF-8, too large, a symbolic-link loop). */
  problem?(path: string): string | undefined;
  /**
   * The fence: undefined when `importer` may import `target`, else the project root the import
   * must stay within (hosts without it, such as texts in memory, allow every import).
   */
  checkImport?(importer: string, target: string): { readonly root: string } | undefined;
}

export interface LoadedFile {
  readonly path: string;
  readonly text: string;
  readonly parsed: ParseResult;
  /** Resolved `use` targets (undefined when the file was not found). */
  readonly imports: readonly { readonly decl: UseDecl; readonly target: string | undefined; readonly resolved: string }[];
}

export interface Program {
  readonly entries: readonly string[];
  /** All files in load order: a file comes after the files it imports. */
  readonly files: ReadonlyMap<string, LoadedFile>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parsed files can be shared between programs (the CLI checking a folder, the language server). */
export type ParseCache = Map<string, { text: string; parsed: ParseResult }>;

export function loadProgram(entries: readonly string[], host: SourceHost, cache: ParseCache = new Map()): Program {
  const files = new Map<string, LoadedFile>();
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];

  /** Returns false when the file cannot be read. */
  const visit = (path: string): boolean => {
    if (state.get(path) === "done") return true;
    const text = host.readFile(path);
    if (text === undefined) return false;
    state.set(path, "visiting");
    stack.push(path);
    let entry = cache.get(path);
    if (!entry || entry.text !== text) {
      entry = { text, parsed: parse(text, path) };
      cache.set(path, entry);
    }
    const imports: { decl: UseDecl; target: string | undefined; resolved: string }[] = [];
    for (const d of entry.parsed.ast.declarations) {
      if (d.kind !== "use" || d.path === "") continue;
      const target = resolveRelative(path, d.path);
      if (!target.endsWith(".mlat")) {
        diagnostics.push(makeDiagnostic("ImportNotMlat", path, d.pathSpan, [d.path]));
        imports.push({ decl: d, target: undefined, resolved: target });
        continue;
      }
      const fence = host.checkImport?.(path, target);
      if (fence) {
        diagnostics.push(makeDiagnostic("ImportOutsideRoot", path, d.pathSpan, [d.path, fence.root]));
        imports.push({ decl: d, target: undefined, resolved: target });
        continue;
      }
      if (state.get(target) === "visiting") {
        const chain = [...stack.slice(stack.indexOf(target)), target].map(shortName).join(" → ");
        diagnostics.push(makeDiagnostic("ImportCycle", path, d.pathSpan, [chain]));
        imports.push({ decl: d, target, resolved: target });
        continue;
      }
      if (!visit(target)) {
        const problem = host.problem?.(target);
        if (problem) diagnostics.push(makeDiagnostic("CannotRead", path, d.pathSpan, [d.path, problem]));
        else diagnostics.push(makeDiagnostic("ImportNotFound", path, d.pathSpan, [d.path]));
        imports.push({ decl: d, target: undefined, resolved: target });
        continue;
      }
      imports.push({ decl: d, target, resolved: target });
    }
    stack.pop();
    state.set(path, "done");
    files.set(path, { path, text, parsed: entry.parsed, imports });
    return true;
  };

  for (const e of entries) {
    if (!visit(e)) diagnostics.push(makeDiagnostic("CannotRead", e, { start: 0, end: 0 }, [e, host.problem?.(e) ?? "no such file"]));
  }
  return { entries, files, diagnostics };
}

function shortName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Files visible from `file`: itself and everything it imports, transitively. */
export function visibleFiles(program: Program, file: string): Set<string> {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of program.files.get(f)?.imports ?? []) if (i.target && program.files.has(i.target)) walk(i.target);
  };
  walk(file);
  return seen;
}
