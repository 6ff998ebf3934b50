// Reading the parsed tables for the identities: cells as operands, rows by code or label, columns by
// header words. Shared by the table, cross-table and performance claims and by findTableValue.
import { exact, operand, sumOperand } from '../../arith/interval';
import { isZero } from '../../arith/operand';
import { columnIndexes, type TableEntry } from '../../model/tables';
import { memoizeString } from '../../text/memo';
import type { DocumentModel, Operand, StandardTableId, Table, TableRow } from '../../types';
import { LintMemo } from '../../lint-memo';

export const TABLE_NAMES: Record<string, string> = {
  T01: '公开01表',
  T02: '公开02表',
  T03: '公开03表',
  T04: '公开04表',
  T05: '公开05表',
  T06: '公开06表',
  T07: '公开07表',
  T08: '公开08表',
  T09: '公开09表',
  T10: '公开10表',
  T11: '公开11表',
  performance: '绩效自评表',
};

/** Row label for matching: spaces, ordinals (一、 (一) 1.) and 其中： removed (memoised: labels repeat). */
export const normLabel = memoizeString(normalise, 10000);

function normalise(label: string): string {
  return label
    .replace(/[\s\u3000]|\*\*/g, '')
    // (An ordinal has its bracket or its 、: the 一 of 一般公共服务支出 is no ordinal.)
    .replace(/^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])/, '')
    .replace(/^[（(]\d+[)）]|^\d+[.、．]/, '')
    .replace(/^其中[:：]/, '')
    .replace(/[（(](类|款|项)[)）]$/, '');
}

/** A row entry with its row: what the identities address. */
export interface Item {
  row: TableRow;
  entry: TableEntry;
  /** itemName, once asked for: every operand of the row is labelled with it. */
  name?: string;
  /** normLabel of the entry's label, once asked for: look-ups test it again and again. */
  normalized?: string;
  /** Operand labels by column (`2101501 行政运行 · 本年支出合计`), once asked for: sums and roll-ups name a cell again and again. */
  labels?: string[];
  /**
   * Operands of the item's cells by column, as labelled by default (no prefix), once built: a row sum
   * and a roll-up read the same cell (null: the cell is no amount).
   */
  operands?: Array<Operand | null>;
}

/** The entry's label as look-ups match it (normLabel), normalised once per item. */
export function itemLabel(item: Item): string {
  return (item.normalized ??= normLabel(item.entry.label));
}

/** Code + label of an entry: `2101501 行政运行`, `本年收入合计`. */
export function itemName(item: Item): string {
  if (item.name === undefined) {
    const { code, label, lineNumber } = item.entry;
    const name = code && label ? `${code} ${label}` : code || label;
    item.name = name || (lineNumber ? `行次${lineNumber}` : `第${item.row.line + 1}行`);
  }
  return item.name;
}

/**
 * What the identities read of a table over and over, built once per table: its items, the value
 * columns of each block, each value column's position in its block, and the column labels.
 */
interface TableIndex {
  items?: Item[];
  byCode?: Map<string, Item>;
  codeTree?: CodeTree;
  valueColumns: Map<number | undefined, number[]>;
  /** Position of each value column within its block; −1 for other columns. */
  positions?: Int32Array;
  columnLabels: string[];
  /** Each column's header path joined by `/`, the text header patterns are tested on. */
  headerTexts: string[];
  /** By block: whether its operands name their column (it has more than one column of amounts). */
  namesColumns: Map<number | undefined, boolean>;
}

const indexes = new LintMemo<Table, TableIndex>();

function indexOf(table: Table): TableIndex {
  return indexes.of(table, emptyIndex);
}

function emptyIndex(): TableIndex {
  return { items: undefined, byCode: undefined, codeTree: undefined, valueColumns: new Map(), positions: undefined, columnLabels: [], headerTexts: [], namesColumns: new Map() };
}

const GENERIC = /^(合计|小计|金额|决算数|本年|项目)$/;

/**
 * Column label for operands: the bottom header, with its parent when the bottom is generic (本年支出
 * 小计). Cached per table: every cell operand of the column asks for it.
 */
export function columnLabel(table: Table, col: number): string {
  return (indexOf(table).columnLabels[col] ??= computeColumnLabel(table, col));
}

