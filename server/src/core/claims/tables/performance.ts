// 项目支出绩效自评表 (xining `:527-571`): a form more than a table. Its cells are found by their
// labels (年初预算数 … 得分, 年度资金总额, 总分) rather than by column headers, because the PDF
// conversion shifts the header row against the data rows.
import Decimal from 'decimal.js';
import { operand } from '../../arith/interval';
import { asExact, makeOperand } from '../../arith/operand';
import type { DocumentModel, Operand, Table, TableRow } from '../../types';
import { l } from '../../messages';
import { norm } from '../../model/tables';
import type { ClaimSink } from '../sink';
import { cellOperand } from './access';
import { emitPair, emitSum } from './emit';


/** Token ids of one 绩效自评表's key cells (undefined when blank or absent). */
export interface PerformanceTableInfo {
  table: number;
  projectName?: string;
  /** 年度资金总额 row. */
  initialBudget?: number;
  annualBudget?: number;
  executed?: number;
  executionRate?: number;
  /** 资金 分值 (weight of the execution-rate score) and its 得分. */
  fundWeight?: number;
  fundScore?: number;
  /** 总分 row: 分值 (usually 100) and 得分. */
  totalWeight?: number;
  totalScore?: number;
  /** Indicator rows (绩效指标): 分值 and 得分 token ids. */
  indicators: Array<{ row: number; label: string; weight?: number; score?: number }>;
}

interface FundRow {
  row: TableRow;
  label: string;
  cols: Record<'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'rate' | 'score', number | undefined>;
}

const FUND_HEADERS: Array<[keyof FundRow['cols'], RegExp]> = [
  ['initialBudget', /^年初预算数/],
  ['annualBudget', /^(全年|调整后)预算数/],
  ['executed', /^(全年)?(实际)?执行数/],
  ['weight', /^分值$/],
  // 执行率（B/A） / 预算执行率 / 资金执行率.
  ['rate', /^(预算|资金)?执行率/],
  ['score', /^得分$/],
];

/** The 资金 rows: 年度资金总额 and its parts by source. */
const FUND_ROW = /^(?:其中[:：]?)?(?:年度资金总额|(?:当年|本年)?财政拨款|上年结转|其他资金)/;
const FUND_TOTAL = /年度资金总额/;
/** An indicator group's subtotal row: `产出指标小计`, `小计`, `决策（小计）`. */
const SUBTOTAL_LABEL = /^(?:[\u4e00-\u9fff]{0,8}指标)?小计$|^[\u4e00-\u9fff]{1,8}[（(]小计[)）]$/;

function tokenAt(row: TableRow, col: number | undefined): number | undefined {
  return col === undefined ? undefined : row.cells[col]?.number;
}

/** The 资金 rows, their columns aligned to the header (by offset from each row's label cell when the row is shifted). */
function fundRows(table: Table): FundRow[] {
  const header = table.rows.find((r) => r.cells.some((c) => /^年初预算数/.test(norm(c.text))) && r.cells.some((c) => /执行数/.test(norm(c.text))));
  if (!header) return [];
  const labels = header.cells.filter((c) => norm(c.text) !== '');
  const firstLabel = labels.find((c) => FUND_HEADERS.some(([, re]) => re.test(norm(c.text))));
  if (!firstLabel) return [];
  const out: FundRow[] = [];
  for (const row of table.rows.slice(header.index + 1)) {
    const labelCell = row.cells.find((c) => FUND_ROW.test(norm(c.text)));
    if (!labelCell) {
      if (out.length) break;
      continue;
    }
    // A label spanning two cells (`年度资金总额 |  | 7443.50`) leaves the row aligned with the header; a label followed
    // at once by its figures is the PDF shift, aligned by offset from the label.
    const adjacent = row.cells[labelCell.col + 1];
    const alignedWithHeader = firstLabel.col > labelCell.col + 1 && adjacent !== undefined && norm(adjacent.text) === '';
    const offset = alignedWithHeader ? 0 : labelCell.col + 1 - firstLabel.col;
    const cols = {} as FundRow['cols'];
    for (const [key, re] of FUND_HEADERS) {
      const h = labels.find((c) => re.test(norm(c.text)));
      cols[key] = h ? h.col + offset : undefined;
    }
    out.push({ row, label: norm(labelCell.text).replace(/^其中[:：]/, ''), cols });
  }
  return out;
}

