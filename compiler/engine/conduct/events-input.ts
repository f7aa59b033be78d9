// Turns a schema-valid events document into a trace, checking it against the rule set: the
// actor is a state, the action is declared with these parameters, the rule and seats exist.
// Problems are reported with the JSON path, like schema errors.
import type { ConductJson, RuleSet } from "../../ruleset/types.js";
import { findRule } from "../rules.js";
import { evaluateVote, VoteError, type Ballot } from "../evaluation/vote.js";
import type { TraceStep } from "./trace.js";
import { exactDecimal } from "../../text/json.js";

export interface EventsDocument {
  readonly events: readonly (
    | { readonly actor: string; readonly action: string; readonly args?: Readonly<Record<string, string | boolean | number | readonly string[]>> }
    | { readonly vote: string; readonly votes: Readonly<Record<string, Ballot>> }
  )[];
}

export class TraceError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

export function traceFromEvents(ruleset: RuleSet, doc: EventsDocument): TraceStep[] {
  const states = new Set(ruleset.states.map((s) => s.id));
  return doc.events.map((e, i): TraceStep => {
    const at = `$.events[${i}]`;
    if ("vote" in e) {
      const found = findRule(ruleset, e.vote);
      if (!found) throw new TraceError(`${at}.vote`, `unknown rule \`${e.vote}\``);
      // Seats, and the states of constituencies (their ballots cast the constituency's vote).
      const seats = new Set(found.body.seats.flatMap((s) => [s.id, ...(s.for ?? [])]));
      for (const seat of Object.keys(e.votes)) if (!seats.has(seat)) throw new TraceError(`${at}.votes.${seat}`, `\`${seat}\` holds no seat in \`${found.body.id}\``);
      // A vote the rule cannot count (a constituency split, a rotation not named) is an input error here, with its path.
      try {
        evaluateVote(found.body, found.rule, e.votes, { counterfactual: false });
      } catch (x) {
        if (x instanceof VoteError) throw new TraceError(`${at}.votes`, x.message);
        throw x;
      }
      return { kind: "vote", rule: e.vote, ballots: e.votes };
    }
    if (!states.has(e.actor)) throw new TraceError(`${at}.actor`, `\`${e.actor}\` is not a state of the design`);
    const action = ruleset.actions.find((a) => a.id === e.action);
    if (!action) throw new TraceError(`${at}.action`, `\`${e.action}\` is not an action of the design`);
    const args: Record<string, string | boolean | readonly string[]> = {};
    for (const [name, value] of Object.entries(e.args ?? {})) {
      const param = action.params.find((p) => p.name === name);
      if (!param) throw new TraceError(`${at}.args.${name}`, `\`${e.action}\` has no parameter \`${name}\` (it has ${action.params.map((p) => `\`${p.name}\``).join(", ")})`);
      if (param.type === "state") {
        for (const s of Array.isArray(value) ? value : [value]) if (typeof s !== "string" || !states.has(s)) throw new TraceError(`${at}.args.${name}`, `expected a state of the design, found ${JSON.stringify(s)}`);
      } else if ((param.type === "number" || param.type === "percentage") && typeof value !== "number" && !(typeof value === "string" && /^-?\d+(\.\d+)?(\/\d+)?%?$/.test(value))) {
        throw new TraceError(`${at}.args.${name}`, `expected a number, found ${JSON.stringify(value)}`);
      }
      // A JSON number from a program is written exactly as the shortest text of the float.
      args[name] = typeof value === "number" ? exactDecimal(String(value)) : value;
    }
    const event: ConductJson = { actor: e.actor, action: e.action, args };
    return { kind: "event", event };
  });
}
