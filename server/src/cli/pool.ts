// Spreads files over worker threads (one per core) and returns results in input order.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintFile, type FileResult, type LintJob } from './lint-file';
import type { WorkerRequest, WorkerResponse } from './worker';

/** Below this many files, starting workers (≈ 50 ms each) costs more than it saves. */
export const POOL_THRESHOLD = 6;

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
      const worker = new Worker(script);
      workers.push(worker);
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          current = -1;
          return;
        }
        current = next++;
        worker.postMessage({ id: current, job: jobs[current] } satisfies WorkerRequest);
      };
      worker.on('message', (msg: WorkerResponse) => {
        results[msg.id] = msg.result;
        done++;
        if (done === jobs.length) finish();
        else feed();
      });
      worker.on('error', (e) => {
        // The worker died (e.g. out of memory): record the file it held, and carry on with a new worker.
        if (current >= 0 && results[current] === undefined) {
          results[current] = { filePath: jobs[current].filePath, findings: [], notices: [], ioError: `worker failed: ${e.message}` };
          done++;
        }
        current = -1;
        if (done === jobs.length) finish();
        else if (next < jobs.length) start();
      });
      feed();
    };
    for (let i = 0; i < workerCount; i++) start();
  });
}
