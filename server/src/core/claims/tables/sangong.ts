// 公开09表 cells by what they hold, numbered like the template's 栏次: 1–6 预算数, 7–12 决算数, each
// 合计 | 因公出国（境）费用 | 公务用车购置及运行维护费 小计 | 购置费 | 运行维护费 | 公务接待费. Reports
// lay the table out as one row of 12 columns (with or without a 栏次 row), one row of the 6 决算数
// columns, or transposed: rows 预算数 / 决算数 over 6 columns. The identities (T09.1–3, X12, X14)
// and the prose look-ups address the cells by these numbers, whatever the layout.
import { exact, operand } from '../../arith/interval';
import { asExact, withChanges } from '../../arith/operand';
import type { DocumentModel, Operand, Table, TableRow } from '../../types';
import { columnLabel, items, valueColumns, type Item } from './access';
import { LintMemo } from '../../lint-memo';

/** The 相关统计数 table of 公开09 (团组数, 购置数, 保有量, 接待批次): the first table after `after` that lists them. */
export function statisticsTable(model: DocumentModel, after = -1): Table | undefined {
  const statistics = (t: Table) => !t.withdrawn && items(t).some((it) => STATISTIC_ROW.test(it.entry.label));
  // (Or the rows under `相关统计数：` inside a 公开09表 laid out `项目 | 预算数 | 决算数`, the central template's.)
  return model.tables.find((t) => t.id > after && t.kind === 'unknown' && statistics(t)) ?? (after < 0 ? model.tables.find((t) => t.kind === 'T09' && statistics(t)) : undefined);
}
const STATISTIC_ROW = /团组数|保有量|购置数|接待批次/;

/** A 相关统计数 row's count, exact (a blank cell states 0); undefined when its cell cannot be read. */
export function statisticsCount(model: DocumentModel, it: Item, label: string): Operand | undefined {
  // (`4.公务用车保有量（辆） |  | 9` in a 公开09表: the count stands under 决算数, the 预算数 cell blank.)
  const cols = it.entry.valueCols;
  const col = cols.length > 1 ? cols.find((c) => it.row.cells[c]?.number !== undefined) ?? cols[0] : cols[0];
  const cell = it.row.cells[col ?? -1];
  if (!cell || cell.unreadable) return undefined;
  return cell.number !== undefined ? asExact(operand(model.numbers[cell.number], label)) : withChanges(exact(0, label, it.entry.labelSpan ?? cell.span), { text: '0' });
}

export interface SangongCell {
  row: TableRow;
  col: number;
  /** `决算数 公务接待费`, for operand labels. */
  label: string;
}

/** One department or unit: 栏次 number (1–12) → its cell; PRIOR_YEAR + n and CHANGE + n for the columns some layouts add. */
export type SangongRecord = Map<number, SangongCell>;

/** Keys of a quantity's 上年决算数 and 增减额 cells (`2020年决算数 | 增减额` after `预算数 | 决算数`): PRIOR_YEAR + 1 is the 合计's. */
export const PRIOR_YEAR = 20;
export const CHANGE = 40;

/** Quantity (1–6) a column's header names; the sub-columns of 公务用车 name 小计 / 购置费 / 运行维护费. */
function quantity(fullPath: string[]): number | undefined {
  // `合计 / 预算数`: the half words of the lowest header row say which half, not which quantity.
  const path = fullPath.filter((w) => !HALF_WORD.test(w));
  const bottom = path.at(-1) ?? '';
  const parent = path.at(-2) ?? '';
  // `“三公”经费和机关运行经费预算表`: the 机关运行经费 column beside the six is no 运行费.
  if (path.some((w) => w.includes('机关运行'))) return undefined;
  if (/出国/.test(bottom)) return 2;
  if (/接待/.test(bottom)) return 6;
  if (/购置及运行|购置和运行/.test(bottom)) return 3;
  if (/小计/.test(bottom) && (/公务用车/.test(parent) || /公务用车/.test(bottom))) return 3;
  // A 小计 placed under another part (a space-aligned header centred the word one group off) is that part.
  if (/小计/.test(bottom) && /出国/.test(parent)) return 2;
  if (/小计/.test(bottom) && /接待/.test(parent)) return 6;
  if (/运行/.test(bottom)) return 5;
  if (/购置/.test(bottom)) return 4;
  if (/合计|总计|小计|三公/.test(bottom)) return 1;
  return undefined;
}

