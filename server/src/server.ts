// Entry of dist/server.js. The same bundle also runs as the lint worker thread (see lsp/lintPool.ts),
// so there is one file to ship. Transport from the command line: --stdio, --node-ipc, --socket=N.
import { isMainThread, parentPort } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runWorker } from './lsp/lintPool';
import { startServer } from './lsp/server';
import { version } from '../../package.json';

if (!isMainThread && parentPort) {
  runWorker(parentPort);
} else {
  const connection = createConnection(ProposedFeatures.all);
  // Never let one bad document or request take the server down: log and carry on.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  startServer(connection, {
    workerScript: process.env.JUESUAN_LINT_NO_WORKER ? undefined : __filename,
    version,
    lintTimeoutMs: Number(process.env.JUESUAN_LINT_TIMEOUT_MS) || undefined,
  });
}
