// What each number in the prose is: its role (amount, budget, change, share …), the words that lead
// to it, and the quantity it is about (its subject). Every prose claim is built from this.
import { BEFORE_COMPARED_YEAR, LAST_YEAR_COMPARISON } from '../../text/comparison';
import { clauseBefore } from '../../text/clauses';
import { isMoney } from '../../arith/interval';
import type { Approximation, DocumentModel, NumberToken, Sentence } from '../../types';
import { PAGE_NUMBER, RUNNING_TITLE } from '../../model/pages';
import { onlyComma } from '../../model/units';
import { normalizeSubject, sideOf, splitJoinedNames } from './subjects';
import { allMatches } from '../../text/matches';
import { lowerBound } from '../../text/search';
import { FUND_NAMES } from '../../text/funds';
import { LintMemo } from '../../lint-memo';
import { NON_FISCAL_LABEL } from '../../text/sources';

export type Role =
  | 'amount' // a stated quantity (决算, 合计, 实际支出 …)
  | 'budget' // 预算数, 年初预算
  | 'delta' // 比上年增加/减少 Δ
  | 'budget-delta' // 比预算减少 Δ (not year over year)
  | 'prior' // 上年的 X, 同比2023年 X
  | 'share' // 占 X%
  | 'share-base' // 占支出总额 X万元 的 y%: the base written inline
  | 'change-rate' // 增长/下降 X%
  | 'completion-rate' // 完成预算的 X%, 执行率
  | 'percent' // any other percentage
  | 'points' // X个百分点
  | 'count'
  | 'score'
  | 'other';

export type Direction = 'up' | 'down' | 'flat';

export interface ProseToken {
  token: NumberToken;
  sentence: Sentence;
  /** Position among the analysed tokens of its sentence. */
  index: number;
  role: Role;
  /** Raw words before the number back to the previous number or clause break. */
  lead: string;
  /** Normalised quantity name ('' when the words name none). */
  subject: string;
  /** True when the subject comes from the token's own words, not inherited. */
  ownSubject: boolean;
  /** It restates the figure before it in another unit (`2.49万元（24892.27元）`, `2.49万元，即24892.27元`). */
  restates?: true;
  direction?: Direction;
  /** An explicit year in the words before the number (2023年 …). */
  year?: number;
  /** A change since an older year (`本年收支总计比2022年减少…` in a 2024 report): its `year` is that year, not its own. */
  since?: true;
  /** A rate of an amount's change written in 个百分点 (`增加0.37万元，上升3.75个百分点`): read as the rate; the unit is the slip. */
  pointsAsRate?: true;
  /** Joined to the previous number by 、/和 only (`比上年的400.00万元、70.00万元`): it continues that number's run. */
  continuesRun?: boolean;
  /** How many brackets opened in its sentence are open at the number (0 outside any). */
  depth: number;
  /** The unit a by-unit sentence states the figure for (`分单位看：局机关支出…（基本支出…）`): no figure of the department. */
  ofUnit?: string;
  /** In a paragraph labelled with the unit's name (`（1）局机关：本年支出…，占55.36%`): a bare share there is of the department's. */
  unitLabelled?: true;
  /**
   * An amount stated approximately or as a bound (`约1,100万元`, `800万元左右`, `近1,300万元`, `超过753万元`, `不足50万元`):
   * not the figure itself (a bound's role is 'other'), but a statement about it that facts.ts holds against the exact one.
   */
  approx?: Approximation;
}

export interface ProseAnalysis {
  tokens: ProseToken[];
  bySentence: Map<number, ProseToken[]>;
  byToken: Map<number, ProseToken>;
}

