// Rates and changes a table states per row (regional templates print them beside the amounts): `决算数为调整预算数的%` /
// `完成率` = 决算 / 预算 (prose.md §4 on a table row), `增减额` = 本年 − 上年, `增减率` = 增减额 / 上年 (prose.md §3), and
// `占比(%)` = the row's amount / the 合计's.
import type { ChangeClaim, CompletionClaim, DocumentModel, Localized, ShareClaim, Table } from '../../types';
import { l } from '../../messages';
import type { ClaimSink } from '../sink';
import { columnIndexes } from '../../model/tables';
import Decimal from 'decimal.js';
import { asExact, Operand } from '../../arith/operand';
import { checkRatio, sumOperand, written } from '../../arith/interval';
import { emitSum } from './emit';
import { blankAt, headerText, itemLabel, itemName, itemOperand, items, rateOperand, totalItem, valueColumns, type Item } from './access';

// (`完成年初预算（%）`, `完成预算%`.)
const COMPLETION_RATE = /为.*预算.*[%％]|占.*预算.*[%％]|完成率|执行率|完成(?:年初|全年|调整后?)?(?:预算)?数?[（(]?[%％]/;
// (Or a rate column headed by the change alone, `同比增减` over `15.88%`: the column's role says it is a rate.)
// (Not `年均增长率`: compound over the years, no one-year change.)
const CHANGE_RATE = /(?<!年均)(?:增、?减率|增长率|变动率)|(?:增长|上升|增)[（(](?:下降|减少|减)[)）](?:率|幅)|(?:增、?减|增长|变动)幅度|增减[%％]|增长[%％]|比上年增减.*[%％]|^(?:同比|比上年|较上年)?增减$/;
const SHARE = /占比|比重|占.*比例/;
const SHARE_DIFFERENCE = /增减|变动|百分点/;
// (`2023年 | 2024年 | 增减`: the later year's column, beside the earlier one model/tables.ts made last year's.)
const THIS_YEAR = /本年|决算|^(?:19|20)\d\d\s*年度?$/;
const BUDGET = /预算/;

export function rateClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const prior = lastYearColumn(table);
  // (Of several change columns, `决算比预算增减 | … | 比上年增减额`, the one against last year: a gap from the budget is no change.)
  const changes = columnIndexes(table.columns, 'change', 0);
  const delta = changes.find((c) => /上年|同比/.test(headerText(table, c))) ?? changes.find((c) => !/预算/.test(headerText(table, c)));
  const current = prior !== undefined ? thisYearColumn(table, prior) : undefined;
  let changeRated = false;
  for (const col of columnIndexes(table.columns, 'rate', 0)) {
    const header = headerText(table, col);
    const changeRate = CHANGE_RATE.test(header);
    changeRated ||= changeRate;
    // (`2024年比2023年增减率 | 2024年比2022年增减率`: each rate between the years its header names.)
    const between = BETWEEN_YEARS.exec(header);
    if (changeRate && between) {
      const [later, earlier] = [yearColumn(table, between[1]), yearColumn(table, between[2])];
      if (later !== undefined && earlier !== undefined) changeRows(model, table, sink, { current: later, prior: earlier, delta: between[2] === yearOf(table, prior) ? delta : undefined, rate: col });
    } else if (changeRate && current !== undefined) changeRows(model, table, sink, { current, prior: prior!, delta, rate: col });
    // (`决算数 | 占项目支出比重 | 累计占比`: the running sum of the shares, no share of one row.)
    else if (CUMULATIVE.test(header)) cumulativeRows(model, table, sink, col);
    // (`占比增减（个百分点）`: a difference of two shares, no share.)
    else if (SHARE.test(header) && SHARE_DIFFERENCE.test(header)) shareDifferenceRows(model, table, sink, col);
    else if (SHARE.test(header)) shareRows(model, table, sink, col);
    else if (COMPLETION_RATE.test(header)) {
      const cols = completionColumns(model, table, header, col);
      if (cols) completionRows(model, table, sink, cols.actual, cols.budget, col);
    }
  }
  // A change column without a rate column beside it is still 本年 − 上年.
  if (current !== undefined && delta !== undefined && !changeRated) changeRows(model, table, sink, { current, prior: prior!, delta, rate: undefined });
  // (`年初数 | 年末数 | 增减额`, an assets table: the change over the year, 年末 − 年初.)
  else if (prior === undefined && delta !== undefined) {
    const values = valueColumns(table, 0);
    const opening = values.find((c) => /^年初/.test(headerText(table, c)));
    const closing = values.find((c) => /^年末/.test(headerText(table, c)));
    const rate = columnIndexes(table.columns, 'rate', 0).find((c) => CHANGE_RATE.test(headerText(table, c)));
    if (opening !== undefined && closing !== undefined) changeRows(model, table, sink, { current: closing, prior: opening, delta, rate }, OVER_THE_YEAR);
  }
  // (`年初预算 | 决算 | 较年初预算增减 | 较年初预算增减幅度`: the gap from the one budget, 决算 − 预算, and its rate over the budget.)
  if (prior === undefined) {
    const gap = changes.find((c) => BUDGET.test(headerText(table, c)));
    const budgets = valueColumns(table, 0).filter((c) => BUDGET.test(headerText(table, c)));
    const actual = thisYearColumn(table);
    const rate = columnIndexes(table.columns, 'rate', 0).find((c) => CHANGE_RATE.test(headerText(table, c)) && BUDGET.test(headerText(table, c)));
    if (gap !== undefined && budgets.length === 1 && actual !== undefined) changeRows(model, table, sink, { current: actual, prior: budgets[0], delta: gap, rate }, OVER_THE_BUDGET);
  }
}

