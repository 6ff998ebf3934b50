// ESLint's `json` formatter shape, so existing tooling (CI annotations, editors) can read it.
// Lines and columns are 1-based, columns in UTF-16 code units, endColumn exclusive.
import { localize, type Finding } from '../../core';
import { autoFix } from '../fix';
import { eslintSeverity, type FormatContext, type Formatter } from './common';

interface EslintFix {
  range: [number, number];
  text: string;
}

/** ESLint fixes are one replacement: merge a fix's edits into one range over the source text. */
function mergeEdits(text: string, edits: Finding['fixes'][number]['edits']): EslintFix {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  const start = sorted[0].span.start;
  const end = Math.max(...sorted.map((e) => e.span.end));
  let out = '';
  let cursor = start;
  for (const e of sorted) {
    out += text.slice(cursor, e.span.start) + e.newText;
    cursor = Math.max(cursor, e.span.end);
  }
  return { range: [start, end], text: out + text.slice(cursor, end) };
}

function message(f: Finding, text: string, ctx: FormatContext) {
  const fix = autoFix(f);
  const suggestions = f.fixes
    .filter((x) => x !== fix && x.edits.length > 0)
    .map((x) => ({ desc: localize(x.title, ctx.locale), fix: mergeEdits(text, x.edits) }));
  return {
    ruleId: f.ruleId,
    severity: eslintSeverity(f),
    // ESLint has no level below warning: an info note is severity 1, and `level` tells it apart.
    level: f.severity,
    message: localize(f.message, ctx.locale),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    messageId: f.messageId,
    ...(fix ? { fix: mergeEdits(text, fix.edits) } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

export const formatJson: Formatter = (results, ctx) => {
  const out = results.map((r) => {
    const text = r.text ?? '';
    const notices = r.notices.map((n) => ({ ruleId: null, severity: 1 as const, message: localize(n, ctx.locale), line: 1, column: 1 }));
    const messages = [...notices, ...r.findings.map((f) => message(f, text, ctx))];
    const fixable = (sev: number) => r.findings.filter((f) => eslintSeverity(f) === sev && autoFix(f)).length;
    return {
      filePath: r.filePath,
      messages,
      suppressedMessages: [],
      errorCount: messages.filter((m) => m.severity === 2).length,
      fatalErrorCount: 0,
      // (Info notes are severity 1 too, ESLint having no lower level; they are counted apart, in infoCount.)
      warningCount: messages.filter((m) => m.severity === 1 && !('level' in m && m.level === 'info')).length,
      infoCount: r.findings.filter((f) => f.severity === 'info').length,
      fixableErrorCount: fixable(2),
      fixableWarningCount: fixable(1),
      // Like ESLint: the fixed text as `output` after --fix, else the source when there is something to show.
      ...(r.fixed ? { output: text } : r.findings.length > 0 && r.text !== undefined ? { source: text } : {}),
      usedDeprecatedRules: [],
    };
  });
  return JSON.stringify(out);
};
