// Consistent excerpts in real-report wording (test/fixtures-consistent): no rule may find an error or
// a warning, and the relations they state must really be checked (each file's first line names how
// many verdicts at least, in a comment the engine skips: `<!-- verdicts ≥ N -->`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const dir = new URL('./fixtures-consistent/', import.meta.url).pathname;

for (const file of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f))) {
  test(`consistent: ${file}`, () => {
    const text = readFileSync(dir + file, 'utf8');
    const wanted = Number(text.match(/verdicts ≥ (\d+)/)?.[1]);
    assert.ok(wanted > 0, `${file} must state "verdicts ≥ N" on its first line`);
    const result = core.lint(text);
    const noisy = result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} L${f.range.start.line + 1}: ${f.message['zh-cn']}`);
    assert.deepEqual(noisy, []);
    assert.ok(result.verdicts.length >= wanted, `${result.verdicts.length} verdicts, expected ≥ ${wanted}`);
    assert.ok(result.verdicts.every((v) => v.status === 'ok'), 'every relation holds');
  });
}
