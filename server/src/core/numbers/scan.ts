// Stage 1 of the pipeline: find every number in a text with its unit, precision and any
// conversion damage (rounding.md §1, §6, §7). Works on prose and on table cells alike.
import { MARKED_PAGE_NUMBER } from '../text/page-numbers';
import type { NumberFormatIssue, Unit } from '../types';
import { allMatches } from '../text/matches';

export interface ScannedNumber {
  start: number;
  end: number;
  unitStart?: number;
  unitEnd?: number;
  raw: string;
  text: string;
  decimals: number;
  unit: Unit;
  unitText: string;
  formatIssue?: NumberFormatIssue;
  /** Written in words (`七成`): approximate by nature, and never rewritten by a fix. */
  spelled?: true;
  /** A count in Chinese numerals (`十三辆`): exact, never rewritten by a fix. */
  inWords?: true;
}

const DIGIT = '0-9\uFF10-\uFF19';
/**
 * A line break inside a number or its unit, with any spaces before it: pdftotext may leave one, and a line
 * that had an invisible character (`各减少\u200B7.` / `69万元`) is padded at its end by text/script.ts.
 */
// (A form feed may open the next line: pdftotext's page break, `2,863.` / `\f57万元`. The break may also
// leave the page's number between blank lines: `1,` / `- 6 -` / `816.06万元`.)
// (And the running title the next page opens with: `2.` / `第3页` / `临河县教育局2022年度部门决算公开` / `27万元`.)
const RUNNING_TITLE_LINE = `[ \\t\\u3000]*[^\\s，,。；;：:\\d]{2,40}(?:19|20)\\d\\d[ \\t]*年度?[ \\t]*(?:部门|单位)?[ \\t]*(?:决算|预算)(?:公开)?(?:报告|说明)?[ \\t\\u3000]*\\r?\\n(?:[ \\t\\u3000]*\\r?\\n)*`;
const PAGE_BREAK = `(?:[ \\t\\u3000]*\\r?\\n)*[ \\t\\u3000]*(?:${MARKED_PAGE_NUMBER})[ \\t\\u3000]*\\r?\\n(?:[ \\t\\u3000]*\\r?\\n)*(?:${RUNNING_TITLE_LINE})?`;
const EOL = `[ \\u00A0\\u3000]*\\r?\\n(?:${PAGE_BREAK})?\\f?`;
/** A line break and a blank line: a PDF's paragraph break that fell inside a sentence (`支出决算为1` / `` / `4.45万元`). */
const BLANK_LINE = `[ \\u00A0\\u3000]*\\r?\\n[ \\t\\u3000]*\\r?\\n`;
/** A page number (with its blank lines) after a line break inside a number: read as the break alone. */
const PAGE_BREAK_IN_NUMBER = new RegExp(`(?<=\\n)${PAGE_BREAK}`, 'g');
// Alternatives, longest and most specific first. Each captures the whole number body.
const NUMBER_BODY = [
  // A thousands grouping with a group of other than three digits before the decimals: `6,65.39` (damage,
  // validated by its unit below; a correct grouping is read by the next alternative).
  `[${DIGIT}]{1,3}(?:,[${DIGIT}]{3})*,(?:[${DIGIT}]{1,2}|[${DIGIT}]{4,})(?:,[${DIGIT}]+)*[.．][${DIGIT}]+`,
  // A space inside a group of three after a thousands comma (`2,9 61.68`, `2,3 36.91`), or a comma one digit early
  // beside it (`2,6 591.08` for 26,591.08): damage, read only with its decimals and validated by its unit below.
  `[${DIGIT}]{1,3}(?:,[${DIGIT}]{3})*,(?:[${DIGIT}][ \\u00A0][${DIGIT}]{2,3}|[${DIGIT}]{2}[ \\u00A0][${DIGIT}])(?:,[${DIGIT}]{3})*[.．][${DIGIT}]+`,
  // A space left after a thousands comma (`1, 537.4`): damage, read only with its decimals and validated by its unit below.
  `[${DIGIT}]{1,3}(?:,[${DIGIT}]{3})*,[ \\u00A0]+[${DIGIT}]{3}(?:,[${DIGIT}]{3})*[.．][${DIGIT}]+`,
  // A comma for the decimal point after a thousands grouping (`4,756,835,69元`): validated by its unit below (else figures a comma
  // apart).
  `[0-9]{1,3}(?:,[0-9]{3})+,[0-9]{1,2}(?![${DIGIT}.．,])`,
  // ASCII thousands separators: 66,167.07 (the comma must be followed by exactly three digits).
  // (Its decimal point may carry the same conversion damage as below: `4,396. 05`, `1,718,665． 05`, `66,960.0` / `0元`, `76,035` / `.00元`,
  // `1,647,051 .00`, `1,718,665..00`, `1,035。27`.)
  `[${DIGIT}]{1,3}(?:(?:${EOL})?,(?:${EOL})?[${DIGIT}](?:${EOL})?[${DIGIT}](?:${EOL})?[${DIGIT}]|，[${DIGIT}]{3}|,[${DIGIT}]{3})+(?![${DIGIT}])(?:[.．][${DIGIT}]+${EOL}[${DIGIT}]+|${EOL}[.．][ \\u00A0\\u3000]*[${DIGIT}]+|[.．][${DIGIT}]+|[.．][ \\u00A0\\u3000]+[${DIGIT}]+|[ \\u00A0\\u3000]+[.．][ \\u00A0\\u3000]*[${DIGIT}]+|\\.\\.[${DIGIT}]+|\\.${EOL}[${DIGIT}]+|。[${DIGIT}]+)?`,
  // Space after (or before, or on both sides of) the decimal point left by PDF conversion: `665. 39`,
  // `944． 66`, `985 ．54`, `861 . 13` (validated by its unit below).
  `[${DIGIT}]+[ \\u00A0\\u3000]+[.．][ \\u00A0\\u3000]+[${DIGIT}]+`,
  `[${DIGIT}]+[.．][ \\u00A0\\u3000]+[${DIGIT}]+`,
  `[${DIGIT}]+[ \\u00A0\\u3000]+[.．][${DIGIT}]+`,
  // A line wrap after the decimal point (`465.` / `50万元`) (validated by its unit below), or before it
  // (`10935` / `.32万元`, with a space after the point too: `666` / `. 22万元`).
  `[${DIGIT}]+[.．]${EOL}[${DIGIT}]+`,
  `[${DIGIT}]+${EOL}[.．][ \\u00A0\\u3000]*[${DIGIT}]+`,
  // A wrap among the digits (`3` / `87.15万元`, `70.6` / `7万元`, `82.0` / `0%`, `52` / `5. 50万元`), validated by its unit
  // below; also inside the leading group of a grouped number (`19` / `2,709.00元`).
  `[${DIGIT}]+${EOL}[${DIGIT}]+[.．][ \\u00A0\\u3000]*[${DIGIT}]+`,
  // (And a count's integer, `在职人员12` / `14人`, validated by its count unit below.)
  `[${DIGIT}]{1,4}${EOL}[${DIGIT}]{1,4}(?![.．,，${DIGIT}])`,
  // The same across a blank line, after a word only (a line of digits alone is a page's number).
  `(?<=[\\u4e00-\\u9fff])[${DIGIT}]+${BLANK_LINE}[${DIGIT}]+[.．][${DIGIT}]+`,
  // A year the wrap cut (`较202` / `3年度的2.41万元`), validated by 年 below.
  `(?:(?:19|20)[0-9](?:${EOL}|${BLANK_LINE})[0-9]|(?:19|20)(?:${EOL}|${BLANK_LINE})[0-9]{2}|[12](?:${EOL}|${BLANK_LINE})[09][0-9]{2})(?=年)`,
  `[${DIGIT}]{1,2}${EOL}[${DIGIT}]{1,2}(?:,[${DIGIT}]{3})+(?:[.．][${DIGIT}]+)?`,
  `[${DIGIT}]+[.．][${DIGIT}]+${EOL}[${DIGIT}]+`,
  // Ideographic full stop as decimal point: `412。87` (validated by its unit below).
  `[${DIGIT}]+。[${DIGIT}]+`,
  // A doubled point (`1857..82`), a space inside the decimals (`33802.5 3`) or spaces as thousands
  // separators (`1 234.56`): conversion damage, validated by its unit below.
  `[${DIGIT}]+\\.\\.[${DIGIT}]+`,
  // A comma for the decimal point (`315,80万元`, `11689,01万元`): one or two digits after it, never a thousands group;
  // validated by its unit below (else two figures a comma apart).
  `[0-9]+,[0-9]{1,2}(?![${DIGIT}.．,])`,
  `[${DIGIT}]+[.．][${DIGIT}]+[ \\u00A0][${DIGIT}]{1,2}(?![${DIGIT}.．])`,
  `[${DIGIT}]{1,3}(?:[ \\u00A0\\u3000][${DIGIT}]{3})+(?:[.．][ \\u00A0\\u3000]?[${DIGIT}]+)?(?![${DIGIT}])`,
  `[${DIGIT}]+(?:[.．][${DIGIT}]+)?`,
].join('|');

