import { written } from '../arith/interval';
import type { Span } from '../types';
import { ratioExplanation } from './explain';
import { checkClaimRatio, ratioInputs, withFinerFigures, writtenRounded } from './ratios';
import { isTailAdjusted } from './share-mismatch';
import { l, type Rule } from './rule';

/**
 * A percentage cut instead of rounded (0.6358% written 0.63%, rounding.md §4): systematic, not a
 * contradiction about amounts. Reported once per distinct value, with every occurrence fixed.
 */
export const percentTruncated: Rule = {
  meta: {
    id: 'percent-truncated',
    type: 'suggestion',
    defaultSeverity: 'info',
    description: l('百分比被截断而非四舍五入', 'A percentage truncated instead of rounded'),
    fixable: true,
    messages: { truncated: l('{stated}% 为截断值，四舍五入应为 {rounded}%', '{stated}% is truncated; rounded it is {rounded}%') },
  },
  check(ctx) {
    const byValue = new Map<string, { spans: Span[]; rounded: string; explanation: { zh: string; en: string }; claim: number }>();
    for (const claim of ctx.claims) {
      const inputs = ratioInputs(claim);
      // (A multiple, `增长1.2倍` for 1.26, is a round figure by nature: not a percentage cut short.)
      if (!inputs?.stated.span || inputs.symbol !== '%') continue;
      const check = checkClaimRatio(inputs);
      // A largest-remainder list rounds some shares down: that is 尾差, percent-total's note.
      if (check.status !== 'truncated' || (claim.kind === 'share' && isTailAdjusted(ctx.claims, claim, ctx.model.text))) continue;
      // (Rounded correctly from the tables' finer figures: the prose figures were rounded, not the rate.)
      if (withFinerFigures(ctx.claims, inputs)?.check.status === 'ok') continue;
      const rounded = writtenRounded(inputs.stated, check)!;
      const key = `${written(inputs.stated)}→${rounded}`;
      const entry = byValue.get(key);
      if (entry) entry.spans.push(inputs.stated.span);
      else byValue.set(key, { spans: [inputs.stated.span], rounded, explanation: ratioExplanation(inputs, check), claim: claim.id });
    }
    for (const [key, entry] of byValue) {
      const stated = key.split('→')[0];
      const times = entry.spans.length > 1 ? l(`（全文 ${entry.spans.length} 处）`, ` (${entry.spans.length} places)`) : l('', '');
      ctx.report({
        messageId: 'truncated',
        message: l(`${stated} 为截断值，四舍五入应为 ${entry.rounded}%${times['zh-cn']}`, `${stated} is truncated; rounded it is ${entry.rounded}%${times.en}`),
        explanation: l(entry.explanation.zh, entry.explanation.en),
        span: entry.spans[0],
        related: entry.spans.slice(1).map((span) => ({ span, message: l(`同一截断值 ${stated}`, `the same truncated value ${stated}`) })),
        fixes: [{ title: l(`四舍五入为 ${entry.rounded}%（${entry.spans.length} 处）`, `Round to ${entry.rounded}% (${entry.spans.length} places)`), edits: entry.spans.map((span) => ({ span, newText: entry.rounded })), safe: false, preferred: true, kind: 'fix-rate' }],
        claim: entry.claim,
      });
    }
  },
};
