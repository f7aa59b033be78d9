// What @codemirror/lsp-client does not draw itself, asked of the same server: semantic tokens
// (all colours come from the server: keywords, names by what they resolve to, comments) and code
// lenses (a line of commands above each rule and scenario). Both are refreshed a moment after the
// text stops changing, and mapped through edits made while a request was under way.
import { LSPPlugin } from "@codemirror/lsp-client";
import { StateEffect, StateField, RangeSetBuilder, type Extension, type Text } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";

interface Lens {
  readonly range: { readonly start: { line: number; character: number } };
  readonly command?: { readonly title: string; readonly command: string; readonly arguments?: unknown[] };
}

export type LensHandler = (command: string, args: readonly unknown[]) => void;

const setTokens = StateEffect.define<DecorationSet>();
const setLenses = StateEffect.define<DecorationSet>();

function decorationField(effect: typeof setTokens) {
  return StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(value, tr) {
      let next = value.map(tr.changes);
      for (const e of tr.effects) if (e.is(effect)) next = e.value;
      return next;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
}

class LensWidget extends WidgetType {
  constructor(
    private readonly lenses: readonly Lens[],
    private readonly onCommand: LensHandler,
  ) {
    super();
  }
  override eq(other: LensWidget): boolean {
    return JSON.stringify(other.lenses) === JSON.stringify(this.lenses);
  }
  toDOM(): HTMLElement {
    const line = document.createElement("div");
    line.className = "cm-code-lens";
    for (const lens of this.lenses) {
      if (!lens.command) continue;
      const { title, command } = lens.command;
      const args = lens.command.arguments ?? [];
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = title;
      button.addEventListener("click", () => this.onCommand(command, args));
      line.append(button);
    }
    return line;
  }
  override ignoreEvent(): boolean {
    return true;
  }
}

/** Refreshes after `delay` ms of quiet; answers for an older text are mapped through the edits since. */
function refresher(fetch: (view: EditorView, plugin: LSPPlugin) => Promise<((doc: Text) => StateEffect<DecorationSet>) | undefined>, delay: number) {
  return ViewPlugin.fromClass(
    class {
      private timer: ReturnType<typeof setTimeout> | undefined;
      constructor(readonly view: EditorView) {
        this.schedule(0);
      }
      update(u: ViewUpdate): void {
        if (u.docChanged) this.schedule(delay);
      }
      schedule(ms: number): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.run(), ms);
      }
      async run(): Promise<void> {
        const plugin = LSPPlugin.get(this.view);
        if (!plugin) return;
        try {
          await plugin.client.initializing;
          plugin.client.sync();
          const doc = plugin.syncedDoc;
          const make = await fetch(this.view, plugin);
          // Dropped when the text moved on too far to map (a newer request is already scheduled).
          if (make && LSPPlugin.get(this.view) === plugin && plugin.syncedDoc === doc) this.view.dispatch({ effects: make(doc) });
        } catch {
          // A refused or timed-out request leaves the last decorations; the next edit asks again.
        }
      }
      destroy(): void {
        clearTimeout(this.timer);
      }
    },
  );
}

/** Colours from `textDocument/semanticTokens/full`: classes `cm-sem-<type>` (and `-declaration`). */
export function semanticHighlighting(): Extension {
  const field = decorationField(setTokens);
  const fetch = async (_view: EditorView, plugin: LSPPlugin) => {
    const legend = plugin.client.serverCapabilities?.semanticTokensProvider?.legend;
    if (!legend) return undefined;
    const result = await plugin.client.request<unknown, { data: number[] } | null>("textDocument/semanticTokens/full", { textDocument: { uri: plugin.uri } });
    if (!result) return undefined;
    return (doc: Text) => {
      const builder = new RangeSetBuilder<Decoration>();
      const marks = new Map<string, Decoration>();
      let line = 0;
      let character = 0;
      const data = result.data;
      for (let i = 0; i + 4 < data.length; i += 5) {
        line += data[i]!;
        character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
        if (line >= doc.lines) break;
        const type = legend.tokenTypes[data[i + 3]!] ?? "variable";
        const declaration = (data[i + 4]! & 1) !== 0;
        const cls = `cm-sem-${type}${declaration ? " cm-sem-declaration" : ""}`;
        let mark = marks.get(cls);
        if (!mark) marks.set(cls, (mark = Decoration.mark({ class: cls })));
        const start = plugin.fromPosition({ line, character }, doc);
        const end = Math.min(start + data[i + 2]!, doc.line(line + 1).to);
        const from = plugin.unsyncedChanges.mapPos(start, 1);
        const to = plugin.unsyncedChanges.mapPos(end, -1);
        if (to > from) builder.add(from, to, mark);
      }
      return setTokens.of(builder.finish());
    };
  };
  return [field, refresher(fetch, 150)];
}

/** `textDocument/codeLens` as a line of buttons above the lines they belong to. */
export function codeLenses(onCommand: LensHandler): Extension {
  const field = decorationField(setLenses);
  const fetch = async (_view: EditorView, plugin: LSPPlugin) => {
    const lenses = await plugin.client.request<unknown, Lens[] | null>("textDocument/codeLens", { textDocument: { uri: plugin.uri } });
    return (doc: Text) => {
      const byLine = new Map<number, Lens[]>();
      for (const lens of lenses ?? []) if (lens.range.start.line < doc.lines) byLine.set(lens.range.start.line, [...(byLine.get(lens.range.start.line) ?? []), lens]);
      const builder = new RangeSetBuilder<Decoration>();
      for (const [line, group] of [...byLine].sort(([a], [b]) => a - b)) {
        const at = plugin.unsyncedChanges.mapPos(doc.line(line + 1).from, -1);
        builder.add(at, at, Decoration.widget({ widget: new LensWidget(group, onCommand), block: true, side: -1 }));
      }
      return setLenses.of(builder.finish());
    };
  };
  return [field, refresher(fetch, 400)];
}
