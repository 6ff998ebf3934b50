// Tables laid out with spaces, as `pdftotext -layout` converts a PDF: labels left-aligned, amounts
// right-aligned, blank cells as gaps, headers centred over their cells (merged ones over their span),
// long labels wrapped onto the next line, page breaks with a page number and a repeated header.
//
// The columns are the runs of display positions that the body rows' tokens cover (CJK characters are
// two columns wide); headers are then placed by overlap and centring. The reader refuses rather than
// guesses: two tokens of a row in one column, amounts of one column with different right edges, a
// lone number in a column of its own, a header that fits no column — any of these drops the table,
// because a cell read into the wrong column is a false error downstream.
import type { Line, Localized } from '../types';
import { numbersColumns } from './column-numbers';
import { l } from '../messages';
import { unitWidth } from '../text/width';
import { TRAILING_BRACKET } from '../text/chars';
import { RUNNING_TITLE } from './pages';

export interface AlignedCell {
  start: number;
  end: number;
  text: string;
  indent: number;
  /** Its column is not known (TableCell.unplaced). */
  unplaced?: true;
}

export interface AlignedRow {
  line: number;
  cells: AlignedCell[];
  /** A header line (above the first body row): its words are column names, whatever they are. */
  header?: true;
}

export type AlignedResult = { rows: AlignedRow[] } | { refused: Localized };

/** Lines wider than this (display columns) or with more tokens are not table rows: work stays bounded. */
const MAX_WIDTH = 600;
const MAX_TOKENS = 48;
const MAX_HEADER_LINES = 8;

interface Token {
  /** UTF-16 offsets inside the line. */
  start: number;
  end: number;
  /** Display columns [left, right). */
  left: number;
  right: number;
  text: string;
  numeric: boolean;
  /** An amount with decimals: right-aligned in its column. */
  decimal: boolean;
  /** A header word joined from lines its cell wrapped it onto: as wide as that one cell. */
  wrapped?: true;
  /** The header word this one was one space apart in (splitAtSingleSpaces). */
  whole?: Token;
}

const NUMERIC = /^[-−+]?\d[\d,，]*(?:[.．。] ?\d+)?%?$/;
const DECIMAL = /[.．。] ?\d+%?$/;
const TWO_FIGURES = /^([-−]?\d[\d,]*\.\d\d) (\d[\d,]*(?:\.\d+)?|[\u4e00-\u9fff].*)$/;
const CODE = /^(\d{3}|\d{5}|\d{7})$/;
/** The header words over the three code columns. */
const CODE_LEVEL = /^[类款项]$/;
const DASH = /^[-－—–]+$/;
/** A total's label (合计, 人员经费合计), which may stand over the code and name columns. */
const TOTAL_LABEL = /(?:合计|总计|小计)$/;
/** The group name over the label columns (`项目` over 科目编码 and 科目名称), never one column's own name. */
const LABEL_HEADER = /^(?:项目|科目)$/;
/** The name of a side of 01/04 (`收入` over 项目 | 决算数), never one column's own name. */
const SIDE_LABEL = /^(?:收入|支出)$/;
/** A cell holding only 合计 or 总计. */
const TOTAL = /^(?:合计|总计)$/;
/** Figures only: what an amount or 行次 column holds. */
const isFigure = (text: string) => /^[-−－]?[\d,，]+(?:\.\d+)?$/.test(text);
// (Also `3 / 8`, a page of the total.)
const PAGE = /^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页|^\d{1,4}\s*\/\s*\d{1,4}$/;
const META = /公开\s*\d{1,2}\s*表|部门公开表|(金额)?单位\s*[:：]|^(编制|填报)?(部门|单位)(名称)?\s*[:：]|^(注|说明|备注)\d*[:：]/;

const isSpace = (c: number) => c === 32 || c === 0x3000 || c === 0xa0 || c === 0x0c || c === 9;
const spaceWidth = (c: number) => (c === 0x3000 ? 2 : c === 0x0c ? 0 : 1);

/** Tokens separated by runs of 2+ display columns of space (a single space stays inside: `1. 政府采购`). */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let x = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      x += spaceWidth(c);
      i++;
      continue;
    }
    const start = i;
    const left = x;
    let end = i;
    let right = x;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isSpace(d)) {
        let j = i;
        let w = 0;
        while (j < n && isSpace(text.charCodeAt(j))) w += spaceWidth(text.charCodeAt(j++));
        x = right + w;
        i = j;
        if (w >= 2 || j === n) break;
        continue;
      }
      x += unitWidth(d, i + 1 < n ? text.charCodeAt(i + 1) : 0);
      i++;
      end = i;
      right = x;
    }
    if (right > MAX_WIDTH || tokens.length >= MAX_TOKENS) return undefined;
    const t = text.slice(start, end);
    // (`3248.40 0`, `949.86 公用经费合计`: an amount with its two decimals and the next cell one space on, two cells.)
    const two = TWO_FIGURES.exec(t);
    if (two) {
      const cut = two[1].length;
      tokens.push({ start, end: start + cut, left, right: left + cut, text: two[1], numeric: true, decimal: true });
      const numeric = NUMERIC.test(two[2]);
      tokens.push({ start: start + cut + 1, end, left: left + cut + 1, right, text: two[2], numeric, decimal: numeric && DECIMAL.test(two[2]) });
      continue;
    }
    const numeric = NUMERIC.test(t);
    tokens.push({ start, end, left, right, text: t, numeric, decimal: numeric && DECIMAL.test(t) });
  }
  return joinSpacedWords(tokens);
}

/** Two-character words a justified layout spaces out: `合  计`, `栏    次`, `项    目`. */
const SPACED_WORDS = new Set(['合计', '总计', '小计', '栏次', '行次', '项目', '科目', '金额', '名称', '编码', '类别', '收入', '支出']);
/** How far apart (display columns) the two characters of such a word may stand. */
const SPACED_WORD_GAP = 10;

/** The characters of a spaced-out word, one token each, joined into the word (its span covers both, its text is the word). */
function joinSpacedWords(tokens: Token[]): Token[] {
  for (let k = tokens.length - 2; k >= 0; k--) {
    const [a, b] = [tokens[k], tokens[k + 1]];
    if (a.text.length !== 1 || b.text.length !== 1 || b.left - a.right > SPACED_WORD_GAP || !SPACED_WORDS.has(a.text + b.text)) continue;
    tokens.splice(k, 2, { start: a.start, end: b.end, left: a.left, right: b.right, text: a.text + b.text, numeric: false, decimal: false });
  }
  return tokens;
}

type Kind = 'blank' | 'page' | 'meta' | 'prose' | 'row' | 'text' | 'rule';

interface Scan {
  kind: Kind;
  tokens: Token[];
}

