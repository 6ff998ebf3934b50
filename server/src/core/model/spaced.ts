// Tables whose cells are separated by single spaces, as text copied out of a PDF viewer (or pdftotext without
// -layout) comes: a header of column words, then rows of a code, a name and one figure per value column.
// The columns cannot be told by position (nothing is aligned), only by order. A blank cell leaves no trace
// in this layout, so a row with fewer figures than value columns cannot be placed: rather than guess, the
// table is refused with a note (a cell read into the wrong column is a false error downstream).
import type { Line, Localized } from '../types';
import { l } from '../messages';
import type { AlignedCell, AlignedResult, AlignedRow } from './aligned';
import { allMatches } from '../text/matches';

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
  for (const m of allMatches(/[^\s\u3000]+/g, text)) {
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
    while (last + 1 < lines.length && free(last + 1) && CODE_LEVELS.test(lines[last + 1].text)) last++;
    const headerEnd = last;
    const twoSided = isTwoSided(head);
    while (last + 1 < lines.length && free(last + 1)) {
      const row = tokens(lines[last + 1].text);
      if ((row.length >= 2 && figuresAtEnd(row) > 0) || (twoSided && twoSidedRow(row))) {
        last++;
        continue;
      }
      const wrapped = wrappedRowEnd(lines, last + 1, free);
      if (wrapped < 0) break;
      last = wrapped;
    }
    if (last - headerEnd >= 2) {
      blocks.push({ first: i, last });
      i = last;
    }
  }
  return blocks;
}

/** `类 款 项` under the column words: the code column's parts, no row. */
const CODE_LEVELS = /^\s*[类款项](?:[\s\u3000]+[类款项]){1,2}\s*$/;

/**
 * A row the PDF's text wrapped over lines (`2080506` / `险机缴关费事支业出单位职业年金缴` / `116.59 116.59 0.00`): its code
 * alone (with the start of its name at most), up to two lines of name without figures, then its figures alone. The
 * index of the figures' line, or −1.
 */
function wrappedRowEnd(lines: Line[], at: number, free: (i: number) => boolean): number {
  const head = tokens(lines[at].text);
  if (head.length === 0 || !CODE.test(head[0].text) || head.some((t) => FIGURE.test(t.text) && t !== head[0])) return -1;
  for (let k = at + 1; k <= at + 3 && k < lines.length && free(k); k++) {
    const ts = tokens(lines[k].text);
    if (ts.length === 0) return -1;
    if (ts.every((t) => FIGURE.test(t.text))) return k > at + 1 || head.length > 1 ? k : -1;
    if (ts.some((t) => FIGURE.test(t.text))) return -1;
  }
  return -1;
}

const UNPLACED: Localized = l('各栏以单个空格分隔，有的行少了空白栏，各数所在的栏无从确定', 'cells separated by single spaces, and some rows lack their blank cells, so the column of each figure cannot be told');

/** An empty cell at an offset of the text: a blank the copy left no trace of. */
const emptyAt = (offset: number): AlignedCell => ({ start: offset, end: offset, text: '', indent: 0 });

/** A header row of column names the layout does not spell out, placed at the start of the block's first line. */
const namesRow = (lines: Line[], first: number, names: readonly string[]): AlignedRow => ({ line: first, cells: names.map((text) => ({ start: lines[first].start, end: lines[first].start, text, indent: 0 })), header: true });

/** A cell of the tokens `from` … `to` of a line, its spaces dropped. */
const cell = (line: Line, from: Token, to: Token): AlignedCell => ({ start: line.start + from.start, end: line.start + to.end, text: line.text.slice(from.start, to.end).replace(/[\s\u3000]+/g, ''), indent: 0 });

