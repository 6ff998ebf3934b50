// Protocol tests: dist/server.js as a child process over stdio (and node IPC), spoken to in JSON-RPC.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { applyTextEdits, corpusDir, editsOf, fileUri, positionOf, startClient } from './server-support.mjs';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');

const corpus = (name) => {
  const path = new URL(name, corpusDir).pathname;
  return { path, uri: fileUri(path), text: readFileSync(path, 'utf8') };
};
const xining = corpus('xining-chengzhong-2024.txt');
const beijing = corpus('beijing-xicheng-2024.txt');
const qinzhou = corpus('qinzhou-2024.md');

// The fixture sentence of the issue: 208.88 / 665.38 = 31.39%, stated 32%.
const SHARE_TEXT = '本年支出合计665.38万元，其中：基本支出208.88万元，占32%；项目支出456.50万元，占68.61%。\n';
// Three wrong shares with one precision: plain recomputation gives 0.55/98.71/0.73 (99.99%),
// the largest-remainder variant 0.55/98.71/0.74 (100%).
const GROUP_TEXT = '2024年财政拨款支出66167.07万元，其中：社会保障和就业支出364.76万元，占0.50%；卫生健康支出65316.04万元，占98.80%；住房保障支出486.27万元，占0.70%。\n';

const clients = [];
async function client(options) {
  const c = await startClient(options);
  clients.push(c);
  return c;
}
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
});

const memUri = (name) => `untitled:${name}`;
const pick = (d) => ({ code: d.code, range: d.range });
const expectedDiagnostics = (text, rules) => core.lint(text, { rules }).findings.map((f) => ({ code: f.ruleId, range: f.range }));

function assertInside(text, diagnostics) {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} inside the document`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} inside line ${p.line}`);
    }
  }
}

test('initialize announces incremental sync, hovers, code actions, symbols; pull only when the client supports it', async () => {
  const push = await client();
  const caps = push.initializeResult.capabilities;
  assert.equal(caps.textDocumentSync.change, 2);
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.documentSymbolProvider);
  assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.juesuan-lint', 'source.recomputePercentages.juesuan-lint']);
  assert.equal(caps.diagnosticProvider, undefined);
  assert.equal(push.initializeResult.serverInfo.name, 'juesuan-lint');
  const pull = await client({ pull: true });
  assert.deepEqual(pull.initializeResult.capabilities.diagnosticProvider, { identifier: 'juesuan-lint', interFileDependencies: false, workspaceDiagnostics: false });
});

test('corpus reports: diagnostics are exactly the core findings, with source, code, docs link, data and UTF-16 ranges', async () => {
  const c = await client();
  for (const doc of [xining, beijing, qinzhou]) {
    c.open(doc.uri, doc.text);
    const { diagnostics, version } = await c.diagnostics(doc.uri);
    assert.equal(version, 1);
    assert.deepEqual(diagnostics.map(pick), expectedDiagnostics(doc.text), doc.path);
    assertInside(doc.text, diagnostics);
    diagnostics.forEach((d, i) => {
      assert.equal(d.source, 'juesuan-lint');
      assert.equal(d.codeDescription.href, core.docsUrl(d.code));
      assert.deepEqual(d.data, { id: i, version: 1, ruleId: d.code });
    });
  }
  const x = c.published.find((p) => p.uri === xining.uri).diagnostics;
  // corpus/xining-chengzhong-2024.txt:407 `总计665. 39万元`: characters 13–20 of line 406 (0-based).
  const d407 = x.find((d) => d.range.start.line === 406 && d.code === 'number-format');
  assert.deepEqual(d407.range, { start: { line: 406, character: 13 }, end: { line: 406, character: 20 } });
  assert.equal(d407.severity, 2);
  assert.equal(d407.message, '数字“665. 39”格式异常：小数点后有空格，应为“665.39”（按 665.39 读取并核对）');
  // corpus/beijing-xicheng-2024.txt:50 `412。87` after CJK text: the UTF-16 column, not the byte column.
  const b = c.published.find((p) => p.uri === beijing.uri).diagnostics;
  const d50 = b.find((d) => d.code === 'number-format' && d.range.start.line === 49);
  assert.deepEqual(d50.range.start, positionOf(beijing.text, '412。87'));
  assert.equal(d50.range.end.character - d50.range.start.character, '412。87'.length);
});

