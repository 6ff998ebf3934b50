// Identities between tables (tables.md §11, X1–X15): the same quantity in two tables, or a subset
// (05 ⊂ 03, 06 基本支出 ⊂ 09/10) that cannot exceed its superset.
import { GENERAL_BUDGET } from '../../text/funds';
import type { DocumentModel, Localized, Operand, StandardTableId, Table } from '../../types';
import { exact } from '../../arith/interval';
import { l } from '../../messages';
import type { ClaimSink } from '../sink';
import {
  cellOperand,
  derivedSum,
  findColumn,
  findItem,
  indexByCode,
  itemName,
  itemOperand,
  itemLabel,
  items,
  normLabel,
  spendingTotalColumn,
  tableName,
  tablesByKind,
  totalItem,
  type Item,
} from './access';
import { COUNT_LINKS, countAgainstMoney, type CountLink } from '../counts-and-money';
import { emitPair } from './emit';
import { classValue, entryValue, FISCAL_CLOSING_BALANCE, FISCAL_OPENING_BALANCE, GRAND_IN, INCOME_TOTAL, incomeTotalOf, OPENING_BALANCE, partsOf, sides, SPEND_TOTAL } from './identities';
import { sangongRecords, statisticsCount, statisticsTable } from './sangong';


/** 支出功能分类 类 names → codes (for 01/04, which name the 类 without codes). */
const FUNCTION_CLASSES: Record<string, string> = {
  一般公共服务支出: '201',
  外交支出: '202',
  国防支出: '203',
  公共安全支出: '204',
  教育支出: '205',
  科学技术支出: '206',
  文化旅游体育与传媒支出: '207',
  社会保障和就业支出: '208',
  社会保险基金支出: '209',
  卫生健康支出: '210',
  节能环保支出: '211',
  城乡社区支出: '212',
  农林水支出: '213',
  交通运输支出: '214',
  资源勘探工业信息等支出: '215',
  商业服务业等支出: '216',
  金融支出: '217',
  援助其他地区支出: '219',
  自然资源海洋气象等支出: '220',
  住房保障支出: '221',
  粮油物资储备支出: '222',
  国有资本经营预算支出: '223',
  灾害防治及应急管理支出: '224',
  预备费: '227',
  其他支出: '229',
  转移性支出: '230',
  债务还本支出: '231',
  债务付息支出: '232',
  债务发行费用支出: '233',
  抗疫特别国债安排的支出: '234',
};

/** Expenditure by nature, as the 2015–2018 公开01表 lists it instead of the 类. */
const BY_NATURE = /^(?:基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)$/;

const FUND = {
  general: GENERAL_BUDGET,
  gov: /政府性基金/,
  soe: /国有资本经营/,
};

