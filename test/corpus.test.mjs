// The three real reports of ../shared/corpus: every slip the domain catalogue lists
// (../shared/domain/README.md §3) is found by its rule on its line, and the errors and warnings are
// exactly the ones judged real (a new one is either a regression or a finding to judge and add here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { corpusDir } from './server-support.mjs';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');

const findings = (name) => {
  const text = readFileSync(new URL(name, corpusDir), 'utf8');
  return core.lint(text).findings.map((f) => ({ line: f.range.start.line + 1, rule: f.ruleId, severity: f.severity }));
};

// The catalogue's findings: [line, rule, severity].
const CATALOGUE = {
  'beijing-xicheng-2024.txt': [
    [106, 'change-mismatch', 'error'], // 增幅13.36%, 13.38 / 72.88 = 18.36%
    [53, 'fact-conflict', 'warning'], // 公费医疗补助 decrease 333.16 vs 349.5
    [30, 'percent-truncated', 'info'], // 0.63% for 0.6358%
    [57, 'percent-total', 'info'], // 0.74% for 0.7349%, a 尾差 adjustment
    [50, 'number-format', 'warning'], // 412。87
    [80, 'unit-mismatch', 'warning'], // 3373.17元
  ],
  'qinzhou-2024.md': [
    [162, 'completion-mismatch', 'warning'], // 0.79 / 0.80 stated 99.00% (within the wide interval of tiny amounts)
    [186, 'fact-conflict', 'error'], // the same ratio stated 98.75%
  ],
  'xining-chengzhong-2024.txt': [
    [523, 'completion-mismatch', 'error'], // 97.36 / 98 ≠ 80.98%
    [523, 'text-table-mismatch', 'error'], // 实际支出97.36, table 79.36
    [519, 'fact-conflict', 'error'], // 得分93.5 vs 自评表总分98.5
    [523, 'fact-conflict', 'error'],
    [287, 'table-format', 'warning'], // 399 shifted into 30226 劳务费
    [407, 'number-format', 'warning'], // 665. 39 …
    [425, 'number-format', 'warning'],
    [564, 'unit-mismatch', 'warning'], // 79.36元
  ],
};

// Every error and warning on the corpus, each judged real in the issue notes.
const JUDGED = {
  'beijing-xicheng-2024.txt': ['50 number-format', '53 fact-conflict', '80 unit-mismatch', '106 change-mismatch'],
  'qinzhou-2024.md': ['162 completion-mismatch', '186 fact-conflict'],
  'xining-chengzhong-2024.txt': [
    '287 table-format',
    ...Array(3).fill('407 number-format'),
    ...Array(2).fill('411 number-format'),
    ...Array(5).fill('415 number-format'),
    ...Array(3).fill('419 number-format'),
    ...Array(3).fill('425 number-format'),
    '519 fact-conflict',
    '523 completion-mismatch',
    '523 fact-conflict',
    '523 text-table-mismatch',
    '534 part-exceeds-whole', // 402.51 + 79.36 > 项目支出 456.50
    '548 sum-mismatch', // 总分 vs Σ 得分
    '564 unit-mismatch',
    '571 sum-mismatch',
  ],
};

for (const [file, expected] of Object.entries(CATALOGUE)) {
  test(`corpus ${file}: every catalogued slip is found by its rule`, () => {
    const found = findings(file);
    for (const [line, rule, severity] of expected) {
      assert.ok(
        found.some((f) => f.line === line && f.rule === rule && f.severity === severity),
        `${rule} (${severity}) on line ${line}; found: ${JSON.stringify(found.filter((f) => f.line === line))}`,
      );
    }
  });
  test(`corpus ${file}: the errors and warnings are exactly the judged ones`, () => {
    const noisy = findings(file)
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.line} ${f.rule}`)
      .sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
    assert.deepEqual(noisy, [...JUDGED[file]].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b)));
  });
}
