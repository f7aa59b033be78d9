// How much mlat reads, at most: checked before reading, so a huge or endless input costs nothing.
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
export const MAX_JSON_BYTES = 50 * 1024 * 1024;
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A size for people: `10.0 MiB` (a limit, a whole number of MiB, is written `8 MiB`). */
export function mebibytes(n: number): string {
  const m = n / 1024 / 1024;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} MiB`;
}
