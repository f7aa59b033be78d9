// The mlat language server: a thin adapter from LSP to the compiler's AnalysisHost / Ide API.
// No language logic lives here: each handler converts parameters, calls the Ide, converts back.
// A failing request is logged and answered with an error; the server goes on.
import {
  TextDocuments,
  TextDocumentSyncKind,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  CodeActionKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisHost, Ide, semanticTokenTypes, semanticTokenModifiers, type LineIndex, type SourceHost } from "../compiler/index.js";
import { pathToUri, toCompletionItem, toDiagnostic, toDocumentSymbol, toRange, toSpan, uriToPath, symbolKind } from "./convert.js";
import { DiagnosticsScheduler } from "./scheduler.js";
import { formattingEdits } from "./formatting.js";
import { encodeSemanticTokens } from "./semantic-tokens.js";
import { AnalysisCancelledError, type AnalysisRunner } from "./analysis-runner.js";

/** What the server needs from where it runs (Node on disk, or a browser worker in memory). */
export interface ServerEnvironment {
  /** Reads files that are not open in the editor (the project-root fence included). */
  readonly disk: SourceHost & { forget?(path: string): void };
  /** The designs of the workspace folders, checked even when not open. */
  readonly findDesigns: (folders: readonly string[]) => string[];
  /** `lineWidth` from the project's mlat.json, when the environment has projects. */
  readonly lineWidthOf?: (path: string) => number | undefined;
  /** Runs rule analyses off the server's thread, so an edit can cancel them (Node); else they run here. */
  readonly analyzer?: AnalysisRunner;
}

