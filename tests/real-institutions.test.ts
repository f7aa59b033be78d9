// The language of real institutions: parameterised rules, constituencies and rotation. Each is
// checked from the text to the answer, and the analyses against values computed here independently
// (by hand, or by brute force over the rule's definition with the vote oracle), never against the
// engine's own output.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as path from "node:path";
import { AnalysisHost, analyze, compile, evaluate, format, Ide, memoryHost, parse, test as runTests, type BodyJson, type RuleAnalysis, type RuleSet } from "../compiler/index.js";
import { Rational } from "../compiler/numbers/rational.js";
import { oracleHolds } from "./oracle/vote-oracle.js";
import { fsHost, root } from "./check.js";

const compileText = (text: string) => compile({ host: memoryHost({ "d.mlat": text }), entries: ["d.mlat"] });
const errors = (text: string) => compileText(text).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
const rulesetOf = (text: string): RuleSet => {
  const r = compileText(text);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ruleset!;
};
const analysisOf = (rs: RuleSet, rule: string, options = {}) => {
  const [a] = analyze(rs, { rules: [rule], ...options });
  if (!a || "error" in a) throw new Error(a ? a.error : "no analysis");
  return a as RuleAnalysis;
};
const example = (name: string) => {
  const r = compile({ host: fsHost, entries: [path.join(root, "examples", name)] });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.ruleset!;
};
const states = (names: string[], attrs: (s: string, i: number) => string = () => "") => names.map((s, i) => `state ${s}${attrs(s, i) ? ` { ${attrs(s, i)} }` : ""}`).join("\n");