/** A clause break `，,；;：:。！？!?`, by character code (the words before a number are walked back a character at a time). */
function isClauseBreak(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** `（2023年：`, `（上年：`: a bracket opening with the year a figure after its colon belongs to. */
const BRACKET_DATING = /[（(]\s*(?:(?:19|20)\d\d年度?|上年度?|去年)\s*[：:]$/;
/** The words between two figures of a sentence ('' across sentences). */
export function between(a: ProseToken, b: ProseToken): string {
  if (a.sentence !== b.sentence) return '';
  const from = a.sentence.span.start;
  return a.sentence.text.slice((a.token.unitSpan?.end ?? a.token.span.end) - from, b.token.span.start - from);
}

/** Words that join the next figure of a run to the one before: `400.00万元、70.00万元`, `5.00%和14.29%`. */
export const RUN_JOINER = /^(?:、|和|及|与|以及)$/;
const FUNCTION_WORD_ONLY = /^(?:和|及|与|以及|或|所|其|增|减)$/;
const DIRECTED_RUN_JOINER = /^(?:、|和|，|,)(?:增加|减少|增长|下降|上升|降低)了?$/;
const RUN_ROLES = new Set<Role>(['prior', 'budget', 'delta', 'change-rate', 'budget-delta']);
// (`同比负增长5.84%` is a fall.)
const UP = /增加|(?<!负)增长|上升|提高|增幅|增收|增支|多支|超支/;
const DOWN = /减少|下降|降低|降幅|减收|减支|节约|减幅|少支|负增长/;
const FLAT = /(?<!基本|大体|大致|总体|基本上)(?:持平|无变化|无增减|没有变化|未发生变化)/;
/**
 * `较上年增17.1万元，增幅17.18%`, `较上年减0.04万元，增0.01%`: 增 / 减 alone, right before the figure, after a
 * comparison with last year or as the next clause's own word.
 */
const SHORT_DIRECTION = /(?:(?:比|较|与|同比)[^，,；;。]{0,12}|^[，,]?)(?<![增减])(增|减)了?$/;
/** `增减额-23.40万元`, `增减率-9.36%`, `变动率`: a change named without a direction (the sign gives it). */
const NEUTRAL_CHANGE = /增减(?:变动|变化)?(?:额|金额|数|率|幅度?|比例)|变动(?:额|率|幅度)|变化(?:额|率|幅度)/;

const NEUTRAL_CHANGES = new RegExp(NEUTRAL_CHANGE.source, 'g');

/** `同比变动-130.67万元`, `较上年增减-93.82万元`: a change named bare, its sign giving the direction. */
// (`与上年相比增减变动+13.23万元`, `比上年增减变动-12.58万元`: the sign, plus or minus, is the direction.)
const BARE_CHANGE = /(?:^|[，,；;])\s*(?:同比|(?:比|较|与)上年(?:相比)?)?(?:增减变动|增减变化|增减|变动)(?:为)?[+＋]?$/;

/** `基本支出占56.91%（3678.53万元）`, `占28.53%，为3159.42万元`: the words between a share and its part stated after it. */
export const PART_AFTER_SHARE = /^(?:[（(]|为|是|金额为|计)$/;

/**
 * `…决算数为29.97万元，加上划入单位上年“三公”经费3.25万元、减去划出单位上年“三公”经费1.10万元`: a term restating last year's figure for
 * units moved in or out, none of it last year's figure itself.
 */
export const RESTATING_TERM = /^[、，,]?\s*(?:因[^，,；;。]{0,10})?(?:加上|减去|扣除|将)[^，,；;。]*(?:划入|划出|调入|调出)/;

const OF_LAST_YEAR_RATIO = /[为是](?:上年|上年度|去年)(?:同期)?(?:决算数?)?的$/;
export const LAST_YEARS_RATE = /(?:增幅|降幅|增速|增长率|下降率)(?:较|比)(?:上年|上年度|去年)(?:同期)?的?$/;

/** `，一般公共预算财政拨款支出占本年支出合计的`: the part a share names before 占. */
export const SHARE_PART_NAME = /^[，,]?\s*([^，,；;。\d占]{2,20}?)占/;

/** Words before a figure that name nothing (`上述`, `全年累计`), and the name after the figure that then names it. */
const BARE_TOTAL_WORDS = /^(?:上述|以上|前述)?(?:全年|全部)?(?:累计|合计|共计|总计)?$/;
const NAME_AFTER_FIGURE = /^([\u4e00-\u9fff“”]{4,30}?(?:支出|收入|经费|资金))(?:按|中|分|的构成|构成|(?:主要)?用于|[，,]\s*其中|[：:])/;

/** `人员经费666.40万元、公用经费96.04万元，合计762.44万元`: a total after its parts (it is not the last part's). */
// (`以上五项合计127.50万元`, `上述两项共计`.)
export const POSTFIX_TOTAL = /^(?:以上|上述|前述)?(?:(?:[两二三四五六七八九十]+|\d{1,2})项)?(?:合计|共计|总计|小计|累计)(?:为|是)?$/;

/** The words from the previous clause break (not a colon) up to the colon at `colon`, 30 characters at most. */
function clauseBeforeColon(text: string, colon: number, boundary: number): string {
  let from = colon;
  while (from > boundary && colon - from < 30 && !/[，,；;。！？!?\n]/.test(text.charAt(from - 1))) from--;
  return text.slice(from, colon);
}

/** `从支出结构看`, `总体来看`, `从构成上看`, `就收入而言`, `经比较`: an opening clause that frames, not names. */
export const VIEWPOINT = /^(?:(?:从|就|按|总体|整体|具体|分项|总的)[^，,；;。]{0,12}?(?:来?看|上看|而言|来说|分析)|(?:根据|按照|依据)[^，,；;。]{0,20}(?:要求|规定|安排|部署|精神|指标体系|评分标准|评价办法|管理办法)|经(?:比较|对比|测算|核算|分析)|据(?:统计|初步统计|不完全统计))$/;

/** A date figures are stated at: `截至2023年12月31日`, `截止2024年末`. */
const AS_OF = /截[至止]\s*((?:19|20)\d\d)\s*年\s*(?:12\s*月\s*31\s*日|末|底)/g;

/** `2016年、2017年、2018年`, `2020年和2021年`: several years, and a sentence opening with them. */
const YEAR_RUN = String.raw`(?:19|20)\d\d\s*年度?(?:\s*[、，,和及与]\s*(?:19|20)\d\d\s*年度?)+`;
/** What may stand before a sentence's opening year: a list marker, a bracket. */
const BEFORE_OPENING_YEAR = String.raw`^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*|[（(]\s*)?`;
const YEAR_RUN_OPENING = new RegExp(BEFORE_OPENING_YEAR + YEAR_RUN);
/** A clause's words opening with several years: `2016年、2017年、2018年分别安排…`, `近三年，2020年、2021年…`. */
const YEAR_RUN_LEAD = new RegExp(String.raw`^[^，,。；;\d]{0,12}?${YEAR_RUN}`);
/** A year opening a sentence, after any list marker: `2010年…`, `（二）2023年度…`. */
export const OPENING_YEAR = new RegExp(String.raw`${BEFORE_OPENING_YEAR}((?:19|20)\d\d)\s*年`);

/** `比2023年度`, `与2023年相比`: the year a change is compared with. */
const COMPARED_YEAR = new RegExp(String.raw`(?:比|较|与|同)\s*${BEFORE_COMPARED_YEAR}(?:19|20)\d\d\s*年度?`, 'g');
/** `比2022年`, `与疫情前的2019年`: the year a change is since (group 1). */
export const SINCE_YEAR = new RegExp(String.raw`(?:比|较|与|同)\s*${BEFORE_COMPARED_YEAR}((?:19|20)\d\d)\s*年`);

/** `与2022年相比，`: a clause comparing what follows with a year. */
const SINCE_CLAUSE = /(?:与|同|和|比|较)\s*((?:19|20)\d\d)\s*年度?(?:决算数?)?(?:相比|比较)[，,]\s*$/;
const SINCE_CLAUSE_REACH = 24;
/** `上年收入总计900.00万元，支出总计900.00万元。`: a sentence that opens with last year dates its figures so (not 上年结转, 上年末). */
const OPENING_LAST_YEAR = /^\s*[（(]?\s*(?:上年度?|去年)(?!结转|结余|末|底|同期)/;
const RESTATED_PRIOR = /^[^。；;]{0,12}上年(?:决算)?数(?:据)?[^。；;]{0,20}(?:调整|重新计算|可比口径)[^。；;]{0,6}[：:]/;

/**
 * `国有资本经营预算收入45.6亿元…；支出30.0亿元`: words naming the other side (支出 after a 收入, or the reverse)
 * than the quantity the sentence named before: the figure is not that quantity's (nor a balance's: `年初结转和结余
 * 30.99万元，支出152.14万元`).
 */
function otherSide(lead: string, inherited: string): boolean {
  const side = lead.lastIndexOf('收入') > lead.lastIndexOf('支出') ? '收入' : lead.includes('支出') ? '支出' : '';
  return side !== '' && inherited !== '' && !inherited.includes(side) && /收入|支出|结转|结余/.test(inherited);
}

/**
 * `政府性基金预算财政拨款收入95.00万元，…；支出104.73万元，比上年增加…`: a bare side word names the inherited quantity's other
 * side (`…财政拨款支出`), which the change after it is of. Undefined unless the lead is only that word and the inherited
 * name ends with the other side.
 */
function otherSideName(lead: string, inherited: string): string | undefined {
  const bare = /^[，,；;\s]*(?:本年)?(收入|支出)(?:决算)?(?:数)?(?:为|是)?$/.exec(lead);
  const named = /^(.{2,}?)(收入|支出)(?:合计|总额|决算)?$/.exec(inherited);
  return bare && named && named[2] !== bare[1] ? named[1] + bare[1] : undefined;
}

/** A clause that is only a total's word: `合计125.09万元`. */
const BARE_TOTAL = /^(?:合计|共计|总计)(?:为|是|达)?$/;

/** The quantity the clause before a bare total names after its last 的 (`…安排的机关运行经费`), or ''. */
function namedBeforeTotal(clause: string): string {
  const name = clause.slice(clause.lastIndexOf('的') + 1).replace(/\s+/g, '');
  return name.length >= 2 && name.length <= 12 && /(?:经费|支出|收入|资金|费)$/.test(name) ? normalizeSubject(name) : '';
}

/** A figure of one fund (`政府性基金预算财政拨款年初结转和结余`): its fund. */
// (一般公共预算 frames only from its carry-over, the opening of a fund's balance: its spending opens other paragraphs.)
// (The department may name itself first: `本部门政府性基金预算财政拨款本年收入…`.)
const FUND_FRAME = /^(?:本部门|本单位)?((?:政府性基金|国有资本经营)预算(?:财政拨款)?)(?=\S*(?:结转|结余|收入|支出))|^(?:本部门|本单位)?(一般公共预算(?:财政拨款)?)(?=年初结转)/;
/** A value of things counted, named by what they are: `账面价值`, `原值`, `净值`. */
const ATTRIBUTE_WORDS = '(?:账面(?:价值|原值|净值|余额)|资产原值|资产净值|原值|净值|价值|累计折旧|累计摊销)';
const ATTRIBUTE = new RegExp(`^${ATTRIBUTE_WORDS}$`);
/** The same attributes ending a name: `设备账面原值`, `车辆累计折旧`. */
const ATTRIBUTE_ENDING = new RegExp(`${ATTRIBUTE_WORDS}$`);
/** A sentence labelled with one fund: `一般公共预算财政拨款：…`, `（二）政府性基金预算财政拨款收支情况：…`. */
const FUND_LABEL = /^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)?((?:一般公共预算|政府性基金预算|国有资本经营预算)财政拨款)(?:收支|收入支出)?(?:情况|决算)?[：:]/;
/** A paragraph's first figure of all 财政拨款 (`财政拨款收入`, `本年财政拨款支出`): its bare 收入总计 / 支出总计 are 财政拨款's. */
// (`其中：年初财政拨款结转和结余791.62万元，本年财政拨款收入…，收支总计48848.49万元`: so is its balance carried in.)
const FISCAL_OPENING = /^(?:本年)?财政拨款(?:收入|支出)(?:合计)?$|^年初财政拨款结转和?结余$/;
/** `财政拨款收入、支出总计6778.94万元`: a paragraph on 财政拨款 opening with its totals. */
const FISCAL_TOTALS = /^财政拨款收入(?:、?支出)?总计$/;
/** The year's figures a fund's carry-over sentence names bare: `本年收入`, `本年支出`, `年末结转和结余`. */
const CLOSED_BRACKET = /[（(][^（）()]*[)）]/g;
const BARE_YEAR_FIGURE = /^(?:收入合计|支出合计|收入|支出|年初结转和结余|年末结转和结余|结转和结余|年初、年末结转和结余)$/;

/**
 * `财政拨款收入总计500.12万元，支出总计500.12万元`: the qualifier of the 收入 total goes with the 支出 total
 * right after it (and the reverse).
 */
function sharedQualifier(own: string, previous: ProseToken | undefined, lead: string, sided?: ProseToken): string {
  if (!previous || previous.role !== 'amount') return own;
  // (`2024年度财政拨款收入5075.49万元，支出5127.70万元`: the other side named by its bare word shares the qualifier too.)
  // (Also past a figure between: `政府性基金预算财政拨款收入693.20万元，使用上年结转119.30万元，支出761.35万元`.)
  const bare = own === '' ? /^[，,、\s]*(收入|支出)(?:为|是)?\s*$/.exec(lead) : null;
  if (bare) {
    const named = /^(.+?)(收入|支出)$/.exec(previous.subject) ?? (sided ? /^(.+?)(收入|支出)$/.exec(sided.subject) : null);
    return named && named[2] !== bare[1] ? named[1] + bare[1] : own;
  }
  const side = /^(收入|支出)(总计|合计)$/.exec(own);
  if (!side) return own;
  // (`获得棚户区改造专项债券资金6000.00万元，…，当年支出5412.30万元`: the year's spending of that money, not the department's.)
  if (side[1] === '支出' && /资金$/.test(previous.subject) && /^[，,]?\s*(?:当年|本年|全年)(?:实际)?支出(?:为|是)?$/.test(lead)) return `${previous.subject}${side[1]}`;
  const before = /^(.+?)(收入|支出)(总计|合计)$/.exec(previous.subject);
  if (before && before[2] !== side[1] && before[3] === side[2]) return before[1] + own;
  // (`局机关本级本年收入2145.66万元，本年支出2112.37万元；…`: a unit's two sides, each 本年.)
  const unit = /^(.+?)本年(收入|支出)$/.exec(previous.lead.replace(/^[；;，,、\s]+/, ''));
  // (Not a fund's, `政府性基金预算财政拨款本年收入…，本年支出…`, which the fund frame names.)
  return unit && unit[2] !== side[1] && !/财政拨款|预算|资金/.test(unit[1]) && /^[，,]?\s*本年(?:收入|支出)$/.test(lead) ? `${normalizeSubject(unit[1])}${own}` : own;
}

/** `2.公务用车购置费：`, `（一）因公出国（境）费：`: a sentence opening with an item's label. */
const ITEM_LABEL = /^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*([^：:，,。；;\d]{2,24})[：:]/;
/** `本年支出`, `全年支出决算`: a figure named only as the year's, whose item the label says. */
const GENERIC_YEAR_FIGURE = /^[，,]?\s*(?:本年|全年|当年)(?:支出|决算|支出决算)(?:数)?(?:为|是)?$/;

/** `事业收入主要为医疗服务收入…`, `其他收入主要是利息收入`, `本年支出全部为…彩票公益金支出`: a name, then what it consists of. */
export const DESCRIBED_AS = /^([^，,；;。]{2,20}?)(?:主要(?:为|是|包括|来源于|来自)|全部(?:为|是|用于|来自)|均为)/;

/** `比上年增长20%`, `同比下降`: the words compare with last year (not with the budget). */
export function comparesWithLastYear(words: string): boolean {
  return LAST_YEAR_COMPARISON.test(words);
}

const BRACKETED_DIRECTION = /[（(](增加|减少|增长|下降|上升|降低|提高|增幅|降幅|增|减)[)）]/g;

/**
 * 增加（减少）: the bracketed alternative of a template is not what the sentence says. A bracketed word with
 * no direction word beside it (`比上年（增加）16.25万元，（增长）11.40%`) is the template's choice, filled in.
 */
function stripTemplateAlternatives(text: string): string {
  if (!text.includes('（') && !text.includes('(')) return text;
  const stripped = text.replace(BRACKETED_DIRECTION, '');
  // (`比上年增（减）61.22万元`: the short word before the bracket is the direction too.)
  return stripped === text || UP.test(stripped) || DOWN.test(stripped) || SHORT_DIRECTION.test(stripped) ? stripped : text.replace(BRACKETED_DIRECTION, '$1');
}

/** A quoted name of three characters or more (a project's; not `“三公”`). */
const QUOTED_NAME = /“[^“”]{3,}”|"[^"]{3,}"/g;

/**
 * The words without the names in them: a name in quotes or a 科目 named with its level or code says nothing of a direction
 * (`“水资源节约管理与保护”项目143.57万元`, `水利（款）水资源节约管理与保护（项）支出决算346.61万元`).
 */
function withoutNames(words: string): string {
  const w = words.replace(QUOTED_NAME, '');
  return w.includes('（') || w.includes('(') ? w.replace(ITEM_NAME, '') : w;
}

/** A cut named right after the figure it is made from: `较上年107.21万元压减13.18%`, `（压减14.13万元）`. */
const CUT_AFTER_FIGURE = /^[（(，,\s]*(?:压减|压缩|缩减|削减)了?$/;

export function directionOf(words: string): Direction | undefined {
  if (CUT_AFTER_FIGURE.test(words)) return 'down';
  // (`增减幅度-14.64%` names no direction: its 减幅 is not one.)
  const w = withoutNames(stripTemplateAlternatives(words)).replace(NEUTRAL_CHANGES, '');
  const up = UP.exec(w);
  const down = DOWN.exec(w);
  if (up && down) return up.index > down.index ? 'up' : 'down';
  if (up) return 'up';
  if (down) return 'down';
  if (FLAT.test(w)) return 'flat';
  const short = SHORT_DIRECTION.exec(w);
  return short ? (short[1] === '增' ? 'up' : 'down') : undefined;
}

/**
 * Which budget the words name: the 年初 (initial) one, the 全年 / 调整后 (adjusted) one, or '' when they
 * do not say. A sentence may state both (`年初预算为0万元，全年预算为321.02万元`): two different figures.
 */
export function budgetKind(words: string): 'initial' | 'adjusted' | '' {
  const initial = words.lastIndexOf('年初');
  // (`完成年度预算的93.50%` after `全年预算数…（年初预算…，年中调减…）`: the year's budget is the full-year one.)
  const adjusted = Math.max(words.lastIndexOf('全年预算'), words.lastIndexOf('调整后'), words.lastIndexOf('调整预算'), words.search(/(?<!本)年度预算/), words.search(/(?:调减|调增|调整|追加|追减)(?:至|为|到)$/));
  if (initial < 0 && adjusted < 0) return '';
  return initial > adjusted ? 'initial' : 'adjusted';
}

/**
 * `年初预算为200.75万元，调整预算-20.07万元，全年预算数为180.68万元`: 调整预算 between the initial and the full-year budget is
 * the adjustment, not a third budget (alone, `调整预算为180.68万元`, it is the adjusted budget).
 */
export function isBudgetAdjustment(tokens: ProseToken[], i: number): boolean {
  const [initial, t, adjusted] = [tokens[i - 1], tokens[i], tokens[i + 1]];
  return (
    t?.role === 'budget' && initial?.role === 'budget' && adjusted?.role === 'budget' && ADJUSTMENT_BUDGET.test(t.lead) &&
    budgetKind(initial.lead) === 'initial' && /全年预算|调整后/.test(adjusted.lead) && !t.token.value.eq(adjusted.token.value)
  );
}
/** An adjustment by its own words, not a bare 增加 / 减少 (`，年中追加6.00万元`, `年中上级下达450.00万元`): no actual, whatever its role. */
// (`年中调整数为−47.89万元`: the net adjustment, signed.)
const MID_YEAR_ADJUSTMENT = /(?:年中|年度中|年内)(?:调整)?(?:增加|减少)(?:了)?预算$/;
export const ADJUSTMENT_AMOUNT = /^[（(，,、\s]*(?:其中)?(?:(?:年中|年度中|年内)?(?:追加|调增|追减|调减|压减|核减|核增)(?:[（(][减增][)）])?(?:了)?(?:预算)?|(?:年中|年度中|年内)(?:上级)?(?:追加)?下达|(?:年中|年度中|年内)?调整(?:数|额|金额)(?:为|是)?|(?:年中|年度中|年内)(?:调整)?(?:增加|减少)(?:了)?(?:预算|资金))$/;
const REASON_BEFORE = /原因(?:主要)?(?:是|为|在于)|主要是由于|这是由于/;
const reasonEnds = new LintMemo<Sentence, number>();
/**
 * Whether the sentence gives a reason before `offset`. The first match ends first (no wording of it holds
 * another), so where it ends is found once per sentence, not once per figure.
 */
export function reasonBefore(sentence: Sentence, offset: number): boolean {
  let end = reasonEnds.get(sentence);
  if (end === undefined) {
    const m = REASON_BEFORE.exec(sentence.text);
    reasonEnds.set(sentence, (end = m ? sentence.span.start + m.index + m[0].length : Infinity));
  }
  return end <= offset;
}
/** A cut, not an addition (`年中追加（减）` adds). */
export const CUT = /调减|追减|压减|核减/;
const ADJUSTMENT_BUDGET = /^[，,\s]*(?:年中|年度中|年内)?调整预算(?:数|额)?(?:为|是)?$/;

/** `决算数大于预算数`, `决算比年初预算超出`, `比预算少`: words before the gap between the actual and its budget. */
export const BUDGET_GAP = /(?:决算数?[^，,。；;]{0,4}?(?:大于|高于|超过|超出|多于|小于|低于|少于)|^(?:超出|超过|超支|超))(?:年初|全年|调整后?)?预算数?$|^(?:超收|短收)$|(?:比|较)(?:年初|全年|调整后?)?预算数?(?:多|少|超出|超支|超过|结余|节约|节余)(?:支出?|用|资金)?了?$/;

/** `超年初预算23.78%`, `超支比例34.86%`, `超支率`: how far the actual exceeds its budget, as a rate. */
export const BUDGET_EXCESS_RATE = /^(?:超出|超过|超支|超)(?:年初|全年|调整后?)?预算数?(?:的|比例为?|幅度为?)?$|超支(?:比例|率|幅度)为?$/;

/** 大于 / 小于 in a BUDGET_GAP: the actual is above or below the budget. */
function gapDirection(words: string): Direction | undefined {
  if (!BUDGET_GAP.test(words)) return undefined;
  return /小于|低于|少于|短收|预算数?(?:少|结余|节约|节余)/.test(words) ? 'down' : 'up';
}

/** A 科目 named with its level or its code after it: `预算改革业务（项）`, `预算改革业务（2010604）`. */
const ITEM_NAME = /[\u4e00-\u9fff“”]{1,40}[（(](?:类|款|项|\d{3,7})[)）]/g;

/** `年初预算为`, `预算安排`: the words name a budget, and no 决算 word follows the last 预算. */
function isBudgetWords(words: string): boolean {
  // (公共财政预算 is 一般公共预算's former name: `公共财政预算收入43101万元` is revenue collected.)
  // (Nor an item's name, quoted or marked by its level or code: `“预算改革业务”（项）支出…`, `预算改革业务（2010604）支出…`.)
  const named = words.includes('“') || words.includes('"') ? words.replace(QUOTED_NAME, '') : words;
  const w = (named.includes('（') || named.includes('(') ? named.replace(ITEM_NAME, '') : named).replace(/一般公共预算|公共财政预算|政府性基金预算|国有资本经营预算|预算单位|预算管理|预算绩效|预算内|预算外/g, '');
  // 安排 alone is a budget word only right before the number (`预算安排0.80万元`), not in a name
  // such as 抗疫特别国债安排的支出.
  // (Nor after a source of money, `其中：财政拨款安排43.78万元，其他资金安排2.21万元`: where the spending came from.)
  // (Nor after the spending that funded it, `其中基本支出安排13.95万元，防汛项目支出安排1.40万元`.)
  // (Nor after a fund's income, `按资金来源分，国有土地使用权出让收入安排4950.00万元`: the money that income paid.)
  if (/安排(?:资金)?为?$/.test(w)) return !/(?:财政拨款|其他资金|自有资金|(?<!预算)收入|非财政拨款(?:资金)?|上级补助(?:收入)?|基本支出|项目支出|经费)(?:资金)?安排(?:资金)?为?$/.test(w);
  // `年初预算300万元，年中调减至250万元`: the budget as adjusted.
  if (/(?:调减|调增|调整|追加|追减|核减|核增)(?:至|为|到|后为?)$/.test(w)) return true;
  const last = Math.max(w.lastIndexOf('预算'), w.lastIndexOf('计划数'));
  return last >= 0 && !/决算|执行|实际|完成|支出数?为/.test(w.slice(last));
}

/** `单价100万元(含)以上设备`, `单位价值50万元以上`: a threshold, not an amount. */
const THRESHOLD_AFTER = /^\s*[（(]?含?[)）]?\s*(?:以上|以下|及以上|及以下|以内|起)/;

/** The accrual basis of 政府会计制度's financial accounts, stated for a sentence's figures. */
// (Or a sentence opening with the accrual statement's own total: `2023年度本期收入7786.68万元，…包括：财政拨款收入7040.38万元、事业收入…`.)
/** A sentence on the accrual basis, or the list that goes on from one: `2023年度本期收入7786.68万元，…。包括：财政拨款收入…`. */
function accrualSentence(model: DocumentModel, sentence: Sentence): boolean {
  if (ACCRUAL_BASIS.test(sentence.text)) return true;
  const previous = model.sentences[sentence.id - 1];
  return LIST_GOES_ON.test(sentence.text) && previous?.paragraph === sentence.paragraph && ACCRUAL_BASIS.test(previous.text);
}
const LIST_GOES_ON = /^\s*(?:其中|包括|主要是|主要为|具体为|分别为)[：:，,]/;
/** Names only the accrual statements use, needing no mark: `本期收入`, `业务活动费用`, `本期盈余` (and the mark itself). */
const ACCRUAL_NAME = /^(?:财务会计|本期)|费用$|盈余$/;
const ACCRUAL_BASIS = /财务会计口径|权责发生制|财务会计核算口径|^[^。；;，,]{0,24}本期(?:收入|费用)(?:合计|总额)?(?:为|是|共)?\s*[0-9０-９]/;

/** `；支出包括…`, `其中：收入包括…`: the side a clause opens with, when its figures are listed by fund. */
const SIDE_CLAUSE = /^[，,；;：:\s]*(?:其中[：:，,]?)?\s*(收入|支出)(?:包括|为|有|中)/;

function sideOfClause(text: string, sentenceStart: number, at: number): string | undefined {
  return SIDE_CLAUSE.exec(clauseOf(text, at, sentenceStart, SIDE_CLAUSE_LOOK_BACK, true))?.[1];
}
const SIDE_CLAUSE_LOOK_BACK = 200;

/** Words up to an item stated as none, `…政府采购工程支出无、`: they name nothing of the figure after them. */
const NONE_BEFORE = /^.*(?:无|未发生|为零)[、，,；;](?=[^、，,；;]*$)/;
const NONE_WORD = /无|未发生|为零/;

/** `本年增加`, `本年减少`, `本年计提`: a flow of the year, in a sentence from 年初 to 年末. */
const YEAR_FLOW = /^[，,、；;]?\s*(?:本年|当年|全年)(?:增加|减少|新增|计提|处置|核销|转销)(?:额|数)?(?:为)?$/;

/** `本年增加主要为…`, `本年减少为…`: the make-up of a flow just stated. */
const FLOW_EXPLAINED = /^[，,、；;]?\s*(?:本年|当年|全年)(?:增加|减少)(?:的)?(?:主要)?(?:为|是|包括|系)/;

/** A sentence before in the paragraph that goes from 年初 through 本年增加 / 本年减少 to 年末. */
function flowStated(model: DocumentModel, sentence: Sentence): boolean {
  const paragraph = model.paragraphs[sentence.paragraph];
  const before = paragraph ? model.text.slice(paragraph.span.start, sentence.span.start) : '';
  return /年初[^。]*本年(?:增加|减少)[^。]*年末/.test(before);
}

/** A kind of body counted: `行政单位`, `参照公务员法管理的事业单位`, `其他事业单位`. */
const UNIT_KIND = /[\u4e00-\u9fff]{0,16}(?:单位|机构|机关)$/;

/**
 * The words of the `；`-clause before `at`, when it starts within `lookBack` characters (a walk that stays bounded on a long line);
 * with no `；` in reach, none, or with `wholeSentence` the words from the sentence's start (or from as far as the walk reached).
 */
function clauseOf(text: string, at: number, sentenceStart: number, lookBack = CLAUSE_LOOK_BACK, wholeSentence = false): string {
  const limit = Math.max(sentenceStart, at - lookBack);
  for (let from = at; from > limit; from--) if (text[from - 1] === '；' || text[from - 1] === ';') return text.slice(from, at);
  return wholeSentence ? text.slice(limit, at) : '';
}
const CLAUSE_LOOK_BACK = 60;
/** A sentence opening by taking something out of what it names: `剔除公务用车购置费后，`, `扣除一次性项目因素，`. */
const NARROWED_SCOPE = /^\s*(?:如|若)?(?:剔除|扣除|除去|刨除|不考虑)[^，,。；;]{1,24}(?:后|外|因素)?[，,]/;
const EXCLUDED_BEFORE = /(?:不含|不包含|不包括|未含|未包括)[^，,。；;（()）]{0,12}$/;
const RANGE_BEFORE = /[0-9０-９][万亿千百]?元?\s*(?:至|到|~|～)$/;
const RANGE_AFTER = /^\s*(?:至|到|~|～)\s*[0-9０-９]/;
const BOUND_BEFORE = /(?:超过|逾|近|不足|不到|多于|少于)$/;
const HEDGE_AFTER = /^\s*(?:左右|上下)/;
/** `约1,100万元`, `大约…`, `折合约…` (not 节约, 制约, 预约, 合约…). */
const ABOUT_BEFORE = /(?:(?<=折合)约|(?<![节制预简合公条契])约|大约|大概)(?:为|是|合|计)?$/;
const APPROXIMATION_WORD = /(?:(?:(?<=折合)约|(?<![节制预简合公条契])约|大约|大概)(?:为|是|合|计)?|接近|将近|近|超过|逾|多于|不足|不到|少于)$/;

/**
 * How an amount is stated when it is not stated exactly, and the words before it without that word (what the amount is
 * named by); undefined for an exact amount or for anything but an amount (`增加近100万元` is a bounded change: no fact).
 */
function approximationOf(token: NumberToken, lead: string, after: string): { approx: Approximation; lead: string } | undefined {
  if (!isMoney(token.unit)) return undefined;
  // (The words end the lead: its last few characters say, however long the lead.)
  const w = stripTemplateAlternatives(lead.slice(-12));
  const hedged = HEDGE_AFTER.test(after);
  const word = APPROXIMATION_WORD.exec(w)?.[0];
  if (!word && !hedged) return undefined;
  const bare = word ? lead.slice(0, lead.length - word.length) : lead;
  if (roleOf(token, bare, hedged ? after.replace(HEDGE_AFTER, '') : after) !== 'amount') return undefined;
  const approx: Approximation = !word || ABOUT_BEFORE.test(word) ? 'about' : /近/.test(word) ? 'near' : /超过|逾|多于/.test(word) ? 'over' : 'under';
  return { approx, lead: bare };
}
/** The token reads as an approximation from now on (its operand, if one was built, is built again). */
function markApproximate(token: NumberToken): void {
  if (token.approximate) return;
  token.approximate = true;
  token.operandFields = undefined;
}

/** `≥90%`, `预算执行率目标90%`, `不低于95%`: a target or bound set for a figure, not the figure. */
const TARGET_OR_BOUND = /(?:[≥≤≧≦＞＜>]=?|不低于|不高于|不少于|不超过|(?:指标|目标)值?(?:为|是|达到|达)?)\s*$/;
/** Money carried over from earlier years, as a source of a year's budget: `上年结转资金`, `以前年度结转结余`. */
// (In a bracket too: `全年预算数706.40万元（其中上年结转186.40万元、本年安排520.00万元）`.)
const CARRIED_FUNDS = /^[，,、（(]?(?:其中[：:，,]?)?(?:上年|以前年度)结转(?:结余)?(?:资金)?(?:为|是)?$/;
/** A source of a budget's money named after another: `、上级补助资金`, `、中央补助`, `、自筹资金`. */
const FUNDING_SOURCE = /^[、和及]\s*(?:(?:上级|中央|省级?|市级?|县级?|区级?)(?:财政)?补助|本级财政(?:安排)?|自筹)(?:资金)?(?:为|是)?$/;
/** `约占45%`, `占比约为45%`, `占…的近一半`: a share said to be about, over or under the figure. */
const APPROXIMATE_SHARE = /(?:((?<![节制预简合公条契])约)|(接近|将近)|(超过|逾)|(不足|不到))占|占[^，,；;。]{0,20}?(?:((?<![节制预简合公条契])约|大约)|(接近|将近|近)|(超过|逾|高于)|(不足|不到|低于))(?:为|是|达)?$/;
const SHARE_WORD = /占|比重|比例/;
const BARE_APPROXIMATE_SHARE = /(?:((?<![节制预简合公条契])约|大约)|(接近|将近|近)|(超过|逾|高于)|(不足|不到|低于))$/;
/** How a change's rate is stated when not exactly (`增长约15.8%`, `下降超过二成`, `增长两成`, `增长10%左右`); undefined for an exact one. */
function rateApproximation(lead: string, after: string, token: NumberToken): Approximation | undefined {
  if (HEDGE_AFTER.test(after)) return 'about';
  const bare = BARE_APPROXIMATE_SHARE.exec(lead);
  if (bare) return bare[1] ? 'about' : bare[2] ? 'near' : bare[3] ? 'over' : 'under';
  return token.approximate ? 'about' : undefined;
}

/** `，下降`, `，增长`: a rate's words right after a change. */
const RATE_AFTER_CHANGE = /^[，,]?\s*(?:同比|较上年|比上年)?(?:增长|下降|上升|降低|增幅|降幅|减幅)(?:了|为)?$/;
/** `其中基本支出`, `、项目支出近`: a name alone before tenths (its approximation word the share's). */
const NAME_BEFORE_TENTHS = /^[，,、；;]?(?:其中)?[\u4e00-\u9fff（）()]{2,16}$/;
/** Words that make tenths a rate of something else: `完成年初预算的九成`, `增长两成`. */
const NOT_A_NAME_BEFORE_TENTHS = /完成|执行|的$|为$|比|较|增|减|降|升|达到?$/;
/** `70%以上`, `30%以下`: a share's bound after it. */
const SHARE_BOUND_AFTER = /^\s*(?:及?以上|及?以下)/;

/**
 * How a share is stated when not exactly (`约占45%`, `占比超过90%`, `70%以上`, `80%左右`), and the words before it without that
 * word (what names its base); undefined for an exact one.
 */
function shareApproximation(lead: string, after: string): { approx: Approximation; lead: string } | undefined {
  if (HEDGE_AFTER.test(after)) return { approx: 'about', lead };
  const bound = SHARE_BOUND_AFTER.exec(after);
  if (bound) return { approx: bound[0].includes('上') ? 'over' : 'under', lead };
  const m = APPROXIMATE_SHARE.exec(stripTemplateAlternatives(lead));
  if (!m) {
    // (`项目支出近三成`: the word right before tenths named without 占.)
    const bare = BARE_APPROXIMATE_SHARE.exec(lead);
    if (!bare) return undefined;
    return { approx: bare[1] ? 'about' : bare[2] ? 'near' : bare[3] ? 'over' : 'under', lead: lead.slice(0, bare.index) };
  }
  const approx = m[1] || m[5] ? 'about' : m[2] || m[6] ? 'near' : m[3] || m[7] ? 'over' : 'under';
  return { approx, lead: lead.replace(APPROXIMATE_SHARE_WORD, '') };
}
const APPROXIMATE_SHARE_WORD = /(?:(?<![节制预简合公条契])约|大约|接近|将近|近|超过|逾|高于|不足|不到|低于)(?=占)|(?:(?<![节制预简合公条契])约|大约|接近|将近|近|超过|逾|高于|不足|不到|低于)(?:为|是|达)?$/;

const CORRECTED_REPORT = /((?:19|20)\d\d)\s*年度?(?:部门|单位)?决算(?:报告)?(?:首次)?(?:公开(?:说明|报告)?|披露|发布)(?:时|中)/;
/** Words withdrawing a figure a report published: `误录为`, `原公开为`. */
const WITHDRAWN_WORDS = '(?:误录|误填|误报|误列|误写|错录|错填|原公开|原填报|原列示?|原披露)(?:数|金额)?';
const WITHDRAWN_BEFORE = new RegExp(`${WITHDRAWN_WORDS}(?:为|是|成)$`);
/** The words of a correction before the corrected figure, and those ending a name they were written into. */
const CORRECTION_LEAD = /(?:更正|修正)为$/;
const CORRECTION_WORDS = /(?:[，,]?\s*(?:现|经核实)?[，,]?\s*(?:相应|分别)?(?:更正|修正|调整))$|^现$/;
const WITHDRAWN_NAME_END = new RegExp(`(?:相应)?${WITHDRAWN_WORDS}$`);
const WITHDRAWN_AFTER = /^\s*[）)]?\s*(?:相应)?(?:更正|调整|修改|修正)为/;

function roleOf(token: NumberToken, lead: string, after: string): Role {
  const w = stripTemplateAlternatives(lead);
  // (Direction words are read outside names: `“水资源节约管理与保护”项目143.57万元` is no saving.)
  const unquoted = withoutNames(w);
  // (`每人每月300元`, `人均2.5万元`, `两年年均25.48万元`: a rate per head, per month or per year of several is no amount of the
  // accounts.)
  // (`6.5万元左右`, `45%上下`: an approximation, not the figure; `约占45%` likewise.)
  // (`占本年支出的70%以上`, `占比80%左右`: a share stated approximately or as a bound, held to its figures as such.)
  if (token.unit === '%' && SHARE_WORD.test(w) && (SHARE_BOUND_AFTER.test(after) || HEDGE_AFTER.test(after)) && !TARGET_OR_BOUND.test(w)) return 'share';
  // (Not a purpose named after the standard it changed, `年中追加的25.40万元包括：调整工资标准18.60万元、…`: money spent on it.)
  const standardNamed = STANDARD_CHANGED.test(w) && (token.unit === '万元' || token.unit === '亿元');
  // (`首次公开时…误录为29.68万元，现更正为29.86万元`, `原公开为36.24万元`, `相应由5868.02万元更正为…`: a value withdrawn, no figure of the
  // report.)
  if (WITHDRAWN_BEFORE.test(w) || WITHDRAWN_AFTER.test(after)) return 'other';
  if (THRESHOLD_AFTER.test(after) || HEDGE_AFTER.test(after) || (!standardNamed && /标准为?$/.test(w)) || /单价|单位价值|(?:每|人均|户均|亩均|车均|生均|平均|年均)[^，,；;。]{0,6}$|平均每辆车?[^，,；;。]{0,8}$/.test(w)) return 'other';
  // (`117人次（不含陪同人员57人次）`: what a figure leaves out is no figure of the text's.)
  if (EXCLUDED_BEFORE.test(w)) return 'other';
  // (`多在2万至4万元`: a range's bounds, no amount; `2万至` before the upper one.)
  if (RANGE_BEFORE.test(w) || RANGE_AFTER.test(after)) return 'other';
  // (`全年收支规模超过230万元`, `逾260万元`: a bound on an amount, not the amount.)
  if (isMoney(token.unit) && BOUND_BEFORE.test(w)) return 'other';
  if (TARGET_OR_BOUND.test(w)) return 'other';
  switch (token.unit) {
    case '%':
      if (BUDGET_EXCESS_RATE.test(w)) return 'change-rate';
      // (`决算数占年初预算数的113.29%`: a completion rate in the words of a share.)
      if (/占(?:年初|全年|调整后?)?预算(?:数|金额)?的?$/.test(w)) return 'completion-rate';
      // (`预算执行比例为90.13%`: the share of the budget spent.)
      if (/执行比例(?:为|是|达)?$/.test(w)) return 'completion-rate';
      // (`比重由2018年的51.51%提高到2020年的70.00%`: the level a share reached, no rate of change, its base unsaid.)
      if (/(?:提高|上升|增加|增长|下降|降低|减少|回落)(?:到|至)(?:(?:19|20)\d\d\s*年度?)?的?$/.test(w)) return 'percent';
      if (SHARE_WORD.test(w)) return 'share';
      // `年均增长4.22%`: a compound annual rate over several years, not this year's change.
      if (/年均|平均每年|平均增长/.test(w)) return 'percent';

      if (/完成|执行率|执行进度|支出率|完成率|预算数?的|为预算|预算[^，,；;]*的$/.test(w)) return 'completion-rate';
      // (`同上年相比，增加23.80万元、为上年的132.78%`: this year's figure as a proportion of last year's, no rate of change; `增幅较上年的
      // 5.86%收窄2.85个百分点`: last year's rate, compared with.)
      if (OF_LAST_YEAR_RATIO.test(w) || LAST_YEARS_RATE.test(w)) return 'percent';
      if (UP.test(unquoted) || DOWN.test(unquoted) || NEUTRAL_CHANGE.test(unquoted) || /增速|同比/.test(w) || SHORT_DIRECTION.test(unquoted)) return 'change-rate';
      return 'percent';
    case '个百分点':
      return 'points';
    case 'count':
      // `比上年增加12.00万元，增长1.2倍`: a rate written as a multiple of last year's figure.
      if (token.unitText === '倍' && /(?:增长|增加|提高|上升)了?$/.test(w)) return 'change-rate';
      // (`自评项目个数占部门项目总数18个的29.41%`: a count base stated inline, as money is.)
      if (/占/.test(w) && /^\s*[)）]?\s*(?:[\u4e00-\u9fff]{1,4})?的\s*[0-9０-９]/.test(after)) return 'share-base';
      return 'count';
    case 'score':
      return 'score';
    case '元':
    case '万元':
    case '亿元':
      // (`占本年支出合计（3000.00万元）的60.00%`: the base may stand in brackets.)
      // (`占本年项目支出总额（81.39万元）的比重为96.00%`: or before 的比重为.)
      if (/占/.test(w) && /^\s*[)）]?\s*的?(?:比重|比例)?(?:为|是)?\s*[0-9０-９]/.test(after)) return 'share-base';
      // `决算数大于预算数55.93万元`: the gap between the actual and the budget, not a budget.
      if (BUDGET_GAP.test(w)) return 'budget-delta';
      // `年初预算为2.95万元，差值为0.9万元`, `决算数与年初预算数差异0.30万元`: a difference without a direction, no quantity of the list.
      // (Not `用事业基金弥补收支差额56.47万元`: the 01 table's row of that name, an amount of the income side.)
      if (/(?:差值|(?<!弥补收支)差额|相差|差异)(?:为|是|达)?$/.test(w)) return 'other';
      // `从2015年的2007万元上升到2020年的2468万元`: the level reached, not the size of the change.
      if (/(?:上升|增加|增长|提高|下降|减少|降低)(?:到|至)[^，,；;。]*$/.test(w)) return 'amount';
      // (`支出由1,234.56万元增加至1,345.67万元`: the level it started from, last year's.)
      if (FROM_LEVEL.test(w) && TO_LEVEL_AFTER.test(after)) return 'prior';
      // (`年中调整增加预算203.01万元`, `年中增加预算17.68万元`: the budget's adjustment within the year, no change on last year.)
      if (MID_YEAR_ADJUSTMENT.test(w)) return 'budget';
      if (UP.test(unquoted) || DOWN.test(unquoted) || NEUTRAL_CHANGE.test(unquoted) || SHORT_DIRECTION.test(unquoted)) return /(比|较|与)[^，,；;]*(预算|计划)/.test(w) ? 'budget-delta' : 'delta';
      if (NEW_THIS_YEAR.test(w)) return 'delta';
      // (`同比变动-130.67万元（-0.69%）`, `增减-93.82万元`: a change named bare, its sign giving the direction.)
      if (BARE_CHANGE.test(unquoted)) return 'delta';
      // (`年末结转和结余30.23万元，加上本年支出合计共1310.07万元`: a sum of figures, the one named and the one before, no quantity's.)
      if (/^[，,]?\s*(?:再)?加上?[^，,。；;\d]{2,20}(?:共计?|合计|总计)(?:为|是)?$/.test(w)) return 'other';
      // (`“三公”经费支出决算52.82万元，同比50.16万元增加2.66万元`: the figure compared with, last year's.)
      if (/(?:^|[，,])\s*同比$/.test(w) && /^\s*(?:增加|减少|增长|下降|上升|降低|提高)/.test(after)) return 'prior';
      // (`年末结转和结余比上年结转60.80万元减少42.48万元`: the balance compared with the one carried in, the year's starting figure.)
      // (`年末资产总额20,521.83万元，比年初18,311.49万元增加…`: the year's opening figure, compared with.)
      if (/(?:比|较)(?:上年|年初)(?:结转|结余)(?:和结余)?数?$|(?:比|较|与)(?:上年末|年初)(?:的)?数?$/.test(w)) return 'prior';
      // (`资产总额3907.25万元，年初为4084.55万元，与年初相比减少…`, `负债总额年初为203.77万元`: the year's opening figure beside its closing one.)
      if (/(?:^|[，,；;]|[\u4e00-\u9fff]{2})(?:年初|期初|上年末)(?:数|余额|值)?(?:为|是)$|(?:资产|负债|原值|净值|折旧|总额)(?:年初|期初)(?:数|余额|值)?$/.test(w) && !/预算|结转|结余/.test(w)) return 'prior';
      // (`年初净资产4688.29万元`, `年初资产总额…`: so is an asset's or a liability's named with 年初.)
      if (/(?:^|[，,；;：:])\s*(?:年初|期初)[\u4e00-\u9fff]{0,6}(?:资产|负债)(?:总额|合计)?(?:数|余额)?(?:为|是)?$/.test(w)) return 'prior';
      // 上年结转（结余） is a part of this year's 收入总计, not last year's figure.
      // (Not `加上年初结转和结余150.00万元`: 加上 is plus, 年初 this year's opening.)
      // (Nor one in a closed bracket, `年初结转和结余（即上年末结转和结余）761.40万元`: what this year's opening restates.)
      // (Nor `（同期基本支出中的公用经费为276.33万元）`: the same period's figure of another quantity, this year's; nor
      // `…，与同期一般公共预算财政拨款公用经费56.48万元一致`, one the text says a figure agrees with.)
      if (/(?:与|和|同)同期[^，,；;。\d]{4,30}$/.test(w) && /^\s*(?:万元|亿元|元)?\s*(?:一致|相符|相等|相同)/.test(after)) return 'amount';
      if (/(?<!加)上年(?!结转|结余|初)|去年|上一年|同期(?![^，,；;。]*(?:分别|中的))/.test(w.replace(CLOSED_BRACKET, '')) || (LAST_YEAR_COMPARISON.test(w) && /(?:19|20)\d\d/.test(w))) return 'prior';
      // (`…决算数为29.97万元，加上划入单位…、减去划出单位…，按可比口径调整后为32.12万元`: last year's figure restated, no budget.)
      if (/可比口径[^，,；;。\d]{0,8}(?:为|是)$|可比数(?:为|是)?$/.test(w)) return 'prior';
      // (`本项目共完成预算资金89.97万元`: the budget funds spent, an actual.)
      if (/(?:完成|执行)预算资金(?:为|是)?$/.test(w)) return 'amount';
      if (isBudgetWords(w)) return 'budget';
      return 'amount';
    default:
      return 'other';
  }
}

/** `由13辆减少至11辆`, `从1,234.56万元增加到…`: the figure a change starts from, and the words after it. */
export const FROM_LEVEL = /(?:由|从)$/;
export const TO_LEVEL_AFTER = /^\s*(?:增加|减少|增长|下降|降低|提高|上升|降|增|升|减)(?:到|至)/;

/**
 * `上年无此项支出，本年新增15.46万元`: the change from nothing, an increase by the year's whole figure (not another part of
 * the list it stands in). Only the bare words: `新增重点工作经费50万元` names an amount.
 */
const NEW_THIS_YEAR = /(?:本年|当年|今年|本年度)?新增(?:支出|收入)?(?:为|了)?$/;

/** A lead that opens with a year (after an item's number) and names a quantity after it: `3.支出情况.2021年度支出合计`. */
const YEAR_THEN_NAME = /(?:^|[。.．:：])\s*(?:\d+[.、．]\s*)?(?:19|20)\d\d\s*年度?(?!度|\s*(?:决算|预算|上年|实际)?数?(?:为|是)?$)[\u4e00-\u9fff]{2,}/;

/** A comparison with last year opening the clause right after a figure. */
const COMPARED_AFTER = /^[，,]\s*(?:较|比|与)上年|^[，,]\s*同比/;

/** The clause before a Δ compares with the budget: `与年初预算X万元相比，`, `比年初预算，`. */
const BUDGET_COMPARISON_BEFORE = /(?:与|比|较|同)[^，,。；;：:]*(?:预算|计划)[^，,。；;：:]*(?:相比|比较)[，,]$/;

const DIRECTION = new RegExp(`${UP.source}|${DOWN.source}|${NEUTRAL_CHANGE.source}`);

/** Words that introduce a reason: what follows them is the subject (`…的主要原因是2024年在京…`). */
const REASON_PREFIX = /^.*(?:原因(?:是|为|体现在|在于|主要是)?|主要是|主要体现在|体现在)[：:]?/;

/** `比年初结转和结余`: a year-end figure compared with the same one at the year's start (not a 年初预算). */
const START_OF_YEAR_COMPARISON = /(?:比|较|与)\s*年初(?!预算)/;

/** `较年初预算数`, `与全年预算相比`: the comparison with a budget. */
const BUDGET_COMPARISON_WORDS = /(?:比|较|与)\s*(?:年初|全年|调整后?)?预算/;

/** What a comparison opening a clause leaves before the name: the year compared with, `相比`. */
const COMPARISON_TAIL = /^(?:(?:19|20)\d\d\s*年度?|年度|度)?(?:相比|比较|同期)?[，,]?/;

/**
 * The subject words of a number: for a change, what stands before 比上年/同比 (or 较预算) or the direction word, or
 * after a comparison that opens the clause.
 */
function subjectWords(lead: string, role: Role): string {
  // (`政府采购工程支出无、政府采购服务支出64.20万元`: an item stated as none before it names nothing of this figure.)
  let w = NONE_WORD.test(lead) ? lead.replace(NONE_BEFORE, '') : lead;
  if (role === 'delta' || role === 'change-rate' || role === 'prior' || role === 'budget-delta') {
    w = w.replace(REASON_PREFIX, '');
    // (`较年初预算数减少0.04万元`: the comparison with the budget names nothing either.)
    const compared = (role === 'budget-delta' ? BUDGET_COMPARISON_WORDS : LAST_YEAR_COMPARISON).exec(w);
    if (compared) {
      // (`同比2023年公务用车购置及运行维护费支出减少`: a comparison opening the clause names the quantity after it.)
      const after = compared.index === 0 && role !== 'budget-delta' ? w.slice(compared[0].length).replace(COMPARISON_TAIL, '') : '';
      // (`同比2021年收支总计7930.40万元减少…`: last year's figure named after the comparison that opens the clause.)
      w = /^[\u4e00-\u9fff“”（）()]{3,}?(?:增加|减少|增长|下降|上升|降低|持平|提高|减|增)/.test(after) || (role === 'prior' && /^[\u4e00-\u9fff“”]{4,}$/.test(after)) ? after : w.slice(0, compared.index);
    }
    // (`年末结转和结余15.86万元，比年初结转和结余增加2.64万元`: the balance at the year's start is what the change is from.)
    const fromStart = w.search(START_OF_YEAR_COMPARISON);
    if (fromStart >= 0) w = w.slice(0, fromStart);
    const dir = w.search(DIRECTION);
    if (dir >= 0) w = w.slice(0, dir);
    w = w.replace(NEW_THIS_YEAR, '');
    // (`与上年的27256.20万元相比下降…`: the end of a comparison whose figure stands before names nothing.)
    if (/^(?:相比|比较)[，,]?$/.test(w)) w = '';
    // (`收入总计…，支出总计…，与2020年度相比，各增加29.6万元`: 各 names nothing.)
    if (/^(?:各|均|都|分别|亦|也)$/.test(w)) w = '';
  }
  // (`三公经费：预算32.94万元/决算23.77万元`: the second of a pair names no quantity of its own.)
  w = w.replace(/^[/／]\s*(?:支出)?(?:决算|预算)数?$/, '');
  if (role === 'share') w = w.replace(/占.*$/, '');
  // (`分别占财政拨款收入4096.92万元的…`: the base is the quantity after 占.)
  if (role === 'share-base') w = w.replace(/^.*占/, '');
  if (role === 'completion-rate') w = w.replace(/(完成|执行率|执行比例|支出率|完成率|为预算).*$/, '');
  return w;
}

/**
 * The words as written, without what PDF extraction put into them: line wraps (`下` / `降`) and
 * page-number lines (`项目` / `— 3 —` / `支出`).
 */
function compactWords(raw: string): string {
  const words = raw.includes('\n') ? raw.split(/\r?\n/).filter((line) => !PAGE_NUMBER.test(line.trim()) && !RUNNING_TITLE.test(line.trim())).join('') : raw;
  // (Markdown bold and italics carry no words: `占**70.00**%`, `占*16.27*%` are 占; nor do HTML tags, `<p>收入合计…`.)
  const bare = words.includes('<') ? words.replace(/<\/?[a-zA-Z][^<>]{0,40}>/g, '') : words;
  return bare.replace(/\s+|\*+/g, '');
}

/**
 * `钦州市医疗保障局 2024 年度政府采购支出总额`: the department's own 政府采购支出总额, the same quantity as
 * the 政府采购支出总额 named elsewhere (a sub-unit's name, or 本级 after the department's, stays).
 */
export function withoutDepartment(subject: string, department: string | undefined): string {
  if (!department) return subject;
  // (Or its short name: `区农业农村局收入总计` in the report of 宜春市袁州区农业农村局.)
  for (let k = department.length; k >= 4; k--) {
    if (subject.length >= k + 4 && subject.startsWith(department.slice(-k))) return subject.slice(k);
  }
  return subject;
}

/** Years, dates, list markers and codes: numbers that state no quantity. */
function isMarkerOrDate(token: NumberToken): boolean {
  return token.unit === 'year' || token.unit === 'none' || ['月', '日', '号', '季度'].includes(token.unitText);
}

/** `调整工资标准`, `提高补助标准`: what was done to a standard, naming the money spent on it. */
const STANDARD_CHANGED = /(?:调整|提高|提标|落实)[\u4e00-\u9fff]{0,6}标准$/;

/** A project named at the opening of a clause between two figures, with no figure of its own (`：甲项目年初未安排预算，`). */
const PROJECT_CLAUSE = /[：:；;]\s*([^，,。；;：:\d（）()]{2,30}?项目)(?=年初|全年|当年|本年|未安排|预算)/g;
function projectOpenedSince(text: string, from: number, to: number): string | undefined {
  // (Asked of every figure: the gap only, whose length the figures' gaps add up to the text's; a search from `from` for a 项目 the
  // text may not have would walk to its end for every figure.)
  if (to - from < 6) return undefined;
  const gap = text.slice(from, to);
  return gap.includes('项目') ? allMatches(PROJECT_CLAUSE, gap).at(-1)?.[1] : undefined;
}

// (Or with the reason for its change: `；差旅费因汛期应急值守和外出督导增多，增加0.78万元`.)
const COMPARED_CLAUSE = /[；;]\s*(?:([\u4e00-\u9fff“”（）()]{2,20}?)(?:与上年(?:相比|比较)|与上年度(?:相比|比较)|(?:比|较)上年度?|同比)[，,]|([\u4e00-\u9fff“”（）()]{1,12}?(?:费|支出|经费|收入))(?:因|由于))/g;
/** `其中：因公出国（境）费未安排预算，支出决算0.00万元`: the item without a budget names the figure right after it (that one only). */
const UNBUDGETED_CLAUSE = /[；;：:，,]\s*([\u4e00-\u9fff“”（）()]{2,20}?)(?:年初)?未安排(?:预算|资金)[，,][^，,。；;]*$/;
function unbudgetedNamedSince(text: string, from: number, to: number): string {
  if (to - from < 6) return '';
  const gap = text.slice(from, to);
  return gap.includes('未安排') ? normalizeSubject(UNBUDGETED_CLAUSE.exec(gap)?.[1] ?? '') : '';
}

function comparedOpenedSince(text: string, from: number, to: number): string | undefined {
  // (Within the gap only, as for 项目 above.)
  if (to - from < 6) return undefined;
  const gap = text.slice(from, to);
  if (!gap.includes('；')) return undefined;
  const found = allMatches(COMPARED_CLAUSE, gap).at(-1);
  const name = found?.[1] ?? found?.[2];
  return name === undefined ? undefined : normalizeSubject(name);
}

export function analyzeProse(model: DocumentModel): ProseAnalysis {
  const tokens: ProseToken[] = [];
  const bySentence = new Map<number, ProseToken[]>();
  const byToken = new Map<number, ProseToken>();
  const text = model.text;
  // The fund a paragraph's figures are of, once a figure named it (see BARE_YEAR_FIGURE).
  let fundFrame: string | undefined;
  // (The paragraph's first figure is of all 财政拨款: see FISCAL_OPENING.)
  let fiscalParagraph = false;
  let fundParagraph = -1;
  for (const sentence of model.sentences) {
    if (sentence.paragraph !== fundParagraph) {
      fundParagraph = sentence.paragraph;
      fundFrame = undefined;
      fiscalParagraph = false;
    }
    // (`一般公共预算财政拨款：年初结转和结余…，本年收入…` / `政府性基金预算财政拨款：…`: a line labelled with its fund.)
    // (`非财政拨款资金方面，年初结转和结余…，本年支出…`: the other money's, named so.)
    const fundLabel = FUND_LABEL.exec(sentence.text)?.[1] ?? (NON_FISCAL_LABEL.test(sentence.text) ? '非财政拨款' : undefined);
    if (fundLabel) {
      fundFrame = fundLabel;
      fiscalParagraph = false;
    }
    const list: ProseToken[] = [];
    let boundary = sentence.span.start;
    // (The sentence's last amount so far, kept as it goes: a walk back for it would be quadratic in a sentence of shares.)
    let lastAmountTaken: ProseToken | undefined;
    // (And the last outside brackets: `…可用资金5500.00万元（上年结转…，本年新增…），本年支出4862.15万元` spends the money named outside.)
    let lastOuterAmount: ProseToken | undefined;
    // (And the last named by a side, 收入 or 支出.)
    let lastSided: ProseToken | undefined;
    // (The item label a sentence opens with, once per sentence.)
    const labelled = ITEM_LABEL.exec(sentence.text);
    // The analysed figure: in the sentence's list and the document's, and the words of the next start after it.
    const take = (pt: ProseToken) => {
      list.push(pt);
      if (pt.role === 'amount') lastAmountTaken = pt;
      if (pt.role === 'amount' && pt.depth === 0) lastOuterAmount = pt;
      if (pt.role === 'amount' && /(?:收入|支出)$/.test(pt.subject)) lastSided = pt;
      tokens.push(pt);
      byToken.set(pt.token.id, pt);
      boundary = pt.token.unitSpan?.end ?? pt.token.span.end;
    };
    // `1.一般公共服务（类）人大事务（款）行政运行（项）：年初预算为…`: an opening clause without numbers
    // names what the sentence's numbers are about until a number names its own subject.
    const openingEnd = sentence.text.search(/[：:，,；;]/);
    const opening = openingEnd < 0 ? sentence.text : sentence.text.slice(0, openingEnd);
    // (The list marker `1.` does not count; a year does: `2024年本单位履行…职能，…合计86.26万元` opens with
    // a description, not a name.)
    const first = sentence.numbers.find((id) => model.numbers[id].unit !== 'none');
    const firstNumber = first !== undefined ? model.numbers[first].span.start - sentence.span.start : sentence.text.length;
    // (`从支出结构看，`, `总体来看，`: a point of view, not a name.)
    // (`事业收入主要为医疗服务收入和药品收入，比上年增加…`: the name described, not what it consists of.)
    const described = DESCRIBED_AS.exec(opening)?.[1];
    let inherited = opening.length < sentence.text.length && opening.length <= firstNumber && !VIEWPOINT.test(opening.trim()) ? normalizeSubject(described && described.length >= 2 ? described : opening) : '';
    // Whether `inherited` is the name of an amount of the sentence (a total after its parts is not that part).
    let inheritedFromPart = false;
    // The name a clause of the sentence opened with, compared with last year or given a reason (comparedOpenedSince).
    let clauseNamed: string | undefined;
    // `2010年审计署“三公经费”财政拨款预算中，因公出国（境）费617万元，公务用车购置及运行费1229.65万元…`: a sentence
    // that opens with a year dates every figure in it that names no year of its own.
    const dated = OPENING_YEAR.exec(sentence.text);
    // (`为增强可比性，上年数按2021年部门口径调整：…调整后2020年本年支出合计为65892.18万元，本年收入合计为65759.90万元`: last year's
    // figures restated, each named by its table row, 本年 or not.)
    const restatedPrior = !dated && model.reportYear !== undefined && RESTATED_PRIOR.test(sentence.text);
    const lastYearOpening = restatedPrior || (!dated && model.reportYear !== undefined && OPENING_LAST_YEAR.test(sentence.text));
    // (`本局2019年度部门决算公开时，…原公开为36.24万元…，“三公”经费支出决算相应更正为38.24万元`: a correction of another year's report
    // states that year's figures.)
    const corrected = CORRECTED_REPORT.exec(sentence.text)?.[1];
    // (`2016年、2017年、2018年、2019年、2020年…支出分别为a、b、c、d和e`: a sentence opening with a run of years dates the 分别 run after it
    // year by year, and no other figure.)
    const openedByYears = dated !== null && YEAR_RUN_OPENING.test(sentence.text);
    let yearRun: { at: number; subject: string; years: string[] } | undefined;
    const sentenceYear = dated && !openedByYears && !LAST_YEAR_COMPARISON.test(opening) ? dated[1] : lastYearOpening ? String(model.reportYear! - 1) : corrected && /更正|修正/.test(sentence.text) ? corrected : undefined;
    // `截至2023年12月31日，资产总额450.20万元；截至2024年12月31日，资产总额499.86万元`: each date holds until the next.
    const asOf = sentence.text.includes('截') ? allMatches(AS_OF, sentence.text) : [];
    // `上年完成率为85.66%（2023年全年预算12.83万元，支出决算10.99万元）`: a bracket opening with a year dates all its figures.
    const datedBrackets = sentence.text.includes('年') ? bracketsOpeningWithYear(sentence, model.reportYear) : [];
    let datedAt = 0;
    let asOfIndex = -1;
    // `决算收入为719万元（其中：城市建设配套费4万元，…上年结转190万元），较上年下降79.3%`: the names inside a bracket are its
    // breakdown's; once it closes, the figures go back to the name before it. (Depth counted on as the figures go.)
    let depth = 0;
    let scanned = sentence.span.start;
    let outer = { inherited, fromPart: inheritedFromPart };
    let namedInside = false;
    // (Whether the sentence states the accrual basis: asked of its figures, read once.)
    let accrual: boolean | undefined;
    for (const id of sentence.numbers) {
      const token = model.numbers[id];
      // Years, dates, list markers and codes do not end the words leading to the next number.
      if (isMarkerOrDate(token)) continue;
      for (; scanned < token.span.start; scanned++) {
        const c = text.charCodeAt(scanned);
        if (c === 0xff08 || c === 0x28) depth++;
        else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--;
      }
      if (depth === 0 && namedInside) {
        ({ inherited, fromPart: inheritedFromPart } = outer);
        namedInside = false;
      }
      let start = token.span.start;
      while (start > boundary && !isClauseBreak(text.charCodeAt(start - 1))) start--;
      let lead = compactWords(text.slice(start, token.span.start));
      // `项目支出1200.00万元（2023年：1000.00万元）`: a bracket dating the figure after its colon.
      if (lead === '' && start > boundary) {
        const dating = BRACKET_DATING.exec(text.slice(Math.max(boundary, start - 12), start));
        if (dating) lead = compactWords(dating[0]);
        // `②差旅费：46.11万元；`, `年初预算为：300万元`: the words before the colon name the figure.
        else if (/[：:]/.test(text.charAt(start - 1))) lead = compactWords(clauseBeforeColon(text, start - 1, boundary));
        // `占,88.20%`: a stray comma (a PDF's) between 占 and its rate.
        else if (token.unit === '%' && /占\s*[,，]\s*$/.test(text.slice(Math.max(boundary, start - 3), start))) lead = '占';
      }
      // (`较20155.88万元`: the year run into the figure dates it, as `较2015年5.88万元` would.)
      if (token.formatIssue === 'year-fused') lead += `${token.raw.slice(0, 4)}年`;
      const after = text.slice(token.unitSpan?.end ?? token.span.end, (token.unitSpan?.end ?? token.span.end) + 8);
      let role = roleOf(token, lead, after);
      // (`剔除公务用车购置费后，“三公”经费支出21.68万元，较上年减少1.16万元`: figures of another scope than their names', none of
      // the text's.)
      // (So in a clause after `；`: `…变动率为37.95%；剔除新增因公出国（境）费后，“三公”经费实际支出10.90万元`.)
      if (NARROWED_SCOPE.test(sentence.text) || NARROWED_SCOPE.test(clauseOf(text, token.span.start, sentence.span.start))) role = 'other';
      // (`固定资产原值年初数为10236.82万元，本年增加1042.65万元，本年减少267.90万元，年末数为11011.57万元`: what came in and went out
      // over the year, between its opening and closing figures, no change on last year; stock-flow.ts reads them.)
      // (Nor are the words after it that say what came in or went out: `本年增加主要为购置…设备586.40万元`.)
      if (role === 'delta' && isMoney(token.unit) && ((YEAR_FLOW.test(lead) && /年初/.test(text.slice(sentence.span.start, token.span.start)) && /年末/.test(text.slice(token.span.end, sentence.span.end))) || (FLOW_EXPLAINED.test(lead) && flowStated(model, sentence)))) role = 'other';
      // (`分项目看，年初预算中因公出国（境）费0.00万元、公务用车购置及运行维护费3.00万元…`: the figures a budget frames are budgets.)
      if (role === 'amount' && isMoney(token.unit) && BUDGET_FRAME.test(clauseOf(text, token.span.start, sentence.span.start, CLAUSE_LOOK_BACK, true))) role = 'budget';
      const approximation = approximationOf(token, lead, after);
      // (`约1.6亿元` is a figure too, in sums and shares, but one rounded as coarsely as its writer liked.)
      if (approximation?.approx === 'about') markApproximate(token);
      // `完成年初预算751.54万元的88.54%`, `占支出总额665.38万元的31.39%`: the words that give a rate its
      // role may stand before the amount inside the same clause.
      if (role === 'percent') {
        let clauseStart = start;
        // (A thousands separator is no clause break: `占项目支出总额1,295.15万元的90.34%`.)
        while (clauseStart > sentence.span.start && (!isClauseBreak(text.charCodeAt(clauseStart - 1)) || (text.charAt(clauseStart - 1) === ',' && /\d/.test(text.charAt(clauseStart - 2)) && /\d/.test(text.charAt(clauseStart))))) clauseStart--;
        if (clauseStart < start) role = roleOf(token, compactWords(text.slice(clauseStart, token.span.start)).replace(/(\d),(?=\d)/g, '$1'), after);
      }
      // `社会保障和就业支出1546.48万元（55.69%）`: a bare percentage in brackets after an amount is its share.
      if (role === 'percent' && /^[（(]$/.test(lead) && list.at(-1)?.role === 'amount' && list.at(-1)!.token.span.end + 8 > token.span.start) role = 'share';
      // `与年初预算1250.00万元相比，减少50.00万元`: the comparison stands in the clause before the Δ.
      if (role === 'delta' && !LAST_YEAR_COMPARISON.test(lead) && BUDGET_COMPARISON_BEFORE.test(compactWords(text.slice(Math.max(sentence.span.start, start - 40), start)).replace(/(\d),(?=\d)/g, '$1'))) role = 'budget-delta';
      const previous = list.at(-1);
      // (`较上年107.21万元压减13.18%（压减14.13万元）`: a cut right after last year's figure, or after the rate of that cut, is a fall.)
      if (CUT_AFTER_FIGURE.test(lead) && (previous?.role === 'prior' || (previous?.role === 'change-rate' && CUT_AFTER_FIGURE.test(previous.lead)))) {
        if (token.unit === '%') role = 'change-rate';
        else if (isMoney(token.unit)) role = 'delta';
      }
      // (`其中基本支出七成以上、项目支出近三成`, `…约占16%，项目支出八成以上`: tenths right after a name are its share; 成 after a noun is a
      // proportion.)
      if ((role === 'other' || role === 'percent') && token.approximate && token.unit === '%' && NAME_BEFORE_TENTHS.test(lead) && !NOT_A_NAME_BEFORE_TENTHS.test(lead)) role = 'share';
      // `支出决算830.45万元，比年初预算715.04万元增加127.04万元`: a change right after a budget stated as the comparison.
      if (role === 'delta' && previous?.role === 'budget' && /^(?:比|较)/.test(previous.lead) && /^(?:增加|减少|多|少|节约|超支)/.test(lead)) role = 'budget-delta';
      // (`其中超出年初预算金额最多的是养老服务（项），决算数比年初预算多62.15万元…；其次是临时救助支出（项），多32.60万元`: the gaps after the
      // first, said with 多 or 少 alone, are gaps from their budgets too.)
      if (role === 'amount' && /^[，,]?\s*(?:多|少)(?:了)?$/.test(lead) && list.some((t) => t.role === 'budget-delta')) role = 'budget-delta';
      // (`…预算32.60万元，支出28.64万元，节约3.96万元；比上年减少…`: a saving or overspend after a budget and its actual is their gap.)
      if (role === 'delta' && /^[，,]?\s*(?:节约|超支|节余)(?:资金)?(?:了)?$/.test(lead) && previous?.role === 'amount' && list.some((t) => t.role === 'budget' && t.sentence === sentence)) role = 'budget-delta';
      // `1.52亿元（15200.00万元）`, `75,323.39万元（约7.53亿元）`: the bracketed number restates the one before it in
      // another unit.
      // (`公务用车运行维护费2.49万元，即24892.27元`: so too a figure after 即 in another unit; and one that restates a change,
      // a budget or last year's figure, `比上年增加4.09亿元（40,912.80万元）`, is that in its other unit.)
      // (`合计7,521,582.76元，折合约752万元`, `…，折合超过750万元`: so too an approximation or a bound of it, which stays a bound.)
      const restating = approximation?.lead ?? lead;
      const restatingRole = approximation ? 'amount' : role;
      // (`4,796.95万元，约合0.48亿元`: the approximation's words are all the lead it has.)
      // (`179.23万元（合计人民币1,792,300.00元）`: the sum in words of a cheque, in 元.)
      if (previous && (/^[（(](?:约|约合|合|折合|即|合计)?(?:人民币)?$/.test(restating) || ((/^[，,]?(?:即|约合|折合|合)(?:人民币)?$/.test(restating) || /^[，,]?(?:约合|折合)$/.test(lead)) && token.unit !== previous.token.unit)) && isMoney(token.unit) && isMoney(previous.token.unit) && (previous.role === restatingRole || (restatingRole === 'amount' && token.unit !== previous.token.unit))) {
        const bound = role === 'other';
        const pt: ProseToken = { ...previous, token, index: list.length, lead, role: bound ? 'other' : previous.role, restates: bound ? undefined : true, approx: approximation?.approx };
        take(pt);
        continue;
      }
      // `收、支总计近3,300万元（3377.35万元）`: the exact figure in brackets after a bound is the amount the bound's words name.
      if (previous?.approx && previous.role === 'other' && /^[（(]$/.test(lead) && role === 'amount' && isMoney(token.unit)) {
        const pt: ProseToken = { ...previous, token, index: list.length, lead, role, approx: undefined };
        take(pt);
        continue;
      }
      // `比上年的400.00万元、70.00万元`, `分别增长5.00%和14.29%`: a number joined to the previous one by 、 or
      // 和 alone is the next of a run of priors or changes, in the same role and direction.
      // (`各减少1267.86,2570.97万元`: a comma alone between two figures joins them too.)
      // (`分别较上年减少19.02万元、减少31.55万元`: each change of a run may say its own direction.)
      // (`可用资金5500.00万元（上年结转1500.00万元，本年新增4000.00万元）`: beside the balance carried in, the year's new money is a part of
      // the whole, no change.)
      if (role === 'delta' && depth > 0 && previous?.depth === depth && previous.role === 'amount' && /结转|结余/.test(previous.lead) && NEW_THIS_YEAR.test(lead)) role = 'amount';
      const ownDirection = previous !== undefined && (previous.role === 'delta' || previous.role === 'change-rate') && DIRECTED_RUN_JOINER.test(lead);
      const continuesRun = previous !== undefined && (RUN_JOINER.test(lead) || ownDirection || onlyComma(text, previous.token, token)) && previous.token.unit === token.unit && RUN_ROLES.has(previous.role);
      if (continuesRun) role = previous.role;
      // (`基本支出和项目支出分别约为0.72亿元和2.69亿元`: a run's 约 is each of its figures'.)
      const aboutInRun = !approximation && continuesRun && previous.approx === 'about' && role === 'amount';
      if (aboutInRun) markApproximate(token);
      // `较2022年决算数688.84万元131.49万元，增长19.09%`: a figure right after last year's, its direction word left out, is
      // the change (the rate after it gives the direction).
      if (role === 'amount' && previous?.role === 'prior' && isMoney(token.unit) && previous.token.unit === token.unit && text.slice(previous.token.unitSpan?.end ?? previous.token.span.end, token.span.start).trim() === '') role = 'delta';
      // (`全年预算数为82.24万元，其中：年初预算75.86万元，上年结转资金6.38万元`: the carry-over next to a budget's part is a part of
      // that budget.)
      // (So are the other sources in such a run: `全年预算数679.61万元，其中本级财政安排428.91万元、上级补助250.70万元`.)
      if (role === 'amount' && previous?.role === 'budget' && isMoney(token.unit) && (CARRIED_FUNDS.test(lead) || FUNDING_SOURCE.test(lead)) && /其中|资金来源/.test(text.slice(sentence.span.start, token.span.start))) role = 'budget';
      // `比2025年预算增加115,649万元` in a 2026 budget: last year's budget, a change over the year, not a
      // difference between this year's budget and actual.
      if (role === 'budget-delta') {
        const compared = /(?:比|较|与)((?:19|20)\d\d)年度?(?:年初)?(?:预算|计划)/.exec(lead);
        if (compared && model.reportYear !== undefined && Number(compared[1]) !== model.reportYear) role = 'delta';
      }
      // (`两成`: a share in tenths is about that when no word says otherwise.)
      const shareApprox = role === 'share' ? shareApproximation(lead, after) ?? (token.approximate && token.unit === '%' ? { approx: 'about' as const, lead } : undefined) : undefined;
      // (`2.公务用车购置费：本年支出28.76万元，上年为0万元`: under an item's label, a generic 本年支出 is the item's; a unit's label,
      // `（1）局机关：本年支出…`, names whose 支出合计 it is.)
      const itemLabel = labelled && sentence.span.start + labelled[0].length <= start && GENERIC_YEAR_FIGURE.test(lead) ? normalizeSubject(labelled[1]) : '';
      // (The qualifier is the last amount's, changes after it notwithstanding: `财政拨款收入总计…，…增长0.32%；支出总计…`.)
      const lastAmount = (depth === 0 && lastAmountTaken && lastAmountTaken.depth > 0 ? lastOuterAmount : undefined) ?? lastAmountTaken ?? previous;
      let own = (itemLabel && !/(?:费|支出|经费|资金|收入)$/.test(itemLabel) ? itemLabel + normalizeSubject(subjectWords(lead, role)) : itemLabel) || sharedQualifier(withoutDepartment(normalizeSubject(subjectWords(approximation?.lead ?? shareApprox?.lead ?? lead, role)), model.department), lastAmount, lead, lastSided);
      // (`上述9014万元一般公共预算财政拨款支出按支出功能分类：`, `全年累计2.41亿元一般公共预算财政拨款支出按…`: a figure before its name.)
      if (role === 'amount' && BARE_TOTAL_WORDS.test(own)) {
        const end = token.unitSpan?.end ?? token.span.end;
        const named = NAME_AFTER_FIGURE.exec(text.slice(end, end + 40));
        if (named) own = normalizeSubject(named[1]);
      }
      // (`上年机关运行经费决算数为164.25万元，…按可比口径调整后为176.80万元`: the restated figure is the sentence's quantity.)
      if (!own && role === 'prior' && /可比口径|调整后/.test(lead) && list[0]?.ownSubject) own = list[0].subject;
      // (`主要负责人用车1辆，账面价值28.54万元`, `单价100万元以上专用设备4台（套），账面价值1046.87万元`: the value of the things just
      // counted, not one 账面价值 of the whole report.)
      if (ATTRIBUTE.test(own) && previous?.role === 'count' && previous.subject && /^[，,、]?\s*[\u4e00-\u9fff]+$/.test(lead)) own = previous.subject.replace(/^(?:以上|以下)/, '') + own;
      // (`资产总额1025.62万元，其中：车辆3台，46.80万元`, `西陵区12场、67.20万元`: money right after a count, named by nothing, is those things'.)
      else if (role === 'amount' && previous?.role === 'count' && previous.ownSubject && /^[，,、]?$/.test(lead)) own = `${previous.subject.replace(/^(?:以上|以下)/, '')}金额`;
      // (…and so are the attributes after that one: `账面原值746.90万元，累计折旧318.26万元，账面净值428.64万元` are the equipment's.)
      else if (ATTRIBUTE.test(own) && previous?.role === 'amount' && /^[，,、]?\s*[\u4e00-\u9fff]+$/.test(lead)) {
        const of = ATTRIBUTE_ENDING.exec(previous.subject);
        if (of && of.index > 0) own = previous.subject.slice(0, of.index) + own;
      }
      // (`行政单位1个，本年支出7,314.26万元`, `行政单位（1个）支出9,618.27万元`: a year's figure right after a count of a kind of unit is
      // that kind's, not the department's 支出合计.)
      const kind = role === 'amount' && previous?.role === 'count' ? UNIT_KIND.exec(previous.subject)?.[0] : undefined;
      const side = kind && (own === '' || /^(?:收入|支出)(?:合计)?$/.test(own)) ? /^[)）]?[，,]?\s*(?:本年|全年)?(收入|支出)(?:决算)?(?:数)?(?:为)?$/.exec(lead)?.[1] : undefined;
      if (side) own = kind + side;
      // (`预算执行率（10分）得9.6分`: a score after its full marks in brackets is the indicator's the bracket follows.)
      // (`预算执行指标分值15分、得分14.4分`: or after its full marks named so.)
      if (role === 'score' && previous?.role === 'score' && ((/^[)）]\s*(?:得分?|实际得分)(?:为)?$/.test(lead) && previous.depth > depth) || (/^[、，,]?\s*(?:得分?|实际得分)(?:为)?$/.test(lead) && FULL_MARKS.test(previous.subject)))) own = previous.subject.replace(FULL_MARKS, '');
      // (`其余23个单位支出合计46,803.65万元`: the rest of the units' total, no statement of the department's 支出合计.)
      else if (role === 'amount' && previous?.role === 'count' && /^(?:其余|剩余)$/.test(previous.subject) && UNIT_KIND.test(lead.replace(/(?:支出|收入)(?:合计|总额)?$/, ''))) own = previous.subject + own;
      // (`按照政府会计制度财务会计口径，2025年度本部门收入合计5084.62万元，费用合计…`: accrual figures, no statements of the budget
      // accounts' 收入合计.)
      // (Not in a clause of last year's: `；上年收入合计…，费用合计…` are no figures of this year's.)
      if (own.length >= 2 && role === 'amount' && !ACCRUAL_NAME.test(own) && (accrual ??= accrualSentence(model, sentence)) && !/上年|去年/.test(clauseOf(text, token.span.start, sentence.span.start))) own = `财务会计${own}`;
      // (`收入包括一般公共预算财政拨款6,876.17万元、政府性基金预算财政拨款165.00万元…；支出包括…`: a fund named bare in a clause on one
      // side is that side's.)
      if (role === 'amount' && /财政拨款$/.test(own)) own += sideOfClause(text, sentence.span.start, start) ?? '';
      // (`…、2.38%和2.61%`, `所占比例分别为…`: a conjunction or 所 alone names nothing.)
      if (FUNCTION_WORD_ONLY.test(own)) own = '';
      // (`…用于一般公共预算安排的机关运行经费，合计125.09万元`: a bare 合计 totals what the clause before it named.)
      if (own === '' && role === 'amount' && BARE_TOTAL.test(lead)) own = namedBeforeTotal(clauseBefore(text, Math.max(sentence.span.start, start - 1), 40, '，,；;：:。'));
      // (`上年一般公共预算财政拨款支出6089.36万元，本年支出5941.76万元`: this year's figure of the quantity last year's just named.)
      if (role === 'amount' && previous?.role === 'prior' && previous.ownSubject && /^(?:收入|支出)(?:合计)?$/.test(own) && /^[，,]?\s*本年(?:收入|支出)(?:决算)?(?:数)?(?:为)?$/.test(lead) && previous.subject.endsWith(own.replace(/合计$/, ''))) own = previous.subject;
      // `政府性基金预算财政拨款年初结转和结余…，本年收入…，本年支出…，年末结转和结余…。本年支出比上年增加…`: the fund the
      // paragraph's first figure names is the fund of the bare year figures after it (not the department's 收入合计 / 支出合计).
      if (fundFrame && BARE_YEAR_FIGURE.test(own)) own = fundFrame + own.replace(/合计$/, '');
      // (`2022年度财政拨款收入1458.55万元，…，另有年初财政拨款结转和结余157.40万元，收入总计1615.95万元`: the 总计 of a paragraph on
      // 财政拨款 is 财政拨款's, not 公开01表's of all funds.)
      // (So is a joined 收支总计 closing a sentence of 财政拨款 figures, `其中：年初财政拨款结转和结余…，收支总计48848.49万元`; not one after the
      // department's own, `本年收入合计…，年初结转和结余…，收支总计均为…`.)
      else if (fiscalParagraph && (/^(?:收入|支出)总计$/.test(own) || (own === '收入、支出总计' && text.slice(sentence.span.start, start).includes('财政拨款')))) own = `财政拨款${own}`;
      // (Nor its `本年收入6359.85万元，…；本年支出6539.76万元` the department's 本年收入合计 / 本年支出合计.)
      else if (fiscalParagraph && /^(?:收入|支出)(?:合计)?$/.test(own) && /本年(?:收入|支出)$/.test(lead)) own = `财政拨款${own.replace(/合计$/, '')}`;
      else if (role === 'amount') {
        // (`分资金来源看，一般公共预算财政拨款年初结转和结余…、本年收入…；政府性基金预算财政拨款年初结转和结余…、本年收入…`:
        // each fund's opening frames the bare figures after it.)
        const found = FUND_FRAME.exec(own);
        const named = found?.[1] ?? found?.[2];
        if (fundFrame === undefined) fiscalParagraph = FISCAL_OPENING.test(own) || FISCAL_TOTALS.test(own);
        if (fundFrame === undefined) fundFrame = named ?? '';
        else if (fundFrame !== '' && named) fundFrame = named;
      }
      // A year other than the report's scopes the statement (`2023年支出…`); the report year is the default.
      // (Not a year inside a closed bracket: `年初结转和结余（即2023年末结转和结余）100.00万元` is this year's opening.)
      while (asOfIndex + 1 < asOf.length && sentence.span.start + asOf[asOfIndex + 1].index! < token.span.start) asOfIndex++;
      // (`上年收入总计900万元，本年收入总计1000万元`: a figure that says 本年 is this year's after all.)
      // (So does the next of its run: `本年分别为563.68万元、111.62万元`.)
      const thisYear = lastYearOpening && !restatedPrior && ((/本年|当年|今年/.test(lead) && !/上年|去年/.test(lead)) || (previous?.role === 'amount' && previous.year === undefined && previous.token.unit === token.unit && RUN_JOINER.test(lead)));
      // (`收、支总计比2023年度增加…` in a 2024 report: last year, compared with, is not the change's own year. A change since an
      // older year, `比2019年(疫情前)减少…`, stays dated by it: it is another change than the year's.)
      const ownWords = role === 'delta' || role === 'change-rate' ? lead.replace(COMPARED_YEAR, (m) => (model.reportYear !== undefined && m.includes(String(model.reportYear - 1)) ? '' : m)) : lead;
      // (Not a date, `日期:2023-11-17`: when the page was published.)
      // (`2024年比2022年增加56.50万元`: a change since an older year is dated by that year, not by the year it is of.)
      // (Or by the clause before it: `与2022年相比，2024年“三公”经费减少2.75万元`.)
      const since = (role === 'delta' || role === 'change-rate') && model.reportYear !== undefined ? SINCE_YEAR.exec(lead)?.[1] ?? SINCE_CLAUSE.exec(text.slice(Math.max(previous?.token.span.end ?? sentence.span.start, start - SINCE_CLAUSE_REACH), start))?.[1] : undefined;
      // (Brackets and figures both in order: the first bracket not closed before the figure.)
      while (datedAt < datedBrackets.length && datedBrackets[datedAt].end <= token.span.start) datedAt++;
      const dating = datedBrackets[datedAt];
      const inDatedBracket = dating && dating.start < token.span.start ? dating.year : undefined;
      // (The k-th figure of the run of a sentence opening with k years, the first after 分别.)
      // (Or its clause opening with them: `…逐年加大，2016年、2017年、2018年、2019年分别安排…`.)
      if (yearRun === undefined && /分别/.test(lead) && isMoney(token.unit)) {
        const years = YEAR_RUN_LEAD.exec(lead)?.[0].match(/(?:19|20)\d\d/g);
        if (years) yearRun = { at: 0, subject: own, years };
      } else if (yearRun && yearRun.at >= 0) yearRun.at = RUN_JOINER.test(lead) && previous?.token.unit === token.unit && yearRun.at + 1 < yearRun.years.length ? yearRun.at + 1 : -1;
      const runYear = yearRun && yearRun.at >= 0 ? yearRun.years[yearRun.at] : undefined;
      if (runYear && yearRun!.at > 0 && own === '') own = yearRun!.subject;
      // (The report year's figure of the run is this year's, after last year's: `2022年、2023年分别…604.83万元和685.25万元` in 2023.)
      if (runYear !== undefined && Number(runYear) === model.reportYear && role === 'prior') role = 'amount';
      const stated = (since && Number(since) < model.reportYear! - 1 ? since : undefined) ?? ownWords.replace(/（[^（）]*）|\([^()]*\)/g, '').match(/(?<!\d)((?:19|20)\d\d)(?!\d|[-/.．]\d{1,2}[-/.．]\d)/)?.[1] ?? runYear ?? inDatedBracket ?? (asOfIndex >= 0 ? asOf[asOfIndex][1] : thisYear ? undefined : sentenceYear);
      const year = stated && Number(stated) !== model.reportYear ? Number(stated) : undefined;
      // `2023年决算数为X万元` in a 2024 report states last year's figure.
      // (Unless the clause opens with the year and a quantity's name and the clause right after it compares the figure with its
      // own last year, `2021年度支出合计1,613.28万元,较上年决算数增加284.9万元` in a 2022 report: the year's figure with last year's
      // date left on it, which year-mismatch reports. `…13.76万元，2023年度决算数为12.68万元，比上年增加1.08万元` names none, and
      // `“三公”经费支出决算2023年度决算数为45.33万元，比上年减少…` dates last year's figure of the name before it.)
      // (Unless the sentence stated this year's figure of that name first: `2021年度收入、支出总计11688.20万元，2020年度收入、支出总计
      // 12768.41万元，同比减少…` gives last year's beside it.)
      if (role === 'amount' && model.reportYear !== undefined && year === model.reportYear - 1 && (!(YEAR_THEN_NAME.test(lead) && COMPARED_AFTER.test(after)) || (own !== '' && list.some((t) => t.role === 'amount' && t.year === undefined && t.subject === own)))) role = 'prior';
      // (`…（项）支出412.93万元，由两个项目构成：进口冷链…运行项目年初未安排预算，年中追加260.00万元，执行238.65万元`: a project a
      // clause names before any figure of its own names the figures after it.)
      // (So does a clause opening with a name compared with last year: `基本支出与上年相比，增加5.35万元…；项目支出与上年相比，增加15.34万元`.)
      const gapStart = previous?.token.span.end ?? sentence.span.start;
      const project = projectOpenedSince(text, gapStart, start);
      const compared = project === undefined ? comparedOpenedSince(text, gapStart, start) : undefined;
      if (compared !== undefined) clauseNamed = compared;
      inherited = project ?? compared ?? inherited;
      // (Only where the side word alone would leave the figure unnamed.)
      const sideNamed = !own && (role === 'amount' || role === 'budget') && otherSide(lead, inherited) ? otherSideName(lead, inherited) : undefined;
      const unbudgeted = own || project !== undefined || compared !== undefined ? '' : unbudgetedNamedSince(text, gapStart, start);
      const pt: ProseToken = {
        token,
        sentence,
        index: list.length,
        role,
        lead: shareApprox?.lead ?? lead,
        // (`国内公务接待40批次、190人次`: a count joined to a count names what it counts the same way.)
        // (`基本支出占56.91%（3678.53万元）`: the bracketed amount is the share's part.)
        // (`收、支总计各减少2541.87万元，下降7.98%`: the rate right after a change is of the change's figure.)
        subject: own || unbudgeted || sideNamed || (role === 'change-rate' && previous?.role === 'delta' && previous.subject && RATE_AFTER_CHANGE.test(lead) ? previous.subject : '') || (role === 'count' && previous?.role === 'count' && /^[、和及与]?$/.test(lead) ? previous.subject : previous?.role === 'share' && PART_AFTER_SHARE.test(lead) ? previous.subject : otherSide(lead, inherited) || (POSTFIX_TOTAL.test(lead) && inheritedFromPart) ? '' : inherited),
        // (A name the clause opens with is the figure's own: `；差旅费因…增多，增加0.78万元` is no change of the paragraph's total.)
        ownSubject: own !== '' || unbudgeted !== '' || (clauseNamed !== undefined && clauseNamed === inherited && !own && !sideNamed),
        direction: continuesRun && !ownDirection ? previous.direction : role === 'delta' || role === 'change-rate' || role === 'budget-delta' ? directionOf(lead) ?? gapDirection(lead) ?? (NEW_THIS_YEAR.test(lead) ? 'up' : undefined) : undefined,
        year,
        since: year !== undefined && since !== undefined && year === Number(since) && (/本年|今年|当年/.test(lead) || lead.includes(`${model.reportYear}年`)) ? true : undefined,
        continuesRun,
        depth,
        approx: approximation?.approx ?? (aboutInRun ? 'about' : shareApprox?.approx ?? (role === 'change-rate' ? rateApproximation(lead, after, token) : undefined)),
      };
      // (`机关运行经费支出原公开为420.15万元，现更正为402.15万元`: the corrected figure is of the quantity the withdrawn one was named for;
      // `“三公”经费支出决算相应更正为38.24万元` names its own.)
      if (CORRECTION_LEAD.test(lead) && !/分别(?:更正|修正)为$/.test(lead) && pt.role !== 'other') {
        const named = (own || '').replace(CORRECTION_WORDS, '');
        const withdrawn = previous?.role === 'other' && WITHDRAWN_BEFORE.test(previous.lead) ? previous.subject.replace(WITHDRAWN_NAME_END, '') : '';
        const subject = named.length >= 2 ? named : withdrawn;
        if (subject.length >= 2) {
          pt.subject = subject;
          pt.ownSubject = true;
        }
      }
      // (`年初预算数为343.99万元，年中调减8.07万元，全年预算数为335.92万元`: an adjustment names no figure after it.)
      // (Nor does a bound, `一般公共预算财政拨款支出近2.4亿元，同比增长8.42%`, leave the change after it to an earlier figure's name.)
      // (A refund set against the spending leaves the figures after it unnamed: `全年发放农村低保金4138.94万元，收回…低保金12.36万元冲减
      // 当年支出，支出决算4126.58万元` is net of it, neither the payments' figure nor the refund's.)
      if (depth === 0 && OFFSET_AFTER.test(after)) {
        inherited = '';
        outer = { inherited, fromPart: false };
      // (Nor does money carried in to a budget, `…年中追加900.00万元，上年结转156.80万元，全年预算数2256.80万元，全年执行数…`.)
      } else if ((own || sideNamed) && (role === 'amount' || role === 'budget' || (role === 'other' && approximation !== undefined)) && !ADJUSTMENT_NAME.test(own) && !/^(?:年初|上年)结转(?:资金)?$/.test(own)) {
        inherited = own || sideNamed!;
        inheritedFromPart = true;
        if (depth === 0) outer = { inherited, fromPart: true };
        else namedInside = true;
      }
      take(pt);
    }
    bySentence.set(sentence.id, list);
  }
  inheritFromTitleSentences(model, bySentence);
  nameFundParts(model.text, bySentence);
  qualifyFundClauses(model.text, bySentence);
  qualifyUnitFigures(bySentence);
  qualifyItemFlows(bySentence);
  qualifyCountedItemFlows(bySentence);
  ratesWrittenAsPoints(bySentence);
  nameRespectively(bySentence);
  nameBracketedRuns(bySentence);
  nameCorrections(bySentence);
  nameAgreedFigures(model.text, tokens);
  if (model.reportYear !== undefined) dateRespectively(bySentence, model.reportYear);
  return { tokens, bySentence, byToken };
}

/**
 * `以上合计支出决算9583.16万元，与一般公共预算财政拨款支出总额一致`: a figure the report says agrees with a quantity it states is
 * that quantity, stated again. (Not an agreement with last year, a budget or a table: `与上年持平`, `与年初预算一致`.)
 */
function nameAgreedFigures(text: string, tokens: ProseToken[]): void {
  for (const t of tokens) {
    if (t.role !== 'amount') continue;
    const end = t.token.unitSpan?.end ?? t.token.span.end;
    // (Most figures are followed by no comma: no slice for them.)
    if (text[end] !== '，' && text[end] !== ',') continue;
    const agreed = AGREES_WITH.exec(text.slice(end, end + 40));
    if (!agreed || NOT_A_STATED_QUANTITY.test(agreed[1].replace(FUND_NAMES, ''))) continue;
    const name = normalizeSubject(agreed[1]);
    // (Not the other side's: `财政拨款支出总计52410.42万元，与收入总计相等` states the balance of two figures, each its own.)
    const [own, other] = [sideOf(t.subject), sideOf(name)];
    if (t.ownSubject && own && other && own !== other) continue;
    if (name.length >= 4) t.subject = name;
  }
}
const AGREES_WITH = /^[，,]\s*(?:与|和|同)\s*([^，,。；;：:\d]{4,30}?)(?:总额|总数|金额)?(?:一致|相符|相等|相同)/;
const NOT_A_STATED_QUANTITY = /上年|去年|同期|以前|预算|表|账|报表|批复|核定|口径|规定/;

/**
 * `比上年的9.86万元增加0.37万元，上升3.75个百分点`, `分别增长3.25%和增长52.27个百分点`: in a sentence of money changes and no
 * shares or rates as levels, 个百分点 after a growth word is the rate of an amount's change written with the wrong unit: it is
 * read as the rate (pointsAsRate), and change-mismatch says so.
 */
function ratesWrittenAsPoints(bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    if (!tokens.some((t) => t.role === 'points') || !tokens.some((t) => (t.role === 'delta' || t.role === 'prior') && isMoney(t.token.unit))) continue;
    if (tokens.some((t) => t.token.unit === '%' && t.role !== 'change-rate')) continue;
    for (const t of tokens) {
      // (Not `增速比上年上升2个百分点`: a difference of rates is in points.)
      if (t.role !== 'points' || !RATE_WORD_BEFORE_POINTS.test(t.lead) || /增速|速度|比重|占比|率|幅度/.test(t.lead.replace(RATE_WORD_BEFORE_POINTS, ''))) continue;
      t.role = 'change-rate';
      t.pointsAsRate = true;
      // (Named as a rate is: `其中人员经费同比增长5.83个百分点` is 人员经费's.)
      t.subject = t.subject.replace(/(?:同比|(?:比|较)上年)?(?:增长|下降|上升|降低|增幅|减幅|降幅)$/, '');
      if (t.subject === '') t.ownSubject = false;
    }
  }
}
const RATE_WORD_BEFORE_POINTS = /(?:增长|下降|上升|降低|增幅|减幅|降幅)(?:了|为|达)?\s*$/;

/** A sentence that breaks the department's figures down by unit: `分单位看：`, `按单位分：`. */
const BY_UNIT = /^[^，,。；;：:]{0,24}?(?:分单位看|按单位分|按单位划分|按单位看|从单位看|从各单位看|分单位情况)[，,：:]/;
/** `年中调减`, `追加预算`: the name of a budget's adjustment. */
// (Or `年中追加（减）`, and money handed down in the year, `年中上级下达`.)
// (And what was added, `年中追加因公出国（境）费预算3.00万元`: the adjustment, not that quantity's budget.)
// (With its reason or purpose first: `因缴费基数调整追加4.28万元`, `汛期应急抢险追加30.00万元`.)
/** Words after a refund's figure setting it against the spending: `收回…12.36万元冲减当年支出`. */
export const OFFSET_AFTER = /^[\s，,]*(?:冲减|抵减|冲抵)/;
const ADJUSTMENT_NAME = /^(?:年中|年度中|年内|因[^，,。；;\d]{1,16}?|[\u4e00-\u9fff]{2,8}?)?(?:追加|调减|调增|追减|核减|核增)(?:[（(][减增][)）])?(?:预算|资金)?$|^(?:年中|年度中|年内)?调整(?:数|额|金额)$|^(?:年中|年度中|年内)(?:上级)?(?:下达?|追加下达)$|^(?:年中|年度中|年内)(?:追加|调减|调增|追减)/;

/**
 * `…支出36.84万元，其中基本支出6.20万元、项目支出30.64万元`: the figure a 其中 run of amounts breaks down, for one of its parts;
 * undefined for any other figure.
 */
export function wholeOfPart(tokens: ProseToken[], part: ProseToken): ProseToken | undefined {
  // (`tokens` are the part's sentence's; a total from another sentence is no part of this one's run.)
  if (part.role !== 'amount' || tokens[part.index] !== part) return undefined;
  // (What stands between two parts: a note in brackets and a joiner, `18.40万元（编外执法辅助人员经费），项目支出84.36万元`.)
  const joined = (t: ProseToken) => {
    const prev = tokens[t.index - 1];
    const from = (prev.token.unitSpan ?? prev.token.span).end - t.sentence.span.start;
    const gap = t.sentence.text.slice(from, t.token.span.start - t.sentence.span.start - t.lead.length);
    return /^\s*(?:[（(][^（）()]*[)）])?\s*[、，,和及]\s*$/.test(gap) || /^[、，,和及]/.test(t.lead);
  };
  let k = part.index;
  while (k > 0 && !/其中/.test(tokens[k].lead) && tokens[k - 1].role === 'amount' && tokens[k - 1].depth === part.depth && joined(tokens[k])) k--;
  const whole = tokens[k - 1];
  return k > 0 && /^[，,：:]?\s*其中[：:，,]?/.test(tokens[k].lead) && whole.role === 'amount' && whole.depth === part.depth && whole.token.unit === part.token.unit ? whole : undefined;
}

/** A paragraph opening with a unit's name as its label: `（1）局机关：`, `2.临川区图书馆：`. */
const UNIT_LABEL = /(?:^|\n)\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.、．]|[-*+•·](?=\s))\s*([^，,。；;：:\d（）()“”]{0,22}?(?:局机关|机关|本级|中心|站|所|馆|院|学校|中学|小学|幼儿园|医院|队|处|场|社|园|大队|支队))\s*[：:]/;
/** A sentence opening with a unit's name and what it holds: `场馆中心包括5个项目支出…`, `2、体育局共有项目9个…`. */
const UNIT_OPENER = /^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.、．])?\s*((?!本)[^，,。；;：:\d（）()“”]{1,22}?(?:局机关|机关|本级|中心|站|所|馆|院|学校|中学|小学|幼儿园|医院|队|处|社|大队|支队|局))(?:包括|共有|共计|有)/;
/** How a unit's name ends: `局机关`, `区公证处`, `法援中心`, `清河街道`. */
const UNIT_NAME_END = /(?:本级|机关|局|中心|站|所|处|馆|院|校|园|队|室|办|委|会|社|场|街道|镇|乡)$/;
/** A unit's name within a figure's: `区疾病预防控制中心政府采购`. */
const UNIT_WORD = new RegExp(UNIT_NAME_END.source.replace(/\$$/, ''));
/** A `；` ending a clause (searched from a position on). */
const CLAUSE_BREAK = /[；;]/g;
/** A clause framed by a budget, `年初预算中，…`, `全年预算数中`: its figures are that budget's, none spent. */
const BUDGET_FRAME = /(?:^|[，,：:])\s*(?:年初|全年|调整后?的?)?预算数?中[，,：:]?(?![^，,；;。]*决算)/;
/** A score's full marks named so: `预算执行指标分值`, `满分`. */
export const FULL_MARKS = /(?:分值|满分)$/;
/** A unit's name before a figure's: `丰泽县道路运输服务中心年初结转和结余`, `丰泽县公路管理段本年支出`. */
const UNIT_BEFORE_FIGURE = /^([^，,。；;：:\d]{2,24}?(?:中心|站|所|处|馆|院|学校|园|大队|支队|段|场|局机关|机关本级))(?=年初|年末|本年|上年|当年|财政拨款|结转|使用|提取)/;
/** The words of a unit's figure that name only its side: `收入`, `本年支出`, `支出同比减少`. */
const LABELLED_SIDE = /^[，,；;]?\s*(?:本年)?(收入|支出)(?:合计|决算)?(?:数)?(?:为|是|同比|较上年|比上年)?/;
/** A figure named by its bare total word: `收入合计` (本年收入), `支出合计`. */
const BARE_SIDE_TOTAL = /^(?:收入|支出)(?:合计)?$/;
/** What a unit's figure is named after the unit: `局机关支出`, `社保中心收入`. */
const UNIT_TOTAL_WORD = /(?:支出|收入)(?:合计|总额)?(?:决算)?$/;

