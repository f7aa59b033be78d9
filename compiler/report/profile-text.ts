// A ballot profile as a person reads it: the largest group is "everyone else", the others are
// named (long lists cut short), so a witness over 190 seats is one line, not 190 names.
import type { BallotProfile } from "../engine/diff-ballots.js";
import { namedSeats, NO_NAMES, type SeatNaming } from "./seat-names.js";

const ORDER = ["yes", "no", "abstain", "absent"] as const;

export function profileText(p: BallotProfile, naming: SeatNaming = NO_NAMES): string {
  const groups = ORDER.map((b) => ({ ballot: b, seats: p[b] })).filter((g) => g.seats.length > 0);
  if (groups.length === 0) return "no seats";
  const largest = groups.reduce((a, b) => (b.seats.length > a.seats.length ? b : a));
  const rest = groups.filter((g) => g !== largest);
  if (rest.length === 0) return `everyone ${largest.ballot}`;
  const named = rest.map((g) => `${namedSeats(g.seats, naming)} ${g.ballot}`);
  return `${named.join("; ")}; ${largest.seats.length === 1 ? namedSeats(largest.seats, naming) : "everyone else"} ${largest.ballot}`;
}
