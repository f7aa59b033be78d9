// The simple game of a rule: every seat votes yes or no, and a coalition (the seats voting yes)
// wins when the rule's condition holds. Each comparison becomes a linear threshold over a
// "dimension" (integer weights per player, exact after scaling); a veto is a threshold over the
// indicator of its seats. The counting methods (dp.ts, mitm.ts, enumerate.ts) work on this form.
import type { BodyJson, ConditionJson, RuleJson, TallyJson } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { atLeast, splitWeights, type Split } from "./fine-weights.js";
import { weightValues } from "../weight-values.js";

/** Holds when lo ≤ sum ≤ hi (either bound may be absent), inverted when `negate`. */
export interface Atom {
  readonly dim: number;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly negate: boolean;
}

export type GameCondition =
  | { readonly kind: "atom"; readonly atom: number }
  | { readonly kind: "and" | "or"; readonly args: readonly GameCondition[] }
  | { readonly kind: "not"; readonly arg: GameCondition }
  | { readonly kind: "const"; readonly value: boolean };

export interface Game {
  readonly players: readonly string[];
  /** dims[d][i]: player i's integer weight in dimension d (non-negative unless `mixedSigns`). */
  readonly dims: readonly (readonly number[])[];
  readonly totals: readonly number[];
  readonly atoms: readonly Atom[];
  readonly condition: GameCondition;
  /** Index of the all-ones dimension (coalition size), if one of the atoms uses it. */
  readonly countDim: number | undefined;
  /** Some dimension mixes positive and negative weights: only enumeration can count it. */
  readonly mixedSigns: boolean;
}

export class GameError extends Error {}

type Linear = { readonly coef: readonly Rational[]; readonly constant: Rational };

