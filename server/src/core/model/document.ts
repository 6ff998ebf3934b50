// Stage 2: text → document model (lines, numbers, tables, sections, paragraphs, sentences).
// Every later stage reads this model; nothing after it re-parses the text.
import { findPlaceholders, scanNumbers, withDigitYears, type ScannedNumber } from '../numbers/scan';
import { isWhiteSpace } from '../text/chars';
import { OPENS_WITH_LAST_YEAR_COMPARISON } from '../text/comparison';
import { ordinalOf } from '../text/ordinal';
import { MARKED_PAGE_NUMBER } from '../text/page-numbers';
import { LineIndex } from '../text/positions';
import { displayWidth } from '../text/width';
import { isRunningTitle, neighbour, PAGE_NUMBER } from './pages';
import { containing } from '../text/search';
import Decimal from 'decimal.js';
import type { DocumentModel, Line, NumberToken, Paragraph, Section, Sentence, Span, Table } from '../types';
import { parseTables } from './tables';
import { resolveFractionRates, resolveFusedYears, resolveMissingPercents, resolveSharedUnits, resolveTableUnitSlips, resolveUnitSlips } from './units';
import { allMatches } from '../text/matches';
import { CLASS_NAME } from '../text/classes';

/** Lines end at `\r\n`, `\r` or `\n`. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

/**
 * A number of the model. Its decimal value is built on first use: most numbers (years, codes, 行次,
 * list markers) never take part in arithmetic.
 */
class Token implements NumberToken {
  private decimal?: Decimal;
  readonly span: Span;
  readonly unitSpan?: Span;
  raw: string;
  /** (Not readonly: units.ts drops a year run into the amount, `2019498.83` → `498.83`, before any value is read.) */
  text: string;
  readonly decimals: number;
  readonly zero: boolean;
  unit: NumberToken['unit'];
  missingPercent?: true;
  readonly unitText: string;
  /** (Set after the model is built for digits stage 0 made ASCII, with `raw` as written: lint.ts.) */
  formatIssue?: NumberToken['formatIssue'];
  readAs?: NumberToken['readAs'];
  cell?: NumberToken['cell'];
  operandFields?: NumberToken['operandFields'];
  approximate?: true;
  inWords?: true;

  constructor(readonly id: number, n: ScannedNumber) {
    this.span = { start: n.start, end: n.end };
    this.unitSpan = n.unitStart !== undefined && n.unitEnd !== undefined ? { start: n.unitStart, end: n.unitEnd } : undefined;
    this.raw = n.raw;
    this.text = n.text;
    this.decimals = n.decimals;
    this.zero = !/[1-9]/.test(n.text);
    this.unit = n.unit;
    this.unitText = n.unitText;
    this.formatIssue = n.formatIssue;
    // (`七成`: a share in tenths is about that, ±5%.)
    if (n.spelled) this.approximate = true;
    if (n.inWords) this.inWords = true;
  }

  get value(): Decimal {
    return (this.decimal ??= new Decimal(this.text));
  }

  /** Plain data for JSON and structured clone (the value as its text). */
  toJSON(): object {
    return { id: this.id, span: this.span, unitSpan: this.unitSpan, raw: this.raw, text: this.text, value: this.text, decimals: this.decimals, unit: this.unit, unitText: this.unitText, formatIssue: this.formatIssue, readAs: this.readAs, missingPercent: this.missingPercent, cell: this.cell };
  }
}