describe("parameterised rules", () => {
  const design = `${states(["A", "B", "C", "D"])}
institution I {
  members: { A, B, C, D }
  body B {
    seats: members
    rule minusOne(concerned: state): veto members - concerned
    rule among(x: Big): yes >= 3 and veto x
    rule plain: consensus
  }
}
group Big = { A, B }
scenario "s" {
  vote I.B.minusOne(A) { yes: B, C, D  no: A }
  expect adopted
}
assert I.B.minusOne(C): dummies = { C }
`;

  it("are stated once per binding, with ids I.B.r(STATE)", () => {
    const rs = rulesetOf(design);
    const rules = rs.institutions[0]!.bodies[0]!.rules;
    expect(rules.map((r) => r.id)).toEqual(["I.B.minusOne(A)", "I.B.minusOne(B)", "I.B.minusOne(C)", "I.B.minusOne(D)", "I.B.among(A)", "I.B.among(B)", "I.B.plain"]);
    expect(rules[1]!.binding).toEqual({ rule: "minusOne", parameter: "concerned", value: "B" });
    expect(rules[1]!.condition).toEqual({ op: "veto", seats: ["A", "C", "D"], holder: "members - concerned" });
    expect(rs.version).toBe("1.3");
  });

  it("name a binding in scenarios, assertions, eval and analyze; the declared name is every binding", () => {
    const rs = rulesetOf(design);
    expect(runTests(rs).map((t) => t.passed)).toEqual([true, true]);
    const v = evaluate(rs, "I.B.minusOne(A)", { A: "no", B: "yes", C: "yes", D: "yes" });
    expect("outcome" in v && v.outcome).toBe("adopted");
    const w = evaluate(rs, "I.B.minusOne(B)", { A: "no", B: "yes", C: "yes", D: "yes" });
    expect("outcome" in w && w.outcome).toBe("rejected");
    expect(analyze(rs, { rules: ["I.B.minusOne"] }).map((a) => a.rule)).toEqual(["I.B.minusOne(A)", "I.B.minusOne(B)", "I.B.minusOne(C)", "I.B.minusOne(D)"]);
    // By hand: three vetoes, one dummy, one minimal winning coalition.
    const a = analysisOf(rs, "I.B.minusOne(D)");
    expect(a.vetoPlayers).toEqual(["A", "B", "C"]);
    expect(a.dummies).toEqual(["D"]);
    expect(a.banzhaf["A"]!.normalized).toBe("1/3");
  });

  it.each([
    ["vote I.B.minusOne { yes: A }", "MLAT2016: the rule `minusOne` is stated for each `concerned`: name one, as in `I.B.minusOne(A)`"],
    ["vote I.B.minusOne(E) { yes: A }", "MLAT2016: `I.B.minusOne` is not stated for `E`: its `concerned` is one of A, B, C, D"],
    ["vote I.B.plain(A) { yes: A }", "MLAT2016: the rule `plain` takes no argument: write `I.B.plain`"],
    ["vote I.B.among(C) { yes: A }", "MLAT2016: `I.B.among` is not stated for `C`: its `concerned` is one of A, B".replace("concerned", "x")],
  ])("a wrong binding is one error: %s", (vote, message) => {
    const text = design.replace("state D", "state D\nstate E").replace(/scenario "s" \{[\s\S]*?expect adopted\n\}/, `scenario "t" {\n  ${vote}\n}`);
    expect(errors(text)).toEqual([message]);
  });

  it("report a mistake in the condition once, not once per binding, and suggest the parameter", () => {
    const text = design.replace("veto members - concerned", "veto members - concernd");
    expect(errors(text)).toEqual(["MLAT2001: unknown state, group or seat class `concernd`: did you mean `concerned`?"]);
    expect(errors(design.replace("rule plain: consensus", "rule plain: minusOne and consensus"))).toEqual([
      "MLAT2016: the rule `minusOne` is stated once for each `concerned`; a rule's condition cannot use it (write its condition out)",
    ]);
    expect(errors(design.replace("among(x: Big)", "among(x: Nobody)"))).toEqual(["MLAT2001: unknown state, group or seat class `Nobody`"]);
  });

  it("format, hover, complete and go to definition", () => {
    const canonical = format(design, "d.mlat").text;
    expect(canonical).toContain("    rule minusOne(concerned: state): veto members - concerned\n");
    expect(format(design.replace("rule minusOne(concerned: state):", "rule   minusOne( concerned :state ) :"), "d.mlat").text).toBe(canonical);
    expect(format(canonical, "d.mlat").text).toBe(canonical);
    const ide = new Ide(new AnalysisHost(memoryHost({ "/w/d.mlat": design })));
    expect(ide.hover("/w/d.mlat", design.indexOf("minusOne(") + 2)!.markdown).toContain("stated once for each `concerned` (every seated state: 4); shown for `A`");
    expect(ide.hover("/w/d.mlat", design.lastIndexOf("concerned") + 1)!.markdown).toContain("**parameter** `concerned` of the rule `I.B.minusOne`: state — one of");
    const at = design.indexOf("vote I.B.") + "vote I.B.".length;
    const items = ide.completions("/w/d.mlat", at).map((c) => `${c.label}${c.detail ? ` ${c.detail}` : ""}`);
    expect(items).toEqual(expect.arrayContaining(["minusOne (concerned: state)", "among (x: Big)", "plain"]));
    expect(items.some((i) => i.startsWith("minusOne("))).toBe(false);
    const defs = ide.definition("/w/d.mlat", design.lastIndexOf("concerned") + 1);
    expect(defs?.[0]?.span.start).toBe(design.indexOf("concerned"));
  });
});

