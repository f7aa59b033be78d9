// Bundles bench/bench.ts with esbuild and runs it in this process's Node.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";

await build({ entryPoints: ["bench/bench.ts"], outfile: "dist/bench.mjs", bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
execFileSync(process.execPath, ["--max-old-space-size=4096", "dist/bench.mjs", ...process.argv.slice(2)], { stdio: "inherit" });
