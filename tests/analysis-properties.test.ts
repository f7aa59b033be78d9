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
import { weightedThreshold } from "../compiler/engine/analysis/weighted.js";
import { kindsOfSeats } from "../compiler/engine/analysis/kinds.js";
import { decisionDiagram } from "../compiler/engine/analysis/zdd.js";
import { compileCondition, type Game } from "../compiler/engine/analysis/game.js";

/** Minimal winning coalitions by brute force, from the definition: wins, and loses without any one member. */
function minimalWinningBrute(game: Game): bigint {
  const n = game.players.length;
  const holds = compileCondition(game);
  const sums = (mask: number) => game.dims.map((d) => d.reduce((a, w, i) => a + (mask & (1 << i) ? w : 0), 0));
  let count = 0n;
  for (let m = 0; m < 1 << n; m++) {
    if (!holds(sums(m))) continue;
    let minimal = true;
    for (let i = 0; i < n && minimal; i++) if (m & (1 << i) && holds(sums(m & ~(1 << i)))) minimal = false;
    if (minimal) count++;
  }
  return count;
}

/** A weighted majority: one weight (zeros allowed), one quota. */
function arbWeighted(maxPlayers: number, maxWeight: number): fc.Arbitrary<RandomGame> {
  return fc.integer({ min: 1, max: maxPlayers }).chain((n) =>
    fc.tuple(fc.array(fc.integer({ min: 0, max: maxWeight }), { minLength: n, maxLength: n }), fc.integer({ min: 0, max: 24 })).map(([w, num]) => {
      const seats = Array.from({ length: n }, (_, i) => `P${i}`);
      return {
        body: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, String(w[i])])) }, rules: [] },
        rule: { id: "T.B.r", name: "r", text: "", condition: { op: "compare", cmp: ">=", left: { tally: "yes", weight: "w" }, right: { value: Rational.of(num, 24).toString(), relative: true, base: "all" } } },
      };
    }),
  );
}

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

  it("the weighted-majority method, on weighted majorities with zero weights and every quota", () => {
    fc.assert(
      fc.property(arbWeighted(11, 40), ({ body, rule }) => {
        const game = buildGame(body, rule);
        const brute = enumeration.count(game, { shapley: true });
        const fast = weightedThreshold.count(game, { shapley: true });
        if ("tooLarge" in brute) return;
        if ("tooLarge" in fast) {
          // Only a game that is not one threshold is refused (a quota of 0 or above the total is constant).
          expect(game.condition.kind).not.toBe("atom");
          return;
        }
        expect(comparable(fast)).toEqual(comparable(brute));
        const banzhafOnly = weightedThreshold.count(game, { shapley: false });
        if ("tooLarge" in banzhafOnly) throw new Error(banzhafOnly.tooLarge);
        expect(comparable(banzhafOnly)).toEqual({ ...comparable(brute), players: comparable(brute).players.map((p) => ({ ...p, k: null })) });
        const mwc = minimalWinningBrute(game);
        expect(weightedThreshold.minimalWinning(game)).toBe(mwc);
        // The fused pass (heaviest seat first, minimal winning coalitions read off the same product).
        const fused = weightedThreshold.count(game, { shapley: false, minimal: true });
        if ("tooLarge" in fused) throw new Error(fused.tooLarge);
        expect(comparable(fused)).toEqual(comparable(banzhafOnly));
        if (game.condition.kind === "atom") expect(fused.minimalWinning).toBe(mwc);
      }),
      { seed: 21, numRuns: runs },
    );
  });

  it("the kinds-of-seats method, on games of every kind (few distinct weights)", () => {
    fc.assert(
      fc.property(arbGame(9, false, false), ({ body, rule }) => {
        const game = buildGame(body, rule);
        const brute = enumeration.count(game, { shapley: true });
        const fast = kindsOfSeats.count(game, { shapley: true });
        if ("tooLarge" in brute || "tooLarge" in fast) return;
        expect(comparable(fast)).toEqual(comparable(brute));
      }),
      { seed: 22, numRuns: runs },
    );
  });

  it("minimal winning coalitions of monotone games, counted over kinds of seats and by decision diagram", () => {
    fc.assert(
      fc.property(arbGame(9, true, true), ({ body, rule }) => {
        const game = buildGame(body, rule);
        const want = minimalWinningBrute(game);
        expect(kindsOfSeats.minimalWinning(game)).toBe(want);
        expect(decisionDiagram.minimalWinning(game)).toBe(want);
        const listed = decisionDiagram.list(game, 1000)!;
        expect(BigInt(listed.length)).toBe(want);
      }),
      { seed: 23, numRuns: runs },
    );
  });

  it("the decision diagram, on monotone games with fine weights (vectors, vetoes, or no < K)", () => {
    fc.assert(
      fc.property(arbGame(10, true, true), ({ body, rule }) => {
        const game = buildGame(body, rule);
        const brute = enumeration.count(game, { shapley: true });
        const fast = decisionDiagram.count(game, { shapley: true });
        if ("tooLarge" in brute || "tooLarge" in fast) return;
        expect(comparable(fast)).toEqual(comparable(brute));
      }),
      { seed: 24, numRuns: runs },
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
        for (const m of [generatingFunction, meetInTheMiddle, weightedThreshold, kindsOfSeats, decisionDiagram]) {
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

describe("work limits, --exact, progress and cancellation", () => {
  // 60 seats with distinct weights: cheap for Banzhaf, costlier for Shapley–Shubik.
  const seats = Array.from({ length: 60 }, (_, i) => `P${i}`);
  const body: BodyJson = { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, String(100 + 7 * i)])) }, rules: [] };
  const rule: RuleJson = { id: "T.B.r", name: "r", text: "yes by w >= 2/3", condition: { op: "compare", cmp: ">=", left: { tally: "yes", weight: "w" }, right: { value: "2/3", relative: true, base: "all" } } };
  const rs: RuleSet = { format: "mlat.ruleset", version: "1.0", states: [], groups: [], actions: [], institutions: [{ id: "T", members: [], requires: [], bodies: [body], admission: [], principles: [] }], arrangements: [], scenarios: [], assertions: [] } as unknown as RuleSet;

  it("refuses Shapley–Shubik past the work limit and says how to get it; --exact computes it anyway", () => {
    const limited = analyzeRule(rs, body, rule, { workLimit: 1e7, listLimit: 0 });
    expect(limited.shapleyShubik).toBeNull();
    expect(limited.shapleyShubikNote).toMatch(/--exact.*--estimate/);
    const exact = analyzeRule(rs, body, rule, { workLimit: 1e7, exact: true, listLimit: 0 });
    expect(exact.shapleyShubik).not.toBeNull();
    expect(exact.banzhaf).toEqual(limited.banzhaf);
    const sum = Object.values(exact.shapleyShubik!).reduce((a, v) => a.add(Rational.parse(v)!), Rational.ZERO);
    expect(sum.toString()).toBe("1");
  });

  it("reports progress that grows to the estimate, and stops when cancelled", () => {
    const seen: [number, number][] = [];
    analyzeRule(rs, body, rule, { listLimit: 0, progress: (d, t) => seen.push([d, t]) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([d, t]) => d >= 0 && d <= t)).toBe(true);
    let polls = 0;
    expect(() => analyzeRule(rs, body, rule, { listLimit: 0, cancelled: () => ++polls > 3 })).toThrow(/cancelled/);
  });
});

