// Pandoc's own table layouts, which `pandoc -t markdown` writes for tables converted from Word:
// grid tables (`+----+----+` borders, a cell's text possibly on several lines) and simple tables (a
// header over a rule of dashes, one run of dashes per column). Both are read into rows of cells; the
// table parser does the rest as for any other layout.
import type { Line } from '../types';
import { unitWidth } from '../text/width';
import { allMatches } from '../text/matches';

export interface PandocCell {
  start: number;
  end: number;
  text: string;
  indent: number;
}

export interface PandocRow {
  line: number;
  cells: PandocCell[];
}

/** `+-----+------+`, `+=====+======+` (the header's lower border), with `:` for alignment. */
export const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
/**
 * A border under some cells only, `+------+------+      |`: the cells whose segment is blank span the rows above and below
 * it (pandoc's row span, as a merged header cell writes it).
 */
const PARTIAL_BORDER = /^\s*[+|](?:(?:[-=:]+|[ ]+)[+|])+\s*$/;
const isBorder = (text: string) => GRID_BORDER.test(text) || (PARTIAL_BORDER.test(text) && /[-=]/.test(text) && text.includes('+'));

/** A simple table's rule: two or more runs of dashes separated by spaces. */
export const DASH_RULE = /^\s*-{2,}(?:[ \t]+-{2,})+\s*$/;

/** The lines of a grid table from its first border: borders and `|` rows, up to the last border. */
export function gridEnd(lines: Line[], first: number): number {
  let last = first;
  for (let i = first + 1; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (GRID_BORDER.test(t)) last = i;
    else if (!t.startsWith('|') && !isBorder(t)) break;
  }
  return last;
}

/**
 * A grid table's rows: the lines between two borders are one row, a cell's text joined over them
 * (a CJK name wrapped in its cell reads as one word). A cell's span is its first non-blank line's.
 */
export function readGrid(lines: Line[], first: number, last: number): PandocRow[] {
  const rows: PandocRow[] = [];
  let current: PandocRow | undefined;
  // (The columns are where the borders' `+` stand, all borders together: a cell spanning several of them, `| 预算数 | 决算数 |` over
  // twelve, is laid over the first with blank cells for the rest, as an HTML colspan is.)
  const bounds = new Set<number>();
  for (let i = first; i <= last; i++) if (isBorder(lines[i].text)) for (const m of allMatches(/\+/g, lines[i].text)) bounds.add(m.index!);
  const columns = [...bounds].sort((a, b) => a - b);
  for (let i = first; i <= last; i++) {
    if (isBorder(lines[i].text)) {
      current = undefined;
      continue;
    }
    const cells = spreadOver(lines[i], pipedCells(lines[i]), columns);
    if (!current || cells.length !== current.cells.length) {
      current = { line: i, cells };
      rows.push(current);
      continue;
    }
    for (let k = 0; k < cells.length; k++) {
      const cell = current.cells[k];
      const more = cells[k];
      if (more.text === '') continue;
      if (cell.text === '') current.cells[k] = more;
      else cell.text += needsSpace(cell.text, more.text) ? ` ${more.text}` : more.text;
    }
  }
  return rows;
}

/** Words of Latin script stay apart when a cell's text goes on on its next line; 汉字 and digits join. */
function needsSpace(before: string, after: string): boolean {
  return /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after);
}

/**
 * The cells of a grid row laid over the table's columns (`columns`: the display positions of the borders' `+`): each at the
 * first column its pipes enclose, blank cells for the other columns it spans. The cells as they are when their pipes stand
 * elsewhere than on the borders' positions (a table drawn by hand).
 */
function spreadOver(line: Line, cells: PandocCell[], columns: number[]): PandocCell[] {
  if (columns.length < 2) return cells;
  const pipes: number[] = [];
  let width = 0;
  const text = line.text;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '|') pipes.push(width);
    width += unitWidth(text.charCodeAt(i), text.charCodeAt(i + 1));
  }
  if (pipes.length !== cells.length + 1 || pipes.some((p) => !columns.includes(p))) return cells;
  const out: PandocCell[] = [];
  for (let k = 0; k < cells.length; k++) {
    const spans = columns.indexOf(pipes[k + 1]) - columns.indexOf(pipes[k]);
    out.push(cells[k]);
    for (let extra = 1; extra < spans; extra++) out.push({ start: cells[k].end, end: cells[k].end, text: '', indent: 0 });
  }
  return out;
}

