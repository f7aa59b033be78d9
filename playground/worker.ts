// The playground's one worker bundle, started twice under two names:
// - "lsp": the very language server of `mlat lsp` (lsp/server.ts), over the worker's message port
//   instead of stdio. Every file is a tab, opened in the server with didOpen; there is no disk, so a
//   `use` of a file that is not a tab is "not found".
// - "analysis": the compiler's API as `mlat analyze`, `mlat eval` and `mlat test` call it, so long
//   counts never hold up the editor, and cancelling one is terminating this worker.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { startServer } from "../lsp/server.js";
import { answer, type AnalysisRequest } from "./analysis-requests.js";

// The worker's global scope has the same message interface as a Worker seen from outside.
const scope = self as unknown as Worker;

if ((self as unknown as { name?: string }).name === "analysis") {
  scope.onmessage = (e: MessageEvent<AnalysisRequest>) => {
    const request = e.data;
    const progress = (done: number, total: number) => scope.postMessage({ id: request.id, progress: { done, total } });
    let reply: unknown;
    try {
      reply = { id: request.id, result: answer(request, progress) };
    } catch (err) {
      reply = { id: request.id, result: { error: `internal error: ${err instanceof Error ? err.message : String(err)}` } };
    }
    scope.postMessage(reply);
  };
} else {
  const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
  startServer(connection, { disk: { readFile: () => undefined }, findDesigns: () => [] });
}
