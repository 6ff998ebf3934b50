// Average yearly growth (prose.md §3): `2019—2021年…分别为62486.30万元、65892.18万元和70958.26万元，两年年均增长6.56%`, `比2021年的7203.00万元
// 增长14.50%，两年年均增长7.01%`. The rate is compound over the years between the first figure and the last, (last / first)^(1/n) − 1,
// as the reports' own notes define it (`按（末年数/首年数）^(1/年数)－1计算`).
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { ChangeClaim, DocumentModel } from '../../types';
import type { ClaimSink } from '../sink';
import { between, type ProseAnalysis, type ProseToken } from './tokens';

/** `年均增长7.16%`, `两年年均增长6.56%`, `年均下降12.53%`, `年平均增长率为…`. */
const YEARLY_RATE = /(?:年均|年平均|平均每年)(增长|增加|上升|递增|下降|减少|降低|递减)(?:率)?(?:为|达|了)?$/;

export function compoundClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  const reportYear = model.reportYear;
  if (reportYear === undefined) return;
  for (const tokens of analysis.bySentence.values()) {
    for (const rate of tokens) {
      if (rate.token.unit !== '%' || rate.depth !== 0) continue;
      const word = YEARLY_RATE.exec(rate.lead)?.[1];
      if (!word) continue;
      // The figures of its clause before it, each of its year (the report year's is undated).
      const clause = tokens.slice(0, rate.index).filter((t) => t.depth === 0 && (t.role === 'amount' || t.role === 'prior') && !/[；;]/.test(between(t, rate)));
      const money = clause.filter((t) => t.token.unit === clause.at(-1)?.token.unit);
      if (money.length < 2) continue;
      const yearOf = (t: ProseToken) => t.year ?? reportYear;
      const first = money.reduce((a, b) => (yearOf(b) < yearOf(a) ? b : a));
      const last = money.reduce((a, b) => (yearOf(b) > yearOf(a) ? b : a));
      const years = yearOf(last) - yearOf(first);
      // (One figure a year at most: two of one year are two quantities.)
      if (years < 1 || years > 10 || money.filter((t) => yearOf(t) === yearOf(first) || yearOf(t) === yearOf(last)).length !== 2) continue;
      const down = /下降|减少|降低|递减/.test(word);
      sink.add<ChangeClaim>({
        kind: 'change',
        origin: 'prose',
        identity: 'prose.compound-rate',
        description: l(`${yearOf(first)}—${yearOf(last)}年年均${down ? '下降' : '增长'}率`, `average yearly ${down ? 'decline' : 'growth'} ${yearOf(first)}–${yearOf(last)}`),
        span: rate.token.span,
        direction: down ? 'down' : 'up',
        current: operand(last.token, `${yearOf(last)}年`),
        prior: operand(first.token, `${yearOf(first)}年`),
        rate: operand(rate.token, down ? '年均下降率' : '年均增长率'),
        years,
      });
    }
  }
}

