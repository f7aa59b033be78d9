// A rule set's weight tables as exact values, parsed once per table: the vote evaluator (thousands
// of evaluations in the search for the smallest change) and the game builder (tens of thousands of
// games in the check of a large design) read the same tables again and again. Rule sets are not
// changed once made, so a table object stands for its values.
import { Rational } from "../numbers/rational.js";

const parsed = new WeakMap<object, ReadonlyMap<string, Rational | undefined>>();

/** Seat id → its exact value (undefined when the text is not a number). */
export function weightValues(table: Readonly<Record<string, string>>): ReadonlyMap<string, Rational | undefined> {
  let values = parsed.get(table);
  if (!values) parsed.set(table, (values = new Map(Object.entries(table).map(([seat, v]) => [seat, Rational.parse(v)]))));
  return values;
}
