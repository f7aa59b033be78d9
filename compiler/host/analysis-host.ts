// The analysis host: the editor's view of a workspace. It takes edits (whole-text updates of open
// files) and answers questions in offsets and strings; the language server only converts LSP to
// and from these calls (rust-analyzer's `ide` layer). Results are cached per file revision:
// a file's parse is reused until its text changes, a program's check until one of its files does.
import { checkProgramOf, type CheckOutput } from "../pipeline/pipeline.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParseCache, SourceHost } from "../semantics/program.js";
import type { DeclarationSite, Reference } from "../semantics/model.js";
import { LineIndex } from "../text/span.js";
import { parse, type ParseResult } from "../syntax/parse.js";

export interface FileSnapshot {
  readonly path: string;
  readonly text: string;
  readonly version: number;
}

export class AnalysisHost {
  /** Texts of open files (the editor's truth) override what the disk says. */
  private readonly open = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private readonly known = new Set<string>();
  private readonly parseCache: ParseCache = new Map();
  private readonly checks = new Map<string, { stamp: string; output: CheckOutput }>();
  private readonly lineIndexes = new Map<string, { text: string; index: LineIndex }>();
  private revision = 0;

  constructor(private readonly disk: SourceHost) {}

  /** The source host programs read through: open texts first, then the disk. */
  readonly host: SourceHost = {
    readFile: (path) => {
      const o = this.open.get(path);
      if (o !== undefined) return o;
      return this.disk.readFile(path);
    },
  };

  get currentRevision(): number {
    return this.revision;
  }

  /** Files of the workspace (found on disk by the server), checked even when not open. */
  setWorkspaceFiles(paths: Iterable<string>): void {
    for (const p of paths) this.known.add(p);
    this.bump();
  }

  openFile(path: string, text: string): void {
    this.open.set(path, text);
    this.known.add(path);
    this.touch(path);
  }

  changeFile(path: string, text: string): void {
    this.open.set(path, text);
    this.touch(path);
  }

  closeFile(path: string): void {
    this.open.delete(path);
    this.touch(path);
  }

  /** A file changed on disk (created, changed or deleted). */
  fileChangedOnDisk(path: string, exists: boolean): void {
    if (exists) this.known.add(path);
    else this.known.delete(path);
    this.touch(path);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  openFiles(): string[] {
    return [...this.open.keys()];
  }

  workspaceFiles(): string[] {
    return [...new Set([...this.known, ...this.open.keys()])].sort();
  }

  text(path: string): string | undefined {
    return this.host.readFile(path);
  }

  lineIndex(path: string): LineIndex | undefined {
    const text = this.text(path);
    if (text === undefined) return undefined;
    const cached = this.lineIndexes.get(path);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.lineIndexes.set(path, { text, index });
    return index;
  }

  private touch(path: string): void {
    this.versions.set(path, (this.versions.get(path) ?? 0) + 1);
    this.bump();
  }

  private bump(): void {
    this.revision++;
  }

  /** The versions of every file a program read, and of the imports it could not find yet. */
  private stampOf(output: CheckOutput): string {
    const paths = new Set<string>();
    for (const f of output.program.files.values()) {
      paths.add(f.path);
      for (const i of f.imports) if (i.target === undefined) paths.add(i.resolved);
    }
    for (const e of output.program.entries) paths.add(e);
    return [...paths].map((f) => `${f}@${this.versions.get(f) ?? 0}`).join("|");
  }

  /** The parse of one file alone (outline, folding, selection need no checking), from the cache. */
  parseOf(path: string): ParseResult | undefined {
    const text = this.text(path);
    if (text === undefined) return undefined;
    let entry = this.parseCache.get(path);
    if (!entry || entry.text !== text) {
      entry = { text, parsed: parse(text, path) };
      this.parseCache.set(path, entry);
    }
    return entry.parsed;
  }

  /** The checked program whose entry is `path` (its imports included), from the cache when valid. */
  check(path: string): CheckOutput {
    const cached = this.checks.get(path);
    if (cached && this.stampOf(cached.output) === cached.stamp) return cached.output;
    const output = checkProgramOf([path], this.host, { cache: this.parseCache });
    this.checks.set(path, { stamp: this.stampOf(output), output });
    return output;
  }

  /** Diagnostics of one file, from the program whose entry it is. */
  diagnostics(path: string): Diagnostic[] {
    return this.check(path).diagnostics.filter((d) => d.file === path);
  }

  /** Files whose diagnostics may change when `path` changes: itself and every file importing it. */
  affectedBy(path: string): string[] {
    const out = new Set<string>([path]);
    for (const f of this.workspaceFiles()) {
      if (f === path) continue;
      const cached = this.checks.get(f);
      const imports = cached ? cached.output.program.files.has(path) || [...cached.output.program.files.values()].some((x) => x.imports.some((i) => i.resolved === path)) : this.importsMention(f, path);
      if (imports) out.add(f);
    }
    return [...out];
  }

  private importsMention(file: string, target: string): boolean {
    const text = this.text(file);
    if (!text || !text.includes("use")) return false;
    const name = target.slice(target.lastIndexOf("/") + 1);
    return text.includes(name);
  }

  /** Every declaration and reference in the workspace, for cross-file navigation and rename. */
  workspaceIndex(): { declarations: DeclarationSite[]; references: Reference[] } {
    const declarations = new Map<string, DeclarationSite>();
    const references = new Map<string, Reference>();
    for (const f of this.workspaceFiles()) {
      const { model } = this.check(f);
      for (const d of model.declarations.values()) declarations.set(`${d.id}@${d.file}:${d.nameSpan.start}`, d);
      for (const r of model.references) references.set(`${r.id}@${r.file}:${r.span.start}`, r);
    }
    return { declarations: [...declarations.values()], references: [...references.values()] };
  }
}