test('a wrong share: error diagnostic with the arithmetic, related numbers, and recompute quick fixes', async () => {
  const c = await client();
  const uri = memUri('share.txt');
  c.open(uri, SHARE_TEXT);
  const { diagnostics } = await c.diagnostics(uri);
  const share = diagnostics.find((d) => d.code === 'share-mismatch');
  assert.ok(share, JSON.stringify(diagnostics));
  assert.equal(share.severity, 1);
  assert.deepEqual(share.range.start, positionOf(SHARE_TEXT, '32%'));
  assert.match(share.message, /^占比不符：.*（208\.88 \/ 665\.38 = 31\.39%.*32%.*）$/);
  for (const r of share.relatedInformation ?? []) {
    assert.equal(r.location.uri, uri);
    assert.ok(r.message.length > 0);
  }
  // Context diagnostic echoed with a wrong (byte) column, as Neovim 0.7 does: matched by line + code.
  const echoed = { ...share, range: { start: { line: 0, character: 100 }, end: { line: 0, character: 102 } }, data: undefined };
  const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: echoed.range, context: { diagnostics: [echoed] } });
  const recompute = actions.find((a) => a.kind === 'quickfix' && /重新计算/.test(a.title));
  assert.ok(recompute, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(recompute.isPreferred, true);
  const edits = editsOf(recompute.edit, uri);
  assert.deepEqual(edits, [{ range: share.range, newText: '31' }]);
  assert.equal(applyTextEdits(SHARE_TEXT, edits), SHARE_TEXT.replace('占32%', '占31%'));
  // After the fix, the share diagnostic goes away.
  c.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
  const fixed = await c.diagnostics(uri, { version: 2 });
  assert.equal(fixed.diagnostics.filter((d) => d.code === 'share-mismatch').length, 0);
});

test('recompute a whole list: plain and largest-remainder (sums to exactly 100%)', async () => {
  const c = await client({ documentChanges: true });
  const uri = memUri('group.txt');
  c.open(uri, GROUP_TEXT);
  const { diagnostics } = await c.diagnostics(uri);
  const first = diagnostics.find((d) => d.code === 'share-mismatch' && d.range.start.character === positionOf(GROUP_TEXT, '0.50').character);
  assert.ok(first, JSON.stringify(diagnostics.map(pick)));
  const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first], only: ['quickfix'] } });
  const titles = actions.map((a) => a.title);
  assert.equal(actions.length, 3, JSON.stringify(titles));
  const shares = (a) => applyTextEdits(GROUP_TEXT, editsOf(a.edit, uri)).match(/占[\d.]+%/g);
  const [single, group, lrm] = actions;
  assert.deepEqual(shares(single), ['占0.55%', '占98.80%', '占0.70%']);
  assert.equal(group.title, '重新计算本组全部百分比（3 项）');
  assert.deepEqual(shares(group), ['占0.55%', '占98.71%', '占0.73%']);
  assert.match(lrm.title, /最大余数法/);
  assert.deepEqual(shares(lrm), ['占0.55%', '占98.71%', '占0.74%']);
  assert.equal(group.isPreferred, undefined);
  // Versioned edits when the client supports documentChanges; each edit covers only its number.
  assert.equal(lrm.edit.documentChanges[0].textDocument.version, 1);
  for (const e of editsOf(lrm.edit, uri)) assert.match(GROUP_TEXT.split('\n')[e.range.start.line].slice(e.range.start.character, e.range.end.character), /^\d+\.\d+$/);
});

