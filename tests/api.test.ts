// The library's task-level API (compiler/api.ts), in-process: every function's answer and every
// way it says no — unknown rules, ballots it cannot read, traces it cannot take, games too large —
// as data, never as an exception.
import { describe, expect, it } from "vitest";
import { analyze, analyzeBlocs, ballots, check, compile, conduct, diff, evaluate, marks, memoryHost, test as runTests, validateRuleSet, type EventsDocument, type RuleSet } from "../compiler/index.js";

const CLUB = `state A { votes: 3 }
state B { votes: 2 }
state C { votes: 1 }
group AB = { A, B }
action Pay(by: state, to: state)
institution Club {
  members: { A, B, C }
  body Council {
    seats: members
    seat Pair for { B, C }
    rule simple: yes >= 2
    rule weighted: yes by votes >= 4
  }
  principle NoPay:
    every member must not Pay(to: member)
}
`.replace("    seats: members\n    seat Pair for { B, C }\n", "    seats: { A }\n    seat Pair for { B, C }\n");
const club = (): RuleSet => compile({ files: { "club.mlat": CLUB } }).ruleset!;

describe("check and compile", () => {
  it("check: one program per entry, diagnostics sorted, ok when no error", () => {
    const r = check({ files: { "a.mlat": "state A\n", "b.mlat": 'use "./a.mlat"\ngroup G = { A, Z }\n' } });
    expect(r.ok).toBe(false);
    expect(r.outputs).toHaveLength(2);
    expect(r.files).toEqual(["a.mlat", "b.mlat"]);
    expect(r.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(["b.mlat MLAT2001"]);
    expect(check({ files: { "a.mlat": "state A\n" } }).ok).toBe(true);
  });

  it("compile: the first file unless entries are given; a host with its entries", () => {
    expect(compile({ files: { "a.mlat": "state A\n", "b.mlat": "state B\n" } }).ruleset!.states.map((s) => s.id)).toEqual(["A"]);
    expect(compile({ files: { "a.mlat": "state A\n", "b.mlat": "state B\n" }, entries: ["b.mlat"] }).ruleset!.states.map((s) => s.id)).toEqual(["B"]);
    expect(compile({ host: memoryHost(new Map([["x.mlat", "state X\n"]])), entries: ["x.mlat"] }).ruleset!.states.map((s) => s.id)).toEqual(["X"]);
  });

  it("validateRuleSet: the schema first, then what it cannot say", () => {
    const rs = club();
    expect(validateRuleSet(JSON.parse(JSON.stringify(rs))).ok).toBe(true);
    const bad = validateRuleSet({ ...rs, version: "two" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]!.path).toBe("$.version");
    const dangling = validateRuleSet({ ...rs, assertions: [{ rule: "Club.Council.nope", negated: false, text: "", fact: { fact: "dictator", seats: [] } }] });
    expect(!dangling.ok && dangling.errors[0]!.message).toBe("`Club.Council.nope` is not a rule of the rule set");
  });
});

describe("analyze and blocs", () => {
  it("analyze: every rule, or the named ones; an unknown rule and a game too large are answers", () => {
    const rs = club();
    expect(analyze(rs).map((a) => a.rule)).toEqual(["Club.Council.simple", "Club.Council.weighted"]);
    expect(analyze(rs, { rules: ["Club.Council.nope"] })).toEqual([{ rule: "Club.Council.nope", error: "unknown rule `Club.Council.nope`" }]);
    const tiny = analyze(rs, { rules: ["Club.Council.weighted"], workLimit: 0 });
    expect("error" in tiny[0]! ? tiny[0].error : "").toMatch(/^too large for exact analysis/);
  });

  it("analyzeBlocs: each bloc in each rule of its body, `rules` limiting them", () => {
    const rs = compile({ files: { "e.mlat": "state A\nstate B\nstate C\nstate D\ninstitution I {\n  members: { A, B, C, D }\n  body B {\n    seats: members\n    rule r: yes >= 3\n    rule s: yes >= 2\n  }\n}\nbloc AB in I.B: yes > 1/2\ngroup AB = { A, B }\n" } }).ruleset!;
    expect(analyzeBlocs(rs, rs.blocs!).map((b) => b.rule)).toEqual(["I.B.r", "I.B.s"]);
    expect(analyzeBlocs(rs, rs.blocs!, ["I.B.s"]).map((b) => b.rule)).toEqual(["I.B.s"]);
  });
});

describe("evaluate and ballots", () => {
  it("evaluate: an unknown rule and a ballot the rule cannot take are errors, not exceptions", () => {
    const rs = club();
    expect(evaluate(rs, "Club.Council.nope", {})).toEqual({ error: "unknown rule `Club.Council.nope`" });
    expect(evaluate(rs, "Club.Council.simple", { Z: "yes" })).toEqual({ error: "`Z` holds no seat in `Club.Council`" });
    expect(evaluate(rs, "Club.Council.simple", { B: "yes", C: "no" })).toMatchObject({ error: expect.stringContaining("the states of `Pair` are named with different ballots") });
    const r = evaluate(rs, "Club.Council.weighted", { A: "yes", B: "yes", C: "yes" });
    expect("outcome" in r && [r.outcome, r.tally.yes]).toEqual(["adopted", 2]);
  });

  it("ballots: lists as people write them, constituencies' states included; errors as data", () => {
    const rs = club();
    expect(ballots(rs, "Club.Council.simple", { yes: "A", no: "B,C" })).toEqual({ ballots: { A: "yes", B: "no", C: "no" } });
    expect(ballots(rs, "Club.Council.simple", { yes: "A" }, "no")).toEqual({ ballots: { A: "yes", Pair: "no" } });
    expect(ballots(rs, "Club.Council.nope", {})).toEqual({ error: "unknown rule `Club.Council.nope`" });
    expect(ballots(rs, "Club.Council.simple", { yes: "Nobody" })).toEqual({ error: "`Nobody` is not a seat, seat class or group of `Club.Council`" });
  });
});

describe("conduct, tests, diff and marks", () => {
  it("conduct: violations; a document off the schema or a trace it cannot take, with the path", () => {
    const rs = club();
    const ok = conduct(rs, { events: [{ actor: "A", action: "Pay", args: { to: "B" } }] } as EventsDocument);
    expect("violations" in ok && ok.violations.map((v) => `${v.principle} ${v.actor}`)).toEqual(["Club.NoPay A"]);
    expect(conduct(rs, { events: "no" } as unknown as EventsDocument)).toMatchObject({ path: "$.events" });
    expect(conduct(rs, { events: [{ actor: "Z", action: "Pay", args: {} }] } as EventsDocument)).toEqual({ error: "`Z` is not a state of the design", path: "$.events[0].actor" });
    expect(conduct(rs, { events: [{ vote: "Club.Council.simple", votes: { B: "yes", C: "no" } }] } as EventsDocument)).toMatchObject({ path: "$.events[0].votes", error: expect.stringContaining("`Pair`") });
  });

  it("test, diff and marks answer with data", () => {
    const rs = club();
    expect(runTests(rs)).toEqual([]);
    const changed = compile({ files: { "club.mlat": CLUB.replace("rule simple: yes >= 2", "rule simple: yes >= 1") } }).ruleset!;
    const d = diff(rs, changed);
    expect(d.rules.find((r) => r.rule === "Club.Council.simple")?.verdict).toBe("more permissive");
    expect(d.rules.find((r) => r.rule === "Club.Council.weighted")?.verdict).toBe("equivalent");
    expect(marks(rs).map((m) => m.institution)).toEqual(["Club"]);
  });
});
