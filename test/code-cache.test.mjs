// The CLI's code cache (server/src/cli/code-cache.ts): written by a run, used by the next, never changing what a run
// reports; a damaged or stale cache is ignored and replaced, and JUESUAN_LINT_CODE_CACHE_DIR=off writes nothing.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/juesuan-lint.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'juesuan-code-cache-'));
after(() => rmSync(work, { recursive: true, force: true }));

// Eight reports: enough for the worker pool (each worker saves its cache after its third file).
const reports = join(work, 'reports');
spawnSync('mkdir', ['-p', reports]);
for (let i = 0; i < 8; i++) {
  const share = (40 + i).toFixed(2);
  writeFileSync(join(reports, `r${i}.txt`), `2024年一般公共预算财政拨款支出100.00万元，其中：基本支出${share}万元，项目支出40.00万元。\n`);
}
const one = join(reports, 'r0.txt');

function run(args, cacheDir, env = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--format', 'json'], { env: { ...process.env, JUESUAN_LINT_CODE_CACHE_DIR: cacheDir, ...env }, encoding: 'utf8' });
  assert.notEqual(r.status, 2, r.stderr);
  return JSON.parse(r.stdout).map((f) => ({ ...f, filePath: f.filePath.slice(reports.length) }));
}

const files = (dir) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

test('a run writes the caches of its threads; the next run uses them and reports the same', () => {
  const dir = join(work, 'cache-a');
  const first = run([reports], dir);
  const written = files(dir);
  assert.ok(written.some((f) => /^cli-worker-[0-9a-f]{32}\.bin$/.test(f)), written.join(' '));
  assert.ok(written.some((f) => /^cli-[0-9a-f]{32}\.bin$/.test(f)), written.join(' '));
  assert.deepEqual(run([reports], dir), first);
  assert.deepEqual(files(dir), written);
  assert.ok(first.some((f) => f.errorCount > 0), 'the reports have a slip to find');
});

test('a run that lints on the main thread adds the cache that holds the lint code', () => {
  const dir = join(work, 'cache-b');
  run([reports], dir);
  const single = run([one], dir);
  assert.ok(files(dir).some((f) => /^cli-[0-9a-f]{32}-lint\.bin$/.test(f)), files(dir).join(' '));
  assert.deepEqual(run([one], dir), single);
});

test('a damaged cache is ignored and replaced; a stale one is removed', () => {
  const dir = join(work, 'cache-c');
  const clean = run([reports], dir);
  const worker = files(dir).find((f) => f.startsWith('cli-worker-'));
  writeFileSync(join(dir, worker), Buffer.alloc(4096, 7));
  writeFileSync(join(dir, `cli-worker-${'0'.repeat(32)}.bin`), 'an older build');
  assert.deepEqual(run([reports], dir), clean);
  assert.ok(statSync(join(dir, worker)).size > 100_000, 'rewritten from the run');
  assert.ok(!files(dir).includes(`cli-worker-${'0'.repeat(32)}.bin`));
});

test('without JUESUAN_LINT_CODE_CACHE_DIR the cache is kept in the temp dir; with it set to off, nowhere', () => {
  const temp = join(work, 'temp');
  spawnSync('mkdir', ['-p', temp]);
  const off = run([reports], 'off', { TMPDIR: temp });
  assert.deepEqual(files(temp), []);
  assert.deepEqual(run([reports], '', { TMPDIR: temp }), off);
  assert.deepEqual(files(temp).map((f) => f.replace(/\d+$/, 'N')), ['juesuan-lint-code-cache-N']);
});

test('a cache folder other users can write into is not used', { skip: process.platform === 'win32' }, () => {
  const dir = join(work, 'cache-shared');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  const result = run([reports], dir);
  assert.equal(result.length, 8);
  assert.deepEqual(files(dir), []);
});
