// Builds the playground (playground/) into dist/playground/: index.html, playground.css and one
// script, playground.js, which carries the worker bundle (the language server of `mlat lsp` and the
// analysis) as text and the bundled examples as data. No CDN, no other file: it works from
// file:// or any static host.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, posix } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "dist/playground");
mkdirSync(out, { recursive: true });
const minify = process.env.MLAT_MINIFY !== "0";

/** Each example with the files it `use`s (transitively), the design first. */
function examples() {
  const dir = join(root, "examples");
  const result = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".mlat")).sort()) {
    const files = {};
    const visit = (file) => {
      if (file in files) return;
      const text = readFileSync(join(dir, file), "utf8");
      files[file] = text;
      for (const m of text.matchAll(/^use\s+"([^"]+)"/gm)) visit(posix.normalize(posix.join(posix.dirname(file), m[1])));
    };
    visit(name);
    result[name] = { entry: name, files };
  }
  return result;
}

const common = { absWorkingDir: root, bundle: true, format: "iife", target: "chrome110", minify, legalComments: "none", logLevel: "warning", define: { MLAT_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version), MLAT_BUNDLED: "true" } };

// The workers: the very server code of `mlat lsp` (lsp/server.ts) and the compiler, for a browser.
const worker = await build({ ...common, entryPoints: ["playground/worker.ts"], write: false, platform: "browser" });
const workerSource = worker.outputFiles[0].text;

await build({
  ...common,
  entryPoints: ["playground/main.ts"],
  outfile: join(out, "playground.js"),
  platform: "browser",
  define: { ...common.define, MLAT_WORKER_SOURCE: JSON.stringify(workerSource), MLAT_EXAMPLES: JSON.stringify(examples()) },
});
copyFileSync(join(root, "playground/index.html"), join(out, "index.html"));
copyFileSync(join(root, "playground/playground.css"), join(out, "playground.css"));

const size = (f) => statSync(join(out, f)).size;
const total = ["index.html", "playground.css", "playground.js"].reduce((a, f) => a + size(f), 0);
writeFileSync(join(out, "build.json"), JSON.stringify({ bytes: total, workerBytes: Buffer.byteLength(workerSource), pageBytes: size("playground.js") - Buffer.byteLength(JSON.stringify(workerSource)) }, null, 2));
if (!process.env.MLAT_QUIET) console.log(`dist/playground/: ${(total / 2 ** 20).toFixed(2)} MiB (worker ${(Buffer.byteLength(workerSource) / 2 ** 20).toFixed(2)} MiB)`);
