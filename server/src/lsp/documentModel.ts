// The `juesuanLint/documentModel` answer: the analysis localized for the client's table preview.
import { localize } from '../core/messages';
import type { Locale } from '../core/types';
import type { Analysis } from './analysis';
import type { DocumentModelResult } from './protocol';

export function documentModelResult(analysis: Analysis, locale: Locale): DocumentModelResult {
  const tokenById = new Map(analysis.tokens.map((t) => [t.id, t]));
  return {
    version: analysis.version,
    locale,
    tables: analysis.tables.map((t) => ({
      id: t.id,
      title: t.title,
      code: t.code,
      kind: t.kind,
      unit: t.unit,
      range: t.range,
      rows: t.rows.map((r) => ({
        kind: r.kind,
        code: r.code,
        label: r.label,
        range: r.range,
        cells: r.cells.map((c, col) => ({
          text: c.text,
          range: c.range,
          headerPath: t.columns[col]?.headerPath ?? [],
          columnNumber: t.columns[col]?.columnNumber,
          token: c.token,
          findingIds: c.findingIds,
          status: c.status,
        })),
      })),
    })),
    claims: analysis.claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      description: localize(c.description, locale),
      status: c.status,
      explanation: c.verdicts.map((v) => localize(v.explanation, locale)).join('\n'),
      range: c.range,
      tokens: c.tokens.flatMap((id) => {
        const t = tokenById.get(id);
        return t ? [{ id, text: t.raw, label: t.label, range: t.range }] : [];
      }),
    })),
    findings: analysis.findings.map((f, id) => ({
      id,
      ruleId: f.ruleId,
      severity: f.severity,
      message: localize(f.message, locale),
      explanation: localize(f.explanation, locale),
      range: f.range,
    })),
    summary: analysis.summary,
    notice: analysis.notice && localize(analysis.notice, locale),
  };
}
