import { LintMemo } from '../lint-memo';

// Which money a figure counts: 全口径 figures, or figures said to include money other than 财政拨款
// (`按照全口径统计（含事业收入、经营收入等非财政拨款资金安排的支出）`, `基本支出…（含一般公共预算财政拨款、事业收入等各项资金安排的
// 基本支出）`, `按全部资金来源统计，…`), are not the 财政拨款 figures of the same name the tables state.
// (`按全部资金口径，2022年度基本支出2337.18万元`, `按全部资金统计`.)
export const ALL_SOURCES = /全口径|(?:全部|所有|各类)资金(?:来源|口径|统计)|含[^。；;]{0,30}(?:非财政拨款|事业收入|经营收入|各[项类]资金)/;

const allSourcesOf = new LintMemo<object, boolean>();
/** Whether a sentence's figures are on that footing: tested once per sentence (every figure of it asks). */
export function allSourcesSentence(sentence: { text: string }): boolean {
  let found = allSourcesOf.get(sentence);
  if (found === undefined) allSourcesOf.set(sentence, (found = ALL_SOURCES.test(sentence.text)));
  return found;
}
/**
 * Figures beyond the department's accounts: a region's (`2024年，全区政府采购预算金额68368.91万元…`) or the business a body
 * handles (`三、2023年度业务开展情况`: a 交易中心's 成交金额), by the sentence's words or its section's heading.
 */
export const BEYOND_DEPARTMENT = /全(?:区|市|县|省|州|旗|盟)(?!级)|辖区内?/;
const beyondAt = new LintMemo<object, number>();
/** Whether the words of `sentence` before `offset` (from its start) name a region: found once per sentence, not per figure. */
export function beyondDepartmentBefore(sentence: { text: string }, offset: number): boolean {
  const at = beyondAt.of(sentence, () => sentence.text.search(BEYOND_DEPARTMENT));
  return at >= 0 && at < offset;
}
export const BEYOND_DEPARTMENT_HEADING = /全(?:区|市|县|省|州|旗|盟)(?!级)|辖区|业务(?:开展|工作|办理)情况/;

/** A heading that puts its section's figures on that footing: `（四）全口径“三公”经费支出情况`. */
export const ALL_SOURCES_HEADING = /全口径/;

/**
 * A sentence opening with a fund's 财政拨款 (`一般公共预算财政拨款年末结转和结余…`, `2024年度财政拨款…`): its figures are that
 * fund's (group 1: 一般公共预算 or 政府性基金; none: all 财政拨款).
 */
export const FUND_OPENING = /^\s*(?:(?:19|20)\d\d\s*年度?\s*)?(?:本部门|本单位)?(一般公共预算|政府性基金预算?)?财政拨款/;

/**
 * A sentence under one fund's 财政拨款 as its label (`政府性基金预算财政拨款：年初结转和结余…，本年收入…，本年支出…`): its figures
 * are that fund's (group 1), whatever their names.
 */
// (After a list marker too: `- 一般公共预算财政拨款：…`, `（一）政府性基金预算财政拨款：…`.)
const LABEL_OPENING = String.raw`^\s*(?:[-*+•·]\s+|\d{1,2}[.、．]\s*|[（(][一二三四五六七八九十\d]{1,3}[)）]\s*)?(?:(?:19|20)\d\d\s*年度?\s*)?`;
// (`一般公共预算财政拨款基本支出：年初结转6.53万元，本年收入…`: or one part of that fund's, group 2.)
export const FUND_LABEL = new RegExp(String.raw`${LABEL_OPENING}(一般公共预算|政府性基金预算?|国有资本经营预算?)财政拨款(基本支出|项目支出)?(?:收支)?(?:情况)?[：:]`);

/**
 * A sentence about the money other than 财政拨款 (`非财政拨款资金方面，年初结转和结余22.35万元，…本年支出38.96万元`): its figures are
 * that money's, not the department's nor a fund's.
 */
export const NON_FISCAL_LABEL = new RegExp(String.raw`${LABEL_OPENING}(?:本部门|本单位)?非财政拨款(?:资金)?(?:方面|部分)?[：:，,]`);

/** A heading naming only one fund's money (`（一）一般公共预算财政拨款`, `（三）非财政拨款`): its figures are that money's own accounts. */
export const FUND_ONLY_HEADING = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．])?\s*(?:一般公共预算|政府性基金预算?|国有资本经营预算?|非)财政拨款(?:资金)?(?:收支|结转和?结余)?(?:情况)?\s*$/;

/**
 * A 类/款 figure of the income by functional class (公开02表, `1.教育支出（类）5603.69万元，占本年收入合计的82.69%`, `教育支出（类）收入按款分：`):
 * money received for that class, not spent in it.
 */
export const INCOME_BY_CLASS = /占(?:本年)?收入(?:合计|总额|总计)?的|[)）]收入按/;
/** A section about the income (`二、关于2021年度收入决算情况的说明`), not the spending. */
export const INCOME_SECTION = /^(?!.*支出)[^。]*收入决算/;

/** Words that say which money: one fund, or 财政拨款. */
export const FUND_WORDS = /一般公共预算|政府性基金|国有资本经营|(?<!非)财政拨款/;
