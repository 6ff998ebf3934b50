// Command-line options, parsed with node:util parseArgs (no dependency needed).
import { parseArgs } from 'node:util';
import { parseLocale, parseRuleSetting } from '../config';
import type { Locale, RuleSetting } from '../core';
import { UsageError } from './files';

export type FormatName = 'stylish' | 'json' | 'sarif';

export interface CliOptions {
  inputs: string[];
  format: FormatName;
  fix: boolean;
  rules: Record<string, RuleSetting>;
  locale?: Locale;
  stdin: boolean;
  stdinFilename?: string;
  quiet: boolean;
  outputFile?: string;
  maxWarnings?: number;
  color?: boolean;
  help: boolean;
  version: boolean;
}

export const HELP = `用法 Usage: juesuan-lint [文件|目录|glob ...] [选项 options]

检查部门决算公开报告中的算术错误（占比、其中合计、同比、预算完成率、数字格式……）。
Checks Chinese department final-accounts reports (部门决算) for arithmetic slips.

  -f, --format <stylish|json|sarif>  输出格式 output format (default: stylish)
      --fix                          应用安全修复并写回文件 apply safe fixes and write the files
      --rule <id=off|info|warn|error>  覆盖规则级别，可重复 override a rule, repeatable
      --locale <zh-cn|en>            消息语言 message language (default: zh-cn)
      --stdin                        从标准输入读取 lint text from stdin
      --stdin-filename <name>        标准输入的文件名（用于查找配置） file name for stdin (config lookup)
      --quiet                        只报告错误 report errors only
  -o, --output-file <file>           输出写入文件 write the report to a file
      --max-warnings <n>             警告数超过 n 时以 1 退出 exit 1 when warnings exceed n
      --color / --no-color           强制/禁用颜色 force or disable colours
  -h, --help                         显示帮助 show this help
  -v, --version                      显示版本 show the version

目录会递归查找 .txt 和 .md 文件；glob 支持 *、**、?、{a,b}。配置文件：.juesuan-lint.json。
Directories are searched for .txt and .md files; globs support *, **, ?, {a,b}. Config: .juesuan-lint.json.
退出码 Exit codes: 0 无错误或警告 clean, 1 有错误或警告 findings, 2 用法或读写错误 usage or I/O error.
`;

export function parseCliArgs(argv: string[], knownRules: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        locale: { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        quiet: { type: 'boolean' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as FormatName;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${v.format}" (expected stylish, json or sarif)`);
  let locale: Locale | undefined;
  if (v.locale !== undefined) {
    locale = parseLocale(v.locale);
    if (!locale) throw new UsageError(`unknown locale "${v.locale}" (expected zh-cn or en)`);
  }
  const rules: Record<string, RuleSetting> = {};
  const known = new Set(knownRules);
  for (const spec of (v.rule ?? []).flatMap((s) => s.split(','))) {
    const m = /^\s*([\w-]+)\s*[=:]\s*(\S+)\s*$/.exec(spec);
    if (!m) throw new UsageError(`bad --rule value "${spec}" (expected id=off|info|warn|error)`);
    if (!known.has(m[1])) throw new UsageError(`unknown rule "${m[1]}" in --rule (known: ${[...known].join(', ')})`);
    const setting = parseRuleSetting(m[2]);
    if (!setting) throw new UsageError(`bad severity "${m[2]}" for rule ${m[1]} (expected off, info, warn or error)`);
    rules[m[1]] = setting;
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings needs a non-negative integer, got "${v['max-warnings']}"`);
    maxWarnings = Number(v['max-warnings']);
  }
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename requires --stdin');
  if (v.stdin && parsed.positionals.length > 0) throw new UsageError('--stdin cannot be combined with file arguments');
  return {
    inputs: parsed.positionals,
    format,
    fix: v.fix ?? false,
    rules,
    locale,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    quiet: v.quiet ?? false,
    outputFile: v['output-file'],
    maxWarnings,
    color: v['no-color'] ? false : v.color ? true : undefined,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
