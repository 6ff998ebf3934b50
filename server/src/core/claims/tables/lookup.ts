// Finding one table cell by what a sentence names (table, row code or label, column words): the
// entry point for text ↔ table checks.
import type { DocumentModel, Span, StandardTableId, Table } from '../../types';
import { headerText, indexByCode, itemLabel, items, normLabel, procurementColumns, valueColumns, type Item, type ProcurementFigure } from './access';
import { sangongRecords } from './sangong';
import { LintMemo } from '../../lint-memo';

export interface TableValueQuery {
  /** Table kind(s) to search, in order. */
  kind: StandardTableId | StandardTableId[];
  /** Normalised row code (`2101501`, `30231`). */
  code?: string;
  /** Row label: a string matches the normalised label exactly (else as a substring), a RegExp is tested on it. */
  label?: string | RegExp;
  /** Codes of rows the label must not pick (`50501 工资福利支出`, the 政府预算支出经济分类's, for the 部门's 工资福利支出). */
  notCode?: RegExp;
  /** Words that must all occur in the column's header path (`['基本支出']`), or a 栏次 number (`'11'`). */
  column?: string[] | string;
  /** Words that must not occur in it (`小计` of 本年支出, not 基本支出's 小计 over 人员经费 | 公用经费). */
  notUnder?: string[];
  /** Side-by-side block (01/04: 0 = 收入, 1 = 支出). */
  block?: number;
  /**
   * A name that must pick one row: only an exact label, and when several rows carry it (一般行政管理事务
   * under every 款) only the one under the `parent` 款 row of that name; otherwise nothing.
   */
  unique?: { parent?: string; codeLength?: number };
  /** One of 公开11表's six figures in its wide layout (procurementColumns). */
  procurement?: ProcurementFigure;
  /** A table of a narrower scope asked only when the one of the figure's own is absent: a difference there only warns. */
  fallback?: boolean;
}

export interface TableValue {
  table: number;
  row: number;
  col: number;
  /** Token id of the cell's number; undefined for a blank cell (zero). */
  token?: number;
  span: Span;
  /** Blank, `-` or `—`: the table states zero. */
  empty: boolean;
  /** Row and column, e.g. `2101501 行政运行 · 本年支出合计`. */
  label: string;
}

function labelMatches(item: Item, label: string | RegExp | undefined, exact: boolean): boolean {
  if (label === undefined) return true;
  const name = itemLabel(item);
  if (label instanceof RegExp) return label.test(name);
  const wanted = normLabel(label);
  return exact ? name === wanted : name.includes(wanted);
}

const byLabel = new LintMemo<Table, Map<string, Item[]>>();

/** Entries of a table by normalised label, built once per table: exact look-ups are O(1). */
function labelIndex(table: Table): Map<string, Item[]> {
  return byLabel.of(table, () => {
    const index = new Map<string, Item[]>();
    for (const it of items(table)) {
      const name = itemLabel(it);
      const list = index.get(name);
      if (list) list.push(it);
      else index.set(name, [it]);
    }
    return index;
  });
}