// The analysis against the independent vote oracle (tests/oracle/vote-oracle.ts): every coalition
// votes yes, the rest no; counts and swings by brute force from the language reference.
import { oracleHolds } from "./oracle/vote-oracle.js";

/** Random bodies and rules over the given weights and quantities. */
function oracleGames(weights: readonly string[], values: readonly string[]) {
  return fc.integer({ min: 1, max: 6 }).chain((n) => {
    const seats = Array.from({ length: n }, (_, i) => `S${i}`);
    const within = fc.oneof(fc.constant(undefined), fc.subarray(seats, { minLength: 1 }).map((s) => ({ seats: s, label: "part" })));
    const tally = fc.record({ tally: fc.constantFrom("yes", "no", "present", "absent", "abstain") as fc.Arbitrary<"yes">, weight: fc.constantFrom(undefined, "w"), in: within }).map((t) => ({ tally: t.tally, ...(t.weight ? { weight: t.weight } : {}), ...(t.in ? { in: t.in } : {}) }));
    const quantity = fc.record({ value: fc.constantFrom(...values), relative: fc.boolean(), base: fc.constantFrom("all", "voting", "present") as fc.Arbitrary<"all"> }).map((q) => (q.relative ? q : { ...q, base: "all" as const }));
    const atom = fc.record({ op: fc.constant("compare" as const), cmp: fc.constantFrom(">=", ">", "<=", "<", "=") as fc.Arbitrary<">=">, left: tally, right: fc.oneof(tally, quantity) }) as fc.Arbitrary<ConditionJson>;
    const condition = fc.oneof(atom, fc.record({ op: fc.constantFrom("and" as const, "or" as const), args: fc.array(atom, { minLength: 2, maxLength: 2 }) }) as fc.Arbitrary<ConditionJson>);
    return fc.tuple(fc.array(fc.constantFrom(...weights), { minLength: n, maxLength: n }), condition).map(([w, c]) => ({
      body: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, w[i]!])) }, rules: [] } as BodyJson,
      rule: { id: "T.B.r", name: "r", text: "", condition: c } as RuleJson,
    }));
  });
}

