// Builds the CLI bundle once, so end-to-end tests spawn the real `mlat` of this checkout.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
