// The extension-host suite (test/suite/index.cjs: the extension through the VS Code API) run inside
// code-server's extension host, with this repository as the extension under development. Desktop VS Code
// runs the same suite through `npm run test:vscode` where an executable exists.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runExtensionTests } from './workbench.mjs';
import { REPO, workspaceFiles } from './reports.mjs';
import { CODE_SERVER_DIR, ensureCodeServer, makeLog, workbenchDescribe } from './setup.mjs';

const log = makeLog('extension-host');

workbenchDescribe({ describe, test }, 'extension-host tests in code-server', () => {
  test('test/suite passes in code-server\'s extension host', async () => {
    ensureCodeServer(log);
    const result = await runExtensionTests({
      codeServerDir: CODE_SERVER_DIR, extensionDevelopmentPath: REPO, extensionTestsPath: path.join(REPO, 'test/suite/index.cjs'),
      files: workspaceFiles(), outDir: path.join(REPO, 'test-results/suite'), log,
    });
    // The extension host's console reaches the page twice, plain and styled ("%c INFO …"): keep the plain copy.
    const lines = result.output.filter((l) => !l.startsWith('%c')).flatMap((l) => l.split('\n'))
      .filter((l) => /^(ok|not ok) - |^\s{2}|^\d+ passed, \d+ failed|did not finish/.test(l));
    for (const l of lines) if (/^(ok|not ok) - /.test(l)) log(l);
    assert.ok(lines.some((l) => /^(ok|not ok) - /.test(l)), `the suite reported no test:\n${result.serverLog.split('\n').slice(-20).join('\n')}`);
    assert.equal(result.code, 0, lines.join('\n'));
  });
});
