// Bundles the CLI, the library and the language server into dist/ with esbuild.
// Dependencies stay external for the CLI: they are installed next to it by npm.
import { build } from "esbuild";
import { readFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

const common = {
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  define: { MLAT_VERSION: JSON.stringify(version) },
};

// The CLI, and the library (compiler/index.ts) with its JSON Schemas inlined.
await build({ ...common, entryPoints: { cli: "compiler/cli/main.ts", index: "compiler/index.ts", lsp: "lsp/node-main.ts" } });

// Type declarations for the library's `exports` (skipped with MLAT_SKIP_TYPES=1 for quick rebuilds).
if (process.env.MLAT_SKIP_TYPES !== "1") {
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  if (existsSync(tsc)) execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
