// Tables in the text: tab-separated blocks pasted from Excel and Markdown pipe tables, with the
// title, table code and unit line found above them (tables.md §0). The parser reads each row block
// by block (side-by-side tables), normalises subject codes, keeps 行次/栏次 integers out of the
// amounts, merges page-break continuations and flags codes that slid into amount cells.
import { readCellValue, type ScannedNumber } from '../numbers/scan';
import { indentOf, isWhiteSpace, TRAILING_BRACKET } from '../text/chars';
import { findAlignedBlocks, isRuleLine, readAligned } from './aligned';
import { numbersColumns } from './column-numbers';
import { l } from '../messages';
import { DASH_RULE, GRID_BORDER, gridEnd, readGrid, readSimple, simpleTableAround } from './pandoc';
import { RUNNING_TITLE } from './pages';
import { findCellPerLineBlocks, findSpacedBlocks, findTemplateBlocks, hasOwnLayout, readOrdered, readSpaced, readTemplate } from './spaced';
import { breaksAndSpaces, closesHtmlTable, opensHtmlTable, readHtmlTable } from './html';
import type { Line, Localized, MoneyUnit, Span, StandardTableId, Table, TableCell, TableColumn, TableRow, TableRowKind } from '../types';
import { allMatches } from '../text/matches';
import { newCell } from './cells';
import { standardFundHeaders, standardSangongHeaders } from './standard-headers';
import { LintMemo } from '../lint-memo';

export type TableEntry = NonNullable<TableRow['entries']>[number];

export interface ParsedTables {
  tables: Table[];
  /** 1 for the lines that belong to tables (their rows; not titles), by line index. */
  tableLines: Uint8Array;
  /** The numbers of the cells, in table order (the model merges the prose numbers in). */
  cellNumbers: ScannedNumber[];
  /** The cell of each of cellNumbers. */
  cellPlaces: Array<{ table: number; row: number; col: number }>;
  /** Space-aligned tables left unread because a cell's column was in doubt (their lines are still table lines). */
  refused: Array<{ first: number; last: number; reason: Localized; layout: 'aligned' | 'cell-per-line' | 'too-wide' }>;
}

/** 3/5/7-digit 功能分类 or 3/5-digit 经济分类 code. */
export const CODE_RE = /^(\d{3}|\d{5}|\d{7})$/;
/** `2080505 机关事业单位基本养老保险缴费支出`, `[2010401]行政运行`: code and name in one cell (not `2024年`, `100万元`). */
const CODE_NAME_RE = /^[\[［【]?(\d{3}|\d{5}|\d{7})(?:[\]］】][\s\u3000]*|[\s\u3000]+|(?=[\u4e00-\u9fff（(]))(?!(?:万元|亿元|千元|人次|批次|万人|[年月日万元个人项次])(?![\u4e00-\u9fff]))(\S.*)$/;
/** 经济分类 类 codes and their names, for recognising a code that slid into an amount cell. */
export const ECONOMIC_CLASSES: Record<string, string> = {
  '301': '工资福利支出',
  '302': '商品和服务支出',
  '303': '对个人和家庭的补助',
  '307': '债务利息及费用支出',
  '309': '资本性支出（基本建设）',
  '310': '资本性支出',
  '311': '对企业补助（基本建设）',
  '312': '对企业补助',
  '313': '对社会保障基金补助',
  '399': '其他支出',
};

function isDelimiter(lines: Line[], i: number): boolean {
  return i < lines.length && MD_DELIMITER.test(lines[i].text) && lines[i].text.includes('-');
}
const MD_DELIMITER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** A pipe row of a web page's table: cells between pipes (the outer ones too, or not), no sentence. */
const BARE_ROW = /^\s*\|?[^|。]{1,60}\|[^。]{0,300}$/;
/** A header cell's word wrapped onto a line of its own, without pipes (`科目名称` under `项目 | 本年收入合计 | …`). */
const BARE_HEADER_WRAP = /^\s*[\u4e00-\u9fff（）()]{1,12}\s*$/;

/**
 * The last line of a run of pipe rows starting at i (three or more, two with figures) right under a title,
 * code or unit line; i when there is none.
 */
function bareRows(lines: Line[], i: number, continued = false): number {
  if (i === 0 || !lines[i].text.includes('|') || !BARE_ROW.test(lines[i].text)) return i;
  let above = i - 1;
  while (above > 0 && lines[above].text.trim() === '') above--;
  const title = lines[above].text.trim();
  // (`continued`: after a page break under such a table, its rows go on without a title.)
  if (!continued && !(TITLE_CODE.test(title) || /表$|(?:金额)?单位\s*[:：]/.test(title.replace(TRAILING_BRACKET, '')))) return i;
  // (Its rows with figures no wider than its first: a row with more cells is another table's, or the page dropped a
  // merged header's blank cells and the columns cannot be placed. A row may be narrower: web pages drop the blank
  // cells at a row's end.)
  const width = (text: string) => text.replace(/\|\s*$/, '').split('|').length;
  // (The header's widest row: `收入 | 支出` spans the `项目 | 行次 | 金额 | 项目 | …` row under it.)
  let header = 0;
  let j = i;
  let figures = 0;
  while (j < lines.length && (BARE_ROW.test(lines[j].text) || (figures === 0 && j > i && BARE_HEADER_WRAP.test(lines[j].text)))) {
    // (`项目 | 2023年决算数 | 2024年决算数`: a year in the header is no figure.)
    if (/\d/.test(lines[j].text.replace(/(?:19|20)\d\d年/g, ''))) {
      const w = width(lines[j].text);
      const cells = lines[j].text.split('|').map((c) => c.trim()).filter((c) => c !== '');
      // (A row's blank cells dropped at its end leave it narrower, its label first; a row of figures alone, narrower,
      // lost cells anywhere: `22.00 | 8.77 | 14.00 | …` under twelve 预算数/决算数 columns. One cell a line is a cell
      // per line, no row.)
      if (w > header + 1 || cells.length < 2 || (w < header - 1 && /^(?:[-—–]|-?[\d,]*\.\d+)$/.test(cells[0]))) return i;
      figures++;
    } else if (figures === 0) header = Math.max(header, width(lines[j].text));
    j++;
  }
  return j - i >= 3 && figures >= 2 ? j - 1 : i;
}

/** An unescaped pipe (indexOf: every line of the text is tested). */
function hasPipe(text: string): boolean {
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) if (i === 0 || text.charCodeAt(i - 1) !== 92) return true;
  return false;
}

const hasTab = (text: string) => text.includes('\t') && !tabbedProse(text);
const CLAUSE_MARK = /[，,。；;]/;
const FORM_TEXT_ROW = /\S[ \u3000]*\t[ \u3000]*\t[\t \u3000]*$/;

/**
 * A line of prose with tabs in it (WPS's indents and spacing: `\t年初预算为18.29万元，\t支出决算为…。`): every cell a
 * clause, ending as one does or holding a comma in a long run of words, but the last, which may go on in the next
 * line (a table's row has labels and figures).
 */
function tabbedProse(text: string): boolean {
  // (Most tabbed lines are table rows, with no clause mark at all: no cells to split.)
  if (!CLAUSE_MARK.test(text)) return false;
  // (`\t2024年度完成…目标。\t\t\t`: a form's text cell with the row's blank cells after it, 绩效自评表's 年度总体目标.)
  if (FORM_TEXT_ROW.test(text)) return false;
  const cells = text.split('\t').map((c) => c.trim()).filter((c) => c !== '');
  const clause = (c: string) => /[，,。；;]$/.test(c) || (c.length > 20 && /[，,；;]/.test(c));
  // (The last cell may run on into the next line: `…预算为1,090,928.07元，\t支出决算为957,451.` / `83元，…`.)
  return cells.length > 0 && cells.slice(0, -1).every(clause) && (clause(cells.at(-1)!) || (cells.length > 1 && /^[\u4e00-\u9fff]{2}/.test(cells.at(-1)!)));
}
const hasTwoTabs = (text: string) => text.indexOf('\t', text.indexOf('\t') + 1) > 0;

interface Block {
  /** `spaced`: cells separated by single spaces (read by order, spaced.ts); `grid`, `simple`: pandoc's (pandoc.ts). */
  format: Table['format'] | 'spaced' | 'grid' | 'simple' | 'cells' | 'csv' | 'template';
  /** A `template` block's table (公开02–06/09表 as a PDF copy gives them), read by the national template (spaced.ts). */
  kind?: string;
  /** A simple table's rule of dashes. */
  rule?: number;
  first: number;
  last: number;
  /** Markdown rows without a header and delimiter of their own (a table's rows after a page break). */
  headless?: boolean;
  /** Pipe rows without a delimiter row (a web page's table as text): every line is a row, the header included. */
  bare?: boolean;
  /** A Markdown table's delimiter row: the second line, or the third under two header rows (`| 收入 | | 支出 |` / `| 项目 | 金额 | … |`). */
  delimiter?: number;
}

/** A block with every field present: blocks found by different readers share one shape (see columnIndexes). */
function block(format: Block['format'], first: number, last: number, more?: Pick<Block, 'kind' | 'rule' | 'headless' | 'bare' | 'delimiter'>): Block {
  return { format, kind: more?.kind, rule: more?.rule, first, last, headless: more?.headless, bare: more?.bare, delimiter: more?.delimiter };
}

/**
 * TSV: consecutive lines with tabs (one line needs two tabs); Markdown: a header row, a delimiter row, then
 * rows with pipes; HTML: `<table>` to `</table>`.
 */
/** The title of a sub-table under a table: `相关统计数` under 公开09表 (its rows are counts, no amounts of the table's). */
const SUB_TABLE_TITLE = /^相关统计数[：:]?$/;

function findBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i].text;
    if (opensHtmlTable(text)) {
      // Up to its </table> (or, unclosed, the end of its run of non-blank lines).
      let j = i;
      while (j < lines.length - 1 && !closesHtmlTable(lines[j].text) && (lines[j + 1].text.trim() !== '' || j - i < 1)) j++;
      blocks.push(block('html', i, j));
      i = j + 1;
      continue;
    }
    // (Two header rows may stand above the delimiter: a converter's merged `收入 | 支出` row over `项目 | 行次 | 金额 | …`.)
    const delimiter = !hasPipe(text) ? -1 : isDelimiter(lines, i + 1) ? i + 1 : i + 1 < lines.length && hasPipe(lines[i + 1].text) && isDelimiter(lines, i + 2) ? i + 2 : -1;
    if (delimiter > i) {
      let j = delimiter + 1;
      // Rows missing their leading or trailing pipe still belong to the table.
      // (So does a unit line between its rows, `单位：万元` under the delimiter as Word's paste leaves it: a note of the table.)
      while (j < lines.length && lines[j].text.trim() !== '' && (hasPipe(lines[j].text) || (UNIT_LINE.test(lines[j].text.trim()) && j + 1 < lines.length && hasPipe(lines[j + 1].text)))) j++;
      blocks.push(block('markdown', i, j - 1, { delimiter }));
      i = j;
      continue;
    }
    // `项 目 | 预 算 数 | 决 算 数 |` / `合 计 | 1.8 | 1.52 |` / `因公出国(境)费 | ||`: a web page's table copied as text,
    // pipes between cells and no delimiter row, under a table's title or unit line.
    const previous = blocks.at(-1);
    const bare = bareRows(lines, i, previous?.bare === true && onlyPageBreak(lines, previous.last + 1, i));
    if (bare > i) {
      blocks.push(block('markdown', i, bare, { bare: true }));
      i = bare + 1;
      continue;
    }
    // `| 30103 | 奖金 | 10.00 | …` after a page break (or a `续表` line) under a Markdown table: its rows go on
    // without a header or delimiter of their own (parseTables joins them when they continue the table).
    if (previous?.format === 'markdown' && text.trimStart().startsWith('|') && (onlyPageBreak(lines, previous.last + 1, i) || continuedMarker(lines, previous.last + 1, i))) {
      let j = i + 1;
      while (j < lines.length && lines[j].text.trim() !== '' && hasPipe(lines[j].text)) j++;
      blocks.push(block('markdown', i, j - 1, { headless: true }));
      i = j;
      continue;
    }
    if (GRID_BORDER.test(text)) {
      const last = gridEnd(lines, i);
      if (last > i) {
        blocks.push(block('grid', i, last));
        i = last + 1;
        continue;
      }
    }
    if (DASH_RULE.test(text)) {
      const taken = blocks.at(-1)?.last ?? -1;
      const around = simpleTableAround(lines, i, (k) => k > taken && !hasTab(lines[k].text) && !hasPipe(lines[k].text));
      if (around) {
        blocks.push(block('simple', around.first, around.last, { rule: i }));
        i = around.last + 1;
        continue;
      }
    }
    const csvLast = csvRun(lines, i);
    if (csvLast > i) {
      blocks.push(block('csv', i, csvLast));
      i = csvLast + 1;
      continue;
    }
    if (hasTab(text)) {
      let j = i + 1;
      // (A 科目名称 wrapped by PDF conversion leaves its tail on a line of its own: the table goes on.)
      // (A row whose every tab a converter turned into spaces, `30102     津贴补贴    1047.73`, between tab-separated rows:
      // a row of the table, split at its space runs.)
      const before = (k: number) => k + 1 === lines.length || hasTab(lines[k + 1].text) || onlyPageBreak(lines, k + 1, k + 2);
      // (A page's number between two rows, `- 2 -`, where the PDF page broke the table: the rows go on after it.)
      const pageBreakInside = (k: number) => {
        for (let next = k + 1; next < lines.length && next <= k + 4; next++) if (hasTab(lines[next].text)) return lines[k].text.trim() !== '' && onlyPageBreak(lines, k, next);
        return false;
      };
      while (
        j < lines.length &&
        (hasTab(lines[j].text) ||
          pageBreakInside(j) ||
          ((nameTail(lines[j].text) || singleCharacterTail(lines[j].text)) && !SUB_TABLE_TITLE.test(lines[j].text.trim()) && hasTab(lines[j - 1].text) && before(j) && !(NUMBERED_HEADING.test(lines[j].text) && !hasTab(lines[j + 1]?.text ?? ''))) ||
          (spaceRunRow(lines[j].text) && (before(j) || spaceRunRow(lines[j + 1].text))))
      )
        j++;
      if (j - i > 1 || hasTwoTabs(text)) {
        blocks.push(block('tsv', i, j - 1));
        i = j;
        continue;
      }
    }
    i++;
  }
  // The standard tables as a PDF copy gives them, single spaces under their titles (read by the template's order);
  // then space-aligned tables (pdftotext -layout) among the remaining lines, then other single-space ones.
  const taken = new Uint8Array(lines.length);
  for (const b of blocks) taken.fill(1, b.first, b.last + 1);
  // (公开04/06/09 copied so have layouts of their own, which the aligned reader would take for something else; 02/03/05
  // come after the single-space reader, which reads their rows wrapped over three lines.)
  const singleSpaced = (i: number) => taken[i] === 0 && !WIDE_GAP.test(lines[i].text.trim());
  const kindOf = (text: string) => (isTableTitle(text) ? identifyTable(text.trim(), undefined) : undefined);
  const own = findTemplateBlocks(lines, singleSpaced, (text) => {
    const kind = kindOf(text);
    return kind && hasOwnLayout(kind) ? kind : undefined;
  }).map((b) => block('template', b.first, b.last, { kind: b.kind }));
  for (const b of own) taken.fill(1, b.first, b.last + 1);
  const aligned = alignedBlocks(lines, (i) => taken[i] === 0);
  for (const b of aligned) taken.fill(1, b.first, b.last + 1);
  const spaced = findSpacedBlocks(lines, (i) => taken[i] === 0, (word) => COLUMN_WORD.test(word)).map((b) => block('spaced', b.first, b.last));
  for (const b of spaced) taken.fill(1, b.first, b.last + 1);
  const template = [...own, ...findTemplateBlocks(lines, (i) => taken[i] === 0, kindOf).map((b) => block('template', b.first, b.last, { kind: b.kind }))];
  for (const b of template) taken.fill(1, b.first, b.last + 1);
  const cells = findCellPerLineBlocks(lines, (i) => taken[i] === 0, isTableTitle, isMetaLine).map((b) => block('cells', b.first, b.last));
  const found = [...blocks, ...aligned, ...spaced, ...template, ...cells];
  return aligned.length + spaced.length + template.length + cells.length === 0 ? blocks : found.sort((a, b) => a.first - b.first);
}

