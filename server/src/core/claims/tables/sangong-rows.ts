// A transposed 三公 table's rows beyond 预算数 / 决算数 (`差额 | 完成率 | 上年决算数 | 增减额 | 增减率`), column by column:
// each amount row's 合计 is the sum of its parts (T09.1 on that row), the gap is 决算 − 预算 (or 预算 − 决算, as the
// columns bear out), the rate 决算 / 预算, and the change 决算 − 上年 with its rate.
import { operand } from '../../arith/interval';
import { isZero } from '../../arith/operand';
import { l } from '../../messages';
import type { ChangeClaim, CompletionClaim, DocumentModel, Operand, Table, TableRow } from '../../types';
import type { ClaimSink } from '../sink';
import { cellOperand, headerText } from './access';
import { emitSum } from './emit';
import { sangongQuantityColumns } from './sangong';

const BUDGET_ROW = /^(?:年初|全年|调整后?)?预算数?$/;
const ACTUAL_ROW = /^(?:本年)?决算数?$/;
const PRIOR_ROW = /^上年(?:决算)?数?$/;
/** `决算比预算增减`, `差额`: a gap from the budget (a rate row is no gap). */
const GAP_ROW = /^差额$|预算.*(?:增减|差额)|(?:增减|差额).*预算/;
const COMPLETION_ROW = /完成率|执行率|完成(?:年初|全年|调整后?)?预算/;
const RATE_ROW = /(?:增减|增长|变动)(?:率|幅度)|比上年增减.*[%％]/;
/** `增减额`, `决算比上年增减`: the change over last year. */
const CHANGE_ROW = /^增减额?$|上年.*(?:增减|变动)额?$/;

export function transposedSangongRows(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const columns = sangongQuantityColumns(table);
  if (columns.size < 2) return;
  const rows = table.rows.filter((r) => r.kind === 'data' || r.kind === 'total');
  const row = (re: RegExp, not?: RegExp) => rows.find((r) => re.test(bare(r.label)) && !not?.test(bare(r.label)));
  const budget = row(BUDGET_ROW);
  const actual = row(ACTUAL_ROW);
  const prior = row(PRIOR_ROW);
  const gap = row(GAP_ROW, /率|[%％]/);
  const completion = row(COMPLETION_ROW);
  const change = row(CHANGE_ROW, /率|[%％]|预算/);
  const rate = row(RATE_ROW, /预算|完成/);
  if (!actual || (!budget && !prior)) return;
  const amount = (r: TableRow | undefined, col: number) => (r ? cellOperand(model, table, r, col, `${r.label} ${headerText(table, col)}`) : undefined);
  const percent = (r: TableRow | undefined, col: number): Operand | undefined => {
    const n = r?.cells[col]?.number;
    return r && n !== undefined ? operand(model.numbers[n], `${r.label} ${headerText(table, col)}`) : undefined;
  };
  // (The 合计 of the rows the records do not hold: 上年决算数, the gap and the change.)
  for (const r of [prior, gap, change]) {
    if (!r) continue;
    const total = columns.get(1);
    const vehicles = columns.get(3) !== undefined ? [columns.get(3)] : [columns.get(4), columns.get(5)];
    const parts = [columns.get(2), ...vehicles, columns.get(6)];
    if (total === undefined || parts.some((c) => c === undefined)) continue;
    emitSum(sink, {
      kind: 'sum',
      identity: 'T09.1',
      description: l(`“三公”经费${r.label}：合计 = 各项之和`, `三公 ${r.label}: total = the sum of the items`),
      total: amount(r, total),
      parts: parts.map((c) => amount(r, c!)),
    });
  }
  const budgetFirst = gap && budget ? budgetLessActual(model, gap, budget, actual, [...columns.values()]) : false;
  for (const col of columns.values()) {
    const a = amount(actual, col);
    if (!a) continue;
    const b = amount(budget, col);
    if (gap && b) {
      emitSum(sink, {
        kind: 'sum',
        identity: 'comparison.difference',
        description: budgetFirst
          ? l(`“三公”经费${headerText(table, col)}：${gap.label} = 预算数 − 决算数`, `三公 ${headerText(table, col)}: ${gap.label} = budget − actual`)
          : l(`“三公”经费${headerText(table, col)}：${gap.label} = 决算数 − 预算数`, `三公 ${headerText(table, col)}: ${gap.label} = actual − budget`),
        total: amount(gap, col),
        parts: budgetFirst ? [b, a] : [a, b],
        signs: [1, -1],
      });
    }
    const stated = percent(completion, col);
    if (stated && b && !isZero(b) && (stated.unit === '%' || stated.unit === undefined || stated.unit === '')) {
      sink.add<CompletionClaim>({
        kind: 'completion',
        origin: 'table',
        identity: 'comparison.rate',
        description: l(`“三公”经费${headerText(table, col)}：完成率 = 决算数 / 预算数`, `三公 ${headerText(table, col)}: completion = actual / budget`),
        span: stated.span!,
        actual: a,
        budget: b,
        rate: stated,
      });
    }
    const p = amount(prior, col);
    const delta = change ? amount(change, col) : undefined;
    const r = percent(rate, col);
    if (!p || (!delta && !r) || (r && !(r.unit === '%' || r.unit === undefined || r.unit === ''))) continue;
    const signed = delta ?? r;
    sink.add<ChangeClaim>({
      kind: 'change',
      origin: 'table',
      identity: 'table.change',
      description: l(`“三公”经费${headerText(table, col)}：增减额 = 决算数 − 上年决算数，增减率 = 增减额 / 上年决算数`, `三公 ${headerText(table, col)}: change = actual − last year, rate = change / last year`),
      span: (r ?? delta)!.span!,
      direction: !signed || signed.value.isZero() ? 'flat' : signed.value.isNegative() ? 'down' : 'up',
      current: a,
      prior: p,
      delta,
      rate: r,
    });
  }
}

function bare(label: string): string {
  return label.replace(/\s|[（(](?:万元|%|％)[)）]/g, '');
}

/** Whether the gap row is 预算 − 决算 in more columns than 决算 − 预算 (a bare `差额` says neither). */
function budgetLessActual(model: DocumentModel, gap: TableRow, budget: TableRow, actual: TableRow, cols: number[]): boolean {
  let budgetFirst = 0;
  let actualFirst = 0;
  const value = (r: TableRow, c: number) => model.numbers[r.cells[c]?.number ?? -1]?.value;
  for (const c of cols) {
    const [g, b, a] = [value(gap, c), value(budget, c), value(actual, c)];
    if (!g || !b || !a || g.isZero()) continue;
    if (b.minus(a).eq(g)) budgetFirst++;
    if (a.minus(b).eq(g)) actualFirst++;
  }
  return budgetFirst > actualFirst;
}
