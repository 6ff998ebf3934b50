// A space-aligned table is read by the columns its characters line up in (pdftotext -layout). When
// that reading leaves the table's own roll-ups and row identities out of balance on many rows, the
// columns were misplaced (a wrapped header, a label pushed into an amount column), not typed wrong
// four times: the table is withdrawn from every check and listed as unread, as the reader does with
// a table it refuses outright.
import { checkPartialSum, checkSum } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, Table } from '../../types';
import { ClaimSink } from '../sink';
import { identityClaims } from './identities';
import { rollupClaims } from './rollups';

/** Rows out of balance from which a reading is in doubt: one slip unbalances its row and its parent's. */
const MISREAD_ROWS = 4;

export function withdrawMisreadTables(model: DocumentModel): void {
  for (const table of model.tables) {
    if (table.format !== 'aligned' || table.kind === 'performance') continue;
    const rows = unbalancedRows(model, table);
    // (A copy that lost its blank cells was read by the template's order, which nine rows in ten confirmed; digits
    // its extraction clipped unbalance a few rows of a long table, and a slip two more: a tenth of its rows is doubt.)
    if (rows < (table.blanksLost ? Math.max(MISREAD_ROWS, Math.ceil(table.rows.length / 10)) : MISREAD_ROWS)) continue;
    table.withdrawn = true;
    const line = model.lines[table.rows[0].line];
    const lead = line.text.length - line.text.trimStart().length;
    model.unreadTables.push({
      span: { start: line.start + lead, end: line.start + line.text.trimEnd().length },
      lastLine: table.rows[table.rows.length - 1].line,
      reason: l(`按栏读出后表内有${rows}行合计与分项不符，栏位可能读错`, `read by its columns, ${rows} of its rows do not add up: the columns are probably misplaced`),
      layout: 'aligned',
    });
  }
  model.unreadTables.sort((a, b) => a.span.start - b.span.start);
}

/** The rows of `table` whose stated total its own parts contradict (rows counted once). */
function unbalancedRows(model: DocumentModel, table: Table): number {
  const sink = new ClaimSink();
  rollupClaims(model, table, sink);
  identityClaims(model, table, sink);
  const rows = new Set<number>();
  for (const claim of sink.claims) {
    // (A table whose blank cells vanished has soft sums for their severity only: they count.)
    if ((claim.kind !== 'sum' && claim.kind !== 'rollup') || (claim.soft && !table.blanksLost)) continue;
    const check = claim.exhaustive ? checkSum(claim.total, claim.parts, claim.signs) : checkPartialSum(claim.total, claim.parts);
    if (check.ok) continue;
    const at = (claim.total.span ?? claim.span).start;
    const row = table.rows.find((r) => r.span.start <= at && at <= r.span.end);
    if (row) rows.add(row.index);
  }
  return rows.size;
}