/** Two spaces or more between words: a line laid out by position (pdftotext -layout), not a single-space copy. */
const WIDE_GAP = /\S[ \u3000]{2,}\S/;

function alignedBlocks(lines: Line[], free: (i: number) => boolean): Block[] {
  return findAlignedBlocks(lines, free).map((b) => block('aligned', b.first, b.last));
}

function splitCells(line: Line, format: 'tsv' | 'markdown' | 'aligned' | 'csv', leadingPipe = true): TableCell[] {
  const cells: TableCell[] = [];
  const text = line.text;
  if (format === 'csv') {
    for (const f of csvFields(text) ?? []) cells.push(newCell(cells.length, line.start + f.start, line.start + f.end, f.text, indentOf(f.text)));
    return cells;
  }
  if (format === 'tsv') {
    for (let start = 0; ; ) {
      const tab = text.indexOf('\t', start);
      const end = tab < 0 ? text.length : tab;
      const cellText = text.slice(start, end);
      cells.push(newCell(cells.length, line.start + start, line.start + end, cellText, indentOf(cellText)));
      if (tab < 0) return cells;
      start = tab + 1;
    }
  }
  // Markdown: cells between unescaped pipes, trimmed; a missing leading or trailing pipe is tolerated.
  let from = 0;
  let to = text.length;
  const lead = leadingPipe ? /^\s*\|/.exec(text) : null;
  if (lead) from = lead[0].length;
  const trail = /(?<!\\)\|\s*$/.exec(text);
  if (trail && trail.index >= from) to = trail.index;
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || (text.charCodeAt(i) === 124 && text.charAt(i - 1) !== '\\')) {
      // (`<br>` in a converter's cell: labels read as one word, since norm drops the break; `&nbsp;` alone is blank.)
      // (An escaped pipe, `收入\|项目`, parts the words of one cell: two spaces keep the cell's length.)
      const raw = breaksAndSpaces(text.slice(start, i).replace(ESCAPED_PIPE, '  '));
      const lt = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      // Markdown pads cells with one ASCII space: only full-width spaces indent there.
      const at = line.start + start + lt;
      const cell = newCell(cells.length, at, at + trimmed.length, trimmed, indentOf(raw.replace(/^ +/, '')));
      // (Spaces beyond the padding: `|     01 |` under `|   01 |`, a 项 indented under its 款 as Word's paste leaves it.)
      const padded = raw.length - raw.replace(/^ +/, '').length - 1;
      if (padded >= 2) cell.padded = padded;
      cells.push(cell);
      start = i + 1;
    }
  }
  return cells;
}

const ESCAPED_PIPE = /\\\|/g;

/**
 * A column blank in every row, header rows too, between columns that hold something (a spreadsheet's narrow spacer
 * column, `项目\t\t行次\t金额`): no column at all. Left in, it would take the place of the amount its neighbours'
 * headers name.
 */
/**
 * A run of spaces beside a figure or a code inside a cell (`…收入     1`, `30109   职业年金缴费`): where a converter put spaces
 * for a tab. (Not between two words, `社会保障  和就业支出`: a justified label.)
 */
const SPACE_RUN = /(?<=[0-9０-９])[ \u3000]{2,}(?=\S)|(?<=\S)[ \u3000]{2,}(?=[-－0-9０-９])/g;

/**
 * `一、一般公共预算财政拨款收入     1⇥6525.56⇥…`: a tab-separated row with fewer cells than the table's widest, some of its
 * tabs turned into runs of spaces, is split at those runs too, as long as it stays within the table's width.
 */
function splitSpaceRuns(rows: Array<{ cells: TableCell[] }>): void {
  // (Widths up to the last cell with words: trailing tabs add none.)
  const filled = (cells: TableCell[]) => {
    let n = cells.length;
    while (n > 0 && cells[n - 1].text.trim() === '') n--;
    return n;
  };
  let width = 0;
  for (const r of rows) width = Math.max(width, filled(r.cells));
  for (const r of rows) {
    if (filled(r.cells) >= width || !r.cells.some((c) => /\S[ \u3000]{2,}\S/.test(c.text))) continue;
    const split: TableCell[] = [];
    for (const c of r.cells) {
      let from = 0;
      for (const m of c.text.matchAll(SPACE_RUN)) {
        split.push(newCell(split.length, c.span.start + from, c.span.start + m.index!, c.text.slice(from, m.index), from === 0 ? c.indent ?? 0 : 0));
        from = m.index! + m[0].length;
      }
      split.push(newCell(split.length, c.span.start + from, c.span.end, c.text.slice(from), from === 0 ? c.indent ?? 0 : 0));
    }
    if (filled(split) <= width) r.cells = split;
  }
}

/** The most cells a row has. */
function widthOf(rows: Array<{ cells: TableCell[] }>): number {
  let width = 0;
  for (const r of rows) width = Math.max(width, r.cells.length);
  return width;
}

function withoutSpacerColumns(rows: Array<{ cells: TableCell[] }>, leading = false): void {
  if (rows.length < 2) return;
  const used = new Uint8Array(widthOf(rows));
  for (const r of rows) for (const c of r.cells) if (c.text.trim() !== '') used[c.col] = 1;
  const last = used.lastIndexOf(1);
  // (`|  | 收入 | 收入 | … |` throughout: a converter's empty first column, which would start the income side as a second block.)
  const first = leading && used[0] === 0 ? -1 : 0;
  let spacers = first < 0;
  for (let col = 1; col < last; col++) if (used[col] === 0) spacers = true;
  if (!spacers) return;
  for (const r of rows) {
    r.cells = r.cells.filter((c) => c.col === first || c.col >= last || used[c.col] === 1);
    r.cells.forEach((c, k) => (c.col = k));
  }
}

// (`附件2-7`: the tables as attachments, numbered within the second.)
const TITLE_CODE = /(公开\s*\d{1,2}\s*表|部门公开表\s*\d+|公开表\s*\d+|附表\s*\d+(?:\s*[-－—–]\s*\d+)?|附件\s*\d+(?:\s*[-－—–]\s*\d+)?|表\s*[一二三四五六七八九十\d]+)/;

/**
 * A 项目支出绩效自评表 printed after another without its title (`（2022年度）` or `**表2** 特困人员救助供养资金（2023年度）`, then
 * `项目名称 | …`): a form by its rows, the project's name first and the 资金 header (年初预算数 | 全年预算数 | 全年执行数 | 分值 |
 * 执行率 | 得分) within its first lines.
 */
function performanceForm(kind: StandardTableId, lines: Array<{ text: string }>, block: { first: number; last: number }): StandardTableId {
  if (kind !== 'unknown' || !/^[\s|]*项目名称/.test(lines[block.first].text)) return kind;
  for (let li = block.first + 1; li <= Math.min(block.last, block.first + 4); li++) {
    const text = lines[li].text;
    if (/预算数/.test(text) && /执行数/.test(text) && /得分/.test(text)) return 'performance';
  }
  return kind;
}

/** Standard tables by title words; the code (公开NN表 / 部门公开表N) wins when present. */
export function identifyTable(title: string | undefined, code: string | undefined): StandardTableId {
  const c = code?.replace(/\s/g, '').match(/公开(\d{1,2})表|公开表(\d{1,2})$/);
  // Regions number these three tables differently (三公 as 公开11表, 政府采购 as 公开09表): a table title
  // that names one of them wins over the number.
  // (A bracketed qualifier after the title's 表 is no part of its kind: `政府采购支出情况表（按采购方式）`.)
  const named = (title ?? '').replace(/\s/g, '').replace(/[（(][^（()）]*[)）]$/, '');
  if (c && /表$/.test(named)) {
    if (/三公/.test(named)) return 'T09';
    if (/政府采购/.test(named)) return 'T11';
    // (Some regions number 三公 07, 政府性基金 08 and 国有资本经营 09.)
    if (/政府性基金/.test(named) && !/总表/.test(named)) return 'T07';
    if (/国有资本经营/.test(named) && !/总表/.test(named)) return 'T08';
    if (/^[^，。]*机关运行经费[^，。]*表$/.test(named) && !/三公/.test(named)) return 'T10';
    // (The 一般公共预算 tables numbered the other way round: `一般公共预算财政拨款基本支出决算表` as 公开05表, the functional one
    // as 公开06表. Their titles differ by 基本 alone.)
    if (/^(?:一般公共|公共财政)预算财政拨款基本支出(?:决算)?表$/.test(named)) return 'T06';
    if (/^(?:一般公共|公共财政)预算财政拨款支出(?:决算)?表$/.test(named)) return 'T05';
    // (中央部门's `一般公共预算财政拨款项目支出决算表`, numbered 公开07表: 项目支出 by economic class, none of the eleven.)
    if (/^(?:一般公共|公共财政)预算财政拨款项目支出(?:决算)?表$/.test(named)) return 'unknown';
    // (Tables some regions number 10 or 11 that are none of the eleven: 绩效自评表, 国有资产占用情况表.)
    if (/绩效自评|绩效评价/.test(named)) return 'performance';
    if (/国有资产|资产占用/.test(named)) return 'unknown';
    // (`分单位收入支出决算表` numbered 公开10表: by unit, none of the eleven.)
    if (/^(?:\*\*)?分单位|按单位/.test(named)) return 'unknown';
  }
  if (c) {
    const n = Number(c[1] ?? c[2]);
    if (n >= 1 && n <= 11) return `T${String(n).padStart(2, '0')}` as StandardTableId;
  }
  const t = (title ?? '').replace(/\s/g, '');
  if (/绩效自评表|绩效自评情况表/.test(t)) return 'performance';
  // (Regional titles: `部门收支决算总表`, `财政拨款收支决算总表`, `…支出决算明细表`, `机关运行经费支出决算表`; and the older set
  // without 决算, 表一…表九: `部门收支总表`, `部门收入总表`, `部门支出总表`, `财政拨款收支总表`, `一般公共预算财政拨款支出表`,
  // `一般公共预算财政拨款基本支出表`.)
  if (/财政拨款收入?支出?(?:决算)?总表/.test(t)) return 'T04';
  if (/收入?支出?决算总表|(?:部门|单位)收入?支出?总表$/.test(t)) return 'T01';
  if (/收入决算(?:明细)?表|(?:部门|单位)收入(?:总|明细)?表$/.test(t)) return 'T02';
  if (/(?:一般公共|公共财政)预算财政拨款基本支出(?:决算)?(?:明细)?表/.test(t)) return 'T06';
  if (/三公/.test(t)) return 'T09';
  if (/(?:一般公共|公共财政)预算财政拨款支出(?:决算)?(?:明细)?表/.test(t)) return 'T05';
  if (/政府性基金/.test(t)) return 'T07';
  if (/国有资本经营/.test(t)) return 'T08';
  if (/机关运行经费/.test(t)) return 'T10';
  if (/政府采购/.test(t)) return 'T11';
  if (/支出决算(?:明细)?表|(?:部门|单位)支出(?:总|明细)?表$/.test(t)) return 'T03';
  return 'unknown';
}

function unitFrom(text: string): MoneyUnit | undefined {
  return unitMatch(text)?.[1] as MoneyUnit | undefined;
}

function unitMatch(text: string): RegExpMatchArray | null {
  return text.match(/单位\s*[:：]\s*(亿元|万元|元)/) ?? text.match(/[（(]\s*(亿元|万元|元)\s*[)）]/);
}

interface Meta {
  title?: string;
  titleSpan?: Span;
  code?: string;
  unit?: MoneyUnit;
  unitSpan?: Span;
}

