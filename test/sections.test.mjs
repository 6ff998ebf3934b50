// Sections of the document model: the level of each heading, and which heading each one is under.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');

/** Each section as `title@level<parent title`. */
function outline(text) {
  const { sections } = core.buildModel(text);
  return sections.map((s) => `${s.title}@${s.level}<${s.parent === undefined ? '' : sections[s.parent].title}`);
}

test('a Markdown heading numbered in words keeps its number’s level, so plain numbered lines after it stay under it', () => {
  const text = [
    '# 某局2023年度部门决算公开说明',
    '',
    '### 五、一般公共预算财政拨款支出决算情况',
    '',
    '#### （一）总体情况',
    '',
    '一般公共预算财政拨款支出1244.83万元。',
    '',
    '（二）一般公共服务支出（201）',
    '',
    '行政运行（项）支出决算数为329.40万元。',
    '',
    '### 六、基本支出决算情况',
    '',
  ].join('\n');
  assert.deepEqual(outline(text), [
    '某局2023年度部门决算公开说明@1<',
    '五、一般公共预算财政拨款支出决算情况@2<某局2023年度部门决算公开说明',
    '（一）总体情况@3<五、一般公共预算财政拨款支出决算情况',
    '（二）一般公共服务支出（201）@3<五、一般公共预算财政拨款支出决算情况',
    '六、基本支出决算情况@2<某局2023年度部门决算公开说明',
  ]);
});

test('an unnumbered Markdown heading takes its level from its # marks', () => {
  const text = ['# 标题', '', '## 收入情况', '', '收入合计100.00万元。', '', '### 说明', '', '无。', ''].join('\n');
  assert.deepEqual(outline(text), ['标题@1<', '收入情况@2<标题', '说明@3<收入情况']);
});

test('a 类 numbered afresh under a section heads a part of it, not a section beside it', () => {
  const text = ['五、一般公共预算财政拨款支出决算情况说明', '', '一般公共预算财政拨款支出100.00万元。', '', '一、教育支出（类）', '', '（1）高等职业教育（项）：决算100.00万元。', ''].join('\n');
  assert.deepEqual(outline(text), ['五、一般公共预算财政拨款支出决算情况说明@2<', '一、教育支出（类）@3<五、一般公共预算财政拨款支出决算情况说明']);
});

test('a 类 numbered afresh under a heading of its own level is a part of that heading, and the next 类 its sibling', () => {
  const text = [
    '# 某局2024年度部门决算',
    '',
    '### （七）一般公共预算财政拨款支出决算具体情况',
    '',
    '（一）一般公共服务支出（类）',
    '',
    '1.市场监督管理事务（款）行政运行（项）：年初预算249.27万元，支出决算253.97万元。',
    '',
    '（二）社会保障和就业支出（类）',
    '',
    '### （八）一般公共预算财政拨款基本支出决算情况',
    '',
  ].join('\n');
  assert.deepEqual(outline(text), [
    '某局2024年度部门决算@1<',
    '（七）一般公共预算财政拨款支出决算具体情况@3<某局2024年度部门决算',
    '（一）一般公共服务支出（类）@4<（七）一般公共预算财政拨款支出决算具体情况',
    '（二）社会保障和就业支出（类）@4<（七）一般公共预算财政拨款支出决算具体情况',
    '（八）一般公共预算财政拨款基本支出决算情况@3<某局2024年度部门决算',
  ]);
});

test('the prose of a page saved from a website: its tags and entities hide no heading, and offsets stay', () => {
  const text = [
    '<p style="text-indent:2em;"><strong>一、收入支出决算总体情况说明</strong></p>',
    '<p style="text-indent:2em;">2020年度收入总计1734.33万元。&nbsp;</p>',
    '<p style="text-indent:2em;"><strong>二、收入决算情况说明</strong></p>',
  ].join('\n');
  assert.deepEqual(outline(text), ['一、收入支出决算总体情况说明@2<', '二、收入决算情况说明@2<']);
  const model = core.buildModel(text);
  assert.equal(model.text.length, text.length);
  const figure = model.numbers.find((n) => n.text === '1734.33');
  assert.equal(text.slice(figure.span.start, figure.span.end), '1734.33');
});

test('full-width figures in the prose read as ASCII for the words around them, the numbers keep what was written', () => {
  const text = '某局２０１９年度部门决算\n\n２０１９年度本部门机关运行经费支出１０４．６１万元，增长８．３９％。\n';
  const model = core.buildModel(text);
  assert.equal(model.text.length, text.length);
  assert.match(model.text, /2019年度本部门机关运行经费支出104\.61万元，增长8\.39%/);
  const figure = model.numbers.find((n) => n.text === '104.61');
  assert.equal(figure.raw, '１０４．６１');
  assert.equal(figure.formatIssue, 'fullwidth');
});
