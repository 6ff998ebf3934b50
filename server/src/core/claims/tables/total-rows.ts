// An ad hoc table of named rows closed by a 合计 row (`项目名称 | 上年结转 | 本年到位 | 可用资金 | 已支出 | 结余` over the projects and
// `合计`): no code says which rows are the total's parts, so the table's own figures decide. When the 合计 row is the sum of the rows
// above it in most of its columns (two at least), the rows are its parts, and a column where it is not holds a slip. Groups closed by a
// `小计` row (`货物类` / `1.1 图书采购` … / `小计`) are summed by their 小计, and the 合计 by the 小计 rows.
import { checkSum } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, Localized, Operand, Table } from '../../types';
import type { ClaimSink } from '../sink';
import { blankAt, headerText, itemOperand, items, valueColumns, type Item } from './access';
import { emitSum } from './emit';
import { UNIT_NAME_COLUMN } from './identities';

/** A row that is a total, a subtotal or a part of the row above: no part of a 合计 of rows. */
const NOT_A_PART = /合计|总计|小计|其中|^[（(]?[一二三四五六七八九十]+[)）、]/;
const TOTAL = /^(?:合计|总计)$/;
const SUBTOTAL = /^(?:[^，,。\d]{0,12}小计)$/;
/** A column of figures per unit or rates, which add up to nothing. */
const PER_UNIT = /标准|单价|均|[率比例]|[元万]\s*[\/／]|[\/／]\s*[人户亩吨辆个次]/;

/** The rows a total or 小计 row sums, and how the relation is worded. */
interface Group {
  total: Item;
  rows: Item[];
  description: (header: string) => Localized;
}

export function totalRowClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  // (A table of units or places has its 合计 checked by identities' byUnit, whatever its columns.)
  const nameCol = table.columns.find((c) => c.role === 'name');
  if (table.kind !== 'unknown' || table.rows.some((r) => r.code) || (nameCol && UNIT_NAME_COLUMN.test(nameCol.headerPath.join('/')))) return;
  const list = items(table).filter((it) => it.entry.block === 0);
  const total = list.at(-1);
  if (!total || !TOTAL.test(total.entry.label)) return;
  // (Not a column of standards or rates, `补助标准（元/人）` over `9`: the 合计 row restates it.)
  const columns = valueColumns(table, 0).filter((col) => !PER_UNIT.test(headerText(table, col)));
  const groups = numberedGroups(table, list.slice(0, -1), total) ?? groupsOf(table, list.slice(0, -1), total, columns);
  if (!groups) return;
  const sums: Array<{ col: number; group: Group; total: Operand; parts: Operand[] }> = [];
  for (const col of columns) {
    for (const group of groups) {
      const whole = itemOperand(model, table, group.total, col);
      const parts = group.rows.map((it) => itemOperand(model, table, it, col));
      if (!whole || whole.token === undefined || parts.some((p) => p === undefined)) continue;
      sums.push({ col, group, total: whole, parts: parts as Operand[] });
    }
  }
  const holding = sums.filter((s) => checkSum(s.total, s.parts).ok).length;
  if (holding < 2 || holding * 2 <= sums.length) return;
  for (const s of sums) {
    emitSum(sink, { kind: 'sum', identity: 'table.total-row', description: s.group.description(headerText(table, s.col)), total: s.total, parts: s.parts });
  }
}

/**
 * Rows numbered by levels in a `序号` column (`1 | 运转类项目小计` over `1.1 | …`, `1.2 | …`): each numbered row over the rows numbered
 * under it, and the 合计 over the top-level rows.
 */
function numberedGroups(table: Table, rows: Item[], total: Item): Group[] | undefined {
  const col = table.columns.find((c) => c.role === 'line-number')?.index;
  if (col === undefined) return undefined;
  const number = (it: Item) => it.row.cells[col]?.text.trim() ?? '';
  if (!rows.every((it) => /^\d+(?:[.．]\d+)?$/.test(number(it))) || !rows.some((it) => /[.．]/.test(number(it)))) return undefined;
  const tops = rows.filter((it) => !/[.．]/.test(number(it)));
  if (tops.length < 2) return undefined;
  const groups: Group[] = [];
  for (const top of tops) {
    const kids = rows.filter((it) => number(it).replace('．', '.').startsWith(`${number(top)}.`));
    const name = top.entry.label;
    if (kids.length > 0) groups.push({ total: top, rows: kids, description: (header) => l(`${header}：${name} = 其下各行之和`, `${header}: ${name} = the sum of the rows under it`) });
  }
  return [...groups, { total, rows: tops, description: (header) => l(`${header}：合计 = 各一级行之和`, `${header}: the total = the sum of the top-level rows`) }];
}

/**
 * The 合计 over the rows above it; or, when 小计 rows close groups of them, each 小计 over its group's rows and the 合计 over the 小计
 * rows. A row with no figure heads its group (`货物类`) and is none of its parts. Undefined when the rows are no such breakdown.
 */
