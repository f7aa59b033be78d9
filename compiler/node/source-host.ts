// The one Node source host: how the CLI, the language server, the tests and the benchmarks read
// designs. Every read is bounded (regular files of at most 8 MiB, UTF-8 checked), and imports are
// fenced to the project root on real paths, so neither `../` from a subfolder nor a planted
// symbolic link reaches a file outside the project. Texts given without a file (standard input,
// documents open in an editor) override the disk.
import * as path from "node:path";
import type { SourceHost } from "../semantics/program.js";
import { MAX_SOURCE_BYTES } from "./limits.js";
import { isWithin, projectOf, realPath } from "./project.js";
import { decodeUtf8, readBounded, ReadProblem } from "./read.js";

export interface NodeSourceHostOptions {
  /** Keep what was read (the command line reads each file once); the server re-reads. */
  readonly cache?: boolean;
  /** How a folder is named in messages (e.g. relative to the working directory). */
  readonly displayPath?: (absolute: string) => string;
}

export class NodeSourceHost implements SourceHost {
  private readonly texts = new Map<string, string | undefined>();
  private readonly problems = new Map<string, string>();
  private readonly tooLarge = new Set<string>();
  /** Texts supplied without a file (standard input, open documents), by path. */
  readonly overrides = new Map<string, string>();

  constructor(private readonly options: NodeSourceHostOptions = {}) {}

  readFile(file: string): string | undefined {
    const o = this.overrides.get(file);
    if (o !== undefined) return o;
    if (this.options.cache !== false && this.texts.has(file)) return this.texts.get(file);
    let text: string | undefined;
    this.problems.delete(file);
    try {
      text = decodeUtf8(readBounded(file, MAX_SOURCE_BYTES));
    } catch (e) {
      if (!(e instanceof ReadProblem)) throw e;
      // A missing file is not a "problem": the compiler says "cannot find" for it.
      if (e.reason !== "no such file") this.problems.set(file, e.reason);
      if (e.tooLarge) this.tooLarge.add(file);
      text = undefined;
    }
    this.texts.set(file, text);
    return text;
  }

  /** Why a file cannot be read (no such file, too large, not UTF-8, a device, a link loop). */
  problem(file: string): string | undefined {
    if (this.overrides.has(file)) return undefined;
    if (!this.texts.has(file) || this.options.cache === false) this.readFile(file);
    return this.problems.get(file);
  }

  /** Whether the last read of `file` was refused for its size. */
  wasTooLarge(file: string): boolean {
    return this.tooLarge.has(file);
  }

  /** The project-root fence, on real paths: undefined when `importer` may import `target`. */
  checkImport(importer: string, target: string): { readonly root: string } | undefined {
    const project = projectOf(path.dirname(path.resolve(importer)));
    const real = realPath(path.resolve(target));
    if (isWithin(real, project.root) || project.allowImports.some((a) => isWithin(real, a))) return undefined;
    return { root: this.options.displayPath ? this.options.displayPath(project.root) : project.root };
  }

  /** Forget what was read of a file (it changed on disk). */
  forget(file: string): void {
    this.texts.delete(file);
    this.problems.delete(file);
    this.tooLarge.delete(file);
  }

  /** Every text read or supplied, by path (what renderers quote). */
  sources(): Map<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of this.texts) if (v !== undefined) m.set(k, v);
    for (const [k, v] of this.overrides) m.set(k, v);
    return m;
  }
}
