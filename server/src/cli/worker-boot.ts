// A CLI pool worker's entry: dist/cli-worker.js run from the code cache. The cache is written after the worker's first
// files, when the lint code has been compiled (a worker is terminated, not ended, so it cannot wait for its exit).
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { requireWithCodeCache } from './code-cache';

const WARM_FILES = 3;

const worker = requireWithCodeCache(join(__dirname, 'cli-worker.js'));
let files = 0;
// (Listeners run in the order they were added: cli-worker.js's, which lints the file, runs first.)
parentPort?.on('message', () => {
  if (++files === WARM_FILES) worker.save();
});
