// `mlat check PATH…`: diagnostics for every design, exit 1 on errors.
// One diagnostic model, several renderers: pretty, json, sarif, github, junit.
import { appendFileSync } from "node:fs";
import { check, githubSummary, plural, summarize, toGithubCommands, toJsonReport, toSarif, type Diagnostic } from "../../index.js";
import { NodeSourceHost, toInternalPath } from "../../node/index.js";
import { ExitCode } from "../exit-codes.js";
import { displayPath, printDiagnostics, useColor } from "../io.js";
import { version } from "../version.js";
import { expandInputs, readStdinText } from "../inputs.js";
import { readableEntry } from "../load-ruleset.js";

export type CheckFormat = "pretty" | "json" | "sarif" | "github" | "junit";

export interface CheckCommandOptions {
  readonly format: CheckFormat;
  readonly color?: boolean;
  readonly quiet?: boolean;
  readonly maxWarnings?: number;
  readonly stdinFilename?: string;
}

export async function runCheck(paths: readonly string[], options: CheckCommandOptions): Promise<number> {
  const host = new NodeSourceHost({ displayPath: toInternalPath });
  let files: string[];
  if (paths.includes("-")) {
    // The design comes on standard input; diagnostics name it --stdin-filename (imports resolve from there).
    const name = toInternalPath(options.stdinFilename ?? "<stdin>.mlat");
    host.overrides.set(name, readStdinText());
    files = [name, ...expandInputs(paths.filter((p) => p !== "-"), { allowEmpty: true })];
  } else files = expandInputs(paths.length ? paths : ["."]);
  // A design named (or found) on the command line that cannot be read is a usage error (exit 2).
  for (const f of files) readableEntry(host, f);
  const result = check({ host, entries: files }, { references: false });
  let diagnostics: readonly Diagnostic[] = result.diagnostics;
  if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === "error");
  const sources = host.sources();
  const counts = summarize(result.diagnostics);

  switch (options.format) {
    case "json":
      process.stdout.write(JSON.stringify(toJsonReport(diagnostics, sources, { files: result.files.length, errors: counts.errors, warnings: counts.warnings }, displayPath), null, 2) + "\n");
      break;
    case "sarif":
      process.stdout.write(JSON.stringify(toSarif(diagnostics, sources, version()), null, 2) + "\n");
      break;
    case "github": {
      process.stdout.write(toGithubCommands(diagnostics, sources));
      const summaryFile = process.env["GITHUB_STEP_SUMMARY"];
      if (summaryFile) appendFileSync(summaryFile, githubSummary(diagnostics, result.files.length, sources));
      break;
    }
    case "junit": {
      const { checkJunit } = await import("../../junit.js");
      process.stdout.write(checkJunit(result.files, diagnostics, sources));
      break;
    }
    default:
      printDiagnostics(diagnostics, sources, useColor(process.stdout, options.color));
      if (diagnostics.length > 0) {
        process.stdout.write(`\n${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")} in ${plural(result.files.length, "file")}\n`);
      }
  }
  if (counts.errors > 0) return ExitCode.Failure;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    if (options.format === "pretty") process.stderr.write(`mlat: ${plural(counts.warnings, "warning")}, more than --max-warnings ${options.maxWarnings}\n`);
    return ExitCode.Failure;
  }
  return ExitCode.Ok;
}
