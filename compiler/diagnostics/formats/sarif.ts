// SARIF 2.1.0 for GitHub code scanning: the rules come from the diagnostics table, results carry a
// relative URI and a 1-based region.
import type * as Sarif from "sarif";
import { allDiagnostics } from "../codes.js";
import type { Diagnostic } from "../diagnostic.js";
import { LineIndexes, limitPerFile, MACHINE_PER_FILE } from "../limits.js";

export const DOCS_URL = "https://github.com/mlat-lang/mlat/blob/main/docs/diagnostics.md";

/** A file path as a URI reference: every character a URI reserves (`#`, `?`, `%`, spaces) encoded. */
export function pathToUriReference(file: string): string {
  // A lone surrogate has no UTF-8 form (encodeURIComponent would throw): it becomes U+FFFD.
  const wellFormed = file.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  return wellFormed.replace(/^\.\//, "").split("/").map(encodeURIComponent).join("/");
}

export function toSarif(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, version: string): Sarif.Log {
  const indexes = new LineIndexes(sources);
  const ruleIndex = new Map(allDiagnostics.map((d, i) => [d.code, i]));
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
        results: limitPerFile(diagnostics, MACHINE_PER_FILE).shown.map((d): Sarif.Result => {
          const i = indexes.of(d.file);
          const s = i ? i.position(d.span.start) : { line: 0, character: 0 };
          const e = i ? i.position(d.span.end) : s;
          return {
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code) ?? -1,
            level: level(d.severity),
            message: { text: d.message.replace(/`/g, "'") },
            ...(d.cite ? { properties: { citation: d.cite.text, ...(d.cite.url ? { citationUri: d.cite.url } : {}) } } : {}),
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: pathToUriReference(d.file), uriBaseId: "%SRCROOT%" },
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
