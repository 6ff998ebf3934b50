// Bundles every entry point that exists with esbuild. Entries are optional so the tree builds at
// every step of its growth.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  // The lint core as a library for tests and benchmarks.
  { in: 'server/src/core/index.ts', out: 'dist/core.js', platform: 'node' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', platform: 'node' },
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js', platform: 'node' },
  // The CLI's and its workers' entries: the bundles above, run from V8's code cache.
  { in: 'server/src/cli/boot.ts', out: 'dist/cli-boot.js', platform: 'node' },
  { in: 'server/src/cli/worker-boot.ts', out: 'dist/cli-worker-boot.js', platform: 'node' },
  { in: 'server/src/server.ts', out: 'dist/server.js', platform: 'node' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', platform: 'node', external: ['vscode'] },
  // The language client, loaded by the extension only when a report is opened (keeps activation cheap).
  { in: 'client/src/lsp.ts', out: 'dist/client-lsp.js', platform: 'node', external: ['vscode'] },
  { in: 'client/src/preview/webview.ts', out: 'dist/webview.js', platform: 'browser', format: 'iife' },
  // The client's pure modules (preview rendering, export formats) for unit tests; not shipped.
  { in: 'client/src/lib.ts', out: 'dist/client-lib.js', platform: 'node' },
];

const common = { bundle: true, sourcemap: !production, minify: production, target: 'node20', logLevel: 'warning' };
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        ...common,
        entryPoints: [e.in],
        outfile: e.out,
        platform: e.platform,
        format: e.format ?? 'cjs',
        external: e.external ?? [],
        target: e.platform === 'browser' ? 'es2020' : 'node20',
      }),
    ),
);
if (watch) console.log('watch mode is not supported; run npm run build again');
