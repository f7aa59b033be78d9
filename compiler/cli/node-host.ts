// The CLI's door to the file system: reading sources (cached) and expanding folders to `*.mlat`
// files, honouring `exclude` in the nearest `mlat.json`.
import { readFileSync, readdirSync, statSync, existsSync, realpathSync } from "node:fs";
import * as path from "node:path";
import type { SourceHost } from "../semantics/program.js";

/** Source files larger than this are refused with MLAT5005 rather than read. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

export class NodeSourceHost implements SourceHost {
  private readonly cache = new Map<string, string | undefined>();
  private readonly problems = new Map<string, string>();
  /** Texts supplied without a file (standard input), by the name diagnostics should show. */
  readonly overrides = new Map<string, string>();

  readFile(file: string): string | undefined {
    const o = this.overrides.get(file);
    if (o !== undefined) return o;
    if (this.cache.has(file)) return this.cache.get(file);
    let text: string | undefined;
    try {
      realpathSync(file); // a symbolic-link loop fails here (ELOOP)
      const st = statSync(file);
      if (!st.isFile()) this.problems.set(file, "not a file");
      else if (st.size > MAX_SOURCE_BYTES) this.problems.set(file, `${(st.size / 1024 / 1024).toFixed(1)} MiB, larger than the 8 MiB mlat reads`);
      else {
        const bytes = readFileSync(file);
        try {
          text = utf8.decode(bytes);
        } catch {
          this.problems.set(file, "not valid UTF-8 text");
        }
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ELOOP") this.problems.set(file, "a loop of symbolic links");
      else if (code === "EACCES") this.problems.set(file, "permission denied");
      text = undefined;
    }
    this.cache.set(file, text);
    return text;
  }

  problem(file: string): string | undefined {
    this.readFile(file);
    return this.problems.get(file);
  }

  /**
   * Imports stay inside the project root: the nearest folder with mlat.json, package.json or .git
   * (else the importing file's folder), plus the folders its mlat.json lists in `allowImports`.
   */
  importRoot(file: string): { root: string; allowed: string[] } | undefined {
    const start = path.dirname(path.resolve(file));
    let d = start;
    for (;;) {
      if (["mlat.json", "package.json", ".git"].some((m) => existsSync(path.join(d, m)))) break;
      const parent = path.dirname(d);
      if (parent === d) {
        d = start;
        break;
      }
      d = parent;
    }
    let allowed: string[] = [];
    const config = path.join(d, "mlat.json");
    if (existsSync(config)) {
      try {
        const parsed = JSON.parse(readFileSync(config, "utf8")) as { allowImports?: unknown };
        if (Array.isArray(parsed.allowImports)) allowed = parsed.allowImports.filter((x): x is string => typeof x === "string").map((a) => sameForm(file, path.resolve(d, a)));
      } catch {
        allowed = [];
      }
    }
    return { root: sameForm(file, d), allowed };
  }

  sources(): Map<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of this.cache) if (v !== undefined) m.set(k, v);
    for (const [k, v] of this.overrides) m.set(k, v);
    return m;
  }
}

/** Normalised, forward-slash, relative to the working directory when inside it. */
/** A folder written the way `file` is: absolute when it is, else relative to the working directory. */
function sameForm(file: string, folder: string): string {
  if (path.isAbsolute(file)) return folder.split(path.sep).join("/");
  return (path.relative(process.cwd(), folder) || ".").split(path.sep).join("/");
}

export function toInternalPath(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  const chosen = rel === "" ? "." : !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : path.resolve(p);
  return chosen.split(path.sep).join("/");
}

export interface ExpandResult {
  readonly files: string[];
  readonly missing: string[];
}

export function expandPaths(inputs: readonly string[]): ExpandResult {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isFile()) files.push(toInternalPath(input));
    else if (st.isDirectory()) {
      // A folder named on the command line is checked even when mlat.json excludes it.
      const excluded = excludesFor(input);
      files.push(...walk(input, excluded(input) ? () => false : excluded).map(toInternalPath));
    }
  }
  return { files: [...new Set(files)], missing };
}

function walk(dir: string, excluded: (p: string) => boolean): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = path.join(dir, e.name);
    if (excluded(full)) continue;
    if (e.isDirectory()) out.push(...walk(full, excluded));
    else if (e.isFile() && e.name.endsWith(".mlat")) out.push(full);
  }
  return out;
}

/** `exclude` patterns of the nearest mlat.json at or above `dir`: `errors/**`, `*.draft.mlat`, `dir/`. */
function excludesFor(dir: string): (p: string) => boolean {
  let d = path.resolve(dir);
  for (;;) {
    const config = path.join(d, "mlat.json");
    if (existsSync(config)) {
      let patterns: string[] = [];
      try {
        const parsed = JSON.parse(readFileSync(config, "utf8")) as { exclude?: unknown };
        if (Array.isArray(parsed.exclude)) patterns = parsed.exclude.filter((x): x is string => typeof x === "string");
      } catch {
        patterns = [];
      }
      const root = d;
      const regexes = patterns.map(globToRegExp);
      return (p) => {
        const rel = path.relative(root, path.resolve(p)).split(path.sep).join("/");
        return regexes.some((r) => r.test(rel));
      };
    }
    const parent = path.dirname(d);
    if (parent === d || existsSync(path.join(d, ".git")) || existsSync(path.join(d, "package.json"))) return () => false;
    d = parent;
  }
}

function globToRegExp(glob: string): RegExp {
  // `dir/`, `dir/**` and `dir` all exclude the folder itself and everything below it.
  const g = glob.replace(/\/(\*\*)?$/, "");
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === "*" && g[i + 1] === "*") {
      re += ".*";
      i++;
      if (g[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}(/.*)?$`);
}
