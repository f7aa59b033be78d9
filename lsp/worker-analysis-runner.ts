// Rule analyses for hover and "Analyze rule" off the server's thread: a worker runs them, so the
// server keeps reading messages, and an edit cancels them by ending the worker (a count cannot be
// interrupted any other way). Node only; the browser playground analyses on its own thread.
import { Worker } from "node:worker_threads";
import type { AnalysisJob, RuleAnalysis } from "../compiler/index.js";
import { AnalysisCancelledError, type AnalysisRunner } from "./analysis-runner.js";

/** The role a worker started from the server's own file plays (see node-main.ts). */
export const ANALYSIS_WORKER = "mlat-analysis-worker";

export class WorkerAnalysisRunner implements AnalysisRunner {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: RuleAnalysis | string) => void; reject: (e: Error) => void }>();

  /** `entry`: the file that, started as a worker with ANALYSIS_WORKER as its data, serves analyses. */
  constructor(private readonly entry: string) {}

  run(job: Pick<AnalysisJob, "ruleset" | "rule" | "options">): Promise<RuleAnalysis | string> {
    const worker = this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ruleset: job.ruleset, rule: job.rule, options: job.options });
    });
  }

  cancelAll(): void {
    if (this.pending.size === 0) return;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const p of this.pending.values()) p.reject(new AnalysisCancelledError("the text changed"));
    this.pending.clear();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry, { workerData: ANALYSIS_WORKER });
    worker.unref(); // an idle worker never keeps the server alive
    worker.on("message", (m: { id: number; result?: RuleAnalysis | string; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
    });
    worker.on("error", (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}
