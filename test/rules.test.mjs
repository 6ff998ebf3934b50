// Fixture tests for every rule, markdownlint-style: test/fixtures/<rule-id>/<case>.(txt|md) is a
// document, <case>.json beside it lists the findings of that rule it must produce (in order), and
// an optional <case>.fixed.(txt|md) is the text after applying each finding's preferred fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const root = new URL('./fixtures/', import.meta.url).pathname;

test('every registered rule has a doc and fixture cases', () => {
  for (const rule of core.allRules) {
    const id = rule.meta.id;
    assert.ok(existsSync(new URL(`../docs/rules/${id}.md`, import.meta.url)), `docs/rules/${id}.md missing`);
    assert.ok(existsSync(join(root, id)) && readdirSync(join(root, id)).some((f) => f.endsWith('.json')), `test/fixtures/${id}/ has no cases`);
  }
});

for (const ruleId of readdirSync(root)) {
  const dir = join(root, ruleId);
  const rule = core.ruleById(ruleId);
  test(`rule ${ruleId} has metadata and docs`, () => {
    assert.ok(rule, `no rule registered with id ${ruleId}`);
    assert.equal(rule.meta.id, ruleId);
    assert.ok(rule.meta.description['zh-cn'] && rule.meta.description.en);
    assert.ok(existsSync(new URL(`../docs/rules/${ruleId}.md`, import.meta.url)), `docs/rules/${ruleId}.md missing`);
  });
  const cases = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f) && !/\.fixed\.(txt|md)$/.test(f));
  for (const file of cases) {
    const base = file.replace(/\.(txt|md)$/, '');
    test(`${ruleId}: ${base}`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, `${base}.json`), 'utf8'));
      const result = core.lint(text);
      const actual = result.findings
        .filter((f) => f.ruleId === ruleId)
        .map((f) => ({
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          severity: f.severity,
          text: text.slice(f.span.start, f.span.end),
          ...(expected.some((e) => e.message) ? { message: f.message['zh-cn'] } : {}),
        }));
      const comparable = expected.map((e) => ({ ...e, ...(e.column === undefined ? {} : {}) }));
      assert.deepEqual(
        actual.map((a, i) => pick(a, comparable[i])),
        comparable,
        `findings of ${ruleId} in ${file}:\n${JSON.stringify(actual, null, 1)}`,
      );
      for (const f of result.findings) {
        assert.ok(f.explanation['zh-cn'].length > 0 && f.explanation.en.length > 0, 'every finding explains itself');
        assert.ok(f.span.end <= text.length && f.span.start <= f.span.end, 'finding span inside the document');
      }
      const fixedFile = ['txt', 'md'].map((ext) => join(dir, `${base}.fixed.${ext}`)).find(existsSync);
      if (fixedFile) {
        const edits = result.findings
          .filter((f) => f.ruleId === ruleId)
          .flatMap((f) => (f.fixes.find((x) => x.preferred) ?? f.fixes[0])?.edits ?? []);
        assert.equal(core.applyEdits(text, edits).text, readFileSync(fixedFile, 'utf8'));
      }
    });
  }
}

/** Compares only the fields the expectation names. */
function pick(actual, expected) {
  if (!expected) return actual;
  return Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k]]));
}

test('zero-base-rate: a rate on a zero 年初预算 that is the 全年预算 rate says so', () => {
  const text = readFileSync(join(root, 'zero-base-rate', 'initial-and-adjusted-budgets.txt'), 'utf8');
  const finding = core.lint(text).findings.find((f) => f.ruleId === 'zero-base-rate');
  assert.ok(finding);
  assert.match(finding.explanation['zh-cn'], /按全年预算 321\.02 计算为 95\.89%/);
  assert.match(finding.explanation.en, /321\.02 it is 95\.89%/);
});
