// The juesuan TextMate grammar, tokenized with VS Code's own engine (vscode-textmate + Oniguruma).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

async function loadGrammar() {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) =>
      scopeName === 'text.juesuan'
        ? textmate.parseRawGrammar(readFileSync(new URL('../syntaxes/juesuan.tmLanguage.json', import.meta.url), 'utf8'), 'juesuan.tmLanguage.json')
        : null,
  });
  return registry.loadGrammar('text.juesuan');
}

const grammar = await loadGrammar();

/** [text, innermost juesuan scope] for each token of each line (tokens without a juesuan scope omitted). */
function tokens(text) {
  let stack = textmate.INITIAL;
  const out = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const scope = t.scopes.filter((s) => s.endsWith('.juesuan')).pop();
      if (scope) out.push([line.slice(t.startIndex, t.endIndex), scope]);
    }
    stack = r.ruleStack;
  }
  return out;
}

const scopeOf = (text, piece) => tokens(text).find(([t]) => t === piece)?.[1];

test('amounts, units, percentages and 个百分点', () => {
  const text = '一般公共预算财政拨款支出6,062.82万元，占本年支出合计的32.5%，比上年增长1.2个百分点。';
  assert.equal(scopeOf(text, '6,062.82'), 'constant.numeric.amount.juesuan');
  assert.equal(scopeOf(text, '万元'), 'keyword.other.unit.money.juesuan');
  assert.equal(scopeOf(text, '32.5'), 'constant.numeric.percentage.juesuan');
  assert.equal(scopeOf(text, '%'), 'keyword.other.unit.percent.juesuan');
  assert.equal(scopeOf(text, '1.2'), 'constant.numeric.points.juesuan');
  assert.equal(scopeOf(text, '个百分点'), 'keyword.other.unit.points.juesuan');
  assert.equal(scopeOf(text, '占'), 'keyword.operator.relation.juesuan');
  assert.equal(scopeOf(text, '比上年'), 'keyword.operator.change.juesuan');
});

test('keywords of the relations', () => {
  const text = '支出合计665.38万元，其中：基本支出500.00万元；完成预算的98.5%，比上年减少10.00万元。';
  assert.equal(scopeOf(text, '其中'), 'keyword.operator.relation.juesuan');
  assert.equal(scopeOf(text, '减少'), 'keyword.operator.change.juesuan');
  assert.match(scopeOf(text, '完成预算的'), /keyword\.operator\.completion/);
});

test('table codes, titles and subject codes', () => {
  assert.equal(scopeOf('公开02表', '公开02表'), 'entity.name.section.table-code.juesuan');
  assert.equal(scopeOf('收入决算表', '收入决算表'), 'markup.heading.table-title.juesuan');
  assert.equal(scopeOf('2080505\t机关事业单位基本养老保险缴费支出\t5.50', '2080505'), 'constant.other.subject-code.functional.juesuan');
  assert.equal(scopeOf('30101\t基本工资\t120.00', '30101'), 'constant.other.subject-code.economic.juesuan');
  assert.equal(scopeOf('按支出功能分类科目的“类”级科目', '类'), 'support.type.classification.juesuan');
  assert.equal(scopeOf('30101\t基本工资\t120.00', '120.00'), 'constant.numeric.juesuan');
});

test('conversion damage is flagged, a plain year is not an amount', () => {
  assert.equal(scopeOf('合计665. 39万元', '665. 39'), 'invalid.illegal.number-format.juesuan');
  assert.equal(scopeOf('支出412。87万元', '412。87'), 'invalid.illegal.number-format.juesuan');
  assert.equal(scopeOf('2024年度部门决算', '2024'), 'constant.numeric.year.juesuan');
  assert.equal(scopeOf('<!-- juesuan-lint-disable-next-line share-mismatch -->', 'juesuan-lint-disable-next-line'), 'keyword.control.directive.juesuan');
});

test('long lines and hostile text tokenize without error', () => {
  // VS Code stops tokenizing at editor.maxTokenizationLineLength (20,000) characters.
  assert.ok(tokens('12.5万元，'.repeat(2000)).length >= 4000);
  assert.ok(Array.isArray(tokens('\u0000\uFFFD<script>%%%个百分点万元')));
});
