// Appending without spreading: `a.push(...b)` passes every element as an argument and overflows
// the stack past about 100,000 elements (a group of every state of a large design).
export function append<T>(to: T[], from: readonly T[]): T[] {
  for (const x of from) to.push(x);
  return to;
}

/** The largest of many numbers (`Math.max(...xs)` overflows the stack on large arrays). */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  for (const x of xs) if (x > m) m = x;
  return m;
}

export function minOf(xs: Iterable<number>, empty = Infinity): number {
  let m = empty;
  for (const x of xs) if (x < m) m = x;
  return m;
}