describe("constituencies", () => {
  const design = `${states(["A", "B", "C", "D", "E"], (_, i) => `votes: ${[5, 4, 3, 2, 1][i]}`)}
institution I {
  members: { A, B, C, D, E }
  body B {
    seats: { A }
    seat North for { B, C } inside yes by votes > 1/2
    seat South for { D, E }
    rule r: yes by votes >= 8
    rule heads: yes >= 2
  }
}
`;

  it("weigh the sum of their states' values and count as one head", () => {
    const rs = rulesetOf(design);
    const body = rs.institutions[0]!.bodies[0]!;
    expect(body.seats.map((s) => s.id)).toEqual(["A", "North", "South"]);
    expect(body.weights["votes"]).toEqual({ A: "5", North: "7", South: "3" });
    expect(body.seats[1]!.for).toEqual(["B", "C"]);
    expect(body.seats[1]!.inside!.text).toBe("yes by votes > 1/2");
    expect(body.seats[1]!.inside!.weights).toEqual({ votes: { B: "4", C: "3" } });
    // Table entries for the states, a default, and an entry of the constituency's own.
    const table = design.replace("rule heads", "weight w default 1 { B: 10, South: 2 }\n    rule w1: yes by w >= 1\n    rule heads");
    expect(rulesetOf(table).institutions[0]!.bodies[0]!.weights["w"]).toEqual({ A: "1", North: "11", South: "2" });
  });

  it("cast their vote from their states' ballots: inside rule, agreement, or an error", () => {
    const rs = rulesetOf(design);
    const r = evaluate(rs, "I.B.r", { A: "yes", B: "yes", C: "no", D: "no" });
    expect("outcome" in r && r.outcome).toBe("adopted"); // North: B's 4 of 7 > 1/2 → yes: 5 + 7 = 12 ≥ 8
    expect("outcome" in r && r.constituencies).toEqual([
      { seat: "North", ballot: "yes", states: { B: "yes", C: "no" }, inside: "yes by votes > 1/2" },
      { seat: "South", ballot: "no", states: { D: "no", E: "absent" } },
    ]);
    const split = evaluate(rs, "I.B.r", { D: "yes", E: "no" });
    expect("error" in split && split.error).toContain("the states of `South` are named with different ballots (D yes, E no)");
    const both = evaluate(rs, "I.B.r", { North: "yes", B: "yes" });
    expect("error" in both && both.error).toContain("`North` is named and so are its states");
    const heads = evaluate(rs, "I.B.heads", { B: "yes", C: "yes", A: "no" });
    expect("outcome" in heads && heads.tally).toEqual({ yes: 1, no: 1, abstain: 0, absent: 1 });
  });

  it("a state in two seats, or a weight for a non-seat, is one error", () => {
    expect(errors(design.replace("seat South for { D, E }", "seat South for { D, E, A }"))).toEqual(["MLAT3011: `A` holds a seat in both `seats` and `South`"]);
    expect(errors(design.replace("inside yes by votes > 1/2", "inside yes by votos > 1/2"))).toEqual(["MLAT2001: unknown weight `votos`: did you mean `votes`?"]);
  });

  it("carry a citation like a seat class", () => {
    const cited = design.replace("seat South for", 'seat South cite "Art. XII, Sec. 3(b)" at "https://www.imf.org" for');
    const rs = rulesetOf(cited);
    expect(rs.institutions[0]!.bodies[0]!.classCites).toEqual({ South: { text: "Art. XII, Sec. 3(b)", url: "https://www.imf.org" } });
    expect(format(cited, "d.mlat").text).toContain('    seat South cite "Art. XII, Sec. 3(b)" at "https://www.imf.org" for { D, E }\n');
    const ide = new Ide(new AnalysisHost(memoryHost({ "/w/d.mlat": cited })));
    expect(ide.hover("/w/d.mlat", cited.indexOf("South") + 1)!.markdown).toContain("cites [Art. XII, Sec. 3(b)](https://www.imf.org)");
  });

  it("format round-trips and the outline names them", () => {
    const canonical = format(design, "d.mlat").text;
    expect(canonical).toContain("    seat North for { B, C } inside yes by votes > 1/2\n");
    expect(format(design.replace("seat North for { B, C } inside", "seat North   for {B,C}   inside"), "d.mlat").text).toBe(canonical);
    expect(parse(design, "d.mlat").diagnostics).toEqual([]);
    const ide = new Ide(new AnalysisHost(memoryHost({ "/w/d.mlat": design })));
    const body = ide.documentSymbols("/w/d.mlat").find((x) => x.name === "I")!.children[0]!;
    expect(body.children.map((c) => `${c.name} ${c.detail ?? ""}`)).toContain("North constituency");
  });

  it("with an inside rule, indirect power is the composite game's absolute Banzhaf, by brute force", () => {
    // One constituency decides by its inside rule; the other seats (a state, a constituency whose
    // representative decides) vote freely. Random weights and quotas; the composite game over
    // A, North's states B and C, and South's representative, enumerated from the rule's definition.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (w, q, iq) => {
        const total = w.reduce((a, b) => a + b, 0);
        const quota = 1 + Math.floor((q * total) / 101);
        const insideQuota = 1 + Math.floor((iq * (w[1]! + w[2]!)) / 101);
        const text = `${states(["A", "B", "C", "D", "E"], (_, i) => `votes: ${w[i]}`)}
institution I {
  members: { A, B, C, D, E }
  body B {
    seats: { A }
    seat North for { B, C } inside yes by votes >= ${insideQuota}
    seat South for { D, E }
    rule r: yes by votes >= ${quota}
  }
}
`;
        const r = compileText(text);
        fc.pre(r.diagnostics.every((d) => d.severity !== "error"));
        const rs = r.ruleset!;
        const body = rs.institutions[0]!.bodies[0]!;
        const a = analysisOf(rs, "I.B.r");
        const north = body.seats.find((s) => s.id === "North")!;
        const inner: BodyJson = { id: "x", name: "x", seats: north.for!.map((s) => ({ id: s })), weights: north.inside!.weights, rules: [] };
        const players = ["A", "B", "C", "South"];
        const wins = (yes: Set<string>) => {
          const northVotes = oracleHolds(inner, north.inside!.condition, { B: yes.has("B") ? "yes" : "no", C: yes.has("C") ? "yes" : "no" });
          return oracleHolds(body, body.rules[0]!.condition, { A: yes.has("A") ? "yes" : "no", North: northVotes ? "yes" : "no", South: yes.has("South") ? "yes" : "no" });
        };
        for (const s of ["B", "C"]) {
          let swings = 0;
          for (let mask = 0; mask < 16; mask++) {
            const yes = new Set(players.filter((_, i) => mask & (1 << i)));
            if (!yes.has(s)) continue;
            const without = new Set(yes);
            without.delete(s);
            if (wins(yes) && !wins(without)) swings++;
          }
          expect([s, a.constituencies!["North"]!.states[s]!.indirect]).toEqual([s, Rational.of(swings, 8).toString()]);
        }
      }),
      { numRuns: 100, seed: 16 },
    );
  });

  it("the IMF Executive Board: seats weigh their members' votes; Banzhaf against an independent count", () => {
    const rs = example("imf-executive-board.mlat");
    const body = rs.institutions[0]!.bodies[0]!;
    expect(body.seats).toHaveLength(25);
    expect(body.seats.filter((s) => s.for).flatMap((s) => s.for!)).toHaveLength(183);
    // NordicBaltic: eight members at 0.18% each.
    expect(body.weights["votes"]!["NordicBaltic"]).toBe("36/25");
    expect(body.weights["votes"]!["LowCountries"]).toBe(Rational.parse("1.76")!.add(Rational.parse("1.30")!).add(Rational.parse("0.18")!.mul(Rational.of(14))).toString());
    // The special majority (85% of the votes): Banzhaf swings by a subset-sum count in hundredths.
    const seats = body.seats.map((s) => s.id);
    const w = seats.map((s) => Number(Rational.parse(body.weights["votes"]![s]!)!.mul(Rational.of(100)).toString()));
    const total = w.reduce((x, y) => x + y, 0);
    const quota = Math.ceil((total * 85) / 100);
    const a = analysisOf(rs, "IMF.ExecutiveBoard.special", { shapley: false });
    seats.forEach((s, i) => {
      const counts = new Array<bigint>(total + 1).fill(0n);
      counts[0] = 1n;
      w.forEach((x, j) => {
        if (j === i) return;
        for (let t = total; t >= x; t--) counts[t]! += counts[t - x]!;
      });
      let swings = 0n;
      for (let t = 0; t <= total; t++) if (t < quota && t + w[i]! >= quota) swings += counts[t]!;
      expect([s, a.banzhaf[s]!.swings]).toEqual([s, swings.toString()]);
    });
    expect(a.vetoPlayers).toEqual(["USA"]);
  });
});

