// The analysis of a rule in a body whose seats are partly held in rotation: every index averaged
// over every equally likely rotation (rotation-average.ts), or one rotation on request (`holding`).
import type { BodyJson, RuleJson, RuleSet } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { holdersFor, rotatingClasses } from "../rotation.js";
import { averageOverRotations, configuration, rotationPatterns, RotationTooLarge, type RotationPattern } from "./rotation-average.js";

/** What this file reads of an analysis (analyze.ts's RuleAnalysis; not imported, so no cycle). */
interface Analysis {
  readonly players: readonly string[];
  readonly totalCoalitions: string;
  readonly winningCoalitions: string;
  readonly minimalWinningCoalitions: { readonly count: string | null; readonly list: readonly (readonly string[])[]; readonly truncated: boolean; readonly note?: string };
  readonly vetoPlayers: readonly string[];
  readonly dictator: string | null;
  readonly dummies: readonly string[];
  readonly banzhaf: Readonly<Record<string, { readonly swings: string; readonly normalized: string; readonly absolute: string }>>;
  readonly shapleyShubik: Readonly<Record<string, string>> | null;
  readonly coleman: string;
  readonly monotone: boolean;
  readonly proper: boolean;
  readonly unilateral: readonly string[];
  readonly powerClasses: readonly unknown[];
  readonly rotation?: RotationSummary;
}
interface Options {
  readonly listLimit?: number;
  readonly holding?: readonly string[];
}

export interface RotationSummary {
  /** Rotating class → how many of its seats hold a vote at a time, of how many. */
  readonly classes: Readonly<Record<string, { readonly holding: number; readonly of: number }>>;
  /** Every index below is the average over this many equally likely configurations… */
  readonly configurations: string;
  /** …of which this many differ by more than a renaming of interchangeable seats (each analysed once). */
  readonly patterns: number;
  /** The one configuration analysed, when `holding` named it. */
  readonly holding?: readonly string[];
}

export function analyzeRotating<O extends Options, A extends Analysis>(ruleset: RuleSet, body: BodyJson, rule: RuleJson, options: O, analyse: (ruleset: RuleSet, body: BodyJson, rule: RuleJson, options: O) => A, fail: (message: string) => Error): A {
  const classes = Object.fromEntries(rotatingClasses(body).map((r) => [r.cls, { holding: r.holding, of: r.seats.length }]));
  if (options.holding) {
    const holders = holdersFor(body, options.holding, new Set());
    if (typeof holders === "string") throw fail(holders);
    const c = configuration(body, rule, holders);
    const one = analyse(ruleset, c.body, c.rule, options);
    return { ...one, rotation: { classes, configurations: "1", patterns: 1, holding: [...holders] } };
  }
  let patterns: RotationPattern[], total: bigint;
  try {
    ({ patterns, total } = rotationPatterns(body, rule));
  } catch (e) {
    if (e instanceof RotationTooLarge) throw fail(`${e.message}: analyse one with \`--holding\``);
    throw e;
  }
  const runs = new Map(patterns.map((p) => {
    const c = configuration(body, rule, p.holders);
    return [p, analyse(ruleset, c.body, c.rule, { ...options, listLimit: 0 })] as const;
  }));
  const avg = (value: (a: A, seat: string) => Rational) =>
    averageOverRotations(body, patterns, total, (p, seat) => (runs.get(p)!.players.includes(seat) ? value(runs.get(p)!, seat) : Rational.ZERO));
  const R = (x: string) => Rational.parse(x)!;
  const swings = avg((a, s) => R(a.banzhaf[s]!.swings));
  const normalized = avg((a, s) => R(a.banzhaf[s]!.normalized));
  const absolute = avg((a, s) => R(a.banzhaf[s]!.absolute));
  const all = [...runs.values()];
  const shapley = all.every((a) => a.shapleyShubik) ? avg((a, s) => R(a.shapleyShubik![s]!)) : undefined;
  const players = body.seats.map((s) => s.id);
  // A fact holds for a seat when it holds in every configuration (a seat out of the rotation is a dummy there).
  const everywhere = (test: (a: A, seat: string) => boolean, absent: boolean) =>
    players.filter((s) => patterns.every((p) => {
      const a = runs.get(p)!;
      const stand = p.stand.get(s);
      if (stand && stand.share.compare(Rational.ONE) < 0 && !stand.share.isZero()) return absent && test(a, stand.as);
      if (stand?.share.isZero()) return absent;
      return test(a, stand ? stand.as : s);
    }));
  const weightOf = (p: RotationPattern) => Rational.of(p.configurations).div(Rational.of(total));
  const mean = (f: (a: A) => Rational) => patterns.reduce((sum, p) => sum.add(weightOf(p).mul(f(runs.get(p)!))), Rational.ZERO);
  // Every rotation has the same number of seats (each class holds its fixed number of votes).
  const first = all[0]!;
  return {
    ...first,
    players,
    totalCoalitions: first.totalCoalitions,
    winningCoalitions: mean((a) => R(a.winningCoalitions)).toString(),
    minimalWinningCoalitions:
      patterns.length === 1
        ? { count: first.minimalWinningCoalitions.count, list: [], truncated: false, note: "in each rotation" }
        : { count: null, list: [], truncated: false, note: "varies with the rotation: analyse one with `--holding`" },
    vetoPlayers: everywhere((a, s) => a.vetoPlayers.includes(s), false),
    dictator: null,
    dummies: everywhere((a, s) => a.dummies.includes(s), true),
    banzhaf: Object.fromEntries(players.map((s) => [s, { swings: swings.get(s)!.toString(), normalized: normalized.get(s)!.toString(), absolute: absolute.get(s)!.toString() }])),
    shapleyShubik: shapley ? Object.fromEntries(players.map((s) => [s, shapley.get(s)!.toString()])) : null,
    coleman: mean((a) => R(a.coleman)).toString(),
    monotone: all.every((a) => a.monotone),
    proper: all.every((a) => a.proper),
    unilateral: everywhere((a, s) => a.unilateral.includes(s), false),
    powerClasses: [],
    rotation: { classes, configurations: total.toString(), patterns: patterns.length },
  } as A;
}
