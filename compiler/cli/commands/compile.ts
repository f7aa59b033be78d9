// `mlat compile FILE [-o OUT]`: the rule set JSON, or the diagnostics and exit 1.
import { compile } from "../../index.js";
import { NodeSourceHost, toInternalPath } from "../../node/index.js";
import { ExitCode } from "../exit-codes.js";
import { printDiagnostics, useColor, writeOutput } from "../io.js";
import { readableEntry } from "../load-ruleset.js";

export function runCompile(file: string, options: { output?: string; locations?: boolean; color?: boolean }): number {
  const host = new NodeSourceHost({ displayPath: toInternalPath });
  const entry = toInternalPath(file);
  readableEntry(host, entry, file);
  const result = compile({ host, entries: [entry] }, { locations: options.locations !== false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.ruleset) {
    printDiagnostics(errors.length ? errors : result.diagnostics, host.sources(), useColor(process.stderr, options.color), process.stderr);
    return ExitCode.Failure;
  }
  const json = JSON.stringify(result.ruleset, null, 2) + "\n";
  if (options.output) writeOutput(options.output, json, [...host.sources().keys()]);
  else process.stdout.write(json);
  return ExitCode.Ok;
}