function groupsOf(table: Table, rows: Item[], total: Item, columns: number[]): Group[] | undefined {
  const groups: Group[] = [];
  const subtotals: Item[] = [];
  let open: Item[] = [];
  let heading = '';
  for (const it of rows) {
    if (SUBTOTAL.test(it.entry.label)) {
      if (open.length === 0) return undefined;
      const name = `${heading}${it.entry.label}`;
      groups.push({ total: it, rows: open, description: (header) => l(`${header}：${name} = 以上各行之和`, `${header}: ${name} = the sum of the rows above`) });
      subtotals.push(it);
      open = [];
      heading = '';
      continue;
    }
    if (columns.length > 0 && columns.every((col) => blankAt(table, it, col))) {
      if (open.length > 0) return undefined;
      heading = it.entry.label;
      continue;
    }
    if (NOT_A_PART.test(it.entry.label)) return undefined;
    open.push(it);
  }
  // (Rows after the last 小计, or a 合计 of some rows only: no breakdown the table's words make plain.)
  if (subtotals.length > 0 && open.length > 0) return undefined;
  const parts = subtotals.length > 0 ? subtotals : open;
  if (parts.length < 2) return undefined;
  return [...groups, { total, rows: parts, description: (header) => (subtotals.length > 0 ? l(`${header}：合计 = 各小计之和`, `${header}: the total = the sum of the subtotals`) : l(`${header}：合计 = 以上各行之和`, `${header}: the total = the sum of the rows above`)) }];
}

/** A row that states rates or shares, which add up to nothing: `增减率`, `占比`. */
const RATE_ROW = /率|幅|占比|比重|%|％/;

/**
 * An ad hoc table whose last column is each row's 合计 (`年度 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费 | 合计`): in each row
 * the 合计 is the sum of the columns before it, when most rows (two at least) bear it out.
 */
export function totalColumnClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  if (table.kind !== 'unknown' || table.rows.some((r) => r.code)) return;
  const columns = valueColumns(table, 0).filter((col) => !PER_UNIT.test(headerText(table, col)));
  const totalCol = columns.at(-1);
  if (totalCol === undefined || columns.length < 3 || !TOTAL.test(headerText(table, totalCol))) return;
  rowSums(model, table, sink, totalCol, columns.slice(0, -1), 'table.total-column', (name) => l(`${name}：合计 = 各列之和`, `${name}: the total = the sum of the columns`));
}

/** In each row (rates apart), the total column = Σ the part columns, when most rows (two at least) bear it out. */
function rowSums(model: DocumentModel, table: Table, sink: ClaimSink, totalCol: number, partCols: number[], identity: string, describe: (row: string) => Localized): void {
  const sums: Array<{ it: Item; total: Operand; parts: Operand[] }> = [];
  for (const it of items(table)) {
    if (it.entry.block !== 0 || RATE_ROW.test(it.entry.label)) continue;
    const total = itemOperand(model, table, it, totalCol, '', true);
    const cells = partCols.map((col) => itemOperand(model, table, it, col, '', true));
    if (!total || total.token === undefined || cells.some((p) => p === undefined)) continue;
    sums.push({ it, total, parts: cells as Operand[] });
  }
  const holding = sums.filter((s) => checkSum(s.total, s.parts).ok).length;
  if (holding < 2 || holding * 2 <= sums.length) return;
  for (const s of sums) emitSum(sink, { kind: 'sum', identity, description: describe(s.it.entry.label || '本行'), total: s.total, parts: s.parts });
}

/** The parts of a side's 合计 column, in the columns right after it. */
const SIDE_PARTS: Array<{ total: RegExp; part: RegExp }> = [
  { total: /^(?:本年)?收入合计$/, part: /^(?:财政拨款|一般公共预算财政拨款|政府性基金预算财政拨款|上级补助|事业|经营|附属单位上缴|其他)收入$/ },
  { total: /^(?:本年)?支出合计$/, part: /^(?:基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)$/ },
];

/**
 * A table of units or projects with a side's 合计 column followed by its parts (`收入合计 | 财政拨款收入 | 事业收入 | 其他收入 | 支出合计 |
 * 基本支出 | 项目支出`): in each row the 合计 is the sum of its parts, when most rows (two at least) bear it out. A slip in one row's cell
 * is found in that row, not only in the 合计 row's column.
 */
export function sideTotalColumnClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  if (table.kind !== 'unknown') return;
  const columns = valueColumns(table, 0);
  for (const side of SIDE_PARTS) {
    const at = columns.findIndex((col) => side.total.test(headerText(table, col)));
    if (at < 0) continue;
    const parts: number[] = [];
    for (let k = at + 1; k < columns.length && side.part.test(headerText(table, columns[k])); k++) parts.push(columns[k]);
    if (parts.length < 2) continue;
    const header = headerText(table, columns[at]);
    rowSums(model, table, sink, columns[at], parts, 'table.side-total-column', (name) => l(`${name}：${header} = 其后各列之和`, `${name}: ${header} = the sum of the columns after it`));
  }
}
