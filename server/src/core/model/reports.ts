// A file may hold several reports: a department's 部门决算 followed by its units' 单位决算, each with its own title,
// parts, prose and tables 01–09. Each is a document of its own: a unit's figures are never the department's.

/**
 * A title's parts: an optional Markdown heading mark or part number (`第二篇　`, `附件2：`), the body's name, and its year and
 * kind.
 */
const HEADING = String.raw`^\s*(?:#+\s*)?(?:(?:第[一二三四五六七八九十\d]{1,3}篇|附件\s*\d{1,2}\s*[:：]?)\s*)?`;
const NAME = String.raw`[^\s，,。；;：:\d《》]{2,40}`;
const KIND = String.raw`决算(?:公开|报告|说明|情况说明)*》?\s*$`;
const YEAR_AND_KIND = String.raw`(?:19|20)\d\d\s*年度?\s*(?:部门|单位)\s*` + KIND;
/** What a body's name ends with when its title names no kind (`岳西县不动产登记中心2020年度决算`). */
const BODY = String.raw`(?:局|中心|站|院|所|馆|委员会|委|办公室|办|队|学校|校|处|会|社|园|场|政府|办事处|镇|乡|室)(?:本级|机关)?`;
/** A report's title line (`临江市农业农村局本级2024年度单位决算公开`). */
// (Not a part's heading numbered like one, `## 三、2023年度部门决算情况说明` or `## 第三部分 2021年度部门决算情况说明`: no body is named.)
// (Also with the year spaced out, `汉滨区救助管理站 2019 年度单位决算`; in 《》; or with the year first, `2023年度宁都县道路运输服务中心单位决算`;
// or naming no kind after a body's name, `岳西县不动产登记中心2020年度决算`.)
const REPORT_TITLE = new RegExp(
  HEADING +
    String.raw`(?![一二三四五六七八九十]{1,3}[、.．]\s*(?:19|20)\d\d)(?!第[一二三四五六七八九十\d]{1,3}部分)《?(?:` +
    NAME + String.raw`\s*` + YEAR_AND_KIND + '|' +
    NAME + BODY + String.raw`\s*(?:19|20)\d\d\s*年度?\s*` + KIND + '|' +
    String.raw`(?:19|20)\d\d\s*年度?\s*` + NAME + String.raw`(?:部门|单位)\s*` + KIND +
    ')',
);
/** What opens a report's body within a few lines of its title: its first part, or its 概况. */
const REPORT_OPENING = /^\s*(?:#+\s*)?(?:第[一1]部分|(?:[一1][、.．]\s*)?(?:部门|单位)(?:基本)?概况)/;
/** The year and kind of a title whose name the line before holds (`西宁市城中区医疗保障局` / `2024年度部门决算`). */
const TITLE_TAIL = new RegExp(HEADING + YEAR_AND_KIND);
/** The name line of such a title: words only, no figure, no sentence. */
const TITLE_HEAD = new RegExp(HEADING + NAME + String.raw`\s*$`);
/** A figure with decimals: a report before the title has begun (a title at the top starts none). */
const FIGURE = /\d[.．]\d/;
const OPENING_WITHIN_LINES = 8;

/**
 * Where each report of a text starts (offsets of title lines; the first report at 0). One entry for a text
 * holding one report. A title repeated as a page's running title opens no part, so it starts nothing.
 */
export function reportStarts(text: string): number[] {
  const starts = [0];
  // The title of the report read now: another report's title starts the next one even when no part heading follows
  // it, the same title (a page's running title) never does.
  let current: string | undefined;
  // Only the lines that name 决算 are looked at (a report names it often, but few such lines are titles).
  let lineEnd = -1;
  for (let at = text.indexOf('决算'); at >= 0; at = text.indexOf('决算', lineEnd + 1)) {
    let lineStart = text.lastIndexOf('\n', at) + 1;
    lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > 80) continue;
    let title = text.slice(lineStart, lineEnd);
    if (!REPORT_TITLE.test(title)) {
      // (A title over two lines: the department's name, then `2024年度部门决算`.)
      const head = TITLE_TAIL.test(title) ? lineBefore(text, lineStart) : undefined;
      if (!head || !TITLE_HEAD.test(head.text) || /(?:表|说明|情况|部分)\s*$/.test(head.text)) continue;
      title = head.text + title;
      lineStart = head.start;
    }
    const name = title.replace(/[\s#]/g, '').replace(KIND_WORDS, '');
    current ??= name;
    // (A title before any figure heads the first report; one after figures starts the next.)
    if (!sameTitle(name, current) || opensReport(text, lineEnd)) {
      if (FIGURE.test(text.slice(starts.at(-1)!, lineStart))) {
        starts.push(lineStart);
        current = name;
      }
    }
  }
  return starts;
}

/** What a title may add after 决算: `公开`, `说明`, `报告`. */
const KIND_WORDS = /(?:公开|报告|说明|情况说明)+$/;

/**
 * `山东省济南市自然资源和规划局2020年度部门决算公开说明` on the cover and `济南市自然资源和规划局2020年度部门决算` as a page's running
 * title: one report's title, the province or the kind words left out.
 */
function sameTitle(name: string, current: string): boolean {
  return name === current || (name.length >= 8 && current.endsWith(name)) || (current.length >= 8 && name.endsWith(current));
}

/** The last non-blank line before `lineStart` (within two lines), or undefined. */
function lineBefore(text: string, lineStart: number): { start: number; text: string } | undefined {
  let end = lineStart - 1;
  for (let k = 0; k < 3 && end > 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') return line.length <= 60 ? { start, text: line } : undefined;
    end = start - 1;
  }
  return undefined;
}

/** Whether one of the few lines after a title's end opens a report's body. */
function opensReport(text: string, from: number): boolean {
  let seen = 0;
  for (let start = from + 1; start < text.length && seen < OPENING_WITHIN_LINES; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') {
      seen++;
      if (REPORT_OPENING.test(line)) return true;
    }
    start = end + 1;
  }
  return false;
}
