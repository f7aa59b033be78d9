// Glob patterns for `exclude` in mlat.json, matched in linear time: `*` (any run within a path
// segment), `?` (one character), `**` (any number of segments), and a trailing `/` or `/**` for
// a folder and everything below it. A regular-expression translation (picomatch's) backtracks
// exponentially on patterns such as `*a*a*a*…*b`; this matcher never does.

/** Whether `text` matches `pattern` where `*` and `?` do not cross `/` (greedy with one backtrack point). */
function matchSegmentWise(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = -1;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === "*") {
      starP = p++;
      starT = t;
    } else if (pc !== undefined && (pc === text[t] || (pc === "?" && text[t] !== "/"))) {
      p++;
      t++;
    } else if (starP >= 0 && text[starT] !== "/") {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/** Matches one pattern (split at `**`) against a relative path, each `**` spanning whole segments. */
function matchParts(parts: readonly string[], segments: readonly string[], i: number, j: number, memo: Map<number, boolean>): boolean {
  const key = i * (segments.length + 1) + j;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let result: boolean;
  if (i === parts.length) result = j === segments.length;
  else if (parts[i] === "**") {
    result = false;
    for (let k = j; k <= segments.length && !result; k++) result = matchParts(parts, segments, i + 1, k, memo);
  } else {
    // A run of segments without `**`: match as many segments as the run has.
    const run = parts[i]!.split("/");
    result = j + run.length <= segments.length && run.every((r, k) => matchSegmentWise(r, segments[j + k]!)) && matchParts(parts, segments, i + 1, j + run.length, memo);
  }
  memo.set(key, result);
  return result;
}

export function compileGlob(glob: string): (relativePath: string) => boolean {
  // `dir/`, `dir/**` and `dir` all exclude the folder itself and everything below it.
  const g = glob.replace(/\/(\*\*)?$/, "").replace(/^\.\//, "");
  const parts = g.split(/(?:^|\/)\*\*(?:\/|$)/).flatMap((p, k, all) => (k < all.length - 1 ? [p, "**"] : [p])).filter((p) => p !== "");
  return (rel) => {
    const segments = rel.split("/").filter((s) => s !== "");
    // The pattern names the path or one of its folders.
    for (let n = segments.length; n >= 1; n--) if (matchParts(parts, segments.slice(0, n), 0, 0, new Map())) return true;
    return false;
  };
}
