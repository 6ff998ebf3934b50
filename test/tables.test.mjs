// The table model (tables.md §0) on the real xining tables and on the other layouts reports use:
// cells, header paths, codes, row kinds, blocks, page-break continuations, column shifts, units, and
// LSP ranges on CJK text. Also the helpers other checks use to find cells (findTableValue,
// performanceTables), bundled from source because the core's public API does not export them.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const root = new URL('..', import.meta.url).pathname;
const xiningFull = readFileSync(join(root, '../shared/corpus/xining-chengzhong-2024.txt'), 'utf8');

const helpersDir = mkdtempSync(join(tmpdir(), 'juesuan-tables-'));
after(() => rmSync(helpersDir, { recursive: true, force: true }));
const helpersFile = join(helpersDir, 'tables.cjs');
buildSync({ entryPoints: [join(root, 'server/src/core/claims/tables.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: helpersFile, logLevel: 'error' });
const helpers = require(helpersFile);

const model = core.buildModel(xiningFull);
const byKind = (kind) => model.tables.find((t) => t.kind === kind);
const lineOf = (offset) => new core.LineIndex(xiningFull).positionAt(offset).line + 1;
const rowAt = (table, line) => table.rows.find((r) => r.line + 1 === line);
const cellValue = (cell) => (cell.number === undefined ? undefined : model.numbers[cell.number].text);

test('xining: every table is found, identified and given its unit', () => {
  const kinds = model.tables.map((t) => t.kind);
  assert.deepEqual(kinds, ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'unknown', 'T10', 'T11', 'performance', 'performance']);
  assert.equal(byKind('T01').code, '公开01表');
  assert.equal(byKind('T01').title, '收入支出决算总表');
  assert.ok(model.tables.every((t) => t.unit === '万元'));
  assert.equal(model.tables[9].title, '相关统计数');
  assert.deepEqual(
    model.tables.filter((t) => t.kind === 'performance').map((t) => t.projectName),
    ['公务员医疗补助', '医疗服务与保障能力提升补助资金'],
  );
});

test('xining: merged headers become header paths, 栏次 rows number the value columns', () => {
  const t05 = byKind('T05');
  assert.deepEqual(t05.columns.map((c) => c.headerPath), [
    ['项目', '功能分类科目代码'],
    ['项目', '科目名称'],
    ['本年支出', '小计'],
    ['本年支出', '基本支出'],
    ['本年支出', '项目支出'],
  ]);
  assert.deepEqual(t05.columns.map((c) => c.role), ['code', 'name', 'value', 'value', 'value']);
  assert.deepEqual(t05.columns.map((c) => c.columnNumber), [undefined, undefined, '1', '2', '3']);
  // 公开09: three header lines, a bare 1…12 row, labels broken by the PDF (`公务用车购 置费`).
  const t09 = byKind('T09');
  assert.deepEqual(t09.rows.map((r) => r.kind), ['header', 'header', 'header', 'column-numbers', 'data']);
  assert.deepEqual(t09.columns[3].headerPath.at(-1), '公务用车购置费');
  assert.deepEqual(t09.columns.map((c) => c.columnNumber), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  // 栏次 in the name column (02) and in the code column (03) alike.
  assert.equal(rowAt(byKind('T02'), 136).kind, 'column-numbers');
  assert.equal(rowAt(byKind('T03'), 166).kind, 'column-numbers');
  // 合计 in either of the first two cells.
  assert.equal(rowAt(byKind('T02'), 137).kind, 'total');
  assert.equal(rowAt(byKind('T03'), 167).kind, 'total');
});

test('xining: side-by-side blocks, 行次 never an amount', () => {
  const t01 = byKind('T01');
  assert.deepEqual(t01.columns.map((c) => [c.block, c.role]), [
    [0, 'name'], [0, 'line-number'], [0, 'value'],
    [1, 'name'], [1, 'line-number'], [1, 'value'],
  ]);
  const row = rowAt(t01, 104); // `\t9\t\t九、卫生健康支出\t40\t652.06`
  assert.deepEqual(row.entries.map((e) => [e.block, e.label, e.lineNumber]), [[0, '', '9'], [1, '九、卫生健康支出', '40']]);
  assert.equal(row.cells[1].number, undefined, '行次 9 is not a number token');
  assert.equal(row.cells[4].number, undefined, '行次 40 is not a number token');
  assert.equal(cellValue(row.cells[5]), '652.06');
  // No token anywhere in a 行次 column, a code column or a 栏次 row.
  for (const t of model.tables) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        const role = t.columns[c.col]?.role;
        if (role === 'line-number' || role === 'code' || r.kind === 'column-numbers') assert.equal(c.number, undefined, `${t.kind} :${r.line + 1} col ${c.col}`);
      }
    }
  }
  // 公开06: three (代码, 名称, 金额) groups per line.
  const t06 = byKind('T06');
  assert.deepEqual(rowAt(t06, 268).entries.map((e) => [e.code, e.label, cellValue(rowAt(t06, 268).cells[e.valueCols[0]]) ?? '']), [
    ['30101', '基本工资', '16.35'],
    ['30201', '办公费', '1.39'],
    ['30701', '国内债务付息', ''],
  ]);
});

test('xining: a total written in an odd column belongs to its label (`:295`)', () => {
  const row = rowAt(byKind('T06'), 295);
  assert.deepEqual(row.entries.map((e) => [e.label, e.valueCols]), [['人员经费合计', [2]], ['公用经费合计', [8]]]);
  assert.equal(cellValue(row.cells[8]), '4.72');
});

test('xining: the column shift at :287 is flagged, never an amount, and the code is recovered', () => {
  const row = rowAt(byKind('T06'), 287);
  const cell = row.cells[5];
  assert.equal(cell.text, '399');
  assert.equal(cell.shiftedCode, '399');
  assert.equal(cell.number, undefined);
  assert.deepEqual(row.entries.map((e) => [e.code, e.label, !!e.codeRecovered]), [
    ['30306', '救济费', false],
    ['30226', '劳务费', false],
    ['399', '其他支出', true],
  ]);
  assert.equal(model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.shiftedCode).length, 1);
});

