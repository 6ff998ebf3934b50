// The shared configuration API (server/src/config, used by the CLI and the language server; the
// build has no separate config bundle, so the CLI bundle re-exports it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseConfig, mergeSettings, loadConfigFor, createConfigLoader, parseRuleSetting } = require('../dist/cli.js');
const RULES = ['number-format', 'sum-mismatch'];

test('parseConfig accepts every severity spelling and a locale', () => {
  const { settings, problems } = parseConfig({ rules: { 'number-format': 'warn', 'sum-mismatch': 'info' }, locale: 'en' }, RULES);
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, { rules: { 'number-format': 'warning', 'sum-mismatch': 'info' }, locale: 'en' });
  for (const [input, expected] of [['off', 'off'], ['warning', 'warning'], ['ERROR', 'error'], [' info ', 'info'], ['loud', undefined], [2, undefined]]) {
    assert.equal(parseRuleSetting(input), expected, String(input));
  }
  assert.deepEqual(parseConfig('{"rules": {"number-format": ["error"]}}', RULES).settings.rules, { 'number-format': 'error' });
});

test('parseConfig drops invalid parts with a bilingual problem each, never throws', () => {
  const { settings, problems } = parseConfig({ rules: { 'number-format': 'loud', 'no-such': 'off', 'sum-mismatch': 'off' }, locale: 'fr', extra: 1 }, RULES);
  assert.deepEqual(settings, { rules: { 'sum-mismatch': 'off' } });
  assert.equal(problems.length, 4);
  for (const p of problems) assert.ok(p.message['zh-cn'] && p.message.en);
  assert.match(problems.map((p) => p.message.en).join('\n'), /loud[\s\S]*no-such|no-such[\s\S]*loud/);
  for (const bad of ['{', '[]', 'null', '42', JSON.stringify({ rules: [] })]) {
    const r = parseConfig(bad, RULES);
    assert.equal(r.problems.length, 1, bad);
  }
  assert.deepEqual(parseConfig('\uFEFF{"locale":"zh-cn"}', RULES), { settings: { locale: 'zh-cn' }, problems: [] }, 'a BOM is tolerated');
});

test('mergeSettings: later layers win per rule', () => {
  const merged = mergeSettings({ rules: { a: 'error', b: 'info' }, locale: 'en' }, undefined, { rules: { a: 'off' } }, { locale: 'zh-cn' });
  assert.deepEqual(merged, { rules: { a: 'off', b: 'info' }, locale: 'zh-cn' });
  assert.deepEqual(mergeSettings(), { rules: {} });
});

test('loadConfigFor: nearest file walking up, none at all, caching loader', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'juesuan-config-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
  writeFileSync(join(root, '.juesuan-lint.json'), JSON.stringify({ rules: { 'number-format': 'error' } }));
  writeFileSync(join(root, 'a', 'b', '.juesuan-lint.json'), JSON.stringify({ rules: { 'number-format': 'off' } }));
  assert.deepEqual(loadConfigFor(join(root, 'a', 'b', 'c', 'r.txt')).settings.rules, { 'number-format': 'off' });
  assert.equal(loadConfigFor(join(root, 'a', 'b', 'c', 'r.txt')).path, join(root, 'a', 'b', '.juesuan-lint.json'));
  assert.deepEqual(loadConfigFor(join(root, 'a', 'r.txt')).settings.rules, { 'number-format': 'error' });
  const none = loadConfigFor('/');
  assert.ok(none.path === undefined || none.path === '/.juesuan-lint.json');
  const loader = createConfigLoader();
  const before = loader.loadConfigFor(join(root, 'a', 'r.txt'));
  writeFileSync(join(root, '.juesuan-lint.json'), '{"rules": {"number-format": "info"}}');
  assert.equal(loader.loadConfigFor(join(root, 'a', 'r.txt')), before, 'cached until cleared');
  loader.clear();
  assert.deepEqual(loader.loadConfigFor(join(root, 'a', 'r.txt')).settings.rules, { 'number-format': 'info' });
});
