// `juesuan-lint` command line: resolve inputs, lint (in worker threads when there are many files),
// print in the chosen format, exit 0 (clean) / 1 (findings) / 2 (usage or I/O error).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { allRules, type Locale } from '../core';
import { createConfigLoader, mergeSettings, type Settings } from '../config';
import { HELP, parseCliArgs, type CliOptions } from './args';
import { resolveInputs, UsageError } from './files';
import { countFindings, type FormatContext, type Formatter } from './formatters/common';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { lintBytes, MAX_FILE_BYTES, type FileResult } from './lint-file';
import { fileTimeoutMs, lintInPool, lintSequential, POOL_THRESHOLD } from './pool';

const FORMATTERS: Record<CliOptions['format'], Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif };

function packageInfo(): { version: string; informationUri: string } {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    const repo: string = pkg.repository?.url ?? '';
    return { version: pkg.version, informationUri: repo.replace(/^git\+/, '').replace(/\.git$/, '') || 'https://github.com/juesuan-lint/juesuan-lint' };
  } catch {
    return { version: '0.0.0', informationUri: 'https://github.com/juesuan-lint/juesuan-lint' };
  }
}

/** Files up to this size are linted in the main thread when there are few of them. */
const IN_PROCESS_MAX_BYTES = 1024 * 1024;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function fail(message: string): number {
  process.stderr.write(`juesuan-lint: ${message}\n`);
  return 2;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new UsageError(`stdin is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Drops what --quiet hides: everything below error. */
function applyQuiet(results: FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error'), notices: [] }));
}

export function exitCodeFor(results: FileResult[], maxWarnings: number | undefined): 0 | 1 {
  const c = countFindings(results);
  if (c.errors > 0) return 1;
  const warnings = c.warnings + c.notices;
  if (maxWarnings !== undefined) return warnings > maxWarnings ? 1 : 0;
  return warnings > 0 ? 1 : 0;
}

export async function run(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv, allRules.map((r) => r.meta.id));
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message}\nRun juesuan-lint --help for usage.`);
    throw e;
  }
  const info = packageInfo();
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`${info.version}\n`);
    return 0;
  }
  if (!opts.stdin && opts.inputs.length === 0) return fail('no files given (pass files, directories or globs, or --stdin). Run juesuan-lint --help for usage.');

  const loader = createConfigLoader();
  const warnedConfigs = new Set<string>();
  const settingsFor = (filePath: string): Settings => {
    const config = loader.loadConfigFor(filePath);
    if (config.path && config.problems.length > 0 && !warnedConfigs.has(config.path)) {
      warnedConfigs.add(config.path);
      for (const p of config.problems) process.stderr.write(`juesuan-lint: ${config.path}: ${p.message[opts.locale ?? 'zh-cn']}\n`);
    }
    return mergeSettings(config.settings, { rules: opts.rules, locale: opts.locale });
  };

  let results: FileResult[];
  let locale: Locale;
  let fixedStdin: string | undefined;
  if (opts.stdin) {
    const name = opts.stdinFilename ? resolve(cwd, opts.stdinFilename) : '<stdin>';
    const settings = settingsFor(opts.stdinFilename ? name : join(cwd, 'stdin'));
    locale = settings.locale ?? 'zh-cn';
    let bytes: Buffer;
    try {
      bytes = await readStdin();
    } catch (e) {
      return fail((e as Error).message);
    }
    const { fixedText, ...result } = lintBytes(name, bytes, { rules: settings.rules, fix: opts.fix, timeoutMs: fileTimeoutMs() });
    if (opts.fix) fixedStdin = fixedText ?? result.text ?? bytes.toString('utf8');
    results = [result];
  } else {
    let files: string[];
    try {
      files = resolveInputs(opts.inputs, cwd);
    } catch (e) {
      if (e instanceof UsageError) return fail(e.message);
      throw e;
    }
    const jobs = files.map((filePath) => ({ filePath, rules: settingsFor(filePath).rules, fix: opts.fix, timeoutMs: fileTimeoutMs() }));
    locale = opts.locale ?? (files.length > 0 ? settingsFor(files[0]).locale : undefined) ?? settingsFor(join(cwd, 'x')).locale ?? 'zh-cn';
    // Large files also go to a worker: only a worker can be stopped if a file takes too long.
    const useWorkers = jobs.length >= POOL_THRESHOLD || files.some((f) => sizeOf(f) > IN_PROCESS_MAX_BYTES);
    results = useWorkers ? await lintInPool(jobs) : lintSequential(jobs);
  }

  let status: number = 0;
  for (const r of results) {
    if (r.ioError) {
      process.stderr.write(`juesuan-lint: ${r.filePath}: ${r.ioError}\n`);
      status = 2;
    }
  }
  if (opts.quiet) results = applyQuiet(results);
  if (opts.format !== 'stylish') {
    // Machine formats have no place for this; say it on stderr so nobody is misled about the decoding.
    for (const r of results) {
      if (r.encoding && r.encoding !== 'UTF-8' && r.encoding !== 'UTF-8 BOM') process.stderr.write(`juesuan-lint: ${r.filePath}: read as ${r.encoding}\n`);
    }
  }

  // With --stdin --fix the fixed text owns stdout; the report goes to the output file or stderr.
  const stream = fixedStdin !== undefined ? process.stderr : process.stdout;
  const color = opts.color ?? (!opts.outputFile && Boolean(stream.isTTY) && !process.env.NO_COLOR);
  const ctx: FormatContext = { cwd, locale, color, version: info.version, informationUri: info.informationUri, rules: allRules.map((r) => r.meta) };
  const report = FORMATTERS[opts.format](results, ctx);
  if (fixedStdin !== undefined) process.stdout.write(fixedStdin);
  if (opts.outputFile) {
    try {
      const out = resolve(cwd, opts.outputFile);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report);
    } catch (e) {
      return fail(`cannot write ${opts.outputFile}: ${(e as Error).message}`);
    }
  } else {
    // After --stdin --fix, a clean stylish report would only add noise next to the fixed text.
    const c = countFindings(results);
    const nothingLeft = c.errors + c.warnings + c.infos + c.notices === 0;
    if (fixedStdin === undefined || opts.format !== 'stylish' || !nothingLeft) stream.write(report);
  }
  return status === 2 ? 2 : exitCodeFor(results, opts.maxWarnings);
}

/** The process entry (bin/juesuan-lint.js): runs and sets the exit code; never throws. */
export function main(argv: string[]): void {
  // `juesuan-lint dir | head`: a reader that stops early is not an error of ours; end quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`juesuan-lint: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main(process.argv.slice(2));

// For tests: the pieces worth checking without spawning a process.
export { compileGlob, expandBraces, globToRegExp } from './glob';
export { decode, encodeGb18030 } from './encoding';
export { formatJson } from './formatters/json';
export { parseConfig, mergeSettings, loadConfigFor, createConfigLoader, parseRuleSetting } from '../config';
export { autoFix, nonOverlappingEdits } from './fix';
export { filesLintedHere } from './lint-file';
