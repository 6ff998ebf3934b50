// Spreads files over worker threads (one per core) and returns results in input order.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LINT_YOUNG_GENERATION_MB } from '../core/lint';
import { lintFile, type FileResult, type LintJob } from './lint-file';
import type { WorkerRequest, WorkerResponse } from './worker';

/** Below this many files, starting workers (≈ 50 ms each) costs more than it saves. */
export const POOL_THRESHOLD = 6;

/**
 * Wall-time limit per file. A worker that exceeds it is terminated and the file reported as not
 * checked, so no input (however pathological for some rule) can hang a run. Override with
 * JUESUAN_LINT_FILE_TIMEOUT_MS.
 */
export function fileTimeoutMs(): number {
  const env = Number(process.env.JUESUAN_LINT_FILE_TIMEOUT_MS);
  return Number.isFinite(env) && env > 0 ? env : 120_000;
}

function timedOut(job: LintJob, ms: number): FileResult {
  const s = Math.round(ms / 1000);
  return {
    filePath: job.filePath,
    findings: [],
    notices: [{ 'zh-cn': `检查超时（超过 ${s} 秒），已中止，未报告结果。`, en: `Checking timed out (over ${s} s) and was stopped; no results reported.` }],
  };
}

export function lintSequential(jobs: LintJob[]): FileResult[] {
  return jobs.map((job) => {
    try {
      return lintFile(job);
    } catch (e) {
      return { filePath: job.filePath, findings: [], notices: [], ioError: `internal error: ${(e as Error).stack ?? e}` };
    }
  });
}

/**
 * Files sent to a worker ahead of the one it is linting: the next file is already there when a result goes back, so a
 * worker never waits for the round trip through the main thread.
 */
const IN_FLIGHT = 2;

export function lintInPool(jobs: LintJob[], workerCount = Math.min(availableParallelism(), jobs.length)): Promise<FileResult[]> {
  const script = join(__dirname, 'cli-worker-boot.js');
  const timeout = fileTimeoutMs();
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    if (jobs.length === 0) return resolve(results);
    const workers: Worker[] = [];
    const record = (id: number, result: FileResult) => {
      if (results[id] !== undefined) return;
      results[id] = result;
      if (++done === jobs.length) {
        for (const w of workers) void w.terminate();
        resolve(results);
      }
    };
    /** A worker, first given `handed` (files a failed worker held but had not reached). */
    const start = (handed: number[]) => {
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: LINT_YOUNG_GENERATION_MB } });
      workers.push(worker);
      // The files sent and not answered yet, in order: the first is the one being linted.
      const queue: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let dead = false;
      const fill = () => {
        while (queue.length < IN_FLIGHT && (handed.length > 0 || next < jobs.length)) {
          const id = handed.length > 0 ? handed.shift()! : next++;
          queue.push(id);
          worker.postMessage({ id, job: jobs[id] } satisfies WorkerRequest);
        }
        clearTimeout(timer);
        // (The worker starts the first file of the queue as soon as it has answered the one before: time it from now.)
        if (queue.length > 0) timer = setTimeout(stuck, timeout + 5_000);
      };
      /** The worker is gone: the file it held gets `result`, the files queued behind it go to a new worker. */
      const fail = (result: (id: number) => FileResult) => {
        dead = true;
        clearTimeout(timer);
        void worker.terminate();
        const id = queue.shift();
        if (queue.length > 0 || next < jobs.length) start(queue);
        if (id !== undefined) record(id, result(id));
      };
      // The worker is stuck on this file (a grace period over the engine's own cooperative limit, which ends cleanly
      // when it can): record it as not checked, go on with a new worker.
      const stuck = () => fail((id) => timedOut(jobs[id], timeout));
      worker.on('message', (msg: WorkerResponse) => {
        if (dead) return;
        clearTimeout(timer);
        queue.splice(queue.indexOf(msg.id), 1);
        record(msg.id, msg.result);
        if (done < jobs.length) fill();
      });
      // The worker died (e.g. out of memory): record the file it held, and carry on with a new worker.
      worker.on('error', (e) => {
        if (!dead) fail((id) => ({ filePath: jobs[id].filePath, findings: [], notices: [], ioError: `worker failed: ${e.message}` }));
      });
      fill();
    };
    for (let i = 0; i < workerCount; i++) start([]);
  });
}