// Units, longest first. Money and rates are what rules check; counts and scores are kept so that
// they are never mistaken for amounts.
const UNIT_WORDS = [
  '个百分点', '百分点', '亿元', '万元', '千元', '元', '%', '％', '‰',
  '万份', '万人次', '万人', '人次', '批次', '场次', '班次', '台（套）', '台(套)',
  // Floor and land areas (`房屋面积5862.40平方米，其中：办公用房…`): quantities their 其中 lists must add up to.
  '万平方米', '平方米', '平米', '㎡', 'm²', 'm2', '万亩', '亩',
  // Lengths and sites a project builds (`实际完成47.5公里`, `实际完成23处`): outputs its completion rates are of.
  '公里', '千米', '处', '座',
  '个', '人', '辆', '台', '套', '份', '家', '项', '次', '分', '名', '户', '件', '所', '条', '倍', '天', '本', '期', '场', '篇', '卷', '册',
  // (Supplies bought by the piece: `帐篷40顶，3380元/顶`, `抢险舟2艘`, `棉被400床`, `无人机3架`, `折叠床800张`.)
  '顶', '艘', '架', '床', '株', '张',
  '年', '月', '日', '号', '季度',
];
// A PDF line wrap may split a unit (`万` / `元`): multi-character money and rate units allow one, and the counts of 三公 (`21批` /
// `次96人次`).
const UNIT_PATTERN = UNIT_WORDS.map((u) =>
  // (`12个月`, `见习期6个月`: months of a time, no count of things.)
  /^(亿元|万元|千元|个百分点|百分点|批次|人次)$/.test(u) ? [...u].join(`(?:${EOL}|[ \\u00A0\\u3000])?`) : u === '个' ? '个(?!月)' : u.replace(/[()]/g, (c) => '\\' + c),
).join('|') +
  // `国内公务接待支出0.40万（含…）`: 万 alone, before no other word (万平方米, 万余), is 万元 written short.
  '|万(?![\\u4e00-\\u9fff])';

