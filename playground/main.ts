// The playground page: CodeMirror 6 editors (one per tab) talking to the real language server in a
// Web Worker through @codemirror/lsp-client, a Problems list fed by the same diagnostics, the
// analysis panel (a second worker), the examples menu, share links and the theme switch.
//
// Both workers are one bundle, inlined in this one as text and started from a Blob, so the page
// also works opened from file:// (where a worker script cannot be loaded by URL).
import { basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { LSPClient, languageServerExtensions, formatDocument, renameSymbol, jumpToDefinition } from "@codemirror/lsp-client";
import { workerTransport } from "./lsp-transport.js";
import { TabsWorkspace } from "./tabs-workspace.js";
import { semanticHighlighting, codeLenses } from "./server-decorations.js";
import { AnalysisClient } from "./analysis-client.js";
import { AnalysisPanel } from "./panel.js";
import { decodeShare, encodeShare, type SharedDesign } from "./share.js";

/** The bundled examples: name → files (the design first, then the files it `use`s); set by the build. */
declare const MLAT_EXAMPLES: Record<string, { readonly entry: string; readonly files: Record<string, string> }>;
/** The worker bundle's source; set by the build. */
declare const MLAT_WORKER_SOURCE: string;

const FOLDER = "file:///playground/";
const uriOf = (name: string) => `${FOLDER}${name}`;
const nameOf = (uri: string) => uri.slice(FOLDER.length);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const workerUrl = URL.createObjectURL(new Blob([MLAT_WORKER_SOURCE], { type: "text/javascript" }));
const startWorker = (name: string) => new Worker(workerUrl, { name });

interface Problem {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly code: string;
  readonly message: string;
  readonly severity: "error" | "warning" | "info";
}

class Playground {
  private readonly client: LSPClient;
  private workspace!: TabsWorkspace;
  private readonly views = new Map<string, EditorView>();
  private order: string[] = [];
  private active = "";
  private readonly problems = new Map<string, Problem[]>();
  private readonly panel: AnalysisPanel;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Until the server's first diagnostics, analyses wait (both would share two cores). */
  private serverStarted = false;

  constructor() {
    this.client = new LSPClient({
      rootUri: FOLDER,
      timeout: 10_000,
      workspace: (c) => (this.workspace = new TabsWorkspace(c)),
      extensions: languageServerExtensions(),
      notificationHandlers: {
        // Seen before the client draws them as squiggles (returning false lets it go on).
        "textDocument/publishDiagnostics": (_c, params: { uri: string; diagnostics: { range: { start: { line: number; character: number } }; code?: string | number; message: string; severity?: number }[] }) => {
          this.problems.set(
            params.uri,
            params.diagnostics.map((d) => ({
              uri: params.uri,
              line: d.range.start.line,
              character: d.range.start.character,
              code: String(d.code ?? ""),
              message: d.message,
              severity: d.severity === 1 ? "error" : d.severity === 2 ? "warning" : "info",
            })),
          );
          this.drawProblems();
          // The first diagnostics: the analysis may start now (it would only slow the server's start),
          // and the end-to-end test reads the time.
          if (document.body.dataset["firstDiagnostics"] === undefined) {
            document.body.dataset["firstDiagnostics"] = String(Math.round(performance.now()));
            this.serverStarted = true;
            this.scheduleAnalysis(0);
          }
          return false;
        },
      },
    }).connect(workerTransport(startWorker("lsp")));
    this.workspace.show = (uri) => (this.views.has(uri) ? (this.select(nameOf(uri)), this.views.get(uri)!) : null);
    this.panel = new AnalysisPanel(new AnalysisClient(() => startWorker("analysis")), () => ({ files: this.texts(), entry: this.order[0] ?? "" }));
    void this.client.initializing.then(() => {
      document.body.dataset["ready"] = "1";
      if (!this.notice) this.setStatus("ready");
    });
  }

  /** Every tab's text, by file name. */
  texts(): Record<string, string> {
    return Object.fromEntries(this.order.map((name) => [name, this.views.get(uriOf(name))!.state.doc.toString()]));
  }

  /** Replaces every tab with `design`. */
  load(design: SharedDesign): void {
    for (const [uri, view] of this.views) {
      this.workspace.closeFile(uri);
      view.destroy();
    }
    this.views.clear();
    this.problems.clear();
    $("editors").replaceChildren();
    this.order = [];
    for (const file of design.files) this.addTab(file.name, file.text);
    this.select(design.active);
    this.drawTabs();
    this.drawProblems();
    this.scheduleAnalysis(0);
  }

  private addTab(name: string, text: string): void {
    const uri = uriOf(name);
    const host = document.createElement("div");
    host.className = "editor";
    host.dataset["file"] = name;
    host.hidden = true;
    $("editors").append(host);
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          this.client.plugin(uri, "mlat"),
          semanticHighlighting(),
          codeLenses((command, args) => this.runLens(command, args)),
          keymap.of([
            { key: "Shift-Alt-f", run: formatDocument },
            { key: "F2", run: renameSymbol },
            { key: "F12", run: jumpToDefinition },
          ]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) this.scheduleAnalysis(600);
            if (u.selectionSet || u.docChanged) this.followCursor(u.view);
          }),
          EditorView.contentAttributes.of({ "aria-label": `${name}, mlat source` }),
        ],
      }),
    });
    this.views.set(uri, view);
    this.order.push(name);
  }

  select(name: string): void {
    if (!this.order.includes(name)) name = this.order[0] ?? "";
    this.active = name;
    for (const el of $("editors").children) (el as HTMLElement).hidden = (el as HTMLElement).dataset["file"] !== name;
    this.drawTabs();
  }

  private drawTabs(): void {
    const tabs = $("tabs");
    tabs.replaceChildren(
      ...this.order.map((name) => {
        const b = document.createElement("button");
        b.type = "button";
        b.setAttribute("role", "tab");
        b.setAttribute("aria-selected", String(name === this.active));
        b.tabIndex = name === this.active ? 0 : -1;
        b.textContent = name;
        b.addEventListener("click", () => {
          this.select(name);
          this.views.get(uriOf(name))?.focus();
        });
        b.addEventListener("keydown", (e) => {
          const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
          if (!step) return;
          const next = this.order[(this.order.indexOf(name) + step + this.order.length) % this.order.length]!;
          this.select(next);
          (tabs.querySelector(`[aria-selected=true]`) as HTMLElement | null)?.focus();
        });
        return b;
      }),
    );
  }

  private drawProblems(): void {
    const all = this.order.flatMap((name) => this.problems.get(uriOf(name)) ?? []);
    $("problem-count").textContent = String(all.length);
    $("problems").replaceChildren(
      ...all.map((p) => {
        const li = document.createElement("li");
        const b = document.createElement("button");
        b.type = "button";
        b.className = `sev-${p.severity}`;
        b.textContent = `${nameOf(p.uri)}:${p.line + 1}:${p.character + 1}  ${p.code}  ${p.message}`;
        b.addEventListener("click", () => this.jump(p));
        li.append(b);
        return li;
      }),
    );
  }

  private jump(p: Problem): void {
    this.select(nameOf(p.uri));
    const view = this.views.get(p.uri);
    if (!view) return;
    const line = view.state.doc.line(Math.min(p.line + 1, view.state.doc.lines));
    const pos = Math.min(line.from + p.character, line.to);
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  }

  /** The rule under the cursor (its `rule NAME` line inside a body) becomes the panel's rule. */
  private followCursor(view: EditorView): void {
    const doc = view.state.doc;
    const at = doc.lineAt(view.state.selection.main.head).number;
    let rule: string | undefined;
    let body: string | undefined;
    let institution: string | undefined;
    for (let n = at; n >= 1 && !(rule && body && institution); n--) {
      const text = doc.line(n).text;
      if (!rule && n === at) rule = /^\s*rule\s+([A-Za-z_]\w*)/.exec(text)?.[1];
      if (!body) body = /^\s*body\s+([A-Za-z_]\w*)/.exec(text)?.[1];
      if (!institution) institution = /^\s*institution\s+([A-Za-z_]\w*)/.exec(text)?.[1];
      if (n === at && !rule) return;
    }
    if (rule && body && institution) void this.panel.select(`${institution}.${body}.${rule}`, false);
  }

  private runLens(command: string, args: readonly unknown[]): void {
    const first = args[0];
    if (command.includes("analy") && typeof first === "string") void this.panel.select(first, true);
    else if (command.includes("test") || command.includes("scenario")) void this.panel.runTests();
  }

  private scheduleAnalysis(ms: number): void {
    if (!this.serverStarted) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.panel.refresh(), ms);
  }

  /** The tab in front and the 1-based line of its cursor. */
  cursor(): { file: string; line: number } {
    const view = this.views.get(uriOf(this.active));
    return { file: this.active, line: view ? view.state.doc.lineAt(view.state.selection.main.head).number : 0 };
  }

  share(): string {
    const link = `${location.href.replace(/#.*$/, "")}${encodeShare({ files: this.order.map((name) => ({ name, text: this.views.get(uriOf(name))!.state.doc.toString() })), active: this.active })}`;
    history.replaceState(null, "", link);
    return link;
  }

  /** A message that stays in the status line (a damaged share link), rather than "ready". */
  private notice = false;

  setStatus(text: string, notice = false): void {
    this.notice ||= notice;
    $("status").textContent = text;
  }
}

