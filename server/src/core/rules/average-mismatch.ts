import Decimal from 'decimal.js';
import { inUnitOf, written } from '../arith/interval';
import type { AverageClaim } from '../types';
import { relatedOperands } from './explain';
import { l, type Rule, type RuleContext } from './rule';

/**
 * 人均 / 平均每辆 (prose.md §6): an average stated beside its amount and count is amount / count. Only an average no true
 * values of the rounded figures give is reported (an error); one off only at the point value is not.
 */
export const averageMismatch: Rule = {
  meta: {
    id: 'average-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('人均、单车平均等平均数与金额 / 数量不符', 'A stated average (per head, per car) differs from amount / count'),
    fixable: true,
    messages: {
      mismatch: l('平均数不符：{amount} / {count} = {computed}，文中为 {stated}', 'Average mismatch: {amount} / {count} = {computed}, the text says {stated}'),
      product: l('金额与数量 × 标准不符：{count} × {standard} = {computed}，文中为 {amount}', 'Amount differs from count × standard: {count} × {standard} = {computed}, the text says {amount}'),
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) {
      if (claim.kind !== 'average') continue;
      if (claim.standard) checkProduct(ctx, claim, claim.standard.months);
      else checkAverage(ctx, claim);
    }
  },
};

/**
 * `小学寄宿生2,148人，每生每年1000元，计214.80万元`: the count and the standard are exact, so their product is; the amount must be it
 * within its own rounding. Which of the three slipped the text does not say: the finding is on the amount, with no fix.
 */
function checkProduct(ctx: RuleContext, claim: AverageClaim, months: number): void {
  const { amount, count, stated } = claim;
  const product = count.value.times(months).times(stated.value);
  const right = inUnitOf(product, amount);
  const terms = `${written(count)}${months > 1 ? ` × ${months}` : ''} × ${written(stated)}`;
  const expr = `${terms} = ${right}${amount.unit ?? ''}`;
  if (product.minus(amount.value).abs().lte(amount.halfUlp)) {
    ctx.verdict(claim.id, 'ok', l(`${expr} ✓`, `${expr} ✓`));
    return;
  }
  const tolerance = (amount.scale ? amount.halfUlp.div(amount.scale) : amount.halfUlp).toString();
  const exp = l(`${expr}，而文中为 ${written(amount)}（舍入容差 ±${tolerance}）`, `${expr}, but the text says ${written(amount)} (rounding tolerance ±${tolerance})`);
  ctx.verdict(claim.id, 'error', exp);
  ctx.report({
    messageId: 'product',
    message: l(`金额与数量 × 标准不符：${count.label} ${terms} = ${right}${amount.unit ?? ''}，文中为 ${written(amount)}`, `Amount differs from count × standard: ${count.label} ${terms} = ${right}${amount.unit ?? ''}, the text says ${written(amount)}`),
    explanation: exp,
    span: amount.span ?? claim.span,
    related: relatedOperands(count, stated),
    claim: claim.id,
  });
}

const NEAR = new Decimal('0.05');

function checkAverage(ctx: RuleContext, claim: AverageClaim): void {
  const { amount, count, stated } = claim;
  if (count.value.isZero()) return;
  // Amounts in 万元 throughout (the operands' common unit); the count is exact.
  const point = amount.value.div(count.value);
  const low = Decimal.max(0, amount.value.minus(amount.halfUlp)).div(count.value.plus(count.halfUlp));
  const high = amount.value.plus(amount.halfUlp).div(Decimal.max(count.value.minus(count.halfUlp), new Decimal('1e-9')));
  const right = inUnitOf(point, stated);
  const expr = `${written(amount)} / ${written(count)} = ${right}${stated.unit ?? ''}`;
  const reachable = stated.value.minus(stated.halfUlp).lte(high) && stated.value.plus(stated.halfUlp).gte(low);
  if (reachable) {
    ctx.verdict(claim.id, 'ok', l(`${expr} ✓`, `${expr} ✓`));
    return;
  }
  const exp = l(`${expr}，而文中为 ${written(stated)}（按各数的舍入区间也不可能）`, `${expr}, but the text says ${written(stated)} (no rounding of the figures gives it)`);
  // (An average within a few per cent, `12,500.00元` for 12,512.50: rounded by hand or taken over another count, a warning.)
  const near = point.isZero() ? false : stated.value.minus(point).abs().div(point).lt(NEAR);
  ctx.verdict(claim.id, near ? 'warning' : 'error', exp);
  ctx.report({
    severity: near ? 'warning' : undefined,
    messageId: 'mismatch',
    message: l(`平均数不符：${amount.label} ${written(amount)} / ${count.label} ${written(count)} = ${right}${stated.unit ?? ''}，文中为 ${written(stated)}`, `Average mismatch: ${amount.label} ${written(amount)} / ${count.label} ${written(count)} = ${right}${stated.unit ?? ''}, the text says ${written(stated)}`),
    explanation: exp,
    span: stated.span ?? claim.span,
    related: relatedOperands(amount, count),
    fixes: stated.span ? [{ title: l(`改为 ${right}`, `Change to ${right}`), edits: [{ span: stated.span, newText: right }], safe: false, preferred: true, kind: 'fix-rate' }] : [],
    claim: claim.id,
  });
}
