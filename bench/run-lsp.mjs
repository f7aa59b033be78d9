// Builds the server and the LSP benchmark, then runs it.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";

execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit", env: { ...process.env, MLAT_SKIP_TYPES: "1" } });
await build({ entryPoints: ["bench/lsp-bench.ts"], outfile: "dist/lsp-bench.mjs", bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
execFileSync(process.execPath, ["dist/lsp-bench.mjs"], { stdio: "inherit" });
