// Human output in the manner of ESLint's `stylish`: a header per file, one aligned line per
// finding with the arithmetic indented below it, and a summary line.
import { relative } from 'node:path';
import { localize, type Finding, type Severity } from '../../core';
import { countFindings, tr, type Formatter } from './common';

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, underline: 4, bold: 1, green: 32 } as const;
type Style = keyof typeof CODES;

function painter(color: boolean) {
  return (style: Style, s: string) => (color ? `\u001b[${CODES[style]}m${s}\u001b[0m` : s);
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Display width: CJK characters take two terminal columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export function displayPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  const rel = relative(cwd, filePath);
  return rel === '' || rel.startsWith('..') ? filePath : rel;
}

export const formatStylish: Formatter = (results, ctx) => {
  const paint = painter(ctx.color);
  const loc = ctx.locale;
  const severityWord: Record<Severity, string> = {
    error: tr(loc, '错误', 'error'),
    warning: tr(loc, '警告', 'warning'),
    info: tr(loc, '提示', 'info'),
  };
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0 && r.notices.length === 0 && !r.fixed && (!r.encoding || r.encoding === 'UTF-8')) continue;
    const notes: string[] = [];
    if (r.encoding && r.encoding !== 'UTF-8') notes.push(tr(loc, `按 ${r.encoding} 编码读取`, `read as ${r.encoding}`));
    if (r.fixed) {
      notes.push(
        r.fixed.written
          ? tr(loc, `已自动修复 ${r.fixed.applied} 处`, `${r.fixed.applied} fix(es) applied`)
          : tr(loc, `可修复 ${r.fixed.applied} 处`, `${r.fixed.applied} fix(es) available`),
      );
    }
    out.push(paint('underline', displayPath(r.filePath, ctx.cwd)) + (notes.length ? paint('dim', `  (${notes.join('；')})`) : ''));
    for (const n of r.notices) out.push(`  ${paint('yellow', severityWord.warning)}  ${localize(n, loc)}`);
    const rows = r.findings.map((f: Finding) => ({
      pos: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      sev: severityWord[f.severity],
      f,
    }));
    const posW = Math.max(0, ...rows.map((x) => x.pos.length));
    const sevW = Math.max(0, ...rows.map((x) => width(x.sev)));
    const msgW = Math.min(80, Math.max(0, ...rows.map((x) => width(localize(x.f.message, loc)))));
    for (const { pos, sev, f } of rows) {
      const message = localize(f.message, loc);
      out.push(`  ${paint('dim', pos.padStart(posW))}  ${paint(SEVERITY_STYLE[f.severity], pad(sev, sevW))}  ${pad(message, msgW)}  ${paint('dim', f.ruleId)}`);
      const explanation = localize(f.explanation, loc);
      if (explanation) {
        for (const line of explanation.split('\n')) out.push(' '.repeat(posW + 4) + paint('dim', line));
      }
    }
    out.push('');
  }
  const c = countFindings(results);
  const total = c.errors + c.warnings + c.infos + c.notices;
  if (total === 0) {
    out.push(paint('green', tr(loc, `✔ 已检查 ${results.length} 个文件，未发现问题。`, `✔ ${results.length} file(s) checked, no problems found.`)));
  } else {
    const style: Style = c.errors > 0 ? 'red' : c.warnings + c.notices > 0 ? 'yellow' : 'cyan';
    const parts = tr(
      loc,
      `✖ ${total} 个问题（${c.errors} 个错误，${c.warnings + c.notices} 个警告，${c.infos} 个提示），已检查 ${results.length} 个文件`,
      `✖ ${total} problem${total === 1 ? '' : 's'} (${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings + c.notices} warning${c.warnings + c.notices === 1 ? '' : 's'}, ${c.infos} info), ${results.length} file(s) checked`,
    );
    out.push(paint('bold', paint(style, parts)));
    const fixable = c.fixableErrors + c.fixableWarnings;
    if (fixable > 0) {
      out.push(paint(style, tr(loc, `  其中 ${fixable} 个可用 --fix 自动修复。`, `  ${fixable} of them can be fixed with the --fix option.`)));
    }
  }
  return out.join('\n') + '\n';
};
