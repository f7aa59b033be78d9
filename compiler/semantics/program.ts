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
  type Import = { decl: UseDecl; target: string | undefined; resolved: string };
  interface Frame {
    readonly path: string;
    readonly text: string;
    readonly parsed: ParseResult;
    readonly uses: readonly UseDecl[];
    next: number;
    readonly imports: Import[];
    /** The import whose file is being loaded (the frame above this one). */
    waiting?: UseDecl | undefined;
  }
  // Depth-first with an explicit stack: thousands of chained imports cannot overflow the call stack.
  const stack: Frame[] = [];
  const open = (path: string, text: string): void => {
    state.set(path, "visiting");
    let entry = cache.get(path);
    if (!entry || entry.text !== text) {
      entry = { text, parsed: parse(text, path) };
      cache.set(path, entry);
    }
    const uses = entry.parsed.ast.declarations.filter((d): d is UseDecl => d.kind === "use");
    stack.push({ path, text, parsed: entry.parsed, uses, next: 0, imports: [] });
  };

  const run = (): void => {
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      if (f.next >= f.uses.length) {
        stack.pop();
        state.set(f.path, "done");
        files.set(f.path, { path: f.path, text: f.text, parsed: f.parsed, imports: f.imports });
        const parent = stack[stack.length - 1];
        if (parent?.waiting) {
          parent.imports.push({ decl: parent.waiting, target: f.path, resolved: f.path });
          parent.waiting = undefined;
        }
        continue;
      }
      const d = f.uses[f.next++]!;
      const path = f.path;
      if (d.path === "") {
        diagnostics.push(makeDiagnostic("ImportEmpty", path, d.pathSpan));
        continue;
      }
      const target = resolveRelative(path, d.path);
      if (!target.endsWith(".mlat")) {
        diagnostics.push(makeDiagnostic("ImportNotMlat", path, d.pathSpan, [d.path]));
        f.imports.push({ decl: d, target: undefined, resolved: target });
        continue;
      }
      const fence = host.checkImport?.(path, target);
      if (fence) {
        diagnostics.push(makeDiagnostic("ImportOutsideRoot", path, d.pathSpan, [d.path, fence.root]));
        f.imports.push({ decl: d, target: undefined, resolved: target });
        continue;
      }
      const st = state.get(target);
      if (st === "visiting") {
        const paths = stack.map((x) => x.path);
        const chain = [...paths.slice(paths.indexOf(target)), target].map(shortName).join(" → ");
        diagnostics.push(makeDiagnostic("ImportCycle", path, d.pathSpan, [chain]));
        f.imports.push({ decl: d, target, resolved: target });
        continue;
      }
      if (st === "done") {
        f.imports.push({ decl: d, target, resolved: target });
        continue;
      }
      const text = host.readFile(target);
      if (text === undefined) {
        const problem = host.problem?.(target);
        if (problem) diagnostics.push(makeDiagnostic("CannotRead", path, d.pathSpan, [d.path, problem]));
        else diagnostics.push(makeDiagnostic("ImportNotFound", path, d.pathSpan, [d.path]));
        f.imports.push({ decl: d, target: undefined, resolved: target });
        continue;
      }
      f.waiting = d;
      open(target, text);
    }
  };

  for (const e of entries) {
    if (state.get(e) === "done") continue;
    const text = host.readFile(e);
    if (text === undefined) {
      diagnostics.push(makeDiagnostic("CannotRead", e, { start: 0, end: 0 }, [e, host.problem?.(e) ?? "no such file"]));
      continue;
    }
    open(e, text);
    run();
  }
  return { entries, files, diagnostics };
}

function shortName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Files visible from `file`: itself and everything it imports, transitively. */
export function visibleFiles(program: Program, file: string): Set<string> {
  const seen = new Set<string>([file]);
  const todo = [file];
  while (todo.length) {
    const f = todo.pop()!;
    for (const i of program.files.get(f)?.imports ?? []) {
      if (i.target && program.files.has(i.target) && !seen.has(i.target)) {
        seen.add(i.target);
        todo.push(i.target);
      }
    }
  }
  return seen;
}