/** Title, code and unit: up to six non-blank, non-table lines above the block. */
function findMeta(lines: Line[], first: number, tableLines: Uint8Array): Meta {
  const meta: Meta = {};
  let seen = 0;
  for (let i = first - 1; i >= 0 && seen < 6; i--) {
    // (A sheet's title row saved as CSV: `收入支出决算总表,,,,,,,,`, `,,,,,公开01表,,,`.)
    const raw = lines[i].text.replace(/^\s*#+\s*/, '').replace(/\*\*/g, '').replace(/^,+|,+\s*$/g, '');
    const t = raw.trim();
    // (Nor a rule under the title, `========…`, as pdftotext lays out a ruled table.)
    if (t === '' || isRuleLine(t)) continue;
    if (tableLines[i] === 1) break;
    seen++;
    // (Length without the padding: `编制单位：…局` and `金额单位：万元` share a line far apart in a PDF's layout.)
    if (t.replace(/\s{2,}/g, ' ').length > 60 || /[。]$/.test(t)) break;
    const unit = meta.unit ? null : unitMatch(lines[i].text);
    if (unit) {
      meta.unit = unit[1] as MoneyUnit;
      const at = unit.index! + unit[0].lastIndexOf(unit[1]);
      meta.unitSpan = { start: lines[i].start + at, end: lines[i].start + at + unit[1].length };
    }
    // (`…决算表（单位：万元）`: the bracket the unit stood in goes with it.)
    const bare = t.replace(/[（(]?\s*(金额)?单位\s*[:：].*$/, '').trim();
    const codeMatch = bare.match(TITLE_CODE);
    if (codeMatch && !meta.code) meta.code = codeMatch[0].replace(/\s/g, '');
    // (`**部门收支总表**（表1）`: the brackets the code stood in go with it.)
    const titleText = bare.replace(TITLE_CODE, '').replace(/[（(]\s*[)）]/g, '').replace(/^[：:\s]+/, '').trim();
    // `收入支出决算总` / `表`: a title wrapped by PDF conversion; its head is the line above.
    const head = !meta.title && /^[\u4e00-\u9fff]{0,3}表$/.test(titleText) && i > 0 ? lines[i - 1].text.trim() : '';
    if (head && head.length <= 40 && /[\u4e00-\u9fff]$/.test(head) && !/[。：:]/.test(head) && tableLines[i - 1] !== 1) {
      meta.title = head + titleText;
      meta.titleSpan = { start: lines[i - 1].start + lines[i - 1].text.indexOf(head), end: lines[i].end };
      i--;
    } else if (!meta.title && namesTable(titleText)) {
      meta.title = titleText;
      const at = lines[i].text.indexOf(titleText);
      meta.titleSpan = at >= 0 ? { start: lines[i].start + at, end: lines[i].start + at + titleText.length } : { start: lines[i].start, end: lines[i].end };
    } else if (!meta.title && seen === 1 && /[:：]$/.test(t) && t.length <= 20) {
      // `相关统计数：` above a sub-table.
      meta.title = t.replace(/[:：]$/, '');
      meta.titleSpan = { start: lines[i].start, end: lines[i].end };
      break;
    }
    if (meta.title && meta.code) break;
  }
  return meta;
}

/**
 * `保险缴费支出` under `2080505\t机关事业单位基本养老\t40.00…`: the rest of a wrapped name, a short run of 汉字
 * (with brackets and 、) that is neither a title, a unit line nor a sentence.
 */
function nameTail(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 16 && NAME_TAIL.test(t) && !/表$|决算|单位[：:]/.test(t);
}
const NAME_TAIL = /^[\u4e00-\u9fff（）()、]+$/;
/** `十四、名词解释` right under a table: the next heading, unless a row goes on after it (`一、一般公共预算财政拨款收` / `入\t1\t618.39`). */
const NUMBERED_HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])/;
/** `务` alone between two rows, the last 汉字 of `一般行政管理事务` a conversion wrapped. */
function singleCharacterTail(text: string): boolean {
  return /^[\u4e00-\u9fff][)）]?$/.test(text.trim());
}

/** `30102     津贴补贴    1047.73`, `一、财政拨款收入     6525.56`: a code or a label and figures, parted by runs of spaces only. */
function spaceRunRow(text: string): boolean {
  return !hasTab(text) && SPACE_RUN_ROW.test(text.trim());
}
const SPACE_RUN_ROW = /^(?:\d{3,7}[ \u3000]{2,}\S.*|\S.*\S[ \u3000]{2,}[-－]?[0-9０-９][0-9０-９,，.．]*)$/;

/** Lines between two blocks that a page break leaves: blanks, page numbers and the running title. */
function onlyPageBreak(lines: Line[], from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const t = lines[i].text.trim();
    // (`- 3 -`, `3`, `第3页 共9页`, `（第2页）`, `3 / 9`, and Markdown's thematic break `---` where a converter marked the page's end.)
    // (Or the running title with the page's number after it: `白云县自然资源局2022年度部门决算  第10页`.)
    if (t !== '' && !/^[-—–\s]*\d{1,4}[-—–\s]*$/.test(t) && !/^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/.test(t) && !/^\d{1,4}\s*[/／]\s*\d{1,4}$/.test(t) && !/^[（(]?第\s*\d+\s*页/.test(t) && !RUNNING_TITLE.test(t.replace(TRAILING_PAGE_NUMBER, ''))) return false;
  }
  return true;
}

const TRAILING_PAGE_NUMBER = /[\s\u3000]+(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|[-—–－]\s*\d{1,4}\s*[-—–－]|\d{1,4})$/;

/** A line that only says the table before goes on: `表三（续）`, `续表`, `公开05表（续）`. */
const CONTINUATION_LINE = /^[\s|]*(?:(?:表[一二三四五六七八九十\d]{1,2}|公开\s*\d{1,2}\s*表|部门公开表\s*\d{1,2})\s*[（(]续(?:表)?[)）]|[（(]?续表[)）]?|续上表)[\s|]*$/;
/** `续表`, `续上表`, `（续表）`, `公开05表（续）`, `（接下页）`, `（转下页）`: the previous table goes on. */
const CONTINUED = /续表|续上表|[（(]续[)）]|接下页|接上页|转下页|续下页|下页续/;

/**
 * Only page-break lines and a `续表` line (naming the previous table's code, if any) stand between the
 * previous table and this block: its title and unit line are the previous table's.
 */
function continuedTable(lines: Line[], prev: Work, to: number): boolean {
  const marker = continuedMarker(lines, prev.lastLine + 1, to);
  return marker !== undefined && !(marker.code && prev.table.code && marker.code !== Number(/\d+/.exec(prev.table.code)?.[0]));
}

const TABLE_CODE_ONLY = /^[|\s]*公开\s*\d{1,2}\s*表[|\s]*$/;

/** Lines between a table's last row and its continuation's first: a footer, a 续表 line, a unit line, blanks around each. */
const MAX_CONTINUATION_GAP = 10;

/** Page-break lines and at least one `续表` line from `from` to `to`: the 公开NN表 number it names, if any. */
function continuedMarker(lines: Line[], from: number, to: number): { code?: number } | undefined {
  // (Blank lines around the page footer and the 续表 line are not counted: a converter may leave two on each side.)
  if (to - from > MAX_CONTINUATION_GAP) return undefined;
  let marker = false;
  let code: number | undefined;
  for (let i = from; i < to; i++) {
    const text = lines[i].text.trim();
    // (Nor a rule of the table's frame, `────────` above its repeated header.)
    if (text === '' || onlyPageBreak(lines, i, i + 1) || isRuleLine(text)) continue;
    // (`（续表）` / `公开06表` / `金额单位：万元`: the table's code and unit line repeated with the mark.)
    if (CONTINUED.test(text)) marker = true;
    // (`部门：某局\t\t金额单位：万元`: the sheet's body and unit line repeated on the new page.)
    else if (!/^(?:金额)?单位[：:]/.test(text) && !TABLE_CODE_ONLY.test(text) && !isMetaLine(text)) return undefined;
    const named = /公开\s*(\d{1,2})\s*表/.exec(text)?.[1];
    if (named !== undefined) code = Number(named);
  }
  return marker ? { code } : undefined;
}

/**
 * 公开06表 printed as two tables under the labels `人员经费` / `公用经费`: the block after the `公用经费` label goes on with the table
 * before it.
 */
function basicSpendingHalf(lines: Line[], prev: Work, first: number): boolean {
  if (prev.table.kind !== 'T06' || first - prev.lastLine > 4) return false;
  let label = false;
  for (let i = prev.lastLine + 1; i < first; i++) {
    const text = lines[i].text.replace(/[\s*#]/g, '');
    if (text === '') continue;
    if (label || !/^(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、.．])?(?:公用经费|人员经费)(?:部分|支出)?[：:]?$/.test(text)) return false;
    label = true;
  }
  return label;
}

/** A heading naming the expenditure side (`（二）支出`, `二、支出部分`). */
const SPENDING_HEADING = /^[\s#*]*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[.、．])?\s*支出(?:部分|项目|决算|情况)?[\s*]*$/;

/**
 * 公开01 / 04 printed as two blocks, the income first: only blank lines and a heading naming the
 * expenditure side stand between them, and the first block has no expenditure rows yet.
 */
function spendingHalf(lines: Line[], prev: Work, to: number): boolean {
  const t = prev.table;
  if ((t.kind !== 'T01' && t.kind !== 'T04') || to - prev.lastLine > 5) return false;
  let heading = false;
  for (let i = prev.lastLine + 1; i < to; i++) {
    const text = lines[i].text.trim();
    if (text === '') continue;
    if (heading || !SPENDING_HEADING.test(text)) return false;
    heading = true;
  }
  return heading && !t.rows.some((r) => r.cells.some((c) => /支出合计|支出总计/.test(c.text)));
}

const isSpaceCode = (code: number) => code <= 32 || code === 0xa0 || code === 0x3000;

/**
 * A number cell starts (after spaces and `**`) with a digit, a point, a sign, a dash or a comparison:
 * `[\d\uFF10-\uFF19.．+\-－−—–─≥≤<>＜＞/／]`, tested by code (every non-blank cell is tested).
 */
function maybeNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhiteSpace(c)) continue;
    if (c === 42 && text.charCodeAt(i + 1) === 42) {
      i++;
      continue;
    }
    // (A spreadsheet's quotes around a number with a comma, `"8,520.54"`, or its mark of a figure stored as text, `'1150.00`.)
    if ((c === 34 || c === 39) && i === text.length - text.trimStart().length) continue;
    return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || NUMBER_START.has(c);
  }
  return false;
}

const NUMBER_START = new Set([...'.．+-－−—–─≥≤<>＜＞/／（(△▲'].map((ch) => ch.charCodeAt(0)));
const NORM_RE = /[\s\u3000]|\*\*/g;
/** A cell or label without spaces and Markdown bold (PDF breaks labels: `公务用车购 置费`). */
export const norm = (s: string) => (hasNormChars(s) ? s.replace(NORM_RE, '') : s);

/** Whether `s` holds a character NORM_RE removes (JavaScript's \s, or `**`): most cells hold none. */
function hasNormChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWhiteSpace(c) || (c === 42 && s.charCodeAt(i + 1) === 42)) return true;
  }
  return false;
}

interface Work {
  table: Table;
  /** Parsed number of every cell, parallel to rows/cells. */
  scanned: Array<Array<ScannedNumber | undefined>>;
  lastLine: number;
}

const META_CELL = [
  new RegExp(`^${TITLE_CODE.source}$`),
  /^[^\d]{2,40}表([（(][^)）]*[)）])?$/,
  /^(金额)?单位\s*[:：]\s*(亿元|万元|元)$/,
  /^(编制|填报)?(部门|单位)(名称)?\s*[:：]/,
  /^[（(]?\d{4}\s*年度?[)）]?$/,
];

/**
 * A sheet pasted from Excel carries its title, code and unit as rows of the block
 * (`收入决算表\t\t\t公开02表`, `部门：…\t\t金额单位：元`): lines whose few cells are all such words.
 */
function isMetaLine(text: string): boolean {
  const cells = text.split('\t').map((c) => c.trim()).filter((c) => c !== '');
  if (cells.length === 0 || cells.length > 3) return false;
  // (`部门：某局\t\t单位：万元`: 单位：万元 is the unit, not the body's name.)
  return cells.every((c) => META_CELL.some((re) => re.test(c.replace(/\*\*/g, '')))) && cells.some((c) => !META_CELL[3].test(c) || META_CELL[2].test(c));
}

/** A 3/5/7-digit subject code followed by a name of more than a count unit. */
const CODE_THEN_NAME = /^\s*\d{3}(?:\d{2}){0,2}[\s\u3000]*(?!(?:人次|批次|万人|万份|个|人|辆|台|套|份|家|项|次|名|户|件|所|条|天|本|期|场|篇|年|元|万元)\s*$)[\u4e00-\u9fff]{2,}/;

const NOTHING_WORD = /^\s*[（(]?(?:无|空)[)）]?\s*$/;

/** Completes a split cell of row `row`: blank or not, its number scanned when it may hold one (`scans[col]`). */
function readCell(row: number, cell: TableCell, scans: Array<ScannedNumber | undefined>): TableCell {
  const text = cell.text;
  cell.row = row;
  // Only text cells keep their indentation.
  const indent = cell.indent;
  cell.indent = undefined;
  // Most cells of these tables are blank: skip the number scanner for them. A cell holding only
  // a full-width or no-break space (Excel, Word) is blank too.
  // (`无`, `空`, `（空）`: the template's words for nothing there, as a blank is.)
  if (text === '' || (isSpaceCode(text.charCodeAt(0)) && text.trim() === '') || NOTHING_WORD.test(text)) {
    scans.push(undefined);
    cell.empty = true;
    return cell;
  }
  // A number cell starts with a digit, a sign, a comparison or a dash; labels are not scanned, nor a
  // subject code with its name (`20101人大事务`, `2010104 人大会议`: not a count of 人).
  if (!maybeNumber(text) || CODE_THEN_NAME.test(text)) {
    scans.push(undefined);
    cell.indent = indent || undefined;
    return cell;
  }
  const value = readCellValue(text.includes('**') ? text.replace(/\*\*/g, '  ') : text, cell.span.start);
  scans.push(typeof value === 'object' ? value : undefined);
  cell.empty = value === 'blank' || value === 'dash';
  return cell;
}

/**
 * The indexes of the columns of one role among `columns` (of one block, or all), left to right. Built by push so that
 * every such list, empty or not, is a packed array of small integers: the code that reads them stays compiled for
 * one kind of array (`.map` makes a holey one, `[]` a packed one).
 */
export function columnIndexes(columns: readonly TableColumn[], role: TableColumn['role'], block?: number): number[] {
  const out: number[] = [];
  for (const c of columns) if (c.role === role && (block === undefined || c.block === block)) out.push(c.index);
  return out;
}

/** More columns than any disclosure table has (公开01表 side by side with its 续表 has about 30). */
const MAX_COLUMNS = 200;