/** One table read for cross-table use: its items, codes and the operand of an item in a column. */
class View {
  readonly list: Item[];
  readonly byCode: Map<string, Item>;
  readonly name: string;
  constructor(
    readonly model: DocumentModel,
    readonly table: Table,
  ) {
    this.list = items(table);
    this.byCode = indexByCode(table);
    this.name = tableName(table);
  }
  col(header: RegExp, block?: number): number | undefined {
    return findColumn(this.table, header, block);
  }
  op(it: Item | undefined, col: number | undefined): Operand | undefined {
    if (col === undefined) return undefined;
    // A table that says it has no data (or lacks the row) states zero for it.
    if (!it) return (this.table.noData || this.isEmpty()) && !this.table.unfinished && !this.table.truncated ? exact(0, `${this.name} 无数据`, this.table.titleSpan ?? this.table.span) : undefined;
    return itemOperand(this.model, this.table, it, col, `${this.name} `);
  }
  /** Single-value entry (06, 10). */
  value(it: Item | undefined): Operand | undefined {
    return it ? entryValue(this.model, this.table, it, `${this.name} `) : undefined;
  }
  find(re: RegExp, block?: number): Item | undefined {
    return findItem(this.list, re, block);
  }
  /**
   * 公开06表's 人员经费合计 and 公用经费合计: rows of their own (`人员经费合计 | 506.12`), or, in the layout of 05 (`合计 | 人员经费 |
   * 公用经费` columns over the 经济分类 rows), the 合计 row's cells under those two columns.
   */
  staffAndOffice(): { staff?: Operand; office?: Operand } {
    const staff = this.find(/^人员经费(合计)?$/);
    const office = this.find(/^公用经费(合计)?$/);
    if (staff || office) return { staff: this.value(staff), office: this.value(office) };
    const total = this.total();
    if (!total) return {};
    return { staff: this.op(total, this.col(/人员经费$/)), office: this.op(total, this.col(/公用经费$/)) };
  }
  /** 01/04: the income and expenditure sides (side by side or stacked). */
  get sides(): ReturnType<typeof sides> {
    return (this.cachedSides ??= sides(this.table));
  }
  private cachedSides?: ReturnType<typeof sides>;
  inc(re: RegExp): Item | undefined {
    return findItem(this.sides.income, re);
  }
  out(re: RegExp): Item | undefined {
    return findItem(this.sides.spend, re);
  }
  get inCol(): number | undefined {
    return this.sides.inCol;
  }
  get outCol(): number | undefined {
    return this.sides.outCols[0];
  }
  get spendBlock(): number {
    return this.sides.spend[0]?.entry.block ?? 1;
  }
  total(): Item | undefined {
    return totalItem(this.list);
  }
  /**
   * Zero for a row this table lacks (its silence states none), as long as the table has item rows at all:
   * a table whose rows were not read proves nothing.
   */
  lacks(what: string): Operand | undefined {
    // (A table marked unfinished, or cut short, lacks the rows not pasted yet.)
    return this.list.length > 0 && !this.table.unfinished && !this.table.truncated ? exact(0, `${this.name} 无${what}`, this.table.titleSpan ?? this.table.span) : undefined;
  }
  isEmpty(): boolean {
    // (A table with no item rows at all was not read, which says nothing about its figures.)
    return this.list.length > 0 && this.list.every((it) => it.entry.valueCols.every((c) => it.row.cells[c]?.empty !== false));
  }
}

function pair(sink: ClaimSink, kind: 'equal' | 'le', identity: string, description: Localized, a: Operand | undefined, b: Operand | undefined, soft = false): void {
  emitPair(sink, { kind, origin: 'cross-table', identity, description, a, b, soft });
}

