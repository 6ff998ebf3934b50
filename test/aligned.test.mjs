// Space-aligned tables (`pdftotext -layout`): the xining report and generated reports, converted by
// test/support/layout-convert.mjs (CJK two columns wide, amounts right-aligned, centred and merged
// headers, wrapped labels, page breaks with repeated headers, widths varied by seed), must give the
// same findings as their TSV / Markdown originals — the same rules on the same rows and columns —
// and nothing on consistent reports. A table whose columns are in doubt is refused, never guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { toLayout } from './support/layout-convert.mjs';
import { generateReport } from './support/generate-report.mjs';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const root = new URL('..', import.meta.url).pathname;
const xining = readFileSync(join(root, '../shared/corpus/xining-chengzhong-2024.txt'), 'utf8');
const SEEDS = [1, 2, 3];
const DISCLOSURE = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T09', 'T10', 'T11'];

/** Where a finding lands, independent of the layout: table kind, row code or label and column header; or the prose line. */
function findingKeys(text) {
  const result = core.lint(text);
  const rows = new Map();
  for (const t of result.model.tables) for (const row of t.rows) rows.set(row.line, { t, row });
  const index = new core.LineIndex(text);
  return result.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => {
      const line = index.positionAt(f.span.start).line;
      const hit = rows.get(line);
      let where = result.model.lines[line].text.replace(/\s/g, '');
      if (hit) {
        const cell = hit.row.cells.find((c) => c.span.start <= f.span.start && f.span.end <= Math.max(c.span.end, c.span.start));
        where = `${hit.t.kind}:${hit.row.code ?? hit.row.label}:${cell ? hit.t.columns[cell.col]?.headerPath.join('/') : '?'}`;
      }
      return `${f.ruleId}|${f.severity}|${where}|${text.slice(f.span.start, f.span.end)}`;
    })
    .sort();
}

/** The units digit of an amount moved by one: far beyond rounding, the slip a reader misses. */
function slip(number) {
  const digits = [...number];
  const point = digits.indexOf('.');
  const i = (point < 0 ? digits.length : point) - 1;
  digits[i] = digits[i] === '9' ? '8' : String(Number(digits[i]) + 1);
  return digits.join('');
}

