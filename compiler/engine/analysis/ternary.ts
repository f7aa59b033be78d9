// Power in the ternary model (Felsenthal & Machover, "Ternary voting games", 1997): every seat
// votes yes, abstains or votes no, each of the 3^n profiles equally likely. A seat's Banzhaf
// swings are the profiles of the others where its yes carries the motion and its no defeats it;
// an abstention's own effect is counted apart (abstaining instead of voting yes defeats the
// motion; instead of voting no, carries it). So casting votes, `of voting` and `of present` rules
// show what they do, which the yes/no model of the literature cannot. Profiles are counted by
// kinds of interchangeable seats with multinomial weights, exactly.
import type { BodyJson, RuleJson } from "../../ruleset/types.js";
import { Rational } from "../../numbers/rational.js";
import { addVotes, ballotSums, seatKinds, type Sums } from "../ballot-sums.js";

/** Profiles of the others visited at most, summed over the kinds of seats. */
export const TERNARY_LIMIT = 2_000_000;

export interface TernaryPower {
  readonly model: "yes/abstain/no";
  /** 3^n: every seat votes yes, abstains or votes no; absence is not a fourth option here. */
  readonly profiles: string;
  /** Profiles of the others (3^(n−1)) where the seat's yes carries the motion and its no defeats it. */
  readonly banzhaf: Readonly<Record<string, { readonly swings: string; readonly absolute: string; readonly normalized: string }>>;
  /** Profiles of the others where abstaining instead of yes defeats, or instead of no carries, the motion. */
  readonly abstention: Readonly<Record<string, { readonly insteadOfYes: string; readonly insteadOfNo: string }>>;
  /** Whether yes never does worse than abstaining, and abstaining never worse than no. */
  readonly monotone: boolean;
}

export class TernaryError extends Error {}

export function ternaryPower(body: BodyJson, rule: RuleJson, limit = TERNARY_LIMIT): TernaryPower {
  const sums = ballotSums(body, [rule.condition]);
  const holds = sums.holds[0]!;
  const seats = body.seats.map((s) => s.id);
  const kinds = seatKinds(sums, seats);
  // Ways of the others, per kind of the seat in question: the product of C(m + 2, 2) over kinds.
  let work = 0;
  for (const own of kinds) {
    let product = 1;
    for (const k of kinds) {
      const m = k.seats.length - (k === own ? 1 : 0);
      product *= ((m + 1) * (m + 2)) / 2;
    }
    work += product;
    if (work > limit) {
      throw new TernaryError(
        `the ternary model counts every profile of yes, abstain and no by kinds of interchangeable seats: the ${seats.length} seats form ${kinds.length} kinds, more than ${limit.toLocaleString("en")} profiles to count`,
      );
    }
  }
  const factorial = [1n];
  for (let i = 1; i <= seats.length; i++) factorial.push(factorial[i - 1]! * BigInt(i));
  const banzhaf: Record<string, { swings: string; absolute: string; normalized: string }> = {};
  const abstention: Record<string, { insteadOfYes: string; insteadOfNo: string }> = {};
  const swingsOf = new Map<string, bigint>();
  let monotone = true;
  const others = 3n ** BigInt(Math.max(0, seats.length - 1));
  for (const own of kinds) {
    const counts = kinds.map((k) => k.seats.length - (k === own ? 1 : 0));
    const s: Sums = [sums.dims.map(() => 0n), sums.dims.map(() => 0n), sums.dims.map(() => 0n), [...sums.all]];
    const vetoNo = sums.vetoSets.map(() => 0);
    let swings = 0n;
    let insteadOfYes = 0n;
    let insteadOfNo = 0n;
    const outcome = (ballot: 0 | 1 | 2): boolean => {
      addVotes(s, vetoNo, own, ballot, 1);
      const r = holds(s, vetoNo);
      addVotes(s, vetoNo, own, ballot, -1);
      return r;
    };
    const visit = (i: number, ways: bigint): void => {
      if (i === kinds.length) {
        const yes = outcome(0);
        const abstain = outcome(2);
        const no = outcome(1);
        if (yes && !no) swings += ways;
        if (yes && !abstain) insteadOfYes += ways;
        if (abstain && !no) insteadOfNo += ways;
        if ((!yes && abstain) || (!abstain && no) || (!yes && no)) monotone = false;
        return;
      }
      const m = counts[i]!;
      const k = kinds[i]!;
      for (let y = 0; y <= m; y++) {
        addVotes(s, vetoNo, k, 0, y);
        for (let n = 0; n <= m - y; n++) {
          const a = m - y - n;
          addVotes(s, vetoNo, k, 1, n);
          addVotes(s, vetoNo, k, 2, a);
          visit(i + 1, ways * (factorial[m]! / (factorial[y]! * factorial[n]! * factorial[a]!)));
          addVotes(s, vetoNo, k, 2, -a);
          addVotes(s, vetoNo, k, 1, -n);
        }
        addVotes(s, vetoNo, k, 0, -y);
      }
    };
    visit(0, 1n);
    for (const seat of own.seats) {
      swingsOf.set(seat, swings);
      abstention[seat] = { insteadOfYes: Rational.of(insteadOfYes, others).toString(), insteadOfNo: Rational.of(insteadOfNo, others).toString() };
    }
  }
  const total = [...swingsOf.values()].reduce((a, b) => a + b, 0n);
  for (const seat of seats) {
    const w = swingsOf.get(seat)!;
    banzhaf[seat] = { swings: w.toString(), absolute: Rational.of(w, others).toString(), normalized: total === 0n ? "0" : Rational.of(w, total).toString() };
  }
  return { model: "yes/abstain/no", profiles: (3n ** BigInt(seats.length)).toString(), banzhaf, abstention, monotone };
}
