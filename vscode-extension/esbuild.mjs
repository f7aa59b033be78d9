// Bundles the extension client and the language server into single files for the .vsix:
// nothing from node_modules ships separately.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const here = fileURLToPath(new URL(".", import.meta.url));
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const common = { bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: false, minify: true, logLevel: "warning", absWorkingDir: here };

await build({ ...common, entryPoints: ["src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });
// The server starts its analysis worker from its own file: in CommonJS that is `__filename`, so
// `import.meta.url` (the ES module way, never reached here) is defined away.
await build({ ...common, entryPoints: ["../lsp/node-main.ts"], outfile: "dist/server.js", define: { MLAT_VERSION: JSON.stringify(version), MLAT_BUNDLED: "true", "import.meta.url": "undefined" } });
