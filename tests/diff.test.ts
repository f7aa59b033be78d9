// `mlat diff`: rule-by-rule comparison of two versions of a design, with exact witnesses.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { diffRuleSets } from "../compiler/engine/diff.js";
import { compile, memoryHost } from "../compiler/index.js";
import { compileExample, mlat, root } from "./check.js";
import { adopts, type Ballot } from "../compiler/engine/evaluation/vote.js";
import type { BallotProfile } from "../compiler/engine/diff-ballots.js";

const ballotsOf = (p: BallotProfile) => new Map<string, Ballot>([...p.yes.map((s) => [s, "yes"] as const), ...p.no.map((s) => [s, "no"] as const), ...p.abstain.map((s) => [s, "abstain"] as const), ...p.absent.map((s) => [s, "absent"] as const)]);

const weights: Record<string, number> = { A: 3, B: 2, C: 1, D: 1, E: 1 };
const design = (rule: string, members = "A, B, C, D") => {
  const table = members.split(", ").map((m) => `${m}: ${weights[m]}`).join(", ");
  return compile({ host: memoryHost({ "d.mlat": `state A\nstate B\nstate C\nstate D\nstate E\ninstitution I { members: { ${members} }\n body B { seats: members\n weight w { ${table} }\n rule r: ${rule} } }\n` }), entries: ["d.mlat"] }).ruleset!;
};

describe("verdicts", () => {
  it.each([
    { note: "the same rule", old: "yes >= 3", now: "yes >= 3", verdict: "equivalent" },
    { note: "a lower quota", old: "yes >= 3", now: "yes >= 2", verdict: "more permissive" },
    { note: "a veto added", old: "yes >= 2", now: "yes >= 2 and veto { A }", verdict: "less permissive" },
    { note: "counting weight instead of heads", old: "yes >= 3", now: "yes by w >= 5", verdict: "incomparable" },
    { note: "written differently, same game", old: "yes > 1/2", now: "no < 2 and yes >= 3", verdict: "equivalent" },
  ])("$note: $verdict", ({ old, now, verdict }) => {
    const d = diffRuleSets(design(old), design(now));
    expect(d.rules[0]!.verdict).toBe(verdict);
    expect(d.equivalent).toBe(verdict === "equivalent");
  });

  it("gives witnesses that really win under one rule and lose under the other", () => {
    const older = design("yes >= 3");
    const newer = design("yes by w >= 5");
    const d = diffRuleSets(older, newer).rules[0]!;
    const body = (rs: typeof older) => rs.institutions[0]!.bodies[0]!;
    const wins = (rs: typeof older, p: BallotProfile) => adopts(body(rs), body(rs).rules[0]!, ballotsOf(p));
    expect(d.model).toBe("yes/no");
    expect(wins(newer, d.nowWins!) && !wins(older, d.nowWins!)).toBe(true);
    expect(wins(older, d.nowLoses!) && !wins(newer, d.nowLoses!)).toBe(true);
  });

  it("two thirds of all seats and two thirds of those voting differ when seats abstain", () => {
    const d = diffRuleSets(design("yes >= 2/3"), design("yes >= 2/3 of voting")).rules[0]!;
    expect(d.model).toBe("yes/no/abstain/absent");
    expect(d.verdict).toBe("more permissive");
    const body = design("yes >= 2/3 of voting").institutions[0]!.bodies[0]!;
    const old = design("yes >= 2/3").institutions[0]!.bodies[0]!;
    expect(adopts(body, body.rules[0]!, ballotsOf(d.nowWins!))).toBe(true);
    expect(adopts(old, old.rules[0]!, ballotsOf(d.nowWins!))).toBe(false);
    expect(d.nowWins!.abstain.length + d.nowWins!.absent.length).toBeGreaterThan(0);
  });

  it("compares on the common members after an enlargement, and says so", () => {
    const d = diffRuleSets(design("yes >= 2", "A, B, C"), design("yes >= 2", "A, B, C, D, E")).rules[0]!;
    expect(d.seats).toEqual({ common: 3, added: ["D", "E"], removed: [] });
    expect(d.verdict).toBe("equivalent");
  });
});