const CUMULATIVE = /累计(?:占比|比重|百分比|比例)/;

/**
 * A ranking table's `累计占比` (`排序 | 项级科目 | 决算数 | 占项目支出比重 | 累计占比`): each row's is the row before's plus the row's own
 * share, the first row's its share.
 */
function cumulativeRows(model: DocumentModel, table: Table, sink: ClaimSink, cumulativeCol: number): void {
  const shares = columnIndexes(table.columns, 'rate', 0).filter((c) => c !== cumulativeCol && SHARE.test(headerText(table, c)) && !CUMULATIVE.test(headerText(table, c)) && !SHARE_DIFFERENCE.test(headerText(table, c)));
  if (shares.length !== 1) return;
  let previous: Operand | undefined;
  for (const it of items(table)) {
    if (it.entry.block !== 0) continue;
    const cumulative = rateOperand(model, it, cumulativeCol, `${itemName(it)} · 累计占比`);
    const share = rateOperand(model, it, shares[0], `${itemName(it)} · 占比`);
    if (!cumulative || !share) {
      previous = undefined;
      continue;
    }
    emitSum(sink, {
      kind: 'sum',
      identity: 'table.cumulative-share',
      description: l(`${itemName(it)}：累计占比 = 上一行累计占比 + 本行占比`, `${itemName(it)}: cumulative share = the row before's + this row's share`),
      total: cumulative,
      parts: previous ? [previous, share] : [share],
      anchor: it.entry.labelSpan,
    });
    previous = cumulative;
  }
}

const BETWEEN_YEARS = /((?:19|20)\d\d)\s*年度?\s*(?:比|较|与|对比)\s*((?:19|20)\d\d)\s*年/;

/** Last year's column: of several dated ones (`2022年决算数 | 2023年决算数 | 2024年决算数`), the latest. */
function lastYearColumn(table: Table): number | undefined {
  const priors = columnIndexes(table.columns, 'prior', 0);
  if (priors.length < 2) return priors[0];
  let best = priors[0];
  for (const c of priors) if ((yearOf(table, c) ?? '') > (yearOf(table, best) ?? '')) best = c;
  return best;
}

function yearOf(table: Table, col: number | undefined): string | undefined {
  return col === undefined ? undefined : /((?:19|20)\d\d)\s*年/.exec(headerText(table, col))?.[1];
}

/** The amount column (this year's or an earlier year's) whose header names `year`, when one does. */
function yearColumn(table: Table, year: string): number | undefined {
  const found = table.columns.filter((c) => c.block === 0 && (c.role === 'value' || c.role === 'prior') && yearOf(table, c.index) === year);
  return found.length === 1 ? found[0].index : undefined;
}

