// A table still as the template left it (every figure 0.00 or blank) while the text or another table states figures for
// it: a draft not yet filled in, or a table pasted before its data. Each of its cells would contradict those figures;
// one notice says so instead, and the table is set against nothing. So too, within a filled table, the rows under a
// parent and a part column still at the template's zeros: reported once each (rules/table-format.ts).
import { checkSum } from '../../arith/interval';
import { isZero } from '../../arith/operand';
import { l } from '../../messages';
import type { Claim, DocumentModel, Operand, Table, TableCell } from '../../types';
import { codeTree, columnLabel, indexByCode, itemName, itemOperand, items, valueColumns, type Item } from './access';
import { rowSumColumns } from './identities';
import { statisticsTable } from './sangong';

/** Fewer zero or blank cells than this say too little to call a table unfilled. */
const MIN_ZERO_CELLS = 3;

/**
 * The tables whose value cells hold only zeros and blanks (at least a few of them), each with the table it is reported
 * under: itself, or for the 相关统计数 under an unfilled 公开09表, left all blank too, that 09.
 */
export function allZeroTables(model: DocumentModel): Map<number, number> {
  const found = new Map<number, number>();
  for (const table of model.tables) {
    // (Standard money tables only: a statistics table's zeros are counts that may well be none, `公务用车保有量 0`.)
    if (!/^T\d\d$/.test(table.kind) || table.withdrawn || table.noData || table.lastYears) continue;
    let zeros = 0;
    let other = false;
    for (const row of table.rows) {
      if (row.kind !== 'data' && row.kind !== 'total') continue;
      for (const cell of row.cells) {
        if (table.columns[cell.col]?.role !== 'value') continue;
        if (cell.number === undefined ? cell.text.trim() === '' : model.numbers[cell.number].zero) zeros++;
        else if (cell.number !== undefined) other = true;
      }
      if (other) break;
    }
    if (other || zeros < MIN_ZERO_CELLS) continue;
    found.set(table.id, table.id);
    // (Its counts not typed in either: blank, where none is written 0.)
    const stats = table.kind === 'T09' ? statisticsTable(model, table.id) : undefined;
    if (stats && items(stats).every((it) => it.entry.valueCols.every((c) => (it.row.cells[c]?.text.trim() ?? '') === ''))) found.set(stats.id, table.id);
  }
  return found;
}

/** Tables whose rows nest by code: a parent row is the sum of the rows under it. */
const NESTED_TABLES = new Set(['T02', 'T03', 'T05', 'T06', 'T07', 'T08', 'T10']);

/**
 * The rows under a filled parent still at the template's zeros: every row listed under `302 商品和服务支出 32.72` is
 * 0.00 or blank in that column (a draft whose totals were typed first). Sets each such table's `unfilledParents` and
 * returns the tokens of the parents' figures and of those zero cells, which the gate keeps out of relations: the
 * parent would not be their sum, nor each of them the figure the text or another table states.
 */
export function unfilledParts(model: DocumentModel, zeroTables: Map<number, number>): UnfilledParts {
  const parts: UnfilledParts = { parents: new Set(), rowTotals: new Set(), zeros: new Set() };
  for (const table of model.tables) {
    // (Figures whose columns are not known, `unplaced`, tell no column of zeros.)
    if (zeroTables.has(table.id) || table.withdrawn || table.lastYears || table.blanksLost) continue;
    unfilledRows(model, table, parts);
    unfilledColumns(model, table, parts);
  }
  return parts;
}

/** Figures kept out of relations because what they are set against is not filled in yet (token ids). */
export interface UnfilledParts {
  /** A parent's figure over rows all still zero. */
  parents: Set<number>;
  /** A row's total beside a column all still zero. */
  rowTotals: Set<number>;
  /** The zeros of those rows and columns. */
  zeros: Set<number>;
}

function isZeroCell(model: DocumentModel, cell: TableCell | undefined): boolean {
  return !cell || (cell.number === undefined ? cell.text.trim() === '' : model.numbers[cell.number].zero);
}

function unfilledRows(model: DocumentModel, table: Table, { parents, zeros }: UnfilledParts): void {
  if (!NESTED_TABLES.has(table.kind)) return;
  const byCode = indexByCode(table);
  if (byCode.size === 0) return;
  const isZero = (cell: TableCell | undefined) => isZeroCell(model, cell);
  const found: Array<{ parent: Item; col: number; stated: TableCell; cells: Array<TableCell | undefined>; kids: number }> = [];
  for (const [code, kids] of codeTree(table).children) {
    const parent = byCode.get(code)!;
    const cols = valueColumns(table, parent.entry.block);
    for (let k = 0; k < cols.length; k++) {
      const stated = parent.row.cells[parent.entry.valueCols[k] ?? cols[k]];
      if (stated?.number === undefined || isZero(stated)) continue;
      const cells = kids.map((kid) => kid.row.cells[kid.entry.valueCols[k] ?? valueColumns(table, kid.entry.block)[k]]);
      // (Rows left at the template are zero throughout: one row's amount slipped to 0.00, beside its row's other
      // figures, is a slip.)
      if (cells.every(isZero) && kids.every((kid) => kid.entry.valueCols.every((c) => isZero(kid.row.cells[c])))) found.push({ parent, col: cols[k], stated, cells, kids: kids.length });
    }
  }
  // (Several zero rows under one parent at least: a lone row at 0.00 under its parent may be one slipped, unless the
  // table's other parents show the template.)
  if (!found.some((f) => f.kids >= 2)) return;
  for (const { parent, col, stated, cells, kids } of found) {
    parents.add(stated.number!);
    for (const cell of cells) if (cell?.number !== undefined) zeros.add(cell.number);
    (table.unfilledParents ??= []).push({ name: itemName(parent), column: columnLabel(table, col), stated: model.numbers[stated.number!].text, rows: kids, span: stated.span });
  }
}

