// The import graph of the code base, for the architecture rules in tidy.test.ts: every static,
// dynamic and side-effect import, resolved to files, and the cycles between files and folders.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import * as path from "node:path";

export interface ImportEdge {
  readonly from: string;
  /** As written. */
  readonly spec: string;
  /** The file it resolves to (relative to the root), when it is one of ours. */
  readonly to?: string;
  readonly typeOnly: boolean;
}

export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      if (e === "node_modules" || e.startsWith(".")) continue;
      const full = path.join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|mts)$/.test(e) && !e.endsWith(".d.ts")) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  for (const d of dirs) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  return out.sort();
}

/** Every import of a file: `import … from`, `export … from`, `import "x"`, `import("x")`. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(path.join(root, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const edges: ImportEdge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    let to: string | undefined;
    if (spec.startsWith(".")) {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const candidates = [base.replace(/\.js$/, ".ts"), base + ".ts", base.replace(/\.mjs$/, ".mts"), base + "/index.ts"];
      to = candidates.find((c) => existsSync(path.join(root, c))) ?? base;
    }
    edges.push({ from: file, spec, ...(to ? { to } : {}), typeOnly });
  };
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gm)) add(m[4]!, !!m[2] || /^\{\s*type\s/.test(m[3]!) && !/,\s*(?!type\s)\w/.test(m[3]!.replace(/^\{\s*type\s+\w+/, "")));
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) add(m[1]!, false);
  for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(m[1]!, false);
  return edges;
}

/** Strongly connected components with more than one member (Tarjan), each sorted. */
export function cycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return out;
}

/** The folder a compiler file belongs to: `compiler/syntax/lexer.ts` → `syntax`, `compiler/index.ts` → `.` */
export function compilerFolder(file: string): string {
  const parts = file.split("/");
  return parts.length > 2 ? parts[1]! : ".";
}
