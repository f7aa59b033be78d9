// `mlat test PATH…`: runs scenarios and assertions; one line each, then `N passed, N failed`.
import { compile, escapeXml as escape, test, type TestResult } from "../../index.js";
import { NodeSourceHost, toInternalPath } from "../../node/index.js";
import { ExitCode } from "../exit-codes.js";
import { printDiagnostics, useColor, writeOutput } from "../io.js";
import { expandInputs } from "../inputs.js";

export function runTestCommand(paths: readonly string[], options: { format: "pretty" | "junit"; output?: string; color?: boolean }): number {
  const files = expandInputs(paths.length ? paths : ["."]);
  const host = new NodeSourceHost({ displayPath: toInternalPath });
  const suites: { file: string; results: TestResult[]; seconds: number }[] = [];
  for (const file of files) {
    const t0 = performance.now();
    const compiled = compile({ host, entries: [file] });
    if (!compiled.ruleset) {
      const errors = compiled.diagnostics.filter((d) => d.severity === "error");
      printDiagnostics(errors, host.sources(), useColor(process.stderr, options.color), process.stderr);
      suites.push({ file, results: [{ kind: "scenario", name: "the design compiles", file, passed: false, messages: errors.map((d) => `${d.code}: ${d.message}`) }], seconds: 0 });
      continue;
    }
    const results = test(compiled.ruleset, file);
    if (results.length) suites.push({ file, results, seconds: (performance.now() - t0) / 1000 });
  }
  const all = suites.flatMap((s) => s.results);
  const passed = all.filter((r) => r.passed).length;
  const failed = all.length - passed;
  if (options.format === "junit") {
    const xml = junit(suites);
    if (options.output) writeOutput(options.output, xml, files);
    else process.stdout.write(xml);
  } else {
    const color = useColor(process.stdout, options.color);
    const paint = (c: string, s: string) => (color ? `\x1b[${c}m${s}\x1b[0m` : s);
    for (const r of all) {
      const label = r.kind === "scenario" ? `scenario "${r.name}"` : `assert ${r.name}`;
      process.stdout.write(`${r.passed ? paint("32", "PASS") : paint("31", "FAIL")} ${r.file ?? ""}${r.line ? `:${r.line}` : ""} ${label}\n`);
      for (const m of r.messages) process.stdout.write(`     ${m}\n`);
    }
  }
  if (options.format !== "junit" || options.output) process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? ExitCode.Failure : ExitCode.Ok;
}


export function junit(suites: readonly { file: string; results: readonly TestResult[]; seconds: number }[]): string {
  const total = suites.reduce((a, s) => a + s.results.length, 0);
  const failures = suites.reduce((a, s) => a + s.results.filter((r) => !r.passed).length, 0);
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="mlat" tests="${total}" failures="${failures}">`];
  for (const s of suites) {
    const f = s.results.filter((r) => !r.passed).length;
    out.push(`  <testsuite name="${escape(s.file)}" tests="${s.results.length}" failures="${f}" time="${s.seconds.toFixed(3)}">`);
    for (const r of s.results) {
      const name = r.kind === "scenario" ? `scenario "${r.name}"` : `assert ${r.name}`;
      const attrs = `classname="${escape(s.file)}" name="${escape(name)}"${r.line ? ` file="${escape(s.file)}" line="${r.line}"` : ""}`;
      if (r.passed) out.push(`    <testcase ${attrs}/>`);
      else {
        out.push(`    <testcase ${attrs}>`);
        out.push(`      <failure message="${escape(r.messages[0] ?? "failed")}">${escape(r.messages.join("\n"))}</failure>`);
        out.push(`    </testcase>`);
      }
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`, "");
  return out.join("\n");
}