export function crossTableClaims(model: DocumentModel, sink: ClaimSink): void {
  const kinds = tablesByKind(model);
  const view = (k: StandardTableId) => {
    const t = kinds.get(k);
    return t ? new View(model, t) : undefined;
  };
  const v01 = view('T01');
  const v02 = view('T02');
  const v03 = view('T03');
  const v04 = view('T04');
  const v05 = view('T05');
  const v06 = view('T06');
  const v07 = view('T07');
  const v08 = view('T08');
  const v09 = view('T09');
  const v10 = view('T10');

  // 01 and 04 income rows by source.
  const incomeRows = (v: View) => {
    const total = incomeTotalOf(v.sides.income);
    return total ? partsOf(v.sides.income, total) : v.sides.income.filter((it) => it.entry.label !== '');
  };
  const bySource = (v: View, re: RegExp) => incomeRows(v).find((it) => re.test(it.entry.label));

  if (v01 && v04) {
    for (const [key, re] of Object.entries(FUND)) {
      const a = bySource(v01, re);
      const b = bySource(v04, re);
      if (a && b) pair(sink, 'equal', 'X1', l(`${itemLabel(a)}：公开01表 = 公开04表`, `${itemLabel(a)}: table 01 = table 04 (${key})`), v01.op(a, v01.inCol), v04.op(b, v04.inCol));
    }
    // X10: 财政拨款 carry-over (04) is part of all carry-over (01).
    const open04 = v04.inc(FISCAL_OPENING_BALANCE);
    const open01 = v01.inc(OPENING_BALANCE);
    // (Not when all the balances are negative, `-1,452,367.90元` after a 经营 loss: the non-财政拨款 balance is below zero.)
    const allOpen01 = open01 ? v01.op(open01, v01.inCol) : undefined;
    if (open04 && allOpen01 && !allOpen01.value.isNegative()) pair(sink, 'le', 'X10', l('公开04表 年初财政拨款结转和结余 ≤ 公开01表 年初结转和结余', '财政拨款 opening balance (04) ≤ all opening balances (01)'), v04.op(open04, v04.inCol), allOpen01);
    const close04 = v04.out(FISCAL_CLOSING_BALANCE);
    const close01 = v01.out(/^年末结转和结余/);
    const all01 = close01 ? v01.op(close01, v01.outCol) : undefined;
    if (close04 && all01 && !all01.value.isNegative()) pair(sink, 'le', 'X10', l('公开04表 年末财政拨款结转和结余 ≤ 公开01表 年末结转和结余', '财政拨款 closing balance (04) ≤ all closing balances (01)'), v04.op(close04, v04.col(/合计/, v04.spendBlock) ?? v04.outCol), all01);
  }

  if (v01 && v02) {
    const total02 = v02.total();
    pair(sink, 'equal', 'X2', l('本年收入合计：公开01表 = 公开02表', '本年收入合计: table 01 = table 02'), v01.op(incomeTotalOf(v01.sides.income), v01.inCol), v02.op(total02, yearIncomeColumn(v02)));
    // X3: the non-财政拨款 sources, one by one.
    const sources: Array<[RegExp, RegExp]> = [
      [/上级补助收入/, /上级补助/],
      [/事业收入/, /事业收入/],
      [/经营收入/, /经营收入/],
      [/附属单位上缴收入/, /附属单位/],
      [/其他收入/, /其他收入/],
    ];
    for (const [rowRe, colRe] of sources) {
      const row = bySource(v01, rowRe);
      const col = v02.col(colRe);
      if (row && col !== undefined) pair(sink, 'equal', 'X3', l(`${itemLabel(row)}：公开01表 = 公开02表 合计`, `${itemLabel(row)}: table 01 = table 02 total`), v01.op(row, v01.inCol), v02.op(total02, col));
    }
    if (!v04) {
      const fiscal = Object.values(FUND).map((re) => bySource(v01, re)).filter((x): x is Item => !!x).map((it) => v01.op(it, v01.inCol));
      if (fiscal.length && fiscal.every((x) => x)) pair(sink, 'equal', 'X3', l('财政拨款收入：公开01表 行1–3 = 公开02表 合计', '财政拨款 income: table 01 rows 1–3 = table 02 total'), derivedSum(fiscal as Operand[], '公开01表 财政拨款收入（行1–3）'), v02.op(total02, v02.col(/财政拨款/)));
    }
  }
  if (v02 && v04) {
    pair(sink, 'equal', 'X3', l('财政拨款收入：公开02表 合计 = 公开04表 本年收入合计', '财政拨款 income: table 02 total = table 04 本年收入合计'), v02.op(v02.total(), v02.col(/财政拨款/)), v04.op(v04.inc(INCOME_TOTAL), v04.inCol));
  }

  if (v01 && v03) {
    pair(sink, 'equal', 'X4', l('本年支出合计：公开01表 = 公开03表', '本年支出合计: table 01 = table 03'), v01.op(v01.out(SPEND_TOTAL), v01.outCol), v03.op(v03.total(), v03.col(/本年支出合计|^合计$/)));
    classPairs(sink, 'X5', v01, v01.outCol, v03, v03.col(/本年支出合计|^合计$/));
  }

  if (v04 && v05) {
    const general = v04.col(FUND.general, v04.spendBlock);
    const sub05 = spendingTotalColumn(v05.table);
    pair(sink, 'equal', 'X6', l('一般公共预算财政拨款支出合计：公开04表 = 公开05表', '一般公共预算 expenditure total: table 04 = table 05'), v04.op(v04.out(SPEND_TOTAL), general), v05.op(v05.total(), sub05));
    classPairs(sink, 'X6', v04, general, v05, sub05);
  }

  for (const [v, fund, id] of [
    [v07, FUND.gov, 'X7'],
    [v08, FUND.soe, 'X8'],
  ] as const) {
    if (!v04 || !v) continue;
    const fundCol = v04.col(fund, v04.spendBlock);
    const total = v.total();
    const what = normLabel(v.table.title ?? v.name);
    const opening = v04.inc(FISCAL_OPENING_BALANCE);
    const grandIn = v04.inc(GRAND_IN);
    const openSub = v04.sides.income.find((it) => opening && it.row.index > opening.row.index && (!grandIn || it.row.index < grandIn.row.index) && fund.test(it.entry.label));
    pair(sink, 'equal', id, l(`${what}：本年支出 公开04表 = ${v.name}`, `${what}: expenditure, table 04 = ${v.name}`), v04.op(v04.out(SPEND_TOTAL), fundCol), v.op(total, v.col(/本年支出.*(小计|合计)|本年支出$/)));
    pair(sink, 'equal', id, l(`${what}：本年收入 公开04表 = ${v.name}`, `${what}: income, table 04 = ${v.name}`), v04.op(bySource(v04, fund), v04.inCol), v.op(total, v.col(/本年收入/)));
    pair(sink, 'equal', id, l(`${what}：年初结转和结余 公开04表 = ${v.name}`, `${what}: opening balance, table 04 = ${v.name}`), v04.op(openSub, v04.inCol), v.op(total, v.col(/年初/)));
    pair(sink, 'equal', id, l(`${what}：年末结转和结余 公开04表 = ${v.name}`, `${what}: closing balance, table 04 = ${v.name}`), v04.op(v04.out(FISCAL_CLOSING_BALANCE), fundCol), v.op(total, v.col(/年末/)));
    // (And 类 by 类, as X6 holds 04's 一般公共预算 column to 05's 类: two 类 whose fund amounts were swapped in 04 leave its total.)
    classPairs(sink, id, v04, fundCol, v, v.col(/本年支出.*(小计|合计)|本年支出$/));
  }

  if (v03 && v05) {
    // X9: 05 (一般公共预算) is part of 03 (all funds), code by code and column by column.
    const columns: Array<[RegExp, RegExp]> = [
      [/本年支出合计|^合计$/, /小计|合计/],
      [/基本支出/, /基本支出/],
      [/项目支出/, /项目支出/],
    ];
    // The rows of 05 and their rows in 03, side by side (no pairs: hundreds of rows, read three times).
    const rows05: Item[] = [];
    const rows03: Array<Item | undefined> = [];
    const t05 = v05.total();
    if (t05) {
      rows05.push(t05);
      rows03.push(v03.total());
    }
    for (const it of v05.byCode.values()) {
      rows05.push(it);
      rows03.push(v03.byCode.get(it.entry.code!));
    }
    // One description per row, shared by its three columns.
    const descriptions: Localized[] = [];
    for (const [re03, re05] of columns) {
      const c03 = v03.col(re03);
      const c05 = v05.col(re05);
      if (c03 === undefined || c05 === undefined) continue;
      for (let i = 0; i < rows05.length; i++) {
        const it05 = rows05[i];
        const it03 = rows03[i];
        const a = v05.op(it05, c05);
        const b = it03 ? v03.op(it03, c03) : v03.lacks(` ${itemName(it05)} 行`);
        const description = (descriptions[i] ??= l(`${itemName(it05)}：公开05表 ≤ 公开03表（一般公共预算是全部资金的一部分）`, `${itemName(it05)}: table 05 ≤ table 03 (general budget is part of all funds)`));
        pair(sink, 'le', 'X9', description, a, b);
      }
    }
  }

  if (v05 && v06) {
    const { staff, office } = v06.staffAndOffice();
    const parts = [staff, office];
    if (staff && office) {
      pair(sink, 'equal', 'X11', l('基本支出：公开05表 合计 = 公开06表 人员经费合计 + 公用经费合计', '基本支出: table 05 total = table 06 人员经费 + 公用经费'), v05.op(v05.total(), v05.col(/基本支出/)), derivedSum(parts as Operand[], '公开06表 人员经费合计 + 公用经费合计'));
    }
    // X15 (soft): the 05 基本支出 of a 项 is conventionally paid through one 06 economic code.
    const basic = v05.col(/基本支出/);
    const links: Array<[string[], string]> = [
      [['2080505'], '30108'],
      [['2080506'], '30109'],
      [['2101101', '2101102'], '30110'],
      [['2101103'], '30111'],
      [['2210201'], '30113'],
    ];
    for (const [codes, econ] of links) {
      const fn = codes.map((c) => v05.byCode.get(c)).filter((x): x is Item => !!x);
      const e = v06.byCode.get(econ);
      if (fn.length === 0 || !e || basic === undefined) continue;
      const ops = fn.map((it) => v05.op(it, basic));
      if (!ops.every((o) => o)) continue;
      const a = ops.length === 1 ? ops[0] : derivedSum(ops as Operand[], `${v05.name} ${codes.join(' + ')} · 基本支出`);
      pair(sink, 'equal', 'X15', l(`${codes.join(' + ')} 基本支出（公开05表）= ${itemName(e)}（公开06表，按惯例对应）`, `${codes.join(' + ')} basic expenditure (table 05) = ${itemName(e)} (table 06, conventional mapping)`), a, v06.value(e), true);
    }
  }

  // 公开09 cells by 栏次 number, of its first record (the department, or the 合计 row of its units).
  const sangong = (n: number) => {
    const cell = v09 && sangongRecords(v09.table)[0]?.get(n);
    return cell && v09 ? cellOperand(model, v09.table, cell.row, cell.col, `${v09.name} ${cell.label}`) : undefined;
  };

  if (v06 && v09) {
    const links: Array<[string, number]> = [
      ['30212', 8],
      ['31013', 10],
      ['30231', 11],
      ['30217', 12],
    ];
    for (const [code, n] of links) {
      const e = v06.byCode.get(code);
      const cell = sangong(n);
      if (!e || !cell) continue;
      pair(sink, 'le', 'X12', l(`${itemName(e)}：公开06表（基本支出）≤ 公开09表 决算数`, `${itemName(e)}: table 06 (basic expenditure) ≤ table 09 actual`), v06.value(e), cell);
    }
  }

  if (v06 && v10) {
    // X13: 机关运行经费 (10) is part of the 06 公用经费.
    for (const [code, it] of v10.byCode) {
      const e = v06.byCode.get(code);
      if (e && e.entry.valueCols.some((c) => e.row.cells[c]?.shiftedCode)) continue;
      const b = e ? v06.value(e) : classValue(model, v06.table, v06.byCode, code) ?? v06.lacks(` ${code} 行`);
      pair(sink, 'le', 'X13', l(`${itemName(it)}：公开10表 ≤ 公开06表`, `${itemName(it)}: table 10 ≤ table 06`), v10.value(it), b);
    }
    const office = v06.staffAndOffice().office;
    if (office) pair(sink, 'le', 'X13', l('机关运行经费合计（公开10表）≤ 公用经费合计（公开06表）', '机关运行经费 total (table 10) ≤ 公用经费 total (table 06)'), v10.value(v10.total()), office);
  }

  if (v09) statisticsClaims(model, v09, sink);

  if (v09 && v10) {
    const it = v10.byCode.get('30231');
    const cell = sangong(11);
    if (cell && it) pair(sink, 'le', 'X14', l('公务用车运行维护费：公开10表 ≤ 公开09表 决算数', '公务用车运行维护费: table 10 ≤ table 09 actual'), v10.value(it), cell);
  }
}

