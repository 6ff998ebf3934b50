// A file may hold several reports: a department's 部门决算 followed by its units' 单位决算, each with its own title,
// parts, prose and tables 01–09. Each is a document of its own: a unit's figures are never the department's.

/** A report's title line (`临江市农业农村局本级2024年度单位决算公开`). */
const REPORT_TITLE = /^\s*(?:#+\s*)?[^\s，,。；;：:\d]{2,40}(?:19|20)\d\d\s*年度?\s*(?:部门|单位)\s*决算(?:公开|报告|说明|情况说明)*\s*$/;
/** What opens a report's body within a few lines of its title: its first part, or its 概况. */
const REPORT_OPENING = /^\s*(?:#+\s*)?(?:第[一1]部分|(?:[一1][、.．]\s*)?(?:部门|单位)(?:基本)?概况)/;
/** A figure with decimals: a report before the title has begun (a title at the top starts none). */
const FIGURE = /\d[.．]\d/;
const OPENING_WITHIN_LINES = 8;

/**
 * Where each report of a text starts (offsets of title lines; the first report at 0). One entry for a text
 * holding one report. A title repeated as a page's running title opens no part, so it starts nothing.
 */
export function reportStarts(text: string): number[] {
  const starts = [0];
  // (Most texts name 决算 in a title only once or twice: the scan below runs only where it might split.)
  let titles = 0;
  for (let at = text.indexOf('决算'); at >= 0 && titles < 2; at = text.indexOf('决算', at + 2)) titles++;
  if (titles < 2) return starts;
  const lines = text.split('\n');
  let offset = 0;
  let figures = false;
  for (let i = 0; i < lines.length; offset += lines[i].length + 1, i++) {
    const line = lines[i];
    if (line.length <= 80 && line.includes('决算') && REPORT_TITLE.test(line) && figures && opensReport(lines, i)) {
      starts.push(offset);
      figures = false;
      continue;
    }
    if (!figures && FIGURE.test(line)) figures = true;
  }
  return starts;
}

function opensReport(lines: string[], title: number): boolean {
  for (let k = title + 1, seen = 0; k < lines.length && seen < OPENING_WITHIN_LINES; k++) {
    if (lines[k].trim() === '') continue;
    seen++;
    if (REPORT_OPENING.test(lines[k])) return true;
  }
  return false;
}

/** The text with everything outside [start, end) blanked (line breaks kept): offsets and lines stay. */
export function onlyBetween(text: string, start: number, end: number): string {
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}
