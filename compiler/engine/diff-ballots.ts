// Two rules compared over every ballot profile — each seat votes yes, no or abstains, or is
// absent — not only over yes/no coalitions: `yes >= 2/3` and `yes >= 2/3 of voting` agree on
// every coalition yet differ when seats abstain. Seats that are interchangeable for both rules
// (same weights in both versions, same vetoes) form one kind, and a profile is known up to how
// many seats of each kind vote each way (ballot-sums.ts), so a council of five vetoes and ten
// elected seats is C(8, 3) · C(13, 3) = 16,016 profiles, not 4^15.
import type { BodyJson, ConditionJson } from "../ruleset/types.js";
import { addVotes, ballotSums, seatKinds, type SeatKind, type Sums } from "./ballot-sums.js";

export type Ballot = "yes" | "no" | "abstain" | "absent";

/** A ballot profile, seat ids by ballot. */
export interface BallotProfile {
  readonly yes: readonly string[];
  readonly no: readonly string[];
  readonly abstain: readonly string[];
  readonly absent: readonly string[];
}

/** Profiles visited at most (each costs one evaluation of both rules over the kinds). */
export const PROFILE_LIMIT = 3_000_000;

/** What a condition reads from a ballot, beyond the set of seats voting yes. */
export interface BallotUse {
  /** No-votes matter (vetoes, `no` tallies, `of voting`, consensus). */
  readonly no: boolean;
  /** Abstaining differs from being absent (`abstain` tallies, `of present`). */
  readonly abstain: boolean;
}

export function ballotUse(c: ConditionJson): BallotUse {
  switch (c.op) {
    case "and":
    case "or": {
      const parts = c.args.map(ballotUse);
      return { no: parts.some((p) => p.no), abstain: parts.some((p) => p.abstain) };
    }
    case "not":
      return ballotUse(c.arg);
    case "veto":
    case "consensus":
      return { no: true, abstain: false };
    case "unanimity":
      return { no: false, abstain: false };
    case "compare": {
      const tallies = [c.left, ...("tally" in c.right ? [c.right] : [])];
      const base = "tally" in c.right || !c.right.relative ? "all" : c.right.base;
      return {
        no: tallies.some((t) => t.tally !== "yes") || base !== "all",
        // `present` and `absent` tell an abstention (there) from an absence (not there).
        abstain: tallies.some((t) => t.tally === "abstain" || t.tally === "present" || t.tally === "absent") || base === "present",
      };
    }
  }
}

/**
 * A profile under which `a` holds and `b` does not, seats of `only` aside (they are absent), or
 * null when there is none; undefined when there are more than PROFILE_LIMIT profiles.
 */
export function ballotWitness(body: BodyJson, a: ConditionJson, b: ConditionJson, seats: readonly string[], use: BallotUse): BallotProfile | null | undefined {
  const sums = ballotSums(body, [a, b]);
  const [holdsA, holdsB] = sums.holds as [(s: Sums, v: readonly number[]) => boolean, (s: Sums, v: readonly number[]) => boolean];
  const kinds = seatKinds(sums, seats);
  // Ways a kind of k seats can vote: (yes, no, abstain), the rest absent; only the ballots the
  // rules can tell apart.
  const options = kinds.map((k) => {
    const out: [number, number, number][] = [];
    const n = k.seats.length;
    for (let y = 0; y <= n; y++)
      for (let no = 0; no <= (use.no ? n - y : 0); no++)
        for (let ab = 0; ab <= (use.abstain ? n - y - no : 0); ab++) out.push([y, no, ab]);
    // Fewest seats abstaining or absent first: the witness found first is the least surprising.
    return out.sort((p, q) => p[0] + p[1] - (q[0] + q[1]) > 0 ? -1 : p[0] + p[1] === q[0] + q[1] ? p[2] - q[2] : 1);
  });
  let total = 1;
  for (const o of options) {
    total *= o.length;
    if (total > PROFILE_LIMIT) return undefined;
  }
  const choice = new Array<number>(kinds.length).fill(0);
  // The "all" totals (index 3) do not depend on the profile: every seat of the body counts.
  const s: Sums = [sums.dims.map(() => 0n), sums.dims.map(() => 0n), sums.dims.map(() => 0n), [...sums.all]];
  const vetoNo = sums.vetoSets.map(() => 0);
  for (;;) {
    for (let b = 0; b < 3; b++) s[b]!.fill(0n);
    vetoNo.fill(0);
    kinds.forEach((k, i) => {
      const [y, no, ab] = options[i]![choice[i]!]!;
      addVotes(s, vetoNo, k, 0, y);
      addVotes(s, vetoNo, k, 1, no);
      addVotes(s, vetoNo, k, 2, ab);
    });
    if (holdsA(s, vetoNo) && !holdsB(s, vetoNo)) return profileOf(body, kinds, options, choice, seats);
    let i = 0;
    for (; i < kinds.length; i++) {
      if (++choice[i]! < options[i]!.length) break;
      choice[i] = 0;
    }
    if (i === kinds.length) return null;
  }
}

function profileOf(body: BodyJson, kinds: readonly SeatKind[], options: readonly (readonly [number, number, number][])[], choice: readonly number[], seats: readonly string[]): BallotProfile {
  const out: Record<Ballot, string[]> = { yes: [], no: [], abstain: [], absent: [] };
  kinds.forEach((k, i) => {
    const [y, no, ab] = options[i]![choice[i]!]!;
    k.seats.forEach((s, j) => out[j < y ? "yes" : j < y + no ? "no" : j < y + no + ab ? "abstain" : "absent"].push(s));
  });
  const order = new Map(body.seats.map((s, i) => [s.id, i]));
  for (const b of Object.keys(out) as Ballot[]) out[b].sort((x, y) => order.get(x)! - order.get(y)!);
  for (const s of body.seats) if (!seats.includes(s.id)) out.absent.push(s.id);
  return out;
}
