// Expanding the paths given on the command line: files as they are, folders to the `*.mlat`
// files below them (sorted, hidden folders and node_modules skipped, `exclude` of mlat.json
// honoured). Paths come back in the compiler's form: `/`-separated, relative to the working
// directory when inside it.
import { lstatSync, readdirSync, statSync, type Stats } from "node:fs";
import * as path from "node:path";
import { projectOf, realPath } from "./project.js";
import { errnoReason } from "./read.js";

export interface ExpandResult {
  readonly files: string[];
  /** Paths that do not exist. */
  readonly missing: string[];
  /** Paths that exist but cannot be read as designs, with the reason (a FIFO, a device, no permission). */
  readonly unreadable: { readonly path: string; readonly reason: string }[];
}

export function toInternalPath(p: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, p);
  const rel = path.relative(cwd, abs);
  const chosen = rel === "" ? "." : rel !== ".." && !rel.startsWith(".." + path.sep) && !path.isAbsolute(rel) ? rel : abs;
  return chosen.split(path.sep).join("/");
}

export function expandPaths(inputs: readonly string[]): ExpandResult {
  const files: string[] = [];
  const missing: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  for (const input of inputs) {
    let st: Stats;
    try {
      st = statSync(input);
    } catch (e) {
      const reason = errnoReason(e);
      if (reason === "no such file") missing.push(input);
      else unreadable.push({ path: input, reason });
      continue;
    }
    if (st.isFile()) files.push(toInternalPath(input));
    else if (st.isDirectory()) {
      // A folder named on the command line is checked even when mlat.json excludes it.
      const project = projectOf(input);
      const excluded = (full: string) => {
        const rel = path.relative(project.root, realPath(full)).split(path.sep).join("/");
        return !rel.startsWith("..") && project.excluded(rel);
      };
      const self = excluded(input);
      walk(input, self ? () => false : excluded, files, unreadable);
    } else unreadable.push({ path: input, reason: "not a regular file or a folder" });
  }
  return { files: [...new Set(files)], missing, unreadable };
}

function walk(dir: string, excluded: (p: string) => boolean, files: string[], unreadable: { path: string; reason: string }[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    unreadable.push({ path: dir, reason: errnoReason(e) });
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = path.join(dir, e.name);
    if (excluded(full)) continue;
    if (e.isDirectory()) walk(full, excluded, files, unreadable);
    else if (e.name.endsWith(".mlat")) {
      if (e.isFile()) files.push(toInternalPath(full));
      else if (e.isSymbolicLink()) {
        // A link is followed when it leads to a regular file; a loop or a device is named.
        try {
          if (statSync(full).isFile()) files.push(toInternalPath(full));
          else unreadable.push({ path: toInternalPath(full), reason: "a link to something that is not a regular file" });
        } catch (err) {
          unreadable.push({ path: toInternalPath(full), reason: errnoReason(err) });
        }
      } else unreadable.push({ path: toInternalPath(full), reason: lstatSync(full).isFIFO() ? "a named pipe (FIFO), not a regular file" : "not a regular file" });
    }
  }
}
