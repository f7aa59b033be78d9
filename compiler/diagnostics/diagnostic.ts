// The diagnostic value every layer returns (never throws), and its factory over codes.ts.
import type { Span } from "../text/span.js";
import { Diagnostics, type DiagnosticKey, type Severity } from "./codes.js";

export interface RelatedInformation {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

/** A text edit that fixes the diagnostic; the language server offers it as a quick fix. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly { readonly file: string; readonly span: Span; readonly newText: string }[];
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly span: Span;
  readonly related?: readonly RelatedInformation[];
  readonly fixes?: readonly Fix[];
  /** The provision of the rule, body or principle the finding is about (JSON and SARIF show it). */
  readonly cite?: { readonly text: string; readonly url?: string };
}

export function makeDiagnostic(
  key: DiagnosticKey,
  file: string,
  span: Span,
  args: readonly (string | number)[] = [],
  extra: { related?: RelatedInformation[]; fixes?: Fix[]; severity?: Severity } = {},
): Diagnostic {
  const def = Diagnostics[key];
  const message = def.message.replace(/\{(\d)\}/g, (_, i: string) => shorten(String(args[Number(i)] ?? "")));
  const d: Diagnostic = {
    code: def.code,
    severity: extra.severity ?? def.severity,
    message,
    file,
    span,
    ...(extra.related && extra.related.length ? { related: extra.related } : {}),
    // A fix's title quotes the design too (`Declare state \`…\``): cut like the message; the edit keeps the whole text.
    ...(extra.fixes && extra.fixes.length ? { fixes: extra.fixes.map((f) => (f.title.length > MAX_QUOTED + 40 ? { ...f, title: shorten(f.title, MAX_QUOTED + 40) } : f)) } : {}),
  };
  return d;
}

/** Longest text a message quotes from the design (a 100,000-letter name is shown cut). */
export const MAX_QUOTED = 200;

function shorten(s: string, max = MAX_QUOTED): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Deterministic order: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
