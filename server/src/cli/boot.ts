// The CLI's entry (bin/juesuan-lint.js): dist/cli.js run from the code cache, which is written as the run ends. A cache
// made by a run that linted here (a few files, stdin) holds the lint code too, and is preferred.
import { join } from 'node:path';
import { requireWithCodeCache } from './code-cache';

const cli = requireWithCodeCache(join(__dirname, 'cli.js'), ['lint', '']);
const exports = cli.exports as typeof import('./main');
process.once('exit', () => cli.save(exports.filesLintedHere() > 0 ? 'lint' : ''));
exports.main(process.argv.slice(2));
