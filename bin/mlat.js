#!/usr/bin/env node
// Thin launcher. The CLI is bundled by esbuild into dist/cli.js (plus chunks loaded per command)
// and the language server into dist/lsp.js (built by `npm run build`, which `npm ci` / `npm install`
// run through `prepare`). `mlat lsp --stdio` starts the server; the CLI itself never imports it.
import module from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Node ≥ 22.1 keeps compiled code between runs (a faster start); older Nodes have no such cache.
module.enableCompileCache?.();

const isServer = process.argv[2] === "lsp";
const bundle = fileURLToPath(new URL(isServer ? "../dist/lsp.js" : "../dist/cli.js", import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write("mlat: the CLI is not built yet; run `npm run build` in the mlat package\n");
  process.exit(2);
}
if (isServer && !process.argv.includes("--stdio")) process.argv.push("--stdio");
await import(bundle);
