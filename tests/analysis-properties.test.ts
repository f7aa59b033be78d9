// The fast counting methods agree with brute-force enumeration on thousands of random games
// (weights, quotas, vetoes, double majorities, `or no < K`, `of voting`, non-monotone rules), and
// the indices behave: they sum to one, interchangeable seats get equal power, dummies get none.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BodyJson, ConditionJson, RuleJson, RuleSet } from "../compiler/index.js";
import { Rational } from "../compiler/index.js";
import { buildGame } from "../compiler/engine/analysis/game.js";
import { generatingFunction } from "../compiler/engine/analysis/dp.js";
import { meetInTheMiddle } from "../compiler/engine/analysis/mitm.js";
import { enumeration } from "../compiler/engine/analysis/enumerate.js";
import { analyzeRule } from "../compiler/engine/analysis/analyze.js";
import type { GameCounts } from "../compiler/engine/analysis/counts.js";

const runs = Number(process.env["MLAT_PROPERTY_RUNS"] ?? 1000);

interface RandomGame {
  readonly body: BodyJson;
  readonly rule: RuleJson;
}

const cmp = fc.constantFrom(">=", ">", "<=", "<", "=", "!=") as fc.Arbitrary<">=" | ">" | "<=" | "<" | "=" | "!=">;

function arbGame(maxPlayers: number, bigWeights: boolean, monotoneOnly: boolean): fc.Arbitrary<RandomGame> {
  return fc.integer({ min: 1, max: maxPlayers }).chain((n) => {
    const seats = Array.from({ length: n }, (_, i) => `P${i}`);
    const weights = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: bigWeights ? 3000 : 30 }), { minLength: n, maxLength: n }),
    );
    const atom: fc.Arbitrary<ConditionJson> = fc.oneof(
      fc.record({ q: fc.integer({ min: 0, max: n + 1 }), op: monotoneOnly ? fc.constant(">=" as const) : cmp }).map(({ q, op }) => ({ op: "compare", cmp: op, left: { tally: "yes" }, right: { value: String(q), relative: false, base: "all" } }) as ConditionJson),
      fc.record({ num: fc.integer({ min: 0, max: 12 }), w: fc.constantFrom("a", "b"), base: fc.constantFrom("all", "voting", "present") as fc.Arbitrary<"all" | "voting" | "present"> }).map(
        ({ num, w, base }) => ({ op: "compare", cmp: ">=", left: { tally: "yes", weight: w }, right: { value: Rational.of(num, 12).toString(), relative: true, base } }) as ConditionJson,
      ),
      fc.integer({ min: 1, max: n + 1 }).map((k) => ({ op: "compare", cmp: "<", left: { tally: "no" }, right: { value: String(k), relative: false, base: "all" } }) as ConditionJson),
      fc.constant({ op: "compare", cmp: ">", left: { tally: "yes" }, right: { tally: "no" } } as ConditionJson),
      fc.subarray(seats, { minLength: 1 }).map((s) => ({ op: "veto", seats: s, holder: "V" }) as ConditionJson),
      fc.constant({ op: "unanimity" } as ConditionJson),
    );
    const tree: fc.Arbitrary<ConditionJson> = fc.letrec<{ c: ConditionJson }>((tie) => ({
      c: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        fc.record({ op: fc.constantFrom("and", "or") as fc.Arbitrary<"and" | "or">, args: fc.array(tie("c"), { minLength: 1, maxLength: 3 }) }),
        ...(monotoneOnly ? [] : [tie("c").map((arg) => ({ op: "not", arg }) as ConditionJson)]),
      ),
    })).c;
    return fc.tuple(weights, tree).map(([[a, b], condition]) => ({
      body: {
        id: "T.B",
        name: "B",
        seats: seats.map((id) => ({ id })),
        weights: { a: Object.fromEntries(seats.map((s, i) => [s, String(a[i])])), b: Object.fromEntries(seats.map((s, i) => [s, String(b[i])])) },
        rules: [],
      },
      rule: { id: "T.B.r", name: "r", text: "", condition },
    }));
  });
}

