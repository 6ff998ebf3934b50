// Totals with 其中 / 包括 / 分别为 lists (prose.md §1): which number is the total, which are its
// parts, and whether the list names every component (then total = Σ parts) or only some (Σ ≤ total).
import { checkSum, isMoney, MONEY_SHIFT, operand, ZERO } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { lowerBound } from '../../text/search';
import type { Span } from '../../types';
import { CLASS_NAME } from '../../text/classes';
import { AVERAGE_NAME, grandTotalKind, normalizeSubject, OWNER, sideOf, subjectsMatch, type SubjectIndex } from './subjects';
import { BY_UNIT, coversFamily, CRITERIA, distinctMembers, isFamilyMember, peerMembers, REGIONS, sameMember } from './sums';

/** `按资金来源分，`: a breakdown by a criterion opened with a comma. */
/** A breakdown by some criterion: `按单位分：`, `按车辆用途分：`, `按采购方式划分，`. */
const BY_ANY_CRITERION = /^[；;，,]?\s*(?:按[^：:，,。；;]{1,12}(?:划?分|分类)|(?:分|从)(?:使用|所属)?单位(?:构成)?(?:来看|看|为|划分)|从(?:采购方式|采购品目|组织形式)(?:上|来)?看)/;
/** A sentence that opens by breaking a figure down: `其中：`, `从支出结构看，`, `按经济分类分，`. */
const BREAKDOWN_OPENING = /^\s*(?:其\r?\n?中|从[^，,。；;]{1,12}看|按[^，,。；;]{1,12}(?:划?分|分类|看)|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）])/;
const NUMBERED_OPENING = /^\s*(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）])/;
/** An item numbered in digits or in words: `（四）住房保障支出…`, `4.…`. */
const NUMBERED_ITEM = /^\s*(?:\d{1,2}[.、．](?!\d)|[（(][\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;
/** How far back the whole a breakdown by another criterion is of is looked for, past the sentences breaking it down. */
const MAX_BREAKDOWN_SENTENCES = 12;
/** The whole a breakdown names right after its trigger: `本年支出合计中，`. */
const FRAME_AFTER_TRIGGER = /^\s*([^，,。；;：:\d]{2,16}?)中[，,：:]/;
const COMMA_CRITERION = new RegExp(`^按${CRITERIA}(?:划?分|分类)[，,]$`);
import { ADJUSTMENT_AMOUNT, between, budgetKind, directionOf, POSTFIX_TOTAL, VIEWPOINT, type ProseAnalysis, type ProseToken, type Role } from './tokens';
import { LAST_YEAR_COMPARISON } from '../../text/comparison';
import { allMatches } from '../../text/matches';

export interface ProseList {
  id: number;
  sentence: number;
  trigger: Span;
  triggerText: string;
  /** Where the parts stand. */
  region: Span;
  parent?: number;
  /** Totals by role (the amount total, the budget total, the count total). */
  totals: Map<Role, ProseToken>;
  /** Parts by role, nested lists excluded. */
  parts: Map<Role, ProseToken[]>;
  /** Every token in the region, nested lists included (for share part look-ups). */
  members: ProseToken[];
  /** `共41批次、205人次，其中：…`: the count total in another unit than the count total, with its parts. */
  otherCount?: { total: ProseToken; parts: ProseToken[] };
  /** The words say the parts are all of the total: a total after its parts (`A、B，合计T`). */
  exhaustive?: true;
}

/** The parts of a year-end balance by kind of spending: `基本支出结转`, `项目支出结转和结余`, `经营结余`. */
const BALANCE_PART = /^(?:其中[：:]?)?(?:基本支出|项目支出|经营)(?:结转|结余)(?:和结余)?$/;
const YEAR_END_BALANCE = /^年末(?:财政拨款)?(?:结转和结余|结转结余|结余)$/;
/** A fund's year-end balance: `一般公共预算财政拨款年末结转和结余`. */
const FUND_YEAR_END = /年末(?:财政拨款)?结转和?结余$/;

/** `在职人员中，`: a frame naming a kind of staff, broken down after it (by unit). */
const STAFF_KINDS = '在职|实有|离退休|退休';
export const STAFF_FRAME = new RegExp(`^(${STAFF_KINDS})人员中`);

/** `从支出结构看，` / `按收入构成来看：`: an opening that says from which side the sentence looks at a whole. */
// (And a breakdown by criterion opened with a comma, `按单位分，本年收入合计3735.03万元，其中：…`.)
const VIEW_OPENING = /^(?:从|按)(?:支出|收入)?(?:构成|结构)(?:上|来)?看|^按[^：:，,。；;]{1,12}(?:划?分|分类)(?:科目)?[，,]$|^(?:分|从)(?:使用|所属)?单位(?:构成)?(?:来看|看|划分)[，,]$|^从[^：:，,。；;]{1,8}(?:上|来)?看[，,]$/;

/** A clause that looks at a whole by a criterion: `从资金来源看，`, `按支出功能分类划分，`. */
const OTHER_VIEW_CLAUSE = /^\s*(?:从[^：:，,。；;\d]{1,8}(?:上|来)?看|按[^：:，,。；;\d]{1,12}(?:划?分|分类|来看|看))[，,：:]/;

const TRIGGER = new RegExp(
  [
    `${wrappable('其中')}[：:，,]?`,
    `${wrappable('主要包括')}[：:]?`,
    `${wrappable('包括')}[：:]?`,
    `${wrappable('分别')}[为是][：:]?`,
    '各(?<=[、，,][^，,。；;]{0,12}各)[为是](?=\\s*[0-9０-９][^，,。；;]{0,16}[，,、][0-9０-９])',
    `${wrappable('主要用于以下方面')}[：:]?`,
    // (`结余分配78.29万元，按规定分别用于交纳企业所得税9.23万元、提取职工福利基金22.74万元和转入事业基金46.32万元`: its uses, each with
    // its figure; the word matched is 用于 alone, for these are no 分别 run of names before figures.)
    '(?<=分别)用于(?=[\\u4e00-\\u9fff（）()]{2,20}\\s*[0-9０-９])',
    `${wrappable('主要用于')}[：:]`,
    `${wrappable('主要用于')}(?=[\\u4e00-\\u9fff（）()]{2,16}\\s*[0-9０-９])`,
    // (`商品和服务支出主要为办公费11.10万元、差旅费2.30万元…`: items named right after it, or described at length: `主要为承担上级及横向科研课题取得的
    // 科研收入929.24万元和…`.)
    `${wrappable('主要为')}(?=[\\u4e00-\\u9fff（）()]{2,30}\\s*[0-9０-９])`,
    // (`水利（款）支出108,634.95万元，主要为：水利工程建设43,513.41万元，…`: the parts of the figure before the colon.)
    `${wrappable('主要为')}[：:]`,
    // (`单价100万元以上专用设备14台（套），主要是CT3台、磁共振2台、…`: the equipment counted, by kind.)
    `主要(?:是|为|有|包括)(?=[\\u4e00-\\u9fffA-Za-z（）()]{1,30}\\s*[0-9０-９]{1,4}\\s*(?:台|套|辆|件))`,
    // (`城乡社区支出（类）5823.22万元，主要是城乡社区环境卫生（项）3862.47万元、城管执法（项）486.92万元`: the 项 of the 类 before.)
    `${wrappable('主要是')}(?=[\\u4e00-\\u9fff（）()]{2,30}[（(]项[)）]\\s*[0-9０-９])`,
    `${wrappable('主要体现在以下方面')}[^：:，。]{0,10}[：:]`,
    `${wrappable('以下方面')}[：:]`,
    // (`全部用于以下3个方面：`.)
    '以下(?:\\d+|[一二三四五六七八九十两]+)个方面[：:]',
    '(?:具体|构成|情况|支出|收入|结果|明细)[^，,。；;：:]{0,6}如下[：:]',
    // (`具体包括以下9个项目：` / `主要包括以下项目：`, the items in the paragraphs after it.)
    '(?:具体|主要)?包括以下[^，,。；;：:\\d]{0,4}(?:\\d+个)?[^，,。；;：:\\d]{0,8}[：:]',
    '具体(?:为|是|包括)[：:]?',
    // (`机关运行经费31.60万元的具体构成为：办公费6.38万元，…`.)
    // (Right after the figure: `“三公”经费支出构成为：…，合计37.74万元` names its total after the parts.)
    '(?<=[0-9０-９]\\s?(?:万元|亿元|元)[的，,]?)(?:具体|主要)?构成(?:为|是|情况为)[：:]',
    // (`本年支出5096.24万元主要由以下几部分构成：…`.)
    '(?:主要)?由以下[^，,。；;：:\\d]{0,6}构成[：:]',
    // (`“三公”经费年初预算5.20万元，由因公出国（境）费0.00万元、…和公务接待费1.20万元构成`: the parts named after 由, right after the figure,
    // with or without a comma: `支出总计64138.54万元由本年支出…、年末结转和结余…组成`.)
    '(?<=[0-9０-９]\\s?(?:万元|亿元|元)[，,]?\\s?)(?:主要)?由(?=[^。；;：:\\d]{2,40}[0-9０-９][^。；;：:]{0,120}(?:构成|组成)(?:[。；;，,]|$))',
    // (`基本支出907.59万元，分布在以下项级科目：行政运行610.51万元，…`.)
    // (`在职人员分布为：局机关18人、…`.)
    '分布(?:(?:在|于)(?:以下|如下)?[^，,。；;：:\\d]{0,8}|为|如下)[：:]',
    // (`；在职人员中，局机关44人、市公证处18人…`: the staff of a kind, by unit.)
    `(?:${STAFF_KINDS})人员中[，,：:]`,
    // (`工资福利支出（301）768.28万元：基本工资186.42万元、…；对个人和家庭的补助（303）3.30万元：…`: a figure's own items after its colon.)
    '(?<=[0-9０-９]\\s?(?:万元|亿元|元))[：:](?=[^，,。；;：:\\d]{2,20}[0-9０-９])',
    '(?:从|按)(?:支出|收入)?(?:构成|结构)(?:上|来)?看[，,：:]?',
    '划分(?:如下)?[：:]',
    // (`共有车辆12辆，其中机关本级10辆、所属事业单位2辆。按用途分：机要通信用车1辆，…`: the same whole by another breakdown.)
    // (`政府采购支出总额6791.78万元。按采购品目分，货物类2865.30万元、…`: a comma as well, unless the sentence names its whole
    // after the parts, `…，分别占财政拨款支出1298.03万元的…`.)
    // (Or the parts of a standard breakdown right after the comma, their shares after them: `按支出性质分，基本支出3576.03万元，占比74.90%；…`;
    // or the whole named as a frame: `按单位分，本年收入合计中，市局机关20406.59万元，占34.31%；…`.)
    `按(?:支出|收入)?${CRITERIA}(?:划?分|分类)(?:[：:]|[，,](?![^。；;]*占)|[，,](?=\\s*(?:基本支出|项目支出|人员经费|公用经费)\\s*[0-9０-９]|[^，,。；;：:\\d]{2,16}中[，,]))`,
    // (`从采购方式看，公开招标1186.40万元，占63.46%；…`: the same breakdown looked at.)
    '从(?:采购方式|采购品目|组织形式)(?:上|来)?看[，,：:]',
    // (`按支出内容分，办公费23.87万元，占8.39%，…`: some of the figure before, by what was bought; not all of it.)
    '按(?:支出)?(?:内容|明细)(?:划?分|分类|来看|看)[，,：:]',
    // (`分单位看，局机关收入…，…，上述4个单位本年收入合计…`, `从单位构成看，…`, `本年支出合计…，分单位为：…`: by unit.)
    '(?:分|从)(?:使用|所属)?单位(?:构成)?(?:来看|看|为|划分)[，,：:]',
    // (`共计995.20万元，分县市区为：西陵区84场67.20万元、…`: by the places it went to.)
    `(?:分|按)${REGIONS}(?:划分|分配|下达|来看|看|为|分)?[，,：:]`,
    // (`项目支出639.99万元，按部门预算支出经济分类：商品和服务支出…`, `按政府预算支出经济分类，基本支出26579.19万元中：…`: its
    // breakdown by economic class.)
    // (`按经济分类划分，工资福利支出…`: after the figure's sentence.)
    // (`按部门预算支出经济分类，工资福利支出…`: opening its sentence, a comma is enough when a class follows it; not when the whole
    // does, `按支出经济分类，…基本支出14074.70万元构成如下：…`.)
    '按(?:部门预算|政府预算)?(?:支出)?经济分类(?:科目)?(?:划分|来看|看)?[：:]|按(?:部门预算|政府预算)?(?:支出)?经济分类(?:科目)?(?:划分|来看|看)[，,]|^\\s*按(?:部门预算|政府预算)?(?:支出)?经济分类(?:科目)?[，,](?=\\s*(?:工资福利支出|商品和服务支出|对个人和家庭的?补助|资本性支出)\\s*[0-9０-９])',
    // (`按支出功能分类科目划分，社会保障和就业支出114.46万元，占2.38%；…`: the spending by 类.)
    // (`公共安全支出（类）132603.81万元，按款分：公安（款）…`: a figure broken down by the level below it.)
    '按(?:款|项)(?:级科目)?(?:划?分|分类|来?看)?[：:，,]',
    // (Not one right after another trigger, `其中:按功能分类科目,…`, nor one whose clause opens another, `按支出功能分类，本年支出主要用于：`,
    // or states the total first: `按支出功能分类，本年支出合计1777.54万元，主要用于以下方面：…`.)
    // (The 按 before its lookbehind: tried first, a lookbehind's \\s* ran back over a whole run of spaces at every position.)
    // (`按功能分类：` ending its sentence: the items follow in list lines of their own.)
    '按(?<!其中[：:，,]?\\s*按)(?:支出)?功能分类(?:科目)?(?:[（(]类[)）])?(?:划?分|分类)?(?:来?看)?(?:[，,：:](?=[^，,。；;：:\\d]{2,30}(?<!合计|总计|总额|共计|为|是)\\d)|[：:]\\s*$)',
    '(?<=按(?:部门预算|政府预算)?支出经济分类[，,][^，,。；;：:]{0,40}\\d\\s*(?:万元|亿元|元))中[：:]',
    // (`本年支出合计2356.22万元中，机关本级支出…，所属…`: an amount's breakdown after 中.)
    '(?<=\\d\\s*(?:万元|亿元|元))中[，,]',
    // (Or a colon after an unnamed figure right after an opening: `从支出结构看，696.41万元中：…`.)
    '(?<=[，,：:]\\s*[0-9０-９][0-9０-９.．,]*\\s*(?:万元|亿元|元))中[：:]',
    // (And a colon, by unit: `分单位看，“三公”经费支出决算44.33万元中：局机关…，社保中心…`.)
    '(?<=(?:分单位看|按单位分|按单位划分)[^。；;]{0,40}\\d\\s*(?:万元|亿元|元))中[：:]',
    // (`共有车辆5辆，其中：…；车辆按单位分布为：局机关4辆、…`: the cars by unit.)
    '按单位分布(?:为|如下)?[：:]',
    // (`本年支出合计2861.00万元按单位分：局本级…，…中心…`, `基本支出按单位构成为：…，合计2023.20万元`: the units of the figure
    // right before.)
    // (The 按 first: a leading lookbehind with \\s* is tried at every position and runs back over a run of spaces.)
    '按(?<=(?:万元|亿元|元|支出|收入|经费|合计|总计)\\s*按)单位(?:划?分|构成为?)(?:为|如下)?[：:]',
    // (`6个自评项目中，评价等级为“优”的5个…`, `6个项目中自评结果为优的4个、良的2个…`: a count's breakdown after 中.)
    '(?<=\\d\\s*个[\\u4e00-\\u9fff]{0,8})中(?:[，,]|(?=[^，,。；;]{0,12}(?:为|是)[“"]?(?:优|良)))',
  ].join('|'),
  'g',
);

/**
 * The base the share after a list's first amount names (`其中污染防治支出8846.78万元，占一般公共预算财政拨款支出的42.78%`), and
 * whether that amount is the list's only one.
 */
/** `…，全部为…（项）`, `均为…`: the figure before is all one item. */
const WHOLLY = /^[，,]?\s*(?:全部|均)(?:为|是)/;
function shareBaseOfFirstPart(members: ProseToken[]): { base: string; lone: boolean } | undefined {
  const amounts = members.filter((t) => t.role === 'amount');
  const next = amounts.length > 0 ? members[members.indexOf(amounts[0]) + 1] : undefined;
  const base = next?.role === 'share' ? /^[，,]?\s*占([^，,。；;\d]{2,30})的/.exec(next.lead)?.[1] : undefined;
  return base ? { base, lone: amounts.length === 1 } : undefined;
}

/** `本年收入合计` and `收入合计`: one quantity, one name shortening the other. */
function namesSameQuantity(a: string, b: string): boolean {
  const [x, y] = [normalizeSubject(a), normalizeSubject(b)];
  return x === y || x.endsWith(y) || y.endsWith(x);
}

const USE_TRIGGER = /用于|用途/;
/** `乡村振兴衔接资金两项合计`, `第1至6项合计`: a sub-total of items already listed. */
const GROUP_SUBTOTAL = /(?:[一二三四五六七八九十两]|\d{1,2})项(?:合计|共计|小计)$/;
/** `…资金来源为：`, `，其中资金来源于`: the sources of the figure right before. */
const SOURCES_AFTER = /^(?:[（(][^（）()]*[)）])?[，,]\s*(?:其中)?(?:资金)?来源(?:为|是|于)?[：:]?[^。；;]*$/;

/** The amount whose sources (stated after it) `total` is one of, in its sentence. */
function headOfSources(tokens: ProseToken[], total: ProseToken, text: string): ProseToken | undefined {
  for (let i = total.index - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.role !== 'amount' || t.depth !== total.depth) continue;
    if (SOURCES_AFTER.test(text.slice(t.token.unitSpan?.end ?? t.token.span.end, total.token.span.start))) return t;
  }
  return undefined;
}

/** A trigger word as a PDF may wrap it: a line break between any two of its characters (`主要用于以下` / `方面：`). */
function wrappable(word: string): string {
  return [...word].join('(?:\\r?\\n)?');
}
// (Δ: `比上年增加674.34万元…其中：基本支出增加815.72万元；项目支出减少41.38万元`, a change and its parts' changes.)
// (Δ against the budget too: `较年初预算数减少0.04万元。…其中：A…较年初预算数减少0.04万元；B…较年初预算数减少0.04万元`.)
// (Scores: `自评得分93.5分，其中：投入指标得分19分、过程指标得分18.5分…`.)
/** `按款分：`, `按项划分，`: a figure broken down by the level below it. */
const BY_LEVEL = /^按(?:款|项)/;

/** A side of a 收入、支出总计 named alone before a trigger: `其中：收入包括`, `；支出包括`, `收入方面，`. */
const SIDE_WORD = /^[\s；;，,：:]*(?:其中[：:，,]?)?(收入|支出)(?:方面)?[：:，,]?$/;

/** The spending by 类 (`按支出功能分类科目划分，`) and the totals it breaks down. */
const BY_FUNCTION = /^按(?:支出)?功能分类/;
/** A clause naming both 收入 and 支出. */
const BOTH_SIDES = /收入[^；;]*支出|支出[^；;]*收入/;
const SPENDING_TOTAL = /^(?:本年)?支出(?:合计|总额)$|财政拨款支出$/;
const LIST_ROLES: Role[] = ['amount', 'budget', 'count', 'delta', 'budget-delta', 'score'];

/**
 * The first `；` in a list's region after which the words name the other side of its total (支出 for a 收入
 * total and the reverse, or a 结余 / 结转 balance) before any number: where the list ends. `total` is the words
 * before the total (`2025年收入预算`), or its name when they say neither.
 */
function otherSideClause(text: string, region: Span, total: string): number | undefined {
  // (The side is the last of 收入 / 支出 in the total's name: `收入预算` is a 收入, `支出决算` a 支出.)
  // (A year may open the clause: `；2023年政府性基金支出总计3319万元，…`. A fund's `…出让收入安排的支出` is spending.)
  // (A total of both sides, `收入、支出总计…其中，…收入…；年初财政拨款结转和结余…`, is cut into its sides by sums.ts, carry-over
  // included: not here.)
  if (/收入?、支出?/.test(total)) return undefined;
  const side = total.lastIndexOf('收入') > total.lastIndexOf('支出') ? /^(?:(?:19|20)\d\d\s*年度?)?[^\d０-９]{0,16}?(?:支出|结余|结转)/ : total.lastIndexOf('支出') >= 0 ? /^(?:(?:19|20)\d\d\s*年度?)?[^\d０-９]{0,16}?(?:收入(?!安排)|结余|结转)/ : undefined;
  if (!side) return undefined;
  return semicolonBefore(text, region, (from) => side.test(text.slice(from, from + 25)));
}

/**
 * The first `；` in the region after which the words name the other count of staff: staff counted otherwise than by
 * 编制 (实有, 在职, 离退休…) after a list under the 编制, and the 编制 itself (`；年末编制数66人`) after a list under the
 * staff a unit has.
 */
function staffClause(text: string, region: Span, underEstablishment: boolean): number | undefined {
  return semicolonBefore(text, region, (from) => {
    const words = /^[^\d０-９；;。]{0,16}/.exec(text.slice(from, from + 16))![0];
    return underEstablishment ? STAFF_OTHER_THAN_ESTABLISHMENT.test(words) && !/编制/.test(words) : ESTABLISHMENT_COUNT.test(words);
  });
}
const STAFF_OTHER_THAN_ESTABLISHMENT = /实有|在职|离退休|退休|聘用|临聘|遗属/;
/** The 编制 as a count of its own; not `编制内人员` or `行政编制人员`, who are staff the unit has. */
const ESTABLISHMENT_COUNT = /编制(?:数|总数|人数|为|共)|(?:核定|批复|核批)编制/;

/**
 * The first `；` in the region whose clause (starting at `from`) `opens` accepts. (semicolonWithin, not indexOf: a region
 * without a ； must not send the search to the end of the text.)
 */
function semicolonBefore(text: string, region: Span, opens: (from: number) => boolean): number | undefined {
  for (let i = semicolonWithin(text, region.start, region.end); i >= 0; i = semicolonWithin(text, i + 1, region.end)) if (opens(i + 1)) return i;
  return undefined;
}
/** `；加上级补助收入…，收入合计…`, `；减去…`: a chain of additions to the total (a 总决算's 收入合计), no part of it. */
const CHAIN_CLAUSE = /^\s*(?:再?加(?:上)?|减(?:去)?|扣除)(?![^，,。；;]*其中)[\u4e00-\u9fff]/;

/** A unit's name: `局机关`, `市图书馆`, `区疾控中心`, `局本级`. */
export const UNIT_NAME = /(?:机关|本级|中心|站|所|院|队|馆|校|处|室|团)$/;

/** Amounts named by units only, two or more (`市测绘院的收入` too): a breakdown by unit. */
function unitsOnly(members: ProseToken[]): boolean {
  const amounts = members.filter((t) => t.role === 'amount');
  return amounts.length >= 2 && amounts.every((t) => UNIT_NAME.test(t.subject.replace(/的?(?:本年)?(?:收入|支出)(?:合计)?$/, '')));
}

/**
 * `政府性基金预算财政拨款收入118.00万元，支出108.21万元…。其中：用于社会福利的彩票公益金支出26.84万元…`: parts that are all
 * spending, or a trigger that says so (`从支出结构看，`), break down the sentence's spending, not the 收入 it opens with (and
 * the reverse).
 */
function otherSideTotal(analysis: ProseAnalysis, members: ProseToken[], total: ProseToken, trigger: string): ProseToken | undefined {
  const side = /(收入|支出)$/.exec(total.subject)?.[1];
  const parts = members.filter((t) => t.role === 'amount');
  if (!side || parts.length === 0) return undefined;
  const other = side === '收入' ? '支出' : '收入';
  // (Or the trigger says which side: `从支出结构看，`.)
  if (!trigger.includes(other) && !parts.every((t) => t.subject.endsWith(other))) return undefined;
  return analysis.bySentence.get(total.sentence.id)?.find((t) => t.index > total.index && t.role === 'amount' && t.subject.endsWith(other) && t.subject.startsWith(total.subject.slice(0, -2)));
}

/** `三公经费` and `三公经费财政拨款支出`: one name opens or ends the other, or they match as names do. */
function sameQuantity(a: string, b: string): boolean {
  return a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a) || subjectsMatch(a, b));
}

