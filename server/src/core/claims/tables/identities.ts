import Decimal from 'decimal.js';
// Row and column identities inside one table (tables.md §1–§10): per-row column sums (T02.1,
// T03.1, T04.4, T05.1, T07.1–2, T09.1–2), the balances of the two-sided tables 01 and 04, the
// 人员/公用经费 totals of 06 and the 政府采购 rows of 11.
import { GENERAL_BUDGET } from '../../text/funds';
import type { CompletionClaim, DocumentModel, Localized, Operand, Span, Table } from '../../types';
import { operand, sumOperand } from '../../arith/interval';
import { asExact, isZero } from '../../arith/operand';
import { l } from '../../messages';
import type { ClaimSink } from '../sink';
import {
  blankAt,
  cellOperand,
  columnLabel,
  findColumn,
  findItem,
  indexByCode,
  itemLabel,
  itemName,
  itemOperand,
  headerText,
  items,
  partOperands,
  procurementColumns,
  rateOperand,
  tableName,
  type ProcurementFigure,
  valueColumns,
  type Item,
} from './access';
import { emitPair, emitSum } from './emit';
import { sangongRecords } from './sangong';
import { transposedSangongRows } from './sangong-rows';

/** The income side's carry-over row: 年初结转和结余, or 上年结转 in the 2015–2018 tables. */
export const OPENING_BALANCE = /^(?:年初结转和结余|上年结转(?:和结余)?)/;
/** 公开01表's closing row: 年末结转和结余, or 结转下年 in the older tables. */
const CLOSING_BALANCE = /^(?:年末结转和结余|结转下年)/;
/** 公开04表's: 年初财政拨款结转和结余, or 上年结转 in the older tables. */
export const FISCAL_OPENING_BALANCE = /^(?:年初财政拨款结转和结余|上年结转(?:和结余)?)/;
/** 公开04表's closing row: 年末财政拨款结转和结余, or 年末结转和结余 in the older tables (all of that table is 财政拨款). */
// (`结转下年` in the older tables: what is carried to next year.)
export const FISCAL_CLOSING_BALANCE = /^(?:年末(?:财政拨款)?结转和?结余|(?:[一二三四五六七八九十]+、)?结转下年)/;


export function identityClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  budgetComparison(model, table, sink);
  switch (table.kind) {
    case 'T01':
      return t01(model, table, sink);
    case 'T02':
    case 'T03':
      for (const { identity, totalCol, partCols } of rowSumColumns(table)) columnSums(model, table, sink, identity, totalCol, partCols);
      return;
    case 'T05':
      for (const { identity, totalCol, partCols } of rowSumColumns(table)) columnSums(model, table, sink, identity, totalCol, partCols);
      // (The 收入支出 variant, `年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余`, rolls each row forward as 07 does.)
      return rollForward(model, table, sink, 'T05.2', balanceColumns(table));
    case 'T04':
      return t04(model, table, sink);
    case 'T06':
      return t06(model, table, sink);
    case 'T07':
    case 'T08':
      return t07(model, table, sink);
    case 'T09':
      return t09(model, table, sink);
    case 'T11':
      return t11(model, table, sink);
    case 'unknown':
      return byUnit(model, table, sink);
    default:
      return;
  }
}

/** A column's words, whatever role it was given (a 差额 column reads as a change, a 完成率 column as a rate). */
function columnNamed(table: Table, header: RegExp, roles: ReadonlyArray<string>): number | undefined {
  return table.columns.find((c) => c.block === 0 && roles.includes(c.role ?? '') && header.test(c.headerPath.join('/')))?.index;
}

const ADJUSTED_BUDGET = /调整(?:后)?预算|全年预算/;

/**
 * Of the 年初 and 调整 budget columns, the one a rate or difference column naming neither is of: the one its rows bear out in
 * more rows (年初 when they tie: the same figures, or none holds).
 */
function budgetBorneOut(model: DocumentModel, table: Table, col: number, kind: 'rate' | 'difference', actualCol: number, initial: number, adjusted: number): number {
  const hits = [0, 0];
  // (The cells as written, all in the table's unit.)
  const cell = (it: Item, c: number) => model.numbers[it.row.cells[c]?.number ?? -1];
  for (const it of items(table)) {
    if (it.entry.block !== 0) continue;
    const stated = cell(it, col);
    const actual = cell(it, actualCol);
    if (!stated || !actual) continue;
    const half = new Decimal(10).pow(-stated.decimals).div(2);
    [initial, adjusted].forEach((budgetCol, k) => {
      const budget = cell(it, budgetCol);
      if (!budget || budget.value.isZero()) return;
      const computed = kind === 'rate' ? actual.value.div(budget.value).times(100) : actual.value.minus(budget.value);
      if (computed.minus(stated.value).abs().lte(half.times(2))) hits[k]++;
    });
  }
  return hits[1] > hits[0] ? adjusted : initial;
}

/** The table's budget column when it has exactly one (`预算数 | 决算数 | 差额 | 完成率`). */
function onlyBudget(table: Table): number | undefined {
  const budgets = table.columns.filter((c) => c.block === 0 && c.role === 'value' && /预算/.test(c.headerPath.join('/')) && !/完成|执行|差额|增减/.test(c.headerPath.join('/')));
  return budgets.length === 1 ? budgets[0].index : undefined;
}

/**
 * `年初预算数 | 调整预算数 | 决算数 | 决算数与年初预算数差额 | 完成率（%）` (a 预决算对比表): per row, the 差额 is 决算数 − the budget it
 * names, and the 完成率 is 决算数 / that budget. Only where the columns say which budget, and a bare rate only in a 万元
 * table (a 元 table's unit would scale it).
 */