function comparable(c: GameCounts) {
  return {
    winning: c.winning,
    bothWin: c.bothWin,
    players: c.players.map((p) => ({ s: p.swings, n: p.negativeSwings, w: p.winningWithout, k: p.swingsBySize })),
  };
}

describe("fast methods equal brute-force enumeration", () => {
  it("generating functions, on small games of every kind", () => {
    fc.assert(
      fc.property(arbGame(9, false, false), ({ body, rule }) => {
        const game = buildGame(body, rule);
        const brute = enumeration.count(game, { shapley: true });
        const fast = generatingFunction.count(game, { shapley: true });
        if ("tooLarge" in brute || "tooLarge" in fast) return; // mixed signs: only enumeration counts them
        expect(comparable(fast)).toEqual(comparable(brute));
      }),
      { seed: 11, numRuns: runs },
    );
  });

  it("meet in the middle, on games with a fine weight", () => {
    fc.assert(
      fc.property(arbGame(12, true, false), ({ body, rule }) => {
        const game = buildGame(body, rule);
        const brute = enumeration.count(game, { shapley: true });
        const fast = meetInTheMiddle.count(game, { shapley: true });
        if ("tooLarge" in brute || "tooLarge" in fast) return;
        expect(comparable(fast)).toEqual(comparable(brute));
      }),
      { seed: 12, numRuns: runs },
    );
  });

  it("restricted counts (who can block, who can pass without whom)", () => {
    fc.assert(
      fc.property(arbGame(8, true, false), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), ({ body, rule }, allowed, forced) => {
        const game = buildGame(body, rule);
        const n = game.players.length;
        const a = allowed.slice(0, n);
        const f = forced.slice(0, n);
        const want = enumeration.countWinning(game, a, f);
        for (const m of [generatingFunction, meetInTheMiddle]) {
          const got = m.countWinning(game, a, f);
          if (typeof got === "bigint") expect(got).toBe(want);
        }
      }),
      { seed: 13, numRuns: runs },
    );
  });
});

const rulesetOf = (body: BodyJson): RuleSet => ({ format: "mlat.ruleset", version: "1.0", states: [], groups: [], actions: [], institutions: [{ id: "T", members: [], requires: [], bodies: [body], admission: [], principles: [] }], arrangements: [], scenarios: [], assertions: [] });

describe("index properties", () => {
  it("Banzhaf and Shapley–Shubik sum to one; dummies get zero; equal seats get equal power", () => {
    fc.assert(
      fc.property(arbGame(9, false, true), ({ body, rule }) => {
        const a = analyzeRule(rulesetOf(body), body, rule);
        const sum = (xs: string[]) => xs.reduce((acc, x) => acc.add(Rational.parse(x)!), Rational.ZERO);
        const anySwing = Object.values(a.banzhaf).some((b) => b.swings !== "0");
        if (anySwing) {
          expect(sum(Object.values(a.banzhaf).map((b) => b.normalized)).toString()).toBe("1");
          expect(sum(Object.values(a.shapleyShubik!)).toString()).toBe("1");
        }
        for (const d of a.dummies) {
          expect(a.banzhaf[d]!.normalized).toBe("0");
          expect(a.shapleyShubik![d]).toBe("0");
        }
        // Seats with the same weights and the same veto rights are interchangeable.
        const key = (s: string) => `${body.weights["a"]![s]}|${body.weights["b"]![s]}|${JSON.stringify(rule.condition).split(`"${s}"`).length}`;
        for (const p of a.players)
          for (const q of a.players) if (key(p) === key(q) && JSON.stringify(rule.condition).indexOf(`"${p}"`) === -1 && JSON.stringify(rule.condition).indexOf(`"${q}"`) === -1) expect(a.shapleyShubik![p]).toBe(a.shapleyShubik![q]);
        if (a.dictator) expect(a.vetoPlayers).toContain(a.dictator);
      }),
      { seed: 14, numRuns: runs },
    );
  });
});