/** The tokens in [from, to) are rates only (shares, completion or change rates), no quantity of their own. */
function onlyRatesBetween(tokens: ProseToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].token.unit !== '%') return false;
  return true;
}

/** The first `；` (or ASCII `;`) in [from, end), or −1: a search that never runs past its region. */
function semicolonWithin(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text[i] === '；' || text[i] === ';') return i;
  return -1;
}

/** An amount listed under a budget (`“三公”经费预算11324.44万元，其中：因公出国（境）费9605.80万元…`): a budget itself. */
export function inBudgetList(t: ProseToken, list: ProseList | undefined, listOf: Map<ProseToken, ProseList>): boolean {
  return budgetOfPart(t, list, listOf) !== undefined;
}

/**
 * The budget whose list `t` is a part of (see inBudgetList), through a bracket in it too: `年初预算26.90万元，其中：…
 * 公务用车购置及运行维护费18.47万元（其中：公务用车购置费0.00万元、公务用车运行维护费18.47万元）` breaks the budget down too.
 */
export function budgetOfPart(t: ProseToken, list: ProseList | undefined, listOf: Map<ProseToken, ProseList>, depth = 0): ProseToken | undefined {
  if (t.role !== 'amount' || list === undefined) return undefined;
  const budget = list.totals.get('budget');
  if (budget) return !list.totals.has('amount') && budget.sentence.paragraph === t.sentence.paragraph && !/支出|决算/.test(list.triggerText) ? budget : undefined;
  const whole = list.totals.get('amount');
  const outer = whole && listOf.get(whole);
  return outer && outer !== list && depth < 4 ? budgetOfPart(whole, outer, listOf, depth + 1) : undefined;
}

/** How far a list opened inside a bracket is followed through brackets nested in it. */
const NESTED_BRACKET_WALK = 1000;

/** Lists per sentence up to which a clause for another owner is told apart (see findLists). */
const MAX_PARALLEL_TRIGGERS = 64;

/** `局本级政府采购支出` and `市食品检验所政府采购支出`: one quantity (a name of four characters or more) of two owners. */
function sameQuantityOtherOwner(a: string, b: string): boolean {
  if (a === b) return false;
  let common = 0;
  while (common < a.length && common < b.length && a.charAt(a.length - 1 - common) === b.charAt(b.length - 1 - common)) common++;
  return common >= 4 && common < a.length && common < b.length;
}

/**
 * The total of the latest list of the section whose parts name every figure of a view's (of the given role): the breakdown
 * a `从支出结构看，…` sentence restates.
 */
function restatedBreakdown(lists: ProseList[], members: ProseToken[], role: Role, sentences: Array<{ section?: number }>, section: number | undefined): ProseToken | undefined {
  // (A bound among them names a part too: `项目支出3.30亿元，基本支出超过1.84亿元`.)
  const own = members.filter((t) => t.role === role || (t.approx && role === 'amount'));
  if (own.length < 2) return undefined;
  for (let i = lists.length - 1; i >= 0 && sentences[lists[i].sentence].section === section; i--) {
    const parts = lists[i].parts.get(role) ?? [];
    const total = lists[i].totals.get(role);
    if (total && own.every((t) => parts.some((p) => p.subject === t.subject))) return total;
  }
  return undefined;
}