// Count units a wrap may separate from their number too (`机要通信用车2` / `辆`), but not words that open a
// line on their own (人员经费, 项目, 个人, 家庭).
const WRAPPED_COUNT = '辆|人次|批次|台(?!账)|个(?!人)|人(?![员大民力社事均])|项(?!目)|家(?!庭)|名|户|件';

/** A footnote's mark after a figure: superscript digits, or Markdown's `[^1]`. */
const FOOTNOTE = '(?:[¹²³⁰⁴-⁹]{1,3}|\\[\\^[^\\]\\s]{1,8}\\])';

const NUMBER_RE = new RegExp(
  // A PDF line wrap may also fall between a number and its money, rate or count unit (`275,373.54` / `元`,
  // `0.00 ` / `万元` with the space pdftotext leaves before the break). A bold number may stand apart from
  // its unit too (`**7254.86** 万元`, italic `*16.27*%`, a code span `` `25,606.33`万元 ``, a footnote's mark `－53.82¹万元`). A money or rate unit may stand after a blank line (pdftotext -layout
  // of a double-spaced page: `增加 1062.85` / `` / `万元，增长 13.08%`). A number never starts right after a digit and a comma (`4,69` / `2.18`: the
  // rest of a grouped number).
  `(?<![${DIGIT}A-Za-z_.．])(?<!(?:^|[^${DIGIT}.．])[${DIGIT}]{1,3},)([-－−]?)(${NUMBER_BODY})(?:((?:\\*\\*?|\`)?(?:${FOOTNOTE})?[ \\u00A0\\u3000]?|[ \\u00A0\\u3000]?|[ \\u00A0\\u3000]*\\r?\\n[ \\u00A0\\u3000]*(?=[万亿]?[ \\u00A0\\u3000]?元|%|％|${WRAPPED_COUNT})|[ \\u00A0\\u3000]*\\r?\\n${PAGE_BREAK}[ \\u00A0\\u3000]*(?=[万亿]?[ \\u00A0\\u3000]?元|%|％|${WRAPPED_COUNT})|[ \\u00A0\\u3000]*\\r?\\n[ \\u00A0\\u3000]*\\r?\\n[ \\u00A0\\u3000]*(?=[万亿]?[ \\u00A0\\u3000]?元|%|％))(${UNIT_PATTERN}))?`,
  // (Sticky: nextNumber says where to try it. Every match starts with a sign or a digit.)
  'uy',
);

/**
 * The first match of NUMBER_RE at or after `from`. The pattern is sticky and tried only where a number
 * may start (a sign or a digit): a global search would try its look-behinds at every character.
 */
function nextNumber(text: string, from: number): RegExpExecArray | null {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x2d || c === 0xff0d || c === 0x2212)) continue;
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (m) return m;
  }
  return null;
}

const COUNT_UNITS = new Set(['个', '人', '辆', '台', '套', '份', '家', '项', '次', '名', '户', '件', '所', '条', '人次', '批次', '场次', '班次', '台（套）', '台(套)', '万份', '万人', '万人次', '本', '期', '场', '篇', '卷', '册', '天', '倍', '顶', '艘', '架', '床', '株', '张', '万平方米', '平方米', '平米', '㎡', 'm²', 'm2', '万亩', '亩', '公里', '千米', '处', '座']);

function unitOf(word: string | undefined): Unit {
  switch (word) {
    case undefined:
      return 'none';
    case '元':
    case '万元':
    case '亿元':
      return word;
    case '万':
      return '万元';
    case '%':
    case '％':
      return '%';
    case '个百分点':
    case '百分点':
      return '个百分点';
    case '分':
      return 'score';
    case '年':
      return 'year';
    default:
      return COUNT_UNITS.has(word) ? 'count' : 'none';
  }
}

const PLAIN = /^[0-9]+(?:\.[0-9]+)?$/;

/** Full-width digits, point and comma in their ASCII forms. */
export function asciiForms(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/，/g, ',');
}

/** Bodies whose point, spaces or grouping may be something else: read as decimals only before a unit. */
const DAMAGED = new RegExp(`,[ \\u00A0]|\\.[ \\u00A0\\u3000\\r\\n]|\\n\\.|[${DIGIT}](?:${EOL}|${BLANK_LINE})[${DIGIT}]|。|\\.\\.|[${DIGIT}.．][ \\u00A0\\u3000]+[${DIGIT}]|[${DIGIT}][ \\u00A0\\u3000]+[.．]|,(?![${DIGIT}]{3}(?![${DIGIT}]))`);

