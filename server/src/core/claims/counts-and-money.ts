// T09.3 (tables.md, soft): the 三公 counts agree with their money. Spending on trips, car purchases or
// hospitality needs at least one 团组 / 辆 / 批次, and none of them without spending; car running costs need a
// car (保有量 ≥ 1). Checked on 公开09's 相关统计数 (tables/cross.ts) and in the prose (prose/sangong-counts.ts).
import { exact, written } from '../arith/interval';
import { withChanges } from '../arith/operand';
import { l } from '../messages';
import type { Localized, Operand } from '../types';

export interface CountLink {
  /** Counts without money are also wrong (not for cars held: a car may stand idle). */
  both: boolean;
  zh: string;
  en: string;
}

export const COUNT_LINKS = {
  trips: { both: true, zh: '因公出国（境）费用与团组数', en: 'overseas trips: spending and groups' },
  purchases: { both: true, zh: '公务用车购置费与购置数', en: 'car purchases: spending and cars bought' },
  running: { both: false, zh: '公务用车运行维护费与保有量', en: 'car running costs and cars held' },
  hospitality: { both: true, zh: '公务接待费与接待批次', en: 'hospitality: spending and receptions' },
} satisfies Record<string, CountLink>;

/**
 * The part ≤ whole a count and its money must hold: money beyond its rounding needs a count of at least 1;
 * without money (when `both`), the count is at most the money, i.e. 0. Undefined when neither applies.
 */
export function countAgainstMoney(money: Operand, count: Operand, both: boolean): { part: Operand; whole: Operand; message: Localized } | undefined {
  const m = written(money);
  const c = written(count);
  if (money.value.gt(money.halfUlp)) {
    return {
      part: withChanges(exact(1, `${money.label} ${money.text ?? ''} > 0 所需的最少数量`, money.span), { text: '1' }),
      whole: count,
      message: l(`${money.label}为 ${m}，而${count.label}为 ${c}`, `${money.label} is ${m}, yet ${count.label} is ${c}`),
    };
  }
  if (both && count.value.gt(0)) {
    return {
      part: count,
      whole: withChanges(money, { label: `${money.label}（无支出时应为 0）` }),
      message: l(`${money.label}为 ${m}，却有${count.label} ${c}`, `${money.label} is ${m}, yet ${count.label} is ${c}`),
    };
  }
  return undefined;
}