describe("analysis against the vote oracle", () => {
  /** Counts and every seat's net swings equal the oracle's, coalition by coalition. */
  const agreesWithOracle = ({ body, rule }: { body: BodyJson; rule: RuleJson }) => {
    const ids = body.seats.map((s) => s.id);
    const wins = (mask: number) => oracleHolds(body, rule.condition, Object.fromEntries(ids.map((s, i) => [s, mask & (1 << i) ? "yes" : "no"])));
    let winning = 0;
    const swings = ids.map(() => 0);
    for (let m = 0; m < 1 << ids.length; m++) {
      if (wins(m)) winning++;
      ids.forEach((_, i) => {
        if (m & (1 << i)) return;
        swings[i]! += Number(wins(m | (1 << i))) - Number(wins(m));
      });
    }
    const a = analyzeRule(rulesetOf(body), body, rule, { listLimit: 0 });
    expect(a.winningCoalitions).toBe(String(winning));
    expect(ids.map((s) => a.banzhaf[s]!.swings)).toEqual(swings.map(String));
  };

  it("winning coalitions and every seat's net swings, with tallies over part of the body", () => {
    fc.assert(fc.property(oracleGames(["0", "1", "2", "5", "1/2"], ["0", "1", "2", "1/2", "2/3"]), agreesWithOracle), { seed: 31, numRuns: runs });
  });

  it("weights whose sum passes 2^53 (split into high and low parts) decide every coalition as the oracle does", () => {
    const fine = ["0", "1", "2", "9007199254740993", "4503599627370497", "18014398509481985", "123456789012345678901", "1/3"];
    const values = ["0", "1", "1/2", "2/3", "9007199254740994", "13510798882111490", "123456789012345678902"];
    fc.assert(fc.property(oracleGames(fine, values), agreesWithOracle), { seed: 32, numRuns: runs });
  });
});

// Owen (1977) and Banzhaf–Owen (1981) values against oracles written from their definitions:
// Owen as the share of orders consistent with the unions (unions in turn, each one's members
// together) in which the seat is pivotal; Banzhaf–Owen by its uniform sums; every outcome from
// the independent vote oracle.
import { owenValues } from "../compiler/engine/analysis/owen.js";

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}
function powerset<T>(xs: readonly T[]): T[][] {
  return xs.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);
}

