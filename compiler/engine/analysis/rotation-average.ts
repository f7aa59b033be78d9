// The power of seats held in rotation, averaged over every equally likely rotation: each way of
// choosing which seats of each rotating class hold the votes is one configuration (rotation.ts),
// all equally likely. Configurations that differ only by seats interchangeable in the rule (the
// same weights, vetoes, `in` lists and class) give the same game with the seats renamed, so one
// representative is analysed per pattern and weighted by how many configurations share it:
// a pattern takes c_g seats of each interchangeable group g (size n_g) in C(n_g, c_g) ways, and a
// seat of g holds a vote in c_g / n_g of them. Exact rationals throughout.
import type { BodyJson, RuleJson } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { configuration, rotatingClasses } from "../rotation.js";

/** At most this many distinct patterns are analysed (each is one exact analysis). */
export const MAX_ROTATION_PATTERNS = 2_000;

export interface RotationPattern {
  /** The seats holding a vote in the representative configuration. */
  readonly holders: ReadonlySet<string>;
  /** How many configurations share the pattern. */
  readonly configurations: bigint;
  /** Seat of a rotating class → the fraction of the pattern's configurations in which it holds a vote, and the representative seat whose power it then has. */
  readonly stand: ReadonlyMap<string, { readonly share: Rational; readonly as: string }>;
}

export class RotationTooLarge extends Error {}

function binomial(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/** Seats interchangeable in the rule: the same weights, the same vetoes and `in` lists. */
function signatures(body: BodyJson, rule: RuleJson): Map<string, string> {
  const lists: (readonly string[])[] = [];
  const walk = (c: RuleJson["condition"]): void => {
    if (c.op === "and" || c.op === "or") c.args.forEach(walk);
    else if (c.op === "not") walk(c.arg);
    else if (c.op === "veto") lists.push(c.seats);
    else if (c.op === "compare") for (const t of [c.left, c.right]) if ("tally" in t && t.in) lists.push(t.in.seats);
  };
  walk(rule.condition);
  if (body.quorum) walk(body.quorum.condition);
  const sets = lists.map((l) => new Set(l));
  const tables = Object.keys(body.weights).sort();
  return new Map(body.seats.map((s) => [s.id, JSON.stringify([s.class ?? "", tables.map((w) => body.weights[w]![s.id] ?? ""), sets.map((x) => x.has(s.id))])]));
}

/** Every pattern of who holds the votes, with how many configurations each stands for. */
export function rotationPatterns(body: BodyJson, rule: RuleJson): { patterns: RotationPattern[]; total: bigint } {
  const sig = signatures(body, rule);
  // Per rotating class: its interchangeable groups, and every way to take `holding` seats from them.
  const perClass = rotatingClasses(body).map((r) => {
    const groups = new Map<string, string[]>();
    for (const s of r.seats) groups.set(sig.get(s)!, [...(groups.get(sig.get(s)!) ?? []), s]);
    const gs = [...groups.values()];
    const choices: number[][] = [];
    const pick = (i: number, left: number, acc: number[]) => {
      if (i === gs.length) {
        if (left === 0) choices.push(acc);
        return;
      }
      for (let c = Math.min(left, gs[i]!.length); c >= 0; c--) pick(i + 1, left - c, [...acc, c]);
      if (choices.length > MAX_ROTATION_PATTERNS) throw new RotationTooLarge(`more than ${MAX_ROTATION_PATTERNS.toLocaleString("en")} different rotations of \`${r.cls}\``);
    };
    pick(0, r.holding, []);
    return { r, gs, choices };
  });
  // Holders are the rotating seats that hold a vote; the others always do (configuration() keeps them).
  let patterns: RotationPattern[] = [{ holders: new Set(), configurations: 1n, stand: new Map() }];
  for (const { gs, choices } of perClass) {
    const next: RotationPattern[] = [];
    for (const p of patterns) {
      for (const choice of choices) {
        const holders = new Set(p.holders);
        const stand = new Map(p.stand);
        let ways = p.configurations;
        choice.forEach((c, i) => {
          const g = gs[i]!;
          g.slice(0, c).forEach((s) => holders.add(s));
          ways *= binomial(g.length, c);
          // Every seat of the group holds a vote in c of its n seats' places, with the power of the first holder.
          for (const s of g) stand.set(s, { share: Rational.of(c).div(Rational.of(g.length)), as: g[0]! });
        });
        next.push({ holders, configurations: ways, stand });
      }
      if (next.length > MAX_ROTATION_PATTERNS) throw new RotationTooLarge(`more than ${MAX_ROTATION_PATTERNS.toLocaleString("en")} different rotations`);
    }
    patterns = next;
  }
  const total = perClass.reduce((t, { r }) => t * binomial(r.seats.length, r.holding), 1n);
  return { patterns, total };
}

/**
 * The average of a per-seat value over every rotation: `value(pattern, seat)` is the seat's value
 * in the pattern's representative configuration (a seat that does not hold a vote there has 0).
 */
export function averageOverRotations(body: BodyJson, patterns: readonly RotationPattern[], total: bigint, value: (p: RotationPattern, seat: string) => Rational): Map<string, Rational> {
  const out = new Map<string, Rational>();
  for (const s of body.seats) {
    let sum = Rational.ZERO;
    for (const p of patterns) {
      const weight = Rational.of(p.configurations).div(Rational.of(total));
      const stand = p.stand.get(s.id);
      const v = stand ? (stand.share.isZero() ? Rational.ZERO : stand.share.mul(value(p, stand.as))) : value(p, s.id);
      sum = sum.add(weight.mul(v));
    }
    out.set(s.id, sum);
  }
  return out;
}

export { configuration };
