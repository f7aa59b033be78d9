// Evaluates one vote under a rule of a compiled rule set: adopted or rejected, with every
// condition's numbers as reasons, the vetoes cast, and the smallest change that would flip it.
// Exact rational arithmetic throughout; abstaining is not a veto.
import type { BodyJson, CitationJson, ConditionJson, RuleJson, TallyJson } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { counterfactual, type Counterfactual } from "./counterfactual.js";
import { countsIn, seatsHoldingAVote, type Ballot } from "./ballot.js";
import { castConstituencies, ConstituencyError, type ConstituencyCast } from "./constituencies.js";
import { configuration, holdersFor } from "../rotation.js";
import { weightValues } from "../weight-values.js";

export type { Ballot };

export interface ConditionTrace {
  readonly holds: boolean;
  /** The condition with its numbers, e.g. "yes 8, needs ≥ 9". */
  readonly text: string;
  readonly children?: readonly ConditionTrace[];
  /** For comparisons: the exact values compared. */
  readonly value?: string;
  readonly threshold?: string;
}

export interface VoteResult {
  readonly rule: string;
  /** The provision the rule comes from, so that every explanation can name it. */
  readonly cite?: CitationJson;
  readonly outcome: "adopted" | "rejected";
  /** Over the seats that hold a vote on this rule. */
  readonly tally: { readonly yes: number; readonly no: number; readonly abstain: number; readonly absent: number };
  /** Seats that hold no vote on this rule (weight 0 in every tally that could count them). */
  readonly notHolding?: readonly string[];
  readonly conditions: ConditionTrace;
  /** Whether the body's quorum was met, when the body has one. */
  readonly quorum?: { readonly met: boolean; readonly text: string };
  /**
   * Seats that vetoed the motion: each voted no, and its no alone rejects the motion even when
   * every other seat votes yes (an explicit `veto`, consensus, or a de facto veto such as a
   * share of votes above the blocking threshold).
   */
  readonly vetoedBy: readonly string[];
  readonly counterfactual?: Counterfactual;
  /** Constituencies whose vote was cast from their states' ballots. */
  readonly constituencies?: readonly ConstituencyCast[];
}

export class VoteError extends Error {}

/** The ballots of every seat; seats not named are absent. Unknown seats are an error. */
export function normalizeBallots(body: BodyJson, ballots: Readonly<Record<string, Ballot>>): Map<string, Ballot> {
  const seats = new Set(body.seats.map((s) => s.id));
  const out = new Map<string, Ballot>();
  for (const s of body.seats) out.set(s.id, "absent");
  for (const [seat, b] of Object.entries(ballots)) {
    if (!seats.has(seat)) throw new VoteError(`\`${seat}\` holds no seat in \`${body.id}\``);
    out.set(seat, b);
  }
  return out;
}