describe("Owen and Banzhaf–Owen values", () => {
  const arb = fc.integer({ min: 1, max: 6 }).chain((n) => {
    const seats = Array.from({ length: n }, (_, i) => `P${i}`);
    return fc.tuple(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      fc.integer({ min: 1, max: 24 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }), // union label per seat (0: alone)
    ).map(([w, num, labels]) => ({
      body: { id: "T.B", name: "B", seats: seats.map((id) => ({ id })), weights: { w: Object.fromEntries(seats.map((s, i) => [s, String(w[i])])) }, rules: [] } as BodyJson,
      rule: { id: "T.B.r", name: "r", text: "", condition: { op: "compare", cmp: ">=", left: { tally: "yes", weight: "w" }, right: { value: Rational.of(num, 24).toString(), relative: true, base: "all" } } } as RuleJson,
      blocs: Object.fromEntries([1, 2].map((l) => [`U${l}`, seats.filter((_, i) => labels[i] === l)]).filter(([, m]) => (m as string[]).length > 0)) as Record<string, string[]>,
    }));
  });

  it("equal the definitions on random weighted games with random partitions", () => {
    fc.assert(
      fc.property(arb, ({ body, rule, blocs }) => {
        const ids = body.seats.map((s) => s.id);
        const wins = (yes: readonly string[]) => oracleHolds(body, rule.condition, Object.fromEntries(ids.map((s) => [s, yes.includes(s) ? "yes" : "no"])));
        const inBloc = new Set(Object.values(blocs).flat());
        const unions: string[][] = [...Object.values(blocs), ...ids.filter((s) => !inBloc.has(s)).map((s) => [s])];
        // Owen: orders of unions, and of the members inside each.
        const pivots = new Map(ids.map((s) => [s, 0]));
        let orders = 0;
        for (const outer of permutations(unions)) {
          const inner = outer.map((u) => permutations(u));
          const walk = (k: number, prefix: string[]): void => {
            if (k === inner.length) {
              orders++;
              for (let j = 0; j < prefix.length; j++) if (wins(prefix.slice(0, j + 1)) && !wins(prefix.slice(0, j))) pivots.set(prefix[j]!, pivots.get(prefix[j]!)! + 1);
              return;
            }
            for (const p of inner[k]!) walk(k + 1, [...prefix, ...p]);
          };
          walk(0, []);
        }
        // Banzhaf–Owen: uniform over coalitions of the other unions and of the own union.
        const bo = new Map<string, Rational>();
        unions.forEach((u, k) => {
          const others = unions.filter((_, j) => j !== k);
          for (const i of u) {
            let sum = 0;
            for (const r of powerset(others)) for (const t of powerset(u.filter((x) => x !== i))) sum += Number(wins([...r.flat(), ...t, i])) - Number(wins([...r.flat(), ...t]));
            bo.set(i, Rational.of(BigInt(sum), 2n ** BigInt(others.length + u.length - 1)));
          }
        });
        const got = owenValues(buildGame(body, rule), blocs);
        if ("note" in got) throw new Error(got.note);
        for (const s of ids) {
          expect(got.owen[s]).toBe(Rational.of(BigInt(pivots.get(s)!), BigInt(orders)).toString());
          expect(got.banzhafOwen[s]).toBe(bo.get(s)!.toString());
        }
      }),
      { seed: 77, numRuns: 500 },
    );
  });

  it("a textbook case: three parties of 40, 30 and 30 seats, majority 51, the two small ones allied", () => {
    // A priori union {B, C}: together they hold 60 of 100 and decide (a dictator in the game of the
    // unions), and inside it each is pivotal in half the orders.
    const body = { id: "T.B", name: "B", seats: [{ id: "A" }, { id: "B" }, { id: "C" }], weights: { w: { A: "40", B: "30", C: "30" } }, rules: [] } as BodyJson;
    const rule = { id: "T.B.r", name: "r", text: "", condition: { op: "compare", cmp: ">=", left: { tally: "yes", weight: "w" }, right: { value: "51", relative: false, base: "all" } } } as RuleJson;
    const got = owenValues(buildGame(body, rule), { BC: ["B", "C"] });
    if ("note" in got) throw new Error(got.note);
    // Without unions every party has 1/3 (any two win). With {B, C}: the union wins with or without A
    // joining first; A is never pivotal: Owen (0, 1/2, 1/2).
    expect(got.owen).toEqual({ A: "0", B: "1/2", C: "1/2" });
  });
});