/** This year's amount column beside a 上年 column: the one value column that says 本年 or 决算 (the change has a role of its own). */
function thisYearColumn(table: Table, prior?: number): number | undefined {
  const candidates = valueColumns(table, 0).filter((c) => THIS_YEAR.test(headerText(table, c)) && !BUDGET.test(headerText(table, c)));
  if (candidates.length === 1 || prior === undefined) return candidates.length === 1 ? candidates[0] : undefined;
  // (`分配金额 | … | 2023年分配金额`: last year's column's words without its year.)
  const words = headerText(table, prior).replace(/(?:19|20)\d\d\s*年度?/, '');
  const twins = valueColumns(table, 0).filter((c) => headerText(table, c) === words);
  return candidates.length === 0 && twins.length === 1 ? twins[0] : undefined;
}

/**
 * The 决算 and 预算 columns of a completion rate: the budget its header names (`决算数为调整预算数的%`: the 调整预算 column),
 * else the only budget column; the actual is the only 决算 column that is no budget, or the 小计 of the 决算 group.
 */
function completionColumns(model: DocumentModel, table: Table, header: string, rateCol: number): { actual: number; budget: number } | undefined {
  const values = valueColumns(table, 0);
  const actuals = values.filter((c) => /决算|执行|支出/.test(headerText(table, c)) && !BUDGET.test(headerText(table, c)));
  // (`追加预算 | 调减预算`: adjustments of a budget, no budget a rate is of.)
  const budgets = values.filter((c) => BUDGET.test(headerText(table, c)) && !ADJUSTMENT.test(headerText(table, c)));
  // (Or the note under the table: `注：完成率=决算数÷调整预算数×100%`.)
  const note = table.notes?.map((n) => n.text).find((t) => /(?:完成率|执行率)/.test(t));
  const named = /(年初|调整|全年|变动|调整后)预算/.exec(header)?.[1] ?? (note ? /(?:决算数?[÷/]|占)(年初|调整|全年|变动|调整后)预算/.exec(note)?.[1] : undefined);
  const budget = named ? budgets.filter((c) => headerText(table, c).includes(named)) : budgets;
  // (`决算数 | 小计 | 基本支出 | 项目支出`: the group's 小计 is the 决算数.)
  // (Or one header, `决算数合计 | 基本支出 | 项目支出`.)
  const totals = actuals.filter((c) => /^(?:小计|合计)$|^决算数?(?:合计|小计)?$/.test(table.columns[c].headerPath.at(-1) ?? ''));
  const actual = actuals.length === 1 ? actuals[0] : totals.length === 1 ? totals[0] : undefined;
  if (actual === undefined || budget.length === 0) return undefined;
  // (`年初预算 | … | 全年预算 | 全年执行数 | 执行率(%)`: a rate that names no budget is of the one its rows bear out.)
  const chosen = budget.length === 1 ? budget[0] : borneOutBudget(model, table, actual, budget, rateCol);
  return chosen === undefined ? undefined : { actual, budget: chosen };
}

const ADJUSTMENT = /追加|调增|调减/;

/** Of several budget columns, the one most rows' rates hold against (most rows, not a tie). */
function borneOutBudget(model: DocumentModel, table: Table, actualCol: number, budgets: number[], rateCol: number): number | undefined {
  const held = budgets.map((budgetCol) => {
    let n = 0;
    for (const it of items(table)) {
      if (it.entry.block !== 0) continue;
      const rate = rateOperand(model, it, rateCol, '');
      const actual = rate && itemOperand(model, table, it, actualCol);
      const budget = actual && !blankAt(table, it, budgetCol) ? itemOperand(model, table, it, budgetCol) : undefined;
      if (rate && actual && budget && !budget.value.isZero() && checkRatio(actual, budget, rate).status === 'ok') n++;
    }
    return n;
  });
  const most = Math.max(...held);
  return most > 0 && held.filter((n) => n === most).length === 1 ? budgets[held.indexOf(most)] : undefined;
}

