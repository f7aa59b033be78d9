// The rule set a command works on: compiled from a design (.mlat) or read from a compiled rule set
// (.json, or any file with --ruleset), validated against the published schema.
import { readFileSync } from "node:fs";
import { compileFiles } from "../compile.js";
import type { RuleSet } from "../ruleset/types.js";
import { validateAgainst } from "../ruleset/validate.js";
import { CliError, cliError, printDiagnostics, useColor } from "./io.js";
import { NodeSourceHost, toInternalPath } from "./node-host.js";
import { ExitCode } from "./exit-codes.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";

/** Largest JSON input read (rule sets, votes, events): larger inputs are refused, not parsed. */
export const MAX_JSON_BYTES = 50 * 1024 * 1024;

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw cliError("CannotRead", [file, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((e as Error).message)]);
  }
  if (text.length > MAX_JSON_BYTES) throw cliError("FileTooLarge", [file, `${(text.length / 1024 / 1024).toFixed(1)} MiB`, `${MAX_JSON_BYTES / 1024 / 1024} MiB`]);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw cliError("InvalidInput", [file, `not valid JSON: ${(e as Error).message}`]);
  }
}

export function loadRuleSet(file: string, options: { ruleset?: boolean; color?: boolean }): RuleSet {
  if (options.ruleset || file.endsWith(".json")) {
    const json = readJsonFile(file);
    const problems = validateAgainst("ruleset", json);
    if (problems.length) throw new CliError(makeDiagnostic("RuleSetInvalid", file, { start: 0, end: 0 }, [problems[0]!.path, problems[0]!.message]));
    return json as RuleSet;
  }
  const host = new NodeSourceHost();
  const entry = toInternalPath(file);
  if (host.readFile(entry) === undefined) throw cliError("CannotRead", [file, "no such file"]);
  const result = compileFiles([entry], host);
  if (!result.ruleset) {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    printDiagnostics(errors, host.sources(), useColor(process.stderr, options.color), process.stderr);
    throw new DesignHasErrors();
  }
  return result.ruleset;
}

/** The design did not compile; its errors are already printed. */
export class DesignHasErrors extends Error {
  readonly exitCode = ExitCode.Failure;
}
