// "Did you mean": the closest candidate by edit distance, case-insensitively first. Built for
// hostile input too: candidates are indexed by length once, only those within the distance limit
// of the word's length are compared, the distance is a banded computation that stops past the
// limit, and very long words get no suggestion. A design with thousands of unknown names against
// thousands of states stays linear in practice.

/** Words longer than this get no suggestion (no real name is this long; the work would be wasted). */
export const MAX_SUGGESTED_LENGTH = 64;

/** The allowed number of edits for a word: a third of its length; names of one or two letters only differ in case. */
function limitFor(length: number): number {
  return length <= 2 ? 0 : Math.max(1, Math.floor(length / 3));
}

/** Edit distance if it is at most `max`, else max + 1 (Ukkonen's band: O(max · length)). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  const big = max + 1;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    cur.fill(big);
    cur[0] = i <= max ? i : big;
    let rowMin = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v > big ? big : v;
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return big;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n]!, big);
}

/** The full edit distance (for small inputs and tests). */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

/** Comparisons left for a whole program: past it, unknown names get no suggestion (never a hang). */
export class SuggestionBudget {
  constructor(public left = 5_000_000) {}
}

export interface Scored {
  readonly name: string;
  readonly score: number;
}

/** Candidates indexed once, asked many times. */
export class Suggester {
  private readonly byLength = new Map<number, { name: string; lower: string }[]>();
  private readonly byLower = new Map<string, string[]>();
  /** For one-edit questions: every candidate under itself and each of its one-letter deletions. */
  private deletions: Map<string, { name: string; lower: string }[]> | undefined;

  constructor(candidates: Iterable<string>, private readonly budget = new SuggestionBudget()) {
    for (const name of new Set(candidates)) {
      const lower = name.toLowerCase();
      const list = this.byLength.get(name.length);
      if (list) list.push({ name, lower });
      else this.byLength.set(name.length, [{ name, lower }]);
      const same = this.byLower.get(lower);
      if (same) same.push(name);
      else this.byLower.set(lower, [name]);
    }
  }

  closest(word: string): string | undefined {
    return this.scored(word)?.name;
  }

  /** The closest candidate and its distance (0: differs only in case). */
  scored(word: string): Scored | undefined {
    if (word.length > MAX_SUGGESTED_LENGTH || word.length === 0) return undefined;
    const lower = word.toLowerCase();
    // A name that differs only in case wins (the first in name order).
    const cased = this.byLower.get(lower)?.filter((c) => c !== word).sort()[0];
    if (cased !== undefined) return { name: cased, score: 0 };
    const limit = limitFor(word.length);
    if (limit === 0) return undefined;
    let best: string | undefined;
    let bestScore = limit + 1;
    const consider = (c: { name: string; lower: string }) => {
      if (c.name === word) return;
      const score = boundedDistance(lower, c.lower, Math.min(limit, bestScore));
      if (score < bestScore || (score === bestScore && best !== undefined && c.name < best)) {
        best = c.name;
        bestScore = score;
      }
    };
    if (limit === 1) {
      // One edit: look the word and its deletions up instead of comparing with every candidate.
      const index = this.deletionIndex();
      const seen = new Set<string>();
      for (const key of [lower, ...deletionsOf(lower)]) {
        for (const c of index.get(key) ?? []) {
          if (seen.has(c.name)) continue;
          seen.add(c.name);
          consider(c);
        }
      }
    } else {
      for (let len = word.length - limit; len <= word.length + limit; len++) {
        const list = this.byLength.get(len) ?? [];
        if (this.budget.left < list.length) return undefined;
        this.budget.left -= list.length;
        for (const c of list) consider(c);
      }
    }
    return best !== undefined && bestScore <= limit ? { name: best, score: bestScore } : undefined;
  }

  private deletionIndex(): Map<string, { name: string; lower: string }[]> {
    if (this.deletions) return this.deletions;
    const index = new Map<string, { name: string; lower: string }[]>();
    const add = (key: string, c: { name: string; lower: string }) => {
      const list = index.get(key);
      if (list) list.push(c);
      else index.set(key, [c]);
    };
    for (const list of this.byLength.values()) {
      for (const c of list) {
        if (c.lower.length > MAX_SUGGESTED_LENGTH + 1) continue;
        add(c.lower, c);
        for (const d of new Set(deletionsOf(c.lower))) add(d, c);
      }
    }
    return (this.deletions = index);
  }
}

function deletionsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** The better of several suggesters' answers (a smaller distance, then the first name). */
export function bestOf(answers: readonly (Scored | undefined)[]): string | undefined {
  let best: Scored | undefined;
  for (const a of answers) if (a && (!best || a.score < best.score || (a.score === best.score && a.name < best.name))) best = a;
  return best?.name;
}

/** One question, no index (the command line's few lookups). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).closest(word);
}