test('hover: every relation of a number with its arithmetic; table cells show row and column', async () => {
  const c = await client();
  const uri = memUri('hover.txt');
  c.open(uri, SHARE_TEXT);
  await c.diagnostics(uri);
  const hover = (text, needle, u = uri) => c.request('textDocument/hover', { textDocument: { uri: u }, position: positionOf(text, needle) });
  const h = await hover(SHARE_TEXT, '208.88');
  assert.equal(h.contents.kind, 'markdown');
  assert.deepEqual(h.range.start, positionOf(SHARE_TEXT, '208.88'));
  assert.match(h.contents.value, /基本支出占支出合计的比重/);
  assert.match(h.contents.value, /✗ 错误 \(share-mismatch\) 208\.88 \/ 665\.38 = 31\.39%/);
  assert.match(h.contents.value, /✓ 支出合计 665\.38 = 208\.88 \+ 456\.50/);
  const ok = await hover(SHARE_TEXT, '68.61');
  assert.match(ok.contents.value, /✓ 456\.50 \/ 665\.38 = 68\.6074%/);
  assert.equal(await hover(SHARE_TEXT, '本年'), null);

  c.open(xining.uri, xining.text);
  await c.diagnostics(xining.uri);
  // corpus/xining-chengzhong-2024.txt:149 `2101501 行政运行 191.67 …` in 公开02表.
  const cellPos = { line: 148, character: xining.text.split('\n')[148].indexOf('191.67') };
  const cell = await c.request('textDocument/hover', { textDocument: { uri: xining.uri }, position: cellPos });
  assert.match(cell.contents.value, /行：2101501 行政运行/);
  assert.match(cell.contents.value, /公开02表/);
  const model = await c.request('juesuanLint/documentModel', { uri: xining.uri });
  const row = model.tables.flatMap((t) => t.rows).find((r) => r.range.start.line === 148);
  const header = row.cells.find((x) => x.range.start.character === cellPos.character).headerPath.join(' › ');
  assert.ok(header.length > 0);
  assert.ok(cell.contents.value.includes(`列：${header}`), cell.contents.value);
});

test('a file of two reports: the unit report\'s numbers hover with its own relations, over the whole text', async () => {
  const c = await client();
  const uri = memUri('two-reports.txt');
  const text = readFileSync(new URL('fixtures/text-table-mismatch/department-and-unit-reports.txt', import.meta.url), 'utf8');
  c.open(uri, text);
  const { diagnostics } = await c.diagnostics(uri);
  // The slip is in the unit's report (559.09 for 595.09); the department's figures meet none of the unit's.
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.range.start.line >= 34), JSON.stringify(diagnostics.map((d) => [d.range.start.line, d.message])));
  const h = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '559.09') });
  assert.match(h.contents.value, /595\.09/);
  assert.doesNotMatch(h.contents.value, /1347\.07/);
});

test('document symbols: sections nested by level, tables inside their section', async () => {
  const c = await client();
  c.open(xining.uri, xining.text);
  const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: xining.uri } });
  const tables = symbols.find((s) => s.name === '第二部分 2024年度部门决算公开报表' && s.children.length > 0);
  assert.ok(tables, JSON.stringify(symbols.map((s) => s.name)));
  const names = tables.children.map((s) => s.name);
  assert.ok(names.includes('公开01表 收入支出决算总表'), JSON.stringify(names));
  assert.ok(names.includes('公开11表 政府采购支出情况表'));
  const notes = symbols.find((s) => s.name === '第三部分 2024年度部门决算情况说明' && s.children.length > 0);
  assert.equal(notes.children[0].name, '一、收入支出决算总体情况说明');
  const within = (inner, outer) =>
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  const walk = (list, parent) => {
    for (const s of list) {
      assert.ok(within(s.selectionRange, s.range), `${s.name}: selection inside range`);
      if (parent) assert.ok(within(s.range, parent.range), `${s.name} inside ${parent.name}`);
      walk(s.children ?? [], s);
    }
  };
  walk(symbols);
});