/** A rate cell as stated (`95.00` or `95.00%`), unitless: a rate column's cells are no amounts. */
function completionRows(model: DocumentModel, table: Table, sink: ClaimSink, actualCol: number, budgetCol: number, rateCol: number): void {
  for (const it of items(table)) {
    if (it.entry.block !== 0) continue;
    const rate = rateOperand(model, it, rateCol, `${itemName(it)} · 完成率`);
    const actual = itemOperand(model, table, it, actualCol);
    const budget = itemOperand(model, table, it, budgetCol);
    if (!rate || !actual || !budget || blankAt(table, it, budgetCol)) continue;
    sink.add<CompletionClaim>({
      kind: 'completion',
      origin: 'table',
      identity: 'table.completion',
      description: l(`${itemName(it)}：完成率 = 决算数 / 预算数`, `${itemName(it)}: completion rate = actual / budget`),
      span: rate.span!,
      soft: undefined,
      actual,
      budget,
      rate,
      comparison: undefined,
      otherBudget: undefined,
    });
  }
}

const OVER_THE_YEAR = { zh: '增减额 = 年末数 − 年初数，增减率 = 增减额 / 年初数', en: 'change = year-end − year-start, rate = change / year-start' };
const OVER_THE_BUDGET = { zh: '增减额 = 决算数 − 预算数，增减率 = 增减额 / 预算数', en: 'gap = actual − budget, rate = gap / budget' };
const OVER_LAST_YEAR = { zh: '增减额 = 本年 − 上年，增减率 = 增减额 / 上年', en: 'change = this year − last year, rate = change / last year' };

function changeRows(model: DocumentModel, table: Table, sink: ClaimSink, cols: { current: number; prior: number; delta: number | undefined; rate: number | undefined }, formula = OVER_LAST_YEAR): void {
  for (const it of items(table)) {
    if (it.entry.block !== 0) continue;
    // (Labelled with their columns: the row's three figures are of three columns.)
    const current = itemOperand(model, table, it, cols.current, '', true);
    const prior = itemOperand(model, table, it, cols.prior, '', true);
    // (A blank 增减额 cell states no change: the rate alone is checked.)
    const delta = cols.delta === undefined || blankAt(table, it, cols.delta) ? undefined : itemOperand(model, table, it, cols.delta, '', true);
    const rate = cols.rate === undefined ? undefined : rateOperand(model, it, cols.rate, `${itemName(it)} · 增减率`);
    addChange(sink, l(`${itemName(it)}：${formula.zh}`, `${itemName(it)}: ${formula.en}`), current, prior, delta, rate);
  }
}

/**
 * A table of years by row (`年度 | 收入合计 | 支出合计` over `2022年 | …`, `2023年 | …`, `增减额 | …`, `增减率 | …`): in each column, the
 * 增减额 row is the latest year's figure less the year's before, and the 增减率 row that change over the earlier year.
 */
export function yearRowClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  if (table.kind !== 'unknown') return;
  const list = items(table).filter((it) => it.entry.block === 0);
  const years = list.filter((it) => YEAR_ROW.test(itemLabel(it))).sort((a, b) => YEAR_ROW.exec(itemLabel(a))![1].localeCompare(YEAR_ROW.exec(itemLabel(b))![1]));
  const deltaRow = list.find((it) => DELTA_ROW.test(itemLabel(it)));
  const rateRow = list.find((it) => RATE_ROW.test(itemLabel(it)));
  if (years.length < 2 || (!deltaRow && !rateRow)) return;
  const [before, latest] = years.slice(-2);
  const [earlier, later] = [YEAR_ROW.exec(itemLabel(before))![1], YEAR_ROW.exec(itemLabel(latest))![1]];
  for (const col of [...valueColumns(table, 0), ...columnIndexes(table.columns, 'rate', 0)]) {
    const header = headerText(table, col);
    const delta = deltaRow && !blankAt(table, deltaRow, col) ? itemOperand(model, table, deltaRow, col, '', true) : undefined;
    const rate = rateRow ? rateOperand(model, rateRow, col, `${header} · 增减率`) : undefined;
    const formula = l(`${header}：增减额 = ${later}年 − ${earlier}年，增减率 = 增减额 / ${earlier}年`, `${header}: change = ${later} − ${earlier}, rate = change / ${earlier}`);
    addChange(sink, formula, itemOperand(model, table, latest, col, '', true), itemOperand(model, table, before, col, '', true), delta, rate);
  }
}
const YEAR_ROW = /^((?:19|20)\d\d)\s*年度?$/;
const DELTA_ROW = /^(?:增减额|增减|增减变动|变动额|增加额|(?:同比|比上年|较上年)增减(?:额)?)$/;
const RATE_ROW = /^(?:增减率|增长率|变动率|增减幅度|增幅|(?:同比|比上年|较上年)增减率)(?:[（(]%[)）])?$/;