export function parseTables(text: string, lines: Line[]): ParsedTables {
  const works: Work[] = [];
  const tableLines = new Uint8Array(lines.length);
  const refused: ParsedTables['refused'] = [];
  for (const block of findBlocks(lines)) {
    // Title rows inside a pasted sheet are read as the lines above the table.
    const metaRow = (i: number) => isMetaLine(block.format === 'csv' ? (csvFields(lines[i].text) ?? []).map((f) => f.text).join('\t') : lines[i].text);
    if (block.format === 'tsv' || block.format === 'csv') while (block.first < block.last && metaRow(block.first)) block.first++;
    // (`表三（续）` read as the first line of the block it heads: a line between, which says the table goes on.)
    while (block.first < block.last && CONTINUATION_LINE.test(lines[block.first].text)) block.first++;
    // (`公开01表\t\t\t金额单位：万元` alone between blank lines: the next table's code and unit, not a table.)
    if ((block.format === 'tsv' || block.format === 'csv') && block.first === block.last && metaRow(block.first)) continue;
    const meta = findMeta(lines, block.first, tableLines);
    const prev = works.at(-1);
    let lineCells: Array<{ line: number; cells: TableCell[]; header?: true }>;
    if (block.format === 'aligned' || block.format === 'spaced' || block.format === 'cells' || block.format === 'template') {
      // Space-separated lines are a table only under a title, code or unit line, or after a page break in
      // one (or they are prose).
      if (!meta.title && !meta.code && !meta.unit && !(prev && ((block.first > prev.lastLine + 1 && onlyPageBreak(lines, prev.lastLine + 1, block.first)) || continuedTable(lines, prev, block.first)))) continue;
      tableLines.fill(1, block.first, block.last + 1);
      let read =
        block.format === 'aligned'
          ? readAligned(lines, block.first, block.last)
          : block.format === 'cells'
            ? readOrdered(lines, block.first, block.last, true)
            : block.format === 'template'
              ? readTemplate(lines, block.first, block.last, block.kind!)
              : readSpaced(lines, block.first, block.last);
      // (Not aligned at all, a web page's cells a run of spaces apart: by order, when every row fills every column.)
      if ('refused' in read && block.format === 'aligned') {
        const ordered = readOrdered(lines, block.first, block.last);
        if (!('refused' in ordered)) read = ordered;
      }
      if ('refused' in read) {
        if (block.format === 'cells') refused.push({ first: block.first, last: block.last, reason: CELLS_LOST, layout: 'cell-per-line' });
        else refused.push({ first: block.first, last: block.last, reason: read.refused, layout: 'aligned' });
        continue;
      }
      lineCells = read.rows.map((r) => ({
        line: r.line,
        cells: r.cells.map((c, col) => {
          const cell = newCell(col, c.start, c.end, c.text, c.indent);
          if (c.unplaced) cell.unplaced = true;
          return cell;
        }),
        header: r.header,
      }));
      if (lineCells.length === 0) continue;
    } else if (block.format === 'grid' || block.format === 'simple') {
      tableLines.fill(1, block.first, block.last + 1);
      const read = block.format === 'grid' ? readGrid(lines, block.first, block.last) : readSimple(lines, block.first, block.rule!, block.last);
      lineCells = read.map((r) => ({ line: r.line, cells: r.cells.map((c, col) => newCell(col, c.start, c.end, c.text, c.indent)) }));
      if (lineCells.length === 0) continue;
    } else if (block.format === 'html') {
      tableLines.fill(1, block.first, block.last + 1);
      lineCells = readHtmlTable(text, lines, block.first, block.last).map((r) => ({ line: r.line, cells: r.cells.map((c, col) => newCell(col, c.start, c.end, c.text, c.indent)) }));
      if (lineCells.length === 0) continue;
    } else {
      lineCells = [];
      // (A web page's bare table whose header row opens without a pipe opens no row with one: ` |  | 九、卫生健康支出 | 27.22`
      // opens with two blank cells.)
      const leadingPipe = !block.bare || /^\s*\|/.test(lines[block.first].text);
      let pendingHead: string | undefined;
      for (let li = block.first; li <= block.last; li++) {
        tableLines[li] = 1;
        if (block.format === 'markdown' && !block.headless && !block.bare && li === block.delimiter) continue; // the delimiter row
        if (block.format === 'tsv' && !hasTab(lines[li].text) && onlyPageBreak(lines, li, li + 1)) continue;
        // (`使用非财政拨款结余（含专用` / `结余）⇥28⇥0.00…`: a label whose bracket the line leaves open is the head of the next row's.)
        // (So is one before a row that opens with a fragment of a label: `三、国有资本经营预算财政拨` / `款⇥3⇥0.00…`.)
        const head = block.format === 'tsv' && !hasTab(lines[li].text) && li < block.last && hasTab(lines[li + 1].text) && (openBracket(lines[li].text) || (NAME_TAIL.test(lines[li].text.trim()) && LABEL_FRAGMENT.test(lines[li + 1].text.split('\t')[0].trim()))) ? lines[li].text.trim() : undefined;
        if (head !== undefined) {
          pendingHead = head;
          continue;
        }
        if (block.format === 'tsv' && !hasTab(lines[li].text) && lineCells.length > 0 && !spaceRunRow(lines[li].text)) {
          appendNameTail(lineCells[lineCells.length - 1].cells, lines[li].text.trim());
          continue;
        }
        const cells = splitCells(lines[li], block.format, leadingPipe);
        if (pendingHead !== undefined) {
          const first = cells.find((c) => c.text.trim() !== '');
          if (first && (/^[^\d\s]{1,8}[)）]/.test(first.text.trim()) || LABEL_FRAGMENT.test(first.text.trim()))) first.text = pendingHead + first.text.trim();
          pendingHead = undefined;
        }
        // (`|  |  |  | 金额单位：万元 |` over the delimiter: the unit line a converter made the header row; the table's
        // own header follows.)
        if (block.format === 'markdown' && !block.headless && !block.bare && li === block.first && isMetaLine(cells.map((c) => c.text).join('\t'))) {
          meta.unit ??= unitFrom(lines[li].text.replace(/\|/g, ' ').trim());
          continue;
        }
        lineCells.push({ line: li, cells });
      }
    }
    // (No disclosure table has hundreds of columns: a 1 MB line under a rule of thousands of dashes is none; reading it
    // column by column would take minutes.)
    const widest = lineCells.reduce((n, r) => Math.max(n, r.cells.length), 0);
    if (widest > MAX_COLUMNS) {
      refused.push({ first: block.first, last: block.last, reason: l(`有${widest}栏`, `${widest} columns`), layout: 'too-wide' });
      continue;
    }
    if (block.format === 'markdown' || block.format === 'tsv') {
      standardSangongHeaders(meta.title, lineCells);
      standardFundHeaders(meta.title, lineCells);
    }
    const between = prev && ((!meta.title && !meta.code && (onlyPageBreak(lines, prev.lastLine + 1, block.first) || spendingHalf(lines, prev, block.first) || basicSpendingHalf(lines, prev, block.first))) || continuedTable(lines, prev, block.first));
    // (A continuation as wide as the table it continues keeps its columns: `⇥13⇥⇥十三、交通运输支出⇥44⇥` rows of 公开01表's
    // spending side, after the income rows ran out, leave the income amounts blank throughout, but they are no spacer.)
    const sameWidth = between && lineCells.length > 0 && widthOf(lineCells) === widthOf(prev.table.rows);
    if (block.format === 'tsv') splitSpaceRuns(lineCells);
    if ((block.format === 'tsv' || block.format === 'csv' || block.format === 'markdown') && !sameWidth) withoutSpacerColumns(lineCells, block.format === 'markdown' || block.format === 'tsv');
    const rows: TableRow[] = [];
    const scanned: Work['scanned'] = [];
    for (const { line: li, cells: raw, header } of lineCells) {
      const line = lines[li];
      const rowScans: Array<ScannedNumber | undefined> = [];
      for (const cell of raw) readCell(rows.length, cell, rowScans);
      rows.push({ index: rows.length, kind: 'data', line: li, span: { start: line.start, end: line.end }, cells: raw, code: undefined, label: '', entries: undefined, repeatedHeader: undefined });
      if (header) layoutHeaders.add(rows[rows.length - 1]);
      scanned.push(rowScans);
    }
    // (A 项目支出绩效自评表's indicator part, `绩效指标 | 一级指标 | …`, wider than its 资金 part, goes on the same form.)
    const performancePart = prev?.table.kind === 'performance' && !meta.title && !meta.code && block.first - prev.lastLine <= 2 && /一级指标/.test(lines[block.first].text);
    if ((between && continues(prev.table, rows)) || performancePart) {
      // A page break, or 01/04 printed as two blocks (`（一）收入` … `（二）支出`): the rows (after a repeated
      // header) continue the previous table; stacked below the income 总计, they are its expenditure side.
      const t = prev.table;
      // (Cut off within its header, the table just goes on: no new segment with a header of its own.)
      if (hasFigures(t.rows)) (t.continuations ??= []).push(t.rows.length);
      for (const r of rows) {
        r.index = t.rows.length;
        for (const c of r.cells) c.row = r.index;
        t.rows.push(r);
      }
      prev.scanned.push(...scanned);
      prev.lastLine = block.last;
      t.span.end = lines[block.last].end;
      continue;
    }
    const id = works.length;
    // (Every field present, if undefined: tables read by different readers share one shape.)
    const table: Table = {
      id,
      title: meta.title,
      titleSpan: meta.titleSpan,
      code: meta.code,
      kind: performanceForm(identifyTable(meta.title, meta.code), lines, block),
      // (A single-space table is laid out with spaces too; pandoc's grid tables have a header row as Markdown's do.)
      // (A CSV sheet is a TSV one with other separators.)
      format: block.format === 'spaced' || block.format === 'simple' || block.format === 'cells' || block.format === 'template' ? 'aligned' : block.format === 'grid' ? 'markdown' : block.format === 'csv' ? 'tsv' : block.format,
      unit: meta.unit ?? '万元',
      unitSpan: meta.unitSpan,
      unitSlip: undefined,
      span: { start: lines[block.first].start, end: lines[block.last].end },
      rows,
      columns: [],
      projectName: undefined,
      notes: undefined,
      noData: undefined,
      continuations: undefined,
      withdrawn: undefined,
      unfinished: undefined,
      lastYears: undefined,
      blanksLost: lineCells.some((r) => r.cells.some((c) => c.unplaced)) || undefined,
    };
    if (!meta.unit) {
      const headerUnit = rows.slice(0, 4).flatMap((r) => r.cells).map((c) => unitFrom(c.text)).find((u) => u);
      if (headerUnit) table.unit = headerUnit;
    }
    works.push({ table, scanned, lastLine: block.last });
  }

  captionsBelow(works, lines, tableLines);
  // (An untitled table of the 三公 items under 预算数 / 决算数, `| 项目 | 预算数（万元） | 决算数（万元） |` in the 三公 section, is the
  // 公开09表 in small: its 合计 and 公务用车 subtotal are checked as that table's.)
  for (const w of works) if (w.table.kind === 'unknown' && w.table.title === undefined && w.table.code === undefined && listsSangong(w.table.rows)) w.table.kind = 'T09';
  const cellNumbers: ScannedNumber[] = [];
  const cellPlaces: ParsedTables['cellPlaces'] = [];
  const kept: Work[] = [];
  for (const w of works) {
    analyse(w);
    // A space-aligned table with words in its amount columns (a wrapped or centred header's fragments, a wrapped 科目名称
    // beside its amounts): its columns are in doubt, so it is left unread rather than checked with cells misplaced.
    if (w.table.format === 'aligned' && wordsInAmountCells(w.table)) {
      refused.push({ first: w.table.rows[0].line, last: w.table.rows.at(-1)!.line, reason: l('金额栏中有文字（表头或科目名称折行后落入金额栏）', 'words in the amount columns (a wrapped header or row name)'), layout: 'aligned' });
      continue;
    }
    w.table.id = kept.length;
    kept.push(w);
    attachNotes(w, lines);
    for (const row of w.table.rows) {
      if (row.kind === 'header' || row.kind === 'column-numbers') continue;
      for (const cell of row.cells) {
        const n = w.scanned[row.index][cell.col];
        const role = w.table.columns[cell.col]?.role;
        if (!n || cell.shiftedCode || role === 'code' || role === 'code-part' || role === 'line-number') continue;
        if (role === 'name' && w.table.kind !== 'performance' && w.table.kind !== 'unknown') continue;
        cellNumbers.push(n);
        cellPlaces.push({ table: w.table.id, row: row.index, col: cell.col });
      }
    }
  }
  return { tables: kept.map((w) => w.table), tableLines, cellNumbers, cellPlaces, refused };
}

/**
 * Captions written under their tables (pandoc's `Table: …`, Word's caption style, all tables or some): a table with a
 * caption right below it took its predecessor's from above. Back from the last table, while each took the caption
 * under the one before, each is named by its own; only when the run ends at a table with no caption above (in a
 * document of captions above, the line under a table is the next one's title, and the run ends at a titled table).
 */
function captionsBelow(works: Work[], lines: Line[], tableLines: Uint8Array): void {
  const captions = works.map((w) => {
    let at = w.lastLine + 1;
    while (at < lines.length && at <= w.lastLine + 2 && lines[at].text.trim() === '') at++;
    const caption = at < lines.length && tableLines[at] !== 1 ? captionOf(lines[at].text) : undefined;
    return caption && { ...caption, line: lines[at] };
  });
  const run: number[] = [];
  for (let k = works.length - 1; k >= 0 && captions[k]; k--) {
    const { table } = works[k];
    const previous = captions[k - 1];
    const tookPrevious = previous !== undefined && (table.titleSpan ? table.titleSpan.start >= previous.line.start && table.titleSpan.start <= previous.line.end : table.code !== undefined && table.code === previous.code);
    // (A heading above the first table, `第二部分 2024年度部门决算表`, names none of the tables.)
    if (!tookPrevious && (table.title !== undefined || table.code !== undefined) && table.kind !== 'unknown') return;
    // (An untitled table after standard tables titled above, `相关统计数：` under 公开09表, starts no run of captions below: the
    // line under the last table is then the title of one not pasted yet, `公开11表` / `（采购数据待…粘贴）`.)
    if (!tookPrevious && works.slice(0, k).some((w) => w.table.kind !== 'unknown' && w.table.title !== undefined)) return;
    run.push(k);
    if (!tookPrevious) break;
  }
  for (const k of run) {
    const { table } = works[k];
    const caption = captions[k]!;
    table.title = table.titleSpan = undefined;
    if (caption.title !== undefined) {
      const at = caption.line.start + caption.line.text.indexOf(caption.title);
      table.title = caption.title;
      table.titleSpan = { start: at, end: at + caption.title.length };
    }
    table.code = caption.code;
    table.kind = identifyTable(table.title, table.code);
  }
}

/** The 三公 items and a 预算数 / 决算数 half, and no counts (团组数, 保有量 …: the 相关统计数 table, read by itself). */
function listsSangong(rows: Array<{ cells: TableCell[] }>): boolean {
  if (rows.length > 16) return false;
  const texts = rows.flatMap((r) => r.cells.map((c) => c.text)).join('\n');
  return /因公出国/.test(texts) && /公务用车/.test(texts) && /公务接待/.test(texts) && /预算数?|决算数?/.test(texts) && !/团组|人次|批次|保有量|购置数|辆/.test(texts);
}

/** A table's title: words ending in 表 (before a bracket: `…决算表（续）`). */
function namesTable(title: string): boolean {
  return /表$/.test(title.replace(TRAILING_BRACKET, '')) && title.length > 1;
}

