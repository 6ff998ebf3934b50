// Unit slips (rounding.md §6): `基本支出3373.17元` among 万元 siblings is 3373.17万元 mistyped.
// The model records the reading (`readAs`) so every relation is checked with it; the unit-mismatch
// rule reports the slip.
import type { DocumentModel, NumberToken } from '../types';

/** Groups of numbers that are siblings: the numbers of one sentence, or of one table row. */
function siblingGroups(model: DocumentModel): NumberToken[][] {
  const groups: NumberToken[][] = model.sentences.map((s) => s.numbers.map((id) => model.numbers[id]));
  for (const table of model.tables) {
    for (const row of table.rows) {
      const tokens: NumberToken[] = [];
      for (const cell of row.cells) {
        if (cell.number !== undefined) tokens.push(model.numbers[cell.number]);
      }
      if (tokens.length) groups.push(tokens);
    }
  }
  return groups;
}

export function resolveUnitSlips(model: DocumentModel): void {
  const wanTexts = new Set<string>();
  for (const n of model.numbers) if (n.unit === '万元' && !n.value.isZero()) wanTexts.add(n.text);
  for (const group of siblingGroups(model)) {
    const wan = group.filter((n) => n.unit === '万元' && !n.value.isZero());
    for (const n of group) {
      if (n.unit !== '元' || n.value.isZero()) continue;
      // The same digits stated in 万元 elsewhere, or a 2-decimal figure far too small to be a real
      // 元 amount beside 万元 siblings (a real 元 amount is 10⁴ times larger).
      const sameDigits = wanTexts.has(n.text);
      const tooSmall = wan.length > 0 && n.decimals === 2 && n.value.lt(100000) &&
        wan.some((w) => n.value.div(w.value).abs().gte(0.001) && n.value.div(w.value).abs().lte(1000));
      if (sameDigits || tooSmall) n.readAs = '万元';
    }
  }
}
