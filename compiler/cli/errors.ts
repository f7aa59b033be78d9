// The CLI's own error classes, in a module that loads nothing else: the entry point tells them apart
// without loading the compiler (commands are loaded only when they run).
import type { Diagnostic } from "../index.js";
import { ExitCode } from "./exit-codes.js";

/** A CLI-level error (bad option, unreadable file): printed like a diagnostic, exit code 2. */
export class CliError extends Error {
  constructor(readonly diagnostic: Diagnostic, readonly exitCode: number = ExitCode.UsageOrIo) {
    super(diagnostic.message);
  }
}

/** The design had errors; they are printed already. */
export class DesignHasErrors extends Error {
  readonly exitCode = ExitCode.Failure;
}