test('juesuanLint/documentModel and juesuanLint/summary', async () => {
  const c = await client();
  c.open(xining.uri, xining.text);
  const { diagnostics } = await c.diagnostics(xining.uri);
  const model = await c.request('juesuanLint/documentModel', { uri: xining.uri });
  assert.equal(model.version, 1);
  assert.equal(model.locale, 'zh-cn');
  assert.ok(model.tables.length >= 11);
  const t01 = model.tables.find((t) => t.kind === 'T01');
  assert.equal(t01.code, '公开01表');
  assert.equal(t01.unit, '万元');
  for (const t of model.tables) {
    assert.deepEqual(Object.keys(t).sort(), ['code', 'id', 'kind', 'range', 'rows', 'title', 'unit'].filter((k) => k in t).sort());
    for (const r of t.rows) {
      assert.ok(['header', 'column-numbers', 'total', 'data', 'note'].includes(r.kind));
      for (const cell of r.cells) {
        assert.equal(xining.text.split('\n')[cell.range.start.line].slice(cell.range.start.character, cell.range.end.character), cell.text);
        assert.ok(Array.isArray(cell.headerPath) && Array.isArray(cell.findingIds));
        assert.ok(['ok', 'error', 'warning', 'info', 'unchecked'].includes(cell.status));
      }
    }
  }
  assert.deepEqual(model.findings.map((f) => ({ code: f.ruleId, range: f.range })), diagnostics.map(pick));
  model.findings.forEach((f, i) => assert.equal(f.id, i));
  for (const claim of model.claims) {
    assert.ok(claim.description.length > 0);
    for (const t of claim.tokens) assert.equal(xining.text.split('\n')[t.range.start.line].slice(t.range.start.character, t.range.end.character), t.text);
  }
  const count = (sev) => diagnostics.filter((d) => d.severity === sev).length;
  assert.deepEqual(model.summary, { checked: model.claims.filter((x) => x.status !== 'unchecked').length, errors: count(1), warnings: count(2), infos: count(3) });
  const summary = await c.waitFor(() => c.notifications.find((n) => n.method === 'juesuanLint/summary' && n.params.uri === xining.uri), 5000, 'summary');
  assert.deepEqual(summary.params, { uri: xining.uri, version: 1, ...model.summary });
  assert.equal(await c.request('juesuanLint/documentModel', { uri: 'untitled:not-open' }), null);
});

test('configuration: rule off / severity / locale via workspace/configuration, re-lint on change', async () => {
  const c = await client({ settings: { juesuanLint: null } });
  const uri = memUri('config.txt');
  const text = '收入、支出总计665. 39万元。\n' + SHARE_TEXT;
  c.open(uri, text);
  const first = await c.diagnostics(uri);
  assert.deepEqual(first.diagnostics.map((d) => d.code).sort(), ['number-format', 'share-mismatch']);
  let seen = c.published.length;
  c.settings.juesuanLint = { rules: { 'number-format': 'off', 'share-mismatch': 'warning' }, locale: 'en' };
  c.notify('workspace/didChangeConfiguration', { settings: null });
  const second = await c.diagnostics(uri, { after: seen });
  assert.deepEqual(second.diagnostics.map((d) => [d.code, d.severity]), [['share-mismatch', 2]]);
  assert.match(second.diagnostics[0].message, /\(208\.88 \/ 665\.38 = 31\.39%/);
  assert.doesNotMatch(second.diagnostics[0].message, /占比/);
  seen = c.published.length;
  c.settings.juesuanLint = { enable: false };
  c.notify('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual((await c.diagnostics(uri, { after: seen })).diagnostics, []);
});

test('.juesuan-lint.json next to the file applies, editor settings override it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-lsp-'));
  try {
    writeFileSync(join(dir, '.juesuan-lint.json'), JSON.stringify({ rules: { 'share-mismatch': 'off', 'number-format': 'error' } }));
    const path = join(dir, 'report.txt');
    const text = '收入、支出总计665. 39万元。\n' + SHARE_TEXT;
    writeFileSync(path, text);
    const c = await client();
    c.open(fileUri(path), text);
    const { diagnostics } = await c.diagnostics(fileUri(path));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['number-format', 1]]);
    const seen = c.published.length;
    c.settings.juesuanLint = { rules: { 'share-mismatch': 'error' } };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const next = await c.diagnostics(fileUri(path), { after: seen });
    assert.deepEqual(next.diagnostics.map((d) => [d.code, d.severity]), [['number-format', 1], ['share-mismatch', 1]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('<!-- juesuan-lint-disable-next-line --> silences the rule on the next line only', async () => {
  const c = await client();
  const uri = memUri('disabled.md');
  const text = `<!-- juesuan-lint-disable-next-line share-mismatch -->\n${SHARE_TEXT}${SHARE_TEXT}`;
  c.open(uri, text);
  const { diagnostics } = await c.diagnostics(uri);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'share-mismatch').map((d) => d.range.start.line), [2]);
});

