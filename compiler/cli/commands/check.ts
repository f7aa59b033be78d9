// `mlat check PATH…`: diagnostics for every design, exit 1 on errors.
import { checkFiles } from "../../compile.js";
import { position, plural, summarize } from "../../diagnostics/render.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { ExitCode } from "../exit-codes.js";
import { cliError, displayPath, printDiagnostics, useColor } from "../io.js";
import { expandPaths, NodeSourceHost } from "../node-host.js";

export interface CheckCommandOptions {
  readonly format: "pretty" | "json";
  readonly color?: boolean;
  readonly quiet?: boolean;
  readonly maxWarnings?: number;
}

export function runCheck(paths: readonly string[], options: CheckCommandOptions): number {
  const { files, missing } = expandPaths(paths.length ? paths : ["."]);
  if (missing.length) throw cliError("CannotRead", [missing[0]!, "no such file or folder"]);
  if (files.length === 0) throw cliError("NoInputFiles", [paths.map((p) => `\`${p}\``).join(", ")]);
  const host = new NodeSourceHost();
  const result = checkFiles(files, host);
  let diagnostics: readonly Diagnostic[] = result.diagnostics;
  if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === "error");
  const sources = host.sources();
  const counts = summarize(result.diagnostics);

  if (options.format === "json") {
    const json = {
      diagnostics: diagnostics.map((d) => toJson(d, sources.get(d.file))),
      summary: { files: result.files.length, errors: counts.errors, warnings: counts.warnings },
    };
    process.stdout.write(JSON.stringify(json, null, 2) + "\n");
  } else {
    printDiagnostics(diagnostics, sources, useColor(process.stdout, options.color));
    if (diagnostics.length > 0) {
      process.stdout.write(`\n${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")} in ${plural(result.files.length, "file")}\n`);
    }
  }
  if (counts.errors > 0) return ExitCode.Failure;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) return ExitCode.Failure;
  return ExitCode.Ok;
}

export function toJson(d: Diagnostic, text: string | undefined) {
  const s = position(text, d.span.start);
  const e = position(text, d.span.end);
  return {
    file: displayPath(d.file),
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.related ? { related: d.related.map((r) => ({ file: displayPath(r.file), ...position(text, r.span.start), message: r.message })) } : {}),
  };
}
