// Turns seat lists as people write them on the command line (`USA,GBR,elected*8,P5`) into seat
// ids of a body: seat ids, `class.N`, `class*N` (N seats of the class not yet named), seat
// classes (all their seats), groups of the rule set (their seated members), and expressions of
// these as in the language (`SADC - { ZWE }`, `EU27 & NATO`, `(A + B) - C`).
import type { BodyJson, RuleSet } from "../../ruleset/types.js";
import type { Ballot } from "./vote.js";

export class BallotError extends Error {}

/** `rest`: the ballot of every seat not named (absent by default). */
export function ballotsFromLists(ruleset: RuleSet, body: BodyJson, lists: Partial<Record<Ballot, string>>, rest: Ballot = "absent"): Record<string, Ballot> {
  const seatIds = new Set(body.seats.map((s) => s.id));
  // The states of constituencies may be named too: their ballots cast the constituency's vote.
  const forStates = new Map(body.seats.flatMap((s) => (s.for ?? []).map((m) => [m, s.id] as const)));
  const named = (id: string) => seatIds.has(id) || forStates.has(id);
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
      for (const raw of splitTopLevel(text)) {
        const isExplicit = named(raw) || /^[A-Za-z_][A-Za-z0-9_]*\.\d+$/.test(raw);
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
  const castByStates = new Set(Object.keys(out).filter((k) => forStates.has(k)).map((k) => forStates.get(k)!));
  for (const s of body.seats) if (out[s.id] === undefined && rest !== "absent" && !castByStates.has(s.id)) out[s.id] = rest;
  return out;

  function resolve(item: string): string[] {
    if (/[-+&{}()]/.test(item)) return expression(item);
    const star = /^([A-Za-z_][A-Za-z0-9_]*)\s*\*\s*(\d+)$/.exec(item);
    if (star) {
      const seats = classes.get(star[1]!);
      if (!seats) throw new BallotError(`\`${star[1]}\` is not a seat class of \`${body.id}\``);
      const free = seats.filter((s) => out[s] === undefined);
      const n = Number(star[2]);
      if (n > free.length) throw new BallotError(`\`${item}\` asks for ${n} seats but ${free.length} of the class \`${star[1]}\` are left`);
      return free.slice(0, n);
    }
    if (named(item)) return [item];
    const cls = classes.get(item);
    if (cls) return cls;
    const members = groups.get(item);
    if (members) return members.filter(named);
    throw new BallotError(`\`${item}\` is not a seat, seat class or group of \`${body.id}\``);
  }

  /** `A - { B, C }`, `A + B`, `A & B`, `( … )`, left to right as in the language. */
  function expression(text: string): string[] {
    const tokens = text.match(/[A-Za-z_][A-Za-z0-9_]*(?:\.\d+)?|[-+&{}(),]/g) ?? [];
    let i = 0;
    const fail = (why: string): never => {
      throw new BallotError(`\`${text}\`: ${why}`);
    };
    const atom = (): string[] => {
      const t = tokens[i++];
      if (t === undefined) return fail("a name, `{ … }` or `( … )` is missing at the end");
      if (t === "(") {
        const inner = expr();
        if (tokens[i++] !== ")") fail("a `)` is missing");
        return inner;
      }
      if (t === "{") {
        const out: string[] = [];
        while (tokens[i] !== "}") {
          const name = tokens[i++];
          if (name === undefined) return fail("a `}` is missing");
          if (name === ",") continue;
          out.push(...resolve(name));
        }
        i++;
        return out;
      }
      if (/^[-+&})]$/.test(t)) return fail(`\`${t}\` where a name was expected`);
      return resolve(t);
    };
    const expr = (): string[] => {
      let acc = atom();
      while (tokens[i] === "+" || tokens[i] === "-" || tokens[i] === "&") {
        const op = tokens[i++];
        const right = new Set(atom());
        acc = op === "+" ? [...new Set([...acc, ...right])] : op === "-" ? acc.filter((s) => !right.has(s)) : acc.filter((s) => right.has(s));
      }
      return acc;
    };
    const seats = expr();
    if (i < tokens.length) fail(`unexpected \`${tokens[i]}\``);
    return seats;
  }
}

/** The list split at commas that are not inside `{ … }` or `( … )`. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{" || c === "(") depth++;
    else if (c === "}" || c === ")") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}
