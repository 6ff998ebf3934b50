// Neovim (Debian's 0.7.2 in CI) as a second LSP client: test/neovim/probe.lua opens a report, waits
// for our diagnostics, asks for code actions the way Neovim does (byte columns), applies the
// recompute-percentages fix and checks the line. Skipped without nvim locally; required in CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const probe = fileURLToPath(new URL('./neovim/probe.lua', import.meta.url));
const server = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const available = nvim.status === 0;
const skip = !available && !process.env.CI ? 'nvim not installed (apt-get install -y neovim); required when CI is set' : false;

function runProbe(lines, env) {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-nvim-'));
  try {
    const file = join(dir, 'report.txt');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = spawnSync('timeout', ['60', 'nvim', '--headless', '--clean', '-u', 'NONE', '-n', '-c', `luafile ${probe}`, file], {
      encoding: 'utf8',
      // Neovim's LSP log and state go to the temporary directory, not the user's home.
      env: { ...process.env, XDG_CACHE_HOME: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, SERVER_CMD: `${process.execPath} ${server} --stdio`, PROBE_TIMEOUT_MS: '20000', ...env },
    });
    const output = result.stdout.split('\n').filter(Boolean);
    return { status: result.status, output, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SHARE = '本年支出合计665.38万元，其中：基本支出208.88万元，占32%；项目支出456.50万元，占68.61%。';
const GROUP = '2024年财政拨款支出66167.07万元，其中：社会保障和就业支出364.76万元，占0.50%；卫生健康支出65316.04万元，占98.80%；住房保障支出486.27万元，占0.70%。';

test('Neovim is installed in CI', { skip: available || !process.env.CI ? 'nvim present or not in CI' : false }, () => {
  assert.fail(`nvim is required when CI is set (.ci/run installs it): ${nvim.error?.message ?? nvim.stderr}`);
});

test('Neovim: diagnostics on CJK text, hover, recompute one share', { skip }, () => {
  const { status, output, stderr } = runProbe(['# 2024年度部门决算', '', SHARE, '', '收入、支出总计665. 39万元。'], {
    EXPECT_CODE: 'share-mismatch',
    EXPECT_LINE: '3',
    EXPECT_TITLE: '重新计算百分比',
    EXPECT_LINE_AFTER: SHARE.replace('占32%', '占31%'),
    EXPECT_HOVER: '208.88 / 665.38 = 31.39%',
  });
  assert.equal(status, 0, `${output.join('\n')}\n${stderr}`);
  assert.equal(output.at(-1), 'PROBE OK');
  const diags = output.filter((l) => l.startsWith('{"')).map((l) => JSON.parse(l)).filter((o) => o.code);
  // Neovim stores byte columns: `占32%` is preceded by 29 CJK/ASCII characters on line 3.
  const share = diags.find((d) => d.code === 'share-mismatch');
  assert.equal(share.col, Buffer.byteLength(SHARE.slice(0, SHARE.indexOf('32%'))) + 1);
  assert.equal(share.source, 'juesuan-lint');
  assert.ok(diags.some((d) => d.code === 'number-format' && d.line === 5));
});

test('Neovim: recompute a whole list with largest-remainder rounding', { skip }, () => {
  const { status, output, stderr } = runProbe([GROUP], {
    EXPECT_CODE: 'share-mismatch',
    EXPECT_LINE: '1',
    EXPECT_TITLE: '最大余数法',
    EXPECT_LINE_AFTER: GROUP.replace('占0.50%', '占0.55%').replace('占98.80%', '占98.71%').replace('占0.70%', '占0.74%'),
  });
  assert.equal(status, 0, `${output.join('\n')}\n${stderr}`);
  assert.equal(output.at(-1), 'PROBE OK');
});
