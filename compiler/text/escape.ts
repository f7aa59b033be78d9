// Text from a design or a file name shown to a person or a CI log: control characters (C0, DEL,
// C1, line and paragraph separators, bidirectional overrides) are shown escaped, so a name with
// a newline cannot start a line of its own (`::error …` for GitHub), and an ESC cannot colour or
// retitle a terminal.

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
}

/** Escapes control characters (a tab stays a tab). */
export function escapeControl(s: string): string {
  return s.replace(CONTROL, visible);
}

/** Escapes control characters and tabs (for one-line excerpts where a tab would shift the caret). */
export function escapeControlAndTabs(s: string): string {
  return escapeControl(s).replace(/\t/g, " ");
}

/** Whether the text has a character `escapeControl` would escape. */
export function hasControl(s: string): boolean {
  CONTROL.lastIndex = 0;
  const r = CONTROL.test(s);
  CONTROL.lastIndex = 0;
  return r;
}

/** Text as HTML content or a double-quoted attribute value (the report and the playground). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A file name that starts a line of output: control characters escaped, and `./` before a name
 * starting with `:` (followed by `:line`, it would start with `::`), which a GitHub runner would read as a workflow command (`::error::…`).
 */
export function escapeLineStart(s: string): string {
  const e = escapeControl(s);
  return e.startsWith(":") ? `./${e}` : e;
}
