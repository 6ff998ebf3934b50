// The 国有资产占用情况表 some regions attach (项目 | 数量: 车辆合计, each kind of car, 单位价值50万元以上通用设备, 单位价值100万元
// 以上专用设备): a statistics table of counts, not one of 公开01–11. Its 车辆合计 is the sum of the kinds of car it lists, and
// the prose of 国有资产占用情况 states the same counts (`共有车辆11辆，其中：…；单价50万元（含）以上通用设备4台（套）`).
import { l } from '../../messages';
import type { DocumentModel, Operand, SumClaim, Table } from '../../types';
import type { ClaimSink } from '../sink';
import { items, type Item } from './access';
import { statisticsCount } from './sangong';

/** The rows that make a table the asset counts: the cars in all, or the equipment above a value. */
const ASSET_ROW = /车辆合计|车辆总数|通用设备|专用设备/;
/** A kind of car: `机要通信用车`, `其中：副部（省）级及以上领导用车`. */
const CAR_KIND = /用车$/;
/** The row of the cars in all, as the prose's `共有车辆` names it: `车辆合计`, `车辆总数`, `车辆数合计`. */
export const CARS_IN_ALL_ROW = /^(?:车辆总数|车辆数?合计)$/;
/** The row the kinds of car add up to: those, or `公务用车合计`. */
const CARS_TOTAL = new RegExp(`${CARS_IN_ALL_ROW.source}|^公务用车合计$`);

/** The asset counts table: not one of the eleven, titled for 国有资产 or holding its rows. */
export function assetsTable(model: DocumentModel): Table | undefined {
  return model.tables.find((t) => t.kind === 'unknown' && !t.withdrawn && (/国有资产|资产占用/.test(t.title ?? '') || items(t).filter((it) => ASSET_ROW.test(it.entry.label)).length >= 2));
}

/** A row's label without the `其中：` that opens the first part. */
export function assetLabel(it: Item): string {
  return it.entry.label.replace(/^其中[：:]?/, '').replace(/\s/g, '');
}

/** The table's name in messages: its title without `附：`. */
export function assetsTableName(table: Table): string {
  return table.title?.replace(/^附[：:]?/, '') || '国有资产占用情况表';
}

/** A row's count, labelled with the table's name and the row's. */
export function assetCount(model: DocumentModel, table: Table, it: Item): Operand | undefined {
  // (`年初数 | 年末数`: what the report holds is the year-end count.)
  const yearEnd = it.entry.valueCols.find((c) => /年末|期末/.test(table.columns[c]?.headerPath.join('/') ?? ''));
  const entry = yearEnd === undefined ? it : { ...it, entry: { ...it.entry, valueCols: [yearEnd] } };
  return statisticsCount(model, entry, `${assetsTableName(table)} ${assetLabel(it)}`);
}

/** 车辆合计 = the kinds of car listed under it (all of them: the template's kinds end with 其他用车). */
export function assetsTableClaims(model: DocumentModel, sink: ClaimSink): void {
  const table = assetsTable(model);
  if (!table) return;
  const rows = items(table);
  const total = rows.find((it) => CARS_TOTAL.test(assetLabel(it)));
  if (!total) return;
  const kinds = rows.filter((it) => it.row.line > total.row.line && CAR_KIND.test(assetLabel(it)));
  const totalCount = assetCount(model, table, total);
  const parts = kinds.map((it) => assetCount(model, table, it)).filter((p) => p !== undefined);
  if (!totalCount || kinds.length < 2 || parts.length < kinds.length) return;
  // (A list of kinds without 其他用车 may leave some out: then only more cars than the total is a slip.)
  const exhaustive = kinds.some((it) => /其他用车/.test(assetLabel(it)));
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'table',
    identity: 'table.assets-cars',
    description: l('车辆合计等于各类车辆之和', 'the cars in all are the sum of their kinds'),
    span: totalCount.span ?? total.row.cells[0].span,
    total: totalCount,
    parts,
    exhaustive,
  });
}
