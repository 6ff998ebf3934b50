// Lints run in a worker thread, so hovers, code actions and text sync stay responsive while a large
// report is checked. Superseded lints are cancelled through a shared flag the core polls
// (LintOptions.isCancelled); lints still waiting in the queue are simply dropped.
import { Worker, type MessagePort } from 'node:worker_threads';
import { fixAll, type FixAllResult } from '../core/fixes';
import { lint, LintCancelled } from '../core/lint';
import type { RuleSetting } from '../core/types';
import { analyze, fromWire, type Analysis, type LintJob, type WireAnalysis } from './analysis';

type Request =
  | { id: number; type: 'lint'; job: LintJob; cancel: SharedArrayBuffer }
  | { id: number; type: 'fixAll'; text: string; rules: Record<string, RuleSetting> };

type Response = { id: number; ok: true; value: WireAnalysis | FixAllResult } | { id: number; ok: false; cancelled: boolean; error?: string };

export class Cancelled extends Error {
  constructor() {
    super('superseded');
  }
}

function execute(req: Request): WireAnalysis | FixAllResult {
  if (req.type === 'fixAll') return fixAll(req.text, lint, { rules: req.rules });
  const flag = new Int32Array(req.cancel);
  return analyze(req.job, () => Atomics.load(flag, 0) === 1);
}

function respond(req: Request): Response {
  try {
    return { id: req.id, ok: true, value: execute(req) };
  } catch (e) {
    if (e instanceof LintCancelled) return { id: req.id, ok: false, cancelled: true };
    return { id: req.id, ok: false, cancelled: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** The worker side: answers requests one at a time. */
export function runWorker(port: MessagePort): void {
  port.on('message', (req: Request) => port.postMessage(respond(req)));
}

interface Task {
  req: Request;
  uri?: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface PoolOptions {
  /** The script to start as worker (the server bundle itself); undefined = lint in this thread. */
  workerScript?: string;
  /** A lint running longer than this is stopped by restarting the worker. */
  timeoutMs?: number;
  log(message: string): void;
}

export class LintPool {
  private worker?: Worker;
  private queue: Task[] = [];
  private current?: { task: Task; timer: NodeJS.Timeout };
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {}

  /** Lints one document version; `cancel()` stops it (the promise then rejects with Cancelled). */
  lint(job: LintJob): { promise: Promise<Analysis>; cancel(): void } {
    const cancel = new SharedArrayBuffer(4);
    const req: Request = { id: this.nextId++, type: 'lint', job, cancel };
    // A queued lint of the same document is superseded before it starts.
    for (const t of this.queue.filter((t) => t.uri === job.uri)) this.drop(t);
    let task!: Task;
    const promise = new Promise<Analysis>((resolve, reject) => {
      task = { req, uri: job.uri, resolve: (wire) => resolve(fromWire(wire as WireAnalysis)), reject };
    });
    this.queue.push(task);
    this.pump();
    return {
      promise,
      cancel: () => {
        if (this.queue.includes(task)) this.drop(task);
        else Atomics.store(new Int32Array(cancel), 0, 1);
      },
    };
  }

  fixAll(text: string, rules: Record<string, RuleSetting>): Promise<FixAllResult> {
    return new Promise<FixAllResult>((resolve, reject) => {
      this.queue.push({ req: { id: this.nextId++, type: 'fixAll', text, rules }, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  dispose(): void {
    for (const t of this.queue) t.reject(new Cancelled());
    this.queue = [];
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.task.reject(new Cancelled());
      this.current = undefined;
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private drop(task: Task): void {
    this.queue.splice(this.queue.indexOf(task), 1);
    task.reject(new Cancelled());
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const task = this.queue.shift()!;
    const timer = setTimeout(() => this.restart(`lint timed out after ${this.options.timeoutMs} ms`), this.options.timeoutMs ?? 60_000);
    this.current = { task, timer };
    const worker = this.ensureWorker();
    if (worker) {
      worker.postMessage(task.req);
      return;
    }
    // No worker: run here, after the current event-loop turn so requests queued meanwhile are served.
    setImmediate(() => this.settle(respond(task.req)));
  }

  private settle(res: Response): void {
    if (!this.current || this.current.task.req.id !== res.id) return;
    const { task, timer } = this.current;
    clearTimeout(timer);
    this.current = undefined;
    if (res.ok) task.resolve(res.value);
    else if (res.cancelled) task.reject(new Cancelled());
    else task.reject(new Error(res.error ?? 'lint failed'));
    this.pump();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !this.options.workerScript) return this.worker;
    try {
      const worker = new Worker(this.options.workerScript, { workerData: { role: 'juesuan-lint-worker' } });
      worker.on('message', (res: Response) => this.settle(res));
      worker.on('error', (e) => this.restart(`lint worker failed: ${e.stack ?? e.message}`));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.restart(`lint worker exited with code ${code}`);
      });
      worker.unref();
      this.worker = worker;
    } catch (e) {
      this.options.log(`cannot start a lint worker, linting in the server thread: ${(e as Error).message}`);
      this.options.workerScript = undefined;
    }
    return this.worker;
  }

  /** Ends a failed or hung worker; its task fails, the queue continues on a fresh worker. */
  private restart(reason: string): void {
    this.options.log(reason);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    if (this.current) {
      clearTimeout(this.current.timer);
      const { task } = this.current;
      this.current = undefined;
      task.reject(new Error(reason));
    }
    this.pump();
  }
}