/**
 * `分单位看：局机关支出920.21万元（基本支出460.32万元、项目支出459.89万元）；区疾控中心支出…`: the figures in a unit's bracket are
 * that unit's (`局机关基本支出`), never the department's 基本支出 or 项目支出 the tables and the rest of the prose state.
 */
function qualifyUnitFigures(bySentence: Map<number, ProseToken[]>): void {
  // (`按单位分：` / `（1）局机关：本年支出1569.87万元，占55.36%，比上年减少…`: a paragraph labelled with a unit's name states that
  // unit's figures, up to the paragraph's end.)
  let labelled: { paragraph: number; unit: string } | undefined;
  for (const tokens of bySentence.values()) {
    const sentence = tokens[0]?.sentence;
    if (!sentence) continue;
    if (labelled?.paragraph !== sentence.paragraph) {
      // (The label may follow the list's opening line the paragraph joined: `按单位分：` / `（1）局机关：…`.)
      const unit = UNIT_LABEL.exec(sentence.text.slice(0, tokens[0].token.span.start - sentence.span.start))?.[1];
      labelled = unit ? { paragraph: sentence.paragraph, unit } : undefined;
    }
    if (labelled) {
      for (const t of tokens) {
        t.ofUnit = labelled.unit;
        t.unitLabelled = true;
        // (`* 北川县公路事业发展中心：收入2670.01万元，支出2721.44万元…；支出同比减少73.79万元`: the side a bare figure's words name.)
        const side = t.subject === labelled.unit ? LABELLED_SIDE.exec(t.lead)?.[1] : undefined;
        if (side) {
          t.subject = labelled.unit + side;
          t.ownSubject = true;
        }
        else if (t.subject && !t.subject.startsWith(labelled.unit)) t.subject = labelled.unit + t.subject;
      }
      continue;
    }
    // (`场馆中心包括5个项目支出272.29万元。`: a sentence opening with a unit's name states that unit's figures.)
    const opener = UNIT_OPENER.exec(sentence.text.slice(0, tokens[0].token.span.start - sentence.span.start))?.[1];
    if (opener) {
      for (const t of tokens) {
        t.ofUnit = opener;
        if (t.subject && !t.subject.startsWith(opener)) t.subject = opener + t.subject;
      }
      continue;
    }
    if (!BY_UNIT.test(sentence.text)) continue;
    let unit = '';
    let clauseEnd = sentence.span.start;
    for (const t of tokens) {
      // (A unit's clause runs to its `；`: its first figure names the unit, the others in it are that unit's,
      // `区疾病预防控制中心政府采购支出2146.09万元，授予中小企业1748.30万元`.)
      const opensClause = t.token.span.start >= clauseEnd;
      if (opensClause) {
        // (Searched from the figure on, not on a copy of the rest: a sentence of many clauses stays linear.)
        CLAUSE_BREAK.lastIndex = t.token.span.end - sentence.span.start;
        const next = CLAUSE_BREAK.exec(sentence.text);
        clauseEnd = next ? sentence.span.start + next.index : sentence.span.end;
      }
      // (A unit's name mid-clause opens its figures all the same, `…10.53万元中：局机关6.96万元，区公证处3.49万元`, as does a figure
      // named as a unit's, `其中：中小学校…支出36985.40万元，其他事业单位支出1442.42万元`.)
      // (Only a unit's: `按车辆用途分：主要负责人用车0辆，执法执勤用车19辆` names kinds, each its own.)
      if (t.depth === 0 && (opensClause || !UNIT_WORD.test(unit) || UNIT_NAME_END.test(t.subject) || UNIT_TOTAL_WORD.test(t.subject))) {
        // (`分单位看，丰泽县道路运输服务中心年初结转和结余90.21万元，本年收入1151.40万元，…`: the unit named before a figure's own name,
        // whose bare 本年收入 after it is the unit's too.)
        const named = t.ownSubject ? UNIT_BEFORE_FIGURE.exec(t.subject)?.[1] ?? t.subject.replace(UNIT_TOTAL_WORD, '') : unit;
        if (named === '' && !opensClause && UNIT_WORD.test(unit) && BARE_SIDE_TOTAL.test(t.subject)) {
          t.ofUnit = unit;
          t.subject = unit + t.subject;
          continue;
        }
        unit = named;
        if (unit) t.ofUnit = unit;
        continue;
      }
      if (!unit || t.subject.startsWith(unit)) continue;
      t.ofUnit = unit;
      t.subject = unit + t.subject;
    }
  }
}

