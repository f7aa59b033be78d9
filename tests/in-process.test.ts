// In-process tests of code the end-to-end tests reach only through the spawned CLI: exact numbers
// from JSON, what-if changes of a rule set, the marks of multilateralism, ballot profiles in one
// line — so that coverage and mutation testing see them.
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { githubSummary, memoryHost, plural, renderDiagnostic, renderDiagnostics, summarize, toGithubCommands } from "../compiler/index.js";
import { analyze, analyzeBlocs, applyWhatIf, compile, exactDecimal, JsonNumberError, marks, numbersAsExactStrings, profileText, renderReport, test as runTests, WhatIfError, type BlocAnalysis, type RuleSet } from "../compiler/index.js";
import { fsHost, root } from "./check.js";

const example = (name: string) => compile({ host: fsHost, entries: [path.join(root, "examples", name)] }).ruleset as RuleSet;

describe("exact numbers from JSON", () => {
  it.each([
    ["0", "0"],
    ["-0", "0"],
    ["12", "12"],
    ["1e21", "1000000000000000000000"],
    ["-2.5E-3", "-0.0025"],
    ["0.1000000000000000001", "0.1000000000000000001"],
    ["1.500", "1.5"],
    ["00012.0", "12"],
    ["1e-2", "0.01"],
    ["123e-1", "12.3"],
  ])("%s → %s", (literal, value) => expect(exactDecimal(literal)).toBe(value));

  it("refuses what is not a number, and exponents beyond ±1000", () => {
    expect(() => exactDecimal("1x")).toThrow(JsonNumberError);
    expect(() => exactDecimal("1e1001")).toThrow(/beyond ±1000/);
  });

  it("rewrites every number outside strings, and nothing inside them", () => {
    const text = `{"a": 1e21, "b": [0.1000000000000000001, -2], "s": "1e21 \\" 3", "t": true, "n": null}`;
    expect(JSON.parse(numbersAsExactStrings(text))).toEqual({ a: "1000000000000000000000", b: ["0.1000000000000000001", "-2"], s: '1e21 " 3', t: true, n: null });
  });
});

describe("what if (applyWhatIf)", () => {
  const lisbon = example("eu-council-lisbon.mlat");
  const body = (rs: RuleSet) => rs.institutions[0]!.bodies[0]!;

  it("a state leaves: its seat, weights and membership go", () => {
    const after = applyWhatIf(lisbon, [{ without: "DEU" }]);
    expect(body(after).seats.map((s) => s.id)).not.toContain("DEU");
    expect(Object.keys(body(after).weights["population"]!)).not.toContain("DEU");
    expect(after.institutions[0]!.members).not.toContain("DEU");
    expect(after.states.map((s) => s.id)).not.toContain("DEU");
    expect(() => applyWhatIf(lisbon, [{ without: "XYZ" }])).toThrow(WhatIfError);
  });

  it("a census moves the weights drawn from the attribute; a weight can be set directly", () => {
    const census = applyWhatIf(lisbon, [{ set: { state: "MLT", attribute: "population", value: "90000" } }]);
    expect(body(census).weights["population"]!["MLT"]).toBe("90000");
    const reform = applyWhatIf(lisbon, [{ weight: { body: "EU.Council", name: "population", seat: "DEU", value: "1" } }]);
    expect(body(reform).weights["population"]!["DEU"]).toBe("1");
    expect(() => applyWhatIf(lisbon, [{ weight: { body: "EU.Council", name: "nope", seat: "DEU", value: "1" } }])).toThrow(/has no weight `nope`/);
    expect(() => applyWhatIf(lisbon, [{ set: { state: "MLT", attribute: "population", value: "-1" } }])).toThrow(/not a non-negative number/);
  });

  it("a state joins: a seat in the bodies of the members, its weight drawn from its attribute", () => {
    const joined = applyWhatIf(lisbon, [{ with: { id: "UKR", attributes: { population: { type: "number", value: "37000" } } }, memberOf: ["EU"] }]);
    expect(body(joined).seats.at(-1)).toEqual({ id: "UKR", state: "UKR" });
    expect(body(joined).weights["population"]!["UKR"]).toBe("37000");
    expect(() => applyWhatIf(lisbon, [{ with: { id: "UKR", attributes: {} }, memberOf: ["EU"] }])).toThrow(/give `UKR` a `population`/);
  });
});

describe("marks of multilateralism", () => {
  it("names the privileges of the Security Council and the diffuse reciprocity of Art. 2(4)", () => {
    const [un] = marks(example("un.mlat"));
    expect(un!.institution).toBe("UN");
    expect(un!.multilateral).toBe(true);
    expect(un!.privileges.join("\n")).toContain("a veto held by permanent");
    expect(un!.diffuseReciprocity.join("\n")).toContain("UN.NonUseOfForce");
  });
});

