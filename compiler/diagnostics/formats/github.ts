// GitHub Actions workflow commands (`::error file=…,line=…::message`) with the escaping GitHub
// requires, and a Markdown summary table for $GITHUB_STEP_SUMMARY.
import type { Diagnostic } from "../diagnostic.js";
import { LineIndex } from "../../text/span.js";

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function toGithubCommands(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  return diagnostics
    .map((d) => {
      const text = sources.get(d.file);
      const i = text === undefined ? undefined : new LineIndex(text);
      const s = i ? i.position(d.span.start) : { line: 0, character: 0 };
      const e = i ? i.position(d.span.end) : s;
      const kind = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${s.line + 1}`,
        `col=${s.character + 1}`,
        `endLine=${e.line + 1}`,
        `endColumn=${e.character + 1}`,
        `title=${escapeProperty(d.code)}`,
      ].join(",");
      return `::${kind} ${props}::${escapeData(d.message)}\n`;
    })
    .join("");
}

export function githubSummary(diagnostics: readonly Diagnostic[], files: number, sources: ReadonlyMap<string, string>): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const lines = [`### mlat check`, ``, `${errors} error(s), ${warnings} warning(s) in ${files} file(s).`, ``];
  if (diagnostics.length) {
    lines.push(`| severity | code | location | message |`, `| --- | --- | --- | --- |`);
    for (const d of diagnostics) {
      const text = sources.get(d.file);
      const p = text === undefined ? { line: 0 } : new LineIndex(text).position(d.span.start);
      lines.push(`| ${d.severity} | ${d.code} | ${d.file}:${p.line + 1} | ${d.message.replace(/\|/g, "\\|")} |`);
    }
  }
  return lines.join("\n") + "\n";
}