function computeColumnLabel(table: Table, col: number): string {
  const path = table.columns[col]?.headerPath ?? [];
  const number = table.columns[col]?.columnNumber;
  if (table.kind === 'T09' && number) {
    const half = Number(number) <= 6 ? '预算数' : '决算数';
    return `${half} ${path.at(-1) ?? ''}（栏${number}）`;
  }
  const bottom = path.at(-1);
  if (!bottom) return number ? `栏${number}` : `列${col + 1}`;
  if (GENERIC.test(bottom) && path.length > 1) return `${path.at(-2)} ${bottom}`;
  return bottom;
}

export function tableName(table: Table): string {
  return table.code ?? TABLE_NAMES[table.kind] ?? table.title ?? `表${table.id + 1}`;
}

/**
 * The cell as an operand in 万元 (the table's unit applies). Blank, `-`, `—` cells are exactly 0.
 * Undefined when the cell cannot be an amount: a shifted code or unreadable text.
 */
export function cellOperand(model: DocumentModel, table: Table, row: TableRow, col: number, label: string): Operand | undefined {
  const cell = row.cells[col];
  if (!cell) return exact(0, label, { start: row.span.end, end: row.span.end });
  if (cell.shiftedCode || cell.unreadable || cell.unplaced) return undefined;
  if (cell.number !== undefined) {
    const token = model.numbers[cell.number];
    if (token.unit === '%' || token.unit === 'count' || token.unit === 'score' || token.unit === 'year') return undefined;
    return operand(token, label, table.unit);
  }
  return exact(0, label, cell.span);
}

/** A row's rate cell (`127.08%`, or a bare number under a `(%)` header), read as written: rates are no amounts. */
export function rateOperand(model: DocumentModel, it: Item, col: number, label: string): Operand | undefined {
  const n = it.row.cells[col]?.number;
  return n === undefined ? undefined : operand(model.numbers[n], label);
}

/** A blank cell (implicit zero): no token. */
export function isBlank(o: Operand): boolean {
  return o.token === undefined && isZero(o);
}

/** A computed operand (Σ of cells in another table): value and tolerance add up, no token. */
export function derivedSum(parts: Operand[], label: string): Operand {
  return sumOperand(parts, label, parts.find((p) => !isBlank(p))?.span ?? parts[0]?.span);
}

/**
 * Entries of a table, in reading order (row by row, block by block); cached, because text ↔ table
 * look-ups ask for them once per prose number. Callers must not mutate the array.
 */
export function items(table: Table): Item[] {
  const index = indexOf(table);
  if (index.items) return index.items;
  const out: Item[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'data' && row.kind !== 'total') continue;
    for (const entry of row.entries ?? []) out.push({ row, entry, name: undefined, normalized: undefined, labels: undefined, operands: undefined });
  }
  return (index.items = out);
}

/** Rows of a table by normalised code (first occurrence wins); built once per table, callers must not mutate it. */
export function indexByCode(table: Table): Map<string, Item> {
  const index = indexOf(table);
  if (index.byCode) return index.byCode;
  const map = new Map<string, Item>();
  for (const it of items(table)) if (it.entry.code && !map.has(it.entry.code)) map.set(it.entry.code, it);
  return (index.byCode = map);
}

/** Rows by their nearest stated ancestor (2080505 → 20805 → 208); rows without one are the top rows, under 合计. */
export interface CodeTree {
  children: Map<string, Item[]>;
  top: Item[];
}

/**
 * The rows of a table by code as a tree, in one pass: a 项 whose 款 row is missing counts under its 类, a row without any
 * ancestor under 合计. Built once per table (roll-ups, unfilled rows and truncation read it); callers must not mutate it.
 */
export function codeTree(table: Table): CodeTree {
  const index = indexOf(table);
  if (index.codeTree) return index.codeTree;
  const byCode = indexByCode(table);
  const children = new Map<string, Item[]>();
  const top: Item[] = [];
  for (const it of byCode.values()) {
    const code = it.entry.code!;
    let parent: string | undefined;
    for (let len = code.length - 2; len >= 3 && !parent; len -= 2) {
      const prefix = code.slice(0, len);
      if (byCode.has(prefix)) parent = prefix;
    }
    if (!parent) top.push(it);
    else {
      const kids = children.get(parent);
      if (kids) kids.push(it);
      else children.set(parent, [it]);
    }
  }
  return (index.codeTree = { children, top });
}

export function findItem(list: Item[], label: RegExp, block?: number): Item | undefined {
  // (`人员经费` as a heading without figures over its items, then `人员经费合计 7024.57`: the row with a figure is the one meant.)
  let blank: Item | undefined;
  for (const it of list) {
    if ((block !== undefined && it.entry.block !== block) || !label.test(itemLabel(it))) continue;
    if (it.entry.valueCols.some((c) => it.row.cells[c]?.number !== undefined)) return it;
    blank ??= it;
  }
  return blank;
}