export function evaluateVote(fullBody: BodyJson, fullRule: RuleJson, given: Readonly<Record<string, Ballot>>, options: { counterfactual?: boolean; holding?: readonly string[] } = {}): VoteResult {
  // The states of a constituency, when named, cast its one vote.
  let ballots: Record<string, Ballot>, cast: ConstituencyCast[];
  try {
    ({ ballots, cast } = castConstituencies(fullBody, given, (inside, condition, votes) => new Evaluator(inside, votes).holds(condition)));
  } catch (e) {
    if (e instanceof ConstituencyError) throw new VoteError(e.message);
    throw e;
  }
  // Seats held in rotation: only this time's holders are in the body.
  let body = fullBody, rule = fullRule;
  let rotatedOut: string[] = [];
  if (fullBody.rotation) {
    const holders = holdersFor(fullBody, options.holding, new Set(Object.keys(ballots)));
    if (typeof holders === "string") throw new VoteError(holders);
    ({ body, rule } = configuration(fullBody, fullRule, holders));
    const inBody = new Set(body.seats.map((s) => s.id));
    rotatedOut = fullBody.seats.map((s) => s.id).filter((s) => !inBody.has(s));
    // Without `holding` the holders are the seats the ballot names, so only with it can a seat out
    // of the rotation have a ballot (from `--rest`): it is set aside, and listed as not counted.
    for (const s of rotatedOut) delete ballots[s];
  }
  const votes = normalizeBallots(body, ballots);
  const ev = new Evaluator(body, votes);
  let conditions = ev.trace(rule.condition);
  // The body's quorum comes first in every rule: say so in the reasons.
  let quorum: VoteResult["quorum"];
  const c = rule.condition;
  if (body.quorum && c.op === "and" && c.args.length === 2 && JSON.stringify(c.args[0]) === JSON.stringify(body.quorum.condition)) {
    const q = conditions.children![0]!;
    quorum = { met: q.holds, text: body.quorum.text };
    conditions = { ...conditions, children: [{ ...q, text: q.holds ? `quorum: ${body.quorum.text}` : `no quorum: ${body.quorum.text} fails` }, conditions.children![1]!] };
  }
  // The tally reports the seats that hold a vote on this rule; the others are named apart.
  const holding = seatsHoldingAVote(body, rule.condition);
  const notHolding = [...rotatedOut, ...body.seats.map((s) => s.id).filter((s) => !holding.has(s))];
  const count = (b: Ballot) => [...votes].filter(([seat, v]) => v === b && holding.has(seat)).length;
  const outcome = conditions.holds ? "adopted" : "rejected";
  const vetoedBy: string[] = [];
  if (outcome === "rejected") {
    for (const [seat, b] of votes) {
      if (b !== "no") continue;
      const alone = new Map<string, Ballot>([...votes.keys()].map((s) => [s, s === seat ? "no" : "yes"]));
      if (!new Evaluator(body, alone).holds(rule.condition)) vetoedBy.push(seat);
    }
  }
  const result: VoteResult = {
    rule: rule.id,
    ...(rule.cite ? { cite: rule.cite } : {}),
    outcome,
    tally: { yes: count("yes"), no: count("no"), abstain: count("abstain"), absent: count("absent") },
    ...(notHolding.length ? { notHolding } : {}),
    conditions,
    vetoedBy,
    ...(quorum ? { quorum } : {}),
    ...(cast.length ? { constituencies: cast } : {}),
  };
  if (options.counterfactual === false) return result;
  const cf = counterfactual(body, rule, votes, outcome, (v) => new Evaluator(body, v).holds(rule.condition));
  return cf ? { ...result, counterfactual: cf } : result;
}

/** Whether the rule adopts the motion under these ballots (no reasons: the fast path). */
export function adopts(body: BodyJson, rule: RuleJson, votes: ReadonlyMap<string, Ballot>): boolean {
  return new Evaluator(body, votes).holds(rule.condition);
}

const symbol: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "!=": "≠" };

export function show(r: Rational): string {
  return r.isInteger() ? r.toString() : r.toDecimal(2).replace(/\.?0+$/, "");
}

class Evaluator {


  constructor(private readonly body: BodyJson, private readonly votes: ReadonlyMap<string, Ballot>) {}

  /** ": Art. 23(1)" when the veto holder is a seat class with a citation. */
  private classCite(holder: string): string {
    const c = this.body.classCites?.[holder];
    return c ? `: ${c.text}` : "";
  }

  private weight(name: string | undefined, seat: string): Rational {
    if (!name) return Rational.ONE;
    const raw = this.body.weights[name];
    if (!raw) throw new VoteError(`the weight \`${name}\` is not in the rule set`);
    const table = weightValues(raw);
    const v = table.has(seat) ? (table.get(seat) ?? Rational.ZERO) : undefined;
    if (!v) throw new VoteError(`the seat \`${seat}\` has no value for the weight \`${name}\``);
    return v;
  }

  /** Σ of the weight over the seats whose ballot passes `which` (and that are `within`, when given). */
  private sum(weight: string | undefined, which: (b: Ballot) => boolean, within?: TallyJson["in"]): Rational {
    let acc = Rational.ZERO;
    const only = within ? new Set(within.seats) : undefined;
    for (const [seat, b] of this.votes) if (which(b) && (!only || only.has(seat))) acc = acc.add(this.weight(weight, seat));
    return acc;
  }

  private tally(t: TallyJson): Rational {
    return this.sum(t.weight, (b) => countsIn(t.tally, b), t.in);
  }

  holds(c: ConditionJson): boolean {
    switch (c.op) {
      case "and": return c.args.every((a) => this.holds(a));
      case "or": return c.args.some((a) => this.holds(a));
      case "not": return !this.holds(c.arg);
      case "unanimity": return [...this.votes.values()].every((b) => b === "yes");
      case "consensus": return [...this.votes.values()].every((b) => b !== "no");
      case "veto": return c.seats.every((s) => this.votes.get(s) !== "no");
      case "compare": {
        const { left, threshold } = this.compareValues(c);
        return compare(left, c.cmp, threshold);
      }
    }
  }

