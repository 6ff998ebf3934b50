// The extension in a real VS Code workbench (code-server + Debian's chromium), used as a person would:
// open corpus reports from the Explorer, read squiggles, Problems, hovers, apply a Quick Fix, run every
// command from the palette, click a failing cell in the table preview. Expected findings come from the
// lint core on the same text, so the test follows the rule set as it grows.
//
// Needs code-server in .cache/code-server (installed on first run by scripts/install-code-server.sh) and
// /usr/bin/chromium: without chromium it is skipped locally and fails under CI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { processesMentioning, startWorkbench } from './workbench.mjs';
import { REPO, SLIPS, corpusText, findingAt, slipOffset, slipText, workspaceFiles } from './reports.mjs';
import { CODE_SERVER_DIR, ensureCodeServer, makeLog, run, workbenchDescribe } from './setup.mjs';

const require = createRequire(import.meta.url);
const OUT = path.join(REPO, 'test-results/e2e');
const VSIX = path.join(REPO, 'juesuan-lint.vsix');
const DIAGNOSTICS_TIMEOUT = 30_000;
const log = makeLog('e2e');

workbenchDescribe({ describe, test }, 'VS Code workbench (code-server + chromium)', workbenchSuite);

/** The palette label of a contributed command, in the workbench's language (English: code-server has no language packs). */
function commandLabel(id) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'));
  const command = pkg.contributes?.commands?.find((c) => c.command === id);
  assert.ok(command, `package.json contributes no command ${id}`);
  const title = command.title.replace(/^%(.+)%$/, (_, key) => nls[key] ?? key);
  return command.category ? `${command.category}: ${title}` : title;
}

/** Each changed line differs only in numbers directly followed by '%'. */
function assertOnlyPercentagesChanged(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'the command changed the number of lines');
  const skeleton = (line) => line.replace(/\d+(?:\.\d+)?(?=%)/g, '#');
  a.forEach((line, i) => {
    if (line !== b[i]) assert.equal(skeleton(b[i]), skeleton(line), `line ${i + 1} changed more than its percentages:\n- ${line}\n+ ${b[i]}`);
  });
}

