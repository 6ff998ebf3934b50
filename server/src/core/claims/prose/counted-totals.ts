// A total after its parts that counts them (prose.md §1): `人员经费381.82万元、公用经费79.20万元、项目支出290.26万元，三者合计
// 751.28万元`. The count says how many figures before it are the parts, so the list needs no trigger word.
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** `三者合计`, `以上两项合计为`, `上述4项共计`: the total of the N figures just before. */
const COUNTED_TOTAL = /^[，,；;]?\s*(?:以上|上述)?\s*([两二三四五六七八九]|[2-9])\s*(?:者|项|类)(?:支出|经费|资金)?(?:合计|共计|总计|累计)(?:为|达)?$/;
const NUMERALS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function countedTotalClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const [, tokens] of analysis.bySentence) {
    for (const total of tokens) {
      if (total.role !== 'amount') continue;
      const m = COUNTED_TOTAL.exec(total.lead);
      if (!m) continue;
      const n = NUMERALS[m[1]] ?? Number(m[1]);
      const parts = partsBefore(tokens, total, n);
      if (!parts) continue;
      const name = m[0].replace(/^[，,；;\s]+|[为达]$/g, '');
      sink.add({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.counted-total',
        description: l(`${name} = ${parts.map((p) => p.subject).join(' + ')}`, `the total of the ${n} figures before it`),
        span: total.token.span,
        total: operand(total.token, name),
        parts: parts.map((p) => operand(p.token, p.subject)),
        exhaustive: true,
      });
    }
  }
}

/** The n amounts right before the total, each naming itself, none restating another: else none. */
function partsBefore(tokens: ProseToken[], total: ProseToken, n: number): ProseToken[] | undefined {
  if (total.index < n) return undefined;
  const parts = tokens.slice(total.index - n, total.index);
  if (parts.some((p) => p.role !== 'amount' || !p.ownSubject || p.restates || p.depth !== total.depth)) return undefined;
  return parts;
}