/** The token at `i` restates the one before it (in brackets, or after 即; tokens.ts gives it the same role and subject). */
export function restatesPrevious(tokens: ProseToken[], i: number): boolean {
  const before = tokens[i - 1];
  return before !== undefined && (tokens[i].restates === true || /^[（(]/.test(tokens[i].lead)) && before.role === tokens[i].role && before.subject === tokens[i].subject;
}

/** Of two statements of one amount, the one written to the smaller step (in 万元: 亿元 × 10⁴, 元 × 10⁻⁴). */
export function finer(a: ProseToken, b: ProseToken): ProseToken {
  const step = (t: ProseToken) => (isMoney(t.token.unit) ? MONEY_SHIFT[t.token.unit] : 0) - t.token.decimals;
  return step(b) < step(a) ? b : a;
}

/** Token i, or the figure it restates in brackets when that one is the finer (`45837.60元（折合4.58万元）`). */
export function finestStatement(tokens: ProseToken[], i: number): ProseToken {
  return restatesPrevious(tokens, i) ? finer(tokens[i - 1], tokens[i]) : tokens[i];
}

/** A figure, or its restatement right after it in another unit when that one is the finer (`22.36亿元（223,646.12万元）`). */
export function finestOf(tokens: ProseToken[], t: ProseToken): ProseToken {
  return tokens[t.index + 1]?.restates ? finestStatement(tokens, t.index + 1) : t;
}

/** Index of the first token starting at or after `offset`. */
export function firstAtOrAfter(tokens: ProseToken[], offset: number): number {
  return lowerBound(tokens, (t) => t.token.span.start, offset);
}

/**
 * The lists of the prose, and the innermost list holding each token (lists are found in order of
 * their triggers, so a nested list comes after its parent and overrides it).
 */
export function findLists(
  analysis: ProseAnalysis,
  text: string,
  sentences: Array<{ id: number; span: Span; paragraph: number; section?: number }>,
  subjects: SubjectIndex,
  sections: Array<{ parent?: number }> = [],
): { lists: ProseList[]; listOf: Map<ProseToken, ProseList> } {
  const lists: ProseList[] = [];
  // (The counts in document order, for the groups framed head counts break down: see countNamed.)
  const counts = analysis.tokens.filter((t) => t.role === 'count');
  const innermost = new Map<ProseToken, ProseList>();
  // The last sentence of the paragraph that had numbers (`…88.54%。决算数小于…结转。其中：`).
  let previous: { id: number; paragraph: number } | undefined;
  for (const sentence of sentences) {
    const tokens = analysis.bySentence.get(sentence.id) ?? [];
    const sentenceText = text.slice(sentence.span.start, sentence.span.end);
    const triggers = allMatches(TRIGGER, sentenceText);
    // (Most sentences state no figure and open no list: no list can come of them.)
    if (triggers.length === 0 && tokens.length === 0) {
      if (previous?.paragraph !== sentence.paragraph) previous = sentence;
      continue;
    }
    const open: ProseList[] = [];
    const inSentence: ProseList[] = [];
    // Where the previous list under the same parent ended: a nested list's total stands after it.
    const lastChildEnd = new Map<number | undefined, number>();
    const scan = new SentenceScan(text, sentence.span.start);
    for (let k = 0; k < triggers.length; k++) {
      const m = triggers[k];
      // (A line break inside the trigger, `分\n别为`, is where a PDF wrapped it.)
      const word = m[0].replace(/\r?\n/g, '');
      // (`收、支总计各是4125.49,4143.91万元`: 各是 a run of figures for a run of names is 分别是.)
      const respectively = /分别|^各/.test(word);
      const start = sentence.span.start + m.index!;
      const end = start + m[0].length;
      // (`上年结转463.05万元包含在年初结转和结余475.43万元中，年末结余…`: the 中 closes 包含在…, it opens no breakdown.)
      if (/^中[，,]/.test(word) && CONTAINED_IN.test(text.slice(Math.max(sentence.span.start, start - 40), start))) continue;
      // (`从支出结构看，…支出1630.52万元，其中：A…；B…`: an opening whose one figure heads a 其中 of its own only says how the
      // sentence looks at it; the 其中 breaks that figure down, over all its clauses.)
      const nextWord = triggers[k + 1]?.[0];
      // (Or `按经济分类划分，基本支出6,749,783.89元包括：…`, `按支出功能分类，…支出1264.72万元主要用于：…`, `…由以下部分构成：…`.)
      if (VIEW_OPENING.test(word) && nextWord !== undefined && (/^其\r?\n?中/.test(nextWord) || /^分别[为是][：:]/.test(nextWord) || /^中[：:，,]/.test(nextWord) || /^(?:主要)?(?:包括|用于)[：:]?$|由以下[^，,。；;：:\d]{0,6}构成[：:]$|构成(?:为|是|情况为)[：:]$/.test(nextWord.replace(/\r?\n/g, '')))) {
        const head = firstAtOrAfter(tokens, end);
        if (firstAtOrAfter(tokens, sentence.span.start + triggers[k + 1].index!) === head + 1 && tokens[head]?.role === 'amount') continue;
      }
      // (`从支出结构看，主要用于以下方面：…`, `其中，按类级科目划分：…`: an opening followed at once by the words that open the list leaves
      // the list to them; not a 分别 run, which names the parts of the list it follows.)
      if ((VIEW_OPENING.test(word) || /^其\r?\n?中/.test(word)) && nextWord !== undefined && !/分别|^各/.test(nextWord) && firstAtOrAfter(tokens, end) === firstAtOrAfter(tokens, sentence.span.start + triggers[k + 1].index!)) continue;
      // (`公务用车购置费0.00万元，比上年减少24.80万元，主要是上年更新应急保障用车1辆`: after a change, 主要是 gives its reason.)
      if (/^主要(?:是|为)/.test(word)) {
        const before = tokens[firstAtOrAfter(tokens, start) - 1];
        if (before && before.token.span.start >= sentence.span.start && (before.role === 'delta' || before.role === 'change-rate') && /^[，,\s]*$/.test(text.slice(before.token.unitSpan?.end ?? before.token.span.end, start))) continue;
      }
      while (open.length && open.at(-1)!.region.end <= start) open.pop();
      // `收入包括：…、上年结转结余X元；支出包括：…`: a trigger after `；` with a name of its own and no number
      // since starts a sibling list; the open lists end at that `；`.
      const clauseStart = scan.lastSemicolonBefore(start) - sentence.span.start + 1;
      const ownWords = sentenceText.slice(clauseStart, m.index!);
      // (A share may stand before it: `…；公用经费占基本支出的19.1%，其中：…`.)
      // (So does a second breakdown by another criterion: `按单位分：…；按车辆用途分：…`.)
      const sibling = clauseStart > 0 && (/[\u4e00-\u9fff]{2}/.test(ownWords.replace(/其中|主要|具体|另外|此外/g, '')) || (BY_ANY_CRITERION.test(word) && open.some((l) => BY_ANY_CRITERION.test(l.triggerText)))) && onlyRatesBetween(tokens, firstAtOrAfter(tokens, sentence.span.start + clauseStart), firstAtOrAfter(tokens, start));
      // `局本级政府采购支出100.00万元，其中…；市食品检验所政府采购支出56.00万元，其中…`: a clause after `；` stating the
      // open list's quantity for another owner is a parallel statement, not a part of the first.
      // (Not in a sentence of very many lists: each parallel list spans to the sentence's end until the next one
      // cuts it, which over thousands of clauses would be quadratic; they then nest, as they did before.)
      const clauseFirst = clauseStart > 0 && open.length > 0 && triggers.length <= MAX_PARALLEL_TRIGGERS ? tokens[firstAtOrAfter(tokens, sentence.span.start + clauseStart)] : undefined;
      const openTotal = open[0]?.totals.get('amount');
      // (Not in a breakdown by unit, `按单位分：局本级收入…、支出…；德阳市图书馆收入…`: its parts are the owners.)
      const parallel =
        clauseFirst !== undefined &&
        !BY_UNIT.test(open[0].triggerText) &&
        clauseFirst.token.span.start < start &&
        ((clauseFirst.role === 'amount' && openTotal !== undefined && sameQuantityOtherOwner(openTotal.subject, clauseFirst.subject)) ||
          completedBefore(open[0], clauseFirst, sentence.span.start + clauseStart - 1));
      if (sibling || parallel) {
        const cut = sentence.span.start + clauseStart - 1;
        for (const list of open) {
          if (list.region.end <= cut) continue;
          list.region.end = cut;
          list.members = list.members.filter((t) => t.token.span.start < cut);
        }
        open.length = 0;
      }
      const parent = open.at(-1);
      // `其中基本支出、项目支出分别为x、y`: a 分别为 right after its parent's trigger (no number between them)
      // names the parent's parts; it opens no list of its own.
      if (parent && respectively && firstAtOrAfter(tokens, parent.region.start) === firstAtOrAfter(tokens, start)) continue;
      // A nested list ends at its `；`, and at the latest where the next list starts.
      const nextTrigger = k + 1 < triggers.length ? sentence.span.start + triggers[k + 1].index! : sentence.span.end;
      // (A breakdown by the level below, `按款分：公安（款）…；国家安全（款）…`, goes on over its `；`.)
      // (So does a run opened with a colon, whose items are the clauses: `…物资47.52万元，分别为：帐篷40顶，…13.52万元；棉被400床，…`.)
      // (A list opened by a bracket, `（其中：…）`, holds the lists opened inside it: `项目支出…（其中：卫生健康支出（类）…（其中：…（款）…（包括…（项）…））`.)
      const opensBracket = parent !== undefined && /[（(]\s*$/.test(text.slice(Math.max(0, start - 2), start));
      let regionEnd = parent ? (BY_LEVEL.test(word) || /(?:分别|具体)(?:为|是)[：:]$/.test(word) ? Math.min(parent.region.end, nextTrigger) : nestedEnd(text, scan, parent.region.start, start, end, opensBracket ? parent.region.end : Math.min(parent.region.end, nextTrigger))) : groupEnd(text, scan, sentence.span.start, start, end, sentence.span.end);
      // (A 分别 run ends at its `；`: `…分别为0.00万元、25.55万元、6.27万元；公务用车购置及运行维护费中，购置费…`; not one opened
      // with a colon, whose items are the clauses: `资产总额4717.32万元分别为：本级1269.25万元；某中心1253.49万元；…`.)
      if (respectively && !/[：:]$/.test(word)) {
        const semicolon = semicolonWithin(text, end, Math.min(regionEnd, nextTrigger));
        if (semicolon >= 0) regionEnd = semicolon;
      }
      const first = firstAtOrAfter(tokens, end);
      const last = firstAtOrAfter(tokens, regionEnd);
      const list: ProseList = {
        id: lists.length,
        sentence: sentence.id,
        trigger: { start, end },
        triggerText: word,
        region: { start: end, end: regionEnd },
        parent: parent?.id,
        totals: new Map(),
        parts: new Map(),
        members: tokens.slice(first, last),
      };
      const triggerAt = firstAtOrAfter(tokens, start);
      // `收入预算2,000.00万元，其中…、事业收入200.00万元；支出预算2,000.00万元，其中…`: a clause after `；` with a figure of
      // its own before the trigger heads this list; the figures before that `；` belong to the earlier one.
      const ownClause = !parent && !sibling && clauseStart > 0 && firstAtOrAfter(tokens, sentence.span.start + clauseStart) < triggerAt;
      const scopeStart = sibling || ownClause ? sentence.span.start + clauseStart : Math.max(parent ? parent.region.start : sentence.span.start, lastChildEnd.get(parent?.id) ?? 0);
      const scopeFirst = firstAtOrAfter(tokens, scopeStart);
      // (`年初…结转和结余120.00万元，为调整后年初数：原…2020年末财政拨款结转和结余286.40万元，其中随…划出166.40万元，留用120.00万元`: a
      // list right after last year's figure breaks that figure down, not this year's before it.)
      const beforeTrigger = tokens[triggerAt - 1];
      // (Not the last of a run of last year's figures before a 分别 of this year's: `上年A551.27万元、B109.08万元，本年分别为…`.)
      const afterLastYears = beforeTrigger !== undefined && beforeTrigger.index >= scopeFirst && beforeTrigger.role === 'prior' && beforeTrigger.ownSubject && beforeTrigger.year !== undefined && !(respectively && /^[、和及与]/.test(beforeTrigger.lead));
      const countUnits = new Set(list.members.filter((t) => t.role === 'count').map((t) => countUnit(t.token.unitText)));
      for (const role of LIST_ROLES) {
        if (afterLastYears && role === 'amount') continue;
        let total: ProseToken | undefined;
        // (`75,323.39万元（约7.53亿元），其中：`, `1.52亿元（15,200.00万元），其中：`: of a figure and its bracketed
        // restatement, the total is the finer one.)
        // (`共有车辆9辆（含…特种专业技术用车2辆），其中：`: a bracketed note of what the figure includes is no total.)
        // (`共有车辆5辆，较上年末减少1辆，其中：`: nor is a count's change.)
        for (let i = triggerAt - 1; i >= scopeFirst && !total; i--) {
          const t = tokens[i];
          // (Nor last year's count it is compared with, and the change after it: `在职128人，比上年末的125人增加3人，其中：…`.)
          const compared = role === 'count' && (COMPARED_COUNT.test(t.lead) || (BARE_CHANGE.test(t.lead) && i > 0 && tokens[i - 1].role === 'count' && COMPARED_COUNT.test(tokens[i - 1].lead)));
          // (Nor an average, `…团组6个、23人次，团均8.73万元，人均2.28万元。各团组情况如下：`.)
          // (Nor another count in a bracket after the figure, `实有人员624人（核定编制510名），其中…`: an aside of its own name.)
          const aside = role === 'count' && t.depth > 0 && t.ownSubject && i > scopeFirst && tokens[i - 1].role === role && tokens[i - 1].depth < t.depth && !restatesPrevious(tokens, i);
          // (Nor a part of a closed bracket breaking the figure before it down: `合计3758.29万元（A3149.94万元、B608.35万元），其中：…`.)
          const bracketPart = t.depth > 0 && !restatesPrevious(tokens, i) && /[)）]/.test(text.slice(t.token.span.end, start));
          // (Nor a count of other things than the parts': `现有代表245名，分属12个代表组，其中基层代表152名`.)
          const otherUnit = role === 'count' && countUnits.size > 0 && !countUnits.has(countUnit(t.token.unitText));
          if (t.role === role && !bracketPart && !otherUnit && !(t.depth > 0 && INCLUDES_NOTE.test(t.lead)) && !(role === 'count' && COUNT_CHANGE.test(t.lead)) && !compared && !aside && !AVERAGE_WORDS.test(t.lead)) total = restatesPrevious(tokens, i) ? finer(tokens[i - 1], t) : t;
        }
        // (`财政拨款支出1276.06万元，年末财政拨款结转和结余24.40万元，其中：一般公共预算财政拨款支出…，政府性基金预算财政拨款支出…`: parts
        // that are all spending break down the spending before, not the balance right before the trigger.)
        if (total && role === 'amount' && /结转|结余/.test(total.subject) && !/支出/.test(total.subject)) {
          const spent = list.members.filter((t) => t.role === 'amount' && t.depth === total!.depth);
          if (spent.length >= 2 && spent.every((t) => /支出$/.test(t.subject))) {
            for (let i = total.index - 1; i >= scopeFirst; i--) {
              const t = tokens[i];
              if (t.role === 'amount' && t.depth === total.depth && /支出(?:合计|总额)?$/.test(t.subject)) {
                total = t;
                break;
              }
            }
          }
        }
        // (`在职人员84人和退休人员31人；在职人员中，局机关44人、…`: the staff of the kind the frame names, whichever figure came last.)
        const staffKind = STAFF_FRAME.exec(word)?.[1];
        if (staffKind && role === 'count') {
          const ofKind = (t: ProseToken) => t.role === 'count' && (t.subject === staffKind || t.subject.endsWith(`${staffKind}人员`));
          // (In its sentence before the frame, or in the sentence before: `…其中在职48人、离退休9人。` / `在职人员中，…；离退休人员中，…`.)
          total = [...tokens.slice(0, triggerAt)].reverse().find(ofKind) ?? (previous ? analysis.bySentence.get(previous.id)?.find(ofKind) : undefined) ?? total;
        }
        // (`职业培训补贴支出1268.40万元，资金来源为上年结转…288.40万元和本年拨款980.00万元，主要用于：…`: what the money was used for
        // breaks down the figure its sources add up to, not the last source.)
        if (total && role === 'amount' && USE_TRIGGER.test(word)) total = headOfSources(tokens, total, text) ?? total;
        // (`按单位分：机关本级16辆，…，消保服务中心1辆；按车辆用途分：…`: a second breakdown by another criterion is of the whole the
        // first broke down, not of the first's last part.)
        if (!parent && BY_ANY_CRITERION.test(word)) {
          const before = [...inSentence].reverse().find((other) => other.parent === undefined && BY_ANY_CRITERION.test(other.triggerText));
          if (before) total = before.totals.get(role);
        }
        // `…收入分别为300.00亿元、50.00亿元和120.00亿元，支出分别为…`: the last figure of an earlier 分别 run is a part
        // of that run, not the total of the next.
        // (`全年预算87.50万元中，因公出国（境）费预算0.00万元，公务用车…、公务接待费预算分别为85.00和2.50万元`: nor is a part of the list the
        // run is nested in; the run names more of its parts.)
        const parentTotal = parent?.totals.get(role);
        if (total && respectively && parentTotal && parentTotal !== total && parentTotal.sentence.id === sentence.id && sameKind(parentTotal, total) && parent!.members.includes(total)) total = undefined;
        if (total && respectively) {
          let k = inSentence.length - 1;
          while (k >= 0 && !/分别/.test(inSentence[k].triggerText)) k--;
          if (k >= 0 && inSentence[k].members.includes(total)) total = undefined;
          // (`四类指标分别得分14.20分、…、23.80分，满分分别为15分、…`: nor is one of an earlier run opened by `分别` and a verb.)
          else if (total && inRespectiveRun(tokens, total)) total = undefined;
        }
        // `A和B分别为x和y` names the parts, not their total; a sentence opening with `分别为：` lists the parts of the figure before it
        // (`…支出445.47万元，较上年增加…。分别为：A…；B…`).
        const opensSentence = respectively && /[：:]$/.test(word) && text.slice(sentence.span.start, start).trim() === '';
        if (!total && !parent && !ownClause && (!respectively || opensSentence)) {
          // `…财政拨款支出具体情况如下：`: the trigger's leading 支出/收入 ends the total's name.
          const nameEnd = /^(?:支出|收入)/.exec(m[0])?.[0] ?? '';
          // (A sibling list after `；` is named by its own clause: `；支出总计包括…`.)
          total = fallbackTotal(analysis, previous, sentence, role, text.slice(sibling ? sentence.span.start + clauseStart : sentence.span.start, start) + nameEnd, subjects, start, m[0], sections);
          // (`…基本支出907.59万元，其中：⏎人员经费771.58万元。其中，工资福利支出（301）768.28万元：…`: a 其中 after a list of one part so far
          // breaks that part down.)
          // (`…年初预算数24.00万元，本年追加9.60万元，全年预算数33.60万元，支出决算数32.46万元，…。其中：公务用车购置费0万元；…`: an
          // adjustment breaks nothing down; the sentence's actual does.)
          const adjustment = (t: ProseToken) => ADJUSTMENT_AMOUNT.test(t.lead) || ADJUSTMENT_WORD.test(t.lead);
          if (total && role === 'amount' && adjustment(total) && !list.members.some(adjustment)) {
            total = analysis.bySentence.get(total.sentence.id)?.find((t) => t.role === 'amount' && t.depth === 0 && /决算|支出|执行/.test(t.lead) && !adjustment(t));
          }
          const opensWithWhereof = /^其\r?\n?中/.test(word) && firstAtOrAfter(tokens, sentence.span.start) === firstAtOrAfter(tokens, start);
          const lone = total && opensWithWhereof && previous?.paragraph === sentence.paragraph ? innermost.get(lastFigure(analysis, previous, role) ?? total) : undefined;
          if (total && lone && lone.totals.get(role) === total && (lone.parts.get(role) ?? []).length === 1) total = lone.parts.get(role)![0];
          // (`（四）住房保障支出1.52万元，…。` / `其中，群众文化（项）支出31.00万元，…`: a 项 larger than the 类 of the numbered item before is
          // another 类's, which the words do not say.)
          const item = total;
          if (item && opensWithWhereof && role === 'amount' && /[（(]类[)）]|支出$/.test(item.subject) && NUMBERED_ITEM.test(item.sentence.text) && list.members.some((t) => t.role === 'amount' && /[（(]项[)）]/.test(t.subject) && t.token.value.gt(item.token.value))) total = undefined;
          // (`…分别为：A118.30万元、B236.85万元…。` / `其中，B项目…全年执行236.85万元`: one of the figures before told of again, no part of the
          // first.)
          if (total && opensWithWhereof && role === 'amount') {
            const told = (analysis.bySentence.get(total.sentence.id) ?? []).filter((b) => b !== total && b.role === 'amount');
            if (list.members.some((t) => t.role === 'amount' && told.some((b) => b.token.value.eq(t.token.value) && b.subject.length >= 2 && t.subject.startsWith(b.subject)))) total = undefined;
          }
          // (`…住房保障支出661.08万元，占3.20%。其中污染防治支出8846.78万元，占一般公共预算财政拨款支出的42.78%`: a lone part whose share
          // names its whole is a part of that whole, not of the figure the sentence before opened with.)
          // (`本期收入…；本期费用3378.78万元…。其中：业务活动费用2786.45万元，占本期费用的82.47%；…`: parts whose first share names the
          // sentence's other figure are that one's.)
          const named = total && role === 'amount' ? shareBaseOfFirstPart(list.members) : undefined;
          if (total && named && !namesSameQuantity(named.base, total.subject)) {
            const other = [...(analysis.bySentence.get(total.sentence.id) ?? [])].reverse().find((t) => t.role === 'amount' && t.depth === 0 && namesSameQuantity(named.base, t.subject));
            total = other ?? (named.lone ? undefined : total);
          }
          // (`其中，乡村振兴衔接资金两项合计2130.40万元；…两项合计5292.15万元`: sub-totals of items listed before are no breakdown of the
          // figure the sentence before opened with.)
          const amountMembers = list.members.filter((t) => t.role === 'amount');
          if (total && role === 'amount' && amountMembers.length > 0 && amountMembers.every((t) => GROUP_SUBTOTAL.test(t.subject))) total = undefined;
          // (`…主要包括：电费1287.60万元、…等。其中电费、水费合计1450.05万元`: a part naming the total among others is no part of it.)
          if (total && role === 'amount' && amountMembers.some((t) => /[、和及与]/.test(t.subject) && t.subject.split(/[、和及与]/).includes(total!.subject))) total = undefined;
          // (`按资金来源分，…` with a comma breaks down the whole its own paragraph states before it, not the last figure of another.)
          // (Unless it names that whole right after the comma: `按单位分，本年收入合计中，市局机关…`.)
          const framed = FRAME_AFTER_TRIGGER.exec(text.slice(end, end + 24))?.[1];
          if (total && COMMA_CRITERION.test(m[0]) && total.sentence.paragraph !== sentence.paragraph && !(framed && subjectsMatch(normalizeSubject(framed), total.subject))) total = undefined;
          // (`按采购方式分：公开招标…` breaks down what was procured, not whatever figure came last: `授予中小企业合同金额` is a part of it.)
          if (total && BY_PROCUREMENT_METHOD.test(word) && !PROCUREMENT_TOTAL.test(total.subject)) total = undefined;
          // (`本部门收入总计…，本年支出合计…。按单位划分，A支出…，B支出…`: units' spending breaks down the spending figure of the
          // sentence before, not its first.)
          // (So does a sentence opening with 其中 after one that states both sides: `局本级本年收入合计…；本年支出合计…。其中：基本支出…、项目支出…`.)
          if (total && role === 'amount') total = onSideOfParts(analysis, total, list.members);
          // (`其中：基本支出…；项目支出…。` / `从支出结构看，项目支出2.39亿元，基本支出近1.51亿元。`: the figure of the sentence before that a
          // view opening would take is a sibling of the parts, another member of their breakdown, not their total.)
          const fallback = total;
          if (fallback && VIEW_OPENING.test(word) && list.members.some((t) => t.subject !== fallback.subject && distinctMembers([t.subject, fallback.subject]))) {
            // (The breakdown that sibling is a part of is the one the view restates: its total is theirs, `本年支出合计…，其中：
            // 基本支出…；项目支出…。从支出结构看，项目支出2.86亿元，基本支出约1.6亿元。`)
            const siblings = innermost.get(fallback);
            const whole = siblings?.totals.get(role);
            total = whole && list.members.every((t) => t.role !== role || siblings!.members.some((m) => m.role === role && m.subject === t.subject)) ? whole : undefined;
          }
          // (…and so is one a sentence or two further back in its section, `其中：基本支出…；项目支出…。与上年相比，基本支出由…变为…。
          // 从支出结构看，项目支出3101.2万元，基本支出2178.4万元。`)
          if (!total && VIEW_OPENING.test(word)) total = restatedBreakdown(lists, list.members, role, sentences, sentence.section);
          // (`…总计均为2.40亿元（23,968.61万元）。其中：…`: of a total and its restatement, the finer.)
          const inItsSentence = total && analysis.bySentence.get(total.sentence.id);
          if (total && inItsSentence && inItsSentence[total.index + 1] && restatesPrevious(inItsSentence, total.index + 1)) total = finer(total, inItsSentence[total.index + 1]);
          // (Its own parts, not those of a list nested in it: `其中局本级政府采购支出…；二级单位…政府采购支出金额…，其中面向小微企业采购…`.)
          if (total && role === 'amount') total = commonQuantityTotal(list.members.filter((_, k, all) => !all.slice(1, k + 1).some((x) => /其中/.test(x.lead))), total, subjects, start) ?? otherSideTotal(analysis, list.members, total, m[0]) ?? total;
          // (`本年支出合计11341.47万元。` / `按单位划分，局本级本年支出合计10320.85万元，所属3个事业单位本年支出合计1020.62万元。`: the units'
          // figures name the quantity they break down, stated before.)
          else if (!total && role === 'amount' && BY_ANY_CRITERION.test(word)) total = commonQuantityTotal(list.members, undefined, subjects, start);
          // (`…支出合计3729.65万元…。其中：基本支出3207.66万元…；项目支出521.99万元…。` / `其中，局机关1132.74万元、市图书馆…`: units
          // break down the whole, not the first part of its breakdown.)
          const whole = total && role === 'amount' && unitsOnly(list.members) ? innermost.get(total)?.totals.get('amount') : undefined;
          if (whole && whole !== total) total = whole;
          // (`年初结转和结余244.19万元，本年收入…，年末结转和结余502.02万元。其中：基本支出结转25.71万元，项目支出结转和结余…`: the
          // split into 基本支出结转 and 项目支出结转和结余 is the year-end balance's, wherever the sentence before opened.)
          // (So is a split by fund, `…年末财政拨款结转和结余5.86万元。其中一般公共预算财政拨款年末结转和结余3.86万元，政府性基金…2.00万元`.)
          if (total && role === 'amount' && !/^年末/.test(total.subject) && list.members.length > 0 && (list.members.every((t) => BALANCE_PART.test(t.subject)) || list.members.filter((t) => t.role === 'amount').every((t) => FUND_YEAR_END.test(t.subject)))) {
            const yearEnd = [...(analysis.bySentence.get(total.sentence.id) ?? [])].reverse().find((t) => t.role === 'amount' && YEAR_END_BALANCE.test(t.subject) && t.token.span.start < start);
            if (yearEnd) total = yearEnd;
          }
          // `…本年收支结余4091亿元。其中，基本养老保险费收入17002亿元…`: a balance has no 收入/支出 parts.
          // (Nor items' spending: `年初结转和结余95.00万元，本年收入…。` / `其中：…（项）646.30万元，年末结转48.70万元；…`.)
          if (total && /(?:结余|结转)$/.test(total.subject) && (!list.members.some((t) => /结余|结转/.test(t.subject)) || list.members.some((t) => /(?:支出|[（(][类款项][)）])$/.test(t.subject)))) total = undefined;
          // (`按支出功能分类科目划分，社会保障和就业支出…`: the spending by 类 is of a spending total, the nearest stated in the
          // section, not of whatever the sentence before opened with.)
          if (role === 'amount' && BY_FUNCTION.test(word) && !(total && SPENDING_TOTAL.test(total.subject))) {
            total = subjects.find('支出合计', start, (t) => t.role === 'amount' && t.token.span.start < start && t.sentence.section === sentence.section && SPENDING_TOTAL.test(t.subject));
          }
          // (`公用经费249.13万元，包括：…。` / `按经济分类划分，工资福利支出1082.56万元，…资本性支出6.80万元。`: a breakdown by a criterion that
          // adds up to another figure stated before it in the section, not to the one before it, is that figure's.)
          if (role === 'amount' && total && total.sentence !== sentence && BY_ANY_CRITERION.test(word)) total = addedUpTo(analysis, list.members, total, sentence) ?? total;
        }
        // (`其中：收入包括…`: a side word right after its parent's trigger lists that side of the parent's 收入、支出总计.)
        if (!total && parent && role === 'amount' && SIDE_WORD.test(text.slice(parent.trigger.end, start))) {
          const whole = parent.totals.get('amount');
          if (whole && /收入、?支出|收、?支/.test(whole.subject)) total = whole;
        }
        // `“三公”经费中，因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为…`: the frame names the whole.
        if (!total && !parent && respectively && role === 'amount') {
          const frame = /^([^，,。；;：:]{2,24})中[，,]/.exec(sentenceText);
          const named = frame ? normalizeSubject(frame[1]) : '';
          const found = named ? subjects.find(named, sentence.span.start, (t) => t.role === 'amount' && t.token.span.start < sentence.span.start) : undefined;
          if (found && subjectsMatch(found.subject, named)) total = found;
        }
        // (`人员经费1105.47万元，主要包括：基本工资、…等；其中工资福利支出1079.79万元，…`: after a list that named its parts in
        // words only, up to this clause's `；`, a list of figures breaks down that list's total.)
        const wordsOnly = inSentence.at(-1);
        if (!total && role === 'amount' && wordsOnly && clauseStart > 0 && (wordsOnly === parent || wordsOnly.region.end === sentence.span.start + clauseStart - 1) && wordsOnly.members.every((t) => t.token.span.start >= start)) total = wordsOnly.totals.get(role);
        // (`从单位构成看，局机关本年收入…；…。上述5个单位本年收入合计4456.63万元。`: the units' own total, in the sentence after.)
        if (role === 'amount' && BY_UNIT.test(word) && regionEnd === sentence.span.end) total = closingTotalAfter(analysis, sentence.id) ?? total;
        if (total) list.totals.set(role, total);
      }
      const count = list.totals.get('count');
      if (count) {
        // (The other unit's total stands right before the count total: `41批次、205人次`; or, in the sentence
        // before, right after it: `接待批次35批次，接待人数280人次。其中，…`.)
        const own = count.sentence.id === sentence.id ? tokens : analysis.bySentence.get(count.sentence.id) ?? [];
        const otherUnit = (t: ProseToken | undefined) => t !== undefined && t.role === 'count' && t.token.unitText !== count.token.unitText;
        const before = own[count.index - 1];
        const after = own[count.index + 1];
        if (otherUnit(before) && (own !== tokens || before.index >= scopeFirst) && /^[、和及与]?$/.test(count.lead)) list.otherCount = { total: before, parts: [] };
        else if (own !== tokens && otherUnit(after) && /^[，,、和及与]?[^\d，,；;。]{0,6}$/.test(after.lead)) list.otherCount = { total: after, parts: [] };
      }
      // `2021年度“三公”经费合计支出20.12万元，其中：…公务接待12.39万元`: the parts of last year's total are
      // last year's figures, whatever their own words say.
      if (afterLastYears) {
        list.totals.set('prior', beforeTrigger);
        for (const t of list.members) {
          if (t.role === 'amount' && t.year === undefined) {
            t.role = 'prior';
            t.year = beforeTrigger.year;
          }
        }
      }
      // `基金收入300.00万元，其中：保险费收入290.00万元，利息收入10.00万元；基金支出280.00万元；本年收支结余…`: a `；` before
      // the other side (支出 after a 收入 total, 收入 after a 支出 one, or a balance) ends a top-level list.
      // `年末编制人数41人，其中：行政编制18人，事业编制23人；实有在职人员39人；…`: so does a `；` before the staff actually in post,
      // which are no part of the establishment (编制). The earlier of the two cuts ends the list.
      const head = list.totals.get('amount') ?? list.totals.get('budget');
      const establishment = list.totals.get('count');
      if (!parent && (head || establishment)) {
        // (Up to the next trigger at most: a `；` after it is that list's to judge, and scanning on to the end of
        // a sentence of many lists would be quadratic.)
        const searched = { start: list.region.start, end: Math.min(list.region.end, nextTrigger) };
        let sideCut = head ? otherSideClause(text, searched, /收入|支出/.test(head.lead) ? head.lead : head.subject) : undefined;
        // (By unit, each unit's clause may state both sides, `分单位看：局本级收入668.32万元、支出666.96万元，…；文化馆收入…`: the next
        // unit's 收入 opens no other side.)
        if (sideCut !== undefined && BY_UNIT.test(word) && BOTH_SIDES.test(text.slice(list.region.start, sideCut))) sideCut = undefined;
        const staffCut = establishment ? staffClause(text, searched, /编制/.test(establishment.subject)) : undefined;
        const chainCut = semicolonBefore(text, searched, (from) => CHAIN_CLAUSE.test(text.slice(from, from + 5)));
        // (`项目支出1065.04万元中，A…，占项目支出的42.69%；B…；从资金来源看，…`: a clause looking at the whole by another criterion
        // starts another breakdown.)
        const viewCut = semicolonBefore(text, searched, (from) => OTHER_VIEW_CLAUSE.test(text.slice(from, from + 24)));
        // (`公务用车购置及运行维护费7.86万元，其中：购置费0万元，运行维护费7.86万元…；公务接待费4.16万元`: a clause opening with a
        // peer of the total in a standard breakdown is the next member of that breakdown, not a part of this one.)
        const peerCut = head?.role === 'amount' ? semicolonBefore(text, searched, (from) => {
          const t = tokens[firstAtOrAfter(tokens, from)];
          return t !== undefined && t.role === 'amount' && t.ownSubject && (peerMembers(head.subject, t.subject) || otherClass(head.subject, t.subject));
        }) : undefined;
        const cuts = [sideCut, staffCut, chainCut, peerCut, viewCut].filter((c): c is number => c !== undefined);
        const cut = cuts.length > 0 ? Math.min(...cuts) : undefined;
        if (cut !== undefined) {
          list.region.end = cut;
          list.members = tokens.slice(first, firstAtOrAfter(tokens, cut));
        }
      }
      // (A 分别 run nested in a list, with no total of its own, names more of that list's parts: it opens no list.)
      // (Not a run of another attribute of the same things, `…分别得分14.20分、…，满分分别为15分、…`: its figures name nothing new.)
      // (Nor one right after a list's trigger, whose words name that list's parts: `…补助40.11万元（其中：退休费、生活补助、奖励金分别为
      // 31.74万元、7.46万元、0.91万元）`. Its figures are that list's, whose region stopped at the 分别.)
      const namesOnly = respectively && list.totals.size === 0 ? inSentence.find((l) => l.region.end === start && l.members.length === 0 && l.totals.size > 0) : undefined;
      if (namesOnly) {
        namesOnly.region.end = list.region.end;
        namesOnly.members = list.members;
        continue;
      }
      if (respectively && parent && list.totals.size === 0 && namesMoreParts(list, parent)) continue;
      lastChildEnd.set(parent?.id, list.region.end);
      lists.push(list);
      open.push(list);
      inSentence.push(list);
    }
    // Parts: the members a list holds directly, not through a list nested in it. Lists are in
    // order of their triggers, so a nested list comes after its parent and overrides it.
    for (const list of inSentence) for (const t of list.members) innermost.set(t, list);
    for (const list of inSentence) {
      const bracketed = inBrackets(text, list.region, list.members);
      for (const role of [...LIST_ROLES, 'prior'] as Role[]) {
        const total = list.totals.get('count');
        // (`从支出结构看，一般公共预算财政拨款支出1867.82万元，教育支出…`: the total restated among its parts is none of them.)
        const own = list.totals.get(role);
        // (A figure restating the one before it in another unit is no part of its own: `2.49万元，即24892.27元`.)
        // (Nor a term of a formula the figure before is stated with: `人员经费1149.82万元=工资福利支出1066.10万元+…`.)
        // (Nor a figure of another year, `…退休人员23人，2023年为21人`, in a list of this year's.)
        // (Nor an average, `生均教学科研及辅助用房15.10平方米`, nor the people a body serves in a list of its staff, `教职工526人，其中专任
        // 教师398人；全日制在校生8,460人`.)
        // (Nor, under a budget, its adjustments, nor under a 年初 one the 全年 one: `年初预算数8,156.50万元，其中…；年中追加预算274.76万元，
        // 调减预算318.90万元，全年预算数为8,112.36万元`. A 全年 budget's 年初 part is one: `全年预算数…，其中：年初预算75.86万元，上年结转…`.)
        const notPart = (t: ProseToken) =>
          (t.year !== undefined && own !== undefined && own.year === undefined) ||
          AVERAGE_NAME.test(t.subject) ||
          (role === 'count' && own !== undefined && STAFF.test(own.subject) && SERVED.test(t.subject)) ||
          (role === 'budget' && own !== undefined && (ADJUSTMENT_AMOUNT.test(t.lead) || (budgetKind(own.lead) === 'initial' && budgetKind(t.lead) === 'adjusted')));
        // (A run of years, `2016年、2017年、2018年机关运行经费分别为224.48万元、205.44万元和189.47万元，合计619.39万元`: last year's figure is
        // one of the parts its 合计 adds up.)
        const byYears = role === 'amount' && !own && list.members.some((t) => t.role === 'prior') && new Set(list.members.map((t) => t.year)).size >= 2;
        // (Nor the total restated as the frame of its parts: `按款级科目划分，三项救助资金13440.44万元中：最低生活保障…`.)
        const restatedFrame = (t: ProseToken) => {
          const end = t.token.unitSpan?.end ?? t.token.span.end;
          return own !== undefined && t.token.value.eq(own.token.value) && t.token.unit === own.token.unit && /^\s*中[：:，,]/.test(text.slice(end, end + 3));
        };
        // (Nor the one part a part is wholly made of: `其中：行政事业单位医疗（款）139.89万元，全部为行政单位医疗（项）139.89万元`.)
        const wholly = (t: ProseToken) => {
          const before = tokens[t.index - 1];
          return WHOLLY.test(t.lead) && before !== undefined && before.role === t.role && before.token.unit === t.token.unit && before.token.value.eq(t.token.value);
        };
        const direct = list.members.filter((t) => innermost.get(t) === list && !bracketed.has(t) && !t.restates && !restatedFrame(t) && !wholly(t) && !FORMULA_TERM_LEAD.test(t.lead) && !notPart(t) && (t.role === role || (byYears && t.role === 'prior' && isMoney(t.token.unit))) && (role !== 'count' || countPart(text, t, total)) && !isSubtotal(text, tokens, t, own !== undefined) && !(own && t.ownSubject && t.subject === own.subject));
        list.parts.set(role, withoutSubsetParts(direct));
      }
      if (list.otherCount) list.otherCount.parts = list.members.filter((t) => innermost.get(t) === list && !bracketed.has(t) && t.role === 'count' && countPart(text, t, list.otherCount!.total));
    }
    for (const list of [...inSentence]) {
      if (list.parent !== undefined) continue;
      const otherSide = endAtExactPrefix(list, text, innermost);
      if (otherSide) {
        otherSide.id = lists.length;
        lists.push(otherSide);
        for (const t of otherSide.members) if (!innermost.has(t)) innermost.set(t, otherSide);
      }
    }
    const previousTokens = previous?.paragraph === sentence.paragraph ? analysis.bySentence.get(previous.id) ?? [] : [];
    // (The paragraph's sentences before, a few, and the numbered lines right before it: what `以上合计` adds up.)
    // (None when there are more of them than that: a total of lines not all read is not checked.)
    const paragraphBefore = () => {
      const earlier: ProseToken[] = [];
      let paragraph = sentence.paragraph;
      for (let k = sentence.id - 1; k >= 0; k--) {
        const other = sentences[k];
        if (other.paragraph !== paragraph && !(other.paragraph === paragraph - 1 && NUMBERED_LINE.test(text.slice(other.span.start, other.span.start + 8)))) break;
        if (k < sentence.id - MAX_BACK_REFERRED_SENTENCES) return undefined;
        paragraph = other.paragraph;
        earlier.unshift(...(analysis.bySentence.get(k) ?? []));
      }
      return earlier;
    };
    // (The figures of the paragraphs an enumeration came from when the sentence opens a paragraph that goes on with it.)
    const continuedBefore = () => {
      const earlier: ProseToken[] = [];
      if (sentence.id === 0 || sentences[sentence.id - 1].paragraph === sentence.paragraph) return earlier;
      for (let k = sentence.id - 1, paragraphs = 0; k >= 0 && paragraphs < MAX_CONTINUED_PARAGRAPHS; k--, paragraphs++) {
        const other = sentences[k];
        if (!CONTINUED_ENDING.test(text.slice(Math.max(other.span.start, other.span.end - 8), other.span.end)) || (sentences[k + 1] && sentences[k + 1].paragraph !== other.paragraph + 1)) break;
        earlier.unshift(...(analysis.bySentence.get(k) ?? []));
        if (sentences[k - 1]?.paragraph === other.paragraph) break;
      }
      return earlier;
    };
    for (const list of [...postfixTotals(tokens, previousTokens, text, innermost, paragraphBefore, continuedBefore), ...madeOf(tokens, text, innermost), ...vehicleKinds(tokens, innermost), ...scoreRuns(tokens), ...familyRuns(tokens, previousTokens, innermost), ...bracketBreakdowns(tokens, text), ...framedLists(tokens, sentenceText, sentence.span.start, subjects, innermost, counts, previousTokens)]) {
      list.id = lists.length;
      lists.push(list);
      for (const t of list.members) innermost.set(t, list);
    }
    if (tokens.length > 0 || previous?.paragraph !== sentence.paragraph) previous = sentence;
  }
  return { lists, listOf: innermost };
}

/**
 * `本年收入合计8785.78万元，由财政拨款收入7087.42万元、事业收入1010.77万元和其他收入687.59万元构成`: a total and
 * the parts it is made of, joined by 、 / 和 / 及 and closed by 构成 / 组成.
 */
function madeOf(tokens: ProseToken[], text: string, innermost: Map<ProseToken, ProseList>): ProseList[] {
  const found: ProseList[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const first = tokens[i];
    const total = tokens[i - 1];
    if (!/^由/.test(first.lead) || total.role !== 'amount' || innermost.has(total) || first.role !== 'amount') continue;
    const parts = [first];
    // (`由因公出国（境）费用0.00万元（占0%）、公务用车购置及运行维护费39.02万元（占95.17%）和…构成`: each part's share in brackets
    // after it.)
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.token.unit === '%' && SHARE_IN_BRACKET.test(t.lead)) continue;
      if (t.role !== 'amount' || !/^[）)]?\s*(?:、|和|及|以及)/.test(t.lead) || innermost.has(t)) break;
      parts.push(t);
    }
    const last = parts.at(-1)!;
    const end = last.token.unitSpan?.end ?? last.token.span.end;
    const after = text.slice(end, end + 24).replace(SHARE_BRACKET_AFTER, '');
    if (parts.length < 2 || !/^(?:等)?(?:共同)?(?:构成|组成)/.test(after) || parts.some((p) => p.token.unit !== total.token.unit || innermost.has(p))) continue;
    const start = first.token.span.start - first.lead.length;
    found.push(plainList(total.sentence.id, total, parts, { start, end: start + 1 }, '由…构成', { start, end }));
  }
  return found;
}

