// 公开09表 whose merged header cells a converter dropped: its standard columns laid out again.
import type { TableCell } from '../types';

/**
 * The standard 三公 columns of one group (预算数 or 决算数), each named by the item over it and, under
 * 公务用车购置及运行维护费, by its sub-column.
 */
const ITEMS = [/^合计$/, /因公出国/, /公务用车购置及运行维护/, /公务接待/];
const ITEM_OF_COLUMN = [0, 1, 2, 2, 2, 3];
const SUBS = [/^小计$/, /购置费$/, /运行(?:维护)?费$/];
const SUB_OF_COLUMN = [-1, -1, 0, 1, 2, -1];
const GROUP = /预算|决算/;
const NUMBER = /^\s*[-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*$/;

type Kind = 'group' | 'item' | 'sub';

/**
 * `| 预算数 | 决算数 |` / `| 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费 | 合计 | … |` / `| 小计 | 购置费 |
 * 运行维护费 | 小计 | … |` over rows of twelve figures: each header row holds only the cells it had words in, so they no
 * longer stand over their columns. When every header row is one of these three levels, they are rebuilt on the standard
 * columns (a merged cell's words under each column it spans). Any other layout is left as it is.
 */
export function standardSangongHeaders(title: string | undefined, rows: Array<{ cells: TableCell[] }>): void {
  if (!title || !/三公/.test(title)) return;
  let headers = 0;
  while (headers < rows.length && !rows[headers].cells.some((c) => NUMBER.test(c.text))) headers++;
  if (headers < 2 || headers === rows.length) return;
  const data = rows.slice(headers);
  // (Reduce, not spread: a table of many rows has more than the stack has room for.)
  const width = data.reduce((w, r) => Math.max(w, r.cells.length), 0);
  // (A row label before the figures: `决算数 | 30.18 | …`.)
  const labels = data[0].cells.length === width && !NUMBER.test(data[0].cells[0].text) && data[0].cells[0].text.trim() !== '' ? 1 : 0;
  const values = width - labels;
  const groups = values / 6;
  if (groups !== 1 && groups !== 2) return;
  const levels: Array<{ kind: Kind; label?: TableCell; own: TableCell[] }> = [];
  for (const row of rows.slice(0, headers)) {
    if (row.cells.length >= width) return;
    const words = row.cells.filter((c) => c.text.trim() !== '');
    const label = opensWithLabel(words) ? words[0] : undefined;
    const own = label ? words.slice(1) : words;
    const kind = kindOf(own.map((c) => c.text.trim()), groups);
    if (!kind) return;
    levels.push({ kind, label, own });
  }
  if (!levels.some((level) => level.kind === 'item')) return;
  levels.forEach(({ kind, label, own }, h) => {
    const row = rows[h];
    const cells: TableCell[] = [];
    // (A merged cell's words under each column it spans, with its span; a blank where the level has no words.)
    const at = (col: number, from: TableCell | undefined) => {
      const end = cells.at(-1)?.span.end ?? row.cells[0].span.start;
      cells.push(from ? { ...from, col, span: { ...from.span } } : { ...row.cells[0], col, span: { start: end, end }, text: '', number: undefined, indent: 0 });
    };
    for (let col = 0; col < labels; col++) at(col, label);
    for (let g = 0; g < groups; g++) {
      for (let k = 0; k < 6; k++) {
        const col = labels + g * 6 + k;
        if (kind === 'group') at(col, own[g]);
        else if (kind === 'item') at(col, own[g * 4 + ITEM_OF_COLUMN[k]]);
        else at(col, SUB_OF_COLUMN[k] < 0 ? undefined : own[g * 3 + SUB_OF_COLUMN[k]]);
      }
    }
    row.cells = cells;
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
