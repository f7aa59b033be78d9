// The server's door to the disk: reading files that are not open, and finding the workspace's designs.
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import type { SourceHost } from "../compiler/index.js";

export const diskHost: SourceHost = {
  readFile(p) {
    if (!p.startsWith("/") && !/^[A-Za-z]:/.test(p)) return undefined;
    try {
      return statSync(p).isFile() && statSync(p).size < 10 * 1024 * 1024 ? readFileSync(p, "utf8") : undefined;
    } catch {
      return undefined;
    }
  },
};

/** Every `*.mlat` below the folders (skipping node_modules and hidden folders), at most `limit`. */
export function findDesigns(folders: readonly string[], limit = 5000): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (out.length >= limit || depth > 12) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile() && e.name.endsWith(".mlat")) out.push(full.split(path.sep).join("/"));
    }
  };
  for (const f of folders) walk(f, 0);
  return out;
}
