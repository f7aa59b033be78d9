// Escaping in every output format, as properties (issue 14, medium 5): text from a design or a
// file name — any Unicode, control characters, CR, ESC and OSC sequences, line separators, quotes,
// markup — is put into diagnostics, names and scenario results, and each format is read back by a
// real parser or by the reader its consumer uses: JSON.parse for JSON and SARIF, WHATWG URL for
// SARIF URIs, Chromium's XML and HTML parsers for JUnit and the report, GitHub's line protocol
// for workflow commands, and the Graphviz and Mermaid lexical rules (from their documentation)
// for graphs. Nothing may add a line, a command, an element or an attribute.
import { existsSync } from "node:fs";
import fc from "fast-check";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  compile,
  makeDiagnostic,
  renderDiagnostics,
  renderReport,
  toDot,
  toGithubCommands,
  toJsonReport,
  toMermaid,
  toSarif,
  type Diagnostic,
  type RuleSet,
} from "../../compiler/index.js";
import { checkJunit, testJunit } from "../../compiler/junit.js";

const runs = Number(process.env["MLAT_FUZZ_RUNS"] ?? 150);

/** Hostile text: arbitrary Unicode mixed with the fragments that break each format. */
const fragments = ["\n", "\r", "\r\n", "\u2028", "\u0085", "\u001b[31m", "\u001b]8;;http://x\u0007", "\u0000", "\u0007", "::error::x", "%0A", "</testcase>", "]]>", "<script>alert(1)</script>", '"', "'", "&amp;", "\\", '\\"', "#", "click x href", "-->", "<!--", "|", ",", ":", "\ud800", "\udfff", "\ufffe"];
const hostile = fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom(...fragments)), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));

const base = compile({ files: { "d.mlat": "state AAA\nstate BBB\nstate CCC\ninstitution I {\n  members: { AAA, BBB, CCC }\n  body B {\n    seats: members\n    rule r: yes >= 2\n  }\n}\n" }, entries: ["d.mlat"] }).ruleset!;

/** The base rule set with hostile display names for the institution and the body. */
function named(name: string): RuleSet {
  const rs = structuredClone(base) as RuleSet & { institutions: { name?: string; bodies: { name: string }[] }[] };
  rs.institutions[0]!.name = name;
  rs.institutions[0]!.bodies[0]!.name = name;
  return rs;
}

function diagnosticsFor(file: string, text: string): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const source = `group G = { ${text} }\n`;
  const d = makeDiagnostic("UnknownName", file, { start: 12, end: 12 + text.length }, ["state or group", text, ""]);
  return { diagnostics: [d], sources: new Map([[file, source]]) };
}

