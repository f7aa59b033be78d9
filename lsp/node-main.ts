// The language server as a Node program (`mlat lsp --stdio`, and the VS Code extension's bundled
// server): stdio transport, and the disk through the compiler's one Node source host.
import * as path from "node:path";
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { expandPaths, NodeSourceHost, projectOf } from "../compiler/node/index.js";
import { startServer } from "./server.js";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { runAnalysisJob } from "../compiler/index.js";
import { ANALYSIS_WORKER, WorkerAnalysisRunner } from "./worker-analysis-runner.js";

declare const __filename: string | undefined;
/** This file, bundled (ES module for `mlat lsp`, CommonJS in the VS Code extension). */
const thisFile = typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);

/** Designs below the workspace folders (honouring `exclude` in mlat.json), at most `limit`. */
function findDesigns(folders: readonly string[], limit = 5000): string[] {
  return expandPaths(folders).files.slice(0, limit).map((f) => path.resolve(f).split(path.sep).join("/"));
}

// A frame whose header cannot be read (no or a non-numeric Content-Length) leaves the stream out of
// step: nothing after it can be trusted, and waiting would leave the client hanging. The server
// says why and exits, so the client restarts it. A well-framed message with broken JSON leaves the
// stream in step: it is reported and the server goes on.

if (!isMainThread && workerData === ANALYSIS_WORKER) {
  // Started by WorkerAnalysisRunner: analyse what the server sends, one job at a time.
  parentPort!.on("message", (job: { id: number; ruleset: Parameters<typeof runAnalysisJob>[0]["ruleset"]; rule: string; options: { listLimit: number; workLimit: number } }) => {
    try {
      parentPort!.postMessage({ id: job.id, result: runAnalysisJob(job) });
    } catch (e) {
      parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
} else {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => {
    if (e instanceof SyntaxError) return;
    process.stderr.write(`mlat: the client sent a frame that cannot be read (${e.message.split("\n")[0]}); exiting so that it restarts the server\n`);
    process.exit(1);
  });
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  process.on("uncaughtException", (e) => connection.console.error(`mlat: uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  // The server re-reads files from disk (they change under it); open documents override them.
  startServer(connection, {
    disk: new NodeSourceHost({ cache: false }),
    findDesigns,
    lineWidthOf: (p) => projectOf(path.dirname(p)).lineWidth,
    analyzer: new WorkerAnalysisRunner(thisFile),
  });
}
