// Totals of the standard accounts that hold one another (tables.md T04, T01): 公开04表's 总计 holds the year's fiscal
// spending, and 公开01表's 总计 the year's income and spending. Stated anywhere in the prose, the held figure cannot be
// the larger: `财政拨款收入支出总计0.3万元` beside `一般公共预算财政拨款支出2940.05万元` is a slip.
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { LeClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** The department named before its figure (`上海市普陀区XX局财政拨款收入支出总计`): its own. */
const OWNER = '(?:[\\u4e00-\\u9fff]{1,20}(?:局|委|院|中心|办事处|政府|街道|镇|乡|部门|单位))?';
const owned = (name: string) => new RegExp(`^${OWNER}${name}$`);

const NESTED: Array<{ whole: RegExp; parts: RegExp[]; zh: string; en: string }> = [
  { whole: owned('财政拨款(?:收入、?支出|收、?支)总计'), parts: [owned('一般公共预算财政拨款支出'), owned('财政拨款支出(?:合计)?')], zh: '财政拨款收入支出总计', en: 'the fiscal appropriations’ grand total' },
  { whole: owned('(?:收入、?支出|收、?支)总计'), parts: [owned('支出合计'), owned('收入合计')], zh: '收入支出总计', en: 'the grand total' },
];

export function nestedTotalClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  // (A negative 年末结转和结余, a deficit carried forward, lets the year's spending exceed the 总计.)
  if (analysis.tokens.some((t) => /结转|结余/.test(t.subject) && t.token.value.isNegative())) return;
  // The first statement of each figure of the report's year (a restatement with another value is fact-conflict's).
  const first = new Map<RegExp, ProseToken>();
  for (const t of analysis.tokens) {
    if (t.role !== 'amount' || t.year !== undefined || !t.ownSubject) continue;
    for (const { whole, parts } of NESTED) {
      for (const re of [whole, ...parts]) if (!first.has(re) && re.test(t.subject)) first.set(re, t);
    }
  }
  for (const { whole, parts, zh, en } of NESTED) {
    const w = first.get(whole);
    if (!w) continue;
    for (const re of parts) {
      const p = first.get(re);
      if (!p || p.token.unit !== w.token.unit) continue;
      sink.add<LeClaim>({
        kind: 'le',
        origin: 'prose',
        identity: 'prose.nested-total',
        description: l(`${p.subject}不超过${zh}`, `${p.subject} does not exceed ${en}`),
        span: w.token.span,
        part: operand(p.token, p.subject),
        whole: operand(w.token, w.subject),
      });
    }
  }
}
