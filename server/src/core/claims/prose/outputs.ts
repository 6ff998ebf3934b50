// Planned and actual outputs with their completion rate, as 绩效 sections state them: `计划改造农村户厕500户，实际完成488户，完成率
// 97.60%`, `计划培训高素质农民1,200人次，实际培训1,356人次，完成计划的113.00%`. The rate is the actual over the plan (completion-mismatch).
import { operand } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { l } from '../../messages';
import type { CompletionClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** A rate of the plan: `完成率`, `完成计划的`, `完成年度计划的`, `为计划的`. */
const OF_THE_PLAN = /^[，,]?\s*(?:计划)?完成率(?:为|达|是)?$|^[，,]?\s*(?:完成|为|达到?)(?:年度|全年)?(?:目标)?计划(?:数)?的$/;
/** The planned output: `计划改造农村户厕`, `年度计划`, `计划完成`. */
const PLANNED = /计划|目标/;
/** The output done: `实际完成`, `实际建成`, `实际培训`, `全年实际…`. */
const DONE = /实际|已完成|累计完成/;

export function outputCompletionClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    for (const rate of tokens) {
      if (rate.role !== 'completion-rate' || !OF_THE_PLAN.test(rate.lead)) continue;
      // (The two counts right before the rate in its `；`-clause, the plan first: `计划…500户，实际完成488户，完成率97.60%`.)
      const [planned, done] = [tokens[rate.index - 2], tokens[rate.index - 1]];
      if (planned?.role !== 'count' || done?.role !== 'count' || planned.token.unitText !== done.token.unitText) continue;
      if (!PLANNED.test(planned.lead) || !DONE.test(done.lead) || planned.token.value.isZero() || clauseBreak(planned, rate)) continue;
      const name = planned.subject.replace(/^计划/, '') || '计划';
      sink.add<CompletionClaim>({
        kind: 'completion',
        origin: 'prose',
        identity: 'prose.output-completion',
        description: l(`${name}计划完成率`, `completion of the planned ${name}`),
        span: rate.token.span,
        actual: asExact(operand(done.token, `实际${done.token.unitText}`)),
        budget: asExact(operand(planned.token, `计划${planned.token.unitText}`)),
        rate: operand(rate.token, '完成率'),
      });
    }
  }
}

/** A `；` or `。` between two figures of a sentence. */
function clauseBreak(a: ProseToken, b: ProseToken): boolean {
  return /[；;。]/.test(a.sentence.text.slice(a.token.span.end - a.sentence.span.start, b.token.span.start - a.sentence.span.start));
}
