// Decides whether a plain-text or Markdown document is a 决算 report worth starting the server for.
// Only the head of the document is looked at, and each line is capped, so a 1 MB single line costs
// nothing.

const SNIFF_LINES = 40;
const SNIFF_LINE_CHARS = 400;
const REPORT_MARKERS = /决算|公开\s*\d{1,2}\s*表|万元/;

/** `lineAt(i)` returns the text of line i (0-based). */
export function looksLikeReport(lineCount: number, lineAt: (line: number) => string): boolean {
  const n = Math.min(lineCount, SNIFF_LINES);
  for (let i = 0; i < n; i++) {
    if (REPORT_MARKERS.test(lineAt(i).slice(0, SNIFF_LINE_CHARS))) return true;
  }
  return false;
}

export function looksLikeReportText(text: string): boolean {
  const lines = text.slice(0, SNIFF_LINES * (SNIFF_LINE_CHARS + 2)).split(/\r?\n/);
  return looksLikeReport(lines.length, (i) => lines[i]);
}
