// Share links: every tab of the design, compressed into the URL's fragment (never sent to a
// server). The fragment starts with a format version, so links made today keep opening when the
// format changes: a reader is kept for every version ever written.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";

export interface SharedDesign {
  /** Tabs in order: file name (`eu.mlat`) and text. */
  readonly files: readonly { readonly name: string; readonly text: string }[];
  /** The tab that was in front. */
  readonly active: string;
}

/** The format written today. */
export const SHARE_VERSION = 1;

/** `#v=1&d=…`: the design as a URL fragment. */
export function encodeShare(design: SharedDesign): string {
  const payload = { files: design.files.map((f) => [f.name, f.text]), active: design.active };
  return `#v=${SHARE_VERSION}&d=${compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** The design of a fragment; undefined when it carries none; an error a person can read when it is damaged. */
export function decodeShare(fragment: string): SharedDesign | { readonly error: string } | undefined {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const version = params.get("v");
  const data = params.get("d");
  if (version === null && data === null) return undefined;
  if (version !== "1") return { error: `this link was made by a newer playground (format ${version ?? "unknown"}); this one reads format ${SHARE_VERSION}` };
  // URLSearchParams turns `+` into a space; lz-string's alphabet uses `+`.
  const json = data === null ? null : decompressFromEncodedURIComponent(data.replace(/ /g, "+"));
  if (!json) return { error: "the link is damaged (its design could not be decompressed): was it cut short when copied?" };
  try {
    const parsed = JSON.parse(json) as { files?: unknown; active?: unknown };
    const files = Array.isArray(parsed.files) ? parsed.files.filter((f): f is [string, string] => Array.isArray(f) && typeof f[0] === "string" && typeof f[1] === "string" && isFileName(f[0])) : [];
    if (files.length === 0) return { error: "the link holds no files" };
    const names = files.map(([name]) => name);
    const active = typeof parsed.active === "string" && names.includes(parsed.active) ? parsed.active : names[0]!;
    return { files: files.map(([name, text]) => ({ name, text })), active };
  } catch {
    return { error: "the link is damaged (its design is not valid JSON)" };
  }
}

/** A tab name: one file name ending in .mlat, no folders (every tab lives in one folder). */
export function isFileName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}\.mlat$/.test(name);
}