/** The rows of a block found by findSpacedBlocks, or a refusal when a row's figures do not fill the value columns. */
export function readSpaced(lines: Line[], first: number, last: number): AlignedResult {
  const head = tokens(lines[first].text);
  if (isTwoSided(head)) return readTwoSided(lines, first, last, head);
  const labels = head.findIndex((t) => !LABEL_WORD.test(t.text));
  if (labels <= 0) return { refused: UNPLACED };
  const values = head.length - labels;
  const rows: AlignedRow[] = [{ line: first, cells: head.map((t) => cell(lines[first], t, t)) }];
  const free = () => true;
  for (let i = first + 1; i <= last; i++) {
    const line = lines[i];
    if (CODE_LEVELS.test(line.text)) continue;
    const wrapped = wrappedRowEnd(lines, i, free);
    if (wrapped > 0) {
      // Code, name (its words as extracted, however scrambled) and the figures of the last line.
      const code = tokens(line.text);
      const figures = tokens(lines[wrapped].text);
      if (figures.length !== values) return { refused: UNPLACED };
      const nameLine = code.length > 1 ? i : i + 1;
      const nameTokens = tokens(lines[nameLine].text).slice(nameLine === i ? 1 : 0);
      const cells: AlignedCell[] = [cell(line, code[0], code[0]), cell(lines[nameLine], nameTokens[0], nameTokens.at(-1)!)];
      for (let c = 2; c < labels; c++) cells.push(emptyAt(line.start + code[0].end));
      for (const t of figures) cells.push(cell(lines[wrapped], t, t));
      rows.push({ line: i, cells });
      i = wrapped;
      continue;
    }
    const ts = tokens(line.text);
    const k = figuresAtEnd(ts);
    if (k !== values || ts.length - k < 1) return { refused: UNPLACED };
    const lead = ts.slice(0, ts.length - k);
    const cells: AlignedCell[] = [];
    const blank = (at: number): AlignedCell => emptyAt(line.start + at);
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

/** A body row's first word: a subject code, or the total's label. */
const ROW_START = /^(?:\d{3}|\d{5}|\d{7}|合计|总计)$/;
/** Header words that head no value column (or number the columns). */
const NOT_A_VALUE_LABEL = /^(?:项目|科目|栏次|行次|[类款项]|\d+)$|编码|代码|名称|单位[:：]/;

interface Placed {
  line: number;
  token: Token;
}

/**
 * A table laid out with nothing aligned, read by order: a web page's cells a run of spaces apart (`项目   本年收入合计
 * 财政拨款收入 …` / `栏次   1   2   …   7` / `201   一般公共服务支出   1543.73   …`, which the layout reader refuses), or
 * one cell a line (`cellPerLine`: a row then runs from its code or 合计 to the next). Read when a 栏次 row says how
 * many value columns there are, the header names that many, and every row has exactly that many figures: a blank cell
 * leaves no trace here, so one row short refuses the table.
 */
export function readOrdered(lines: Line[], first: number, last: number, cellPerLine = false): AlignedResult {
  // The rows as token lists: a line each, or (one cell a line) from one row start to the next.
  const rows: Placed[][] = [];
  for (let i = first; i <= last; i++) {
    const ts = tokens(lines[i].text);
    if (ts.length === 0) continue;
    if (!cellPerLine) {
      rows.push(ts.map((token) => ({ line: i, token })));
      continue;
    }
    const placed = { line: i, token: { start: ts[0].start, end: ts.at(-1)!.end, text: lines[i].text.trim().replace(/[\s\u3000]+/g, '') } };
    const opens = ROW_START.test(placed.token.text) || /^栏次$/.test(placed.token.text) || rows.length === 0;
    if (opens) rows.push([placed]);
    else rows.at(-1)!.push(placed);
  }
  const body = rows.findIndex((r) => ROW_START.test(r[0].token.text));
  if (body <= 0) return { refused: UNPLACED };
  const numbers = rows.slice(0, body).find((r) => r[0].token.text === '栏次')?.slice(1);
  const values = numbers?.length ?? 0;
  if (!numbers || values === 0 || !numbers.every((p, k) => p.token.text === String(k + 1))) return { refused: UNPLACED };
  // The value columns' names: the last `values` header words that name one (a group word over several, such as
  // 本年支出 over 小计 / 基本支出 / 项目支出, stands before them).
  const words = rows
    .slice(0, body)
    .filter((r) => r[0].token.text !== '栏次')
    .flat()
    .filter((p) => !NOT_A_VALUE_LABEL.test(p.token.text) && !FIGURE.test(p.token.text));
  if (words.length < values) return { refused: UNPLACED };
  const cell = (p: Placed, to: Placed = p): AlignedCell => {
    const line = lines[p.line];
    const text = p.line === to.line ? line.text.slice(p.token.start, to.token.end) : p.token.text;
    return { start: line.start + p.token.start, end: p.line === to.line ? line.start + to.token.end : line.start + p.token.end, text: text.replace(/[\s\u3000]+/g, ''), indent: 0 };
  };
  const blank = (p: Placed): AlignedCell => emptyAt(lines[p.line].start + p.token.end);
  const top = rows[0][0];
  const out: AlignedRow[] = [
    { line: top.line, cells: [{ ...blank(top), text: '科目编码' }, { ...blank(top), text: '科目名称' }, ...words.slice(words.length - values).map((p) => cell(p))], header: true },
  ];
  for (const row of rows.slice(body)) {
    let k = 0;
    while (k < row.length && FIGURE.test(row[row.length - 1 - k].token.text)) k++;
    const lead = row.slice(0, row.length - k);
    if (k !== values || lead.length === 0 || !ROW_START.test(lead[0].token.text)) return { refused: UNPLACED };
    // (A code split into 类 | 款 | 项, `208  05  01  行政单位离退休`, is one code.)
    let parts = 1;
    while (parts < lead.length && parts < 3 && /^\d{2}$/.test(lead[parts].token.text) && lead[parts].line === lead[0].line) parts++;
    const code = parts > 1 ? cell(lead[0], lead[parts - 1]) : cell(lead[0]);
    const named = CODE.test(lead[0].token.text) && lead.length > parts;
    const cells = [code, named ? cell(lead[parts], lead.at(-1)!) : blank(lead.at(-1)!)];
    for (const p of row.slice(row.length - k)) cells.push(cell(p));
    out.push({ line: row[0].line, cells });
  }
  return { rows: out };
}

/** One short cell on a line: no tab, no run of spaces, no sentence punctuation (a thousands separator aside). */
const LONE_CELL = /^\s*(?:[^\s\t。，,；;]|(?<=\d),(?=\d))+(?: (?:[^\s\t。，,；;]|(?<=\d),(?=\d))+)*\s*$/;
const AMOUNT_CELL = /^-?[\d,]+\.\d{1,2}$/;

/**
 * A PDF viewer's or a web page's copy of a table with every cell on a line of its own (blank lines between its
 * header rows at most): under a table's title (`isTitle`), a run of short one-cell lines, many of them amounts,
 * among the `free` lines.
 */
export function findCellPerLineBlocks(lines: Line[], free: (i: number) => boolean, isTitle: (text: string) => boolean, isMeta: (text: string) => boolean): Array<{ first: number; last: number }> {
  const runs: Array<{ first: number; last: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    // (Every title names a 表: most lines are passed over without a regex.)
    if (!lines[i].text.includes('表') || !free(i) || !isTitle(lines[i].text)) continue;
    let first = i + 1;
    while (first < lines.length && free(first) && (lines[first].text.trim() === '' || isMeta(lines[first].text))) first++;
    let last = first - 1;
    let cells = 0;
    let amounts = 0;
    for (let k = first; k < lines.length && free(k); k++) {
      const text = lines[k].text;
      // (One blank line between cells: a web page's rows of headers.)
      if (text.trim() === '') {
        if (k + 1 < lines.length && free(k + 1) && LONE_CELL.test(lines[k + 1].text) && !isTitle(lines[k + 1].text)) continue;
        break;
      }
      if (!LONE_CELL.test(text) || isTitle(text)) break;
      last = k;
      cells++;
      if (AMOUNT_CELL.test(text.trim())) amounts++;
    }
    if (cells >= 12 && amounts >= 6) {
      runs.push({ first, last });
      i = last;
    }
  }
  return runs;
}

/** A label that can only stand on the 收入 side of 公开01/04表, or only on the 支出 side. */
const INCOME_SIDE = /收入|年初(?:财政拨款)?结转和?结余|使用非财政拨款结余|用事业基金弥补/;
const SPENDING_SIDE = /支出|年末(?:财政拨款)?结转和?结余|结余分配/;

/**
 * 公开01/04表 with single spaces (`项目 决算数 项目 决算数`): a row states both sides (`一、…收入 4,733.14 一、…支出 0.00`)
 * or one, whose side its label tells (`九、卫生健康支出 109.34` is a spending row). A label that could be either
 * refuses the table.
 */
function readTwoSided(lines: Line[], first: number, last: number, head: Token[]): AlignedResult {
  const rows: AlignedRow[] = [{ line: first, cells: head.map((t) => cell(lines[first], t, t)) }];
  for (let i = first + 1; i <= last; i++) {
    const line = lines[i];
    const ts = tokens(line.text);
    const figures = ts.map((t, k) => (FIGURE.test(t.text) ? k : -1)).filter((k) => k >= 0);
    const blank = (at: number): AlignedCell => emptyAt(line.start + at);
    const side = (from: number, to: number) => ({ label: cell(line, ts[from], ts[to - 1]), value: cell(line, ts[to], ts[to]) });
    // (A side without its figure: its blank cell vanished with the spaces, `二、…财政拨款收入 105.00 二、外交支出`, `三、…收入
    // 三、国防支出`; two labels are told apart by their own words.)
    const labels = (from: number, to: number) => splitLabels(line, ts.slice(from, to));
    // (`二十二、灾害防治及应急管理支` / `98.23` / `出`: a label the page wrapped, its figure on a line between.)
    const previous = rows.length > 1 ? rows[rows.length - 1].cells : undefined;
    const lastSide = previous && previous[2].text !== '' ? 2 : 0;
    if (previous && ts.length === 1 && FIGURE.test(ts[0].text) && previous[lastSide + 1].text === '') {
      previous[lastSide + 1] = cell(line, ts[0], ts[0]);
      continue;
    }
    if (previous && ts.length === 1 && LABEL_TAIL.test(ts[0].text)) {
      previous[lastSide] = { ...previous[lastSide], text: previous[lastSide].text + ts[0].text };
      continue;
    }
    if (figures.length === 2 && figures[1] === ts.length - 1 && figures[0] > 0 && figures[1] > figures[0] + 1) {
      const left = side(0, figures[0]);
      const right = side(figures[0] + 1, figures[1]);
      rows.push({ line: i, cells: [left.label, left.value, right.label, right.value] });
    } else if (figures.length === 1 && figures[0] > 0 && figures[0] < ts.length - 1) {
      const left = side(0, figures[0]);
      const right = cell(line, ts[figures[0] + 1], ts.at(-1)!);
      rows.push({ line: i, cells: [left.label, left.value, right, blank(ts.at(-1)!.end)] });
    } else if ((figures.length === 1 && figures[0] === ts.length - 1 && figures[0] > 0) || (figures.length === 0 && ts.length > 0)) {
      // One side's label (or two labels) and at most the right side's figure.
      const labelEnd = figures.length === 1 ? figures[0] : ts.length;
      const value = figures.length === 1 ? cell(line, ts.at(-1)!, ts.at(-1)!) : blank(ts.at(-1)!.end);
      const two = labels(0, labelEnd);
      if (two) {
        rows.push({ line: i, cells: [two[0], blank(two[0].end - line.start), two[1], value] });
        continue;
      }
      const label = cell(line, ts[0], ts[labelEnd - 1]);
      // (A label cut before its side's word, `二十二、灾害防治及应急管理支`, goes on the side the rows before it are on.)
      const spending = SPENDING_SIDE.test(label.text) || (!INCOME_SIDE.test(label.text) && previous !== undefined && previous[0].text === '' && previous[2].text !== '');
      if (spending === INCOME_SIDE.test(label.text)) return { refused: UNPLACED };
      rows.push({ line: i, cells: spending ? [blank(ts[0].start), blank(ts[0].start), label, value] : [label, value, blank(ts.at(-1)!.end), blank(ts.at(-1)!.end)] });
    } else return { refused: UNPLACED };
  }
  return { rows };
}

/** `项目 决算数 项目 决算数`: a 公开01/04表's two sides. */
function isTwoSided(head: Token[]): boolean {
  return head.length === 4 && LABEL_WORD.test(head[0].text) && head[2].text === head[0].text && head[1].text === head[3].text && !LABEL_WORD.test(head[1].text);
}

/** A row of such a table: a label or two, a figure or two (a blank side leaves nothing); or a wrapped label's figure or tail. */
function twoSidedRow(ts: Token[]): boolean {
  if (ts.length === 1 && (FIGURE.test(ts[0].text) || LABEL_TAIL.test(ts[0].text))) return true;
  return ts.length >= 1 && ts.length <= 4 && ts.filter((t) => FIGURE.test(t.text)).length <= 2 && !/^注/.test(ts[0].text) && !FIGURE.test(ts[0].text) && (INCOME_SIDE.test(ts[0].text) || SPENDING_SIDE.test(ts[0].text) || ORDINAL.test(ts[0].text) || /合计|总计/.test(ts[0].text));
}

const ORDINAL = /^[一二三四五六七八九十]+、/;
/** The last characters of a wrapped label (`出`, `支出`). */
const LABEL_TAIL = /^[\u4e00-\u9fff]{1,4}$/;

/** Two labels, the income side's then the spending side's (`四、上级补助收入 四、公共安全支出`), or undefined. */
function splitLabels(line: Line, ts: Token[]): [AlignedCell, AlignedCell] | undefined {
  if (ts.length !== 2) return undefined;
  const [a, b] = ts;
  const paired = (ORDINAL.test(a.text) && ORDINAL.test(b.text)) || (INCOME_SIDE.test(a.text) && !SPENDING_SIDE.test(a.text) && SPENDING_SIDE.test(b.text) && !INCOME_SIDE.test(b.text));
  return paired ? [cell(line, a, a), cell(line, b, b)] : undefined;
}

/**
 * The value columns of 公开02/03/05表 in the national template's order: what a single-space copy of the table gives by
 * order when its header words came out scrambled over several lines (`对附属单位补助` / `本年支出合计 基本支出 项目支出 …` /
 * `功能分类 支出`).
 */
const TEMPLATE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  T02: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
  T03: ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
  T05: ['合计', '基本支出', '项目支出'],
};

const MAX_ROW_LENGTH = 300;

/**
 * A body row of such a table: its code (or 合计 after `类 款 项`), its name unless the extraction put it on the lines
 * around (`机关事业单位基本养老保险` / `2080505 545.85 545.85` / `缴费支出`), then its figures.
 */
const TEMPLATE_ROW = /^\s*(?:(?:类\s+款\s+项\s+)?(合计)|(\d{3}|\d{5}|\d{7})(?:\s+([^\s\d.,\-−－—–].*?))?)((?:\s+(?:[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-—–]))+)\s*$/;
/** Words of the header's label columns. */
const HEADER_WORD = /科目|编码|名称|分类|^项目$/;
/** A line of a row's name alone (the part of a wrapped name the extraction put above or below the row's figures). */
const NAME_PART = /^[\u4e00-\u9fff（）()、“”]{1,24}$/;

/**
 * Under a 公开02/03/05表 title (`kindOf` names it), within twelve lines: the header lines, then a run of body rows of one
 * to as many figures as the template has columns (a copy that dropped the blank cells keeps only the figures), with the
 * lines of wrapped names between them. The header lines must name every template column (in any order and layout), or
 * the block is not this table's.
 */
export function findTemplateBlocks(lines: Line[], free: (i: number) => boolean, kindOf: (text: string) => string | undefined): Array<{ first: number; last: number; kind: string }> {
  const blocks: Array<{ first: number; last: number; kind: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].text.includes('表') || !free(i)) continue;
    const kind = kindOf(lines[i].text);
    // (公开04/06/09: a layout of their own, each found by its own reader.)
    const lastOfOwn = kind ? OWN_LAYOUT_END[kind] : undefined;
    if (lastOfOwn) {
      const last = lastOfOwn(lines, i, free);
      if (last > 0) {
        blocks.push({ first: i + 1, last, kind: kind! });
        i = last;
      }
      continue;
    }
    const names = kind ? TEMPLATE_COLUMNS[kind] : undefined;
    if (!names) continue;
    const isRow = (k: number) => {
      const n = figuresOf(lines[k].text);
      return n >= 1 && n <= names.length;
    };
    let body = -1;
    for (let k = i + 1; k < Math.min(lines.length, i + 13) && free(k); k++) {
      if (isRow(k)) {
        body = k;
        break;
      }
    }
    if (body < 0) continue;
    // (A name's head may stand above the first row.)
    const header = lines.slice(i + 1, body).map((l) => l.text.replace(/[\s\u3000]+/g, '')).join('');
    if (!names.every((n) => namedIn(header, n))) continue;
    let last = body;
    let rows = 1;
    for (let k = body + 1; k < lines.length && free(k); k++) {
      if (isRow(k)) {
        last = k;
        rows++;
      } else if (NAME_PART.test(lines[k].text.trim()) && (isRow(k + 1) || (k + 2 < lines.length && NAME_PART.test(lines[k + 1].text.trim()) && isRow(k + 2)))) continue;
      // (The tail of the last row's name.)
      else if (k === last + 1 && NAME_PART.test(lines[k].text.trim())) last = k;
      else break;
    }
    if (rows >= 3) {
      blocks.push({ first: i + 1, last, kind: kind! });
      i = last;
    }
  }
  return blocks;
}

