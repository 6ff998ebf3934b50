import { checkRestated, written } from '../arith/interval';
import { isZero } from '../arith/operand';
import { PAST_DISCLOSURE } from '../model/document';
import { containing } from '../text/search';
import type { DocumentModel, Localized, NumberToken, Sentence } from '../types';
import { l, type Rule } from './rule';
import { FUND_NAMES } from '../text/funds';

/**
 * A year other than the one meant. Reports are written from last year's template, so last year's number
 * is the typical slip: where the report year is meant (`截至2023年12月31日` in a 2024 report, a `2023年度
 * 部门决算` title, a `2023年度…支出合计` figure the report states as its own), where the year before is
 * meant (`比2024年` in a sentence about 2024, `为2024年结转至本年`), and a past year as a plan. Years of
 * real comparisons (比2023年), of things collected ahead (2025年度居民参保率) and of background
 * (2023年以来) are legitimate.
 */

/**
 * After a year opening its sentence: a 收入 / 支出 quantity and its amount, with nothing that makes it a plan
 * (预算, 计划, 将, 拟, 安排, 目标…) before the amount.
 */
const ACTUAL_FIGURE = /^\s*(?:年度|年|度)?(?:(?!预算|计划|将|拟|安排|目标|预计|争取|力争)[^，,。；;\d]){0,24}?(?:收入|支出)(?:决算)?(?:合计|总计|总额)?(?:数)?(?:[（(][^（()）\d]{1,16}[)）])?(?:为|是|共|达)?\s*\d[\d,.]*\s*(?:万元|亿元|元)/;
/**
 * Words that make a statement this report's own: a share of this year's total, a completion rate. (Not
 * `本年收入合计` itself: a table row's name, which a comparison may date: `2023年度本年收入合计580.00万元。`)
 */
