// Outline: the report's sections (nested by heading level) with its tables inside them.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Analysis } from './analysis';

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const bySection = new Map<number, DocumentSymbol>();
  const roots: DocumentSymbol[] = [];
  for (const s of analysis.sections) {
    const symbol: DocumentSymbol = {
      name: s.title || '…',
      kind: s.level <= 1 ? SymbolKind.Module : SymbolKind.Namespace,
      range: s.range,
      selectionRange: s.headingRange,
      children: [],
    };
    bySection.set(s.id, symbol);
    const parent = s.parent === undefined ? undefined : bySection.get(s.parent);
    (parent?.children ?? roots).push(symbol);
  }
  for (const t of analysis.tables) {
    const name = [t.code, t.title].filter(Boolean).join(' ') || `表 ${t.id + 1}`;
    const symbol: DocumentSymbol = {
      name,
      detail: t.unit,
      kind: SymbolKind.Struct,
      range: { start: t.titleRange?.start ?? t.range.start, end: t.range.end },
      selectionRange: t.titleRange ?? { start: t.range.start, end: t.range.start },
      children: [],
    };
    // The innermost section containing the table.
    let home: DocumentSymbol | undefined;
    let homeLevel = -1;
    for (const s of analysis.sections) {
      if (s.span.start <= t.span.start && t.span.end <= s.span.end && s.level > homeLevel) {
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
