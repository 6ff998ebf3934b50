// Unit tests of the client's pure helpers: export formats, edit merging, report sniffing, locale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const lib = createRequire(import.meta.url)('../dist/client-lib.js');
const range = (line, start, endLine, end) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

const input = {
  uri: 'file:///reports/%E8%A5%BF%E5%AE%81.txt',
  displayPath: 'reports/西宁.txt',
  summary: { checked: 18, errors: 1, warnings: 1, infos: 0 },
  tool: { name: 'juesuan-lint', version: '0.1.0', informationUri: 'https://github.com/juesuan-lint/juesuan-lint' },
  ruleDescriptions: { 'share-mismatch': '占比与金额不符' },
  findings: [
    {
      ruleId: 'share-mismatch', severity: 'error', message: '占比应为 3.25%，文中为 32%',
      explanation: '196.82 / 6,062.82 = 3.25%', range: range(4, 12, 4, 15),
      helpUri: 'https://github.com/juesuan-lint/juesuan-lint/blob/main/docs/rules/share-mismatch.md',
    },
    { ruleId: 'number-format', severity: 'warning', message: '=HYPERLINK("x"), "quoted"\nsecond line', range: range(7, 0, 7, 7) },
    { ruleId: 'percent-truncated', severity: 'info', message: '-0.63% 是截断', range: range(9, 2, 9, 7) },
  ],
};

test('CSV: BOM, header, 1-based positions, quoting and formula neutralising', () => {
  const csv = lib.toCsv(input);
  assert.ok(csv.startsWith('\uFEFFfile,line,column,endLine,endColumn,severity,rule,message,explanation\r\n'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[1], 'reports/西宁.txt,5,13,5,16,error,share-mismatch,占比应为 3.25%，文中为 32%,"196.82 / 6,062.82 = 3.25%"');
  assert.equal(lines[2], `reports/西宁.txt,8,1,8,8,warning,number-format,"'=HYPERLINK(""x""), ""quoted""\nsecond line",`);
  assert.equal(lines[3], `reports/西宁.txt,10,3,10,8,info,percent-truncated,'-0.63% 是截断,`);
  assert.equal(lines.length, 5);
  assert.equal(lines[4], '');
});

test('JSON keeps the summary and every finding', () => {
  const json = JSON.parse(lib.toJson(input));
  assert.deepEqual(json.summary, input.summary);
  assert.equal(json.findings.length, 3);
  assert.deepEqual(json.findings[0].range, input.findings[0].range);
  assert.equal(json.findings[0].explanation, '196.82 / 6,062.82 = 3.25%');
});

test('SARIF 2.1.0: required properties, levels, rule indexes and 1-based UTF-16 regions', () => {
  const sarif = JSON.parse(lib.toSarif(input));
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'juesuan-lint');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['number-format', 'percent-truncated', 'share-mismatch']);
  assert.equal(run.tool.driver.rules[2].shortDescription.text, '占比与金额不符');
  assert.match(run.tool.driver.rules[2].helpUri, /share-mismatch\.md$/);
  assert.deepEqual(run.results.map((r) => r.level), ['error', 'warning', 'note']);
  for (const result of run.results) {
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(typeof result.message.text, 'string');
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, input.uri);
    assert.equal(run.artifacts[location.artifactLocation.index].location.uri, input.uri);
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(location.region[key]) && location.region[key] >= 1);
  }
  assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 5, startColumn: 13, endLine: 5, endColumn: 16 });
  assert.equal(run.results[0].message.text, '占比应为 3.25%，文中为 32% (196.82 / 6,062.82 = 3.25%)');
});

test('formatFindings dispatches by format; no findings still gives valid documents', () => {
  const empty = { ...input, findings: [] };
  assert.equal(JSON.parse(lib.formatFindings('sarif', empty)).runs[0].results.length, 0);
  assert.equal(lib.formatFindings('csv', empty).split('\r\n').length, 2);
  assert.deepEqual(JSON.parse(lib.formatFindings('json', empty)).findings, []);
});

test('mergeEdits drops duplicates and overlaps, keeps earlier edits, sorts by position', () => {
  const e = (line, s, end, newText) => ({ range: range(line, s, line, end), newText });
  const merged = lib.mergeEdits([
    e(3, 10, 14, '3.25'), // group fix, first: wins
    e(1, 0, 4, '9.99'),
    e(3, 10, 14, '3.25'), // the same edit from the single-share fix
    e(3, 12, 16, '4.00'), // overlaps the first
    e(3, 14, 14, '%'), // touches, does not overlap
    e(3, 14, 14, '!'), // a second insert at the same point conflicts
  ]);
  assert.deepEqual(merged, [e(1, 0, 4, '9.99'), e(3, 10, 14, '3.25'), e(3, 14, 14, '%')]);
});

test('looksLikeReport: markers in the first 40 lines only; a 1 MB line is read only at its head', () => {
  assert.equal(lib.looksLikeReportText('西宁市城中区医疗保障局\n\n2024年度部门决算\n'), true);
  assert.equal(lib.looksLikeReportText('公开 01 表\n'), true);
  assert.equal(lib.looksLikeReportText('金额单位：万元'), true);
  assert.equal(lib.looksLikeReportText('# README\n\nNothing here.\n'), false);
  assert.equal(lib.looksLikeReportText('x\n'.repeat(40) + '2024年度部门决算\n'), false);
  assert.equal(lib.looksLikeReportText(''), false);
  assert.equal(lib.looksLikeReportText('a'.repeat(1 << 20)), false);
  assert.equal(lib.looksLikeReport(1, () => 'b'.repeat(1 << 20) + '决算'), false, 'only the head of each line is read');
});

test('resolveLocale: setting wins, else Chinese unless the UI is English; formatMessage fills {n}', () => {
  assert.equal(lib.resolveLocale('en', 'zh-cn'), 'en');
  assert.equal(lib.resolveLocale('zh-cn', 'en'), 'zh-cn');
  assert.equal(lib.resolveLocale('auto', 'en-gb'), 'en');
  assert.equal(lib.resolveLocale(undefined, 'zh-tw'), 'zh-cn');
  assert.equal(lib.resolveLocale('auto', 'ja'), 'zh-cn');
  assert.equal(lib.formatMessage('{0} 项关系已核对 · {1} 处错误', [18, 3]), '18 项关系已核对 · 3 处错误');
  assert.equal(lib.formatMessage('{0} and {2}', ['a']), 'a and {2}');
});
