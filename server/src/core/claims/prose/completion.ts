// Budget completion claims (prose.md §4): 年初预算为B，支出决算为A，完成年初预算的X%, and the
// 决算数大于/小于预算数 wording that must agree with X.
import { operand } from '../../arith/interval';
import { l } from '../../rules/rule';
import type { CompletionClaim, DocumentModel } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

const COMPARISON = /决算数?(?:[^，,。；;]{0,6}?)(大于|高于|超过|多于|小于|低于|少于|等于|与预算数?持平|与预算数?一致)/;

export function completionClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  let paragraph = -1;
  let last: CompletionClaim | undefined;
  for (const sentence of model.sentences) {
    const tokens = analysis.bySentence.get(sentence.id) ?? [];
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      last = undefined;
    }
    let budget: ProseToken | undefined;
    let actual: ProseToken | undefined;
    for (const t of tokens) {
      if (t.role === 'budget') {
        // `决算数为A，为年初预算B的X%`: an actual before the first budget still pairs with it.
        if (budget) actual = undefined;
        budget = t;
      } else if (t.role === 'amount') {
        actual = t;
      } else if (t.role === 'completion-rate') {
        if (budget && actual) {
          const label = budget.subject || actual.subject || '支出';
          last = sink.add<CompletionClaim>({
            kind: 'completion',
            origin: 'prose',
            identity: 'prose.completion',
            description: l(`${label}预算完成率`, `budget completion of ${label}`),
            span: t.token.span,
            actual: operand(actual.token, '决算数'),
            budget: operand(budget.token, '预算数'),
            rate: operand(t.token, '完成率'),
          });
        }
        budget = undefined;
        actual = undefined;
      }
    }
    if (last && !last.comparison) {
      const words = sentence.text;
      const m = COMPARISON.exec(words);
      if (m) {
        const word = /大于|高于|超过|多于/.test(m[1]) ? 'gt' : /小于|低于|少于/.test(m[1]) ? 'lt' : 'eq';
        const start = sentence.span.start + m.index;
        last.comparison = { word, span: { start, end: start + m[0].length } };
      }
    }
  }
}

