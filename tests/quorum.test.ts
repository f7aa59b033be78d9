// Presence and quorum: `present` / `absent` tallies (weighted too) and a body's `quorum:`, which
// every rule of the body needs first — through parser, binder, rule set, engine, formatter, CLI.
import { describe, expect, it } from "vitest";
import { compile, evaluate, format, memoryHost, validateRuleSet, type RuleSet } from "../compiler/index.js";
import { analyzeRule } from "../compiler/engine/analysis/analyze.js";
import { mlat } from "./check.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const design = (body: string) => `state A {}\nstate B {}\nstate C {}\nstate D {}\nstate E { quorum: 3 }\ninstitution I {\n  members: { A, B, C, D, E }\n  body Council {\n    seats: members\n    weight votes { A: 3, B: 2, C: 1, D: 1, E: 1 }\n${body}\n  }\n}\n`;
const council = design("    quorum: present >= 3 and present by votes >= 1/2\n    rule simple: yes > no\n    rule agree: consensus");
const build = (text: string) => compile({ host: memoryHost({ "q.mlat": text }), entries: ["q.mlat"] });

describe("quorum", () => {
  it("compiles into every rule of the body, first, and is kept for reports (rule set 1.1)", () => {
    const r = build(council);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const rs = r.ruleset!;
    expect(rs.version).toBe("1.3"); // 1.1 brought the quorum; 1.2 citations; 1.3 parameterised rules
    const body = rs.institutions[0]!.bodies[0]!;
    expect(body.quorum?.text).toBe("present >= 3 and present by votes >= 1/2");
    for (const rule of body.rules) {
      expect(rule.condition).toMatchObject({ op: "and", args: [body.quorum!.condition, {}] });
      expect(rule.text.startsWith("quorum (present >= 3 and present by votes >= 1/2) and ")).toBe(true);
    }
    expect(validateRuleSet(JSON.parse(JSON.stringify(rs))).ok).toBe(true);
    // A rule set of version 1.0 (no quorum, no presence tallies) is still read.
    expect(validateRuleSet({ ...JSON.parse(JSON.stringify(build(design("    rule simple: yes > no")).ruleset!)), version: "1.0" }).ok).toBe(true);
  });

  it("consensus is not adopted by one yes and four absent seats when a quorum is required", () => {
    const rs = build(council).ruleset! as RuleSet;
    const one = evaluate(rs, "I.Council.agree", { A: "yes" });
    if ("error" in one) throw new Error(one.error);
    expect(one.outcome).toBe("rejected");
    expect(one.quorum).toEqual({ met: false, text: "present >= 3 and present by votes >= 1/2" });
    expect(one.conditions.children![0]!.text).toBe("no quorum: present >= 3 and present by votes >= 1/2 fails");
    // Three seats there, but only 3 of 8 votes: the weighted part of the quorum fails too.
    const light = evaluate(rs, "I.Council.agree", { C: "yes", D: "abstain", E: "yes" });
    if ("error" in light) throw new Error(light.error);
    expect(light.outcome).toBe("rejected");
    const enough = evaluate(rs, "I.Council.agree", { A: "yes", B: "abstain", C: "yes" });
    if ("error" in enough) throw new Error(enough.error);
    expect([enough.outcome, enough.quorum?.met]).toEqual(["adopted", true]);
    // Without the quorum the same one yes is a consensus.
    const bare = evaluate(build(design("    rule agree: consensus")).ruleset!, "I.Council.agree", { A: "yes" });
    if ("error" in bare) throw new Error(bare.error);
    expect(bare.outcome).toBe("adopted");
  });

  it("present and absent count seats and weights; absent is the rest", () => {
    const rs = build(design("    rule few: absent by votes <= 2 and absent < 2 and present = 4")).ruleset!;
    const r = (votes: Record<string, "yes" | "no" | "abstain">) => {
      const x = evaluate(rs, "I.Council.few", votes);
      if ("error" in x) throw new Error(x.error);
      return x.outcome;
    };
    expect(r({ A: "yes", B: "no", C: "abstain", D: "no" })).toBe("adopted"); // E absent: 1 seat, 1 vote
    expect(r({ A: "yes", B: "no", C: "abstain", E: "no" })).toBe("adopted");
    expect(r({ B: "no", C: "abstain", D: "no", E: "yes" })).toBe("rejected"); // A absent: 3 votes
  });

  it("round-trips through the formatter, says when it is given twice, and leaves `quorum` free as a name elsewhere", () => {
    const f = format(council, "q.mlat");
    expect(f.text).toContain("    quorum: present >= 3 and present by votes >= 1/2\n");
    expect(format(f.text, "q.mlat").text).toBe(f.text);
    const twice = build(design("    quorum: present >= 3\n    quorum: present >= 4\n    rule simple: yes > no"));
    expect(twice.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^MLAT\d{4} .*quorum/)]);
    // `state E { quorum: 3 }` above: an attribute may still be called quorum.
    expect(build(council).ruleset!.states.find((s) => s.id === "E")!.attributes["quorum"]).toEqual({ type: "number", value: "3" });
  });

  it("mlat eval says 'no quorum' with the numbers", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-q-"));
    const file = path.join(dir, "q.mlat");
    writeFileSync(file, council);
    const r = mlat(["eval", file, "--rule", "I.Council.simple", "--yes", "A"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("I.Council.simple: rejected");
    expect(r.stdout).toContain("✗ no quorum: present >= 3 and present by votes >= 1/2 fails");
    expect(r.stdout).toContain("✗ present 1, needs ≥ 3");
  });
});

