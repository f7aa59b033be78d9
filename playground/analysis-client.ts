// The page's side of the analysis worker: one request at a time per kind of question, answers
// matched by id, progress passed on, and cancel = terminate the worker (a count in progress cannot
// be interrupted any other way) and start a fresh one for the next question.
import type { AnalysisAnswer, AnalysisRequest } from "./analysis-requests.js";

type Pending = { resolve: (a: AnalysisAnswer) => void; progress?: (done: number, total: number) => void };
type Question = AnalysisRequest extends infer R ? (R extends AnalysisRequest ? Omit<R, "id"> : never) : never;

export class AnalysisClient {
  // Started on the first question, so that it does not compete with the language server's start.
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly start: () => Worker) {}

  private spawn(): Worker {
    const worker = this.start();
    worker.addEventListener("message", (e: MessageEvent<{ id: number; progress?: { done: number; total: number }; result?: AnalysisAnswer }>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      if (e.data.progress) p.progress?.(e.data.progress.done, e.data.progress.total);
      else if (e.data.result) {
        this.pending.delete(e.data.id);
        p.resolve(e.data.result);
      }
    });
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      this.restart(`the analysis stopped: ${e.message || "the worker failed"}`);
    });
    return worker;
  }

  ask(question: Question, progress?: (done: number, total: number) => void): Promise<AnalysisAnswer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, ...(progress ? { progress } : {}) });
      (this.worker ??= this.spawn()).postMessage({ ...question, id });
    });
  }

  /** Whether an answer is still awaited. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops whatever the worker is doing; every waiting question is answered with `reason`. */
  cancel(reason = "cancelled"): void {
    this.restart(reason);
  }

  private restart(reason: string): void {
    this.worker?.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.worker = undefined;
    for (const p of waiting) p.resolve({ error: reason });
  }
}
