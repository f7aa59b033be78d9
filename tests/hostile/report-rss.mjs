// Loaded with `node --import` into the CLI under test: writes the process's peak resident memory
// (KiB) to $MLAT_HOSTILE_RSS when it exits, so the suite bounds memory without GNU time.
import { writeFileSync } from "node:fs";

const file = process.env.MLAT_HOSTILE_RSS;
if (file) {
  process.on("exit", () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the case's folder is gone: nothing to report to
    }
  });
}
