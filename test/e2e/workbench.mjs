// Drives a real VS Code workbench: code-server (the workbench served to a browser, with the normal Node
// extension host) and Debian's chromium through playwright-core. Everything lives in one throw-away
// directory (profile, extensions, workspace, browser profile) that close() removes after stopping every
// process it started.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The flags this machine's chromium needs: no sandbox as root, and nothing that reaches for the network.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'extensions.ignoreRecommendations': true,
  'workbench.colorTheme': 'Default Light Modern',
};

/** A delay that does not keep the process alive on its own (used in races against a slow close). */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export function codeServerBin(dir) {
  return path.join(dir, 'node_modules/.bin/code-server');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function waitHttp(url, ms) {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const once = () => http.get(url, (res) => { res.resume(); resolve(); })
      .on('error', () => (Date.now() > end ? reject(new Error(`code-server did not answer ${url} within ${ms / 1000} s`)) : setTimeout(once, 200)));
    once();
  });
}

/** Processes (pid, command line) whose command line mentions `needle`; used to prove nothing was left behind. */
export function processesMentioning(needle) {
  const out = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout || '';
  return out.split('\n').filter((l) => l.includes(needle) && !l.includes('ps -eo')).map((l) => l.trim());
}

/**
 * Starts code-server with `vsix` (if given) installed in a fresh profile, opens `files` ({name: text}) as the
 * workspace folder in a fresh headless chromium, and returns a handle with helpers for the scenarios.
 * `payload` ([[key, value]]) is passed to the workbench as its URL payload (extension development and tests);
 * `beforeLoad(page)` runs before the workbench loads, `waitForExplorer: false` skips waiting for the Explorer.
 */
