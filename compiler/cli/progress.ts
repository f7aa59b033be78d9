// A one-line progress bar on stderr for long analyses — only when stderr is a terminal (CI logs
// and pipes stay clean), redrawn at most ten times a second, erased when the work is done.
export interface Progress {
  update(label: string, done: number, total: number): void;
  clear(): void;
}

const silent: Progress = { update: () => {}, clear: () => {} };

export function progressOn(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return silent;
  let last = 0;
  let shown = false;
  const started = Date.now();
  return {
    update(label, done, total) {
      const now = Date.now();
      // Nothing for quick analyses; then at most ten redraws a second.
      if (now - started < 500 || now - last < 100) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 24;
      const filled = Math.round(share * width);
      const line = `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  (Ctrl-C stops)`;
      stream.write(`\r${line.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