test('xining: 公开10 continues after the repeated header at the page break', () => {
  const t10 = byKind('T10');
  assert.equal(model.tables.filter((t) => t.kind === 'T10').length, 1);
  assert.deepEqual(t10.continuations, [26]);
  assert.equal(t10.rows.at(-1).code, '399');
  assert.ok(rowAt(t10, 377).repeatedHeader && rowAt(t10, 378).repeatedHeader);
  assert.deepEqual(t10.columns.map((c) => c.headerPath.at(-1)), ['经济分类编码', '经济分类名称', '机关运行经费支出决算数']);
  assert.equal(lineOf(t10.span.end), 387);
});

test('xining: empty tables and notes', () => {
  const t07 = byKind('T07');
  assert.equal(t07.noData, true);
  assert.match(t07.notes[0].text, /本表无数据/);
  assert.equal(byKind('T09').noData, false);
  assert.equal(lineOf(byKind('T09').notes[0].span.start), 335);
});

test('xining: cell ranges are LSP positions in UTF-16 code units on CJK lines', () => {
  const row = rowAt(byKind('T01'), 96);
  const token = model.numbers[row.cells[2].number];
  const range = new core.LineIndex(xiningFull).range(token.span);
  // `一、一般公共预算财政拨款收入\t1\t` is 17 UTF-16 code units.
  assert.deepEqual(range, { start: { line: 95, character: 17 }, end: { line: 95, character: 23 } });
  assert.equal(xiningFull.slice(token.span.start, token.span.end), '665.38');
  assert.deepEqual(token.cell, { table: 0, row: row.index, col: 2 });
});

test('xining: the identities hold except the column shift', () => {
  const result = core.lint(xiningFull);
  const tableRules = new Set(['rollup-mismatch', 'cross-table-mismatch', 'table-format']);
  const findings = result.findings.filter((f) => tableRules.has(f.ruleId));
  assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line + 1, xiningFull.slice(f.span.start, f.span.end)]), [['table-format', 287, '399']]);
  const tableClaims = result.claims.filter((c) => c.origin === 'table' || c.origin === 'cross-table');
  const ids = new Set(tableClaims.map((c) => c.identity));
  for (const id of ['T01.1', 'T01.5', 'T02.1', 'T02.3', 'T02.4', 'T03.1', 'T03.2', 'T04.1', 'T04.4', 'T04.8', 'T05.1', 'T06.1', 'T06.2', 'T06.4', 'T06.5', 'T09.1', 'T09.2', 'T09.3', 'T10.1', 'T10.2', 'T11.1', 'T11.2', 'X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X9', 'X11', 'X12', 'X13', 'X14', 'X15', 'PT.1']) {
    assert.ok(ids.has(id), `identity ${id} is checked`);
  }
  // Every table claim got a verdict; only the soft 总分 check of the 绩效自评表 warns.
  const verdicts = new Map(result.verdicts.map((v) => [v.claim, v]));
  for (const c of tableClaims) assert.ok(verdicts.has(c.id), `verdict for ${c.identity} ${c.description['zh-cn']}`);
  const notOk = tableClaims.filter((c) => verdicts.get(c.id).status !== 'ok').map((c) => c.identity);
  assert.deepEqual(notOk, ['PT.4', 'PT.4']);
  // The rounding cases are explained, not reported.
  const wages = tableClaims.find((c) => c.identity === 'T06.1');
  assert.equal(verdicts.get(wages.id).explanation['zh-cn'], '301 工资福利支出 204.16 = Σ 301xx 10 项 = 204.17（差 0.01，容差 0.055）');
  // Operands carry token ids and readable labels.
  const row = tableClaims.find((c) => c.identity === 'T03.1' && c.total.label.startsWith('2101501'));
  assert.equal(row.total.label, '2101501 行政运行 · 本年支出合计');
  assert.equal(xiningFull.slice(row.total.span.start, row.total.span.end), '191.67');
  assert.equal(model.numbers[row.total.token].text, '191.67');
});

