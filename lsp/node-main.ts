// The language server as a Node program (`mlat lsp --stdio`, and the VS Code extension's bundled
// server): stdio transport, and the disk through the compiler's one Node source host.
import * as path from "node:path";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { expandPaths, NodeSourceHost } from "../compiler/node/index.js";
import { startServer } from "./server.js";

/** Designs below the workspace folders (honouring `exclude` in mlat.json), at most `limit`. */
function findDesigns(folders: readonly string[], limit = 5000): string[] {
  return expandPaths(folders).files.slice(0, limit).map((f) => path.resolve(f).split(path.sep).join("/"));
}

const connection = createConnection(ProposedFeatures.all);
process.on("uncaughtException", (e) => connection.console.error(`mlat: uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
// The server re-reads files from disk (they change under it); open documents override them.
startServer(connection, { disk: new NodeSourceHost({ cache: false }), findDesigns });
