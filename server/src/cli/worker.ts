// Worker thread of the CLI pool: lints the files it is sent, one message per file.
import { parentPort } from 'node:worker_threads';
import { lintFile, type FileResult, type LintJob } from './lint-file';

export interface WorkerRequest {
  id: number;
  job: LintJob;
}

export interface WorkerResponse {
  id: number;
  result: FileResult;
}

parentPort?.on('message', (msg: WorkerRequest) => {
  let result: FileResult;
  try {
    result = lintFile(msg.job);
  } catch (e) {
    // A bug in a rule must cost one file, not the run.
    result = { filePath: msg.job.filePath, findings: [], notices: [], ioError: `internal error: ${(e as Error).stack ?? e}` };
  }
  parentPort!.postMessage({ id: msg.id, result } satisfies WorkerResponse);
});