test('edits: incremental sync, closing clears, stale versions are never published', async () => {
  const c = await client({ settings: { juesuanLint: { debounceMs: 0 } } });
  const uri = memUri('edits.txt');
  let text = xining.text;
  const texts = new Map([[1, text]]);
  c.open(uri, text);
  await c.diagnostics(uri, { version: 1 });
  // The fix of line 407, typed as an incremental change.
  const line = 406;
  const start = xining.text.split('\n')[line].indexOf('665. 39');
  c.change(uri, 2, [{ range: { start: { line, character: start + 4 }, end: { line, character: start + 5 } }, text: '' }]);
  text = text.replace('665. 39', '665.39');
  texts.set(2, text);
  const v2 = await c.diagnostics(uri, { version: 2 });
  assert.ok(!v2.diagnostics.some((d) => d.range.start.line === line && d.range.start.character === start));
  assert.deepEqual(v2.diagnostics.map(pick), expectedDiagnostics(text));
  // A burst of edits with lints running in between: results arrive in version order, each matching its text.
  const seen = c.published.length;
  for (let v = 3; v <= 40; v++) {
    const insert = v % 2 ? '1' : '';
    const pos = { line: 0, character: 0 };
    c.change(uri, v, [{ range: { start: pos, end: v % 2 ? pos : { line: 0, character: 1 } }, text: insert }]);
    text = v % 2 ? `1${text}` : text.slice(1);
    texts.set(v, text);
    if (v % 7 === 0) await new Promise((r) => setTimeout(r, 15));
  }
  await c.diagnostics(uri, { version: 40, after: seen });
  const versions = c.published.slice(seen).filter((p) => p.uri === uri).map((p) => p.version);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'an older version is never published after a newer one');
  assert.equal(new Set(versions).size, versions.length);
  for (const p of c.published.slice(seen).filter((x) => x.uri === uri)) assert.deepEqual(p.diagnostics.map(pick), expectedDiagnostics(texts.get(p.version)), `version ${p.version}`);
  const before = c.published.length;
  c.close(uri);
  const cleared = await c.diagnostics(uri, { after: before });
  assert.deepEqual(cleared.diagnostics, []);
});

for (const [where, env] of [['the worker', {}], ['the server thread', { JUESUAN_LINT_NO_WORKER: '1' }]]) {
  test(`details after a burst of edits (${where}): hovers, outline and preview answer for the latest version`, async () => {
    // Every lint's detail (hovers, symbols, preview) is built after its head or dropped when superseded
    // before anybody asked: whatever was dropped, the current version's detail must still come.
    const c = await client({ settings: { juesuanLint: { debounceMs: 0 } }, env });
    const uri = memUri(`burst-${env.JUESUAN_LINT_NO_WORKER ? 'thread' : 'worker'}.txt`);
    let text = `${SHARE_TEXT}${xining.text}`;
    c.open(uri, text);
    await c.diagnostics(uri, { version: 1 });
    const hover = () => c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '208.88') });
    assert.match((await hover()).contents.value, /208\.88 \/ 665\.38/);
    for (let v = 2; v <= 30; v++) {
      const pos = { line: 0, character: 0 };
      c.change(uri, v, [{ range: { start: pos, end: pos }, text: '1' }]);
      text = `1${text}`;
      // Sometimes a result arrives (and replaces the one before), sometimes the next edit comes first.
      if (v % 5 === 0) await c.diagnostics(uri, { version: v });
      if (v % 10 === 0) await hover();
    }
    await c.diagnostics(uri, { version: 30 });
    const h = await hover();
    assert.match(h.contents.value, /208\.88 \/ 665\.38/);
    assert.deepEqual(h.range.start, positionOf(text, '208.88'));
    const model = await c.request('juesuanLint/documentModel', { uri });
    assert.equal(model.version, 30);
    const claim = model.claims.find((cl) => cl.tokens.some((t) => t.text === '208.88'));
    for (const t of claim.tokens) assert.equal(text.split('\n')[t.range.start.line].slice(t.range.start.character, t.range.end.character), t.text);
    const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((s) => s.name === '第二部分 2024年度部门决算公开报表'), JSON.stringify(symbols.map((s) => s.name)));
    assert.deepEqual(c.logs.filter((m) => /failed|uncaught|unhandled/.test(m)), []);
  });
}