/** The grand-total row (合计 / 总计) of a single-block table. */
export function totalItem(list: Item[]): Item | undefined {
  return list.find(isTotal);
}

/** Every 合计 / 总计 row entry (side-by-side blocks may each have their own). */
export function totalItems(list: Item[]): Item[] {
  return list.filter(isTotal);
}

const isTotal = (it: Item) => !it.entry.code && /^(合计|总计)$/.test(itemLabel(it));

/** The value column of a block whose header matches, or undefined. */
export function findColumn(table: Table, header: RegExp, block?: number): number | undefined {
  const found = table.columns.filter((c) => c.role === 'value' && (block === undefined || c.block === block) && header.test(headerText(table, c.index)));
  // (`年初预算数/小计 … 决算数/小计`: a budget column is the figure only when the header asked for a budget.)
  return (found.length > 1 && !header.source.includes('预算') ? found.find((c) => !BUDGET_HEADER.test(headerText(table, c.index))) : undefined)?.index ?? found[0]?.index;
}

/** A budget column's header (`年初预算数`, `调整预算数/小计`, `预算数`). */
const BUDGET_HEADER = /预算/;

/**
 * The column of a 公开05表's spending total: its 小计 / 合计, else the one 决算 (本年) column of a regional layout that
 * prints budgets or last year's figures beside it (`年初预算数 | 调整预算数 | 决算数 | …的%`, `上年决算数 | 本年决算数 | 增减额`).
 */
export function spendingTotalColumn(table: Table): number | undefined {
  const sub = findColumn(table, /小计|合计/, 0);
  // (A 小计 of the budget alone, beside a 决算数 with no 小计 of its own, is not the spending.)
  if (sub !== undefined && BUDGET_HEADER.test(headerText(table, sub))) return thisYearsActualColumn(table);
  if (sub !== undefined) return sub;
  return thisYearsActualColumn(table);
}

/** The one 决算 (本年) column of a table that prints budgets or last year's figures beside it. */
function thisYearsActualColumn(table: Table): number | undefined {
  const actual = valueColumns(table, 0).filter((c) => /决算|本年/.test(headerText(table, c)) && !/预算|增减/.test(headerText(table, c)));
  return actual.length === 1 ? actual[0] : undefined;
}

/** The header path of a column as one text (`本年支出/基本支出`), joined once per table. */
export function headerText(table: Table, col: number): string {
  return (indexOf(table).headerTexts[col] ??= table.columns[col].headerPath.join('/'));
}

/** Value columns of a block (or of the table), cached per table: operands ask for them per cell. */
export function valueColumns(table: Table, block?: number): number[] {
  const byBlock = indexOf(table).valueColumns;
  let cols = byBlock.get(block);
  if (!cols) {
    cols = columnIndexes(table.columns, 'value', block);
    byBlock.set(block, cols);
  }
  return cols;
}

/** First table of each kind. */
export function tablesByKind(model: DocumentModel): Map<StandardTableId, Table> {
  const map = new Map<StandardTableId, Table>();
  for (const t of model.tables) if (!map.has(t.kind) && t.columns.length <= 64 && !t.withdrawn && !t.lastYears) map.set(t.kind, t);
  return map;
}

/** Position of a value column within its block (cached: a table may have thousands of columns). */
function positionInBlock(table: Table, col: number): number {
  const index = indexOf(table);
  let positions = index.positions;
  if (!positions) {
    positions = index.positions = new Int32Array(table.columns.length).fill(-1);
    const seen = new Map<number | undefined, number>();
    for (const c of table.columns) {
      if (c.role !== 'value') continue;
      const k = seen.get(c.block) ?? 0;
      positions[c.index] = k;
      seen.set(c.block, k + 1);
    }
  }
  return col >= 0 && col < positions.length ? positions[col] : -1;
}

/** The cell an item holds for column `col`: its own value column at the same position when it moved. */
function actualColumn(table: Table, item: Item, col: number): number {
  const k = positionInBlock(table, col);
  return k >= 0 && item.entry.valueCols[k] !== undefined ? item.entry.valueCols[k] : col;
}

/** True when the item's cell in column `col` is blank (a cheap test before building operands). */
export function blankAt(table: Table, item: Item, col: number): boolean {
  const actual = actualColumn(table, item, col);
  const cell = item.row.cells[actual];
  return !cell || (cell.empty && !cell.unplaced);
}

