// Extension-host tests: loaded by VS Code (desktop through @vscode/test-electron, or code-server's
// extension host) with this repository as the extension under development. They use the extension
// through the VS Code API, on the workspace scripts/test-vscode.mjs prepares (corpus reports and their
// slipped copies, see test/e2e/reports.mjs), and compare with the lint core on the same text.
// CommonJS because the extension host require()s the tests' entry point; run() rejects when a test fails.
const vscode = require('vscode');
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const REPO = path.resolve(__dirname, '../..');
const core = require(path.join(REPO, 'dist/core.js'));
const SOURCE = 'juesuan-lint';
const tests = [];
const test = (name, body) => tests.push({ name, body });

function workspaceUri(name) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (scripts/test-vscode.mjs opens one)');
  return vscode.Uri.joinPath(folder.uri, name);
}

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/** Resolves with our diagnostics of `uri` once `ready(diagnostics)` holds; rejects after `ms`. */
function diagnosticsWhen(uri, ready, ms, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = ours(uri);
      if (!ready(ds)) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what} within ${ms / 1000} s (now ${ours(uri).length} juesuan-lint diagnostics)`));
    }, ms);
    check();
  });
}

async function open(name) {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(document);
  const diagnostics = await diagnosticsWhen(document.uri, (ds) => ds.length > 0, 30_000, `no juesuan-lint diagnostics appeared for ${name}`);
  return { document, diagnostics };
}

/** Brings the document back to its text on disk. */
async function revert(document) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

const severityOf = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };
const key = (ruleId, range) => `${ruleId}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

async function run() {
  const reports = await import(pathToFileURL(path.join(REPO, 'test/e2e/reports.mjs')).href);
  const { SLIPS, slipOffset, findingAt } = reports;
  await vscode.workspace.getConfiguration('juesuanLint').update('locale', 'zh-cn', vscode.ConfigurationTarget.Global);

  for (const name of ['beijing-xicheng-2024.txt', 'qinzhou-2024.md', SLIPS.table.file]) {
    test(`diagnostics of ${name} are the core's findings: rule id as code, range, severity, Chinese message`, async () => {
      const { document, diagnostics } = await open(name);
      const findings = core.lint(document.getText()).findings;
      // Diagnostics may arrive in batches; wait until the count matches before comparing one by one.
      const all = await diagnosticsWhen(document.uri, (ds) => ds.length === findings.length, 10_000,
        `expected ${findings.length} diagnostics for ${name}`).catch(() => diagnostics);
      const got = new Map(all.map((d) => [key(codeOf(d), d.range), d]));
      for (const f of findings) {
        const d = got.get(key(f.ruleId, f.range));
        assert.ok(d, `expected ${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1} in ${name}: ${f.message['zh-cn']}`);
        assert.equal(d.severity, severityOf[f.severity], `severity of ${f.ruleId}`);
        assert.ok(d.message.includes(f.message['zh-cn'].replace(/。$/, '')), `message of ${f.ruleId}: ${d.message}`);
      }
      assert.equal(all.length, findings.length, `${name}: ${all.length} diagnostics, the core finds ${findings.length}`);
    });
  }

  test('hover on the wrong percentage shows the arithmetic', async () => {
    const slip = SLIPS.share;
    const { document } = await open(slip.file);
    const finding = findingAt(core.lint(document.getText()).findings, slipOffset(slip), slip.ruleId);
    assert.ok(finding, `the core reports no ${slip.ruleId} at the slip`);
    const position = new vscode.Position(finding.range.start.line, finding.range.start.character + 1);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    // Markdown source: drop its escapes and the spacing before comparing with the plain explanation.
    const plain = (s) => s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/\s+/g, '');
    assert.ok(plain(text).includes(plain(finding.explanation['zh-cn'])), `hover lacks the arithmetic:\n${text}`);
  });

  test('the 重新计算百分比 quick fix, applied with workspace.applyEdit, changes exactly its edits', async () => {
    const slip = SLIPS.share;
    const { document } = await open(slip.file);
    const text = document.getText();
    const finding = findingAt(core.lint(text).findings, slipOffset(slip), slip.ruleId);
    const fix = finding.fixes.find((f) => f.kind === slip.fixKind);
    const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === fix.title['zh-cn']);
    assert.ok(action, `no quick fix "${fix.title['zh-cn']}"; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit refused the quick fix');
    assert.equal(document.getText(), core.applyEdits(text, fix.edits).text);
    await diagnosticsWhen(document.uri, (ds) => !ds.some((d) => codeOf(d) === slip.ruleId && d.range.start.line === finding.range.start.line
      && d.range.start.character === finding.range.start.character), 10_000, 'the fixed share-mismatch did not go away');
    await revert(document);
  });

  test('juesuanLint.recomputePercentages rewrites the wrong percentage and only percentages', async () => {
    const slip = SLIPS.share;
    const { document } = await open(slip.file);
    const text = document.getText();
    await vscode.commands.executeCommand('juesuanLint.recomputePercentages');
    const after = document.getText();
    const at = slipOffset(slip);
    assert.equal(after.slice(at, at + slip.right.length + 1), `${slip.right}%`, `${slip.wrong}% was not recomputed to ${slip.right}%`);
    const skeleton = (s) => s.replace(/\d+(?:\.\d+)?(?=%)/g, '#');
    assert.equal(skeleton(after), skeleton(text), 'the command changed more than percentages');
    await revert(document);
  });

  test('juesuanLint.fixAll applies every safe fix of the core', async () => {
    const { document } = await open('xining-chengzhong-2024.txt');
    const expected = core.fixAll(document.getText(), core.lint).text;
    await vscode.commands.executeCommand('juesuanLint.fixAll');
    assert.equal(document.getText(), expected);
    await revert(document);
  });

  test('juesuanLint.openPreview opens the table preview beside the report', async () => {
    await open(SLIPS.table.file);
    await vscode.commands.executeCommand('juesuanLint.openPreview');
    const webviews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    for (let i = 0; i < 50 && webviews().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(webviews().some((t) => /juesuanLint\.preview/.test(t.input.viewType)), `no preview tab; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
  });

  test('juesuanLint.lint completes on a report (its notification dismissed)', async () => {
    const { document } = await open(SLIPS.table.file);
    await vscode.window.showTextDocument(document);
    const done = vscode.commands.executeCommand('juesuanLint.lint');
    // The command waits for the notification's "show problems" button; dismissing it lets it finish.
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('notifications.clearAll');
    }
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('juesuanLint.lint did not finish within 20 s')), 15_000))]);
  });

  test('juesuanLint.restartServer: diagnostics are published again', async () => {
    const { document } = await open('beijing-xicheng-2024.txt');
    const count = ours(document.uri).length;
    let republished = false;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === document.uri.toString()) && ours(document.uri).length > 0) republished = true;
    });
    await vscode.commands.executeCommand('juesuanLint.restartServer');
    for (let i = 0; i < 150 && !republished; i++) await new Promise((r) => setTimeout(r, 200));
    sub.dispose();
    assert.ok(republished, 'no diagnostics were published after the restart');
    assert.equal(ours(document.uri).length, count);
  });

  test('every contributed command is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const pkg = require(path.join(REPO, 'package.json'));
    for (const c of pkg.contributes.commands) assert.ok(registered.has(c.command), `${c.command} is not registered`);
  });

  let failed = 0;
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.body();
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${t.name}\n  ${String(e && e.stack ? e.stack : e).split('\n').join('\n  ')}`);
    }
  }
  console.log(`${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${tests.length} extension-host tests failed`);
}

module.exports = { run };
