// Tables whose cells are separated by single spaces, as text copied out of a PDF viewer (or pdftotext without
// -layout) comes: a header of column words, then rows of a code, a name and one figure per value column.
// The columns cannot be told by position (nothing is aligned), only by order. A blank cell leaves no trace
// in this layout, so a row with fewer figures than value columns cannot be placed: rather than guess, the
// table is refused with a note (a cell read into the wrong column is a false error downstream).
import type { Line, Localized } from '../types';
import { l } from '../messages';
import type { AlignedCell, AlignedResult, AlignedRow } from './aligned';

interface Token {
  start: number;
  end: number;
  text: string;
}

const FIGURE = /^[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[-—–/]$/;
const CODE = /^(\d{3}|\d{5}|\d{7})$/;
/** Header words of the label columns (code, name); the others head value columns. */
const LABEL_WORD = /编码|代码|名称|^项目$|^科目$/;
/** LABEL_WORD anywhere in a line. */
const LABEL_WORD_INSIDE = /编码|代码|名称|项目|科目/;
const MAX_TOKENS = 40;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[^\s\u3000]+/g)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
    if (out.length > MAX_TOKENS) break;
  }
  return out;
}

/** Trailing figures of a row. */
function figuresAtEnd(ts: Token[]): number {
  let k = 0;
  while (k < ts.length && FIGURE.test(ts[ts.length - 1 - k].text)) k++;
  return k;
}

/**
 * Blocks of a header line whose tokens are column words (`isColumnWord`, two or more, no figures) and the
 * rows under it that end with figures, among the `free` lines.
 */
export function findSpacedBlocks(lines: Line[], free: (i: number) => boolean, isColumnWord: (word: string) => boolean): Array<{ first: number; last: number }> {
  const blocks: Array<{ first: number; last: number }> = [];
  for (let i = 0; i < lines.length - 2; i++) {
    // (A header holds a LABEL_WORD: a line without one of its words is not tokenized.)
    if (!free(i) || !LABEL_WORD_INSIDE.test(lines[i].text)) continue;
    const head = tokens(lines[i].text);
    if (head.length < 3 || head.length > MAX_TOKENS || !head.every((t) => isColumnWord(t.text)) || !head.some((t) => LABEL_WORD.test(t.text))) continue;
    let last = i;
    while (last + 1 < lines.length && free(last + 1)) {
      const row = tokens(lines[last + 1].text);
      if (row.length < 2 || figuresAtEnd(row) === 0) break;
      last++;
    }
    if (last - i >= 2) {
      blocks.push({ first: i, last });
      i = last;
    }
  }
  return blocks;
}

const UNPLACED: Localized = l('各栏以单个空格分隔，有的行少了空白栏，各数所在的栏无从确定', 'cells separated by single spaces, and some rows lack their blank cells, so the column of each figure cannot be told');

/** The rows of a block found by findSpacedBlocks, or a refusal when a row's figures do not fill the value columns. */
export function readSpaced(lines: Line[], first: number, last: number): AlignedResult {
  const head = tokens(lines[first].text);
  const labels = head.findIndex((t) => !LABEL_WORD.test(t.text));
  if (labels <= 0) return { refused: UNPLACED };
  const values = head.length - labels;
  const cell = (line: Line, from: Token, to: Token): AlignedCell => ({ start: line.start + from.start, end: line.start + to.end, text: line.text.slice(from.start, to.end).replace(/[\s\u3000]+/g, ''), indent: 0 });
  const rows: AlignedRow[] = [{ line: first, cells: head.map((t) => cell(lines[first], t, t)) }];
  for (let i = first + 1; i <= last; i++) {
    const line = lines[i];
    const ts = tokens(line.text);
    const k = figuresAtEnd(ts);
    if (k !== values || ts.length - k < 1) return { refused: UNPLACED };
    const lead = ts.slice(0, ts.length - k);
    const cells: AlignedCell[] = [];
    const blank = (at: number): AlignedCell => ({ start: line.start + at, end: line.start + at, text: '', indent: 0 });
    if (labels >= 2 && CODE.test(lead[0].text)) {
      cells.push(cell(line, lead[0], lead[0]));
      cells.push(lead.length > 1 ? cell(line, lead[1], lead.at(-1)!) : blank(lead[0].end));
    } else {
      // 合计 / 栏次 in the first label column, as a TSV row writes it.
      cells.push(cell(line, lead[0], lead.at(-1)!));
      if (labels >= 2) cells.push(blank(lead.at(-1)!.end));
    }
    for (let c = 2; c < labels; c++) cells.push(blank(lead.at(-1)!.end));
    for (const t of ts.slice(ts.length - k)) cells.push(cell(line, t, t));
    rows.push({ line: i, cells });
  }
  return { rows };
}
