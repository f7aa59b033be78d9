// Conversions between LSP types and the compiler's offsets and spans. The only place both meet.
import { URI } from "vscode-uri";
import type * as L from "vscode-languageserver";
import { DiagnosticSeverity, SymbolKind, CompletionItemKind, DiagnosticTag } from "vscode-languageserver";
import type { Diagnostic, LineIndex, Span, OutlineSymbol, CompletionItem } from "../compiler/index.js";

/** A `file:` URI as the compiler's path (`/`-separated); other schemes (`untitled:`) stay URIs. */
export function uriToPath(uri: string): string {
  if (!uri.startsWith("file:")) return uri;
  return URI.parse(uri).fsPath.replace(/\\/g, "/");
}

export function pathToUri(p: string): string {
  const windows = /^[A-Za-z]:[\\/]/.test(p);
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) && !windows) return p;
  return URI.file(p).toString();
}

export function toRange(index: LineIndex, span: Span): L.Range {
  return { start: index.position(span.start), end: index.position(span.end) };
}

export function toSpan(index: LineIndex, range: L.Range): Span {
  return { start: index.offset(range.start), end: index.offset(range.end) };
}

const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostic(d: Diagnostic, index: LineIndex, indexOf: (file: string) => LineIndex | undefined): L.Diagnostic {
  return {
    range: toRange(index, d.span),
    severity: severity[d.severity],
    code: d.code,
    codeDescription: { href: `https://github.com/mlat-lang/mlat/blob/main/docs/diagnostics.md#${d.code.toLowerCase()}` },
    source: "mlat",
    message: d.message,
    ...(d.code === "MLAT3009" || d.code === "MLAT3003" ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(d.related
      ? {
          relatedInformation: d.related.flatMap((r) => {
            const i = indexOf(r.file);
            return i ? [{ location: { uri: pathToUri(r.file), range: toRange(i, r.span) }, message: r.message }] : [];
          }),
        }
      : {}),
  };
}

const symbolKinds: Record<OutlineSymbol["kind"], L.SymbolKind> = {
  state: SymbolKind.EnumMember,
  group: SymbolKind.Enum,
  action: SymbolKind.Event,
  institution: SymbolKind.Namespace,
  body: SymbolKind.Class,
  rule: SymbolKind.Function,
  seatClass: SymbolKind.Field,
  weight: SymbolKind.Property,
  principle: SymbolKind.Interface,
  arrangement: SymbolKind.Struct,
  scenario: SymbolKind.Module,
  assert: SymbolKind.Boolean,
  members: SymbolKind.Array,
};

export function symbolKind(kind: string): L.SymbolKind {
  return symbolKinds[kind as OutlineSymbol["kind"]] ?? SymbolKind.Variable;
}

export function toDocumentSymbol(s: OutlineSymbol, index: LineIndex): L.DocumentSymbol {
  return {
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: symbolKind(s.kind),
    range: toRange(index, s.span),
    selectionRange: toRange(index, s.selection),
    children: s.children.map((c) => toDocumentSymbol(c, index)),
  };
}

const completionKinds: Record<CompletionItem["kind"], L.CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  state: CompletionItemKind.EnumMember,
  group: CompletionItemKind.Enum,
  institution: CompletionItemKind.Module,
  body: CompletionItemKind.Class,
  rule: CompletionItemKind.Function,
  seatClass: CompletionItemKind.Field,
  weight: CompletionItemKind.Property,
  attribute: CompletionItemKind.Property,
  action: CompletionItemKind.Event,
  parameter: CompletionItemKind.Variable,
  principle: CompletionItemKind.Interface,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(c: CompletionItem): L.CompletionItem {
  return {
    label: c.label,
    kind: completionKinds[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: { kind: "markdown", value: c.documentation } } : {}),
    ...(c.insertText ? { insertText: c.insertText, insertTextFormat: c.snippet ? 2 : 1 } : {}),
    sortText: `${c.kind === "keyword" ? "2" : c.kind === "snippet" ? "3" : "1"}${c.label}`,
  };
}