/** 类 rows of a two-sided table (01/04, named) against the 3-digit rows of a coded table (03/05). */
function classPairs(sink: ClaimSink, identity: string, named: View, namedCol: number | undefined, coded: View, codedCol: number | undefined): void {
  if (namedCol === undefined || codedCol === undefined) return;
  const total = named.out(SPEND_TOTAL);
  // The coded table's 类 rows by name (the first of a name), for one look-up per named row.
  const classByName = new Map<string, Item>();
  for (const c of coded.byCode.values()) {
    if (c.entry.code!.length !== 3) continue;
    const name = itemLabel(c);
    if (!classByName.has(name)) classByName.set(name, c);
  }
  // A table that names its subjects without codes (indented names): its 类 rows by name, and a name it
  // lacks proves nothing (a 类 cannot be told from a 款 of the same words).
  const uncoded = classByName.size === 0;
  if (uncoded) {
    for (const c of items(coded.table)) {
      const name = itemLabel(c);
      if (name && !c.entry.code && !classByName.has(name)) classByName.set(name, c);
    }
  }
  const seen = new Set<string>();
  for (const it of named.sides.spend) {
    if (it.entry.label === '' || (total && it.row.index >= total.row.index)) continue;
    const name = itemLabel(it);
    // The older 01 table's expenditure side by nature (基本支出, 项目支出, 经营支出 …): each is a column of
    // the coded table's total row, no 类.
    if (BY_NATURE.test(name)) {
      const col = coded.col(new RegExp(`^${name}$`));
      if (col !== undefined && col !== codedCol) pair(sink, 'equal', identity, l(`${name}：${named.name} = ${coded.name} 合计`, `${name}: ${named.name} = ${coded.name} total`), named.op(it, namedCol), coded.op(coded.total(), col));
      continue;
    }
    const match = classByName.get(name) ?? coded.byCode.get(FUNCTION_CLASSES[name] ?? '');
    if (!match && uncoded) continue;
    if (match?.entry.code) seen.add(match.entry.code);
    const b = match ? coded.op(match, codedCol) : coded.lacks(`“${name}”类`);
    pair(sink, 'equal', identity, l(`${name}：${named.name} = ${coded.name}`, `${name}: ${named.name} = ${coded.name}`), named.op(it, namedCol), b);
  }
  // A 类 in the coded table that the named table leaves out (when it lists its 类 at all: a table that
  // matched none has no expenditure side that was read, and its silence proves nothing).
  // (Nor does a table read without its 本年支出合计: its reading may have stopped short of the rest.)
  if (seen.size === 0 || !total) return;
  for (const [code, it] of coded.byCode) {
    if (code.length !== 3 || seen.has(code)) continue;
    pair(sink, 'equal', identity, l(`${itemName(it)}：${named.name} = ${coded.name}`, `${itemName(it)}: ${named.name} = ${coded.name}`), named.lacks(`“${itemLabel(it)}”行`), coded.op(it, codedCol));
  }
}

