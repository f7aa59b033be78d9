// A fake of the `vscode` module for the extension's unit tests (aliased in vitest.config.ts): just
// enough of the API the extension calls, recording what it did. The real editor is driven by the
// opt-in code-server run (`npm run test:vscode`).
/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (...args: any[]) => any;

export const fake = {
  commands: new Map<string, Fn>(),
  config: {} as Record<string, unknown>,
  status: [] as string[],
  output: [] as string[],
  info: [] as string[],
  warnings: [] as string[],
  executed: [] as [string, unknown[]][],
  results: new Map<string, unknown>(),
  webviews: [] as { title: string; webview: { html: string } }[],
  activeTextEditor: undefined as unknown,
  onChange: undefined as Fn | undefined,
  reset(): void {
    this.commands.clear();
    this.config = {};
    this.status = [];
    this.output = [];
    this.info = [];
    this.warnings = [];
    this.executed = [];
    this.results.clear();
    this.webviews = [];
    this.activeTextEditor = undefined;
  },
};

const disposable = { dispose(): void {} };

export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ViewColumn = { Beside: -2 };

export const window = {
  createOutputChannel: () => ({ appendLine: (s: string) => fake.output.push(s), show(): void {}, dispose(): void {} }),
  createStatusBarItem: () => {
    const item = { text: "", tooltip: "", command: "", show: () => fake.status.push(item.text), dispose(): void {} };
    return item;
  },
  showInformationMessage: (m: string) => (fake.info.push(m), Promise.resolve(undefined)),
  showWarningMessage: (m: string) => (fake.warnings.push(m), Promise.resolve(undefined)),
  createWebviewPanel: (_type: string, title: string) => {
    const panel = { title, webview: { html: "" }, dispose(): void {} };
    fake.webviews.push(panel);
    return panel;
  },
  get activeTextEditor(): unknown {
    return fake.activeTextEditor;
  },
};

export const commands = {
  registerCommand: (id: string, fn: Fn) => (fake.commands.set(id, fn), disposable),
  executeCommand: async (id: string, ...args: unknown[]) => {
    fake.executed.push([id, args]);
    const r = fake.results.get(id);
    return typeof r === "function" ? (r as Fn)(...args) : r;
  },
};

export const workspace = {
  getConfiguration: (section: string) => ({ get: (key: string, fallback?: unknown) => fake.config[`${section}.${key}`] ?? fallback }),
  onDidChangeTextDocument: (fn: Fn) => ((fake.onChange = fn), disposable),
  createFileSystemWatcher: () => disposable,
};