/** `315,80`, `733,800,00`: a last comma with one or two digits after it and none before a point, the decimal point's place. */
const COMMA_DECIMAL = /^(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+),[0-9]{1,2}$/;

/** A correct thousands grouping (`66,167.07`): ASCII digits, commas before every group of three. */
export const CORRECT_GROUPING = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;

/** Full-width digits and point to ASCII, ASCII grouping commas removed. */
function canonical(body: string): { text: string; issue?: NumberFormatIssue } {
  if (PLAIN.test(body)) return { text: body };
  let issue: NumberFormatIssue | undefined;
  let text = body.replace(PAGE_BREAK_IN_NUMBER, '');
  if (/[\uFF10-\uFF19．，]/.test(text)) {
    issue = 'fullwidth';
    text = asciiForms(text);
  }
  if (/[ \u00A0\u3000]+(?=\.)/.test(text)) {
    issue = 'space-before-point';
    text = text.replace(/[ \u00A0\u3000]+(?=\.)/, '');
  }
  if (/\.[ \u00A0\u3000\r\n\f]+/.test(text)) {
    // A line wrap after the point (`665.` / `39万元`) is the layout of converted text, like a wrap inside a
    // word or a unit: read through, not reported. A space left in the line (`665. 39`) is damage.
    if (!/\.[ \u00A0\u3000]*\r?\n/.test(text)) issue = 'space-after-point';
    text = text.replace(/\.[ \u00A0\u3000\r\n\f]+/, '.');
  } else if (text.includes('。')) {
    issue = 'ideographic-point';
    text = text.replace('。', '.');
  }
  if (text.includes('..')) {
    issue = 'double-point';
    text = text.replace('..', '.');
  }
  if (/[0-9][ \u00A0\u3000]+[0-9]|,[ \u00A0]+[0-9]/.test(text)) {
    issue = 'space-in-digits';
    text = text.replace(/(?<=[0-9,])[ \u00A0\u3000]+(?=[0-9])/g, '');
  }
  if (COMMA_DECIMAL.test(text)) return { text: text.replace(/,(?=[0-9]{1,2}$)/, '.').replace(/,/g, ''), issue: 'comma-decimal' };
  if (text.includes(',') && !CORRECT_GROUPING.test(text.replace(/[ \u00A0\u3000]*\r?\n\f?/g, ''))) issue = 'bad-grouping';
  // A line wrap before or after the point or a thousands comma, or among the digits, is layout (with any
  // spaces left before it).
  text = text.replace(/(?:[ \t\u00A0\u3000]*\r?\n)+\f?(?=[.,0-9])/g, '').replace(/,/g, '');
  return { text, issue };
}

/** The integer part of a number body, with its thousands separators. */
const LEADING_INTEGER = new RegExp(`^[${DIGIT}]+(?:[,，][${DIGIT}]{3})*`);
const LIST_MARKER_YEAR = new RegExp(`^[${DIGIT}]{1,2}[.．](?:19|20|１９|２０)[${DIGIT}]{2}$`);

/** The rest of a run of figures up to the money or rate unit after its last one: `、902.99、355.76万元`. */
const RUN_THEN_UNIT = new RegExp(`^(?:[、，,和及与][ \\u00A0]?[${DIGIT}][${DIGIT},.．]*){1,12}[ \\u00A0\\u3000]*(?:万元|亿元|元|%|％|个百分点)`);

/** `1. 50`, `2．100`: one or two digits, a point and a space, then digits. */
const MARKER_THEN_SPACE = new RegExp(`^[${DIGIT}]{1,2}[.．][ \\u00A0\\u3000]+[${DIGIT}]`);

/** Where a list item starts: its line's start (after indentation and Markdown marks), or right after ：；。. */
function atItemStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u3000' || text[i] === '>' || text[i] === '*' || text[i] === '#')) i--;
  if (i >= 0 && (text[i] === '\n' || text[i] === '\r')) {
    // (`…，增幅` / `42. 86%，其中：…`: a line the wrap left asking for its figure goes on into this one.)
    let end = i;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r' || text[end - 1] === ' ' || text[end - 1] === '\u3000')) end--;
    return !FIGURE_ASKED.test(text.slice(Math.max(0, end - 4), end));
  }
  return i < 0 || '：:；;。'.includes(text[i]);
}
const FIGURE_ASKED = /(?:为|是|达到?|共计|合计|总额|总计|增幅|降幅|增长|下降|上升|降低|增加|减少|占|的|约|近)$/;

/** Per-person or per-unit values (元/人) are not amounts of the report's kind (rounding.md §6). */
function isPerUnit(text: string, end: number): boolean {
  const next = text.charAt(end);
  if (next === '每') return true;
  // (`预算38.20万元/决算14.42万元` puts two figures side by side: only a unit after the slash makes a rate.)
  return (next === '/' || next === '／') && PER_DENOMINATOR.test(text.slice(end + 1, end + 4));
}
const PER_DENOMINATOR = /^\s*(?:人|户|月|年|天|日|次|辆|台|套|平方米|㎡|m|亩|件|个|吨|公里|千米|小时|学时|床|名|家|所|班|项|册|张|份|顶|艘|架|株|只|头|批|场|处|座)/;

/**
 * Scans `text` (a whole document or one cell) and returns its numbers, offsets relative to `text`
 * plus `base`.
 */
