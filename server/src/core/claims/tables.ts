// Relations stated by the disclosure tables (tables.md §1–§11): roll-ups by code, row and column
// identities inside each table, identities between tables, and the 绩效自评表 execution rates.
import type { DocumentModel } from '../types';
import type { ClaimSink } from './sink';
import { assetsTableClaims } from './tables/assets';
import { budgetChainClaims } from './tables/budget-chains';
import { crossTableClaims } from './tables/cross';
import { identityClaims } from './tables/identities';
import { performanceClaims } from './tables/performance';
import { rateClaims, yearRowClaims } from './tables/rates';
import { rollupClaims } from './tables/rollups';
import { statementClaims } from './tables/statements';
import { markTruncated } from './tables/truncated';
import { sideTotalColumnClaims, totalColumnClaims, totalRowClaims } from './tables/total-rows';

export { findTableValue, type TableValue, type TableValueQuery } from './tables/lookup';
export { performanceTables, type PerformanceTableInfo } from './tables/performance';

/** Disclosure tables have a dozen columns; a row of thousands of cells is pasted data, not an identity. */
const MAX_COLUMNS = 64;

export function tableClaims(model: DocumentModel, sink: ClaimSink): void {
  for (const table of model.tables) {
    if (table.columns.length > MAX_COLUMNS || table.withdrawn) continue;
    if (table.kind === 'performance') {
      const before = sink.claims.length;
      performanceClaims(model, table, sink);
      // (No 自评表 form but a list of projects, `项目名称 | 全年预算数 | 全年执行数 | 执行率(%) | 自评得分`: its rates by column.)
      if (sink.claims.length === before) rateClaims(model, table, sink);
      continue;
    }
    // (Before the roll-ups, which leave out the totals of a table cut short, and the cross-table checks, which read no
    // row it lacks as zero.)
    markTruncated(model, table);
    rollupClaims(model, table, sink);
    identityClaims(model, table, sink);
    rateClaims(model, table, sink);
    yearRowClaims(model, table, sink);
    budgetChainClaims(model, table, sink);
    totalRowClaims(model, table, sink);
    totalColumnClaims(model, table, sink);
    sideTotalColumnClaims(model, table, sink);
  }
  assetsTableClaims(model, sink);
  statementClaims(model, sink);
  crossTableClaims(model, sink);
}