/** A change a table states, with its figures: the direction is the one the change states, else the rate's. */
function addChange(sink: ClaimSink, description: Localized, current: Operand | undefined, prior: Operand | undefined, delta: Operand | undefined, rate: Operand | undefined): void {
  if (!current || !prior || (!rate && !delta)) return;
  const signed = delta ?? rate;
  const direction = !signed || signed.value.isZero() ? 'flat' : signed.value.isNegative() ? 'down' : 'up';
  // (`-71.95 | 10.97%`: a rate whose sign is not its change's says the other way.)
  const rateDirection: 'up' | 'down' | undefined = rate && !rate.value.isZero() ? (rate.value.isNegative() ? 'down' : 'up') : undefined;
  const rateWord = delta && direction !== 'flat' && rateDirection && rateDirection !== direction ? { direction: rateDirection, span: rate!.span! } : undefined;
  sink.add<ChangeClaim>({
    kind: 'change',
    origin: 'table',
    identity: 'table.change',
    description,
    span: (rate ?? delta)!.span!,
    soft: undefined,
    direction,
    directionSpan: undefined,
    rateWord,
    undecided: undefined,
    current,
    prior,
    delta,
    rate,
    priorBeforeRate: undefined,
  });
}

/** Of the amount columns before a share column, the one whose rows' shares of the total hold most often (the last on a tie). */
function borneOutColumn(model: DocumentModel, table: Table, list: Item[], total: Item | undefined, shareCol: number, amounts: number[]): number | undefined {
  const last = amounts.at(-1);
  if (!total || amounts.length < 2) return last;
  const held = (col: number) => {
    const base = itemOperand(model, table, total, col);
    if (!base || base.value.isZero()) return -1;
    let n = 0;
    for (const it of list) {
      const stated = it === total ? undefined : rateOperand(model, it, shareCol, '');
      const part = stated && itemOperand(model, table, it, col);
      if (stated && part && checkRatio(part, base, stated).status === 'ok') n++;
    }
    return n;
  };
  let best = last!;
  let most = held(best);
  for (const col of amounts) {
    const n = col === last ? most : held(col);
    if (n > most) [best, most] = [col, n];
  }
  return best;
}

/** Whether more rows state `shareCol` as amountCol / firstCol of the row than as amountCol / the total's. */
function rowRatioBorneOut(model: DocumentModel, list: Item[], shareCol: number, amountCol: number, firstCol: number, total: Item): boolean {
  const cell = (it: Item, c: number) => model.numbers[it.row.cells[c]?.number ?? -1];
  const totalAmount = cell(total, amountCol);
  let row = 0;
  let column = 0;
  for (const it of list) {
    const [stated, part, whole] = [cell(it, shareCol), cell(it, amountCol), cell(it, firstCol)];
    if (!stated || !part || !whole || whole.value.isZero()) continue;
    const half = new Decimal(10).pow(-stated.decimals);
    if (part.value.div(whole.value).times(100).minus(stated.value).abs().lte(half)) row++;
    if (totalAmount && !totalAmount.value.isZero() && part.value.div(totalAmount.value).times(100).minus(stated.value).abs().lte(half)) column++;
  }
  return row > column;
}