/** The title and code a caption line states (`表：政府采购支出情况表（公开11表）`, `**机关运行经费支出情况表**`), if any. */
function captionOf(text: string): { title?: string; code?: string } | undefined {
  const t = text.replace(/\*\*/g, '').replace(/^\s*(?:#+\s*)?(?:表|Table)\s*[:：]\s*/, '').trim();
  if (t.length > 40 || /[。，,]/.test(t)) return undefined;
  const code = t.match(TITLE_CODE)?.[0].replace(/\s/g, '');
  const title = t.replace(TITLE_CODE, '').replace(/[（(]\s*[)）]/g, '').replace(/^[：:\s]+|[：:\s]+$/g, '').trim();
  const named = namesTable(title) ? title : undefined;
  return named || code ? { title: named, code } : undefined;
}

/** A body row holds a word (no digit) where an amount belongs. */
function wordsInAmountCells(table: Table): boolean {
  return table.rows.some((r) => (r.kind === 'data' || r.kind === 'total') && r.cells.some((c) => c.unreadable && !/\d/.test(c.text)));
}


const CELLS_LOST = l('每个单元格各占一行，空单元格已丢失', 'every cell on a line of its own, blank cells lost');

/** A table's title line: its code (公开01表, 附表3) or a name ending in 表. */
function isTableTitle(text: string): boolean {
  const title = text.trim().replace(/^#+\s*/, '');
  return title.length <= 40 && (TITLE_CODE.test(title) || /表$/.test(title.replace(TRAILING_BRACKET, '')));
}

/** The end of a label a line wrapped: one to three 汉字 (`款`, `结余）`), no label of its own. */
const LABEL_FRAGMENT = /^[\u4e00-\u9fff]{1,3}[)）]?$/;
/** A line of words that opens a bracket it does not close (`使用非财政拨款结余（含专用`). */
function openBracket(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 30 && NAME_TAIL.test(t) && (t.match(/[（(]/g)?.length ?? 0) > (t.match(/[)）]/g)?.length ?? 0);
}

/** The tail of a wrapped name goes to the row's last cell of 汉字 (its name; the cell's span stays on its line). */
function appendNameTail(cells: TableCell[], tail: string): void {
  // (The cell the wrap cut, when another ends as a label does: `二、政府性基金预算财政拨款收 | … | 四、公共安全支出` / `入`.)
  const named = cells.filter((c) => /[\u4e00-\u9fff]/.test(c.text));
  const cut = named.filter((c) => !COMPLETE_LABEL.test(c.text.trim()));
  const cell = cut.length === 1 ? cut[0] : named.at(-1);
  if (cell) cell.text = cell.text.trimEnd() + tail;
}
/** The end of a whole label, which no wrap cut. */
const COMPLETE_LABEL = /(?:支出|收入|费|经费|合计|总计|小计|结余|资金|补助|[)）]|项目|事务|名称|金额|栏次|行次)$/;

/** A block continues a table when it repeats one of its header rows, or goes on with coded rows of the same width. */
function continues(prev: Table, rows: TableRow[]): boolean {
  if (rows.length === 0) return false;
  const key = (r: TableRow) => r.cells.map((c) => norm(c.text)).join('\t').replace(/\t+$/, '');
  const headers = new Set(prev.rows.slice(0, 4).map(key));
  if (headers.has(key(rows[0]))) return true;
  const first = norm(rows[0].cells[0]?.text ?? '');
  // (A coded row goes on a table of coded rows, or one whose header heads a code column and has no rows yet.)
  const codes = CODE_RE.test(first) && prev.rows.some((r) => CODE_RE.test(norm(r.cells[0]?.text ?? '')) || r.cells.some((c) => /编码|代码/.test(c.text)));
  // (Trailing blank cells may be cut, or added by a trailing tab: one fewer or more still counts. Coded
  // rows after a blank row may carry more trailing tabs: up to their last filled cell, they fit the table.)
  if (Math.abs(rows[0].cells.length - tableWidth(prev.rows)) > 1) {
    let filled = 0;
    for (const r of prev.rows) filled = Math.max(filled, filledWidth(r));
    return codes && filledWidth(rows[0]) <= filled;
  }
  // A table cut off after its header (a page footer under the header, or between its two header rows)
  // continues with the rows of its width, header or figures.
  if (!hasFigures(prev.rows)) return true;
  // (Rows get their codes later, in analyse: look at the first cells themselves.)
  if (codes) return true;
  // A row of the same width holding figures (`| | 15 | | 十五、商业服务业等支出 | 46 | 0.00 |`): more rows, not a header.
  return rows[0].cells.some((c) => /\d/.test(c.text)) && !rows[0].cells.some((c) => /^(?:项目|科目|栏次|行次|金额|合计)/.test(norm(c.text)));
}

/** Cells up to the last that is not blank. */
function filledWidth(row: TableRow): number {
  let n = row.cells.length;
  while (n > 0 && row.cells[n - 1].text.trim() === '') n--;
  return n;
}

/** Some cell holds a digit (ASCII or full-width), 栏次 rows aside. */
function hasFigures(rows: TableRow[]): boolean {
  return rows.some((r) => r.cells.some((c) => /[0-9０-９]/.test(c.text)) && !numbersColumns(r.cells.map((c) => norm(c.text))));
}

/** Widest row (a loop: a spread over 10⁵ rows overflows the stack). */
function tableWidth(rows: TableRow[]): number {
  let width = 0;
  for (const r of rows) if (r.cells.length > width) width = r.cells.length;
  return width;
}


/**
 * Header labels of one row with merged cells propagated: an empty cell continues the label on its
 * left when that label spans both columns in the row above too (the top row always merges right).
 */
function propagate(row: TableRow, above: string[] | undefined, width: number): string[] {
  return propagateLabels(shifted(row, row.cells.map((c) => norm(c.text))), above, width);
}

/**
 * Header rows whose words a web page's table lost the blank cells before (`项目 | 2014年决算数 | 2015年决算数 | 比上年增、减情况 | |`
 * over `增、减额 | 增、减幅度 | | |`): the columns the words belong under.
 */
const shiftedHeaders = new LintMemo<TableRow, number[]>();

/** A header row's texts with its words under the columns they were found to belong to (the row's own cells otherwise). */
function shifted(row: TableRow, texts: string[]): string[] {
  const at = shiftedHeaders.get(row);
  if (at === undefined) return texts;
  const words = texts.filter((t) => t !== '');
  const out = Array<string>(Math.max(texts.length, at[at.length - 1] + 1)).fill('');
  words.forEach((t, i) => (out[at[i]] = t));
  return out;
}

/**
 * `项目 | 合计 | 因公出国（境）费用 | 公务用车购置及运行维护费 | 公务接待费` over `小计 | 公务用车购置费 | 公务用车运行维护费` over rows of
 * seven cells: both header rows lost the blank cells of the merged group. The words of the lower row belong under the one
 * label of the upper row they detail (sharing its words, or 小计 / 合计), which spans as many columns; the labels after
 * it move right. Only when the columns then come out exactly as many as the table's.
 */
function expandGroups(table: Table, width: number): void {
  const headers = table.rows.filter((r) => r.kind === 'header' && !r.repeatedHeader);
  for (let h = 0; h + 1 < headers.length; h++) {
    const [upper, lower] = [headers[h], headers[h + 1]];
    if (shiftedHeaders.has(upper) || shiftedHeaders.has(lower)) continue;
    const above = leftPacked(upper.cells.map((c) => norm(c.text)));
    const below = leftPacked(lower.cells.map((c) => norm(c.text)));
    if (!above || !below || below.length < 2 || above.length + below.length - 1 !== width) continue;
    const groups = above.map((label, j) => (j > 0 && below.every((w) => /^(?:小计|合计)$/.test(w) || sharesWords(w, label)) ? j : -1)).filter((j) => j > 0);
    if (groups.length !== 1) continue;
    const j = groups[0];
    shiftedHeaders.set(upper, above.map((_, i) => (i <= j ? i : i + below.length - 1)));
    shiftedHeaders.set(lower, below.map((_, i) => j + i));
  }
}

/** A row's words (normalised texts) when they stand one after another from its first cell, the rest blank; undefined otherwise. */
function leftPacked(texts: string[]): string[] | undefined {
  let n = 0;
  while (n < texts.length && texts[n] !== '') n++;
  return n > 0 && texts.slice(n).every((t) => t === '') ? texts.slice(0, n) : undefined;
}

/** Two header words share three characters in a row (`公务用车购置费` and `公务用车购置及运行维护费`; not 公务接待费's 公务). */
function sharesWords(a: string, b: string): boolean {
  for (let i = 0; i + 3 <= a.length; i++) if (/^[\u4e00-\u9fff、]{3}$/.test(a.slice(i, i + 3)) && b.includes(a.slice(i, i + 3))) return true;
  return false;
}

/**
 * `项目 | 本年收入合计 | 财政拨款收入 | … | 其他收入` (and `栏次 | 1 | … | 7`) over rows of a code, a name and seven amounts: a web
 * page or a converter lost the header's blank cell over the code and name columns. The first word heads the first
 * column; the others, as many as the columns that hold the amounts, head those. (Merged groups that lost their blank cells
 * are placed first: expandGroups.)
 */
function alignShortHeaders(table: Table, scanned: Work['scanned']): void {
  const width = tableWidth(table.rows);
  const body = table.rows.filter((r) => r.kind === 'data' || r.kind === 'total');
  if (body.length === 0) return;
  expandGroups(table, width);
  // (Columns of amounts, blanks and dashes only: `2535.46 | - | 58.34`.)
  const amountCols: number[] = [];
  for (let col = 1; col < width; col++) {
    const texts = body.map((r) => norm(r.cells[col]?.text ?? ''));
    const amountLike = body.every((r, k) => {
      const n = scanned[r.index][col];
      return texts[k] === '' || /^[-－—–]+$/.test(texts[k]) || (n !== undefined && n.unit !== 'year' && !CODE_RE.test(texts[k]));
    });
    // (Not the 款 / 项 cells of codes in three columns, `01`: two digits and no amount with decimals.)
    if (amountLike && !(texts.some((t) => /^\d{2}$/.test(t)) && !texts.some((t) => /[.．]\d/.test(t)))) amountCols.push(col);
  }
  // (Only the last columns, one after another: a table of amounts after its code and name columns.)
  if (amountCols.length < 2 || amountCols[amountCols.length - 1] !== width - 1 || amountCols.some((c, i) => i > 0 && c !== amountCols[i - 1] + 1)) return;
  const first = amountCols[0];
  for (const row of table.rows) {
    if ((row.kind !== 'header' && row.kind !== 'column-numbers') || row.repeatedHeader || shiftedHeaders.has(row)) continue;
    const words = leftPacked(row.cells.map((c) => norm(c.text)));
    if (!words || words.length >= width || !LABEL_COLUMN_WORDS.test(words[0])) continue;
    // The words that head the label columns (`项目`, `科目编码 | 科目名称`), then those of the amounts: as many as their
    // columns, or one over all of them (`项目 | 本年支出` over 小计 | 基本支出 | 项目支出).
    let lead = 1;
    while (lead < words.length && LABEL_COLUMN_WORDS.test(words[lead])) lead++;
    const values = words.length - lead;
    const valueAt = values === amountCols.length ? amountCols : values === 1 ? [first] : undefined;
    const leadAt = lead === 1 ? [0] : lead === 2 && first > 1 ? [0, first - 1] : lead < first ? Array.from({ length: lead }, (_, i) => i) : undefined;
    if (!valueAt || !leadAt) continue;
    shiftedHeaders.set(row, [...leadAt, ...valueAt]);
  }
}
/** Words that head the code and name columns of a table. */
const LABEL_COLUMN_WORDS = /^(?:项目|科目|栏次|行次|项目名称|科目名称|(?:功能分类|经济分类)?科目(?:编码|代码)|编码|代码)$/;

/**
 * Sub-header words at the left, as many as the one merged group of the header row above spans (its label over blanks): the
 * row refines that group, its words moved under it.
 */
function shiftUnderGroup(row: TableRow, texts: string[], above: string[]): void {
  const words = texts.filter((t) => t !== '').length;
  // (Words under a group that starts at the left, `项目` over 科目编码 | 科目名称, are where they belong.)
  if (above.slice(0, words).every((label) => label !== '' && label === above[0])) return;
  const groups: number[] = [];
  for (let col = 1; col + words <= above.length; col++) {
    if (above[col] === '' || above[col] === above[col - 1]) continue;
    let end = col;
    while (end + 1 < above.length && above[end + 1] === above[col]) end++;
    if (end - col + 1 === words) groups.push(col);
  }
  if (groups.length === 1) shiftedHeaders.set(row, Array.from({ length: words }, (_, i) => groups[0] + i));
}
/** Two or more short header words from the first cell on, the rest blank (`增、减额 | 增、减幅度 | | |`). */
function subHeaderWords(texts: string[]): boolean {
  const words = leftPacked(texts);
  return words !== undefined && words.length >= 2 && words.every((t) => SUB_HEADER_WORD.test(t) && !LABEL_COLUMN_PART.test(t));
}
const SUB_HEADER_WORD = /^(?!.*\d)[\u4e00-\u9fff、（）()%％]{2,12}$/;
/** Words of the code and name columns' headers, wherever in a word. */
const LABEL_COLUMN_PART = /科目|编码|代码|名称|项目|类|款/;

const CODE_PART_WORD = /^(?:类|款|项)$/;

/**
 * A header layer with its merged cells filled: a blank cell takes the label on its left when the layers above put the
 * two columns under one label. `ancestors`: every layer above (not only the one right above: `科目编码 | 科目名称 | |`
 * under blanks must not spread 科目名称 over the amount columns of 本年支出/合计).
 */
function propagateLabels(labels: string[], above: string[] | undefined, width: number, ancestors: string[][] = above ? [above] : []): string[] {
  const out: string[] = [];
  let leftLabel = '';
  let leftCol = -1;
  for (let col = 0; col < width; col++) {
    const own = labels[col] ?? '';
    if (own !== '') {
      out.push(own);
      leftLabel = own;
      leftCol = col;
    } else if (leftCol >= 0 && !CODE_PART_WORD.test(leftLabel) && ancestors.every((layer) => layer[leftCol] === layer[col])) {
      // (`类 | 款 | 项` name one column each: 项 is not the name column's after it.)
      out.push(leftLabel);
    } else {
      out.push('');
    }
  }
  return out;
}

/**
 * A lower header row only refines merged cells of the row above (`项目` over 代码 | 名称); the label column's own cell
 * may name it again (`项目` over `功能分类科目`, beside `本年收入` over 本年收入合计 | 财政拨款收入 | …).
 */
function refinesMerged(row: TableRow, above: string[]): boolean {
  return row.cells.every((c, col) => {
    const text = norm(c.text);
    if (text === '') return true;
    const label = above[col];
    // (Or the label itself again, a cell merged down the header's rows written in each: `机关运行经费支出决算数` under itself.)
    return label !== undefined && label !== '' && (above[col - 1] === label || above[col + 1] === label || (col === 0 && LABEL_COLUMN_WORD.test(text)) || text === norm(label));
  });
}

/**
 * The last line of a header wrapped over three (`科目编码 | | | 合计 | | | 支出 | | 支出` under `功能分类 | 科目名称 | | 支出 |
 * 支出 | 支出 | 上级 | 支出 | 单位补助`): short words, each under a column the header above names.
 */
function wrapsHeader(texts: string[], above: string[]): boolean {
  let words = 0;
  let first = -1;
  for (let col = 0; col < texts.length; col++) {
    if (texts[col] === '') continue;
    if (!HEADER_FRAGMENT.test(texts[col]) || !above[col]) return false;
    if (first < 0) first = col;
    words++;
  }
  // (`项目 | | 机关运行经费` / ` | | 支出决算数`: one word under an amount column's label, the label cells blank, goes on
  // that label.)
  return words >= 2 || (words === 1 && first >= 2);
}
const HEADER_FRAGMENT = /^[\u4e00-\u9fff（）()]{1,6}$/;

const LABEL_COLUMN_WORD = /^(?:功能分类|经济分类)?(?:科目|项目)(?:名称|编码|代码)?$/;

/**
 * Word cells after the first: a header that starts with 合计 (三公 `合计 | 因公出国（境）费 | …`)
 * names its columns, while a total row without numbers has blanks or dashes there.
 */
function labelsAfterLead(texts: string[]): number {
  let n = 0;
  for (let i = 1; i < texts.length; i++) if (/[\u4e00-\u9fff]/.test(texts[i]) && !/^(合计|总计)$/.test(texts[i])) n++;
  return n;
}

/**
 * Words that only name what a column holds: the last header row of 公开02/03 (`决算数` under every
 * column), of 公开09 (`预算数 | 决算数`) and of 公开07/08 (`合计 | | 合计 | 基本支出 | 项目支出`). Such a row
 * under the header is more header, whatever the merged cells above it. (table-format tests data rows
 * against the same words.)
 */
export const COLUMN_WORD = /^(?:(?:年初|全年|调整后?)?(?:决算|预算)数?|金额|合计|小计|总计|人员经费|公用经费|本年|上年|基本支出|项目支出|类|款|项|行次|栏次|(?:收入|支出)?项目|科目名称|(?:功能分类|经济分类)?科目(?:编码|代码)(?:及|和|与|\/|／|、)?(?:名称)?|本年(?:收入|支出)(?:合计)?|上缴上级支出|经营支出|对附属单位补助支出|(?:年初|年末)结转和结余)$/;
function onlyColumnWords(texts: string[]): boolean {
  let words = 0;
  for (const t of texts) {
    if (t === '') continue;
    if (!COLUMN_WORD.test(t)) return false;
    words++;
  }
  // (One word alone only when it heads the code or name column, `科目编码及名称`: a lone 合计 is a total row.)
  return words >= 2 || (words === 1 && NAME_COLUMN_WORD.test(texts.find((t) => t !== '')!));
}
const NAME_COLUMN_WORD = /^(?:(?:功能分类|经济分类)?科目|(?:收入|支出)?项目$)/;

/** The first non-blank normalised text of a row's cells, and its column (-1 when all are blank). */
function firstWords(row: TableRow): { text: string; col: number } {
  for (let i = 0; i < row.cells.length; i++) {
    const t = norm(row.cells[i].text);
    if (t !== '') return { text: t, col: i };
  }
  return { text: '', col: -1 };
}

/** Some cell of the row holds a number other than a year (`项目 | 2024年` over its columns is header). */
function holdsNumber(scans: Array<ScannedNumber | undefined>): boolean {
  for (const n of scans) if (n !== undefined && n.unit !== 'year') return true;
  return false;
}

/**
 * Rows a space-aligned table's reader took as its header (the lines above its first body row): header lines
 * whatever their words (`合计 | 小计 | 公务用车购置费`, a centred 合计 first), except a counted item
 * (`因公出国（境）团组数（个）`, its figure blank), the first body row of a statistics table.
 */
const layoutHeaders = new WeakSet<TableRow>();
const COUNTED_ITEM = /[（(](?:个|人|辆|次|批|台|套|人次|批次)[)）]$/;

function classify(table: Table, scanned: Work['scanned']): void {
  const width = tableWidth(table.rows);
  const segmentStarts = new Set([0, ...(table.continuations ?? [])]);
  let head = true;
  let firstSegment = true;
  let above: string[] | undefined;
  // (How many cells the header row above has: a merged group's blank cells are cells of it, not columns it lacks.)
  let aboveCells = 0;
  // The first segment's header rows by their first words: a page break without `续表` repeats them
  // inside the data (`收入 | | | 支出` / `项目 | 行次 | 金额…` / `栏次…`).
  const headerRows = new Map<string, Array<{ texts: string; kind: TableRowKind }>>();
  for (const row of table.rows) {
    if (segmentStarts.has(row.index)) {
      head = true;
      firstSegment = row.index === 0;
      above = undefined;
    }
    // Body rows only need their first words; the header tests read every cell (normalised once).
    let all: string[] | undefined;
    const texts = () => (all ??= row.cells.map((c) => norm(c.text)));
    const first = firstWords(row);
    const firstText = first.text;
    const hasNumber = holdsNumber(scanned[row.index]);
    // The first words when they stand in the first two cells.
    const lead = first.col >= 0 && first.col < 2 ? firstText : '';
    let kind: TableRowKind = 'data';
    // A blank first row (a converter's empty Markdown header `|  |  |  |` over the real one), or a blank row
    // between header rows (before a 栏次 row), is part of the header: the header goes on below. (A blank
    // row under the header followed by data is a row of zeros.)
    if (head && firstText === '' && row.cells.every((c) => c.empty) && (segmentStarts.has(row.index) || headerFollows(table, row.index, scanned))) {
      row.kind = 'header';
      continue;
    }
    // (`|  |  | … | 单位：万元 |`: the unit line pasted into the table block is no row of it either.)
    if ((/^(注|说明|备注)\d*[:：]/.test(firstText) || UNIT_LINE.test(firstText)) && texts().filter((t) => t !== '').length === 1) kind = 'note';
    else if (head && numbersColumns(texts())) kind = 'column-numbers';
    // (`功能分类科目 | 科目名称 | …` / `编码` / `栏次 | 1 | 2 | 3`: a header word wrapped onto a line of its own, before the 栏次 row.)
    else if (head && !hasNumber && texts().filter((t) => t !== '').length === 1 && firstText.length <= 4 && nextIsNumbersRow(table, row.index)) kind = 'header';
    else if (head && layoutHeaders.has(row) && !texts().some((t) => COUNTED_ITEM.test(t))) kind = 'header';
    else if (head && above && !hasNumber && subHeaderWords(texts())) {
      // (Placed under the group it refines now, or later with the row above when both lost their blank cells: expandGroups.)
      shiftUnderGroup(row, texts(), above.slice(0, aboveCells));
      kind = 'header';
    }
    else if (
      head &&
      firstText !== '' &&
      // (A Markdown table continued after a page break may open with a data row under its `| --- |`.)
      ((table.format === 'markdown' && segmentStarts.has(row.index) && (row.index === 0 || !hasNumber)) ||
        (!hasNumber && !texts().some((t) => CODE_RE.test(t)) && (above ? refinesMerged(row, above) || onlyColumnWords(texts()) || labelsAfterLead(texts()) >= 3 || wrapsHeader(texts(), above) : !/^(合计|总计)$/.test(lead) || labelsAfterLead(texts()) >= 2)))
    ) {
      kind = 'header';
    } else if (/^(合计|总计)$/.test(lead) || (lead === '类' && codeHeaderBeforeTotal(texts()))) kind = 'total';
    // (Under the header too: `机关运行经费支出情况表（续）` after a page footer right under the header repeats it before any data.)
    else if (headerRows.get(firstText)?.some((h) => h.texts === texts().join('\t'))) {
      row.kind = headerRows.get(firstText)!.find((h) => h.texts === texts().join('\t'))!.kind;
      row.repeatedHeader = true;
      continue;
    } else if (!head && !hasNumber && headerRows.get(firstText)?.some((h) => h.kind === 'header') && texts().filter((t) => t !== '').length >= 3) {
      // (`统计数` / `项目 | 团组数（个） | 出国人次（人） | …` / `数量 | 1 | 4 | …`: a block's own header under the header's first
      // word, further down the table, names the figures below it; it is no row of words where amounts belong.)
      row.kind = 'header';
      row.repeatedHeader = true;
      continue;
    }
    if (firstSegment && head && (kind === 'header' || kind === 'column-numbers') && firstText !== '') {
      const same = headerRows.get(firstText) ?? [];
      same.push({ texts: texts().join('\t'), kind });
      headerRows.set(firstText, same);
    }
    if (kind === 'header') {
      // (A label merged down over blank cells stays the column's: `| 项目 | 本年收入 |` over `|  | 本年收入合计 |…`.)
      const previous = above;
      above = propagate(row, above, width).map((label, col) => label || (previous?.[col] ?? ''));
      aboveCells = row.cells.length;
      if (!firstSegment) row.repeatedHeader = true;
    }
    if (kind === 'data' || kind === 'total') head = false;
    row.kind = kind;
  }
}

const UNIT_LINE = /^(?:金额)?单位[：:]\s*(?:万元|元|亿元)$/;

/** The row after `index` is a 栏次 row or words without numbers: more header. */
function headerFollows(table: Table, index: number, scanned: Work['scanned']): boolean {
  const next = table.rows[index + 1];
  if (!next || next.kind === 'note' || scanned[next.index].some((n) => n !== undefined && !/^\d{1,2}$/.test(n.text))) return false;
  const texts = next.cells.map((c) => norm(c.text));
  return numbersColumns(texts) || (texts[0] !== '' && !texts.some((t) => CODE_RE.test(t)) && !/^(合计|总计)$/.test(texts[0]));
}

/**
 * `类 | 款 | 项 | 合计 | 2,940.05 | …`: a total row whose first cells are the header's 类/款/项 (a PDF
 * template prints them on the 合计 line). The words by column, up to the 合计 cell; undefined otherwise.
 */
function codeHeaderBeforeTotal(texts: string[]): string[] | undefined {
  const words: string[] = [];
  for (const t of texts) {
    if (t === '') {
      words.push('');
      continue;
    }
    if (/^(合计|总计)$/.test(t)) return words.filter(Boolean).join('') === '类款项' ? words : undefined;
    if (!/^(类|款|项)$/.test(t)) return undefined;
    words.push(t);
  }
  return undefined;
}

/** The row after `index` is a 栏次 row. */
function nextIsNumbersRow(table: Table, index: number): boolean {
  const next = table.rows[index + 1];
  return next !== undefined && numbersColumns(next.cells.map((c) => norm(c.text)));
}

/** `类 | 款 | 项 | 栏次 | 1 | 2 | 3`: the code words before the 栏次 (or the first column number), by column. */
function codeHeaderBeforeNumbers(texts: string[]): string[] | undefined {
  const words: string[] = [];
  for (const t of texts) {
    if (t === '栏次' || /^\d{1,2}$/.test(t)) return words.join('') === '类款项' ? words : undefined;
    if (t !== '' && !/^(类|款|项)$/.test(t)) return undefined;
    words.push(t);
  }
  return undefined;
}

function buildColumns(table: Table): TableColumn[] {
  const rows = table.rows;
  const width = tableWidth(rows);
  const labels: string[][] = [];
  // (The 栏次 of stacked header cells, `收入<br>金额<br>1`, by column.)
  const stackedNumbers: string[] = [];
  for (const row of rows) {
    if (row.kind !== 'header' || row.repeatedHeader) continue;
    // (A blank header row labels nothing, and would let the row below it spread over every column.)
    for (const layer of headerLayers(row, stackedNumbers)) if (layer.some((t) => t !== '')) labels.push(propagateLabels(layer, labels.at(-1), width, labels));
  }
  // The header's last line printed in the 合计 row (`类 | 款 | 项 | 合计 | 2,940.05 | …`): its 类/款/项 name the code columns.
  const total = rows.find((r) => r.kind === 'total');
  const codeWords = total && codeHeaderBeforeTotal(total.cells.map((c) => norm(c.text)));
  if (codeWords) labels.push(Array.from({ length: width }, (_, col) => (col < codeWords.length ? codeWords[col] : '')));
  const numbersRow = rows.find((r) => r.kind === 'column-numbers');
  // (So too when printed in the 栏次 row: `类 | 款 | 项 | 栏次 | 1 | 2 | 3`.)
  const numbers = (numbersRow && shifted(numbersRow, numbersRow.cells.map((c) => norm(c.text)))) ?? (stackedNumbers.length > 0 ? stackedNumbers : undefined);
  const numberedCodeWords = !codeWords && numbers && codeHeaderBeforeNumbers(numbers);
  if (numberedCodeWords) labels.push(Array.from({ length: width }, (_, col) => (col < numberedCodeWords.length ? numberedCodeWords[col] : '')));
  const columns: TableColumn[] = [];
  for (let col = 0; col < width; col++) {
    const headerPath: string[] = [];
    for (const out of labels) if (out[col] && headerPath.at(-1) !== out[col]) headerPath.push(out[col]);
    const n = numbers?.[col];
    columns.push({ index: col, headerPath, columnNumber: n && /^\d+$/.test(n) ? n : undefined });
  }
  return columns;
}

/**
 * The label rows a header row stands for: itself, or, when a converter merged stacked header cells with
 * `<br>` (`收入<br>项目 | 行次 | 金额 | 支出<br>项目 | …`), one row per line of its cells, from the top: a cell
 * with fewer lines spans the rows below it (行次), a parent repeated over its children merges with them.
 */
function headerLayers(row: TableRow, numbers: string[]): string[][] {
  // (`项目 / 类 | 项目 / 款 | … | 本年支出 / 基本支出`: a two-level header flattened into one row, its levels joined by ` / `.)
  const flattened = row.cells.filter((c) => FLATTENED_LEVELS.test(c.text)).length >= 2;
  const texts = row.cells.map((c) => (flattened ? c.text.replace(FLATTENED_LEVELS_ALL, '\n') : c.text));
  if (!texts.some((t) => t.includes('\n'))) return [shifted(row, row.cells.map((c) => norm(c.text)))];
  const lines = texts.map((t) => unwrapped(t.split('\n').map(norm).filter((x) => x !== '')));
  // (`收入<br>项目<br>栏次 | … | 收入<br>金额<br>1`: a converter stacked the 栏次 row into the cells too; it numbers the columns and
  // labels none.)
  lines.forEach((l, col) => {
    if (l.length > 1 && STACKED_NUMBER.test(l.at(-1)!)) numbers[col] = l.pop()!;
  });
  const depth = Math.max(...lines.map((l) => l.length));
  return Array.from({ length: depth }, (_, k) => lines.map((l) => l[k] ?? ''));
}

const FLATTENED_LEVELS = /\S\s+[/／]\s+\S/;
const FLATTENED_LEVELS_ALL = /\s+[/／]\s+/g;

/** The 栏次 line of a stacked header cell: `栏次`, `1`, `4=3/2`. */
const STACKED_NUMBER = /^(?:栏次|\d{1,2}(?:[=＝][\d+\-－−/÷×*（）()]+)?)$/;

/** Header words a converter's line break (`一般公共预<br>算财政拨款`) may cut in two. */
const HEADER_WORD = /一般公共预算|公共财政预算|政府性基金预算?|国有资本经营预算?|财政拨款|结转和结余|本年收入|本年支出|基本支出|项目支出|经营支出|上缴上级|附属单位|人员经费|公用经费|因公出国|公务用车|公务接待|购置费|运行维护费/g;

/** The lines of a stacked header cell, a line joined to the next where the break cuts a header word. */
function unwrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous !== undefined && cutsWord(previous, line)) out[out.length - 1] = previous + line;
    else out.push(line);
  }
  return out;
}