describe("rotation", () => {
  it("the ECB: every number the average over 6,825 rotations; by hand, 1/21 for a seat that always votes", () => {
    const rs = example("ecb.mlat");
    expect(rs.institutions[0]!.bodies[0]!.rotation).toEqual({ group1: 4, group2: 11 });
    const a = analysisOf(rs, "ECB.GoverningCouncil.simple");
    expect(a.rotation).toMatchObject({ configurations: "6825", classes: { group1: { holding: 4, of: 5 }, group2: { holding: 11, of: 15 } } });
    // 21 equal votes at a time (never a tie: the casting vote never counts when all vote).
    expect(a.banzhaf["ECBPresident"]!.normalized).toBe("1/21");
    expect(a.banzhaf["DEU"]!.normalized).toBe(Rational.of(4, 5).mul(Rational.of(1, 21)).toString());
    expect(a.banzhaf["MLT"]!.normalized).toBe(Rational.of(11, 15).mul(Rational.of(1, 21)).toString());
    expect(a.shapleyShubik!["MLT"]).toBe("11/315");
    const one = analysisOf(rs, "ECB.GoverningCouncil.simple", { holding: ["DEU", "FRA", "ITA", "ESP", "AUT", "BEL", "HRV", "CYP", "EST", "FIN", "GRC", "IRL", "LVA", "LTU", "LUX"] });
    expect(one.players).toHaveLength(21);
    expect(one.players).not.toContain("NLD");
    expect(runTests(rs).every((t) => t.passed)).toBe(true);
  });

  it("eval takes who holds the votes (or reads them off the ballot) and says who does not", () => {
    const rs = example("ecb.mlat");
    const holding = ["DEU", "FRA", "ITA", "ESP", "AUT", "BEL", "HRV", "CYP", "EST", "FIN", "GRC", "IRL", "LVA", "LTU", "LUX"];
    const all = Object.fromEntries(rs.institutions[0]!.bodies[0]!.seats.map((s) => [s.id, "yes" as const]));
    const r = evaluate(rs, "ECB.GoverningCouncil.simple", all, { holding });
    expect("outcome" in r && r.outcome).toBe("adopted");
    expect("outcome" in r && r.notHolding).toEqual(["NLD", "MLT", "PRT", "SVK", "SVN"]);
    expect("outcome" in r && r.tally.yes).toBe(21);
    const unnamed = evaluate(rs, "ECB.GoverningCouncil.simple", all);
    expect("error" in unnamed && unnamed.error).toContain("the seats of `group1` vote in rotation, 4 of 5 at a time, and the ballot names 5");
  });

  it("a rotation that cannot be is one error", () => {
    const text = `${states(["A", "B", "C"])}\ninstitution I {\n  members: { A, B, C }\n  body B {\n    seats g: 4 of { A, B, C }\n    rule r: yes >= 1\n  }\n}\n`;
    expect(errors(text)).toEqual(["MLAT3018: a body needs between 1 and 3 votes held in rotation by the 3 states of `g`"]);
  });

  it("the average over every rotation equals the mean over each configuration, by brute force", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }), (w, k, q) => {
        const quota = Math.min(q, w.reduce((a, b) => a + b, 0));
        const names = ["A", "B", "C", "D", "E"];
        const text = `${states(names)}\ninstitution I {\n  members: { A, B, C, D, E }\n  body B {\n    seats fixed: { A }\n    seats turn: ${k} of { B, C, D, E }\n    weight w { ${names.map((s, i) => `${s}: ${w[i]}`).join(", ")} }\n    rule r: yes by w >= ${quota}\n  }\n}\n`;
        const rs = rulesetOf(text);
        const body = rs.institutions[0]!.bodies[0]!;
        const a = analysisOf(rs, "I.B.r");
        // Every configuration: k of B..E hold a vote; absolute Banzhaf by enumeration with the oracle.
        const turn = ["B", "C", "D", "E"];
        const configs: string[][] = [];
        for (let m = 0; m < 16; m++) if (turn.filter((_, i) => m & (1 << i)).length === k) configs.push(["A", ...turn.filter((_, i) => m & (1 << i))]);
        for (const s of names) {
          let sum = Rational.ZERO;
          for (const holders of configs) {
            if (!holders.includes(s)) continue;
            const sub: BodyJson = { ...body, rotation: undefined, seats: holders.map((h) => ({ id: h })), weights: { w: Object.fromEntries(holders.map((h) => [h, body.weights["w"]![h]!])) } };
            let swings = 0;
            for (let m = 0; m < 1 << holders.length; m++) {
              const votes = Object.fromEntries(holders.map((h, i) => [h, m & (1 << i) ? "yes" : "no"] as const));
              if (votes[s] !== "yes") continue;
              if (oracleHolds(sub, body.rules[0]!.condition, votes) && !oracleHolds(sub, body.rules[0]!.condition, { ...votes, [s]: "no" })) swings++;
            }
            sum = sum.add(Rational.of(swings, 2 ** (holders.length - 1)));
          }
          expect([s, a.banzhaf[s]!.absolute]).toEqual([s, sum.div(Rational.of(configs.length)).toString()]);
        }
      }),
      { numRuns: 80, seed: 4 },
    );
  });
});