export function startServer(connection: Connection, env: ServerEnvironment): void {
  const diskHost = env.disk;
  const host = new AnalysisHost(diskHost);
  const ide = new Ide(host);
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];

  const indexOf = (p: string): LineIndex | undefined => host.lineIndex(p);

  // The protocol's life cycle: nothing is answered before `initialize`, nor after `shutdown`.
  let phase: "starting" | "running" | "shut down" = "starting";

  /** Wraps a handler: the life cycle is enforced; exceptions are logged and answered as errors, never fatal. */
  function safe<P, R>(name: string, handler: (params: P) => R): (params: P) => R | ResponseError<void> {
    return (params: P) => {
      if (phase === "starting") return new ResponseError(ErrorCodes.ServerNotInitialized, "the server is not initialized yet");
      if (phase === "shut down") return new ResponseError(ErrorCodes.InvalidRequest, "the server is shutting down");
      try {
        return handler(params);
      } catch (e) {
        return internalError(name, e);
      }
    };
  }

  /** A failed request: logged with its stack, answered as an error; the server goes on. */
  function internalError(name: string, e: unknown): ResponseError<void> {
    connection.console.error(`mlat: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return new ResponseError(ErrorCodes.InternalError, `mlat: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }

  /**
   * Answers a request that may need a rule's analysis: computed first by the environment's
   * analyzer (a worker), which an edit of any file cancels; the request then fails with
   * ContentModified, as the protocol asks, and the client asks again. Without an analyzer (the
   * browser), `answer` computes it here.
   */
  async function withAnalysis<R>(name: string, path: string, at: Parameters<Ide["analysisJob"]>[1], answer: () => R): Promise<R | ResponseError<void>> {
    try {
      const job = env.analyzer ? ide.analysisJob(path, at) : undefined;
      if (job) {
        const text = host.text(path);
        try {
          job.provide(await env.analyzer!.run(job));
        } catch (e) {
          if (!(e instanceof AnalysisCancelledError)) throw e;
          connection.console.log(`mlat: the analysis of ${job.rule} was cancelled: the text changed`);
          return new ResponseError(LSPErrorCodes.ContentModified, "mlat: the text changed during the analysis");
        }
        if (host.text(path) !== text) return new ResponseError(LSPErrorCodes.ContentModified, "mlat: the text changed during the analysis");
      }
      return answer();
    } catch (e) {
      return internalError(name, e);
    }
  }

  const scheduler = new DiagnosticsScheduler(host, (file) => {
    try {
      const index = indexOf(file);
      if (!index) return;
      const diagnostics = ide.diagnostics(file).map((d) => toDiagnostic(d, index, indexOf));
      const doc = documents.get(pathToUri(file));
      void connection.sendDiagnostics({ uri: pathToUri(file), ...(doc ? { version: doc.version } : {}), diagnostics });
    } catch (e) {
      connection.console.error(`mlat: diagnostics for ${file} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  });

  connection.onShutdown(() => {
    phase = "shut down";
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    phase = "running";
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [".", " ", ":", "{", ",", "("], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] }, full: true },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: ["mlat.analyzeRule", "mlat.runScenarios", "mlat.powerReport"] },
        documentFormattingProvider: true,
      },
      serverInfo: { name: "mlat", version: typeof MLAT_VERSION === "string" ? MLAT_VERSION : "dev" },
    };
  });

  connection.onInitialized(() => {
    const files = env.findDesigns(workspaceFolders);
    host.setWorkspaceFiles(files);
    scheduler.schedule(files);
  });

  documents.onDidOpen((e) => {
    const p = uriToPath(e.document.uri);
    host.openFile(p, e.document.getText());
    scheduler.schedule(host.affectedBy(p), 0);
  });
  documents.onDidChangeContent((e) => {
    const p = uriToPath(e.document.uri);
    if (host.text(p) === e.document.getText()) return;
    host.changeFile(p, e.document.getText());
    env.analyzer?.cancelAll(); // an analysis of the old text is stale
    scheduler.schedule(host.affectedBy(p));
  });
  documents.onDidClose((e) => {
    const p = uriToPath(e.document.uri);
    host.closeFile(p);
    // A file outside the workspace has no diagnostics once closed.
    if (!host.workspaceFiles().includes(p) || diskHost.readFile(p) === undefined) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    scheduler.schedule(host.affectedBy(p));
  });
  connection.onDidChangeWatchedFiles((params) => {
    try {
      for (const change of params.changes) {
        const p = uriToPath(change.uri);
        if (host.isOpen(p)) continue;
        diskHost.forget?.(p);
        host.fileChangedOnDisk(p, change.type !== 3);
        scheduler.schedule(host.affectedBy(p));
      }
    } catch (e) {
      connection.console.error(`mlat: watched files failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  });

  const at = (uri: string, position: { line: number; character: number }) => {
    const p = uriToPath(uri);
    const index = indexOf(p);
    return index ? { p, index, offset: index.offset(position) } : undefined;
  };

  connection.onHover(
    safe("hover", (params) => {
      const a = at(params.textDocument.uri, params.position);
      if (!a) return null;
      return withAnalysis("hover", a.p, { offset: a.offset }, () => {
        const h = ide.hover(a.p, a.offset);
        const index = indexOf(a.p) ?? a.index;
        return h ? { contents: { kind: "markdown" as const, value: h.markdown }, range: toRange(index, h.span) } : null;
      });
    }),
  );

  connection.onCompletion(
    safe("completion", (params) => {
      const a = at(params.textDocument.uri, params.position);
      if (!a) return [];
      const items = ide.completions(a.p, a.offset) as ReturnType<Ide["completions"]> & { incomplete?: boolean };
      // A truncated list is incomplete: the editor asks again as the user types more letters.
      return { isIncomplete: items.incomplete === true, items: items.map(toCompletionItem) };
    }),
  );

  const locations = (locs: { file: string; span: { start: number; end: number } }[]) =>
    locs.flatMap((l) => {
      const i = indexOf(l.file);
      return i ? [{ uri: pathToUri(l.file), range: toRange(i, l.span) }] : [];
    });

  connection.onDefinition(
    safe("definition", (params) => {
      const a = at(params.textDocument.uri, params.position);
      return a ? locations(ide.definition(a.p, a.offset)) : [];
    }),
  );

  connection.onReferences(
    safe("references", (params) => {
      const a = at(params.textDocument.uri, params.position);
      return a ? locations(ide.references(a.p, a.offset, params.context.includeDeclaration)) : [];
    }),
  );

  connection.onDocumentHighlight(
    safe("highlight", (params) => {
      const a = at(params.textDocument.uri, params.position);
      return a ? ide.documentHighlights(a.p, a.offset).map((h) => ({ range: toRange(a.index, h.span), kind: h.write ? 3 : 2 })) : [];
    }),
  );

  connection.onPrepareRename(
    safe("prepareRename", (params) => {
      const a = at(params.textDocument.uri, params.position);
      if (!a) return null;
      const r = ide.prepareRename(a.p, a.offset);
      // A refusal is an answer, not a failure: no stack trace.
      if ("error" in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
      return { range: toRange(a.index, r.span), placeholder: r.placeholder };
    }),
  );

  connection.onRenameRequest(
    safe("rename", (params) => {
      const a = at(params.textDocument.uri, params.position);
      if (!a) return null;
      const r = ide.rename(a.p, a.offset, params.newName);
      if ("error" in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
      const changes: Record<string, { range: ReturnType<typeof toRange>; newText: string }[]> = {};
      for (const e of r.edits) {
        const i = indexOf(e.file);
        if (!i) continue;
        (changes[pathToUri(e.file)] ??= []).push({ range: toRange(i, e.span), newText: e.newText });
      }
      return { changes };
    }),
  );

  connection.onDocumentSymbol(
    safe("documentSymbol", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const i = indexOf(p);
      return i ? ide.documentSymbols(p).map((s) => toDocumentSymbol(s, i)) : [];
    }),
  );

  connection.onWorkspaceSymbol(
    safe("workspaceSymbol", (params) =>
      ide.workspaceSymbols(params.query).flatMap((d) => {
        const i = indexOf(d.file);
        return i ? [{ name: d.name, kind: symbolKind(d.kind === "seatClass" ? "seatClass" : d.kind), location: { uri: pathToUri(d.file), range: toRange(i, d.nameSpan) }, containerName: d.id.slice(d.id.indexOf(":") + 1, d.id.lastIndexOf(".") > 0 ? d.id.lastIndexOf(".") : undefined) }] : [];
      }),
    ),
  );

  connection.languages.semanticTokens.on(
    safe("semanticTokens", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const i = indexOf(p);
      if (!i) return { data: [] };
      return encodeSemanticTokens(ide.semanticTokens(p), i);
    }),
  );

  connection.onFoldingRanges(
    safe("folding", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const i = indexOf(p);
      if (!i) return [];
      return ide
        .foldingRanges(p)
        .map((f) => ({ startLine: i.position(f.span.start).line, endLine: i.position(f.span.end).line, kind: f.kind }))
        .filter((f) => f.endLine > f.startLine);
    }),
  );

  connection.onSelectionRanges(
    safe("selectionRange", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const i = indexOf(p);
      if (!i) return [];
      const chains = ide.selectionRanges(p, params.positions.map((pos) => i.offset(pos)));
      return chains.map((chain, k) => {
        type SR = { range: ReturnType<typeof toRange>; parent?: SR };
        let result: SR | undefined;
        for (const span of [...chain].reverse()) result = { range: toRange(i, span), ...(result ? { parent: result } : {}) };
        return result ?? { range: { start: params.positions[k]!, end: params.positions[k]! } };
      });
    }),
  );

  connection.onCodeAction(
    safe("codeAction", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const i = indexOf(p);
      if (!i) return [];
      return ide.codeActions(p, toSpan(i, params.range)).map((a) => {
        const changes: Record<string, { range: ReturnType<typeof toRange>; newText: string }[]> = {};
        for (const e of a.edits) {
          const fi = indexOf(e.file);
          if (fi) (changes[pathToUri(e.file)] ??= []).push({ range: toRange(fi, e.span), newText: e.newText });
        }
        return {
          title: a.title,
          kind: a.kind === "quickfix" ? CodeActionKind.QuickFix : CodeActionKind.RefactorExtract,
          ...(a.diagnostic ? { diagnostics: [toDiagnostic(a.diagnostic, i, indexOf)] } : {}),
          ...(a.preferred ? { isPreferred: true } : {}),
          edit: { changes },
        };
      });
    }),
  );

  connection.languages.inlayHint.on(
    safe("inlayHint", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const i = indexOf(p);
      return i ? ide.inlayHints(p, toSpan(i, params.range)).map((h) => ({ position: i.position(h.offset), label: h.label, paddingLeft: false })) : [];
    }),
  );

  connection.onCodeLens(
    safe("codeLens", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const i = indexOf(p);
      return i ? ide.codeLenses(p).map((l) => ({ range: toRange(i, l.span), command: { title: l.title, command: l.command, arguments: [...l.arguments] } })) : [];
    }),
  );

  connection.onExecuteCommand(
    safe("executeCommand", (params) => {
      const args = (params.arguments ?? []).map(String);
      if (params.command === "mlat.analyzeRule") {
        const p = uriToPath(args[1] ?? "");
        return withAnalysis("analyzeRule", p, { rule: args[0] ?? "" }, () => ide.analyzeRule(p, args[0] ?? ""));
      }
      if (params.command === "mlat.runScenarios") return ide.runScenarios(uriToPath(args[0] ?? ""), args[1]);
      if (params.command === "mlat.powerReport") return ide.powerReport(uriToPath(args[0] ?? ""));
      return new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
    }),
  );

  connection.onDocumentFormatting(
    safe("formatting", (params) => {
      const p = uriToPath(params.textDocument.uri);
      const text = host.text(p);
      const i = indexOf(p);
      // The client's width when it sends one (the protocol has none; our extension adds it),
      // else the project's mlat.json, else the formatter's default.
      const fromClient = (params.options as { lineWidth?: unknown }).lineWidth;
      const lineWidth = typeof fromClient === "number" && fromClient >= 20 ? fromClient : env.lineWidthOf?.(p);
      return text !== undefined && i ? formattingEdits(text, p, i, lineWidth) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}

declare const MLAT_VERSION: string;