/**
 * 公开09表 as a PDF's text gives it (the Shanghai reports): its header words scrambled over lines, `预算数 决算数` six
 * times, then one line of twelve figures, each quantity's 预算数 beside its 决算数 in the template's order (合计, 因公出国
 * （境）费, 公务用车 小计, 购置费, 运行维护费, 公务接待费). A line short of twelve figures lost its blank cells: not read.
 */
const SANGONG_QUANTITIES = ['合计', '因公出国（境）费', '公务用车小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'];
const SANGONG_HALVES = /^\s*(?:预算数?\s+决算数?\s*){6}$/;
const SANGONG_ROW = /^\s*(?:[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s+){11}[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$/;

const UNORDERED: Localized = l('各栏以单个空格分隔，按模板的栏序读出的合计与分项不符，各数所在的栏无从确定', 'cells separated by single spaces, and read in the template\'s column order the totals do not match their parts, so the column of each figure cannot be told');

/** The line of twelve figures of a 公开09表 so laid out under the title at `title`, or −1. */
function sangongRowAfter(lines: Line[], title: number, free: (i: number) => boolean): number {
  for (let k = title + 1; k < Math.min(lines.length - 1, title + 10) && free(k); k++) {
    if (!SANGONG_HALVES.test(lines[k].text)) continue;
    const header = lines.slice(title + 1, k).map((l) => l.text.replace(/[\s\u3000]+/g, '')).join('');
    const named = ['合计', '出国', '小计', '购置', '运行', '接待'].every((w) => header.includes(w));
    return named && free(k + 1) && SANGONG_ROW.test(lines[k + 1].text) ? k + 1 : -1;
  }
  return -1;
}

/**
 * The rows of such a 公开09表: the quantities and halves as two header rows, then the figures. Refused unless two of
 * its four sums hold (合计 = 出国 + 公务用车 + 接待 and 小计 = 购置 + 运行维护, each half): one slipped figure breaks two at
 * most, a table laid out in another order all of them.
 */
function readSangong(lines: Line[], first: number, last: number): AlignedResult {
  const line = lines[last];
  const figures = tokens(line.text);
  const v = figures.map((t) => toCents(t.text));
  let holding = 0;
  for (const h of [0, 1]) {
    if (v[h] === v[2 + h] + v[4 + h] + v[10 + h]) holding++;
    if (v[4 + h] === v[6 + h] + v[8 + h]) holding++;
  }
  if (holding < 2) return { refused: UNORDERED };
  const header = (texts: string[]): AlignedRow => namesRow(lines, first, texts);
  return {
    rows: [
      header(SANGONG_QUANTITIES.flatMap((q) => [q, q])),
      header(SANGONG_QUANTITIES.flatMap(() => ['预算数', '决算数'])),
      { line: last, cells: figures.map((t) => cell(line, t, t)) },
    ],
  };
}

/**
 * The header's words name the column, whole or in two pieces the extraction put on lines of their own (`附属单位` /
 * `上缴收入`, `对附属单位补` / `助支出`).
 */
function namedIn(header: string, name: string): boolean {
  if (header.includes(name)) return true;
  for (let k = 2; k <= name.length - 2; k++) if (header.includes(name.slice(0, k)) && header.includes(name.slice(k))) return true;
  return false;
}

/**
 * 公开06表 as a PDF's text gives it: two blocks of `科目编码 科目名称 决算数` side by side, single spaces, blank cells gone
 * (`30106 伙食补助费 30204 手续费 0.25`). Each economic code opens an item, so the items of a line are told apart by their
 * codes; a name too long for its cell stands above and below its line (`机关事业单位基本养老保` / `30108 504.38 …` /
 * `险缴费`). Read as one block of items (the roll-ups go by code, not by side), closed by `人员经费合计 … 公用经费合计 …`.
 */
const ECONOMIC_CODE = /^(?:30[1-9]|31\d|399)(?:\d{2})?$/;
const ECONOMIC_TOTALS = /^\s*(?:人员经费(?:合计)?|公用经费(?:合计)?)\s/;

/** The last line of such a 公开06表 under the title at `title`, or −1. */
function economicRowsAfter(lines: Line[], title: number, free: (i: number) => boolean): number {
  let body = -1;
  for (let k = title + 1; k < Math.min(lines.length, title + 10) && free(k); k++) {
    const first = tokens(lines[k].text)[0];
    if (first && ECONOMIC_CODE.test(first.text)) {
      body = k;
      break;
    }
  }
  if (body < 0) return -1;
  const header = lines.slice(title + 1, body).map((l) => l.text.replace(/[\s\u3000]+/g, '')).join('');
  if (!/经济分/.test(header) || !/科目名称/.test(header) || !/决算数/.test(header)) return -1;
  let codes = 0;
  for (let k = body; k < lines.length && free(k); k++) {
    const text = lines[k].text.trim();
    if (ECONOMIC_TOTALS.test(lines[k].text)) return codes >= 10 ? k : -1;
    const ts = tokens(text);
    if (ts.length > 0 && ECONOMIC_CODE.test(ts[0].text)) codes += ts.filter((t) => ECONOMIC_CODE.test(t.text)).length;
    else if (!NAME_PART.test(text)) return -1;
  }
  return -1;
}

/** The items of a 公开06表 found by economicRowsAfter: a row a code, its name and its figure (or a blank). */
function readEconomic(lines: Line[], first: number, last: number): AlignedResult {
  const rows: AlignedRow[] = [namesRow(lines, first, ['科目编码', '科目名称', '决算数'])];
  let head = '';
  // The item of the line before whose name stood around it: the next name line is its tail.
  let awaitingTail: AlignedRow | undefined;
  let body = false;
  for (let i = first; i <= last; i++) {
    const line = lines[i];
    const ts = tokens(line.text);
    if (ts.length === 0) continue;
    if (!body && !ECONOMIC_CODE.test(ts[0].text)) continue;
    body = true;
    if (i === last) {
      // `人员经费合计 12,010.40 公用经费合计 2,195.60`: a row each.
      for (let k = 0; k < ts.length; k++) {
        if (FIGURE.test(ts[k].text)) continue;
        const value = k + 1 < ts.length && FIGURE.test(ts[k + 1].text) ? cell(line, ts[k + 1], ts[k + 1]) : emptyAt(line.start + ts[k].end);
        rows.push({ line: i, cells: [emptyAt(line.start + ts[k].start), cell(line, ts[k], ts[k]), value] });
      }
      break;
    }
    if (!ECONOMIC_CODE.test(ts[0].text)) {
      const text = line.text.trim();
      if (awaitingTail) {
        awaitingTail.cells[1] = { ...awaitingTail.cells[1], text: awaitingTail.cells[1].text + text };
        awaitingTail = undefined;
      } else head += text;
      continue;
    }
    awaitingTail = undefined;
    // (`30399 30240 税金及附加费用 20.81`: a code alone, its name around the line, then the other side's item.)
    const starts = ts.map((t, k) => (ECONOMIC_CODE.test(t.text) ? k : -1)).filter((k) => k >= 0);
    for (let j = 0; j < starts.length; j++) {
      const from = starts[j];
      const to = j + 1 < starts.length ? starts[j + 1] : ts.length;
      const figure = to - 1 > from && FIGURE.test(ts[to - 1].text) ? ts[to - 1] : undefined;
      const nameEnd = figure ? to - 1 : to;
      const at = (offset: number): AlignedCell => emptyAt(line.start + offset);
      const name = nameEnd > from + 1 ? cell(line, ts[from + 1], ts[nameEnd - 1]) : at(ts[from].end);
      const row: AlignedRow = { line: i, cells: [cell(line, ts[from], ts[from]), name, figure ? cell(line, figure, figure) : at(ts[to - 1].end)] };
      if (nameEnd === from + 1) {
        row.cells[1] = { ...name, text: head };
        head = '';
        awaitingTail = row;
      }
      rows.push(row);
    }
    head = '';
  }
  // (The two sides' items interleave line by line: by code, each parent precedes its children, as in one block.)
  const items = rows.slice(1).filter((r) => r.cells[0].text !== '');
  items.sort((a, b) => (a.cells[0].text < b.cells[0].text ? -1 : a.cells[0].text > b.cells[0].text ? 1 : 0));
  return { rows: [rows[0], ...items, ...rows.slice(1).filter((r) => r.cells[0].text === '')] };
}

/**
 * 公开04表 as a PDF copy gives it: `项目 决算数 项目 合计 …` over the fund columns' words (`一般公共 政府性基 国有资本` /
 * `预算财政 金预算财 经营预算` / `拨款 政拨款 财政拨款`), then rows of an income label and its figure beside a spending label
 * and its figures, blank cells gone (`一、一般公共服务支出 306.90 306.90`: its 合计 and one fund's). A spending row's first
 * figure is its 合计; the others are placed only when all four are there (else unplaced: AlignedCell.unplaced).
 */
const FUND_HEADER = /^\s*项目\s+决算数\s+项目\s+合计(?:\s|$)/;
const FUND_COLUMNS = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];
/** A label of the income side (`二、政府性基金预算财政拨款`, `本年收入合计`, `年初财政拨款结转和结余`). */
const FUND_INCOME = /财政拨款(?:收入)?$|收入(?:合计)?$|^年初/;

/** The last line of such a 公开04表 under the title at `title`, or −1. */
function fundRowsAfter(lines: Line[], title: number, free: (i: number) => boolean): number {
  let header = -1;
  for (let k = title + 1; k < Math.min(lines.length, title + 6) && free(k); k++) {
    if (FUND_HEADER.test(lines[k].text)) {
      header = k;
      break;
    }
  }
  if (header < 0) return -1;
  const words = lines.slice(title + 1, header + 2).map((l) => l.text.replace(/[\s\u3000]+/g, '')).join('');
  if (!/一般公共/.test(words) || !/政府性基/.test(words) || !/国有资本/.test(words)) return -1;
  let last = -1;
  let rows = 0;
  for (let k = header + 1; k < lines.length && free(k); k++) {
    const ts = tokens(lines[k].text);
    if (ts.length === 0 || /^注/.test(ts[0].text)) break;
    const labels = ts.filter((t) => !FIGURE.test(t.text));
    if (labels.length === 0 || labels.every((t) => LABEL_TAIL.test(t.text) || /拨款$|财政$/.test(t.text))) {
      // (Figures of a wrapped label, its tail, or the header's last words.)
      if (labels.length === 0 || rows > 0) last = k;
      continue;
    }
    if (!labels.some((t) => ORDINAL.test(t.text) || /合计|总计|结转|结余/.test(t.text))) break;
    rows++;
    last = k;
  }
  return rows >= 10 ? last : -1;
}

/** The rows of a 公开04表 found by fundRowsAfter. */
function readFunds(lines: Line[], first: number, last: number): AlignedResult {
  const header = (texts: string[]): AlignedRow => namesRow(lines, first, texts);
  const rows: AlignedRow[] = [header(['收入', '', '支出', '', '', '', '']), header(['项目', '决算数', '项目', ...FUND_COLUMNS])];
  let body = false;
  for (let i = first; i <= last; i++) {
    const line = lines[i];
    const ts = tokens(line.text);
    if (!body) {
      body = FUND_HEADER.test(line.text);
      continue;
    }
    if (ts.length === 0) continue;
    // (`拨款 政拨款 财政拨款`: the fund columns' last header words, before the first row.)
    if (rows.length === 2 && ts.every((t) => /^[\u4e00-\u9fff]{1,5}$/.test(t.text) && /拨款$|财政$|预算$/.test(t.text))) continue;
    const blank = (at: number): AlignedCell => emptyAt(line.start + at);
    // Runs of label words, each with the figures after it.
    const items: Array<{ label: Token[]; figures: Token[] }> = [];
    for (const t of ts) {
      if (FIGURE.test(t.text)) {
        if (items.length === 0) items.push({ label: [], figures: [] });
        items.at(-1)!.figures.push(t);
      } else if (items.length === 0 || items.at(-1)!.figures.length > 0) items.push({ label: [t], figures: [] });
      // (`二、政府性基金预算财政拨款 二、外交支出`, `年初财政拨款结转和结余 年末…`: two labels, the income side's blank.)
      else if (items.at(-1)!.label.length === 1 && splitLabels(line, [items.at(-1)!.label[0], t])) items.push({ label: [t], figures: [] });
      else items.at(-1)!.label.push(t);
    }
    const previous = rows.length > 2 ? rows[rows.length - 1] : undefined;
    const spendingSide = (cells: AlignedCell[]) => cells[2].text !== '';
    if (items.length === 1 && items[0].label.length === 0) {
      // `98.23 98.23` between a wrapped label's lines: that spending row's figures.
      if (!previous || !spendingSide(previous.cells) || previous.cells[3].text !== '') return { refused: UNPLACED };
      placeSpending(previous.cells, line, items[0].figures, blank);
      continue;
    }
    if (items.length === 1 && items[0].figures.length === 0 && items[0].label.length === 1 && LABEL_TAIL.test(items[0].label[0].text) && previous) {
      const side = spendingSide(previous.cells) ? 2 : 0;
      previous.cells[side] = { ...previous.cells[side], text: previous.cells[side].text + items[0].label[0].text };
      continue;
    }
    if (items.length > 2 || items.some((it) => it.label.length === 0)) return { refused: UNPLACED };
    const label = (it: { label: Token[] }) => cell(line, it.label[0], it.label.at(-1)!);
    const cells: AlignedCell[] = [blank(0), blank(0), blank(0), blank(ts.at(-1)!.end), blank(ts.at(-1)!.end), blank(ts.at(-1)!.end), blank(ts.at(-1)!.end)];
    const income = items.length === 2 ? items[0] : FUND_INCOME.test(label(items[0]).text) && !SPENDING_SIDE.test(label(items[0]).text) ? items[0] : undefined;
    const spending = items.length === 2 ? items[1] : income ? undefined : items[0];
    if (income) {
      if (income.figures.length > 1) return { refused: UNPLACED };
      cells[0] = label(income);
      if (income.figures.length === 1) cells[1] = cell(line, income.figures[0], income.figures[0]);
    }
    if (spending) {
      if (spending.figures.length > FUND_COLUMNS.length) return { refused: UNPLACED };
      cells[2] = label(spending);
      placeSpending(cells, line, spending.figures, blank);
    }
    rows.push({ line: i, cells });
  }
  return { rows };
}

/** A spending row's figures into its 合计 and fund cells (unplaced unless every fund's figure is there). */
function placeSpending(cells: AlignedCell[], line: Line, figures: Token[], blank: (at: number) => AlignedCell): void {
  if (figures.length === 0) return;
  const all = figures.length === FUND_COLUMNS.length;
  cells[3] = cell(line, figures[0], figures[0]);
  for (let k = 1; k < FUND_COLUMNS.length; k++) {
    const placed = k < figures.length ? cell(line, figures[k], figures[k]) : blank(figures.at(-1)!.end);
    cells[3 + k] = all ? placed : { ...placed, unplaced: true };
  }
}

/** 公开04/06/09表, which a PDF copy lays out in a way of its own. */
export const hasOwnLayout = (kind: string): boolean => kind in OWN_LAYOUT_END;

/** The last line of a 公开04/06/09表 copied in its own layout under the title at a line, or −1. */
const OWN_LAYOUT_END: Readonly<Record<string, (lines: Line[], title: number, free: (i: number) => boolean) => number>> = {
  T04: fundRowsAfter,
  T06: economicRowsAfter,
  T09: sangongRowAfter,
};

/** The figures of a template body row, or −1 when the line is none (a row is short: a long line is not tried). */
function figuresOf(text: string): number {
  if (text.length > MAX_ROW_LENGTH) return -1;
  const m = TEMPLATE_ROW.exec(text);
  return m ? m[4].trim().split(/\s+/).length : -1;
}

/**
 * The rows of a block found by findTemplateBlocks: a header row of the template's column names, then each body row with
 * its name (the lines of a wrapped name around it joined). A row of every column's figure is placed by order; a shorter
 * one (its blank cells dropped) has only its first figure, the total, placed: the others are its figures in columns
 * unknown (AlignedCell.unplaced). Refused unless the first figure is the sum of the others on nine rows in ten: the order
 * is the template's, and a table laid out otherwise must not be read by it.
 */
export function readTemplate(lines: Line[], first: number, last: number, kind: string): AlignedResult {
  if (kind === 'T09') return readSangong(lines, first, last);
  if (kind === 'T06') return readEconomic(lines, first, last);
  if (kind === 'T04') return readFunds(lines, first, last);
  const names = TEMPLATE_COLUMNS[kind];
  const rows: AlignedRow[] = [
    namesRow(lines, first, ['科目编码', '科目名称', ...names]),
  ];
  const isRow = (i: number) => figuresOf(lines[i].text) >= 1;
  const bodyStart = (() => {
    for (let i = first; i <= last; i++) if (isRow(i)) return i;
    return last + 1;
  })();
  // A name line right before the first row is its head (not the header's words above it).
  const above = bodyStart - 1 >= first ? lines[bodyStart - 1].text.trim() : '';
  let head = NAME_PART.test(above) && !HEADER_WORD.test(above) ? above : '';
  let agreeing = 0;
  let body = 0;
  let previous: { cells: AlignedCell[]; named: boolean } | undefined;
  for (let i = bodyStart; i <= last; i++) {
    const line = lines[i];
    const m = line.text.length > MAX_ROW_LENGTH ? null : TEMPLATE_ROW.exec(line.text);
    if (!m) {
      // A run of name lines between two rows: the first is the tail of a row whose name is around it, the last the
      // head of the next such row; a row with its name on its line takes the rest (`…缴费` / `支出`).
      const text = line.text.trim();
      if (!NAME_PART.test(text)) continue;
      const next = i + 1 <= last ? TEMPLATE_ROW.exec(lines[i + 1].text) : null;
      const headOfNext = next !== null && next[2] !== undefined && next[3] === undefined && (previous === undefined || previous.named || head !== '' || !isRow(i - 1));
      if (headOfNext) head += text;
      else if (previous) previous.cells[1] = { ...previous.cells[1], text: previous.cells[1].text + text };
      continue;
    }
    const ts = tokens(line.text);
    const count = m[4].trim().split(/\s+/).length;
    const figures = ts.slice(ts.length - count);
    const codeToken = ts.find((t) => t.text === (m[1] ?? m[2]))!;
    const nameTokens = m[1] ? [] : ts.slice(ts.indexOf(codeToken) + 1, ts.length - count);
    const at = (offset: number): AlignedCell => emptyAt(line.start + offset);
    const nameCell = m[1] ? cell(line, codeToken, codeToken) : nameTokens.length > 0 ? cell(line, nameTokens[0], nameTokens.at(-1)!) : at(codeToken.end);
    const cells: AlignedCell[] = [m[1] ? at(codeToken.start) : cell(line, codeToken, codeToken), head === '' ? nameCell : { ...nameCell, text: head + nameCell.text }];
    if (count === names.length) for (const t of figures) cells.push(cell(line, t, t));
    else {
      cells.push(cell(line, figures[0], figures[0]));
      for (let k = 1; k < names.length; k++) cells.push(k < count ? { ...cell(line, figures[k], figures[k]), unplaced: true } : { ...at(line.text.length), unplaced: true });
    }
    rows.push({ line: i, cells });
    previous = { cells, named: nameTokens.length > 0 || m[1] !== undefined };
    head = '';
    body++;
    if (sumsToFirst(figures.map((t) => t.text))) agreeing++;
  }
  return body >= 3 && agreeing * 10 >= body * 9 ? { rows } : { refused: UNPLACED };
}

/** The first figure is the sum of the others, to a cent a figure (blanks and dashes as zero; integer cents, no floats). */
function sumsToFirst(figures: string[]): boolean {
  const cents = figures.map(toCents);
  return Math.abs(cents[0] - cents.slice(1).reduce((a, b) => a + b, 0)) <= figures.length;
}

function toCents(figure: string): number {
  const m = /^([-−－]?)([\d,]+)(?:\.(\d+))?$/.exec(figure);
  if (!m) return 0;
  const cents = Number(m[2].replace(/,/g, '')) * 100 + Number(((m[3] ?? '') + '00').slice(0, 2));
  return m[1] ? -cents : cents;
}
