// Standard tables whose merged header cells a converter dropped (公开09表, 公开07/08表): their standard columns laid out again.
import type { TableCell } from '../types';
import { newCell } from './cells';

const NUMBER = /^\s*[-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*$/;
/** A figure cell, or one a template left blank with a dash. */
const FIGURE = /^\s*(?:[-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?|[-－—])\s*$/;

type Rows = Array<{ cells: TableCell[] }>;

/**
 * The standard 三公 columns of one group (预算数 or 决算数), each named by the item over it and, under
 * 公务用车购置及运行维护费, by its sub-column.
 */
const ITEMS = [/^合计$/, /因公出国/, /公务用车购置及运行维护/, /公务接待/];
const ITEM_OF_COLUMN = [0, 1, 2, 2, 2, 3];
const SUBS = [/^小计$/, /购置费$/, /运行(?:维护)?费$/];
const SUB_OF_COLUMN = [-1, -1, 0, 1, 2, -1];
const GROUP = /预算|决算/;

type Kind = 'group' | 'item' | 'sub';

/**
 * `| 预算数 | 决算数 |` / `| 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费 | 合计 | … |` / `| 小计 | 购置费 |
 * 运行维护费 | 小计 | … |` over rows of twelve figures: each header row holds only the cells it had words in, so they no
 * longer stand over their columns. When every header row is one of these three levels, they are rebuilt on the standard
 * columns (a merged cell's words under each column it spans). Any other layout is left as it is.
 */
export function standardSangongHeaders(title: string | undefined, rows: Rows): void {
  if (!title || !/三公/.test(title)) return;
  const headers = headerCount(rows, NUMBER);
  if (headers < 2 || headers === rows.length) return;
  const data = rows.slice(headers);
  const width = widest(data);
  // (A row label before the figures: `决算数 | 30.18 | …`.)
  const labels = data[0].cells.length === width && !NUMBER.test(data[0].cells[0].text) && data[0].cells[0].text.trim() !== '' ? 1 : 0;
  const values = width - labels;
  const groups = values / 6;
  if (groups !== 1 && groups !== 2) return;
  const levels: Array<{ kind: Kind; label?: TableCell; own: TableCell[] }> = [];
  for (const row of rows.slice(0, headers)) {
    if (row.cells.length >= width) return;
    const words = wordsOf(row);
    const label = opensWithLabel(words) ? words[0] : undefined;
    const own = label ? words.slice(1) : words;
    const kind = kindOf(own.map((c) => c.text.trim()), groups);
    if (!kind) return;
    levels.push({ kind, label, own });
  }
  if (!levels.some((level) => level.kind === 'item')) return;
  levels.forEach(({ kind, label, own }, h) => {
    const row = rows[h];
    const layout: Array<TableCell | undefined> = [];
    for (let col = 0; col < labels; col++) layout.push(label);
    for (let g = 0; g < groups; g++) {
      for (let k = 0; k < 6; k++) {
        if (kind === 'group') layout.push(own[g]);
        else if (kind === 'item') layout.push(own[g * 4 + ITEM_OF_COLUMN[k]]);
        else layout.push(SUB_OF_COLUMN[k] < 0 ? undefined : own[g * 3 + SUB_OF_COLUMN[k]]);
      }
    }
    row.cells = laidOut(row, layout);
  });
}

/** The words open with a row label's header (`项目`) before the level's own. */
function opensWithLabel(words: TableCell[]): boolean {
  const first = words[0]?.text.trim() ?? '';
  return first !== '' && !GROUP.test(first) && !ITEMS.some((re) => re.test(first)) && !SUBS.some((re) => re.test(first));
}

function kindOf(words: string[], groups: number): Kind | undefined {
  if (words.length === groups && words.every((w) => GROUP.test(w) && !ITEMS.slice(1).some((re) => re.test(w)))) return 'group';
  if (words.length === groups * 4 && words.every((w, i) => ITEMS[i % 4].test(w))) return 'item';
  if (words.length === groups * 3 && words.every((w, i) => SUBS[i % 3].test(w))) return 'sub';
  return undefined;
}

/**
 * 公开07/08表: `科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出（小计 | 基本支出 | 项目支出）| 年末结转和结余`. Over rows of a
 * code, a name and six figures, header rows that lost their blank cells (`项目 | 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余`
 * / `科目编码 | 科目名称 | 小计 | 基本支出 | 项目支出` / `栏次 | 1 | … | 6`) are rebuilt on those eight columns.
 */
const FUND_TOP = [/年初结转和?结余/, /本年收入/, /本年支出/, /年末结转和?结余/];
const FUND_TOP_OF_COLUMN = [0, 1, 2, 2, 2, 3];
const FUND_SUB = [/^小计$/, /基本支出/, /项目支出/];
const FUND_SUB_OF_COLUMN = [-1, -1, 0, 1, 2, -1];

export function standardFundHeaders(title: string | undefined, rows: Rows): void {
  if (!title || !/政府性基金|国有资本经营/.test(title)) return;
  const headers = headerCount(rows, FIGURE, 2);
  if (headers < 2 || headers === rows.length) return;
  if (widest(rows.slice(headers)) !== 8) return;
  const layouts: Array<Array<TableCell | undefined>> = [];
  for (const row of rows.slice(0, headers)) {
    if (row.cells.length >= 8) return;
    const words = wordsOf(row);
    const texts = words.map((c) => c.text.trim());
    // (Labels over the code and the name, if the row has any: `项目`, `科目编码 | 科目名称`.)
    let lead = 0;
    while (lead < words.length && lead < 2 && !FUND_TOP.some((re) => re.test(texts[lead])) && !FUND_SUB.some((re) => re.test(texts[lead])) && !/^\d+$/.test(texts[lead])) lead++;
    const own = texts.slice(lead);
    const labels: Array<TableCell | undefined> = [words[0], lead === 2 ? words[1] : undefined].map((w, k) => (k < lead ? w : undefined));
    if (own.length === 4 && own.every((w, i) => FUND_TOP[i].test(w))) layouts.push([...labels, ...FUND_TOP_OF_COLUMN.map((i) => words[lead + i])]);
    else if (own.length === 3 && own.every((w, i) => FUND_SUB[i].test(w))) layouts.push([...labels, ...FUND_SUB_OF_COLUMN.map((i) => (i < 0 ? undefined : words[lead + i]))]);
    // (`栏次 | 1 | 2 | … | 6`: 栏次 over the name, the numbers over the figures.)
    else if (lead === 1 && texts[0] === '栏次' && own.length === 6 && own.every((w, i) => w === String(i + 1))) layouts.push([undefined, words[0], ...words.slice(1)]);
    else return;
  }
  layouts.forEach((layout, h) => (rows[h].cells = laidOut(rows[h], layout)));
}

/** The leading rows with no figure; `fromColumn`: figures from that column on (codes before it), a `栏次` row a header's. */
function headerCount(rows: Rows, figure: RegExp, fromColumn = 0): number {
  let headers = 0;
  const isFigure = (c: TableCell) => c.col >= fromColumn && figure.test(c.text);
  while (headers < rows.length && (!rows[headers].cells.some(isFigure) || (fromColumn > 0 && rows[headers].cells.some((c) => c.text.trim() === '栏次')))) headers++;
  return headers;
}

/** (Reduce, not spread: a table of many rows has more than the stack has room for.) */
function widest(rows: Rows): number {
  return rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
}

function wordsOf(row: { cells: TableCell[] }): TableCell[] {
  return row.cells.filter((c) => c.text.trim() !== '');
}

/** A row's cells for `layout` (a merged cell's words under each column it spans, with its span; a blank where none). */
function laidOut(row: { cells: TableCell[] }, layout: Array<TableCell | undefined>): TableCell[] {
  const cells: TableCell[] = [];
  layout.forEach((from, col) => {
    const end = cells.at(-1)?.span.end ?? row.cells[0].span.start;
    cells.push(from ? { ...from, col, span: { ...from.span } } : newCell(col, end, end, '', 0));
  });
  return cells;
}
