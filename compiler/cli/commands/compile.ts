// `mlat compile FILE [-o OUT]`: the rule set JSON, or the diagnostics and exit 1.
import { compileFiles } from "../../compile.js";
import { ExitCode } from "../exit-codes.js";
import { cliError, printDiagnostics, useColor, writeFileAtomic } from "../io.js";
import { NodeSourceHost, toInternalPath } from "../node-host.js";

export function runCompile(file: string, options: { output?: string; locations?: boolean; color?: boolean }): number {
  const host = new NodeSourceHost();
  const entry = toInternalPath(file);
  if (host.readFile(entry) === undefined) throw cliError("CannotRead", [file, "no such file"]);
  const result = compileFiles([entry], host, { locations: options.locations !== false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.ruleset) {
    printDiagnostics(errors.length ? errors : result.diagnostics, host.sources(), useColor(process.stderr, options.color), process.stderr);
    return ExitCode.Failure;
  }
  const json = JSON.stringify(result.ruleset, null, 2) + "\n";
  if (options.output) writeFileAtomic(options.output, json);
  else process.stdout.write(json);
  return ExitCode.Ok;
}