/** Scans without tokens, shared (read only): most lines of a text are one of these. */
const BLANK_LINE: Scan = Object.freeze({ kind: 'blank', tokens: Object.freeze([]) as unknown as Token[] });
const PAGE_LINE: Scan = Object.freeze({ kind: 'page', tokens: BLANK_LINE.tokens });
const META_LINE: Scan = Object.freeze({ kind: 'meta', tokens: BLANK_LINE.tokens });
const PROSE_LINE: Scan = Object.freeze({ kind: 'prose', tokens: BLANK_LINE.tokens });
/** A ruled line under a title or a header (`───────`, `=====`): it separates, it holds no cell. */
const RULE_LINE: Scan = Object.freeze({ kind: 'rule', tokens: BLANK_LINE.tokens });
const RULE = /^[─━═┄┈╌\-—–=_＿]{3,}$/;
/** A ruled line (`───────`, `=====`, `---+---`): part of a table's frame, never of its cells. */
export function isRuleLine(text: string): boolean {
  return RULE.test(text.replace(/[\s+┼┬┴├┤]/g, ''));
}
/** Lines a table's rows and headers are read across: blank, a page break, a rule. */
const between = (k: Kind) => k === 'blank' || k === 'page' || k === 'rule';

function scanLine(text: string): Scan {
  const t = text.trim();
  // (A Markdown fence around the table, ``` or ~~~, is no row of it: as a blank line.)
  if (t === '' || /^(?:`{3,}|~{3,})[\w-]*$/.test(t)) return BLANK_LINE;
  if (isRuleLine(t)) return RULE_LINE;
  // (A page's running title, `XX局2023年度部门决算` over a table's next page, is part of the break.)
  if (PAGE.test(t) || RUNNING_TITLE.test(t)) return PAGE_LINE;
  if (META.test(t) || /表$/.test(t.replace(TRAILING_BRACKET, ''))) return META_LINE;
  // A 。 lands in some token: prose, known before tokenizing the line (most free lines are prose).
  if (text.includes('\t') || text.includes('|') || text.includes('。')) return PROSE_LINE;
  const tokens = tokenize(text);
  if (!tokens || tokens.some((k) => k.text.includes('。') || k.text.length > 50)) return PROSE_LINE;
  if (tokens.length >= 2 && tokens.some((k) => k.numeric)) return { kind: 'row', tokens };
  return { kind: 'text', tokens };
}

/**
 * scanLine for finding blocks, where a meta line ends a block as prose does: a line with a 。 or a
 * pipe is prose (or meta) without more tests, and most lines of a report are such prose.
 */
function blockScan(text: string): Scan {
  return text.includes('。') || text.includes('|') ? PROSE_LINE : scanLine(text);
}

/** A row label opening with its item number: `1.因公出国（境）费`, `（2）公务用车运行费`, `二、外交支出`. */
const ENUMERATED_LABEL = /^(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)\S/;

/** Key of a line for recognising a header repeated after a page break. */
const key = (text: string) => text.replace(/[\s\u3000\f]/g, '');

/** `栏次 1 2 3`, a bare `1 2 3 … n` or a `甲 乙 1 2 …` row: numbers the columns, part of the header. */
function isColumnNumbers(tokens: Token[]): boolean {
  return numbersColumns(tokens.map((k) => k.text));
}

/**
 * Candidate blocks: a row line (2+ tokens, one a number), the text lines just above it (headers),
 * and the row, text, page-break and repeated-header lines after it. `free(i)` says whether line i is
 * outside the TSV and Markdown tables. Linear: each line is scanned once, look-aheads are bounded.
 */
export function findAlignedBlocks(lines: Line[], free: (i: number) => boolean): Array<{ first: number; last: number }> {
  const blocks: Array<{ first: number; last: number }> = [];
  // Each line's scan, made once (look-aheads and look-backs read lines again).
  const scans: Array<Scan | undefined> = new Array(lines.length);
  const scan = (i: number) => (scans[i] ??= free(i) ? blockScan(lines[i].text) : PROSE_LINE);
  // A label wrapped around its amounts (`机关事业单位基本养老保` / `2080505  155.55` / `险缴费支出`, a
  // vertically centred cell): its first half may follow the second half of the row above.
  const headsNextRow = (j: number) => j + 1 < lines.length && scan(j - 1).kind === 'text' && scan(j + 1).kind === 'row' && scan(j + 1).tokens.every((t) => t.numeric);
  // A row whose cells are all empty (`四、上级补助收入    四、公共安全支出` in 01/04): a numbered label
  // that a table would end with, or two labels side by side.
  const emptyRow = (j: number) => {
    const tokens = scan(j).tokens;
    return tokens.some((t) => ENUMERATED_LABEL.test(t.text)) && (tokens.length >= 2 || HEADER_END.test(tokens[0].text));
  };
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    if (scan(i).kind !== 'row') continue;
    let first = i;
    // (Past the rules under a title and a header: `───` / `项目 行次 金额` / `───` / `栏次 1`.)
    while (first > floor && i - first < MAX_HEADER_LINES && (scan(first - 1).kind === 'text' || (scan(first - 1).kind === 'rule' && first - 1 > floor && scan(first - 2).kind === 'text'))) first--;
    const headers = new Set<string>();
    for (let h = first; h < i; h++) headers.add(key(lines[h].text));
    let last = i;
    let lastRow = i;
    let j = i + 1;
    while (j < lines.length) {
      const k = scan(j).kind;
      if (k === 'row' || k === 'text') {
        const row = k === 'row' || emptyRow(j);
        // Text right after a row: a wrapped label or a header repeated after a page break.
        // (Two lines of wrap between rows: `二十二、灾害防治及应急管理支` / `出` / `二十三、其他支出`.)
        const wrapBeforeRow = j === lastRow + 2 && j + 1 < lines.length && (scan(j + 1).kind === 'row' || (scan(j + 1).kind === 'text' && emptyRow(j + 1)));
        if (!row && j > lastRow + 1 && !headers.has(key(lines[j].text)) && !headsNextRow(j) && !wrapBeforeRow) break;
        if (row || headers.has(key(lines[j].text)) || j === lastRow + 1) last = j;
        if (row) lastRow = j;
        j++;
        continue;
      }
      if (!between(k)) break;
      let m = j;
      while (m < lines.length && m - j < 8 && between(scan(m).kind)) m++;
      // (A rule closing the table is its end, unless a row follows it: `────` / `人员经费合计 3,989.32 …`; not `────` / `相关统计数：`.)
      // (The closing rule is the table's own: what follows it is no page of the table's.)
      if (k === 'rule' && !(m < lines.length && (scan(m).kind === 'row' || headers.has(key(lines[m].text))))) {
        if (j === lastRow + 1) last = j;
        break;
      }
      // (A label's tail may sit below a blank line: `十四、资源勘探工业信息等支` / `` / `出` / `十五、…`.)
      const rowAt = (x: number) => x < lines.length && (scan(x).kind === 'row' || (scan(x).kind === 'text' && emptyRow(x)));
      if (m < lines.length && (rowAt(m) || headers.has(key(lines[m].text)) || (scan(m).kind === 'text' && scan(m).tokens.length === 1 && rowAt(m + 1)))) {
        if (scan(m).kind === 'text') lastRow = m;
        j = m;
        continue;
      }
      break;
    }
    // A trailing text line belongs only as the wrap of the last row.
    if (last > lastRow + 1) last = lastRow + 1;
    blocks.push({ first, last });
    floor = last + 1;
    i = last;
  }
  return blocks;
}

interface Column {
  left: number;
  right: number;
}

/** Columns a..b that a header label is placed over, and how far its centre is off theirs. */
interface Span {
  a: number;
  b: number;
  score: number;
}

const contains = (x: Span, y: Span) => x.a <= y.a && y.b <= x.b;

/** UTF-16 offset of display column x in a line (its end when the line is shorter). */
function offsetAt(text: string, x: number): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    if (w >= x) return i;
    const c = text.charCodeAt(i);
    w += isSpace(c) ? spaceWidth(c) : unitWidth(c, i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
  }
  return text.length;
}

/**
 * Reads a block into rows of cells, one per column; refuses when any cell's column is in doubt. A
 * header repeated after a page break starts a segment that is read on its own (a new page may shift
 * the columns) and must come out with the same columns under the same labels.
 */
export function readAligned(lines: Line[], first: number, last: number): AlignedResult {
  const scans: Scan[] = [];
  for (let i = first; i <= last; i++) scans.push(scanLine(lines[i].text));
  const at = (i: number) => scans[i - first];

  // The header: lines above the first row that is not a 栏次 row.
  let bodyStart = first;
  while (bodyStart <= last && (at(bodyStart).kind === 'text' || at(bodyStart).kind === 'rule' || (at(bodyStart).kind === 'row' && isColumnNumbers(at(bodyStart).tokens)))) bodyStart++;
  // (Header words and a 栏次 row only, as a table whose every cell is blank prints: nothing to read, nothing unchecked.)
  if (bodyStart > last && scans.every((s) => s.kind !== 'text' || !s.tokens.some((k) => k.numeric))) return { rows: [] };
  if (bodyStart > last || bodyStart - first > MAX_HEADER_LINES) return { refused: l('没有数据行', 'no body rows') };
  const headerKeys = new Set<string>();
  for (let i = first; i < bodyStart; i++) if (at(i).kind !== 'rule') headerKeys.add(key(lines[i].text));
  const segments: Array<{ header: number[]; from: number; to: number }> = [{ header: range(first, bodyStart - 1).filter((i) => at(i).kind !== 'rule'), from: bodyStart, to: last }];
  for (let i = bodyStart; i <= last; i++) {
    if (!headerKeys.has(key(lines[i].text))) continue;
    const header: number[] = [];
    let j = i;
    while (j <= last && (headerKeys.has(key(lines[j].text)) || between(at(j).kind))) {
      if (!between(at(j).kind)) header.push(j);
      j++;
    }
    segments.at(-1)!.to = i - 1;
    segments.push({ header, from: j, to: last });
    i = j - 1;
  }
  for (const g of segments) {
    for (const i of g.header) if (at(i).kind === 'text') scans[i - first] = { kind: 'text', tokens: at(i).tokens.flatMap(splitAtSingleSpaces) };
    joinWrappedHeaderWords(g.header, at, (i, scan) => (scans[i - first] = scan));
  }
  // One reading of all pages (a column is a column on every page); each repeated header must land on
  // the columns the first one labels, or the page moved its columns.
  const read = readSegment(lines, at, segments[0].header, segments.map((g) => [g.from, g.to] as const), segments.slice(1).map((g) => g.header));
  if (!('refused' in read)) return { rows: read.rows };
  if (segments.length > 1) return readSegments(lines, at, segments) ?? read;
  return readPageByPage(lines, at, segments[0].header, bodyStart, last) ?? read;
}

/**
 * A header word is a column's name: words one space apart are names of narrow cells side by side
 * (`上级补助收 事业收入 经营收` over three columns), not one name. (Body cells keep the space: `1. 政府采购`.)
 */
function splitAtSingleSpaces(t: Token): Token[] {
  if (t.numeric || !SPACE_BETWEEN_WORDS.test(t.text)) return [t];
  const parts: Token[] = [];
  const cjk = (i: number) => i >= 0 && i < t.text.length && /[\u4e00-\u9fff]/.test(t.text.charAt(i));
  let x = t.left;
  let from = 0;
  let left = t.left;
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    if (c === 32 && cjk(i - 1) && cjk(i + 1)) {
      parts.push({ start: t.start + from, end: t.start + i, left, right: x, text: t.text.slice(from, i), numeric: false, decimal: false, whole: t });
      from = i + 1;
      left = x + 1;
    }
    x += c === 32 ? 1 : unitWidth(c, i + 1 < t.text.length ? t.text.charCodeAt(i + 1) : 0);
  }
  parts.push({ start: t.start + from, end: t.end, left, right: t.right, text: t.text.slice(from), numeric: false, decimal: false, whole: t });
  return parts;
}

/**
 * Words split by splitAtSingleSpaces stay apart only when each stands over columns of its own; otherwise (`公务用车购
 * 置费` over one column, a space the conversion left inside a name) they are one name again.
 */
function rejoinSplitWords(tokens: Token[], columns: readonly Column[]): Token[] {
  if (!tokens.some((t) => t.whole)) return tokens;
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; ) {
    let end = k + 1;
    while (tokens[k].whole && end < tokens.length && tokens[end].whole === tokens[k].whole) end++;
    const group = tokens.slice(k, end);
    k = end;
    const over = group.map((t) => columns.flatMap((c, a) => (c.left < t.right && t.left < c.right ? [a] : [])));
    const apart = over.every((o, g) => o.length > 0 && (g === 0 || o[0] > over[g - 1].at(-1)!));
    if (group.length === 1 || apart) {
      out.push(...group);
      continue;
    }
    const wrapped = group.some((t) => t.wrapped) ? { wrapped: true as const } : {};
    out.push({ start: group[0].start, end: group.at(-1)!.end, left: group[0].left, right: Math.max(...group.map((t) => t.right)), text: group.map((t) => t.text).join(' '), numeric: false, decimal: false, ...wrapped });
  }
  return out;
}

const SPACE_BETWEEN_WORDS = /[\u4e00-\u9fff] [\u4e00-\u9fff]/;

/** The end of a column's name: what a header word cut by its cell's width (`本年支` / `出合计`) is missing. */
const HEADER_END = /(?:合计|小计|总计|支出|收入|经费|金额|决算数|预算数|拨款|结余|补助|费)$/;

/**
 * `本年支出合` over `计`, `事业收` over `入`: a header cell too narrow for its name wraps it onto the
 * next header line, right under it. Such a tail joins the word above, which does not end as a column
 * name does while the two together do; a label of the next header level (`基本支出` under `本年支出`) is
 * a whole name and stays on its own line.
 */
function joinWrappedHeaderWords(header: number[], at: (i: number) => Scan, set: (i: number, scan: Scan) => void): void {
  for (let k = 0; k + 1 < header.length; k++) {
    const upper = at(header[k]);
    const lower = at(header[k + 1]);
    if (upper.kind !== 'text' || lower.kind !== 'text' || header[k + 1] !== header[k] + 1) continue;
    const joined = upper.tokens.slice();
    let rest = lower.tokens;
    // (`对附属单` / `位补助支` / `出`: a name may take three lines.)
    const third = k + 2 < header.length && header[k + 2] === header[k] + 2 && at(header[k + 2]).kind === 'text' ? at(header[k + 2]) : undefined;
    let restThird = third?.tokens;
    const over = (t: Token, u: Token) => !u.numeric && u.text.length <= 5 && u.left < t.right && t.left < u.right;
    for (let a = 0; a < joined.length; a++) {
      const t = joined[a];
      if (t.numeric || HEADER_END.test(t.text)) continue;
      const tail = rest.find((u) => over(t, u) && HEADER_END.test(t.text + u.text));
      if (tail) {
        joined[a] = { ...t, text: t.text + tail.text, wrapped: true };
        rest = rest.filter((u) => u !== tail);
        continue;
      }
      const middle = rest.find((u) => over(t, u));
      const end = middle && restThird?.find((u) => over(middle, u) && HEADER_END.test(t.text + middle.text + u.text));
      if (!middle || !end) continue;
      joined[a] = { ...t, text: t.text + middle.text + end.text, wrapped: true };
      rest = rest.filter((u) => u !== middle);
      restThird = restThird!.filter((u) => u !== end);
    }
    if (rest === lower.tokens) continue;
    set(header[k], { kind: 'text', tokens: joined });
    set(header[k + 1], rest.length ? { kind: 'text', tokens: rest } : BLANK_LINE);
    if (third && restThird !== third.tokens) set(header[k + 2], restThird!.length ? { kind: 'text', tokens: restThird! } : BLANK_LINE);
  }
}

/**
 * Pages that repeat the header but moved their columns (each page laid out on its own): every page
 * read with its own header, kept only when all have the same number of columns and each repeated
 * header line puts the same labels over them as the first page's line of that text.
 */
function readSegments(lines: Line[], at: (i: number) => Scan, segments: Array<{ header: number[]; from: number; to: number }>): { rows: AlignedRow[] } | undefined {
  const labels = new Map<string, string>();
  const rows: AlignedRow[] = [];
  let width = -1;
  for (const [s, g] of segments.entries()) {
    const read = readSegment(lines, at, g.header, [[g.from, g.to]], []);
    if ('refused' in read) return undefined;
    const header = new Set(g.header);
    for (const row of read.rows) {
      if (width < 0) width = row.cells.length;
      if (row.cells.length !== width) return undefined;
      if (!header.has(row.line)) {
        rows.push(row);
        continue;
      }
      if (at(row.line).kind === 'row' && isColumnNumbers(at(row.line).tokens)) {
        if (s === 0) rows.push(row);
        continue;
      }
      const lineKey = key(lines[row.line].text);
      const rowLabels = row.cells.map((c) => key(c.text)).join('\t');
      if (s === 0) {
        labels.set(lineKey, rowLabels);
        rows.push(row);
      } else if (labels.get(lineKey) !== rowLabels) return undefined;
    }
  }
  return { rows };
}

/**
 * A table whose later pages moved their columns and did not repeat the header: the first page read
 * with its header; each later page either with one token per column in every row (a 合计 row may span
 * the code and name columns), taken in order, or by the runs of display positions its own tokens
 * cover, when there are exactly as many as the first page has columns (rows with blank cells). Every
 * cell must hold what its column holds on the first page (figures or words). Anything else stays
 * refused.
 */
function readPageByPage(lines: Line[], at: (i: number) => Scan, header: number[], bodyStart: number, last: number): { rows: AlignedRow[] } | undefined {
  const breaks: number[] = [];
  for (let i = bodyStart; i <= last; i++) if (at(i).kind === 'page') breaks.push(i);
  if (breaks.length === 0) return undefined;
  const first = readSegment(lines, at, header, [[bodyStart, breaks[0] - 1]], []);
  if ('refused' in first) return undefined;
  const width = Math.max(...first.rows.map((r) => r.cells.length));
  const numericColumn = Array.from({ length: width }, (_, c) => {
    const filled = first.rows.map((r) => r.cells[c]?.text ?? '').filter((t) => t !== '');
    return filled.length > 0 && filled.filter(isFigure).length * 2 > filled.length;
  });
  // Columns that hold nothing in the first page's body (上缴上级支出 … of most 公开03): a later page
  // may leave the trailing ones out altogether.
  let filledWidth = width;
  while (filledWidth > 1 && first.rows.every((r) => header.includes(r.line) || (r.cells[filledWidth - 1]?.text ?? '') === '')) filledWidth--;
  const fitsColumns = (cells: AlignedCell[]) =>
    cells.length === width && cells.every((cell, c) => cell.text === '' || TOTAL.test(cell.text) || isFigure(cell.text) === numericColumn[c]);
  const rows = first.rows.slice();
  for (let from = breaks[0] + 1; from <= last; ) {
    let to = from;
    while (to < last && at(to + 1).kind !== 'page') to++;
    const page = pageInOrder(lines, at, from, to, width) ?? pageByRuns(lines, at, from, to, filledWidth, width);
    if (!page || !page.every((r) => fitsColumns(r.cells))) return undefined;
    rows.push(...page);
    from = to + 2;
  }
  return { rows };
}

const cellAt = (line: Line, t: Token): AlignedCell => ({ start: line.start + t.start, end: line.start + t.end, text: t.text, indent: 0 });

/** A page's rows when each has one token per column (a 合计 may stand over the code and name columns). */
function pageInOrder(lines: Line[], at: (i: number) => Scan, from: number, to: number, width: number): AlignedRow[] | undefined {
  const rows: AlignedRow[] = [];
  for (let i = from; i <= to; i++) {
    const scan = at(i);
    if (scan.kind === 'blank' || scan.kind === 'rule') continue;
    if (scan.kind !== 'row') return undefined;
    const cells = scan.tokens.map((t) => cellAt(lines[i], t));
    if (cells.length === width - 1 && TOTAL.test(cells[0].text)) cells.splice(1, 0, { start: cells[0].end, end: cells[0].end, text: '', indent: 0 });
    if (cells.length !== width) return undefined;
    rows.push({ line: i, cells });
  }
  return rows;
}

/**
 * A page's rows by the runs its tokens cover: one token per run and row, `width` runs, or fewer when
 * the missing ones are all trailing columns blank on the first page (`filledWidth` and after).
 */
function pageByRuns(lines: Line[], at: (i: number) => Scan, from: number, to: number, filledWidth: number, width: number): AlignedRow[] | undefined {
  const body: number[] = [];
  let right = 0;
  for (let i = from; i <= to; i++) {
    const scan = at(i);
    if (scan.kind === 'blank' || scan.kind === 'rule') continue;
    if (scan.kind !== 'row') return undefined;
    body.push(i);
    for (const t of scan.tokens) right = Math.max(right, t.right);
  }
  const covered = new Uint8Array(right + 1);
  for (const i of body) for (const t of at(i).tokens) covered.fill(1, t.left, t.right);
  const { columns, runOf } = runsOf(covered);
  if (columns.length < filledWidth || columns.length > width) return undefined;
  const rows: AlignedRow[] = [];
  for (const i of body) {
    const line = lines[i];
    const cells = new Array<AlignedCell | undefined>(width).fill(undefined);
    for (const t of at(i).tokens) {
      const c = runOf[t.left];
      if (cells[c]) return undefined;
      cells[c] = cellAt(line, t);
    }
    rows.push({
      line: i,
      cells: cells.map((cell, c) => {
        if (cell) return cell;
        const o = line.start + (c < columns.length ? offsetAt(line.text, columns[c].left) : line.text.length);
        return { start: o, end: o, text: '', indent: 0 };
      }),
    });
  }
  return rows;
}

/** The runs of covered display positions (the columns), and the run each position is in (-1 in a gap). */
function runsOf(covered: Uint8Array): { columns: Column[]; runOf: Int32Array } {
  const columns: Column[] = [];
  const runOf = new Int32Array(covered.length).fill(-1);
  for (let x = 0; x < covered.length; x++) {
    if (!covered[x]) continue;
    if (x === 0 || !covered[x - 1]) columns.push({ left: x, right: x });
    columns[columns.length - 1].right = x + 1;
    runOf[x] = columns.length - 1;
  }
  return { columns, runOf };
}

/**
 * Blank columns a 栏次 row numbers: `栏次 1 2 3 4 5` over amounts in columns 1, 2 and 4 only. Each number standing
 * clear of the body's columns opens one, when then every number stands over a column of its own and no column
 * between the first and the last is unnumbered (a row written at the left of right-aligned amounts opens none).
 */
function numberedColumns(columns: Column[], tokens: readonly Token[]): void {
  const numbers = tokens.filter((t) => /^\d{1,2}$/.test(t.text));
  if (numbers.length === 0) return;
  const overlapping = (t: Token, list: readonly Column[]) => list.filter((c) => c.left < t.right && t.left < c.right);
  const opened = numbers.filter((t) => overlapping(t, columns).length === 0 && !columns.some((c) => Math.abs(c.left - t.right) < 2 || Math.abs(t.left - c.right) < 2));
  if (opened.length === 0) return;
  const trial = [...columns, ...opened.map((t) => ({ left: t.left, right: t.right }))].sort((x, y) => x.left - y.left);
  const numbered = numbers.map((t) => overlapping(t, trial));
  if (numbered.some((o) => o.length !== 1) || new Set(numbered.map((o) => o[0])).size !== numbers.length || trial.indexOf(numbered.at(-1)![0]) - trial.indexOf(numbered[0][0]) + 1 !== numbers.length) {
    columnsFromNumbers(columns, numbers);
    return;
  }
  columns.splice(0, columns.length, ...trial);
}

/**
 * `1 2 … 12` written at the left of right-aligned amounts (a 三公 table through pdftotext): the column a number heads
 * runs from the number to the next one. When the body's columns right of the first number fall one to such a span,
 * each reaches left to its number (where its header labels stand) and a number over no amount opens a blank column.
 * The body's column objects stay (tokens are placed through them); label columns left of the numbers stay as they are.
 */
function columnsFromNumbers(columns: Column[], numbers: readonly Token[]): void {
  const owner = new Array<Column | undefined>(numbers.length);
  for (const c of columns) {
    if (c.right <= numbers[0].left) continue;
    let k = numbers.length - 1;
    while (numbers[k].left >= c.right) k--;
    if (owner[k] || (k > 0 && c.left < numbers[k - 1].right)) return;
    owner[k] = c;
  }
  for (let k = 0; k < numbers.length; k++) {
    const before = columns.filter((c) => c.right <= numbers[k].left).at(-1);
    const c = owner[k];
    if (before && before !== c && before.right > numbers[k].left) return;
  }
  const all = [...columns];
  for (let k = 0; k < numbers.length; k++) {
    const c = owner[k];
    if (c) c.left = Math.min(c.left, numbers[k].left);
    else all.push({ left: numbers[k].left, right: numbers[k].right });
  }
  columns.splice(0, columns.length, ...all.sort((x, y) => x.left - y.left));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function readSegment(
  lines: Line[],
  at: (i: number) => Scan,
  headerLines: number[],
  parts: ReadonlyArray<readonly [number, number]>,
  repeated: number[][],
): { rows: AlignedRow[] } | { refused: Localized } {
  // Body rows and where each wrapped label continues.
  const body: number[] = [];
  const wraps: number[] = [];
  const bodyStart = parts[0][0];
  const last = parts.at(-1)![1];
  const lineList = parts.flatMap(([from, to]) => range(from, to));
  for (const i of lineList) {
    const s = at(i);
    if (between(s.kind)) continue;
    // (`1.因公出国（境）费` alone on its line: an enumerated row whose amounts are blank, not the tail of the label above.)
    if (s.kind === 'row' || (s.kind === 'text' && (s.tokens.length >= 2 || ENUMERATED_LABEL.test(s.tokens[0].text)))) body.push(i);
    else if (s.kind === 'text') wraps.push(i);
    else return { refused: l('表内夹有非表格行', 'a line inside the table that is no table row') };
  }
  if (body.length === 0) return { refused: l('没有数据行', 'no body rows') };

  // Columns: the runs of display positions covered by body tokens. A total's label (合计, 人员经费合计)
  // may stand over the code and name columns: it makes a column of its own only where it overlaps no
  // other token, and belongs to the first column it overlaps.
  let width = 0;
  for (const i of body) for (const t of at(i).tokens) width = Math.max(width, t.right);
  const covered = new Uint8Array(width + 1);
  const spanning = (t: Token) => !t.numeric && TOTAL_LABEL.test(t.text);
  for (const i of body) for (const t of at(i).tokens) if (!spanning(t)) covered.fill(1, t.left, t.right);
  // (`  合计` over `       207`: a total's label that ends a column short of the code column starts that column.)
  for (const i of body) {
    for (const t of at(i).tokens) {
      if (!spanning(t) || covered.subarray(t.left, t.right).indexOf(1) >= 0) continue;
      covered.fill(1, t.left, covered[t.right + 1] === 1 ? t.right + 1 : t.right);
    }
  }
  const { columns, runOf } = runsOf(covered);
  if (columns.length < 2) return { refused: l('不足两栏', 'fewer than two columns') };
  const runAt = (t: Token) => {
    for (let x = t.left; x < t.right; x++) if (runOf[x] >= 0) return runOf[x];
    return -1;
  };

  // Every body token in its run; one token per column and row; amounts of a column share a right edge.
  const decimalsRight: Array<{ min: number; max: number } | undefined> = [];
  for (const i of body) {
    const seen = new Map<number, Token>();
    for (const t of at(i).tokens) {
      const c = runAt(t);
      const other = seen.get(c);
      if (other) return { refused: l(`第${i + 1}行的“${other.text}”和“${t.text}”落在同一栏`, `two cells in one column (line ${i + 1}: “${other.text}” “${t.text}”)`) };
      seen.set(c, t);
      if (t.decimal) {
        const r = (decimalsRight[c] ??= { min: t.right, max: t.right });
        r.min = Math.min(r.min, t.right);
        r.max = Math.max(r.max, t.right);
      }
    }
  }
  for (let c = 0; c < columns.length; c++) {
    const r = decimalsRight[c];
    if (r && r.max - r.min > 1) return { refused: l('同一栏的金额没有右对齐（可能有两栏并在一起）', 'amounts of one column not right-aligned (columns merged?)') };
  }
  for (const i of body) {
    for (const t of at(i).tokens) {
      const c = runAt(t);
      const r = decimalsRight[c];
      if (t.numeric && !t.decimal && r && !CODE.test(t.text) && (t.right < r.min - 1 || t.right > r.max + 1)) return { refused: l(`第${i + 1}行有数字落在两栏之间`, `a number between columns (line ${i + 1})`) };
    }
  }
  // A row whose label wrapped above its amounts (`2080505  机关事业单位…` / `…缴费支出  5.50`) would
  // split into a coded row without amounts and amounts without a code: refuse, a roll-up would fail.
  for (let k = 1; k < body.length; k++) {
    if (body[k] !== body[k - 1] + 1) continue;
    const upper = at(body[k - 1]).tokens;
    const lower = at(body[k]).tokens;
    // (A dash is the upper row's blank amount: `30309  奖励金  -` over `公用经费  855.88` is two rows.)
    if (
      upper.some((t) => CODE.test(t.text)) &&
      !upper.some((t) => t.decimal || DASH.test(t.text)) &&
      lower.some((t) => t.decimal) &&
      !lower.some((t) => CODE.test(t.text) || /合计|总计|小计|^(?:人员|公用)经费$/.test(t.text))
    ) {
      return { refused: l(`第${body[k] + 1}行的金额与上一行的科目代码分在两行`, `a coded row without amounts above amounts without a code (line ${body[k] + 1})`) };
    }
  }
  const bodyColumns = columns.slice();
  for (const i of headerLines) if (isColumnNumbers(at(i).tokens)) numberedColumns(columns, at(i).tokens);
  const rejoined = new Map<number, Scan>();
  for (const i of [...headerLines, ...repeated.flat()]) {
    const tokens = rejoinSplitWords(at(i).tokens, columns);
    if (tokens !== at(i).tokens) rejoined.set(i, { kind: 'text', tokens });
  }
  if (rejoined.size) {
    const scanned = at;
    at = (i) => rejoined.get(i) ?? scanned(i);
  }

  /** The column right of a label holds subject codes only (`207`, `01`). */
  const codeColumnRightOf = (t: Token) => {
    const c = columns.find((x) => x.left >= t.right);
    if (!c) return false;
    let codes = 0;
    for (const i of body) {
      for (const u of at(i).tokens) {
        if (u.left >= c.right || u.right <= c.left) continue;
        if (!/^\d{2,7}$/.test(u.text)) return false;
        codes++;
      }
    }
    return codes > 0;
  };

  // Header lines, bottom up: a label clear of every column opens a blank column; the rest go to the
  // span of columns they are centred over.
  const textHeaders = headerLines.filter((i) => !isColumnNumbers(at(i).tokens)).reverse();
  for (let h = 0; h < textHeaders.length; h++) {
    for (const t of at(textHeaders[h]).tokens) {
      if (columns.some((c) => c.left < t.right && t.left < c.right)) continue;
      // (`收入` and `支出` over the two sides of 01/04 name a side, wherever they are centred: no column.)
      if (SIDE_LABEL.test(t.text)) continue;
      // (`类` written at the left of the codes it heads, `  类` over `       207`: no column of its own.)
      if (CODE_LEVEL.test(t.text) && codeColumnRightOf(t)) continue;
      // A label with labels under it is merged over them, not a column of its own.
      if (textHeaders.slice(0, h).some((below) => at(below).tokens.some((u) => u.left < t.right && t.left < u.right))) continue;
      const leftNeighbour = columns.filter((c) => c.right <= t.left).at(-1);
      const rightNeighbour = columns.find((c) => c.left >= t.right);
      if ((leftNeighbour && t.left - leftNeighbour.right < 2) || (rightNeighbour && rightNeighbour.left - t.right < 2)) continue;
      // A narrow column's own header may stand clear of its content (`行次` over `1`…`31`): a blank
      // column opens only between columns that have labels of their own.
      const labelledBy = (c: Column) => textHeaders.some((h) => at(h).tokens.some((u) => u !== t && c.left < u.right && u.left < c.right));
      if ((leftNeighbour && !labelledBy(leftNeighbour)) || (rightNeighbour && !labelledBy(rightNeighbour))) continue;
      columns.splice(rightNeighbour ? columns.indexOf(rightNeighbour) : columns.length, 0, { left: t.left, right: t.right });
    }
  }
  const n = columns.length;
  const colOf = (t: Token) => columns.findIndex((c) => c.left < t.right && t.left < c.right);
  // The outer cells reach the table's margins (a right-aligned first column starts left of its numbers).
  let margin = columns[0].left;
  let edge = columns[n - 1].right;
  for (const i of [...headerLines, ...body]) for (const t of at(i).tokens) {
    margin = Math.min(margin, t.left);
    edge = Math.max(edge, t.right);
  }
  const cellLeft = (a: number) => (a === 0 ? margin : (columns[a - 1].right + columns[a].left) / 2);
  const cellRight = (b: number) => (b === n - 1 ? edge : (columns[b].right + columns[b + 1].left) / 2);
  const headerCells = new Map<number, Array<Token | undefined>>();
  const top = new Set([headerLines[0], ...repeated.map((g) => g[0])]);
  // A label written at the left of its span starts the column in whose gap (after the previous
  // column's content) or at whose left edge it stands.
  const startsAt = (u: Token) => columns.findIndex((c, a) => u.left >= (a > 0 ? columns[a - 1].right : 0) && u.left <= c.left + 1);
  // The spans placed on each header line, for the lines under it.
  const placed = new Map<number, Span[]>();
  /** The columns each label of header line i stands over (at its first column), or why none fits. */
  const placeLabels = (i: number): Array<Token | undefined> | Localized => {
    const tokens = at(i).tokens;
    const overlaps = tokens.map((t) => {
      const o: number[] = [];
      for (let c = 0; c < n; c++) if (columns[c].left < t.right && t.left < columns[c].right) o.push(c);
      return o;
    });
    const numbersRow = isColumnNumbers(tokens);
    const cells = new Array<Token | undefined>(n).fill(undefined);
    const spans: Span[] = [];
    placed.set(i, spans);
    // The header lines under this one with words, and the column of a 小计 on the next (the labels this line's
    // group labels stand over).
    const group = [headerLines, ...repeated].find((g) => g.includes(i)) ?? [];
    // Columns a line above names alone: no label of a lower line spans them from beside.
    const owned = new Set<number>();
    for (const h of group.slice(0, group.indexOf(i))) for (const x of placed.get(h) ?? []) if (x.a === x.b) owned.add(x.a);
    const linesBelow = group.slice(group.indexOf(i) + 1).filter((h) => at(h).tokens.length > 0 && !isColumnNumbers(at(h).tokens));
    // The column of the 小计 right under this line's labels: on the next line, or lower with nothing between
    // (`公务用车购置及运行费` / `公务用车购置费 公务用车运行费` / `小计` centred lower), also under a top line of one
    // label; not under the halves of a top line (`“三公”经费预算数` … `“三公”经费决算数`), whose groups start with 合计.
    let subtotalBelow = -1;
    for (const [depth, h] of (top.has(i) && tokens.length > 1 ? linesBelow.slice(0, 1) : linesBelow).entries()) {
      const u = at(h).tokens.find((x) => x.text === '小计');
      if (!u) continue;
      const c = columns.findIndex((col) => col.left < u.right && u.left < col.right);
      const between = linesBelow.slice(0, depth).some((m) => at(m).tokens.some((x) => columns[c] && columns[c].left < x.right && x.left < columns[c].right));
      if (c >= 0 && !between) subtotalBelow = c;
      break;
    }
    let lastB = -1;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      const o = overlaps[k];
      const lo = Math.max(lastB + 1, k > 0 && overlaps[k - 1].length ? overlaps[k - 1].at(-1)! + 1 : 0);
      const hi = k + 1 < tokens.length && overlaps[k + 1].length ? overlaps[k + 1][0] - 1 : n - 1;
      // The spans that may hold the label: those holding every column it overlaps, or (in a gutter)
      // one of the two columns beside it.
      let aMax: number;
      let bMin: number;
      if (o.length > 0) {
        aMax = o[0];
        bMin = o.at(-1)!;
      } else {
        const g = columns.findIndex((c) => c.left >= t.right);
        aMax = g < 0 ? n - 1 : g;
        bMin = g < 0 ? n - 1 : Math.max(0, g - 1);
      }
      if (lo > aMax || hi < bMin) return l(`第${i + 1}行表头的两个栏名压在同一栏上`, `header labels overlap one column (line ${i + 1})`);
      const centre = (t.left + t.right) / 2;
      const ownsBeside = (a: number, b: number) => {
        for (let c = a; c <= b; c++) if (owned.has(c) && !o.includes(c)) return true;
        return false;
      };
      const fits = (x: Span) => x.score <= 3 + (cellRight(x.b) - cellLeft(x.a)) / 4 || (o.length === 1 && x.a === o[0] && x.b === o[0]);
      const search = (aFrom: number, aTo: number) => {
        let best: Span | undefined;
        let tie = false;
        for (let a = aFrom; a <= aTo; a++) {
          for (let b = Math.max(a, bMin); b <= hi; b++) {
            if (numbersRow && a !== b) continue;
            // A group starts with its 小计: `基本支出` over `小计 | 人员经费 | 公用经费`, not over the 合计 before them.
            if (subtotalBelow >= 0 && a < subtotalBelow && subtotalBelow <= b) continue;
            if (a < b && ownsBeside(a, b)) continue;
            const score = Math.abs((cellLeft(a) + cellRight(b)) / 2 - centre);
            if (!best || score < best.score - 0.5) {
              best = { a, b, score };
              tie = false;
            } else if (score <= best.score + 0.5) {
              // Equally centred: the wider span holds the narrower (a merged label over its middle column) — keep the wider.
              if (contains({ a, b, score }, best)) best = { a, b, score: Math.min(score, best.score) };
              else if (!contains(best, { a, b, score })) tie = true;
            }
          }
        }
        return tie ? undefined : best;
      };
      // The top line of a header merges to the right from where the previous label ended (as the
      // TSV tables read): only its right end is in question, unless that reading centres badly. Labels
      // written at the left of their spans (`“三公”经费预算数` over six columns, `…决算数` over the next
      // six) span from the column they start at to the one before the next label's.
      let best: Span | undefined;
      if (top.has(i) && tokens.length >= 2 && startsAt(t) === lo) {
        const next = k + 1 < tokens.length ? startsAt(tokens[k + 1]) : n;
        // (Up to the next group's 小计, which starts that group: `公务用车购置及运行费` centred over it.)
        const b = subtotalBelow > lo && subtotalBelow < next ? subtotalBelow - 1 : next - 1;
        if (next > lo) best = { a: lo, b, score: 0 };
      }
      // (A word its cell wrapped is that one cell's: `上缴上` / `级支出` over one column, not centred over three.)
      if (!best && t.wrapped && o.length === 1 && o[0] >= lo && o[0] <= hi) best = { a: o[0], b: o[0], score: 0 };
      if (!best && top.has(i)) best = search(lo, lo);
      if (!best || !fits(best)) best = search(lo, aMax);
      // A label over one column with no label under it is that column's own name (`因公出国（境）费` beside a
      // `合计` centred one line lower), unless a span merged from the left centres it better.
      const under = (x: { left: number; right: number }) => linesBelow.some((h) => at(h).tokens.some((u) => x.left < u.right && u.left < x.right));
      if (o.length === 1 && o[0] >= lo && o[0] <= hi && !LABEL_HEADER.test(t.text) && !under(columns[o[0]]) && !under(t)) {
        const own = { a: o[0], b: o[0], score: Math.abs((cellLeft(o[0]) + cellRight(o[0])) / 2 - (t.left + t.right) / 2) };
        if (!best || own.score < best.score) best = own;
      }
      if (!best) return l(`第${i + 1}行表头“${t.text}”无法确定属于哪一栏`, `a header label between two spans (line ${i + 1}: “${t.text}”)`);
      if (!fits(best)) return l(`第${i + 1}行表头“${t.text}”没有对准任何一栏`, `a header label centred over no span (line ${i + 1}: “${t.text}”)`);
      lastB = best.b;
      spans.push(best);
      cells[best.a] = t;
    }
    return cells;
  };
  for (const i of [...headerLines, ...repeated.flat()]) {
    const placed = placeLabels(i);
    if (Array.isArray(placed)) {
      headerCells.set(i, placed);
      continue;
    }
    // A 栏次 row only numbers the columns. One whose numbers fit no span (written at the left of
    // right-aligned amount columns) numbers them in order when it has a token for every column, and is
    // left out otherwise, rather than refusing the table.
    const tokens = at(i).tokens;
    if (!isColumnNumbers(tokens)) return { refused: placed };
    if (tokens.length === n) headerCells.set(i, tokens.slice());
  }
  // A column of numbers needs a label or a column number above it: else it is a number that fell
  // between columns, or a page whose columns moved.
  const labelled = new Array<boolean>(n).fill(false);
  for (const cells of headerCells.values()) cells.forEach((t, c) => (labelled[c] ||= t !== undefined));
  for (const i of body) {
    for (const t of at(i).tokens) {
      if (t.numeric && !labelled[columns.indexOf(bodyColumns[runOf[t.left]])]) return { refused: l(`第${i + 1}行第${t.left + 1}列的数字上方没有栏名`, `a column of numbers without a header (line ${i + 1}, column ${t.left + 1})`) };
    }
  }
  const labelsOf = (group: number[]) => columns.map((_, c) => group.map((i) => key(headerCells.get(i)?.[c]?.text ?? '')).join('/')).join('\t');
  const labels = labelsOf(headerLines);
  for (const group of repeated) if (labelsOf(group) !== labels) return { refused: l(`第${group[0] + 1}行起的一页分栏与首页不同`, `a page with other columns (line ${group[0] + 1})`) };

  // Rows: header cells, then body cells by column, with wrapped labels joined to the row above.
  const blankAt = (i: number, c: number): AlignedCell => {
    const line = lines[i];
    const o = line.start + offsetAt(line.text, columns[c].left);
    return { start: o, end: o, text: '', indent: 0 };
  };
  const cellOf = (i: number, t: Token, c: number, indent: boolean): AlignedCell => ({
    start: lines[i].start + t.start,
    end: lines[i].start + t.end,
    text: t.text,
    indent: indent && !t.numeric ? (t.left - columns[c].left) >> 1 : 0,
  });
  const labelLeft = new Array<number>(n).fill(Infinity);
  for (const i of body) for (const t of at(i).tokens) if (!t.numeric) labelLeft[colOf(t)] = Math.min(labelLeft[colOf(t)], t.left);
  const rows: AlignedRow[] = [];
  for (const i of headerLines) {
    const cells = headerCells.get(i);
    if (!cells) continue;
    rows.push({ line: i, cells: cells.map((t, c) => (t ? cellOf(i, t, c, false) : blankAt(i, c))), header: true });
  }
  const bodySet = new Set(body);
  const wrapSet = new Set(wraps);
  // A wrapped label may run past its column's body extent, never into a neighbour's.
  const wrapColumn = (i: number) => {
    const t = at(i).tokens[0];
    const touched = columns.map((col, c) => (col.left < t.right && t.left < col.right ? c : -1)).filter((c) => c >= 0);
    return touched.length === 1 ? touched[0] : -1;
  };
  // A row without its label between two halves of one (a vertically centred cell, as pdftotext lays
  // it out): the half above is this row's head, not the tail of the row before.
  const heads = new Map<number, number>();
  for (const i of body) {
    if (!wrapSet.has(i - 1) || !wrapSet.has(i + 1)) continue;
    const c = wrapColumn(i - 1);
    if (c < 0 || labelLeft[c] === Infinity || wrapColumn(i + 1) !== c || at(i).tokens.some((t) => colOf(t) === c)) continue;
    heads.set(i - 1, c);
  }
  let open: AlignedRow | undefined;
  for (let i = bodyStart; i <= last; i++) {
    if (bodySet.has(i)) {
      const cells = columns.map((_, c) => blankAt(i, c));
      for (const t of at(i).tokens) {
        const c = colOf(t);
        const cell = cellOf(i, t, c, true);
        if (!t.numeric && labelLeft[c] !== Infinity) cell.indent = (t.left - labelLeft[c]) >> 1;
        cells[c] = cell;
      }
      const head = heads.get(i - 1);
      if (head !== undefined) cells[head] = { ...cellOf(i - 1, at(i - 1).tokens[0], head, true), indent: Math.max(0, (at(i - 1).tokens[0].left - labelLeft[head]) >> 1) };
      open = { line: i, cells };
      rows.push(open);
      continue;
    }
    if (heads.has(i)) continue;
    if (wrapSet.has(i) && open) {
      const t = at(i).tokens[0];
      const c = wrapColumn(i);
      const above = c >= 0 ? open.cells[c] : undefined;
      // (`一般公共预算财政拨款` over `政府性基金预算财政拨款`: two whole names, rows whose amounts are blank.)
      const whole = FUND_ROW.test(t.text) && FUND_ROW.test(above?.text ?? '');
      if (above && above.text !== '' && !NUMERIC.test(above.text) && !t.numeric && !whole) {
        above.text += t.text;
        above.end = lines[i].start + t.end;
        continue;
      }
    }
    // Blank lines, page numbers and repeated headers end the wrap of the row above; a stray label is
    // no row (a label with no amounts checks nothing, and a label read as a row could be 合计).
    open = undefined;
  }
  const isLabel = columns.map((_, c) => labelLeft[c] !== Infinity);
  joinLabelTails(rows, isLabel, blankAt);
  joinWrappedCodeRows(rows, isLabel, blankAt);
  return { rows };
}

/** A fund's row under a 结转和结余 row of 04 (rows whose amounts may all be blank). */
const FUND_ROW = /(?:^|[）)、])(?:一般公共预算|政府性基金预算|国有资本经营预算)(?:财政拨款)?$/;

/** The tail of a numbered label cut by its cell: short, with no item number or total word of its own. */
const LABEL_TAIL = /^(?![一二三四五六七八九十]+、|[（(]|\d|其中|合计|总计|小计)\S{1,4}$/;

/**
 * Each pair of rows on consecutive lines below the header, with each label column `c` of the upper row and the next label
 * column (undefined for the last): where a cell's wrapped rest may sit.
 */
function eachWrappedPair(rows: AlignedRow[], isLabel: boolean[], visit: (upper: AlignedRow, lower: AlignedRow, c: number, next: number | undefined) => void): void {
  const labelCols = isLabel.flatMap((x, c) => (x ? [c] : []));
  for (let r = 1; r < rows.length; r++) {
    const upper = rows[r - 1];
    const lower = rows[r];
    if (upper.header || lower.line !== upper.line + 1) continue;
    for (let k = 0; k < labelCols.length; k++) visit(upper, lower, labelCols[k], labelCols[k + 1]);
  }
}

/** The lower row's label tail joins the upper's label (or is it, when that is blank), its cells up to `end` move up. */
function moveTailUp(upper: AlignedRow, lower: AlignedRow, c: number, end: number, blankAt: (i: number, c: number) => AlignedCell): void {
  const [name, tail] = [upper.cells[c], lower.cells[c]];
  if (name.text === '') upper.cells[c] = tail;
  else {
    name.text += tail.text;
    name.end = tail.end;
  }
  for (let v = c + 1; v < end; v++) upper.cells[v] = lower.cells[v];
  for (let v = c; v < end; v++) lower.cells[v] = blankAt(lower.line, v);
}

/** Whether the upper row's cells (c, end) are all blank. */
function blankAfter(row: AlignedRow, c: number, end: number): boolean {
  for (let v = c + 1; v < end; v++) if (row.cells[v].text !== '') return false;
  return true;
}

/**
 * `三、国有资本经营预算财政拨款` over `收入   229.15   三、国防支出`: a numbered label whose cell wrapped
 * onto the next row's line, its amounts beside the tail. Side by side tables (01, 04) share lines, so
 * the tail and its amounts move up within their own side only: from the label column to the next.
 */
function joinLabelTails(rows: AlignedRow[], isLabel: boolean[], blankAt: (i: number, c: number) => AlignedCell): void {
  eachWrappedPair(rows, isLabel, (upper, lower, c, next) => {
    const end = next ?? isLabel.length;
    if (ENUMERATED_LABEL.test(upper.cells[c].text) && LABEL_TAIL.test(lower.cells[c].text) && blankAfter(upper, c, end)) moveTailUp(upper, lower, c, end, blankAt);
  });
}

/**
 * `30103` / `        奖金     45.30`, `30108   机关事业单位基本养` / `        老保险缴费    86.42`: a row whose code (and the start of its
 * name) the layout left on one line and whose name's rest and amounts on the next is one row, in each block of a table laid side
 * by side (the block: its code, its name, its amounts up to the next block's code).
 */
function joinWrappedCodeRows(rows: AlignedRow[], isLabel: boolean[], blankAt: (i: number, c: number) => AlignedCell): void {
  eachWrappedPair(rows, isLabel, (upper, lower, c, next) => {
    if (c === 0) return;
    const end = next !== undefined ? next - 1 : isLabel.length;
    const tail = lower.cells[c].text;
    if (!CODE.test(upper.cells[c - 1].text) || lower.cells[c - 1].text !== '' || tail === '' || /^\d/.test(tail)) return;
    if (blankAfter(upper, c, end) && !blankAfter(lower, c, end)) moveTailUp(upper, lower, c, end, blankAt);
  });
}