/** The cell the query names, or undefined. Cells that are shifted codes, unreadable text or unplaced are never returned. */
export function findTableValue(model: DocumentModel, query: TableValueQuery): TableValue | undefined {
  // (Loops without closures or intermediate lists: the prose asks once per figure it names.)
  const kinds = query.kind;
  const count = Array.isArray(kinds) ? kinds.length : 1;
  for (let k = 0; k < count; k++) {
    const kind = Array.isArray(kinds) ? kinds[k] : kinds;
    for (const table of model.tables) {
      if (table.kind !== kind || table.withdrawn || table.lastYears) continue;
      if (kind === 'T09' && typeof query.column === 'string' && query.code === undefined && query.label === undefined) {
        // 公开09 by 栏次 number, whatever its layout (transposed, header words only, 决算数 only).
        const cell = sangongRecords(table)[0]?.get(Number(query.column));
        if (!cell) continue;
        const c = cell.row.cells[cell.col];
        if (c?.shiftedCode || c?.unreadable) continue;
        return { table: table.id, row: cell.row.index, col: cell.col, token: c?.number, span: c ? c.span : { start: cell.row.span.end, end: cell.row.span.end }, empty: c ? c.empty : true, label: cell.label };
      }
      if (query.procurement) {
        const col = procurementColumns(table)?.get(query.procurement);
        const row = table.rows.find((r) => r.kind === 'data' || r.kind === 'total');
        const cell = col === undefined ? undefined : row?.cells[col];
        if (!row || !cell || cell.shiftedCode || cell.unreadable) continue;
        return { table: table.id, row: row.index, col: col!, token: cell.number, span: cell.span, empty: cell.empty, label: table.columns[col!]?.headerPath.at(-1) ?? '' };
      }
      if (query.unique) {
        const value = uniqueValue(model, table, query);
        if (value === undefined) continue;
        if (value) return value;
        continue;
      }
      const label = query.label;
      let value: TableValue | null | undefined;
      if (typeof label === 'string') {
        const wanted = normLabel(label);
        value = firstValue(table, labelIndex(table).get(wanted) ?? NONE, query, undefined);
        // No row of that exact name: a row whose name contains it.
        if (value === undefined) value = firstValue(table, items(table), query, wanted);
      } else {
        value = firstValue(table, items(table), query, undefined);
      }
      if (value) return value;
      // Tables without row labels (公开09): the first data row.
      if (value === undefined && query.code === undefined && label === undefined) {
        const row = table.rows.find((r) => r.kind === 'data' || r.kind === 'total');
        if (!row) continue;
        const valueCols = valueColumns(table);
        const entry = { block: 0, code: undefined, codeRecovered: undefined, label: '', labelSpan: undefined, lineNumber: undefined, valueCols };
        const first: Item = { row, entry, name: undefined, normalized: undefined, labels: undefined, operands: undefined };
        const v = valueAt(table, first, query);
        if (v) return v;
      }
    }
  }
  return undefined;
}

const NONE: Item[] = [];

/**
 * The value of the first item of `list` that the query names (its block, code, and a RegExp label;
 * `contains`: a label containing that text), which has a readable cell in the query's column. Null
 * when items matched but none has one, undefined when none matched.
 */
function firstValue(table: Table, list: Item[], query: TableValueQuery, contains: string | undefined): TableValue | null | undefined {
  let matched = false;
  for (const it of list) {
    if (query.block !== undefined && it.entry.block !== query.block) continue;
    if (query.code !== undefined && it.entry.code !== query.code) continue;
    if (query.notCode && it.entry.code !== undefined && query.notCode.test(it.entry.code)) continue;
    if (query.label instanceof RegExp && !query.label.test(itemLabel(it))) continue;
    if (contains !== undefined && !itemLabel(it).includes(contains)) continue;
    matched = true;
    const value = valueAt(table, it, query);
    if (value) return value;
  }
  return matched ? null : undefined;
}

/** The same for a query that must pick one row (`unique`). */
function uniqueValue(model: DocumentModel, table: Table, query: TableValueQuery): TableValue | null | undefined {
  const inBlock = (it: Item) => query.block === undefined || it.entry.block === query.block;
  let found = (typeof query.label === 'string' ? labelIndex(table).get(normLabel(query.label)) ?? [] : items(table)).filter(
    (it) => inBlock(it) && (query.code === undefined || it.entry.code === query.code) && !(query.notCode && it.entry.code !== undefined && query.notCode.test(it.entry.code)) && labelMatches(it, query.label, true),
  );
  // (`2110199 其他环境保护管理事务支 123.02`: a name the PDF's extraction cut short at its column's edge;
  // not when another table has a row of the whole name: `农业生产发展支出` is a fund item, not 农业生产发展.)
  const wanted = typeof query.label === 'string' ? normLabel(query.label) : undefined;
  if (found.length === 0 && wanted !== undefined && !model.tables.some((t) => !t.withdrawn && labelIndex(t).has(wanted))) {
    found = items(table).filter((it) => inBlock(it) && (query.code === undefined || it.entry.code === query.code) && cutShort(normLabel(it.entry.label), wanted));
  }
  const { codeLength } = query.unique!;
  if (codeLength !== undefined) found = found.filter((it) => it.entry.code?.length === codeLength);
  found = uniqueRow(table, found, query.unique!.parent);
  if (found.length === 0) return undefined;
  for (const it of found) {
    const value = valueAt(table, it, query);
    if (value) return value;
  }
  return null;
}

/**
 * `公路水路运输（款）公路建设（项）` and 公开07表's only `2146801 公路建设`, under `21468 政府收费公路专项债券收入安排的支出`: a 项 whose
 * 款 row the table shows under another name is another 项 of the same name.
 */
function underOtherParent(table: Table, it: Item, parent: string): boolean {
  const code = it.entry.code;
  if (code === undefined || code.length !== 7) return false;
  const wanted = normLabel(parent);
  const row = indexByCode(table).get(code.slice(0, 5));
  const label = row?.entry.label === undefined ? '' : normLabel(row.entry.label);
  return label !== '' && !label.includes(wanted) && !wanted.includes(label);
}