test('split 类/款/项 cells and a table in 元', () => {
  const text = [
    '公开05表 一般公共预算财政拨款支出决算表',
    '单位：元',
    '',
    '类\t款\t项\t科目名称\t小计\t基本支出\t项目支出',
    '合计\t\t\t\t82800.00\t82800.00\t',
    '208\t\t\t社会保障和就业支出\t82800.00\t82800.00\t',
    '208\t05\t\t行政事业单位养老支出\t82400.00\t82400.00\t',
    '208\t05\t05\t机关事业单位基本养老保险缴费支出\t55000.00\t55000.00\t',
    '\t\t06\t机关事业单位职业年金缴费支出\t27400.00\t27400.00\t',
    '\t99\t99\t其他社会保障和就业支出\t400.00\t400.00\t-',
  ].join('\n');
  const m = core.buildModel(text);
  const [t] = m.tables;
  assert.equal(t.kind, 'T05');
  assert.equal(t.unit, '元');
  assert.deepEqual(t.columns.map((c) => c.role), ['code-part', 'code-part', 'code-part', 'name', 'value', 'value', 'value']);
  assert.deepEqual(t.rows.map((r) => r.code ?? r.label), ['类', '合计', '208', '20805', '2080505', '2080506', '2089999']);
  const result = core.lint(text);
  const rollups = result.claims.filter((c) => c.kind === 'rollup');
  assert.ok(rollups.length >= 4);
  // Amounts are read in 元 and compared in 万元: 8.28 = 8.24 + 0.04.
  const r208 = rollups.find((c) => c.total.label.startsWith('208 ') && c.total.label.endsWith('小计'));
  assert.equal(r208.total.value.toString(), '8.28');
  assert.deepEqual(r208.parts.map((p) => p.value.toString()), ['8.24', '0.04']);
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'rollup-mismatch'), []);
});

test('code and name in one cell are split and normalised', () => {
  const m = core.buildModel('收入决算表\n\n科目\t本年收入合计\n2080505 机关事业单位基本养老保险缴费支出\t5.50\n2080506机关事业单位职业年金缴费支出\t2.75\n');
  const [t] = m.tables;
  assert.deepEqual(t.rows.slice(1).map((r) => [r.code, r.label]), [
    ['2080505', '机关事业单位基本养老保险缴费支出'],
    ['2080506', '机关事业单位职业年金缴费支出'],
  ]);
});

test('malformed tables never throw', () => {
  const inputs = [
    '公开02表\n项目\t本年收入合计\n合计\t1.00\t\t\t\t\t\t9\n208\n\t\t\t\n20805\t1.00\t2\t3\t4\t5\t6\t7\t8\t9\t10\n',
    '| 项目 | 金额 |\n|---|---|\n| 合计 | 1.00\n| 208 社会保障和就业支出 | 1.00 | extra | cells |\n| | |\n|\n',
    '| a |\n|---|\n',
    '\t\t\t\t\n\t\n',
    '公开06表\n科目代码\t科目名称\t金额\t科目代码\t科目名称\t金额\n\t\t399\t\t\t\n301\t工资福利支出\t\t\t其他支出\t301\n',
    '注：本表无数据\n\t合计\t\n',
    '|'.repeat(5000) + '\n|---|\n',
    '1\t2\t3\n'.repeat(2000),
  ];
  for (const text of inputs) {
    const result = core.lint(text);
    for (const f of result.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length);
  }
});

