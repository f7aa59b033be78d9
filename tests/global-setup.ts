// Builds the CLI bundle once, so end-to-end tests spawn the real `mlat` of this checkout.
// (Type declarations are built by the package test through `npm pack`.)
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit", env: { ...process.env, MLAT_SKIP_TYPES: "1" } });
}
