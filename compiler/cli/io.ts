// Output helpers shared by the commands: colour decisions, writing files and the CLI's own errors.
import { escapeControl, escapeLineStart, makeDiagnostic, renderDiagnostics, type Diagnostic, type DiagnosticKey } from "../index.js";
import { writeFileSafely, WriteProblem } from "../node/index.js";
import { CliError } from "./errors.js";

export { CliError };

/** The terminal's width for tables; 100 when the output is not a terminal (files, pipes, CI). */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY && stream.columns ? Math.max(60, stream.columns) : 100;
}

export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env["NO_COLOR"] !== undefined && process.env["NO_COLOR"] !== "") return false;
  if (process.env["FORCE_COLOR"] !== undefined && process.env["FORCE_COLOR"] !== "0") return true;
  return stream.isTTY === true;
}


export function displayPath(file: string): string {
  return file;
}


export function cliError(key: DiagnosticKey, args: (string | number)[], file = "mlat"): CliError {
  return new CliError(makeDiagnostic(key, file, { start: 0, end: 0 }, args));
}

export function printCliError(e: CliError): void {
  const d = e.diagnostic;
  process.stderr.write(`${escapeLineStart(d.file)}: ${d.severity} ${d.code}: ${escapeControl(d.message)}\n`);
}

export function printDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, color: boolean, out: NodeJS.WriteStream = process.stdout): void {
  const text = renderDiagnostics(ds, { color, displayPath, sources });
  if (text) out.write(text + "\n");
}

/** Writes an output file safely (see compiler/node/write.ts); problems become CLI errors. */
export function writeOutput(target: string, content: string, inputs: readonly string[] = []): void {
  try {
    writeFileSafely(target, content, { inputs });
  } catch (e) {
    if (e instanceof WriteProblem) throw cliError("CannotWrite", [target, e.reason]);
    throw e;
  }
}
