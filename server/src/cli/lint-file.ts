// Linting one file or stdin text, shared by the main thread and the worker threads. The result is
// plain data (structured-clone safe) so workers can post it back.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { lint, LintCancelled, looksBinary, type Finding, type LintOptions, type Localized, type RuleSetting } from '../core';
import { l } from '../core/messages';
import { decode, encode, type Encoding } from './encoding';
import { fixText } from './fix';

/** Files above this size are skipped: they are not reports, and reading them costs memory for nothing. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface LintJob {
  /** Absolute path (or the --stdin-filename / `<stdin>` label for stdin). */
  filePath: string;
  rules: Record<string, RuleSetting>;
  fix: boolean;
  /** Time limit for checking the file (ms). */
  timeoutMs?: number;
}

export interface FileResult {
  filePath: string;
  encoding?: Encoding;
  /** Decoded text as linted (the fixed text when --fix changed it). */
  text?: string;
  findings: Finding[];
  /** The file was not (fully) checked: binary, too large, unreadable, or not writable back. */
  notices: Localized[];
  /** Set when --fix changed the text. */
  fixed?: { applied: number; passes: number; written: boolean };
  /** I/O failure: the run exits with status 2. */
  ioError?: string;
}

let filesLinted = 0;

/** How many files this thread has linted (the CLI's code cache records whether the main thread ran the lint code). */
export function filesLintedHere(): number {
  return filesLinted;
}

export function lintBytes(filePath: string, bytes: Uint8Array, job: Omit<LintJob, 'filePath'>): FileResult & { fixedText?: string } {
  filesLinted++;
  const { text, encoding } = decode(bytes);
  const base: FileResult = { filePath, encoding, findings: [], notices: [] };
  if (text.trim() === '') return { ...base, text };
  if (looksBinary(text)) {
    return { ...base, notices: [l('内容不是文本（疑似二进制文件），未检查。', 'The content is not text (looks binary); not checked.')] };
  }
  // Cooperative time limit (checked by the engine between stages); workers also have a hard one.
  const deadline = Date.now() + (job.timeoutMs ?? 120_000);
  const options: LintOptions = { rules: job.rules, isCancelled: () => Date.now() > deadline };
  try {
    return lintDecoded(base, text, job.fix, options);
  } catch (e) {
    if (!(e instanceof LintCancelled)) throw e;
    const s = Math.round((job.timeoutMs ?? 120_000) / 1000);
    return { ...base, notices: [l(`检查超时（超过 ${s} 秒），已中止，未报告结果。`, `Checking timed out (over ${s} s) and was stopped; no results reported.`)] };
  }
}

function lintDecoded(base: FileResult, text: string, fix: boolean, options: LintOptions): FileResult & { fixedText?: string } {
  if (!fix) {
    const result = lint(text, options);
    return { ...base, text, findings: result.findings, notices: result.notice ? [result.notice] : [] };
  }
  const outcome = fixText(text, options);
  const notices = outcome.result.notice ? [outcome.result.notice] : [];
  const changed = outcome.text !== text;
  return {
    ...base,
    text: outcome.text,
    findings: outcome.result.findings,
    notices,
    fixed: changed ? { applied: outcome.applied, passes: outcome.passes, written: false } : undefined,
    fixedText: changed ? outcome.text : undefined,
  };
}

export function lintFile(job: LintJob): FileResult {
  let size: number;
  try {
    size = statSync(job.filePath).size;
  } catch (e) {
    return { filePath: job.filePath, findings: [], notices: [], ioError: (e as Error).message };
  }
  if (size > MAX_FILE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    const limit = MAX_FILE_BYTES / 1024 / 1024;
    return {
      filePath: job.filePath,
      findings: [],
      notices: [l(`文件过大（${mb} MB，上限 ${limit} MB），已跳过。`, `File too large (${mb} MB, limit ${limit} MB); skipped.`)],
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.filePath);
  } catch (e) {
    return { filePath: job.filePath, findings: [], notices: [], ioError: (e as Error).message };
  }
  const { fixedText, ...result } = lintBytes(job.filePath, bytes, job);
  if (fixedText !== undefined && result.fixed && result.encoding) {
    const out = encode(fixedText, result.encoding);
    if (!out) {
      // Report against the unchanged file, so positions match what is on disk.
      const { fixedText: _unused, ...unchanged } = lintBytes(job.filePath, bytes, { ...job, fix: false });
      unchanged.notices.push(
        l(`修复结果无法按原编码 ${result.encoding} 写回，文件未修改。`, `The fixed text cannot be written back in the file's encoding (${result.encoding}); the file was not changed.`),
      );
      return unchanged;
    } else {
      try {
        writeFileSync(job.filePath, out);
        result.fixed.written = true;
      } catch (e) {
        return { ...result, ioError: (e as Error).message };
      }
    }
  }
  return result;
}