/**
 * `其中：一般公共预算财政拨款本年收入2243.39万元、年初结转42.00万元，本年支出2285.39万元；政府性基金预算财政拨款本年收入…`: a clause opened
 * by a fund's figure states that fund's figures after it, up to its `；`; their bare names (`本年支出`, `年初结转`) are the fund's.
 */
function qualifyFundClauses(text: string, bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    let fund: string | undefined;
    let fundDepth = 0;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      // (A `；` inside the bracket after the fund's total, `各37995.79万元（…本年收入37027.49万元；本年支出…）`, is still the fund's.)
      if (k > 0 && t.depth <= fundDepth && /[；;。]/.test(text.slice(tokens[k - 1].token.span.end, t.token.span.start))) fund = undefined;
      const own = FUND_OPENING.exec(t.lead)?.[1];
      if (own && t.ownSubject) {
        fund = own;
        fundDepth = t.depth;
        continue;
      }
      if (fund && t.ownSubject && (t.role === 'amount' || t.role === 'budget') && FUND_BARE_QUANTITY.test(t.lead.replace(/^[、，,和及]+/, ''))) t.subject = `${fund}${t.lead.replace(/^[、，,和及]+/, '').replace(/^本年/, '')}`;
    }
  }
}
/**
 * `城市建设支出（项）年初结转和结余320.00万元，本年收入1850.00万元，本年支出2012.60万元，年末结转和结余157.40万元`: a line opened by a
 * 科目's figure states that 科目's flows after it; their bare names are the 科目's, not the fund's or the department's.
 */
