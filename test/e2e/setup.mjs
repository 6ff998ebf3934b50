// What the workbench tests share: the prerequisite check (skip locally, fail under CI), the code-server
// install, and running a build step with its timing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, codeServerBin } from './workbench.mjs';
import { REPO } from './reports.mjs';

export const CODE_SERVER_DIR = path.join(REPO, '.cache/code-server');

export function makeLog(prefix) {
  const t0 = Date.now();
  return (what) => console.log(`# ${prefix} ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
}

/**
 * Registers `suite` as a describe block when chromium exists; otherwise a test that is skipped with the
 * reason, or that fails under CI (CI installs chromium, so the workbench tests must run there).
 */
export function workbenchDescribe({ describe, test }, name, suite) {
  const missing = fs.existsSync(CHROMIUM) ? undefined : `chromium not found at ${CHROMIUM} (apt-get install chromium fonts-wqy-zenhei)`;
  if (!missing) describe(name, { timeout: 600_000 }, suite);
  else if (process.env.CI) test(name, () => { throw new Error(`CI must run the workbench tests, but ${missing}; .ci/run installs it`); });
  else test(name, (t) => t.skip(`skipped: ${missing}`));
}

/** Runs a command line in the repository; throws with its output when it fails. */
export function run(cmd, args, what, log) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`.slice(-6000));
  log?.(`${what} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.stdout;
}

/** Installs code-server into .cache/code-server unless it is there (first run about 1–2 minutes). */
export function ensureCodeServer(log) {
  if (fs.existsSync(path.join(CODE_SERVER_DIR, '.installed')) && fs.existsSync(codeServerBin(CODE_SERVER_DIR))) return;
  run('bash', ['scripts/install-code-server.sh', CODE_SERVER_DIR], 'installing code-server', log);
}
