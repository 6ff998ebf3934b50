// Packages the extension with `npm run package` in a copy of the working tree (so the production
// build does not overwrite the dist/ the other tests are using) and checks what the .vsix holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const MAX_BYTES = 1024 * 1024;
const SKIP = new Set(['node_modules', '.git', 'dist', '.cache', 'test-results', '.vscode-test']);

/** Allow-list of files in the .vsix (paths inside the archive). */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/dist\/(extension|client-lsp|server|webview)\.js$/,
  /^extension\/syntaxes\/juesuan\.tmLanguage\.json$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/package\.nls(\.zh-cn)?\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.zh-cn)?\.json$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.txt|\.md)?$/i,
];
const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/client-lsp.js',
  'extension/dist/server.js',
  'extension/dist/webview.js',
  'extension/syntaxes/juesuan.tmLanguage.json',
  'extension/language-configuration.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/l10n/bundle.l10n.zh-cn.json',
  'extension/images/icon.png',
];

/** Entries of a zip file from its central directory: name, sizes, method and data offset. */
function zipEntries(buffer) {
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'zip end-of-central-directory record found');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(offset), 0x02014b50, 'central directory header');
    const method = buffer.readUInt16LE(offset + 10);
    const compressed = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, method, compressed, size, local });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntry(buffer, entry) {
  const start = entry.local + 30 + buffer.readUInt16LE(entry.local + 26) + buffer.readUInt16LE(entry.local + 28);
  const data = buffer.subarray(start, start + entry.compressed);
  return entry.method === 8 ? inflateRawSync(data) : data;
}

test('npm run package produces a small .vsix holding only the allowed files', { timeout: 300_000 }, (t) => {
  const stage = mkdtempSync(join(tmpdir(), 'juesuan-package-'));
  t.after(() => rmSync(stage, { recursive: true, force: true }));
  cpSync(root, stage, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      return !(SKIP.has(rel.split('/')[0]) || rel.endsWith('.vsix'));
    },
  });
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');

  const run = spawnSync('npm', ['run', 'package'], { cwd: stage, encoding: 'utf8', timeout: 240_000 });
  assert.equal(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);

  const vsix = readFileSync(join(stage, 'juesuan-lint.vsix'));
  assert.ok(vsix.length <= MAX_BYTES, `.vsix is ${vsix.length} bytes, over ${MAX_BYTES}`);
  const entries = zipEntries(vsix);
  const names = entries.map((e) => e.name);
  const unexpected = names.filter((n) => !ALLOWED.some((re) => re.test(n)));
  assert.deepEqual(unexpected, [], 'files outside the allow-list');
  for (const required of REQUIRED) assert.ok(names.includes(required), `missing ${required}`);
  assert.ok(entries.reduce((sum, e) => sum + e.size, 0) <= 2 * MAX_BYTES, 'unpacked size stays small');

  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifest = JSON.parse(readEntry(vsix, byName.get('extension/package.json')).toString('utf8'));
  assert.equal(manifest.main, './dist/extension.js');
  for (const bundle of ['extension', 'client-lsp', 'server', 'webview']) {
    const code = readEntry(vsix, byName.get(`extension/dist/${bundle}.js`)).toString('utf8');
    assert.ok(!code.includes('sourceMappingURL'), `${bundle}.js: production build without source maps`);
    // Minified: no line comments left (esbuild keeps only legal comments, as /*! */ or //! ).
    assert.ok(!/^\s*\/\/ /m.test(code), `${bundle}.js is minified`);
  }
  const xml = readEntry(vsix, byName.get('extension.vsixmanifest')).toString('utf8');
  assert.match(xml, /Id="juesuan-lint"/);
});
