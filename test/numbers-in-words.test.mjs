// Counts written in Chinese numerals (`保有量十三辆`, `三个团组`): read as the counts they name, exact, and never rewritten by a fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { scanNumbers, lint } = require('../dist/core.js');

const counts = (text) => scanNumbers(text).map((n) => `${n.raw}=${n.text}${n.unitText}`);

test('counts in Chinese numerals are read with their unit', () => {
  assert.deepEqual(counts('保有量十三辆，共有车辆三十二辆，接待二十三批次、一百零五人次，安排两个团组，购置一辆。'), ['十三=13辆', '三十二=32辆', '二十三=23批次', '一百零五=105人次', '两=2个', '一=1辆']);
  assert.deepEqual(counts('两千名职工，十人'), ['两千=2000名', '十=10人']);
});

test('percentages and multiples in words are read', () => {
  assert.deepEqual(counts('占本年支出合计的百分之四十三点八二，占百分之百，是上年的两倍，约为前者的二点二倍'), ['百分之四十三点八二=43.82%', '百分之百=100%', '两=2倍', '二点二=2.2倍']);
});

test('ordinals, rates, approximations, counted totals and bare ones are no counts', () => {
  assert.deepEqual(counts('第三个项目，每人补助，前三项合计，一百多人，十余人，一个团组，一人一档，三项合计，十三五规划，三公经费，一般公共预算'), []);
});

test('a count in words is checked as any count, and no fix rewrites it in digits', () => {
  const text = '某局2023年度部门决算公开说明\n\n截至2023年12月31日，本部门共有车辆三十二辆，其中：执法执勤用车十二辆，特种专业技术用车十九辆，其他用车三辆。\n';
  const findings = lint(text).findings.filter((f) => f.ruleId === 'sum-mismatch');
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '三十二');
  assert.deepEqual(findings[0].fixes, []);
});
