// Writing files without losing anything: the new text goes to a temporary file beside the
// target (a random name, created exclusively, so a planted file or link of that name is never
// followed), is flushed to disk and renamed over the target. The target's mode and owner are
// kept, a symbolic link is written through to the file it points to, and a file with other hard
// links, a read-only file, or a file that is also an input of the command is refused, not
// replaced. Temporary files are removed on errors and on Ctrl-C; one left by a killed process is
// removed by the next write to the same file.
import { chmodSync, chownSync, closeSync, constants, fsyncSync, lstatSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { realPath } from "./project.js";
import { errnoReason } from "./read.js";

export class WriteProblem extends Error {
  constructor(readonly target: string, readonly reason: string) {
    super(`cannot write \`${target}\`: ${reason}`);
  }
}

const pending = new Set<string>();
let handlersInstalled = false;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const cleanup = () => {
    for (const t of pending) {
      try {
        unlinkSync(t);
      } catch {
        // already gone
      }
    }
    pending.clear();
  };
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{16}\.mlat-tmp$/;

/** Temporary files of earlier writes to `base` in `dir` whose process is gone. */
function removeStaleTemps(dir: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = TEMP.exec(n);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    let alive = pid === process.pid;
    if (!alive) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === "EPERM";
      }
    }
    if (alive) continue;
    try {
      if (lstatSync(path.join(dir, n)).isFile()) unlinkSync(path.join(dir, n));
    } catch {
      // someone else removed it
    }
  }
}

export interface WriteOptions {
  /** Files the command read: writing over one of them is refused (`-o` naming the input). */
  readonly inputs?: readonly string[];
}

export function writeFileSafely(target: string, content: string, options: WriteOptions = {}): void {
  // Write through a symbolic link to the file it points to; the link stays a link.
  const real = realPath(path.resolve(target));
  for (const input of options.inputs ?? []) {
    if (realPath(path.resolve(input)) === real) throw new WriteProblem(target, "it is an input of this command; choose another output file");
  }
  let existing: Stats | undefined;
  try {
    existing = statSync(real);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new WriteProblem(target, errnoReason(e));
  }
  if (existing) {
    if (!existing.isFile()) throw new WriteProblem(target, "it is not a regular file");
    if (existing.nlink > 1) throw new WriteProblem(target, `it has ${existing.nlink} hard links, and replacing it would break them`);
    if ((existing.mode & 0o222) === 0) throw new WriteProblem(target, "it is read-only");
  }
  const dir = path.dirname(real);
  const base = path.basename(real);
  installHandlers();
  removeStaleTemps(dir, base);
  const temp = path.join(dir, `.${base}.${process.pid}.${randomBytes(8).toString("hex")}.mlat-tmp`);
  let fd: number | undefined;
  try {
    // O_EXCL: fails if anything, a link included, already has this name.
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, existing ? existing.mode & 0o7777 : 0o666);
    pending.add(temp);
    const bytes = Buffer.from(content, "utf8");
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (existing) {
      chmodSync(temp, existing.mode & 0o7777);
      try {
        chownSync(temp, existing.uid, existing.gid);
      } catch {
        // Only the owner's group may be kept by an unprivileged user; the mode is what matters.
      }
    }
    renameSync(temp, real);
    pending.delete(temp);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // not created
    }
    pending.delete(temp);
    throw e instanceof WriteProblem ? e : new WriteProblem(target, errnoReason(e) === "no such file" ? "its folder does not exist" : describeWriteError(e));
  }
}

function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return "the disk is full";
  if (code === "EDQUOT") return "the disk quota is exceeded";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "EEXIST") return "a temporary file of that name appeared meanwhile; try again";
  return errnoReason(e);
}