/** The trimmed texts between the `|` of a grid row. */
function pipedCells(line: Line): PandocCell[] {
  const text = line.text;
  const cells: PandocCell[] = [];
  let from = text.indexOf('|');
  while (from >= 0) {
    const to = text.indexOf('|', from + 1);
    if (to < 0) break;
    const raw = text.slice(from + 1, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    cells.push({ start: line.start + from + 1 + lead, end: line.start + from + 1 + lead + trimmed.length, text: trimmed, indent: 0 });
    from = to;
  }
  return cells;
}

/**
 * A simple table around the rule at `rule`: its header lines right above (one or two), its rows below up to
 * a blank line. Undefined when there is no header or no row.
 */
export function simpleTableAround(lines: Line[], rule: number, free: (i: number) => boolean): { first: number; last: number } | undefined {
  let first = rule;
  while (first > 0 && rule - first < 2 && free(first - 1) && lines[first - 1].text.trim() !== '' && !DASH_RULE.test(lines[first - 1].text)) first--;
  let last = rule;
  while (last + 1 < lines.length && free(last + 1) && lines[last + 1].text.trim() !== '') last++;
  // (A closing rule of dashes ends the table: it is no row.)
  if (last > rule && DASH_RULE.test(lines[last].text)) last--;
  return first < rule && last > rule ? { first, last } : undefined;
}

/**
 * A simple table's rows: each column is a run of dashes of the rule, in display columns (a 汉字 takes two,
 * as pandoc lays them out); a line's characters go to the run they stand over, or in a gap to the nearer run.
 */
export function readSimple(lines: Line[], first: number, rule: number, last: number): PandocRow[] {
  const runs: Array<{ from: number; to: number }> = [];
  for (const m of allMatches(/-+/g, lines[rule].text)) runs.push({ from: m.index!, to: m.index! + m[0].length - 1 });
  const rows: PandocRow[] = [];
  for (let i = first; i <= last; i++) {
    if (i === rule || DASH_RULE.test(lines[i].text)) continue;
    const line = lines[i];
    const cells: PandocCell[] = runs.map(() => ({ start: -1, end: -1, text: '', indent: 0 }));
    // Words go whole to the run they overlap most, or the nearest: a header word the converter set off its column
    // (`基本支出` across a gap) is not cut in two.
    for (const word of wordsOf(line.text)) {
      let best = 0;
      let bestScore = -Infinity;
      for (let k = 0; k < runs.length; k++) {
        const overlap = Math.min(word.right, runs[k].to + 1) - Math.max(word.left, runs[k].from);
        const score = overlap > 0 ? overlap : -Math.min(Math.abs(word.left - runs[k].to), Math.abs(runs[k].from - word.right));
        if (score > bestScore) {
          best = k;
          bestScore = score;
        }
      }
      const cell = cells[best];
      if (cell.start < 0) cell.start = line.start + word.start;
      cell.end = line.start + word.end;
    }
    for (const cell of cells) {
      if (cell.start < 0) cell.start = cell.end = line.start + line.text.length;
      else cell.text = lines[i].text.slice(cell.start - line.start, cell.end - line.start);
    }
    rows.push({ line: i, cells });
  }
  return rows;
}

/** The words of a line (runs of characters between spaces), with their display columns. */
function wordsOf(text: string): Array<{ start: number; end: number; left: number; right: number }> {
  const words: Array<{ start: number; end: number; left: number; right: number }> = [];
  let x = 0;
  let open: { start: number; end: number; left: number; right: number } | undefined;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    const w = c === 0x09 ? 8 - (x % 8) : unitWidth(c, text.charCodeAt(j + 1));
    if (c === 0x20 || c === 0x09 || w === 0) open = undefined;
    else if (open) {
      open.end = j + 1;
      open.right = x + w;
    } else {
      open = { start: j, end: j + 1, left: x, right: x + w };
      words.push(open);
    }
    x += w;
  }
  return words;
}
