// Seats held in rotation (`seats group1: 4 of Group1`): at any time only some of a class's seats
// hold a vote. One configuration is the body without the seats that do not hold one this time:
// they leave every tally, veto and `in` list, as if they were not members of the body.
import type { BodyJson, ConditionJson, RuleJson } from "../ruleset/types.js";
import { mapLeaves } from "./condition-map.js";

/** The rotating classes of a body: class → its seats and how many hold a vote at a time. */
export function rotatingClasses(body: BodyJson): { cls: string; seats: string[]; holding: number }[] {
  return Object.entries(body.rotation ?? {}).map(([cls, holding]) => ({ cls, seats: body.seats.filter((s) => s.class === cls).map((s) => s.id), holding }));
}

/** The body and rule as they are when only `holders` of the rotating classes hold a vote. */
export function configuration(body: BodyJson, rule: RuleJson, holders: ReadonlySet<string>): { body: BodyJson; rule: RuleJson } {
  const out = new Set<string>();
  for (const r of rotatingClasses(body)) for (const s of r.seats) if (!holders.has(s)) out.add(s);
  const keep = (s: string) => !out.has(s);
  const weights = Object.fromEntries(Object.entries(body.weights).map(([w, t]) => [w, Object.fromEntries(Object.entries(t).filter(([s]) => keep(s)))]));
  const { rotation: _rotation, ...rest } = body;
  // One mapping for the rule and the body's quorum: the vote evaluator finds the quorum at the
  // head of the rule's condition by equality, so both must change alike.
  const tally = <T extends { readonly in?: { readonly seats: readonly string[]; readonly label: string } }>(t: T): T => (t.in ? { ...t, in: { ...t.in, seats: t.in.seats.filter(keep) } } : t);
  const without = (c: ConditionJson) =>
    mapLeaves(c, (l) => {
      if (l.op === "veto") return { ...l, seats: l.seats.filter(keep) };
      if (l.op !== "compare") return l;
      return { ...l, left: tally(l.left), right: "tally" in l.right ? tally(l.right) : l.right };
    });
  const quorum = body.quorum ? { quorum: { ...body.quorum, condition: without(body.quorum.condition) } } : {};
  return { body: { ...rest, ...quorum, seats: body.seats.filter((s) => keep(s.id)), weights }, rule: { ...rule, condition: without(rule.condition) } };
}

/**
 * Who holds the votes this time: `holding` when given (each rotating class exactly its number),
 * else the seats of each rotating class that the ballot names (yes, no, abstain or absent), when
 * they are exactly as many as hold a vote. An error message otherwise.
 */
export function holdersFor(body: BodyJson, holding: readonly string[] | undefined, present: ReadonlySet<string>): Set<string> | string {
  const holders = new Set<string>();
  for (const r of rotatingClasses(body)) {
    const named = r.seats.filter((s) => present.has(s));
    const chosen = holding ? r.seats.filter((s) => holding.includes(s)) : named;
    if (chosen.length !== r.holding) {
      const said = holding ? `--holding names ${chosen.length}` : `the ballot names ${chosen.length}`;
      return `the seats of \`${r.cls}\` vote in rotation, ${r.holding} of ${r.seats.length} at a time, and ${said}: say which ${r.holding} hold the votes (\`--holding\`, or name exactly them on the ballot)`;
    }
    chosen.forEach((s) => holders.add(s));
  }
  for (const s of holding ?? []) if (!body.seats.some((x) => x.id === s && body.rotation?.[x.class ?? ""] !== undefined)) return `\`${s}\` is not a seat held in rotation in \`${body.id}\``;
  return holders;
}
