// Turns seat lists as people write them on the command line (`USA,GBR,elected*8,P5`) into seat
// ids of a body: seat ids, `class.N`, `class*N` (N seats of the class not yet named), seat
// classes (all their seats) and groups of the rule set (their seated members).
import type { BodyJson, RuleSet } from "../../ruleset/types.js";
import type { Ballot } from "./vote.js";

export class BallotError extends Error {}

/** `rest`: the ballot of every seat not named (absent by default). */
export function ballotsFromLists(ruleset: RuleSet, body: BodyJson, lists: Partial<Record<Ballot, string>>, rest: Ballot = "absent"): Record<string, Ballot> {
  const seatIds = new Set(body.seats.map((s) => s.id));
  const classes = new Map<string, string[]>();
  for (const s of body.seats) if (s.class) classes.set(s.class, [...(classes.get(s.class) ?? []), s.id]);
  const groups = new Map(ruleset.groups.map((g) => [g.id, g.members]));
  const out: Record<string, Ballot> = {};
  // A seat named on its own wins over the same seat reached through a group or a class
  // (`--yes P5 --no RUS`); two explicit ballots for one seat are an error.
  const explicit = new Set<string>();
  for (const pass of ["explicit", "expanded"] as const) {
    for (const choice of ["yes", "no", "abstain", "absent"] as const) {
      const text = lists[choice];
      if (!text) continue;
      for (const raw of text.split(",").map((x) => x.trim()).filter(Boolean)) {
        const isExplicit = seatIds.has(raw) || /^[A-Za-z_][A-Za-z0-9_]*\.\d+$/.test(raw);
        if ((pass === "explicit") !== isExplicit) continue;
        for (const seat of resolve(raw)) {
          if (pass === "expanded" && explicit.has(seat)) continue;
          if (out[seat] !== undefined && out[seat] !== choice) throw new BallotError(`\`${seat}\` is named twice (as ${out[seat]} and as ${choice})`);
          out[seat] = choice;
          if (pass === "explicit") explicit.add(seat);
        }
      }
    }
  }
  for (const s of body.seats) if (out[s.id] === undefined && rest !== "absent") out[s.id] = rest;
  return out;

  function resolve(item: string): string[] {
    const star = /^([A-Za-z_][A-Za-z0-9_]*)\s*\*\s*(\d+)$/.exec(item);
    if (star) {
      const seats = classes.get(star[1]!);
      if (!seats) throw new BallotError(`\`${star[1]}\` is not a seat class of \`${body.id}\``);
      const free = seats.filter((s) => out[s] === undefined);
      const n = Number(star[2]);
      if (n > free.length) throw new BallotError(`\`${item}\` asks for ${n} seats but ${free.length} of the class \`${star[1]}\` are left`);
      return free.slice(0, n);
    }
    if (seatIds.has(item)) return [item];
    const cls = classes.get(item);
    if (cls) return cls;
    const members = groups.get(item);
    if (members) return members.filter((m) => seatIds.has(m));
    throw new BallotError(`\`${item}\` is not a seat, seat class or group of \`${body.id}\``);
  }
}