function qualifyItemFlows(bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    const first = tokens[0];
    const item = first?.ownSubject && first.depth === 0 ? ITEM_OPENING.exec(first.lead.replace(/^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])?\s*/, ''))?.[1] : undefined;
    if (!item) continue;
    for (let k = 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (/[；;。]/.test(t.sentence.text.slice(tokens[k - 1].token.span.end - t.sentence.span.start, t.token.span.start - t.sentence.span.start))) break;
      const bare = t.lead.replace(/^[、，,和及]+/, '');
      if (t.depth === 0 && (t.role === 'amount' || t.role === 'budget') && FUND_BARE_QUANTITY.test(bare)) t.subject = `${item}${bare}`;
    }
  }
}
/**
 * `1.集中采购23个项目，预算金额250.29万元，实际采购229.39万元，节约20.90万元`, `3. 竞争性谈判：8个项目，采购预算80.59万元，…`: a numbered
 * line opened by a kind and its count states that kind's flows; their bare names are the kind's.
 */
function qualifyCountedItemFlows(bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    const first = tokens[0];
    if (!first || first.depth !== 0 || !ENUMERATED_OPENING.test(first.sentence.text)) continue;
    // (From the sentence's words, not the count's lead: a label before a colon, `7. 框架协议：实施8个`, opens the sentence apart.)
    // (Or a kind labelled without a count, `1.货物类：采购预算393.82万元，实际采购360.38万元，…节约资金33.44万元`.)
    const counted = first.role === 'count';
    const kind = counted ? COUNTED_KIND.exec(first.sentence.text.slice(0, first.token.span.start - first.sentence.span.start).replace(ENUMERATED_OPENING, ''))?.[1] : LABELLED_KIND.exec(first.sentence.text)?.[1];
    if (!kind) continue;
    let named: ProseToken | undefined;
    for (let k = counted ? 1 : 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (k > 0 && /[；;。]/.test(t.sentence.text.slice(tokens[k - 1].token.span.end - t.sentence.span.start, t.token.span.start - t.sentence.span.start))) break;
      const bare = t.lead.replace(/^.*[：:]/, '').replace(/^[、，,和及]+/, '');
      // (Under a label, only its amounts are named anew; the saving and the rates after them are the last one's, as they were.)
      if (!counted && (t.role !== 'amount' && t.role !== 'budget')) {
        if (!t.ownSubject && named) t.subject = named.subject;
        continue;
      }
      if (t.depth === 0 && BARE_FLOW.test(bare)) {
        named = t;
        // (The count stays in the name: `1. 公开招标115个，采购预算375263.42万元` for the whole region and `1. 公开招标：4个项目，采购预算
        // 356.67万元` for the department are two kinds of figure.)
        t.subject = `${kind}${counted ? `（${first.token.raw}${first.token.unitText}）` : ''}${bare.replace(/(?:为|是)$/, '')}`;
        t.ownSubject = true;
      }
    }
  }
}
/** `1.货物类：`: a numbered line's kind before its colon. */
const LABELLED_KIND = /^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])\s*([\u4e00-\u9fff（）()]{2,12}?)[：:]/;
const ENUMERATED_OPENING = /^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])\s*/;
/** The kind a numbered line counts: `集中采购` in `集中采购23个项目`, `竞争性谈判：`. */
const COUNTED_KIND = /^([\u4e00-\u9fff（）()]{2,16}?)[：:]?(?:共|实施|完成)?(?:项目)?$/;
/** The bare names of a kind's flows: its budget, its actual, its saving. */
const BARE_FLOW = /^(?:采购预算|预算金额|预算数|实际采购(?:金额)?|成交金额|中标金额|合同金额|节约(?:资金)?|资金节约率|节约率)(?:为|是)?$/;

