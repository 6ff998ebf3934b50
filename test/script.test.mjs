// Stage 0: traditional script and pinyin glosses (web mirrors of reports) read as simplified text, with
// every line keeping its length so that findings point back into the source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { normalizeScript, lint } = require('../dist/core.js');

test('simplified text without glosses is returned as it is', () => {
  const text = '本年收入合计100.00万元，其中：财政拨款收入100.00万元。\n';
  const n = normalizeScript(text);
  assert.equal(n.text, text);
  assert.equal(n.toSource(10), 10);
});

test('traditional script becomes simplified, character for character', () => {
  const text = '一般公共預算財政撥款支出與上年相比減少53.70萬元；決算數大於預算數。經營收入0萬元，佔0%。';
  const n = normalizeScript(text);
  assert.equal(n.text, '一般公共预算财政拨款支出与上年相比减少53.70万元；决算数大于预算数。经营收入0万元，占0%。');
  assert.equal(n.text.length, text.length);
  assert.equal(n.toSource(20), 20);
});

test('pinyin glosses are taken out, each line padded to its length, offsets mapped back', () => {
  const text = '事业(yè)收入60.00万元，经（jīng）营收入0万元。\r\n第二行预(yù)算5.00万元\n';
  const n = normalizeScript(text);
  const lines = n.text.split('\n');
  assert.equal(lines[0], '事业收入60.00万元，经营收入0万元。          \r');
  assert.equal(lines[1], '第二行预算5.00万元    ');
  assert.equal(n.text.length, text.length);
  // 60.00 stands at 4 in the normalised text, at 8 in the source; 0万元 after the second gloss.
  assert.equal(n.toSource(4), text.indexOf('60.00'));
  assert.equal(n.toSource(n.text.indexOf('0万元。')), text.indexOf('0万元。'));
  // Second line: its own glosses only.
  const second = n.text.indexOf('5.00');
  assert.equal(n.toSource(second), text.indexOf('5.00'));
  // An offset in the padding maps to the end of its line's content.
  assert.equal(n.toSource(n.text.indexOf('\r') - 1), text.indexOf('\r'));
});

test('a finding on a glossed traditional line points at the source characters', () => {
  const text = '2023年度，本單位一般公共預(yù)算財政撥款支出總計842.10萬元，與上年相比減少40.20萬元，降低5.56%。\n';
  const [finding] = lint(text).findings.filter((f) => f.ruleId === 'change-mismatch');
  assert.ok(finding, 'the rate is checked');
  assert.equal(text.slice(finding.span.start, finding.span.end), '5.56');
  assert.equal(finding.range.start.character, text.indexOf('5.56'));
  for (const fix of finding.fixes) for (const e of fix.edits) assert.equal(text.slice(e.span.start, e.span.end), '5.56');
});

test('zero-width characters and BOMs are taken out like glosses; full-width digits (and a full-width point between them) become ASCII in place', () => {
  const text = '\uFEFF本年支出1,2\u200B34.56万元，增\u200B长１３．２３％。\n';
  const n = normalizeScript(text);
  assert.equal(n.text, '本年支出1,234.56万元，增长13.23％。   \n');
  assert.equal(n.text.length, text.length);
  assert.ok(n.fullwidthDigits);
  // 1,234.56 starts after the BOM; 增 after one removal more; the rate after two.
  assert.equal(n.toSource(n.text.indexOf('1,234')), text.indexOf('1,2'));
  assert.equal(n.toSource(n.text.indexOf('13.23')), text.indexOf('１３'));
  assert.equal(normalizeScript('无全角数字。').fullwidthDigits, false);
});

test('a number written in full-width digits is reported as written and fixed in place', () => {
  const text = '本年支出合计１２３．４５万元。\n';
  const [finding] = lint(text).findings.filter((f) => f.ruleId === 'number-format');
  assert.match(finding.message['zh-cn'], /１２３．４５/);
  assert.equal(text.slice(finding.span.start, finding.span.end), '１２３．４５');
  assert.equal(finding.fixes[0].edits[0].newText, '123.45');
});

test('a no-break space inside a number is taken out; one between words stays', () => {
  const text = '年初预算为10\u00A04.93万元，单位\u00A0名称。\n';
  const n = normalizeScript(text);
  assert.equal(n.text, '年初预算为104.93万元，单位\u00A0名称。 \n');
  assert.equal(n.toSource(n.text.indexOf('，')), text.indexOf('，'));
});

test('a soft hyphen is taken out like a zero-width space (a label broken by conversion still names its cell)', () => {
  const text = '公务用车购置\u00AD及运行维护费支出7.74万元。\n';
  const n = normalizeScript(text);
  assert.equal(n.text, '公务用车购置及运行维护费支出7.74万元。 \n');
  assert.equal(n.toSource(n.text.indexOf('7.74')), text.indexOf('7.74'));
});

test('a number wrapped at the end of a line with an invisible character is still one number', () => {
  // The line is padded at its end where the character was taken out: the spaces stand before the break.
  for (const ch of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']) {
    for (const [text, value] of [
      [`比上年财政${ch}拨款支出各减少7.\n69万元，下降1.17%。\n`, '7.69'],
      [`完成预${ch}算的7\n3.60%。\n`, '73.60'],
      [`比上年增${ch}加11\n.59万元。\n`, '11.59'],
    ]) {
      const numbers = lint(text).model.numbers.map((t) => t.text);
      assert.ok(numbers.includes(value), `${JSON.stringify(text)}: ${numbers}`);
    }
  }
});

test('a no-break space inside a number is taken out also beside a zero-width character', () => {
  const text = '支出决算为19\uFEFF\u00A06.11万元。\n';
  const n = normalizeScript(text);
  assert.equal(n.text, '支出决算为196.11万元。  \n');
  assert.equal(n.toSource(n.text.indexOf('万元')), text.indexOf('万元'));
});

test("OCR's letter O inside a number reads as a zero, one character for one; words with an O stay", () => {
  const n = normalizeScript('支出1O4.95万元，占87.O7%，10O%完成。ISO9001认证，COVID-19，O2O平台。');
  assert.equal(n.text, '支出104.95万元，占87.07%，100%完成。ISO9001认证，COVID-19，O2O平台。');
  assert.ok(n.letterZeros);
  assert.equal(normalizeScript('ISO9001认证').letterZeros, false);
});