function workbenchSuite() {
  const core = () => require(path.join(REPO, 'dist/core.js'));
  const lint = (text) => core().lint(text);
  let wb;
  let runDir;

  before(async () => {
    ensureCodeServer(log);
    run('npm', ['run', 'package'], 'npm run package', log);
    core(); // load the core built with the package, the one the packaged server uses
    fs.rmSync(OUT, { recursive: true, force: true });
    wb = await startWorkbench({
      codeServerDir: CODE_SERVER_DIR, vsix: VSIX, files: workspaceFiles(), outDir: OUT, log,
      // code-server has no Chinese language pack, so VS Code's display language is English; the setting
      // gives the findings, hovers and notifications in Chinese, as a Chinese user's VS Code would.
      settings: { 'juesuanLint.locale': 'zh-cn' },
    });
    runDir = wb.run;
  });

  after(async () => {
    if (!wb) return;
    await wb.close();
    log('workbench closed');
    assert.deepEqual(processesMentioning(runDir), [], 'processes started by the test are still running');
  });

  // Set when the extension shows no diagnostics at all: every later step would only time out the same way.
  let fatal;

  /** Runs a test's body; on failure adds a screenshot, the notifications and the extension's log. */
  async function step(name, body) {
    if (fatal) throw new Error(`not run: ${fatal}`);
    try {
      return await body();
    } catch (e) {
      await wb.screenshot(`failure-${name}`).catch(() => {});
      const notifications = await wb.notificationTexts().catch(() => '(unknown)');
      e.message += `\nnotifications:\n${notifications}\nextension log:\n${wb.extensionLog('juesuan-lint')}` +
        `\n(screenshot: test-results/e2e/failure-${name}.png)`;
      throw e;
    }
  }

  async function openAndWaitForDiagnostics(name) {
    await wb.openFile(name);
    if (!(await wb.waitForProblem(/juesuan-lint/, DIAGNOSTICS_TIMEOUT))) {
      fatal = `no juesuan-lint diagnostics appeared within ${DIAGNOSTICS_TIMEOUT / 1000} s after opening ${name}`;
      throw new Error(`${fatal} (does the language server start?)`);
    }
  }

  /** Checks the Problems row of `finding`: rule id, Chinese message, position. */
  async function assertInProblems(finding) {
    const where = `[Ln ${finding.range.start.line + 1}, Col ${finding.range.start.character + 1}]`;
    const message = finding.message['zh-cn'].replace(/。$/, '');
    const rows = await wb.problemRows(message);
    const row = rows.find((r) => r.includes(finding.ruleId) && r.includes(where));
    assert.ok(row, `expected ${finding.ruleId} in Problems: "${message}" at ${where}; rows matching the message:\n${rows.join('\n---\n') || '(none)'}`);
  }

  /** Moves the cursor into `finding` and checks the squiggle under it. */
  async function goToFinding(finding) {
    await wb.goTo({ line: finding.range.start.line, character: finding.range.start.character + 1 });
    assert.ok(await wb.waitForSquiggleAtCursor(),
      `no squiggle under ${finding.ruleId} at line ${finding.range.start.line + 1}, character ${finding.range.start.character + 1}`);
  }

  test('a published report: findings appear in Problems with rule ids, Chinese messages and positions', () => step('problems', async () => {
    const name = 'beijing-xicheng-2024.txt';
    const { findings } = lint(corpusText(name));
    assert.ok(findings.length > 0, `the core finds nothing in ${name}`);
    await openAndWaitForDiagnostics(name);
    log('first diagnostics');
    for (const ruleId of new Set(findings.map((f) => f.ruleId))) await assertInProblems(findings.find((f) => f.ruleId === ruleId));
    await wb.clearProblemsFilter();
    const counts = await wb.problemCounts();
    const bySeverity = (s) => findings.filter((f) => f.severity === s).length;
    assert.deepEqual(counts, { errors: bySeverity('error'), warnings: bySeverity('warning'), infos: bySeverity('info') },
      'the status bar\'s problem counts differ from the core\'s findings');
    const worst = findings.find((f) => f.severity === 'error') ?? findings[0];
    await goToFinding(worst);
    await wb.screenshot('01-problems');
  }));

  test('hovering a wrong percentage shows the arithmetic', () => step('hover', async () => {
    const slip = SLIPS.share;
    const finding = findingAt(lint(slipText(slip)).findings, slipOffset(slip), slip.ruleId);
    assert.ok(finding, `the core reports no ${slip.ruleId} at the slipped ${slip.wrong}%`);
    await openAndWaitForDiagnostics(slip.file);
    await assertInProblems(finding);
    await goToFinding(finding);
    const hover = await wb.hoverAtCursor();
    const normalize = (s) => s.replace(/\s+/g, '');
    assert.ok(normalize(hover).includes(normalize(finding.explanation['zh-cn'])),
      `the hover lacks the arithmetic "${finding.explanation['zh-cn']}"; it shows:\n${hover}`);
    assert.match(hover, new RegExp(slip.ruleId));
    await wb.screenshot('02-hover');
  }));

  test('recompute all percentages (palette) rewrites exactly the wrong percentages; undo restores them', () => step('recompute', async () => {
    const slip = SLIPS.share;
    const before = slipText(slip);
    const said = await wb.runCommandForNotification(commandLabel('juesuanLint.recomputePercentages'));
    assert.match(said, /已修复 \d+ 处/, `重新计算本文档全部百分比 fixed nothing in ${slip.file}; it said: ${said}`);
    const after = await wb.saveAndRead(slip.file);
    const at = slipOffset(slip);
    assert.equal(after.slice(at, at + slip.right.length + 1), `${slip.right}%`, `the slipped ${slip.wrong}% was not recomputed to ${slip.right}%`);
    assertOnlyPercentagesChanged(before, after);
    const left = lint(after).findings.filter((f) => f.ruleId === 'share-mismatch' && f.severity === 'error');
    assert.deepEqual(left.map((f) => f.message['zh-cn']), [], 'share errors remain after recomputing');
    await wb.screenshot('03-recomputed');
    await wb.undo();
    assert.equal(await wb.saveAndRead(slip.file), before, 'one undo does not restore the document');
  }));

  test('Quick Fix (Ctrl+.) 重新计算百分比 changes only that percentage', () => step('quickfix', async () => {
    const slip = SLIPS.share;
    const text = slipText(slip);
    const finding = findingAt(lint(text).findings, slipOffset(slip), slip.ruleId);
    const fix = finding.fixes.find((f) => f.kind === slip.fixKind);
    assert.ok(fix, `the core offers no ${slip.fixKind} fix for the slip`);
    await assertInProblems(finding);
    await goToFinding(finding);
    const titles = await wb.quickFixMenu();
    await wb.screenshot('04-quickfix-menu');
    assert.ok(titles.some((t) => t.includes(fix.title['zh-cn'])), `Quick Fix menu lacks "${fix.title['zh-cn']}": ${titles.join(' | ')}`);
    await wb.chooseQuickFix(fix.title['zh-cn']);
    const after = await wb.saveAndRead(slip.file);
    assert.equal(after, core().applyEdits(text, fix.edits).text, 'the file differs from the fix\'s edits applied to it');
    const gone = await wb.waitForProblemGone(finding.message['zh-cn'].replace(/。$/, ''), 10_000);
    assert.ok(gone, `the fixed ${slip.ruleId} is still in Problems`);
  }));

  test('Fix All (palette) applies every safe fix of the core', () => step('fixall', async () => {
    const name = 'xining-chengzhong-2024.txt';
    const text = corpusText(name);
    const expected = core().fixAll(text, core().lint).text;
    assert.notEqual(expected, text, `the core has no safe fix for ${name}`);
    await openAndWaitForDiagnostics(name);
    const said = await wb.runCommandForNotification(commandLabel('juesuanLint.fixAll'));
    assert.match(said, /已修复 \d+ 处/, `修复全部 fixed nothing in ${name}; it said: ${said}`);
    const after = await wb.saveAndRead(name);
    if (after !== expected) {
      const a = after.split('\n');
      const e = expected.split('\n');
      const i = a.findIndex((l, k) => l !== e[k]);
      assert.fail(`after 修复全部 line ${i + 1} is\n  ${a[i]}\nexpected\n  ${e[i]}`);
    }
  }));

  test('lint (palette) reports the summary of the report', () => step('lint', async () => {
    const name = SLIPS.table.file;
    const { findings } = lint(slipText(SLIPS.table));
    await openAndWaitForDiagnostics(name);
    log('lint: diagnostics');
    const text = await wb.runCommandForNotification(commandLabel('juesuanLint.lint'), /项关系已核对/);
    log(`lint: ${text}`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    assert.match(text, new RegExp(`${errors} 处错误`), `the summary "${text}" does not report the ${errors} errors the core finds`);
    await wb.screenshot('05-lint');
  }));

  test('table preview marks the failing cell; clicking it selects the cell in the editor', () => step('preview', async () => {
    const slip = SLIPS.table;
    const offset = slipOffset(slip);
    const finding = lint(slipText(slip)).findings.find((f) => f.related.some((r) => r.span.start <= offset && offset < r.span.end) ||
      (f.span.start <= offset && offset < f.span.end));
    assert.ok(finding, `the core reports nothing about the slipped cell ${slip.wrong}`);
    await wb.runCommand(commandLabel('juesuanLint.openPreview'));
    const preview = await wb.webview();
    const failing = preview.locator('td.cell-error, td.cell-warning');
    await failing.first().waitFor({ timeout: 20_000 });
    // The slipped cell itself is marked, and its data-range covers its text.
    const cells = await failing.evaluateAll((els) => els.map((e) => ({ range: e.getAttribute('data-range'), text: e.textContent })));
    const wrong = cells.find((c) => c.text.trim() === slip.wrong && c.range);
    assert.ok(wrong, `the preview does not mark the slipped cell ${slip.wrong}; marked: ${cells.map((c) => c.text).join(', ')}`);
    const [line, character, endLine, endCharacter] = wrong.range.split(',').map(Number);
    const lines = slipText(slip).split('\n');
    assert.equal(lines[line].slice(character, endCharacter), slip.wrong, 'the marked cell\'s range does not cover its text');
    assert.equal(endLine, line);
    await wb.screenshot('06-preview');
    await preview.locator(`td[data-range="${wrong.range}"]`).click();
    await wb.waitForSelection({ start: { line, character }, end: { line: endLine, character: endCharacter } }, lines[line]);
    await wb.screenshot('07-preview-click');
  }));

  test('hover in the editor beside the preview (README screenshot)', () => step('readme', async () => {
    // What the README shows: the report, the hover on the slipped cell, the preview; no panel or side bar.
    await wb.dismissNotifications();
    await wb.runCommand('View: Hide Panel');
    await wb.runCommand('View: Close Primary Side Bar');
    await wb.page.keyboard.press('Escape');
    const hover = await wb.hoverAtCursor();
    assert.match(hover, /sum-mismatch|rollup-mismatch|cross-table-mismatch/, `no table finding in the hover over the slipped cell:\n${hover}`);
    await wb.screenshot('workbench');
  }));

  test('export findings (palette) writes a CSV with the findings', () => step('export', async () => {
    const slip = SLIPS.table;
    const { findings } = lint(slipText(slip));
    await wb.focusEditor(slip.file);
    await wb.runCommand(commandLabel('juesuanLint.exportFindings'));
    await wb.pickQuickItem('CSV');
    await wb.acceptSaveDialog();
    const target = path.join(wb.workspace, slip.file.replace(/\.txt$/, '.findings.csv'));
    await wb.notification(/已将 \d+ 条检查结果导出/).waitFor({ timeout: 20_000 });
    assert.ok(fs.existsSync(target), `${path.basename(target)} was not written`);
    const csv = fs.readFileSync(target, 'utf8');
    for (const ruleId of new Set(findings.map((f) => f.ruleId))) assert.ok(csv.includes(ruleId), `the CSV lacks ${ruleId}`);
    assert.ok(csv.split('\n').filter((l) => l.trim()).length > findings.length, 'the CSV has fewer rows than findings');
  }));

  test('restart server (palette) starts a new server process and diagnostics come back', () => step('restart', async () => {
    const servers = () => processesMentioning(runDir).filter((l) => l.includes('dist/server.js')).map((l) => l.split(' ')[0]);
    const before = servers();
    assert.equal(before.length, 1, `expected one language server process, found: ${before.join(', ')}`);
    const said = await wb.runCommandForNotification(commandLabel('juesuanLint.restartServer'), /juesuan-lint:/, 30_000);
    log(`restart: ${said}`);
    assert.match(said, /语言服务器已重启/);
    const after = servers();
    assert.equal(after.length, 1, `expected one language server process after the restart, found: ${after.join(', ')}`);
    assert.notEqual(after[0], before[0], 'the language server process is the same as before the restart');
    await wb.clearProblemsFilter();
    assert.ok(await wb.waitForProblem(/juesuan-lint/, DIAGNOSTICS_TIMEOUT), 'no juesuan-lint diagnostics after restarting the server');
  }));
}