describe("the worked examples", () => {
  it("the EEC enlargement of 1973 makes every rule less permissive and ends Luxembourg's dummy status", () => {
    const d = diffRuleSets(compileExample(path.join(root, "examples/eec-1958.mlat")).ruleset!, compileExample(path.join(root, "examples/eec-1973.mlat")).ruleset!);
    expect(d.rules.map((r) => [r.rule, r.verdict])).toEqual([
      ["EEC.Council.simple", "less permissive"],
      ["EEC.Council.qualified", "less permissive"],
      ["EEC.Council.qualifiedOther", "less permissive"],
      ["EEC.Council.unanimous", "less permissive"],
    ]);
    const q = d.rules[1]!;
    expect(q.dummies.lost).toEqual(["LUX"]);
    expect(q.power["LUX"]!.banzhaf).toEqual(["0", expect.stringMatching(/^\d+\/\d+$/)]);
  });

  it("Nice and Lisbon on one population table are incomparable", () => {
    const d = diffRuleSets(compileExample(path.join(root, "examples/eu-council-nice.mlat")).ruleset!, compileExample(path.join(root, "examples/eu-council-lisbon.mlat")).ruleset!);
    const qmv = d.rules.find((r) => r.rule === "EU.Council.qmv")!;
    expect(qmv.verdict).toBe("incomparable");
    expect(d.added).toEqual(["EU.Council.reinforced", "EU.Council.unanimous"]);
  });

  it("exits 0 when equivalent and 1 when anything changed", () => {
    expect(mlat(["diff", "examples/eec-1958.mlat", "examples/eec-1958.mlat"]).code).toBe(0);
    const r = mlat(["diff", "examples/eec-1958.mlat", "examples/eec-1973.mlat", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rules[1]).toMatchObject({ rule: "EEC.Council.qualified", verdict: "less permissive", seats: { added: ["GBR", "DNK", "IRL"] } });
    expect(mlat(["diff", "examples/eec-1958.mlat", "nope.mlat"]).code).toBe(2);
  });
});

// Against brute force: the oracle (tests/oracle/vote-oracle.ts, written from the language reference)
// over every one of the 4^n ballots.
import fc from "fast-check";
import type { BodyJson, ConditionJson, RuleSet } from "../compiler/index.js";
import { oracleHolds } from "./oracle/vote-oracle.js";
import { randomCondition } from "./oracle/random-rules.js";
import { applySeatMappings, parseSeatMapping } from "../compiler/engine/successor-map.js";

describe("diff against brute force over every ballot", () => {
  const ruleSet = (body: BodyJson, c: ConditionJson): RuleSet =>
    ({ format: "mlat.ruleset", version: "1.0", states: [], groups: [], actions: [], institutions: [{ id: "T", members: [], requires: [], bodies: [{ ...body, rules: [{ id: "T.B.r", name: "r", text: "", condition: c }] }], admission: [], principles: [] }], arrangements: [], scenarios: [], assertions: [] }) as unknown as RuleSet;
  const arb = fc.integer({ min: 1, max: 4 }).chain((n) => {
    const seats = Array.from({ length: n }, (_, i) => `S${i}`);
    const condition = randomCondition(seats);
    const weights = fc.array(fc.constantFrom("0", "1", "2", "3/2"), { minLength: n, maxLength: n });
    // Half the pairs are one rule twice, or nearly: equivalence must be found too.
    // The new version may also re-weight the seats (a quota reform).
    return fc.tuple(weights, fc.oneof(weights, fc.constant(null)), condition, fc.oneof(condition, fc.constant(null))).map(([w, w2, a, b]) => ({
      body: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, w[i]!])) }, rules: [] } as BodyJson,
      newBody: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, (w2 ?? w)[i]!])) }, rules: [] } as BodyJson,
      old: a,
      now: b ?? ({ op: "and", args: [a, a] } as ConditionJson),
    }));
  });
  const profiles = (seats: readonly string[]): Record<string, "yes" | "no" | "abstain" | "absent">[] =>
    seats.reduce<Record<string, "yes" | "no" | "abstain" | "absent">[]>((acc, s) => acc.flatMap((p) => (["yes", "no", "abstain", "absent"] as const).map((b) => ({ ...p, [s]: b }))), [{}]);

  it("says equivalent exactly when no ballot tells the rules apart, and every witness reproduces", () => {
    fc.assert(
      fc.property(arb, ({ body, newBody, old, now }) => {
        const d = diffRuleSets(ruleSet(body, old), ruleSet(newBody, now)).rules[0]!;
        const all = profiles(body.seats.map((s) => s.id));
        const gains = all.some((p) => oracleHolds(newBody, now, p) && !oracleHolds(body, old, p));
        const losses = all.some((p) => oracleHolds(body, old, p) && !oracleHolds(newBody, now, p));
        const expected = !gains && !losses ? "equivalent" : gains && !losses ? "more permissive" : !gains && losses ? "less permissive" : "incomparable";
        expect(d.verdict).toBe(expected);
        const asVotes = (p: BallotProfile) => Object.fromEntries([...p.yes.map((s) => [s, "yes"]), ...p.no.map((s) => [s, "no"]), ...p.abstain.map((s) => [s, "abstain"]), ...p.absent.map((s) => [s, "absent"])]) as Record<string, "yes">;
        if (d.nowWins) expect([oracleHolds(newBody, now, asVotes(d.nowWins)), oracleHolds(body, old, asVotes(d.nowWins))]).toEqual([true, false]);
        if (d.nowLoses) expect([oracleHolds(body, old, asVotes(d.nowLoses)), oracleHolds(newBody, now, asVotes(d.nowLoses))]).toEqual([true, false]);
      }),
      { seed: 17, numRuns: 3000 },
    );
  });
});

