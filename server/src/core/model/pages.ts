// What a PDF page break leaves in the text: page numbers and the report's title repeated at the top of
// each page. Neither is report text: prose and tables go on across them.
import { MARKED_PAGE_NUMBER } from '../text/page-numbers';
import type { Line } from '../types';

/** A line holding only a page number (`3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 12 页`). */
export const PAGE_NUMBER = new RegExp(`^(?:${MARKED_PAGE_NUMBER}|\\d{1,4}|\\d{1,4}\\s*\\/\\s*\\d{1,4})$`);

/** The report's title as a running header: `安宁市教育局2024年度部门决算`. */
export const RUNNING_TITLE = /^[^\s，,。；;：:\d]{2,40}(?:19|20)\d\d\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)(?:公开)?(?:报告|说明)?$/;

/**
 * Whether the line at `index` is the running title of a page: a title-like line that repeats the
 * document's first line, or stands next to a page number (skipping blank lines).
 */
export function isRunningTitle(lines: readonly Line[], index: number, firstLine: number): boolean {
  const t = lines[index].text.trim();
  if (index === firstLine || !RUNNING_TITLE.test(t)) return false;
  if (firstLine >= 0 && lines[firstLine].text.trim() === t) return true;
  return PAGE_NUMBER.test(neighbour(lines, index, -1)) || PAGE_NUMBER.test(neighbour(lines, index, 1));
}

/** The nearest non-blank line before (`step` −1) or after (+1) line `index`, trimmed; '' at the text's end. */
export function neighbour(lines: readonly Line[], index: number, step: number): string {
  for (let i = index + step; i >= 0 && i < lines.length; i += step) {
    const t = lines[i].text.trim();
    if (t !== '') return t;
  }
  return '';
}