/** `2018年占比 | … | 2019年占比 | 占比增减（个百分点）`: per row, the later share less the earlier. */
function shareDifferenceRows(model: DocumentModel, table: Table, sink: ClaimSink, col: number): void {
  const shares = columnIndexes(table.columns, 'rate', 0).filter((c) => c < col && SHARE.test(headerText(table, c)) && !SHARE_DIFFERENCE.test(headerText(table, c)));
  // (`上年决算数 | 本年决算数 | … | 2024年占比 | 占比变动（个百分点）`: last year's share, not printed, is its row's 上年决算数 over the 合计's.)
  const prior = shares.length === 1 ? table.columns.find((c) => c.block === 0 && c.role === 'prior' && c.index < col)?.index : undefined;
  const list = items(table).filter((it) => it.entry.block === 0);
  const total = prior === undefined ? undefined : totalItem(list);
  const priorTotal = total && prior !== undefined ? itemOperand(model, table, total, prior) : undefined;
  if (shares.length !== 2 && !(priorTotal && priorTotal.value.gt(0))) return;
  const [earlier, later] = shares.length === 2 ? shares : [undefined, shares[0]];
  const lastYears = (it: Item) => {
    const part = itemOperand(model, table, it, prior!);
    if (!part || !priorTotal) return undefined;
    const [low, high] = [part.value.minus(part.halfUlp).div(priorTotal.value.plus(priorTotal.halfUlp)), part.value.plus(part.halfUlp).div(priorTotal.value.minus(priorTotal.halfUlp))].map((v) => v.times(100));
    const value = part.value.div(priorTotal.value).times(100);
    // (The share as the author may have rounded it before subtracting, 2 decimals.)
    const halfUlp = Decimal.max(value.minus(low), high.minus(value)).plus(ROUNDED_SHARE);
    return new Operand({ value, halfUlp, unit: '%' }, `${itemName(it)} · 上年占比（${written(part)} / ${written(priorTotal)}）`);
  };
  for (const it of list) {
    const stated = rateOperand(model, it, col, `${itemName(it)} · ${headerText(table, col)}`);
    const a = rateOperand(model, it, later, `${itemName(it)} · ${headerText(table, later)}`);
    const b = earlier !== undefined ? rateOperand(model, it, earlier, `${itemName(it)} · ${headerText(table, earlier)}`) : lastYears(it);
    if (!stated || !a || !b) continue;
    emitSum(sink, {
      kind: 'sum',
      identity: 'table.share-difference',
      description: l(`${itemName(it)}：占比增减 = 后一年占比 − 前一年占比`, `${itemName(it)}: change of share = the later share − the earlier`),
      total: stated,
      parts: [a, b],
      signs: [1, -1],
    });
  }
}

const ROUNDED_SHARE = new Decimal('0.005');

/** A share column's header naming its figure and maybe its base: `中小企业合同金额占比`, `小微企业合同金额占中小企业比例`. */
const SHARE_WORDS = /^(.{2,}?)(?:金额)?占(?:比|(.{2,}?)(?:的)?(?:比例|比重))/;

/** A column of counts or physical quantities: `常住人口（万人）`, `补贴面积（亩）`, `岗位数`, `户数`. */
const PHYSICAL_COLUMN = /人口|人数|户数|岗位数|个数|面积|数量|[（(](?:人|户|个|亩|万人|座|场|辆|平方米|公里|所|元\/人)[)）]|标准/;

const COUNT_COLUMN = /个数|项目数|[（(](?:个|项|人|辆|家|户)[)）]$/;

/**
 * `科目编码 | 科目名称 | 决算数 | 占比(%)`: each row's share of the 合计 row (or of a first row named …合计, `政府采购支出合计`), of
 * the amount column the share's header names, else the one its rows bear out (the one right before it, unless another fits more
 * rows). The shares of the top rows (the 类, or every row of a table without codes) are one list, which adds up to 100%.
 */
