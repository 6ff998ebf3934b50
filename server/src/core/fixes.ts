// Applying fixes: every edit replaces exactly the characters of its span.
import type { TextEdit } from './types';

/** Applies non-overlapping edits; an edit overlapping an earlier one is skipped (returned in `skipped`). */
export function applyEdits(text: string, edits: Array<Pick<TextEdit, 'span' | 'newText'>>): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const e of sorted) {
    if (e.span.start < cursor || e.span.end > text.length) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, e.span.start) + e.newText;
    cursor = e.span.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied, skipped };
}
