// Growth over several years (prose.md §3). Average yearly growth, `2019—2021年…分别为62486.30万元、65892.18万元和70958.26万元，
// 两年年均增长6.56%`, `比2021年的7203.00万元增长14.50%，两年年均增长7.01%`, is compound over the years between the first figure and
// the last, (last / first)^(1/n) − 1, as the reports' own notes define it (`按（末年数/首年数）^(1/年数)－1计算`). A year's figure
// as a multiple of an earlier year's, `2022年收支规模是2018年的1.9倍`, is their ratio.
import { exact, operand, sumOperand } from '../../arith/interval';
import { l } from '../../messages';
import type { ChangeClaim, DocumentModel, ShareClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { between, type ProseAnalysis, type ProseToken } from './tokens';

/** `年均增长7.16%`, `两年年均增长6.56%`, `年均下降12.53%`, `年平均增长率为…`. */
const YEARLY_RATE = /(?:年均|年平均|平均每年)(增长|增加|上升|递增|下降|减少|降低|递减)(?:率)?(?:为|达|了)?$/;

/** `比2022年增长42.99%`: a change since an earlier year. */
const SINCE_YEAR = /(?:比|较|与)\s*((?:19|20)\d\d)\s*年度?(?:相比)?[，,]?\s*(?:累计)?(?:增长|增加|上升|下降|减少|降低)(?:了)?$/;
/** `2022年收支规模是2018年的1.9倍`, `2020年是2018年的2.06倍`: one year's figure as a multiple of an earlier year's. */
const MULTIPLE_OF_YEAR = /(?:((?:19|20)\d\d)\s*年度?[^，,。；;\d]{0,12})?是\s*((?:19|20)\d\d)\s*年度?的$/;

export function compoundClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  const reportYear = model.reportYear;
  if (reportYear === undefined) return;
  const yearOf = (t: ProseToken) => t.year ?? reportYear;
  for (const tokens of analysis.bySentence.values()) {
    for (const multiple of tokens) {
      const m = multiple.token.unitText === '倍' && multiple.role !== 'change-rate' ? MULTIPLE_OF_YEAR.exec(multiple.lead) : null;
      if (!m) continue;
      const [of, base] = [Number(m[1] ?? reportYear), Number(m[2])];
      const figures = clauseFigures(tokens, multiple);
      const [part, whole] = [of, base].map((year) => figures.filter((t) => yearOf(t) === year));
      if (part.length !== 1 || whole.length !== 1 || part[0].token.unit !== whole[0].token.unit) continue;
      sink.add<ShareClaim>({
        kind: 'share',
        origin: 'prose',
        identity: 'prose.multiple',
        description: l(`${of}年是${base}年的倍数`, `${of} as a multiple of ${base}`),
        span: multiple.token.span,
        part: operand(part[0].token, `${of}年`),
        base: operand(whole[0].token, `${base}年`),
        stated: operand(multiple.token, '倍数'),
      });
    }
    for (const rate of tokens) {
      if (rate.token.unit !== '%' || rate.depth !== 0) continue;
      const word = YEARLY_RATE.exec(rate.lead)?.[1];
      if (!word) continue;
      const down = /下降|减少|降低|递减/.test(word);
      // The figures of its clause before it, each of its year (the report year's is undated).
      const money = clauseFigures(tokens, rate);
      if (money.length < 2) {
        // (`2025年支出612.84万元，比2022年增长42.99%，年均增长12.66%`: from the growth over the years instead, (1 + g)^(1/n) − 1.)
        const since = tokens[rate.index - 1];
        const from = since?.role === 'change-rate' && since.token.unit === '%' ? SINCE_YEAR.exec(since.lead) : null;
        const years = from ? (money[0] ? (money[0].year ?? reportYear) : reportYear) - Number(from[1]) : 0;
        if (!from || years < 2 || years > 10 || !since.direction || since.direction === 'flat') continue;
        const growth = operand(since.token, `比${from[1]}年${since.direction === 'down' ? '下降' : '增长'}`);
        sink.add<ChangeClaim>({
          kind: 'change',
          origin: 'prose',
          identity: 'prose.compound-rate',
          description: l(`${from[1]}年以来年均${down ? '下降' : '增长'}率`, `average yearly ${down ? 'decline' : 'growth'} since ${from[1]}`),
          span: rate.token.span,
          direction: down ? 'down' : 'up',
          current: sumOperand([exact(100, '100%'), growth], `比${from[1]}年${since.direction === 'down' ? '下降' : '增长'}${since.token.raw}%`, undefined, [1, since.direction === 'down' ? -1 : 1]),
          prior: exact(100, '100%'),
          rate: operand(rate.token, down ? '年均下降率' : '年均增长率'),
          years,
        });
        continue;
      }
      const first = money.reduce((a, b) => (yearOf(b) < yearOf(a) ? b : a));
      const last = money.reduce((a, b) => (yearOf(b) > yearOf(a) ? b : a));
      const years = yearOf(last) - yearOf(first);
      // (One figure a year at most: two of one year are two quantities.)
      if (years < 1 || years > 10 || money.filter((t) => yearOf(t) === yearOf(first) || yearOf(t) === yearOf(last)).length !== 2) continue;
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

/** The amounts of the clause before `t` (up to a `；`), in the unit of the last of them. */
function clauseFigures(tokens: ProseToken[], t: ProseToken): ProseToken[] {
  const clause = tokens.slice(0, t.index).filter((x) => x.depth === 0 && (x.role === 'amount' || x.role === 'prior') && !/[；;]/.test(between(x, t)));
  return clause.filter((x) => x.token.unit === clause.at(-1)?.token.unit);
}