/** `label` is `wanted` with its last one or two characters cut off (and long enough to name one row). */
function cutShort(label: string, wanted: string): boolean {
  return label.length >= 6 && label.length < wanted.length && wanted.length - label.length <= 2 && wanted.startsWith(label);
}

/** The item's cell in the query's column (the first value column when it names none), unless it is no amount. */
function valueAt(table: Table, it: Item, query: TableValueQuery): TableValue | undefined {
  if (groupHeading(table, it)) return undefined;
  let col: number | undefined;
  // (`预算数 | 决算数`: a budget column is the figure only when the query asks for a budget.)
  if (query.column === undefined) col = it.entry.valueCols.find((c) => !BUDGET_WORD.test(headerText(table, c))) ?? it.entry.valueCols[0];
  else {
    // Every column has its block (assignRoles), so these are the value columns of the entry's block.
    const blockCols = valueColumns(table, it.entry.block);
    const k = columnPosition(table, blockCols, query.column, query.notUnder);
    col = k < 0 ? undefined : (it.entry.valueCols[k] ?? blockCols[k]);
  }
  if (col === undefined) return undefined;
  const cell = it.row.cells[col];
  if (cell?.shiftedCode || cell?.unreadable || cell?.unplaced) return undefined;
  const header = table.columns[col]?.headerPath.at(-1);
  // `2101501 行政运行 · 本年支出合计`: the code, label and header that are there.
  const { code, label } = it.entry;
  const name = code && label ? `${code} ${label}` : code || label || '';
  return {
    table: table.id,
    row: it.row.index,
    col,
    token: cell?.number,
    span: cell ? cell.span : { start: it.row.span.end, end: it.row.span.end },
    empty: cell ? cell.empty : true,
    label: name && header ? `${name} · ${header}` : name || header || '',
  };
}

/**
 * `教育支出 | | |` over `　　教育管理事务 | 2,337.52 | …`: a row of no figure heading the rows indented under it (whose 小计 states its total,
 * see rollups.ts), not a row of zeros.
 */
function groupHeading(table: Table, it: Item): boolean {
  if (!valueColumns(table, it.entry.block).every((col) => it.row.cells[col]?.empty !== false)) return false;
  const next = table.rows[it.row.index + 1];
  const indent = (row: Table['rows'][number] | undefined) => (it.entry.labelSpan ? row?.cells.find((c) => !c.empty)?.indent ?? 0 : 0);
  return next !== undefined && next.kind === 'data' && indent(next) > indent(it.row);
}

/** Position among a block's value columns of the one a query names: its 栏次 number, or all of its header words. */
function columnPosition(table: Table, blockCols: number[], column: string[] | string, notUnder: string[] = []): number {
  // (Words that ask for no budget pass over the budget columns first: `年初预算数/小计 | … | 决算数/小计` is read at 决算数.)
  const asksBudget = typeof column === 'string' || column.some((w) => BUDGET_WORD.test(w));
  for (const skipBudgets of asksBudget ? [false] : [true, false]) {
    for (let k = 0; k < blockCols.length; k++) {
      const c = blockCols[k];
      if (typeof column === 'string') {
        if (table.columns[c].columnNumber === column) return k;
        continue;
      }
      const path = headerText(table, c);
      if (skipBudgets && BUDGET_WORD.test(path)) continue;
      let all = true;
      for (const w of column) if (!path.includes(w)) all = false;
      for (const w of notUnder) if (path.includes(w)) all = false;
      if (all) return k;
    }
  }
  return -1;
}
const BUDGET_WORD = /预算/;

/**
 * The one row a name picks: several rows of that name are told apart by their 款 (the row of the parent
 * name whose code starts theirs); a name that still picks more than one row picks none.
 */
function uniqueRow(table: Table, found: Item[], parent: string | undefined): Item[] {
  if (found.length === 1 && parent !== undefined) return underOtherParent(table, found[0], parent) ? [] : found;
  if (found.length <= 1) return found;
  if (parent === undefined) return [];
  const parents = (labelIndex(table).get(normLabel(parent)) ?? []).map((it) => it.entry.code).filter((c): c is string => c !== undefined);
  const under = found.filter((it) => it.entry.code !== undefined && parents.some((p) => p.length < it.entry.code!.length && it.entry.code!.startsWith(p)));
  return under.length === 1 ? under : [];
}