test('xining: the converted disclosure tables are read, and findings match the TSV original', () => {
  for (const seed of SEEDS) {
    // The 绩效自评表 stay TSV: their long prose cells are beyond this reader (see README).
    const { text } = toLayout(xining, { seed, keep: (rows) => !rows.some((r) => r.some((c) => /绩效指标|项目名称/.test(c))) });
    const model = core.buildModel(text);
    const aligned = model.tables.filter((t) => t.format === 'aligned').map((t) => t.kind);
    for (const kind of ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T11']) assert.ok(aligned.includes(kind), `seed ${seed}: ${kind} read (${aligned})`);
    assert.deepEqual(findingKeys(text), findingKeys(xining), `seed ${seed}`);
  }
});

test('xining: cells of the converted tables carry their own characters and columns', () => {
  const { text } = toLayout(xining, { seed: 2 });
  const model = core.buildModel(text);
  const original = core.buildModel(xining);
  for (const t of model.tables.filter((x) => x.format === 'aligned')) {
    const tsv = original.tables.find((x) => x.kind === t.kind && x.format === 'tsv');
    if (t.kind === 'unknown' || !tsv) continue;
    assert.deepEqual(t.columns.map((c) => c.headerPath), tsv.columns.map((c) => c.headerPath), `${t.kind} header paths`);
    assert.deepEqual(t.columns.map((c) => c.role), tsv.columns.map((c) => c.role), `${t.kind} roles`);
    const cells = (table, m) =>
      table.rows.filter((r) => r.kind === 'data' || r.kind === 'total').map((r) => `${r.code ?? r.label}:${r.cells.map((c) => (c.number === undefined ? '' : m.numbers[c.number].text)).join(',')}`);
    assert.deepEqual(cells(t, model), cells(tsv, original), `${t.kind} cells`);
    for (const r of t.rows) for (const c of r.cells) if (c.text !== '' && !c.text.includes('\n')) assert.ok(text.slice(c.span.start, c.span.end).startsWith(c.text.slice(0, 1)), `${t.kind} cell span ${c.text}`);
  }
});

test('generated reports: converted consistent reports have no error or warning, and their tables are read', () => {
  const counts = { read: 0, tables: 0 };
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const { text: original } = generateReport({ seed, size: 30_000, markdown: seed % 3 === 0 });
    const { text, tables } = toLayout(original, { seed });
    const result = core.lint(text);
    const bad = result.findings.filter((f) => f.severity !== 'info');
    assert.deepEqual(bad.map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`), [], `seed ${seed}`);
    const read = result.model.tables.filter((t) => t.format === 'aligned').map((t) => t.kind);
    for (const kind of ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T10', 'T11']) assert.ok(read.includes(kind), `seed ${seed}: ${kind} read (${read})`);
    counts.read += read.length;
    counts.tables += tables.length;
  }
  console.log(`aligned tables read: ${counts.read} of ${counts.tables} converted`);
});

test('generated reports: a slipped cell gives the same findings in the TSV original and its aligned conversion', () => {
  let caught = 0;
  let total = 0;
  for (const seed of SEEDS) {
    const { text, targets } = generateReport({ seed, size: 30_000, markdown: seed === 3 });
    const cells = targets.filter((t) => t.category === 'table-cell' && /\d\.\d/.test(t.text));
    for (let k = 0; k < 6; k++) {
      const target = cells[Math.floor((k * cells.length) / 6)];
      const mutated = text.slice(0, target.start) + slip(target.text) + text.slice(target.end);
      const expected = findingKeys(mutated);
      const converted = toLayout(mutated, { seed: seed + k }).text;
      assert.deepEqual(findingKeys(converted), expected, `seed ${seed}: ${target.text} → ${slip(target.text)} (${target.code})`);
      total++;
      if (expected.some((e) => /^(rollup|sum|cross-table|text-table)-mismatch/.test(e))) caught++;
    }
  }
  console.log(`slips caught in both layouts: ${caught} of ${total}`);
  assert.ok(caught >= total * 0.8, `slips caught: ${caught} of ${total}`);
});

test('a number between two columns, or a page whose columns moved, drops the table instead of guessing', () => {
  const title = '支出决算表\n公开03表\n单位：万元\n';
  const header = '  科目代码   科目名称          本年支出合计    基本支出    项目支出\n';
  const body = [
    '  201        一般公共服务支出        10.00        4.00        6.00',
    '  20101      人大事务                10.00        4.00        6.00',
    '  2010101    行政运行                 4.00        4.00',
    '  2010102    一般行政管理事务         6.00                    6.00',
  ];
  const read = (text) => core.buildModel(text).tables.filter((t) => t.format === 'aligned').length;
  assert.equal(read(title + header + body.join('\n')), 1);
  // 6.00 half-way between 基本支出 and 项目支出.
  const between = [...body.slice(0, 3), '  2010102    一般行政管理事务                 6.00'];
  assert.equal(read(title + header + between.join('\n')), 0);
  const result = core.lint(title + header + between.join('\n'));
  assert.deepEqual(result.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId), []);
  // The second page shifted by four columns: its amounts stand under no header of the first.
  const moved = [...body.slice(0, 2), '', '- 2 -', '', '\f' + header.trimEnd(), ...body.slice(2).map((l) => '    ' + l)];
  assert.equal(read(title + header + moved.join('\n')), 0);
  // A label wrapped above its amounts: the code and the amounts would land in two rows.
  const split = [...body.slice(0, 2), '  2010101    行政运', '             行                       4.00        4.00', body[3]];
  assert.equal(read(title + header + split.join('\n')), 0);
  assert.deepEqual(core.lint(title + header + split.join('\n')).findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId), []);
});

/** One `pdftotext -layout` line: each cell padded to its display width (CJK two columns), amounts right-aligned. */
function layoutLine(cells, widths) {
  const width = (s) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uff60“”]/.test(ch) ? 2 : 1), 0);
  return cells
    .map((text, i) => {
      const pad = ' '.repeat(Math.max(0, widths[i] - width(text)));
      return /^[\d,.]+$/.test(text) && !/^\d{3,7}$/.test(text) ? pad + text : text + pad;
    })
    .join('  ')
    .trimEnd();
}

const T03_HEADER = ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'];
const T03_ROWS = [
  ['合计', '', '20.00', '9.00', '11.00'],
  ['201', '一般公共服务支出', '10.00', '4.00', '6.00'],
  ['20101', '人大事务', '10.00', '4.00', '6.00'],
  ['2010101', '行政运行', '4.00', '4.00', ''],
  ['2010102', '一般行政管理事务', '6.00', '', '6.00'],
  ['208', '社会保障和就业支出', '10.00', '5.00', '5.00'],
  ['20805', '行政事业单位养老支出', '10.00', '5.00', '5.00'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '10.00', '5.00', '5.00'],
];
const alignedKinds = (text) => core.buildModel(text).tables.filter((t) => t.format === 'aligned').map((t) => t.kind);
const ruleFindings = (text) => core.lint(text).findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}:${text.slice(f.span.start, f.span.end)}`);

test('pages that repeat the header but lay out their columns anew are each read under their own header', () => {
  const page = (rows, widths) => [layoutLine(T03_HEADER, widths), ...rows.map((r) => layoutLine(r, widths))];
  const text = ['支出决算表', '公开03表', '单位：万元', '', ...page(T03_ROWS.slice(0, 5), [10, 18, 14, 10, 10]), '', '— 2 —', '', ...page(T03_ROWS.slice(5), [10, 34, 12, 8, 8])].join('\n');
  assert.deepEqual(alignedKinds(text), ['T03']);
  assert.deepEqual(ruleFindings(text), []);
  // A slip on the second page is found in its own row and column.
  const slipped = text.replace(/(机关事业单位基本养老保险缴费支出\s+)10\.00/, '$113.00');
  assert.deepEqual(ruleFindings(slipped), ['rollup-mismatch:13.00', 'sum-mismatch:13.00']);
});

test('a later page without a header, with blank cells and without the trailing blank columns, is read by its own columns', () => {
  const header = ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出', '经营支出'];
  const first = [layoutLine(header, [10, 18, 14, 10, 10, 10]), ...T03_ROWS.slice(0, 5).map((r) => layoutLine(r, [10, 18, 14, 10, 10, 10]))];
  const page = (rows) => rows.map((r) => layoutLine(r, [8, 34, 10, 8, 8]));
  const second = page([
    ['208', '社会保障和就业支出', '10.00', '5.00', '5.00'],
    ['20805', '行政事业单位养老支出', '10.00', '5.00', '5.00'],
    ['2080505', '机关事业单位基本养老保险缴费支出', '6.00', '5.00', '1.00'],
    ['2080506', '机关事业单位职业年金缴费支出', '4.00', '', '4.00'],
  ]);
  const report = (lines) => ['支出决算表', '公开03表', '单位：万元', '', ...first, '', '— 2 —', '', ...lines].join('\n');
  const text = report(second);
  assert.deepEqual(alignedKinds(text), ['T03']);
  assert.deepEqual(ruleFindings(text), []);
  const row = core.buildModel(text).tables[0].rows.find((r) => r.code === '2080506');
  assert.deepEqual(row.cells.map((c) => c.text), ['2080506', '机关事业单位职业年金缴费支出', '4.00', '', '4.00', '']);
  assert.deepEqual(ruleFindings(text.replace(/(职业年金缴费支出\s+)4\.00/, '$13.00')), ['rollup-mismatch:3.00', 'sum-mismatch:3.00']);
  // A page whose 基本支出 is blank in every row: which column its second amounts belong to is in doubt.
  const doubtful = page([
    ['208', '社会保障和就业支出', '10.00', '', '10.00'],
    ['20805', '行政事业单位养老支出', '10.00', '', '10.00'],
    ['2080505', '机关事业单位基本养老保险缴费支出', '10.00', '', '10.00'],
  ]);
  assert.deepEqual(alignedKinds(report(doubtful)), []);
});

test('a 栏次 row written at the left of right-aligned amount columns does not drop the table', () => {
  const widths = [10, 18, 14, 10, 10];
  const numbers = '栏次' + ' '.repeat(28 + 2 * 2) + ['1', '2', '3'].map((n, i) => n.padEnd([14, 10, 10][i])).join('  ');
  const rows = [['合计', '', '10.00', '4.00', '6.00'], ...T03_ROWS.slice(1, 5)];
  const text = ['支出决算表', '公开03表', '单位：万元', '', layoutLine(T03_HEADER, widths), numbers.trimEnd(), ...rows.map((r) => layoutLine(r, widths))].join('\n');
  assert.deepEqual(alignedKinds(text), ['T03']);
  assert.deepEqual(ruleFindings(text.replace(/(行政运行\s+)4\.00/, '$15.00')), ['rollup-mismatch:5.00', 'sum-mismatch:5.00']);
});

test('a total label standing over the code and name columns (人员经费合计) is its row label, not a merged column', () => {
  const widths = [8, 24, 8, 8, 20, 8];
  const header = layoutLine(['科目代码', '科目名称', '金额', '科目代码', '科目名称', '金额'], widths);
  const rows = [
    ['301', '工资福利支出', '12.00', '302', '商品和服务支出', '3.00'],
    ['30101', '基本工资', '7.00', '30201', '办公费', '1.00'],
    ['30102', '津贴补贴', '5.00', '30211', '差旅费', '2.00'],
  ].map((r) => layoutLine(r, widths));
  const total = '人员经费合计' + ' '.repeat(8 + 2 + 24 + 2 - 12 + 8 - 5) + '12.00' + '  ' + '公用经费合计' + ' '.repeat(8 + 2 + 20 + 2 - 12 + 8 - 4) + '3.00';
  const text = ['一般公共预算财政拨款基本支出决算表', '公开06表', '单位：万元', '', header, ...rows, total].join('\n');
  assert.deepEqual(alignedKinds(text), ['T06']);
  assert.deepEqual(ruleFindings(text), []);
  assert.deepEqual(ruleFindings(text.replace(/(津贴补贴\s+)5\.00/, '$16.00')), ['rollup-mismatch:12.00']);
});

test('“三公” headers written at the left of their spans, with full-width quotes, label their six columns each', () => {
  const widths = [6, 18, 4, 14, 18, 10];
  const twice = (cells, w) => layoutLine([...cells, ...cells], [...w, ...w]);
  const merged = [6, 18, 4 + 14 + 18 + 4, 10];
  const top = layoutLine(['“三公”经费预算数', '“三公”经费决算数'], [widths.reduce((a, b) => a + b + 2, 0) - 2, 20]);
  const text = [
    '财政拨款“三公”经费支出决算表',
    '公开09表',
    '单位：万元',
    '',
    top,
    twice(['合计', '因公出国（境）费用', '公务用车购置及运行维护费', '公务接待费'], merged),
    twice(['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''], widths),
    twice(['3.00', '0.00', '2.00', '0.50', '1.50', '1.00'], widths),
  ].join('\n');
  const table = core.buildModel(text).tables.find((t) => t.format === 'aligned');
  assert.equal(table?.kind, 'T09');
  assert.deepEqual(table.columns.map((c) => c.headerPath[0]), [...Array(6).fill('“三公”经费预算数'), ...Array(6).fill('“三公”经费决算数')]);
  assert.deepEqual(ruleFindings(text), []);
  assert.deepEqual(ruleFindings(text.replace('1.50        1.00', '1.60        1.00')), ['sum-mismatch:2.00']);
});

test('a table printed with every cell blank (header words and 栏次 only, 本表无数据) is no unread table', () => {
  const empty = [
    '政府性基金预算财政拨款收入支出决算表',
    '公开07表',
    '金额单位：万元',
    '               项目                 年初结转和结余       本年收入                  本年支出             年末结转和结余',
    '  功能分类科目代码       科目名称                                        小计    基本支出   项目支出',
    '                           栏次           1                  2            3         4          5               6',
    '                         合计',
    '',
    '注：2024年度，本部门没有发生政府性基金预算财政拨款收入支出，故本表无数据。',
  ].join('\n');
  const result = core.lint(empty);
  assert.deepEqual(result.model.unreadTables, []);
  assert.deepEqual(result.findings.map((f) => f.ruleId), []);
  // A figure under the header is something to read: the table is read, or reported as unread, never dropped.
  const withRow = empty.replace('                         合计', '                         合计                    1.92');
  assert.equal(core.buildModel(withRow).tables.length, 1);
  const lone = empty.replace('                         合计', '                                                 1.92');
  assert.equal(core.lint(lone).model.unreadTables.length, 1);
});