describe("ballot profiles in one line", () => {
  it.each([
    [{ yes: ["A", "B", "C"], no: [], abstain: [], absent: [] }, "everyone yes"],
    [{ yes: ["A", "B", "C"], no: ["D"], abstain: [], absent: [] }, "D no; everyone else yes"],
    [{ yes: ["A"], no: ["B", "C", "D"], abstain: ["E"], absent: [] }, "A yes; E abstain; everyone else no"],
    [{ yes: ["A"], no: ["B"], abstain: [], absent: [] }, "B no; A yes"],
    [{ yes: [], no: [], abstain: [], absent: [] }, "no seats"],
  ])("%j → %s", (profile, text) => expect(profileText(profile)).toBe(text));
});

describe("the HTML report, rendered in process", () => {
  it("has a section per rule with its chart, the blocs, the tests and the marks", () => {
    const rs = example("eec-1958.mlat");
    const analyses = new Map(analyze(rs).map((a) => [a.rule, "error" in a ? a.error : a] as const));
    const blocs = analyzeBlocs(rs, rs.blocs ?? []).filter((b): b is BlocAnalysis => !("error" in b));
    const html = renderReport({ title: "EEC <1958>", ruleset: rs, analyses, tests: runTests(rs), marks: marks(rs), blocs });
    expect(html).toContain("<title>EEC &lt;1958&gt;</title>");
    expect(html.match(/<section class="rule"/g)).toHaveLength(rs.institutions[0]!.bodies[0]!.rules.length);
    // One bar per power class: the qualified majority's 5/21, 1/7 and 0 (France, Germany and Italy share one).
    const qualified = html.slice(html.indexOf('id="rule-EEC.Council.qualified"'), html.indexOf("</section>", html.indexOf('id="rule-EEC.Council.qualified"')));
    expect(qualified.match(/<rect class="bar bz"/g)).toHaveLength(3);
    expect(html).toContain('<section class="bloc"><h3>Benelux in EEC.Council.qualified</h3>');
    expect(html).toContain('<td class="pass">pass</td>');
    expect(html).toContain("Weights: votes (6 seats)");
    expect(html).toContain("Dummies: <span class=\"tag dummy\">LUX</span>");
  });
});

describe("diagnostics rendered in process", () => {
  const text = `state A { population: 1 }\ngroup G = { A, Franse }\ninstitution I {\n  members: { A }\n  body B {\n    seats: members\n    rule r: yes by population > 2\n  }\n}\n`;
  const checked = compile({ host: memoryHost({ "d.mlat": text }), entries: ["d.mlat"] });
  const sources = new Map([["d.mlat", text]]);
  const diagnostics = checked.diagnostics;

  it("as GitHub workflow commands and a step summary, escaped", () => {
    const commands = toGithubCommands(diagnostics, sources);
    expect(commands).toContain("::error file=d.mlat,line=2,col=16,endLine=2,endColumn=22,title=MLAT2001::unknown state or group `Franse`");
    const summary = githubSummary(diagnostics, 1, sources);
    expect(summary).toContain(`${diagnostics.filter((d) => d.severity === "error").length} error(s)`);
    expect(summary).toContain("| error | MLAT2001 | d.mlat:2 | unknown state or group `Franse` |");
    const piped = githubSummary([{ ...diagnostics[0]!, message: "a | b\nc" }], 1, sources);
    expect(piped).toContain("a \\| b\\nc");
  });

  it("for people: the line, a caret under the span, notes and help, and 'and N more' past the limit", () => {
    const out = renderDiagnostics(diagnostics, { color: false, displayPath: (f) => f, sources });
    expect(out).toContain("d.mlat:2:16: error MLAT2001: unknown state or group `Franse`");
    expect(out).toContain("2 | group G = { A, Franse }");
    expect(out).toMatch(/\|\s+\^{6}/);
    const many = Array.from({ length: 5 }, () => diagnostics[0]!);
    expect(renderDiagnostics(many, { color: false, displayPath: (f) => f, sources }, 2)).toContain("d.mlat: and 3 more diagnostics (showing the first 2)");
    const coloured = renderDiagnostic(diagnostics[0]!, { color: true, displayPath: (f) => f, sources });
    expect(coloured).toContain("\x1b[31m");
    expect(summarize(diagnostics).errors).toBeGreaterThan(0);
    expect([plural(1, "file"), plural(2, "file")]).toEqual(["1 file", "2 files"]);
  });
});
