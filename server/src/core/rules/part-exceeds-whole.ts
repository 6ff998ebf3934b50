import { checkLe, show, written } from '../arith/interval';
import { l, type Rule } from './rule';

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
    for (const claim of ctx.claims) {
      if (claim.kind !== 'le' || claim.origin === 'cross-table') continue;
      const { part, whole } = claim;
      const result = checkLe(part, whole);
      const p = written(part);
      const w = written(whole);
      const explain = () =>
        l(
        `${part.label} ${p} ${result.ok ? '≤' : '>'} ${whole.label} ${w}${result.ok ? '' : `（超出 ${show(result.diff)}）`}`,
        `${part.label} ${p} ${result.ok ? '≤' : '>'} ${whole.label} ${w}${result.ok ? '' : ` (by ${show(result.diff)})`}`,
        );
      ctx.verdict(claim.id, result.ok ? 'ok' : claim.soft ? 'warning' : 'error', explain);
      if (result.ok) continue;
      const explanation = explain();
      ctx.report({
        messageId: 'exceeds',
        message: l(`${part.label} ${p} 大于${whole.label} ${w}`, `${part.label} ${p} exceeds ${whole.label} ${w}`),
        explanation,
        span: part.span ?? claim.span,
        severity: claim.soft ? 'warning' : undefined,
        related: whole.span ? [{ span: whole.span, message: l(`总数：${whole.label} ${w}`, `whole: ${whole.label} ${w}`) }] : [],
        claim: claim.id,
      });
    }
  },
};
