// Exit codes, the same for every command (documented in docs/cli.md).
export const ExitCode = {
  /** Success: no errors (warnings allowed unless --max-warnings says otherwise). */
  Ok: 0,
  /** The design has errors, a test failed, or (mlat diff) the designs differ. */
  Failure: 1,
  /** Usage error, unreadable file, invalid JSON input, or an internal error. */
  UsageOrIo: 2,
} as const;
