// The inputs named on the command line: folders expanded to designs, standard input read with a
// limit. A path that does not exist or cannot be read is a usage error (exit 2).
import { decodeUtf8, expandPaths, MAX_SOURCE_BYTES, ReadProblem, readStdinBounded } from "../node/index.js";
import { cliError } from "./io.js";

export function expandInputs(paths: readonly string[], options: { allowEmpty?: boolean } = {}): string[] {
  const expanded = expandPaths(paths);
  if (expanded.missing.length) throw cliError("CannotRead", [expanded.missing[0]!, "no such file or folder"]);
  const bad = expanded.unreadable[0];
  if (bad) throw cliError("CannotRead", [bad.path, bad.reason]);
  if (expanded.files.length === 0 && !options.allowEmpty) throw cliError("NoInputFiles", [paths.map((p) => `\`${p}\``).join(", ")]);
  return expanded.files;
}

/** A design on standard input (at most 8 MiB, UTF-8). */
export function readStdinText(): string {
  try {
    return decodeUtf8(readStdinBounded(MAX_SOURCE_BYTES));
  } catch (e) {
    if (e instanceof ReadProblem) throw e.tooLarge ? cliError("FileTooLarge", ["<stdin>", e.reason]) : cliError("CannotRead", ["<stdin>", e.reason]);
    throw e;
  }
}
