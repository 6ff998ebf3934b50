// Memo tables last one lint (server/src/core/lint-memo.ts): a lint's objects must not stay reachable from a module-level table
// once it returns, or V8 promotes them all to the old generation. Bundled from source: the core's public API does not
// export the memo tables.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'juesuan-memo-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const bundle = join(dir, 'memo.cjs');
buildSync({
  stdin: { contents: "export { lint } from './server/src/core/lint'; export { LintMemo } from './server/src/core/lint-memo';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'error',
});
const { lint, LintMemo } = require(bundle);

const REPORT = '一般公共预算财政拨款支出100.00万元，其中：基本支出60.00万元，项目支出40.00万元。\n';

test('a memo holds its entries until the lint ends, then forgets them', () => {
  const memo = new LintMemo();
  const key = {};
  memo.set(key, 'kept');
  assert.equal(memo.get(key), 'kept');
  assert.equal(memo.has(key), true);
  const result = lint(REPORT);
  assert.equal(result.findings.filter((f) => f.severity === 'error').length, 0);
  assert.equal(memo.get(key), undefined);
  assert.equal(memo.has(key), false);
});

test('a cancelled lint forgets its memos too', () => {
  const memo = new LintMemo();
  const key = {};
  memo.set(key, 1);
  assert.throws(() => lint(REPORT, { isCancelled: () => true }), /cancelled/);
  assert.equal(memo.get(key), undefined);
});

test('falsy values are held as values, not as misses', () => {
  const memo = new LintMemo();
  const key = {};
  memo.set(key, null);
  assert.equal(memo.has(key), true);
  assert.equal(memo.get(key), null);
});