function exampleDesign(name: string): SharedDesign {
  const example = MLAT_EXAMPLES[name]!;
  const files = Object.entries(example.files).map(([file, text]) => ({ name: file, text }));
  return { files, active: example.entry };
}

function start(): void {
  const theme = localStorage.getItem("mlat-theme") ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  document.documentElement.dataset["theme"] = theme;
  $("theme").addEventListener("click", () => {
    const next = document.documentElement.dataset["theme"] === "dark" ? "light" : "dark";
    document.documentElement.dataset["theme"] = next;
    localStorage.setItem("mlat-theme", next);
  });

  const playground = new Playground();
  // For the browser console and the end-to-end test: the texts of every tab.
  (window as unknown as { mlat: object }).mlat = { texts: () => playground.texts(), cursor: () => playground.cursor() };
  const select = $<HTMLSelectElement>("examples");
  const names = Object.keys(MLAT_EXAMPLES).sort();
  select.replaceChildren(
    ...names.map((n) => {
      const o = document.createElement("option");
      o.value = n;
      o.textContent = n;
      return o;
    }),
  );
  select.addEventListener("change", () => {
    history.replaceState(null, "", location.href.replace(/#.*$/, ""));
    playground.load(exampleDesign(select.value));
  });

  $("share").addEventListener("click", () => {
    const field = $<HTMLInputElement>("share-link");
    field.value = playground.share();
    field.hidden = false;
    field.select();
    void navigator.clipboard?.writeText(field.value).catch(() => undefined);
  });

  const shared = decodeShare(location.hash);
  if (shared && "error" in shared) playground.setStatus(shared.error, true);
  if (shared && !("error" in shared)) {
    select.value = "";
    playground.load(shared);
  } else {
    const first = names.includes("eu-council-lisbon.mlat") ? "eu-council-lisbon.mlat" : names[0]!;
    select.value = first;
    playground.load(exampleDesign(first));
  }
}

start();
