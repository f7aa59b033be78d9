// Renders diagnostics for people: `file:line:col: severity CODE: message`, the source line and a
// caret under the range (rustc / TypeScript style). Pure: the caller passes texts and colours.
import { LineIndex } from "../text/span.js";
import type { Diagnostic } from "./diagnostic.js";

export interface RenderOptions {
  readonly color: boolean;
  /** How to show a file name (e.g. relative to the working directory). */
  readonly displayPath: (file: string) => string;
  readonly sources: ReadonlyMap<string, string>;
}

const styles = { red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", bold: "\x1b[1m", dim: "\x1b[2m", reset: "\x1b[0m" };

export function position(text: string | undefined, offset: number): { line: number; column: number } {
  if (text === undefined) return { line: 1, column: 1 };
  const p = new LineIndex(text).position(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

export function renderDiagnostic(d: Diagnostic, options: RenderOptions, indexCache = new Map<string, LineIndex>()): string {
  const paint = (style: keyof typeof styles, s: string) => (options.color ? styles[style] + s + styles.reset : s);
  const text = options.sources.get(d.file);
  let index = indexCache.get(d.file);
  if (!index && text !== undefined) indexCache.set(d.file, (index = new LineIndex(text)));
  const start = index ? index.position(d.span.start) : { line: 0, character: 0 };
  const end = index ? index.position(d.span.end) : start;
  const sevColor = d.severity === "error" ? "red" : d.severity === "warning" ? "yellow" : "cyan";
  const head = `${paint("bold", `${options.displayPath(d.file)}:${start.line + 1}:${start.character + 1}`)}: ${paint(sevColor, `${d.severity} ${d.code}`)}: ${d.message}`;
  const lines = [head];
  if (index) {
    const src = index.lineText(start.line);
    const gutter = String(start.line + 1);
    const pad = " ".repeat(gutter.length);
    const width = end.line === start.line ? Math.max(1, end.character - start.character) : Math.max(1, src.length - start.character);
    lines.push(`${paint("dim", `${gutter} |`)} ${src}`);
    lines.push(`${paint("dim", `${pad} |`)} ${" ".repeat(start.character)}${paint(sevColor, "^".repeat(width))}`);
  }
  for (const r of d.related ?? []) {
    const rt = options.sources.get(r.file);
    const p = position(rt, r.span.start);
    lines.push(`  ${paint("cyan", "note")}: ${options.displayPath(r.file)}:${p.line}:${p.column}: ${r.message}`);
  }
  for (const f of d.fixes ?? []) lines.push(`  ${paint("cyan", "help")}: ${f.title.replace(/^Change to /, "change it to ")}`);
  return lines.join("\n");
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