  private compareValues(c: Extract<ConditionJson, { op: "compare" }>): { left: Rational; threshold: Rational; base?: Rational; baseName?: string } {
    const left = this.tally(c.left);
    if ("tally" in c.right) return { left, threshold: this.tally(c.right) };
    const v = Rational.parse(c.right.value) ?? Rational.ZERO;
    if (!c.right.relative) return { left, threshold: v };
    const w = c.left.weight;
    const within = c.left.in; // `no in A <= 1/2`: half of A's seats
    const base =
      c.right.base === "all" ? this.sum(w, () => true, within) : c.right.base === "voting" ? this.sum(w, (b) => b === "yes" || b === "no", within) : this.sum(w, (b) => b !== "absent", within);
    return { left, threshold: v.mul(base), base, baseName: c.right.base === "all" ? (w ? "" : "seats") : c.right.base };
  }

  trace(c: ConditionJson): ConditionTrace {
    switch (c.op) {
      case "and":
      case "or": {
        const children = c.args.map((a) => this.trace(a));
        const holds = c.op === "and" ? children.every((x) => x.holds) : children.some((x) => x.holds);
        return { holds, text: c.op === "and" ? (holds ? "all of these hold" : "not all of these hold") : holds ? "one of these holds" : "none of these holds", children };
      }
      case "not": {
        const inner = this.trace(c.arg);
        return { holds: !inner.holds, text: inner.holds ? "negated condition holds, so this fails" : "negated condition fails, so this holds", children: [inner] };
      }
      case "unanimity": {
        const missing = [...this.votes].filter(([, b]) => b !== "yes").map(([s]) => s);
        return { holds: missing.length === 0, text: missing.length === 0 ? "unanimity: every seat voted yes" : `unanimity: ${list(missing)} did not vote yes` };
      }
      case "consensus": {
        const objectors = [...this.votes].filter(([, b]) => b === "no").map(([s]) => s);
        return { holds: objectors.length === 0, text: objectors.length === 0 ? "consensus: no seat voted no" : `consensus: ${list(objectors)} voted no` };
      }
      case "veto": {
        const vetoing = c.seats.filter((s) => this.votes.get(s) === "no");
        return { holds: vetoing.length === 0, text: vetoing.length === 0 ? `no veto from ${c.holder}` : `vetoed by ${list(vetoing)} (${c.holder}${this.classCite(c.holder)})` };
      }
      case "compare": {
        const { left, threshold, base, baseName } = this.compareValues(c);
        const holds = compare(left, c.cmp, threshold);
        const name = `${c.left.weight ? `${c.left.tally} by ${c.left.weight}` : c.left.tally}${c.left.in ? ` in ${c.left.in.label}` : ""}`;
        let needs: string;
        if ("tally" in c.right) needs = `${symbol[c.cmp]} ${c.right.weight ? `${c.right.tally} by ${c.right.weight}` : c.right.tally}${c.right.in ? ` in ${c.right.in.label}` : ""} ${show(threshold)}`;
        else if (c.right.relative && base) {
          const share = base.isZero() ? "" : ` (${left.div(base).toPercent()} of ${show(base)}${baseName ? " " + baseName : ""})`;
          needs = `${symbol[c.cmp]} ${relativeText(c.right.value)} = ${show(threshold)}`;
          return { holds, text: `${name} ${show(left)}${share}, needs ${needs}`, value: left.toString(), threshold: threshold.toString() };
        } else needs = `${symbol[c.cmp]} ${show(threshold)}`;
        return { holds, text: `${name} ${show(left)}, needs ${needs}`, value: left.toString(), threshold: threshold.toString() };
      }
    }
  }
}

function relativeText(value: string): string {
  const r = Rational.parse(value) ?? Rational.ZERO;
  const pct = r.mul(Rational.of(100));
  return pct.isInteger() ? `${pct}%` : r.toString();
}

function list(xs: readonly string[]): string {
  return xs.length <= 6 ? xs.join(", ") : `${xs.slice(0, 5).join(", ")} and ${xs.length - 5} more`;
}

export function compare(a: Rational, op: string, b: Rational): boolean {
  const c = a.compare(b);
  switch (op) {
    case ">=": return c >= 0;
    case ">": return c > 0;
    case "<=": return c <= 0;
    case "<": return c < 0;
    case "=": return c === 0;
    default: return c !== 0;
  }
}