/** `七成`, `近三成`, `一半`: a share or rate in tenths written in words (not 成本, 成员, 成效…, nor 第一半). */
const TENTHS = /(?<!第)([一二两三四五六七八九])成(?![本员立果绩效为功熟型交])|(?<!第)一半/g;
const TENTH_DIGITS: Record<string, string> = { 一: '10', 二: '20', 两: '20', 三: '30', 四: '40', 五: '50', 六: '60', 七: '70', 八: '80', 九: '90' };

/** The tenths of a prose text as percentages (`七成` → 70 %, its 成 the unit; `一半` → 50 %, no unit characters). */
function scanTenths(text: string, base: number): ScannedNumber[] {
  const out: ScannedNumber[] = [];
  if (text.indexOf('成') < 0 && text.indexOf('一半') < 0) return out;
  for (const m of allMatches(TENTHS, text)) {
    const start = base + m.index;
    const digit = m[1];
    out.push({ start, end: start + (digit ? 1 : 2), unitStart: digit ? start + 1 : undefined, unitEnd: digit ? start + 2 : undefined, raw: digit ?? '一半', text: digit ? TENTH_DIGITS[digit] : '50', decimals: 0, unit: '%', unitText: digit ? '成' : '半', spelled: true });
  }
  return out;
}

/** `二〇二二年`, `二零二四年`: a year in Chinese numerals (its digit 0 written 〇, 零 or ○). */
const SPELLED_YEAR = /(?<![〇零○一二三四五六七八九十百千])([一二][〇零○一二三四五六七八九]{3})(?=\s*年)/g;
const SPELLED_DIGITS: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Whether a text may hold a year in Chinese numerals: every one has a zero digit. */
const mayHoldSpelledYear = (text: string) => text.indexOf('〇') >= 0 || text.indexOf('零') >= 0 || text.indexOf('○') >= 0;

/** The year in digits that Chinese numerals name, if they name one. */
function spelledYear(numerals: string): string | undefined {
  const digits = [...numerals].map((c) => SPELLED_DIGITS[c]).join('');
  return isYear(digits) ? digits : undefined;
}

/** The years of a prose text written in Chinese numerals, read as the year they name (`二〇二一年` → 2021, its 年 the unit). */
function scanSpelledYears(text: string, base: number): ScannedNumber[] {
  const out: ScannedNumber[] = [];
  if (!mayHoldSpelledYear(text)) return out;
  for (const m of allMatches(SPELLED_YEAR, text)) {
    const digits = spelledYear(m[1]);
    if (digits === undefined) continue;
    const start = base + m.index;
    const unitStart = base + m.index + m[0].length + (/^\s*/.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0);
    out.push({ start, end: start + m[1].length, unitStart, unitEnd: unitStart + 1, raw: m[1], text: digits, decimals: 0, unit: 'year', unitText: '年' });
  }
  return out;
}

/** The text with its years in Chinese numerals written in digits, offset for offset (`二〇二四年度` → `2024年度`). */
export function withDigitYears(text: string): string {
  return mayHoldSpelledYear(text) ? text.replace(SPELLED_YEAR, (year) => spelledYear(year) ?? year) : text;
}

/**
 * `保有量十三辆`, `三个团组`, `接待二十三批次`: a count in Chinese numerals right before its unit. Not one (`一个`, `一项`: words more
 * than counts), not an ordinal or a rate (`第三个`, `每人`, `前三项`), not an approximation (`一百多人`), not the count of a
 * counted total (`三项合计`).
 */
const SPELLED_COUNT = /(?<![〇零○一二两三四五六七八九十百千万第每前近约余])([一二两三四五六七八九十百千零〇]{1,8})(?=(?:辆|人次|人|批次|批|个|台|套|家|所|名|处|座|户)(?!合计|共计|总计|累计|之|以上|以下|左右))/g;
const NUMERAL_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERAL_PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ONE_COUNTED = /^(?:辆|台|套|人次|批次)$/;
/** Whether a text may hold a count in Chinese numerals (a cheap test before the pattern). */
const mayHoldSpelledCount = (text: string) => /[一二两三四五六七八九十][^，,。；;]?(?:辆|人|批|个|台|套|家|所|名|处|座|户)/.test(text);

/** The value of Chinese numerals up to the thousands (`三十二` → 32, `一百零五` → 105, `十三` → 13); undefined if malformed. */
export function numeralValue(numerals: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastPlace = 10000;
  for (const c of numerals) {
    if (c in NUMERAL_DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = NUMERAL_DIGITS[c];
      continue;
    }
    const place = NUMERAL_PLACES[c];
    if (place === undefined || place >= lastPlace) return undefined;
    total += (digit ?? (place === 10 && total === 0 ? 1 : NaN)) * place;
    if (Number.isNaN(total)) return undefined;
    digit = undefined;
    lastPlace = place;
  }
  return total + (digit ?? 0);
}

