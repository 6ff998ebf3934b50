// Findings → LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize } from '../core/messages';
import { docsUrl } from '../core/rules/rule';
import type { Finding, Locale, Localized, Position, Range, Severity } from '../core/types';
import type { Analysis } from './analysis';
import { SOURCE, type DiagnosticData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** `message （explanation）`: the finding and its arithmetic in one line, as the problems panel shows it. */
export function diagnosticMessage(f: Pick<Finding, 'message' | 'explanation'>, locale: Locale): string {
  const message = localize(f.message, locale).replace(/[。.]\s*$/, '');
  const explanation = localize(f.explanation, locale).replace(/[。.]\s*$/, '');
  if (!explanation) return message;
  return locale === 'en' ? `${message} (${explanation})` : `${message}（${explanation}）`;
}

export function toDiagnostic(f: Finding, id: number, analysis: Analysis, locale: Locale): Diagnostic {
  const data: DiagnosticData = { id, version: analysis.version, ruleId: f.ruleId };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) },
    message: diagnosticMessage(f, locale),
    relatedInformation: f.related.length
      ? f.related.map((r) => ({ location: { uri: analysis.uri, range: r.range }, message: localize(r.message, locale) }))
      : undefined,
    data,
  };
}

function validPosition(doc: TextDocument, p: Position): boolean {
  if (p.line < 0 || p.character < 0 || p.line >= doc.lineCount) return false;
  const back = doc.positionAt(doc.offsetAt(p));
  return back.line === p.line && back.character === p.character;
}

/** A range that exists in this exact document version (defence: nothing outside the text is ever published). */
export function validRange(doc: TextDocument, r: Range): boolean {
  return validPosition(doc, r.start) && validPosition(doc, r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

/** Diagnostics of an analysis for the document it was computed from (same version). */
export function diagnosticsOf(analysis: Analysis, doc: TextDocument, locale: Locale, log: (m: string) => void): Diagnostic[] {
  const out: Diagnostic[] = [];
  analysis.findings.forEach((f, i) => {
    if (!validRange(doc, f.range)) {
      log(`dropped ${f.ruleId} finding with a range outside ${analysis.uri}@${analysis.version}: ${JSON.stringify(f.range)}`);
      return;
    }
    const d = toDiagnostic(f, i, analysis, locale);
    d.relatedInformation = d.relatedInformation?.filter((r) => validRange(doc, r.location.range));
    out.push(d);
  });
  return out;
}

export function noticeText(notice: Localized | undefined, locale: Locale): string | undefined {
  return notice && localize(notice, locale);
}
