// Outline: the report's sections (nested by heading level) with its tables inside them.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/types';
import type { Detail } from './analysis';

export function documentSymbols(detail: Detail, doc: TextDocument): DocumentSymbol[] {
  const range = (s: Span) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });
  const bySection = new Map<number, DocumentSymbol>();
  const roots: DocumentSymbol[] = [];
  for (const s of detail.sections) {
    const symbol: DocumentSymbol = {
      name: s.title || '…',
      kind: s.level <= 1 ? SymbolKind.Module : SymbolKind.Namespace,
      range: range(s.span),
      selectionRange: range(s.headingSpan),
      children: [],
    };
    bySection.set(s.id, symbol);
    const parent = s.parent === undefined ? undefined : bySection.get(s.parent);
    (parent?.children ?? roots).push(symbol);
  }
  for (const t of detail.tables) {
    const name = [t.code, t.title].filter(Boolean).join(' ') || `表 ${t.id + 1}`;
    // The title line sits above the rows: the symbol covers both.
    const start = Math.min(t.titleSpan?.start ?? t.span.start, t.span.start);
    const symbol: DocumentSymbol = {
      name,
      detail: t.unit,
      kind: SymbolKind.Struct,
      range: range({ start, end: t.span.end }),
      selectionRange: range(t.titleSpan ?? { start: t.span.start, end: t.span.start }),
      children: [],
    };
    // The innermost section containing the table (title included).
    let home: DocumentSymbol | undefined;
    let homeLevel = -1;
    for (const s of detail.sections) {
      if (s.span.start <= start && t.span.end <= s.span.end && s.level > homeLevel) {
        home = bySection.get(s.id);
        homeLevel = s.level;
      }
    }
    (home?.children ?? roots).push(symbol);
  }
  const order = (list: DocumentSymbol[]) => {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const s of list) order(s.children ?? []);
  };
  order(roots);
  return roots;
}
