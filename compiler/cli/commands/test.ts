// `mlat test PATH…`: runs scenarios and assertions; one line each, then `N passed, N failed`.
import { compile, escapeControl, test, type TestResult } from "../../index.js";
import { NodeSourceHost, toInternalPath } from "../../node/index.js";
import { ExitCode } from "../exit-codes.js";
import { printDiagnostics, useColor, writeOutput } from "../io.js";
import { expandInputs } from "../inputs.js";

export async function runTestCommand(paths: readonly string[], options: { format: "pretty" | "junit"; output?: string; color?: boolean }): Promise<number> {
  const files = expandInputs(paths.length ? paths : ["."]);
  const host = new NodeSourceHost({ displayPath: toInternalPath });
  const suites: { file: string; results: TestResult[]; seconds: number }[] = [];
  const noCompile = new Set<TestResult>();
  for (const file of files) {
    const t0 = performance.now();
    const compiled = compile({ host, entries: [file] });
    if (!compiled.ruleset) {
      const errors = compiled.diagnostics.filter((d) => d.severity === "error");
      printDiagnostics(errors, host.sources(), useColor(process.stderr, options.color), process.stderr);
      const failure: TestResult = { kind: "scenario", name: "the design compiles", file, passed: false, messages: errors.map((d) => `${d.code}: ${d.message}`) };
      noCompile.add(failure);
      suites.push({ file, results: [failure], seconds: 0 });
      continue;
    }
    const results = test(compiled.ruleset, file);
    if (results.length) suites.push({ file, results, seconds: (performance.now() - t0) / 1000 });
  }
  const all = suites.flatMap((s) => s.results);
  const passed = all.filter((r) => r.passed).length;
  const failed = all.length - passed;
  if (options.format === "junit") {
    const { testJunit } = await import("../../junit.js");
    const xml = testJunit(suites.map((s) => ({ ...s, results: s.results.map((r) => ({ ...r, name: r.kind === "scenario" ? `scenario "${r.name}"` : `assert ${r.name}` })) })));
    if (options.output) writeOutput(options.output, xml, files);
    else process.stdout.write(xml);
  } else {
    const color = useColor(process.stdout, options.color);
    const paint = (c: string, s: string) => (color ? `\x1b[${c}m${s}\x1b[0m` : s);
    for (const r of all) {
      const label = r.kind === "scenario" ? `scenario "${r.name}"` : `assert ${r.name}`;
      // Names and messages come from the design: shown escaped, a newline in them starts no line.
      process.stdout.write(`${r.passed ? paint("32", "PASS") : paint("31", "FAIL")} ${escapeControl(r.file ?? "")}${r.line ? `:${r.line}` : ""} ${escapeControl(label)}\n`);
      // A design that does not compile: its diagnostics are on stderr already, with their source
      // lines; here one line says so (JUnit keeps them all, it has no stderr).
      const messages = noCompile.has(r) ? [`${r.messages.length} error(s), shown above`] : r.messages;
      for (const m of messages) process.stdout.write(`     ${escapeControl(m)}\n`);
    }
  }
  if (options.format !== "junit" || options.output) process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? ExitCode.Failure : ExitCode.Ok;
}