/** `百分之四十三点八二`, `百分之百`: a percentage in words (its 百分之 read as the unit). */
const SPELLED_PERCENT = /百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)/g;
/** `两倍`, `二点二倍`: a multiple in words. */
const SPELLED_MULTIPLE = /(?<![〇零○一二两三四五六七八九十百千第])([二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?)倍/g;

/** The value of numerals with a decimal part after 点 (`四十三点八二` → 43.82), as text; undefined if malformed. */
function decimalNumerals(numerals: string): string | undefined {
  const [whole, fraction] = numerals.split('点');
  // (`百分之百`: the hundred alone.)
  const integer = whole === '百' ? 100 : numeralValue(whole);
  if (integer === undefined) return undefined;
  if (fraction === undefined) return String(integer);
  const digits = [...fraction].map((c) => NUMERAL_DIGITS[c]);
  return digits.some((d) => d === undefined) ? undefined : `${integer}.${digits.join('')}`;
}

function scanSpelledRates(text: string, base: number): ScannedNumber[] {
  const out: ScannedNumber[] = [];
  if (text.includes('百分之')) {
    for (const m of allMatches(SPELLED_PERCENT, text)) {
      const value = decimalNumerals(m[1]);
      if (value === undefined) continue;
      const start = base + m.index;
      out.push({ start, end: start + m[0].length, raw: m[0], text: value, decimals: decimalPlaces(value), unit: '%', unitText: '%', inWords: true });
    }
  }
  if (text.includes('倍')) {
    for (const m of allMatches(SPELLED_MULTIPLE, text)) {
      const value = decimalNumerals(m[1]);
      if (value === undefined) continue;
      const start = base + m.index;
      const end = start + m[1].length;
      out.push({ start, end, unitStart: end, unitEnd: end + 1, raw: m[1], text: value, decimals: decimalPlaces(value), unit: 'count', unitText: '倍', inWords: true });
    }
  }
  return out;
}

function scanSpelledCounts(text: string, base: number): ScannedNumber[] {
  const out: ScannedNumber[] = [];
  if (!mayHoldSpelledCount(text)) return out;
  let previous: { end: number; unitText: string } | undefined;
  for (const m of allMatches(SPELLED_COUNT, text)) {
    const value = numeralValue(m[1]);
    const unitText = /^(?:人次|批次|辆|人|批|个|台|套|家|所|名|处|座|户)/.exec(text.slice(m.index + m[1].length))![0];
    // (One only of things counted as such, `其他用车一辆`: `一个`, `一人`, `一家` are as often words as counts; or the last of a run of
    // counts, `优的二十六个、良的五个、中的一个`.)
    const inRun = previous !== undefined && previous.unitText === unitText && m.index - previous.end <= 12 && /^[^，,。；;]*[、，,和及][^。；;]*$/.test(text.slice(previous.end, m.index));
    if (value === undefined || value < (ONE_COUNTED.test(unitText) || inRun ? 1 : 2)) continue;
    const start = base + m.index;
    const end = start + m[1].length;
    previous = { end: m.index + m[1].length + unitText.length, unitText };
    out.push({ start, end, unitStart: end, unitEnd: end + unitText.length, raw: m[1], text: String(value), decimals: 0, unit: 'count', unitText, inWords: true });
  }
  return out;
}

export function scanNumbers(text: string, base = 0, wholeCell = false): ScannedNumber[] {
  const digits = scanDigits(text, base, wholeCell);
  const spelled = wholeCell ? [] : [...scanTenths(text, base), ...scanSpelledYears(text, base), ...scanSpelledCounts(text, base), ...scanSpelledRates(text, base)];
  if (spelled.length === 0) return digits;
  return [...digits, ...spelled].sort((a, b) => a.start - b.start);
}

function scanDigits(text: string, base: number, wholeCell: boolean): ScannedNumber[] {
  const out: ScannedNumber[] = [];
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = nextNumber(text, at))) {
    at = m.index + m[0].length;
    const [whole, sign, body, , rawUnit] = m;
    const unitWord = rawUnit?.replace(/[\r\n \u00A0\u3000]/g, '');
    let unit = unitOf(unitWord);
    // (A table cell that is nothing but the damaged number needs no unit to be read as one.)
    const malformed = !(wholeCell && m.index === 0 && whole.length === text.length) && DAMAGED.test(body);
    // A malformed point is only a decimal point when a rate or money unit follows; otherwise it is
    // a list marker (`1. 因公出国`) or the end of a sentence (`0.65%。项目支出`).
    // `4．2026年部门预算总表`, `3.2025年度…`: an item number before a year, not the decimal 4.2026 in years.
    const markerBeforeYear = unit === 'year' && LIST_MARKER_YEAR.test(body);
    // (`1. 50万元以上通用设备`, `：2. 100万元以上专用设备`, `2. 95%以上`: an item number where a list item starts, before a
    // figure, even with a unit after it.)
    const markerBeforeFigure = malformed && MARKER_THEN_SPACE.test(body) && atItemStart(text, m.index);
    // (`分别为7` / `088.78、902.99、355.76万元`: a run's unit stands after its last figure.)
    const unitOfRun = !unit || unit === 'none' ? RUN_THEN_UNIT.test(text.slice(m.index + whole.length, m.index + whole.length + 120)) : false;
    // (`较202` / `3年度`: a year the line wrap cut is read whole.)
    const wrappedYear = unit === 'year' && /^(?:19|20)[0-9]{2}$/.test(body.replace(/\s+/g, ''));
    const wrappedCount = unit === 'count' && WRAPPED_INTEGER.test(body);
    const filled = unitWord || wholeCell ? undefined : filledBlank(text, m.index, m.index + sign.length + body.length);
    if (markerBeforeYear || markerBeforeFigure || (malformed && !unitOfRun && !filled && !wrappedYear && !wrappedCount && !(unit === '%' || unit === '万元' || unit === '元' || unit === '亿元' || unit === '个百分点'))) {
      const firstDigits = body.match(LEADING_INTEGER)![0];
      at = m.index + sign.length + firstDigits.length;
      pushNumber(out, text, base, m.index, sign, firstDigits, undefined, undefined);
      if (markerBeforeYear) {
        // The year itself (after the point, which the look-behind would otherwise hide).
        const yearAt = m.index + sign.length + firstDigits.length + 1;
        pushNumber(out, text, base, yearAt, '', body.slice(firstDigits.length + 1), unitWord, m.index + whole.length - rawUnit!.length, unit, rawUnit!.length);
        at = m.index + whole.length;
      }
      continue;
    }
    const unitStart = rawUnit ? m.index + whole.length - rawUnit.length : undefined;
    const end = unitWord ? m.index + whole.length : m.index + sign.length + body.length;
    if (unitWord && isPerUnit(text, end)) unit = 'none';
    if (filled) {
      pushNumber(out, text, base, m.index, sign, body, filled.unitWord, filled.unitStart);
      const n = out[out.length - 1];
      Object.assign(n, { start: base + filled.open, end: base + filled.close, raw: text.slice(filled.open, filled.close) });
      at = filled.unitStart + filled.unitWord.length;
      continue;
    }
    pushNumber(out, text, base, m.index, sign, body, unitWord, unitStart, unit, rawUnit?.length);
  }
  return out;
}