function budgetComparison(model: DocumentModel, table: Table, sink: ClaimSink): void {
  // (`决算数（元）`: a unit in the header.)
  const actualCol = columnNamed(table, /^(?:[^/]*\/)?(?:本年|支出)?决算数?(?:[（(](?:万元|元|亿元)[)）])?$/, ['value']);
  // (`决算数比调整预算增减`, `决算比全年预算增减`, or a bare `差额` beside 预算数 and 决算数.)
  // (`差额（预算数-决算数）`: the budget less the actual, stated so.)
  const diffCol = columnNamed(table, /决算数?(?:与|比|较)[^/]*预算数?[^/]*(?:差额|增减)|差额[^/]*[（(](?:决算数?\s*[-−－]\s*[^/]*预算数?|[^/]*预算数?\s*[-−－]\s*决算数?)[)）]|(?:^|\/)差额$/, ['value', 'change']);
  const budgetLessActual = diffCol !== undefined && /预算数?\s*[-−－]\s*决算/.test(table.columns[diffCol].headerPath.join('/'));
  // (`完成年初预算 | 完成全年预算`: every rate column, each of its own budget; `完成年初预算` is headed by the words alone, its cells in %.)
  const rateCols = table.columns.filter((c) => c.block === 0 && (c.role === 'rate' || c.role === 'value') && RATE_HEADER.test(c.headerPath.join('/'))).map((c) => c.index);
  if (actualCol === undefined || (diffCol === undefined && rateCols.length === 0)) return;
  const budgetOf = (col: number | undefined) => {
    if (col === undefined) return undefined;
    // (What the table itself says it divides by: its 栏次 formula, `4=3/2`, or a note, `注：完成率=决算数÷调整预算数×100%`.)
    const stated = col !== diffCol ? statedRateBase(table, col) : undefined;
    if (stated !== undefined) return stated;
    const words = table.columns[col].headerPath.join('/');
    if (ADJUSTED_BUDGET.test(words)) return columnNamed(table, ADJUSTED_BUDGET, ['value']);
    // (A header naming no budget, `完成率（%）`, is of the 年初预算; so is one naming a bare 预算数 when the 年初 one is the table's
    // only budget: `年初预算 | 决算数 | 决算数与预算数差额`.)
    // (A 三公 table's one `预算数` column is the budget whatever it is called.)
    const initial = columnNamed(table, /年初预算/, ['value']) ?? onlyBudget(table);
    if (/年初预算/.test(words)) return initial;
    // (With both budgets beside it and neither named, `完成率`, `决算比预算增减`: the one its rows bear out.)
    const adjusted = columnNamed(table, ADJUSTED_BUDGET, ['value']);
    if (initial !== undefined && adjusted !== undefined) return budgetBorneOut(model, table, col, col === diffCol ? 'difference' : 'rate', actualCol, initial, adjusted);
    if (!/预算/.test(words.replace(/完成/, ''))) return initial;
    return initial !== undefined && adjusted === undefined ? initial : undefined;
  };
  const diffBudget = budgetOf(diffCol);
  const rateBudgets = rateCols.map(budgetOf);
  const rateReadable = table.unit === undefined || table.unit === '万元';
  for (const it of items(table)) {
    if (it.entry.block !== 0) continue;
    const actual = itemOperand(model, table, it, actualCol, '', true);
    if (!actual || actual.token === undefined) continue;
    if (diffCol !== undefined && diffBudget !== undefined) {
      const budget = itemOperand(model, table, it, diffBudget, '', true);
      emitSum(sink, {
        kind: 'sum',
        identity: 'comparison.difference',
        // (The 差额 is the derived figure: the one a total-style fix rewrites.)
        description: budgetLessActual
          ? l(`${itemName(it)}：差额 = 预算数 − 决算数`, `${itemName(it)}: difference = budget − actual`)
          : l(`${itemName(it)}：差额 = 决算数 − 预算数`, `${itemName(it)}: difference = actual − budget`),
        total: itemOperand(model, table, it, diffCol, '', true),
        parts: budgetLessActual ? [budget, actual] : [actual, budget],
        signs: [1, -1],
        anchor: it.entry.labelSpan,
      });
    }
    rateCols.forEach((rateCol, k) => {
      const budget = rateBudgets[k] === undefined ? undefined : itemOperand(model, table, it, rateBudgets[k]!, '', true);
      // (`127.08%` in the cell reads in any table; a bare `127.08` only in a 万元 one.)
      const percentCell = model.numbers[it.row.cells[rateCol]?.number ?? -1]?.unit === '%';
      const rate = percentCell ? rateOperand(model, it, rateCol, `${itemName(it)} · ${headerText(table, rateCol)}`) : rateReadable ? itemOperand(model, table, it, rateCol, '', true) : undefined;
      if (!budget || !rate || rate.token === undefined || isZero(budget) || !(rate.unit === '%' || rate.unit === undefined || rate.unit === '')) return;
      sink.add<CompletionClaim>({
        kind: 'completion',
        origin: 'table',
        identity: 'comparison.rate',
        description: l(`${itemName(it)}：完成率 = 决算数 / 预算数`, `${itemName(it)}: completion = actual / budget`),
        span: rate.span ?? actual.span!,
        actual,
        budget,
        rate,
      });
    });
  }
}
const RATE_HEADER = /完成率|执行率|完成(?:年初|全年|调整后?)?预算/;

/**
 * The column a rate column divides by, as the table states it: the 栏次 cell `4=3/2` (by the 栏次 numbers of the columns), or a
 * note naming the budget (`完成率=决算数÷调整预算数`). Undefined when it says nothing.
 */
function statedRateBase(table: Table, rateCol: number): number | undefined {
  const numbers = table.rows.find((r) => r.kind === 'column-numbers');
  const formula = numbers && /=\s*\d+\s*[/÷／]\s*(\d+)/.exec(numbers.cells[rateCol]?.text ?? '');
  if (formula) {
    const base = numbers!.cells.findIndex((c) => c.text.trim() === formula[1]);
    if (base >= 0 && table.columns[base]?.role === 'value') return base;
  }
  const note = table.notes?.map((n) => RATE_NOTE.exec(n.text)?.[1]).find(Boolean);
  return note ? columnNamed(table, note === '年初' ? /年初预算/ : ADJUSTED_BUDGET, ['value']) : undefined;
}
const RATE_NOTE = /(?:完成率|执行率)\s*[=＝]\s*(?:支出)?决算数?\s*[÷/／]\s*(年初|调整|全年)/;

