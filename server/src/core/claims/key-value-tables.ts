// Small tables of named figures in the 情况说明 (`指标 | 数值` over `政府采购支出总额（万元） | 598.76`, `授予中小企业合同金额占比 | 83.21%`),
// and the report's year's row of a table of years (`年度 | 收入合计 | 支出合计` over `2023年 | 1733.39 | …`): each figure restates one the
// prose states under the same name, and must agree with it. Only a name the prose gives one value
// (two values are fact-conflict's), and only as a warning: the table's name may scope its figure in ways its words do not show.
import { operand } from '../arith/interval';
import { l } from '../messages';
import { columnIndexes } from '../model/tables';
import type { DocumentModel, EqualClaim, MoneyUnit, NumberToken, Table } from '../types';
import type { ProseFacts } from './prose';
import { normalizeSubject } from './prose/subjects';
import type { ProseToken } from './prose/tokens';
import type { ClaimSink } from './sink';
import { headerText, itemLabel, items, tableName, valueColumns } from './tables/access';

/** A table of the accrual accounts, or a numbered disclosure table. */
const ACCOUNTS_TITLE = /收入费用|资产负债|净资产|费用表|公开\d/;
/** A line of the accrual accounts, whatever the table's title: `一、本期收入`, `本期费用`. */
const ACCOUNTS_ROW = /本期(?:收入|费用|盈余)/;
/** A unit noted after a row's name: `政府采购支出总额（万元）`, `公务用车（辆）`. */
const UNIT_NOTE = /[（(]\s*(万元|亿元|元|%|％)\s*[)）]$/;
/** A share's row: `授予中小企业合同金额占比`, `…占基本支出比重（%）`. */
const SHARE_ROW = /(?:占[^（()）]{0,16}?)?(?:占比|比重|比例)(?:[（(][%％][)）])?$/;

export function keyValueTableClaims(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  let byName: Map<string, ProseToken[]> | undefined;
  for (const table of model.tables) {
    // (Not a table of codes, `科目编码 | 科目名称 | 决算数` (a breakdown of one part, whose names the prose may use of another), nor an
    // accrual statement, `收入费用表`, whose 财政拨款收入 is not the budget accounts'.)
    if (table.kind !== 'unknown' || table.withdrawn || !table.columns.some((c) => c.role === 'name')) continue;
    if (table.columns.some((c) => c.role === 'code' || c.role === 'code-part') || table.rows.some((r) => r.code) || ACCOUNTS_TITLE.test(table.title ?? '')) continue;
    const cols = [...valueColumns(table, 0), ...columnIndexes(table.columns, 'rate', 0)];
    const rows = items(table).filter((it) => it.entry.block === 0);
    if (rows.some((it) => ACCOUNTS_ROW.test(itemLabel(it)))) continue;
    // (`年度 | 收入合计 | 支出合计` over `2023年 | 1733.39 | …`: the report's year's row names its figures by the columns.)
    const thisYear = model.reportYear !== undefined ? rows.find((it) => itemLabel(it).replace(/\s/g, '') === `${model.reportYear}年`) : undefined;
    if (cols.length !== 1 && !thisYear) continue;
    byName ??= statedByName(facts);
    const named = thisYear ? cols.map((col) => ({ it: thisYear, col, label: headerText(table, col) })) : rows.map((it) => ({ it, col: cols[0], label: itemLabel(it).replace(/^其中[：:]?/, '') }));
    for (const { it, col, label } of named) {
      const id = it.row.cells[col]?.number;
      if (id !== undefined) restated(table, model.numbers[id], label, byName, sink);
    }
  }
}

/** The claim that a table's figure of a name is the one the prose states under it. */
function restated(table: Table, cell: NumberToken, label: string, byName: Map<string, ProseToken[]>, sink: ClaimSink): void {
  const unit = UNIT_NOTE.exec(label)?.[1];
  const name = label.replace(UNIT_NOTE, '');
  const share = cell.unit === '%' || unit === '%' || unit === '％' || SHARE_ROW.test(name);
  const stated = (byName.get(normalizeSubject(share ? name.replace(SHARE_ROW, '') : name)) ?? []).filter((t) => (share ? t.role === 'share' : t.role === 'amount'));
  if (stated.length === 0 || stated.some((t) => !t.token.value.eq(stated[0].token.value) || t.token.unit !== stated[0].token.unit)) return;
  // (Amounts in the unit the row notes, or the table's.)
  const money = share ? undefined : ((unit ?? table.unit) as MoneyUnit | undefined);
  if (!share && money !== undefined && money !== stated[0].token.unit) return;
  const text = stated[0];
  sink.add<EqualClaim>({
    kind: 'equal',
    origin: 'text-table',
    identity: 'text-table.key-value',
    description: l(`文中“${text.subject}”${share ? '占比' : ''}与${tableName(table)}“${label}”一致`, `"${text.subject}"${share ? ' (share)' : ''} in the text equals "${label}" in ${tableName(table)}`),
    span: cell.span,
    a: operand(cell, `${tableName(table)} ${label}`, money),
    b: operand(text.token, `文中${text.subject}${share ? '占比' : ''}`),
    soft: true,
    id: -1,
  });
}

/** The prose's own statements of this year's figures, by name: amounts named for themselves, and shares by their part's name. */
function statedByName(facts: ProseFacts): Map<string, ProseToken[]> {
  const byName = new Map<string, ProseToken[]>();
  for (const t of facts.analysis.tokens) {
    if (t.year !== undefined || t.approx || !t.subject || (t.role === 'amount' && !t.ownSubject) || (t.role !== 'amount' && t.role !== 'share')) continue;
    const same = byName.get(t.subject);
    if (same) same.push(t);
    else byName.set(t.subject, [t]);
  }
  return byName;
}
