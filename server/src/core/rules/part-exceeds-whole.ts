import { checkLe, computed, written } from '../arith/interval';
import type { LeClaim } from '../types';
import { l, type Rule, type RuleContext } from './rule';

/** A 其中 part (or a sub-unit) larger than its whole, beyond rounding. */
export const partExceedsWhole: Rule = {
  meta: {
    id: 'part-exceeds-whole',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('其中项大于其总数', 'A part is larger than its whole'),
    fixable: false,
    messages: { exceeds: l('{part}大于{whole}', '{part} exceeds {whole}') },
  },
  check(ctx) {
    for (const claim of ctx.claims) if (claim.kind === 'le' && claim.origin !== 'cross-table') checkOne(ctx, claim);
  },
};

/** (A function of its own: the closure would cost a context in a loop body for every claim of every kind.) */
function checkOne(ctx: RuleContext, claim: LeClaim): void {
  const { part, whole } = claim;
  const result = checkLe(part, whole);
  const explain = () => {
    const p = written(part);
    const w = written(whole);
    // (The excess in the unit the whole is written in: `超出 1453536.11元`, not its value in 万元.)
    // (Counts are shown whole: `超出 1`, not 1.00.)
    const by = result.ok ? '' : computed(result.diff, Math.max(part.decimals ?? 2, whole.decimals ?? 2), [whole, part]);
    return l(`${part.label} ${p} ${result.ok ? '≤' : '>'} ${whole.label} ${w}${result.ok ? '' : `（超出 ${by}）`}`, `${part.label} ${p} ${result.ok ? '≤' : '>'} ${whole.label} ${w}${result.ok ? '' : ` (by ${by})`}`);
  };
  ctx.verdict(claim.id, result.ok ? 'ok' : claim.soft ? 'warning' : 'error', explain);
  if (result.ok) return;
  const explanation = explain();
  const p = written(part);
  const w = written(whole);
  ctx.report({
    messageId: 'exceeds',
    message: claim.message ?? l(`${part.label} ${p} 大于${whole.label} ${w}`, `${part.label} ${p} exceeds ${whole.label} ${w}`),
    explanation,
    span: part.span ?? claim.span,
    severity: claim.soft ? 'warning' : undefined,
    related: whole.span ? [{ span: whole.span, message: l(`总数：${whole.label} ${w}`, `whole: ${whole.label} ${w}`) }] : [],
    claim: claim.id,
  });
}
