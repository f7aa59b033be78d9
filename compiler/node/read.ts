// Bounded reads: a file is read only when it is a regular file no larger than the limit, and at
// most limit + 1 bytes are ever taken (a file that grows while being read, or standard input, is
// cut off and refused). Devices, FIFOs and sockets are refused by name, never read.
import { closeSync, fstatSync, openSync, readSync, constants } from "node:fs";
import { mebibytes } from "./limits.js";

export class ReadProblem extends Error {
  constructor(readonly reason: string, readonly tooLarge = false) {
    super(reason);
  }
}

// ignoreBOM: a byte-order mark stays in the text, so `mlat fmt` can write it back.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function describeKind(mode: number): string {
  const kind = mode & constants.S_IFMT;
  if (kind === constants.S_IFDIR) return "a folder";
  if (kind === constants.S_IFIFO) return "a named pipe (FIFO), not a regular file";
  if (kind === constants.S_IFCHR || kind === constants.S_IFBLK) return "a device, not a regular file";
  if (kind === constants.S_IFSOCK) return "a socket, not a regular file";
  return "not a regular file";
}

/** Reads at most `limit` bytes from an open descriptor; more is a ReadProblem. */
function readAll(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    chunks.push(chunk.subarray(0, n));
    if (total > limit) throw new ReadProblem(`larger than the ${mebibytes(limit)} mlat reads`, true);
  }
  return Buffer.concat(chunks, total);
}

export function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT": return "no such file";
    case "EACCES":
    case "EPERM": return "permission denied";
    case "ELOOP": return "a loop of symbolic links";
    case "EISDIR": return "a folder";
    case "ENAMETOOLONG": return "the name is too long";
    case "ENOTDIR": return "a part of the path is not a folder";
    default: return e instanceof Error ? e.message : String(e);
  }
}

/** The bytes of a regular file of at most `limit` bytes; a ReadProblem says why not. */
export function readBounded(file: string, limit: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new ReadProblem(errnoReason(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ReadProblem(describeKind(st.mode));
    if (st.size > limit) throw new ReadProblem(`${mebibytes(st.size)}, larger than the ${mebibytes(limit)} mlat reads`, true);
    return readAll(fd, limit);
  } catch (e) {
    if (e instanceof ReadProblem) throw e;
    throw new ReadProblem(errnoReason(e));
  } finally {
    closeSync(fd);
  }
}

/** Standard input, at most `limit` bytes. */
export function readStdinBounded(limit: number): Buffer {
  try {
    return readAll(0, limit);
  } catch (e) {
    if (e instanceof ReadProblem) throw e;
    throw new ReadProblem(errnoReason(e));
  }
}

/** UTF-8 text (a leading byte-order mark is kept: the scanner skips it as white space). */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ReadProblem("not valid UTF-8 text");
  }
}
