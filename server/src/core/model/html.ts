// HTML tables inside Markdown (`<table><tr><td>…</td></tr></table>`, what PDF converters such as MinerU
// write for tables with merged cells): rows and cells with their offsets in the text, merged cells
// spread over the grid the way the other readers leave them (the label in the first column of its span,
// blanks in the rest), so the same header and body analysis applies.
import { indentOf } from '../text/chars';
import type { Line } from '../types';
import { allMatches } from '../text/matches';

export interface HtmlCell {
  start: number;
  end: number;
  text: string;
  indent: number;
}

export interface HtmlRow {
  /** Line of the row's `<tr>` (a table written on one line has all its rows on it). */
  line: number;
  cells: HtmlCell[];
}

const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<\/tr\s*>|<tr\b|<\/table\s*>|$)/gi;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)(?=<\/t[dh]\s*>|<t[dh]\b|<\/tr\s*>|$)/gi;
const SPAN = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,3})`, 'i');
const COLSPAN = SPAN('colspan');
const ROWSPAN = SPAN('rowspan');

/** A line that opens an HTML table. */
// (Rows whose `<table>` was lost in copying, `<tr><td>…` lines up to a `</table>`, are a table too.)
export const opensHtmlTable = (text: string) => /<table\b|^\s*<tr[\s>]/i.test(text);
/** A line that closes one. */
export const closesHtmlTable = (text: string) => /<\/table\s*>/i.test(text);

/** The rows of the HTML table on lines first..last of `text`. */
export function readHtmlTable(text: string, lines: Line[], first: number, last: number): HtmlRow[] {
  const from = lines[first].start;
  const source = text.slice(from, lines[last].end);
  const rows: HtmlRow[] = [];
  // Columns still covered by a cell of a row above (rowspan): column → rows left.
  const covered = new Map<number, number>();
  let line = first;
  for (const row of allMatches(ROW, source)) {
    const rowStart = from + row.index!;
    while (line < last && lines[line + 1].start <= rowStart) line++;
    const contentStart = rowStart + row[0].length - row[1].length;
    const cells: HtmlCell[] = [];
    const skipCovered = (at: number) => {
      while ((covered.get(cells.length) ?? 0) > 0) {
        covered.set(cells.length, covered.get(cells.length)! - 1);
        cells.push({ start: at, end: at, text: '', indent: 0 });
      }
    };
    for (const cell of allMatches(CELL, row[1])) {
      const start = contentStart + cell.index! + cell[0].length - cell[3].length;
      skipCovered(contentStart + cell.index!);
      const plain = plainText(cell[3]);
      const lead = plain.length - plain.trimStart().length;
      const trimmed = plain.trim();
      const colspan = Math.max(1, Number(COLSPAN.exec(cell[2])?.[1] ?? 1));
      const rowspan = Math.max(1, Number(ROWSPAN.exec(cell[2])?.[1] ?? 1));
      if (rowspan > 1) for (let k = 0; k < colspan; k++) covered.set(cells.length + k, rowspan - 1);
      cells.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed, indent: indentOf(plain.replace(/^ +/, '')) });
      for (let k = 1; k < colspan; k++) cells.push({ start: start + plain.length, end: start + plain.length, text: '', indent: 0 });
    }
    skipCovered(rowStart + row[0].length);
    if (cells.length > 0) rows.push({ line, cells });
  }
  return rows;
}

/**
 * `<br>` in a cell as a line break and the space entities (`&nbsp;`, `&#160;`) as spaces, each padded to its
 * length so that offsets stay: Markdown and HTML cells alike (a stacked header cell splits at the break).
 */
export function breaksAndSpaces(cell: string): string {
  if (!cell.includes('<') && !cell.includes('&')) return cell;
  return cell.replace(/<br\s*\/?>/gi, (tag) => '\n' + ' '.repeat(tag.length - 1)).replace(/&nbsp;|&#(?:160|32|12288|x[aA]0);/gi, (entity) => ' '.repeat(entity.length));
}

/**
 * A cell's content with its markup blanked out, offsets kept: tags and `&nbsp;` become spaces, `<br>`
 * a line break (a stacked header splits there, as in Markdown cells), the other common entities one
 * character padded with spaces.
 */
function plainText(content: string): string {
  return breaksAndSpaces(content)
    .replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length))
    .replace(/&(amp|lt|gt|quot);/gi, (entity, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name.toLowerCase()]! + ' '.repeat(entity.length - 1));
}