/** The name column of a table of units or places (byUnit's): `单位名称`, `县（市、区）`, `学校名称`. */
export const UNIT_NAME_COLUMN = /单位|县|市|区|乡|镇|街道|社区|村|学校/;

/** A row naming no unit of the department: a total, a 其中 line, a numbered heading. */
const NO_UNIT_ROW = /^(?:其中|[（(]|[一二三四五六七八九十]+、|\d+[.．、])/;

/**
 * `单位名称 | 本年收入合计 | 本年支出合计 | 基本支出 | 项目支出 | “三公”经费`, one row a unit and a 合计 row (a department's figures
 * by unit, no 公开 table): each column's 合计 is the sum of the units, and each row's 支出合计 is its 基本支出 + 项目支出.
 */
function byUnit(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const nameCol = table.columns.find((c) => c.role === 'name');
  // (Or places money was shared out among: `乡镇（街道）`, `县（市、区）`, `学校名称`.)
  if (!nameCol || !UNIT_NAME_COLUMN.test(nameCol.headerPath.join('/'))) return;
  const list = items(table).filter((it) => it.entry.block === 0);
  const total = list.length > 2 && [list[0], list.at(-1)!].find((it) => /^(?:合计|总计)$/.test(itemLabel(it)));
  if (!total) return;
  const units = list.filter((it) => it !== total);
  if (units.some((it) => it.entry.code || itemLabel(it) === '' || NO_UNIT_ROW.test(itemLabel(it)))) return;
  // (People, posts, cars are counted: a column of them adds up exactly, not within rounding.)
  const counted = (col: number) => COUNTED_COLUMN.test(columnLabel(table, col));
  const cell = (it: Item, col: number) => {
    const o = itemOperand(model, table, it, col, '', true);
    return o && counted(col) ? asExact(o) : o;
  };
  for (const col of valueColumns(table, 0)) {
    // (A 序号 column numbers the units: nothing to add up; nor do averages, `生均支出（元）`, whose 合计 is the overall average.)
    // (Nor a standard each row applies, `补助标准（元/人）`.)
    if (/^(?:序号|编号|行次|栏次)$/.test(columnLabel(table, col)) || /生均|人均|户均|平均|单价|标准|定额|[率%％]|占比|比重/.test(columnLabel(table, col))) continue;
    emitSum(sink, {
      kind: 'sum',
      identity: 'by-unit.column',
      description: l(`${columnLabel(table, col)}：合计 = 各单位之和`, `${columnLabel(table, col)}: total = the sum of the units`),
      total: cell(total, col),
      parts: units.map((it) => cell(it, col)),
      anchor: total.entry.labelSpan,
    });
  }
  // (`行政编制 | 事业编制 | 编制合计`: a row's 合计 of a noun is the sum of the columns of that noun before it.)
  for (const col of valueColumns(table, 0)) {
    const noun = /^(.{2,6})(?:合计|小计|总数)$/.exec(columnLabel(table, col))?.[1];
    const parts = noun ? valueColumns(table, 0).filter((c) => c < col && columnLabel(table, c).endsWith(noun) && columnLabel(table, c) !== noun) : [];
    if (parts.length < 2) continue;
    for (const it of list) {
      emitSum(sink, {
        kind: 'sum',
        identity: 'by-unit.row',
        description: l(`${itemLabel(it)}：${columnLabel(table, col)} = ${parts.map((c) => columnLabel(table, c)).join(' + ')}`, `${itemLabel(it)}: ${columnLabel(table, col)} = the sum of its kinds`),
        total: cell(it, col),
        parts: parts.map((c) => cell(it, c)),
        anchor: it.entry.labelSpan,
      });
    }
  }
  const spending = findColumn(table, /支出合计$/, 0);
  const parts = [findColumn(table, /基本支出$/, 0), findColumn(table, /项目支出$/, 0)];
  if (spending !== undefined && parts.every((c): c is number => c !== undefined)) columnSums(model, table, sink, 'by-unit.row', spending, parts);
}

/** Columns of things counted, whole: 编制, 人数, 车辆 (辆), 台, 个. */
const COUNTED_COLUMN = /编制|人数|人员|职工|在职|退休|离休|[（(](?:人|名|辆|台|套|个|户|次)[)）]|辆数|车辆|数量|个数/;

/** `every`: only when each named part column is there. */
const ROW_SUMS: Partial<Record<Table['kind'], { identity: string; totalHeader: RegExp; parts?: RegExp[]; every?: true }>> = {
  T02: { identity: 'T02.1', totalHeader: /本年收入合计|(?:^|\/)(?:本年收入)?合计$/ },
  T03: { identity: 'T03.1', totalHeader: /本年支出合计|(?:^|\/)(?:本年支出)?合计$/ },
  T05: { identity: 'T05.1', totalHeader: /小计|合计/, parts: [/基本支出/, /项目支出/] },
  // (Laid out as 05 is, one row a code with `合计 | 人员经费 | 公用经费` columns: each row's 合计 is the sum of its two.)
  T06: { identity: 'T06.6', totalHeader: /(?:^|\/)(?:本年支出)?合计$/, parts: [/人员经费/, /公用经费/], every: true },
};

/** The row sums of a table: per row, the total column = Σ the part columns (all other value columns when not named). */
export function rowSumColumns(table: Table): Array<{ identity: string; totalCol: number; partCols: number[] }> {
  const spec = ROW_SUMS[table.kind];
  const totalCol = spec && findColumn(table, spec.totalHeader, 0);
  if (!spec || totalCol === undefined) return [];
  if (spec.parts) {
    const partCols = spec.parts.map((re) => findColumn(table, re, 0)).filter((c): c is number => c !== undefined && c !== totalCol);
    return partCols.length > 0 && (!spec.every || partCols.length === spec.parts.length) ? [{ identity: spec.identity, totalCol, partCols }] : [];
  }
  const { partCols, groups } = additiveColumns(table, valueColumns(table, 0).filter((c) => c !== totalCol));
  const sums = [{ identity: spec.identity, totalCol, partCols }];
  for (const g of groups) sums.push({ identity: spec.identity, totalCol: g.subtotal, partCols: g.parts });
  return sums.filter((sum) => sum.partCols.length > 0);
}

/**
 * The columns a row's total adds up: a `其中：…` column is a part of the column before it, not of the total, and a header
 * group with a 小计 (`基本支出 | 小计 | 人员经费 | 公用经费`) counts by its 小计, whose own parts are the group's other columns.
 */
function additiveColumns(table: Table, cols: number[]): { partCols: number[]; groups: Array<{ subtotal: number; parts: number[] }> } {
  const groupOf = (c: number) => (table.columns[c].headerPath.length > 1 ? table.columns[c].headerPath.slice(0, -1).join('/') : undefined);
  const bottom = (c: number) => table.columns[c].headerPath.at(-1) ?? '';
  const groups = new Map<string, { subtotal: number; parts: number[] }>();
  for (const c of cols) {
    const g = groupOf(c);
    if (g !== undefined && SUBTOTAL.test(bottom(c)) && !groups.has(g)) groups.set(g, { subtotal: c, parts: [] });
  }
  const partCols: number[] = [];
  for (const c of cols) {
    if (QIZHONG.test(bottom(c))) continue;
    const group = groups.get(groupOf(c) ?? '');
    if (group && group.subtotal !== c) group.parts.push(c);
    else partCols.push(c);
  }
  return { partCols, groups: [...groups.values()] };
}

const SUBTOTAL = /^(?:小计|合计)$/;
const QIZHONG = /^其中/;

/** Per row: the total column = Σ the part columns. */
function columnSums(model: DocumentModel, table: Table, sink: ClaimSink, identity: string, totalCol: number, partCols: number[]): void {
  if (partCols.length === 0) return;
  const names = partCols.length <= 8 ? partCols.map((c) => columnLabel(table, c)).join(' + ') : `Σ ${partCols.length} 列`;
  // The same relation on every row: only the row's name changes in the descriptions.
  const zh = `：${columnLabel(table, totalCol)} = ${names}`;
  const en = `: ${columnLabel(table, totalCol)} = ${names}`;
  const list = items(table);
  for (let i = 0; i < list.length; i++) {
    const it = list[i];
    if (it.entry.block !== 0 || (blankAt(table, it, totalCol) && allBlank(table, it, partCols))) continue;
    const name = itemName(it);
    emitSum(sink, {
      kind: 'sum',
      identity,
      description: l(name + zh, name + en),
      total: itemOperand(model, table, it, totalCol),
      parts: rowParts(model, table, it, partCols),
      anchor: it.entry.labelSpan,
      soft: table.blanksLost,
    });
  }
}

/**
 * A row's parts in `cols` for its own sum. A row whose figures' columns are not known (TableCell.unplaced) gives its
 * figures whatever column each is in: their sum is the row's.
 */
function rowParts(model: DocumentModel, table: Table, it: Item, cols: number[]): Array<Operand | undefined> {
  if (!cols.some((c) => it.row.cells[c]?.unplaced)) return partOperands(model, table, it, cols);
  const parts: Operand[] = [];
  for (const c of cols) {
    const n = it.row.cells[c]?.number;
    if (n !== undefined) parts.push(operand(model.numbers[n], `${itemName(it)}（栏次未定）`, table.unit));
  }
  return parts;
}

/** The item's cells in `cols` are all blank. */
function allBlank(table: Table, it: Item, cols: number[]): boolean {
  for (const c of cols) if (!blankAt(table, it, c)) return false;
  return true;
}

/** Items of a side between two rows (exclusive), labelled or numbered. */
function between(list: Item[], after: Item | undefined, before: Item | undefined): Item[] {
  const from = after ? after.row.index : -1;
  const to = before ? before.row.index : Infinity;
  return list.filter((it) => it.row.index > from && it.row.index < to && (it.entry.label !== '' || it.entry.lineNumber !== undefined));
}

/** Row labels of the two-sided tables; stacked layouts write `一、本年收入` … `收入总计`. */
// (公开04 also writes `财政拨款收入合计` / `本年财政拨款支出合计`.)
export const INCOME_TOTAL = /^(?:本年|(?:本年)?财政拨款)收入(合计)?$/;
/** The year's income total of a table that has one: `一、财政拨款收入` heading the 2016 公开01表's rows is a source, not it. */
export function incomeTotalOf(income: Item[]): Item | undefined {
  return findItem(income, /^本年收入(合计)?$/) ?? findItem(income, INCOME_TOTAL);
}
export const SPEND_TOTAL = /^(?:本年|(?:本年)?财政拨款)支出(合计)?$/;
export const GRAND_IN = /^(收入)?总计$/;
export const GRAND_OUT = /^(支出)?总计$/;

export interface Sides {
  income: Item[];
  spend: Item[];
  /** The income value column (the first of the income side). */
  inCol?: number;
  /** Income value columns: one side by side; every value column when the sides are stacked. */
  inCols: number[];
  outCols: number[];
  /** One block: the expenditure rows below the income 总计, in the same columns. */
  stacked: boolean;
}

/**
 * The income and expenditure sides of 01/04: two side-by-side blocks, or one block with the
 * expenditure rows stacked below the income 总计.
 */
export function sides(table: Table): Sides {
  const list = items(table);
  const twoBlocks = table.columns.some((c) => (c.block ?? 0) === 1);
  if (twoBlocks) {
    const inCol = valueColumns(table, 0)[0];
    return { income: list.filter((it) => it.entry.block === 0), spend: list.filter((it) => it.entry.block === 1), inCol, inCols: inCol === undefined ? [] : [inCol], outCols: valueColumns(table, 1), stacked: false };
  }
  const firstTotal = list.findIndex((it) => GRAND_IN.test(itemLabel(it)));
  const cut = firstTotal < 0 ? list.length : firstTotal + 1;
  const cols = valueColumns(table, 0);
  return { income: list.slice(0, cut), spend: list.slice(cut), inCol: cols[0], inCols: cols, outCols: cols, stacked: true };
}

const TOP_ORDINAL = /^[一二三四五六七八九十]+[、.．]/;
const SIDE_HEADING = /^[一二三四五六七八九十]+[、.．]\s*(?:收入|支出)(?:部分|项目|情况)?$/;
const SUB_ORDINAL = /^([（(][一二三四五六七八九十\d]+[)）]|其中[:：]?|\d+[.、．])/;

/**
 * The rows a subtotal adds up: the labelled rows above it on its side, or, when it heads its parts
 * (`一、本年收入` over `（一）一般公共预算财政拨款` …), the sub-numbered rows below it.
 */
export function partsOf(side: Item[], total: Item | undefined): Item[] {
  if (!total) return [];
  // (`一、收入` / `（一）一般公共预算财政拨款收入…` / `本年收入合计` in a stacked 公开01表: a row naming a side only heads it.)
  const above = between(side, undefined, total).filter((it) => it.entry.label !== '' && !SIDE_HEADING.test(it.entry.label));
  // (Sub-numbered rows and `其中` rows under numbered ones are their parts' breakdowns, not more parts:
  // `一、财政拨款收入` over `其中：政府性基金预算财政拨款` in the older 01 table.)
  const breakdown = breakdownRows(above);
  if (above.some((it) => TOP_ORDINAL.test(it.entry.label))) return above.filter((it) => !SUB_ORDINAL.test(it.entry.label) && !breakdown.has(it));
  if (above.length) return above.filter((it) => !breakdown.has(it));
  const out: Item[] = [];
  for (let i = side.indexOf(total) + 1; i < side.length && SUB_ORDINAL.test(side[i].entry.label); i++) out.push(side[i]);
  // (`其中：政府性基金` alone under `一、财政拨款收入`: a part named, not the breakdown.)
  return out.every((it) => /^其中/.test(it.entry.label)) ? [] : out;
}

/**
 * `其中：事业收入` and the indented rows right after it (`　　　上级补助收入`): one breakdown of the row above, written once with 其中.
 */
function breakdownRows(items: Item[]): Set<Item> {
  const out = new Set<Item>();
  let open = false;
  for (const it of items) {
    if (/^其中/.test(it.entry.label)) open = true;
    else if (!open || TOP_ORDINAL.test(it.entry.label) || !(labelIndent(it) > 0)) open = false;
    if (open) out.add(it);
  }
  return out;
}

function labelIndent(it: Item): number {
  const at = it.entry.labelSpan?.start;
  return it.row.cells.find((c) => c.span.start === at)?.indent ?? 0;
}

/** The by-fund rows right under a 结转和结余 row (行29–31 / 61–63). */
function fundRows(side: Item[], head: Item | undefined): Item[] {
  if (!head) return [];
  const out: Item[] = [];
  for (let i = side.indexOf(head) + 1; i < side.length && FUNDS.some((f) => f.re.test(side[i].entry.label)); i++) out.push(side[i]);
  return out;
}

function sumOf(model: DocumentModel, table: Table, sink: ClaimSink, identity: string, total: Item | undefined, parts: Item[], col: number | undefined, what: Localized, signs?: number[]): void {
  if (!total || col === undefined || parts.length === 0) return;
  emitSum(sink, {
    kind: 'sum',
    identity,
    description: what,
    total: itemOperand(model, table, total, col),
    parts: parts.map((p) => itemOperand(model, table, p, col)),
    signs,
    anchor: total.entry.labelSpan,
  });
}

/** A cell with nothing in it (not `0.00`, not a dash). */
function cellIsBlank(cell: { text: string } | undefined): boolean {
  return cell === undefined || cell.text.trim() === '';
}

function t01(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const { income, spend, inCol, outCols, stacked } = sides(table);
  t01Columns(model, table, sink, income, spend, inCol, outCols[0], undefined);
  // (`项目 | 行次 | 本年数 | 上年数 || 项目 | 行次 | 本年数 | 上年数`: last year's columns balance as this year's do.)
  if (stacked) return;
  const lastYears = (block: number) => table.columns.findIndex((c, i) => (c.block ?? 0) === block && LAST_YEARS_COLUMN.test(columnLabel(table, i)));
  const [lastIn, lastOut] = [lastYears(0), lastYears(1)];
  if (lastIn < 0 || lastOut < 0) return;
  t01Columns(model, table, sink, income, spend, lastIn, lastOut, columnLabel(table, lastIn));
  // (Last year's 年末结转和结余 is this year's 年初: soft, a report may restate the opening balance.)
  const opening = findItem(income, OPENING_BALANCE);
  const closing = findItem(spend, /^年末结转和结余/);
  if (opening && closing && inCol !== undefined) {
    emitPair(sink, {
      kind: 'equal',
      // (Checked as two figures that must agree, the way two tables are.)
      origin: 'cross-table',
      identity: 'T01.6',
      description: l('年初结转和结余 = 上年年末结转和结余', '年初结转和结余 = last year\'s 年末结转和结余'),
      a: itemOperand(model, table, opening, inCol),
      b: itemOperand(model, table, closing, lastOut),
      soft: true,
    });
  }
}
const LAST_YEARS_COLUMN = /上年|上期|去年/;

function t01Columns(model: DocumentModel, table: Table, sink: ClaimSink, income: Item[], spend: Item[], inCol: number | undefined, outCol: number | undefined, column: string | undefined): void {
  const incomeTotal = incomeTotalOf(income);
  const spendTotal = findItem(spend, SPEND_TOTAL);
  const grandIn = findItem(income, GRAND_IN);
  const grandOut = findItem(spend, GRAND_OUT);
  const sources = partsOf(income, incomeTotal);
  const classes = partsOf(spend, spendTotal);
  const of = (what: Localized): Localized => (column ? l(`${what['zh-cn']}（${column}）`, `${what.en} (${column})`) : what);
  sumOf(model, table, sink, 'T01.1', incomeTotal, sources, inCol, of(l('本年收入合计 = 各项收入（行1–8）之和', '本年收入合计 = the income rows 1–8')));
  sumOf(model, table, sink, 'T01.2', spendTotal, classes, outCol, of(l('本年支出合计 = 各类支出之和', '本年支出合计 = the 类 expenditure rows')));
  // (`用事业基金弥补收支差额`: the older templates' name of 使用非财政拨款结余.)
  const inExtra = [incomeTotal, findItem(income, /使用非财政拨款结余|用事业基金弥补收支差额/), findItem(income, OPENING_BALANCE)].filter((x): x is Item => !!x);
  const outExtra = [spendTotal, findItem(spend, /^结余分配/), findItem(spend, CLOSING_BALANCE)].filter((x): x is Item => !!x);
  // (Without this year's total row the carry-overs alone are no breakdown of 总计.)
  if (incomeTotal) sumOf(model, table, sink, 'T01.3', grandIn, inExtra, inCol, of(l('总计（收入）= 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', '总计 (income) = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余')));
  if (spendTotal) sumOf(model, table, sink, 'T01.4', grandOut, outExtra, outCol, of(l('总计（支出）= 本年支出合计 + 结余分配 + 年末结转和结余', '总计 (expenditure) = 本年支出合计 + 结余分配 + 年末结转和结余')));
  if (grandIn && grandOut && inCol !== undefined && outCol !== undefined) {
    emitSum(sink, {
      kind: 'sum',
      identity: 'T01.5',
      description: of(l('收入总计 = 支出总计', 'total income = total expenditure (总计)')),
      total: itemOperand(model, table, grandOut, outCol, '支出 '),
      parts: [itemOperand(model, table, grandIn, inCol, '收入 ')],
      anchor: grandOut.entry.labelSpan,
    });
  }
}

const FUNDS = [
  { re: GENERAL_BUDGET, zh: '一般公共预算', en: 'general budget' },
  { re: /政府性基金/, zh: '政府性基金', en: 'government funds' },
  { re: /国有资本经营/, zh: '国有资本经营', en: 'state capital' },
];

function t04(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const { income, spend, inCol, inCols, outCols, stacked } = sides(table);
  const spendBlock = spend[0]?.entry.block ?? 1;
  const totalCol = findColumn(table, /合计/, spendBlock) ?? outCols[0];
  const fundCols = FUNDS.map((f) => findColumn(table, f.re, spendBlock));
  const incomeTotal = findItem(income, INCOME_TOTAL);
  const spendTotal = findItem(spend, SPEND_TOTAL);
  const grandIn = findItem(income, GRAND_IN);
  const grandOut = findItem(spend, GRAND_OUT);
  const opening = findItem(income, FISCAL_OPENING_BALANCE);
  const closing = findItem(spend, FISCAL_CLOSING_BALANCE);
  const sources = partsOf(income, incomeTotal);
  const classes = partsOf(spend, spendTotal);
  const openingSubs = fundRows(income, opening);
  const closingSubs = fundRows(spend, closing);
  for (const col of inCols) {
    // Stacked sides carry every fund column on the income rows too.
    const c = inCols.length > 1 ? columnLabel(table, col) : undefined;
    const zh = (s: string) => (c ? `${s}（${c}）` : s);
    const en = (s: string) => (c ? `${s} (${c})` : s);
    sumOf(model, table, sink, 'T04.1', incomeTotal, sources, col, l(zh('本年收入合计 = 三项财政拨款收入之和'), en('本年收入合计 = the three 财政拨款 incomes')));
    if (opening) sumOf(model, table, sink, 'T04.2', opening, openingSubs, col, l(zh('年初财政拨款结转和结余 = 分资金来源之和'), en('年初财政拨款结转和结余 = its rows by fund')));
    if (incomeTotal) sumOf(model, table, sink, 'T04.3', grandIn, [incomeTotal, opening].filter((x): x is Item => !!x), col, l(zh('总计（收入）= 本年收入合计 + 年初财政拨款结转和结余'), en('总计 (income) = 本年收入合计 + 年初财政拨款结转和结余')));
  }
  // (`总计 | 64 | 39.06 |  |  |` under `合计 | 一般公共预算财政拨款 | …`: a row whose split by fund is left blank, all of it, states no
  // split; its fund columns' identities have nothing to check.)
  const fundParts = fundCols.filter((c): c is number => c !== undefined && c !== totalCol);
  const splitLeftBlank = (it: Item | undefined) =>
    it !== undefined && totalCol !== undefined && fundParts.length > 0 && fundParts.every((c) => cellIsBlank(it.row.cells[c])) && !cellIsBlank(it.row.cells[totalCol]);
  const grandOutUnsplit = splitLeftBlank(grandOut);
  for (const col of outCols) {
    const c = columnLabel(table, col);
    if (grandOutUnsplit && col !== totalCol) continue;
    if (closing) sumOf(model, table, sink, 'T04.2', closing, closingSubs, col, l(`年末财政拨款结转和结余 = 分资金来源之和（${c}）`, `年末财政拨款结转和结余 = its rows by fund (${c})`));
    sumOf(model, table, sink, 'T04.5', spendTotal, classes, col, l(`本年支出合计 = 各类支出之和（${c}）`, `本年支出合计 = the 类 rows (${c})`));
    if (spendTotal) sumOf(model, table, sink, 'T04.6', grandOut, [spendTotal, closing].filter((x): x is Item => !!x), col, l(`总计（支出）= 本年支出合计 + 年末财政拨款结转和结余（${c}）`, `总计 (expenditure) = 本年支出合计 + 年末财政拨款结转和结余 (${c})`));
  }
  // T04.4: per row, 合计 = the three funds (the expenditure rows; every row when stacked).
  const parts = fundParts;
  if (totalCol !== undefined && parts.length > 0) {
    for (const it of stacked ? [...income, ...spend] : spend) {
      if (splitLeftBlank(it)) continue;
      emitSum(sink, {
        kind: 'sum',
        identity: 'T04.4',
        description: l(`${itemName(it)}：合计 = 一般公共预算 + 政府性基金 + 国有资本经营`, `${itemName(it)}: 合计 = the three funds`),
        total: itemOperand(model, table, it, totalCol),
        parts: rowParts(model, table, it, parts),
        anchor: it.entry.labelSpan,
        soft: table.blanksLost,
      });
    }
  }
  if (grandIn && grandOut) {
    // T04.7: income 总计 = expenditure 总计 (column by column when stacked).
    const pairs: Array<[number | undefined, number | undefined]> = stacked ? outCols.map((c) => [c, c]) : [[inCol, totalCol]];
    for (const [a, b] of pairs) {
      if (a === undefined || b === undefined) continue;
      emitSum(sink, {
        kind: 'sum',
        identity: 'T04.7',
        description: l('收入总计 = 支出总计', 'total income = total expenditure (总计)'),
        total: itemOperand(model, table, grandOut, b, '支出 '),
        parts: [itemOperand(model, table, grandIn, a, '收入 ')],
        anchor: grandOut.entry.labelSpan,
      });
    }
  }
  // T04.8: per fund, 年初 + 本年收入 = 本年支出 + 年末.
  FUNDS.forEach((fund, i) => {
    const col = fundCols[i];
    if (col === undefined || !spendTotal || inCol === undefined) return;
    // Side by side the fund is a row of the income side; stacked it is the fund's column.
    const source = stacked ? incomeTotal : sources.find((s) => fund.re.test(s.entry.label));
    const open = stacked ? opening : openingSubs.find((s) => fund.re.test(s.entry.label));
    const at = stacked ? col : inCol;
    // (A 年初 total without its rows by fund: each fund's share of it is unknown, so its balance is too.)
    const openingTotal = !stacked && !open && opening ? itemOperand(model, table, opening, inCol) : undefined;
    if (openingTotal && !isZero(openingTotal)) return;
    const parts2: Array<Operand | undefined> = [];
    const signs: number[] = [];
    if (open) {
      parts2.push(itemOperand(model, table, open, at, '年初 '));
      signs.push(1);
    }
    if (source) {
      parts2.push(itemOperand(model, table, source, at, '收入 '));
      signs.push(1);
    }
    if (closing) {
      parts2.push(itemOperand(model, table, closing, col));
      signs.push(-1);
    }
    if (!source) return;
    emitSum(sink, {
      kind: 'sum',
      identity: 'T04.8',
      description: l(`${fund.zh}：年初结转 + 本年收入 − 年末结转 = 本年支出`, `${fund.en}: opening + income − closing = expenditure`),
      total: itemOperand(model, table, spendTotal, col),
      parts: parts2,
      signs,
      anchor: spendTotal.entry.labelSpan,
    });
  });
}

function t06(model: DocumentModel, table: Table, sink: ClaimSink): void {
  for (const { identity, totalCol, partCols } of rowSumColumns(table)) columnSums(model, table, sink, identity, totalCol, partCols);
  const list = items(table);
  const byCode = indexByCode(table);
  const groups = [
    { identity: 'T06.4', total: /^人员经费(合计)?$/, codes: ['301', '303'], zh: '人员经费合计 = 301 + 303', en: '人员经费合计 = 301 + 303' },
    { identity: 'T06.5', total: /^公用经费(合计)?$/, codes: ['302', '307', '309', '310', '312', '399'], zh: '公用经费合计 = 302 + 307 + 309 + 310 + 312 + 399', en: '公用经费合计 = 302 + 307 + 309 + 310 + 312 + 399' },
  ];
  for (const g of groups) {
    const total = findItem(list, g.total);
    if (!total) continue;
    const parts = g.codes.map((c) => classValue(model, table, byCode, c)).filter((x): x is Operand => !!x);
    if (parts.length === 0) continue;
    emitSum(sink, {
      kind: 'sum',
      identity: g.identity,
      description: l(g.zh, g.en),
      total: entryValue(model, table, total),
      parts,
      anchor: total.entry.labelSpan,
    });
  }
}

/**
 * A 经济分类 类's value in a one-value-column table (公开06, 10): its row's, or, when the table lists its 款 without the 类
 * row (`30201 办公费 …` with no `302` row), the sum of those.
 */
export function classValue(model: DocumentModel, table: Table, byCode: Map<string, Item>, code: string): Operand | undefined {
  const row = byCode.get(code);
  if (row) return entryValue(model, table, row);
  const children: Operand[] = [];
  for (const [c, it] of byCode) {
    if (c.length !== code.length + 2 || !c.startsWith(code)) continue;
    const value = entryValue(model, table, it);
    if (value) children.push(value);
  }
  return children.length > 0 ? sumOperand(children, `${tableName(table)} ${code}xx 之和`, children[0].span) : undefined;
}

/** The single value of an entry in a one-value-column block (公开06, 10), labelled without the column. */
export function entryValue(model: DocumentModel, table: Table, it: Item, prefix = ''): Operand | undefined {
  // (`预算数 | 决算数` in a 公开10表: the entry's figure is its 决算.)
  const cols = it.entry.valueCols;
  const col = cols.length > 1 ? cols.find((c) => /决算/.test(headerText(table, c)) && !/预算/.test(headerText(table, c))) ?? cols[0] : cols[0];
  if (col === undefined) return undefined;
  return cellOperand(model, table, it.row, col, `${prefix}${itemName(it)}`);
}

/** The columns of a fund table that rolls its balance forward (07, 08, and 05's 收入支出 variant). */
function balanceColumns(table: Table) {
  return {
    opening: findColumn(table, /年初/, 0),
    income: findColumn(table, /本年收入/, 0),
    spend: findColumn(table, /本年支出.*(小计|合计)|本年支出$/, 0),
    basic: findColumn(table, /基本支出/, 0),
    project: findColumn(table, /项目支出/, 0),
    closing: findColumn(table, /年末/, 0),
  };
}

function t07(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const cols = balanceColumns(table);
  if (cols.spend !== undefined && cols.basic !== undefined && cols.project !== undefined) {
    for (const it of items(table)) {
      if (it.entry.block !== 0) continue;
      emitSum(sink, {
        kind: 'sum',
        identity: 'T07.1',
        description: l(`${itemName(it)}：本年支出小计 = 基本支出 + 项目支出`, `${itemName(it)}: 本年支出 小计 = 基本支出 + 项目支出`),
        total: itemOperand(model, table, it, cols.spend),
        parts: [itemOperand(model, table, it, cols.basic), itemOperand(model, table, it, cols.project)],
        anchor: it.entry.labelSpan,
      });
    }
  }
  rollForward(model, table, sink, 'T07.2', cols);
}

/** Per row: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出, when the table has the four columns. */
function rollForward(model: DocumentModel, table: Table, sink: ClaimSink, identity: string, cols: ReturnType<typeof balanceColumns>): void {
  const { opening, income, spend, closing } = cols;
  if (opening === undefined || income === undefined || spend === undefined || closing === undefined) return;
  for (const it of items(table)) {
    if (it.entry.block !== 0) continue;
    emitSum(sink, {
      kind: 'sum',
      identity,
      description: l(`${itemName(it)}：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出`, `${itemName(it)}: closing = opening + income − expenditure`),
      total: itemOperand(model, table, it, closing),
      parts: [itemOperand(model, table, it, opening), itemOperand(model, table, it, income), itemOperand(model, table, it, spend)],
      signs: [1, 1, -1],
      anchor: it.entry.labelSpan,
    });
  }
}

function t09(model: DocumentModel, table: Table, sink: ClaimSink): void {
  transposedSangongRows(model, table, sink);
  for (const record of sangongRecords(table)) {
    const op = (n: number) => {
      const cell = record.get(n);
      return cell === undefined ? undefined : cellOperand(model, table, cell.row, cell.col, cell.label);
    };
    for (const base of [0, 6]) {
      const half = base === 0 ? l('预算数', 'budget') : l('决算数', 'actual');
      if (record.has(base + 1) && record.has(base + 6)) {
        // (`合计 | 因公出国（境）费 | 公务用车购置费 | 公务用车运行维护费 | 公务接待费`: no 公务用车 小计, its two parts instead.)
        const vehicles = record.has(base + 3) || !record.has(base + 4) || !record.has(base + 5) ? [op(base + 3)] : [op(base + 4), op(base + 5)];
        emitSum(sink, {
          kind: 'sum',
          identity: 'T09.1',
          description: l(`“三公”经费${half['zh-cn']}：合计 = 因公出国（境）费用 + 公务用车购置及运行维护费 + 公务接待费`, `三公 ${half.en}: total = overseas trips + vehicles + hospitality`),
          total: op(base + 1),
          parts: [op(base + 2), ...vehicles, op(base + 6)],
        });
      }
      if (record.has(base + 3) && record.has(base + 5)) {
        emitSum(sink, {
          kind: 'sum',
          identity: 'T09.2',
          description: l(`“三公”经费${half['zh-cn']}：公务用车购置及运行维护费 = 购置费 + 运行维护费`, `三公 ${half.en}: vehicles = purchase + operation`),
          total: op(base + 3),
          parts: [op(base + 4), op(base + 5)],
        });
      }
    }
  }
}

function t11(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const f = t11Figures(model, table);
  if (!f) return;
  if (f.total && (f.goods || f.works || f.services)) {
    emitSum(sink, {
      kind: 'sum',
      identity: 'T11.1',
      description: l('政府采购支出合计 = 货物 + 工程 + 服务', '政府采购 total = goods + works + services'),
      total: f.total,
      parts: [f.goods, f.works, f.services].filter((x): x is Operand => !!x),
      anchor: f.anchor,
    });
  }
  emitPair(sink, { kind: 'le', origin: 'table', identity: 'T11.2', description: l('授予小微企业合同金额 ≤ 授予中小企业合同金额', 'contracts to micro/small firms ≤ contracts to SMEs'), a: f.micro, b: f.sme });
  emitPair(sink, {
    kind: 'le',
    origin: 'table',
    identity: 'T11.3',
    description: l('授予中小企业合同金额 ≤ 政府采购支出合计（合同金额可跨年，仅提示）', 'contracts to SMEs ≤ 政府采购 total (contracts may span years: warning only)'),
    a: f.sme,
    b: f.total,
    soft: true,
  });
}

interface ProcurementFigures {
  total?: Operand;
  goods?: Operand;
  works?: Operand;
  services?: Operand;
  sme?: Operand;
  micro?: Operand;
  anchor?: Span;
}

/**
 * 公开11's six figures: a row each, by name or 行次; or one row of figures under the six names (the wide layout,
 * `政府采购支出总额 | 政府采购货物支出 | … | 其中：授予小微企业合同金额`).
 */
function t11Figures(model: DocumentModel, table: Table): ProcurementFigures | undefined {
  const list = items(table);
  const col = valueColumns(table, 0)[0];
  const byLine = (n: string) => list.find((it) => it.entry.lineNumber === n);
  const find = (re: RegExp, line: string) => list.find((it) => re.test(itemLabel(it))) ?? byLine(line);
  // (A row named by the kind it opens with, not a unit's name holding the word: `区建设工程质量安全监督站`, `…补偿服务中心`.)
  const kind = (word: string) => new RegExp(`^(?:[（(]?[一二三四五六七八九十\\d]{1,2}[)）.、．]?\\s*)?(?:其中[：:]?)?(?:政府采购|授予)?${word}`);
  const total = find(/政府采购(?:支出)?(?:合计|总额|总计)|^(?:合计|总额|总计)$/, '1');
  if (total && col !== undefined) {
    const op = (it: Item | undefined) => (it ? itemOperand(model, table, it, col) : undefined);
    return { total: op(total), goods: op(find(kind('货物'), '2')), works: op(find(kind('工程'), '3')), services: op(find(kind('服务'), '4')), sme: op(find(kind('中小企业'), '5')), micro: op(find(kind('小微企业'), '6')), anchor: total.entry.labelSpan };
  }
  const row = table.rows.find((r) => r.kind === 'data' || r.kind === 'total');
  const columns = procurementColumns(table);
  if (!row || !columns) return undefined;
  const at = (figure: ProcurementFigure) => {
    const c = columns.get(figure);
    return c === undefined ? undefined : cellOperand(model, table, row, c, `${tableName(table)} ${columnLabel(table, c)}`);
  };
  return { total: at('total'), goods: at('goods'), works: at('works'), services: at('services'), sme: at('sme'), micro: at('micro'), anchor: row.cells[columns.get('total')!]?.span };
}