export async function startWorkbench({ codeServerDir, vsix, files, settings = {}, outDir, log = () => {}, payload, beforeLoad, waitForExplorer = true }) {
  const require = createRequire(path.join(codeServerDir, 'package.json'));
  const { chromium } = require('playwright-core');
  const bin = codeServerBin(codeServerDir);
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-e2e-'));
  const dirs = { ud: `${run}/user-data`, ext: `${run}/extensions`, ws: `${run}/workspace`, browser: `${run}/chromium`, home: `${run}/home` };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(`${dirs.ud}/User`, { recursive: true });
  fs.writeFileSync(`${dirs.ud}/User/settings.json`, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dirs.ws, name), text);
  fs.mkdirSync(outDir, { recursive: true });
  // Keep code-server's config, logs and caches out of the real home directory.
  const env = { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: `${dirs.home}/.config`, XDG_DATA_HOME: `${dirs.home}/.local/share`,
    XDG_CACHE_HOME: `${dirs.home}/.cache`,
    // No extension gallery: nothing to query, and no lookups of outside hosts from the test.
    EXTENSIONS_GALLERY: '{}' };
  const common = ['--config', `${run}/config.yaml`, '--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext];
  fs.writeFileSync(`${run}/config.yaml`, 'auth: none\n');

  const t0 = Date.now();
  if (vsix) {
    const installed = spawnSync(bin, [...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 60_000 });
    if (installed.status !== 0) {
      fs.rmSync(run, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${vsix} failed:\n${installed.stdout}\n${installed.stderr}`);
    }
    log(`extension installed in ${Date.now() - t0} ms`);
  }

  const port = await freePort();
  const serverLog = fs.openSync(`${run}/code-server.log`, 'w');
  // detached: code-server becomes a process group leader, so close() can stop it together with its
  // extension host and our language server in one kill.
  const server = spawn(bin, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', dirs.ws],
  { env, detached: true, stdio: ['ignore', serverLog, serverLog] });
  const killServer = () => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ } };
  // If the test process ends without close() (a crash, the runner's timeout, Ctrl+C), still stop everything
  // that runs from the run dir (code-server's group, the language server, chromium) and remove the dir.
  const emergencyStop = () => {
    killServer();
    for (const line of processesMentioning(run)) { try { process.kill(Number(line.split(' ')[0]), 'SIGKILL'); } catch { /* gone */ } }
    fs.rmSync(run, { recursive: true, force: true });
  };
  const onSignal = (signal) => { emergencyStop(); process.exit(signal === 'SIGINT' ? 130 : 143); };
  process.once('exit', emergencyStop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let browser;
  const wb = {
    run, port, dirs, workspace: dirs.ws, page: undefined,
    serverLog: () => fs.readFileSync(`${run}/code-server.log`, 'utf8'),
    /**
     * The logs whose path mentions `name` (each extension's output channels are logged under its id): their
     * first error lines, where the cause usually is, else their last lines.
     */
    extensionLog(name, lines = 15) {
      const found = [];
      const walk = (dir) => {
        for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
          const p = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(p);
          else if (p.includes(name)) found.push(p);
        }
      };
      walk(`${dirs.ud}/logs`);
      const excerpt = (text) => {
        const all = text.trimEnd().split('\n');
        const errors = all.filter((l) => l.includes('[error]'));
        return (errors.length ? errors.slice(0, lines) : all.slice(-lines)).join('\n');
      };
      return found.map((f) => `${path.basename(f)}:\n${excerpt(fs.readFileSync(f, 'utf8'))}`).join('\n') || `(no log mentions ${name})`;
    },
    async close() {
      if (browser) await Promise.race([browser.close(), sleep(10_000)]).catch(() => {});
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
        await Promise.race([exited, sleep(5_000)]);
        killServer();
      }
      process.removeListener('exit', emergencyStop);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      // The language server may outlive the extension host by a moment; kill whatever still mentions the run dir.
      for (let i = 0; i < 20 && processesMentioning(run).length; i++) await sleep(100);
      for (const line of processesMentioning(run)) { try { process.kill(Number(line.split(' ')[0]), 'SIGKILL'); } catch { /* gone */ } }
      fs.closeSync(serverLog);
      fs.rmSync(run, { recursive: true, force: true });
    },
  };
  try {
    await waitHttp(`http://127.0.0.1:${port}/healthz`, 30_000);
    log(`code-server up on port ${port} after ${Date.now() - t0} ms`);
    // A persistent context on a fresh directory inside the run dir: a clean profile, and its processes are
    // found by close()'s leftover check.
    browser = await chromium.launchPersistentContext(dirs.browser, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS,
      viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    const page = browser.pages()[0] ?? await browser.newPage();
    wb.page = page;
    page.setDefaultTimeout(15_000);
    if (beforeLoad) await beforeLoad(page);
    // Remote resources (the extension under development, its tests) are vscode-remote URIs of this server.
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const query = payload ? `&payload=${encodeURIComponent(JSON.stringify(payload(remote)))}` : '';
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}${query}`);
    if (waitForExplorer) {
      await page.waitForSelector('.monaco-workbench .explorer-folders-view .monaco-list-row', { timeout: 60_000 });
      log(`workbench loaded after ${Date.now() - t0} ms`);
    }
    Object.assign(wb, actions(page, { outDir, log, workspace: dirs.ws }));
    return wb;
  } catch (e) {
    if (wb.page) await wb.page.screenshot({ path: path.join(outDir, 'startup-failure.png') }).catch(() => {});
    const tail = wb.serverLog().split('\n').slice(-20).join('\n');
    await wb.close();
    e.message += `\ncode-server log (tail):\n${tail}`;
    throw e;
  }
}

/** What a user does in the workbench, as functions of the page. */
function actions(page, { outDir, log, workspace }) {
  const editor = '.editor-group-container.active .monaco-editor';
  const squiggles = `${editor} .squiggly-error, ${editor} .squiggly-warning, ${editor} .squiggly-info`;
  const self = {
    async screenshot(name) {
      const file = path.join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    /** Opens a workspace file by clicking its row in the Explorer, as a user does (Ctrl+P may go to the browser). */
    async openFile(name) {
      await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first().click();
      await page.locator(`.tabs-container .tab.active`).filter({ hasText: name }).waitFor({ timeout: 15_000 });
      await page.locator(`${editor} .view-lines`).waitFor({ timeout: 15_000 });
    },
    /** Waits for a squiggle under the cursor (the decoration box that contains the cursor's middle). */
    async waitForSquiggleAtCursor(ms = 10_000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const cursor = await page.locator(`${editor} .cursor`).first().boundingBox();
        const boxes = await page.locator(squiggles).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
        if (cursor && boxes.some((b) => cursor.x >= b.x - 1 && cursor.x <= b.x + b.width + 1
          && cursor.y + cursor.height / 2 >= b.y && cursor.y + cursor.height / 2 <= b.y + b.height)) return true;
        await page.waitForTimeout(200);
      }
      return false;
    },
    /** Runs a command from the palette (F1), by the label the palette shows. */
    async runCommand(label) {
      await self.quickInput('>' + label);
      const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: label }).first();
      await row.waitFor({ timeout: 10_000 }).catch(() => {
        throw new Error(`command "${label}" is not in the command palette`);
      });
      await row.click();
    },
    /** Opens the quick input (F1) and types `text` in place of its prefix. */
    async quickInput(text) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(text);
    },
    /** Moves the cursor to an LSP position (0-based) through Go to Line (":line:column" in quick open). */
    async goTo({ line, character }) {
      await self.quickInput(`:${line + 1}:${character + 1}`);
      await page.waitForTimeout(200);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });
      await page.waitForTimeout(200);
    },
    /** Puts the mouse on the text just right of the cursor and returns the hover's text. */
    async hoverAtCursor() {
      const box = await page.locator(`${editor} .cursor`).first().boundingBox();
      if (!box) throw new Error('the editor cursor is not visible');
      await page.mouse.move(box.x - 40, box.y - 40);
      await page.mouse.move(box.x + 5, box.y + box.height / 2, { steps: 4 });
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
      await hover.waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForTimeout(300);
      return hover.innerText();
    },
    /** Opens the Quick Fix menu at the cursor (Ctrl+.) and returns the titles of its actions. */
    async quickFixMenu() {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await menu.locator('.monaco-list-row.action').first().waitFor({ timeout: 10_000 });
      return menu.locator('.monaco-list-row.action').allInnerTexts();
    },
    /** Picks the Quick Fix whose title contains (or matches) `title` with the arrow keys and Enter (the menu's
     * pointer block swallows synthetic clicks). */
    async chooseQuickFix(title) {
      const matches = (text) => (typeof title === 'string' ? text.includes(title) : title.test(text));
      const rows = page.locator('.action-widget .monaco-list-row.action');
      const labels = await rows.evaluateAll((els) => els.map((e) => ({ text: e.getAttribute('aria-label') || e.textContent, focused: e.classList.contains('focused') })));
      const target = labels.findIndex((l) => matches(l.text));
      if (target < 0) throw new Error(`no Quick Fix matching ${title} in: ${labels.map((l) => l.text).join(' | ')}`);
      let at = Math.max(0, labels.findIndex((l) => l.focused));
      for (; at < target; at++) await page.keyboard.press('ArrowDown');
      for (; at > target; at--) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    },
    /** Opens the Problems panel and returns the visible rows' text. */
    async problems() {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      return panel.locator('.monaco-list-row').allInnerTexts();
    },
    problemsFilter() {
      return page.locator('.panel .viewpane-filter input, .markers-panel-action-filter input').first();
    },
    async clearProblemsFilter() {
      await self.problems();
      await self.problemsFilter().fill('');
      await page.waitForTimeout(400);
    },
    /** Rows of the Problems panel filtered by the start of `message` (the list only renders what is visible). */
    async problemRows(message) {
      await self.problems();
      // The filter splits at ASCII commas and treats '!', '*', '/' specially: use the message's plain start.
      const key = message.split(/[,!*/\\]/)[0].slice(0, 24).trim();
      await self.problemsFilter().fill(key);
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: key }).first().waitFor({ timeout: 5_000 }).catch(() => {});
      await page.waitForTimeout(300);
      return rows.allInnerTexts();
    },
    /** Opens the Problems panel and waits until a row matches `text` (string or RegExp); false if none did within `ms`. */
    async waitForProblem(text, ms) {
      await self.clearProblemsFilter();
      return page.locator('.markers-panel .monaco-list-row').filter({ hasText: text }).first()
        .waitFor({ timeout: ms }).then(() => true, () => false);
    },
    async waitForProblemGone(text, ms) {
      await self.clearProblemsFilter();
      return page.locator('.markers-panel .monaco-list-row').filter({ hasText: text })
        .first().waitFor({ state: 'detached', timeout: ms }).then(() => true, () => false);
    },
    /** Error / warning / info counts as the status bar shows them. */
    async problemCounts() {
      const text = await page.locator('#status\\.problems').innerText();
      const [errors = 0, warnings = 0, infos = 0] = (text.match(/\d+/g) ?? []).map(Number);
      return { errors, warnings, infos };
    },
    async notificationTexts() {
      const texts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
      return texts.map((t) => t.replace(/\s+/g, ' ')).join('\n') || '(none)';
    },
    async dismissNotifications() {
      if (await page.locator('.notifications-toasts .notification-toast').count() === 0) return;
      await self.runCommand('Notifications: Clear All Notifications');
      await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
    },
    /** Focuses the editor tab of `name` (commands act on the active text editor, not on a focused webview). */
    async focusEditor(name) {
      await page.locator('.tabs-container .tab').filter({ hasText: name }).first().click();
      await page.waitForTimeout(200);
    },
    async undo() {
      await page.locator(`${editor} textarea`).first().focus();
      await page.keyboard.press('Control+Z');
      await page.waitForTimeout(200);
    },
    /**
     * Waits until the status bar shows the selection `range` (0-based, one line) of `lineText`: "Ln l, Col c (n selected)"
     * with the cursor at the range's end, its column counted as the status bar counts (tabs to the next multiple of 4).
     */
    async waitForSelection(range, lineText, ms = 10_000) {
      let column = 0;
      for (const ch of lineText.slice(0, range.end.character)) column = ch === '\t' ? column + 4 - (column % 4) : column + 1;
      const length = range.end.character - range.start.character;
      const want = `Ln ${range.end.line + 1}, Col ${column + 1}${length ? ` (${length} selected)` : ''}`;
      const item = page.locator('#status\\.editor\\.selection');
      const end = Date.now() + ms;
      let text = '';
      while (Date.now() < end) {
        text = (await item.innerText().catch(() => '')).trim();
        if (text === want) return;
        await page.waitForTimeout(200);
      }
      throw new Error(`the editor selection is "${text}", expected "${want}"`);
    },
    /** The frame of the (single) open webview: the workbench nests it in two iframes. */
    async webview(ms = 20_000) {
      await page.locator('iframe.webview.ready').last().waitFor({ state: 'attached', timeout: ms });
      const inner = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
      await inner.locator('body').waitFor({ timeout: ms });
      return inner;
    },
    async pickQuickItem(label) {
      const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: label }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click();
    },
    /** Accepts the proposed path of a save dialog (the workbench's own file dialog in a browser). */
    async acceptSaveDialog() {
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    },
    /** Saves the active editor and returns the file's text on disk. */
    async saveAndRead(name) {
      const file = path.join(workspace, name);
      const before = fs.statSync(file).mtimeMs;
      await page.keyboard.press('Control+S');
      for (let i = 0; i < 50 && fs.statSync(file).mtimeMs === before; i++) await page.waitForTimeout(100);
      if (fs.statSync(file).mtimeMs === before) throw new Error(`saving ${name} did not write the file`);
      // (The write may be under way when its mtime changes, the file still empty: read until two reads agree.)
      let text = fs.readFileSync(file, 'utf8');
      for (let i = 0; i < 30; i++) {
        await page.waitForTimeout(100);
        const again = fs.readFileSync(file, 'utf8');
        if (again === text && text !== '') break;
        text = again;
      }
      return text;
    },
    notification(re) {
      return page.locator('.notifications-toasts .notification-toast').filter({ hasText: re }).first();
    },
    /**
     * Runs a palette command and returns the text of the first notification it raises that matches `re`
     * (progress notifications such as "正在检查…" are skipped); older toasts are dismissed first.
     */
    async runCommandForNotification(label, re = /juesuan-lint:/, ms = 20_000) {
      await self.dismissNotifications();
      await self.runCommand(label);
      const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: re }).filter({ hasNotText: /正在检查|checking…/ }).first();
      await toast.waitFor({ timeout: ms }).catch(() => {
        throw new Error(`no notification matching ${re} within ${ms / 1000} s after "${label}"`);
      });
      return toast.innerText();
    },
    log,
  };
  return self;
}

/**
 * Runs extension tests (a module exporting run()) in code-server's extension host, with
 * `extensionDevelopmentPath` loaded as the extension under development, the way VS Code runs its own
 * browser integration tests: the workbench reports the result through window.codeAutomationExit.
 * Resolves with { code, output } (code 0 when every test passed).
 */
export async function runExtensionTests({ codeServerDir, extensionDevelopmentPath, extensionTestsPath, files, outDir, log = () => {}, timeout = 300_000 }) {
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  const output = [];
  const wb = await startWorkbench({
    codeServerDir, files, outDir, log, waitForExplorer: false,
    payload: (remote) => [['extensionDevelopmentPath', remote(extensionDevelopmentPath)], ['extensionTestsPath', remote(extensionTestsPath)], ['skipWelcome', 'true']],
    beforeLoad: async (page) => {
      await page.exposeFunction('codeAutomationExit', (code) => finish(code));
      await page.exposeFunction('codeAutomationLog', (type, args) => output.push(args.map(String).join(' ')));
      // The extension host's console reaches the page's console during extension development.
      page.on('console', (message) => output.push(message.text()));
    },
  });
  try {
    let timer;
    const code = await Promise.race([finished, new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeout); })]);
    clearTimeout(timer);
    if (code === 'timeout') {
      await wb.screenshot('extension-tests-timeout').catch(() => {});
      return { code: 1, output: [...output, `extension tests did not finish within ${timeout / 1000} s`], serverLog: wb.serverLog() };
    }
    return { code, output, serverLog: wb.serverLog() };
  } finally {
    await wb.close();
  }
}
