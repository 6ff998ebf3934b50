// Lints run in a worker thread, so hovers, code actions and text sync stay responsive while a large
// report is checked. Superseded lints are cancelled through a shared flag the core polls
// (LintOptions.isCancelled); lints still waiting in the queue are simply dropped.
import { performance } from 'node:perf_hooks';
import { Worker, type MessagePort } from 'node:worker_threads';
import { fixAll, type FixAllResult } from '../core/fixes';
import { lint, LintCancelled } from '../core/lint';
import type { RuleSetting } from '../core/types';
import { analyze, fromWire, type Analysis, type DetailSteps, type LintJob, type WireHead } from './analysis';

type Request =
  | { id: number; type: 'lint'; job: LintJob; cancel: SharedArrayBuffer }
  | { id: number; type: 'fixAll'; text: string; rules: Record<string, RuleSetting> }
  /** Somebody waits for this lint's detail: build it now. */
  | { id: number; type: 'want' }
  /** Nobody will read this lint's detail. */
  | { id: number; type: 'drop' };

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

/** How long a detail is built before requests that came meanwhile (a newer lint) go first. */
const SLICE_MS = 2;
/**
 * Details nobody asked for yet wait until no lint came for this long: an edit right after a lint (no
 * debounce, or a slow lint) is linted without a detail being built, and collected, beside it.
 */
const IDLE_MS = 50;
/** Details of one document owed at most before the oldest is finished ahead of its next lint (each keeps a whole lint result alive). */
const MAX_OWED = 2;

const errorText = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));

/**
 * The lint side (the worker thread, or the server thread when there is none): answers requests in
 * order. A lint posts its head at once and owes its detail, which is built in slices once lints pause,
 * so a detail never holds up the next lint's diagnostics; a detail somebody waits for is finished at once.
 */
class Linter {
  /** Details still to build, oldest first. */
  private owed = new Map<number, { uri: string; steps: DetailSteps }>();
  private slicing = false;
  private lastLint = -Infinity;

  constructor(private readonly post: (res: Response) => void) {}

  handle(req: Request): void {
    switch (req.type) {
      case 'want':
        this.build(req.id, Infinity);
        return;
      case 'drop':
        this.owed.delete(req.id);
        return;
      case 'fixAll':
        try {
          this.post({ id: req.id, ok: true, value: fixAll(req.text, lint, { rules: req.rules }) });
        } catch (e) {
          this.post({ id: req.id, ok: false, cancelled: false, error: errorText(e) });
        }
        return;
      case 'lint':
        this.lint(req);
    }
  }

  private lint(req: Extract<Request, { type: 'lint' }>): void {
    // Another document's detail will be read (nothing supersedes it), and so is finished first as
    // before, which keeps memory as it was when many documents are linted in a row. Only the
    // detail of an older version of this document, likely dropped soon, waits.
    let sameDocument = 0;
    for (const [id, { uri }] of [...this.owed].reverse()) {
      if (uri === req.job.uri && ++sameDocument < MAX_OWED) continue;
      this.build(id, Infinity);
    }
    const flag = new Int32Array(req.cancel);
    try {
      const { head, detail } = analyze(req.job, () => Atomics.load(flag, 0) === 1);
      this.post({ id: req.id, ok: true, value: head });
      this.owed.set(req.id, { uri: req.job.uri, steps: detail });
    } catch (e) {
      if (e instanceof LintCancelled) this.post({ id: req.id, ok: false, cancelled: true });
      else this.post({ id: req.id, ok: false, cancelled: false, error: errorText(e) });
    }
    this.lastLint = performance.now();
    this.slice();
  }

  /** Builds the oldest owed detail for a while once lints pause, in a later turn of the event loop (after requests that came meanwhile). */
  private slice(): void {
    if (this.slicing || this.owed.size === 0) return;
    this.slicing = true;
    const go = () => {
      this.slicing = false;
      const oldest = this.owed.keys().next();
      if (!oldest.done && performance.now() - this.lastLint >= IDLE_MS) this.build(oldest.value, performance.now() + SLICE_MS);
      this.slice();
    };
    const pause = IDLE_MS - (performance.now() - this.lastLint);
    if (pause > 0) setTimeout(go, pause);
    else setImmediate(go);
  }

  /** Steps an owed detail until it is done (then posts it) or the deadline has passed. */
  private build(id: number, deadline: number): void {
    const steps = this.owed.get(id)?.steps;
    if (!steps) return;
    try {
      for (;;) {
        const step = steps.next();
        if (step.done) {
          this.owed.delete(id);
          this.post({ id, detailJson: step.value });
          return;
        }
        if (performance.now() >= deadline) return;
      }
    } catch (e) {
      this.owed.delete(id);
      this.post({ id, detailError: errorText(e) });
    }
  }
}

/** The worker side: answers requests one at a time. */
export function runWorker(port: MessagePort): void {
  const linter = new Linter((res) => port.postMessage(res));
  port.on('message', (req: Request) => linter.handle(req));
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
  /** Lints in this thread when there is no worker. */
  private readonly local = new Linter((res) => this.receive(res));

  constructor(private readonly options: PoolOptions) {}

  /** Lints one document version; `cancel()` stops it (the promise then rejects with Cancelled). */
  lint(job: LintJob): { promise: Promise<Analysis>; cancel(): void } {
    const cancel = new SharedArrayBuffer(4);
    const req: Request = { id: this.nextId++, type: 'lint', job, cancel };
    // A queued lint of the same document is superseded before it starts.
    for (const t of this.queue.filter((t) => t.uri === job.uri)) this.drop(t);
    const json = new Promise<string>((resolve, reject) => this.details.set(req.id, { resolve, reject }));
    // Nobody may ever read the detail of a superseded lint: an unread rejection is not an error.
    json.catch(() => undefined);
    const detail = {
      json,
      want: () => this.tell({ id: req.id, type: 'want' }),
      drop: () => {
        this.tell({ id: req.id, type: 'drop' });
        this.failDetail(req.id, new Cancelled());
      },
    };
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

  /** Passes on a word about a detail that is still to come (a detail already here or failed needs none). */
  private tell(req: Extract<Request, { type: 'want' | 'drop' }>): void {
    if (!this.details.has(req.id)) return;
    if (this.worker) this.worker.postMessage(req);
    else this.local.handle(req);
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
    setImmediate(() => this.local.handle(task.req));
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
