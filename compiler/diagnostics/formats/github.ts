// GitHub Actions workflow commands (`::error file=…,line=…::message`) with the escaping GitHub
// requires, and a Markdown summary table for $GITHUB_STEP_SUMMARY.
import type { Diagnostic } from "../diagnostic.js";
import { escapeControl } from "../../text/escape.js";
import { LineIndexes, limitPerFile, MACHINE_PER_FILE } from "../limits.js";

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function toGithubCommands(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const indexes = new LineIndexes(sources);
  return limitPerFile(diagnostics, MACHINE_PER_FILE)
    .shown.map((d) => {
      const i = indexes.of(d.file);
      const s = i ? i.position(d.span.start) : { line: 0, character: 0 };
      const e = i ? i.position(d.span.end) : s;
      const kind = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      const props = [
        `file=${escapeProperty(escapeControl(d.file))}`,
        `line=${s.line + 1}`,
        `col=${s.character + 1}`,
        `endLine=${e.line + 1}`,
        `endColumn=${e.character + 1}`,
        `title=${escapeProperty(d.code)}`,
      ].join(",");
      // Control characters (ESC, OSC) would act in the log viewer: shown escaped, like everywhere.
      return `::${kind} ${props}::${escapeData(escapeControl(d.message))}\n`;
    })
    .join("");
}

/** A Markdown table cell: one line, `|` escaped, control characters shown escaped. */
const cell = (s: string) => escapeControl(s).replace(/\|/g, "\\|");

export function githubSummary(diagnostics: readonly Diagnostic[], files: number, sources: ReadonlyMap<string, string>): string {
  const indexes = new LineIndexes(sources);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const lines = [`### mlat check`, ``, `${errors} error(s), ${warnings} warning(s) in ${files} file(s).`, ``];
  if (diagnostics.length) {
    lines.push(`| severity | code | location | message |`, `| --- | --- | --- | --- |`);
    for (const d of limitPerFile(diagnostics, MACHINE_PER_FILE).shown) {
      const p = indexes.position(d.file, d.span.start);
      lines.push(`| ${d.severity} | ${d.code} | ${cell(d.file)}:${p.line} | ${cell(d.message)} |`);
    }
  }
  return lines.join("\n") + "\n";
}