function shareRows(model: DocumentModel, table: Table, sink: ClaimSink, shareCol: number): void {
  // (`常住人口（万人） | 补助标准 | 分配金额 | 占比（%）`: a share of the money, whose rows the counts bear out as well when the money is
  // counts × a standard; counts only when the share names them or there is no money.)
  const before = valueColumns(table, 0).filter((c) => c < shareCol);
  const money = before.filter((c) => !PHYSICAL_COLUMN.test(headerText(table, c)));
  const amounts = money.length > 0 && !PHYSICAL_COLUMN.test(headerText(table, shareCol)) ? money : before;
  // (`年初数 | 年末数 | 增减额 | 年末占比`: the column its header names, else the last before it.)
  // (`上年决算数 | 本年决算数 | … | 本年占比 | 上年占比`: last year's share is of last year's column, whose role is 'prior'.)
  const named = /^(年初|年末|决算|预算|上年|本年)/.exec(headerText(table, shareCol))?.[1];
  const candidates = named === '上年' ? table.columns.filter((c) => c.block === 0 && c.role === 'prior' && c.index < shareCol).map((c) => c.index) : amounts;
  const list = items(table).filter((it) => it.entry.block === 0);
  // (Or a first or last row named …合计: `政府采购支出合计`, `资产总计`, `资产总额`.)
  const total = totalItem(list) ?? [list[0], list.at(-1)].find((it) => it && /(?:合计|总计|总额)$/.test(itemLabel(it)));
  // (`支出合计 | 基本支出 | 项目支出 | 占比（%）`: a share named by no column is of the column its rows bear out, the last before it
  // unless another fits more rows.)
  // (`中小企业合同金额占比`, `小微企业合同金额占中小企业比例`: a header naming its figure, and maybe its base, among the columns.)
  const words = SHARE_WORDS.exec(headerText(table, shareCol).replace(/^其中[：:]/, ''));
  // (The one column naming those words: `支出占比` over `本年支出合计 | 基本支出 | 项目支出` names none.)
  const columnOf = (w: string | undefined, except?: number) => {
    const found = w ? amounts.filter((c) => c !== except && headerText(table, c).includes(w)) : [];
    return found.length === 1 ? found[0] : undefined;
  };
  const namedPart = named ? undefined : columnOf(words?.[1]);
  const amountCol = named
    ? (candidates.filter((c) => headerText(table, c).startsWith(named)).at(-1) ?? (named === '上年' ? undefined : amounts.at(-1)))
    : (namedPart ?? borneOutColumn(model, table, list, total, shareCol, amounts));
  if (amountCol === undefined) return;
  const namedBase = namedPart !== undefined ? columnOf(words?.[2], amountCol) : undefined;
  // (`项目个数 | 个数占比`: counts are exact, not amounts rounded to their last digit.)
  const counted = COUNT_COLUMN.test(headerText(table, amountCol));
  const amountOf = (it: Item) => {
    const o = itemOperand(model, table, it, amountCol);
    return o && counted ? asExact(o) : o;
  };
  if (!total) {
    sharesOfRowsSum(list, shareCol, amountOf, model, sink);
    return;
  }
  const base = amountOf(total);
  if (!base) return;
  // (`采购金额 | 占采购总额比例 | 授予中小企业合同金额 | 中小企业占比`: a share of a row's own figure, when the rows bear that out,
  // or of the column the header names.)
  const rowBase = namedBase ?? amounts[0];
  if (namedBase !== undefined || (amounts.length >= 2 && rowRatioBorneOut(model, list, shareCol, amountCol, amounts[0], total))) {
    for (const it of list) {
      const stated = rateOperand(model, it, shareCol, `${itemName(it)} · 占比`);
      const part = itemOperand(model, table, it, amountCol, '', true);
      const whole = itemOperand(model, table, it, rowBase, '', true);
      if (!stated || !part || !whole || whole.value.isZero()) continue;
      sink.add<ShareClaim>({
        kind: 'share',
        origin: 'table',
        identity: 'table.row-share',
        description: l(`${itemName(it)}：占比 = ${headerText(table, amountCol)} / ${headerText(table, rowBase)}`, `${itemName(it)}: share = ${headerText(table, amountCol)} / ${headerText(table, rowBase)}`),
        span: stated.span!,
        part,
        base: whole,
        stated,
      });
    }
    return;
  }
  // (`项目名称 | 支出金额 | 占项目支出比重（%）` whose 合计 row states 51.74: the shares are of a whole outside the table, the 合计's
  // share being theirs together.)
  const totalShare = rateOperand(model, total, shareCol, `${itemName(total)} · 占比`);
  // (Per one in a spreadsheet's column, `1.0000`.)
  const whole = totalShare?.unit === '' ? 1 : 100;
  if (totalShare && totalShare.value.minus(whole).abs().gt(whole / 100)) {
    emitSum(sink, {
      kind: 'sum',
      identity: 'table.shares-of-outside-whole',
      description: l(`${itemLabel(total)}的占比 = 各行占比之和`, `the share of ${itemLabel(total)} = the sum of the rows' shares`),
      total: totalShare,
      parts: list.filter((it) => it !== total).map((it) => rateOperand(model, it, shareCol, `${itemName(it)} · 占比`)),
    });
    // (The rows whose shares add up to the 合计's are all of it: their amounts add up to its amount too.)
    rowsAddUpToTotal(list, total, amountOf, base, l(`${itemLabel(total)} = 各行之和`, `${itemLabel(total)} = the sum of the rows`), sink);
    return;
  }
  const top: ShareClaim[] = [];
  const coded = list.some((it) => it.entry.code);
  // (`合计 118.78 | 100.00%` over rows whose shares all fit the rows' own sum, 108.78, and not the 合计: the rows are the whole and the
  // 合计 is off.)
  if (!coded) totalOfSharedRows(model, list, total, shareCol, amountOf, base, sink);
  for (const it of list) {
    if (it === total) continue;
    const stated = rateOperand(model, it, shareCol, `${itemName(it)} · 占比`);
    const part = amountOf(it);
    if (!stated || !part) continue;
    const claim = sink.add<ShareClaim>({
      kind: 'share',
      origin: 'table',
      identity: 'table.share',
      description: l(`${itemName(it)}：占比 = 本行 / ${itemLabel(total)}`, `${itemName(it)}: share = the row / ${itemLabel(total)}`),
      span: stated.span!,
      part,
      base,
      stated,
    });
    if (!coded || it.entry.code?.length === 3) top.push(claim);
  }
  // (`其中：房屋及构筑物` and the rows after it may be parts of a row above: the shares are then no one list.)
  // (Nor are shares written per one, `0.3052`, a list percent-total can add up to 100%.)
  if (top.length < 2 || (!coded && list.some((it) => /^其中/.test(it.entry.label))) || top[0].stated.unit === '') return;
  const group = sink.add({
    kind: 'share-group',
    origin: 'table',
    identity: 'table.share-group',
    description: l(`${itemLabel(total)}各项占比`, `the shares of ${itemLabel(total)}`),
    span: { start: top[0].span.start, end: top.at(-1)!.span.end },
    shares: top.map((c) => c.id),
  });
  for (const c of top) c.group = group.id;
}

