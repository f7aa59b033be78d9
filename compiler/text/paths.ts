// Pure POSIX path helpers, so the compiler core needs no `node:path` (it runs in a browser worker too).

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return path.slice(0, i);
}

export function normalize(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
    } else out.push(part);
  }
  const joined = out.join("/");
  return absolute ? "/" + joined : joined || ".";
}

export function resolveRelative(fromFile: string, spec: string): string {
  if (spec.startsWith("/")) return normalize(spec);
  return normalize(dirname(fromFile) + "/" + spec);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
