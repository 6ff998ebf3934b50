// The `juesuanLint/documentModel` answer: the analysis localized for the client's table preview.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize } from '../core/messages';
import type { Locale, Span } from '../core/types';
import type { Analysis } from './analysis';
import type { DocumentModelResult } from './protocol';

/** `doc` is the text the analysis was computed from. */
export async function documentModelResult(analysis: Analysis, doc: TextDocument, locale: Locale): Promise<DocumentModelResult> {
  const detail = await analysis.detail();
  const text = doc.getText();
  const range = (s: Span) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });
  const tokenById = new Map(detail.tokens.map((t) => [t.id, t]));
  return {
    version: analysis.version,
    locale,
    tables: detail.tables.map((t) => ({
      id: t.id,
      title: t.title,
      code: t.code,
      kind: t.kind,
      unit: t.unit,
      range: range(t.span),
      rows: t.rows.map((r) => ({
        kind: r.kind,
        code: r.code,
        label: r.label,
        range: range(r.span),
        cells: r.cells.map((c, col) => ({
          text: text.slice(c.span.start, c.span.end),
          range: range(c.span),
          headerPath: t.columns[col]?.headerPath ?? [],
          columnNumber: t.columns[col]?.columnNumber,
          token: c.token,
          findingIds: c.findingIds ?? [],
          status: c.status ?? 'unchecked',
        })),
      })),
    })),
    claims: detail.claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      description: localize(c.description, locale),
      status: c.status,
      explanation: c.verdicts.map((v) => localize(v.explanation, locale)).join('\n'),
      range: range(c.span),
      tokens: c.tokens.flatMap((id) => {
        const t = tokenById.get(id);
        return t ? [{ id, text: t.raw, label: t.label, range: range(t.span) }] : [];
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
