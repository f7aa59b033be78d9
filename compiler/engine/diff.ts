// `mlat diff OLD NEW`: two versions of a design compared rule by rule, over every ballot profile of
// the seats common to both (a seat only in one version is absent). Where both rules read only who
// votes yes, abstaining, being absent and voting no are alike, and each direction of change is
// decided by counting the coalitions that win under one rule and lose under the other (any size
// the analysis handles), with a witness found seat by seat from those counts. Where a rule reads
// no-votes or abstentions (`of voting`, `of present`, vetoes, `no < 4`, consensus) the profiles
// of yes / no / abstain / absent are searched by kinds of seats (diff-ballots.ts).
import type { BodyJson, ConditionJson, RuleJson, RuleSet, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";
import { analyzeRule, countWinningOf, AnalysisError, type RuleAnalysis } from "./analysis/analyze.js";
import { allRules } from "./rules.js";
import { buildGame, GameError } from "./analysis/game.js";
import { asThreshold, thresholdWitness } from "./diff-thresholds.js";
import { mapLeaves } from "./condition-map.js";
import { ballotUse, ballotWitness, PROFILE_LIMIT, type BallotProfile } from "./diff-ballots.js";
import { applySeatMappings, type SeatMapping } from "./successor-map.js";

export type Verdict = "equivalent" | "more permissive" | "less permissive" | "incomparable";

export interface RuleDiff {
  readonly rule: string;
  readonly verdict: Verdict | "not compared";
  readonly reason?: string;
  /** The ballots the comparison ranged over: yes/no coalitions, or every ballot of the seats. */
  readonly model: "yes/no" | "yes/no/abstain/absent";
  /** A ballot profile (of common seats) under which the new rule adopts and the old one did not. */
  readonly nowWins?: BallotProfile;
  /** A ballot profile under which the old rule adopted and the new one does not. */
  readonly nowLoses?: BallotProfile;
  readonly seats: { readonly common: number; readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly vetoPlayers: { readonly gained: readonly string[]; readonly lost: readonly string[] };
  readonly dummies: { readonly gained: readonly string[]; readonly lost: readonly string[] };
  readonly dictator: { readonly old: string | null; readonly new: string | null };
  /** For every seat of either version: Banzhaf (normalized) and Shapley–Shubik, old and new (null: not a seat then, or not computed). */
  readonly power: Readonly<Record<string, { readonly banzhaf: readonly [string | null, string | null]; readonly shapleyShubik: readonly [string | null, string | null] }>>;
}

export interface DesignDiff {
  readonly rules: readonly RuleDiff[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** True when nothing changed: every common rule equivalent, none added or removed. */
  readonly equivalent: boolean;
  /** Rules that could not be compared (each says why; a witness found on the way still proves a change). */
  readonly notCompared: readonly string[];
  /** Successor mappings the comparison used (old seats renamed or merged into new ones). */
  readonly mapped?: readonly SeatMapping[];
}

export function diffRuleSets(original: RuleSet, newer: RuleSet, mappings: readonly SeatMapping[] = []): DesignDiff {
  // The old design on the new seat names, when seats were renamed or merged.
  const older = mappings.length ? applySeatMappings(original, newer, mappings) : original;
  const oldRules = new Map(allRules(older).map((r) => [r.rule.id, r]));
  const newRules = new Map(allRules(newer).map((r) => [r.rule.id, r]));
  const rules: RuleDiff[] = [];
  for (const [id, o] of oldRules) {
    const n = newRules.get(id);
    if (n) rules.push(diffRule(older, newer, o.body, o.rule, n.body, n.rule));
  }
  const added = [...newRules.keys()].filter((id) => !oldRules.has(id));
  const removed = [...oldRules.keys()].filter((id) => !newRules.has(id));
  return {
    rules,
    added,
    removed,
    equivalent: added.length === 0 && removed.length === 0 && rules.every((r) => r.verdict === "equivalent"),
    notCompared: rules.filter((r) => r.verdict === "not compared").map((r) => r.rule),
    ...(mappings.length ? { mapped: mappings } : {}),
  };
}

function diffRule(older: RuleSet, newer: RuleSet, oldBody: BodyJson, oldRule: RuleJson, newBody: BodyJson, newRule: RuleJson): RuleDiff {
  const oldSeats = oldBody.seats.map((s) => s.id);
  const newSeats = newBody.seats.map((s) => s.id);
  const common = oldSeats.filter((s) => newSeats.includes(s));
  const seats = { common: common.length, added: newSeats.filter((s) => !oldSeats.includes(s)), removed: oldSeats.filter((s) => !newSeats.includes(s)) };
  const analyse = (rs: RuleSet, b: BodyJson, r: RuleJson): RuleAnalysis | string => {
    try {
      return analyzeRule(rs, b, r, { listLimit: 0 });
    } catch (e) {
      if (e instanceof AnalysisError) return e.message;
      throw e;
    }
  };
  const a = analyse(older, oldBody, oldRule);
  const b = analyse(newer, newBody, newRule);
  const setDiff = (x: readonly string[], y: readonly string[]) => x.filter((s) => !y.includes(s));
  const facts = typeof a === "string" || typeof b === "string"
    ? { vetoPlayers: { gained: [], lost: [] }, dummies: { gained: [], lost: [] }, dictator: { old: null, new: null }, power: {} }
    : {
        vetoPlayers: { gained: setDiff(b.vetoPlayers, a.vetoPlayers), lost: setDiff(a.vetoPlayers, b.vetoPlayers) },
        dummies: { gained: setDiff(b.dummies, a.dummies), lost: setDiff(a.dummies, b.dummies) },
        dictator: { old: a.dictator, new: b.dictator },
        // Every seat of either version: a new seat's power is shown against "—", a removed one's too.
        power: Object.fromEntries(
          [...oldSeats, ...seats.added].map((s) => [s, { banzhaf: [a.banzhaf[s]?.normalized ?? null, b.banzhaf[s]?.normalized ?? null] as const, shapleyShubik: [a.shapleyShubik?.[s] ?? null, b.shapleyShubik?.[s] ?? null] as const }]),
        ),
      };
  let verdict: RuleDiff["verdict"];
  let nowWins: BallotProfile | undefined;
  let nowLoses: BallotProfile | undefined;
  let reason: string | undefined;
  const joint = jointBody(oldBody, newBody);
  const o = renameWeights(oldRule.condition, "old", oldBody, joint);
  const n = renameWeights(newRule.condition, "new", newBody, joint);
  const uses = [ballotUse(o), ballotUse(n)];
  const use = { no: uses.some((u) => u.no), abstain: uses.some((u) => u.abstain) };
  const model: RuleDiff["model"] = use.no || use.abstain ? "yes/no/abstain/absent" : "yes/no";
  let decidedBy = model;
  try {
    const asProfile = (yes: string[] | undefined): BallotProfile | undefined =>
      yes && { yes, no: common.filter((s) => !yes.includes(s)), abstain: [], absent: joint.seats.map((s) => s.id).filter((s) => !common.includes(s)) };
    const coalitions = () => {
      // Only common seats vote yes here, the others no: fractions of all seats become the numbers
      // they are in each version, and the game keeps the common seats only (a seat that left does
      // not add a weight dimension of its own).
      const body = commonOnly(joint, common);
      const oc = absoluteOfAll(o, joint);
      const nc = absoluteOfAll(n, joint);
      // Two weighted thresholds: a knapsack at any size. Otherwise exact counts of the joint game.
      const to = asThreshold(body, oc);
      const tn = asThreshold(body, nc);
      if (to && tn) {
        const allowed = to.game.players.map((p) => common.includes(p));
        const gains = thresholdWitness(tn, to, allowed);
        const losses = gains === undefined ? undefined : thresholdWitness(to, tn, allowed);
        if (gains !== undefined && losses !== undefined) {
          nowWins = asProfile(gains?.map((i) => to.game.players[i]!));
          nowLoses = asProfile(losses?.map((i) => to.game.players[i]!));
          return;
        }
      }
      nowWins = asProfile(witness(body, { op: "and", args: [nc, { op: "not", arg: oc }] }, common));
      nowLoses = asProfile(witness(body, { op: "and", args: [oc, { op: "not", arg: nc }] }, common));
    };
    if (model === "yes/no") coalitions();
    else {
      const gains = ballotWitness(joint, n, o, common, use);
      const losses = gains === undefined ? undefined : ballotWitness(joint, o, n, common, use);
      if (gains === undefined || losses === undefined) {
        // Too many ballot profiles. Coalitions are profiles too: witnesses both ways among them
        // settle it (incomparable); anything less says nothing about the other ballots.
        coalitions();
        decidedBy = "yes/no";
        if (!(nowWins && nowLoses)) {
          const what = [use.no ? "no-votes" : "", use.abstain ? "abstentions" : ""].filter(Boolean).join(" and ");
          const found = nowWins ? "more permissive" : nowLoses ? "less permissive" : "equivalent";
          throw new NotCompared(`over yes/no coalitions the new rule is ${found}, but the rules read ${what}, and the ${common.length} seats make more than ${PROFILE_LIMIT.toLocaleString("en")} distinct ballots of yes, no, abstain or absent to compare`);
        }
      } else {
        nowWins = gains ?? undefined;
        nowLoses = losses ?? undefined;
      }
    }
    verdict = !nowWins && !nowLoses ? "equivalent" : nowWins && !nowLoses ? "more permissive" : !nowWins && nowLoses ? "less permissive" : "incomparable";
  } catch (e) {
    if (!(e instanceof AnalysisError) && !(e instanceof GameError) && !(e instanceof NotCompared)) throw e;
    verdict = "not compared";
    reason = e.message;
    // A witness found before giving up is still a fact: it proves the rule changed.
    if (!(e instanceof NotCompared)) nowWins = nowLoses = undefined;
  }
  return { rule: newRule.id, verdict, ...(reason ? { reason } : {}), model: decidedBy, ...(nowWins ? { nowWins } : {}), ...(nowLoses ? { nowLoses } : {}), seats, ...facts };
}

class NotCompared extends Error {}

/** The joint body with the common seats only. */
function commonOnly(joint: BodyJson, common: readonly string[]): BodyJson {
  const keep = new Set(common);
  return { ...joint, seats: joint.seats.filter((s) => keep.has(s.id)), weights: Object.fromEntries(Object.entries(joint.weights).map(([w, t]) => [w, Object.fromEntries(Object.entries(t).filter(([s]) => keep.has(s)))])) };
}

/** Fractions of all seats (or of a weight's total) as the absolute numbers they are over the whole joint body. */
function absoluteOfAll(c: ConditionJson, joint: BodyJson): ConditionJson {
  return mapLeaves(c, (l) => {
    if (l.op !== "compare" || "tally" in l.right || !l.right.relative || l.right.base !== "all") return l;
    const table = joint.weights[l.left.weight!]!;
    const only = l.left.in ? new Set(l.left.in.seats) : undefined;
    const total = Object.entries(table).reduce((acc, [s, v]) => (only && !only.has(s) ? acc : acc.add(Rational.parse(v) ?? Rational.ZERO)), Rational.ZERO);
    return { ...l, right: { value: (Rational.parse(l.right.value) ?? Rational.ZERO).mul(total).toString(), relative: false, base: "all" } };
  });
}

/** Both versions' seats in one body; each version's weights (and seat counts) under its own prefix. */
function jointBody(a: BodyJson, b: BodyJson): BodyJson {
  const ids = [...new Set([...a.seats.map((s) => s.id), ...b.seats.map((s) => s.id)])];
  const weights: Record<string, Record<string, string>> = {};
  for (const [prefix, body] of [["old", a], ["new", b]] as const) {
    const own = new Set(body.seats.map((s) => s.id));
    weights[`${prefix}:__seats`] = Object.fromEntries(ids.map((s) => [s, own.has(s) ? "1" : "0"]));
    for (const [w, table] of Object.entries(body.weights)) weights[`${prefix}:${w}`] = Object.fromEntries(ids.map((s) => [s, table[s] ?? "0"]));
  }
  return { id: b.id, name: b.name, seats: ids.map((id) => ({ id })), weights, rules: [] };
}

/**
 * Each version's tallies over its own weights (`old:votes`, `new:__seats` for heads). A tally over
 * part of the body (`no in A`) becomes a tally of the weight masked to A's seats — the same
 * numbers, fractions of A included — so the ballot search needs no notion of parts.
 */
function renameWeights(c: ConditionJson, prefix: "old" | "new", body: BodyJson, joint: BodyJson): ConditionJson {
  const tally = (t: TallyJson): TallyJson => {
    const weight = `${prefix}:${t.weight ?? "__seats"}`;
    if (!t.in) return { ...t, weight };
    const only = new Set(t.in.seats);
    const name = `${weight}@${[...only].sort().join("+")}`;
    const table = joint.weights[weight]!;
    (joint.weights as Record<string, Record<string, string>>)[name] ??= Object.fromEntries(Object.entries(table).map(([s, v]) => [s, only.has(s) ? v : "0"]));
    return { tally: t.tally, weight: name };
  };
  return mapLeaves(c, (l) => {
    switch (l.op) {
      case "compare":
        return { ...l, left: tally(l.left), right: "tally" in l.right ? tally(l.right) : l.right };
      case "unanimity":
        return { op: "compare", cmp: ">=", left: { tally: "yes", weight: `${prefix}:__seats` }, right: { value: String(body.seats.length), relative: false, base: "all" } };
      case "consensus": // no seat votes no (abstaining and absence do not break a consensus)
        return { op: "compare", cmp: "<=", left: { tally: "no", weight: `${prefix}:__seats` }, right: { value: "0", relative: false, base: "all" } };
      default:
        return l;
    }
  });
}

/** A coalition of `common` seats satisfying the condition, or undefined: decided seat by seat from exact counts. */
function witness(body: BodyJson, condition: ConditionJson, common: readonly string[]): string[] | undefined {
  const game = buildGame(body, { id: "diff", name: "diff", text: "", condition });
  const allowed = game.players.map((p) => common.includes(p));
  const forced = game.players.map(() => false);
  if (countWinningOf(game, allowed, forced) === 0n) return undefined;
  for (let i = 0; i < game.players.length; i++) {
    if (!allowed[i]) continue;
    // Keep seat i out if some witness remains without it, otherwise it must be in.
    allowed[i] = false;
    if (countWinningOf(game, allowed, forced) === 0n) {
      allowed[i] = true;
      forced[i] = true;
    }
  }
  return game.players.filter((_, i) => forced[i]);
}

