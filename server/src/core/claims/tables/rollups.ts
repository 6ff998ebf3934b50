// Roll-ups by subject code (tables.md T02.2–4, T03.2, T05.2, T06.1–3, T07.3, T10.1–2): a parent
// row is the sum of its child rows in every value column; 合计 is the sum of the 类 rows.
import type { DocumentModel, Operand, Table } from '../../types';
import { columnIndexes } from '../../model/tables';
import type { ClaimSink } from '../sink';
import { blankAt, blankOperandAt, codeTree, columnLabel, indexByCode, itemName, itemOperand, items, namesColumns, totalItem, totalItems, valueColumns, type Item } from './access';
import { emitSum } from './emit';
import { lastCoded } from './truncated';

function identityOf(table: Table, parent: string | undefined): string {
  switch (table.kind) {
    case 'T02':
      return !parent ? 'T02.2' : parent.length === 3 ? 'T02.3' : 'T02.4';
    case 'T03':
      return 'T03.2';
    case 'T05':
      return 'T05.2';
    case 'T07':
    case 'T08':
      return 'T07.3';
    case 'T06':
      return parent === '301' ? 'T06.1' : parent === '302' ? 'T06.2' : 'T06.3';
    case 'T10':
      return !parent ? 'T10.1' : 'T10.2';
    default:
      return parent ? 'rollup.code' : 'rollup.total';
  }
}

export function rollupClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  if (table.kind === 'performance' || table.kind === 'T01' || table.kind === 'T04' || table.kind === 'T09' || table.kind === 'T11') return;
  const list = items(table);
  const byCode = indexByCode(table);
  if (byCode.size === 0) return labelRollups(model, table, list, sink);
  const { children, top } = codeTree(table);
  // (A table marked unfinished, or cut short: the rows under its last ones, and under its 合计, may be still to come.)
  const cut = table.unfinished || table.truncated ? lastCode(list) ?? '' : cutOff(table, list, children);
  const columns = new RollupColumns(table);
  for (const [parentCode, kids] of children) {
    const parent = byCode.get(parentCode);
    if (!parent) continue;
    if (cut?.startsWith(parentCode)) continue;
    const width = kids.reduce((w, k) => Math.min(w, k.entry.code!.length), 7);
    emitRollup(model, table, sink, columns, parent, kids, `${parentCode}${'x'.repeat(width - parentCode.length)}`, identityOf(table, parentCode));
  }
  const total = totalItem(list);
  if (!total || top.length === 0 || cut !== undefined) return;
  // (`部门预算支出经济分类 | 政府预算支出经济分类` side by side, each block under its own 合计: each adds up its own 类.)
  const blockTotals = totalItems(list);
  const ownTotals = blockTotals.length > 1 && new Set(blockTotals.map((it) => it.entry.block)).size === blockTotals.length;
  for (const head of ownTotals ? blockTotals : [total]) {
    const under = ownTotals ? top.filter((t) => t.entry.block === head.entry.block) : top;
    if (under.length > 0) emitRollup(model, table, sink, columns, head, under, under.every((t) => t.entry.code!.length === 3) ? '类' : '一级科目', identityOf(table, undefined));
  }
}

/** Tables whose rows are 功能分类 subjects: their nesting is exhaustive (a 类 is the sum of its 款). */
const SUBJECT_TABLES = new Set(['T02', 'T03', 'T05', 'T07', 'T08']);

/**
 * A 功能分类 table that ends on a 类 or 款 row without the rows under it, while its other rows of that
 * level have theirs, was cut off (a scanned or missing page): the code of that last row. Its ancestors
 * and 合计 would be compared with an incomplete list of parts, so they are not.
 */
function cutOff(table: Table, list: Item[], children: Map<string, Item[]>): string | undefined {
  if (!SUBJECT_TABLES.has(table.kind)) return undefined;
  const last = lastCode(list);
  if (!last || last.length >= 7 || children.has(last)) return undefined;
  for (const parent of children.keys()) if (parent.length === last.length) return last;
  return undefined;
}

function lastCode(list: Item[]): string | undefined {
  return lastCoded(list)?.entry.code;
}

/** Level of a row without a code: its （类）/（款）/（项） suffix, else the indentation of its label. */
function levels(list: Item[]): number[] | undefined {
  const suffixes = list.map((it) => /[（(](类|款|项)[)）]$/.exec(it.entry.label)?.[1]);
  if (suffixes.every((s) => s)) return suffixes.map((s) => '类款项'.indexOf(s!));
  return list.map((it) => it.row.cells.find((c) => c.span.start === it.entry.labelSpan?.start)?.indent ?? 0);
}

/**
 * Tables that name their subjects without codes nest them by indentation (`　行政运行` under
 * `　政府办公厅（室）及相关机构事务`) or by （类）/（款）/（项）: a row is the sum of the rows nested
 * right under it. Only when the nesting is unambiguous: two levels at least, the first row on the
 * top level, and no 其中 row (其中 parts need not be exhaustive).
 */