describe("mlat diff end to end", () => {
  const temp = (name: string, text: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-diff-"));
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  it("finds the abstention that tells `yes >= 9` from `yes >= 3/5 of voting` in the Security Council, and the witness reproduces with mlat eval", () => {
    const changed = temp("un.mlat", readFileSync(path.join(root, "examples/un.mlat"), "utf8").replace(/(rule procedural[\s\S]*?:) yes >= 9/, "$1 yes >= 3/5 of voting"));
    writeFileSync(path.join(path.dirname(changed), "world.mlat"), readFileSync(path.join(root, "examples/world.mlat"), "utf8"));
    const r = mlat(["diff", "examples/un.mlat", changed, "--format", "json"]);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    const proc = d.rules.find((x: { rule: string }) => x.rule === "UN.SecurityCouncil.procedural");
    expect(proc).toMatchObject({ verdict: "more permissive", model: "yes/no/abstain/absent" });
    const w = proc.nowWins as BallotProfile;
    const args = (file: string) => ["eval", file, "--rule", "UN.SecurityCouncil.procedural", "--yes", w.yes.join(","), ...(w.no.length ? ["--no", w.no.join(",")] : []), ...(w.abstain.length ? ["--abstain", w.abstain.join(",")] : []), "--format", "json"];
    expect(JSON.parse(mlat(args("examples/un.mlat")).stdout).outcome).toBe("rejected");
    expect(JSON.parse(mlat(args(changed)).stdout).outcome).toBe("adopted");
    expect(d.rules.find((x: { rule: string }) => x.rule === "UN.SecurityCouncil.substantive").verdict).toBe("equivalent");
  });

  it("compares a one-weight change on the 190-member IMF board, with a witness and every seat's power", () => {
    const changed = temp("imf.mlat", readFileSync(path.join(root, "examples/imf.mlat"), "utf8").replace("USA:    16.49", "USA:    16.39"));
    writeFileSync(path.join(path.dirname(changed), "world.mlat"), readFileSync(path.join(root, "examples/world.mlat"), "utf8"));
    const r = mlat(["diff", "examples/imf.mlat", changed, "--format", "json"]);
    expect(r.code).toBe(1);
    const special = JSON.parse(r.stdout).rules.find((x: { rule: string }) => x.rule === "IMF.BoardOfGovernors.special");
    expect(special.verdict).toBe("less permissive");
    expect(Object.keys(special.power)).toHaveLength(190);
    const w = special.nowLoses as BallotProfile;
    const args = (file: string) => ["eval", file, "--rule", "IMF.BoardOfGovernors.special", "--yes", w.yes.join(","), "--rest", "no", "--format", "json"];
    expect(JSON.parse(mlat(args("examples/imf.mlat")).stdout).outcome).toBe("adopted");
    expect(JSON.parse(mlat(args(changed)).stdout).outcome).toBe("rejected");
  });

  it("exits 2, claiming nothing, when a rule reading no-votes has too many ballots to compare and no change is found", () => {
    const seats = Array.from({ length: 20 }, (_, i) => `S${i}`);
    const design = (rule: string) => `${seats.map((s) => `state ${s} {}`).join("\n")}\ninstitution I { members: { ${seats.join(", ")} }\n body B { seats: members\n weight w { ${seats.map((s, i) => `${s}: ${i + 1}`).join(", ")} }\n rule r: ${rule} } }\n`;
    const r = mlat(["diff", temp("a.mlat", design("yes by w > 1/2 of voting")), temp("b.mlat", design("yes by w > no by w")), "--format", "json"]);
    expect(r.code).toBe(2);
    const d = JSON.parse(r.stdout);
    expect(d.notCompared).toEqual(["I.B.r"]);
    expect(d.rules[0].verdict).toBe("not compared");
    expect(d.rules[0].reason).toContain("over yes/no coalitions the new rule is equivalent");
    expect(d.equivalent).toBe(false);
  });
});

describe("mlat whatif", () => {
  it("a quota reform: the United States at 14% of the votes loses its veto over the 85% majority, and the tests that said so now fail", () => {
    const r = mlat(["whatif", "examples/imf.mlat", "--weight", "IMF.BoardOfGovernors.votes.USA=14", "--format", "json"]);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.changes).toEqual([{ weight: { body: "IMF.BoardOfGovernors", name: "votes", seat: "USA", value: "14" } }]);
    const special = d.rules.find((x: { rule: string }) => x.rule === "IMF.BoardOfGovernors.special");
    expect(special.vetoPlayers).toEqual({ gained: [], lost: ["USA"] });
    expect(d.tests).toContainEqual({ kind: "assertion", name: "IMF.BoardOfGovernors.special: veto players = { USA }", before: true, after: false });
    // The file is untouched: the same command without the change is equivalent.
    expect(readFileSync(path.join(root, "examples/imf.mlat"), "utf8")).toContain("USA:    16.49");
  });

  it("Brexit-style: a member leaves; its seats, vetoes and ballots go, and every rule is compared", () => {
    const r = mlat(["whatif", "examples/eu-council-lisbon.mlat", "--without", "DEU"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("seats: removed DEU");
    expect(r.stdout).toContain("EU.Council.reinforced: more permissive");
    expect(r.stdout).toContain("EU.Council.unanimous: equivalent over every ballot");
    expect(r.stdout).toMatch(/DEU\s+12\.20% → —/);
    expect(r.stdout).toContain("assertion EU.Council.qmv: banzhaf(DEU) > banzhaf(MLT): passed → FAILS");
  });

  it("a census: a weight drawn from the states' attribute follows it", () => {
    const r = mlat(["whatif", "examples/eu-council-lisbon.mlat", "--set", "MLT.population=90000", "--format", "json"]);
    const d = JSON.parse(r.stdout);
    const qmv = d.rules.find((x: { rule: string }) => x.rule === "EU.Council.qmv");
    expect(qmv.power.MLT.banzhaf[1]).not.toBe(qmv.power.MLT.banzhaf[0]);
  });

  it("an accession: the state joins, takes a seat in the bodies of the members, its weights drawn from its attributes", () => {
    const r = mlat(["whatif", "examples/eu-council-lisbon.mlat", "--with", "state UKR { population: 37000, power: great }", "--member-of", "EU", "--format", "json"]);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.changes[0].with).toEqual({ id: "UKR", attributes: { population: { type: "number", value: "37000" }, power: { type: "name", value: "great" } } });
    const reinforced = d.rules.find((x: { rule: string }) => x.rule === "EU.Council.reinforced");
    expect(reinforced.seats.added).toEqual(["UKR"]);
    expect(reinforced.power.UKR.banzhaf[0]).toBeNull();
    expect(reinforced.power.UKR.banzhaf[1]).not.toBeNull();
    // A new member of 37 million people weighs more than the Netherlands (17.8 million), less than Spain.
    const share = (seat: string) => Number(eval(reinforced.power[seat].banzhaf[1]));
    expect(share("UKR")).toBeGreaterThan(share("NLD"));
    expect(share("UKR")).toBeLessThan(share("ESP"));
  });

  it("an accession where the weights are not drawn from an attribute needs --weight, and says so", () => {
    const r = mlat(["whatif", "examples/imf.mlat", "--with", "state NEW { population: 1.8 }", "--member-of", "IMF"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("has no value for `NEW`, and it is not drawn from an attribute: give it with --weight IMF.BoardOfGovernors.votes.NEW=VALUE");
    const ok = mlat(["whatif", "examples/imf.mlat", "--with", "state NEW { population: 1.8 }", "--member-of", "IMF", "--weight", "IMF.BoardOfGovernors.votes.NEW=0.05", "--format", "json"]);
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.stdout).rules[0].seats.added).toEqual(["NEW"]);
    expect(mlat(["whatif", "examples/imf.mlat", "--with", "state NEW {}"]).stderr).toContain("--member-of");
    expect(mlat(["whatif", "examples/imf.mlat", "--with", "state NEW {}", "--member-of", "NOPE"]).stderr).toContain("there is no institution `NOPE`");
    expect(mlat(["whatif", "examples/imf.mlat", "--with", "state USA {}", "--member-of", "IMF"]).stderr).toContain("`USA` is a state of the design already");
    expect(mlat(["whatif", "examples/imf.mlat", "--with", "stat XKX", "--member-of", "IMF"]).code).toBe(2);
  });

  it("refuses what is not there, with exit 2 and the reason", () => {
    const r = mlat(["whatif", "examples/imf.mlat", "--without", "XYZ"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`XYZ` is not a state of the design");
    expect(mlat(["whatif", "examples/imf.mlat", "--weight", "IMF.BoardOfGovernors.nope.USA=1"]).stderr).toContain("has no weight `nope`");
    expect(mlat(["whatif", "examples/imf.mlat", "--set", "USA.population"]).code).toBe(2);
    expect(mlat(["whatif", "examples/imf.mlat"]).code).toBe(2);
  });
});

describe("successor mappings (diff --map)", () => {
  // A merged seat votes as one: the old rule on the new seats must give, on every ballot of the
  // new seats, what the old rule gives when each part votes as its successor does.
  it("the old rule on the new seats agrees with the old rule on the parts, on every ballot (500 random rules)", () => {
    const arb = fc.integer({ min: 2, max: 5 }).chain((n) => {
      const seats = Array.from({ length: n }, (_, i) => `S${i}`);
      return fc.tuple(fc.array(fc.constantFrom("0", "1", "2", "3/2"), { minLength: n, maxLength: n }), randomCondition(seats), fc.integer({ min: 2, max: n })).map(([w, condition, k]) => ({
        body: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, w[i]!])) }, rules: [] } as BodyJson,
        condition,
        merged: seats.slice(0, k),
      }));
    });
    const ruleSet = (body: BodyJson, c: ConditionJson): RuleSet =>
      ({ format: "mlat.ruleset", version: "1.2", states: [], groups: [], actions: [], institutions: [{ id: "T", members: [], requires: [], bodies: [{ ...body, rules: [{ id: "T.B.r", name: "r", text: "", condition: c }] }], admission: [], principles: [] }], arrangements: [], scenarios: [], assertions: [] }) as unknown as RuleSet;
    fc.assert(
      fc.property(arb, ({ body, condition, merged }) => {
        const newer = ruleSet({ ...body, seats: [{ id: "M" }, ...body.seats.filter((s) => !merged.includes(s.id))] }, condition);
        const mapped = applySeatMappings(ruleSet(body, condition), newer, [{ from: merged, to: "M" }]).institutions[0]!.bodies[0]!;
        const newSeats = mapped.seats.map((s) => s.id);
        const profiles = newSeats.reduce<Record<string, "yes" | "no" | "abstain" | "absent">[]>((acc, s) => acc.flatMap((p) => (["yes", "no", "abstain", "absent"] as const).map((b) => ({ ...p, [s]: b }))), [{}]);
        for (const p of profiles) {
          const parts = Object.fromEntries(body.seats.map((s) => [s.id, p[merged.includes(s.id) ? "M" : s.id]!]));
          expect(oracleHolds(mapped, mapped.rules[0]!.condition, p)).toBe(oracleHolds(body, condition, parts));
        }
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  const benelux = (members: string, votes: string, rule: string) =>
    `${members.split(", ").map((m) => `state ${m} {}`).join("\n")}\ninstitution U {\n  members: { ${members} }\n  body C {\n    seats: members\n    weight votes { ${votes} }\n    rule qmv: ${rule}\n  }\n}\n`;
  const older = benelux("BE, NL, LU, FR, DE", "BE: 2, NL: 2, LU: 1, FR: 4, DE: 4", "yes by votes >= 9 and yes >= 3");
  const newer = (rule: string) => benelux("BNL, FR, DE", "BNL: 5, FR: 4, DE: 4", rule);
  const build = (text: string) => compile({ host: memoryHost({ "d.mlat": text }), entries: ["d.mlat"] }).ruleset!;

  // Before, the Benelux seats count three heads; after, one. With "at least 2 heads" the merged
  // seat plays exactly as the three did (BNL + FR or BNL + DE carry it, FR + DE has 8 votes);
  // keeping "at least 3 heads" makes BNL + FR (2 heads now, 4 before) fall short.
  it("a merger that keeps the treaty is equivalent; one that does not is not, with the merged seat's power before and after", () => {
    const d = diffRuleSets(build(older), build(newer("yes by votes >= 9 and yes >= 2")), [parseSeatMapping("BE+NL+LU=BNL")]);
    expect(d.rules[0]!.verdict).toBe("equivalent");
    const changed = diffRuleSets(build(older), build(newer("yes by votes >= 9 and yes >= 3")), [parseSeatMapping("BE+NL+LU=BNL")]).rules[0]!;
    expect(changed.verdict).toBe("less permissive");
    expect(changed.power.BNL!.banzhaf[0]).not.toBeNull();
    expect(changed.power.BNL!.banzhaf[1]).not.toBeNull();
    expect(changed.seats).toEqual({ common: 3, added: [], removed: [] });
  });

  it("a renaming keeps vetoes and parts of the body; splits and unknown seats are refused", () => {
    const veto = (seat: string) => `state ${seat} {}\nstate B {}\ninstitution U {\n  members: { ${seat}, B }\n  body C {\n    seats: members\n    rule r: yes >= 1 and veto { ${seat} } and no in { B } = 0\n  }\n}\n`;
    expect(diffRuleSets(build(veto("AF3")), build(veto("AF2")), [parseSeatMapping("AF3=AF2")]).equivalent).toBe(true);
    expect(diffRuleSets(build(veto("AF3")), build(veto("AF2")), [parseSeatMapping("AF3=AF2")]).rules[0]!.seats).toEqual({ common: 2, added: [], removed: [] });
    // Unmapped, AF2 is a new seat and AF3 a removed one, compared on B alone.
    expect(diffRuleSets(build(veto("AF3")), build(veto("AF2"))).rules[0]!.seats).toEqual({ common: 1, added: ["AF2"], removed: ["AF3"] });
    expect(() => parseSeatMapping("X=Y+Z")).toThrow(/split/);
    expect(() => diffRuleSets(build(veto("AF3")), build(veto("AF2")), [parseSeatMapping("QQ=AF2")])).toThrow(/holds no seat in the old design/);
    const r = mlat(["diff", "examples/eec-1958.mlat", "examples/eec-1973.mlat", "--map", "LUX=NOPE"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`NOPE` holds no seat in the new design");
  });
});
