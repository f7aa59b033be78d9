// JUnit XML for `mlat check` (one test case per file, failing with its errors) and `mlat test`
// (one test case per scenario or assertion), built with xmlbuilder2: every name and message is
// escaped, and characters XML 1.0 cannot carry are replaced, so the report always parses.
import { create } from "xmlbuilder2";
import { escapeControlAndTabs } from "../../text/escape.js";
import type { Diagnostic } from "../diagnostic.js";
import { LineIndexes, limitPerFile, MACHINE_PER_FILE } from "../limits.js";

/** Characters XML 1.0 does not allow, even escaped. */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * An attribute value: one line. XML parsers turn a CR, LF or tab in an attribute into a space, so
 * they are shown escaped (with every other control character) instead of being lost.
 */
function xmlAttr(s: string): string {
  return xmlText(escapeControlAndTabs(s));
}

/** Text safe inside an XML document: illegal characters shown as `\xNN`. */
export function xmlText(s: string): string {
  // xmlbuilder2 leaves an `&` that already looks like an entity (`&amp;`, `&#1;`) as it is: a name
  // `R&amp;D` would read back as `R&D`, and `&#1;` would make the report unparsable. Such an `&`
  // is escaped here, and the writer leaves the `&amp;` it then sees alone.
  return s.replace(XML_ILLEGAL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`).replace(/&(?=[A-Za-z]+;|#\d+;)/g, "&amp;");
}

function serialize(doc: ReturnType<typeof create>): string {
  return doc.end({ prettyPrint: true, headless: false }) + "\n";
}

export function checkJunit(files: readonly string[], diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const indexes = new LineIndexes(sources);
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of limitPerFile(diagnostics, MACHINE_PER_FILE).shown) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const failing = [...byFile.values()].filter((ds) => ds.some((d) => d.severity === "error")).length;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const suites = doc.ele("testsuites", { name: "mlat check", tests: String(byFile.size), failures: String(failing) });
  const suite = suites.ele("testsuite", { name: "mlat check", tests: String(byFile.size), failures: String(failing) });
  for (const [file, ds] of byFile) {
    const describe = (d: Diagnostic) => {
      const p = indexes.position(file, d.span.start);
      return `${file}:${p.line}:${p.column}: ${d.severity} ${d.code}: ${d.message}`;
    };
    const errors = ds.filter((d) => d.severity === "error");
    const tc = suite.ele("testcase", { classname: "mlat.check", name: xmlAttr(file) });
    if (errors.length) tc.ele("failure", { message: `${errors.length} error(s)` }).txt(xmlText(ds.map(describe).join("\n")));
    else if (ds.length) tc.ele("system-out").txt(xmlText(ds.map(describe).join("\n")));
  }
  return serialize(doc);
}

export interface JunitCase {
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
  readonly passed: boolean;
  readonly messages: readonly string[];
}

export function testJunit(suites: readonly { file: string; results: readonly JunitCase[]; seconds: number }[]): string {
  const total = suites.reduce((a, s) => a + s.results.length, 0);
  const failures = suites.reduce((a, s) => a + s.results.filter((r) => !r.passed).length, 0);
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const root = doc.ele("testsuites", { name: "mlat", tests: String(total), failures: String(failures) });
  for (const s of suites) {
    const f = s.results.filter((r) => !r.passed).length;
    const suite = root.ele("testsuite", { name: xmlAttr(s.file), tests: String(s.results.length), failures: String(f), time: s.seconds.toFixed(3) });
    for (const r of s.results) {
      const attrs: Record<string, string> = { classname: xmlAttr(s.file), name: xmlAttr(r.name) };
      if (r.line) Object.assign(attrs, { file: xmlAttr(s.file), line: String(r.line) });
      const tc = suite.ele("testcase", attrs);
      if (!r.passed) tc.ele("failure", { message: xmlAttr(r.messages[0] ?? "failed") }).txt(xmlText(r.messages.join("\n")));
    }
  }
  return serialize(doc);
}