/**
 * A line's opening 科目 name before its first figure's words: `城市建设支出（项）` in `城市建设支出（项）年初结转和结余`; or the word
 * pointing back to its paragraph's item (`该项目年初结转24.30万元，本年安排56.00万元，本年支出61.42万元`).
 */
const ITEM_OPENING = /^([^，,。；;：:\d]{2,40}?[（(][类款项][)）]|该项目|该科目)(?=(?:年初|本年|年末|上年)?[^（()）]{0,12}$)/;

/** A figure named by its fund first: `一般公共预算财政拨款本年收入`. */
const FUND_OPENING = /^[、，,；;：:]?(?:其中[：:，,]?)?((?:一般公共预算|政府性基金预算|国有资本经营预算)财政拨款)(?:本年)?(?:收入|支出|年初|年末)/;
/** The bare names a fund's clause goes on with. */
// (Not `年初财政拨款结转和结余`: all funds' balance, named so.)
const FUND_BARE_QUANTITY = /^(?:本年)?(?:收入|支出)$|^(?:年初|年末)结转(?:和结余)?$/;

/** A list of one side's figures: `收入包括：`, `支出主要有：`. */
const SIDE_LIST = /(收入|支出)(?:主要)?(?:包括|构成为|有)[：:]/;
/** A fund's name alone: `政府性基金预算财政拨款`. */
const BARE_FUND = /^(?:一般公共预算|政府性基金预算|国有资本经营预算)财政拨款$/;

