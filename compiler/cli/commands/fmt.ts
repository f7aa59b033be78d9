// `mlat fmt PATH…`: prints formatted text; `--check` lists files that would change (exit 1);
// `--write` rewrites them safely. Each file is read, formatted and written before the next is
// read, so an edit saved meanwhile to another file is never lost. A file that does not parse,
// or is not valid UTF-8, is never touched.
import { escapeControl, escapeLineStart, format } from "../../index.js";
import { NodeSourceHost, projectOf, toInternalPath } from "../../node/index.js";
import * as path from "node:path";
import { ExitCode } from "../exit-codes.js";
import { CliError, cliError, printCliError, printDiagnostics, useColor, writeOutput } from "../io.js";
import { expandInputs, readStdinText } from "../inputs.js";

export function runFmt(paths: readonly string[], options: { check?: boolean; write?: boolean; stdinFilename?: string; color?: boolean; lineWidth?: string }): number {
  if (options.check && options.write) throw cliError("InvalidInput", ["--check/--write", "choose one of --check and --write"]);
  const given = options.lineWidth === undefined ? undefined : Number(options.lineWidth);
  if (given !== undefined && !(Number.isInteger(given) && given >= 20 && given <= 1000)) throw cliError("InvalidInput", ["--line-width", `\`${options.lineWidth}\` is not a width: a whole number of columns from 20 to 1000`]);
  // --line-width wins; else each file's project (mlat.json `lineWidth`); else the default.
  const widthOf = (file: string) => given ?? projectOf(path.dirname(path.resolve(file))).lineWidth;
  const fromStdin = paths.includes("-");
  const named = paths.filter((p) => p !== "-");
  const files = named.length || !fromStdin ? expandInputs(named.length ? named : ["."], { allowEmpty: fromStdin }) : [];
  const host = new NodeSourceHost({ cache: false, displayPath: toInternalPath });

  // Exit 1 for text that does not parse (the design's fault), 2 for a file that cannot be read or
  // written (docs/cli.md); either way every other file is still formatted.
  let failed = false;
  let unreadable = false;
  const changed: string[] = [];
  const one = (file: string, text: string, stdin: boolean) => {
    const width = widthOf(file);
    const r = format(text, file, width ? { lineWidth: width } : {});
    if (!r.ok) {
      failed = true;
      if (r.diagnostics.length) printDiagnostics(r.diagnostics, new Map([[file, text]]), useColor(process.stderr, options.color), process.stderr);
      process.stderr.write(`mlat: not formatting ${escapeControl(file)}: ${r.reason}\n`);
      return;
    }
    const differs = r.text !== text;
    if (differs) changed.push(file);
    if (options.check) return;
    if (options.write && !stdin) {
      if (differs) {
        try {
          writeOutput(file, r.text);
        } catch (e) {
          if (!(e instanceof CliError)) throw e;
          printCliError(e);
          unreadable = true;
        }
      }
    } else process.stdout.write(r.text);
  };
  if (fromStdin) one(toInternalPath(options.stdinFilename ?? "<stdin>.mlat"), readStdinText(), true);
  for (const f of files) {
    const text = host.readFile(f);
    if (text === undefined) {
      unreadable = true;
      process.stderr.write(`mlat: error MLAT5001: cannot read \`${f}\`: ${host.problem(f) ?? "no such file"}\n`);
      continue;
    }
    one(f, text, false);
  }
  if (options.check) {
    for (const f of changed) process.stdout.write(`${escapeLineStart(f)}\n`);
    if (changed.length) process.stderr.write(`${changed.length} ${changed.length === 1 ? "file is" : "files are"} not formatted; run \`mlat fmt --write\`\n`);
    return unreadable ? ExitCode.UsageOrIo : changed.length || failed ? ExitCode.Failure : ExitCode.Ok;
  }
  return unreadable ? ExitCode.UsageOrIo : failed ? ExitCode.Failure : ExitCode.Ok;
}
