// Golden outputs of what people read, from the real CLI on the examples: `mlat eval` reasons,
// `mlat test` failures, `mlat analyze` tables and the report's text, with the treaty citations
// shown. A golden never writes itself (UPDATE_SNAPSHOTS=1 outside CI, then read the diff).
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compile, evaluate, memoryHost, namedSeats, NO_NAMES, seatNaming } from "../compiler/index.js";
import { golden, mlat, root } from "./check.js";

const out = (name: string) => path.join(root, "tests/outputs", name);
const example = (name: string) => `examples/${name}`;

const evals: readonly (readonly [string, readonly string[]])[] = [
  ["un-substantive-veto", [example("un.mlat"), "--rule", "UN.SecurityCouncil.substantive", "--yes", "USA,GBR,FRA,elected*8", "--no", "RUS", "--abstain", "CHN"]],
  ["un-important", [example("un.mlat"), "--rule", "UN.GeneralAssembly.important", "--no", "USA,RUS", "--abstain", "P5 - { USA, RUS }", "--rest", "yes"]],
  ["eec-1958-qualified", [example("eec-1958.mlat"), "--rule", "EEC.Council.qualified", "--yes", "FRA,DEU,BEL", "--no", "ITA,NLD,LUX"]],
  ["lisbon-qmv", [example("eu-council-lisbon.mlat"), "--rule", "EU.Council.qmv", "--yes", "EU27 - { DEU, FRA, ITA, ESP }", "--no", "DEU,FRA,ITA,ESP"]],
  ["imf-special", [example("imf.mlat"), "--rule", "IMF.BoardOfGovernors.special", "--no", "USA", "--rest", "yes"]],
];

describe("golden outputs", () => {
  it.each(evals)("mlat eval: %s", (name, args) => {
    const r = mlat(["eval", "--no-color", ...args]);
    expect(r.stderr).toBe("");
    golden(out(`eval-${name}.txt`), r.stdout);
  });

  it("mlat test: failures name their provision", () => {
    const r = mlat(["test", "--no-color", "tests/fixtures/failing-tests.mlat"]);
    expect(r.code).toBe(1);
    golden(out("test-failing.txt"), r.stdout);
  });

  it.each(["un.mlat", "eec-1958.mlat", "eu-council-lisbon.mlat", "imf.mlat", "nordic-council.mlat", "us-electoral-college.mlat"])("mlat analyze %s", (name) => {
    const r = mlat(["analyze", "--no-color", example(name)]);
    expect(r.code).toBe(0);
    golden(out(`analyze-${name.replace(/\.mlat$/, "")}.txt`), r.stdout);
  });

  it("mlat report: the text a reader sees (UN)", () => {
    const r = mlat(["report", example("un.mlat")]);
    expect(r.code).toBe(0);
    // The text of the page, one block element per line; the SVG bars are tested in report.test.ts.
    const text = r.stdout
      .replace(/<svg[\s\S]*?<\/svg>/g, "[chart]")
      .replace(/<style>[\s\S]*?<\/style>/g, "")
      .replace(/<(?:\/p|\/h[1-4]|\/tr|\/li|br|\/section|\/summary)>/g, "\n")
      .replace(/<a href="([^"]*)">/g, "[$1] ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
      .split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean).join("\n");
    golden(out("report-un.txt"), text + "\n");
  });
});

describe("the tally counts the seats that hold a vote", () => {
  const design = `state A {}\nstate B {}\nstate C {}\nstate D {}\ninstitution ECB {\n  members: { A, B, C, D }\n  body Council {\n    seats: members\n    weight holds default 1 { C: 0 }\n    rule decide: yes by holds > 1/2\n    rule heads: yes by holds > 1/2 and yes >= 2\n  }\n}\n`;
  const rs = compile({ host: memoryHost({ "r.mlat": design }), entries: ["r.mlat"] }).ruleset!;
  it("a seat with weight 0 in every tally of the rule is named apart, not counted", () => {
    const r = evaluate(rs, "ECB.Council.decide", { A: "yes", B: "yes", C: "no", D: "no" });
    if ("error" in r) throw new Error(r.error);
    expect(r.tally).toEqual({ yes: 2, no: 1, abstain: 0, absent: 0 });
    expect(r.notHolding).toEqual(["C"]);
  });
  it("a head count counts every seat", () => {
    const r = evaluate(rs, "ECB.Council.heads", { A: "yes", B: "yes", C: "no", D: "no" });
    if ("error" in r) throw new Error(r.error);
    expect(r.tally).toEqual({ yes: 2, no: 2, abstain: 0, absent: 0 });
    expect(r.notHolding).toBeUndefined();
  });
});

describe("the report", () => {
  it("shows Owen and Banzhaf–Owen values with the design's blocs as a priori unions", () => {
    const html = mlat(["report", "examples/eec-1958.mlat"]).stdout;
    expect(html).toContain("With the blocs as a priori unions (Benelux = BEL, NLD, LUX): Owen and Banzhaf–Owen values");
    // EEC 1958, qualified majority (12 of 17 votes), Benelux as one union: LUX's Owen value is 0
    // (the union's 5 votes carry nothing that BEL and NLD's 4 do not).
    const qualified = html.slice(html.indexOf('id="rule-EEC.Council.qualified"'));
    expect(qualified.slice(0, qualified.indexOf("</section>"))).toMatch(/<td>LUX<\/td><td class="num">0\.00%<\/td>/);
  });
});

describe("seats named as a person names them", () => {
  const rs = compile({ host: memoryHost({ "n.mlat": `state A {}\nstate B {}\nstate C {}\nstate D {}\nstate E {}\nstate F {}\ngroup Big = { A, B }\ninstitution I {\n  members: { A, B, C, D, E, F }\n  body B {\n    seats permanent: { A, B, C }\n    seats elected: 3\n    rule r: yes >= 4\n  }\n}\n` }), entries: ["n.mlat"] }).ruleset!;
  const naming = seatNaming(rs, "I.B.r");
  it.each([
    [["A", "B", "C"], "permanent"],
    [["A", "B"], "Big"],
    [["A", "B", "C", "elected.1", "elected.2", "elected.3"], "permanent + elected"],
    [["A", "B", "elected.1", "elected.2", "elected.3"], "elected + Big"],
    [["A", "B", "C", "elected.1"], "permanent + elected.1"],
    [["C", "elected.1", "elected.2"], "C, elected.1, elected.2"],
  ])("%j → %s", (seats, text) => expect(namedSeats(seats, naming)).toBe(text));
  it("cuts long lists of ids with a count", () => expect(namedSeats(["a", "b", "c", "d", "e"], NO_NAMES, 4)).toBe("a, b and 3 more"));
});
