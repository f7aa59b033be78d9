// Citations as data: `cite "…" at "…"` on rules, bodies, seat classes and principles, or the
// leading "Art. …" of a doc comment — kept in the rule set (1.2) and shown in every explanation:
// eval reasons, test failures, hover, the report, JSON.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { AnalysisHost, compile, evaluate, format, Ide, memoryHost, parse, renderReport, test as runTests, validateRuleSet, type RuleSet } from "../compiler/index.js";
import { citationFromDoc } from "../compiler/semantics/citation.js";
import { fsHost, mlat, root } from "./check.js";

// [doc comment, the citation a person reads in it] — written by hand from the examples' comments.
const docs: readonly (readonly [string, string | undefined])[] = [
  ["Art. 27(3): all other matters need nine votes", "Art. 27(3)"],
  ["Art. 2(4), with the Council's authorisation", "Art. 2(4)"],
  ["Art. IX:1: failing consensus, a majority", "Art. IX:1"],
  ["Art. XII, Sec. 5(c): except as otherwise provided", "Art. XII, Sec. 5(c)"],
  ["Treaty of Rome, Art. 148(2): the weighting", "Treaty of Rome, Art. 148(2)"],
  ["TEU Art. 16(4): a qualified majority", "TEU Art. 16(4)"],
  ["Art. 148(2), other cases: 12 votes", "Art. 148(2)"],
  ["Twelfth Amendment: a majority of electors", "Twelfth Amendment"],
  ["Art. 9.", "Art. 9"],
  ["The Nordic states.", undefined],
  ["Other cases: 41 votes cast by at least six members.", undefined],
  ["A 70% majority of the total voting power (e.g. Art. V, Sec. 3).", undefined],
  ["Use of force by one state against another (Charter, Art. 2(4)).", undefined],
];

const design = `state A {}
state B {}
state C {}
action Go(to: state)
institution I {
  members: { A, B, C }
  /// Art. 9: the Council.
  body Council cite "Statute, Art. 9" at "https://example.org/statute#9" {
    seats permanent cite "Art. 10(1)": { A }
    seats elected: { B, C }
    /// Art. 12(2): two of three, and no veto.
    rule main: yes >= 2 and veto permanent
    rule strict "Strict" cite "Art. 12(3) <b>" at "https://example.org/statute#12": unanimity
  }
  principle Stay cite "Art. 3": every member must not Go(to: member)
}
scenario "fails on purpose" {
  vote I.Council.main { yes: B, C  no: A }
  expect adopted
}
scenario "expects a violation that does not happen" {
  expect violation Stay by A
}
`;
const build = (text: string) => compile({ host: memoryHost({ "c.mlat": text }), entries: ["c.mlat"] });

