// The rule registry: one rule per file, in the order their findings are most useful to read.
import { numberFormat } from './number-format';
import { partExceedsWhole } from './part-exceeds-whole';
import { sumMismatch } from './sum-mismatch';
import type { Rule } from './rule';

export const allRules: Rule[] = [
  sumMismatch,
  partExceedsWhole,
  numberFormat,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
