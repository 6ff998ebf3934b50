// Unit tests of the table-preview rendering (client/src/preview/render.ts via dist/client-lib.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const { renderPreview, escapeHtml, cellId } = createRequire(import.meta.url)('../dist/client-lib.js');

const strings = {
  tablesTab: '表格', claimsTab: '文字表述', unit: '单位：', emptyTable: '（空表）', noTables: '没有表格',
  noClaims: '没有表述', findingsInTable: '本表 {0} 处问题', statusOk: '成立', statusError: '错误',
  statusWarning: '警告', statusInfo: '提示',
};
const options = { strings, locale: 'zh-cn', activeTab: 'tables' };
const range = (line, start, end) => ({ start: { line, character: start }, end: { line, character: end } });
const cell = (text, line, col, extra = {}) => ({ text, range: range(line, col, col + text.length), headerPath: [], findingIds: [], status: 'unchecked', ...extra });

/** Table 公开02表 shape: two header rows, a total row, a data row whose 合计 cell fails a sum. */
function sampleModel() {
  return {
    version: 3,
    tables: [
      {
        id: 0, title: '收入决算表', code: '公开02表', kind: 'T02', unit: '万元', range: range(10, 0, 20),
        rows: [
          { kind: 'header', label: '项目', cells: [cell('项目', 10, 0), cell('本年收入合计', 10, 3)] },
          { kind: 'column-numbers', label: '栏次', cells: [cell('栏次', 11, 0), cell('1', 11, 3)] },
          { kind: 'total', label: '合计', cells: [cell('合计', 12, 0), cell('665.38', 12, 3, { status: 'ok' })] },
          { kind: 'data', code: '208', label: '社会保障和就业支出', cells: [
            cell('社会保障和就业支出', 13, 0),
            cell('8.28', 13, 10, { findingIds: [0], status: 'error', headerPath: ['本年收入合计'] }),
          ] },
        ],
      },
    ],
    claims: [
      { id: 4, kind: 'share', description: '基本支出占比', status: 'ok', explanation: '196.82 / 6,062.82 = 3.25%', range: range(3, 5, 10) },
      { id: 5, kind: 'sum', description: '其中各项之和', status: 'error', explanation: '5.50 + 2.75 = 8.25 ≠ 9.24', range: range(4, 0, 4) },
    ],
    findings: [{ id: 0, ruleId: 'rollup-mismatch', severity: 'error', message: '类合计不等于款之和', explanation: '8.24 + 0.03 = 8.27 ≠ 8.28', range: range(13, 10, 14) }],
    summary: { checked: 2, errors: 1, warnings: 0, infos: 0 },
  };
}

test('escapeHtml escapes every HTML-significant character', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  assert.equal(escapeHtml(undefined), '');
});

test('renders title, unit and header rows in thead, data rows in tbody', () => {
  const html = renderPreview(sampleModel(), options);
  assert.match(html, /<h2 class="table-title" id="table-0-title">公开02表 收入决算表<\/h2>/);
  assert.match(html, /单位：万元/);
  const thead = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
  assert.match(thead, /<th class="cell cell-none" data-cell="t0r0c1"[^>]*>本年收入合计<\/th>/);
  assert.match(thead, /data-row="t0r1"/, 'the 栏次 row is a header row');
  const tbody = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  assert.match(tbody, /<tr class="row row-total" data-row="t0r2">/);
  assert.ok(!tbody.includes('<th'), 'data rows use td');
});

test('marks the cells of failing relations and puts the message and arithmetic in the title', () => {
  const html = renderPreview(sampleModel(), options);
  const failing = html.match(/<td [^>]*data-cell="t0r3c1"[^>]*>/)[0];
  assert.match(failing, /class="cell cell-error cell-number"/);
  assert.match(failing, /title="本年收入合计\n\[rollup-mismatch\] 类合计不等于款之和\n8.24 \+ 0.03 = 8.27 ≠ 8.28"/);
  assert.match(failing, /data-range="13,10,13,14"/);
  assert.match(html, /data-cell="t0r2c1"[^>]*>665.38</);
  assert.match(html.match(/<td [^>]*data-cell="t0r2c1"[^>]*>/)[0], /cell-ok/);
  assert.match(html, /本表 1 处问题/);
});

