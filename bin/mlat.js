#!/usr/bin/env node
// Thin launcher: the CLI is bundled by esbuild into dist/cli.js (built by `npm run build`,
// which `npm ci` / `npm install` run through the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
const bundle = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write("mlat: the CLI is not built yet; run `npm run build` in the mlat package\n");
  process.exit(2);
}
await import(bundle);