export function performanceInfo(table: Table): PerformanceTableInfo {
  const info: PerformanceTableInfo = { table: table.id, projectName: table.projectName, indicators: [] };
  const rows = fundRows(table);
  const main = rows.find((f) => FUND_TOTAL.test(f.label)) ?? rows[0];
  if (main) {
    info.initialBudget = tokenAt(main.row, main.cols.initialBudget);
    info.annualBudget = tokenAt(main.row, main.cols.annualBudget);
    info.executed = tokenAt(main.row, main.cols.executed);
    info.executionRate = tokenAt(main.row, main.cols.rate);
    info.fundWeight = tokenAt(main.row, main.cols.weight);
    info.fundScore = tokenAt(main.row, main.cols.score);
  }
  const indicatorHeader = table.rows.find((r) => r.cells.some((c) => /一级指标/.test(norm(c.text))));
  const weightCol = indicatorHeader?.cells.find((c) => norm(c.text) === '分值')?.col;
  const scoreCol = indicatorHeader?.cells.find((c) => norm(c.text) === '得分')?.col;
  const nameCol = indicatorHeader?.cells.find((c) => norm(c.text) === '三级指标')?.col;
  for (const row of table.rows) {
    const texts = row.cells.map((c) => norm(c.text));
    const totalAt = texts.findIndex((t) => t === '总分' || t === '总计' || t === '合计');
    if (indicatorHeader && row.index > indicatorHeader.index && totalAt >= 0) {
      // 总分 row: its numbers in order are 分值 then 得分 (the row is often shifted one cell).
      const nums = row.cells.slice(totalAt + 1).filter((c) => c.number !== undefined).map((c) => c.number!);
      if (nums.length >= 2) [info.totalWeight, info.totalScore] = nums;
      else if (nums.length === 1) info.totalScore = nums[0];
      continue;
    }
    if (indicatorHeader && row.index > indicatorHeader.index && weightCol !== undefined && scoreCol !== undefined) {
      // (`产出指标小计 | … | 50 | 45.00`: a 一级指标's subtotal restates its indicators; it adds nothing of its own.)
      if (texts.some((t) => SUBTOTAL_LABEL.test(t))) continue;
      const label = (nameCol !== undefined ? texts[nameCol] : undefined) || texts.find((t) => t !== '') || '';
      const weight = tokenAt(row, weightCol);
      if (weight !== undefined) info.indicators.push({ row: row.index, label, weight, score: tokenAt(row, scoreCol) });
    }
  }
  return info;
}

/** Every 绩效自评表 of the document with the token ids of its key cells. */
export function performanceTables(model: DocumentModel): PerformanceTableInfo[] {
  return model.tables.filter((t) => t.kind === 'performance').map(performanceInfo);
}

/** Scores are stated exactly (9.5 分 is not a rounded amount). */
function score(model: DocumentModel, id: number | undefined, label: string): Operand | undefined {
  if (id === undefined) return undefined;
  return asExact(operand(model.numbers[id], label));
}

export function performanceClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  const name = table.projectName ? `“${table.projectName}”` : '';
  const rows = fundRows(table);
  for (const f of rows) {
    const executed = tokenAt(f.row, f.cols.executed);
    const budget = tokenAt(f.row, f.cols.annualBudget);
    const rate = tokenAt(f.row, f.cols.rate);
    if (executed === undefined || budget === undefined || rate === undefined || model.numbers[rate].unit !== '%') continue;
    const money = (id: number, what: string) => operand(model.numbers[id], `${name}${f.label} ${what}`, table.unit);
    const stated = operand(model.numbers[rate], `${name}${f.label} 执行率`);
    sink.add({
      kind: 'completion',
      origin: 'table',
      identity: 'PT.1',
      description: l(`${name}${f.label}：执行率 = 全年执行数 / 全年预算数`, `${name}${f.label}: execution rate = executed / full-year budget`),
      span: stated.span!,
      actual: money(executed, '全年执行数'),
      budget: money(budget, '全年预算数'),
      rate: stated,
    });
  }
  fundSources(model, table, rows, name, sink);
  const info = performanceInfo(table);
  const weights = info.indicators.map((i) => score(model, i.weight, `${i.label} 分值`));
  const fundWeight = score(model, info.fundWeight, '预算执行率 分值');
  // (部门整体支出绩效自评表: indicators only, no 资金 rows; the 总分 is theirs alone.)
  const indicatorsOnly = rows.length === 0;
  if (info.totalWeight !== undefined && (fundWeight || indicatorsOnly) && weights.length) {
    emitSum(sink, {
      kind: 'sum',
      identity: 'PT.2',
      description: fundWeight ? l(`${name}总分分值 = 各指标分值 + 预算执行率分值`, `${name}total weight = indicator weights + execution-rate weight`) : l(`${name}总分分值 = 各指标分值之和`, `${name}total weight = the sum of the indicator weights`),
      total: score(model, info.totalWeight, '总分 分值'),
      parts: fundWeight ? [fundWeight, ...weights] : weights,
    });
  }
  for (const i of info.indicators) {
    emitPair(sink, { kind: 'le', origin: 'table', identity: 'PT.3', description: l(`${name}${i.label}：得分 ≤ 分值`, `${name}${i.label}: score ≤ weight`), a: score(model, i.score, `${i.label} 得分`), b: score(model, i.weight, `${i.label} 分值`) });
  }
  // PT.4 (soft): 总分 = Σ 指标得分 + 执行率得分; a blank 执行率得分 is scored as 分值 × 执行率, which
  // scoring rules do differently (rounded, capped), hence a warning at most.
  executionScore(model, info, name, sink);
  const scores = info.indicators.map((i) => (i.score === undefined ? undefined : score(model, i.score, `${i.label} 得分`)));
  if (info.totalScore === undefined || scores.length === 0 || scores.some((s) => !s)) return;
  if (indicatorsOnly) {
    emitSum(sink, {
      kind: 'sum',
      identity: 'PT.4',
      description: l(`${name}总分得分 = 各指标得分之和`, `${name}total score = the sum of the indicator scores`),
      total: score(model, info.totalScore, '总分 得分'),
      parts: scores as Operand[],
    });
    return;
  }
  const statedFundScore = score(model, info.fundScore, '预算执行率 得分');
  let fundScore = statedFundScore;
  if (!fundScore && info.fundWeight !== undefined && info.executed !== undefined && info.annualBudget !== undefined) {
    const budget = model.numbers[info.annualBudget].value;
    if (budget.isZero()) return;
    const ratio = Decimal.min(1, model.numbers[info.executed].value.div(budget));
    const value = model.numbers[info.fundWeight].value.times(ratio);
    fundScore = makeOperand({ value, halfUlp: new Decimal('0.05'), label: '预算执行率 得分（分值 × 执行率）', text: value.toFixed(2) });
  }
  if (!fundScore) return;
  emitSum(sink, {
    kind: 'sum',
    identity: 'PT.4',
    description: l(`${name}总分得分 = 各指标得分 + 预算执行率得分`, `${name}total score = indicator scores + execution-rate score`),
    total: score(model, info.totalScore, '总分 得分'),
    parts: [fundScore, ...(scores as Operand[])],
    // (Exact when every score is stated; a derived 执行率得分 follows scoring rules that round and cap as they like.)
    soft: statedFundScore ? undefined : true,
  });
}

