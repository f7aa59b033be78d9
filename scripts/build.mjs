// Builds dist/: the CLI and the language server as single bundles (dependencies included, so a
// start loads one file instead of hundreds of modules from node_modules), and the library
// (compiler/index.ts) with its dependencies left to npm. Licences of everything bundled go to
// dist/THIRD_PARTY.txt.
import { build } from "esbuild";
import { readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

// The JSON Schemas as ajv standalone code (no schema compilation at start-up).
execFileSync(process.execPath, [join(root, "scripts/generate-validators.mjs")], { stdio: "inherit" });

const common = {
  absWorkingDir: root,
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  define: { MLAT_VERSION: JSON.stringify(version), MLAT_BUNDLED: "true" },
};

// CommonJS dependencies (commander, vscode-languageserver, xmlbuilder2) call `require` for Node's
// built-ins; an ES module bundle has none, so give it one.
const requireShim = 'import { createRequire as __mlatCreateRequire } from "node:module"; const require = __mlatCreateRequire(import.meta.url);';

// Chunks have content hashes in their names: clear the old ones.
rmSync(join(root, "dist/chunks"), { recursive: true, force: true });

// Split into chunks: the CLI loads a command's code only when that command runs.
const apps = await build({
  ...common,
  entryPoints: { cli: "compiler/cli/main.ts", lsp: "lsp/node-main.ts" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  banner: { js: requireShim },
  metafile: true,
  legalComments: "none",
  minify: process.env.MLAT_MINIFY !== "0", // MLAT_MINIFY=0 keeps names readable in CPU profiles
});
await build({ ...common, entryPoints: { index: "compiler/index.ts", junit: "compiler/junit.ts" }, packages: "external" });

writeFileSync(join(root, "dist/THIRD_PARTY.txt"), thirdPartyNotices(apps.metafile));

// Type declarations for the library's `exports` (skipped with MLAT_SKIP_TYPES=1 for quick rebuilds).
if (process.env.MLAT_SKIP_TYPES !== "1") {
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  if (existsSync(tsc)) execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
}

/** The licence of every package with a file in the bundles, from its package.json and LICENSE. */
function thirdPartyNotices(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf("node_modules/");
    if (at < 0) continue;
    const rest = input.slice(at + "node_modules/".length).split("/");
    const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    packages.set(name, join(root, input.slice(0, at), "node_modules", name));
  }
  const parts = ["Third-party software bundled in dist/cli.js and dist/lsp.js", ""];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    parts.push("=".repeat(78), `${name} ${pkg.version} (${pkg.license ?? "see below"})`, "");
    if (licenceFile) parts.push(readFileSync(join(dir, licenceFile), "utf8").trim(), "");
  }
  return parts.join("\n") + "\n";
}
