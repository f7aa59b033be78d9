// The indirect power of the states of a constituency with an `inside` rule: a two-tier game, as
// for blocs. The constituency's states decide its one vote by the inside rule; the seat then
// counts in the body. Each state's indirect power is its absolute Banzhaf inside times the seat's
// absolute Banzhaf in the body — the two-tier measure of the literature on the IMF's
// constituencies (Leech 2002) and of Penrose's square-root rule. It is the composite game's
// absolute Banzhaf exactly when the body's other seats vote freely (each yes with probability
// 1/2: no other constituency decides by an inside rule); tests/real-institutions.test.ts checks
// that case against the composite game enumerated by brute force.
import type { BodyJson, RuleJson, RuleSet } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { insideBody } from "../evaluation/constituencies.js";

export interface ConstituencyPower {
  /** The inside rule as written. */
  readonly inside: string;
  /** Each state: its absolute Banzhaf inside the constituency, and indirect (inside × the seat's). */
  readonly states: Readonly<Record<string, { readonly internal: string; readonly indirect: string }>>;
}

type Analyse = (ruleset: RuleSet, body: BodyJson, rule: RuleJson) => { readonly banzhaf: Readonly<Record<string, { readonly absolute: string }>> };

/** Constituency seat → the power of its states, for every constituency with an inside rule. */
export function constituencyPower(ruleset: RuleSet, body: BodyJson, banzhaf: Readonly<Record<string, { readonly absolute: string }>>, analyse: Analyse): Record<string, ConstituencyPower> | undefined {
  const out: Record<string, ConstituencyPower> = {};
  for (const seat of body.seats) {
    if (!seat.inside || !seat.for) continue;
    const inner = analyse(ruleset, insideBody(body, seat), { id: `${body.id}.${seat.id}.inside`, name: "inside", text: seat.inside.text, condition: seat.inside.condition });
    const outer = Rational.parse(banzhaf[seat.id]?.absolute ?? "0")!;
    const states: Record<string, { internal: string; indirect: string }> = {};
    for (const s of seat.for) {
      const internal = Rational.parse(inner.banzhaf[s]!.absolute)!;
      states[s] = { internal: internal.toString(), indirect: internal.mul(outer).toString() };
    }
    out[seat.id] = { inside: seat.inside.text, states };
  }
  return Object.keys(out).length ? out : undefined;
}
