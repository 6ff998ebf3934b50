// Runs the extension-host tests (test/suite/index.cjs) with this repository as the extension under
// development:
//  1. in desktop VS Code through @vscode/test-electron, when an executable exists: VSCODE_EXECUTABLE, or
//     `code` on PATH. Never downloads one (only the npm registry is reachable here).
//  2. in code-server's extension host (the workbench in headless chromium), when code-server is installed in
//     .cache/code-server (scripts/install-code-server.sh) and chromium exists.
// Each run that cannot happen says why; the script fails only when a run fails. Expects a built dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, runExtensionTests } from '../test/e2e/workbench.mjs';
import { REPO, workspaceFiles } from '../test/e2e/reports.mjs';

const SUITE = path.join(REPO, 'test/suite/index.cjs');
const CODE_SERVER_DIR = path.join(REPO, '.cache/code-server');

/** The Electron executable of an installed VS Code; `code` on PATH is a launcher script beside it. */
function findVSCode() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  for (const name of ['code', 'code-insiders', 'codium']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (!found) continue;
    const launcher = fs.realpathSync(found);
    // Linux packages: /usr/share/code/bin/code launches /usr/share/code/code.
    const electron = path.join(path.dirname(launcher), '..', path.basename(launcher));
    return fs.existsSync(electron) && fs.statSync(electron).isFile() ? electron : launcher;
  }
  return undefined;
}

function writeWorkspace(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(workspaceFiles())) fs.writeFileSync(path.join(dir, name), text);
}

async function desktop(executable) {
  const { runTests } = await import('@vscode/test-electron');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-vscode-'));
  try {
    writeWorkspace(`${tmp}/workspace`);
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: SUITE,
      launchArgs: [`${tmp}/workspace`, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        `--user-data-dir=${tmp}/user-data`, `--extensions-dir=${tmp}/extensions`],
    });
    return true;
  } catch (e) {
    console.error(`desktop VS Code: ${e.message}`);
    return false;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function codeServer() {
  const started = Date.now();
  const result = await runExtensionTests({
    codeServerDir: CODE_SERVER_DIR, extensionDevelopmentPath: REPO, extensionTestsPath: SUITE,
    files: workspaceFiles(), outDir: path.join(REPO, 'test-results/suite'),
  });
  // The extension host's console reaches the page twice, plain and styled ("%c INFO …"): keep the plain copy.
  const lines = result.output.filter((l) => !l.startsWith('%c')).flatMap((l) => l.split('\n'));
  console.log(lines.filter((l) => /^(ok|not ok) - |^\s{2}|^\d+ passed, \d+ failed|extension tests did not finish/.test(l)).join('\n'));
  console.log(`code-server extension host: exit ${result.code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.code !== 0) console.error(`code-server log (tail):\n${result.serverLog.split('\n').slice(-20).join('\n')}`);
  return result.code === 0;
}

let ok = true;
const executable = findVSCode();
if (executable) {
  console.log(`desktop VS Code: ${executable}`);
  ok = (await desktop(executable)) && ok;
} else {
  console.log('desktop VS Code: no executable (set VSCODE_EXECUTABLE or put `code` on PATH); not run, nothing is downloaded');
}
if (!fs.existsSync(path.join(CODE_SERVER_DIR, '.installed'))) {
  console.log('code-server: not installed in .cache/code-server (bash scripts/install-code-server.sh); not run');
} else if (!fs.existsSync(CHROMIUM)) {
  console.log(`code-server: ${CHROMIUM} not found (apt-get install chromium); not run`);
} else {
  ok = (await codeServer()) && ok;
}
process.exit(ok ? 0 : 1);