describe("OSCE: consensus minus one", () => {
  it("by hand: the State concerned is a dummy, every other a veto player with 1/56", () => {
    const rs = example("osce.mlat");
    const a = analysisOf(rs, "OSCE.MinisterialCouncil.minusOne(RUS)");
    expect(a.players).toHaveLength(57);
    expect(a.dummies).toEqual(["RUS"]);
    expect(a.vetoPlayers).toHaveLength(56);
    expect(a.banzhaf["USA"]!.normalized).toBe("1/56");
    expect(analyze(rs, { rules: ["OSCE.MinisterialCouncil.minusOne"] })).toHaveLength(57);
    expect(runTests(rs).every((t) => t.passed)).toBe(true);
  });
});

describe("the editor", () => {
  it("hovers constituencies and rotating classes, and completes their forms", () => {
    const text = `${states(["A", "B", "C", "D"])}\ninstitution I {\n  members: { A, B, C, D }\n  body B {\n    seats turn: 1 of { A, B }\n    seat North for { C, D } inside yes >= 1\n    rule r: yes >= 1\n    \n  }\n}\n`;
    const ide = new Ide(new AnalysisHost(memoryHost({ "/w/d.mlat": text })));
    expect(ide.hover("/w/d.mlat", text.indexOf("North") + 1)!.markdown).toContain("**constituency** `North` of `I.B`");
    expect(ide.hover("/w/d.mlat", text.indexOf("North") + 1)!.markdown).toContain("its states decide by `yes >= 1`");
    expect(ide.hover("/w/d.mlat", text.indexOf("turn") + 1)!.markdown).toContain("2 seats, 1 of them hold a vote at a time (in rotation)");
    const labels = ide.completions("/w/d.mlat", text.indexOf("    \n  }") + 4).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["seat", "quorum", "seats in rotation", "rule with a parameter"]));
  });
});

