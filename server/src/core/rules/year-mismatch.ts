import { containing } from '../text/search';
import { l, type Rule } from './rule';

/**
 * A year other than the report year where the report year is meant: `截至2023年12月31日` in a 2024
 * report, a `2023年度部门决算` title, a `2023年度…支出合计` figure stated as this year's. Years of
 * comparisons (比2023年) and of things collected ahead (2025年度居民参保率) are legitimate.
 */
/**
 * After a year opening its sentence: a 收入 / 支出 quantity and its amount, with nothing that makes it a plan
 * (预算, 计划, 将, 拟, 安排, 目标…) before the amount.
 */
const FUTURE_ACTUAL = /^\s*(?:年度|年|度)?(?:(?!预算|计划|将|拟|安排|目标|预计|争取|力争)[^，,。；;\d]){0,24}?(?:收入|支出)(?:决算)?(?:合计|总计)?(?:数)?(?:为|是|共|达)?\s*\d[\d,.]*\s*(?:万元|亿元|元)/;

/** The funds' names hold 预算 without making a figure a plan. */
const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/g;

export const yearMismatch: Rule = {
  meta: {
    id: 'year-mismatch',
    type: 'problem',
    defaultSeverity: 'warning',
    description: l('年份与报告年度不符', 'A year other than the report year where the report year is meant'),
    fixable: true,
    messages: { year: l('{year}年与报告年度{reportYear}年不符', '{year} differs from the report year {reportYear}') },
  },
  check(ctx) {
    const reportYear = ctx.model.reportYear;
    if (!reportYear) return;
    const text = ctx.model.text;
    for (const n of ctx.model.numbers) {
      if (n.unit !== 'year' || n.cell) continue;
      const year = n.value.toNumber();
      if (year === reportYear) continue;
      const before = text.slice(Math.max(0, n.span.start - 6), n.span.start);
      const after = text.slice(n.unitSpan?.end ?? n.span.end, (n.unitSpan?.end ?? n.span.end) + 12);
      let why: { 'zh-cn': string; en: string } | undefined;
      const sentence = containing(ctx.model.sentences, (x) => x.span, n.span.start);
      const opensSentence = sentence !== undefined && text.slice(sentence.span.start, n.span.start).replace(/[\s*#>\-\d.、（）()一二三四五六七八九十]/g, '') === '';
      if (/(截至|截止|至)\s*$/.test(before) && /^\s*(?:12\s*月\s*(?:31\s*日|末|底)|末|底)/.test(after)) {
        // A budget states its assets as of the end of the year before it.
        if (ctx.model.reportKind === 'budget' && year === reportYear - 1) continue;
        // `截至2023年12月31日…；截至2024年12月31日…`: the two year-ends compared.
        if (sentence && new RegExp(`截[至止]\\s*${reportYear}\\s*年`).test(sentence.text)) continue;
        why = l(`年末时点应为${reportYear}年12月31日`, `the year-end date should be 31 December ${reportYear}`);
      } else if (/^\s*度?\s*(?:部门|单位)?\s*决算(?!数|\s*已|公开(?:中|后|时|工作|以来))/.test(after) && !/(比|较|与|上年|同比|对比)\s*$/.test(before)) {
        // (`对2023年度部门决算公开中发现的问题进行了整改`: last year's disclosure as an event, not this report.)
        why = l(`本报告为${reportYear}年度决算`, `this is the ${reportYear} final-accounts report`);
      } else if (opensSentence && sentence && /比上年|较上年|与上年|同比/.test(sentence.text) && !/上年|同比/.test(text.slice(sentence.span.start, n.span.start)) && !sentence.text.includes(`${reportYear}年`)) {
        // `2023年度收入、支出总计665.39万元，比上年…`: a figure compared with 上年 is this year's (unless the
        // sentence names the report year for it: `2025年度参保缴费已于2024年9月启动，截至2024年12月31日…比上年`).
        why = l(`与上年比较的是本年度（${reportYear}年）的数`, `a figure compared with the previous year is the report year's (${reportYear})`);
      } else if (opensSentence && sentence && ctx.model.reportKind === 'final-accounts' && year === reportYear + 1 && FUTURE_ACTUAL.test(text.slice(n.unitSpan?.end ?? n.span.end, sentence.span.end).replace(FUND_NAMES, ''))) {
        // `2025年度一般公共预算财政拨款支出600.00万元` in a 2024 决算: next year has no actual spending yet.
        why = l(`决算报告中的收支决算数只能是${reportYear}年度的`, `a final-accounts report states actual figures of ${reportYear} only`);
      }
      if (!why) continue;
      ctx.report({
        messageId: 'year',
        message: l(`${year}年与报告年度${reportYear}年不符`, `${year} differs from the report year ${reportYear}`),
        explanation: l(`${why['zh-cn']}；文中为${year}年。`, `${why.en}; the text says ${year}.`),
        span: n.span,
        fixes: [{ title: l(`改为${reportYear}`, `Change to ${reportYear}`), edits: [{ span: n.span, newText: String(reportYear) }], safe: false, preferred: true, kind: 'fix-year' }],
      });
    }
  },
};
