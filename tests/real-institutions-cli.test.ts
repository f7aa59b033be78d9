// The language of real institutions from the command line: `--holding`, a binding in `--rule`,
// a constituency cast from its states, and what `analyze` prints for each (the built CLI, spawned).
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { mlat, root } from "./check.js";

describe("the command line", () => {
  const file = path.join(root, "examples");
  it("eval --holding, a binding in --rule, a constituency cast from its states", () => {
    const ecb = mlat(["eval", path.join(file, "ecb.mlat"), "--rule", "ECB.GoverningCouncil.simple", "--holding", "DEU,FRA,ITA,ESP,AUT,BEL,HRV,CYP,EST,FIN,GRC,IRL,LVA,LTU,LUX", "--yes", "president,board,FirstGroup", "--rest", "no"]);
    expect(ecb.code).toBe(0);
    expect(ecb.stdout).toContain("yes 10 · no 11 · abstain 0 · absent 0 (not counted: 4 group2 + NLD, hold no vote)");
    const missing = mlat(["eval", path.join(file, "ecb.mlat"), "--rule", "ECB.GoverningCouncil.simple", "--yes", "president"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("say which 4 hold the votes");
    const osce = mlat(["eval", path.join(file, "osce.mlat"), "--rule", "OSCE.MinisterialCouncil.minusOne(RUS)", "--no", "RUS", "--rest", "yes"]);
    expect(osce.stdout.split("\n")[0]).toContain("OSCE.MinisterialCouncil.minusOne(RUS): adopted — Prague Document (1992), para. 16");
    const imf = mlat(["eval", path.join(file, "imf-executive-board.mlat"), "--rule", "IMF.ExecutiveBoard.special", "--yes", "SWE,NOR", "--no", "FIN", "--rest", "yes"]);
    expect(imf.stdout).toContain("NordicBaltic votes no (inside yes by votes > 1/2: DNK absent, EST absent, FIN no, ISL absent, LVA absent, LTU absent, NOR yes, SWE yes)");
  });

  it("analyze: the average over rotations, one rotation with --holding, every binding, indirect power", () => {
    const avg = mlat(["analyze", path.join(file, "ecb.mlat"), "--no-shapley"]);
    expect(avg.stdout).toContain("held in rotation (group1 4 of 5, group2 11 of 15): every number is the average over 6,825 equally likely rotations (1 analysed; --holding for one)");
    const one = mlat(["analyze", path.join(file, "ecb.mlat"), "--no-shapley", "--holding", "DEU,FRA,ITA,ESP,AUT,BEL,HRV,CYP,EST,FIN,GRC,IRL,LVA,LTU,LUX"]);
    expect(one.stdout).toContain("21 seats");
    const osce = JSON.parse(mlat(["analyze", path.join(file, "osce.mlat"), "--rule", "OSCE.MinisterialCouncil.minusOne", "--format", "json", "--no-shapley"]).stdout);
    expect(osce.rules ?? osce).toHaveLength(57);
    const imf = mlat(["analyze", path.join(file, "imf-executive-board.mlat"), "--rule", "IMF.ExecutiveBoard.special", "--no-shapley"]);
    expect(imf.stdout).toContain("constituency NordicBaltic, inside yes by votes > 1/2: absolute Banzhaf of each state inside, and indirect (inside × the seat's)");
  });
});
