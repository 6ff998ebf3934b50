// End-to-end tests of the juesuan-lint command line: spawn `node bin/juesuan-lint.js` on temp files.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { validateSarif } from './support/sarif-check.mjs';

const require = createRequire(import.meta.url);
const cli = require('../dist/cli.js');
const BIN = new URL('../bin/juesuan-lint.js', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Runs the CLI; a generous timeout bounds pathological inputs without asserting on speed. */
function run(args, { cwd, input, timeout = 120_000, env } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, timeout, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.notEqual(r.status, null, `CLI did not finish (signal ${r.signal}): ${r.stderr}`);
  return r;
}

const tempDirs = [];
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-cli-'));
  tempDirs.push(dir);
  return dir;
}

// Two malformed numbers (`665. 39`, PDF conversion damage) after a CJK prefix and an astral
// character (two UTF-16 code units), so columns must be counted in UTF-16 units.
const DAMAGED = '一、总体情况\n\n本年𠀀收入合计665. 39万元，其中：财政拨款收入665. 39万元。\n';
const REPAIRED = '一、总体情况\n\n本年𠀀收入合计665.39万元，其中：财政拨款收入665.39万元。\n';
const CLEAN = '一、部门职责\n\n负责本行政区域内的相关工作。\n';

function jsonOf(r) {
  return JSON.parse(r.stdout);
}

test('--help and --version', () => {
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--format/);
  assert.match(help.stdout, /--max-warnings/);
  const version = run(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), pkg.version);
});