const CN_NUM = '一二三四五六七八九十';
const HEADING_PATTERNS: Array<{ re: RegExp; level: number; short?: boolean }> = [
  { re: /^#{1,6}\s*/, level: 0 },
  { re: new RegExp(`^第[${CN_NUM}]+部分`), level: 1 },
  { re: new RegExp(`^[${CN_NUM}]+[、.．]`), level: 2, short: true },
  { re: new RegExp(`^[（(][${CN_NUM}]+[)）]`), level: 3, short: true },
  // (`2.5 一般公共预算财政拨款支出决算情况`, `2.6.3 公用经费`: decimal numbering, one level deeper per number.)
  { re: /^\d{1,2}[.．]\d{1,2}(?![.．\d])(?=\s*[\u4e00-\u9fff“《])/, level: 3, short: true },
  { re: /^\d{1,2}(?:[.．]\d{1,2}){2}(?![.．\d])(?=\s*[\u4e00-\u9fff“《])/, level: 4, short: true },
  { re: /^\d+[、.．](?!\d)/, level: 4, short: true },
  { re: /^[（(]\d+[)）]/, level: 5, short: true },
];

const CLASS_TITLE = /[（(]\s*\d*\s*[类款]\s*[)）]\s*$/;

/** A heading line: numbered or `#`, short, and not a sentence with amounts in it. */
function headingLevel(text: string): number | undefined {
  const trimmed = text.replace(/\*\*/g, '').trim();
  if (trimmed === '' || trimmed.length > 90) return undefined;
  // (`六、一般公共预算财政拨款基本支出决算情况（合计356.27万元）`: a title's figure in brackets after its last word.)
  const t = trimmed.replace(TITLE_FIGURE, '$1');
  if (t.length > 60) return undefined;
  for (const p of HEADING_PATTERNS) {
    const m = t.match(p.re);
    if (!m) continue;
    if (p.level === 0) {
      // (`### 五、…一般公共预算…` among plain `（一）…` lines: a numbered title keeps its number's level, so the plain ones under
      // it stay under it.)
      const rest = t.slice(m[0].length);
      const numbered = HEADING_PATTERNS.find((q) => q.level > 0 && q.re.test(rest));
      return numbered?.level ?? Math.min(6, (text.match(/^#+/)?.[0].length ?? 1));
    }
    // (`9.住房公积金(项)：年初预算为47.` / `68万元…`: a figure stated and wrapped, not a title.)
    // (`1、应急保障用车6辆；`: an item of a list, not a title: a count, or a clause closed by ；.)
    if (p.short && (/[。；]./.test(t) || /\d+(\.\d+)?\s*(万元|元|%|辆|人次|批次|台|套)/.test(t) || /[；;]$/.test(t) || /(?:为|是|达)\s*[\d０-９]/.test(t) || t.length > 40)) return undefined;
    // `3、一般公共服务支出（类）组织事务（款）一般行政管理` / `事务（项）74.33万元…`: an item whose 类/款/项 name
    // the PDF wrapped, not a title.
    // (So at any level when the cut falls inside a name: `（九）…（款）行政单` / `位离退休（项）。年初预算为…`.)
    if ((p.level >= 4 && CLASS_PATH_CUT.test(t)) || CLASS_PATH_CUT_IN_NAME.test(t)) return undefined;
    // `（7）…职业年金缴费支出（` / `项）。年初预算为…`, `9.…行政单位医疗(项` / `)：年初预算为…`: a line that stops
    // inside a bracket or quote was wrapped.
    if (p.short && unclosed(t)) return undefined;
    // `1、…行政运行（项）年初预` / `算为…`, `6.…行政运行（项）：年初` / `预算为…`: words after the 项 name (or
    // after a 类/款/项 name and its colon or comma, `(9)…事业运行（项），年初预算为` / `464.34万元…`) go on into the item's sentence.
    // A line that stops at its 项 name and colon (`7.…标准(项)：` / `年初预算为…`) is such an item too.
    // So do the words after a project's `…项目绩效自评情况：` (`1.…项目绩效自评情况：根据年初设定的绩` / `效目标，项目自评得分…`).
    if (p.level >= 4 && (/[（(]\s*\d*\s*项\s*[)）][\u4e00-\u9fff]|[（(]\s*[类款项]\s*[)）]\s*[：:，,]\s*[\u4e00-\u9fff]|(?:情况|结果)[：:]\s*[\u4e00-\u9fff]/.test(t) || ITEM_NAME_THEN_COLON.test(t))) return undefined;
    // (`五、一般公共预算财政拨款支出决算情况说明` / `一、教育支出（类）`: a 类 or 款 numbered afresh heads a part of the section it is in,
    // never a section beside it.)
    // (So is one named by its 类 alone, `（三）…具体情况` / `一、社会保障和就业支出`.)
    return CLASS_TITLE.test(t) || CLASS_NAME.test(t.slice(m[0].length).replace(/[\s*#]+/g, '')) ? Math.max(p.level, 3) : p.level;
  }
  return undefined;
}

/** A heading naming a 类 (`（一）一般公共服务支出（类）`, `一、社会保障和就业支出`). */
function namesClass(title: string): boolean {
  const t = title.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
  const numbered = HEADING_PATTERNS.find((p) => p.level > 0 && p.re.test(t));
  return CLASS_TITLE.test(t) || (numbered !== undefined && CLASS_NAME.test(t.replace(numbered.re, '').replace(/[\s*#]+/g, '')));
}

const TITLE_FIGURE = /^((?:\d{1,2}[、.．])?[^。；;，,：:\d]*(?:情况|说明))[（(](?:合计|共计|总计)?[^（()）。；;]{0,20}[)）]$/;
/** An enumerated 项 whose statement starts on the next line: `7.节能环保支出(类)…标准(项)：`. */
const ITEM_NAME_THEN_COLON = /^\s*(?:\d+[、.．]|[（(]\d+[)）]).*[（(]\s*\d*\s*项\s*[)）]\s*[：:]$/;
/** A 类/款 name path that has not reached its 项 nor any punctuation: the line was wrapped. */
/** A Markdown line set in bold whole: a title, never a wrapped sentence. */
const WHOLLY_BOLD = /^\s*\*\*[^*]+\*\*\s*$/;
const CLASS_PATH_CUT = /^[^。；;，,：:]*[（(][类款][)）][^。；;，,：:（(项]*$/;
const CLASS_PATH_CUT_IN_NAME = /^[^。；;，,：:]*[（(][类款][)）][^。；;，,：:（(项]+(?<!情况|说明|分析)$/;
/** 。！？!? end a sentence (tested per character: by code, not by regex). */
const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
/** A Markdown list item's marker: `- `, `* `, `+ `, `• `. */
const BULLET = /^[-*+•]\s+\S/;

/** A line ending like this finishes its paragraph; any other prose line may continue after a page break. */
const PARAGRAPH_END = /[。！？!?；;：:）)”"」』]$|\*\*$|表$|(?<=[\u4e00-\u9fff%％])\.$/;

interface ItemNumber {
  style: string;
  n: number;
}

/** `2.`, `2、`, `（2）`, `（二）`, `二、`, `②` opening a line (not `2.5万元`, a figure the line break cut before). */
function itemNumber(text: string): ItemNumber | undefined {
  const m = /^(?:\d{1,2}([.．、])(?!\d)|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473])/.exec(text);
  if (!m) return undefined;
  const style = m[1] ? `digit${m[1]}` : /^[（(]\d/.test(m[0]) ? '(digit)' : /^[（(]/.test(m[0]) ? '(chinese)' : /^[\u2460-\u2473]/.test(m[0]) ? 'circled' : 'chinese、';
  return { style, n: ordinalOf(m[0])! };
}

/**
 * `…主要包括：基本工资；` / `公用经费25.15万元…`: a line ending with ；goes on into the next one unless that
 * one opens an item of its own (`（2）`, `2.`, `二、`): a ；ends a clause, not a paragraph.
 */
function continuesAfterSemicolon(lastLine: string, next: string): boolean {
  return /[；;]$/.test(lastLine) && !/^(?:\d+[、.．)）]|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|[-*+>#|]|第)/.test(next);
}

/**
 * A prose line that stops without closing punctuation continues on the next line (a PDF wrap or page
 * break). Short lines without a comma are titles, which stand alone.
 */
/** A line opening with a paragraph's indent of two ideographic spaces, as Word and PDF text indent one. */
const INDENTED_PARAGRAPH = /^\u3000{2}/;

function continues(lastLine: string, pageWidth?: number): boolean {
  // (A line set in bold whole, `**2. 卫生健康支出（类）**`, is a title of the items under it: a wrap is never bold.)
  if (WHOLLY_BOLD.test(lastLine)) return false;
  // A sentence ending inside the line (`…职业年金。年初预算为`) makes it prose, not a title.
  if (CLASS_PATH_CUT.test(lastLine.replace(/^\s*(?:\d+[、.．]|[（(]\d+[)）])/, ''))) return true;
  // `…占8.52%；卫生健康支出（类）` / `20.43万元…`: a sentence that stops at a 类/款/项 name was wrapped.
  if (/[（(]\s*\d*\s*[类款项]\s*[)）]$/.test(lastLine) && /[，,；;。：:]/.test(lastLine)) return true;
  if (ITEM_NAME_THEN_COLON.test(lastLine)) return true;
  // (A line stating an amount or a rate is prose, however short: `府采购货物支出 18.29 万元、政府采购工程支出 0.00`.)
  // (`图1：收入决算` over `（二）支出决算说明`: a figure's or table's caption stands alone, its colon no clause.)
  if (PARAGRAPH_END.test(lastLine) || CAPTION.test(lastLine)) return false;
  // (`勤用车 1 辆、应急保障用车 2` / `辆、其他用车 6 辆。`: a count enumerated before the break is prose too.)
  if (lastLine.length > 30 || /[，,；;]|[。！？：:]./.test(lastLine) || STATED_FIGURE.test(lastLine) || STATED_COUNT.test(lastLine) || unclosed(lastLine)) return true;
  // (On a narrow page, `上海市…局 2024 年度财政拨款收入支` / `出总计 9746.50 万元。`: a line as wide as the page's
  // lines was wrapped by the page, however few its characters.)
  return pageWidth !== undefined && displayWidth(lastLine) >= pageWidth - WRAP_SLACK;
}

/**
 * `…年初预算为 0.88 万元，支出决算为 0.88 万元。` / `完成年初预算的 100.00%。`, `…其中：因公出国（境）` / `费决算为 0 万元`: on a
 * page of known width, a line filled to the margin that happens to end with a sentence's end or a closing bracket
 * is no paragraph's last line (those stop short), unless the next line opens an item. (Headings are decided
 * before: this joins only prose.)
 */
function fullLineEndingSentence(lastLine: string, next: string, pageWidth: number | undefined): boolean {
  return pageWidth !== undefined && /[。；;）)”"]$/.test(lastLine) && displayWidth(lastLine) >= pageWidth - 2 && itemNumber(next) === undefined && !/^[-*+>#|第]/.test(next);
}

/** Display columns a wrapped line may fall short of the page width (justified text, a word that did not fit). */
const WRAP_SLACK = 6;

/**
 * The width of the page the prose was wrapped at, when lines of one width (±1 column) dominate the prose: a
 * PDF's text, not a text file's paragraphs of any length.
 */
function pageWidthOf(lines: readonly Line[], tableLines: Uint8Array): number | undefined {
  const counts = new Map<number, number>();
  let prose = 0;
  for (const line of lines) {
    // (Display width is at most twice the length: most lines are measured by their length alone.)
    if (tableLines[line.index] === 1 || line.text.length < 20 || line.text.length > 400) continue;
    const width = displayWidth(line.text.trim());
    if (width < 40 || width > 200) continue;
    prose++;
    counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [width, count] of counts) {
    const around = count + (counts.get(width - 1) ?? 0) + (counts.get(width + 1) ?? 0);
    if (around > bestCount || (around === bestCount && best !== undefined && width > best)) {
      best = width;
      bestCount = around;
    }
  }
  return best !== undefined && bestCount >= 8 && bestCount * 4 >= prose ? best + 1 : undefined;
}

/** `决算数大于年初预算数的主要原因是：…` on a line of its own: the item of the lines before is what it compares. */
const OPENS_WITH_BUDGET_COMPARISON = /^决算数?(?:大于|小于|高于|低于|超过|与(?:年初|全年|调整后?)?预算数?(?:持平|相等|一致|相同))/;
const STATED_FIGURE = /\d\s*(?:万元|亿元|元|%|％)/;
const STATED_COUNT = /\d\s*(?:辆|人次|批次|个|人|台|套|项|家)、/;
const CAPTION = /^(?:图|表)\s*[0-9０-９一二三四五六七八九十]+\s*[：:.．]\s*[^，,。；;\d]{1,30}$/;
const ITEM_THEN_AMOUNT = /[（(]项[)）][”"]?$/;
const STARTS_WITH_FIGURE = /^[\d,.]+\s*(?:万元|亿元|元)/;

/**
 * `…政府采购支出总额166.73` / `万元，其中：…`, `…三公经费支出预算为` / `47.32万元，…`: a wrap between a figure and
 * its unit, or between the words that ask for a figure and the figure.
 */
function figureWrapped(lastLine: string, next: string): boolean {
  // (`本部门共有车辆4辆` / `（机要通信用车1辆，…）；`: a bracket opening the next line details the figure that ends this one.)
  if (/^[（(]/.test(next) && /\d\s*(?:万元|亿元|元|%|％|辆|人次|批次|台|套)$/.test(lastLine)) return true;
  // (`2.“公共安全支出（类）…其他公共安全支出（项）”` / `323.74 万元，主要用于…`: an item's amount wrapped after its name.)
  return (/\d$/.test(lastLine) && /^(?:万元|亿元|元|%|％|个百分点)/.test(next)) || (/(?:为|是|达到?|共计|合计|总额|总计|[（(]项[)）][”"]?)$/.test(lastLine) && /^\d/.test(next) && STATED_FIGURE.test(next));
}

/** A figure of money or a count, as a list's item states it. */
const ITEM_FIGURE = /\d\s*(?:万元|亿元|元|个批次|批次|人次|人|辆|台|套|家|个)/;

/**
 * `…支出总额2120.92万元，其中：` / `政府采购货物支出191.58万元、政府采购工程支出…`: a line closing on its list's trigger
 * goes on into a line that enumerates the items (two clauses stating a figure or more), unless that line
 * opens an item of its own (`1、…`). A line stating one figure (`其中：` / `商品和服务支出29700元,占…100%`) opens the first
 * of several items, each a paragraph of its own, which stay apart.
 */
function triggerThenItems(lastLine: string, next: string): boolean {
  if (!/其中[：:]$/.test(lastLine) || itemNumber(next) !== undefined || /^[-*+>#|第]/.test(next) || !/[、，,；;]/.test(next)) return false;
  // Items are clauses stating a figure, not its change or share (`…29700元,占…100%,同比减少13900元`: one item).
  // (The last figure's unit may be on the line after: `…191.58万元、政府采购工程支出259.94` / `万元、…`.)
  const items = next.split(/[、，,；;]/).filter((clause, k, all) => (ITEM_FIGURE.test(clause) || (k === all.length - 1 && /\d$/.test(clause))) && !CHANGE_OR_SHARE.test(clause));
  return items.length >= 2;
}

const CHANGE_OR_SHARE = /同比|上年|增加|减少|增长|下降|占/;

/**
 * A line that opens a quote or bracket it does not close is cut off, however short: narrow PDF pages
 * wrap `“一般公共服务（类）宣传事务（款）一般行政管理事` / `务（项）”100.96万元，…` at 24 characters.
 */
function unclosed(line: string): boolean {
  let quotes = 0;
  let brackets = 0;
  for (const ch of line) {
    if (ch === '“') quotes++;
    else if (ch === '”') quotes = Math.max(0, quotes - 1);
    else if (ch === '（' || ch === '(') brackets++;
    else if (ch === '）' || ch === ')') brackets = Math.max(0, brackets - 1);
  }
  return quotes > 0 || brackets > 0;
}

/**
 * The text with the marked page numbers (`— 2 —`) and running titles between prose lines blanked: a sentence the
 * page broke reads on across them, and neither is a figure or a word of it (`1.农林水支出（类）` / `— 2 —` /
 * `XX局2024年度部门决算` / `（1）…（项）`). Offsets and lines stay.
 */
function withoutPageFurniture(text: string, lines: readonly Line[], tableLines: Uint8Array, runningTitles: Uint8Array): string {
  let out: string[] | undefined;
  let from = 0;
  for (const line of lines) {
    if (tableLines[line.index] === 1) continue;
    if (!(runningTitles[line.index] === 1 || MARKED_PAGE_LINE.test(line.text.trim()))) continue;
    (out ??= []).push(text.slice(from, line.start), ' '.repeat(line.text.length));
    from = line.start + line.text.length;
  }
  return out ? out.join('') + text.slice(from) : text;
}

const MARKED_PAGE_LINE = new RegExp(`^(?:${MARKED_PAGE_NUMBER})$`);

/** A tag or a character entity of HTML: `<p style="text-indent:2em;">`, `</strong>`, `<br/>`, `&nbsp;`. */
const MARKUP = /<\/?[a-zA-Z][^<>\n]{0,200}>|&(?:nbsp|ensp|emsp|amp|lt|gt|quot|#\d{1,5});/g;

const FULL_WIDTH_FIGURE = /[０-９．％]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * The text with each prose line `needs` picks rewritten by `map`, which keeps its length (so every offset stays); table lines as they
 * are (their readers read them).
 */
function mapProseLines(text: string, lines: readonly Line[], tableLines: Uint8Array, needs: (line: string) => boolean, map: (line: string) => string): string {
  let out: string[] | undefined;
  let from = 0;
  for (const line of lines) {
    // (The line as the text has it now: an earlier pass may have blanked it.)
    const current = text.slice(line.start, line.end);
    if (tableLines[line.index] === 1 || !needs(current)) continue;
    const mapped = map(current);
    if (mapped === current) continue;
    (out ??= []).push(text.slice(from, line.start), mapped);
    from = line.end;
  }
  return out ? out.join('') + text.slice(from) : text;
}

/**
 * The prose of a page saved from a website, `<p style="text-indent:2em;">（1）…：全年预算数…</p>`, with its markup blanked: the `:` and
 * `;` of a tag part no clause, and a tag before `十二、…` or `（1）…` hides no heading or item.
 */
function withoutMarkup(text: string, lines: readonly Line[], tableLines: Uint8Array): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return mapProseLines(text, lines, tableLines, (line) => line.includes('<') || line.includes('&'), (line) => line.replace(MARKUP, (m) => ' '.repeat(m.length)));
}

/**
 * The prose with full-width digits, points and percent signs as ASCII (`２０１９年度`, `１．２１万元`, `８．３９％`), one code unit for
 * one: the words around a figure are read alike however it was typed. After the numbers are scanned, which keep what was written
 * (number-format reports it).
 */
function halfWidthDigits(text: string, lines: readonly Line[], tableLines: Uint8Array): string {
  if (!/[０-９]/.test(text)) return text;
  return mapProseLines(text, lines, tableLines, (line) => /[０-９．％]/.test(line), (line) => line.replace(FULL_WIDTH_FIGURE, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET)));
}

export function buildModel(text: string): DocumentModel {
  let lines = splitLines(text);
  const lineIndex = new LineIndex(text, lines.map((line) => line.start));
  const { tables, tableLines, cellNumbers, cellPlaces, refused } = parseTables(text, lines);
  const bare = withoutMarkup(text, lines, tableLines);
  if (bare !== text) {
    text = bare;
    lines = splitLines(text);
  }

  // Numbers: table cells come from the table parser, the rest from the prose lines.
  const prose: ScannedNumber[] = [];
  // Prose is scanned in runs of consecutive lines, so that a PDF line wrap inside a number or its
  // unit (`465.` / `50万元`, `万` / `元`) is still one number.
  for (let i = 0; i < lines.length; ) {
    if (tableLines[i] === 1) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && tableLines[j + 1] === 0) j++;
    const start = lines[i].start;
    for (const n of scanNumbers(text.slice(start, lines[j].end), start)) prose.push(n);
    i = j + 1;
  }
  // (After the numbers: a number the page broke reads across its page number, numbers/scan.ts.)
  const firstLine = lines.findIndex((line) => line.text.trim() !== '');
  const pageWidth = pageWidthOf(lines, tableLines);
  const runningTitles = new Uint8Array(lines.length);
  for (const line of lines) if (tableLines[line.index] === 0 && isRunningTitle(lines, line.index, firstLine)) runningTitles[line.index] = 1;
  text = halfWidthDigits(withoutPageFurniture(text, lines, tableLines, runningTitles), lines, tableLines);
  // (Nor are the figures of a page's furniture any of the report's: `第 1 页 共 4 页` and its running title's year, between `占` and
  // `比为9.20%`.)
  const furniture = (n: ScannedNumber) => {
    const line = lineIndex.positionAt(n.start).line;
    return runningTitles[line] === 1 || (tableLines[line] === 0 && PAGE_NUMBER.test(lines[line].text.trim()) && lines[line].start <= n.start && n.end <= lines[line].end);
  };
  if (prose.some(furniture)) prose.splice(0, prose.length, ...prose.filter((n) => !furniture(n)));
  // Markdown comments (`<!-- … -->`, disable directives, authors' notes) are not report text.
  const comments = commentSpans(text);
  const numbers: Token[] = [];
  inDocumentOrder(cellNumbers, cellPlaces, prose, (n, cell) => {
    if (comments.length && insideAny(comments, n.start)) return;
    const token = new Token(numbers.length, n);
    if (cell) {
      token.cell = cell;
      tables[cell.table].rows[cell.row].cells[cell.col].number = token.id;
    }
    numbers.push(token);
  });

  // Sections from heading lines; paragraphs from the remaining prose lines.
  const sections: Section[] = [];
  const open: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let current: { start: number; end: number; lastText: string; item?: ItemNumber; blankAfter?: boolean } | undefined;
  const closeParagraph = () => {
    if (!current) return;
    paragraphs.push({ id: paragraphs.length, span: { start: current.start, end: current.end }, section: open.at(-1)?.id });
    current = undefined;
  };
  for (const line of lines) {
    if (tableLines[line.index] === 1) {
      closeParagraph();
      continue;
    }
    if (comments.length && insideAny(comments, line.start) && insideAny(comments, Math.max(line.start, line.end - 1))) continue;
    const trimmed = line.text.trim();
    if (trimmed === '') {
      if (current) current.blankAfter = true;
      continue;
    }
    // A page number or running title is no prose: inside an unfinished sentence it is where the PDF page
    // broke it, and between items of a list (`其中：` / `1. …` / `- 1 -` / `2. …`) it must not part them.
    if (runningTitles[line.index] === 1 || PAGE_NUMBER.test(trimmed)) continue;
    const item = itemNumber(trimmed);
    // (`1. 因公出国（境）费0万元，与上年持平` / `2. 公务接待费…`: the next item of a list starts a line of its own,
    // however the line before it ended.)
    const nextItem = item !== undefined && current?.item !== undefined && item.style === current.item.style && item.n === current.item.n + 1;
    // (`- 环境保护管理事务（款）：…97.87%` / `  - 行政运行（项）：…`: a Markdown list item, nested or not, is a line of its own.)
    const bullet = BULLET.test(trimmed);
    // (`2.“…其他公共安全支出（项）”` / `323.74 万元，主要用于…`: an item whose amount the page wrapped is no heading.)
    let level = ITEM_THEN_AMOUNT.test(trimmed) && STARTS_WITH_FIGURE.test(neighbour(lines, line.index, 1)) ? undefined : headingLevel(trimmed);
    // (`### （七）一般公共预算财政拨款支出决算具体情况` / `（一）一般公共服务支出（类）`: a 类 numbered afresh is a part of the section it
    // is in, at the level of the 类 before it in that section.)
    if (level !== undefined && namesClass(trimmed) && open.length > 0) {
      const sibling = [...open].reverse().find((o) => namesClass(o.title));
      level = sibling ? sibling.level : Math.max(level, open.at(-1)!.level + 1);
    }
    if (level !== undefined && !(current && continues(current.lastText, pageWidth) && !nextItem)) {
      closeParagraph();
      while (open.length && open.at(-1)!.level >= level) {
        open.pop();
      }
      const section: Section = {
        id: sections.length,
        title: trimmed.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim(),
        level,
        span: { start: line.start, end: text.length },
        headingSpan: { start: line.start, end: line.end },
        parent: open.at(-1)?.id,
      };
      sections.push(section);
      open.push(section);
      continue;
    }
    // (`…占…100.00%。` / `比2023年度增加614.68万元…`: a sentence that opens by comparing with last year has no
    // subject of its own: it goes on the paragraph before, whatever ended that line.)
    // (`…预算为50.` / `41万元，…`: a figure the line break cut holds the lines together too.)
    // (`1.一般公共服务支出（类）2111.63万元` / `　　市场监督管理事务（款）…`: a line indented as a paragraph opens one, after a short line
    // that ended no clause.)
    const indented = INDENTED_PARAGRAPH.test(line.text) && current !== undefined && !/[，,；;、：:]$/.test(current.lastText);
    if (current && !nextItem && !(bullet && !insideNumber(numbers, line.start - 1)) && ((continues(current.lastText, pageWidth) && !indented) || insideNumber(numbers, line.start - 1) || fullLineEndingSentence(current.lastText, trimmed, pageWidth) || (!current.blankAfter && continuesAfterSemicolon(current.lastText, trimmed)) || figureWrapped(current.lastText, trimmed) || triggerThenItems(current.lastText, trimmed) || OPENS_WITH_LAST_YEAR_COMPARISON.test(trimmed) || OPENS_WITH_BUDGET_COMPARISON.test(trimmed))) {
      // A sentence broken by a page break (`占政府采购支` / `出总额的100%`): join the lines.
      current.end = line.end;
      current.lastText = trimmed;
      current.blankAfter = false;
      current.item = item ?? current.item;
      continue;
    }
    closeParagraph();
    current = { start: line.start, end: line.end, lastText: trimmed, item };
  }
  closeParagraph();
  // A section ends where the next heading of the same or a higher level starts.
  for (let i = 0; i < sections.length; i++) {
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= sections[i].level) {
        sections[i].span.end = sections[j].span.start;
        break;
      }
    }
  }

  const sentences = splitSentences(text, paragraphs, numbers);
  // (`某局二〇二四年度部门决算`: a year in Chinese numerals names the report year as digits do.)
  const digitYears = withDigitYears(text);
  const { reportYear, reportKind } = findReport(digitYears);
  const lastYearsFrom = lastYearsForComparison(text);
  markLastYearsTables(tables, reportYear, lastYearsFrom);
  const model: DocumentModel = {
    text,
    lines,
    numbers,
    sections,
    paragraphs,
    sentences,
    tables,
    reportYear,
    lastYearsFrom,
    reportKind,
    department: reportYear === undefined ? undefined : findDepartment(digitYears, reportYear),
    disabledLines: findDisabledLines(text, lines),
    unreadTables: refused.map((r) => ({ span: trimmedSpan(lines[r.first]), lastLine: r.last, reason: r.reason, layout: r.layout })),
    placeholders: findPlaceholders(text),
  };
  resolveSharedUnits(model);
  resolveTableUnitSlips(model);
  resolveFusedYears(model);
  resolveUnitSlips(model);
  resolveMissingPercents(model);
  resolveFractionRates(model);
  Object.defineProperty(model, 'lineIndex', { value: lineIndex, enumerable: false });
  return model;
}

type CellPlace = NonNullable<NumberToken['cell']>;

/**
 * Calls `visit` on the cell and prose numbers in document order, with the cell of each (undefined in
 * prose): a merge of the two lists when each is in order (a cell's number first at an equal start, as
 * a stable sort of the cells then the prose puts it), else that sort.
 */
function inDocumentOrder(cells: ScannedNumber[], places: CellPlace[], prose: ScannedNumber[], visit: (n: ScannedNumber, cell: CellPlace | undefined) => void): void {
  if (!inOrder(cells) || !inOrder(prose)) {
    const all = [...cells.map((n, i) => ({ n, place: places[i] as CellPlace | undefined })), ...prose.map((n) => ({ n, place: undefined }))];
    all.sort((a, b) => a.n.start - b.n.start);
    for (const x of all) visit(x.n, x.place);
    return;
  }
  let i = 0;
  let j = 0;
  while (i < cells.length || j < prose.length) {
    if (j === prose.length || (i < cells.length && cells[i].start <= prose[j].start)) {
      visit(cells[i], places[i]);
      i++;
    } else visit(prose[j++], undefined);
  }
}

function inOrder(numbers: ScannedNumber[]): boolean {
  for (let i = 1; i < numbers.length; i++) if (numbers[i].start < numbers[i - 1].start) return false;
  return true;
}

function commentSpans(text: string): Array<{ start: number; end: number }> {
  if (!text.includes('<!--')) return [];
  const spans = [];
  for (const m of allMatches(/<!--[\s\S]*?(?:-->|$)/g, text)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  return spans;
}

function insideAny(spans: Span[], offset: number): boolean {
  return containing(spans, (s) => s, offset) !== undefined;
}

export function lineIndexOf(model: DocumentModel): LineIndex {
  return (model as unknown as { lineIndex: LineIndex }).lineIndex;
}

function splitSentences(text: string, paragraphs: Paragraph[], numbers: NumberToken[]): Sentence[] {
  const sentences: Sentence[] = [];
  let k = 0;
  for (const p of paragraphs) {
    let start = p.span.start;
    // Skip leading whitespace so sentence spans start at text.
    const push = (end: number) => {
      while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
      if (end <= start) return;
      const ids: number[] = [];
      while (k < numbers.length && numbers[k].span.start < start) k++;
      let j = k;
      while (j < numbers.length && numbers[j].span.start < end) {
        ids.push(numbers[j].id);
        j++;
      }
      sentences.push({ id: sentences.length, span: { start, end }, text: text.slice(start, end), section: p.section, numbers: ids, paragraph: p.id });
      start = end;
    };
    for (let i = p.span.start; i < p.span.end; i++) {
      const c = text.charCodeAt(i);
      if ((isSentenceEnd(c) || (c === 0x2e && asciiFullStop(text, i, p.span.end))) && !insideNumber(numbers, i)) push(i + 1);
    }
    push(p.span.end);
  }
  return sentences;
}

/**
 * A half-width `.` typed for `。`: after a Chinese character, a unit, a percent sign or a closing bracket, and before Chinese text
 * or the paragraph's end (`…935.40万元.授予中小企业…`, `占1.38%.`). Not a list marker (`1.`), a decimal point or a web address.
 */
function asciiFullStop(text: string, at: number, end: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (!(isCjk(before) || before === 0x25 || before === 0xff05 || before === 0x29 || before === 0xff09 || before === 0x201d)) return false;
  let next = at + 1;
  while (next < end && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x3000)) next++;
  return next >= end || isCjk(text.charCodeAt(next)) || text.charCodeAt(next) === 0x201c || text.charCodeAt(next) === 0xff08;
}

const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;

function insideNumber(numbers: NumberToken[], offset: number): boolean {
  // `412。87`: the 。 is a decimal point, not the end of the sentence.
  return containing(numbers, (n) => n.span, offset) !== undefined;
}

/**
 * After `X年度决算`: a disclosure as an event (`对2023年度部门决算公开中发现的问题`, `2023年度部门决算公开问题整改情况`,
 * `2023年度决算已于2024年8月公开`, `做好2024年度部门决算公开工作`), not the report's own name.
 */
export const PAST_DISCLOSURE = /\s*已|公开(?:中|后|时|工作|以来|问题|整改|的问题|数|的)/;
/** `2024年度部门决算`, not a year compared with (`与2023年度决算相比`) nor a disclosure as an event. */
// (`与 2016 年度决算一致`: a space may stand between the comparison and the year.)
// (Nor a report cited as a source: `上年占比引自《…2023年度部门决算》`, `《2023年度部门决算》公开的本年支出合计…`.)
const FINAL_ACCOUNTS_YEAR = new RegExp(`(?<![与比较同][ \\u3000]*)(?<!(?:引自|摘自|源自|来源于|参见|详见|见)\\s*《[^《》\\n]{0,40})((?:19|20)\\d\\d)\\s*年度?\\s*(?:部门|单位)?\\s*决算(?!数|相比|比较|${PAST_DISCLOSURE.source}|》\\s*(?:公开|显示|中|所列|载明|列示|披露))`, 'g');
/** A title on the first lines naming its year before 决算 with words between: `怀宁县人民法院2017年“三公”经费决算`. */
const TITLE_YEAR = /(?<![与比较同][ \u3000]*)((?:19|20)\d\d)\s*年度?[^，,。；;：:\n]{0,30}?决算(?!数|相比|比较)/;
/** `上年度（2023年度）收入支出决算总表摘录如下，供对比`, `附：2023年度部门决算表（上年决算数，供对比参考）`. */
const LAST_YEARS_FOR_COMPARISON = /(?:上年|上一年)[^。\n]{0,24}(?:供|以便|便于)?(?:对比|比较|参考)|(?:供|以便|便于)(?:对比|比较|参考)[^。\n]{0,6}(?:上年|上一年)/;

function lastYearsForComparison(text: string): number | undefined {
  const at = text.search(LAST_YEARS_FOR_COMPARISON);
  return at < 0 ? undefined : text.lastIndexOf('\n', at) + 1;
}

/** A title that names last year: `（上年）收入支出决算总表`, `上年度支出决算表`. */
const LAST_YEAR_TITLE = /^[（(]?(?:上年|上一年|去年)/;

/**
 * Last year's tables quoted beside this year's (`（上年）收入支出决算总表`, or a `2023年度…表` after the text said it gives last
 * year's for comparison, or beside this year's table of that kind) are compared with none of this year's figures.
 * (A `2023年度…表` alone, in a 2024 report, is this year's table with last year's title: year-mismatch reports it.)
 */
function markLastYearsTables(tables: Table[], reportYear: number | undefined, lastYearsFrom: number | undefined): void {
  const lastYearWords = (t: Table) => t.title !== undefined && LAST_YEAR_TITLE.test(t.title);
  const dated = (t: Table) => {
    if (!t.title) return false;
    if (lastYearWords(t)) return true;
    const year = /((?:19|20)\d\d)\s*年/.exec(t.title)?.[1];
    return year !== undefined && reportYear !== undefined && Number(year) !== reportYear;
  };
  const start = (t: Table) => t.titleSpan?.start ?? t.rows[0]?.span.start ?? 0;
  const lastYears = tables.filter(
    (t) =>
      t.kind !== 'unknown' &&
      dated(t) &&
      (lastYearWords(t) || (lastYearsFrom !== undefined && start(t) >= lastYearsFrom) || tables.some((o) => o !== t && o.kind === t.kind && !dated(o))),
  );
  for (const t of lastYears) t.lastYears = true;
}

/**
 * The year most often named as `X年度部门决算` (a tie, or a title alone against a body that dates itself far
 * more often in another year, goes to the year the body names most as `X年度`), else as `X年部门预算` (a
 * budget report), else the most frequent `X年度`. (Not the title's alone: a title left at last year's is a
 * slip to report.)
 */
function findReport(text: string): { reportYear?: number; reportKind?: 'final-accounts' | 'budget' } {
  const finalAccounts = counts(firstGroups(text, FINAL_ACCOUNTS_YEAR));
  // (How often each year dates the text, counted only when a tie or a lone title asks.)
  let datedCounts: Map<string, number> | undefined;
  const dated = () => (datedCounts ??= counts(firstGroups(text, DATED_YEAR)));
  if (finalAccounts.size > 0) {
    const best = mostCommon(finalAccounts, (a, b) => (dated().get(a) ?? 0) - (dated().get(b) ?? 0))!;
    // `XX局2023年度部门决算` over a body that says 2024年度 ten times: the title is the slip.
    const body = finalAccounts.get(best) === 1 ? mostCommon(dated()) : undefined;
    const year = body !== undefined && dated().get(body)! > 2 * (dated().get(best) ?? 0) + 2 ? body : best;
    return { reportYear: Number(year), reportKind: 'final-accounts' };
  }
  // (The first line of the first three that names a year, when it is a title: no figures, 决算 after the year.)
  const titleLine = firstLines(text, 3).find((line) => /(?:19|20)\d\d\s*年/.test(line));
  const title = titleLine && !FIGURE_IN_LINE.test(titleLine) ? TITLE_YEAR.exec(titleLine) : null;
  if (title) {
    // (`2018年度临川市司法局部门决算公开` over a body dated 2019年度 throughout: the title is the slip, as above.)
    const body = mostCommon(dated());
    const year = body !== undefined && body !== title[1] && dated().get(body)! > 2 * (dated().get(title[1]) ?? 0) + 2 ? body : title[1];
    return { reportYear: Number(year), reportKind: 'final-accounts' };
  }
  // A budget (`2026年区级部门预算`, `2026年部门预算编制说明`) is about its own year.
  const budget = mostCommon(counts(firstGroups(text, /((?:19|20)\d\d)\s*年度?\s*(?:区级|市级|县级|省级)?\s*(?:部门|单位)\s*预算(?!数)/g)));
  if (budget !== undefined) return { reportYear: Number(budget), reportKind: 'budget' };
  const any = mostCommon(dated());
  return { reportYear: any === undefined ? undefined : Number(any) };
}
const DATED_YEAR = /((?:19|20)\d\d)\s*年度/g;

/** The first `n` lines with words on them. */
function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  for (let from = 0; from < text.length && lines.length < n; ) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end < 0 ? text.length : end).trim();
    if (line) lines.push(line);
    from = end < 0 ? text.length : end + 1;
  }
  return lines;
}

/** A figure of the accounts on a line: no title. */
const FIGURE_IN_LINE = /[0-9０-９]\s*(?:万元|亿元|元|%|％)/;

/** Name endings of government departments and units. */
const DEPARTMENT_END = /(?:局|人民政府|委员会|委|院|厅|办公室|办|中心|站|所|馆|部|会|队|处|校|学|园|室|社|台|团|署|库)$/;
/** What may stand right before a department's name: a line start, punctuation or a space. */
const BEFORE_NAME = /[\n。；;，,：:#>*\s]/;
const SPACE = /\s/;

/**
 * The department's name, as it stands right before the report year (`钦州市医疗保障局 2024 年度部门决算`,
 * `西宁市城中区医疗保障局⏎2024年度部门决算`, `钦州市医疗保障局 2024 年度政府采购支出总额…`): the most frequent
 * such name (at least three characters, a department's ending) at a line start or after punctuation.
 */
function findDepartment(text: string, year: number): string | undefined {
  return mostCommon(counts(departmentNames(text, year)));
}

/**
 * The matches of /(?:^|[\n。；;，,：:#>*\s])([\u4e00-\u9fff]{3,30})\s*YEAR\s*年度/g that end with a
 * department's name, found from each `YEAR年度` backwards: the regex itself tried every space and
 * punctuation mark of the text with up to 30 backtracking steps each. The name before a year is the
 * whole run of 汉字 there (what precedes a run is no 汉字), so it matches when that run has 3 to 30
 * characters after a line start, punctuation or space; like the regex's, matches do not overlap.
 */
function* departmentNames(text: string, year: number): Generator<string> {
  const head = text.slice(0, HEAD);
  let end = 0;
  // (`…农业农村局2024年部门决算`: a title may drop the 度.)
  for (const m of allMatches(new RegExp(String.raw`${year}\s*年(?:度|(?=\s*(?:部门|单位)决算))`, 'g'), head)) {
    let i = m.index;
    // (`# 清河区农业农村局` / `# 2024年度部门决算`: a Markdown title over two headings.)
    while (i > 0 && (SPACE.test(head[i - 1]) || head[i - 1] === '#')) i--;
    const nameEnd = i;
    while (i > 0 && isHan(head.charCodeAt(i - 1))) i--;
    if (nameEnd - i < 3 || nameEnd - i > 30) continue;
    const start = i === 0 ? 0 : i - 1;
    if (i > 0 && !BEFORE_NAME.test(head[i - 1])) continue;
    if (start < end) continue;
    end = m.index + m[0].length;
    const name = head.slice(i, nameEnd);
    if (DEPARTMENT_END.test(name)) yield name;
  }
}

const isHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;

/** Only the first 200,000 characters are searched for the report's year and department. */
const HEAD = 200000;

/** The first group of each match of `re` (global) in the first 200,000 characters. */
function* firstGroups(text: string, re: RegExp): Generator<string> {
  for (const m of allMatches(re, text.slice(0, HEAD))) yield m[1];
}

/** The most frequent of `values`; the first on a tie. */
function counts(values: Iterable<string>): Map<string, number> {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return map;
}

/** The value counted most often; a tie goes to `tieBreak`'s larger, then to the first counted. */
function mostCommon(counted: Map<string, number>, tieBreak?: (a: string, b: string) => number): string | undefined {
  let best: string | undefined;
  for (const [value, c] of counted) {
    const d = best === undefined ? 1 : c - counted.get(best)!;
    if (d > 0 || (d === 0 && tieBreak !== undefined && tieBreak(value, best!) > 0)) best = value;
  }
  return best;
}

/** `<!-- juesuan-lint-disable-next-line rule-a rule-b -->` disables the rules on the next non-blank line. */
function findDisabledLines(text: string, lines: Line[]): Map<number, Set<string>> {
  const map = new Map<number, Set<string>>();
  if (!text.includes('juesuan-lint-disable-next-line')) return map;
  for (const line of lines) {
    const m = line.text.match(/<!--\s*juesuan-lint-disable-next-line\b([^>]*?)-->/);
    if (!m) continue;
    const ids = m[1].split(/[\s,]+/).filter(Boolean);
    let target = line.index + 1;
    while (target < lines.length && lines[target].text.trim() === '') target++;
    const set = map.get(target) ?? new Set<string>();
    if (ids.length === 0) set.add('*');
    for (const id of ids) set.add(id);
    map.set(target, set);
  }
  return map;
}

/** A line's span without its leading and trailing white space (a finding on a line marks its text). */
function trimmedSpan(line: Line): Span {
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length };
}
