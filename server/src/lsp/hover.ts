// Hover: the relations a number takes part in (with the exact arithmetic), and where a table cell sits.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize } from '../core/messages';
import type { Locale, Range, Span } from '../core/types';
import type { ClaimView, Detail, TableView, TokenView } from './analysis';

/** Escapes Markdown punctuation in report text (labels may contain `*`, `_`, `[`, `|` …). */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]{}<>#|!~]/g, (c) => `\\${c}`);
}

const STATUS: Record<string, { mark: string; 'zh-cn': string; en: string }> = {
  ok: { mark: '✓', 'zh-cn': '相符', en: 'holds' },
  info: { mark: 'ℹ', 'zh-cn': '提示', en: 'info' },
  warning: { mark: '⚠', 'zh-cn': '警告', en: 'warning' },
  error: { mark: '✗', 'zh-cn': '错误', en: 'error' },
};

/** The token whose span contains the offset (a cursor just after the last digit counts too). */
export function tokenAt(tokens: TokenView[], offset: number): TokenView | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid].span;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return tokens[mid];
  }
  return undefined;
}

type Row = TableView['rows'][number];

export function cellAt(detail: Detail, offset: number): { table: TableView; row: Row; col: number } | undefined {
  for (const table of detail.tables) {
    if (offset < table.span.start || offset > table.span.end) continue;
    for (const row of table.rows) {
      if (offset < row.span.start || offset > row.span.end) continue;
      const col = row.cells.findIndex((c) => offset >= c.span.start && offset <= c.span.end);
      if (col >= 0) return { table, row, col };
    }
  }
  return undefined;
}

function claimSection(claim: ClaimView, locale: Locale): string {
  const lines = [`**${md(localize(claim.description, locale))}**`];
  if (claim.verdicts.length === 0) lines.push(locale === 'en' ? '_not checked_' : '_未核对_');
  for (const v of claim.verdicts) {
    const s = STATUS[v.status] ?? STATUS.info;
    const label = v.status === 'ok' ? s.mark : `${s.mark} ${s[locale]} (${v.ruleId})`;
    lines.push(`${label} ${md(localize(v.explanation, locale))}`);
  }
  return lines.join('  \n');
}

function cellSection(table: TableView, row: Row, col: number, line: number, locale: Locale): string {
  const en = locale === 'en';
  const name = [table.code, table.title].filter(Boolean).join(' ') || (en ? `table ${table.id + 1}` : `表 ${table.id + 1}`);
  const column = table.columns[col];
  const header = column?.headerPath.length ? column.headerPath.join(' › ') : en ? `column ${col + 1}` : `第 ${col + 1} 列`;
  const columnNumber = column?.columnNumber ? (en ? ` (col. ${column.columnNumber})` : `（栏次 ${column.columnNumber}）`) : '';
  const rowName = [row.code, row.label].filter(Boolean).join(' ') || (en ? `row ${line + 1}` : `第 ${line + 1} 行`);
  return [`**${md(name)}**（${md(table.unit)}）`, `${en ? 'Row' : '行'}：${md(rowName)}`, `${en ? 'Column' : '列'}：${md(header)}${md(columnNumber)}`].join('  \n');
}

/** Markdown for the hover at `offset` of `doc` (the analysed text), or undefined when nothing there is checked or tabulated. */
export function hoverMarkdown(detail: Detail, doc: TextDocument, offset: number, locale: Locale): { markdown: string; range: Range } | undefined {
  const token = tokenAt(detail.tokens, offset);
  const cell = cellAt(detail, offset);
  if (!token && !cell) return undefined;
  const parts: string[] = [];
  if (token) {
    const label = token.label ? ` · ${md(token.label)}` : '';
    parts.push(`\`${token.raw.replace(/`/g, '')}\`${md(token.unitText)}${label}`);
  }
  if (cell) parts.push(cellSection(cell.table, cell.row, cell.col, doc.positionAt(cell.row.span.start).line, locale));
  const claims = token?.claims.map((id) => detail.claims[id]).filter(Boolean) ?? [];
  if (claims.length) parts.push(claims.map((c) => claimSection(c, locale)).join('\n\n'));
  else if (token) parts.push(locale === 'en' ? '_Not part of any checked relation._' : '_未参与任何核对关系。_');
  const span: Span = token?.span ?? cell!.row.cells[cell!.col].span;
  return { markdown: parts.join('\n\n---\n\n'), range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) } };
}
