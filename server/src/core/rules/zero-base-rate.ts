import { written } from '../arith/interval';
import { isZero } from '../arith/operand';
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
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) {
      if (claim.kind !== 'change' && claim.kind !== 'completion') continue;
      const inputs = ratioInputs(claim);
      // `事业收入0.00万元…同比增长0%`: nothing changed from a prior that must then be 0 as well.
      const zeroCurrent = claim.kind === 'change' && !inputs && claim.rate && claim.current && isZero(claim.current) && !claim.delta && !claim.prior;
      const rate = claim.rate;
      if (!rate) continue;
      const zeroBase = zeroCurrent || (inputs !== undefined && isZero(inputs.denominator));
      if (!zeroBase) continue;
      const what = claim.kind === 'change' ? l('上年数', 'the previous year') : l('预算数', 'the budget');
      if (isZero(rate)) {
        const exp = l(`${what['zh-cn']}为 0，0 / 0 不存在，文中“${written(rate)}”为模板残留`, `${what.en} is 0: 0 / 0 does not exist; "${written(rate)}" is template residue`);
        ctx.verdict(claim.id, 'info', exp);
        ctx.report({ messageId: 'template', message: l(`${what['zh-cn']}为 0，比率“${written(rate)}”无意义（模板残留）`, `${what.en} is 0: the rate "${written(rate)}" is meaningless (template residue)`), explanation: exp, span: rate.span ?? claim.span, severity: 'info', claim: claim.id });
      } else {
        const exp = l(`${what['zh-cn']}为 0，任何非零比率都不成立，文中为 ${written(rate)}`, `${what.en} is 0: no non-zero rate exists, the text says ${written(rate)}`);
        ctx.verdict(claim.id, 'error', exp);
        ctx.report({ messageId: 'nonZero', message: l(`${what['zh-cn']}为 0，却写有比率 ${written(rate)}`, `${what.en} is 0, yet a rate of ${written(rate)} is stated`), explanation: exp, span: rate.span ?? claim.span, claim: claim.id });
      }
    }
  },
};
