// The rule set a command works on: compiled from a design (.mlat) or read from a compiled rule set
// (.json, or any file with --ruleset), validated against the published schema.
import { compile, makeDiagnostic, numbersAsExactStrings, validateRuleSet, type RuleSet } from "../index.js";
import { decodeUtf8, MAX_JSON_BYTES, NodeSourceHost, readBounded, ReadProblem, toInternalPath } from "../node/index.js";
import { cliError, printDiagnostics, useColor } from "./io.js";
import { CliError, DesignHasErrors } from "./errors.js";

/**
 * Reads a JSON input (at most 50 MiB, checked before reading). With `exactNumbers`, number
 * literals become strings of their exact decimal value (event arguments are exact values).
 */
export function readJsonFile(file: string, options: { exactNumbers?: boolean } = {}): unknown {
  let text: string;
  try {
    text = decodeUtf8(readBounded(file, MAX_JSON_BYTES));
  } catch (e) {
    if (e instanceof ReadProblem) throw e.tooLarge ? cliError("FileTooLarge", [file, e.reason]) : cliError("CannotRead", [file, e.reason]);
    throw e;
  }
  try {
    return JSON.parse(options.exactNumbers ? numbersAsExactStrings(text) : text);
  } catch (e) {
    throw cliError("InvalidInput", [file, `not valid JSON: ${(e as Error).message}`]);
  }
}

export function loadRuleSet(file: string, options: { ruleset?: boolean; color?: boolean }): RuleSet {
  if (options.ruleset || file.endsWith(".json")) {
    const checked = validateRuleSet(readJsonFile(file));
    if (!checked.ok) throw new CliError(makeDiagnostic("RuleSetInvalid", file, { start: 0, end: 0 }, [checked.errors[0]!.path, checked.errors[0]!.message]));
    return checked.ruleset;
  }
  const host = new NodeSourceHost({ displayPath: toInternalPath });
  const entry = toInternalPath(file);
  readableEntry(host, entry, file);
  const result = compile({ host, entries: [entry] });
  if (!result.ruleset) {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    printDiagnostics(errors, host.sources(), useColor(process.stderr, options.color), process.stderr);
    throw new DesignHasErrors();
  }
  return result.ruleset;
}

/** A design named on the command line must be readable: otherwise it is a usage error (exit 2). */
export function readableEntry(host: NodeSourceHost, entry: string, asGiven = entry): void {
  if (host.readFile(entry) !== undefined) return;
  const problem = host.problem(entry) ?? "no such file";
  throw host.wasTooLarge(entry) ? cliError("FileTooLarge", [asGiven, problem]) : cliError("CannotRead", [asGiven, problem]);
}

/** The design did not compile; its errors are already printed. */