test('a one-megabyte table line of 200,000 cells is refused as no disclosure table, with a note saying so', () => {
  const text = '公开02表\n项目\t本年收入合计\n' + '1.00\t'.repeat(200000) + '\n';
  const result = core.lint(text);
  assert.equal(result.model.tables.length, 0);
  assert.equal(result.model.unreadTables.length, 1);
  assert.equal(result.model.unreadTables[0].layout, 'too-wide');
  const note = result.findings.find((f) => f.ruleId === 'table-format');
  assert.match(note.explanation['zh-cn'], /有200001栏/);
});

test('a table of many columns, wider than any disclosure table but under the limit, is still read', () => {
  const text = '公开02表\n' + ['项目', ...Array.from({ length: 60 }, (_, i) => `栏${i}`)].join('\t') + '\n' + ['合计', ...Array(60).fill('1.00')].join('\t') + '\n';
  const result = core.lint(text);
  assert.equal(result.model.tables.length, 1);
  assert.equal(result.model.unreadTables.length, 0);
});

test('findTableValue finds cells by table, code or label and column words', () => {
  const cell = helpers.findTableValue(model, { kind: 'T05', code: '2101501', column: ['基本支出'] });
  assert.equal(model.numbers[cell.token].text, '191.67');
  assert.equal(lineOf(cell.span.start), 251);
  assert.equal(cell.label, '2101501 行政运行 · 基本支出');
  const total = helpers.findTableValue(model, { kind: 'T01', label: '总计', block: 0 });
  assert.equal(model.numbers[total.token].text, '665.39');
  const staff = helpers.findTableValue(model, { kind: 'T06', label: '公用经费合计' });
  assert.equal(model.numbers[staff.token].text, '4.72');
  const blank = helpers.findTableValue(model, { kind: 'T10', code: '30226' });
  assert.equal(blank.token, undefined);
  assert.equal(blank.empty, true);
  const sangong = helpers.findTableValue(model, { kind: 'T09', column: '11' });
  assert.equal(model.numbers[sangong.token].text, '1.92');
  assert.equal(sangong.col, 10);
  // The shifted code of :287 is never returned as the amount of 劳务费.
  assert.equal(helpers.findTableValue(model, { kind: 'T06', code: '30226' }), undefined);
  assert.equal(helpers.findTableValue(model, { kind: 'T03', code: '9999999' }), undefined);
});

test('performanceTables returns the key cells of each 绩效自评表', () => {
  const tables = helpers.performanceTables(model);
  const text = (id) => (id === undefined ? undefined : model.numbers[id].text);
  assert.deepEqual(
    tables.map((t) => [t.projectName, text(t.initialBudget), text(t.annualBudget), text(t.executed), text(t.executionRate), text(t.totalScore), text(t.totalWeight)]),
    [
      ['公务员医疗补助', '470', '470', '402.51', '86', '98.5', '100'],
      ['医疗服务与保障能力提升补助资金', '98', '98', '79.36', '80.98', '98.5', '100'],
    ],
  );
  assert.equal(tables[0].indicators.length, 7);
});

test('a title whose code stands in brackets after it, `**部门收支总表**（表1）`, names its table', () => {
  const text = '某医院2019年度部门决算\n\n**部门收支总表**（表1）\n\n单位：万元\n\n| 收入 |  | 支出 |  |\n|---|---|---|---|\n| 项目 | 决算数 | 项目 | 决算数 |\n| 一、一般公共预算财政拨款收入 | 1798.52 | 一、卫生健康支出 | 1798.52 |\n| 本年收入合计 | 1798.52 | 本年支出合计 | 1798.52 |\n';
  const tables = core.buildModel(text).tables;
  assert.deepEqual(tables.map((t) => [t.kind, t.title, t.code]), [['T01', '部门收支总表', '表1']]);
});

test('an untitled table of the 三公 items under 预算数 / 决算数 is 公开09表; one of their counts is not', () => {
  const sangong = core.buildModel('| 项目 | 预算数（万元） | 决算数（万元） |\n| --- | --- | --- |\n| 合计 | 43.03 | 33.49 |\n| 因公出国（境）费 | 0.00 | 0.00 |\n| 公务用车购置及运行维护费 | 41.71 | 32.45 |\n| 公务接待费 | 1.32 | 1.04 |\n').tables;
  assert.deepEqual(sangong.map((t) => t.kind), ['T09']);
  const counts = core.buildModel('| 项目 | 预算数 | 决算数 |\n| --- | --- | --- |\n| 因公出国（境）团组数 | 0 | 0 |\n| 公务用车保有量（辆） | 4 | 4 |\n| 公务接待批次 | 10 | 9 |\n').tables;
  assert.deepEqual(counts.map((t) => t.kind), ['unknown']);
});