function labelRollups(model: DocumentModel, table: Table, list: Item[], sink: ClaimSink): void {
  // (And 公开06表 nested by indentation: `人员经费` over `　　工资福利支出` over `　　　　基本工资`.)
  if (!SUBJECT_TABLES.has(table.kind) && table.kind !== 'T06') return;
  const total = totalItem(list);
  const rows = list.filter((it) => it !== total && it.entry.block === 0 && it.entry.label !== '');
  if (rows.length < 2 || rows.some((it) => it.entry.code || /^其中/.test(it.entry.label))) return;
  const level = levels(rows);
  if (!level || new Set(level).size < 2 || level.some((x) => x < level[0])) return;
  const children = new Map<Item, Item[]>();
  const top: Item[] = [];
  const stack: Array<{ it: Item; level: number }> = [];
  rows.forEach((it, i) => {
    while (stack.length && stack[stack.length - 1].level >= level[i]) stack.pop();
    const parent = stack.at(-1)?.it;
    if (!parent) top.push(it);
    else if (children.has(parent)) children.get(parent)!.push(it);
    else children.set(parent, [it]);
    stack.push({ it, level: level[i] });
  });
  const columns = new RollupColumns(table);
  // (`教育支出 | | |` over its 款 and a `小计 | 127,336.64 | …` row closing them: a 类 stated by its 小计 row, the total of the rows above it.)
  const statedBy = new Map<Item, Item>();
  for (const [parent, kids] of children) {
    const subtotal = kids.at(-1)!;
    const carried = kids.length > 1 && SUBTOTAL_ROW.test(subtotal.entry.label) && valueColumns(table, parent.entry.block).every((col) => blankAt(table, parent, col));
    if (carried) statedBy.set(parent, subtotal);
    emitRollup(model, table, sink, columns, carried ? subtotal : parent, carried ? kids.slice(0, -1) : kids, '下级科目', identityOf(table, 'label'));
  }
  if (total && top.length > 0) emitRollup(model, table, sink, columns, total, top.map((it) => statedBy.get(it) ?? it), '一级科目', identityOf(table, undefined));
}

/** A row closing its group with the group's total. */
const SUBTOTAL_ROW = /^(?:小计|合计)$/;

/**
 * A table's columns as its roll-ups need them: `（本年支出合计）` / ` (本年支出合计)`, the column a roll-up is about, worded once
 * per column; and last year's columns.
 */
class RollupColumns {
  private readonly zh: string[] = [];
  private readonly en: string[] = [];
  /** Last year's columns beside this year's (`上年决算数`) and the changes (`增减额`): they roll up by code as well. */
  readonly sideCols: number[];

  constructor(private readonly table: Table) {
    this.sideCols = [...columnIndexes(table.columns, 'prior', 0), ...columnIndexes(table.columns, 'change', 0)];
  }

  of(col: number, locale: 'zh' | 'en'): string {
    return locale === 'zh' ? (this.zh[col] ??= `（${columnLabel(this.table, col)}）`) : (this.en[col] ??= ` (${columnLabel(this.table, col)})`);
  }
}

function emitRollup(model: DocumentModel, table: Table, sink: ClaimSink, columns: RollupColumns, parent: Item, kids: Item[], pattern: string, identity: string): void {
  const cols = valueColumns(table, parent.entry.block);
  const single = !namesColumns(table, parent.entry.block);
  let headZh: string | undefined;
  let headEn: string | undefined;
  // (Loops rather than callbacks: roll-ups are the most numerous claims of a large table.)
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k];
    if (blankAt(table, parent, col) && allBlank(table, kids, k)) continue;
    // A roll-up over one value column names no column in its labels.
    const total = itemOperand(model, table, parent, col, '', single ? false : undefined);
    const parts: Array<Operand | undefined> = [];
    for (const kid of kids) {
      const c = kidCol(table, kid, k);
      if (c === undefined) {
        parts.push(undefined);
        continue;
      }
      // A code that slid into a child's amount cell is not an amount (table-format reports it).
      if (kid.row.cells[c]?.shiftedCode) continue;
      const at = valueColumns(table, kid.entry.block)[k];
      // A blank part is dropped by emitSum: no operand (and label) for it.
      if (!blankOperandAt(table, kid, at)) parts.push(itemOperand(model, table, kid, at, '', single ? false : undefined));
    }
    headZh ??= `${itemName(parent)} = Σ ${pattern}`;
    headEn ??= `${itemName(parent)} = Σ ${pattern === '类' ? '类 rows' : pattern}`;
    emitSum(sink, {
      kind: 'rollup',
      identity,
      description: {
        'zh-cn': single ? headZh : headZh + columns.of(col, 'zh'),
        en: single ? headEn : headEn + columns.of(col, 'en'),
      },
      total,
      parts,
      anchor: parent.entry.labelSpan,
      soft: table.blanksLost,
    });
  }
  if (parent.entry.block !== 0) return;
  for (const col of columns.sideCols) {
    if (blankAt(table, parent, col) && kids.every((kid) => blankAt(table, kid, col))) continue;
    const parts: Array<Operand | undefined> = [];
    for (const kid of kids) if (kid.entry.block === 0 && !blankOperandAt(table, kid, col)) parts.push(itemOperand(model, table, kid, col, '', true));
    emitSum(sink, {
      kind: 'rollup',
      identity,
      description: { 'zh-cn': `${itemName(parent)} = Σ ${pattern}${columns.of(col, 'zh')}`, en: `${itemName(parent)} = Σ ${pattern === '类' ? '类 rows' : pattern}${columns.of(col, 'en')}` },
      total: itemOperand(model, table, parent, col, '', true),
      parts,
      anchor: parent.entry.labelSpan,
      soft: table.blanksLost,
    });
  }
}

/** Every child's cell at value-column position `k` of its block is blank. */
function allBlank(table: Table, kids: Item[], k: number): boolean {
  for (const kid of kids) if (!blankAt(table, kid, valueColumns(table, kid.entry.block)[k])) return false;
  return true;
}

function kidCol(table: Table, kid: Item, k: number): number | undefined {
  return kid.entry.valueCols[k] ?? valueColumns(table, kid.entry.block)[k];
}