const CARS_DISPOSED = /(?:处置|拍卖|报废|上交|划转|移交)[^。；;]{0,16}(?:车辆|用车|\d+\s*辆)/;

/** T09.3 (soft): the 相关统计数 under 公开09 agree with its money (counts-and-money.ts). */
function statisticsClaims(model: DocumentModel, v09: View, sink: ClaimSink): void {
  const stats = statisticsTable(model, v09.table.id);
  const record = sangongRecords(v09.table)[0];
  if (!stats || !record) return;
  const list = items(stats);
  const links: Array<CountLink & { money: number; count: RegExp }> = [
    { money: 8, count: /团组数/, ...COUNT_LINKS.trips },
    { money: 10, count: /购置数/, ...COUNT_LINKS.purchases },
    { money: 11, count: /保有量/, ...COUNT_LINKS.running },
    { money: 12, count: /接待批次/, ...COUNT_LINKS.hospitality },
  ];
  // (`…公开拍卖处置2辆，年末公务用车保有量0辆。本年运行维护费为车辆处置前发生的…`: cars held at the year's end may be none though some ran
  // before they were disposed of.)
  const carsDisposed = CARS_DISPOSED.test(model.text);
  for (const link of links) {
    const at = record.get(link.money);
    const it = list.find((x) => link.count.test(x.entry.label));
    if (!at || !it || (link === links[2] && carsDisposed)) continue;
    const money = cellOperand(model, v09.table, at.row, at.col, `${v09.name} ${at.label}`);
    const count = statisticsCount(model, it, itemLabel(it));
    if (!money || !count) continue;
    const description = l(`${link.zh}一致（“三公”经费表与相关统计数）`, `${link.en} agree (table 09 and its statistics)`);
    const relation = countAgainstMoney(money, count, link.both);
    if (relation) emitPair(sink, { kind: 'le', origin: 'cross-table', identity: 'T09.3', description, a: relation.part, b: relation.whole, soft: true, message: relation.message });
  }
}

/**
 * 公开02表's column of the year's income: `本年收入合计`, else its `合计`, except in a layout that puts the carry-over first
 * (`合计 | 上年结转和结余 | 本年收入（小计 | 财政拨款收入 | …）`), where 合计 includes the carry-over and the year's is 本年收入's 小计.
 */
function yearIncomeColumn(v02: View): number | undefined {
  const named = v02.col(/本年收入合计/);
  if (named !== undefined) return named;
  if (v02.col(/上年结转|年初结转/) !== undefined) return v02.col(/^本年收入\/(?:小计|合计)$/);
  return v02.col(/^合计$/);
}