/**
 * `年初财政拨款结转和结余94.40万元，其中：一般公共预算财政拨款22.15万元，政府性基金预算财政拨款72.25万元`: a part named by its
 * fund alone is that fund's share of the quantity the list breaks down (`政府性基金预算财政拨款年初结转和结余`), not the fund's
 * spending or income stated elsewhere.
 */
function nameFundParts(text: string, bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    // The whole each renamed part was found under: the next fund's part is under it too.
    const wholeOf = new Map<ProseToken, ProseToken>();
    for (const t of tokens) {
      if (t.role !== 'amount' || !BARE_FUND.test(t.subject)) continue;
      // (`收入包括：一般公共预算财政拨款727.69万元、…；支出包括：…`: the side its list names.)
      const before = text.slice(t.sentence.span.start, t.token.span.start);
      const side = SIDE_LIST.exec(before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')) + 1))?.[1];
      if (side) {
        t.subject += side;
        continue;
      }
      let whole: ProseToken | undefined;
      for (let k = t.index - 1; k >= 0 && !whole; k--) if (tokens[k].role === 'amount' && /财政拨款/.test(tokens[k].subject) && !BARE_FUND.test(tokens[k].subject)) whole = wholeOf.get(tokens[k]) ?? tokens[k];
      if (!whole) continue;
      const between = text.slice(whole.token.span.end, t.token.span.start);
      const quantity = whole.subject.replace('财政拨款', '').replace(/^本年/, '');
      if (!/其中/.test(between) || /[；;]/.test(between.slice(between.lastIndexOf('其中'))) || quantity === '' || /^(?:一般公共预算|政府性基金预算|国有资本经营预算)/.test(quantity)) continue;
      t.subject += quantity;
      wholeOf.set(t, whole);
    }
  }
}

