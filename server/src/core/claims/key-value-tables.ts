// Small tables of named figures in the 情况说明 (`指标 | 数值` over `政府采购支出总额（万元） | 598.76`, `授予中小企业合同金额占比 | 83.21%`):
// each row restates a figure the prose states under the same name, and must agree with it. Only a name the prose gives one value
// (two values are fact-conflict's), and only as a warning: the table's name may scope its figure in ways its words do not show.
import { operand } from '../arith/interval';
import { l } from '../messages';
import { columnIndexes } from '../model/tables';
import type { DocumentModel, EqualClaim, MoneyUnit } from '../types';
import type { ProseFacts } from './prose';
import { normalizeSubject } from './prose/subjects';
import type { ProseToken } from './prose/tokens';
import type { ClaimSink } from './sink';
import { itemLabel, items, tableName, valueColumns } from './tables/access';

/** A unit noted after a row's name: `政府采购支出总额（万元）`, `公务用车（辆）`. */
const UNIT_NOTE = /[（(]\s*(万元|亿元|元|%|％)\s*[)）]$/;
/** A share's row: `授予中小企业合同金额占比`, `…占基本支出比重（%）`. */
const SHARE_ROW = /(?:占[^（()）]{0,16}?)?(?:占比|比重|比例)(?:[（(][%％][)）])?$/;

export function keyValueTableClaims(model: DocumentModel, facts: ProseFacts, sink: ClaimSink): void {
  let byName: Map<string, ProseToken[]> | undefined;
  for (const table of model.tables) {
    if (table.kind !== 'unknown' || table.withdrawn || !table.columns.some((c) => c.role === 'name')) continue;
    const cols = [...valueColumns(table, 0), ...columnIndexes(table.columns, 'rate', 0)];
    if (cols.length !== 1) continue;
    byName ??= statedByName(facts);
    for (const it of items(table)) {
      const id = it.row.cells[cols[0]]?.number;
      if (id === undefined || it.entry.block !== 0) continue;
      const cell = model.numbers[id];
      const label = itemLabel(it).replace(/^其中[：:]?/, '');
      const unit = UNIT_NOTE.exec(label)?.[1];
      const name = label.replace(UNIT_NOTE, '');
      const share = cell.unit === '%' || unit === '%' || unit === '％' || SHARE_ROW.test(name);
      const stated = (byName.get(normalizeSubject(share ? name.replace(SHARE_ROW, '') : name)) ?? []).filter((t) => (share ? t.role === 'share' : t.role === 'amount'));
      if (stated.length === 0 || stated.some((t) => !t.token.value.eq(stated[0].token.value) || t.token.unit !== stated[0].token.unit)) continue;
      // (Amounts in the unit the row notes, or the table's.)
      const money = share ? undefined : ((unit ?? table.unit) as MoneyUnit | undefined);
      if (!share && money !== undefined && money !== stated[0].token.unit) continue;
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
  }
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