/**
 * True when the item's operand for column `col` would be a blank (an exact zero without a token),
 * which a sum drops: sums test this before building an operand and its label.
 */
export function blankOperandAt(table: Table, item: Item, col: number): boolean {
  const cell = item.row.cells[actualColumn(table, item, col)];
  return !cell || (cell.number === undefined && !cell.shiftedCode && !cell.unreadable && !cell.unplaced);
}

/** Operand for an item's value in column `col` (the entry's own value column when it moved). */
export function itemOperand(model: DocumentModel, table: Table, item: Item, col: number, prefix = '', withColumn?: boolean): Operand | undefined {
  // A block with one column of amounts (01, 04 收入, 06, 10, 11) needs no column in the label; last year's figures
  // or the changes beside this year's are amounts too.
  const byDefault = namesColumns(table, item.entry.block);
  const named = withColumn ?? byDefault;
  if (prefix !== '' || named !== byDefault) return cellOperand(model, table, item.row, actualColumn(table, item, col), `${prefix}${named ? cellLabel(table, item, col) : itemName(item)}`);
  // (Operands never change once built, so the relations that read a cell share its operand.)
  const operands = (item.operands ??= new Array<Operand | null>(table.columns.length));
  const cached = operands[col];
  if (cached !== undefined) return cached ?? undefined;
  const built = cellOperand(model, table, item.row, actualColumn(table, item, col), named ? cellLabel(table, item, col) : itemName(item));
  operands[col] = built ?? null;
  return built;
}

/** Whether a block's operands name their column: it has more than one column of amounts (this year's, last year's, changes). */
export function namesColumns(table: Table, block: number | undefined): boolean {
  const index = indexOf(table);
  let named = index.namesColumns.get(block);
  if (named === undefined) {
    named = table.columns.filter((c) => c.block === block && (c.role === 'value' || c.role === 'prior' || c.role === 'change')).length !== 1;
    index.namesColumns.set(block, named);
  }
  return named;
}

/** Item name and column label: `2101501 行政运行 · 本年支出合计`. */
function cellLabel(table: Table, item: Item, col: number): string {
  // (Sized once: an empty array written at a column index would grow by steps.)
  return ((item.labels ??= new Array<string>(table.columns.length))[col] ??= `${itemName(item)} · ${columnLabel(table, col)}`);
}

/**
 * The operands of a sum's parts: the item's cells in `cols`, blanks left out (emitSum drops them
 * anyway; most cells of a row are blank, and their operands and labels would be thrown away).
 */
export function partOperands(model: DocumentModel, table: Table, item: Item, cols: number[]): Array<Operand | undefined> {
  const parts: Array<Operand | undefined> = [];
  for (const col of cols) if (!blankOperandAt(table, item, col)) parts.push(itemOperand(model, table, item, col));
  return parts;
}

/** 公开11表's six figures, as its wide layout's column names say them. */
export type ProcurementFigure = 'total' | 'goods' | 'works' | 'services' | 'sme' | 'micro';
const PROCUREMENT_NAMES: Array<[ProcurementFigure, RegExp]> = [
  ['micro', /小微/],
  ['sme', /中小企业/],
  ['goods', /货物/],
  ['works', /工程/],
  ['services', /服务/],
  ['total', /总额|合计/],
];

/**
 * The columns of 公开11表's wide layout (one row of figures under `政府采购支出总额 | 政府采购货物支出 | … | 其中：授予小微企业
 * 合同金额`): each value column naming one of the six figures and no other, the total and three more among them.
 * Undefined for any other layout, or a header read so badly that a column names two (`政府采购货物政府采购工程支出`).
 */
export function procurementColumns(table: Table): Map<ProcurementFigure, number> | undefined {
  const out = new Map<ProcurementFigure, number>();
  for (const c of table.columns) {
    if (c.role !== 'value') continue;
    const label = columnLabel(table, c.index);
    // (小微 is named under 中小企业's words: `其中：授予小微企业合同金额`.)
    const names = PROCUREMENT_NAMES.filter(([, re]) => re.test(label)).map(([name]) => name).filter((name, _, all) => !(name === 'sme' && all.includes('micro')));
    if (names.length > 1 || (names.length === 1 && out.has(names[0]))) return undefined;
    if (names.length === 1) out.set(names[0], c.index);
  }
  return out.has('total') && out.size >= 4 ? out : undefined;
}
