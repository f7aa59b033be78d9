// Voting blocs: a group that votes as one in a body, by its own internal rule. The composite game
// has two levels: inside the bloc the members decide how all its seats vote; outside, the bloc is
// one player holding all its members' seats and weight. For the absolute Banzhaf index a member's
// power in the composite game is exactly its power inside the bloc times the bloc's power outside
// (the product property of compound games), so both levels are computed exactly and multiplied.
import type { BlocJson, BodyJson, RuleJson, RuleSet, TallyJson } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { analyzeRule, type RuleAnalysis } from "./analyze.js";
import { mapLeaves } from "../condition-map.js";

export interface BlocAnalysis {
  readonly bloc: string;
  readonly rule: string;
  readonly members: readonly string[];
  /** The bloc as one player in the body: Banzhaf (normalized, absolute) and Shapley–Shubik. */
  readonly power: { readonly banzhaf: { readonly normalized: string; readonly absolute: string }; readonly shapleyShubik: string | null };
  /** Each member's power inside the bloc (absolute Banzhaf of the internal rule). */
  readonly internal: Readonly<Record<string, string>>;
  /** Each member's indirect power: internal × the bloc's absolute Banzhaf, exact. */
  readonly indirect: Readonly<Record<string, string>>;
  /** The same members voting on their own: absolute and normalized Banzhaf, Shapley–Shubik. */
  readonly independent: Readonly<Record<string, { readonly absolute: string; readonly normalized: string; readonly shapleyShubik: string | null }>>;
  /** Indirect against independent absolute Banzhaf. */
  readonly verdict: Readonly<Record<string, "gains" | "loses" | "same">>;
}

const SEATS = "__seats";

/** The body with the bloc's seats merged into one seat named after the bloc. */
export function mergedBody(body: BodyJson, bloc: BlocJson): BodyJson {
  const members = new Set(bloc.members);
  const seats = [...body.seats.filter((s) => !members.has(s.id)), { id: bloc.id }];
  const weights: Record<string, Record<string, string>> = {};
  for (const [w, table] of Object.entries(body.weights)) {
    const merged: Record<string, string> = {};
    let blocTotal = Rational.ZERO;
    for (const [seat, v] of Object.entries(table)) {
      if (members.has(seat)) blocTotal = blocTotal.add(Rational.parse(v) ?? Rational.ZERO);
      else merged[seat] = v;
    }
    merged[bloc.id] = blocTotal.toString();
    weights[w] = merged;
  }
  weights[SEATS] = Object.fromEntries(seats.map((s) => [s.id, s.id === bloc.id ? String(members.size) : "1"]));
  return { ...body, seats, weights, rules: [] };
}

/** The rule over the merged body: seat counts become the `__seats` weight, vetoes pass to the bloc. */
export function mergedRule(rule: RuleJson, bloc: BlocJson): RuleJson {
  const members = new Set(bloc.members);
  const tally = (t: TallyJson): TallyJson => (t.weight ? t : { ...t, weight: SEATS });
  const condition = mapLeaves(rule.condition, (c) => {
    if (c.op === "veto") return { op: "veto", seats: [...new Set(c.seats.map((s) => (members.has(s) ? bloc.id : s)))], holder: c.holder };
    if (c.op === "compare") return { ...c, left: tally(c.left), right: "tally" in c.right ? tally(c.right) : c.right };
    return c;
  });
  return { ...rule, condition };
}

export function analyzeBloc(ruleset: RuleSet, bloc: BlocJson, body: BodyJson, rule: RuleJson): BlocAnalysis {
  const outside = analyzeRule(ruleset, mergedBody(body, bloc), mergedRule(rule, bloc), { listLimit: 0 });
  const innerBody: BodyJson = { ...body, seats: body.seats.filter((s) => bloc.members.includes(s.id)), weights: bloc.weights, rules: [] };
  const inside = analyzeRule(ruleset, innerBody, { id: `${body.id}.bloc:${bloc.id}`, name: bloc.id, text: bloc.text, condition: bloc.condition }, { listLimit: 0, shapley: false });
  const alone: RuleAnalysis = analyzeRule(ruleset, body, rule, { listLimit: 0 });
  const blocAbsolute = Rational.parse(outside.banzhaf[bloc.id]!.absolute)!;
  const internal: Record<string, string> = {};
  const indirect: Record<string, string> = {};
  const independent: Record<string, { absolute: string; normalized: string; shapleyShubik: string | null }> = {};
  const verdict: Record<string, "gains" | "loses" | "same"> = {};
  for (const m of bloc.members) {
    const inner = Rational.parse(inside.banzhaf[m]!.absolute)!;
    const ind = inner.mul(blocAbsolute);
    const own = Rational.parse(alone.banzhaf[m]!.absolute)!;
    internal[m] = inner.toString();
    indirect[m] = ind.toString();
    independent[m] = { absolute: own.toString(), normalized: alone.banzhaf[m]!.normalized, shapleyShubik: alone.shapleyShubik?.[m] ?? null };
    const c = ind.compare(own);
    verdict[m] = c > 0 ? "gains" : c < 0 ? "loses" : "same";
  }
  return {
    bloc: bloc.id,
    rule: rule.id,
    members: bloc.members,
    power: { banzhaf: { normalized: outside.banzhaf[bloc.id]!.normalized, absolute: outside.banzhaf[bloc.id]!.absolute }, shapleyShubik: outside.shapleyShubik?.[bloc.id] ?? null },
    internal,
    indirect,
    independent,
    verdict,
  };
}