export function buildGame(body: BodyJson, rule: RuleJson): Game {
  const players = body.seats.map((s) => s.id);
  const n = players.length;
  const dimKeys = new Map<string, number>();
  const dims: number[][] = [];
  const atoms: Atom[] = [];
  const weightOf = (w: string | undefined): Rational[] => {
    if (!w) return players.map(() => Rational.ONE);
    const table = body.weights[w];
    if (!table) throw new GameError(`the weight \`${w}\` is not in the rule set`);
    const values = weightValues(table);
    return players.map((p) => {
      const r = values.get(p);
      if (!r) throw new GameError(`the seat \`${p}\` has no value for the weight \`${w}\``);
      return r;
    });
  };
  const total = (ws: Rational[]) => ws.reduce((a, b) => a.add(b), Rational.ZERO);

  /** A tally as constant + Σ coef_i x_i, where x_i = 1 when seat i votes yes. */
  /** The weight, zero outside `in` when the tally is over part of the body. */
  const masked = (t: TallyJson): Rational[] => {
    const w = weightOf(t.weight);
    if (!t.in) return w;
    const only = new Set(t.in.seats);
    return w.map((x, i) => (only.has(players[i]!) ? x : Rational.ZERO));
  };
  const tally = (t: TallyJson): Linear => {
    const w = masked(t);
    if (t.tally === "yes") return { coef: w, constant: Rational.ZERO };
    if (t.tally === "no") return { coef: w.map((x) => x.neg()), constant: total(w) };
    // In the yes/no model every seat is there: all are present, none abstains or is absent.
    if (t.tally === "present") return { coef: w.map(() => Rational.ZERO), constant: total(w) };
    return { coef: w.map(() => Rational.ZERO), constant: Rational.ZERO };
  };

  const addAtom = (coef: readonly Rational[], op: string, rhs: Rational): GameCondition => {
    // Σ coef_i x_i  op  rhs, with rational coefficients: scale to integers, reduce, fix the sign.
    let lcm = 1n;
    for (const c of [...coef, rhs]) lcm = (lcm * c.den) / gcd(lcm, c.den);
    let ints = coef.map((c) => (c.num * lcm) / c.den);
    let bound = rhs.mul(Rational.of(lcm));
    if (ints.every((x) => x === 0n)) return { kind: "const", value: compareConst(0n, op, bound) };
    const g = ints.reduce((a, b) => gcd(a, b < 0n ? -b : b), 0n);
    ints = ints.map((x) => x / g);
    bound = bound.div(Rational.of(g));
    if (ints.every((x) => x <= 0n)) {
      ints = ints.map((x) => -x);
      bound = bound.neg();
      op = flip(op);
    }
    const key = ints.join(",");
    const sum = ints.reduce((a, b) => a + (b < 0n ? -b : b), 0n);
    if (sum > BigInt(Number.MAX_SAFE_INTEGER)) return fineAtom(key, ints, op, bound);
    const atom = toInterval(dimOf(key, () => ints.map((x) => Number(x))), op, bound);
    if ("value" in atom) return { kind: "const", value: atom.value };
    atoms.push(atom);
    return { kind: "atom", atom: atoms.length - 1 };
  };

  const dimOf = (key: string, weights: () => number[]): number => {
    let dim = dimKeys.get(key);
    if (dim === undefined) {
      dim = dims.length;
      dimKeys.set(key, dim);
      dims.push(weights());
    }
    return dim;
  };
  const interval = (dim: number, lo: number | null, hi: number | null): GameCondition => {
    atoms.push({ dim, lo, hi, negate: false });
    return { kind: "atom", atom: atoms.length - 1 };
  };

  /** A comparison on weights too fine for doubles, over their high and low parts (fine-weights.ts). */
  const fineAtom = (key: string, ints: bigint[], op: string, bound: Rational): GameCondition => {
    const split: Split | undefined = splitWeights(ints);
    if (!split) throw new GameError("the weights are too fine to count exactly (even their parts above 2^53 add up past 2^53)");
    const high = dimOf(`high:${key}`, () => split.high);
    const low = dimOf(`low:${key}`, () => split.low);
    const geq = (t: bigint): GameCondition => {
      const form = atLeast(split, t);
      if (typeof form === "boolean") return { kind: "const", value: form };
      const args = [interval(high, form.highAbove + 1, null), ...form.clauses.map((c): GameCondition => ({ kind: "and", args: [interval(high, c.high, c.high), interval(low, c.lowAtLeast, null)] }))];
      return { kind: "or", args };
    };
    const not = (c: GameCondition): GameCondition => ({ kind: "not", arg: c });
    switch (op) {
      case ">=": return geq(bound.ceil());
      case ">": return geq(bound.floor() + 1n);
      case "<=": return not(geq(bound.floor() + 1n));
      case "<": return not(geq(bound.ceil()));
      case "=": return bound.isInteger() ? { kind: "and", args: [geq(bound.num), not(geq(bound.num + 1n))] } : { kind: "const", value: false };
      default: return bound.isInteger() ? not({ kind: "and", args: [geq(bound.num), not(geq(bound.num + 1n))] }) : { kind: "const", value: true };
    }
  };

  const lower = (c: ConditionJson): GameCondition => {
    switch (c.op) {
      case "and":
      case "or":
        return { kind: c.op, args: c.args.map(lower) };
      case "not":
        return { kind: "not", arg: lower(c.arg) };
      case "unanimity":
      case "consensus":
        // With every seat voting yes or no, both mean: every seat votes yes.
        return addAtom(players.map(() => Rational.ONE), ">=", Rational.of(n));
      case "veto": {
        const holders = new Set(c.seats);
        if (holders.size === 0) return { kind: "const", value: true };
        return addAtom(players.map((p) => (holders.has(p) ? Rational.ONE : Rational.ZERO)), ">=", Rational.of(holders.size));
      }
      case "compare": {
        const left = tally(c.left);
        let right: Linear;
        if ("tally" in c.right) right = tally(c.right);
        else {
          const v = Rational.parse(c.right.value) ?? Rational.ZERO;
          // In the game nobody abstains or stays away, so "of voting" and "of present" are "of all".
          const base = c.right.relative ? total(masked(c.left)) : Rational.ONE;
          right = { coef: players.map(() => Rational.ZERO), constant: c.right.relative ? v.mul(base) : v };
        }
        const coef = left.coef.map((x, i) => x.sub(right.coef[i]!));
        return addAtom(coef, c.cmp, right.constant.sub(left.constant));
      }
    }
  };

  const condition = simplify(lower(rule.condition));
  const countKey = players.map(() => "1").join(",");
  const countDim = dimKeys.get(countKey);
  return {
    players,
    dims,
    totals: dims.map((d) => d.reduce((a, b) => a + Math.max(0, b), 0)),
    atoms,
    condition,
    countDim,
    mixedSigns: dims.some((d) => d.some((x) => x < 0)),
  };
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function flip(op: string): string {
  return ({ ">=": "<=", ">": "<", "<=": ">=", "<": ">", "=": "=", "!=": "!=" } as Record<string, string>)[op]!;
}

function compareConst(s: bigint, op: string, t: Rational): boolean {
  const c = Rational.of(s).compare(t);
  return op === ">=" ? c >= 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : op === "<" ? c < 0 : op === "=" ? c === 0 : c !== 0;
}

/** An integer sum s compared with a rational t, as an interval on s. */
function toInterval(dim: number, op: string, t: Rational): Atom | { value: boolean } {
  const num = (x: bigint) => Number(x);
  switch (op) {
    case ">=": return { dim, lo: num(t.ceil()), hi: null, negate: false };
    case ">": return { dim, lo: num(t.floor() + 1n), hi: null, negate: false };
    case "<=": return { dim, lo: null, hi: num(t.floor()), negate: false };
    case "<": return { dim, lo: null, hi: num(t.ceil() - 1n), negate: false };
    case "=": return t.isInteger() ? { dim, lo: num(t.num), hi: num(t.num), negate: false } : { value: false };
    default: return t.isInteger() ? { dim, lo: num(t.num), hi: num(t.num), negate: true } : { value: true };
  }
}

function simplify(c: GameCondition): GameCondition {
  if (c.kind === "not") {
    const a = simplify(c.arg);
    return a.kind === "const" ? { kind: "const", value: !a.value } : { kind: "not", arg: a };
  }
  if (c.kind === "and" || c.kind === "or") {
    const args: GameCondition[] = [];
    for (const a of c.args.map(simplify)) {
      if (a.kind === "const") {
        if (a.value === (c.kind === "or")) return a; // true in an `or`, false in an `and`
        continue;
      }
      args.push(a);
    }
    if (args.length === 0) return { kind: "const", value: c.kind === "and" };
    return args.length === 1 ? args[0]! : { kind: c.kind, args };
  }
  return c;
}

/** Compiles the condition to a function of the dimension sums (called millions of times). */
export function compileCondition(game: Game): (sums: ArrayLike<number>) => boolean {
  const build = (c: GameCondition): ((s: ArrayLike<number>) => boolean) => {
    switch (c.kind) {
      case "const": {
        const v = c.value;
        return () => v;
      }
      case "atom": {
        const a = game.atoms[c.atom]!;
        const d = a.dim;
        const lo = a.lo ?? -Infinity;
        const hi = a.hi ?? Infinity;
        return a.negate ? (s) => !(s[d]! >= lo && s[d]! <= hi) : (s) => s[d]! >= lo && s[d]! <= hi;
      }
      case "not": {
        const f = build(c.arg);
        return (s) => !f(s);
      }
      case "and": {
        const fs = c.args.map(build);
        return (s) => fs.every((f) => f(s));
      }
      case "or": {
        const fs = c.args.map(build);
        return (s) => fs.some((f) => f(s));
      }
    }
  };
  return build(game.condition);
}

/** True when the condition is built from lower bounds with `and`/`or` only (no `not`, no upper bounds). */
export function monotoneByForm(game: Game): boolean {
  if (game.mixedSigns) return false;
  const ok = (c: GameCondition): boolean => {
    switch (c.kind) {
      case "const": return true;
      case "not": return false;
      case "and":
      case "or": return c.args.every(ok);
      case "atom": {
        const a = game.atoms[c.atom]!;
        return !a.negate && a.hi === null;
      }
    }
  };
  return ok(game.condition);
}

