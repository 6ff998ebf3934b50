// A total after its parts that counts them (prose.md §1): `人员经费381.82万元、公用经费79.20万元、项目支出290.26万元，三者合计
// 751.28万元`. The count says how many figures before it are the parts, so the list needs no trigger word.
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { ClaimSink } from '../sink';
import { withoutLevel } from './subjects';
import type { ProseAnalysis, ProseToken } from './tokens';

/** `三者合计`, `以上两项合计为`, `上述4项共计`: the total of the N figures just before. */
export const COUNTED_TOTAL = /^[，,；;]?\s*(?:以上|上述)?\s*([两二三四五六七八九]|[2-9])\s*(?:者|项|类)(?:支出|经费|资金)?(?:合计|共计|总计|累计)(?:为|达)?$/;
const NUMERALS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** `前三类合计`, `其中前三项合计`: the total of the first N items of the ranked list before. */
const FIRST_ITEMS_TOTAL = /^[，,；;]?\s*(?:其中)?前\s*([两二三四五六七八九十]|[2-9]|1[0-9])\s*(?:项|类|个|位|名)(?:项目|支出|科目)?(?:合计|共计|总计|累计)(?:为|达)?$/;

export function countedTotalClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  let before: ProseToken[] = [];
  for (const [, tokens] of analysis.bySentence) {
    const previous = before;
    before = tokens;
    for (const total of tokens) {
      if (total.role !== 'amount') continue;
      const first = FIRST_ITEMS_TOTAL.exec(total.lead);
      if (first) {
        firstItemsTotal(total, NUMERALS[first[1]] ?? Number(first[1]), first[0].replace(/^[，,；;\s]+|[为达]$/g, ''), tokens, previous, sink);
        continue;
      }
      const m = COUNTED_TOTAL.exec(total.lead);
      if (!m) continue;
      const n = NUMERALS[m[1]] ?? Number(m[1]);
      const parts = partsBefore(tokens, total, n) ?? (total.index === 0 ? partsNamedBefore(previous, total, n) : undefined);
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

/**
 * The n amounts right before the total, each naming itself, none restating another: else none. Subtotals between them are passed
 * over (`A553.22万元、B10.46万元，合计即人员经费563.68万元；C107.86万元、D3.76万元，合计即公用经费111.62万元；四项合计675.30万元`).
 */
function partsBefore(tokens: ProseToken[], total: ProseToken, n: number): ProseToken[] | undefined {
  const parts: ProseToken[] = [];
  for (let i = total.index - 1; i >= 0 && parts.length < n; i--) {
    if (tokens[i].role === 'amount' && SUBTOTAL_LEAD.test(tokens[i].lead)) continue;
    parts.unshift(tokens[i]);
  }
  if (parts.length < n || parts.some((p) => p.role !== 'amount' || !p.ownSubject || p.restates || p.depth !== total.depth)) return undefined;
  return parts;
}

/** A subtotal of the items before it in a list: `，合计即人员经费563.68万元`, `，小计…`, `，两项合计即公用经费287.93万元`. */
export const SUBTOTAL_LEAD = /^[，,、]?\s*(?:(?:以上|上述)?\s*(?:[两二三四五六七八九]|[2-9])\s*(?:者|项|类))?(?:合计|小计|共计)(?:即|为|是)?/;

/**
 * `教育支出（类）87673.22万元，…；住房保障支出（类）5126.62万元，…。其中教育支出位居第一，其次是社会保障和就业支出，再次是住房保障支出，
 * 三类合计103812.06万元`: the n items the sentence names before the total, each an amount of the sentence before (in its paragraph).
 */
function partsNamedBefore(previous: ProseToken[], total: ProseToken, n: number): ProseToken[] | undefined {
  if (previous.length === 0 || previous[0].sentence.paragraph !== total.sentence.paragraph) return undefined;
  const words = total.sentence.text.slice(0, total.token.span.start - total.sentence.span.start);
  const named = previous.filter((p) => p.role === 'amount' && p.ownSubject && p.depth === 0 && p.year === undefined && p.token.unit === total.token.unit && words.includes(withoutLevel(p.subject)));
  return named.length === n && new Set(named.map((p) => withoutLevel(p.subject))).size === n ? named : undefined;
}

/**
 * `按支出功能分类，城乡社区支出14549.15万元，…；其次是…；再次是…；卫生健康支出58.46万元。前三类合计19217.96万元`: the first n
 * amounts of the list before (in the sentence, else in the one before it in its paragraph), past any total stated between.
 */
function firstItemsTotal(total: ProseToken, n: number, name: string, tokens: ProseToken[], previous: ProseToken[], sink: ClaimSink): void {
  const item = (t: ProseToken) => t.role === 'amount' && t.ownSubject && t.depth === total.depth && t.year === undefined && t.token.unit === total.token.unit && !TOTAL_WORDS.test(t.lead) && !COUNTED_TOTAL.test(t.lead);
  const before = tokens.slice(0, total.index).filter(item);
  const listed = before.length >= n ? before : previous[0]?.sentence.paragraph === total.sentence.paragraph ? previous.filter(item) : [];
  if (listed.length < n) return;
  const parts = listed.slice(0, n);
  sink.add({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.counted-total',
    description: l(`${name} = ${parts.map((p) => p.subject).join(' + ')}`, `the total of the first ${n} items listed`),
    span: total.token.span,
    total: operand(total.token, name),
    parts: parts.map((p) => operand(p.token, p.subject)),
    exhaustive: true,
  });
}

/** A figure named as a total (`前三项合计`, `累计`): no member of the items listed. */
export const TOTAL_WORDS = /合计|总计|共计|总额|累计/;
