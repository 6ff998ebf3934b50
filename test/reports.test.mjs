// Whole reports in templates other than the corpus's (test/support/reports): every consistent report
// must lint without an error or warning, and each injected slip must be found by the right rule on
// the right line. Whole reports restate the same totals in many sections under names of different
// scope (部门 / 本级, 财政拨款 / 一般公共预算, 本年支出 / 支出总计, 人员经费 of all funds / of 06), which is
// where false findings appear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { all } from './support/reports/gen.mjs';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const show = (text, f) => `${f.ruleId}/${f.severity} L${f.range.start.line + 1} "${text.slice(f.span.start, f.span.end)}": ${f.message['zh-cn']}`;

for (const report of all()) {
  test(`${report.file}: the consistent report has no error or warning`, () => {
    const bytes = Buffer.byteLength(report.text);
    assert.ok(bytes >= 15_000 && bytes <= 40_000, `${bytes} bytes`);
    const result = core.lint(report.text);
    // The report is really checked: its tables and prose give hundreds of relations.
    assert.ok(result.verdicts.length > 300, `${result.verdicts.length} verdicts`);
    assert.deepEqual(result.findings.filter((f) => f.severity !== 'info').map((f) => show(report.text, f)), []);
  });
  for (const slip of report.slips) {
    test(`${report.file}: ${slip.desc} → ${slip.rule} on line ${slip.line}`, () => {
      const parts = report.text.split(slip.from);
      assert.ok(parts.length > slip.nth + 1);
      const text = parts.reduce((acc, x, i) => (i === 0 ? x : acc + (i - 1 === slip.nth ? slip.to : slip.from) + x));
      const findings = core.lint(text).findings.filter((f) => f.severity === 'error');
      assert.ok(
        findings.some((f) => f.ruleId === slip.rule && f.range.start.line + 1 === slip.line),
        findings.map((f) => show(text, f)).join('\n'),
      );
    });
  }
}
