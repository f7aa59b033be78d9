// `mlat check --format json`: every diagnostic with 1-based positions (linear: one line index per file).
import type { Diagnostic } from "../diagnostic.js";
import { LineIndexes, limitPerFile, MACHINE_PER_FILE } from "../limits.js";

export interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  /** The provision of the rule, body or principle the finding is about. */
  readonly cite?: { readonly text: string; readonly url?: string };
  readonly related?: readonly { readonly file: string; readonly line: number; readonly column: number; readonly message: string }[];
}

export function toJsonReport(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, summary: { files: number; errors: number; warnings: number }, displayPath: (f: string) => string = (f) => f): object {
  const indexes = new LineIndexes(sources);
  const { shown, omitted } = limitPerFile(diagnostics, MACHINE_PER_FILE);
  const out: JsonDiagnostic[] = shown.map((d) => {
    const s = indexes.position(d.file, d.span.start);
    const e = indexes.position(d.file, d.span.end);
    return {
      file: displayPath(d.file),
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.cite ? { cite: d.cite } : {}),
      ...(d.related ? { related: d.related.map((r) => ({ file: displayPath(r.file), ...indexes.position(r.file, r.span.start), message: r.message })) } : {}),
    };
  });
  const left = [...omitted.values()].reduce((a, b) => a + b, 0);
  return { diagnostics: out, summary: { ...summary, ...(left ? { omitted: left } : {}) } };
}
