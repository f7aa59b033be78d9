// The ISA Council (chambers: "not opposed by a majority in any one chamber") checked against
// counts derived by hand from the rule: in the yes/no model a coalition wins when it has at least
// 24 of the 36 seats and at least 2 of each chamber of four (A, B, C) and 9 of the 18 developing
// states; the six other members of group E belong to no chamber.
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { analyze, compile, type RuleAnalysis } from "../compiler/index.js";
import { fsHost, root } from "./check.js";

const C = (n: number, k: number): bigint => {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
};

/** Coalitions of the given sizes per part (A, B, C, developing, others) for which `wins` holds, weighted by ways to choose them. */
function count(sizes: readonly number[], wins: (yes: readonly number[]) => boolean): bigint {
  let total = 0n;
  const yes: number[] = [];
  const walk = (i: number, ways: bigint): void => {
    if (i === sizes.length) {
      if (wins(yes)) total += ways;
      return;
    }
    for (let k = 0; k <= sizes[i]!; k++) {
      yes[i] = k;
      walk(i + 1, ways * C(sizes[i]!, k));
    }
  };
  walk(0, 1n);
  return total;
}

const wins = ([a, b, c, d, o]: readonly number[]) => a! >= 2 && b! >= 2 && c! >= 2 && d! >= 9 && a! + b! + c! + d! + o! >= 24;

describe("the ISA Council's chambers", () => {
  const rs = compile({ host: fsHost, entries: [path.join(root, "examples/isa-council.mlat")] }).ruleset!;
  const a = analyze(rs, { rules: ["ISA.Council.substance"] })[0] as RuleAnalysis;

  it("counts the winning coalitions as the hand derivation does", () => {
    expect(a.winningCoalitions).toBe(count([4, 4, 4, 18, 6], wins).toString());
    expect(a.winningCoalitions).toBe("1698387838");
  });

  it("gives each kind of member the swings the hand derivation gives", () => {
    // A seat of part p swings when the others' coalition wins with it and loses without it.
    const swings = (p: number) => {
      const sizes = [4, 4, 4, 18, 6].map((n, i) => (i === p ? n - 1 : n));
      const plus = (yes: readonly number[]) => yes.map((k, i) => (i === p ? k + 1 : k));
      return count(sizes, (yes) => wins(plus(yes)) && !wins(yes)).toString();
    };
    expect(a.banzhaf["CHN"]!.swings).toBe(swings(0)); // chamber A
    expect(a.banzhaf["FRA"]!.swings).toBe(swings(1)); // chamber B
    expect(a.banzhaf["AUS"]!.swings).toBe(swings(2)); // chamber C
    expect(a.banzhaf["BRA"]!.swings).toBe(swings(3)); // the developing chamber (group D)
    expect(a.banzhaf["MEX"]!.swings).toBe(swings(3)); // … and group E's developing states
    expect(a.banzhaf["CAN"]!.swings).toBe(swings(4)); // group E, in no chamber
  });
});