describe("weight tables with a default", () => {
  it("give every seat not named the default, format back as written, and need no entry per seat", () => {
    const text = design("    weight chair default 0 { A: 1 }\n    rule chaired: yes by chair >= 1 and yes >= 3");
    const c = build(text);
    expect(c.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const body = c.ruleset!.institutions[0]!.bodies[0]!;
    expect(body.weights["chair"]).toEqual({ A: "1", B: "0", C: "0", D: "0", E: "0" });
    const r = evaluate(c.ruleset!, "I.Council.chaired", { A: "yes", B: "yes", C: "yes" });
    const s = evaluate(c.ruleset!, "I.Council.chaired", { B: "yes", C: "yes", D: "yes" });
    if ("error" in r || "error" in s) throw new Error("evaluation failed");
    expect([r.outcome, s.outcome]).toEqual(["adopted", "rejected"]);
    expect(format(text, "q.mlat").text).toContain("weight chair default 0 { A: 1 }");
    // Without the default every seat not named is an error (MLAT3001), once per rule.
    expect(build(design("    weight chair { A: 1 }\n    rule chaired: yes by chair >= 1")).diagnostics.map((d) => d.code)).toContain("MLAT3001");
    // `default` stays a free name elsewhere: a state attribute, a weight table.
    expect(build(design("    weight default { A: 1, B: 1, C: 1, D: 1, E: 1 }\n    rule r: yes by default >= 2")).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("tallies over part of a body (chambers)", () => {
  // A council in two chambers: a measure needs two thirds of those voting and must not be opposed
  // by a majority in either chamber (the ISA Council's rule, Art. 161(8)(d) UNCLOS, in small).
  const chambers = `state A {}\nstate B {}\nstate C {}\nstate D {}\nstate E {}\ngroup North = { A, B }\ngroup South = { C, D, E }\ninstitution I {\n  members: { A, B, C, D, E }\n  body Council {\n    seats: members\n    rule decide: yes >= 2/3 of voting and no in North <= 1/2 and no in South <= 1/2\n  }\n}\n`;
  const rs = () => build(chambers).ruleset!;
  const outcome = (votes: Record<string, "yes" | "no" | "abstain">) => {
    const r = evaluate(rs(), "I.Council.decide", votes);
    if ("error" in r) throw new Error(r.error);
    return r;
  };

  it("count only the chamber's seats, and a fraction is of the chamber", () => {
    expect(build(chambers).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const cond = rs().institutions[0]!.bodies[0]!.rules[0]!.condition;
    expect(JSON.stringify(cond)).toContain('"in":{"seats":["A","B"],"label":"North"}');
    expect(outcome({ A: "yes", B: "yes", C: "yes", D: "yes", E: "no" }).outcome).toBe("adopted"); // 1 of 3 in South
    expect(outcome({ A: "yes", C: "yes", D: "no", E: "no", B: "yes" }).outcome).toBe("rejected"); // 2 of 3 in South oppose
    expect(outcome({ A: "no", B: "no", C: "yes", D: "yes", E: "yes" }).outcome).toBe("rejected"); // North opposes, and 3/5 < 2/3
    const r = outcome({ A: "yes", B: "no", C: "yes", D: "yes", E: "yes" });
    expect(r.outcome).toBe("adopted"); // one of North's two: exactly half
    expect(JSON.stringify(r.conditions)).toContain("no in North 1");
  });

  it("format back as written, and analyse over the chambers", () => {
    const f = format(chambers, "c.mlat").text;
    expect(f).toContain("rule decide: yes >= 2/3 of voting and no in North <= 1/2 and no in South <= 1/2");
    const a = analyzeRule(rs(), rs().institutions[0]!.bodies[0]!, rs().institutions[0]!.bodies[0]!.rules[0]!, { listLimit: 0 });
    // Brute force by hand: yes ≥ 4 of 5 (everyone votes), North ≤ 1 no, South ≤ 1 no: the five
    // coalitions of four and the grand coalition.
    expect(a.winningCoalitions).toBe("6");
  });
});

describe("rules that use rules", () => {
  const council = (rules: string) => `state A {}\nstate B {}\nstate C {}\ninstitution I {\n  members: { A, B, C }\n  body Council {\n    seats: members\n${rules}\n  }\n}\n`;
  it("a rule named in a condition is its condition in that place: the same rule set as writing it out", () => {
    const named = build(council("    rule general: yes > 1/2\n    rule both: general and veto { A }"));
    const written = build(council("    rule general: yes > 1/2\n    rule both: yes > 1/2 and veto { A }"));
    expect(named.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const cond = (c: typeof named) => c.ruleset!.institutions[0]!.bodies[0]!.rules[1]!.condition;
    expect(cond(named)).toEqual(cond(written));
    expect(named.ruleset!.institutions[0]!.bodies[0]!.rules[1]!.text).toBe("general and veto { A }");
    const f = format(council("    rule general: yes > 1/2\n    rule both: general and veto { A }"), "r.mlat").text;
    expect(f).toContain("rule both: general and veto { A }");
  });

  it("a cycle is one error per rule in it, at its own text (MLAT2015); an unknown rule says which exist", () => {
    const c = build(council("    rule loop: loop2 and yes >= 1\n    rule loop2: loop\n    rule typo: generl\n    rule general: yes > 1/2"));
    const errors = c.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
    expect(errors).toEqual([
      "MLAT2015 the rule `loop` uses itself: loop → loop2 → loop",
      "MLAT2015 the rule `loop2` uses itself: loop2 → loop → loop2",
      "MLAT2001 unknown rule of this body `generl`: did you mean `general`?",
    ]);
    expect(build(council("    rule self: self")).diagnostics.map((d) => d.code)).toEqual(["MLAT2015"]);
  });
});
