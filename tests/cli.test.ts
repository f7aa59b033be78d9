// End-to-end: spawn the built `mlat` (dist/cli.js, built by the global setup) as a user would.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { mlat, root } from "./check.js";

function tempDesign(text: string, name = "design.mlat"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "mlat-"));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("mlat check", () => {
  it("passes on the bundled examples with exit 0; the only output is the bilateral deal the WTO example flags on purpose", () => {
    const r = mlat(["check", "--format", "json", "examples"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; file: string }) => `${d.file} ${d.code}`)).toEqual(["examples/wto.mlat MLAT3019"]);
  });

  it("prints file:line:col, the source line and a caret, and exits 1 on errors", () => {
    const r = mlat(["check", "examples/errors/MLAT2001-unknown-name.mlat"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("examples/errors/MLAT2001-unknown-name.mlat:5:30: error MLAT2001: unknown state or group `ITY`: did you mean `ITA`?");
    expect(r.stdout).toContain("5 | group Founders = { FRA, DEU, ITY }");
    expect(r.stdout).toMatch(/\|\s+\^\^\^/);
    expect(r.stdout).toContain("1 error, 0 warnings in 1 file");
  });

  it("exits 0 when there are only warnings, 1 with --max-warnings 0", () => {
    const f = "examples/errors/MLAT3009-empty-group.mlat";
    expect(mlat(["check", f]).code).toBe(0);
    expect(mlat(["check", "--max-warnings", "0", f]).code).toBe(1);
    expect(mlat(["check", "--quiet", f]).stdout).toBe("");
  });

  it("writes JSON with 1-based positions", () => {
    const r = mlat(["check", "--format", "json", "examples/errors/MLAT2001-unknown-name.mlat"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics[0]).toMatchObject({
      file: "examples/errors/MLAT2001-unknown-name.mlat",
      line: 5,
      column: 30,
      endLine: 5,
      endColumn: 33,
      severity: "error",
      code: "MLAT2001",
    });
    expect(json.summary).toEqual({ files: 1, errors: 1, warnings: 0 });
  });

  it("recurses into folders and honours mlat.json excludes", () => {
    const r = mlat(["check", "--format", "json", "examples"]);
    const files = readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".mlat")).length;
    // examples/mlat.json excludes errors/**: only the designs beside it are checked.
    expect(JSON.parse(r.stdout).summary.files).toBe(files);
    expect(mlat(["check", "--format", "json", "examples/errors"]).code).toBe(1);
    // The same tree with and without an exclude.
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-excl-"));
    writeFileSync(path.join(dir, "good.mlat"), "state A {}\n");
    mkdirSync(path.join(dir, "drafts"));
    writeFileSync(path.join(dir, "drafts", "bad.mlat"), "group G = { NOPE }\n");
    const without = mlat(["check", "--format", "json", dir]);
    expect(without.code).toBe(1);
    expect(JSON.parse(without.stdout).summary.files).toBe(2);
    writeFileSync(path.join(dir, "mlat.json"), JSON.stringify({ exclude: ["drafts/**"] }));
    const withExclude = mlat(["check", "--format", "json", dir]);
    expect(withExclude.code).toBe(0);
    expect(JSON.parse(withExclude.stdout).summary.files).toBe(1);
  });

  it("exits 2 with a clear message for a missing path (MLAT5001) or a folder without designs (MLAT5002)", () => {
    const r = mlat(["check", "no/such/file.mlat"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MLAT5001");
    expect(r.stderr).toContain("no/such/file.mlat");
    const empty = mkdtempSync(path.join(tmpdir(), "mlat-empty-"));
    const r2 = mlat(["check", empty]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("MLAT5002");
  });

  it("exits 2 on a usage error", () => {
    const r = mlat(["check", "--format", "yaml", "examples"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("yaml");
  });

  it("never prints a stack trace for broken input", () => {
    const f = tempDesign("institution { body { rule : yes >= >= } } state state ((( ");
    const r = mlat(["check", f]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("mlat compile", () => {
  it("prints a rule set with a format version", () => {
    const r = mlat(["compile", "examples/eec-1958.mlat"]);
    expect(r.code).toBe(0);
    const rs = JSON.parse(r.stdout);
    expect(rs.format).toBe("mlat.ruleset");
    expect(rs.version).toBe("1.3");
    expect(rs.institutions[0].bodies[0].weights.votes).toEqual({ FRA: "4", DEU: "4", ITA: "4", BEL: "2", NLD: "2", LUX: "1" });
  });

  it("writes to -o and leaves nothing else behind", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-out-"));
    const out = path.join(dir, "un.json");
    const r = mlat(["compile", "examples/un.mlat", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).institutions[0].id).toBe("UN");
    expect(readdirSync(dir)).toEqual(["un.json"]);
  });

  it("refuses to write over its own input (MLAT5006), and the design is left as it was", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-out-"));
    const design = path.join(dir, "d.mlat");
    const text = "state A\nstate B\nstate C\ninstitution I { members: { A, B, C } }\n";
    writeFileSync(design, text);
    const r = mlat(["compile", design, "-o", design]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MLAT5006");
    expect(r.stderr).toContain("cannot write");
    expect(r.stderr).toContain("it is an input of this command");
    expect(readFileSync(design, "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual(["d.mlat"]);
  });

  it("refuses a design with errors, printing them to stderr, and writes no file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-out-"));
    const out = path.join(dir, "x.json");
    const r = mlat(["compile", "examples/errors/MLAT3005-threshold-above-total.mlat", "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("MLAT3005");
    expect(existsSync(out)).toBe(false);
  });
});

describe("mlat schema and explain", () => {
  it("prints the rule set schema (draft 2020-12)", () => {
    const r = mlat(["schema", "ruleset"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(mlat(["schema", "nope"]).code).toBe(2);
  });

  it("explains a code, case-insensitively, and refuses an unknown one", () => {
    const r = mlat(["explain", "mlat3006"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("MLAT3006");
    expect(r.stdout).toContain("Keohane");
    const bad = mlat(["explain", "MLAT9999"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("MLAT5003");
  });

  it("keeps docs/diagnostics.md in step with the table", () => {
    const r = mlat(["explain", "--all", "--format", "markdown"]);
    expect(readFileSync(path.join(root, "docs/diagnostics.md"), "utf8")).toBe(r.stdout);
  });
});

describe("mlat analyze", () => {
  it("prints a table a person can read, with veto players and dummies marked", () => {
    const r = mlat(["analyze", "examples/eec-1958.mlat", "--rule", "EEC.Council.qualified"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("EEC.Council.qualified");
    expect(r.stdout).toMatch(/LUX\s+0\.00%\s+0\.00%\s+dummy/);
    expect(r.stdout).toMatch(/FRA, DEU, ITA\s+23\.81%\s+23\.33%/);
    expect(r.stdout).toContain("small (3): cannot block");
  });

  it("writes exact JSON", () => {
    const r = mlat(["analyze", "examples/un.mlat", "--rule", "UN.SecurityCouncil.substantive", "--format", "json"]);
    expect(r.code).toBe(0);
    const [a] = JSON.parse(r.stdout).rules;
    expect(a.rule).toBe("UN.SecurityCouncil.substantive");
    expect(a.shapleyShubik.USA).toBe("421/2145");
    expect(a.vetoPlayers).toEqual(["CHN", "FRA", "RUS", "GBR", "USA"]);
    expect(a.banzhaf["elected.1"]).toEqual({ swings: "84", normalized: "21/1270", absolute: "21/4096" }); // all five permanent and three of the other nine elected: C(9,3) = 84
  });

  it("suggests the closest rule for a misspelt one (MLAT5004)", () => {
    const r = mlat(["analyze", "examples/eec-1958.mlat", "--rule", "EEC.Council.qualifed"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MLAT5004");
    expect(r.stderr).toContain("did you mean `EEC.Council.qualified`?");
  });

  it("analyses a compiled rule set without the source, and names the path of a bad one (MLAT4002)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-rs-"));
    const good = path.join(dir, "eec.json");
    expect(mlat(["compile", "examples/eec-1958.mlat", "-o", good]).code).toBe(0);
    const r = mlat(["analyze", good, "--rule", "EEC.Council.qualified", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rules[0].dummies).toEqual(["LUX"]);
    const rs = JSON.parse(readFileSync(good, "utf8"));
    rs.institutions[0].bodies[0].rules[1].condition.cmp = "≥≥";
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify(rs));
    const r2 = mlat(["analyze", bad]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("MLAT4002");
    expect(r2.stderr).toContain("$.institutions[0].bodies[0].rules[1].condition");
  });

  it("reports a rule too fine to analyse with a clear message and exit 1, never a hang", () => {
    const r = mlat(["analyze", "examples/errors/MLAT3016-scale-too-fine.mlat"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("cannot be analysed: too large for exact analysis");
  });

  // A board like the IMF's: 190 members, millions of votes, an 85% rule. Banzhaf is exact in about
  // a second; exact Shapley–Shubik is beyond the default work limit, so --estimate is the way.
  const board = (() => {
    const raw = Array.from({ length: 190 }, (_, i) => 1 / (i + 1) ** 1.1);
    const sum = raw.reduce((a, b) => a + b, 0);
    const votes = raw.map((r) => Math.max(1, Math.round((r / sum) * 5_000_000)));
    const ids = votes.map((_, i) => `S${i + 1}`);
    return [...ids.map((id) => `state ${id} {}`), `group All = { ${ids.join(", ")} }`, `institution F { members: All body Board { seats: members weight votes { ${ids.map((id, i) => `${id}: ${votes[i]}`).join(", ")} } rule special: yes by votes >= 85% } }`, ""].join("\n");
  })();

  it("estimates Shapley–Shubik by Monte Carlo only when asked, labelled as an estimate in the table and the JSON", () => {
    const file = tempDesign(board);
    const exact = mlat(["analyze", file, "--list", "0", "--format", "json"]);
    expect(exact.code).toBe(0);
    const plain = JSON.parse(exact.stdout).rules[0];
    expect(plain.shapleyShubik).toBeNull();
    expect(plain.shapleyShubikNote).toContain("--estimate");
    expect(plain.shapleyShubikEstimate).toBeUndefined();

    const est = mlat(["analyze", file, "--list", "0", "--format", "json", "--estimate", "20000", "--seed", "7"]);
    expect(est.code).toBe(0);
    const a = JSON.parse(est.stdout).rules[0];
    expect(a.shapleyShubik).toBeNull(); // never mixed with exact values
    expect(a.shapleyShubikEstimate).toMatchObject({ samples: 20000, seed: 7, confidence: 0.95 });
    const values = Object.values(a.shapleyShubikEstimate.values) as { estimate: number; plusMinus: number }[];
    expect(values.reduce((x, v) => x + v.estimate, 0)).toBeCloseTo(1, 6);
    // The United-States-like first member holds the only veto: its share is far above its weight's.
    expect(a.vetoPlayers).toEqual(["S1"]);
    expect(a.shapleyShubikEstimate.values.S1.estimate).toBeGreaterThan(0.2);
    // Same seed, same estimate: runs are reproducible.
    expect(JSON.parse(mlat(["analyze", file, "--list", "0", "--format", "json", "--estimate", "20000", "--seed", "7"]).stdout).rules[0].shapleyShubikEstimate).toEqual(a.shapleyShubikEstimate);

    const table = mlat(["analyze", file, "--list", "0", "--estimate", "20000"]);
    expect(table.stdout).toContain("Shapley–Shubik (est.)");
    expect(table.stdout).toContain("ESTIMATED by Monte Carlo (20,000 random orders, seed 1");
    expect(table.stdout).toMatch(/S1\s+\S+%\s+≈\d+\.\d\d±\d+\.\d\d%/);
    expect(table.stderr).toBe(""); // no progress bar when stderr is not a terminal
  });

  it("offers --exact and --estimate [samples], and refuses --estimate 0 as a usage error (the lifted limit itself: analysis-properties, work limits)", () => {
    const r = mlat(["analyze", "--help"]);
    expect(r.stdout).toContain("--exact");
    expect(r.stdout).toContain("--estimate [samples]");
    expect(mlat(["analyze", "examples/un.mlat", "--estimate", "0"]).code).toBe(2);
  });
});

describe("what people read", () => {
  it("mlat test shows a design's compile errors once (stderr, with the source line), not again on stdout", () => {
    const r = mlat(["test", "examples/errors/MLAT2001-unknown-name.mlat"]);
    expect(r.code).toBe(1);
    expect((r.stdout + r.stderr).match(/MLAT2001:/g)).toHaveLength(1);
    expect(r.stdout).toContain("1 error(s), shown above");
  });

  it("an import outside the project root is one error, not one more per name it would have declared", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-fence-"));
    mkdirSync(path.join(dir, "proj"));
    mkdirSync(path.join(dir, "shared"));
    writeFileSync(path.join(dir, "proj", "mlat.json"), "{}");
    writeFileSync(path.join(dir, "shared", "world.mlat"), "state A {}\nstate B {}\nstate C {}\ngroup G = { A, B, C }\n");
    writeFileSync(path.join(dir, "proj", "main.mlat"), 'use "../shared/world.mlat"\ninstitution I { members: G body B { seats: members\n rule r: yes > 1/2 and veto { A } } }\nscenario "s" { vote I.B.r { yes: A, B } expect adopted }\n');
    const r = mlat(["check", "--format", "json", path.join(dir, "proj", "main.mlat")]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(["MLAT2012"]);
    // A name that is unknown anyway is still reported where every import loaded.
    writeFileSync(path.join(dir, "proj", "ok.mlat"), "state A {}\ngroup G = { A, NOPE }\n");
    expect(JSON.parse(mlat(["check", "--format", "json", path.join(dir, "proj", "ok.mlat")]).stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(["MLAT2001"]);
  });

  it("the report formats shares as the table does: a tiny power to act is <0.01%, never 0.00%", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "mlat-rep-")), "imf.html");
    expect(mlat(["report", "examples/imf.mlat", "-o", out]).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("power to act &lt;0.01%");
    expect(html).not.toContain("power to act 0.00%");
    expect(mlat(["analyze", "examples/imf.mlat", "--rule", "IMF.BoardOfGovernors.special", "--list", "0"]).stdout).toContain("power to act <0.01%");
  });

  it("a note never repeats 'not counted', and a shortened coalition is never listed twice", () => {
    const seats = Array.from({ length: 30 }, (_, i) => `S${i}`);
    const design = `${seats.map((s) => `state ${s} {}`).join("\n")}\ninstitution I { members: { ${seats.join(", ")} }\n body B { seats: members\n rule r: yes >= 20 } }\n`;
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-read-"));
    writeFileSync(path.join(dir, "d.mlat"), design);
    const out = mlat(["analyze", path.join(dir, "d.mlat"), "--no-shapley"]).stdout;
    const listed = out.split("\n").filter((l) => l.startsWith("    { "));
    expect(new Set(listed).size).toBe(listed.length);
    expect(out).not.toMatch(/not counted \(not counted/);
  });
});

describe("mlat eval", () => {
  it("takes group expressions on the ballot as in the language: A - { B }, A & B, (A + B)", () => {
    const json = (args: string[]) => JSON.parse(mlat(["eval", "examples/eu-council-lisbon.mlat", "--rule", "EU.Council.qmv", ...args, "--format", "json"]).stdout);
    expect(json(["--yes", "EU27 - { DEU, FRA, ITA }", "--no", "DEU, FRA"]).tally).toEqual({ yes: 24, no: 2, abstain: 0, absent: 1 });
    expect(json(["--yes", "(EU27 & { DEU, FRA }) + ITA"]).tally).toEqual({ yes: 3, no: 0, abstain: 0, absent: 24 });
    const bad = mlat(["eval", "examples/eu-council-lisbon.mlat", "--rule", "EU.Council.qmv", "--yes", "EU27 - { DEU"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("`EU27 - { DEU`: a `}` is missing");
  });

  it("finds the change that flips a weighted vote heaviest first, and every seat in it is needed (IMF, EU)", () => {
    for (const [file, rule, expected] of [
      ["examples/imf.mlat", "IMF.BoardOfGovernors.special", 108], // the 20 largest (68.73%) and 88 of 0.18% to reach 85% of 99.33
      ["examples/eu-council-lisbon.mlat", "EU.Council.qmv", 15], // fifteen members are needed whatever their population
    ] as const) {
      const r = mlat(["eval", file, "--rule", rule, "--rest", "no", "--format", "json"]);
      expect(r.code).toBe(0);
      const cf = JSON.parse(r.stdout).counterfactual as { to: string; seats: string[] };
      expect(cf.to).toBe("yes");
      expect(cf.seats.length).toBe(expected);
      // Re-evaluated by the CLI: these seats adopt it, and without any one of them it fails.
      expect(JSON.parse(mlat(["eval", file, "--rule", rule, "--yes", cf.seats.join(","), "--rest", "no", "--format", "json"]).stdout).outcome).toBe("adopted");
      for (const drop of [cf.seats[0]!, cf.seats[cf.seats.length - 1]!]) {
        const fewer = cf.seats.filter((s) => s !== drop);
        expect(JSON.parse(mlat(["eval", file, "--rule", rule, "--yes", fewer.join(","), "--rest", "no", "--format", "json"]).stdout).outcome).toBe("rejected");
      }
    }
    // The heaviest come first: the twenty largest (the design's group Top20), then 88 of the others —
    // not the declaration order (AFG, ALB, …) from the start.
    const imf = JSON.parse(mlat(["eval", "examples/imf.mlat", "--rule", "IMF.BoardOfGovernors.special", "--rest", "no", "--format", "json"]).stdout).counterfactual.seats as string[];
    expect(imf.slice(0, 6)).toEqual(["USA", "JPN", "CHN", "DEU", "FRA", "GBR"]);
    expect(mlat(["eval", "examples/imf.mlat", "--rule", "IMF.BoardOfGovernors.special", "--rest", "no"]).stdout).toContain("to adopt it: Top20 + AFG, ALB, DZA, AND, AGO, ATG and 82 more would have to vote yes");
  });

  it("explains a vetoed vote and the smallest change that would adopt it", () => {
    const r = mlat(["eval", "examples/un.mlat", "--rule", "UN.SecurityCouncil.substantive", "--yes", "USA,GBR,FRA,elected*8", "--no", "RUS", "--abstain", "CHN"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("UN.SecurityCouncil.substantive: rejected");
    expect(r.stdout).toContain("✓ yes 11, needs ≥ 9");
    expect(r.stdout).toContain("✗ vetoed by RUS (permanent: UN Charter, Art. 23(1))");
    expect(r.stdout).toContain("to adopt it: RUS would have to vote yes");
  });

  it("writes JSON with the outcome, the conditions and the vetoes", () => {
    const r = mlat(["eval", "examples/eu-council-lisbon.mlat", "--rule", "EU.Council.qmv", "--no", "DEU,FRA,ITA,POL", "--rest", "yes", "--format", "json"]);
    const j = JSON.parse(r.stdout);
    expect(j.outcome).toBe("rejected");
    expect(j.rule).toBe("EU.Council.qmv");
    expect(j.vetoedBy).toEqual([]);
    expect(j.conditions.children[0].children[2]).toMatchObject({ holds: false, value: "200447", threshold: "583349/2" });
  });

  it("reads a vote from JSON and names the path of a bad one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-votes-"));
    const good = path.join(dir, "v.json");
    writeFileSync(good, JSON.stringify({ rule: "EEC.Council.qualified", votes: { FRA: "yes", DEU: "yes", ITA: "yes" } }));
    expect(mlat(["eval", "examples/eec-1958.mlat", "--input", good]).stdout).toContain("adopted");
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ votes: { FRA: "maybe" } }));
    const r = mlat(["eval", "examples/eec-1958.mlat", "--rule", "EEC.Council.qualified", "--input", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MLAT5003");
    expect(r.stderr).toContain("$.votes.FRA");
    expect(r.stderr).toContain('expected one of "yes", "no", "abstain", "absent"');
  });

  it("refuses a seat the body does not have", () => {
    const r = mlat(["eval", "examples/un.mlat", "--rule", "UN.SecurityCouncil.procedural", "--yes", "DEU"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`DEU` is not a seat, seat class or group of `UN.SecurityCouncil`");
  });
});

describe("the README's examples", () => {
  it("a seat named on its own wins over its group: --yes P5 --no RUS", () => {
    const r = mlat(["eval", "examples/un.mlat", "--rule", "UN.SecurityCouncil.substantive", "--yes", "P5,elected*4", "--no", "RUS"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("yes 8 · no 1 · abstain 0 · absent 6");
    expect(r.stdout).toContain("vetoed by: RUS");
  });
});

describe("mlat test", () => {
  it("runs every scenario and assertion of the examples and ends with the count line", () => {
    const r = mlat(["test", "examples"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    const summary = lines[lines.length - 1]!;
    expect(summary).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(summary.split(" ")[0])).toBeGreaterThanOrEqual(10);
    expect(r.stdout).toContain('PASS examples/nato.mlat:42 scenario "An attack on one obliges all: the allies who assist meet Article 5"');
  });

  it("fails with expected and actual outcomes and the engine's reasons, exit 1", () => {
    const r = mlat(["test", "tests/fixtures/failing-tests.mlat"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL tests/fixtures/failing-tests.mlat:13 scenario "expects the wrong outcome"');
    expect(r.stdout).toContain("expected adopted; got rejected, vetoed by A on Club.Assembly.simple (Art. 3)");
    expect(r.stdout).toContain("✗ vetoed by A");
    expect(r.stdout).toContain("expected veto players = { B }; but the veto players are { A }");
    expect(r.stdout).toContain("PASS tests/fixtures/failing-tests.mlat:22 assert Club.Assembly.simple: small can block");
    expect(r.stdout.trim().split("\n").pop()).toBe("3 passed, 2 failed");
  });

  it("writes JUnit XML with one testcase per scenario or assertion", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-junit-"));
    const out = path.join(dir, "junit.xml");
    const r = mlat(["test", "--format", "junit", "-o", out, "tests/fixtures/failing-tests.mlat"]);
    expect(r.code).toBe(1);
    const xml = readFileSync(out, "utf8");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<testsuite name="tests/fixtures/failing-tests.mlat" tests="5" failures="2"');
    expect((xml.match(/<testcase /g) ?? []).length).toBe(5);
    expect(xml).toContain('<failure message="expected adopted; got rejected, vetoed by A on Club.Assembly.simple (Art. 3)">');
    const stdoutXml = mlat(["test", "--format", "junit", "tests/fixtures/failing-tests.mlat"]).stdout;
    expect(stdoutXml).toContain("<testsuites");
  });
});

describe("mlat eval --events and mlat marks", () => {
  it("reports violations of principles with their reasons", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-events-"));
    const file = path.join(dir, "events.json");
    writeFileSync(file, JSON.stringify({ events: [{ actor: "RUS", action: "UseOfForce", args: { against: "UKR" } }] }));
    const r = mlat(["eval", "examples/un.mlat", "--events", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("violation of UN.NonUseOfForce (Charter, Art. 2(4)) by RUS: prohibited act, event 1: RUS does UseOfForce(against: UKR)");
    const j = JSON.parse(mlat(["eval", "examples/un.mlat", "--events", file, "--format", "json"]).stdout);
    expect(j.violations[0]).toMatchObject({ principle: "UN.NonUseOfForce", actor: "RUS", kind: "prohibited act" });
    writeFileSync(file, JSON.stringify({ events: [{ actor: "RUS", action: "UseOfForce", args: { towards: "UKR" } }] }));
    const bad = mlat(["eval", "examples/un.mlat", "--events", file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("$.events[0].args.towards");
    expect(mlat(["schema", "events"]).code).toBe(0);
  });

  it("lists the marks of multilateralism", () => {
    const j = JSON.parse(mlat(["marks", "examples/nato.mlat", "--format", "json"]).stdout);
    expect(j.institutions[0]).toMatchObject({ institution: "NATO", members: 32, multilateral: true });
    expect(j.institutions[0].indivisibility[0]).toContain("NATO.CollectiveDefence");
    const un = mlat(["marks", "examples/un.mlat"]).stdout;
    expect(un).toContain("SecurityCouncil.substantive: a veto held by permanent (5 of 15 seats)");
  });
});

describe("CI formats", () => {
  const bad = "examples/errors/MLAT2001-unknown-name.mlat";

  it("writes SARIF 2.1.0 with the rule table and 1-based regions", () => {
    const r = mlat(["check", "--format", "sarif", bad]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe("mlat");
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === "MLAT2001");
    expect(rule.helpUri).toMatch(/docs\/diagnostics\.md#mlat2001$/);
    expect(rule.fullDescription.text.length).toBeGreaterThan(40);
    expect(run.results[0]).toMatchObject({
      ruleId: "MLAT2001",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: bad }, region: { startLine: 5, startColumn: 30, endLine: 5, endColumn: 33 } } }],
    });
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe("MLAT2001");
  });

  it("writes GitHub workflow commands with escaping, and a step summary", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-gh-"));
    const file = path.join(dir, "a,b.mlat");
    writeFileSync(file, "state A\ngroup G = { A, Bx }\ngroup E = states where power = great\n");
    const summary = path.join(dir, "summary.md");
    const r = mlat(["check", "--format", "github", file], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error file=a%2Cb.mlat,line=2,col=16,endLine=2,endColumn=18,title=MLAT2001::unknown state or group `Bx`");
    expect(r.stdout).toMatch(/^::warning file=a%2Cb\.mlat,line=3,/m);
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("### mlat check");
    expect(md).toContain("| error | MLAT2001 | a,b.mlat:2 |");
  });

  it("writes JUnit XML for check", () => {
    const r = mlat(["check", "--format", "junit", bad, "examples/eec-1958.mlat"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuite name="mlat check" tests="2" failures="1">');
    expect(r.stdout).toContain(`<testcase classname="mlat.check" name="${bad}">`);
    expect(r.stdout).toContain('<testcase classname="mlat.check" name="examples/eec-1958.mlat"/>');
  });

  it("reads a design from standard input and names it --stdin-filename", () => {
    const r = mlat(["check", "--stdin-filename", "examples/piped.mlat", "-"], { input: 'use "./world.mlat"\ngroup G = { FRA, DEU, Atlantis }\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("examples/piped.mlat:2:23: error MLAT2001: unknown state or group `Atlantis`");
  });

  it("colours only on request or on a terminal, and never with NO_COLOR", () => {
    const plain = mlat(["check", bad]);
    expect(plain.stdout).not.toContain("\x1b[");
    const forced = mlat(["check", bad], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(forced.stdout).toContain("\x1b[31m");
    const off = mlat(["check", "--no-color", bad], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(off.stdout).not.toContain("\x1b[");
  });

  it("accepts a compiled rule set with --ruleset", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mlat-rs2-"));
    const out = path.join(dir, "un.json");
    mlat(["compile", "examples/un.mlat", "-o", out]);
    const r = mlat(["eval", "--ruleset", out, "--rule", "UN.SecurityCouncil.procedural", "--yes", "permanent,elected*4"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("UN.SecurityCouncil.procedural: adopted");
    expect(mlat(["analyze", "--ruleset", out, "--rule", "UN.SecurityCouncil.substantive", "--format", "json"]).code).toBe(0);
    expect(mlat(["analyze"]).code).toBe(2);
  });
});

describe("mlat fmt", () => {
  const messy = 'state A{power:great}\nstate B\nstate C\ninstitution I{members:{A,B,C}\nbody B{seats:members\nrule r:yes>=2/3}}\n';

  it("prints the formatted text and leaves the file alone", () => {
    const f = tempDesign(messy);
    const r = mlat(["fmt", f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("institution I {\n  members: { A, B, C }\n");
    expect(readFileSync(f, "utf8")).toBe(messy);
  });

  it("--check lists files that would change and exits 1; --write rewrites them", () => {
    const f = tempDesign(messy);
    const check = mlat(["fmt", "--check", f]);
    expect(check.code).toBe(1);
    expect(check.stdout.trim()).toBe(path.relative(root, f).startsWith("..") ? f : path.relative(root, f));
    expect(mlat(["fmt", "--write", f]).code).toBe(0);
    expect(readFileSync(f, "utf8")).toContain("  body B {\n    seats: members\n");
    expect(mlat(["fmt", "--check", f]).code).toBe(0);
    expect(readdirSync(path.dirname(f))).toEqual(["design.mlat"]);
  });

  it("never touches a file that does not parse, and says why", () => {
    const broken = "state A {\ninstitution I { members: { A }\n";
    const f = tempDesign(broken);
    const r = mlat(["fmt", "--write", f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("MLAT1003");
    expect(r.stderr).toContain("not formatting");
    expect(readFileSync(f, "utf8")).toBe(broken);
  });

  it("keeps the examples formatted", () => {
    expect(mlat(["fmt", "--check", "examples"]).code).toBe(0);
  });
});
