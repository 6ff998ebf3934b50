// The fix machinery of the core: share recomputation (one share, a whole list, largest remainder)
// and fix-all (multi-pass, idempotent, minimal edits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const Decimal = require('decimal.js');
const corpus = new URL('../../shared/corpus/', import.meta.url);

const figure = (part, base, decimals, text = '0') => ({ claim: 0, part, base, decimals, span: { start: 0, end: text.length }, text });

test('recomputeShare rounds part/base×100 half-up to the stated decimals', () => {
  assert.equal(core.recomputeShare(figure('196.82', '6062.82', 2)), '3.25');
  assert.equal(core.recomputeShare(figure('208.88', '665.38', 0)), '31');
  assert.equal(core.recomputeShare(figure('208.88', '665.38', 1)), '31.4');
  // 1/8 = 12.5% exactly: half-up, not banker's rounding.
  assert.equal(core.recomputeShare(figure('1', '8', 0)), '13');
  assert.equal(core.recomputeShare(figure(new Decimal('652.06'), new Decimal('665.38'), 0)), '98');
  assert.equal(core.recomputeShare(figure('5', '0', 2)), undefined, 'no share of a zero base');
});

test('recomputeShareGroup: plain rounding and the largest-remainder list (beijing-xicheng :57)', () => {
  const parts = ['364.76', '65316.04', '486.27'];
  const figures = parts.map((p) => figure(p, '66167.07', 2));
  assert.deepEqual(core.recomputeShareGroup(figures), ['0.55', '98.71', '0.73']);
  // The floors add to 99.99; the missing 0.01 goes to the largest remainder (0.7349 → 0.74), as the report did.
  assert.deepEqual(core.recomputeShareGroup(figures, { largestRemainder: true }), ['0.55', '98.71', '0.74']);
  const lrm = core.recomputeShareGroup(figures, { largestRemainder: true });
  assert.equal(lrm.reduce((s, v) => s.plus(v), new Decimal(0)).toString(), '100');
});

test('largest remainder is refused for mixed precisions and for lists that do not exhaust the base', () => {
  const mixed = [figure('208.88', '665.38', 0), figure('456.50', '665.38', 2)];
  assert.deepEqual(core.recomputeShareGroup(mixed), ['31', '68.61']);
  assert.equal(core.recomputeShareGroup(mixed, { largestRemainder: true }), undefined);
  const partial = [figure('100', '665.38', 2), figure('200', '665.38', 2)];
  assert.equal(core.recomputeShareGroup(partial, { largestRemainder: true }), undefined);
  assert.equal(core.recomputeShareGroup([figure('1', '0', 2), figure('1', '2', 2)]), undefined);
});

test('shareFixes builds single and group fixes from ShareClaims with the stated decimals kept', () => {
  const text = '支出合计66167.07万元，其中：甲364.76万元，占0.50%；乙65316.04万元，占98.80%；丙486.27万元，占0.70%。';
  const model = core.buildModel(text);
  const num = (raw) => model.numbers.find((n) => n.raw === raw);
  const operand = (raw, label) => ({ token: num(raw).id, value: new Decimal(num(raw).text), halfUlp: new Decimal('0.005'), label, span: num(raw).span });
  const base = operand('66167.07', '支出合计');
  const claims = [
    ['364.76', '0.50'],
    ['65316.04', '98.80'],
    ['486.27', '0.70'],
  ].map(([part, stated], id) => ({ id, kind: 'share', origin: 'prose', description: { 'zh-cn': 'x', en: 'x' }, span: num(stated).span, part: operand(part, 'p'), base, stated: operand(stated, 's'), group: 3 }));
  claims.push({ id: 3, kind: 'share-group', origin: 'prose', description: { 'zh-cn': 'g', en: 'g' }, span: claims[0].span, shares: [0, 1, 2] });
  const fixes = core.shareFixes(model, claims, new core.LineIndex(text));
  assert.deepEqual([...fixes.single.keys()], [0, 1, 2]);
  const single = fixes.single.get(0);
  assert.equal(single.kind, 'recompute-share');
  assert.equal(single.safe, false, 'recomputing a share is a judgement (the base may be the wrong number)');
  assert.deepEqual(single.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]), [['0.50', '0.55']]);
  assert.deepEqual(single.edits[0].range.start, { line: 0, character: text.indexOf('0.50') });
  assert.equal(fixes.groups.length, 1, 'the share-group claim and ShareClaim.group name the same list once');
  const [group] = fixes.groups;
  assert.deepEqual(group.shares, [0, 1, 2]);
  assert.deepEqual(core.applyEdits(text, group.recompute.edits).text.match(/占[\d.]+%/g), ['占0.55%', '占98.71%', '占0.73%']);
  assert.deepEqual(core.applyEdits(text, group.largestRemainder.edits).text.match(/占[\d.]+%/g), ['占0.55%', '占98.71%', '占0.74%']);
  assert.match(group.largestRemainder.title['zh-cn'], /最大余数/);
  assert.match(group.largestRemainder.title.en, /largest-remainder/);
});

