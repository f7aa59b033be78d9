// Renders diagnostics for people: `file:line:col: severity CODE: message`, the source line and a
// caret under the range (rustc / TypeScript style). Bounded: the excerpt is a window around the
// column, control characters are shown escaped, each file shows at most PRETTY_PER_FILE
// diagnostics and then how many more, and the whole rendering is linear in the diagnostics.
import { LineIndex } from "../text/span.js";
import { escapeControl, escapeControlAndTabs, escapeLineStart } from "../text/escape.js";
import type { Diagnostic } from "./diagnostic.js";
import { LineIndexes, limitPerFile, PRETTY_PER_FILE } from "./limits.js";

export interface RenderOptions {
  readonly color: boolean;
  /** How to show a file name (e.g. relative to the working directory). */
  readonly displayPath: (file: string) => string;
  readonly sources: ReadonlyMap<string, string>;
}

const styles = { red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", bold: "\x1b[1m", dim: "\x1b[2m", reset: "\x1b[0m" };

/** Columns of source shown around a diagnostic's column. */
export const EXCERPT_WIDTH = 120;

/** 1-based line and column of an offset (for one diagnostic; renderers use LineIndexes). */
export function position(text: string | undefined, offset: number): { line: number; column: number } {
  if (text === undefined) return { line: 1, column: 1 };
  const p = new LineIndex(text).position(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

/** The part of a long line around `column`, and where the column falls in it. */
export function excerpt(line: string, column: number, width: number, maxWidth = EXCERPT_WIDTH): { text: string; caret: number; caretWidth: number } {
  let start = 0;
  let end = line.length;
  if (line.length > maxWidth) {
    start = Math.max(0, Math.min(column - Math.floor(maxWidth / 3), line.length - maxWidth));
    end = Math.min(line.length, start + maxWidth);
  }
  const prefix = start > 0 ? "…" : "";
  const suffix = end < line.length ? "…" : "";
  const before = escapeControlAndTabs(line.slice(start, column));
  const marked = escapeControlAndTabs(line.slice(column, Math.min(end, column + width)));
  return { text: prefix + escapeControlAndTabs(line.slice(start, end)) + suffix, caret: prefix.length + before.length, caretWidth: Math.max(1, marked.length) };
}

function renderOne(d: Diagnostic, options: RenderOptions, indexes: LineIndexes): string {
  const paint = (style: keyof typeof styles, s: string) => (options.color ? styles[style] + s + styles.reset : s);
  const index = indexes.of(d.file);
  const start = index ? index.position(d.span.start) : { line: 0, character: 0 };
  const end = index ? index.position(d.span.end) : start;
  const sevColor = d.severity === "error" ? "red" : d.severity === "warning" ? "yellow" : "cyan";
  const where = escapeLineStart(options.displayPath(d.file));
  const head = `${paint("bold", `${where}:${start.line + 1}:${start.character + 1}`)}: ${paint(sevColor, `${d.severity} ${d.code}`)}: ${escapeControl(d.message)}`;
  const lines = [head];
  if (index) {
    const src = index.lineText(start.line);
    const gutter = String(start.line + 1);
    const pad = " ".repeat(gutter.length);
    const width = end.line === start.line ? Math.max(1, end.character - start.character) : Math.max(1, src.length - start.character);
    const ex = excerpt(src, Math.min(start.character, src.length), width);
    lines.push(`${paint("dim", `${gutter} |`)} ${ex.text}`);
    lines.push(`${paint("dim", `${pad} |`)} ${" ".repeat(ex.caret)}${paint(sevColor, "^".repeat(ex.caretWidth))}`);
  }
  for (const r of d.related ?? []) {
    const p = indexes.position(r.file, r.span.start);
    lines.push(`  ${paint("cyan", "note")}: ${escapeControl(options.displayPath(r.file))}:${p.line}:${p.column}: ${escapeControl(r.message)}`);
  }
  for (const f of d.fixes ?? []) lines.push(`  ${paint("cyan", "help")}: ${escapeControl(f.title.replace(/^Change to /, "change it to "))}`);
  return lines.join("\n");
}

/** One diagnostic (the language server's hover of a problem, tests). */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions, indexes = new LineIndexes(options.sources)): string {
  return renderOne(d, options, indexes);
}

/** Every diagnostic, at most PRETTY_PER_FILE per file, then a line saying how many more there are. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions, perFile = PRETTY_PER_FILE): string {
  const indexes = new LineIndexes(options.sources);
  const { shown, omitted } = limitPerFile(diagnostics, perFile);
  const parts: string[] = [];
  let previous: string | undefined;
  const flush = (file: string | undefined) => {
    const n = file === undefined ? 0 : (omitted.get(file) ?? 0);
    if (file !== undefined && n > 0) parts.push(`${escapeLineStart(options.displayPath(file))}: and ${n} more ${n === 1 ? "diagnostic" : "diagnostics"} (showing the first ${perFile})`);
  };
  for (const d of shown) {
    if (previous !== undefined && d.file !== previous) flush(previous);
    previous = d.file;
    parts.push(renderOne(d, options, indexes));
  }
  flush(previous);
  return parts.join("\n\n");
}

export function summarize(ds: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of ds) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