test('a finding id on a cell raises its status even when the cell status is milder', () => {
  const model = sampleModel();
  model.tables[0].rows[3].cells[1].status = 'unchecked';
  model.findings[0].severity = 'warning';
  assert.match(renderPreview(model, options).match(/<td [^>]*data-cell="t0r3c1"[^>]*>/)[0], /cell-warning/);
});

test('hostile cell, title, claim and finding text stays inert', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const model = sampleModel();
  model.tables[0].title = `<script>alert(1)</script>`;
  model.tables[0].unit = `"><svg onload=alert(1)>`;
  model.tables[0].rows[3].cells[0].text = hostile;
  model.tables[0].rows[3].cells[1].headerPath = [`" onmouseover="alert(1)`];
  model.findings[0].message = `'><img src=y onerror=alert(2)>`;
  model.claims[0].description = hostile;
  model.claims[0].explanation = '</code><iframe src=javascript:alert(3)>';
  model.claims[0].id = '"><b>x';
  const html = renderPreview(model, options);
  // Every tag is one the renderer writes, and no attribute is an event handler.
  const allowed = new Set(['div', 'button', 'section', 'h2', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'p', 'ol', 'li', 'span', 'code']);
  for (const [, name, attrs] of html.matchAll(/<([a-z0-9]+)\b([^>]*)>/gi)) {
    assert.ok(allowed.has(name), `unexpected element <${name}>`);
    for (const [, attr] of attrs.matchAll(/\s([\w-]+)(?:="[^"]*")?/g)) assert.ok(!/^on/i.test(attr), `event handler attribute ${attr}`);
  }
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('claims tab lists every claim with a mark and its arithmetic', () => {
  const html = renderPreview(sampleModel(), { ...options, activeTab: 'claims' });
  assert.match(html, /id="panel-tables" aria-labelledby="tab-tables" hidden/);
  assert.match(html, /id="panel-claims" aria-labelledby="tab-claims">/);
  assert.match(html, /<li class="claim claim-ok" id="claim-4" data-claim="4" data-range="3,5,3,10" tabindex="0">/);
  assert.match(html, /aria-label="成立">✓</);
  assert.match(html, /<li class="claim claim-error"[^>]*tabindex="-1">.*aria-label="错误">✗</);
  assert.match(html, /<code class="claim-explanation">5.50 \+ 2.75 = 8.25 ≠ 9.24<\/code>/);
  assert.match(html, /aria-selected="true" tabindex="0">文字表述 \(2\)/);
});

test('exactly one data cell is in the tab order: the focused one, else the first', () => {
  const count = (html) => (html.match(/<td [^>]*tabindex="0"/g) ?? []).length;
  let html = renderPreview(sampleModel(), options);
  assert.equal(count(html), 1);
  assert.match(html, /data-cell="t0r2c0"[^>]*tabindex="0"/);
  html = renderPreview(sampleModel(), { ...options, focusedCell: cellId(0, 3, 1) });
  assert.equal(count(html), 1);
  assert.match(html, /data-cell="t0r3c1"[^>]*tabindex="0"/);
  html = renderPreview(sampleModel(), { ...options, focusedCell: 't9r9c9' });
  assert.match(html, /data-cell="t0r2c0"[^>]*tabindex="0"/, 'a stale focus id falls back to the first cell');
});

test('empty tables, no tables and no claims render placeholders', () => {
  const model = { tables: [{ id: 0, title: '空表', rows: [] }], claims: [], findings: [] };
  const html = renderPreview(model, options);
  assert.match(html, /<p class="empty">（空表）<\/p>/);
  assert.match(html, /<p class="empty">没有表述<\/p>/);
  assert.match(renderPreview({ tables: [], claims: [], findings: [] }, options), /<p class="empty">没有表格<\/p>/);
});

test('unbalanced rows and localized texts render without throwing', () => {
  const model = sampleModel();
  model.tables[0].rows.push({ kind: 'data', label: '', cells: [cell('1.00', 20, 0), cell('2.00', 20, 5), cell('3.00', 20, 9)] });
  model.claims[1].description = { 'zh-cn': '其中各项之和', en: 'sum of the parts' };
  const html = renderPreview(model, { ...options, locale: 'en', activeTab: 'claims' });
  assert.match(html, /data-cell="t0r4c2"/);
  assert.match(html, /sum of the parts/);
});
