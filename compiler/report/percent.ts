// Shares as people read them, the same in the table, the report and the diff: two decimals, and
// "<0.01%" for a share that is positive but would round to nothing (never "0.00%" for a real power).
import { Rational } from "../numbers/rational.js";

export function percent(s: string | null | undefined): string {
  if (s === null || s === undefined) return "—";
  const r = Rational.parse(s) ?? Rational.ZERO;
  // Non-monotone rules can give negative values: those are shown as they are.
  return r.compare(Rational.ZERO) > 0 && r.compare(Rational.of(1, 10000)) < 0 ? "<0.01%" : r.toPercent(2);
}
