// The language server's diagnostics scheduler: a debounce per burst of edits, open files first,
// stale work dropped when an edit arrives mid-batch, and the event loop yielded every eight files.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DiagnosticsScheduler } from "../../lsp/scheduler.js";
import type { AnalysisHost } from "../../compiler/index.js";

function fakeHost(open: readonly string[] = []) {
  const host = { currentRevision: 1, isOpen: (f: string) => open.includes(f) };
  return host as typeof host & AnalysisHost;
}

describe("DiagnosticsScheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for a pause in the edits, then publishes each file once", () => {
    const published: string[] = [];
    const s = new DiagnosticsScheduler(fakeHost(), (f) => published.push(f), 10);
    s.schedule(["a.mlat"]);
    vi.advanceTimersByTime(5);
    s.schedule(["a.mlat", "b.mlat"]);
    vi.advanceTimersByTime(9);
    expect(published).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(published).toEqual(["a.mlat", "b.mlat"]);
    vi.runAllTimers();
    expect(published).toEqual(["a.mlat", "b.mlat"]);
  });

  it("publishes the open files first", () => {
    const published: string[] = [];
    const s = new DiagnosticsScheduler(fakeHost(["open.mlat"]), (f) => published.push(f));
    s.schedule(["closed1.mlat", "open.mlat", "closed2.mlat"]);
    vi.runAllTimers();
    expect(published[0]).toBe("open.mlat");
    expect([...published].sort()).toEqual(["closed1.mlat", "closed2.mlat", "open.mlat"]);
  });

  it("drops the rest of a batch when an edit arrives, and does it again for the new text", () => {
    const host = fakeHost();
    const published: { file: string; revision: number }[] = [];
    const s = new DiagnosticsScheduler(host, (file) => {
      published.push({ file, revision: host.currentRevision });
      // The user types while the first file is being checked.
      if (published.length === 1) host.currentRevision = 2;
    });
    s.schedule(["a.mlat", "b.mlat", "c.mlat"]);
    vi.advanceTimersByTime(10);
    // Only the first file was published for revision 1; b and c wait for the new text.
    expect(published).toEqual([{ file: "a.mlat", revision: 1 }]);
    vi.runAllTimers();
    expect(published).toEqual([
      { file: "a.mlat", revision: 1 },
      { file: "b.mlat", revision: 2 },
      { file: "c.mlat", revision: 2 },
    ]);
  });

  it("yields to the event loop every eight files of a large workspace", () => {
    const published: string[] = [];
    const s = new DiagnosticsScheduler(fakeHost(), (f) => published.push(f));
    const files = Array.from({ length: 20 }, (_, i) => `f${String(i).padStart(2, "0")}.mlat`);
    s.schedule(files);
    vi.advanceTimersByTime(10);
    expect(published).toHaveLength(8);
    // The next eight come in the next turn of the event loop (a timer of 0, which Node runs as 1 ms).
    vi.advanceTimersByTime(1);
    expect(published).toHaveLength(16);
    vi.runAllTimers();
    expect(published).toEqual(files);
  });
});