const SHARE_IN_BRACKET = /^[（(]\s*(?:占|比重|占比)/;
const SHARE_BRACKET_AFTER = /^[（(][^（）()]{0,16}[%％][)）]/;

/**
 * `编制数35人，其中：行政编制24人，事业编制11人；实有人数28人，其中：…`: a list whose named parts before a `；` already add up to
 * its whole takes no more parts; a figure after the `；` that opens a list of its own is another whole.
 */
function completedBefore(list: ProseList | undefined, next: ProseToken, cut: number): boolean {
  if (!list || (next.role !== 'amount' && next.role !== 'count') || !next.ownSubject || next.token.zero) return false;
  const total = list.totals.get(next.role);
  if (!total || total.token.unitText !== next.token.unitText) return false;
  const parts = list.members.filter((t) => t.role === next.role && t.ownSubject && t.token.span.start < cut && t.token.unitText === total.token.unitText);
  return parts.length >= 2 && checkSum(operand(total.token, ''), parts.map((t) => operand(t.token, ''))).ok;
}

/** `较上年末减少1辆`: a count's change from last year, not a count. */
const COMPARED_COUNT = /(?:比|较|同比|与)[^，,；;。]*(?:上年|去年|上一年|年初|(?:19|20)\d\d年)[^，,；;。]*$/;
const BARE_CHANGE = /^[，,]?(?:增加|减少|增长|下降|上升|降低|多|少)了?$/;
const AVERAGE_WORDS = /(?:人均|车均|批均|次均|团均|户均|平均)[\u4e00-\u9fff]{0,8}$/;
// (Or the change word alone after the comparison's clause: `196场次，与上年相比，增加24场次`.)
const COUNT_CHANGE = /(?:比|较|同比|与)[^，,；;。]*(?:增加|减少|增长|下降|上升|降低|多|少)了?$|^[，,]?\s*(?:增加|减少|增长|下降|上升|提高|降低)了?$/;

/** The run's figures each name a thing of their own that the parent list's other figures do not. */
function namesMoreParts(run: ProseList, parent: ProseList): boolean {
  const others = new Set(parent.members.filter((t) => !run.members.includes(t)).map((t) => t.subject));
  return run.members.length > 0 && run.members.every((t) => t.ownSubject && t.subject !== '' && !others.has(t.subject));
}


/** `（含所属事业单位…用车2辆）`: a bracket saying what the figure before it includes. */
const INCLUDES_NOTE = /^[（(](?:含|包含|包括|不含)/;

/** A list without a trigger word: one total and its parts, in the total's role (findLists numbers it). */
function plainList(sentence: number, total: ProseToken, parts: ProseToken[], trigger: Span, triggerText: string, region: Span, members = parts): ProseList {
  return { id: -1, sentence, trigger, triggerText, region, totals: new Map([[total.role, total]]), parts: new Map([[total.role, parts]]), members };
}

/** `…；以上两项为人员经费，合计557.48万元。`, `小计12.00万元`: a subtotal of the parts before it, not another part. */
function isSubtotal(text: string, tokens: ProseToken[], t: ProseToken, listHasTotal = false): boolean {
  if (/^小计/.test(t.lead)) return true;
  if (!POSTFIX_TOTAL.test(t.lead)) return false;
  // (`总计3250.94万元…。其中：一般公共预算财政拨款1936.97万元，政府性基金预算财政拨款1313.97万元，合计3250.94万元。`: a bare 合计
  // closing the sentence of a list with its total sums what it lists; without one, postfixTotals makes it the total.)
  if (listHasTotal && t.index >= 2 && tokens.slice(t.index + 1).every((x) => x.role !== t.role)) return true;
  const before = tokens[t.index - 1];
  const words = text.slice(before ? before.token.unitSpan?.end ?? before.token.span.end : t.sentence.span.start, t.token.span.start);
  return /(?:以上|上述|前述)[^。]{0,16}(?:合计|小计|共计|总计)/.test(words);
}

/**
 * `人员经费中，`, `；公用经费中，`, `。人员经费中工资福利支出…`, `2023年“三公”经费财政拨款支出决算中，`, `按单位划分，资产总额中：`: a
 * clause framed by the whole its figures are parts of. (A name longer than 16 characters frames only with a comma after 中.)
 */
const FRAME = /(?:^|[；;。]|(?<=(?:按|从)(?:单位|单位构成|预算单位)(?:划分|看|分)?[，,]))\s*(?:(?:19|20)\d\d\s*年度?)?([^，,。；;：:\d\s]{2,32})中(?:[，,：:]|(?=[\u4e00-\u9fff]))/g;

/**
 * `人员经费中，工资福利支出870.98万元、对个人和家庭的补助0.00万元；公用经费中，福利费46.07万元、…`: the parts of a
 * whole stated before, each clause under its own frame. Only named amounts in no other list.
 */
const TOTAL_AFTER_PARTS = /(?:以上|上述|两项|三项|各项)?(?:合计|共计|总计|小计)(?:为|是)?$/;

/** How far back (in counts) a framed head count's group may have been stated. */
const COUNTS_BACK = 12;

/**
 * The count of a group a frame names (`在职人员中` → `在职48人`, `离退休人员9人`), stated before `start` in the same section, in the
 * same unit as its parts: its name the frame's or the frame's name opening with it.
 */
function countNamed(counts: ProseToken[], frame: string, start: number, part: ProseToken): ProseToken | undefined {
  // (`上述内设机构中，综合管理类机构2个、业务类机构7个`: the group stated before, pointed back to.)
  const named = frame.replace(/^(?:上述|以上|前述)/, '');
  let k = counts.length;
  while (k > 0 && counts[k - 1].token.span.start >= start) k--;
  for (let i = k - 1; i >= 0 && i >= k - COUNTS_BACK; i--) {
    const t = counts[i];
    if (t.sentence.section !== part.sentence.section) return undefined;
    const name = t.subject.replace(/^其中[：:]?/, '');
    if (sameCountUnit(t, part) && name.length >= 2 && (name === named || named.startsWith(name) || name.endsWith(named))) return t;
  }
  return undefined;
}

/** Whether a figure is one of a run opened with `分别` (`分别得分14.20分、23.60分…`), walking back over its joiners. */
function inRespectiveRun(tokens: ProseToken[], t: ProseToken): boolean {
  let k = t.index;
  while (k > 0 && /^[、和及与，,]$/.test(tokens[k].lead) && tokens[k - 1].role === t.role) k--;
  return k < t.index && /分别/.test(tokens[k].lead);
}

function framedLists(tokens: ProseToken[], sentenceText: string, offset: number, subjects: SubjectIndex, innermost: Map<ProseToken, ProseList>, counts: ProseToken[] = [], previousTokens: ProseToken[] = []): ProseList[] {
  const found: ProseList[] = [];
  if (!sentenceText.includes('中')) return found;
  for (const m of allMatches(FRAME, sentenceText)) {
    const named = normalizeSubject(m[1]);
    if (named.length < 4 || (m[1].length > 16 && !/[，,]$/.test(m[0]))) continue;
    const from = m.index! + m[0].length;
    const semicolon = semicolonWithin(sentenceText, from, sentenceText.length);
    const start = offset + from;
    let end = offset + (semicolon < 0 ? sentenceText.length : semicolon);
    // (Sliced by position, not filtered: a sentence of thousands of frames stays linear.)
    let members = tokens.slice(firstAtOrAfter(tokens, start), firstAtOrAfter(tokens, end));
    // (`…，以上合计1861.41万元`: the parts' own total after them is no part.)
    let parts = members.filter((t) => t.role === 'amount' && t.ownSubject && !TOTAL_AFTER_PARTS.test(t.lead));
    // `“三公”经费…支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算1.4万元，占40.46%；公务接待费…`:
    // one part a clause, each clause opening with its part's name; then they must name every member of a standard breakdown.
    let clauses = false;
    if (parts.length === 1 && members[0] === parts[0]) {
      const run = clauseRun(tokens, sentenceText, offset, end, parts[0]);
      if (run.parts.length > 1) {
        clauses = true;
        parts = run.parts;
        end = run.end;
        members = tokens.slice(firstAtOrAfter(tokens, start), firstAtOrAfter(tokens, end));
      }
    }
    // (`在职人员中，行政人员17人，事业人员31人；离退休人员中，离休1人、退休8人`: heads of the group stated before, by its name.)
    if (parts.length < 2 && !members.some((t) => innermost.has(t))) {
      // (Not the breakdown of one of them in brackets: `中小学校…36所（幼儿园12所、小学14所…），其他事业单位4家`.)
      const counted = members.filter((t) => t.role === 'count' && t.ownSubject && countPart(sentenceText, t, undefined));
      const depth = Math.min(...counted.map((t) => t.depth));
      const heads = counted.filter((t) => t.depth === depth);
      const whole = heads.length >= 2 && heads.every((t) => sameCountUnit(t, heads[0])) ? countNamed(counts, named, start, heads[0]) : undefined;
      if (whole) found.push(plainList(heads[0].sentence.id, whole, heads, { start: start - 1, end: start }, '中', { start, end }));
      continue;
    }
    if (parts.length < 2 || members.some((t) => innermost.has(t))) continue;
    // (The whole may be stated with its spending words: `“三公”经费财政拨款支出…支出决算为19.23万元` for `“三公”经费…中`.)
    // (First in the words the sentence just before gives it, whatever subject its fund made of them: `…政府性基金…本年支出2,187.04万元。
    // 本年支出中：…` is that fund's, not the department's 本年支出合计.)
    // (Or a narrower one named with it: `2021年度财政拨款收入总计2644.86万元…。收入总计中，本年财政拨款收入…` is 财政拨款's.)
    // (Its parts then name that qualifier too: not `收入总计中，本年收入…，使用非财政拨款结余…`, the department's.)
    const narrower = onlyOne(previousTokens.filter((t) => t.role === 'amount' && t.depth === 0 && t.ownSubject && t.subject.endsWith(named) && t.subject !== named));
    const qualifier = narrower?.subject.slice(0, -named.length);
    const justBefore = onlyOne(previousTokens.filter((t) => t.role === 'amount' && t.depth === 0 && normalizeSubject(t.lead) === named)) ?? (qualifier && parts.every((p) => p.subject.includes(qualifier)) ? narrower : undefined);
    const total = justBefore ?? [named, `${named}支出`, `${named}财政拨款支出`].map((name) => subjects.find(name, start, (t) => t.role === 'amount' && t.token.span.start < start && t.subject.replace(OWNER, '') === name)).find(Boolean);
    // (Clauses each opening with a part frame the whole only when they name a whole breakdown, or the whole was stated just before.)
    if (!total || (clauses && !justBefore && !coversFamily(parts.map((p) => p.subject), total.subject))) continue;
    const mark = m[0].endsWith('中') ? '中' : m[0].slice(-2);
    found.push(plainList(parts[0].sentence.id, total, parts, { start: start - mark.length, end: start }, mark, { start, end }));
  }
  return found;
}

function onlyOne<T>(xs: T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

/**
 * The parts of a framed list written one a clause: from the part opening the first clause (ending at `end`), each
 * following `；` clause whose first figure is an amount of the same unit named by the words that open the clause.
 */
function clauseRun(tokens: ProseToken[], sentenceText: string, offset: number, end: number, first: ProseToken): { parts: ProseToken[]; end: number } {
  const parts = [first];
  let k = first.index + 1;
  while (end < offset + sentenceText.length && /[；;]/.test(sentenceText.charAt(end - offset))) {
    while (k < tokens.length && tokens[k].token.span.start < end) k++;
    const t = tokens[k];
    if (!t || t.role !== 'amount' || !t.ownSubject || t.token.unit !== first.token.unit) break;
    // (Only the part's name between the `；` and its figure.)
    if (/[，,、：:。（(]/.test(sentenceText.slice(end + 1 - offset, t.token.span.start - offset))) break;
    parts.push(t);
    const next = semicolonWithin(sentenceText, t.token.span.start - offset, sentenceText.length);
    end = offset + (next < 0 ? sentenceText.length : next);
  }
  return { parts, end };
}

/**
 * `公务用车购置及运行维护费25.79万元（购置费14.27万元，运行维护费11.25万元）`, `共计接待7批次，21人次（国内7批次21人次，
 * 外宾0批次1人次）`: a figure broken down in the bracket right after it (a 其中 inside the bracket is a list of its own).
 * With two counts before the bracket, each takes the parts of its unit.
 */
function bracketBreakdowns(tokens: ProseToken[], text: string): ProseList[] {
  const found: ProseList[] = [];
  for (const whole of tokens) {
    if (whole.role !== 'amount' && whole.role !== 'count') continue;
    const after = whole.token.unitSpan?.end ?? whole.token.span.end;
    if (!/^\s*[（(]/.test(text.slice(after, after + 3))) continue;
    const open = after + text.slice(after, after + 3).search(/[（(]/);
    const close = matchingClose(text, open);
    // (Nor a flow over the year, `共有车辆0辆（年初2辆：…，本年处置2辆）`: what it was and what came and went, no parts of it.)
    // (Nor a change of a count by what came and went: `比上年末减少1辆（本年报废执法执勤用车2辆，新购置执法执勤用车1辆）`.)
    // (Nor a difference, `年末净资产4863.27万元（资产总额5104.19万元减负债总额240.92万元）`.)
    if (close < 0 || /其中|包括|分别|年初|上年末|处置|新增|减|扣除|不含|剔除|[－−]|增加/.test(text.slice(open, close)) || (whole.role === 'count' && /报废|购置|调入|调出|划入|划出/.test(text.slice(open, close)))) continue;
    // (The tokens after this one up to the close, not a filter over the sentence: a sentence of many brackets stays linear.)
    const inside: ProseToken[] = [];
    for (let k = whole.index + 1; k < tokens.length && tokens[k].token.span.start < close; k++) if (!enclosed(text, open + 1, tokens[k].token.span.start)) inside.push(tokens[k]);
    // The totals: this figure, and a count of another unit joined to it (`7批次，21人次（…）`).
    const before = tokens[whole.index - 1];
    const totals = [whole, ...(whole.role === 'count' && before?.role === 'count' && before.token.unitText !== whole.token.unitText && /^[，,、和]?$/.test(whole.lead) ? [before] : [])];
    for (const total of totals) {
      const parts = inside.filter((t) => t.role === total.role && (total.role === 'count' ? sameCountUnit(t, total) : t.ownSubject && t.token.unit === total.token.unit));
      if (parts.length < 2) continue;
      const list = plainList(total.sentence.id, total, parts, { start: open, end: open + 1 }, text[open], { start: open + 1, end: close });
      found.push(COMPOSED_OF.test(text.slice(open + 1, close)) ? { ...list, exhaustive: true } : list);
    }
  }
  return found;
}

/** `（由财政拨款收入595.30万元和其他收入9.23万元构成）`: the bracket names all the parts. */
const COMPOSED_OF = /^\s*由[^（）()]*(?:构成|组成)\s*$/;

/** The position of the bracket closing the one at `open` (within 300 characters), or −1. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < Math.min(text.length, open + 300); i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && --depth === 0) return i;
  }
  return -1;
}

/** True when a bracket opened in [from, at) is still open at `at`. */
function enclosed(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth > 0;
}

/** An adjustment of a budget however introduced: `本年追加`, `经年中追加`. */
const ADJUSTMENT_WORD = /(?:追加|调增|调减|追减|压减|核减|核增)(?:预算|资金)?$/;

/** The last figure of a role in the sentence before, when that is in the same paragraph. */
function lastFigure(analysis: ProseAnalysis, previous: { id: number } | undefined, role: Role): ProseToken | undefined {
  return previous ? [...(analysis.bySentence.get(previous.id) ?? [])].reverse().find((t) => t.role === role && t.depth === 0) : undefined;
}

/** More members than any standard breakdown has (sums.ts FAMILIES: nine at most). */
export const MAX_FAMILY_PARTS = 10;

/**
 * `政府采购：总额329.62万元；货物191.07万元；工程0.00万元；服务138.55万元`: an amount followed, without a trigger word,
 * by amounts naming every component of a standard breakdown (sums.ts) is their total. (A share after a part
 * may stand between them.)
 */
function familyRuns(tokens: ProseToken[], before: ProseToken[], innermost: Map<ProseToken, ProseList>): ProseList[] {
  const found: ProseList[] = [];
  // (`政府采购支出总额为593.69万元。货物231.29万元；工程0.00万元；服务352.40万元。`: the total closes the sentence before.)
  // (Only when the parts open their sentence: `基本支出中，人员经费…，公用经费…` names another whole.)
  const first = tokens[0];
  const closing = first && !/[，,：:；;中]/.test(first.sentence.text.slice(0, first.token.span.start - first.sentence.span.start)) ? before.at(-1) : undefined;
  for (let i = closing ? -1 : 0; i < tokens.length; i++) {
    const total = i < 0 ? closing! : tokens[i];
    if (total.role !== 'amount' || innermost.has(total)) continue;
    // (`…合计8611.75万元，为人员经费。人员经费8611.75万元…；公用经费1315.36万元…`: a 合计 without a name of its own closing the
    // sentence before is its own list's, not the whole of the next sentence's breakdown.)
    if (i < 0 && (!total.ownSubject || /^(?:合计|共计|总计|小计)$/.test(total.subject))) continue;
    // (Nor the last of a breakdown that sentence ran through: `基本支出中，工资福利支出…，资本性支出93.02万元。人员经费4653.54万元为…，
    // 公用经费595.86万元为…`.)
    if (i < 0 && closesPeerRun(before)) continue;
    const parts: ProseToken[] = [];
    let k = i + 1;
    // (A breakdown has a handful of members: the walk stops past the largest, so a sentence of many amounts stays linear.)
    for (; k < tokens.length && parts.length <= MAX_FAMILY_PARTS; k++) {
      const t = tokens[k];
      if (t.role === 'share' && parts.length > 0) continue;
      // (A bracket details the part before it: `公务用车购置及运行维护费4.5万元（公务用车购置费0万元、…）`.)
      if (t.role !== 'amount' || innermost.has(t) || !t.ownSubject || t.token.unit !== total.token.unit || /[（(]/.test(t.lead)) break;
      // (`财政拨款收、支总计474.46万元。本年财政拨款收入470.26万元，年初…结转和结余4.20万元；本年财政拨款支出474.46万元`: a total of
      // both sides breaks down once per side; the run ends where the other side begins.)
      if (parts.length > 0 && sideOf(t.subject) !== undefined && sideOf(parts[0].subject) !== undefined && sideOf(t.subject) !== sideOf(parts[0].subject)) break;
      parts.push(t);
    }
    // (Nor a sentence summing up what came before: `（3）公务用车购置（31013）23.80万元；` / `以上合计：人员经费1518.38万元…，公用经费249.49万元…`.)
    if (parts.length > 0 && /以上|合计|共计|总计/.test(i < 0 ? parts[0].lead : between(total, parts[0]))) continue;
    const names = parts.map((p) => p.subject);
    // (A total that would itself be a member is one of a run of peers: `年初结转和结余50.00万元；本年收入…；本年支出…`.)
    // (Nor one that is their peer in another breakdown: `因公出国（境）费0万元，…；公务用车购置费0万元…；公务用车运行维护费16.42万元`.)
    if (parts.length < 2 || parts.length > MAX_FAMILY_PARTS || !coversFamily(names, total.subject) || coversFamily([total.subject, ...names], total.subject) || names.some((n) => peerMembers(total.subject, n))) continue;
    const end = parts.at(-1)!.token.unitSpan?.end ?? parts.at(-1)!.token.span.end;
    found.push(plainList(total.sentence.id, total, parts, { start: total.token.span.start, end: total.token.span.start }, '', { start: parts[0].token.span.start, end }));
    i = k - 1;
  }
  return found;
}

/**
 * Two 类 of the functional classification (`文化旅游体育与传媒支出…，其中文物（款）…；社会保障和就业支出69.30万元`): the second is the
 * next 类, no part of the first's list.
 */
function otherClass(a: string, b: string): boolean {
  const bare = (s: string) => s.replace(/[（(]类[)）]$/, '');
  return CLASS_NAME.test(bare(a)) && CLASS_NAME.test(bare(b)) && bare(a).replace(/支出$/, '') !== bare(b).replace(/支出$/, '');
}

/** The sentence ends with a run of amounts that are the members of one standard breakdown. */
function closesPeerRun(sentence: ProseToken[]): boolean {
  const run: string[] = [];
  for (let k = sentence.length - 1; k >= 0; k--) {
    const t = sentence[k];
    if (t.role === 'share') continue;
    if (t.role !== 'amount' || !t.ownSubject || !isFamilyMember(t.subject)) break;
    run.unshift(t.subject);
  }
  return run.length >= 2 && coversFamily(run, '');
}

/** `综合自评得分98分`, `总分96.5分`: the score a run of scores adds up to, named after it. */
const SCORE_TOTAL = /^[，,]?\s*(?:综合|总|合计|共计)(?:自评)?(?:得分|评分|分)(?:为|是)?$|^[，,]?\s*(?:自评)?总(?:得分|分)(?:为|是)?$/;

/**
 * `自评得分分别为20分、19分、37分、20分，综合自评得分96分`: the scores of the indicators, one after another, and the
 * overall score right after them. (Not the 分值 run before them, `分值分别为20分、20分…`: the points each may reach.)
 */
function scoreRuns(tokens: ProseToken[]): ProseList[] {
  const found: ProseList[] = [];
  for (const first of tokens) {
    if (first.role !== 'score' || !/得分分别(?:为|是)$/.test(first.lead)) continue;
    const parts = [first];
    for (let k = first.index + 1; k < tokens.length && tokens[k].role === 'score' && /^[、，,和及]$/.test(tokens[k].lead); k++) parts.push(tokens[k]);
    const total = tokens[first.index + parts.length];
    if (parts.length < 2 || total?.role !== 'score' || !SCORE_TOTAL.test(total.lead)) continue;
    const end = parts.at(-1)!.token.unitSpan?.end ?? parts.at(-1)!.token.span.end;
    found.push({ ...plainList(total.sentence.id, total, parts, { start: total.token.span.start, end: total.token.span.start }, '', { start: first.token.span.start, end }), exhaustive: true });
  }
  return found;
}

/**
 * `本部门共有车辆16辆，机要通信用车11辆，执法执勤用车9辆，其他用车3辆`: the cars held and their kinds right after,
 * without a 其中.
 */
function vehicleKinds(tokens: ProseToken[], innermost: Map<ProseToken, ProseList>): ProseList[] {
  const found: ProseList[] = [];
  for (const total of tokens) {
    if (total.role !== 'count' || total.token.unitText !== '辆' || innermost.has(total) || !/(?:共有|共计|合计|总计|共)[^，,；;。]{0,6}$/.test(total.lead)) continue;
    const parts: ProseToken[] = [];
    for (let k = total.index + 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.role !== 'count' || t.token.unitText !== '辆' || innermost.has(t) || !t.ownSubject || !/用车$/.test(t.subject)) break;
      parts.push(t);
    }
    if (parts.length < 2) continue;
    const end = parts.at(-1)!.token.unitSpan?.end ?? parts.at(-1)!.token.span.end;
    found.push(plainList(total.sentence.id, total, parts, { start: total.token.span.start, end: total.token.span.start }, '', { start: parts[0].token.span.start, end }));
  }
  return found;
}

/** `合计接待17批次`, `共计出国3个团组`: a count total after its parts. */
const POSTFIX_COUNT_TOTAL = /^(?:合计|共计|总计)(?:接待|出国|派出|组织)?(?:为|是)?$/;

/** How many parts a total after its parts is looked for among, and how many tokens back, walking back (counts: fewer). */
const MAX_POSTFIX_PARTS = 40;
const MAX_POSTFIX_WALK = 120;
const MAX_POSTFIX_COUNTS = 12;
const MAX_POSTFIX_COUNT_WALK = 48;
/** The name of a whole score: `自评得分`, `总分`, `综合评分`. */
const WHOLE_SCORE = /(?:自评|评价|综合|整体|项目)?(?:总得?分|得分|评分)$/;
/** `…包含在年初结转和结余475.43万元` before a 中: a figure named as what another is contained in. */
const CONTAINED_IN = /(?:包含|包括|计入|列入|纳入|并入)在?[^，,。；;：:]{0,30}$/;
/** A paragraph that ends mid-enumeration (`…河源市15,805.87万元；` before a blank line): the next one goes on with it. */
const CONTINUED_ENDING = /[；;、，,]\s*$/;
/** How many paragraphs an enumeration broken over paragraphs is followed back. */
const MAX_CONTINUED_PARAGRAPHS = 6;
const BACK_REFERRING = /^(?:以上|上述|前述)/;
/** `以上合计即本年收入合计`, `上述各项合计为`: a total of the lines before, named again after it. */
const BACK_REFERRING_TOTAL = /^(?:以上|上述|前述)(?:各项|几项)?(?:合计|共计|总计)(?:即|为|是)?[^，,。；;：:\d]{0,16}$/;
const NUMBERED_LINE = /^\s*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])/;
const MAX_BACK_REFERRED_SENTENCES = 30;

/**
 * `人员经费666.40万元、公用经费96.04万元，合计762.44万元`, `国内公务接待2.19万元，5批次…；国（境）外公务接待0.57万元，
 * 2批次…；合计2.76万元`: named amounts before a total. Counts between them and amounts inside a bracket (a part's
 * own breakdown) are passed over. The parts are the run back to the first that adds up to the total; when none
 * does (a slip), those of the total's `；` clause, or all of them when that clause has fewer than two.
 */
function postfixTotals(tokens: ProseToken[], before: ProseToken[], text: string, innermost: Map<ProseToken, ProseList>, paragraphBefore: () => ProseToken[] | undefined, continuedBefore: () => ProseToken[]): ProseList[] {
  const found: ProseList[] = [];
  const totals = new Set<ProseToken>();
  for (const total of tokens) {
    const role = total.role;
    // `…；外事接待2批次、3人次。合计接待17批次、115人次`: counts too, the second total joined to the first.
    // (`合计2.27万元、18批次、90人次`: counts joined to a total of money or of another count are totals too.)
    const lastTotal = found.at(-1)?.totals.get('count') ?? found.at(-1)?.totals.get('amount');
    const lastCountTotal = found.at(-1)?.totals.get('count');
    const countTotal = role === 'count' && (POSTFIX_COUNT_TOTAL.test(total.lead) || (lastTotal !== undefined && tokens[total.index - 1] === lastTotal && /^[、和，,]$/.test(total.lead)));
    // (Last year's figures too: `2023年度“三公”经费支出构成为：因公出国（境）费7.94万元，…，合计35.74万元`.)
    if (!((role === 'amount' || role === 'prior') && (POSTFIX_TOTAL.test(total.lead) || BACK_REFERRING_TOTAL.test(total.lead))) && !countTotal) continue;
    if (innermost.has(total)) continue;
    // (A count joined to the total before it is a total too, not the last part's: `合计2.27万元、18批次`.)
    if (role === 'count' && !POSTFIX_COUNT_TOTAL.test(total.lead)) total.subject = '';
    // A total that opens its sentence (alone or after the totals it is joined to) adds up the sentence before.
    let opens = true;
    for (let i = 0; i < total.index && opens; i++) opens = totals.has(tokens[i]);
    // (`1. …4659.46万元；` / `2. …；` / … / `4. 其他收入0.00万元；以上合计…4700.77万元`: `以上` reaches back over the paragraph's lines.)
    const backReferring = BACK_REFERRING.test(total.lead);
    const earlier = backReferring ? paragraphBefore() : [];
    if (!earlier) continue;
    // (`分地区看，广州市…、河源市…；` / `梅州市…；` / `湛江市…、云浮市…，合计316,100.55万元`: an enumeration broken over paragraphs goes
    // on from the paragraphs before; their figures in a list of no total of its own are parts too.)
    const carried = !backReferring && !opens && tokens[0]?.role === role ? continuedBefore() : [];
    const sequence = backReferring ? [...earlier, ...tokens.slice(0, total.index)] : opens ? before : [...carried, ...tokens.slice(0, total.index)];
    const parts: ProseToken[] = [];
    let depth = 0;
    let at = total.token.span.start;
    // (Walked back a bounded number of tokens, so a long sentence of totals stays linear.)
    const last = sequence.length - 1;
    // (Counts walk past whatever stands between them, so not as far.)
    const [maxParts, maxWalk] = role === 'count' ? [MAX_POSTFIX_COUNTS, MAX_POSTFIX_COUNT_WALK] : [MAX_POSTFIX_PARTS, MAX_POSTFIX_WALK];
    let i = last;
    for (; i >= 0 && i > last - maxWalk && parts.length < maxParts; i--) {
      const t = sequence[i];
      // (Walking back, `）` opens a bracket and `（` closes it.)
      for (let c = at - 1; c >= t.token.span.end; c--) {
        const ch = text.charCodeAt(c);
        if (ch === 0xff09 || ch === 0x29) depth++;
        else if ((ch === 0xff08 || ch === 0x28) && depth > 0) depth--;
      }
      at = t.token.span.start;
      if (depth > 0) continue;
      if (role === 'count') {
        // Counts of the same unit, whatever stands between them (the money of each kind, the other unit).
        if (t.role === 'count' && t.token.unitText === total.token.unitText && t !== lastCountTotal) parts.unshift(t);
        continue;
      }
      if (t.role === 'count') continue;
      const listed = innermost.get(t);
      if (t.role !== role || !t.ownSubject || (listed && !(i < carried.length && !listed.totals.has(role))) || t.token.unit !== total.token.unit || t.year !== total.year) break;
      parts.unshift(t);
    }
    // (More parts than are walked back: not all of them read, no sum to check.)
    if (i >= 0 && (parts.length >= maxParts || i <= last - maxWalk)) continue;
    const chosen = closingRun(parts, total, text, parts.length > 0 && carried.includes(parts[0]));
    if (chosen.length < 2) continue;
    totals.add(total);
    const start = total.token.span.start - total.lead.length;
    // (Counts already in a 其中 list stay its members.)
    const trigger = { start, end: total.token.span.start };
    const list = plainList(total.sentence.id, total, chosen, trigger, total.lead, { start: chosen[0].token.span.start, end: start }, chosen.filter((t) => !innermost.has(t)));
    found.push({ ...list, exhaustive: true });
  }
  return found;
}

/** The parts of a total after them: the shortest run back from the total that adds up to it, else its clause's. */
function closingRun(parts: ProseToken[], total: ProseToken, text: string, overParagraphs: boolean): ProseToken[] {
  // (At most MAX_POSTFIX_PARTS parts: each run checked afresh stays cheap.)
  const whole = operand(total.token, '');
  const operands = parts.map((t) => operand(t.token, ''));
  for (let k = parts.length - 2; k >= 0; k--) {
    if (checkSum(whole, operands.slice(k)).ok) return parts.slice(k);
  }
  // (An enumeration broken over paragraphs ends its lines with `；`: its clauses are its lines, all of them parts.)
  if (overParagraphs) return parts;
  // (Searched back to the first part only: a long sentence of totals stays linear.)
  let clauseStart = -1;
  for (let c = total.token.span.start - 1; parts.length > 0 && c > parts[0].token.span.start && clauseStart < 0; c--) if (text[c] === '；' || text[c] === ';') clauseStart = c;
  const inClause = parts.filter((t) => t.token.span.start > clauseStart);
  return inClause.length >= 2 ? inClause : parts;
}

/** Parts that name a subset of another part: 小微企业 are 中小企业 (政府采购 sections state both). */
const SUBSETS: Array<{ whole: RegExp; part: RegExp }> = [{ whole: /中小企业/, part: /小微企业/ }];

/** The parts without those that name a subset of an earlier part (one pass: wholes are remembered as they come). */
function withoutSubsetParts(parts: ProseToken[]): ProseToken[] {
  const seen = new Set<(typeof SUBSETS)[number]>();
  // (Nor a part stated again, `授予中小企业合同金额91.05万元，…；授予中小企业合同金额91.05万元中，授予小微企业…`: the same name and figure.)
  const stated = new Set<string>();
  return parts.filter((t) => {
    const key = t.ownSubject && t.subject && !t.token.value.isZero() ? `${t.subject}|${t.token.value.toString()}|${t.token.unit}` : '';
    if (key && stated.has(key)) return false;
    if (key) stated.add(key);
    const within = SUBSETS.some((s) => seen.has(s) && s.part.test(t.subject));
    for (const s of SUBSETS) if (s.whole.test(t.subject) && !s.part.test(t.subject)) seen.add(s);
    return !within;
  });
}

/** `上述5个单位本年收入合计4456.63万元`, opening the sentence after a list: the total of its parts. */
function closingTotalAfter(analysis: ProseAnalysis, sentenceId: number): ProseToken | undefined {
  const next = analysis.bySentence.get(sentenceId + 1) ?? [];
  const first = next.find((t) => t.role === 'amount');
  if (!first) return undefined;
  const words = first.sentence.text.slice(0, first.token.span.start - first.sentence.span.start);
  return CLOSING_TOTAL.test(words) ? first : undefined;
}
const CLOSING_TOTAL = /^\s*(?:以上|上述)[^，,；;。]{0,20}(?:合计|共计|总计)(?:为|是)?$/;

/** The amount of `total`'s sentence on the side (收入 / 支出) every part names, when `total` names the other one. */
function onSideOfParts(analysis: ProseAnalysis, total: ProseToken, members: ProseToken[]): ProseToken | undefined {
  const parts = members.filter((t) => t.role === 'amount' && t.depth === 0);
  const side = parts.length > 0 ? sideOf(parts[0].subject) : undefined;
  if (!side || !parts.every((p) => sideOf(p.subject) === side) || sideOf(total.subject) !== (side === '收入' ? '支出' : '收入')) return total;
  return (analysis.bySentence.get(total.sentence.id) ?? []).find((t) => t.role === 'amount' && t.depth === 0 && sideOf(t.subject) === side);
}

/**
 * `区文化和旅游局本级“三公”经费支出3.00万元，其中：公务用车运行维护费2.00万元，公务接待费1.00万元；区图书馆…1.50万元…`:
 * when the amounts before a `；` already add up to the total, the figures after it are another statement
 * (another unit's, or a figure outside the breakdown such as `；“三公”经费支出2.00万元`), not more parts. At
 * least two parts must add up: one part equal to its total is no evidence, and two parts hitting the
 * total by chance while a true part follows is too unlikely to weigh against the false alarm.
 */
function endAtExactPrefix(list: ProseList, text: string, innermost: Map<ProseToken, ProseList>): ProseList | undefined {
  // (Counts too: `实际完成488户，…其中芝河镇112户、…打石腰乡88户；经…验收，合格481户`.)
  const role: Role = (list.parts.get('amount') ?? []).length >= 3 || !list.totals.has('count') ? 'amount' : 'count';
  const total = list.totals.get(role);
  const parts = list.parts.get(role) ?? [];
  // (A breakdown by unit names each unit's figures between its `；`: `按单位分：局本级收入…、支出…；德阳市图书馆收入…`.)
  if (!total || parts.length < 3 || BY_UNIT.test(list.triggerText)) return undefined;
  // The parts before each `；` in turn, summed as the walk goes (a megabyte list of `；` stays linear).
  const whole = role === 'count' ? asExact(operand(total.token, '')) : operand(total.token, '');
  let sum = ZERO;
  let tolerance = whole.halfUlp;
  let before = 0;
  let nonZero = 0;
  // (Also at a `，` after items joined by `、`: `其中：中央补助300万元、省级配套150万元、市级配套50万元，累计已拨付420万元`.)
  const enumerated = text.slice(list.region.start, Math.min(list.region.end, parts.at(-1)!.token.span.start)).includes('、');
  // (Not inside a bracket: `特种专业技术用车1辆（应急通信指挥车，使用…购置）、其他用车1辆`.)
  let depth = 0;
  const nextCut = (from: number) => {
    for (let i = from; i < list.region.end; i++) {
      const c = text[i];
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && depth > 0) depth--;
      else if (depth === 0 && (c === '；' || c === ';' || (enumerated && c === '，'))) return i;
    }
    return -1;
  };
  // `收入、支出总计1200.00万元。其中：年初结转和结余…，本年收入合计…；本年支出合计…，年末结转和结余…`: a total of both
  // sides breaks down twice, once per side: at the first `；` with two figures on each side, whether they add up or not.
  const bothSides = /收入、支出总计$/.test(total.subject);
  for (let at = nextCut(list.region.start); at >= 0; at = nextCut(at + 1)) {
    for (; before < parts.length && parts[before].token.span.start < at; before++) {
      const part = role === 'count' ? asExact(operand(parts[before].token, '')) : operand(parts[before].token, '');
      sum = sum.plus(part.value);
      tolerance = tolerance.plus(part.halfUlp);
      if (!parts[before].token.zero) nonZero++;
    }
    // (Nor before parts that are all zero: `…“中”的项目3个；…“差”的项目0个`, the grade list goes on.)
    if (before === parts.length || parts.slice(before).every((p) => p.token.zero)) return undefined;
    // (Not clauses by fund, each with both sides: `其中：一般公共预算…本年收入…、本年支出…；政府性基金预算…本年收入…、本年支出…`.)
    const oneSide = (ps: ProseToken[]) => !(ps.some((p) => sideOf(p.subject) === '收入') && ps.some((p) => sideOf(p.subject) === '支出'));
    const sideBySide = bothSides && before >= 2 && parts.length - before >= 2 && text[at] !== '，' && oneSide(parts.slice(0, before)) && oneSide(parts.slice(before));
    if (!sideBySide) {
      // (A whole number beside a total in decimals is no evidence: `6万元` with `17.31万元` matches anything within ±0.5.
      // Nor is a zero part: `因公出国（境）费0万元；公务用车…37.35万元；公务接待费…1.53万元` under a total of 37.35 is one
      // part equal to its total, and the third part is the slip.)
      // (Unless the parts before the cut are a standard breakdown, complete: `政府采购支出总额35.28万元，其中：货物35.28万元，工程0.00万元，
      // 服务0.00万元；授予中小企业合同金额35.28万元`.)
      if (whole.value.minus(sum).abs().gt(tolerance) || (nonZero < 2 && !coversFamily(parts.slice(0, before).map((p) => p.subject), total.subject))) continue;
      // (…unless the figures after the cut add up to the total as well: `收入100万元，年初结转20.00万元；支出110.00万元，…`.)
      const loose = (ps: ProseToken[]) => total.token.decimals > 0 && ps.some((p) => p.token.decimals === 0 && p.token.text !== '0');
      const after = parts.slice(before);
      if (loose(parts.slice(0, before)) && (loose(after) || after.length < 2 || !checkSum(whole, after.map((p) => operand(p.token, ''))).ok)) continue;
    }
    const end = list.region.end;
    const rest = list.members.filter((t) => t.token.span.start > at && innermost.get(t) === list);
    list.region.end = at;
    for (const t of rest) innermost.delete(t);
    list.members = list.members.filter((t) => t.token.span.start < at);
    for (const [role, ts] of list.parts) list.parts.set(role, ts.filter((t) => t.token.span.start < at));
    if (!bothSides) return undefined;
    return { ...list, region: { start: at + 1, end }, members: rest, parts: new Map([['amount', rest.filter((t) => t.role === 'amount')]]), otherCount: undefined };
  }
  return undefined;
}

/**
 * Members inside a bracket opened within the list (`公务用车购置及运行维护费21万元（公务用车购置费0万元、
 * 公务用车运行维护费21万元）`): the breakdown of the part before the bracket, not parts of the list.
 */
const ITEM_FIGURE_IN_BRACKET = /[\u4e00-\u9fff）)]{2}[（(]$/;

function inBrackets(text: string, region: Span, members: ProseToken[]): Set<ProseToken> {
  const out = new Set<ProseToken>();
  if (members.length === 0) return out;
  let depth = 0;
  let m = 0;
  for (let i = region.start; i < region.end && m < members.length; i++) {
    while (m < members.length && members[m].token.span.start === i) {
      // (`基本支出占56.91%（3678.53万元）`: a share's amount in brackets is the item's own figure; so is the amount opening the
      // bracket right after an item's name, `支出最多的是工资福利支出（520.81万元，占74.71%）`.)
      const own = (m > 0 && members[m - 1].role === 'share' && /^[（(]$/.test(members[m].lead)) || (members[m].ownSubject && ITEM_FIGURE_IN_BRACKET.test(members[m].lead));
      if (depth > 0 && !own) out.add(members[m]);
      m++;
    }
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--;
  }
  return out;
}

/**
 * A nested list ends at the next `；` (or the end of its parent); one opened inside a bracket
 * (`基本支出400万元（其中：人员经费350万元，公用经费50万元），项目支出600万元`) ends where the bracket closes.
 */
function nestedEnd(text: string, scan: SentenceScan, parentStart: number, triggerStart: number, from: number, parentEnd: number): number {
  const close = groupEnd(text, scan, parentStart, triggerStart, from, parentEnd);
  const end = close < parentEnd ? close : parentEnd;
  // (`…基本支出1401.12万元，其中：⏎人员经费1138.27万元，主要包括：津贴补贴…；基本工资…；…⏎公用经费…`: when the parent's items stand
  // one to a line, a list opened on an item's line goes on over its `；` to the line's end.)
  if (itemOnItsLine(text, parentStart, triggerStart)) {
    const lineEnd = text.indexOf('\n', from);
    return lineEnd >= 0 && lineEnd < end ? lineEnd : end;
  }
  let owner: string | undefined;
  for (let i = from; i < end; i++) {
    const c = text.charAt(i);
    if (c !== '；' && c !== ';') continue;
    // (Inside its bracket a `；` parts the items: `（其中，绩效评级为“优”的项目26个；…“良”的项目7个；…）`.)
    if (close < parentEnd && !/其中/.test(text.slice(i + 1, Math.min(end, i + 6)))) continue;
    // `公务用车购置及运行维护费…；其中：公务用车购置…；公务用车运行维护…；公务接待费…`: a clause naming the same part of
    // the parent's breakdown as the item that opened the nested list goes on with it.
    owner ??= ownerWords(text, parentStart, triggerStart);
    const next = clauseWords(text, i + 1, end);
    // (`教育支出（类）80.00万元，包括：普通教育（款）…；职业教育（款）…`: the 款 of the 类 go on over the `；`.)
    if (sameLevelItems(owner, clauseWords(text, from, end), next)) continue;
    if (owner === '' || !sameMember(owner, next) || flowAndBalance(owner, next) || otherSides(owner, next) || /其中/.test(text.slice(i + 1, Math.min(end, i + 6)))) return i;
  }
  return end;
}

/** The parent's trigger ends its line and the item holding the nested trigger opens a line of its own. */
function itemOnItsLine(text: string, parentStart: number, triggerStart: number): boolean {
  const lineStart = text.lastIndexOf('\n', triggerStart) + 1;
  return lineStart > parentStart && /^[ \t\u3000]*\r?\n/.test(text.slice(parentStart, lineStart)) && !/[；;。]/.test(text.slice(lineStart, triggerStart));
}

/** The owner names a 类 (or 款) and both clauses name the level below it: items of one breakdown. */
function sameLevelItems(owner: string, first: string, next: string): boolean {
  const level = (w: string) => /[（(]\s*([类款项])\s*[)）][^（()）]*$/.exec(w)?.[1];
  const below = { 类: '款', 款: '项' }[level(owner) as '类' | '款'];
  return below !== undefined && level(first) === below && level(next) === below;
}

/** `其中：财政拨款收入总计…，包括…；财政拨款支出总计…，包括…`: the 收入 and the 支出 of a 总计 are siblings. */
function otherSides(owner: string, next: string): boolean {
  const side = sideOf(owner);
  return side !== undefined && sideOf(next) !== undefined && sideOf(next) !== side;
}

/**
 * `其中：本年财政拨款收入…，包括…；…；年初财政拨款结转和结余14.18万元`: a year's flow and the balance carried in or out are
 * siblings under a 总计, never one inside the other.
 */
function flowAndBalance(owner: string, next: string): boolean {
  const flow = (w: string) => /^\s*[：:，,]?\s*本年/.test(w);
  const balance = (w: string) => /^\s*[：:，,]?\s*(?:年初|年末|上年)[^，,；;]{0,12}(?:结转|结余)/.test(w);
  return (flow(owner) && balance(next)) || (balance(owner) && flow(next));
}

/** The words of the item a nested list details: the clause before its trigger (`…27.46万元，…；其中：`). */
function ownerWords(text: string, parentStart: number, triggerStart: number): string {
  let k = triggerStart;
  while (k > parentStart && /[\s；;，,：:]/.test(text.charAt(k - 1))) k--;
  let from = k;
  while (from > parentStart && from > k - 200 && !/[；;]/.test(text.charAt(from - 1))) from--;
  return clauseWords(text, from, k);
}

/** The words of a clause up to its first figure (at most 30 characters). */
function clauseWords(text: string, from: number, end: number): string {
  let i = from;
  const stop = Math.min(end, from + 30);
  while (i < stop && !/[0-9０-９]/.test(text.charAt(i))) i++;
  return text.slice(from, i);
}

/** A list ends at the end of the sentence, or at the bracket closing the one it opened in. */
function groupEnd(text: string, scan: SentenceScan, sentenceStart: number, triggerStart: number, from: number, sentenceEnd: number): number {
  const close = scan.openAt(sentenceStart, triggerStart);
  if (close) {
    // (`（其中农林水支出（类）5924.65万元，…）`: brackets nested in the list close before the list's own. The walk is
    // bounded, so a long sentence of lists stays linear; a longer bracket falls back to the next close.)
    const open = close === '）' ? '（' : '(';
    let depth = 0;
    for (let i = from; i < Math.min(sentenceEnd, from + NESTED_BRACKET_WALK); i++) {
      const c = text[i];
      if (c === open) depth++;
      else if (c === close && depth-- === 0) return i;
    }
    const at = scan.nextClose(close, from, sentenceEnd);
    if (at >= 0) return at;
  }
  // (`其中：局机关2418.00㎡，监督站868.40㎡；另有周转安置房6842.50㎡`: what is `另有` after a `；` is outside the whole.)
  const aside = ASIDE_AFTER_SEMICOLON.exec(text.slice(from, Math.min(sentenceEnd, from + NESTED_BRACKET_WALK)));
  return aside ? from + aside.index : sentenceEnd;
}
// (Nor is a clause a frame opens, `；本年收入合计中，财政拨款收入…、其他收入…`: the parts of the whole it names.)
const ASIDE_AFTER_SEMICOLON = /[；;][ \u3000]*(?:另有|另外|此外|除此之外|除上述|[^，,。；;：:\d（）()]{2,16}中[，,：:])/;

/**
 * Brackets and `；` of one sentence, scanned once however many lists it opens (a slice and a search per
 * list made a megabyte-long sentence of lists quadratic). Triggers come in text order, so the scan only
 * moves on.
 */
class SentenceScan {
  private scanned: number;
  private lastSemicolon: number;
  private lastOpen = { full: -1, ascii: -1 };
  private lastClose = { full: -1, ascii: -1 };
  /** Per closing character, the next one found and where the search for it started. */
  private found = new Map<string, { from: number; at: number }>();

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.scanned = start;
    this.lastSemicolon = start - 1;
  }

  /** The last `；` or `;` before `offset` (start − 1 when none). */
  lastSemicolonBefore(offset: number): number {
    this.scanTo(offset);
    return this.lastSemicolon;
  }

  /** The closing character of a bracket opened at or after `origin` and still open at `offset`. */
  openAt(origin: number, offset: number): '）' | ')' | undefined {
    this.scanTo(offset);
    const open = (kind: 'full' | 'ascii') => this.lastOpen[kind] >= origin && this.lastOpen[kind] > this.lastClose[kind];
    return open('full') ? '）' : open('ascii') ? ')' : undefined;
  }

  private scanTo(offset: number): void {
    for (; this.scanned < offset; this.scanned++) {
      const c = this.text.charCodeAt(this.scanned);
      if (c === 0xff08) this.lastOpen.full = this.scanned;
      else if (c === 0xff09) this.lastClose.full = this.scanned;
      else if (c === 0x28) this.lastOpen.ascii = this.scanned;
      else if (c === 0x29) this.lastClose.ascii = this.scanned;
      else if (c === 0xff1b || c === 0x3b) this.lastSemicolon = this.scanned;
    }
  }

  /** The first `close` at or after `from` and before `end`, or −1. */
  nextClose(close: string, from: number, end: number): number {
    const cached = this.found.get(close);
    let at: number;
    if (cached && cached.from <= from && (cached.at < 0 || cached.at >= from)) at = cached.at;
    else {
      at = this.text.indexOf(close, from);
      this.found.set(close, { from, at });
    }
    return at >= 0 && at < end ? at : -1;
  }
}

/**
 * A count is a part of a count list when it counts the same things as the total (`个` and then 部门, not
 * 项目), names its group (`有81个部门…；有99个部门…` are overlapping selections, not groups) and states a
 * number, not a change (`比上年增加21个项目`).
 */
/** `编制数131人（行政编制47人、事业编制80人、工勤编制4名）`: 人 and 名 count the same heads. */
const PERSONS = /^(?:人|名)$/;
/** `事业单位30个…：县级公立医院3家、乡镇卫生院15家、…其他事业单位6个`: 个, 家 and 所 count the same bodies. */
const BODIES = /^(?:个|家|所)$/;
/** `14台（套）` and `4台`: a unit and its bracketed alternative count the same things. */
const bareUnit = (unit: string) => unit.replace(/[（(][^（）()]*[)）]$/, '');
const sameCountUnit = (a: ProseToken, b: ProseToken) =>
  bareUnit(a.token.unitText) === bareUnit(b.token.unitText) || (PERSONS.test(a.token.unitText) && PERSONS.test(b.token.unitText)) || (BODIES.test(a.token.unitText) && BODIES.test(b.token.unitText) && /单位|机构|院|中心|站|所|校|园/.test(a.subject + b.subject));
/** A count's unit as one word for the things it counts (sameCountUnit's classes): 人 for 人 and 名, 个 for bodies, 台 for 台（套） and 套. */
const countUnit = (unit: string) => (PERSONS.test(unit) ? '人' : BODIES.test(unit) ? '个' : unit === '套' ? '台' : bareUnit(unit));
/** Two figures of one kind of quantity: the same unit, and for counts the same things counted. */
const sameKind = (a: ProseToken, b: ProseToken) => a.token.unit === b.token.unit && (a.token.unit !== 'count' || countUnit(a.token.unitText) === countUnit(b.token.unitText));

function countPart(text: string, t: ProseToken, total: ProseToken | undefined): boolean {
  if (directionOf(t.lead) !== undefined || LAST_YEAR_COMPARISON.test(t.lead)) return false;
  if (/^(?:其中)?共?有$/.test(t.lead)) return false;
  // (`乡村公益性岗位680个，覆盖全县14个乡镇`: where a part reaches, no part.)
  if (/覆盖|惠及|涉及|分布(?:于|在)/.test(t.lead)) return false;
  if (!total) return true;
  if (!sameCountUnit(t, total)) return false;
  const counted = (n: ProseToken) => /^[\u4e00-\u9fff]{0,4}/.exec(text.slice(n.token.unitSpan?.end ?? n.token.span.end))![0];
  const own = counted(t).slice(0, 2);
  const whole = counted(total);
  return own === '' || whole === '' || whole.includes(own) || own.includes(whole.slice(0, 2));
}

/**
 * A list without a total in its own sentence: `…100%。其中：一般公共预算…` takes the first number of
 * the previous sentence; `…支出主要用于以下方面：` names its total, found by name elsewhere.
 */
/** `截至2024年12月31日`, `截止2024年底`, `2024年末`: a clause that only dates what follows. */
const DATE_CLAUSE = /^\s*(?:截至|截止|至|到)?\s*(?:19|20)\d\d\s*年(?:度|底|末|\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:止)?\s*$/;

/**
 * `…授予中小企业合同金额80.00万元…。` / `其中：部门本级政府采购支出70.00万元，某中学政府采购支出30.00万元`: parts that
 * all name one quantity (`政府采购支出`) are of the nearest total of it, not of the figure just before the trigger.
 */
function commonQuantityTotal(members: ProseToken[], total: ProseToken | undefined, subjects: SubjectIndex, offset: number): ProseToken | undefined {
  const named = members.filter((t) => t.role === 'amount' && t.ownSubject);
  if (named.length < 2) return undefined;
  // (`局本级政府采购支出…；…县就业管理局政府采购支出金额…`: 金额 adds nothing to the quantity's name.)
  const names = named.map((t) => t.subject.replace(/金额$/, ''));
  let suffix = names[0];
  for (const name of names) {
    let k = 0;
    while (k < suffix.length && k < name.length && suffix[suffix.length - 1 - k] === name[name.length - 1 - k]) k++;
    suffix = suffix.slice(suffix.length - k);
  }
  // (`…支出合计` of each unit: the quantity is 支出, the 合计 each unit's.)
  const core = suffix.replace(/(?:总额|合计|总计)$/, '');
  if (suffix.length < 4 || !/(?:支出|收入|经费|资金|资产)$/.test(core) || named.some((t) => t.subject === suffix) || (total && sameQuantity(total.subject, suffix))) return undefined;
  for (const name of [suffix, `${core}总额`, `${core}合计`]) {
    const found = subjects.find(name, offset, (t) => t.role === 'amount' && !members.includes(t) && t.token.span.start < offset && t.subject.replace(/(?:总额|合计|总计)$/, '').endsWith(core) && t.ofUnit === undefined);
    if (found) return found;
  }
  return undefined;
}

/** Names of a report's wholes that a list may name without restating its figure. */
const WHOLE_NAMES = /^(?:支出合计|收入合计|支出总计|收入总计|财政拨款支出|一般公共预算财政拨款支出|基本支出|项目支出)$/;

/** Section `outer` is `inner` or encloses it (undefined: before any heading, enclosing all). */
function encloses(sections: Array<{ parent?: number }>, outer: number | undefined, inner: number | undefined): boolean {
  if (outer === undefined || sections.length === 0) return true;
  for (let s = inner; s !== undefined; s = sections[s].parent) if (s === outer) return true;
  return false;
}

const BY_CLASSIFICATION = /按(?:支出)?(?:功能|经济|性质)?分类(?:科目)?(?:情况)?$|按(?:支出)?(?:功能|经济)?性质$/;
function fallbackTotal(
  analysis: ProseAnalysis,
  previous: { id: number; paragraph: number } | undefined,
  sentence: { id: number; paragraph: number; section?: number },
  role: Role,
  wordsBefore: string,
  subjects: SubjectIndex,
  offset: number,
  trigger: string,
  sections: Array<{ parent?: number }>,
): ProseToken | undefined {
  // (`本年支出按功能分类情况如下：`: the criterion after the name is no part of it.)
  const words = wordsBefore.replace(/主要用于|主要体现在|用于/g, '').replace(BY_CLASSIFICATION, '');
  const named = normalizeSubject(words);
  // (`按支出功能分类，本年支出主要用于：…`: the clause before the trigger names the whole, stated earlier.)
  const lastClause = /[，,]/.test(words) ? normalizeSubject(words.slice(Math.max(words.lastIndexOf('，'), words.lastIndexOf(',')) + 1)) : '';
  // (`其中：收入包括本年财政拨款收入…、年初财政拨款结转和结余…；支出包括…` after `财政拨款收入、支出总计…`: a side word alone names
  // that side of the 总计.)
  const side = SIDE_WORD.exec(words)?.[1];
  if ((named || side) && role === 'amount') {
    // (`收入总计包括…` after `收入、支出决算总计X万元`: the two 总计 are one figure.)
    // (In the 财政拨款 section, `收入总计包括：…` is the 财政拨款收入总计 it stated.)
    // (`财政拨款收入总计包括…` after `财政拨款收入、支出总计2448.18万元`: the joined 总计 of the same money.)
    const fiscal = /^财政拨款(?:收入|支出)总计$/.test(named);
    const names = side ? [`${side}总计`, '收入、支出总计', '财政拨款收入、支出总计'] : /^(?:收入|支出)总计$/.test(named) ? [named, '收入、支出总计', `财政拨款${named}`] : fiscal ? [named, '财政拨款收入、支出总计'] : [named];
    if (lastClause && lastClause !== named && WHOLE_NAMES.test(lastClause)) names.push(lastClause);
    for (const name of names) {
      // (Stated in the trigger's section or one enclosing it: `本年支出具体情况如下：` under 八、国有资本经营… names 08's 本年支出,
      // not 07's stated under 七、.)
      const found = subjects.find(name, offset, (t) => t.role === 'amount');
      if (found && subjectsMatch(found.subject, name) && encloses(sections, found.sentence.section, sentence.section)) return found;
    }
    // (A 总计 named and stated nowhere is no licence to take the figure the sentence before opened with.)
    if (fiscal) return undefined;
  }
  // (`…上级补助收入58.60万元，占17.41%。上级补助收入为省气象局转拨的…专项资金，其中中央资金40.00万元、…`: a sentence opening by saying
  // what a figure of the sentence before is breaks that figure down.)
  const described = role === 'amount' && previous?.paragraph === sentence.paragraph ? /^\s*([\u4e00-\u9fff“”]{2,20}?)(?:为|是|主要为|全部为|系)(?=[\u4e00-\u9fff])/.exec(wordsBefore)?.[1] : undefined;
  if (described) {
    const name = normalizeSubject(described);
    const found = (analysis.bySentence.get(previous!.id) ?? []).find((t) => t.role === 'amount' && t.ownSubject && t.subject === name);
    if (found) return found;
  }
  // (`…，其中行政单位1个、事业单位30个。事业单位包括：县级公立医院3家、…`: a count named before the trigger is the one of that name
  // the sentence before states, not whatever it opened with.)
  if (named && role === 'count' && previous?.paragraph === sentence.paragraph) {
    const found = (analysis.bySentence.get(previous.id) ?? []).find((t) => t.role === 'count' && t.subject === named);
    if (found) return found;
  }
  // (`…资金3620.00万元，支出3568.47万元，…结转下年51.53万元。支出按用途分：…`: a side word alone names the figure the sentence before
  // gives that word, not its first.)
  // (So does a sentence opening with it, `支出全部为项目支出，…，具体为：`.)
  const sideOpening = side ?? /^\s*(收入|支出)(?:全部|均)/.exec(words)?.[1];
  if (sideOpening && role === 'amount' && previous?.paragraph === sentence.paragraph) {
    const bySide = (analysis.bySentence.get(previous.id) ?? []).filter((t) => t.role === 'amount' && t.depth === 0 && new RegExp(`^[，,；;]?\\s*(?:本年)?${sideOpening}(?:决算)?(?:数)?(?:为)?$`).test(t.lead));
    if (bySide.length === 1) return bySide[0];
  }
  // (`“三公”经费支出24.42万元。` / `其中，因公出国（境）费…`: a line opening with the trigger goes on from the line before.)
  const opensWithTrigger = wordsBefore.replace(/[\s*#>\-]/g, '') === '' && /[，,：:]$/.test(trigger);
  if (previous && (previous.paragraph === sentence.paragraph || (opensWithTrigger && previous.paragraph === sentence.paragraph - 1))) {
    let tokens = analysis.bySentence.get(previous.id) ?? [];
    // (`本年支出合计2835.75万元，…。其中：基本支出…；项目支出…。` / `按单位分：`: a sentence that only broke the figure before it down
    // passes the look-up back to that figure's, for a breakdown by another criterion.)
    // (So does one that looked at it by another criterion: `从支出结构看，基本支出较上年增加…；项目支出…`.)
    // (And the parts of a numbered run, `1.财政拨款收入…。…4.其他收入29.95万元，…。` / `按单位分：…`, to the whole they broke down.)
    // (A breakdown by unit opening its paragraph is of the paragraph before's head figure: `政府采购支出总额802.67万元，其中：…。授予中小企业
    // 合同金额698.17万元，…` / `按单位分：机关本级655.10万元…`.)
    // (Unless it names its whole right after the trigger, `分单位看：本年支出合计中，A…`: that figure, by name.)
    const after = analysis.bySentence.get(sentence.id)?.find((t) => t.token.span.start >= offset);
    const frame = after ? FRAME_AFTER_TRIGGER.exec(after.sentence.text.slice(offset - after.sentence.span.start + trigger.length)) : null;
    // (`…其中：在职88人，退休35人。分单位看，在职人员局机关31人、…`: the figure of the sentence before whose name the first part's opens
    // with, the longest such.)
    if (BY_ANY_CRITERION.test(trigger) && after?.role === role) {
      const opener = (analysis.bySentence.get(previous.id) ?? [])
        .filter((t) => t.role === role && t.subject.length >= 2 && after.subject.length > t.subject.length && after.subject.startsWith(t.subject))
        .reduce<ProseToken | undefined>((best, t) => (!best || t.subject.length > best.subject.length ? t : best), undefined);
      if (opener) return opener;
    }
    // (`…支出2108.64万元，…。其中：基本支出1387.40万元，项目支出721.24万元。主要支出项目如下：` / `1.技校教育(项)…`: the items listed
    // after a sentence that broke the figure down another way are of that figure.)
    if (/如下[：:]$/.test(trigger) && /^\s*其\r?\n?中/.test(analysis.bySentence.get(previous.id)?.[0]?.sentence.text ?? '')) {
      const before = analysis.bySentence.get(previous.id - 1) ?? [];
      const whole = before.find((t) => t.role === role && t.depth === 0);
      if (whole && whole.sentence.paragraph === previous.paragraph) return whole;
    }
    if (BY_ANY_CRITERION.test(trigger) && frame) {
      const name = normalizeSubject(frame[1]);
      const found = name.length >= 2 ? subjects.find(name, offset, (t) => t.role === role) : undefined;
      if (found) return found;
    }
    // (A breakdown by unit is of a grand total, on the side its parts name: `本年支出合计8359.71万元，…。` / `基本支出3189.09万元是指…。` /
    // `分单位看，厅本级支出4347.04万元…`, not the 基本支出 of the paragraph before.)
    if (BY_UNIT.test(trigger) && opensWithTrigger && after) {
      const side = sideOf(after.subject);
      for (let back = 0; back < MAX_BREAKDOWN_SENTENCES; back++) {
        const before = analysis.bySentence.get(previous.id - back);
        if (!before || before.length === 0) continue;
        if (before[0].sentence.section !== sentence.section) break;
        const whole = before.find((t) => t.role === role && t.depth === 0 && grandTotalKind(t.subject) !== undefined && (!side || grandTotalKind(t.subject) === side));
        if (whole) return whole;
      }
    }
    if (BY_UNIT.test(trigger) && opensWithTrigger && tokens.length > 0 && previous.paragraph === sentence.paragraph - 1) {
      for (let back = 1; back <= MAX_BREAKDOWN_SENTENCES; back++) {
        const before = analysis.bySentence.get(previous.id - back);
        if (!before || before.length === 0) continue;
        if (before[0].sentence.paragraph !== previous.paragraph) break;
        if (before.some((t) => t.role === role) && !BREAKDOWN_OPENING.test(before[0].sentence.text)) tokens = before;
      }
    }
    // (None found, the breakdown names no whole of its own to break down again.)
    // (Not the numbered item the breakdown's own paragraph opens with: `1. …（项）1846.30万元…。按用途分：…`.)
    const ownNumberedItem = tokens.length > 0 && NUMBERED_OPENING.test(tokens[0].sentence.text) && tokens[0].sentence.paragraph === sentence.paragraph;
    if (BY_ANY_CRITERION.test(trigger) && !ownNumberedItem && BREAKDOWN_OPENING.test(tokens[0]?.sentence.text ?? '')) {
      const section = tokens[0].sentence.section;
      let whole: ProseToken[] = [];
      for (let back = 1; back <= MAX_BREAKDOWN_SENTENCES; back++) {
        const before = analysis.bySentence.get(previous.id - back);
        if (!before || before.length === 0) continue;
        if (before[0].sentence.section !== section) break;
        // (A numbered item opening the paragraph the breakdown is in, `3. 公务接待费：…决算11.84万元…。按接待对象分：…`, is its whole.)
        const ownItem = NUMBERED_OPENING.test(before[0].sentence.text) && before[0].sentence.paragraph === tokens[0].sentence.paragraph;
        if ((BREAKDOWN_OPENING.test(before[0].sentence.text) && !ownItem) || !before.some((t) => t.role === role)) continue;
        whole = before;
        break;
      }
      tokens = whole;
    }
    // (`“三公”经费支出66.51万元，预算72.47万元。同比增加6.66万元，增长11.13%。其中，…`: a sentence that only goes on
    // about the figure before it, with none of the list's kind, passes the look-up back; one that names its quantity
    // (`…支出决算为115.08万元…。“三公”经费支出决算同比增加14.22万元…。其中：…`) only to a figure of that quantity.)
    for (let back = 1; back <= 2 && tokens.length && tokens.every((t) => t.role !== role); back++) {
      const before = analysis.bySentence.get(previous.id - back) ?? [];
      if (!before.length || before[0].sentence.paragraph !== tokens[0].sentence.paragraph) break;
      const named = tokens.filter((t) => t.ownSubject).map((t) => t.subject);
      const candidate = before.find((t) => t.role === role);
      if (named.length > 0 && !(candidate && named.some((n) => sameQuantity(n, candidate.subject)))) break;
      tokens = before;
    }
    // (`…；公务用车购置及运行维护费6.42万元，…；公务接待费…。` / `其中，公务用车购置费0.00万元…；公务用车运行维护费6.42万元…`: the parts'
    // names, all opening as one figure's of the sentence before, break that figure down.)
    if (opensWithTrigger) {
      const parts = (analysis.bySentence.get(sentence.id) ?? []).filter((t) => t.role === role && t.ownSubject && t.token.span.start >= offset);
      const stem = parts[0]?.subject.slice(0, 4) ?? '';
      // (Not a figure the parts name themselves: `年初预算…，其中：公务用车购置费19.23万元、公务用车运行维护费21.97万元；支出决算39.43万元` is
      // the budget's parts beside the whole.)
      const named = stem.length === 4 && parts.length >= 2 && parts.every((p) => p.subject.startsWith(stem)) ? tokens.filter((t) => t.role === role && t.subject.startsWith(stem) && t.subject.length > stem.length && !parts.some((p) => p.subject === t.subject)) : [];
      if (named.length === 1) return named[0];
    }
    // (`从支出结构看，A…、B…、灾害防治及应急管理支出999.50万元，分别占…。` / `其中，应急管理事务（款）…`: a 其中 opening the next
    // paragraph details some parts of that breakdown, which it does not say: no total, not its first.)
    // (Only of items named by their level, `应急管理事务（款）…（项）`: a 其中 of 人员经费 after `按经济分类，工资福利支出…` breaks down the
    // figure the paragraph opened with.)
    const firstPart = analysis.bySentence.get(sentence.id)?.find((t) => t.token.span.start >= offset);
    const levelled = firstPart !== undefined && /^[^。；;]{0,40}[（(][款项][)）]/.test(firstPart.sentence.text.slice(offset - firstPart.sentence.span.start));
    if (/^其\r?\n?中/.test(trigger) && opensWithTrigger && levelled && previous.paragraph === sentence.paragraph - 1 && /^\s*(?:从[^，,。；;]{1,12}看|按[^，,。；;]{1,12}(?:划?分|分类|看))/.test(tokens[0]?.sentence.text ?? '')) {
      return undefined;
    }
    // (`…开展自评，自评得分97.45分，评价等级为“优”。其中：投入类指标得分14.61分…`: a score the sentence before names as the whole
    // score, wherever in it, is the total of the scores listed.)
    if (role === 'score' && opensWithTrigger) {
      const whole = tokens.filter((t) => t.role === 'score' && t.depth === 0 && t.ownSubject && WHOLE_SCORE.test(t.subject)).at(-1);
      if (whole) return whole;
    }
    // Only a sentence that opens with its figures states a total (`收入总计1381.69万元，…`); one that
    // opens with words (`“三公”经费支出决算中，因公出国0万元…`) lists parts.
    // (`截至2024年12月31日，共有车辆18辆。`: a date before the figures frames the sentence, as `经比较，` does, and
    // `三公经费：预算…/决算…` a label names them; the clause after either opens it.)
    const text0 = tokens[0]?.sentence.text ?? '';
    const clauses = text0.split(/[，,；;：:]/);
    const labelled = LABEL_FRAME.test(text0);
    const framed = (DATE_CLAUSE.test(clauses[0]) || VIEWPOINT.test(clauses[0].trim()) || labelled) && clauses.length > 1;
    // (`2.公务用车购置及运行维护费：预算为11.77万元，支出决算为8.83万元，…`: after a label, a budget may come before the actual.)
    // (`答：“三公”经费财政拨款预算12.00万元，决算9.90万元，…`: the clause after the label opens with the budget figure.)
    const budgetFirst = labelled && clauses.length > 2 && (/^\s*(?:年初|全年|调整后?)?预算/.test(clauses[1]) || (tokens[0]?.role === 'budget' && tokens[0].token.span.start - tokens[0].sentence.span.start < clauses[0].length + clauses[1].length + 1));
    const opening = clauses[0].length + (framed ? clauses[1].length + 1 : 0) + (budgetFirst ? clauses[2].length + 1 : 0);
    const within = (t: ProseToken) => t.token.span.start - t.sentence.span.start < opening;
    // (After a frame, only a figure of the opening clause: `合计：收入预算4500.00万元，其中一般公共预算拨款收入4100.00万元…`
    // opens with a budget; its amounts are parts.)
    // (`公共安全支出年初预算7200.00万元，决算7204.00万元，…；社会保障和就业支出年初预算…；…。各项级科目支出情况如下：`: items of a level
    // after a sentence of peers, a clause each, are all the peers' items, not the first's.)
    if (tokens.length && within(tokens[0]) && !(/[类款项]级/.test(wordsBefore) && peerClauses(text0, tokens))) {
      // (`项目支出222.50万元，其中纳入重点绩效自评的项目2个，涉及资金56.76万元。具体为：…`: items after a 其中 that singled out
      // some of them by count are those, and their amount is the one stated with that count.)
      const subset = role === 'amount' ? tokens.findIndex((t) => t.role === 'count' && /其中/.test(t.lead)) : -1;
      const covered = subset > 0 ? tokens.slice(subset + 1).find((t) => t.role === 'amount') : undefined;
      // (`年初预算3.50万元，年中追加后全年预算数为4.00万元，…。其中：因公出国（境）费预算0万元，…`: of a sentence's two budgets,
      // the parts' bare 预算 are of the one the year closed with.)
      const adjusted = role === 'budget' && !covered ? tokens.find((t) => t.role === 'budget' && budgetKind(t.lead) === 'adjusted' && (!framed || within(t))) : undefined;
      // (Nor a figure in the reason the sentence gives: `…较上年减少20.54万元，主要是上年购置执法执勤用车1辆…。其中：…保有量9辆`.)
      const reason = text0.search(REASON_CLAUSE);
      const stated = (t: ProseToken) => reason < 0 || t.token.span.start - t.sentence.span.start < reason;
      // (Nor a budget's adjustment, `年初预算6.50万元，年中核减0.50万元，…；支出决算4.84万元`.)
      // (Nor the full marks of a score, `根据…指标体系（满分100分），…自评得分92.6分…。其中：预算执行率（10分）得9.6分；…`.)
      const candidate = (t: ProseToken) => t.role === role && (!framed || within(t)) && !AVERAGE_WORDS.test(t.lead) && stated(t) && !ADJUSTMENT_AMOUNT.test(t.lead) && !(role === 'score' && (t.depth > 0 || /满分/.test(t.lead)));
      // (Outside brackets first: `预算8.00万元（其中购置费0万元、运行维护费8.00万元），决算7.36万元。其中：…` breaks the actual down, not the
      // budget's first part.)
      const first = covered ?? adjusted ?? tokens.find((t) => t.depth === 0 && candidate(t)) ?? tokens.find(candidate);
      // (`从构成看，A、B、C分别为0万元、5.37万元、4.05万元…。其中，B的一项…`: figures 分别 of several names are parts, none the
      // whole of what follows.)
      if (first && !covered && /分别/.test(first.lead)) return undefined;
      // (`从支出结构看，社会保障和就业支出109.25万元，…；农林水支出3,706.66万元，…。其中水利（款）支出3,706.66万元`: a 款 is of the one 类
      // of the sentence before it fits in, not of the first.)
      return (first && role === 'amount' ? classOfItems(analysis, tokens, first, sentence.id, offset) : undefined) ?? first;
    }
    // (`…开展绩效自评，共涉及项目15个，资金5,743.06万元，…。自评结果如下：`: a sentence's figures after 共 are its totals.)
    if (/结果如下/.test(trigger)) {
      const all = tokens.findIndex((t) => /共|合计|总计/.test(t.lead));
      if (all >= 0) return tokens.slice(all).find((t) => t.role === role);
    }
  }
  return undefined;
}

/** A sentence of two `；` clauses or more, each opening with a figure of its own name, the names all different. */
function peerClauses(sentenceText: string, tokens: ProseToken[]): boolean {
  if (!/[；;]/.test(sentenceText)) return false;
  const start = tokens[0].sentence.span.start;
  const names = new Set<string>();
  let clauseEnd = -1;
  let clauses = 0;
  for (const t of tokens) {
    const at = t.token.span.start - start;
    if (at < clauseEnd) continue;
    // (The first figure of each clause.)
    if (!t.ownSubject || names.has(t.subject)) return false;
    names.add(t.subject);
    clauses++;
    const next = sentenceText.slice(at).search(/[；;]/);
    clauseEnd = next < 0 ? sentenceText.length : at + next;
  }
  return clauses >= 2 && clauses === sentenceText.split(/[；;]/).filter((c) => c.trim() !== '').length;
}

/**
 * The amount a run of parts adds up to, stated in their section before them (a few sentences back), when the fallback total
 * is not it: exact sums are the evidence.
 */
function addedUpTo(analysis: ProseAnalysis, members: ProseToken[], fallback: ProseToken, sentence: { id: number; section?: number }): ProseToken | undefined {
  const parts = members.filter((t) => t.role === 'amount' && t.depth === 0);
  if (parts.length < 2 || parts.some((p) => p.token.unit !== fallback.token.unit)) return undefined;
  const operands = parts.map((p) => operand(p.token, ''));
  if (checkSum(operand(fallback.token, ''), operands).ok) return undefined;
  const sum = parts.reduce((acc, p) => acc.plus(p.token.value), ZERO);
  // (Or, a part slipped, the one within a few per cent of it while the fallback is nowhere near: the slip is then reported on
  // the right total.)
  const near = (t: ProseToken) => t.token.value.minus(sum).abs().lte(sum.times(NEAR_SUM));
  let nearest: ProseToken | undefined;
  for (let id = sentence.id - 1; id >= Math.max(0, sentence.id - ADDED_UP_SENTENCES); id--) {
    const tokens = analysis.bySentence.get(id);
    if (!tokens?.length) continue;
    if (tokens[0].sentence.section !== sentence.section) break;
    const candidates = tokens.filter((t) => t.role === 'amount' && t.depth === 0 && t.token.unit === fallback.token.unit);
    const found = candidates.find((t) => checkSum(operand(t.token, ''), operands).ok);
    if (found) return found;
    nearest ??= candidates.find(near);
  }
  return nearest && !near(fallback) && fallback.token.value.lt(sum.times(FAR_BELOW_SUM)) ? nearest : undefined;
}
const ADDED_UP_SENTENCES = 6;
const NEAR_SUM = 0.05;
const FAR_BELOW_SUM = 0.5;

/**
 * The 类 of `candidates` that the parts after `offset` in their sentence (named with （款） or （项）) fit in, when the first does
 * not hold them: the only 类 as large as their sum.
 */
function classOfItems(analysis: ProseAnalysis, candidates: ProseToken[], first: ProseToken, sentenceId: number, offset: number): ProseToken | undefined {
  const parts = (analysis.bySentence.get(sentenceId) ?? []).filter((t) => t.role === 'amount' && t.depth === 0 && t.token.span.start >= offset);
  if (parts.length === 0 || !parts.every((p) => ITEM_LEVEL_NAME.test(p.subject)) || parts.some((p) => p.token.unit !== first.token.unit)) return undefined;
  const sum = parts.reduce((acc, p) => acc.plus(p.token.value), ZERO);
  if (first.token.value.gte(sum)) return undefined;
  const fitting = candidates.filter((t) => t.role === 'amount' && t.depth === 0 && t.token.unit === first.token.unit && CLASS_NAMED.test(t.subject) && t.token.value.gte(sum));
  return fitting.length === 1 ? fitting[0] : undefined;
}
const ITEM_LEVEL_NAME = /[（(][款项][)）]/;
const CLASS_NAMED = /支出(?:[（(]类[)）])?$|[（(]类[)）]$/;

// (Not the 编制范围 of the accounts, nor a 幼儿园 among the units: `纳入…决算编制范围的单位共49个，分别为：…、中小学校及幼儿园46个`.)
const STAFF = /职工|人员|编制(?!范围)|教师|干部|在职|实有/;
const SERVED = /学生|在校生|幼儿(?!园)|儿童|患者|病人|床位|门诊|住院/;

const FORMULA_TERM_LEAD = /^\s*[=＝+＋]/;

const REASON_CLAUSE = /[，,；;]\s*(?:主要)?(?:是由于|由于|因为)|原因(?:主要)?(?:是|为|在于)|[，,；;]\s*主要是/;

const BY_PROCUREMENT_METHOD = /(?:按|从)(?:采购方式|组织形式)/;
const PROCUREMENT_TOTAL = /(?:采购(?:支出)?(?:总额|金额)|实际采购|采购支出)$/;

/** A label naming a sentence's figures (`三公经费：`, `2.公务用车购置及运行维护费：`). */
const LABEL_FRAME = /^(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])?[^，,；;：:\d]{1,16}[：:]/;

/** A list that closes its sentence (`…66167.07万元,其中：`): its items, if any, follow in later sentences. */
export function endsSentence(list: ProseList, text: string): boolean {
  return list.members.length === 0 && text.slice(list.region.start, list.region.end).trim() === '';
}
