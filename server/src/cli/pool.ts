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

export function lintInPool(jobs: LintJob[], workerCount = Math.min(availableParallelism(), jobs.length)): Promise<FileResult[]> {
  const script = join(__dirname, 'cli-worker.js');
  const timeout = fileTimeoutMs();
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    if (jobs.length === 0) return resolve(results);
    const workers: Worker[] = [];
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve(results);
    };
    const start = () => {
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: LINT_YOUNG_GENERATION_MB } });
      workers.push(worker);
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let dead = false;
      const feed = () => {
        if (next >= jobs.length) {
          current = -1;
          return;
        }
        current = next++;
        worker.postMessage({ id: current, job: jobs[current] } satisfies WorkerRequest);
        timer = setTimeout(() => {
          // The worker is stuck on this file: record it, replace the worker, go on.
          const id = current;
          current = -1;
          dead = true;
          void worker.terminate();
          settle(id, timedOut(jobs[id], timeout), true);
          // A grace period over the engine's own cooperative limit, which ends cleanly when it can.
        }, timeout + 5_000);
      };
      const settle = (id: number, result: FileResult, replace: boolean) => {
        clearTimeout(timer);
        if (results[id] === undefined) {
          results[id] = result;
          done++;
        }
        if (done === jobs.length) finish();
        else if (replace) {
          if (next < jobs.length) start();
        } else feed();
      };
      worker.on('message', (msg: WorkerResponse) => {
        if (!dead) settle(msg.id, msg.result, false);
      });
      worker.on('error', (e) => {
        // The worker died (e.g. out of memory): record the file it held, and carry on with a new worker.
        const id = current;
        current = -1;
        if (dead) return;
        dead = true;
        if (id >= 0) settle(id, { filePath: jobs[id].filePath, findings: [], notices: [], ioError: `worker failed: ${e.message}` }, true);
        else if (next < jobs.length) start();
      });
      feed();
    };
    for (let i = 0; i < workerCount; i++) start();
  });
}
