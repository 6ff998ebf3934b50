// The extension manifest, its localisation files and the client code agree with each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const pkg = readJson('package.json');
const nls = readJson('package.nls.json');
const nlsZh = readJson('package.nls.zh-cn.json');
const bundleZh = readJson('l10n/bundle.l10n.zh-cn.json');

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}
const clientCode = sources(join(root, 'client/src')).map((p) => readFileSync(p, 'utf8')).join('\n');

test('every %key% of package.json exists in both package.nls files, and nothing else', () => {
  const used = new Set([...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
  assert.ok(used.size > 10);
  assert.deepEqual([...used].sort(), Object.keys(nls).sort());
  assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
  for (const [key, value] of Object.entries(nlsZh)) assert.notEqual(value, nls[key], `${key} is translated`);
});

test('every t() string of the client has a Chinese translation, and the bundle has no leftovers', () => {
  const used = new Set([...clientCode.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]));
  assert.ok(used.size > 20);
  for (const message of used) assert.ok(message in bundleZh, `missing zh-cn translation: ${message}`);
  for (const key of Object.keys(bundleZh)) assert.ok(used.has(key), `unused translation: ${key}`);
  for (const [key, value] of Object.entries(bundleZh)) {
    const placeholders = (s) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(placeholders(value), placeholders(key), `placeholders of ${key}`);
  }
});

test('contributed commands are exactly the registered ones, and menus only name them', () => {
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();
  const registered = [...clientCode.matchAll(/'(juesuanLint\.\w+)':\s*\w+,/g)].map((m) => m[1]).sort();
  assert.deepEqual(registered, contributed);
  for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
    for (const item of items) assert.ok(contributed.includes(item.command), `${menu}: ${item.command}`);
  }
  for (const c of pkg.contributes.commands) assert.match(c.title, /^%command\.\w+%$/);
});

test('activation, language, grammar and settings are declared consistently', () => {
  assert.deepEqual(pkg.activationEvents.sort(), ['onLanguage:juesuan', 'onLanguage:markdown', 'onLanguage:plaintext', 'onWebviewPanel:juesuanLint.preview']);
  assert.ok(clientCode.includes("PREVIEW_VIEW_TYPE = 'juesuanLint.preview'"));
  const [language] = pkg.contributes.languages;
  assert.equal(language.id, 'juesuan');
  assert.deepEqual(language.extensions, ['.juesuan.txt', '.juesuan.md']);
  for (const g of pkg.contributes.grammars) assert.ok(existsSync(join(root, g.path)), g.path);
  assert.ok(existsSync(join(root, language.configuration)));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  const settings = pkg.contributes.configuration.properties;
  for (const key of ['juesuanLint.enable', 'juesuanLint.rules', 'juesuanLint.debounceMs', 'juesuanLint.locale', 'juesuanLint.preview.followCursor', 'juesuanLint.preview.followActiveEditor']) {
    assert.ok(settings[key], key);
  }
  // The settings the client reads are declared.
  for (const m of clientCode.matchAll(/getConfiguration\('juesuanLint(?:\.(\w+))?'\)\.get<\w+>\('(\w+)'/g)) {
    const key = ['juesuanLint', m[1], m[2]].filter(Boolean).join('.');
    assert.ok(settings[key], `setting read by the client but not declared: ${key}`);
  }
  assert.ok(/^\^1\.(9\d|100)\./.test(pkg.engines.vscode), 'engines.vscode stays ≤ 1.100 for code-server 4.100');
});

test('rule ids listed in the settings match the core rules that exist', async () => {
  const { createRequire } = await import('node:module');
  const core = createRequire(import.meta.url)('../dist/core.js');
  const declared = Object.keys(pkg.contributes.configuration.properties['juesuanLint.rules'].properties);
  for (const rule of core.allRules) assert.ok(declared.includes(rule.meta.id), `rule ${rule.meta.id} missing from juesuanLint.rules`);
  for (const id of declared) assert.match(nls['config.rules'], new RegExp(`\`${id}\``));
});
