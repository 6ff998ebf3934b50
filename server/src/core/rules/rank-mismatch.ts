import { checkLe, written } from '../arith/interval';
import type { RankClaim } from '../types';
import { l, type Rule, type RuleContext } from './rule';

/**
 * A ranking the figures contradict: `其次是A…，再次是B…` with B above A, `占比最大的是C` with another item's share above C's,
 * `执行率最低的是D` with a lower rate beside it. Ties and differences rounding explains are no finding.
 */
export const rankMismatch: Rule = {
  meta: {
    id: 'rank-mismatch',
    type: 'problem',
    defaultSeverity: 'warning',
    description: l('排序表述（最大、其次、再次、最低等）与数据不符', 'A ranking (largest, second, third, lowest) the figures contradict'),
    fixable: false,
    messages: { rank: l('排序不符：{ranked}“{words}”，但{other}', 'Ranking mismatch: {ranked} is said to be "{words}", but {other}') },
  },
  check(ctx) {
    for (const claim of ctx.claims) if (claim.kind === 'rank') checkOne(ctx, claim);
  },
};

function checkOne(ctx: RuleContext, claim: RankClaim): void {
  const { ranked, other, higher, words } = claim;
  // Ranked first: the other is at most it; ranked lower or last: it is at most the other.
  const result = higher ? checkLe(other, ranked) : checkLe(ranked, other);
  const r = written(ranked);
  const o = written(other);
  const relation = higher ? (result.ok ? '≥' : '<') : result.ok ? '≤' : '>';
  const explanation = l(`${ranked.label} ${r} ${relation} ${other.label} ${o}（文中称“${words}”）`, `${ranked.label} ${r} ${relation} ${other.label} ${o} (the text says "${words}")`);
  ctx.verdict(claim.id, result.ok ? 'ok' : 'warning', explanation);
  if (result.ok) return;
  ctx.report({
    messageId: 'rank',
    message: l(`排序不符：${ranked.label}（${r}）“${words}”，但${other.label}为 ${o}`, `Ranking mismatch: ${ranked.label} (${r}) is said to be "${words}", but ${other.label} is ${o}`),
    explanation,
    span: ranked.span ?? claim.span,
    related: other.span ? [{ span: other.span, message: l(`比较：${other.label} ${o}`, `compared: ${other.label} ${o}`) }] : [],
    claim: claim.id,
  });
}
