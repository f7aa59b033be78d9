// JUnit XML for `mlat check`: one test case per file, failing with its errors (and warnings).
import type { Diagnostic } from "../diagnostic.js";
import { LineIndex } from "../../text/span.js";

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function checkJunit(files: readonly string[], diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const failing = [...byFile.values()].filter((ds) => ds.some((d) => d.severity === "error")).length;
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="mlat check" tests="${byFile.size}" failures="${failing}">`, `  <testsuite name="mlat check" tests="${byFile.size}" failures="${failing}">`];
  for (const [file, ds] of byFile) {
    const errors = ds.filter((d) => d.severity === "error");
    const text = sources.get(file);
    const index = text === undefined ? undefined : new LineIndex(text);
    const describe = (d: Diagnostic) => `${file}:${(index?.position(d.span.start).line ?? 0) + 1}:${(index?.position(d.span.start).character ?? 0) + 1}: ${d.severity} ${d.code}: ${d.message}`;
    if (errors.length === 0) {
      const warnings = ds.map(describe).join("\n");
      out.push(warnings ? `    <testcase classname="mlat.check" name="${escapeXml(file)}"><system-out>${escapeXml(warnings)}</system-out></testcase>` : `    <testcase classname="mlat.check" name="${escapeXml(file)}"/>`);
    } else {
      out.push(`    <testcase classname="mlat.check" name="${escapeXml(file)}">`);
      out.push(`      <failure message="${escapeXml(`${errors.length} error(s)`)}">${escapeXml(ds.map(describe).join("\n"))}</failure>`);
      out.push(`    </testcase>`);
    }
  }
  out.push(`  </testsuite>`, `</testsuites>`, ``);
  return out.join("\n");
}