describe("rotation with vetoes, chambers and quorums (found by mutation testing)", () => {
  it("every index and fact against brute force per rotation, when rotating seats differ by vetoes and `in`", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.subarray(["B", "C", "D", "E"]), fc.subarray(["B", "C", "D", "E"]), fc.integer({ min: 1, max: 3 }), (k, vetoes, chamber, need) => {
        const names = ["A", "B", "C", "D", "E"];
        const veto = vetoes.length ? ` and veto { ${vetoes.join(", ")} }` : "";
        const inChamber = chamber.length ? ` and no in { ${chamber.join(", ")} } <= 1/2` : "";
        const text = `${states(names)}\ninstitution I {\n  members: { A, B, C, D, E }\n  body B {\n    seats fixed: { A }\n    seats turn: ${k} of { B, C, D, E }\n    rule r: yes >= ${Math.min(need, k + 1)}${veto}${inChamber}\n  }\n}\n`;
        const r = compileText(text);
        fc.pre(r.diagnostics.every((d) => d.severity !== "error"));
        const rs = r.ruleset!;
        const body = rs.institutions[0]!.bodies[0]!;
        const rule = body.rules[0]!;
        const a = analysisOf(rs, "I.B.r");
        const turn = ["B", "C", "D", "E"];
        const configs: string[][] = [];
        for (let m = 0; m < 16; m++) if (turn.filter((_, i) => m & (1 << i)).length === k) configs.push(["A", ...turn.filter((_, i) => m & (1 << i))]);
        const swingsIn = (holders: string[], s: string) => {
          const sub: BodyJson = { ...body, rotation: undefined, seats: holders.map((h) => ({ id: h })) };
          let swings = 0;
          let winningWithout = 0;
          for (let m = 0; m < 1 << holders.length; m++) {
            const votes = Object.fromEntries(holders.map((h, i) => [h, m & (1 << i) ? "yes" : "no"] as const));
            const wins = oracleHolds(sub, rule.condition, votes);
            if (votes[s] === "no" && wins) winningWithout++;
            if (votes[s] === "yes" && wins && !oracleHolds(sub, rule.condition, { ...votes, [s]: "no" })) swings++;
          }
          return { swings, winningWithout, anyWin: [...Array(1 << holders.length).keys()].some((m) => oracleHolds(sub, rule.condition, Object.fromEntries(holders.map((h, i) => [h, m & (1 << i) ? "yes" : "no"])))) };
        };
        for (const s of names) {
          let sum = Rational.ZERO;
          let veto = true;
          let dummy = true;
          for (const holders of configs) {
            if (!holders.includes(s)) {
              veto = false;
              continue;
            }
            const x = swingsIn(holders, s);
            sum = sum.add(Rational.of(x.swings, 2 ** (holders.length - 1)));
            if (!(x.anyWin && x.winningWithout === 0)) veto = false;
            if (x.swings !== 0) dummy = false;
          }
          expect([s, a.banzhaf[s]!.absolute]).toEqual([s, sum.div(Rational.of(configs.length)).toString()]);
          expect([s, a.vetoPlayers.includes(s)]).toEqual([s, veto]);
          expect([s, a.dummies.includes(s)]).toEqual([s, dummy]);
        }
      }),
      { numRuns: 120, seed: 19 },
    );
  });

  it("a vote: a rotated-out seat leaves the vetoes, the chambers and the quorum", () => {
    const text = `${states(["A", "B", "C", "D"])}\ninstitution I {\n  members: { A, B, C, D }\n  body B {\n    seats fixed: { A }\n    seats turn: 2 of { B, C, D }\n    quorum: present in turn >= 2\n    rule r: yes >= 2 and veto turn\n  }\n}\n`;
    const rs = rulesetOf(text);
    // D is out: its `no` (from a rest) is set aside, so no veto; the quorum counts B and C only.
    const r = evaluate(rs, "I.B.r", { A: "yes", B: "yes", C: "yes", D: "no" }, { holding: ["B", "C"] });
    expect("outcome" in r && [r.outcome, r.quorum?.met, r.notHolding]).toEqual(["adopted", true, ["D"]]);
    const q = evaluate(rs, "I.B.r", { A: "yes", B: "yes", C: "absent" }, { holding: ["B", "C"] });
    expect("outcome" in q && [q.outcome, q.conditions.children?.[0]?.text]).toEqual(["rejected", "no quorum: present in turn >= 2 fails"]);
    expect(evaluate(rs, "I.B.r", { A: "yes" }, { holding: ["B", "A"] })).toMatchObject({ error: expect.stringContaining("--holding names 1") });
    expect(evaluate(rs, "I.B.r", { A: "yes" }, { holding: ["B", "C", "A"] })).toEqual({ error: "`A` is not a seat held in rotation in `I.B`" });
    expect(analyze(rs, { rules: ["I.B.r"], holding: ["B"] })).toEqual([{ rule: "I.B.r", error: expect.stringContaining("--holding names 1") }]);
    const one = analysisOf(rs, "I.B.r", { holding: ["C", "D"] });
    expect(one.rotation).toEqual({ classes: { turn: { holding: 2, of: 3 } }, configurations: "1", patterns: 1, holding: ["C", "D"] });
  });

  it("too many different rotations is an answer that says to name one", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `S${i}`);
    const text = `${states(ids)}\ninstitution I {\n  members: { ${ids.join(", ")} }\n  body B {\n    seats turn: 15 of { ${ids.join(", ")} }\n    weight w { ${ids.map((id, i) => `${id}: ${i + 1}`).join(", ")} }\n    rule r: yes by w > 1/2\n  }\n}\n`;
    expect(analyze(rulesetOf(text), { rules: ["I.B.r"] })).toEqual([{ rule: "I.B.r", error: "more than 2,000 different rotations of `turn`: analyse one with `--holding`" }]);
  });
});

describe("constituencies: absent and abstaining states (found by mutation testing)", () => {
  const text = `${states(["A", "B", "C"], () => "votes: 1")}\ninstitution I {\n  members: { A, B, C }\n  body B {\n    seats: { A }\n    seat BC for { B, C } inside yes by votes > 1/2\n    rule r: yes >= 1 of present\n  }\n}\n`.replace("yes >= 1 of present", "yes > 1/2 of present");
  it.each([
    [{ B: "absent", C: "absent" }, "absent"],
    [{ B: "abstain", C: "abstain" }, "abstain"],
    [{ B: "abstain", C: "absent" }, "abstain"],
    [{ B: "yes", C: "abstain" }, "no"],
    [{ B: "yes", C: "yes" }, "yes"],
  ] as const)("%j casts %s", (votes, ballot) => {
    const r = evaluate(rulesetOf(text), "I.B.r", { A: "yes", ...votes });
    expect("outcome" in r && r.constituencies?.[0]?.ballot).toBe(ballot);
  });
});