function totalOfSharedRows(model: DocumentModel, list: Item[], total: Item, shareCol: number, amountOf: (it: Item) => Operand | undefined, base: Operand, sink: ClaimSink): void {
  const rows = list.filter((it) => it !== total).map((it) => ({ stated: rateOperand(model, it, shareCol, ''), part: amountOf(it) }));
  if (rows.length < 2 || rows.some((r) => !r.stated || !r.part)) return;
  const sum = sumOperand(rows.map((r) => r.part!), '各行合计');
  if (sum.value.isZero() || !rows.every((r) => checkRatio(r.part!, sum, r.stated!).status === 'ok') || rows.every((r) => checkRatio(r.part!, base, r.stated!).status === 'ok')) return;
  rowsAddUpToTotal(list, total, amountOf, base, l(`${itemLabel(total)} = 各行之和（各行占比按各行之和计算）`, `${itemLabel(total)} = the sum of the rows (whose shares are of that sum)`), sink);
}

/** The 合计 row's amount is the sum of the other rows' (the rows being, by their shares, all of it). */
function rowsAddUpToTotal(list: Item[], total: Item, amountOf: (it: Item) => Operand | undefined, base: Operand, description: Localized, sink: ClaimSink): void {
  emitSum(sink, { kind: 'sum', identity: 'table.total-of-shared-rows', description, total: base, parts: list.filter((it) => it !== total).map(amountOf) });
}

/**
 * A share column in a table of no total row (`类 | 决算数（万元） | 占比 | …`): of the rows' sum, when all rows but one at most bear that
 * out (the rows are then the whole; a table of some items of a larger whole has most shares off).
 */
function sharesOfRowsSum(list: Item[], shareCol: number, amountOf: (it: Item) => Operand | undefined, model: DocumentModel, sink: ClaimSink): void {
  const rows = list.flatMap((it) => {
    const stated = rateOperand(model, it, shareCol, `${itemName(it)} · 占比`);
    const part = amountOf(it);
    return stated && part ? [{ it, stated, part }] : [];
  });
  if (rows.length < 3 || rows.length !== list.length) return;
  const base = sumOperand(rows.map((r) => r.part), '各行合计');
  if (base.value.isZero() || rows.filter((r) => checkRatio(r.part, base, r.stated).status === 'ok').length < rows.length - 1) return;
  for (const { it, stated, part } of rows) {
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'table',
      identity: 'table.share-of-rows',
      description: l(`${itemName(it)}：占比 = 本行 / 各行合计`, `${itemName(it)}: share = the row / the rows' sum`),
      span: stated.span!,
      part,
      base,
      stated,
    });
  }
}
