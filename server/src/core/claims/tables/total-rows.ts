// An ad hoc table of named rows closed by a 合计 row (`项目名称 | 上年结转 | 本年到位 | 可用资金 | 已支出 | 结余` over the projects and
// `合计`): no code says which rows are the total's parts, so the table's own figures decide. When the 合计 row is the sum of the rows
// above it in most of its columns (two at least), the rows are its parts, and a column where it is not holds a slip.
import { checkSum } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, Operand, Table } from '../../types';
import type { ClaimSink } from '../sink';
import { headerText, itemOperand, items, valueColumns } from './access';
import { emitSum } from './emit';
import { UNIT_NAME_COLUMN } from './identities';

/** A row that is a total, a subtotal or a part of the row above: no part of a 合计 of rows. */
const NOT_A_PART = /合计|总计|小计|其中|^[（(]?[一二三四五六七八九十]+[)）、]/;
const TOTAL = /^(?:合计|总计)$/;
/** A column of figures per unit or rates, which add up to nothing. */
const PER_UNIT = /标准|单价|均|[率比例]|[元万]\s*[\/／]|[\/／]\s*[人户亩吨辆个次]/;

export function totalRowClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  // (A table of units or places has its 合计 checked by identities' byUnit, whatever its columns.)
  const nameCol = table.columns.find((c) => c.role === 'name');
  if (table.kind !== 'unknown' || table.rows.some((r) => r.code) || (nameCol && UNIT_NAME_COLUMN.test(nameCol.headerPath.join('/')))) return;
  const list = items(table).filter((it) => it.entry.block === 0);
  const total = list.at(-1);
  if (!total || !TOTAL.test(total.entry.label)) return;
  const rows = list.slice(0, -1);
  if (rows.length < 2 || rows.some((it) => NOT_A_PART.test(it.entry.label))) return;
  const columns = valueColumns(table, 0);
  const sums: Array<{ col: number; total: Operand; parts: Operand[] }> = [];
  for (const col of columns) {
    // (Nor a column of standards or rates, `补助标准（元/人）` over `9`: the 合计 row restates it.)
    if (PER_UNIT.test(headerText(table, col))) continue;
    const whole = itemOperand(model, table, total, col);
    const parts = rows.map((it) => itemOperand(model, table, it, col));
    if (!whole || whole.token === undefined || parts.some((p) => p === undefined)) continue;
    sums.push({ col, total: whole, parts: parts as Operand[] });
  }
  const holding = sums.filter((s) => checkSum(s.total, s.parts).ok).length;
  if (holding < 2 || holding * 2 <= sums.length) return;
  for (const s of sums) {
    emitSum(sink, {
      kind: 'sum',
      identity: 'table.total-row',
      description: l(`${headerText(table, s.col)}：合计 = 以上各行之和`, `${headerText(table, s.col)}: the total = the sum of the rows above`),
      total: s.total,
      parts: s.parts,
    });
  }
}