// Any control character (these are shown escaped, so such text does not read back as written).
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// Control characters a terminal or a CI log would act on (tab and the line feed between lines aside).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("escaping in every format (property tests)", () => {
  it("pretty: no control character reaches the terminal, and the diagnostic keeps its shape", () => {
    fc.assert(
      fc.property(hostile, hostile, (file, text) => {
        const { diagnostics, sources } = diagnosticsFor(file, text);
        const out = renderDiagnostics(diagnostics, { color: false, displayPath: (f) => f, sources });
        expect(out).not.toMatch(CONTROL);
        // The location line, the excerpt, the caret (and a help line): never a line of the design's own.
        expect(out.split("\n").filter((l) => /^::/.test(l))).toEqual([]);
      }),
      { seed: 11, numRuns: runs },
    );
  });

  it("GitHub: exactly one workflow command per diagnostic, no control character, and message and file read back as written (when they have none)", () => {
    const unescape = (s: string) => s.replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
    fc.assert(
      fc.property(hostile, hostile, (file, text) => {
        const { diagnostics, sources } = diagnosticsFor(file, text);
        const lines = toGithubCommands(diagnostics, sources).split("\n").filter((l) => l !== "");
        expect(lines).toHaveLength(1);
        const m = /^::error file=([^,]*),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=MLAT2001::([\s\S]*)$/.exec(lines[0]!);
        expect(m, lines[0]).not.toBeNull();
        expect(lines[0]).not.toMatch(CONTROL);
        if (!ANY_CONTROL.test(file)) expect(unescape(m![1]!)).toBe(file);
        if (!ANY_CONTROL.test(diagnostics[0]!.message)) expect(unescape(m![2]!)).toBe(diagnostics[0]!.message);
      }),
      { seed: 12, numRuns: runs },
    );
  });

  it("JSON and SARIF: parse, keep the message and the file exactly, and SARIF URIs are valid URI references that decode to the file", () => {
    fc.assert(
      fc.property(hostile, hostile, (file, text) => {
        const { diagnostics, sources } = diagnosticsFor(file, text);
        const json = JSON.parse(JSON.stringify(toJsonReport(diagnostics, sources, { files: 1, errors: 1, warnings: 0 }))) as { diagnostics: { file: string; message: string }[] };
        expect(json.diagnostics[0]!.message).toBe(diagnostics[0]!.message);
        expect(json.diagnostics[0]!.file).toBe(file);
        const sarif = JSON.parse(JSON.stringify(toSarif(diagnostics, sources, "0.0.0"))) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
        const result = sarif.runs[0]!.results[0]!;
        expect(result.message.text).toBe(diagnostics[0]!.message.replace(/`/g, "'"));
        const uri = result.locations[0]!.physicalLocation.artifactLocation.uri;
        // A relative reference: no scheme, no fragment or query of its own, nothing a URL parser would drop.
        expect(uri).not.toMatch(/[#?\s]/);
        const resolved = new URL(uri, "file:///project/");
        expect(resolved.href.startsWith("file:///project/")).toBe(true);
        // A relative path reads back exactly (a URL parser resolves `.` and `..` segments, and lone surrogates cannot be encoded).
        if (!/[\ud800-\udfff]|^\/|(^|\/)\.\.?(\/|$)/.test(file)) expect(decodeURIComponent(resolved.pathname.slice("/project/".length))).toBe(file);
      }),
      { seed: 13, numRuns: runs },
    );
  });

  it("Mermaid: every label stays on its line and in its quotes (no `click`, no statement of its own)", () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const plain = toMermaid(named("x")).split("\n");
        const lines = toMermaid(named(name)).split("\n");
        expect(lines).toHaveLength(plain.length);
        for (const line of lines) {
          // Outside the quoted labels, a line is made of ids and arrows only.
          const outside = line.replace(/"[^"\n]*"/g, '""');
          expect(outside, line).toMatch(/^(flowchart LR|\s+[A-Za-z0-9_]+ --> [A-Za-z0-9_]+|\s+[A-Za-z0-9_]+(\[\[""\]\]|\(""\)|\[""\]|\(\[""\]\))?( -(-|\.)+->? (\|""\| )?[A-Za-z0-9_]+)?( --- [A-Za-z0-9_]+)?( -\.-> [A-Za-z0-9_]+)?|\s+[A-Za-z0-9_]+ -->\|""\| [A-Za-z0-9_]+|)$/);
          expect(line).not.toMatch(CONTROL);
        }
      }),
      { seed: 14, numRuns: runs },
    );
  });

  it("Graphviz: every quoted string ends where it should under DOT's rule (`\\\"` is the only escape)", () => {
    /** Statements of a DOT text, splitting on `;` outside quoted strings, by the lexical rule of the DOT documentation. */
    const statements = (dot: string): string[] => {
      const out: string[] = [];
      let current = "";
      let quoted = false;
      for (let i = 0; i < dot.length; i++) {
        const c = dot[i]!;
        if (quoted) {
          if (c === "\\" && dot[i + 1] === '"') {
            current += '\\"';
            i++;
            continue;
          }
          if (c === '"') quoted = false;
          current += c;
          continue;
        }
        if (c === '"') quoted = true;
        if (c === ";") {
          out.push(current.trim());
          current = "";
          continue;
        }
        current += c;
      }
      expect(quoted, "a quoted string never closes").toBe(false);
      return out;
    };
    fc.assert(
      fc.property(hostile, (name) => {
        const plain = statements(toDot(named("x")));
        const hostileStatements = statements(toDot(named(name)));
        expect(hostileStatements).toHaveLength(plain.length);
        for (const s of hostileStatements.slice(1)) expect(s.replace(/"(\\"|[^"])*"/g, '""'), s).toMatch(/^(rankdir=LR|node \[fontname=""\]|"" \[label="", shape=\w+(, style=bold)?\]|"" -> ""( \[[^\]"]*(""[^\]"]*)*\])?)$/);
      }),
      { seed: 15, numRuns: runs },
    );
  });
});

const executable = "/usr/bin/chromium";
const available = existsSync(executable);
const maybe = available || process.env["CI"] ? describe : describe.skip;
if (!available && !process.env["CI"]) console.warn(`tests/hostile/escaping.test.ts: browser parsing SKIPPED: no Chromium at ${executable}`);

maybe("escaping read back by Chromium's XML and HTML parsers", () => {
  it("JUnit (check and test) is well-formed XML with the names and messages as written; the report adds no element, script or attribute", async () => {
    const samples = fc.sample(fc.tuple(hostile, hostile), { seed: 16, numRuns: runs });
    const junits = samples.map(([file, text]) => {
      const { diagnostics, sources } = diagnosticsFor(file, text);
      return [checkJunit([file], diagnostics, sources), testJunit([{ file, results: [{ name: text, passed: false, messages: [text] }], seconds: 0 }])];
    });
    const reports = samples.map(([name]) => renderReport({ title: name, ruleset: named(name), analyses: new Map(), tests: [{ name, kind: "scenario", passed: false, messages: [name] }], marks: [] }));
    const plainReport = renderReport({ title: "x", ruleset: named("x"), analyses: new Map(), tests: [{ name: "x", kind: "scenario", passed: false, messages: ["x"] }], marks: [] });
    const browser = await chromium.launch({ executablePath: executable, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    try {
      const page = await browser.newPage();
      const results = await page.evaluate(
        ({ junits, reports, plainReport }) => {
          const g = globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, t: string): { getElementsByTagName(n: string): { length: number; item(i: number): { getAttribute(a: string): string | null; textContent: string } | null }; querySelectorAll(s: string): { length: number }; body: { querySelectorAll(s: string): ArrayLike<{ attributes: ArrayLike<{ name: string; value: string }> }> } } } };
          const parser = new g.DOMParser();
          const xml = junits.map((pair) =>
            pair.map((x) => {
              const doc = parser.parseFromString(x, "application/xml");
              const error = doc.getElementsByTagName("parsererror").length > 0;
              const cases = doc.getElementsByTagName("testcase");
              return { error, cases: cases.length, name: cases.item(0)?.getAttribute("name") ?? null, failure: doc.getElementsByTagName("failure").item(0)?.textContent ?? null };
            }),
          );
          const count = (html: string) => {
            const doc = parser.parseFromString(html, "text/html");
            const all = doc.body.querySelectorAll("*");
            const attrs: string[] = [];
            for (let i = 0; i < all.length; i++) for (let j = 0; j < all[i]!.attributes.length; j++) attrs.push(all[i]!.attributes[j]!.name);
            return { elements: all.length, scripts: doc.querySelectorAll("script").length, attrs: [...new Set(attrs)].sort(), javascript: doc.querySelectorAll("[href^='javascript' i], [src]").length };
          };
          return { xml, html: reports.map(count), plain: count(plainReport) };
        },
        { junits, reports, plainReport },
      );
      results.xml.forEach(([check, test], i) => {
        const [file, text] = samples[i]!;
        expect(check!.error, `check JUnit for ${JSON.stringify(file)}`).toBe(false);
        expect(test!.error, `test JUnit for ${JSON.stringify(text)}`).toBe(false);
        expect(check!.cases).toBe(1);
        expect(test!.cases).toBe(1);
        // Attribute values are one line (a parser would turn CR, LF and tabs into spaces): shown
        // escaped, and a name without control characters reads back exactly.
        for (const [read, written] of [[check!.name, file], [test!.name, text]] as const) {
          expect(read).not.toMatch(/[\r\n\t]/);
          if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/.test(written)) expect(read).toBe(written);
        }
      });
      for (const [i, r] of results.html.entries()) {
        expect(r.scripts, JSON.stringify(samples[i]![0])).toBe(0);
        expect(r.javascript).toBe(0);
        expect(r.elements, JSON.stringify(samples[i]![0])).toBe(results.plain.elements);
        expect(r.attrs).toEqual(results.plain.attrs);
      }
    } finally {
      await browser.close();
    }
  });
});
