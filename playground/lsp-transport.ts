// The LSP client's transport over a Web Worker: vscode-languageserver/browser posts message
// objects, @codemirror/lsp-client sends and receives JSON strings.
import type { Transport } from "@codemirror/lsp-client";

export function workerTransport(worker: Worker): Transport {
  const handlers = new Set<(message: string) => void>();
  worker.addEventListener("message", (e: MessageEvent) => {
    const text = JSON.stringify(e.data);
    for (const h of handlers) h(text);
  });
  return {
    send: (message) => worker.postMessage(JSON.parse(message)),
    subscribe: (handler) => void handlers.add(handler),
    unsubscribe: (handler) => void handlers.delete(handler),
  };
}
