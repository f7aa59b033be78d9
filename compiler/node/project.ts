// The project a file belongs to: the nearest folder at or above it with an mlat.json, a
// package.json or a .git (else the file's own folder), found on real paths (symbolic links
// resolved), and its mlat.json settings. Read once per folder.
import { existsSync, realpathSync } from "node:fs";
import * as path from "node:path";
import { decodeUtf8, readBounded, ReadProblem } from "./read.js";
import { MAX_CONFIG_BYTES } from "./limits.js";
import { compileGlob } from "./glob.js";

export interface ProjectConfig {
  /** Absolute real path of the project root. */
  readonly root: string;
  /** The mlat.json, when there is one. */
  readonly configFile?: string;
  /** Absolute real paths of folders outside the root that designs may import from. */
  readonly allowImports: readonly string[];
  /** Whether a path (relative to the root, `/`-separated) is excluded from folder walks. */
  readonly excluded: (relative: string) => boolean;
  /** `lineWidth` for `mlat fmt`, when set. */
  readonly lineWidth?: number;
  /** What was wrong with mlat.json, if anything (it is then ignored). */
  readonly problem?: string;
}

const markers = ["mlat.json", "package.json", ".git"];
const cache = new Map<string, ProjectConfig>();

export function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    // A file that does not exist yet: resolve its folder.
    const dir = path.dirname(p);
    if (dir === p) return path.resolve(p);
    return path.join(realPath(dir), path.basename(p));
  }
}

/** The project of a folder (absolute or relative to the working directory). */
export function projectOf(folder: string): ProjectConfig {
  const start = realPath(path.resolve(folder));
  const hit = cache.get(start);
  if (hit) return hit;
  let root = start;
  for (let d = start; ; ) {
    if (markers.some((m) => existsSync(path.join(d, m)))) {
      root = d;
      break;
    }
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  const config = readConfig(root);
  cache.set(start, config);
  return config;
}

function readConfig(root: string): ProjectConfig {
  const file = path.join(root, "mlat.json");
  const none: ProjectConfig = { root, allowImports: [], excluded: () => false };
  if (!existsSync(file)) return none;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(readBounded(file, MAX_CONFIG_BYTES)));
  } catch (e) {
    return { ...none, configFile: file, problem: e instanceof ReadProblem ? e.reason : `not valid JSON: ${(e as Error).message}` };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { ...none, configFile: file, problem: "expected a JSON object" };
  const o = parsed as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const globs = strings(o["exclude"]).map(compileGlob);
  const width = o["lineWidth"];
  return {
    root,
    configFile: file,
    allowImports: strings(o["allowImports"]).map((a) => realPath(path.resolve(root, a))),
    excluded: (rel) => globs.some((g) => g(rel)),
    ...(typeof width === "number" && Number.isInteger(width) && width >= 20 && width <= 1000 ? { lineWidth: width } : {}),
  };
}

/** Whether `inner` is `outer` or inside it (both absolute real paths). */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (rel !== ".." && !rel.startsWith(".." + path.sep) && !path.isAbsolute(rel));
}