/** A toy lint whose fixes only become possible after an earlier pass: `1. 2` → `1.2` → `1.20`. */
function toyLint(text) {
  const findings = [];
  const add = (start, end, newText, safe = true) =>
    findings.push({ ruleId: 'toy', fixes: [{ title: { 'zh-cn': 't', en: 't' }, safe, preferred: true, kind: 'normalize-number', edits: [{ span: { start, end }, newText }] }] });
  for (const m of text.matchAll(/(\d)\. (\d)/g)) add(m.index, m.index + m[0].length, `${m[1]}.${m[2]}`);
  for (const m of text.matchAll(/(?<![\d.])(\d)\.(\d)(?!\d)/g)) add(m.index, m.index + m[0].length, `${m[1]}.${m[2]}0`);
  for (const m of text.matchAll(/unsafe/g)) add(m.index, m.index + m[0].length, 'changed', false);
  return { findings };
}

test('fixAll composes passes into minimal edits against the original text', () => {
  const text = 'a 1. 2 b 3.4 unsafe 5. 6';
  const result = core.fixAll(text, toyLint);
  assert.equal(result.text, 'a 1.20 b 3.40 unsafe 5.60');
  assert.equal(result.passes, 2);
  assert.equal(core.applyEdits(text, result.edits).text, result.text);
  // Pass 2 rewrote text inserted by pass 1: each number is still one edit over its original characters.
  assert.deepEqual(
    result.edits.map((e) => [e.span.start, e.span.end, text.slice(e.span.start, e.span.end), e.newText]),
    [
      [2, 6, '1. 2', '1.20'],
      [9, 12, '3.4', '3.40'],
      [20, 24, '5. 6', '5.60'],
    ],
  );
  for (const e of result.edits) assert.notEqual(text.slice(e.span.start, e.span.end), e.newText);
  assert.deepEqual(core.fixAll(result.text, toyLint).edits, [], 'running fix-all on its output changes nothing');
});

test('safeEdits takes one safe fix per finding and drops overlaps and duplicates', () => {
  const f = (start, end, newText, safe = true, preferred = false) => ({ span: { start, end }, newText, safe, preferred });
  const finding = (...fixes) => ({ fixes: fixes.map((x) => ({ title: { 'zh-cn': '', en: '' }, kind: 'k', safe: x.safe, preferred: x.preferred, edits: [{ span: x.span, newText: x.newText }] })) });
  const edits = core.safeEdits([finding(f(0, 3, 'a', false, true), f(0, 3, 'b')), finding(f(0, 3, 'b')), finding(f(2, 5, 'c')), finding(f(6, 7, 'd', true, true))]);
  assert.deepEqual(edits.map((e) => e.newText), ['b', 'd']);
});

test('fixAll on a real report: the number-format repairs, idempotent, each edit local', () => {
  const text = readFileSync(new URL('xining-chengzhong-2024.txt', corpus), 'utf8');
  const result = core.fixAll(text, core.lint);
  assert.ok(result.edits.length > 0);
  assert.ok(result.text.includes('2024年度收入、支出总计665.39万元'));
  assert.equal(core.applyEdits(text, result.edits).text, result.text);
  for (const e of result.edits) assert.ok(e.span.end - e.span.start <= 12, `edit ${JSON.stringify(e)} stays on its number`);
  const again = core.fixAll(result.text, core.lint);
  assert.deepEqual(again.edits, []);
  assert.equal(again.text, result.text);
});

test('text-table fix "改为表中数" writes the table figure in the prose unit, precision and grouping', () => {
  const table = ['支出决算表', '公开03表', '金额单位：元', '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出', '\t合计\t5,613,976.31\t5,613,976.31\t', '205\t教育支出\t5,613,976.31\t5,613,976.31\t'].join('\n');
  const text = `某局2024年度部门决算\n\n${table}\n\n2024年度本年支出合计541.40万元。\n`;
  const finding = core.lint(text).findings.find((f) => f.ruleId === 'text-table-mismatch');
  assert.ok(finding, 'the 万元 prose figure differs from the 元 table');
  const fix = finding.fixes.find((f) => f.kind === 'fix-total');
  assert.equal(fix.edits.length, 1);
  assert.equal(text.slice(fix.edits[0].span.start, fix.edits[0].span.end), '541.40', 'only the prose figure is replaced');
  assert.equal(fix.edits[0].newText, '561.40', '5,613,976.31元 in 万元 with the prose two decimals, not the table digits');
  assert.equal(core.applyEdits(text, fix.edits).text.includes('2024年度本年支出合计561.40万元。'), true);
});

test('a unit slip whose digits a 万元 table states is fixed by fix-all (safe); one confirmed nowhere is a suggestion', () => {
  const slipped = readFileSync(new URL('fixtures/unit-mismatch/confirmed-by-table-cell.txt', import.meta.url), 'utf8');
  const fixed = core.fixAll(slipped, core.lint);
  assert.equal(fixed.edits.length, 1);
  assert.equal(fixed.edits[0].newText, '万元');
  assert.ok(fixed.text.includes('支出决算为18.64万元'));
  // Without the table the same slip is only a suggestion: nothing else states 18.64 in 万元.
  const alone = slipped.split('\n\n')[0].replace('18.64元', '18.64元，另有其他支出12.30万元');
  const finding = core.lint(alone).findings.find((f) => f.ruleId === 'unit-mismatch');
  assert.ok(finding, 'the slip is still reported');
  assert.equal(finding.fixes[0].safe, false);
  assert.deepEqual(core.fixAll(alone, core.lint).edits.filter((e) => e.newText === '万元'), []);
});
