// `mlat fmt PATH…`: prints formatted text; `--check` lists files that would change (exit 1);
// `--write` rewrites them atomically. A file that does not parse is never touched.
import { readFileSync } from "node:fs";
import { format } from "../../format/formatter.js";
import { ExitCode } from "../exit-codes.js";
import { cliError, printDiagnostics, useColor, writeFileAtomic } from "../io.js";
import { expandPaths, toInternalPath } from "../node-host.js";

export function runFmt(paths: readonly string[], options: { check?: boolean; write?: boolean; stdinFilename?: string; color?: boolean }): number {
  if (options.check && options.write) throw cliError("InvalidInput", ["--check/--write", "choose one of --check and --write"]);
  const inputs: { file: string; text: string; fromStdin: boolean }[] = [];
  if (paths.includes("-")) inputs.push({ file: toInternalPath(options.stdinFilename ?? "<stdin>.mlat"), text: readFileSync(0, "utf8"), fromStdin: true });
  const { files, missing } = expandPaths(paths.filter((p) => p !== "-").length ? paths.filter((p) => p !== "-") : inputs.length ? [] : ["."]);
  if (missing.length) throw cliError("CannotRead", [missing[0]!, "no such file or folder"]);
  for (const f of files) inputs.push({ file: f, text: readFileSync(f, "utf8"), fromStdin: false });
  if (inputs.length === 0) throw cliError("NoInputFiles", [paths.map((p) => `\`${p}\``).join(", ")]);

  let failed = false;
  const changed: string[] = [];
  for (const input of inputs) {
    const r = format(input.text, input.file);
    if (!r.ok) {
      failed = true;
      if (r.diagnostics.length) printDiagnostics(r.diagnostics, new Map([[input.file, input.text]]), useColor(process.stderr, options.color), process.stderr);
      process.stderr.write(`mlat: not formatting ${input.file}: ${r.reason}\n`);
      continue;
    }
    const differs = r.text !== input.text;
    if (differs) changed.push(input.file);
    if (options.check) continue;
    if (options.write && !input.fromStdin) {
      if (differs) writeFileAtomic(input.file, r.text);
    } else process.stdout.write(r.text);
  }
  if (options.check) {
    for (const f of changed) process.stdout.write(`${f}\n`);
    if (changed.length) process.stderr.write(`${changed.length} ${changed.length === 1 ? "file is" : "files are"} not formatted; run \`mlat fmt --write\`\n`);
    return changed.length || failed ? ExitCode.Failure : ExitCode.Ok;
  }
  return failed ? ExitCode.Failure : ExitCode.Ok;
}
