// Combines the edits of many code actions into one conflict-free set: identical edits collapse
// (a group recompute repeats its members' edits), and an edit overlapping one already taken is
// dropped, because a WorkspaceEdit with overlapping edits is rejected as a whole.
import type { LspRange } from './protocol';

export interface PlainEdit {
  range: LspRange;
  newText: string;
}

function compare(a: LspRange['start'], b: LspRange['start']): number {
  return a.line - b.line || a.character - b.character;
}

function overlaps(a: LspRange, b: LspRange): boolean {
  // Touching ranges do not overlap; two inserts at the same point do.
  const aEmpty = compare(a.start, a.end) === 0;
  const bEmpty = compare(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return compare(a.start, b.start) === 0;
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

/** Edits in priority order (earlier wins); returns the kept edits sorted by position. */
export function mergeEdits(edits: PlainEdit[]): PlainEdit[] {
  const kept: PlainEdit[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    const key = `${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.line}:${edit.range.end.character}=${edit.newText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (kept.some((k) => overlaps(k.range, edit.range))) continue;
    kept.push(edit);
  }
  return kept.sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
}