function cutsWord(before: string, after: string): boolean {
  const joined = before + after;
  for (const m of allMatches(HEADER_WORD, joined)) if (m.index! < before.length && m.index! + m[0].length > before.length) return true;
  return false;
}

const BLOCK_START = /^((?:收入|支出)?项目|科目|科目代码|科目编码|功能分类科目代码|经济分类科目代码|.*编码|.*代码|类)$/;

/** A header naming amounts: `决算数`, `金额`, `本年支出`, `小计`. */
const AMOUNT_HEADER = /(?:数|额|合计|小计|总计|支出|收入|结余|结转|经费)$/;

/** Most non-empty body cells of a column are codes (or `code name`). */
/** A column whose data cells hold words only (labels), at least one of them. */
/** Whether the column's cells are words, not figures (`cjk`: each of them Chinese words, `口径` over `预算数 | 决算数`). */
function wordsOnly(table: Table, col: number, cjk = false): boolean {
  let named = 0;
  for (const r of table.rows) {
    if (r.kind !== 'data' && r.kind !== 'total') continue;
    const cell = r.cells[col];
    if (!cell || cell.text.trim() === '') continue;
    // (`良（80—90分）`: figures in a bracket after the words are part of the name.)
    const words = cell.text.trim().replace(/^([\u4e00-\u9fff]+)[（(][^（()）]*[)）]$/, '$1');
    if ((cell.number !== undefined && words === cell.text.trim()) || /[\d０-９]/.test(words) || (cjk && !/[\u4e00-\u9fff]/.test(words))) return false;
    named++;
  }
  return named > 0;
}

