// A subject table whose last rows are missing: a draft pasted in part, or a page lost in conversion, with no mark
// saying so. The rows listed under the last row's ancestors and under 合计 then fall short of them, level after
// level. One notice says so; those totals are not set against the rows listed, and a row the table lacks is not
// read as zero (as for a table its writer marks unfinished).
import { checkSum, show } from '../../arith/interval';
import type { DocumentModel, Operand, Table } from '../../types';
import { blankOperandAt, codeTree, columnLabel, indexByCode, itemName, itemOperand, items, totalItem, valueColumns, type Item } from './access';

/** Tables whose rows nest by code exhaustively: a parent is the sum of the rows under it. */
const NESTED_TABLES = new Set(['T02', 'T03', 'T05', 'T07', 'T08', 'T10']);

export function lastCoded(list: Item[]): Item | undefined {
  let last: Item | undefined;
  for (const it of list) if (it.entry.code) last = it;
  return last;
}

/**
 * Marks `table` truncated when two levels or more above its last row (its 款, its 类, 合计) exceed the rows listed
 * under them, in some column, and no level falls short of them in any column. A slipped cell cannot do that: it
 * makes the level above it exceed its rows and its own level fall short of them (or breaks one level only).
 */
export function markTruncated(model: DocumentModel, table: Table): void {
  if (!NESTED_TABLES.has(table.kind) || table.unfinished || table.lastYears) return;
  const list = items(table);
  const last = lastCoded(list);
  const code = last?.entry.code;
  if (!last || !code) return;
  const byCode = indexByCode(table);
  const tree = codeTree(table);
  // (From the top: 合计, the 类, the 款.)
  const chain: Array<{ parent: Item; kids: Item[] }> = [];
  const total = totalItem(list);
  if (total && tree.top.length > 0) chain.push({ parent: total, kids: tree.top });
  for (let len = 3; len < code.length; len += 2) {
    const parent = byCode.get(code.slice(0, len));
    const kids = parent && tree.children.get(parent.entry.code!);
    if (parent && kids) chain.push({ parent, kids });
  }
  if (chain.length < 2) return;
  const shortfalls: NonNullable<Table['truncated']>['shortfalls'] = [];
  for (const { parent, kids } of chain) {
    let shortfall: (typeof shortfalls)[number] | undefined;
    for (const col of valueColumns(table, parent.entry.block)) {
      const stated = itemOperand(model, table, parent, col);
      if (!stated) continue;
      const parts: Operand[] = [];
      for (const kid of kids) {
        if (kid.entry.block !== parent.entry.block || blankOperandAt(table, kid, col)) continue;
        const part = itemOperand(model, table, kid, col);
        if (part) parts.push(part);
      }
      const check = checkSum(stated, parts);
      if (check.ok) continue;
      if (check.diff.isNegative()) return;
      shortfall ??= { name: itemName(parent), column: columnLabel(table, col), stated: stated.text ?? show(stated.value), listed: show(check.sum), span: parent.entry.labelSpan ?? parent.row.span };
    }
    if (shortfall) shortfalls.push(shortfall);
  }
  if (shortfalls.length >= 2) table.truncated = { lastRow: last.row.span, lastName: itemName(last), shortfalls };
}
