import Decimal from 'decimal.js';
import { checkSum, halfUlp, show, written } from '../arith/interval';
import type { ShareClaim, ShareGroupClaim } from '../types';
import { ratioComputation, relatedOperands } from './explain';
import { checkClaimRatio, ratioInputs } from './ratios';
import { isTailAdjusted } from './share-mismatch';
import { l, type Rule, type RuleContext } from './rule';

/**
 * The shares of a complete list (its parts add up to the base) must add up to 100%, within
 * n × ½ unit of their last digit (rounding.md §5). Only when each share passes on its own: a wrong
 * share is share-mismatch's finding already.
 */
export const percentTotal: Rule = {
  meta: {
    id: 'percent-total',
    type: 'problem',
    defaultSeverity: 'warning',
    description: l('完整列表的各项占比合计不等于 100%', "A complete list's shares do not add up to 100%"),
    fixable: false,
    messages: {
      total: l('各项占比合计 {sum}%，不等于 100%', 'The shares add up to {sum}%, not 100%'),
      tailAdjusted: l('占比经尾差调整：{computed}% 写作 {stated}%，使该组合计为 100%', 'Share adjusted for rounding tails: {computed}% written as {stated}% so the list adds up to 100%'),
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) if (claim.kind === 'share-group') checkGroup(ctx, claim);
  },
};

/** (A function of its own: the closures would cost a context in a loop body for every claim of every kind.) */
function checkGroup(ctx: RuleContext, claim: ShareGroupClaim): void {
  const shares = claim.shares.map((id) => ctx.claims[id] as ShareClaim);
  // A list rounded by largest remainder (尾差调整): correct, but worth a note on each adjusted share.
  // (The cheap, cached ratio check first: most groups have no share off its plain rounding.)
  const adjusted = shares.filter((s) => checkClaimRatio(ratioInputs(s)!).status !== 'ok' && isTailAdjusted(ctx.claims, s, ctx.model.text));
  for (const s of adjusted) {
    const check = checkClaimRatio(ratioInputs(s)!);
    const computation = ratioComputation(ratioInputs(s)!, check);
    const exp = l(`${computation}，文中 ${written(s.stated)}：该组占比按最大余数法调整尾差，合计为 100%`, `${computation}, the text says ${written(s.stated)}: the list was rounded by largest remainder to add up to 100%`);
    ctx.verdict(claim.id, 'info', exp);
    ctx.report({
      messageId: 'tailAdjusted',
      message: l(`占比经尾差调整：${check.rounded}% 写作 ${written(s.stated)}，使该组合计为 100%`, `Share adjusted for rounding tails: ${check.rounded}% written as ${written(s.stated)} so the list adds up to 100%`),
      explanation: exp,
      span: s.stated.span ?? claim.span,
      severity: 'info',
      related: relatedOperands(s.part, s.base),
      claim: claim.id,
    });
  }
  if (adjusted.length) return;
  const base = shares[0].base;
  // (Shares of a zero whole, `“三公”经费0万元…占0%；占0%；占0%`, are 0 / 0: no list to add up to 100%.)
  if (shares.some((s) => s.base.token !== base.token) || base.value.isZero()) return;
  // Complete only when the parts add up to the base.
  if (!checkSum(base, shares.map((s) => s.part)).ok) return;
  if (shares.some((s) => ['error', 'warning', 'zero-base'].includes(checkClaimRatio(ratioInputs(s)!).status))) return;
  let sum = new Decimal(0);
  let tolerance = new Decimal(0);
  for (const s of shares) {
    sum = sum.plus(s.stated.value);
    tolerance = tolerance.plus(halfUlp(s.stated.decimals ?? 0));
  }
  // (`社会保障12.36万元，占31.45%；农林水26.93万元，占68.52%` of 39.30: the amounts add up to 39.29 within their
  // rounding, so correctly rounded shares add up to 99.97%. What they must reach is Σ parts / base.)
  const reachable = shares.reduce((acc, s) => acc.plus(s.part.value), new Decimal(0)).div(base.value).times(100);
  const ok = sum.minus(100).abs().lte(tolerance) || sum.minus(reachable).abs().lte(tolerance);
  const list = shares.map((s) => `${written(s.stated)}`).join(' + ');
  const exp = l(`${list} = ${show(sum, 2)}%${ok ? ' ✓' : `，与 100% 相差 ${show(sum.minus(100).abs(), 2)}（容差 ±${show(tolerance, 3)}）`}`, `${list} = ${show(sum, 2)}%${ok ? ' ✓' : `, ${show(sum.minus(100).abs(), 2)} away from 100% (tolerance ±${show(tolerance, 3)})`}`);
  ctx.verdict(claim.id, ok ? 'ok' : 'warning', exp);
  if (ok) return;
  ctx.report({
    messageId: 'total',
    message: l(`各项占比合计 ${show(sum, 2)}%，不等于 100%`, `The shares add up to ${show(sum, 2)}%, not 100%`),
    explanation: exp,
    span: shares[0].stated.span ?? claim.span,
    related: shares.slice(1).filter((s) => s.stated.span).map((s) => ({ span: s.stated.span!, message: l(`占比 ${written(s.stated)}`, `share ${written(s.stated)}`) })),
    claim: claim.id,
  });
}