/**
 * Names in every cell, figures inside them allowed (`1.房屋及构筑物`, `单价50万元以上设备`): the first column of a table headed
 * `资产项目` or `资产类别`. No cell is a figure alone.
 */
function namesOnly(table: Table, col: number): boolean {
  let named = 0;
  for (const r of table.rows) {
    if (r.kind !== 'data' && r.kind !== 'total') continue;
    const text = r.cells[col]?.text.trim() ?? '';
    if (text === '') continue;
    if (!/[\u4e00-\u9fff].*[\u4e00-\u9fff]/.test(text)) return false;
    named++;
  }
  return named > 0;
}

function mostlyCodes(table: Table, col: number): boolean {
  let codes = 0;
  let other = 0;
  for (const r of table.rows) {
    if (r.kind !== 'data') continue;
    const t = norm(r.cells[col]?.text ?? '');
    if (t === '') continue;
    if (CODE_RE.test(t) || CODE_NAME_RE.test(r.cells[col].text.trim())) codes++;
    else other++;
  }
  // (A table of one coded row, `302 | 商品和服务支出 | 4.72` under 合计, has one code to show.)
  return (codes >= 2 || (codes === 1 && other === 0)) && codes >= other;
}

const PRIOR_YEAR_COLUMN = /上年度?(?:决算|预算|实际|数|执行|支出)|上一年度?|去年|^上年度?$/;
const RATE_COLUMN = /[%％]|(?:完成|执行|增、?减|增长|变动|下降)率|(?:^|\/)完成(?:年初|全年|调整后?)?预算(?:数)?$|(?:增长|上升|增)[（(](?:下降|减少|减)[)）]率|(?:增、?减|增长|变动)幅度|比率|比重|占比|占[^/]*比例/;
/** `增减额`, `比上年增减`, `增、减额`, `增加（减少）额`, `增减变动`: a difference of two of the row's amounts. */
// (`增减额（万元）`: a unit after it.)
const CHANGE_COLUMN = /(?:增、?减|增加[（(]减少[)）]|增[（(]减[)）])(?:额|数|金额)?(?:[（(](?:万元|元|亿元)[)）])?$|^(?:增减)?变动(?:额|金额)?$/;

function assignRoles(table: Table): void {
  const cols = table.columns;
  // (`项目(按功能分类)` | … | `按支出性质` | …: the 2016 公开01表 names its two expenditure blocks so.)
  // (`收入/项目 | 决算数 | 支出/项目 | 决算数`: a two-line header written on one line, its lines joined by a slash.)
  // (`科目编` / `码`: a header word wrapped before its last character is read whole.)
  const lastWord = (c: number) => {
    const path = cols[c].headerPath;
    const last = path.at(-1) ?? '';
    const joined = path.length >= 2 ? path.at(-2)! + last : last;
    // (`科目编码 | 科目名称 | 决算数` over `人员经费 | | | 公用经费`: a 公开06 block's label row under the header heads no column.)
    if (GROUP_LABEL.test(last) && path.length >= 2 && /编码|代码|名称|科目|项目/.test(path.at(-2)!)) return path.at(-2)!;
    return last.length === 1 && /(?:编码|代码|名称)$/.test(joined) ? joined : last;
  };
  const bottom = (c: number) =>
    lastWord(c)
      .replace(/^(?:收入|支出)\s*[\/／]\s*(?=项目$)/, '')
      .replace(/^(项目)[（(][^)）]*[)）]$|^按(?:功能分类|经济分类|支出性质|支出功能分类|支出经济分类)$/, (_, item) => item ?? '项目');
  let block = 0;
  let start = 0;
  let hasName = false;
  for (let c = 0; c < cols.length; c++) {
    const b = bottom(c);
    // (`收入 | 金额 | 支出 | 金额`: a side's word over its labels, when they are words, starts its block too.)
    const sideLabels = /^(?:收入|支出)$/.test(b) && wordsOnly(table, c, true);
    // (Not the names after the rows' numbers: `序号 | 项目 | 决算数 | 上年决算数` is one block.)
    if (c > 0 && (BLOCK_START.test(b) || sideLabels) && !BLOCK_START.test(bottom(c - 1)) && !/^(款|项)$/.test(b) && !(c === start + 1 && LINE_NUMBER_HEADER.test(bottom(start)))) {
      block++;
      start = c;
      hasName = false;
    }
    cols[c].block = block;
    let role: NonNullable<TableColumn['role']>;
    const path = cols[c].headerPath.join('/');
    // (`序号 | 项目名称 | …` over `1 | …` and `一 | 就业补助类`: the rows' numbers, no amounts.)
    if (LINE_NUMBER_HEADER.test(b)) role = 'line-number';
    else if (/^(类|款|项)$/.test(b)) role = 'code-part';
    else if (/代码|编码/.test(b)) role = 'code';
    else if ((b === '' || /项目|科目/.test(b)) && !hasName && c - start < 3 && table.kind !== 'performance' && mostlyCodes(table, c)) role = 'code';
    // (`支出功能分类（类） | 决算数 | 占比（%）`: the 类 named in the first column.)
    // (Or the first column of words under any header: `采购方式 | 采购金额 | 占比（%）` over `公开招标 | 134.96 | 5.76`.)
    // (`人员经费科目 | 决算数 | 科目编码 | 公用经费科目 | 决算数`: a 科目 column of words is the names.)
    // (After a 序号 column too: `序号 | 采购类别及项目 | 金额（万元）` over `1.1 | 图书采购 | 130.85`.)
    // (And the years of a table of years by row: `年度 | 收入合计 | 支出合计` over `2022年 | …`.)
    else if (!hasName && ((namesFirst(cols, c, start) && /^(?:年度|年份)$/.test(b)) || /名称|^(?:收入|支出)?项目$|^科目$|信息$|^项目名称$/.test(b) || sideLabels || (/科目$/.test(b) && wordsOnly(table, c)) || (b === '' && c === start) || (namesFirst(cols, c, start) && /分类(?:科目)?(?:[（(][类款项][)）])?$|^类别$/.test(b)) || (namesFirst(cols, c, start) && /方式|类型|类别|品目|用途|性质$|等级|等次|级次$|项目$/.test(b) && namesOnly(table, c)) || (c === start && wordsOnly(table, c, true)))) role = 'name';
    // (`项目 | ⇥ | 年初结转和结余 …` over `⇥ | 合计 | 0.00 …`: the label column under a merged 项目 header, words only.)
    else if (hasName && c === start + 1 && b !== '' && b === bottom(c - 1) && /项目|科目|名称/.test(b) && wordsOnly(table, c)) role = 'name';
    // (`决算数为调整预算数的%`, `完成率`, `增减率`: rates stated per row, which do not add up.)
    // (Or a column of percentages under any header: `同比增减额 | 同比增减` over `142.13 | 15.88%`.)
    else if (RATE_COLUMN.test(path) || percentCells(table, c)) role = 'rate';
    // (`上年决算数 | 本年决算数`: last year's column beside this year's is no figure of this year's table.)
    else if (PRIOR_YEAR_COLUMN.test(path)) role = 'prior';
    // (`上年支出合计 | 本年支出合计 | 基本支出 | 项目支出 | 增减额`: the change is no part of 本年支出合计.)
    else if (CHANGE_COLUMN.test(b)) role = 'change';
    // (`项目名称 | 资金来源 | 预算数 | 决算数` over `… | 一般公共预算 | 40.00 | 38.64`: words after the names describe the row, no amounts.)
    else if (hasName && !AMOUNT_HEADER.test(b) && wordsOnly(table, c, true)) role = 'text';
    else role = 'value';
    if (role === 'name') hasName = true;
    cols[c].role = role;
  }
  priorYearColumns(table);
}

const LINE_NUMBER_HEADER = /行次|^(?:序号|行号)$/;

/** The block's first column, or the one right after its row numbers. */
function namesFirst(cols: Array<{ role?: string }>, c: number, start: number): boolean {
  return c === start || (c === start + 1 && cols[start].role === 'line-number');
}

/** Every figure of the column written with %, two at least. */
function percentCells(table: Table, col: number): boolean {
  let percents = 0;
  for (const r of table.rows) {
    if (r.kind !== 'data' && r.kind !== 'total') continue;
    const text = r.cells[col]?.text.trim() ?? '';
    if (text === '' || text === '-' || text === '—') continue;
    if (!/[0-9０-９]\s*[%％]$/.test(text)) return false;
    percents++;
  }
  return percents >= 2;
}

/**
 * `2024年决算数 | 2023年决算数 | 增减额`: a column headed with the year before another column's, in the same words, is last
 * year's figure beside this year's (as `上年决算数` is), no figure of this year's table.
 */
function priorYearColumns(table: Table): void {
  const dated = new Map<string, number>();
  for (let c = 0; c < table.columns.length; c++) {
    const col = table.columns[c];
    if (col.role !== 'value') continue;
    const path = col.headerPath.join('/');
    const year = HEADER_YEAR.exec(path);
    if (year) dated.set(`${col.block}|${year[1]}|${path.replace(HEADER_YEAR, '')}`, c);
  }
  // (`分配金额 | … | 2023年分配金额 | 增减额`: beside the figure of the table's own year, undated, and a change, the dated one is the
  // year before's.)
  const changed = table.columns.some((col) => col.role === 'change');
  for (const [key, c] of dated) {
    const [block, year, words] = key.split('|');
    const undated = changed && table.columns.some((col) => col.index !== c && col.role === 'value' && String(col.block) === block && col.headerPath.join('/') === words);
    if (dated.has(`${block}|${Number(year) + 1}|${words}`) || undated) table.columns[c].role = 'prior';
  }
}
const HEADER_YEAR = /((?:19|20)\d\d)\s*年度?/;

function analyse(w: Work): void {
  const { table, scanned } = w;
  classify(table, scanned);
  alignShortHeaders(table, scanned);
  table.columns = buildColumns(table);
  assignRoles(table);
  restoreCollapsedCodeCells(table, scanned);
  readEntries(table, scanned);
  codeGroupSubtotals(table);
  findShiftedCodes(table);
  for (const row of table.rows) {
    if (!row.entries) {
      row.label = row.cells.map((c) => norm(c.text)).find((t) => t !== '' && !/^[\d.,%-]+$/.test(t)) ?? '';
      continue;
    }
    row.code = row.entries.find((e) => e.code && !e.codeRecovered)?.code;
    row.label = row.entries.find((e) => e.label !== '')?.label ?? '';
    for (const e of row.entries) {
      for (const col of e.valueCols) {
        const cell = row.cells[col];
        if (cell && !cell.empty && !cell.shiftedCode && scanned[row.index][col] === undefined) cell.unreadable = true;
      }
    }
  }
  if (table.kind === 'performance') {
    const nameRow = table.rows.find((r) => norm(r.cells.find((c) => norm(c.text) !== '')?.text ?? '') === '项目名称');
    if (nameRow) {
      const cells = nameRow.cells.filter((c) => norm(c.text) !== '');
      table.projectName = cells[1]?.text.trim();
    }
  }
}

/**
 * PDF table extractors drop the blank 款/项 cells of the rows of a table continued on the next page:
 * `2110105 | 环境保护法规 | 7.50 | …` under `类 | 款 | 项 | 科目名称 | 本年收入合计 | …`. Read by position, such a
 * row's amounts would land under the columns two places to their right's headers. A row exactly the
 * spare code columns short, with a code first and a name second, gets its blank cells back.
 */
function restoreCollapsedCodeCells(table: Table, scanned: Work['scanned']): void {
  const cols = table.columns;
  let k = 0;
  while (k < cols.length && (cols[k].role === 'code' || cols[k].role === 'code-part')) k++;
  if (k < 2 || cols[k]?.role !== 'name') return;
  const short = cols.length - (k - 1);
  for (const row of table.rows) {
    if (row.kind !== 'data' || row.cells.length !== short) continue;
    if (!CODE_RE.test(norm(row.cells[0].text)) || norm(row.cells[1].text) === '' || scanned[row.index][1] !== undefined) continue;
    const at = row.cells[0].span.end;
    const blanks = Array.from({ length: k - 1 }, () => {
      const blank = newCell(0, at, at, '', 0);
      blank.row = row.index;
      blank.empty = true;
      blank.indent = undefined;
      return blank;
    });
    row.cells.splice(1, 0, ...blanks);
    for (let i = 0; i < row.cells.length; i++) row.cells[i].col = i;
    scanned[row.index].splice(1, 0, ...blanks.map(() => undefined));
  }
}

/**
 * `商品和服务支出` (a heading without a figure, with or without its code 302), `30201 办公费` …, `小计 148.20` (or `商品和服务支出小计`):
 * a 公开06表 that closes each economic class with a 小计 instead of printing the class's figure on its row states that row
 * there. The 小计 takes the class's code, and the heading's name, when the items above it since the heading share one class.
 */
