// Output helpers shared by the commands: colour decisions, writing, and the CLI's own errors.
import { writeFileSync, renameSync, unlinkSync } from "node:fs";
import * as path from "node:path";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic } from "../diagnostics/render.js";
import { ExitCode } from "./exit-codes.js";

export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env["NO_COLOR"] !== undefined && process.env["NO_COLOR"] !== "") return false;
  if (process.env["FORCE_COLOR"] !== undefined && process.env["FORCE_COLOR"] !== "0") return true;
  return stream.isTTY === true;
}

declare const MLAT_VERSION: string;

export function version(): string {
  return typeof MLAT_VERSION === "string" ? MLAT_VERSION : "dev";
}

export function displayPath(file: string): string {
  return file;
}

/** A CLI-level error (bad option, unreadable file): printed like a diagnostic, exit code 2. */
export class CliError extends Error {
  constructor(readonly diagnostic: Diagnostic, readonly exitCode: number = ExitCode.UsageOrIo) {
    super(diagnostic.message);
  }
}

export function cliError(key: Parameters<typeof makeDiagnostic>[0], args: (string | number)[], file = "mlat"): CliError {
  return new CliError(makeDiagnostic(key, file, { start: 0, end: 0 }, args));
}

export function printCliError(e: CliError): void {
  const d = e.diagnostic;
  const where = d.file === "mlat" ? "mlat" : d.file;
  process.stderr.write(`${where}: ${d.severity} ${d.code}: ${d.message}\n`);
}

export function printDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, color: boolean, out: NodeJS.WriteStream = process.stdout): void {
  const cache = new Map();
  const text = ds.map((d) => renderDiagnostic(d, { color, displayPath, sources }, cache)).join("\n\n");
  if (text) out.write(text + "\n");
}

/** Writes a file atomically: a temporary file beside it, then a rename. */
export function writeFileAtomic(target: string, content: string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}
