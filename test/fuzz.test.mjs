// Deterministic fuzzing: report-like token soup (words, numbers, units, damaged numbers, table and
// Markdown syntax) never makes the engine throw, and every explanation (built lazily for relations
// that hold) can be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');

const WORDS = [
  '本年支出合计', '其中：', '基本支出', '项目支出', '占', '比上年', '增加', '减少', '增长', '下降', '完成预算的', '预算为',
  '决算为', '、', '（类）', '（项）', '分别为', '合计', '持平', '主要原因是', '如下：', '万元', '元', '亿元', '%', '个百分点',
  '2024年', '2023年度', '208', '2080505', '66,167.07', '665. 39', '412。87', '１２３．４５', '—', '**', '人均', '占比', '上年',
  '同比', '截至', '12月31日', '公开05表', '单位：万元', '<!--', '-->', '#', '|', '|---|', '\t',
];

function soup(seed, length, breaks) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const separators = breaks ? ['，', '；', '。', '\n', '\n\n'] : [];
  // Without breaks, table syntax would make the whole soup one giant table row: leave it out.
  const vocabulary = breaks ? [...WORDS, ...separators] : WORDS.filter((w) => w !== '|' && w !== '\t' && w !== '|---|');
  let text = '';
  while (text.length < length) {
    text += next() < 0.4 ? String(Math.floor(next() * 100000) / 100) : vocabulary[Math.floor(next() * vocabulary.length)];
  }
  return text;
}

for (const breaks of [true, false]) {
  test(`token soup ${breaks ? 'with' : 'without'} sentence breaks: no throw, readable explanations`, { timeout: 120_000 }, () => {
    let verdicts = 0;
    let findings = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const text = soup(seed * 104729, 5000 + seed * 500, breaks);
      const result = core.lint(text);
      verdicts += result.verdicts.length;
      findings += result.findings.length;
      for (const v of result.verdicts) assert.ok(v.explanation['zh-cn'] && v.explanation.en, `seed ${seed}: verdict explanation`);
      for (const f of result.findings) {
        assert.ok(f.span.start >= 0 && f.span.end <= text.length, `seed ${seed}: span inside the text`);
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.span.end <= text.length);
      }
    }
    // The soup must exercise the relations, not slip past them.
    assert.ok(verdicts > 10 && findings > 50, `${verdicts} verdicts, ${findings} findings`);
  });
}
