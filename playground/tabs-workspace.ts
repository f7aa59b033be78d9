// The LSP client's workspace: one editor view per tab, every tab open in the server (so `use`
// resolves between tabs), and "go to definition" into another file brings its tab to the front.
import { Workspace, LSPPlugin, type LSPClient, type WorkspaceFile } from "@codemirror/lsp-client";
import type { EditorView } from "@codemirror/view";
import type { Text } from "@codemirror/state";

class TabFile implements WorkspaceFile {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public doc: Text,
    readonly view: EditorView,
  ) {}
  getView(): EditorView {
    return this.view;
  }
}

export class TabsWorkspace extends Workspace {
  files: TabFile[] = [];
  private versions = new Map<string, number>();
  /** Brings a tab to the front; set by the page. */
  show: (uri: string) => EditorView | null = () => null;

  constructor(client: LSPClient) {
    super(client);
  }

  private nextVersion(uri: string): number {
    const v = (this.versions.get(uri) ?? -1) + 1;
    this.versions.set(uri, v);
    return v;
  }

  syncFiles() {
    const updates = [];
    for (const file of this.files) {
      const plugin = LSPPlugin.get(file.view);
      if (!plugin) continue;
      const changes = plugin.unsyncedChanges;
      if (changes.empty) continue;
      updates.push({ changes, file, prevDoc: file.doc });
      file.doc = file.view.state.doc;
      file.version = this.nextVersion(file.uri);
      plugin.clear();
    }
    return updates;
  }

  openFile(uri: string, languageId: string, view: EditorView): void {
    if (this.getFile(uri)) return;
    const file = new TabFile(uri, languageId, this.nextVersion(uri), view.state.doc, view);
    this.files.push(file);
    this.client.didOpen(file);
  }

  closeFile(uri: string): void {
    if (!this.getFile(uri)) return;
    this.files = this.files.filter((f) => f.uri !== uri);
    this.client.didClose(uri);
  }

  override displayFile(uri: string): Promise<EditorView | null> {
    return Promise.resolve(this.show(uri));
  }
}
