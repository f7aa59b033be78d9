// `mlat diff OLD NEW`: two versions of a design compared rule by rule. Coalitions are compared on
// the seats common to both (a seat only in one version votes no); each direction of change is
// decided exactly by counting the coalitions that win under one rule and lose under the other,
// and a witness coalition is found seat by seat from those exact counts.
import type { BodyJson, ConditionJson, RuleJson, RuleSet, TallyJson } from "../ruleset/types.js";
import { Rational } from "../numbers/rational.js";
import { analyzeRule, countWinningOf, AnalysisError, type RuleAnalysis } from "./analysis/analyze.js";
import { allRules } from "./rules.js";
import { buildGame, GameError } from "./analysis/game.js";

export type Verdict = "equivalent" | "more permissive" | "less permissive" | "incomparable";

export interface RuleDiff {
  readonly rule: string;
  readonly verdict: Verdict | "not comparable";
  readonly reason?: string;
  /** A coalition (of common seats) that wins under the new rule and lost under the old one. */
  readonly nowWins?: readonly string[];
  /** A coalition that won under the old rule and loses under the new one. */
  readonly nowLoses?: readonly string[];
  readonly seats: { readonly common: number; readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly vetoPlayers: { readonly gained: readonly string[]; readonly lost: readonly string[] };
  readonly dummies: { readonly gained: readonly string[]; readonly lost: readonly string[] };
  readonly dictator: { readonly old: string | null; readonly new: string | null };
  /** For seats in both: Banzhaf (normalized) and Shapley–Shubik, old and new. */
  readonly power: Readonly<Record<string, { readonly banzhaf: readonly [string, string]; readonly shapleyShubik: readonly [string | null, string | null] }>>;
}

export interface DesignDiff {
  readonly rules: readonly RuleDiff[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** True when nothing changed: every common rule equivalent, none added or removed. */
  readonly equivalent: boolean;
}

export function diffRuleSets(older: RuleSet, newer: RuleSet): DesignDiff {
  const oldRules = new Map(allRules(older).map((r) => [r.rule.id, r]));
  const newRules = new Map(allRules(newer).map((r) => [r.rule.id, r]));
  const rules: RuleDiff[] = [];
  for (const [id, o] of oldRules) {
    const n = newRules.get(id);
    if (n) rules.push(diffRule(older, newer, o.body, o.rule, n.body, n.rule));
  }
  const added = [...newRules.keys()].filter((id) => !oldRules.has(id));
  const removed = [...oldRules.keys()].filter((id) => !newRules.has(id));
  return { rules, added, removed, equivalent: added.length === 0 && removed.length === 0 && rules.every((r) => r.verdict === "equivalent") };
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
        power: Object.fromEntries(
          common.map((s) => [s, { banzhaf: [a.banzhaf[s]!.normalized, b.banzhaf[s]!.normalized] as const, shapleyShubik: [a.shapleyShubik?.[s] ?? null, b.shapleyShubik?.[s] ?? null] as const }]),
        ),
      };
  let verdict: RuleDiff["verdict"];
  let nowWins: string[] | undefined;
  let nowLoses: string[] | undefined;
  let reason: string | undefined;
  try {
    const joint = jointBody(oldBody, newBody);
    const o = renameWeights(oldRule.condition, "old", oldBody);
    const n = renameWeights(newRule.condition, "new", newBody);
    const gains: ConditionJson = { op: "and", args: [n, { op: "not", arg: o }] };
    const losses: ConditionJson = { op: "and", args: [o, { op: "not", arg: n }] };
    nowWins = witness(joint, gains, common);
    nowLoses = witness(joint, losses, common);
    verdict = !nowWins && !nowLoses ? "equivalent" : nowWins && !nowLoses ? "more permissive" : !nowWins && nowLoses ? "less permissive" : "incomparable";
  } catch (e) {
    if (!(e instanceof AnalysisError) && !(e instanceof GameError)) throw e;
    verdict = "not comparable";
    reason = e.message;
  }
  return { rule: newRule.id, verdict, ...(reason ? { reason } : {}), ...(nowWins ? { nowWins } : {}), ...(nowLoses ? { nowLoses } : {}), seats, ...facts };
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

function renameWeights(c: ConditionJson, prefix: "old" | "new", body: BodyJson): ConditionJson {
  const tally = (t: TallyJson): TallyJson => ({ ...t, weight: `${prefix}:${t.weight ?? "__seats"}` });
  switch (c.op) {
    case "and":
    case "or":
      return { op: c.op, args: c.args.map((x) => renameWeights(x, prefix, body)) };
    case "not":
      return { op: "not", arg: renameWeights(c.arg, prefix, body) };
    case "compare":
      return { ...c, left: tally(c.left), right: "tally" in c.right ? tally(c.right) : c.right };
    case "unanimity":
    case "consensus":
      return { op: "compare", cmp: ">=", left: { tally: "yes", weight: `${prefix}:__seats` }, right: { value: String(body.seats.length), relative: false, base: "all" } };
    default:
      return c;
  }
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

export function formatShare(s: string | null): string {
  return s === null ? "—" : (Rational.parse(s) ?? Rational.ZERO).toPercent(2);
}
