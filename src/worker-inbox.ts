/**
 * A worker thread of this code base (the candidate reader, the import's line readers), and what it sends,
 * as an inbox read in order. Compiled (dist/), the worker is the .js beside the module that starts it; from
 * the TypeScript sources (tsx, vitest) a worker thread does not inherit the parent's loader, so
 * tsx-worker.boot.mjs registers tsx (a dev dependency, never needed by the compiled path) and imports the .ts.
 */
import { Worker } from 'node:worker_threads';

export class WorkerInbox<M> {
  readonly worker: Worker;
  private readonly queue: M[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  /** Messages received so far. */
  received = 0;

  /**
   * Starts `name` (a module beside `from`, without its extension) with `data`; `what` names it in the error
   * raised if it stops while the inbox is still read.
   */
  constructor(from: string, name: string, data: { module?: string }, what: string) {
    if (from.endsWith('.js')) this.worker = new Worker(new URL(`./${name}.js`, from), { workerData: data });
    else {
      data.module = new URL(`./${name}.ts`, from).href;
      this.worker = new Worker(new URL('./tsx-worker.boot.mjs', import.meta.url), { workerData: data });
    }
    this.worker.on('message', (m: M) => {
      this.received++;
      this.queue.push(m);
      this.wake?.();
    });
    this.worker.on('error', (e: Error) => {
      this.failure ??= e;
      this.wake?.();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new Error(`${what} stopped (exit code ${code}) before its end`);
      this.wake?.();
    });
  }

  /** Messages received and not yet taken. */
  get size(): number {
    return this.queue.length;
  }

  /** The next message, in the order sent; the worker's failure once none is left. */
  async next(): Promise<M> {
    while (this.queue.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    return this.queue.shift() as M;
  }

  close(): void {
    void this.worker.terminate();
  }
}