const THIS_YEARS = /占本年|完成(?:年初)?预算|预算完成率|决算数?为(?:年初|全年)?预算数?的/;
/** The figure broken down (`其中：…`, `主要用于…`): the section's main statement, never last year's. */
const BREAKDOWN = /其中|主要用于|主要包括|分别为|具体为/;
/** The note that a fund had no income or spending, or that a table is empty. */
const NOTHING_THIS_YEAR = /(?:没有|无|未)(?:发生|使用|安排)?[^，,。；;]{0,24}(?:收入|支出|收支)|为空表|本表无数据|无数据/;
// (`2022年受疫情影响未发生因公出国（境）支出`: a reason why last year had none.)
const LAST_YEAR_HAD_NONE = /^\s*度?\s*(?:无|没有|未发生|未安排)此(?:项|类)|本年[^。；;]{0,30}为?新增|^\s*度?\s*[，,]?\s*(?:受[^，,。；;]{1,12}影响|因[^，,。；;]{1,16})[，,]?\s*(?:无|没有|未发生|未安排)/;
/** A statement that leaves its subject to the sentence before: `…总计1024.85万元。比上年…各增加182.74万元`. */
const CONTINUES_WITH_COMPARISON = /^\s*(?:比上年|较上年|与上年(?:度)?(?:决算)?相比|同比)/;
const OWN_CURRENT_FIGURE = /^\s*(?:比上年|较上年|与上年(?:度)?(?:决算)?相比|同比)[，,]\s*[^，,。；;\d]{2,16}[\d.,]+\s*(?:万元|亿元|元)[，,]/;
/** `2023年度本年支出5225.51万元。其中基本支出…`: a breakdown in the next sentence. */
const CONTINUES_WITH_BREAKDOWN = /^\s*其中/;
const LAST_YEAR = /比上年|较上年|与上年|同比/;
const THIS_YEAR_NAMED = /本年度?|今年|当年/;
/** `比2023年`, `较2023年度`, `与2023年度决算相比`: the year a figure is compared with. */
const COMPARED = /(?:比|较|与)\s*$/;
/** After a compared year: a budget (`比2023年年初预算`) or the figures reported to the congress (`与2021年执行数相比`), not a year's actual. */
const COMPARED_BUDGET = /^\s*度?\s*(?:年初|调整)?(?:预算|计划|执行数)/;
/** After a compared year: the change it is compared for (`比2022年增加…`, `与2021年度决算相比，…各增加…`). */
const COMPARED_CHANGE = /^\s*度?\s*(?:决算数?)?\s*(?:相比|比较)?[，,]?\s*(?:的[\d.,]+\s*(?:万元|亿元|元))?\s*[^，,。；;\d（(]{0,16}?(?:增加|减少|增长|下降|上升|降低)/;
/** Words naming a figure of the accounts (收入, 支出, 经费 …), as opposed to one of the department's work. */
const ACCOUNTS_WORDS = /收入|支出|经费|资金|预算|决算|结转|结余|费用?|采购|资产|总计|合计|拨款/;
/** `将在2025年度预算编制中`: a budget still to be drawn up. */
const PLANNED = /(?:将|拟|计划|下一步)[^。；;，,]{0,4}(?:在|于)\s*$/;
const PLANNED_BUDGET = /^\s*度?\s*(?:部门)?预算(?:编制|安排)/;
/** `为2023年结转至本年使用的资金`, `年初结转和结余（即2023年末结转和结余）`: the year before's balance. */
const CARRIED_INTO_THIS_YEAR = /^\s*度?(?:末|底)?\s*(?:结转|结余)[^。；;，,]{0,6}(?:至|到)本年/;
const OPENING_BALANCE_BRACKET = /年初[^。；;]{0,12}[（(]\s*即?\s*$/;
const YEAR_END = /^\s*(?:末|底)/;
/** `引自《临江市…局`, `见《…`: the title of a document a figure is taken from, opened before the year. */
const CITED_TITLE = /(?:引自|摘自|源自|来源于|来自|见|参见|根据|依据|详见)\s*《[^《》]{0,40}$/;
/** After a year in a title: the title closed and what it states (`…决算》公开的`, `…决算》中`, `…决算》显示`). */
const QUOTED_AS_SOURCE = /^[^《》\n]{0,30}》\s*(?:公开|显示|中|所列|载明|列示|披露)/;
/** `本报告公开的数据为2024年1月1日至12月31日`: the report's period. */
const REPORT_PERIOD = /^\s*1\s*月\s*1\s*日\s*(?:至|到|—|-|－)\s*(?:(?:19|20)\d\d\s*年\s*)?12\s*月\s*31\s*日/;
/** What a report states as of its year's end: staff, vehicles, assets. */
const YEAR_END_HOLDINGS = /编制|实有人|在职人员|离退休|车辆|公务用车|资产总额|固定资产/;

/** `截至2023年12月31日`, `截止2024年末`. */
const AS_OF = /(截至|截止|至)\s*$/;
const AS_OF_YEAR_END = /^\s*(?:12\s*月\s*(?:31\s*日|末|底)|末|底)/;
/** `2023年度部门决算`, `2023年度收入支出决算总表`: the report's title, headings and tables. */
// (Not `2023年度决算支出合计850.00万元`, `2023年度决算收入、支出总计均为…`: a figure follows, last year's stated for comparison.)
// (`2018年度临川市司法局部门决算公开`: the department's name between the year and 部门决算, as a title writes it.)
const REPORT_NAME = new RegExp(`^\\s*度?\\s*(?:(?:部门|单位)?\\s*决算(?!数|${PAST_DISCLOSURE.source}|[^，,。；;\\d\\n]{0,16}\\d[\\d,.]*\\s*(?:万元|亿元|元))|[^。；;，,\\d]{0,20}决算(?:总)?表|[^。；;，,\\d\\n]{2,20}?(?:部门|单位)决算(?:公开|报告|说明)?(?:\\n|$))`);
/** `编报绩效目标的2024年度项目`, `绩效自评的2024年度项目`: the report year's projects. */
const OWN_PERFORMANCE_BEFORE = /(?:编报绩效目标|绩效自评|绩效跟踪(?:评价)?|绩效运行监控)的\s*$/;
const OWN_PERFORMANCE_AFTER = /^\s*度?\s*项目/;
/** `2024年度政府采购金额（以合同签订为准）`, `2024年度本部门政府采购支出总额`: the report year's procurement. */
const OWN_PROCUREMENT_AFTER = /^\s*度?\s*(?:本部门|本单位)?政府采购(?:支出)?(?:总额|金额)/;
/** `关于做好2024年度部门决算公开工作的通知`: the notice this report answers. */
const NOTICE = /关于(?:做好|开展|组织)?\s*$/;
const NOTICE_REST = /^\s*度?\s*(?:部门|单位)?\s*决算(?:信息)?公开(?:工作)?的?通知/;
/** `对2023年度部门决算公开中发现的问题进行了整改`, `2023年度决算已于2024年8月公开`: an earlier disclosure. */
const EARLIER_DISCLOSURE = /^\s*度?\s*(?:部门|单位)?\s*决算\s*(?:已|公开(?:中|后|时)?(?:发现|存在)?的?(?:问题|整改))/;
/** Years after which a sentence is about another period: `2023年结转…`, `2023年以来…`, `2022年起…`. */
const OTHER_PERIOD = /^\s*度?\s*(?:结转|结余|以来|起|至|前)/;
/** A plan in a past year: `2023年，本单位将继续…` in a 2025 report. */
const PLAN_WORDS = /^[^。；;]{0,12}?(?:将|拟|计划|力争)/;
/** `占2023年度一般公共预算财政拨款支出的0.60%`: the year of a share's base. */
const SHARE_OF = /占\s*$/;
const SHARE_BASE_AFTER = /^\s*度?[^。；;，,\d]{2,30}?的?\s*[\d.]+\s*[%％]/;
const RESTATED_LAST_YEAR = /可比口径|同口径|(?:加上|减去)[^。；;]{0,12}(?:划入|划出)|调整后上年|原部门/;
const OTHER_YEAR_PART = /上年|上一年|去年|以前年度|历年|累计/;
/** A term's definition, `置换债券：指…`, `（2）“三公”经费是指…` (a glossary's line). */
const DEFINITION = /^\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)?\s*[^，,。；;：:\d]{2,30}?(?:[：:]\s*(?:是)?指|是指)/;
/** A line that is only a date: the publication date under the report. */
const DATE_LINE = /^\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$/;

interface Misdated {
  why: Localized;
  /** The year meant (the report year unless said). */
  right?: number;
}

export const yearMismatch: Rule = {
  meta: {
    id: 'year-mismatch',
    type: 'problem',
    defaultSeverity: 'warning',
    description: l('年份与报告年度不符', 'A year other than the report year where the report year is meant'),
    fixable: true,
    messages: {
      year: l('{year}年与报告年度{reportYear}年不符', '{year} differs from the report year {reportYear}'),
      otherYear: l('{year}年应为{right}年', '{year} should be {right}'),
    },
  },
  check(ctx) {
    const reportYear = ctx.model.reportYear;
    if (!reportYear) return;
    const reported = new Set<number>();
    const report = (n: NumberToken, { why, right = reportYear }: Misdated) => {
      if (reported.has(n.id)) return;
      reported.add(n.id);
      const year = n.value.toNumber();
      // (The year before or after, where that is meant: a comparison, a plan, a carry-over.)
      const other = right !== reportYear;
      ctx.report({
        messageId: other ? 'otherYear' : 'year',
        message: other ? l(`${year}年应为${right}年`, `${year} should be ${right}`) : l(`${year}年与报告年度${reportYear}年不符`, `${year} differs from the report year ${reportYear}`),
        explanation: l(`${why['zh-cn']}；文中为${year}年。`, `${why.en}; the text says ${year}.`),
        span: n.span,
        fixes: [{ title: l(`改为${right}`, `Change to ${right}`), edits: [{ span: n.span, newText: inDigitsOf(n.raw, right) }], safe: false, preferred: true, kind: 'fix-year' }],
      });
    };
    // A figure the tables state for the report year, dated another year by its sentence.
    for (const claim of ctx.claims) {
      if (claim.kind !== 'dated') continue;
      const same = checkRestated(claim.figure, claim.table);
      const explain = () => l(`${claim.figure.label} ${written(claim.figure)} ${same.ok ? '=' : '≠'} ${claim.table.label} ${written(claim.table)}`, `${claim.figure.label} ${written(claim.figure)} ${same.ok ? '=' : '≠'} ${claim.table.label} ${written(claim.table)}`);
      ctx.verdict(claim.id, same.ok && !isZero(claim.figure) ? 'warning' : 'ok', explain);
      if (!same.ok || isZero(claim.figure)) continue;
      report(ctx.model.numbers[claim.year], { why: l(`${written(claim.figure)}是本报告${claim.table.label}的${reportYear}年度数`, `${written(claim.figure)} is the report's ${reportYear} figure (${claim.table.label})`) });
    }
    for (const n of ctx.model.numbers) {
      if (n.unit !== 'year' || n.cell) continue;
      const misdated = readYear(ctx.model, reportYear, n);
      if (misdated && !(misdated.right === undefined && n.value.eq(reportYear - 1) && lastYearsBaseline(ctx.model, n))) report(n, misdated);
    }
  },
};

/** What is wrong with the year `n` in its place, if anything. */
/**
 * `2021年本部门政府采购支出总额2148.94万元…。` / `2020年政府采购支出总额1862.30万元…`: last year's figure of a quantity its section
 * has already stated with another value is last year's indeed (the baseline of a change or of points), not this year's
 * misdated. (A template slip restates this year's figure, or is the only statement of it.)
 */
function lastYearsBaseline(model: DocumentModel, n: NumberToken): boolean {
  const sentence = containing(model.sentences, (x) => x.span, n.span.start);
  if (!sentence) return false;
  const end = n.unitSpan?.end ?? n.span.end;
  const after = model.text.slice(end, sentence.span.end);
  const m = BASELINE_FIGURE.exec(after);
  const subject = (m?.[1] ?? m?.[2])?.replace(/^(?:本部门|本单位|本局)/, '');
  if (!m || !subject || subject.length < 4) return false;
  const value = m[3] === undefined ? '0' : m[3].replace(/,/g, '');
  const stated = new RegExp(`${subject.replace(/[()（）]/g, '\\$&')}(?:支出|决算数?)?(?:为|是|共|达)?\\s*([\\d,]+(?:\\.\\d+)?)\\s*(?:万元|亿元|元)`);
  for (let k = sentence.id - 1; k >= 0 && model.sentences[k].section === sentence.section; k--) {
    const other = stated.exec(model.sentences[k].text);
    if (other && Number(other[1].replace(/,/g, '')) !== Number(value)) return true;
  }
  return false;
}
/** After last year's year: the quantity and its amount (`政府采购支出总额1862.30万元`), or none of it (`无因公出国（境）费支出`). */
const BASELINE_FIGURE = /^\s*度?\s*(?:(?:无|没有|未发生)([\u4e00-\u9fff（）()“”]{2,20}?)(?:支出)?(?:[，,。；;]|$)|([\u4e00-\u9fff（）()“”]{2,20}?)(?:为|是|共|达)?\s*([\d,]+(?:\.\d+)?)\s*(?:万元|亿元|元))/;

function readYear(model: DocumentModel, reportYear: number, n: NumberToken): Misdated | undefined {
  const { text } = model;
  const year = n.value.toNumber();
  const end = n.unitSpan?.end ?? n.span.end;
  // (Headings and titles are no sentences.)
  const sentence = containing(model.sentences, (x) => x.span, n.span.start);
  // (The words before it in its sentence or line: a heading ending `…预决算对比` above `2022年度…` compares nothing.)
  const from = sentence?.span.start ?? text.lastIndexOf('\n', n.span.start - 1) + 1;
  const before = text.slice(Math.max(0, n.span.start - 20, from), n.span.start);
  const after = text.slice(end, end + 24);
  const finalAccounts = model.reportKind === 'final-accounts';
  const rest = text.slice(end, sentence?.span.end ?? end);
  const lastYear = reportYear - 1;
  // (`1.置换债券：指…用于置换截至2014年末存量政府债务…的政府债券`: a term's definition dates what the term is, not the report.)
  if (sentence && DEFINITION.test(sentence.text)) return undefined;

  if (COMPARED.test(before)) {
    if (!finalAccounts) return undefined;
    if (COMPARED_BUDGET.test(after)) {
      // `“三公”经费支出决算比2023年年初预算减少…` in a 2024 决算: an actual is compared with its own year's budget.
      // (`与2021年执行数相比` in a 2021 决算: the same year's figures as first reported, compared as they should be.)
      const said = sentence ? text.slice(sentence.span.start, n.span.start) : '';
      return year !== reportYear && said.includes('决算') && !/^\s*度?\s*执行数/.test(after) ? { why: l(`决算数与本年度（${reportYear}年）的预算比较`, `an actual is compared with its own year's (${reportYear}) budget`) } : undefined;
    }
    return sentence ? readComparedYear(model, reportYear, n, sentence, rest) : undefined;
  }
  if (NOTICE.test(before) && NOTICE_REST.test(after)) {
    return year !== reportYear ? { why: l(`本报告依据${reportYear}年度决算公开的通知`, `the report answers the notice on the ${reportYear} disclosure`) } : undefined;
  }
  if (EARLIER_DISCLOSURE.test(after)) {
    // `对2024年度部门决算公开中发现的问题进行了整改` in a 2024 report: this report is not out yet.
    return year >= reportYear ? { why: l(`整改或已公开的是以前年度的决算`, `the disclosure rectified or already published is an earlier year's`), right: lastYear } : undefined;
  }
  if (finalAccounts && PLANNED.test(before) && PLANNED_BUDGET.test(after) && year <= reportYear) {
    // `下一步，将在2024年度预算编制中…` in a 2024 决算 (written in 2025): that budget was drawn up long ago.
    return { why: l(`计划中的预算年度应在${reportYear}年之后`, `a budget still to be drawn up comes after ${reportYear}`), right: reportYear + 1 };
  }
  if (year !== lastYear && (CARRIED_INTO_THIS_YEAR.test(after) || (OPENING_BALANCE_BRACKET.test(before) && YEAR_END.test(after)))) {
    return { why: l(`年初结转和结余来自上年（${lastYear}年）`, `the opening balance was carried over from ${lastYear}`), right: lastYear };
  }
  if (finalAccounts && year !== reportYear && REPORT_PERIOD.test(after)) {
    return { why: l(`本报告的期间为${reportYear}年1月1日至12月31日`, `the report covers 1 January to 31 December ${reportYear}`) };
  }
  if (finalAccounts && year <= reportYear && isDateLine(model, n)) {
    // The date a 决算 is published is after its year has closed.
    return { why: l(`${reportYear}年度决算在${reportYear}年结束后公开`, `a ${reportYear} final-accounts report is published after ${reportYear} ends`), right: reportYear + 1 };
  }
  if (year === reportYear) return undefined;
  // `本年支出决算116.44万元，占2022年度一般公共预算财政拨款支出的0.60%` in a 2023 决算: this year's figure as a share of
  // a total, which is this year's too. (Not a part that names another year: `上年支出…，占2022年度…的`.)
  if (finalAccounts && SHARE_OF.test(before) && SHARE_BASE_AFTER.test(after) && sentence) {
    const clause = text.slice(sentence.span.start, n.span.start).split(/[；;]/).at(-1) ?? '';
    const partYear = clause.match(/(?:19|20)\d\d(?=\s*年)/);
    if (!OTHER_YEAR_PART.test(clause) && (!partYear || Number(partYear[0]) === reportYear)) return { why: l(`本年数所占的是本年度（${reportYear}年）的总数`, `a share of this year's figure is of the report year's (${reportYear}) total`) };
  }
  if (AS_OF.test(before) && AS_OF_YEAR_END.test(after)) {
    // A budget states its assets as of the end of the year before it.
    if (model.reportKind === 'budget' && year === lastYear) return undefined;
    // `截至2023年12月31日…；截至2024年12月31日…`: the two year-ends compared.
    if (sentence && new RegExp(`截[至止]\\s*${reportYear}\\s*年`).test(sentence.text)) return undefined;
    return { why: l(`年末时点应为${reportYear}年12月31日`, `the year-end date should be 31 December ${reportYear}`) };
  }
  // (Last year's report given for comparison, `附：2023年度部门决算表（上年决算数，供对比参考）` and its tables, names its year.)
  const forComparison = year === lastYear && model.lastYearsFrom !== undefined && n.span.start >= model.lastYearsFrom;
  // (Nor an earlier year's report a correction is of: `本局2022年度部门决算公开说明中，…原公开为420.15万元，现更正为402.15万元`.)
  const correction = year < reportYear && sentence !== undefined && /更正|修正|勘误/.test(sentence.text);
  // (Nor an earlier report cited as a source: `上年占比引自《…2023年度部门决算》`.)
  // (Or quoted as a source by its title: `《2023年度部门决算》公开的本年支出合计为3420.56万元`.)
  const cited = year < reportYear && (CITED_TITLE.test(before) || (/《[^《》]{0,20}$/.test(before) && QUOTED_AS_SOURCE.test(after)));
  if (REPORT_NAME.test(after) && !forComparison && !correction && !cited && !/(比|较|与|上年|同比|对比)\s*$/.test(before)) {
    return { why: l(`本报告为${reportYear}年度决算`, `this is the ${reportYear} final-accounts report`) };
  }
  // `编报绩效目标的2023年度项目4个`, `…财政局2023年度政府采购金额…` in a 2024 决算: the template's statements of the report's
  // own year (a procurement figure in a sentence that names that year too is a past year's beside this year's).
  const ownPerformance = OWN_PERFORMANCE_BEFORE.test(before) && OWN_PERFORMANCE_AFTER.test(after);
  if (finalAccounts && (ownPerformance || (OWN_PROCUREMENT_AFTER.test(after) && !(sentence?.text.includes(`${reportYear}年`) ?? false)))) {
    return { why: l(`本报告为${reportYear}年度决算，所述绩效管理和政府采购为${reportYear}年度`, `this is the ${reportYear} final-accounts report: its 绩效 and procurement statements are of ${reportYear}`) };
  }
  // `### **三、2022年度一般公共预算财政拨款基本支出决算情况**` in a 2024 report: a heading of the report's own account.
  if (finalAccounts && isAccountHeading(text, n.span.start, end)) {
    return { why: l(`本报告为${reportYear}年度决算，章节标题应为${reportYear}年度`, `this is the ${reportYear} final-accounts report: its headings are of ${reportYear}`) };
  }
  if (!sentence || !opensSentence(text, sentence, n) || sentence.text.includes(`${reportYear}年`) || OTHER_PERIOD.test(after)) {
    // (A sentence that names the report year dates its own figures: `2025年度参保缴费已于2024年9月启动，截至
    // 2024年12月31日…比上年`.)
    return undefined;
  }
  return readOpeningYear(model, reportYear, n, sentence, rest);
}

/**
 * The year stands in a heading of the report's account (`三、2022年度一般公共预算财政拨款基本支出决算情况说明`): a line of its
 * own, no sentence (no clause marks, no figure), naming the 决算 (or a section of the template's after it: 机关运行经费, 政府采购,
 * 国有资产占用, 预算绩效) after the year and no comparison before it.
 */
function isAccountHeading(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  // (`表1　2018年度决算数（上年数）调整情况表`: a heading on last year's figures names their year.)
  if (rest.length > 48 || before.length > 24 || /上年|上一年/.test(rest)) return false;
  // (Or one of the sections the template adds after the 决算 tables: `十二、2020年度国有资产占用情况说明`.)
  return /^\s*度?[^。；;，,\d]*(?:决算|机关运行经费|政府采购|国有资产|资产占用|预算绩效|绩效管理|绩效评价|“?三公”?经费)[^。；;，,\d]*(?:情况|说明)[^。；;，,\d]*$/.test(rest) && !/[。；;，,]|比|较|与|上年/.test(before.replace(/^[\s#*>]*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])?/, ''));
}

/** A year opening its sentence (`2023年度收入、支出总计…`): whose figures does the sentence state? */
function readOpeningYear(model: DocumentModel, reportYear: number, n: NumberToken, sentence: Sentence, rest: string): Misdated | undefined {
  const year = n.value.toNumber();
  const next = model.sentences[sentence.id + 1]?.text ?? '';
  const finalAccounts = model.reportKind === 'final-accounts';
  const thisYears = l(`所述为本报告（${reportYear}年度）的数`, `the statement is about the report year (${reportYear})`);
  // `2023年度收入、支出总计665.39万元，比上年…`: a figure compared with 上年 is this year's.
  // (`2023年度…完成年初预算的110.62%，本年度年初预算完成率较上年提高4.53个百分点`: a clause naming 本年度 compares its own figure,
  // the year's is last year's, stated for the comparison.)
  const compared = LAST_YEAR.exec(rest);
  if (compared && THIS_YEAR_NAMED.test(rest.slice(Math.max(rest.lastIndexOf('，', compared.index), rest.lastIndexOf(',', compared.index)) + 1, compared.index))) return undefined;
  if (compared) return { why: l(`与上年比较的是本年度（${reportYear}年）的数`, `a figure compared with the previous year is the report year's (${reportYear})`) };
  if (!finalAccounts) return undefined;
  // (`与上年相比，人员经费145.46万元，增加4.56万元`: a comparison that states its own current figures has this sentence's for last
  // year's.)
  if (CONTINUES_WITH_COMPARISON.test(next) && /\d/.test(rest) && !OWN_CURRENT_FIGURE.test(next)) {
    return { why: l(`下一句与上年比较，所述为本年度（${reportYear}年）的数`, `the next sentence compares it with the previous year: it is the report year's (${reportYear})`) };
  }
  // `2017年度支出合计2906万元，其中：…。2016年度支出合计628万元，其中：…`: last year's figures stated after this year's, alike.
  if (year === reportYear - 1 && restatesForLastYear(model, sentence, reportYear, rest)) return undefined;
  // (`…本年支出500.00万元。2019年无此项支出。`, `2020年度无此项支出，本年…为新增`: last year's want of the item just stated for this year.)
  if (year === reportYear - 1 && (LAST_YEAR_HAD_NONE.test(rest) || noneOfItemJustStated(model, sentence, rest))) return undefined;
  // (`2018年度原部门决算收入支出总计为11291.80万元，加上划入单位上年…，按可比口径…`: last year's figure restated for comparison.)
  if (year === reportYear - 1 && RESTATED_LAST_YEAR.test(sentence.text)) return undefined;
  const actual = ACTUAL_FIGURE.test(rest.replace(FUND_NAMES, ''));
  // `2023年度一般公共预算财政拨款支出3403.79万元，占本年支出合计的100.00%`, `2023年度政府采购支出总额175.83万元，
  // 其中：…`, `2023年度本部门无政府性基金预算财政拨款收入、支出` in a 2024 决算: the report's own statements.
  if (Math.abs(year - reportYear) === 1 && (THIS_YEARS.test(rest) || NOTHING_THIS_YEAR.test(rest) || (actual && (BREAKDOWN.test(rest) || CONTINUES_WITH_BREAKDOWN.test(next))))) return { why: thisYears };
  // `2023年度机关运行经费支出225.13万元，比2023年的287.50万元减少…` in a 2024 report: compared with last year, it is this year's.
  if (year <= reportYear - 1 && new RegExp(`(?:比|较|与)\\s*${reportYear - 1}\\s*年`).test(rest)) {
    return { why: l(`与${reportYear - 1}年比较的是${reportYear}年度的数`, `a figure compared with ${reportYear - 1} is the report year's (${reportYear})`) };
  }
  // `2023年度，本部门“三公”经费支出决算为2.98万元；2023年度为3.69万元` (or `。2023年度为…`): the second is last
  // year's, so the first is this year's.
  if (year === reportYear - 1) {
    const again = new RegExp(`^\\s*${year}\\s*年度?\\s*(?:为|是)\\s*\\d`);
    if (rest.split(/[；;，,]/).slice(1).some((clause) => again.test(clause)) || again.test(next)) return { why: thisYears };
  }
  // `2020年末，本部门财政拨款结转和结余2.44万元` in a 2021 report: the closing balance is this year's.
  if (year === reportYear - 1 && YEAR_END.test(rest) && /结转|结余/.test(rest)) return { why: l(`年末结转和结余为${reportYear}年末的数`, `the closing balance is at the end of ${reportYear}`) };
  // (`2021年末，本部门核定编制47名…；实有人员53人…。实有公务用车1辆` in a 2022 report: the year-end staff and assets reported
  // are the report year's.)
  if (year === reportYear - 1 && YEAR_END.test(rest) && YEAR_END_HOLDINGS.test(rest) && !/(?:比|较|与|同比)/.test(rest)) return { why: l(`年末人员、车辆和资产为${reportYear}年末的数`, `the year-end staff, vehicles and assets are those at the end of ${reportYear}`) };
  // `2025年度一般公共预算财政拨款支出600.00万元` in a 2024 决算: next year has no actual spending yet.
  if (year === reportYear + 1 && actual) return { why: l(`决算报告中的收支决算数只能是${reportYear}年度的`, `a final-accounts report states actual figures of ${reportYear} only`) };
  // `2023年度，本部门对8个项目开展了绩效自评` in a 2024 决算: the self-evaluation reported is of the report year.
  if (year === reportYear - 1 && /开展(?:了)?[^。；;]{0,12}绩效自评|绩效自评[^。；;]{0,6}(?:项目|覆盖)/.test(rest) && !/对\s*(?:19|20)\d\d/.test(rest)) return { why: thisYears };
  // `2023年，本单位将继续…` in a 2025 report: a plan cannot be for a year gone by.
  if (year < reportYear && PLAN_WORDS.test(rest)) return { why: l(`计划只能针对${reportYear}年之后`, `a plan is for a year after ${reportYear}`), right: reportYear + 1 };
  return undefined;
}

/**
 * `比2024年增加…` in a sentence about 2024 compares a year with itself; `2023年度…，比2023年的287.50万元减少…`
 * in a 2024 report dates the figure wrongly; a 决算 compares with 上年, so `比2022年增加…` in a sentence about
 * 2024 is last year's template or a typo.
 */
function readComparedYear(model: DocumentModel, reportYear: number, n: NumberToken, sentence: Sentence, rest: string): Misdated | undefined {
  const compared = n.value.toNumber();
  const lastYear = reportYear - 1;
  // (`其中2021年比2020年增加423.58万元` in a 2022 report: two past years compared, the earlier named as such.)
  const comparing = /((?:19|20)\d\d)\s*年度?\s*(?:比|较|与)\s*$/.exec(model.text.slice(Math.max(sentence.span.start, n.span.start - 12), n.span.start));
  if (comparing && Number(comparing[1]) < reportYear && Number(comparing[1]) > compared) return undefined;
  const opening = sentence.numbers.map((id) => model.numbers[id]).find((x) => x.unit === 'year' && x.span.start < n.span.start);
  const openingYear = opening && opensSentence(model.text, sentence, opening) ? opening.value.toNumber() : undefined;
  const own = openingYear ?? reportYear;
  // (`我厅2012年安排公务接待费预算59.94万元，与2011年决算基本持平` beside a 2011 决算: next year's budget is compared with this
  // year's actual, as it should be.)
  if (sentence.numbers.some((id) => model.numbers[id].unit === 'year' && model.numbers[id].span.start < n.span.start && model.numbers[id].value.toNumber() > reportYear)) return undefined;
  if (own === reportYear && compared >= reportYear) {
    return { why: l(`${reportYear}年度的数应与上年（${lastYear}年）比较`, `a ${reportYear} figure is compared with the previous year (${lastYear})`), right: lastYear };
  }
  // (`2022年至2024年…分别为…，2024年比2022年增加…`: a paragraph that states that year's figures compares with it on purpose, and
  // so does the one after it: `2022年、2023年、2024年本年支出合计分别为…。` / `2024年本年支出合计…，比2022年增加…`.)
  const paragraph = model.paragraphs[sentence.paragraph];
  const previous = model.paragraphs[sentence.paragraph - 1];
  const from = previous && previous.section === paragraph?.section ? previous : paragraph;
  const said = from ? model.text.slice(from.span.start, n.span.start) : '';
  // (`2020—2023年…分别为…` names the range's first year without its 年; `比2021年的7203.00万元增长14.50%` states the year's figure.)
  const named = new RegExp(`${compared}\\s*年|(?:19|20)\\d\\d\\s*(?:年度?)?\\s*(?:至|到|—|－|-|～|~)\\s*(?:19|20)\\d\\d\\s*年`).exec(said) ?? /^\s*年?度?\s*(?:末|底)?的\s*[\d.,]+\s*(?:万元|亿元|元)/.exec(rest);
  // (`万元GDP用水量较2020年下降16.5%`: a goal of the department's work measured since a plan's base year, no figure of the accounts.)
  const clause = model.text.slice(Math.max(sentence.span.start, n.span.start - 40), n.span.start).split(/[，,。；;：:]/).pop()!;
  const ofAccounts = ACCOUNTS_WORDS.test(clause) || /^[^。；;]{0,30}?\d\s*(?:万元|亿元|元)/.test(rest);
  // (`比2020年增加645.53万元，增长16.02%；比2019年增加3389.73万元…` in a 2021 report: beside the comparison with last year, one with an
  // earlier year, before the pandemic say, is made on purpose.)
  const alsoLastYear = new RegExp(`(?:比|较|与)\\s*(?:上年|去年|上一年|${lastYear}\\s*年)|同比`).test(sentence.text);
  if (own === reportYear && compared <= reportYear - 2 && COMPARED_CHANGE.test(rest) && !named && ofAccounts && !alsoLastYear) {
    return { why: l(`决算与上年（${lastYear}年）比较`, `a final-accounts report compares with the previous year (${lastYear})`), right: lastYear };
  }
  return undefined;
}

/** The words of a quantity after its opening year (or 本年), up to its figure (`支出合计`). */
const QUANTITY_WORDS = /^\s*年?度?\s*(?:本年度?)?([^，,。；;\d]{2,24}?)\s*(?:为|是|共|达)?\s*\d/;

/**
 * The sentence before (in the same paragraph or the one before it) opens with the report year (or 本年) and states the
 * same quantity in the same words: this one gives last year's figure beside it.
 */
function restatesForLastYear(model: DocumentModel, sentence: Sentence, reportYear: number, rest: string): boolean {
  const previous = model.sentences[sentence.id - 1];
  // (In its paragraph, or ending the paragraph before under the same heading.)
  if (!previous || previous.section !== sentence.section || sentence.paragraph - previous.paragraph > 1) return false;
  const opening = new RegExp(String.raw`^[\s\d.、（）()一二三四五六七八九十：:]*(?:${reportYear}\s*年|(?=本年))(.*)$`, 's').exec(previous.text);
  const words = QUANTITY_WORDS.exec(rest)?.[1];
  return opening !== null && words !== undefined && QUANTITY_WORDS.exec(opening[1])?.[1] === words;
}

/** `未发生因公出国（境）费支出`: the item said to have had none. */
const NONE_OF_ITEM = /(?:没有|无|未)(?:发生|使用|安排)?([^，,。；;]{2,24}?)(?:收入|支出|收支)/;

/**
 * `1.因公出国（境）费支出9.86万元，…。2015年度本部门未发生因公出国（境）费支出。` in a 2016 report: the item this year's sentence just
 * stated, said to have had none the year before.
 */
function noneOfItemJustStated(model: DocumentModel, sentence: Sentence, rest: string): boolean {
  const previous = model.sentences[sentence.id - 1];
  if (!previous || previous.paragraph !== sentence.paragraph) return false;
  const item = NONE_OF_ITEM.exec(rest)?.[1].replace(/^(?:本部门|本单位)/, '');
  return item !== undefined && item.length >= 2 && previous.text.includes(item) && /\d\s*(?:万元|亿元|元)/.test(previous.text);
}

/** Whether only list markers, a note mark or the body's name stand before `n` in its sentence. */
function opensSentence(text: string, sentence: Sentence, n: NumberToken): boolean {
  return text.slice(sentence.span.start, n.span.start).replace(/[\s*#>\-\d.、（）()一二三四五六七八九十：:]|注|本部门|本单位/g, '') === '';
}

function isDateLine(model: DocumentModel, n: NumberToken): boolean {
  const lineStart = model.text.lastIndexOf('\n', n.span.start - 1) + 1;
  const lineEnd = model.text.indexOf('\n', n.span.start);
  return DATE_LINE.test(model.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd));
}

/** The year written as the one it replaces: `二〇二三` in Chinese numerals, else in digits. */
function inDigitsOf(raw: string, year: number): string {
  if (/^[0-9]+$/.test(raw)) return String(year);
  const zero = /[零○]/.exec(raw)?.[0] ?? '〇';
  return [...String(year)].map((d) => (d === '0' ? zero : '〇一二三四五六七八九'[Number(d)])).join('');
}