/** Brackets of the sentence that open with a year (`（2023年全年预算…，支出决算…）`), as document offsets. */
function bracketsOpeningWithYear(sentence: Sentence, reportYear: number | undefined): Array<{ start: number; end: number; year: string }> {
  const found: Array<{ start: number; end: number; year: string }> = [];
  const text = sentence.text;
  for (const m of allMatches(BRACKET_OPENING_YEAR, text)) {
    // (`（上年更新购置公务用车1辆，购置费24.51万元）`: last year's, when the report's year is known.)
    const year = m[1] ?? (reportYear !== undefined ? String(reportYear - 1) : undefined);
    if (!year) continue;
    let depth = 0;
    // (A bracket that dates figures is a clause or two: not scanned past that, whatever the text.)
    let end = Math.min(text.length, m.index! + DATED_BRACKET_REACH);
    for (let i = m.index!; i < end; i++) {
      const c = text.charAt(i);
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && --depth === 0) {
        end = i;
        break;
      }
    }
    found.push({ start: sentence.span.start + m.index!, end: sentence.span.start + end, year });
  }
  return found;
}
const BRACKET_OPENING_YEAR = /[（(]\s*(?:((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)|(上年|去年)(?!末|底|结转|年末|同期))/g;
const DATED_BRACKET_REACH = 200;

/**
 * `基本支出和项目支出分别为600.00万元和634.56万元`: the names before 分别 belong, in order, to the
 * amounts after it. The names may also stand in the clause before (`主要用于A、B和C，分别为…`) or head the
 * sentence (`（3）A（项）、（4）B（项）：年初预算分别为…，支出决算分别为…`), and each 分别为 of the sentence
 * names its own run.
 */
function nameRespectively(bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    if (tokens.length < 2) continue;
    const sentence = tokens[0].sentence;
    const text = sentence.text;
    if (!text.includes('分别') && !text.includes('各')) continue;
    const runs = allMatches(RESPECTIVELY_IS, text);
    runs.forEach((found, k) => {
      const at = found.index!;
      const from = clauseStart(text, at);
      const after = sentence.span.start + at + found[0].length;
      // (The run ends at its `；` or at the next 分别为: `…分别为0.00万元、32.55万元；公务用车…`.)
      const semicolon = text.indexOf('；', at);
      const next = runs[k + 1]?.index ?? text.length;
      const runEnd = sentence.span.start + Math.min(semicolon < 0 ? text.length : semicolon, next);
      const following: ProseToken[] = [];
      for (let i = lowerBound(tokens, (t) => t.token.span.start, after); i < tokens.length && tokens[i].token.span.start < runEnd; i++) {
        // (And at the bracket it stands in: `（其中：退休费、生活补助、奖励金分别为31.74万元、7.46万元、0.91万元）），公用经费134.51万元`.)
        if (following.length > 0 && tokens[i].depth < following[0].depth) break;
        if (tokens[i].role === 'amount' || tokens[i].role === 'budget') following.push(tokens[i]);
      }
      // `…分别为x、y，合计z`: z is their total, not a third value.
      const totalAt = following.findIndex((t, k) => k > 0 && /合计|共计|总计/.test(t.lead));
      const amounts = totalAt < 0 ? following : following.slice(0, totalAt);
      if (totalAt >= 0) {
        following[totalAt].subject = '';
        following[totalAt].ownSubject = false;
      }
      if (amounts.length < 2) return;
      // (`X（项）。年初预算、调整预算和支出决算分别为A、B、C`: the item's budgets and its actual, not three items: each figure
      // takes the role its word gives, and keeps the item's name.)
      const kinds = text.slice(from, at).split(/[、和及与]/).map((w) => w.trim());
      if (kinds.length === amounts.length && kinds.every((w) => BUDGET_OR_ACTUAL.test(w))) {
        amounts.forEach((t, i) => {
          t.role = /预算|计划/.test(kinds[i]) ? 'budget' : 'amount';
          t.lead = kinds[i];
          if (i === 0 && !t.ownSubject) return;
          if (i === 0) {
            t.subject = amounts[1].subject;
            t.ownSubject = amounts[1].ownSubject;
          }
        });
        return;
      }
      const names = respectiveNames(text, from, at, amounts.length);
      if (!names) return;
      amounts.forEach((t, i) => {
        t.subject = names[i];
        t.ownSubject = true;
      });
    });
  }
}

/** `A误录为29.68万元，B相应误录为82.02万元，现分别更正为29.86万元和82.20万元`: the corrected run names, in order, the withdrawn figures'. */
function nameCorrections(bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    const k = tokens.findIndex((t) => /分别(?:更正|修正)为$/.test(t.lead));
    if (k < 0) continue;
    const withdrawn = tokens.slice(0, k).filter((t) => t.role === 'other' && WITHDRAWN_BEFORE.test(t.lead));
    const run = [tokens[k]];
    for (let i = k + 1; i < tokens.length && /^[、和及]$/.test(tokens[i].lead); i++) run.push(tokens[i]);
    if (run.length !== withdrawn.length) continue;
    run.forEach((t, i) => {
      t.subject = withdrawn[i].subject.replace(WITHDRAWN_NAME_END, '');
      t.ownSubject = true;
    });
  }
}

/**
 * `公共安全支出、社会保障和就业支出、卫生健康支出和住房保障支出（1429.95、208.67、83.01、93.81万元）`: a run of figures in a bracket right
 * after as many names is theirs, in order.
 */
function nameBracketedRuns(bySentence: Map<number, ProseToken[]>): void {
  for (const tokens of bySentence.values()) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const first = tokens[i];
      if (first.depth === 0 || !/[（(]$/.test(first.lead)) continue;
      const run = [first];
      for (let k = i + 1; k < tokens.length && tokens[k].depth === first.depth && /^[、，,和及]$/.test(tokens[k].lead) && tokens[k].role === first.role; k++) run.push(tokens[k]);
      i += run.length - 1;
      if (run.length < 2 || (first.role !== 'amount' && first.role !== 'budget')) continue;
      const text = first.sentence.text;
      const at = first.token.span.start - first.sentence.span.start - 1;
      const names = namesIn(text.slice(clauseStart(text, at), at));
      if (names.length !== run.length) continue;
      run.forEach((t, k) => {
        t.subject = names[k];
        t.ownSubject = true;
      });
    }
  }
}

/** A budget or the actual of one quantity, named alone: `年初预算`, `调整预算`, `全年预算数`, `支出决算`, `决算数`. */
const BUDGET_OR_ACTUAL = /^(?:(?:年初|全年|调整后?的?|调整)?预算数?|(?:支出)?决算数?|执行数|实际支出)$/;

// (`收、支总计各是4125.49,4143.91万元`: 各 before two figures pairs them too; before one, both are that figure.)
// (`A、B、C分别支出12436.80万元、28650.35万元和14374.61万元`: a verb in place of 为.)
const RESPECTIVELY_IS = /分别(?:约|大约)?(?:为|是|达到?|(?:支出|收入|安排|拨付|使用|列支|实现)(?=\s*[0-9０-９]))|各(?:为|是)(?=\s*[0-9０-９])/g;

/**
 * `2022年至2024年，本部门支出合计分别为362.36万元、407.43万元、418.86万元…其中：基本支出分别为…`: years named before 分别 date,
 * in order, the figures of each run after it with as many figures as years. The report's year stays undated; last year's
 * figure becomes last year's (as `2023年决算数为…` does).
 */
function dateRespectively(bySentence: Map<number, ProseToken[]>, reportYear: number): void {
  // (`…分别为…。其中：基本支出分别为…`: the years go on into the 其中 sentence after.)
  let before: { paragraph: number; list: number[] } | undefined;
  // (`近三年本年支出合计变化情况：2016年…，2017年…，2018年…。` then `同期基本支出分别为…`: the years the section named last.)
  let recent: { section?: number; list: number[] } | undefined;
  for (const tokens of bySentence.values()) {
    if (tokens.length < 2) continue;
    const sentence = tokens[0].sentence;
    const text = sentence.text;
    const respectively = text.includes('分别');
    const named = respectively || /近|(?:19|20)\d\d\s*年度?[^，,；;。]{0,3}[、，,和及至到—－~～-]/.test(text) ? namedYears(text, reportYear) : undefined;
    if (named) recent = { section: sentence.section, list: named.list };
    if (!respectively) continue;
    const years =
      named ??
      (before?.paragraph === sentence.paragraph && /^\s*其中/.test(text) ? { list: before.list, at: 0 } : undefined) ??
      (recent && /^\s*同期/.test(text) && recent.section === sentence.section ? { list: recent.list, at: 0 } : undefined);
    if (!years) continue;
    before = { paragraph: sentence.paragraph, list: years.list };
    const start = sentence.span.start;
    const runs = allMatches(RESPECTIVELY_IS, text);
    // (Runs and figures both in order: one pass over the figures for all runs.)
    let next = 0;
    runs.forEach((found, k) => {
      if (found.index! < years.at) return;
      const after = start + found.index! + found[0].length;
      const semicolon = text.indexOf('；', found.index!);
      const runEnd = start + Math.min(semicolon < 0 ? text.length : semicolon, runs[k + 1]?.index ?? text.length);
      while (next < tokens.length && tokens[next].token.span.start < after) next++;
      const run: ProseToken[] = [];
      // (The run is its figures joined by 、 / 和: not one named by words of its own after it, `，2025年度年末结转12.40万元`.)
      for (let i = next; i < tokens.length && tokens[i].token.span.start < runEnd; i++) {
        if (tokens[i].role !== 'amount' && tokens[i].role !== 'budget' && tokens[i].role !== 'prior') continue;
        // (A bracket after a figure, `65892.18万元（可比口径）和70958.26万元`, says how it is counted, and no name.)
        if (run.length > 0 && /[\u4e00-\u9fff]{2}/.test(tokens[i].lead.replace(/[（(][^（）()]*[)）]/g, '').replace(/^[\s、，,；;和及与]+/, ''))) break;
        run.push(tokens[i]);
      }
      if (run.length !== years.list.length) return;
      run.forEach((t, i) => {
        const year = years.list[i];
        t.year = year === reportYear ? undefined : year;
        if (year === reportYear - 1 && t.role === 'amount') t.role = 'prior';
        else if (year === reportYear && t.role === 'prior') t.role = 'amount';
      });
    });
  }
}

/** `2022年至2024年` (each year of the range), `2022年、2023年和2024年`: the years a sentence names in order, and where. */
function namedYears(text: string, reportYear: number): { list: number[]; at: number } | undefined {
  const range = YEAR_RANGE.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to <= from || to - from > 9) return undefined;
    return { list: Array.from({ length: to - from + 1 }, (_, i) => from + i), at: range.index };
  }
  const listed = YEAR_LIST.exec(text);
  // (`近三年机关运行经费支出分别为445.62万元、428.15万元和402.36万元`: the report's year and those before it.)
  const recent = listed ? null : RECENT_YEARS.exec(text);
  if (recent) {
    const count = RECENT_COUNT[recent[1]] ?? Number(recent[1]);
    return { list: Array.from({ length: count }, (_, i) => reportYear - count + 1 + i), at: recent.index };
  }
  if (!listed) return undefined;
  return { list: listed[0].match(/(?:19|20)\d\d/g)!.map(Number), at: listed.index };
}
const RECENT_YEARS = /近\s*([两三四五2-5])\s*(?:个)?(?:会计)?年度?/;
const RECENT_COUNT: Record<string, number> = { 两: 2, 三: 3, 四: 4, 五: 5 };
// (`2022—2024年`: the first year may go without its 年.)
const YEAR_RANGE = /((?:19|20)\d\d)\s*(?:年度?)?\s*(?:至|到|—|－|-|–|～|~)\s*((?:19|20)\d\d)\s*年度?/;
const YEAR_LIST = /(?:19|20)\d\d\s*年度?(?:\s*[、，,和及与]\s*(?:19|20)\d\d\s*年度?)+/;

/** `收、支总计`, `收入、支出总计`: the two sides of one name. */
const JOINED_SIDES = /^(.*?)收入?、支出?(.*)$/;

/** Where the clause ending at `at` starts (searched back by hand: a lazy regex over a long sentence without breaks is quadratic). */
function clauseStart(text: string, at: number): number {
  let from = at;
  while (from > 0 && !/[，,。；;：:]/.test(text.charAt(from - 1))) from--;
  return from;
}

const namesIn = (clause: string) => splitJoinedNames(clause).map((n) => normalizeSubject(n)).filter(Boolean);
/** The names of a clause parted at its 、 only, the last one's tail (`…本年收入`) shared as splitJoinedNames shares it. */
function namesAtCommas(clause: string): string[] {
  // (和 hidden from splitJoinedNames, then put back.)
  return splitJoinedNames(clause.replace(/和/g, '\u0000')).map((n) => normalizeSubject(n.replace(/\u0000/g, '和'))).filter(Boolean);
}

/** `count` names for the run after the 分别 at `at`, whose clause starts at `from`; undefined when no place names that many. */
function respectiveNames(text: string, from: number, at: number, count: number): string[] | undefined {
  const sides = JOINED_SIDES.exec(text.slice(from, at));
  if (sides && count === 2) return [normalizeSubject(`${sides[1]}收入${sides[2]}`), normalizeSubject(`${sides[1]}支出${sides[2]}`)];
  const own = namesIn(text.slice(from, at));
  if (own.length === count) return own;
  // (`局机关、社会保险事业管理中心、公共就业和人才服务中心本年收入分别为…`: a 和 inside a name, the names parted by 、 alone.)
  const byComma = own.length > count ? namesAtCommas(text.slice(from, at)) : [];
  if (byComma.length === count) return byComma;
  if (own.length >= 2) return undefined;
  // `主要用于一般公共服务支出、社会保障和就业支出和住房保障支出，分别为…`: the clause before, less its verb.
  if (from === at && from > 0 && /[，,]/.test(text.charAt(from - 1))) {
    const before = text.slice(clauseStart(text, from - 1), from - 1).replace(/^(?:[^、和与及]*?(?:主要)?(?:用于|包括|涉及|是|为))/, '');
    const previous = namesIn(before);
    if (previous.length === count) return previous;
  }
  // `（3）A（款）B（项）、（4）C（项）：年初预算分别为…`: the sentence's heading, before its colon.
  const colon = text.slice(0, from).search(/[：:]/);
  if (colon > 0) {
    const heading = namesIn(text.slice(0, colon));
    if (heading.length === count) return heading;
  }
  return undefined;
}

/**
 * The item a sentence without figures names by its 项: `X（项），主要用于…` (the clause before the purpose),
 * or, when `whole`, a sentence that is only `X（项）。`.
 */
function namedItem(text: string, whole = false): string | undefined {
  const opening = text.split(/[，,：:]/)[0];
  if (opening.length < text.length && /[（(]项[)）]["”]?$/.test(opening.trim())) return opening;
  if (!whole) return undefined;
  // (`1. 公共安全支出（类）` / (blank) / `（1）公安（款）行政运行（项）（2040201）。`: the item is after the blank line, its code may
  // follow it; a single line break is a wrap inside the name.)
  const last = text.trim().split(/\n[ \t\u3000]*\r?\n/).at(-1)!.trim().replace(/[。.]$/, '');
  return /[（(]项[)）]["”]?(?:[（(]\d{7}[)）])?$/.test(last) && last.length <= 80 ? last : undefined;
}

/**
 * `（1）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为5.46万元…`:
 * a short sentence without numbers names what the next sentence's numbers are about.
 */
function inheritFromTitleSentences(model: DocumentModel, bySentence: Map<number, ProseToken[]>): void {
  for (let i = 1; i < model.sentences.length; i++) {
    const sentence = model.sentences[i];
    const previous = model.sentences[i - 1];
    if (previous.paragraph !== sentence.paragraph) continue;
    const prevTokens = bySentence.get(previous.id) ?? [];
    // `“…（款）职业年金缴费支出（项）”257.14万元，主要用于：…。` / `年初预算为274.82万元，支出决算为245.53万元`: the
    // item whose amount opens the paragraph is what the next sentence's budget and actual are of.
    // (`…（项）74.33 万元。` / `主要用于：…。` / `年初预算 91.86 万元，支出决算 74.33 万元。`: so too across a purpose.)
    const purpose = prevTokens.length === 0 && /^主要用于|^用于/.test(previous.text) && i >= 2 && model.sentences[i - 2].paragraph === sentence.paragraph;
    const itemSentence = prevTokens.length > 0 ? previous : purpose ? model.sentences[i - 2] : undefined;
    if (itemSentence) {
      const head = (bySentence.get(itemSentence.id) ?? [])[0];
      if (head && itemSentence.span.start === model.paragraphs[itemSentence.paragraph]?.span.start && head.role === 'amount' && head.ownSubject && /[（(]项[)）]$/.test(head.subject)) {
        const tokens = bySentence.get(sentence.id) ?? [];
        if (tokens.some((t) => t.role === 'budget') && tokens.every((t) => !t.ownSubject)) for (const t of tokens) t.subject = head.subject;
        continue;
      }
      if (prevTokens.length > 0) continue;
    }
    // `1.社会保障和就业支出（类）…（款）行政单位离退休（项），主要用于支付退休人员补贴。` / `年初预算为51.50万元，
    // 支出决算为51.98万元。`: the item named before its purpose is what the next sentence's figures are of.
    let itemName = namedItem(previous.text);
    // `…群众文化（项）。` / `主要用于：区文化馆日常运转。` / `年初预算为…`: a purpose between the item and its
    // figures, in the same paragraph and without figures of its own, does not break the naming.
    if (!itemName && /^主要用于|^用于/.test(previous.text) && i >= 2) {
      const before = model.sentences[i - 2];
      if (before.paragraph === sentence.paragraph && (bySentence.get(before.id) ?? []).length === 0) itemName = namedItem(before.text, true);
    }
    // (`决算数与预算数一致。`, `本年无此项支出。`: a statement, not a name.)
    // (Nor `年末结转和结余为0。`: a figure stated in words.)
    if (!itemName && (previous.text.length > 80 || /原因|由于|因为|主要是|用于|一致|相同|持平|相等|无此|未发生|为0|为零/.test(previous.text))) continue;
    const title = normalizeSubject(itemName ?? previous.text.replace(/[。.]$/, ''));
    if (!title) continue;
    let named = false;
    let namedBudget = false;
    for (const t of bySentence.get(sentence.id) ?? []) {
      // (`1.财政拨款收支概况。` / `…财政拨款收入9531.90万元，较上年决算数减少327.20万元…`: a change after an amount the sentence
      // names is that amount's.)
      // (Nor are the figures after a budget the sentence names, `农村基础设施建设项目全年预算数120.00万元，全年执行数120.00万元`: that item's.)
      if (t.ownSubject) {
        named ||= t.role === 'amount';
        namedBudget ||= t.role === 'budget';
      } else if (!namedBudget && !(named && (t.role === 'delta' || t.role === 'change-rate' || t.role === 'prior'))) t.subject = title;
    }
  }
}