/** 0 for 预算数, 6 for 决算数, from header or row words. */
function halfOf(text: string): 0 | 6 | undefined {
  if (/预算/.test(text)) return 0;
  if (/决算|实际/.test(text)) return 6;
  return undefined;
}

const HALF_NAME = ['预算数', '决算数'];
const HALF_WORD = /^(?:年初|全年|调整后?)?(?:预算|决算)数?$/;

interface ColumnSlot {
  col: number;
  quantity: number;
  half?: 0 | 6;
  /** The 栏次 numbers 1–12 of the template: keep its labels. */
  templateNumber?: boolean;
}

function columnSlots(table: Table): ColumnSlot[] {
  const cols = valueColumns(table);
  const numbers = cols.map((c) => Number(table.columns[c].columnNumber ?? NaN));
  const template = numbers.filter((n) => n >= 1 && n <= 12);
  const maxNumber = template.reduce((m, n) => Math.max(m, n), 0);
  const numbered = template.length;
  const slots: ColumnSlot[] = [];
  if (numbered >= 6) {
    // The 栏次 row: 1–12 is the template's numbering; 1–6 alone leaves the half to the words. (A table that puts
    // 决算数 first, `决算数（栏1–6）| 预算数（栏7–12）`, numbers its columns in its own order: its words say which half.)
    const worded = cols.map((col) => halfOf(table.columns[col].headerPath.join('/')));
    const reversed = maxNumber > 6 && cols.every((_, i) => !(numbers[i] >= 1 && numbers[i] <= 12) || worded[i] === (numbers[i] > 6 ? 0 : 6));
    cols.forEach((col, i) => {
      const n = numbers[i];
      if (!(n >= 1 && n <= 12)) return;
      if (reversed) slots.push({ col, quantity: n > 6 ? n - 6 : n, half: worded[i] });
      else if (maxNumber > 6) slots.push({ col, quantity: n > 6 ? n - 6 : n, half: n > 6 ? 6 : 0, templateNumber: true });
      else slots.push({ col, quantity: n, half: worded[i] });
    });
    return slots;
  }
  cols.forEach((col, i) => {
    const path = table.columns[col].headerPath;
    let q = quantity(path);
    // A 小计 without its parent right before 购置费 (`预算数 | 小计 | 公务用车购置费 | …`) is the 公务用车 subtotal.
    if (q === 1 && path.at(-1) === '小计' && i + 1 < cols.length && quantity(table.columns[cols[i + 1]].headerPath) === 4) q = 3;
    if (q !== undefined) slots.push({ col, quantity: q, half: halfOf(path.join('/')) });
  });
  // Header words that name nothing: the template's order (12 columns, or the 6 of one half).
  if (slots.length < 2 && (cols.length === 12 || cols.length === 6)) {
    return cols.map((col, i) => ({ col, quantity: (i % 6) + 1, half: cols.length === 12 ? (i < 6 ? 0 : 6) : undefined }));
  }
  // The same quantity twice without 预算数/决算数 words: the template puts 预算数 first.
  const seen = new Set<number>();
  for (const s of slots) {
    if (s.half !== undefined) continue;
    if (seen.has(s.quantity)) {
      s.half = 6;
      const first = slots.find((o) => o !== s && o.quantity === s.quantity && o.half === undefined);
      if (first) first.half = 0;
    }
    seen.add(s.quantity);
  }
  return slots;
}

/**
 * Items as rows (`合计 | 1.因公出国（境）费 | 2.公务用车购置及运行维护费 | 其中：（1）公务用车购置费 | …`) under
 * `预算数 | 决算数` columns, a county layout: one record, quantities from the row labels, halves from the
 * columns. Undefined unless every value column names its half and three rows name a quantity.
 */
