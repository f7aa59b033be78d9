// Bundles the CLI (and, later, the language server) into dist/ with esbuild.
// Dependencies stay external for the CLI: they are installed next to it by npm.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

await build({
  entryPoints: { cli: "compiler/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  define: { MLAT_VERSION: JSON.stringify(version) },
});
