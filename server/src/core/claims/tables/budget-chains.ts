// Budget adjustment tables some reports attach (`项目 | 年初预算 | 追加 | 调减 | 上年结转 | 调整后预算 | 决算数 | 完成率`, by 科目, by
// project or for 三公经费): on each row the year's budget is the opening budget with the year's adjustments,
// 年初预算 + 追加 − 调减 (+ 上年结转) = 调整后预算 — the prose's budget chain (prose.md §4), one row at a time.
import { l } from '../../messages';
import type { DocumentModel, Table } from '../../types';
import type { ClaimSink } from '../sink';
import { blankAt, columnLabel, itemLabel, itemOperand, items, valueColumns } from './access';
import { emitSum } from './emit';

const OPENING = /年初(?:预算|安排)/;
// (`预算调整数`, signed: what was added less what was cut.)
const ADDED = /追加|调增|^(?:预算)?调整(?:数|额|金额)$/;
const CUT = /调减/;
// (`上年结转`, `上年结转资金`; not `年末结转和结余`, what is left at the end.)
const CARRIED = /^(?:上年|以前年度)结转|^结转资金$/;
// (`调整后预算`, `全年预算`, `调整预算数`, `变动后预算`; not `追加预算` or `调减预算`, which are adjustments.)
const ADJUSTED = /调整后|全年预算|^调整预算|变动后预算/;
/** Columns of rates or counts: nothing there adds up as money does. */
const NOT_MONEY = /[率%％]|占比|比重/;

export function budgetChainClaims(model: DocumentModel, table: Table, sink: ClaimSink): void {
  // (Of any kind: a `“三公”经费预算调整情况表` is read as 公开09表's, its columns those of a chain.)
  if (!table.columns.some((c) => c.role === 'name')) return;
  const labels = new Map(valueColumns(table, 0).map((c) => [c, columnLabel(table, c)]));
  const only = (test: (label: string) => boolean): number | undefined => {
    const found = [...labels].filter(([, label]) => !NOT_MONEY.test(label) && test(label));
    return found.length === 1 ? found[0][0] : undefined;
  };
  const adjusted = only((s) => ADJUSTED.test(s));
  const opening = only((s) => OPENING.test(s) && !ADJUSTED.test(s));
  if (adjusted === undefined || opening === undefined) return;
  // (Each adjustment is one column; two columns of one kind, `追加（本级）| 追加（上级）`, leave the chain unread.)
  const kinds = [ADDED, CUT, CARRIED].map((re) => [...labels].filter(([, s]) => !NOT_MONEY.test(s) && re.test(s) && !OPENING.test(s) && !ADJUSTED.test(s)).map(([c]) => c));
  if (kinds.some((cols) => cols.length > 1) || kinds.every((cols) => cols.length === 0)) return;
  const [added, cut, carried] = kinds.map((cols) => cols[0]);
  const terms = [opening, added, carried, cut].filter((c): c is number => c !== undefined);
  const signs = terms.map((c) => (c === cut ? -1 : 1));
  const formula = ['年初预算', added !== undefined ? ' + 追加' : '', carried !== undefined ? ' + 上年结转' : '', cut !== undefined ? ' − 调减' : ''].join('');
  const formulaEn = ['opening budget', added !== undefined ? ' + additions' : '', carried !== undefined ? ' + carried over' : '', cut !== undefined ? ' − cuts' : ''].join('');
  for (const it of items(table)) {
    // (A row that states no year's budget, or a heading row, states no chain.)
    if (it.entry.block !== 0 || blankAt(table, it, adjusted)) continue;
    const label = itemLabel(it);
    emitSum(sink, {
      kind: 'sum',
      identity: 'table.budget-chain',
      description: l(`${label}：调整后预算 = ${formula}`, `${label}: adjusted budget = ${formulaEn}`),
      total: itemOperand(model, table, it, adjusted, '', true),
      // (A blank adjustment is none: these tables leave the cell empty.)
      parts: terms.map((c) => itemOperand(model, table, it, c, '', true)),
      signs,
      anchor: it.entry.labelSpan,
    });
  }
}
