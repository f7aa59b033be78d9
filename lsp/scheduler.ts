// Diagnostics as the user types: a short debounce per file, and stale work dropped — a file is
// computed for the latest text only, and nothing is published for a revision already superseded.
import type { AnalysisHost } from "../compiler/index.js";

export class DiagnosticsScheduler {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: AnalysisHost,
    private readonly publish: (file: string) => void,
    private readonly delayMs = 10,
  ) {}

  schedule(files: Iterable<string>, delay = this.delayMs): void {
    for (const f of files) this.pending.add(f);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  private run(): void {
    this.timer = undefined;
    const revision = this.host.currentRevision;
    // Open files first: they are what the user is looking at.
    const files = [...this.pending].sort((a, b) => Number(this.host.isOpen(b)) - Number(this.host.isOpen(a)));
    this.pending.clear();
    for (let k = 0; k < files.length; k++) {
      if (this.host.currentRevision !== revision) {
        // An edit arrived meanwhile (between batches): redo the rest for the new text.
        this.schedule(files.slice(k));
        return;
      }
      this.publish(files[k]!);
      if (k % 8 === 7 && k + 1 < files.length) {
        // Yield to the event loop so requests and edits are not starved by a large workspace.
        this.schedule(files.slice(k + 1), 0);
        return;
      }
    }
  }
}