describe("citations", () => {
  it.each(docs)("reads %j as %j", (doc, cite) => expect(citationFromDoc(doc)?.text).toBe(cite));

  const rs = build(design).ruleset!;
  const body = rs.institutions[0]!.bodies[0]!;
  it("are kept in the rule set (1.2, schema-valid; 1.1 still read)", () => {
    expect(build(design).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(rs.version).toBe("1.3");
    // The explicit `cite` wins over the doc comment.
    expect(body.cite).toEqual({ text: "Statute, Art. 9", url: "https://example.org/statute#9" });
    expect(body.classCites).toEqual({ permanent: { text: "Art. 10(1)" } });
    expect(body.rules.map((r) => r.cite)).toEqual([{ text: "Art. 12(2)" }, { text: "Art. 12(3) <b>", url: "https://example.org/statute#12" }]);
    expect(rs.institutions[0]!.principles[0]!.cite).toEqual({ text: "Art. 3" });
    expect(validateRuleSet(JSON.parse(JSON.stringify(rs))).ok).toBe(true);
    const old = JSON.parse(JSON.stringify(build("state A {}\ninstitution I { members: { A } body B { seats: members rule r: yes >= 1 } }").ruleset!));
    expect(validateRuleSet({ ...old, version: "1.1" }).ok).toBe(true);
    // An empty citation is not a citation.
    expect(validateRuleSet({ ...JSON.parse(JSON.stringify(rs)), institutions: [{ ...rs.institutions[0]!, principles: [{ ...rs.institutions[0]!.principles[0]!, cite: { text: " " } }] }] }).ok).toBe(false);
  });

  it("format round-trips and means the same", () => {
    const once = format(design, "c.mlat");
    expect(once.ok).toBe(true);
    expect(once.text).toContain(`body Council cite "Statute, Art. 9" at "https://example.org/statute#9" {`);
    expect(once.text).toContain(`seats permanent cite "Art. 10(1)": { A }`);
    expect(format(once.text, "c.mlat").text).toBe(once.text);
    const meaning = (x: unknown) => JSON.stringify(x, (k, v) => (k === "source" ? undefined : v));
    expect(meaning(build(once.text).ruleset)).toBe(meaning(rs));
    // `cite` and `at` stay ordinary names elsewhere: a seat class called cite, a state called at.
    expect(build("state at {}\ninstitution I { members: { at } body B { seats cite: members rule r: yes >= 1 } }").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("name the provision in eval reasons, vetoes and JSON", () => {
    const r = evaluate(rs, "I.Council.main", { A: "no", B: "yes", C: "yes" });
    if ("error" in r) throw new Error(r.error);
    expect(r.cite).toEqual({ text: "Art. 12(2)" });
    expect(JSON.stringify(r.conditions)).toContain("vetoed by A (permanent: Art. 10(1))");
  });

  it("name the provision in test failures", () => {
    const results = runTests(rs);
    const vote = results.find((t) => t.name === "fails on purpose")!;
    expect(vote.messages[0]).toBe("expected adopted; got rejected, vetoed by A on I.Council.main (Art. 12(2))");
    const violation = results.find((t) => t.name === "expects a violation that does not happen")!;
    expect(violation.messages[0]).toBe("expected a violation of I.Stay (Art. 3) by A; got no violation");
  });

  it("are shown in hover, as a link when they have one", () => {
    const ide = new Ide(new AnalysisHost(memoryHost({ "/w/c.mlat": design })));
    const at = (word: string) => ide.hover("/w/c.mlat", design.indexOf(word) + 1)!.markdown;
    expect(at("strict")).toContain("cites [Art. 12(3) \\<b\\>](https://example.org/statute#12)");
    expect(at("Stay")).toContain("cites **Art. 3**");
    // Read from the doc comment, which the hover shows already: not said twice.
    expect(at("main")).not.toContain("cites");
  });

  it("are shown in the report, escaped, with links", () => {
    const html = renderReport({ title: "t", ruleset: rs, analyses: new Map(), tests: [], marks: [] });
    expect(html).toContain(`<p class="cite"><a href="https://example.org/statute#12">Art. 12(3) &lt;b&gt;</a></p>`);
    expect(html).toContain(`<p class="cite">Art. 12(2)</p>`);
    expect(html).toContain(`<p class="cite">Art. 3</p>`);
    expect(html).toContain("permanent (1, Art. 10(1))");
  });

  it("are printed by mlat eval and mlat test", () => {
    const file = path.join(root, "examples/un.mlat");
    const out = mlat(["eval", file, "--rule", "UN.SecurityCouncil.substantive", "--yes", "USA,GBR,FRA,elected*8", "--no", "RUS"]);
    expect(out.stdout.split("\n")[0]).toContain("UN.SecurityCouncil.substantive: rejected — UN Charter, Art. 27(3)");
    const json = JSON.parse(mlat(["eval", file, "--rule", "UN.SecurityCouncil.substantive", "--yes", "USA", "--format", "json"]).stdout);
    expect(json.cite.text).toBe("UN Charter, Art. 27(3)");
  });

  // Every example: a rule, body or principle whose doc comment starts with a provision carries it.
  const examples = readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".mlat"));
  it.each(examples)("%s carries the citations of its doc comments", (name) => {
    const text = readFileSync(path.join(root, "examples", name), "utf8");
    const out = compile({ host: fsHost, entries: [path.join(root, "examples", name)] });
    const ruleset = out.ruleset as RuleSet;
    const things = ruleset.institutions.flatMap((i) => [...i.bodies, ...i.bodies.flatMap((b) => b.rules), ...i.principles]);
    const { ast } = parse(text, name);
    const expected = new Map<string, string>();
    for (const d of ast.declarations) {
      if (d.kind !== "institution") continue;
      for (const item of d.items) {
        const docStart = (x: { doc?: string }) => /^(?:[A-Z]\w* )*(?:Art\.|[A-Z]\w+ Amendment)/.test(x.doc ?? "");
        if (item.kind === "body") {
          if (docStart(item) || item.cite) expected.set(`${d.name.text}.${item.name.text}`, item.cite?.text ?? "");
          for (const r of item.items) if (r.kind === "rule" && (docStart(r) || r.cite)) expected.set(`${d.name.text}.${item.name.text}.${r.name.text}`, r.cite?.text ?? "");
        }
        if (item.kind === "principle" && (docStart(item) || item.cite)) expected.set(`${d.name.text}.${item.name.text}`, item.cite?.text ?? "");
      }
    }
    for (const [id, cite] of expected) {
      // A parameterised rule: each binding carries the citation.
      const found = things.filter((t) => t.id === id || t.id.startsWith(`${id}(`));
      expect(found.length, id).toBeGreaterThan(0);
      for (const thing of found) {
        if (cite) expect(thing.cite?.text, id).toBe(cite);
        else expect(thing.cite?.text, id).toMatch(/Art\.|Amendment/);
      }
    }
  });
});

describe("citations in machine-readable findings", () => {
  const design = `state A {}\nstate B {}\ninstitution I {\n  members: { A, B }\n  body C {\n    seats: members\n    /// Art. 5: more than all.\n    rule r: yes > 2\n    rule s cite "Art. 6" at "https://example.org/6": yes > 2\n  }\n}\n`;
  it("SARIF results and JSON diagnostics carry the provision of the rule they are about", () => {
    const sarif = JSON.parse(mlat(["check", "-", "--stdin-filename", "n.mlat", "--format", "sarif"], { input: design }).stdout);
    const results = sarif.runs[0].results as { properties?: { citation: string; citationUri?: string } }[];
    const props = results.map((r) => r.properties);
    expect(props).toContainEqual({ citation: "Art. 5" });
    expect(props).toContainEqual({ citation: "Art. 6", citationUri: "https://example.org/6" });
    const json = JSON.parse(mlat(["check", "-", "--stdin-filename", "n.mlat", "--format", "json"], { input: design }).stdout);
    const cites = json.diagnostics.map((d: { cite?: unknown }) => d.cite);
    expect(cites).toContainEqual({ text: "Art. 5" });
    expect(cites).toContainEqual({ text: "Art. 6", url: "https://example.org/6" });
  });
});