function codeGroupSubtotals(table: Table): void {
  const runs = new Map<number, { heading: TableEntry | undefined; codes: string[] }>();
  for (const row of table.rows) {
    const blank = (entry: TableEntry) => entry.valueCols.every((c) => !row.cells[c] || row.cells[c].text.trim() === '');
    for (const entry of row.entries ?? []) {
      const run = runs.get(entry.block) ?? { heading: undefined, codes: [] };
      runs.set(entry.block, run);
      if (entry.code && !(ECONOMIC_CLASS.test(entry.code) && blank(entry))) {
        run.codes.push(entry.code);
        continue;
      }
      const prefix = run.codes[0]?.slice(0, 3);
      if (!entry.code && /小计$/.test(entry.label) && prefix && run.codes.every((c) => ECONOMIC_ITEM.test(c) && c.startsWith(prefix)) && (run.heading?.code === undefined || run.heading.code === prefix)) {
        entry.code = prefix;
        if (run.heading) {
          if (run.heading.label) entry.label = run.heading.label;
          // (The heading row's code moves to the row with the figure.)
          run.heading.code = undefined;
        }
      }
      runs.set(entry.block, { heading: (entry.label || entry.code) && blank(entry) ? entry : undefined, codes: [] });
    }
  }
}

/** A class of the economic classification (`302`). */
const ECONOMIC_CLASS = /^3\d\d$/;
/** An item of the economic classification (`30201`). */
const ECONOMIC_ITEM = /^3\d{4}$/;

function readEntries(table: Table, scanned: Work['scanned']): void {
  const cols = table.columns;
  const blocks = new Map<number, TableColumn[]>();
  for (const c of cols) {
    const list = blocks.get(c.block ?? 0) ?? [];
    list.push(c);
    blocks.set(c.block ?? 0, list);
  }
  // The columns of each block by role, once per table (rows share the value-column list; nothing mutates it).
  const layouts = [...blocks].map(([b, bcols]) => ({
    b,
    codeCol: bcols.find((c) => c.role === 'code'),
    parts: bcols.filter((c) => c.role === 'code-part'),
    nameCol: bcols.find((c) => c.role === 'name'),
    lineCol: bcols.find((c) => c.role === 'line-number'),
    valueCols: columnIndexes(bcols, 'value'),
  }));
  // Split 类/款/项 codes: child rows may leave the parent parts blank.
  const carried = new Map<number, { lei?: string; kuan?: string }>();
  const indented = new Map<number, IndentedCodes>();
  for (const row of table.rows) {
    if (row.kind !== 'data' && row.kind !== 'total') continue;
    const entries: TableEntry[] = [];
    let pending: TableEntry | undefined;
    const text = (c: TableColumn | undefined) => cellText(row, c);
    for (const { b, codeCol, parts, nameCol, lineCol, valueCols } of layouts) {
      let code: string | undefined;
      let label = norm(text(nameCol));
      let labelSpan = nameCol && label ? row.cells[nameCol.index]?.span : undefined;
      const codeText = norm(text(codeCol));
      if (CODE_RE.test(codeText)) code = codeText;
      else if (/^\d{2}$/.test(codeText)) code = indentedCode(codeCol ? row.cells[codeCol.index] : undefined, codeText, indented, b);
      else if (codeText !== '') {
        const m = CODE_NAME_RE.exec(text(codeCol));
        if (m) {
          code = m[1];
          if (!label) {
            label = norm(m[2]);
            labelSpan = row.cells[codeCol!.index].span;
          }
        } else if (!label) {
          // 合计 / 人员经费合计 written in the code column.
          label = codeText;
          labelSpan = row.cells[codeCol!.index].span;
        }
      }
      if (!code && parts.length > 0) {
        const texts = parts.map((c) => norm(text(c)));
        const word = texts.findIndex((t) => t !== '' && !/^\d+$/.test(t));
        if (word >= 0 && !label) {
          // 合计 written across the 类/款/项 cells.
          label = texts[word];
          labelSpan = row.cells[parts[word].index].span;
        } else code = splitCode(texts, carried, b);
      }
      if (!code && label) {
        const m = CODE_NAME_RE.exec(text(nameCol));
        if (m) {
          code = m[1];
          label = norm(m[2]);
        }
      }
      // (The 类 and 款 the next rows' indented two digits go under.)
      if (code && /^\d{3}(?:\d{2}){0,2}$/.test(code)) {
        const state = indented.get(b) ?? {};
        indented.set(b, state);
        state.lei = code.slice(0, 3);
        state.kuan = code.length >= 5 ? code.slice(3, 5) : undefined;
      }
      let lineNumber = norm(text(lineCol)) || undefined;
      // (`序号 | 项目名称 | …` over `合计 | ⇥ | 604.86`: a word in the numbers' column names the row.)
      if (lineNumber && !label && !code && /[\u4e00-\u9fff]{2}/.test(lineNumber)) {
        label = lineNumber;
        labelSpan = row.cells[lineCol!.index].span;
        lineNumber = undefined;
      }
      const hasValue = anyValue(row, valueCols);
      if (!code && !label && !lineNumber) {
        // A total written in an odd column (`公用经费合计\t\t\t\t\t4.72`): the value belongs to the labelled entry on its left.
        // (So are a budget and an actual, `公用经费合计 | … | 45.70 | 44.53`, column for column.)
        if (hasValue && pending && (pending.valueCols.length === 1 || pending.valueCols.length === valueCols.length)) {
          pending.valueCols = valueCols;
          pending = undefined;
        } else if (hasValue) {
          entries.push({ block: b, code: undefined, codeRecovered: undefined, label: '', labelSpan: undefined, lineNumber: undefined, valueCols });
        }
        continue;
      }
      const entry: TableEntry = { block: b, code, codeRecovered: undefined, label, labelSpan, lineNumber, valueCols };
      entries.push(entry);
      pending = label && !hasValue && valueCols.length > 0 ? entry : undefined;
    }
    row.entries = entries;
  }
  joinWrappedNames(table);
  // Rows of tables without any code/name column (公开09) still get one entry with all their values.
  void scanned;
}

/**
 * `20103 | 政府办公厅（室）及相关 | | |` over ` | 机构事务 | 300.00 | …`: a name wrapped by conversion with the
 * figures on its second line. The coded entry moves to the second row (its figures), with the whole name.
 */
function joinWrappedNames(table: Table): void {
  let previous: TableRow | undefined;
  for (const row of table.rows) {
    const above = previous;
    previous = row;
    if (!above?.entries || !row.entries || row.kind !== 'data' || row.index !== above.index + 1) continue;
    for (let k = 0; k < row.entries.length; k++) {
      const entry = row.entries[k];
      const head: TableEntry | undefined = above.entries.find((e) => e.block === entry.block);
      if (!head?.code || entry.code || !entry.label || !head.label || TOTAL_WORD.test(entry.label) || GROUP_LABEL.test(entry.label)) continue;
      if (anyValue(above, head.valueCols) || !anyValue(row, entry.valueCols)) continue;
      row.entries[k] = { ...entry, code: head.code, label: head.label + entry.label, labelSpan: head.labelSpan };
      above.entries = above.entries.filter((e) => e !== head);
    }
  }
}
const TOTAL_WORD = /^(?:其中|合计|小计|总计)|合计$|小计$|总计$/;
/** Uncoded group rows of 公开06 (`　| 公用经费 | 20.00`): a group of its own, never the rest of a wrapped name. */
const GROUP_LABEL = /^(?:人员经费|公用经费)$/;

/** The trimmed text of a row's cell in column `c` ('' without the column or the cell). */
function cellText(row: TableRow, c: TableColumn | undefined): string {
  if (!c) return '';
  const cell = row.cells[c.index];
  return cell ? cell.text.trim() : '';
}

/** Whether any of the columns holds a value (a non-empty cell) in the row. */
function anyValue(row: TableRow, cols: number[]): boolean {
  for (const c of cols) {
    const cell = row.cells[c];
    if (cell && !cell.empty) return true;
  }
  return false;
}

/**
 * `211 | 节能环保支出` / `  01 | 环境保护管理事务` / `    01 | 行政运行`: 款 and 项 written as their own two digits, indented under
 * the 类 in one code column. The 款's indent is the first seen under its 类; a deeper one is a 项's.
 */
function indentedCode(cell: TableCell | undefined, digits: string, states: Map<number, IndentedCodes>, block: number): string | undefined {
  const state = states.get(block);
  if (!state?.lei) return undefined;
  const indent = cell?.padded ?? (cell?.indent ?? 0) * 2;
  state.kuanIndent ??= indent;
  if (indent <= state.kuanIndent) {
    state.kuan = digits;
    return state.lei + digits;
  }
  return state.kuan ? state.lei + state.kuan + digits : undefined;
}
interface IndentedCodes {
  lei?: string;
  kuan?: string;
  kuanIndent?: number;
}

function splitCode(parts: string[], carried: Map<number, { lei?: string; kuan?: string }>, block: number): string | undefined {
  const state = carried.get(block) ?? {};
  carried.set(block, state);
  const [lei, kuan, xiang] = parts;
  const two = (s: string | undefined) => (s && /^\d{1,2}$/.test(s) ? s.padStart(2, '0') : undefined);
  // The whole code in the 类 cell, the 款 and 项 cells blank (`2080501 | | | 行政单位离退休`).
  if (lei && /^(\d{5}|\d{7})$/.test(lei) && !kuan && !xiang) {
    state.lei = lei.slice(0, 3);
    state.kuan = lei.slice(3, 5);
    return lei;
  }
  if (lei && /^\d{3}$/.test(lei)) {
    state.lei = lei;
    state.kuan = undefined;
  } else if (lei) return undefined;
  const k = two(kuan);
  const x = two(xiang);
  if (!lei && !k && !x) return undefined;
  if (!state.lei) return undefined;
  if (k) state.kuan = k;
  if (!k && !x) return state.lei;
  if (!x) return state.lei + k;
  const kk = k ?? state.kuan;
  return kk ? state.lei + kk + x : undefined;
}

/**
 * Column shift (tables.md §0, xining `:287`): an integer in an amount cell that is a known 经济分类
 * code, in a row where a labelled block has lost its code. The integer is the missing code.
 */
function findShiftedCodes(table: Table): void {
  const hasCodes = table.columns.some((c) => c.role === 'code' || c.role === 'code-part');
  if (!hasCodes) return;
  // The codes a shifted integer may be: built on the first candidate (most tables have none).
  let codes: Set<string> | undefined;
  const known = (code: string) => (codes ??= knownCodes(table)).has(code);
  for (const row of table.rows) {
    const entries = row.entries ?? [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.code || !e.label || /合计|总计|小计/.test(e.label)) continue;
      // Candidates: the entry's own value cells, then those of the block on its left.
      const candidates = [e, entries[i - 1]].filter((x): x is TableEntry => x !== undefined && (x === e || x.block === e.block - 1));
      for (const c of candidates) {
        const col = c.valueCols.find((vc) => /^\d{3}$|^\d{5}$/.test(norm(row.cells[vc]?.text ?? '')) && known(norm(row.cells[vc].text)));
        if (col === undefined) continue;
        const cell = row.cells[col];
        cell.shiftedCode = norm(cell.text);
        e.code = cell.shiftedCode;
        e.codeRecovered = true;
        break;
      }
    }
  }
}

/** 经济分类 类 codes and every code (and its 类) the table's rows state. */
function knownCodes(table: Table): Set<string> {
  const known = new Set(Object.keys(ECONOMIC_CLASSES));
  for (const row of table.rows) {
    for (const e of row.entries ?? []) if (e.code) {
      known.add(e.code);
      known.add(e.code.slice(0, 3));
    }
  }
  return known;
}

const UNFINISHED = /^\s*[（(][^（）()]{0,30}(?:待[^（）()，,。]{0,12}(?:粘贴|复制|补充|补齐|录入)|未完)[^（）()]{0,20}[)）]\s*$/;

function attachNotes(w: Work, lines: Line[]): void {
  const table = w.table;
  const notes: Array<{ span: Span; text: string }> = [];
  for (const row of table.rows) if (row.kind === 'note') notes.push({ span: row.span, text: row.cells.map((c) => c.text).join('').trim() });
  let i = w.lastLine + 1;
  while (i < lines.length && lines[i].text.trim() === '') i++;
  // (`（以下各行待从决算软件复制粘贴）`, `（表格未完，续表待粘贴）`: the writer's own mark that the table is not finished.)
  if (i < lines.length && UNFINISHED.test(lines[i].text)) {
    const span = { start: lines[i].start, end: lines[i].end };
    notes.push({ span, text: lines[i].text.trim() });
    table.unfinished = span;
    i++;
    while (i < lines.length && lines[i].text.trim() === '') i++;
  }
  while (i < lines.length && /^\s*(注|说明|备注)\d*[:：]/.test(lines[i].text)) {
    notes.push({ span: { start: lines[i].start, end: lines[i].end }, text: lines[i].text.trim() });
    i++;
    while (i < lines.length && lines[i].text.trim() === '' && i + 1 < lines.length && /^\s*(注|说明|备注)\d*[:：]/.test(lines[i + 1].text)) i++;
  }
  if (notes.length) {
    table.notes = notes;
    table.noData = notes.some((n) => /无数据|本表为空|空表|无相关数据/.test(n.text));
  }
}

/**
 * A sheet saved as CSV (`合计,,300.00,200.00,100.00`, amounts with separators quoted: `"3,000.00"`): from line `i`, a run
 * of three or more lines of one field count (three or more fields), some holding a figure. The run's last line, or −1.
 */
function csvRun(lines: Line[], i: number): number {
  const width = csvWidth(lines[i].text);
  if (width < 3) return -1;
  let j = i;
  let figures = /\d/.test(lines[i].text);
  while (j + 1 < lines.length && csvWidth(lines[j + 1].text) === width) {
    j++;
    figures ||= /\d/.test(lines[j].text);
  }
  return j - i >= 2 && figures ? j : -1;
}

/**
 * The field count of a CSV line, or 0 when it is no CSV row: no comma, a tab, a sentence, an open quote, a run of
 * spaces (the columns of a space-aligned table, whose amounts carry thousands commas), or commas only between digits.
 */
function csvWidth(text: string): number {
  if (!text.includes(',') || text.includes('\t') || text.includes('  ') || /[。；]/.test(text) || !/[^\d],|,[^\d]|^,|,$/.test(text)) return 0;
  // (Nor prose typed with half-width punctuation, `- …(项):年初预算为3900.00万元,支出决算为…,完成年初预算的99.03%.决算数…`: a list item, or a
  // sentence ended with `.` or `;`.)
  if (/^\s*[-*+•]\s/.test(text) || /[\u4e00-\u9fff%％)）][.;](?:\s|[\u4e00-\u9fff]|$)/.test(text)) return 0;
  return csvFields(text)?.length ?? 0;
}

/** A CSV line's fields (RFC 4180 quoting): each one's text and where it stands (inside its quotes). */
export function csvFields(text: string): Array<{ start: number; end: number; text: string }> | undefined {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return undefined;
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        out.push({ start: i + 1, end: q, text: value });
        i = q + 1;
        break;
      }
      if (i < text.length && text.charCodeAt(i) !== 44) return undefined;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      out.push({ start: i, end, text: text.slice(i, end) });
      i = end;
    }
    if (i >= text.length) return out;
    i++;
    if (i === text.length) {
      out.push({ start: i, end: i, text: '' });
      return out;
    }
  }
}
