// `npm run playground`: builds the playground and serves dist/playground/ on 127.0.0.1 (never on
// another interface), printing the URL. PORT=0 picks a free port. Ctrl-C stops it.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join, normalize, extname } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, "dist/playground");
if (process.env.MLAT_SKIP_BUILD !== "1") execFileSync(process.execPath, [join(root, "scripts/build-playground.mjs")], { stdio: "inherit" });

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json" };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const rel = normalize(decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname)).replace(/^(\.\.[/\\])+/, "");
  const file = join(dir, rel);
  if (!file.startsWith(dir)) return void res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  }
});
server.listen(Number(process.env.PORT ?? 8040), "127.0.0.1", () => {
  const { port } = server.address();
  console.log(`mlat playground: http://127.0.0.1:${port}/`);
});
