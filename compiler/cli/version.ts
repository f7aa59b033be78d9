// The version, defined by the build (scripts/build.mjs); "dev" when run from source.
declare const MLAT_VERSION: string;

export function version(): string {
  return typeof MLAT_VERSION === "string" ? MLAT_VERSION : "dev";
}