/**
 * PT.6 (soft): the 执行率 得分 is 分值 × 执行率, at most the 分值 (`10 | 97.72% | 9.77`; `10 | 102.37% | 10.00`), with the rate as
 * stated (a form rounding it to `93%` scores 9.3) or as the figures give it. Scoring rules that deduct by bands (`9.5` for 96%)
 * stay within a tenth of a point: only a score further off than that is reported.
 */
function executionScore(model: DocumentModel, info: PerformanceTableInfo, name: string, sink: ClaimSink): void {
  if (info.fundWeight === undefined || info.executionRate === undefined || info.fundScore === undefined) return;
  const weight = model.numbers[info.fundWeight].value;
  const rate = model.numbers[info.executionRate];
  const stated = model.numbers[info.fundScore];
  if (rate.unit !== '%' || weight.isZero()) return;
  const scored = (ratio: Decimal) => weight.times(Decimal.min(1, ratio));
  const candidates = [scored(rate.value.div(100))];
  const budget = info.annualBudget === undefined ? undefined : model.numbers[info.annualBudget].value;
  if (budget && !budget.isZero() && info.executed !== undefined) candidates.push(scored(model.numbers[info.executed].value.div(budget)));
  const closest = candidates.reduce((a, b) => (a.minus(stated.value).abs().lte(b.minus(stated.value).abs()) ? a : b));
  if (closest.minus(stated.value).abs().lte(BAND.plus(new Decimal(10).pow(-stated.decimals).div(2)))) return;
  emitSum(sink, {
    kind: 'sum',
    identity: 'PT.6',
    description: l(`${name}预算执行率得分 = 分值 × 执行率（不超过分值）`, `${name}execution-rate score = weight × rate (at most the weight)`),
    total: operand(stated, '预算执行率 得分'),
    parts: [makeOperand({ value: closest, halfUlp: new Decimal('0.005'), label: `分值 × 执行率（${model.numbers[info.fundWeight].text} × ${rate.text}%，不超过分值）`, text: closest.toFixed(2) })],
    soft: true,
  });
}
/** How far a banded score may stand from 分值 × 执行率. */
const BAND = new Decimal('0.1');

/**
 * PT.5: 年度资金总额 = 其中：当年财政拨款 + 上年结转资金 + 其他资金, in each of the budget and execution columns (the
 * form lists every source, blank or 0.00 when none).
 */
function fundSources(model: DocumentModel, table: Table, rows: FundRow[], name: string, sink: ClaimSink): void {
  const total = rows.find((f) => FUND_TOTAL.test(f.label));
  const parts = rows.filter((f) => f !== total);
  if (!total || parts.length < 2 || !parts.some((f) => /财政拨款/.test(f.label))) return;
  for (const [key, what] of [['initialBudget', '年初预算数'], ['annualBudget', '全年预算数'], ['executed', '全年执行数']] as const) {
    const at = (f: FundRow) => (f.cols[key] === undefined ? undefined : cellOperand(model, table, f.row, f.cols[key]!, `${name}${f.label} ${what}`));
    emitSum(sink, {
      kind: 'sum',
      identity: 'PT.5',
      description: l(`${name}${what}：年度资金总额 = 各资金来源之和`, `${name}${what}: total funds = the sum of the sources`),
      total: at(total),
      parts: parts.map(at),
      anchor: total.row.span,
    });
  }
}
