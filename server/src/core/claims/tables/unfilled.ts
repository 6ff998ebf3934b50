// A table still as the template left it (every figure 0.00 or blank) while the text or another table states figures for
// it: a draft not yet filled in, or a table pasted before its data. Each of its cells would contradict those figures;
// one notice says so instead, and the table is set against nothing.
import { l } from '../../messages';
import type { Claim, DocumentModel, Operand, Table } from '../../types';

/** Fewer zero or blank cells than this say too little to call a table unfilled. */
const MIN_ZERO_CELLS = 3;

/** The tables whose value cells hold only zeros and blanks (at least a few of them). */
export function allZeroTables(model: DocumentModel): Set<number> {
  const found = new Set<number>();
  for (const table of model.tables) {
    // (Standard money tables only: a statistics table's zeros are counts that may well be none, `公务用车保有量 0`.)
    if (!/^T\d\d$/.test(table.kind) || table.withdrawn || table.noData || table.lastYears) continue;
    let zeros = 0;
    let other = false;
    for (const row of table.rows) {
      if (row.kind !== 'data' && row.kind !== 'total') continue;
      for (const cell of row.cells) {
        if (table.columns[cell.col]?.role !== 'value') continue;
        if (cell.number === undefined ? cell.text.trim() === '' : model.numbers[cell.number].value.isZero()) zeros++;
        else if (cell.number !== undefined) other = true;
      }
      if (other) break;
    }
    if (!other && zeros >= MIN_ZERO_CELLS) found.add(table.id);
  }
  return found;
}

/**
 * A gate for the claim sink: a text↔table or table↔table relation that an all-zero table would contradict with a figure
 * that is not zero is not made; the relations turned away are counted by table. Any other claim passes.
 */
export function unfilledGate(model: DocumentModel, tables: Set<number>, turnedAway: Map<number, number>): (claim: Claim) => boolean {
  const tableOf = (o: Operand): number | undefined => {
    if (o.token !== undefined) return model.numbers[o.token].cell?.table;
    // (`公开09表 无数据`: a row the table lacks reads as its zero, anchored on the table.)
    for (const id of tables) {
      const t = model.tables[id];
      if (o.span && o.span.start >= t.span.start && o.span.end <= t.span.end) return id;
      if (o.span && t.titleSpan && o.span.start === t.titleSpan.start) return id;
    }
    return undefined;
  };
  return (claim) => {
    if ((claim.kind !== 'equal' && claim.kind !== 'le') || (claim.origin !== 'text-table' && claim.origin !== 'cross-table')) return true;
    // (Of `part ≤ whole`, only a zero whole contradicts: a zero part holds against anything.)
    const pairs = claim.kind === 'equal' ? [[claim.a, claim.b], [claim.b, claim.a]] : [[claim.whole, claim.part]];
    for (const [zero, other] of pairs) {
      const id = tableOf(zero);
      if (id === undefined || !tables.has(id) || other.value.isZero() || (other.token !== undefined && tables.has(model.numbers[other.token].cell?.table ?? -1))) continue;
      turnedAway.set(id, (turnedAway.get(id) ?? 0) + 1);
      return false;
    }
    return true;
  };
}

/** One notice for each all-zero table that had relations turned away. */
export function reportUnfilled(model: DocumentModel, turnedAway: Map<number, number>): void {
  for (const [id, count] of turnedAway) {
    const table: Table = model.tables[id];
    const first = table.rows[0];
    const line = model.lines[first.line];
    const lead = line.text.length - line.text.trimStart().length;
    model.unreadTables.push({
      span: { start: line.start + lead, end: line.start + line.text.trimEnd().length },
      lastLine: table.rows[table.rows.length - 1].line,
      reason: l(
        `表中数字全部为 0 或空白，而文中或其他表有 ${count} 处非零数字与之对应`,
        `every figure of the table is 0 or blank, while the text or other tables state ${count} non-zero figures for it`,
      ),
      layout: 'unfilled',
    });
  }
  model.unreadTables.sort((a, b) => a.span.start - b.span.start);
}
