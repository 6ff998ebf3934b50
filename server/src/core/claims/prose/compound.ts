// Growth over several years (prose.md §3). Average yearly growth, `2019—2021年…分别为62486.30万元、65892.18万元和70958.26万元，
// 两年年均增长6.56%`, `比2021年的7203.00万元增长14.50%，两年年均增长7.01%`, is compound over the years between the first figure and
// the last, (last / first)^(1/n) − 1, as the reports' own notes define it (`按（末年数/首年数）^(1/年数)－1计算`). A year's figure
// as a multiple of an earlier year's, `2022年收支规模是2018年的1.9倍`, is their ratio; a total over the years (`…累计投入`), their sum.
import { exact, isMoney, operand, sumOperand } from '../../arith/interval';
import { l } from '../../messages';
import type { ChangeClaim, DocumentModel, ShareClaim, SumClaim } from '../../types';
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
    cumulativeTotals(analysis, tokens, yearOf, sink);
  }
}

/**
 * `2021年、2022年、2023年分别安排…512.36万元、604.83万元和685.25万元，“十四五”以来累计投入1802.44万元`: a total over years, of the figures
 * its clause states year by year. Over the years it names (`“十三五”期间`, `2019—2021年`, `五年`), else over all of them; not when
 * the clause leaves out a year of that span.
 */
function cumulativeTotals(analysis: ProseAnalysis, tokens: ProseToken[], yearOf: (t: ProseToken) => number, sink: ClaimSink): void {
  for (const total of tokens) {
    if (total.role !== 'amount' || total.depth !== 0 || !isMoney(total.token.unit) || !CUMULATIVE.test(total.lead)) continue;
    const byYear = new Map<number, ProseToken>();
    let twice = false;
    // (Or the sentence before's, in its paragraph: `…分别为812.40、…、1286.75万元，…。“十四五”以来（2021—2024年）累计投入…4449.48万元`.)
    const before = total.index === 0 ? analysis.bySentence.get(total.sentence.id - 1) : undefined;
    const figures = before && before[0]?.sentence.paragraph === total.sentence.paragraph ? clauseFigures(before, { ...total, index: before.length }, true) : clauseFigures(tokens, total);
    for (const f of figures) {
      if (f.token.unit !== total.token.unit) continue;
      twice ||= byYear.has(yearOf(f));
      byYear.set(yearOf(f), f);
    }
    if (twice || byYear.size < 2) continue;
    const stated = [...byYear.keys()].sort((a, b) => a - b);
    // (The span named before the figure in its sentence: `“十四五”以来，全市污染防治累计投入…`.)
    const at = total.token.span.start - total.sentence.span.start;
    const span = periodOf(total.sentence.text.slice(Math.max(0, at - PERIOD_REACH), at), stated);
    if (!span) continue;
    const [from, to] = [span[0], Math.min(span[1], stated.at(-1)!)];
    const parts: ProseToken[] = [];
    for (let year = from; year <= to; year++) {
      const f = byYear.get(year);
      if (!f) break;
      parts.push(f);
    }
    if (parts.length < 2 || parts.length !== to - from + 1) continue;
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.cumulative',
      description: l(`${from}—${to}年累计 = 各年之和`, `the ${from}–${to} total = the sum of the years`),
      span: total.token.span,
      total: operand(total.token, `${from}—${to}年累计`),
      parts: parts.map((p) => operand(p.token, `${yearOf(p)}年`)),
      exhaustive: true,
    });
  }
}

/** `累计投入`, `累计支出`, `累计安排资金`: a total over a span of years. */
// (`累计投入学前教育4449.48万元`: what was spent on after the verb.)
// (Not what was cut or saved over the years, `三年累计压减5.42万元`: no sum of the figures.)
const CUMULATIVE = /累计(?!压减|减少|节约|节省|下降|降低|增加|增长|少|多)(?:投入|支出|安排|拨付|下达|完成|发放|使用)?[^，,。；;：:\d]{0,12}?(?:为|达|达到|共)?$/;
const PERIOD_REACH = 40;
const NUMERALS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const PLANS: Record<string, [number, number]> = { 十二五: [2011, 2015], 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030] };

/** The years a cumulative total's words name: a plan's, a range, the last N; all the stated ones when they name none. */
function periodOf(lead: string, stated: number[]): [number, number] | undefined {
  const plan = /十[二三四五]五/.exec(lead)?.[0];
  if (plan) return PLANS[plan];
  const range = /((?:19|20)\d\d)\s*年?\s*[—\-－~～至到]\s*((?:19|20)\d\d)\s*年/.exec(lead);
  if (range) return [Number(range[1]), Number(range[2])];
  const last = /(\d{1,2}|[两二三四五六七八九十])\s*年(?:来|间|内|中)?(?:共|合计)?累计/.exec(lead)?.[1];
  if (last) {
    const n = /\d/.test(last) ? Number(last) : NUMERALS[last];
    return [stated.at(-1)! - n + 1, stated.at(-1)!];
  }
  return [stated[0], stated.at(-1)!];
}

/** How far back a clause's figures are read (a run of years, a few more): a sentence of thousands of them is not re-read for each. */
const MAX_CLAUSE_FIGURES = 24;
/** The amounts of the clause before `t` (up to a `；`, or of the whole sentence), in the unit of the last of them (a cumulative total not one of them). */
function clauseFigures(tokens: ProseToken[], t: ProseToken, wholeSentence = false): ProseToken[] {
  // (Walked back to the clause's `；`, each gap read once: a sentence of many such figures stays linear.)
  const clause: ProseToken[] = [];
  let next = t;
  const from = Math.min(t.index, tokens.length) - 1;
  for (let k = from; k >= 0 && k > from - MAX_CLAUSE_FIGURES; k--) {
    const x = tokens[k];
    if (!wholeSentence && /[；;]/.test(between(x, next))) break;
    next = x;
    if (x.depth === 0 && (x.role === 'amount' || x.role === 'prior') && !CUMULATIVE.test(x.lead)) clause.unshift(x);
  }
  return clause.filter((x) => x.token.unit === clause.at(-1)?.token.unit);
}
