// The rule registry: one rule per file, in the order their findings are most useful to read.
import { averageMismatch } from './average-mismatch';
import { changeMismatch } from './change-mismatch';
import { completionMismatch } from './completion-mismatch';
import { factConflict } from './fact-conflict';
import { gradeMismatch } from './grade-mismatch';
import { crossTableMismatch } from './cross-table-mismatch';
import { numberFormat } from './number-format';
import { partExceedsWhole } from './part-exceeds-whole';
import { rollupMismatch } from './rollup-mismatch';
import { percentTotal } from './percent-total';
import { percentTruncated } from './percent-truncated';
import { rankMismatch } from './rank-mismatch';
import { shareMismatch } from './share-mismatch';
import { sumMismatch } from './sum-mismatch';
import { textTableMismatch } from './text-table-mismatch';
import { tableFormat } from './table-format';
import { unitMismatch } from './unit-mismatch';
import { yearMismatch } from './year-mismatch';
import { zeroBaseRate } from './zero-base-rate';
import type { Rule } from './rule';

export const allRules: Rule[] = [
  sumMismatch,
  rollupMismatch,
  crossTableMismatch,
  shareMismatch,
  percentTotal,
  percentTruncated,
  changeMismatch,
  completionMismatch,
  averageMismatch,
  zeroBaseRate,
  textTableMismatch,
  factConflict,
  partExceedsWhole,
  rankMismatch,
  gradeMismatch,
  unitMismatch,
  numberFormat,
  tableFormat,
  yearMismatch,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