test('usage and I/O errors exit 2 with a message on stderr', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.txt'), CLEAN);
  const cases = [
    [['--no-such-option', 'a.txt'], /unknown option|Unknown option/i],
    [['--format', 'xml', 'a.txt'], /unknown format/],
    [['--rule', 'number-format=loud', 'a.txt'], /bad severity/],
    [['--rule', 'no-such-rule=off', 'a.txt'], /unknown rule/],
    [['--rule', 'number-format', 'a.txt'], /bad --rule value/],
    [['--max-warnings', 'x', 'a.txt'], /max-warnings/],
    [['--locale', 'fr', 'a.txt'], /unknown locale/],
    [['missing.txt'], /no such file/],
    [['nothing/**/*.md'], /no files match/],
    [[], /no files given/],
  ];
  for (const [args, re] of cases) {
    const r = run(args, { cwd: dir });
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status} ${r.stderr}`);
    assert.match(r.stderr, re, args.join(' '));
    assert.equal(r.stdout, '', 'no report on a usage error');
  }
});

test('stylish: header, aligned finding lines, explanation, summary; exit 1 on warnings, 0 when clean', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.txt'), DAMAGED);
  writeFileSync(join(dir, 'good.txt'), CLEAN);
  const bad = run(['bad.txt', 'good.txt'], { cwd: dir });
  assert.equal(bad.status, 1);
  const lines = bad.stdout.split('\n');
  assert.equal(lines[0], 'bad.txt');
  assert.match(lines[1], /^\s+3:9\s+警告\s+数字“665\. 39”格式异常.*\s+number-format$/);
  assert.match(lines[2], /^\s+按 665\.39 读取并核对。$/, 'the explanation is indented on the next line');
  assert.doesNotMatch(bad.stdout, /good\.txt/, 'clean files get no header');
  assert.doesNotMatch(bad.stdout, /\u001b\[/, 'no colours when not a TTY');
  assert.match(bad.stdout, /✖ 2 个问题（0 个错误，2 个警告，0 个提示），已检查 2 个文件/);
  const en = run(['bad.txt', '--locale', 'en', '--color'], { cwd: dir });
  assert.match(en.stdout, /Malformed number/);
  assert.match(en.stdout, /\u001b\[33m/, '--color forces colours');
  assert.match(en.stdout, /2 problems \(0 errors, 2 warnings, 0 info\)/);
  const good = run(['good.txt'], { cwd: dir });
  assert.equal(good.status, 0);
  assert.match(good.stdout, /✔/);
});

test('json: ESLint formatter shape with 1-based UTF-16 columns and exclusive endColumn', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.txt'), DAMAGED);
  const r = run(['--format', 'json', 'bad.txt'], { cwd: dir });
  assert.equal(r.status, 1);
  const out = jsonOf(r);
  assert.equal(out.length, 1);
  const file = out[0];
  assert.equal(file.filePath, join(dir, 'bad.txt'));
  for (const key of ['messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'source']) assert.ok(key in file, key);
  assert.equal(file.source, DAMAGED);
  const mine = file.messages.filter((m) => m.ruleId === 'number-format');
  assert.equal(mine.length, 2);
  // Line 3 is `本年𠀀收入合计665. 39…`: 本 年 (2) + 𠀀 (2 code units) + 收入合计 (4) = 8 units before the number.
  const lineStart = DAMAGED.indexOf('本年');
  const first = DAMAGED.indexOf('665. 39');
  assert.deepEqual(
    { line: mine[0].line, column: mine[0].column, endLine: mine[0].endLine, endColumn: mine[0].endColumn },
    { line: 3, column: first - lineStart + 1, endLine: 3, endColumn: first - lineStart + 1 + '665. 39'.length },
  );
  assert.equal(mine[0].column, 9);
  assert.equal(mine[0].severity, 1);
  assert.equal(mine[0].messageId, 'malformed');
  assert.deepEqual(mine[0].fix, { range: [first, first + 7], text: '665.39' });
  assert.equal(DAMAGED.slice(...mine[0].fix.range), '665. 39', 'fix.range indexes the source text');
  assert.equal(file.warningCount, file.messages.filter((m) => m.severity === 1).length);
  assert.equal(file.errorCount, file.messages.filter((m) => m.severity === 2).length);
  assert.equal(file.fixableWarningCount, file.messages.filter((m) => m.severity === 1 && m.fix).length);
  for (const m of file.messages) {
    assert.equal(typeof m.message, 'string');
    assert.ok(m.line >= 1 && m.column >= 1 && m.endLine >= m.line);
  }
});

test('sarif: valid SARIF 2.1.0 with UTF-16 regions, relative URIs and rule metadata', () => {
  const dir = tempDir();
  mkdirSync(join(dir, '报告'));
  writeFileSync(join(dir, '报告', '决算.txt'), DAMAGED);
  const r = run(['--format', 'sarif', '.'], { cwd: dir });
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout);
  assert.deepEqual(validateSarif(log), []);
  const run0 = log.runs[0];
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  assert.equal(run0.tool.driver.version, pkg.version);
  const ids = run0.tool.driver.rules.map((x) => x.id);
  assert.ok(ids.includes('number-format'));
  const result = run0.results.find((x) => x.ruleId === 'number-format');
  assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'number-format');
  assert.equal(result.level, 'warning');
  const loc = result.locations[0].physicalLocation;
  assert.equal(decodeURIComponent(loc.artifactLocation.uri), '报告/决算.txt');
  assert.deepEqual(loc.region, { startLine: 3, startColumn: 9, endLine: 3, endColumn: 16 });
  assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '665.39');
  assert.match(run0.tool.driver.rules.find((x) => x.id === 'number-format').helpUri, /docs\/rules\/number-format\.md$/);
});

test('--stdin lints standard input; --stdin --fix prints the fixed text', () => {
  const dir = tempDir();
  const r = run(['--stdin', '--format', 'json', '--stdin-filename', 'x/report.txt'], { cwd: dir, input: DAMAGED });
  assert.equal(r.status, 1);
  const out = jsonOf(r);
  assert.equal(out[0].filePath, join(dir, 'x', 'report.txt'));
  assert.equal(out[0].messages.filter((m) => m.ruleId === 'number-format').length, 2);
  const fixed = run(['--stdin', '--fix'], { cwd: dir, input: DAMAGED });
  assert.equal(fixed.stdout, REPAIRED);
  assert.equal(fixed.status, 0, fixed.stderr);
  const clean = run(['--stdin'], { cwd: dir, input: CLEAN });
  assert.equal(clean.status, 0);
});

test('--fix rewrites the file until stable; a second run changes nothing', () => {
  const dir = tempDir();
  const file = join(dir, 'r.txt');
  writeFileSync(file, DAMAGED);
  const first = run(['--fix', 'r.txt'], { cwd: dir });
  assert.equal(readFileSync(file, 'utf8'), REPAIRED);
  assert.equal(first.status, 0, first.stdout);
  const second = run(['--fix', '--format', 'json', 'r.txt'], { cwd: dir });
  assert.equal(readFileSync(file, 'utf8'), REPAIRED);
  assert.equal(jsonOf(second)[0].output, undefined, 'nothing left to fix');
  // A fix that leaves findings reports them, with the fixed text as ESLint's `output`.
  const mixed = join(dir, 'm.txt');
  writeFileSync(mixed, DAMAGED);
  const out = jsonOf(run(['--fix', '--format', 'json', 'm.txt'], { cwd: dir }));
  assert.equal(out[0].output, REPAIRED);
  assert.equal(out[0].messages.filter((m) => m.ruleId === 'number-format').length, 0);
});

test('--rule overrides, --quiet and --max-warnings', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'r.txt'), DAMAGED);
  const sevs = (args) => jsonOf(run(['--format', 'json', ...args, 'r.txt'], { cwd: dir }))[0].messages.filter((m) => m.ruleId === 'number-format').map((m) => m.severity);
  assert.deepEqual(sevs(['--rule', 'number-format=off']), []);
  assert.deepEqual(sevs(['--rule', 'number-format=error']), [2, 2]);
  assert.deepEqual(sevs(['--rule', 'number-format:warn']), [1, 1]);
  assert.equal(run(['--rule', 'number-format=off', 'r.txt'], { cwd: dir }).status, 0);
  assert.equal(run(['--rule', 'number-format=error', 'r.txt'], { cwd: dir }).status, 1);
  const info = run(['--rule', 'number-format=info', 'r.txt'], { cwd: dir });
  assert.equal(info.status, 0, 'info findings alone do not fail');
  assert.match(info.stdout, /提示/);
  assert.equal(run(['--max-warnings', '2', 'r.txt'], { cwd: dir }).status, 0);
  assert.equal(run(['--max-warnings', '1', 'r.txt'], { cwd: dir }).status, 1);
  const quiet = run(['--quiet', 'r.txt'], { cwd: dir });
  assert.equal(quiet.status, 0);
  assert.doesNotMatch(quiet.stdout, /number-format/);
  assert.equal(run(['--quiet', '--rule', 'number-format=error', 'r.txt'], { cwd: dir }).status, 1);
});

test('configuration: nearest .juesuan-lint.json wins, CLI flags override it, bad entries only warn', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, '.juesuan-lint.json'), JSON.stringify({ rules: { 'number-format': 'error' } }));
  writeFileSync(join(dir, 'a', '.juesuan-lint.json'), JSON.stringify({ rules: { 'number-format': 'off' }, locale: 'en' }));
  writeFileSync(join(dir, 'top.txt'), DAMAGED);
  writeFileSync(join(dir, 'a', 'b', 'deep.txt'), DAMAGED);
  const out = jsonOf(run(['--format', 'json', '.'], { cwd: dir }));
  const byName = Object.fromEntries(out.map((f) => [relative(dir, f.filePath), f.messages.map((m) => m.severity)]));
  assert.deepEqual(byName, { 'a/b/deep.txt': [], 'top.txt': [2, 2] });
  assert.equal(run(['a/b/deep.txt'], { cwd: dir }).status, 0);
  const overridden = run(['--rule', 'number-format=warn', '--format', 'json', 'a/b/deep.txt'], { cwd: dir });
  assert.deepEqual(jsonOf(overridden)[0].messages.map((m) => m.severity), [1, 1]);
  const en = run(['--rule', 'number-format=warn', 'a/b/deep.txt'], { cwd: dir });
  assert.match(en.stdout, /Malformed number/, 'locale from the configuration file');

  writeFileSync(join(dir, 'a', '.juesuan-lint.json'), JSON.stringify({ rules: { 'no-such-rule': 'off', 'number-format': 'loud' }, locale: 'fr' }));
  const warned = run(['a/b/deep.txt'], { cwd: dir });
  assert.equal(warned.status, 1, 'invalid entries are ignored, defaults apply');
  assert.match(warned.stderr, /no-such-rule/);
  assert.match(warned.stderr, /loud/);
  writeFileSync(join(dir, 'a', '.juesuan-lint.json'), '{ not json');
  const broken = run(['a/b/deep.txt'], { cwd: dir });
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /JSON/);
});

test('directories are walked for .txt/.md, skipping node_modules and dot directories; globs expand', () => {
  const dir = tempDir();
  for (const p of ['r1.txt', 'r2.md', 'notes.csv', 'sub/r3.txt', 'sub/deeper/r4.md', 'node_modules/x.txt', '.git/y.txt', 'b.txt', 'c.txt']) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), DAMAGED);
  }
  const files = (args) => jsonOf(run(['--format', 'json', ...args], { cwd: dir })).map((f) => relative(dir, f.filePath));
  assert.deepEqual(files(['.']), ['b.txt', 'c.txt', 'r1.txt', 'r2.md', 'sub/deeper/r4.md', 'sub/r3.txt']);
  assert.deepEqual(files(['sub/**/*.md']), ['sub/deeper/r4.md']);
  assert.deepEqual(files(['**/*.txt']), ['b.txt', 'c.txt', 'r1.txt', 'sub/r3.txt']);
  assert.deepEqual(files(['{b,c}.txt']), ['b.txt', 'c.txt']);
  assert.deepEqual(files(['r?.*']), ['r1.txt', 'r2.md']);
  assert.deepEqual(files(['notes.csv']), ['notes.csv'], 'a file named explicitly is linted whatever its extension');
  assert.deepEqual(files(['r1.txt', './r1.txt', '*.txt']), ['b.txt', 'c.txt', 'r1.txt'], 'deduplicated');
});

test('glob matcher: *, **, ?, {a,b}', () => {
  const m = (p, path) => cli.compileGlob(p)(path);
  assert.ok(m('*.txt', 'a.txt'));
  assert.ok(!m('*.txt', 'd/a.txt'));
  assert.ok(m('**/*.txt', 'a.txt'));
  assert.ok(m('**/*.txt', 'd/e/a.txt'));
  assert.ok(m('d/**', 'd/e/a.txt'));
  assert.ok(m('d/**/a.txt', 'd/a.txt'));
  assert.ok(!m('d/**/a.txt', 'x/a.txt'));
  assert.ok(m('?.md', 'a.md'));
  assert.ok(!m('?.md', 'ab.md'));
  assert.ok(m('{a,b/{c,d}}.txt', 'b/d.txt'));
  assert.ok(!m('{a,b}.txt', 'c.txt'));
  assert.ok(m('a.(x)+.txt', 'a.(x)+.txt'), 'regex characters are literal');
  assert.ok(!m('a.txt', 'abtxt'));
  assert.deepEqual(cli.expandBraces('x{1,2}{a,b}'), ['x1a', 'x1b', 'x2a', 'x2b']);
  assert.deepEqual(cli.expandBraces('{a}'), ['\\{a\\}']);
});

test('bad input: binary, empty, 1 MB single line, 10 MB file, oversized file — bounded, never a crash', () => {
  const dir = tempDir();
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) % 256;
  writeFileSync(join(dir, 'binary.txt'), bin);
  writeFileSync(join(dir, 'empty.txt'), '');
  const binary = run(['--format', 'json', 'binary.txt'], { cwd: dir });
  assert.match(jsonOf(binary)[0].messages[0].message, /二进制/);
  assert.equal(binary.status, 1, 'a file that could not be checked is reported as a warning');
  const empty = run(['empty.txt'], { cwd: dir });
  assert.equal(empty.status, 0);

  writeFileSync(join(dir, 'line.txt'), '本年支出合计665. 39万元，'.repeat(Math.ceil(1_000_000 / 40)).slice(0, 1_000_000 / 3));
  const line = run(['--format', 'json', 'line.txt'], { cwd: dir });
  assert.ok(line.status === 0 || line.status === 1, line.stderr);
  assert.ok(jsonOf(line)[0].messages.length > 0);

  const paragraph = '本年支出合计665.38万元，其中：基本支出208.88万元，占31.39%；项目支出456.50万元，占68.61%。\n\n';
  writeFileSync(join(dir, 'big.txt'), paragraph.repeat(Math.ceil(10_000_000 / Buffer.byteLength(paragraph))));
  // Bounded either way: the file is checked, or the per-file time limit stops it with a notice.
  const big = run(['--format', 'json', 'big.txt'], { cwd: dir, timeout: 120_000, env: { JUESUAN_LINT_FILE_TIMEOUT_MS: '15000' } });
  assert.ok(big.status === 0 || big.status === 1, big.stderr);
  const bigMessages = jsonOf(big)[0].messages;
  assert.ok(bigMessages.length === 0 || bigMessages.some((m) => /超时/.test(m.message)) || bigMessages.every((m) => m.ruleId), JSON.stringify(bigMessages.slice(0, 2)));

  writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 0x61));
  const huge = run(['huge.txt'], { cwd: dir });
  assert.match(huge.stdout, /文件过大/);
});

test('GB18030 input is detected, reported, and fixed in its own encoding', () => {
  const dir = tempDir();
  const file = join(dir, 'gbk.txt');
  writeFileSync(file, cli.encodeGb18030(DAMAGED.replace('𠀀', '')));
  const r = run(['gbk.txt'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /按 GB18030 编码读取/);
  assert.match(r.stdout, /665\. 39/);
  const json = run(['--format', 'json', 'gbk.txt'], { cwd: dir });
  assert.match(json.stderr, /GB18030/);
  assert.equal(jsonOf(json)[0].messages[0].column, 7, 'columns count decoded characters, not bytes');
  run(['--fix', 'gbk.txt'], { cwd: dir });
  const bytes = readFileSync(file);
  assert.equal(new TextDecoder('gb18030').decode(bytes), REPAIRED.replace('𠀀', ''));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'still GB18030 on disk');
});

test('many files go through the worker pool and come back in sorted order; --output-file', () => {
  const dir = tempDir();
  const names = Array.from({ length: 12 }, (_, i) => `f${String(11 - i).padStart(2, '0')}.txt`);
  names.forEach((n, i) => writeFileSync(join(dir, n), i % 2 ? DAMAGED : CLEAN));
  const r = run(['--format', 'json', '--output-file', 'out/report.json', '.'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const out = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
  assert.deepEqual(out.map((f) => relative(dir, f.filePath)), [...names].sort());
  for (const f of out) {
    const expected = names.indexOf(relative(dir, f.filePath)) % 2 ? 2 : 0;
    assert.equal(f.messages.filter((m) => m.ruleId === 'number-format').length, expected);
  }
});

test('--fix picks whole safe fixes only, never half of a fix that overlaps another', () => {
  const edit = (start, end, newText) => ({ span: { start, end }, range: null, newText });
  const finding = (...fixes) => ({ fixes });
  const fix = (safe, preferred, ...edits) => ({ title: { 'zh-cn': '', en: '' }, safe, preferred, kind: 'fix-total', edits });
  const picked = cli.nonOverlappingEdits([
    finding(fix(true, true, edit(0, 3, 'a'), edit(10, 12, 'b'))),
    finding(fix(true, true, edit(11, 14, 'c'), edit(20, 21, 'd'))), // overlaps the first fix: waits for the next pass
    finding(fix(false, true, edit(30, 31, 'unsafe')), fix(true, false, edit(30, 31, 'safe'))),
    finding(fix(false, true, edit(40, 41, 'never'))),
    finding(fix(true, false, edit(50, 50, 'x'))),
    finding(fix(true, false, edit(50, 50, 'y'))), // second insertion at one point: order would be arbitrary
  ]);
  assert.deepEqual(picked.map((e) => e.newText), ['a', 'b', 'safe', 'x']);
  assert.equal(cli.autoFix(finding(fix(false, true, edit(0, 1, 'z')))), undefined);
});

test('json: an info note is ESLint severity 1 with level "info", counted in infoCount', () => {
  const dir = tempDir();
  // 0.63% for 423.38 / 66590.45 = 0.6358%: truncated, an info note (percent-truncated).
  writeFileSync(join(dir, 'r.txt'), '2024年度收入总计66590.45万元，比上年增加423.38万元，增长0.63%。\n');
  const file = jsonOf(run(['--format', 'json', 'r.txt'], { cwd: dir }))[0];
  const note = file.messages.find((m) => m.ruleId === 'percent-truncated');
  assert.ok(note, 'the truncated rate is reported');
  assert.equal(note.severity, 1);
  assert.equal(note.level, 'info');
  assert.equal(file.infoCount, 1);
  // (Not a warning too: warningCount counts warnings only.)
  assert.equal(file.warningCount, file.messages.filter((m) => m.level === 'warning' || m.ruleId === null).length);
  assert.equal(file.warningCount + file.errorCount + file.infoCount, file.messages.length);
  assert.ok(file.messages.every((m) => m.ruleId === null || ['info', 'warning', 'error'].includes(m.level)));
});

test('a reader that closes the pipe early (| head) ends the CLI quietly, not with an EPIPE crash', () => {
  const dir = tempDir();
  // Enough findings that the JSON report outgrows the pipe's buffer before `head` stops reading.
  for (let i = 0; i < 40; i++) writeFileSync(join(dir, `r${i}.txt`), DAMAGED.repeat(50));
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" "${dir}" --format json | head -c 100 >/dev/null`], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0);
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|internal error/);
});