/** A bracket around nothing but a figure, its unit after the bracket. */
const FILLED_BLANK_AFTER = /^[ \u00A0\u3000]?[)）][ \u00A0\u3000]?(亿元|万元|元|%|％|万(?![\u4e00-\u9fff]))/;

/**
 * `政府采购货物支出（312.60）万元`: a template's blank (`（  ）万元`) filled in, the figure left inside the brackets. The figure
 * spans its brackets (as an accountant's `（1.16）` in a cell does), so a fix replaces them too, and its unit is the one after them.
 */
function filledBlank(text: string, start: number, end: number): { open: number; close: number; unitWord: string; unitStart: number } | undefined {
  const c = text.charCodeAt(start - 1) === 0x20 || text.charCodeAt(start - 1) === 0x3000 ? start - 2 : start - 1;
  if (text.charAt(c) !== '（' && text.charAt(c) !== '(') return undefined;
  const m = FILLED_BLANK_AFTER.exec(text.slice(end, end + 8));
  if (!m) return undefined;
  const unitStart = end + m[0].length - m[1].length;
  return { open: c, close: end + m[0].search(/[)）]/) + 1, unitWord: m[1], unitStart };
}

/** An integer a line wrap cut, `12` / `14`, with nothing but the wrap (a page's number and blanks) inside it. */
const WRAPPED_INTEGER = new RegExp(`^[${DIGIT}]{1,4}${EOL}[${DIGIT}]{1,4}$`);

/** The digits after the point of a number in canonical form. */
function decimalPlaces(canon: string): number {
  const point = canon.indexOf('.');
  return point < 0 ? 0 : canon.length - point - 1;
}

function pushNumber(
  out: ScannedNumber[],
  text: string,
  base: number,
  index: number,
  sign: string,
  body: string,
  unitWord: string | undefined,
  unitStart: number | undefined,
  unitOverride?: Unit,
  unitLength = unitWord?.length,
): void {
  const { text: canon, issue } = canonical(body);
  // (No year is negative: `(#第二部分-2024年度部门决算表)`, a Markdown anchor, joins words with a hyphen.)
  const negative = sign !== '' && !isRangeDash(text, index) && (unitOverride ?? unitOf(unitWord)) !== 'year';
  const start = negative ? index : index + sign.length;
  const numeric = (negative ? '-' : '') + canon;
  // No amount of a report has 25 digits: such a run is an identifier or garbage, not a number.
  if (canon.length > 24) return;
  const unit = unitOverride ?? unitOf(unitWord);
  out.push({
    start: base + start,
    end: base + index + sign.length + body.length,
    unitStart: unitStart === undefined ? undefined : base + unitStart,
    unitEnd: unitStart === undefined || unitLength === undefined ? undefined : base + unitStart + unitLength,
    raw: text.slice(start, index + sign.length + body.length),
    text: numeric,
    decimals: decimalPlaces(canon),
    unit: unit === 'year' && !isYear(canon) ? 'count' : unit,
    unitText: unitWord ?? '',
    formatIssue: issue,
  });
}

/** `2022-2023`: the dash joins a range, it is not a minus sign. */
function isRangeDash(text: string, index: number): boolean {
  const prev = text.charAt(index - 1);
  return /[0-9\uFF10-\uFF19年]/.test(prev);
}

function isYear(canon: string): boolean {
  return /^(19|20)\d\d$/.test(canon);
}

/**
 * Parses a whole table cell (`665.38`, `470万元`, `86%`, `≥95%`, `-`, blank); offsets are relative to
 * the cell plus `base`.
 */
