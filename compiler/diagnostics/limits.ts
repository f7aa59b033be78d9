// Bounds on what renderers print, the same in every format: a diagnostic excerpt is a window
// around its column, and each file shows a limited number of diagnostics, then how many more.
import type { Diagnostic } from "./diagnostic.js";
import { LineIndex } from "../text/span.js";

/** Diagnostics shown per file by the pretty renderer; machine formats show more. */
export const PRETTY_PER_FILE = 100;
export const MACHINE_PER_FILE = 5000;

export interface Limited {
  readonly shown: readonly Diagnostic[];
  /** File → how many were left out. */
  readonly omitted: ReadonlyMap<string, number>;
}

/** The first `perFile` diagnostics of each file (they come sorted), in linear time. */
export function limitPerFile(diagnostics: readonly Diagnostic[], perFile: number): Limited {
  const counts = new Map<string, number>();
  const omitted = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of diagnostics) {
    const n = (counts.get(d.file) ?? 0) + 1;
    counts.set(d.file, n);
    if (n <= perFile) shown.push(d);
    else omitted.set(d.file, (omitted.get(d.file) ?? 0) + 1);
  }
  return { shown, omitted };
}

/** Line indexes made once per file per rendering (renderers stay linear in the diagnostics). */
export class LineIndexes {
  private readonly cache = new Map<string, LineIndex | null>();
  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  of(file: string): LineIndex | undefined {
    let i = this.cache.get(file);
    if (i === undefined) {
      const text = this.sources.get(file);
      i = text === undefined ? null : new LineIndex(text);
      this.cache.set(file, i);
    }
    return i ?? undefined;
  }

  /** 1-based line and column (1, 1 when the text is not known). */
  position(file: string, offset: number): { line: number; column: number } {
    const i = this.of(file);
    if (!i) return { line: 1, column: 1 };
    const p = i.position(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }
}
