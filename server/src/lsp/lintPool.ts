// Lints run in a worker thread, so hovers, code actions and text sync stay responsive while a large
// report is checked. Superseded lints are cancelled through a shared flag the core polls
// (LintOptions.isCancelled); lints still waiting in the queue are simply dropped.
import { Worker, type MessagePort } from 'node:worker_threads';
import { fixAll, type FixAllResult } from '../core/fixes';
import { lint, LintCancelled } from '../core/lint';
import type { RuleSetting } from '../core/types';
import { analyze, fromWire, type Analysis, type LintJob, type WireHead } from './analysis';

type Request =
  | { id: number; type: 'lint'; job: LintJob; cancel: SharedArrayBuffer }
  | { id: number; type: 'fixAll'; text: string; rules: Record<string, RuleSetting> };

/** A lint answers twice: its head (diagnostics, fixes) at once, then its detail (hovers, preview). */
type Response =
  | { id: number; ok: true; value: WireHead | FixAllResult }
  | { id: number; ok: false; cancelled: boolean; error?: string }
  | { id: number; detailJson: string }
  | { id: number; detailError: string };

export class Cancelled extends Error {
  constructor() {
    super('superseded');
  }
}

/** Answers a request through `post`: a lint posts its head, then its detail. */
function respond(req: Request, post: (res: Response) => void): void {
  let detailJson: (() => string) | undefined;
  try {
    if (req.type === 'fixAll') {
      post({ id: req.id, ok: true, value: fixAll(req.text, lint, { rules: req.rules }) });
      return;
    }
    const flag = new Int32Array(req.cancel);
    const analysis = analyze(req.job, () => Atomics.load(flag, 0) === 1);
    detailJson = analysis.detailJson;
    post({ id: req.id, ok: true, value: analysis.head });
  } catch (e) {
    if (e instanceof LintCancelled) post({ id: req.id, ok: false, cancelled: true });
    else post({ id: req.id, ok: false, cancelled: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return;
  }
  try {
    post({ id: req.id, detailJson: detailJson() });
  } catch (e) {
    post({ id: req.id, detailError: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

/** The worker side: answers requests one at a time. */
export function runWorker(port: MessagePort): void {
  port.on('message', (req: Request) => respond(req, (res) => port.postMessage(res)));
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
  /** Details still to come, by request id. */
  private details = new Map<number, { resolve(json: string): void; reject(error: Error): void }>();

  constructor(private readonly options: PoolOptions) {}

  /** Lints one document version; `cancel()` stops it (the promise then rejects with Cancelled). */
  lint(job: LintJob): { promise: Promise<Analysis>; cancel(): void } {
    const cancel = new SharedArrayBuffer(4);
    const req: Request = { id: this.nextId++, type: 'lint', job, cancel };
    // A queued lint of the same document is superseded before it starts.
    for (const t of this.queue.filter((t) => t.uri === job.uri)) this.drop(t);
    const detail = new Promise<string>((resolve, reject) => this.details.set(req.id, { resolve, reject }));
    // Nobody may ever read the detail of a superseded lint: an unread rejection is not an error.
    detail.catch(() => undefined);
    let task!: Task;
    const promise = new Promise<Analysis>((resolve, reject) => {
      task = {
        req,
        uri: job.uri,
        resolve: (head) => resolve(fromWire(head as WireHead, detail)),
        reject: (e) => {
          this.failDetail(req.id, e);
          reject(e);
        },
      };
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

  private failDetail(id: number, error: Error): void {
    this.details.get(id)?.reject(error);
    this.details.delete(id);
  }

  /** A message from the worker (or the in-thread runner): a detail, or the settling of the current task. */
  private receive(res: Response): void {
    if ('detailJson' in res) {
      this.details.get(res.id)?.resolve(res.detailJson);
      this.details.delete(res.id);
      return;
    }
    if ('detailError' in res) {
      this.failDetail(res.id, new Error(res.detailError));
      return;
    }
    this.settle(res);
  }

  dispose(): void {
    for (const id of [...this.details.keys()]) this.failDetail(id, new Cancelled());
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
    setImmediate(() => respond(task.req, (res) => this.receive(res)));
  }

  private settle(res: Extract<Response, { ok: boolean }>): void {
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
      worker.on('message', (res: Response) => this.receive(res));
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
    // Details the old worker owed will never come.
    for (const id of [...this.details.keys()]) this.failDetail(id, new Error(reason));
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