export function parseCell(text: string, base = 0): { empty: boolean; number?: ScannedNumber; dash: boolean } {
  const reading = readCellValue(text, base);
  if (reading === 'blank') return { empty: true, dash: false };
  if (reading === 'dash') return { empty: true, dash: true };
  return reading ? { empty: false, dash: false, number: reading } : { empty: false, dash: false };
}

// (In a cell also `386.72*`, `97.18②`, `56.78[注1]`: a note's mark after the amount.)
const FOOTNOTE_MARK = new RegExp(`(?:${FOOTNOTE}|[*＊]{1,2}|[①-⑳]|\\[注?\\d{1,2}\\])$`);

/**
 * What a whole table cell holds: its number, `blank`, a `dash` (read as blank), or undefined (words, or
 * more than a number). parseCell without an object per cell, for the table parser.
 */
export function readCellValue(text: string, base = 0): ScannedNumber | 'blank' | 'dash' | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'blank';
  const offset = trimmed.length === text.length ? 0 : text.indexOf(trimmed);
  // Most cells are a plain amount: no need for the full scanner (nor the dash tests: a plain amount is none).
  if (PLAIN.test(trimmed)) {
    const point = trimmed.indexOf('.');
    return { start: base + offset, end: base + offset + trimmed.length, unitStart: undefined, unitEnd: undefined, raw: trimmed, text: trimmed, decimals: point < 0 ? 0 : trimmed.length - point - 1, unit: 'none', unitText: '', formatIssue: undefined };
  }
  if (/^[-－—–─]+$/.test(trimmed) || trimmed === '——' || trimmed === '/' || trimmed === '／') return 'dash';
  // (`-25.06[^1]`, `（53.82）¹`: a footnote's mark after the amount.)
  const note = FOOTNOTE_MARK.exec(trimmed);
  if (note && note.index > 0) {
    const inner = readCellValue(trimmed.slice(0, note.index), base + offset);
    return typeof inner === 'object' ? inner : undefined;
  }
  // (`"8,520.54"`: a spreadsheet's quoting of a cell with a comma in it; `` `8,520.54` ``: Markdown's code span.)
  if (trimmed.length > 2 && (trimmed.charCodeAt(0) === 34 || trimmed.charCodeAt(0) === 96) && trimmed.charCodeAt(trimmed.length - 1) === trimmed.charCodeAt(0)) {
    const inner = readCellValue(trimmed.slice(1, -1), base + offset + 1);
    return typeof inner === 'object' ? inner : undefined;
  }
  // (`'1150.00`: a spreadsheet's mark of a figure stored as text. The number spans it, so the fix removes it.)
  if (trimmed.charCodeAt(0) === 39 && trimmed.length > 1) {
    const inner = readCellValue(trimmed.slice(1), base + offset + 1);
    if (typeof inner !== 'object' || inner.formatIssue) return undefined;
    return { ...inner, start: base + offset, raw: trimmed, formatIssue: 'text-marker' };
  }
  // `（1.16）`: an accountant's negative. The number spans the brackets, so a fix replaces them too.
  const bracketed = /^[（(]\s*([0-9０-９][^（()）]*)[)）]$/.exec(trimmed);
  if (bracketed) {
    const inner = readCellValue(bracketed[1], base + offset + trimmed.indexOf(bracketed[1]));
    if (typeof inner !== 'object' || inner.unit !== 'none' || inner.text.startsWith('-')) return undefined;
    return { ...inner, start: base + offset, end: base + offset + trimmed.length, raw: trimmed, text: `-${inner.text}` };
  }
  // `△1.33`, `▲5.70`: the other mark of a decrease (`注：△表示减少`). The number spans the mark, so a fix replaces it too.
  const marked = /^[△▲]\s*([0-9０-９].*)$/.exec(trimmed);
  if (marked) {
    const inner = readCellValue(marked[1], base + offset + trimmed.indexOf(marked[1]));
    if (typeof inner !== 'object' || inner.unit !== 'none' || inner.text.startsWith('-')) return undefined;
    return { ...inner, start: base + offset, end: base + offset + trimmed.length, raw: trimmed, text: `-${inner.text}` };
  }
  const nums = scanNumbers(trimmed, base + offset, true);
  if (nums.length !== 1) return undefined;
  const n = nums[0];
  // The number must be the whole cell, but for a comparison sign before it or a unit after it.
  const before = trimmed.slice(0, n.start - base - offset);
  const after = trimmed.slice((n.unitEnd ?? n.end) - base - offset);
  // (`+8.70`: a change's plus sign.)
  if (!/^[≥≤>＜<＞+＋]?$/.test(before) || after.trim() !== '') return undefined;
  return n;
}

/**
 * Template placeholders left where a figure belongs: `XX万元`, `××%`, `20XX年` (a year). Latin words (`XXL`) are not.
 */
const PLACEHOLDER = /(?<![A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A])(?:(?:19|20)[XxＸｘ×]{2}(?=\s*年)|[XxＸｘ×]{2,4}(?=\s*(?:万元|亿元|元|%|％|个百分点|个|人次|人|辆|批次|项|家|年|月|日|台|套|户|件|名)))/g;

export function findPlaceholders(text: string): Array<{ start: number; end: number }> {
  if (!/[XxＸｘ×]{2}/.test(text)) return [];
  return allMatches(PLACEHOLDER, text).map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