test('debounce: a lint may start before the pause in typing ends, but its diagnostics never come earlier', async () => {
  const debounceMs = 150;
  const c = await client({ settings: { juesuanLint: { debounceMs } } });
  const uri = memUri('debounce.txt');
  c.open(uri, xining.text);
  await c.diagnostics(uri, { version: 1 });
  let text = xining.text;
  for (let v = 2; v <= 7; v++) {
    const seen = c.published.length;
    // Insert or delete one character at the start of the first line, as typing would.
    const insert = v % 2 === 0;
    c.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: insert ? 0 : 1 } }, text: insert ? '１' : '' }]);
    const t0 = performance.now();
    text = insert ? `１${text}` : text.slice(1);
    const p = await c.diagnostics(uri, { version: v, after: seen });
    const waited = performance.now() - t0;
    // Timers may fire up to a millisecond early; the result is for exactly this version.
    assert.ok(waited >= debounceMs - 2, `diagnostics of version ${v} came ${waited.toFixed(1)} ms after the edit, before the ${debounceMs} ms pause ended`);
    assert.deepEqual(p.diagnostics.map(pick), expectedDiagnostics(text));
  }
});

test('recompute all percentages of the document: one source action, lists first, each edit only its number', async () => {
  const c = await client();
  const uri = memUri('recompute-all.txt');
  const text = SHARE_TEXT + GROUP_TEXT;
  c.open(uri, text);
  await c.diagnostics(uri);
  const range = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
  const [action, ...rest] = await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.recomputePercentages.juesuan-lint'] } });
  assert.equal(rest.length, 0);
  assert.equal(action.kind, 'source.recomputePercentages.juesuan-lint');
  const fixed = applyTextEdits(text, editsOf(action.edit, uri));
  assert.deepEqual(fixed.match(/占[\d.]+%/g), ['占31%', '占68.61%', '占0.55%', '占98.71%', '占0.73%']);
  for (const e of editsOf(action.edit, uri)) assert.match(text.split('\n')[e.range.start.line].slice(e.range.start.character, e.range.end.character), /^\d+(\.\d+)?$/);
  // Nothing left to recompute afterwards.
  c.change(uri, 2, [{ text: fixed }]);
  await c.diagnostics(uri, { version: 2 });
  assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.recomputePercentages.juesuan-lint'] } }), []);
});

