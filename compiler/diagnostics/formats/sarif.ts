// SARIF 2.1.0 for GitHub code scanning: the rules come from the diagnostics table, results carry a
// relative URI and a 1-based region.
import { allDiagnostics } from "../codes.js";
import type { Diagnostic } from "../diagnostic.js";
import { LineIndex } from "../../text/span.js";

export const DOCS_URL = "https://github.com/mlat-lang/mlat/blob/main/docs/diagnostics.md";

export function toSarif(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, version: string): object {
  const indexes = new Map<string, LineIndex>();
  const index = (file: string) => {
    let i = indexes.get(file);
    if (!i && sources.has(file)) indexes.set(file, (i = new LineIndex(sources.get(file)!)));
    return i;
  };
  const ruleIds = allDiagnostics.map((d) => d.code);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "mlat",
            version,
            informationUri: DOCS_URL.replace(/\/blob\/.*$/, ""),
            rules: allDiagnostics.map((d) => ({
              id: d.code,
              name: d.code,
              shortDescription: { text: d.message.replace(/\{\d\}/g, "…") },
              fullDescription: { text: d.docs },
              help: { text: d.docs, markdown: d.docs },
              helpUri: `${DOCS_URL}#${d.code.toLowerCase()}`,
              defaultConfiguration: { level: level(d.severity) },
            })),
          },
        },
        results: diagnostics.map((d) => {
          const i = index(d.file);
          const s = i ? i.position(d.span.start) : { line: 0, character: 0 };
          const e = i ? i.position(d.span.end) : s;
          return {
            ruleId: d.code,
            ruleIndex: ruleIds.indexOf(d.code),
            level: level(d.severity),
            message: { text: d.message.replace(/`/g, "'") },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(d.file.replace(/^\.\//, "")), uriBaseId: "%SRCROOT%" },
                  region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: Math.max(e.character + 1, e.line === s.line ? s.character + 2 : 1) },
                },
              },
            ],
          };
        }),
        columnKind: "utf16CodeUnits",
      },
    ],
  };
}

function level(severity: string): "error" | "warning" | "note" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}