function itemsAsRows(table: Table, rows: TableRow[]): SangongRecord | undefined {
  const cols = valueColumns(table);
  const halves = cols.map((c) => halfOf(table.columns[c].headerPath.join('/')));
  const quantities = rows.map((r) => quantity([r.label]));
  // (Three item rows, or the 三公 total alone under `预算数 | 决算数`.)
  const read = quantities.filter((q) => q !== undefined);
  if (cols.length === 0 || halves.some((h) => h === undefined) || (read.length < 3 && !(read.length === 1 && read[0] === 1))) return undefined;
  const record: SangongRecord = new Map();
  const prior = table.columns.findIndex((c) => c.role === 'prior');
  // (A change from last year's: not `决算比预算增减`, the gap from the budget.)
  const change = table.columns.findIndex((c) => c.role === 'change' && !/预算/.test(c.headerPath.join('/')));
  rows.forEach((row, i) => {
    const q = quantities[i];
    if (q === undefined) return;
    cols.forEach((col, k) => {
      const half = halves[k]!;
      if (!record.has(half + q)) record.set(half + q, { row, col, label: `${HALF_NAME[half / 6]} ${row.label}` });
    });
    if (prior >= 0 && !record.has(PRIOR_YEAR + q)) record.set(PRIOR_YEAR + q, { row, col: prior, label: `${table.columns[prior].headerPath.at(-1) ?? ''} ${row.label}`.trim() });
    if (change >= 0 && !record.has(CHANGE + q)) record.set(CHANGE + q, { row, col: change, label: `${table.columns[change].headerPath.at(-1) ?? ''} ${row.label}`.trim() });
  });
  // A half that leaves both 公务用车 parts blank does not break the 公务用车 figure down (the 预算数 column
  // often does not): no parts, rather than two zeros.
  for (const half of [0, 6]) {
    const blank = (n: number) => {
      const c = record.get(half + n);
      return !c || c.row.cells[c.col]?.empty !== false;
    };
    if (blank(4) && blank(5)) {
      record.delete(half + 4);
      record.delete(half + 5);
    }
  }
  return record;
}

const OTHER_ROW = /上年|增减|差额|比|率|[%％]/;

/**
 * A transposed table's columns by quantity (1 合计 … 6 公务接待费): its header words name the quantities, its rows the
 * halves. Empty for the other layouts.
 */
export function sangongQuantityColumns(table: Table): Map<number, number> {
  const columns = new Map<number, number>();
  const slots = columnSlots(table);
  if (slots.some((s) => s.half !== undefined)) return columns;
  if (!table.rows.some((r) => (r.kind === 'data' || r.kind === 'total') && !OTHER_ROW.test(r.label) && halfOf(r.label) !== undefined)) return columns;
  for (const s of slots) if (!columns.has(s.quantity)) columns.set(s.quantity, s.col);
  return columns;
}

const cache = new LintMemo<Table, SangongRecord[]>();

/** The records of a 公开09表 (usually one), each mapping 栏次 numbers to cells. */
export function sangongRecords(table: Table): SangongRecord[] {
  return cache.of(table, readRecords);
}

function readRecords(table: Table): SangongRecord[] {
  const slots = columnSlots(table);
  const rows = table.rows.filter((r) => r.kind === 'data' || r.kind === 'total');
  const records: SangongRecord[] = [];
  const label = (s: ColumnSlot, half: 0 | 6) =>
    s.templateNumber ? columnLabel(table, s.col) : `${HALF_NAME[half / 6]} ${table.columns[s.col].headerPath.filter((w) => !HALF_WORD.test(w)).at(-1) ?? ''}`.trim();
  // (`上年决算数`, `决算比预算增减`, `完成预算（%）` in a transposed table are other rows, not a half: sangong-rows.ts.)
  const rowHalves = rows.map((r) => (OTHER_ROW.test(r.label) ? undefined : halfOf(r.label)));
  const itemRows = slots.length === 0 ? itemsAsRows(table, rows) : undefined;
  if (itemRows) {
    records.push(itemRows);
  } else if (rowHalves.some((h) => h !== undefined)) {
    // Transposed: a row per half; a half seen again starts the next unit.
    let record: SangongRecord = new Map();
    rows.forEach((row, i) => {
      const half = rowHalves[i];
      if (half === undefined) return;
      if ([...record.keys()].some((n) => (n > 6 ? 6 : 0) === half)) {
        records.push(record);
        record = new Map();
      }
      for (const s of slots) if (s.half === undefined || s.half === half) record.set(half + s.quantity, { row, col: s.col, label: label(s, half) });
    });
    if (record.size) records.push(record);
  } else {
    // One row per unit; columns without a half are the 决算数 (the table is a 决算表; 预算数 is the optional half).
    for (const row of rows) {
      const record: SangongRecord = new Map();
      for (const s of slots) {
        const half = s.half ?? 6;
        record.set(half + s.quantity, { row, col: s.col, label: label(s, half) });
      }
      if (record.size) records.push(record);
    }
    // A department with units: its 合计 row is the department's record, wherever it stands.
    const total = records.findIndex((r) => [...r.values()].some((c) => c.row.kind === 'total'));
    if (total > 0) records.unshift(...records.splice(total, 1));
  }
  return records;
}
