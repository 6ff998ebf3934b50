import type Decimal from 'decimal.js';
import { written } from '../arith/interval';
import { isZero, type Operand } from '../arith/operand';
import { HUNDRED } from '../arith/interval';
import { ratioInputs } from './ratios';
import { l, type Rule } from './rule';

/**
 * A rate on a zero base (rounding.md §3): no ratio exists. `同比增长0%` / `完成预算的0%` on zero
 * amounts is template residue (info); a non-zero rate on a zero base is an error.
 */
export const zeroBaseRate: Rule = {
  meta: {
    id: 'zero-base-rate',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('以 0 为基数的增长率或完成率', 'A rate stated on a zero base'),
    fixable: false,
    messages: {
      template: l('基数为 0，比率无意义（模板残留）', 'The base is 0: the rate is meaningless (template residue)'),
      nonZero: l('基数为 0，却写有比率 {stated}%', 'The base is 0, yet a rate of {stated}% is stated'),
      roundedZero: l('基数写作 0，比率 {stated}% 无法核对', 'The base is written as 0: the rate {stated}% cannot be checked'),
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) {
      if (claim.kind !== 'change' && claim.kind !== 'completion') continue;
      const inputs = ratioInputs(claim);
      // `事业收入0.00万元…同比增长0%`: nothing changed from a prior that must then be 0 as well.
      const zeroCurrent = claim.kind === 'change' && !inputs && claim.rate && claim.current && isZero(claim.current) && !claim.delta && !claim.prior;
      const rate = claim.rate;
      // (A multiple of nothing is no percentage: `增长2倍` on a zero prior is left alone.)
      if (!rate || rate.unit === '倍') continue;
      const zeroBase = zeroCurrent || (inputs !== undefined && isZero(inputs.denominator));
      if (!zeroBase) continue;
      const what = claim.kind === 'change' ? l('上年数', 'the previous year') : l('预算数', 'the budget');
      if (isZero(rate)) {
        const exp = l(`${what['zh-cn']}为 0，0 / 0 不存在，文中“${written(rate)}”为模板残留`, `${what.en} is 0: 0 / 0 does not exist; "${written(rate)}" is template residue`);
        ctx.verdict(claim.id, 'info', exp);
        ctx.report({ messageId: 'template', message: l(`${what['zh-cn']}为 0，比率“${written(rate)}”无意义（模板残留）`, `${what.en} is 0: the rate "${written(rate)}" is meaningless (template residue)`), explanation: exp, span: rate.span ?? claim.span, severity: 'info', claim: claim.id });
      } else if (inputs && reachableFromRoundedZero(inputs.numerator, inputs.denominator, rate)) {
        // `上年为0.00万元，增长27,333.33%`: a base written as 0.00 may be up to half a unit; so large a rate is
        // possible (45元 last year), only not checkable from the published figures.
        const floor = minimalRate(inputs.numerator, inputs.denominator);
        const exp = l(
          `${what['zh-cn']}按所写精度为 0（实际可能是不足 ${inputs.denominator.halfUlp.toString()} 的正数），比率至少为 ${floor.toFixed(2)}%，文中 ${written(rate)} 无法由公开数据核对`,
          `${what.en} is 0 at its written precision (it may be a positive amount below half a unit): the rate is at least ${floor.toFixed(2)}%, so ${written(rate)} cannot be checked from the published figures`,
        );
        ctx.verdict(claim.id, 'warning', exp);
        ctx.report({ messageId: 'roundedZero', message: l(`${what['zh-cn']}写作 0，比率 ${written(rate)} 无法核对`, `${what.en} is written as 0: the rate ${written(rate)} cannot be checked`), explanation: exp, span: rate.span ?? claim.span, severity: 'warning', claim: claim.id });
      } else {
        // (`年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%`: the rate is the other budget's.)
        const other = claim.kind === 'completion' && claim.otherBudget && inputs && !isZero(claim.otherBudget) ? claim.otherBudget : undefined;
        const otherRate = other && inputs ? inputs.numerator.value.div(other.value).times(HUNDRED) : undefined;
        const matches = otherRate !== undefined && otherRate.minus(rate.value).abs().lte(rate.halfUlp);
        const hint = matches && other && otherRate ? l(`；按${other.label} ${other.text} 计算为 ${otherRate.toFixed(2)}%，与文中一致：比率应是对${other.label}而言`, `; against ${other.label} ${other.text} it is ${otherRate.toFixed(2)}%, as stated: the rate is of that budget`) : l('', '');
        const exp = l(`${what['zh-cn']}为 0，任何非零比率都不成立，文中为 ${written(rate)}${hint['zh-cn']}`, `${what.en} is 0: no non-zero rate exists, the text says ${written(rate)}${hint.en}`);
        ctx.verdict(claim.id, 'error', exp);
        ctx.report({ messageId: 'nonZero', message: l(`${what['zh-cn']}为 0，却写有比率 ${written(rate)}`, `${what.en} is 0, yet a rate of ${written(rate)} is stated`), explanation: exp, span: rate.span ?? claim.span, claim: claim.id });
      }
    }
  },
};

/** The smallest rate a rounded zero base allows: (|part| − h) / h_base × 100. */
function minimalRate(part: Operand, base: Operand): Decimal {
  return part.value.abs().minus(part.halfUlp).div(base.halfUlp).times(HUNDRED);
}

/** A base written as zero with some precision (0.00: anything below 0.005), a part clear of zero and a rate above the least possible. */
function reachableFromRoundedZero(part: Operand, base: Operand, rate: Operand): boolean {
  if (base.halfUlp.isZero() || part.value.abs().lte(part.halfUlp)) return false;
  return rate.value.abs().plus(rate.halfUlp).gte(minimalRate(part, base));
}