/** Rows whose total must exceed the sum of its parts before a column all zero is taken for an unfilled one. */
const MIN_UNFILLED_COLUMN_ROWS = 3;

/**
 * A part column still at the template's zeros (`基本支出` 0.00 in every row of 公开05表) while the rows' totals exceed the
 * sums of their parts, in a third of the rows or more and never the other way: the column is not filled in yet, not
 * that many rows slipped. (A column of zeros that is right, a department without projects, leaves the rows' sums
 * whole but for a slip.) Sets the table's `unfilledColumns`.
 */
function unfilledColumns(model: DocumentModel, table: Table, { rowTotals, zeros }: UnfilledParts): void {
  for (const { totalCol, partCols } of rowSumColumns(table)) {
    const list = items(table).filter((it) => it.entry.block === 0);
    const zeroCols = partCols.filter((c) => list.every((it) => isZeroCell(model, it.row.cells[c])));
    if (zeroCols.length === 0) continue;
    // The rows whose total its parts fall short of (the same for every column of zeros: computed once).
    const short: number[] = [];
    let filled = 0;
    let over = false;
    for (const it of list) {
      const total = itemOperand(model, table, it, totalCol);
      if (!total || total.token === undefined || isZero(total)) continue;
      filled++;
      const parts = partCols.map((c) => itemOperand(model, table, it, c)).filter((o): o is Operand => o !== undefined);
      const check = checkSum(total, parts);
      if (check.ok) continue;
      if (check.diff.isNegative()) over = true;
      else short.push(total.token);
    }
    if (over || short.length < MIN_UNFILLED_COLUMN_ROWS || short.length * 3 < filled) continue;
    for (const zeroCol of zeroCols) {
      for (const token of short) rowTotals.add(token);
      for (const it of list) {
        const cell = it.row.cells[zeroCol];
        if (cell?.number !== undefined) zeros.add(cell.number);
      }
      const first = list.find((it) => it.row.cells[zeroCol])!;
      (table.unfilledColumns ??= []).push({ column: columnLabel(table, zeroCol), total: columnLabel(table, totalCol), rows: short.length, span: first.row.cells[zeroCol].span });
    }
  }
}

/**
 * A gate for the claim sink: a text↔table or table↔table relation that an all-zero table would contradict with a figure
 * that is not zero is not made; the relations turned away are counted by table. Any other claim passes.
 */
export function unfilledGate(
  model: DocumentModel,
  tables: Map<number, number>,
  unfilled: UnfilledParts,
  turnedAway: Map<number, number>,
): (claim: Claim) => boolean {
  const zeroRow = (o: Operand) => o.token !== undefined && unfilled.zeros.has(o.token);
  const tableOf = (o: Operand): number | undefined => {
    if (o.token !== undefined) return model.numbers[o.token].cell?.table;
    // (`公开09表 无数据`: a row the table lacks reads as its zero, anchored on the table.)
    for (const id of tables.keys()) {
      const t = model.tables[id];
      if (o.span && o.span.start >= t.span.start && o.span.end <= t.span.end) return id;
      if (o.span && t.titleSpan && o.span.start === t.titleSpan.start) return id;
    }
    return undefined;
  };
  return (claim) => {
    // (A filled parent over rows still at zero: not their sum yet.)
    if (claim.kind === 'rollup') return !(claim.total.token !== undefined && unfilled.parents.has(claim.total.token) && claim.parts.every((p) => zeroRow(p) || isZero(p)));
    // (A row's total beside a column not filled in yet: not the sum of its parts yet.)
    if (claim.kind === 'sum') return !(claim.origin === 'table' && claim.total.token !== undefined && unfilled.rowTotals.has(claim.total.token));
    if ((claim.kind !== 'equal' && claim.kind !== 'le') || (claim.origin !== 'text-table' && claim.origin !== 'cross-table')) return true;
    // (Of `part ≤ whole`, only a zero whole contradicts: a zero part holds against anything.)
    const pairs = claim.kind === 'equal' ? [[claim.a, claim.b], [claim.b, claim.a]] : [[claim.whole, claim.part]];
    for (const [zero, other] of pairs) {
      if (zeroRow(zero) && !isZero(other) && !zeroRow(other)) return false;
      const id = tableOf(zero);
      if (id === undefined || !tables.has(id) || isZero(other) || (other.token !== undefined && tables.has(model.numbers[other.token].cell?.table ?? -1))) continue;
      const reported = tables.get(id)!;
      turnedAway.set(reported, (turnedAway.get(reported) ?? 0) + 1);
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