test('fix-all: every safe fix at once, nothing left the second time', async () => {
  const c = await client();
  c.open(xining.uri, xining.text);
  await c.diagnostics(xining.uri);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const ask = () => c.request('textDocument/codeAction', { textDocument: { uri: xining.uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
  const [action] = await ask();
  assert.equal(action.kind, 'source.fixAll.juesuan-lint');
  const edits = editsOf(action.edit, xining.uri);
  const fixed = applyTextEdits(xining.text, edits);
  assert.equal(fixed, core.fixAll(xining.text, core.lint).text);
  assert.ok(fixed.includes('总计665.39万元，比上年收入、支出总计各减少475.37万元，下降41.67%'));
  for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'each edit stays on its number');
  c.change(xining.uri, 2, [{ text: fixed }]);
  await c.diagnostics(xining.uri, { version: 2 });
  assert.deepEqual(await ask(), []);
  // Quick fixes never include fix-all unless asked for.
  const quick = await c.request('textDocument/codeAction', { textDocument: { uri: xining.uri }, range, context: { diagnostics: [] } });
  assert.ok(quick.every((a) => a.kind === 'quickfix'));
});

test('pull diagnostics: full, then unchanged, then new after an edit; nothing pushed', async () => {
  const c = await client({ pull: true });
  const uri = memUri('pull.txt');
  c.open(uri, SHARE_TEXT);
  const pull = (previousResultId) => c.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  const first = await pull();
  assert.equal(first.kind, 'full');
  assert.deepEqual(first.items.map(pick), expectedDiagnostics(SHARE_TEXT));
  assert.equal((await pull(first.resultId)).kind, 'unchanged');
  c.change(uri, 2, [{ range: { start: positionOf(SHARE_TEXT, '32'), end: { line: 0, character: positionOf(SHARE_TEXT, '32').character + 2 } }, text: '31' }]);
  const edited = performance.now();
  const second = await pull(first.resultId);
  // Pulled at once after the edit, answered only after the pause in typing (200 ms by default).
  assert.ok(performance.now() - edited >= 198, `pulled diagnostics came ${(performance.now() - edited).toFixed(0)} ms after the edit`);
  assert.equal(second.kind, 'full');
  assert.deepEqual(second.items.map(pick), expectedDiagnostics(SHARE_TEXT.replace('占32%', '占31%')));
  assert.equal(c.published.filter((p) => p.uri === uri && p.diagnostics.length > 0).length, 0);
  // A configuration change asks the client to pull again.
  c.notify('workspace/didChangeConfiguration', { settings: null });
  await c.waitFor(() => c.notifications.find((n) => n.method === 'workspace/diagnostic/refresh'), 5000, 'refresh');
});

test('node IPC transport', async () => {
  const c = await client({ args: ['--node-ipc'] });
  const uri = memUri('ipc.txt');
  c.open(uri, SHARE_TEXT);
  const { diagnostics } = await c.diagnostics(uri);
  assert.deepEqual(diagnostics.map(pick), expectedDiagnostics(SHARE_TEXT));
});

test('bad input: binary content gets a notice and no diagnostics; empty text; CRLF', async () => {
  const c = await client();
  const uri = memUri('binary.bin');
  c.open(uri, 'PK\u0003\u0004\u0000\u0000\u0001\u0002'.repeat(200));
  assert.deepEqual((await c.diagnostics(uri)).diagnostics, []);
  const shown = await c.waitFor(() => c.notifications.find((n) => n.method === 'window/showMessage'), 5000, 'showMessage');
  assert.equal(shown.params.type, 3);
  assert.match(shown.params.message, /二进制/);
  const summary = await c.waitFor(() => c.notifications.find((n) => n.method === 'juesuanLint/summary' && n.params.uri === uri));
  assert.match(summary.params.notice, /二进制/);
  c.open(memUri('empty.txt'), '');
  assert.deepEqual((await c.diagnostics(memUri('empty.txt'))).diagnostics, []);
  const crlf = SHARE_TEXT.replace(/\n/g, '\r\n').repeat(3);
  c.open(memUri('crlf.txt'), crlf);
  const d = await c.diagnostics(memUri('crlf.txt'));
  assert.deepEqual(d.diagnostics.map(pick), expectedDiagnostics(crlf));
  assertInside(crlf, d.diagnostics);
});

test('bad input: a 3 MB report and a 1 MB single line; hovers answered meanwhile, never a range outside the text', async () => {
  // A lint exceeding the limit is abandoned (worker restarted) and the user told, instead of hanging.
  const c = await client({ env: { JUESUAN_LINT_TIMEOUT_MS: '30000' } });
  const big = xining.text.repeat(Math.ceil(3e6 / Buffer.byteLength(xining.text)));
  assert.ok(Buffer.byteLength(big) >= 3e6);
  const bigUri = memUri('big.txt');
  const lineUri = memUri('line.txt');
  const longLine = '收入、支出总计665. 39万元，占32%，增长5.5%；'.repeat(30000);
  assert.ok(Buffer.byteLength(longLine) >= 1e6 && !longLine.includes('\n'));
  const small = memUri('small.txt');
  c.open(small, SHARE_TEXT);
  await c.diagnostics(small);
  c.open(bigUri, big);
  c.open(lineUri, longLine);
  // While the large documents are being checked, hovers on the small one are still answered.
  const hover = () => c.request('textDocument/hover', { textDocument: { uri: small }, position: positionOf(SHARE_TEXT, '208.88') });
  assert.match((await hover()).contents.value, /208\.88/);
  const bigDiags = await c.waitFor(() => c.published.find((p) => p.uri === bigUri), 90000, 'big document result');
  assertInside(big, bigDiags.diagnostics);
  const lineDiags = await c.waitFor(() => c.published.find((p) => p.uri === lineUri), 90000, 'long line result');
  assertInside(longLine, lineDiags.diagnostics);
  for (const [uri, result] of [[bigUri, bigDiags], [lineUri, lineDiags]]) {
    if (result.diagnostics.length > 0) continue;
    // Only when the lint did not finish in time: then the user is told, and the summary says why.
    const summary = await c.waitFor(() => c.notifications.find((n) => n.method === 'juesuanLint/summary' && n.params.uri === uri), 5000, 'summary');
    assert.match(summary.params.notice, /超时/, uri);
  }
  assert.match((await hover()).contents.value, /208\.88/, 'the server survived and still answers');
});
