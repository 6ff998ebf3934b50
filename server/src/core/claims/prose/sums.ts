// Sum claims from 其中 lists: exhaustive lists state total = Σ parts, partial ones Σ parts ≤ total,
// a single part only part ≤ total.
import { checkRatio, checkSum, compareValues, exact, operand, sumOperand, ZERO } from '../../arith/interval';
import { asExact, withChanges } from '../../arith/operand';
import Decimal from 'decimal.js';
import { l } from '../../messages';
import type { FactClaim, Operand, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { STAFF_FRAME, UNIT_NAME, type ProseList } from './lists';
import { grandTotalKind, normalizeSubject, sideOf, subjectsMatch } from './subjects';
import type { UnresolvedShare } from './shares';
import { COUNTED_TOTAL, SUBTOTAL_LEAD } from './counted-totals';
import { ADJUSTMENT_AMOUNT, between, budgetKind, CUT, FULL_MARKS, type ProseToken, type Role } from './tokens';

/** Standard breakdowns (prose.md §1): a list naming their core components is complete. */
const FAMILIES: Array<{ members: RegExp[]; required: number[]; whole?: RegExp }> = [
  // 人员经费 → 工资福利 (301) / 对个人和家庭的补助 (303): only of that whole (基本支出 has 302 besides)
  { members: [/工资福利/, /对个人和家庭/], required: [0, 1], whole: /人员经费$/ },
  // 支出合计 → 基本 / 项目 / 上缴上级 / 经营 / 对附属单位补助
  // (Or a figure by what paid it: `其中基本支出列支38.42万元，国际交流活动项目列支13.96万元`.)
  { members: [/基本支出/, /项目支出|项目列支/, /上缴上级/, /经营支出/, /对附属单位补助/], required: [0, 1] },
  // 基本支出 → 人员经费 / 公用经费
  { members: [/人员经费/, /公用经费/], required: [0, 1] },
  // 基本支出 by 经济分类
  { members: [/工资福利/, /商品和服务/, /对个人和家庭/, /资本性支出/, /债务利息/, /其他支出/], required: [0, 1] },
  // 政府采购 → 货物 / 工程 / 服务
  { members: [/货物/, /工程/, /服务/], required: [0, 2] },
  // 三公 → 出国 / 公务用车 / 公务接待
  // (Older reports name the car costs 车辆运行费 / 公车运行维护费.)
  { members: [/出国|出境/, /公务用车|公车|车辆(?:购置|运行|运维)/, /公务接待|接待费/], required: [0, 1, 2] },
  // 资产总额 → 流动资产 / 非流动资产
  { members: [/(?<!非)流动资产/, /非流动资产/], required: [0, 1] },
  // 资产总额 by kind, 其他资产 taking what the named kinds do not
  { members: [/(?<!非)流动资产/, /固定资产/, /无形资产/, /在建工程/, /长期投资/, /公共基础设施/, /政府储备物资/, /文物文化资产/, /保障性住房/, /其他资产/], required: [0, 1, 9], whole: /资产总额$|资产总计$|资产$/ },
  // 结转和结余 → 财政拨款 / 非财政拨款
  { members: [/(?<!非)财政拨款结转/, /非财政拨款结转/], required: [0, 1], whole: /结转和?结余$/ },
  // 公务接待 → 国内 / 外事 (批次, 人次, 金额)
  { members: [/国内/, /外事|国外|境外|外宾|国[（(]境[)）]外/], required: [0, 1] },
  // 公务用车 → 购置 / 运行维护
  { members: [/购置/, /运行|运维/], required: [0, 1] },
  // 车辆 by use (国有资产占用情况): 其他用车 takes what the named uses do not
  { members: [/其他用车/, /领导.*用车/, /负责人用车/, /机要通信/, /应急保障/, /执法执勤/, /特种专业技术/, /离退休干部/, /一般公务用车/], required: [0] },
  // A department's cars or staff → its own body's and its units' (`其中机关本级10辆、所属事业单位2辆`)
  { members: [/本级$/, /(?:所属|下属|直属)(?:事业)?单位$|二级单位$/], required: [0, 1], whole: /车辆|用车|人员|人数|编制/ },
  // A hospital's 医疗收入 (its 事业收入) → 门（急）诊收入 + 住院收入
  { members: [/门(?:急)?诊/, /住院/], required: [0, 1], whole: /医疗收入|事业收入/ },
  // Cars in use and awaiting disposal
  { members: [/在用/, /待报废|待处置/], required: [0, 1], whole: /车辆|用车/ },
  // 财政拨款 → three funds
  { members: [/一般公共预算/, /政府性基金/, /国有资本经营/], required: [0, 1, 2] },
  // 收入/支出总计 → 本年合计 + 结余 + 结转和结余 (公开01表's 总计 rows; 公开04表's: 本年财政拨款收入 + 年初财政拨款结转和结余)
  // (The older 用事业基金弥补收支差额 in the place of 使用非财政拨款结余.)
  // (Only of a 总计: `年初结转和结余5.00万元` followed by the paragraphs `3.支出情况。…支出合计…` / `4.…年末结转和结余…` is none.)
  { members: [/(?:收入|支出)合计|^本年\S*(?:收入|支出)$|^财政拨款(?:收入|支出)$/, /非财政拨款结余|专用结余|结余分配|用事业基金弥补收支差额/, /结转(?:和|及)?结余/], required: [0, 2], whole: /总计|总规模/ },
  // 年末结转和结余 → 基本支出结转 + 项目支出结转和结余 (+ 经营结余): 公开01表's rows
  { members: [/^基本支出结转/, /^项目支出结转/, /^经营结余/], required: [0, 1], whole: /年末(?:结转和?结余|结转结余)$/ },
  // 单价100万元以上设备 → 通用设备 / 专用设备
  { members: [/通用设备/, /专用设备/], required: [0, 1] },
  // 绩效评级 → every grade of its scale (`绩效评级为“优”的项目26个；…“良”…；…“中”…；…“差”的项目0个`)
  // (Named with 的 after the grade, or ending with it: `评价等级为“优”的5个` is named 评价等级为优; `、良的2个` 良的.)
  { members: [/(?:^|为)优(?:秀)?(?:的|$)/, /(?:^|为)良(?:好)?(?:的|$)/, /(?:^|为)(?:中|合格)(?:的|$)/, /(?:^|为)(?:差|不合格)(?:的|$)/], required: [0, 1, 2, 3] },
  // 编制 → 行政 / 事业 (参照公务员法管理, 工勤 where a report names them)
  { members: [/行政编制/, /事业编制/, /参公|参照公务员/, /工勤/], required: [0, 1], whole: /编制(?:总?数|总?人数|总额)?$/ },
  // 单位 by kind (`纳入…编制范围的单位共26个，其中：行政单位1个，参照公务员法管理的事业单位1个，其他事业单位24个`)
  { members: [/^行政(?:单位|机关)/, /参照公务员法|参公/, /事业单位$/, /企业$/], required: [0, 2], whole: /单位(?:个数|数)?$/ },
  // 在职人员 → 行政 / 事业 (工勤, 参公 where a report names them): `在职人员58人（行政人员35人、事业人员23人）`
  { members: [/^行政(?:编制)?(?:人员)?$/, /^事业(?:编制)?(?:人员)?$/, /^工勤/, /参公|参照公务员/], required: [0, 1], whole: /在职/ },
  // 离退休人员 → 离休 / 退休
  { members: [/^离休/, /^退休/], required: [0, 1], whole: /离退休/ },
  // 实有人员 → 在职 / 离退休 (a third kind, 遗属 or 临聘, is no member: the list is then partial)
  // (The 在职 named by their kinds: `实有人数203名，其中：行政编制人员168名，工勤人员9名，退休人员26名`.)
  // (Or the retired named apart, `在职人员1733人，离休人员2人，退休人员411人`.)
  { members: [/在职|^行政(?:编制)?人员|^事业(?:编制)?人员|^工勤|参公|参照公务员/, /离退休|退休|^离休/], required: [0, 1], whole: /实有|现有|共有|人员总数|总人数/ },
  // 绩效 scores by first-level indicator: a department's (投入 / 过程 / 产出 / 效益) and a project's (预算执行率 / 产出 / 效益 /
  // 满意度); 满意度 may be counted within 效益.
  { members: [/投入/, /过程/, /产出/, /效益|效果/, /满意度/], required: [0, 1, 2, 3], whole: /得分$|总分$|评分$/ },
  // (And 预算管理 beside 预算执行率 in a department's: `预算执行率（10分）得9.6分；预算管理（10分）得9.5分；产出指标…`.)
  { members: [/执行率|资金执行|预算执行|^执行指标/, /产出/, /效益|效果/, /满意度/, /管理/], required: [0, 1, 2], whole: /得分$|总分$|评分$/ },
  // Money by where it came from, the rest named as such: `其中：财政拨款安排43.78万元，其他资金安排2.21万元`
  { members: [/(?<!非)财政拨款/, /其他资金|非财政拨款/], required: [0, 1] },
  // 收入 by source
  { members: [/财政拨款/, /上级补助/, /事业收入/, /经营收入/, /附属单位上缴/, /其他收入/, /非财政拨款结余/, /结转和?结余/], required: [0, 2, 5] },
];

/** Both words name the same member of a standard breakdown (`公务用车购置及运行维护费` and `公务用车运行维护`: 公务用车 of 三公). */
export function sameMember(a: string, b: string): boolean {
  return FAMILIES.some((f) => {
    const i = f.members.findIndex((m) => m.test(a));
    return i >= 0 && f.members[i].test(b);
  });
}

/** Each subject names another member of one standard breakdown: the parts are disjoint. */
export function distinctMembers(subjects: string[]): boolean {
  return FAMILIES.some((f) => {
    const hits = subjects.map((s) => f.members.findIndex((m) => m.test(s)));
    return hits.every((h) => h >= 0) && new Set(hits).size === hits.length;
  });
}

/**
 * Each subject names one member of a standard breakdown, and another than the other's: peers, neither a part of the other.
 * (A name matching two members is their whole: `公务用车购置及运行维护费` is no peer of `公务用车运行维护费`.)
 */
export function peerMembers(a: string, b: string): boolean {
  // (A breakdown of `a` naming `b` makes it a part, whatever else both name: `年初结转和结余` and `政府性基金预算财政拨款结转`.)
  if (FAMILIES.some((f) => f.whole?.test(a) && f.members.some((m) => m.test(b)))) return false;
  return FAMILIES.some((f) => {
    const ha = f.members.filter((m) => m.test(a));
    const hb = f.members.filter((m) => m.test(b));
    return ha.length === 1 && hb.length === 1 && ha[0] !== hb[0];
  });
}

/** The subject names a member of some standard breakdown: a list with a part that names none covers no family. */
export function isFamilyMember(subject: string): boolean {
  return FAMILIES.some((f) => f.members.some((m) => m.test(subject)));
}

export function coversFamily(subjects: string[], whole: string, apart: string[] = []): boolean {
  // (`支出总计` over the paragraphs `2.收入情况。…收入合计…` / `3.支出情况。…支出合计…`: income is no part of spending.)
  const side = sideOf(whole);
  if (side && subjects.some((s) => sideOf(s) === (side === '收入' ? '支出' : '收入'))) return false;
  return FAMILIES.some((f) => {
    if (f.whole && !f.whole.test(whole)) return false;
    const hits = subjects.map((s) => f.members.findIndex((m) => m.test(s)));
    return hits.every((h) => h >= 0) && f.required.every((r) => hits.includes(r)) && !statesOtherMember(f, hits, apart);
  });
}

/**
 * `其中：基本支出…；项目支出…。本年支出合计中，对附属单位补助支出131.90万元…`: a member of the breakdown stated apart, other than
 * the parts' (`hits`), says the parts are not all of the whole.
 */
function statesOtherMember(family: (typeof FAMILIES)[number], hits: number[], apart: string[]): boolean {
  return apart.some((a) => {
    const k = family.members.findIndex((m) => m.test(a));
    return k >= 0 && !hits.includes(k);
  });
}

/** A further group joined after a count's noun (`8个事业单位以及各级调查队`). */
const ANOTHER_GROUP = /^[^，,。；;]{0,12}(?:以及|及其|和|与)[^，,。；;]{2,}/;

/** The words from a token's figure (and unit) up to `end` in its sentence. */
function wordsBefore(t: ProseToken, end: number): string {
  const from = t.token.unitSpan?.end ?? t.token.span.end;
  return end > from ? t.sentence.text.slice(from - t.sentence.span.start, end - t.sentence.span.start) : '';
}

/** A `；` between the list's trigger and its first part (in the part's sentence), the clause before it stating no amount. */
function clauseBreakBefore(list: ProseList, first: ProseToken): boolean {
  const sentence = first.sentence;
  const from = Math.max(list.trigger.end, sentence.span.start) - sentence.span.start;
  const to = first.token.span.start - sentence.span.start;
  for (let i = from; i < to; i++) {
    if (sentence.text[i] === '；' || sentence.text[i] === ';') return !AMOUNT_WORDS.test(sentence.text.slice(from, i));
  }
  return false;
}
const AMOUNT_WORDS = /[0-9０-９]\s*[万亿]?元/;

/** A total after the parts it sums, named as theirs: `以上5个单位合计`, `上述3个项目全年执行数合计`. */
const ABOVE_TOTAL = /[；;，,。]\s*(?:以上|上述)[^，,；;。]{0,16}(?:合计|共计|总计|累计)(?:为|是)?$/;

/** The parts after a side's whole (`本年支出`, `支出合计`) that are of that side: they break the whole down, not its total. */
function withoutHeadedParts(parts: ProseToken[]): ProseToken[] {
  const head = parts.findIndex((p) => grandTotalKind(p.subject) !== undefined);
  if (head < 0 || head === parts.length - 1) return parts;
  const side = grandTotalKind(parts[head].subject);
  const rest = parts.slice(head + 1);
  if (rest.every((p) => sideOf(p.subject) === side)) return parts.slice(0, head + 1);
  // (`其中，本年收入合计1.85亿元，本年支出合计1.87亿元；一般公共预算财政拨款支出1.61亿元`: each side's whole heads the figures of its
  // side after it, the balances apart.)
  const heads = new Set<string>();
  return parts.filter((p) => {
    const kind = grandTotalKind(p.subject);
    if (kind) heads.add(kind);
    const ofSide = sideOf(p.subject);
    return kind !== undefined || ofSide === undefined || !heads.has(ofSide);
  });
}

/**
 * `本年支出0.42亿元，其中一般公共预算财政拨款支出0.42亿元，基本支出0.17亿元`: spending by nature after a fund's spending breaks down
 * that (or the whole) another way; it is no sibling of the fund's.
 */
function withoutNatureAfterFund(parts: ProseToken[]): ProseToken[] {
  const fund = parts.findIndex((p) => FUND_SPENDING.test(p.subject));
  return fund < 0 ? parts : parts.filter((p, k) => k <= fund || !NATURE_OF_SPENDING.test(p.subject));
}
const FUND_SPENDING = /财政拨款(?:本年)?支出$/;
const NATURE_OF_SPENDING = /^(?:基本支出|项目支出|人员经费|公用经费)$/;

/**
 * `收入、支出总计3.19亿元，其中财政拨款收入、支出总计3.17亿元；财政拨款年末结转和结余900.00万元`: a fund's 总计 holds that fund's
 * balances carried in and out; the balance after it is inside it, not its sibling.
 */
function withoutBalancesOfTotals(parts: ProseToken[]): ProseToken[] {
  const funds = parts.map((p) => /^(.{2,12}?)(?:收入、?支出|收支|收入|支出)?总计$/.exec(p.subject)?.[1]);
  if (!funds.some(Boolean)) return parts;
  return parts.filter((p, k) => !(/结转|结余/.test(p.subject) && funds.slice(0, k).some((fund) => fund && p.subject.startsWith(fund) && !p.subject.startsWith(`非${fund}`))));
}

/** `项目4个，…包括A、B、C、D`: as many parts as the stated count. */
function countMatches(list: ProseList, parts: ProseToken[]): boolean {
  const count = list.totals.get('count');
  return count !== undefined && count.token.decimals === 0 && Number(count.token.text) === parts.length;
}

/** Stated shares of the parts adding up to 100% mean the list is complete. */
function sharesAddToHundred(list: ProseList): boolean {
  const shares = list.members.filter((t) => t.role === 'share');
  if (shares.length < 2) return false;
  return checkSum(exact(100, '100%'), shares.map((s) => operand(s.token, s.subject))).ok;
}

/** The criteria a whole is broken down by, one breakdown each: `按用途分：`, `按采购品目分：` (lists.ts opens lists on them). */
export const CRITERIA = '(?:车辆)?(?:用途|类别|类型|性质|品目|采购品目|采购方式|组织形式|资金来源|收入来源|级次|单位|使用单位|所属单位|采购单位|预算单位)';
// (`分单位为：`, `分单位看，`, `从单位构成看，` break a whole down by unit as `按单位分：` does.)
// (`从采购方式看，…` too; not `从资金来源看，基本支出中…；项目支出中…`, which may leave a kind of spending out.)
/** A 科目's roll over the year, stated with its spending: `…（项）年初结转和结余`, `…（项）本年收入`, `…（项）年末结转和结余`. */
const ITEM_ROLL = /[）)](?:年初|年末)[^，,]*结转|[）)](?:本年)?收入$/;

/** What follows an item new this year: `，上年无此项支出`, `（上年未发生）`, `，上年为0`. */
const NEW_THIS_YEAR_ITEM = /^[，,（(]\s*上年(?:无此项|无该项|未发生|未安排|无)(?:支出|费用)?|^[，,（(]\s*上年(?:为|是)\s*0(?![.\d])/;

/** Places money is shared out among: `分县市区为：`, `按乡镇（街道）分配：`. */
export const REGIONS = '(?:县市区|县[（(]市、区[)）]|县区|区县|市县|县市|乡镇[（(]街道[)）]|镇[（(]街道[)）]|乡镇|镇街|街道|地区|区域)';
const BY_CRITERION = new RegExp(`^按(?:支出|收入|资金)?${CRITERIA}|^(?:分|从)(?:使用|所属)?单位|^从(?:采购方式|采购品目|组织形式)(?:上|来)?看|^(?:分|按)${REGIONS}`);
const ALL_OF_IT = /全部(?:用于|为|是|包括)?$/;
const REMAINDER_TOTAL = /^(?:其余|其他|剩余)(?:各项|\d+项|[一二三四五六七八九十两]+项)(?:科目)?(?:合计|共计|之和)?$/;

/** `工资福利支出中，基本工资、津贴补贴…` up to the 分别 of the run. */
const FRAMED_RUN = /(?:^|[，,。；;])[\u4e00-\u9fff“”（）()]{2,16}中[，,][^，,。；;：:]*$/;

/** A frame opening a sentence's clause: `工资福利支出中，`. */
const FRAME_OPENING = /(?:^|[，,。；;])([\u4e00-\u9fff“”（）()]{2,16})中[，,]/;

/** A 科目 named with its level: `文物保护（项）`. */
const LEVELLED = /[（(]\s*[类款项]\s*[)）]/;
const LEVEL_MARKS = /[（(]\s*([类款项])\s*[)）]/g;
/** The level a 科目 name ends at (`…（类）…（项）` is a 项), if it names one. */
const levelOf = (name: string) => [...name.matchAll(LEVEL_MARKS)].at(-1)?.[1];
/** Figures that cut across any breakdown of the spending: 三公经费, 机关运行经费, 政府采购. */
const CROSS_CUTTING = /三公|机关运行经费|政府采购/;

const TOP_FEW = /前[一二三四五六七八九十\d]{1,2}(?:位|名|家|个)|排名|居前|较大的|最大的/;

/** The rest named after the parts, without its figure: `，其余均为一般公共预算财政拨款`, `，剩余为…`. */
const REST_AFTER = /^[，,；;]\s*(?:其余|剩余|余下)(?:部分|资金)?(?:均|全部)?(?:为|是|来自|由)/;
/** `本年支出合计中由事业收入安排2386.50万元、由其他收入安排412.30万元，其余均为一般公共预算财政拨款`: the rest is left unstated. */
function restLeftUnstated(parts: ProseToken[]): boolean {
  const last = parts.at(-1);
  if (!last) return false;
  const end = (last.token.unitSpan?.end ?? last.token.span.end) - last.sentence.span.start;
  return REST_AFTER.test(last.sentence.text.slice(end, end + 16));
}

export function isExhaustive(list: ProseList, parts: ProseToken[], total: ProseToken, apart: string[] = []): boolean {
  // (`分别为`, the composition words `由…构成` / `构成如下` / `从构成看`, and a total after its parts: `A、B，合计T`.)
  // (`按用途分：`: a whole broken down by one criterion, every part of it.)
  // (Not `工资福利支出中，基本工资、津贴补贴、奖金、绩效工资分别为…`: a frame before 分别 may name only some of its parts, unless they are
  // the whole family.)
  const own = parts[0]?.sentence;
  if (restLeftUnstated(parts)) return false;
  const before = own !== undefined && list.trigger.start >= own.span.start ? own.text.slice(0, list.trigger.start - own.span.start) : undefined;
  // (Or a later run under the same frame: `工资福利支出中，A、B分别为…；C、D分别为…；E…`.)
  const frame = before !== undefined ? FRAME_OPENING.exec(before)?.[1] : undefined;
  const framed = before !== undefined && /分别/.test(list.triggerText) && (FRAMED_RUN.test(before) || (frame !== undefined && subjectsMatch(normalizeSubject(frame), total.subject)));
  if (framed) return coversFamily(parts.map((p) => p.subject), total.subject);
  // (Not the top few, `分单位看，支出排名前四位的单位为…`: some of the whole.)
  const topFew = own !== undefined && TOP_FEW.test(own.text.slice(Math.max(0, list.trigger.start - own.span.start), Math.max(0, parts[0].token.span.start - own.span.start)));
  if (topFew) return false;
  // (Not `主要由以下几部分构成：`, the main parts.)
  // (`…按规定分别用于交纳企业所得税…、提取职工福利基金…和转入事业基金…`: 分别 before the trigger too.)
  if (list.exhaustive || /分别/.test(list.triggerText) || (before !== undefined && /分别$/.test(before)) || (/构成|^由$/.test(list.triggerText) && !/^主要/.test(list.triggerText)) || BY_CRITERION.test(list.triggerText)) return true;
  // (`在职人员中，局机关44人、市公证处18人、…`: a kind of staff by unit, every unit.)
  if (STAFF_FRAME.test(list.triggerText) && parts.length >= 2 && parts.every((p) => p.role === 'count' && UNIT_NAME.test(p.subject))) return true;
  // (`其余各项合计83.53万元，包括A6.69万元、B5.73万元`: the rest, item by item, unless 等 leaves some out.)
  if (REMAINDER_TOTAL.test(total.subject || total.lead)) {
    const last = parts[parts.length - 1].token;
    const end = (last.unitSpan?.end ?? last.span.end) - total.sentence.span.start;
    if (!/^\s*等/.test(total.sentence.text.slice(end, end + 3))) return true;
  }
  // (`其他事业单位10个。其他事业单位包括：社区卫生服务中心6个、乡镇卫生院2个、…`: the bodies a count of bodies includes, named one by
  // one with no 等 after them (nor 主要), are all of them.)
  if (total.role === 'count' && /^包括/.test(list.triggerText) && parts.every((p) => p.role === 'count' && /^(?:个|家|所)$/.test(p.token.unitText))) {
    const sentence = parts[0].sentence;
    const last = parts[parts.length - 1].token;
    const from = (last.unitSpan?.end ?? last.span.end) - sentence.span.start;
    const mainly = /主要$/.test(sentence.text.slice(0, Math.max(0, list.trigger.start - sentence.span.start)));
    // (Nor one whose last counted body is followed by bodies named without a count: `…特殊教育学校1所、市教育科学研究院和…`.)
    if (!mainly && !/^\s*(?:等|[、和及与])/.test(sentence.text.slice(from, from + 3))) return true;
  }
  // (`共有车辆6辆，其中：执法执勤用车3辆、应急保障用车1辆、特种专业技术用车1辆`: the cars by the template's kinds of use, every kind that has one.)
  if (total.role === 'count' && total.token.unitText === '辆' && parts.length >= 2 && parts.every((p) => p.role === 'count' && p.token.unitText === '辆' && /用车$/.test(p.subject)) && !/主要$/.test(list.triggerText)) return true;
  // (`全部用于以下3个方面：`: all of it.)
  const sentence = total.sentence;
  if (ALL_OF_IT.test(sentence.text.slice(Math.max(0, list.trigger.start - sentence.span.start - 6), Math.max(0, list.trigger.start - sentence.span.start)))) return true;
  // (`其中：基本支出…；项目支出…。本年支出合计中，对附属单位补助支出131.90万元…`: not when another member is stated apart.)
  if (coversFamily(parts.map((p) => p.subject || p.lead), total.subject, apart)) return true;
  if (countMatches(list, parts)) return true;
  if (parts.length >= 3 && THE_REST.test(between(parts[parts.length - 2], parts[parts.length - 1]))) return true;
  // (`事业收入647.53万元…：学费收入…，住宿费收入…，其他事业收入61.43万元`, `共有车辆15辆，其中：救护车9辆、业务用车3辆、其他用车2辆`: a
  // last part that is the rest of the whole, by name, closes the list.)
  if (parts.length >= 2 && namesTheRest(parts[parts.length - 1].subject, total.subject)) return true;
  return sharesAddToHundred(list) || countsComplete(list, parts);
}

/** `其他事业收入` of `事业收入`, `其他用车` of the cars, `其他用房` of a floor area: the rest of the whole (not `其他工资福利支出` of 人员经费, nor `其他支出`, a 类). */
function namesTheRest(last: string, whole: string): boolean {
  const rest = /^其他(.+)$/.exec(last)?.[1];
  if (!rest) return false;
  // (`房屋建筑面积…，其中：办公用房…，业务用房…，其他用房…`: the rest of the floor area.)
  return (rest.length >= 3 && whole.endsWith(rest)) || (/^(?:用车|车辆)$/.test(rest) && /车辆|用车/.test(whole)) || (/^(?:用房|房屋)(?:面积)?$/.test(rest) && /房屋|用房/.test(whole));
}

/**
 * `…；5.生态环境执法项目10.69万元；6.其他3个项目合计21.04万元。`: a last item that sums up the rest of the items (a count
 * or a 合计 after 其他 / 其余) makes the list of main items all of them.
 */
const THE_REST = /[；;，,、]\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])?\s*(?:其他|其余|剩余)(?:\d+|[一二三四五六七八九十两]+)?(?:个|项)?[^，,；;。：:]{0,8}(?:合计|共计|小计|累计)(?:为|支出|金额)?$/;

/**
 * `8个项目共涉及资金193.67万元，其中：“优”的6个，涉及资金91.11万元；“良”的1个…；“中”的1个…；“差”的0个…`: items whose
 * counts add up to the stated count are all the items, so their amounts are the whole amount too.
 */
function countsComplete(list: ProseList, parts: ProseToken[]): boolean {
  const count = list.totals.get('count');
  const counts = list.parts.get('count');
  if (!count || !counts || counts.length !== parts.length || counts.length < 2 || parts[0].role === 'count') return false;
  return checkSum(operand(count.token, count.subject), counts.map((c) => operand(c.token, c.subject))).ok && count.token.decimals === 0;
}

/**
 * `“三公”经费41万元，其中：因公出国（境）费0万元，…` then `其中：公务用车购置及运行维护费…；公务接待费…`: a list that leaves
 * out a member of its standard breakdown stated as zero before it (in its section) is complete all the same, for amounts.
 */
/**
 * `其中：因公出国（境）费与上年持平，公务用车购置及运行维护费减少0.11万元，…`: the members of a change breakdown that state no
 * figure, only that they did not change (their change is 0), by name.
 */
function flatMembers(list: ProseList, parts: ProseToken[]): string[] {
  const sentence = parts[0].sentence;
  const from = Math.max(list.region.start, sentence.span.start);
  const region = sentence.text.slice(from - sentence.span.start, list.region.end - sentence.span.start);
  const names: string[] = [];
  for (const clause of region.split(/[，,；;]/)) {
    const m = FLAT_MEMBER.exec(clause);
    if (m) names.push(m[1]);
  }
  return names;
}
const FLAT_MEMBER = /^\s*(?:[：:]\s*)?([^\d：:。]{2,24}?)(?:均)?(?:与上年(?:相比)?|较上年|比上年|同比)?(?:持平|无变化|不变|无增减)$/;

function completeWithZeros(parts: ProseToken[], total: ProseToken, zeros: string[], apart: string[]): boolean {
  if (zeros.length === 0) return false;
  return FAMILIES.some((f) => {
    if (f.whole && !f.whole.test(total.subject)) return false;
    const hits = parts.map((p) => f.members.findIndex((m) => m.test(p.subject || p.lead)));
    return hits.every((h) => h >= 0) && f.required.every((r) => hits.includes(r) || zeros.some((z) => f.members[r].test(z) && !f.members.some((m, k) => k !== r && hits.includes(k) && m.test(z)))) && !statesOtherMember(f, hits, apart);
  });
}

/** What the rest of the text says about a list's completeness. */
export interface ListContext {
  /** The names of amounts stated as zero before the list in its section. */
  zerosBefore(list: ProseList): string[];
  /** The names of non-zero amounts stated on their own right after the list. */
  statedApart(list: ProseList): string[];
  /** The units the department's accounts are made of, as its overview names them (unitsOfDepartment). */
  units: string[];
  /** The year's 本年收入合计 or 本年支出合计 the report states nearest a place, if any. */
  yearTotal?: (side: '收入' | '支出', offset: number) => ProseToken | undefined;
}

const NO_CONTEXT: ListContext = { zerosBefore: () => [], statedApart: () => [], units: [] };
/** A breakdown by the department's units: `按单位分：`, `分单位看，`, `从单位构成看，`, `分单位为：`, `按采购单位划分：`. */
export const BY_UNIT = /(?:按|分|从)(?:使用|所属|采购|预算)?单位(?:构成)?(?:划?分|分类|来看|看|为)/;

/**
 * The budget a list's parts named without the word break down (`全年预算数768.40万元，其中：当年财政拨款720.00万元…`), if it is one:
 * only a budget stated in the list's own sentence with no actual after it (`预算96,000.00元，决算87,415.60元…。其中：…` breaks the
 * actual down, whichever figure the look-up back found).
 */
export function budgetOfParts(list: ProseList): ProseToken | undefined {
  const budget = list.totals.get('budget');
  if (!budget || list.totals.has('amount') || budget.sentence.id !== list.sentence || list.members.some((t) => t.role === 'amount' && t.token.span.start < list.trigger.start) || actualBetween(budget, list)) return undefined;
  return budget;
}

/** An actual stated between a budget and the list after it (`全年预算数…，执行数…，其中：`). */
function actualBetween(budget: ProseToken, list: ProseList): boolean {
  const words = budget.sentence.text.slice(budget.token.span.end - budget.sentence.span.start, list.trigger.start - budget.sentence.span.start);
  return SPENT_WORDS.test(words);
}

/** Words of a figure spent, not budgeted. */
const SPENT_WORDS = /执行|实际|支出|决算|完成|使用|拨付|到位/;

/** An asset's gross value, depreciation or amortisation: `固定资产原值`, `累计折旧`, `本年计提固定资产折旧`. */
const ASSET_ATTRIBUTE = /(?:原值|累计折旧|累计摊销|计提[^，,。；;]{0,8}(?:折旧|摊销))$/;

export function sumClaims(lists: ProseList[], sink: ClaimSink, context: ListContext = NO_CONTEXT): void {
  for (const list of lists) {
    if (adjustedBudget(list, sink)) continue;
    for (const [role, stated] of list.parts) {
      const total = list.totals.get(role);
      const listed = role === 'amount' && total ? plansOfPairs(total, stated) : stated;
      if (!listed) continue;
      const whole = total && listed.length === 1 && (role === 'count' || role === 'amount') ? wholeAfterCompleteBreakdown(lists, list, role, total, listed[0]) : undefined;
      listSum(list, role, whole ?? total, role === 'amount' && total && BY_UNIT.test(list.triggerText) ? unitsOwnFigures(total, listed) : listed, sink, context);
    }
    // (`全年预算数768.40万元，其中：当年财政拨款720.00万元，上年结转资金48.40万元，其他资金20.00万元；全年执行数756.92万元`: the parts of a
    // budget are budgets, named without the word, up to the first figure of what was spent.)
    const budget = budgetOfParts(list);
    if (budget) {
      const amounts = list.parts.get('amount') ?? [];
      const end = amounts.findIndex((t) => !t.ownSubject || SPENT_WORDS.test(t.lead));
      const parts = end < 0 ? amounts : amounts.slice(0, end);
      if (parts.length >= 2) listSum(list, 'budget', budget, parts, sink, context);
    }
    if (list.otherCount) listSum(list, 'count', list.otherCount.total, list.otherCount.parts, sink, context, list.parts.get('count'));
  }
}

/** A bare second measure of the item named before it: the `到位` of `省级补助计划1260.00万元、到位1195.00万元`. */
const SECOND_MEASURE = /^[、，,和及]?\s*(?:实际)?(?:到位|到账|下达|拨付|执行|支出|使用)(?:了|为|数)?$/;
/** A part named as planned: `省级补助计划`, `年初预算`. */
const PLAN_PART = /(?:计划|安排|预算数?)(?:为|数)?$/;
/** A planned total: `全年计划安排专项资金` (not a fund's name, `一般公共预算财政拨款收入`). */
const PLAN_TOTAL = /计划|安排|(?<!公共|基金|经营)预算(?!财政拨款)/;

/**
 * Parts stated in pairs, what was planned and what came of it (`其中，中央补助下达3396.00万元；省级补助计划1260.00万元、到位1195.00万元；…`):
 * the plans add up to a planned total; of a total of the other measure the list says nothing that adds up (undefined).
 */
function plansOfPairs(total: ProseToken, listed: ProseToken[]): ProseToken[] | undefined {
  const seconds = listed.filter((t, i) => i > 0 && SECOND_MEASURE.test(t.lead) && PLAN_PART.test(listed[i - 1].lead));
  if (seconds.length === 0) return listed;
  return PLAN_TOTAL.test(total.lead) ? listed.filter((t) => !seconds.includes(t)) : undefined;
}

/**
 * `共有车辆4辆，其中：一般公务用车1辆，执法执勤用车1辆，…，其他用车（广播电视台转播车）1辆，其中使用财政拨款开支运行费的公务用车3辆`: a
 * second 其中 after a breakdown that adds up to its whole exactly, larger than the item it follows, is another part of that whole.
 */
function wholeAfterCompleteBreakdown(lists: ProseList[], list: ProseList, role: Role, total: ProseToken, part: ProseToken): ProseToken | undefined {
  const parent = list.parent === undefined ? undefined : lists[list.parent];
  const whole = parent?.totals.get(role);
  const siblings = parent?.parts.get(role);
  if (!whole || !siblings || siblings.length < 2 || siblings.at(-1) !== total) return undefined;
  // (Not after items each in a `；`-clause of its own, `…；二级单位政府采购支出6.04万元，…，其中面向小微企业采购6.40万元`: the 其中 is
  // that item's.)
  if (siblings.some((t, k) => k > 0 && /[；;]/.test(between(siblings[k - 1], t)))) return undefined;
  if (part.token.unit !== total.token.unit || whole.token.unit !== total.token.unit || !part.token.value.gt(total.token.value) || part.token.value.gt(whole.token.value)) return undefined;
  const listed = siblings.reduce((sum, t) => sum.plus(t.token.value), whole.token.value.times(0));
  return listed.eq(whole.token.value) ? whole : undefined;
}

/**
 * `分单位看：委机关政府采购支出64.90万元，…；区疾病预防控制中心政府采购支出2146.09万元，授予中小企业1748.30万元，…`: when the units'
 * figures name the total's quantity, a unit's other figures in its clause are none of the parts.
 */
function unitsOwnFigures(total: ProseToken, parts: ProseToken[]): ProseToken[] {
  const quantity = total.subject.replace(/(?:总额|合计|总计)$/, '');
  const sharedEnd = (name: string) => {
    let n = 0;
    while (n < name.length && n < quantity.length && name[name.length - 1 - n] === quantity[quantity.length - 1 - n]) n++;
    return n;
  };
  // (Four characters in common, or the whole of a short quantity: `局本级支出` under `支出合计`, not `局本级收入`.)
  const named = parts.filter((p) => sharedEnd(p.subject) >= Math.min(4, quantity.length));
  return named.length >= 2 ? named : parts;
}

/**
 * `预算数为55.00万元（其中年初预算60.00万元，年中调减5.00万元）`: a budget and the 年初 budget and adjustments it came from, a
 * formula (年初 ± 调整), not parts. True when the list is one.
 */
function adjustedBudget(list: ProseList, sink: ClaimSink): boolean {
  const total = list.totals.get('budget');
  const initial = list.parts.get('budget') ?? [];
  const adjustments = list.parts.get('amount') ?? [];
  if (!total || list.totals.has('amount') || initial.length !== 1 || budgetKind(initial[0].lead) !== 'initial' || adjustments.length === 0 || !adjustments.every((t) => ADJUSTMENT_AMOUNT.test(t.lead))) return false;
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.budget-adjustment',
    description: l('预算数 = 年初预算 ± 年中调整', 'the budget = the initial budget ± the adjustments'),
    span: total.token.span,
    total: operand(total.token, '预算数'),
    parts: [operand(initial[0].token, '年初预算'), ...adjustments.map((t) => operand(t.token, t.subject || '年中调整'))],
    signs: [1, ...adjustments.map((t) => (CUT.test(t.lead) ? -1 : 1))],
    exhaustive: true,
  });
  return true;
}

/**
 * The names enumerated after a colon: to a full stop, a blank line or a heading (numbered lines and bullets, `；` between
 * names, go on).
 */
export const ENUMERATION = String.raw`((?:[^。\n]|\n(?![ \t\u3000]*\n|\s*#|\s*[一二三四五六七八九十]+[、.．]|\s*[（(][一二三四五六七八九十]+[)）]))+)`;

/**
 * `本部门决算由4个单位的决算汇总组成，包括：局本级、环境卫生管理处、…`, `由局本级和3个所属事业单位的决算汇总组成，所属事业单位分别为：…`: the
 * units named there.
 */
const UNITS_LISTED = new RegExp(String.raw`(?:由|包括|含)[^。；;]{0,20}?(?:\d+|[一二三四五六七八九十]+)(?:个|家)(?:所属|下属|直属)?(?:预算|事业|行政)?单位[^。；;：:]{0,20}[：:]` + ENUMERATION);

/**
 * `纳入…部门决算编制范围的二级预算单位包括：1.…、2.…` after `本部门决算包括：部门本级及所属4家单位`; `纳入编制范围的单位共3个：A（机关本级）、…`.
 */
const UNITS_IN_SCOPE = new RegExp(String.raw`编制范围的(?:二级)?(?:预算)?单位(?:共(?:\d+|[一二三四五六七八九十]+)(?:个|家)[，,]?)?(?:具体)?(?:包括|有)?[：:]` + ENUMERATION);

/**
 * `…编制范围的二级预算单位包括5个，具体包括：` over numbered lines, `由4个独立核算单位的决算汇总而成，分别是：A、B、C、D。`,
 * `…共3个，分别是：A；B；C。`: the units named after the words that open the enumeration.
 */
const UNITS_ENUMERATED = new RegExp(String.raw`(?:编制范围|独立核算单位|汇总而成)[^。]{0,40}?(?:分别是|分别为|具体包括|具体如下|包括)[：:]\s*` + ENUMERATION);

/** The end of a unit's name: `局本级`, `…中心`, `…馆` (`文化和旅游局` is one name, `局本级和区文化馆` two). */
export const UNIT_END = /(?:本级|局|中心|站|所|馆|院|校|园|队|处|室|办|委|会|社|场|台)$/;

export function unitsOfDepartment(text: string): string[] {
  const head = text.slice(0, 20000);
  const listed = UNITS_LISTED.exec(head);
  // (An enumeration of figures, `局本级107.02万元、农经站…`, names no units: the next wording is tried.)
  for (const m of [listed, UNITS_IN_SCOPE.exec(head), UNITS_ENUMERATED.exec(head)]) {
    if (!m) continue;
    const units = namesOf(m[1]);
    if (units.length < 2 || units.some((u) => /\d/.test(u) || u.length > 30)) continue;
    // (The department's own accounts, `部门本级及所属4家单位`, are a unit of the breakdown too.)
    // (So are they when the count is of the units below them: `由局本级和3个所属事业单位的决算汇总组成，所属事业单位分别为：…`.)
    if ((m === listed ? /本级(?:和|及|以及)(?:其)?(?:\d+|[一二三四五六七八九十]+)(?:个|家)(?:所属|下属|直属)/.test(m[0]) : /本级及(?:其)?所属/.test(head)) && !units.some((u) => /本级|机关$/.test(u))) units.unshift('本级');
    return units;
  }
  return [];
}

export function namesOf(enumeration: string): string[] {
  return enumeration
    .split(/[、，,；;\n]/)
    .flatMap(splitAtJoiners)
    // (`某局（机关本级）`: the department's own accounts, named 本级 as the parts name them.)
    .map((u) => u.replace(/[（(](?:机关)?本级[)）]/, '本级').replace(/[（(][^）)]*[)）]/g, '').replace(/^[\s\d.．、（）()\-*•·]+|等$|\s/g, ''))
    .filter((u) => u.length >= 2);
}

/**
 * `局本级和区文化馆` is two names, `沿江区文化和旅游局本级和沿江区图书馆` two as well (the 和 of 文化和旅游局 is inside a name): split
 * at a 和 / 及 where the words before end a unit's name and those after do too.
 */
function splitAtJoiners(u: string): string[] {
  const names: string[] = [];
  let from = 0;
  for (const m of u.matchAll(/和|及/g)) {
    const left = u.slice(from, m.index);
    const rest = u.slice(m.index! + 1).replace(/[（(][^）)]*[)）]\s*$/, '');
    // (A word of two, `社会和法制委员会办公室`, names no unit: the 和 is inside the name.)
    const bareLeft = left.replace(/[（(][^）)]*[)）]\s*$/, '');
    if (bareLeft.length >= 3 && UNIT_END.test(bareLeft) && UNIT_END.test(rest)) {
      names.push(left);
      from = m.index! + 1;
    }
  }
  names.push(u.slice(from));
  return names;
}

/** `法援中心` for `南湖区法律援助中心`, `区疾控中心` for `东湖区疾病预防控制中心`: the characters in order, the same end. */
function abbreviates(short: string, name: string): boolean {
  if (short.length < 3 || short.at(-1) !== name.at(-1)) return false;
  let at = 0;
  for (const c of short) {
    at = name.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Parts named one for each unit of the department (`其中：局本级…，环境卫生管理处…`): every unit, so all of it. */
function namesEveryUnit(parts: ProseToken[], units: string[]): boolean {
  if (units.length < 2 || parts.length !== units.length) return false;
  const named = (p: ProseToken, u: string) => {
    const s = p.subject || p.lead;
    // (`部门本级` is `…局本级`: the department's own accounts.)
    return s.length >= 2 && (s.includes(u) || u.endsWith(s) || (/本级$/.test(s) && /本级$/.test(u)) || abbreviates(s, u));
  };
  return units.every((u) => parts.some((p) => named(p, u)));
}

/** The opening of another breakdown of the same total: `按经济分类科目，`, `按支出经济分类`, `从功能分类看`. */
const SECOND_BREAKDOWN = /(?:按|从)(?:支出)?(?:功能|经济)(?:分类)?(?:科目)?(?:看|划分|分)?[，,：:]?/;

/**
 * The claim a list states about one total and its listed parts (total = Σ, Σ ≤ total, or part ≤ total).
 * `pairedWith`: for the counts of a second unit (`共3个批次、共计38人。其中：国内…0个批次、36人，…`), the first
 * unit's counts, one beside each of them: the items they name are these items.
 */
function listSum(list: ProseList, role: Role, stated: ProseToken | undefined, listed: ProseToken[], sink: ClaimSink, context: ListContext, pairedWith?: ProseToken[]): void {
  // `其中：按功能分类科目，…支出13.21万元；按经济分类科目，工资福利支出…`: two breakdowns of one total, each its own list.
  const second = role === 'amount' ? listed.findIndex((p, k) => k > 0 && SECOND_BREAKDOWN.test(between(listed[k - 1], p))) : -1;
  if (second > 0) {
    listSum(list, role, stated, listed.slice(0, second), sink, context);
    listSum(list, role, stated, listed.slice(second), sink, context);
    return;
  }
  // `A、B分别为x、y，合计z`: the total follows its parts.
  // (So does `以上5个单位合计5863.63万元` closing any list: `按单位分：局机关…；…；以上5个单位合计5863.63万元`.)
  const closing = listed.length > 2 && ABOVE_TOTAL.test(between(listed.at(-2)!, listed.at(-1)!)) ? listed.length - 1 : -1;
  const after = /分别/.test(list.triggerText) ? listed.findIndex((p) => /合计|共计|总计/.test(p.lead)) : closing;
  const total = after > 0 ? listed[after] : stated;
  // (A score breaks down only a score named so, `自评得分96分，其中：…`: not a project's score in a run of projects' scores,
  // `基层司法业务经费93.0分，…。其中，…经费项目…自评得分96.55分`.)
  if (role === 'score' && total && !/得分|评分|分数|总分/.test(total.subject + total.lead)) return;
  // (`其中教育支出位居第一，其次是…，三类合计103812.06万元`: a total of items counted, no part of the list's total.)
  let parts = (after > 0 ? listed.slice(0, after) : role === 'count' && total ? withoutSiblingTail(listed, total) : listed).filter((p) => !COUNTED_TOTAL.test(p.lead));
  // (`工资福利支出553.22万元、对个人和家庭的补助10.46万元，合计即人员经费563.68万元；商品和服务支出…，合计即公用经费111.62万元`: each subtotal
  // sums the items since the one before, and is none of the whole's items.)
  if (role === 'amount' && parts.some((p) => SUBTOTAL_LEAD.test(p.lead))) parts = withoutSubtotals(parts, sink);
  if (parts.length === 0) return;
  // (`…支出2252.60万元。其中：` / `城市建设支出（项）年初结转和结余…，本年收入…，本年支出2012.60万元，年末结转和结余…`: each item states its
  // year's roll; its 支出 is the part.)
  if (role === 'amount' && total && /支出(?:合计|总计)?$/.test(total.subject) && parts.some((p) => ITEM_ROLL.test(p.subject))) {
    parts = parts.filter((p) => /支出$/.test(p.subject) && !ITEM_ROLL.test(p.subject));
    if (parts.length === 0) return;
  }
  // (`文物（款）文物保护（项）312.45万元，…其中使用上年结转资金48.60万元；文化和旅游（款）旅游宣传（项）138.72万元，…`: a 科目 named after a
  // `；` is the total's sibling, not its part: the list ends before it.)
  // (So is a member of the breakdown the total belongs to: `事业收入…，主要为…科研收入…和…技术服务收入…；经营收入657.15万元…`.)
  if (total && total.subject) {
    // (Income by source: a source's own breakdown ends at the next source.)
    const siblingOfTotal = (p: ProseToken) => (LEVELLED.test(total.subject) ? levelOf(p.subject) === levelOf(total.subject) : /收入$/.test(total.subject) && /收入$/.test(p.subject) && p.subject !== total.subject && distinctMembers([total.subject, p.subject]));
    const sibling = parts.findIndex((p, k) => k > 0 && siblingOfTotal(p) && /[；;]/.test(between(parts[k - 1], p)));
    if (sibling > 0) parts = parts.slice(0, sibling);
  }
  // (`收入、支出总计0.67亿元，其中一般公共预算财政拨款支出0.64亿元；“三公”经费支出19.78万元；政府采购支出1514.03万元`: 三公, 机关运行经费
  // and 政府采购 cut across a whole's breakdown; they are no parts of it, unless the whole is one of them.)
  if (role === 'amount' && total && /(?:收入|支出)/.test(total.subject) && !CROSS_CUTTING.test(total.subject) && parts.some((p) => !CROSS_CUTTING.test(p.subject))) parts = parts.filter((p) => !CROSS_CUTTING.test(p.subject));
  // (`…其中：集中供养412人，分散供养1444人；…；敬老院入住老人共计1263人`: a figure stated as a total of its own, after a `；`, is none
  // of the parts.)
  // (Nor one in a reason given after the parts: `…，主要原因是农村低保标准由每人每年3700元提高到3950元`.)
  // (Each part's words from the one before: a list of thousands of parts is read once.)
  if (after < 0) {
    let semicolon = false;
    parts = parts.filter((p, k) => {
      if (k === 0) return true;
      const gap = between(parts[k - 1], p);
      semicolon ||= /[；;]/.test(gap);
      return !((/共计$/.test(p.lead) && semicolon) || /原因/.test(gap.split(/[；;]/).at(-1)!));
    });
  }
  // (`其中：预算执行（20分）得19.33分，管理效率（20分）得18.40分…`: a part's full marks in brackets before its score are no part.)
  // (Nor, in any list, figures in a bracket after a part, `对个人和家庭的补助2.40万元（生活补助1.80万元、奖励金0.60万元）`: that part's
  // breakdown.)
  // (Nor full marks named so: `预算执行指标分值15分、得分14.4分；…`.)
  if (role === 'score') parts = parts.filter((p) => !FULL_MARKS.test(p.subject));
  if (parts.length > 0) {
    const shallowest = parts.reduce((d, p) => Math.min(d, p.depth), Infinity);
    if (parts.some((p) => p.depth > shallowest)) parts = parts.filter((p) => p.depth === shallowest);
  }
  // (`从采购方式看，政府采购支出总额3587.50万元中：公开招标…`: the whole restated before its parts is none of them.)
  // (Or named shorter: `按经济分类划分，基本支出869.32万元中：…` after `一般公共预算财政拨款基本支出869.32万元`.)
  if (total && parts.length > 2 && parts[0].token.value.eq(total.token.value) && parts[0].token.unit === total.token.unit && (subjectsMatch(parts[0].subject, total.subject) || (parts[0].subject.length >= 2 && total.subject.endsWith(parts[0].subject)))) parts = parts.slice(1);
  // (`其中：年初财政拨款结转和结余…，本年财政拨款收入…；本年财政拨款支出…，年末财政拨款结转和结余…，收支总计48848.49万元`: nor the whole
  // restated after them.)
  const last = parts.at(-1);
  if (total && last && parts.length > 2 && last.token.value.eq(total.token.value) && last.token.unit === total.token.unit && /总计$/.test(last.subject) && /总计$/.test(total.subject)) parts = parts.slice(0, -1);
  if (!total || parts.length === 0 || parts.includes(total)) return;
  // (`收入总计…。其中，收入方面：总计6174.20万元，由…构成；支出方面：总计6174.20万元，由…构成`: each side's 总计 restated, no parts.)
  if (parts.length >= 2 && parts.every((p) => !p.ownSubject && /^[，,、；;：:\s]*(?:总计|合计)(?:为|是)?$/.test(p.lead) && p.token.value.eq(total.token.value))) return;
  // (`本级和8个财政补助事业单位以及各级调查队，其中，省级调查总队32个…`: the 其中 details the group named after the count.)
  // (Unless the trigger names the group itself: `在职人员84人和退休人员31人；在职人员中，局机关44人…`.)
  if (role === 'count' && ANOTHER_GROUP.test(wordsBefore(total, list.trigger.start)) && !STAFF_FRAME.test(list.triggerText)) return;
  // (`由局机关本级和所属3个二级预算单位决算组成…其中：行政单位1个，…事业单位2个，…1个`: the kinds are of the body and its units,
  // one more than the count.)
  if (role === 'count' && /本级(?:和|及|与|以及)所属$/.test(total.lead)) return;
  const paired = pairedItems(list, parts, total, pairedWith);
  // (A budget named only by its words, `全年预算数768.40万元`, is that budget, not the sentence's long inherited name.)
  const ownWords = role === 'budget' && !total.ownSubject ? total.lead.replace(/[，,：:、\s]/g, '') : '';
  const label = paired ? paired.label : ownWords || total.subject || total.lead.replace(/[，,：:、\s]/g, '') || '合计';
  // A change decomposed into its parts' changes: Σ ± part = total, each part signed by its direction
  // against the total's. Only a complete breakdown (基本支出 + 项目支出, …) says anything: a few main
  // contributors need not add up, and signed parts have no ≤.
  if (role === 'delta' || role === 'budget-delta') {
    if (parts.length < 2 || !total.direction || total.direction === 'flat' || parts.some((p) => !p.direction || p.direction === 'flat')) return;
    const flat = role === 'delta' ? flatMembers(list, parts) : [];
    // (`公务用车购置费支出决算28.50万元，上年无此项支出`: an item new this year changed by all of it.)
    const fresh = role === 'delta' ? (list.parts.get('amount') ?? []).filter((p) => NEW_THIS_YEAR_ITEM.test(p.sentence.text.slice((p.token.unitSpan ?? p.token.span).end - p.sentence.span.start, (p.token.unitSpan ?? p.token.span).end - p.sentence.span.start + 16))) : [];
    // (Unless its change is stated too, `…15.46万元，上年无此项支出，本年新增15.46万元`.)
    const statedChange = (p: ProseToken) => parts.some((d) => d.sentence === p.sentence && d.index > p.index && !/[；;]/.test(between(p, d)));
    const unstated = fresh.filter((p) => !statedChange(p));
    if (unstated.length > 0) parts = [...parts, ...unstated.map((p) => ({ ...p, direction: 'up' as const }))];
    // (A member of the breakdown the list leaves out but the text states right after with its own figure is one whose change the
    // list does not give: `其中：基本支出…增加61.17万元；…` then `上缴上级支出18.60万元，…比上年增加2.40万元`.)
    const apart = role === 'delta' ? context.statedApart(list) : [];
    if (!isExhaustive(list, parts, total, apart) && !completeWithZeros(parts, total, flat, apart)) return;
    // (`因公出国（境）费12.60万元，…，上年为0；公务用车…增加20.15万元…；公务接待费…减少2.35万元`: a listed item whose change is not
    // stated leaves the changes short of the whole's.)
    if (role === 'delta' && (list.parts.get('amount')?.length ?? 0) > parts.length + flat.length) return;
    sink.add({
      kind: 'sum',
      origin: 'prose',
      identity: role === 'delta' ? 'prose.change-parts' : 'prose.budget-difference-parts',
      description: role === 'delta' ? l(`${label}增减额 = 其中各项增减额之和`, `the change of ${label} = the sum of its parts' changes`) : l(`${label}与预算之差 = 其中各项与预算之差的和`, `the difference of ${label} from its budget = the sum of its parts' differences`),
      span: total.token.span,
      total: operand(total.token, role === 'delta' ? `${label}增减额` : `${label}与预算之差`),
      parts: [...parts.map(partOperand), ...flat.map((name) => exact(0, `${name}（持平）`))],
      signs: [...parts.map((p) => (p.direction === total.direction ? 1 : -1)), ...flat.map(() => 1)],
      exhaustive: true,
    });
    return;
  }
  parts = withoutUnitBreakdown(parts, role, sink);
  // (`8个调查项目…，其中人口变动抽样调查覆盖1,462个调查小区`: a count of other things than the total counts is no part of it.)
  if (role === 'count') {
    const noun = countedNoun(total);
    // (A part counted with its noun before it, `全年完成改造小区23个，惠及…`, counts what its name ends with.)
    parts = parts.filter((p) => !otherNouns(noun, countedNoun(p) || (p.ownSubject ? p.subject.slice(-2) : '')));
    if (parts.length === 0) return;
  }
  // (`…总计均约3.5亿元，其中本年支出约3.4亿元，…；基本支出和项目支出分别约为…；一般公共预算财政拨款支出约3.20亿元`: a side's whole
  // among the parts heads the figures of that side after it, which break it down: only it is a part of the 总计.)
  if (role === 'amount') parts = withoutBalancesOfTotals(withoutNatureAfterFund(withoutHeadedParts(parts)));
  // (Nor an asset's gross value or depreciation beside its net: `非流动资产中，固定资产原值…，累计折旧…，固定资产净值…`.)
  if (role === 'amount' && !ASSET_ATTRIBUTE.test(total.subject)) parts = parts.filter((p) => !ASSET_ATTRIBUTE.test(p.subject));
  if (parts.length === 0) return;
  // (`政府采购支出约4,900万元，其中授予中小企业合同金额占比超过九成；年末资产总额约5.34亿元`: a 其中 whose own clause states no
  // figure of the kind ends at its `；`: what follows is another statement, not a part.)
  if (listed.length > 0 && /^其\r?\n?中/.test(list.triggerText) && clauseBreakBefore(list, listed[0])) return;
  // (`收入、支出总计…。其中：收入方面，本年收入合计23,968.61万元；支出方面，本年支出合计…，年末结转和结余…`: each side's own parts
  // add up to the 总计, the sides are not added together.)
  const sides = role === 'amount' ? sidesOfBothSidesTotal(total, parts) : undefined;
  // (The same with one side only in the list, the other after its `；`.)
  if (role === 'amount' && !sides && BOTH_SIDES_TOTAL.test(total.subject) && parts.length >= 3 && /^(?:收入|支出)总计$/.test(parts[0].subject)) {
    restatedSide(sink, parts, total, parts[0].subject);
    return;
  }
  // (`财政拨款收入、支出总计…，其中一般公共预算财政拨款收入…，政府性基金预算财政拨款收入…；年初财政拨款结转和结余…`: the flows of one side
  // before the `；`, without its balance, are some of that side only.)
  const oneSide = role === 'amount' && !sides && BOTH_SIDES_TOTAL.test(total.subject) && parts.length >= 2 && (parts.every((p) => /收入/.test(p.subject) && !/支出/.test(p.subject)) || parts.every((p) => /支出/.test(p.subject) && !/收入/.test(p.subject)));
  if (oneSide) {
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.partial-list',
      description: l(`其中各项之和不超过${total.subject}`, `The listed parts do not exceed ${total.subject}`),
      span: total.token.span,
      total: operand(total.token, total.subject),
      parts: parts.map(partOperand),
      exhaustive: false,
    });
    return;
  }
  if (sides && parts.length > 2) {
    for (const [k, side] of sides.entries()) {
      // (`按单位分：局本级收入1540.36万元、支出1496.91万元；…` under `收、支总计2280.94万元`: the units' income is the year's 本年收入合计,
      // their spending its 本年支出合计, which the 总计 holds with the balances.)
      const year = BY_UNIT.test(list.triggerText) && side.length >= 2 ? context.yearTotal?.(k === 0 ? '收入' : '支出', total.token.span.start) : undefined;
      if (year) {
        sink.add<SumClaim>({
          kind: 'sum',
          origin: 'prose',
          identity: 'prose.by-unit-year-total',
          description: l(`${year.subject} = 各单位${k === 0 ? '收入' : '支出'}之和`, `${year.subject} = the sum of the units' ${k === 0 ? 'income' : 'spending'}`),
          span: year.token.span,
          total: operand(year.token, year.subject),
          parts: side.map(partOperand),
          exhaustive: true,
        });
        continue;
      }
      if (side.length === 1) {
        partAtMost(sink, side[0], total);
        continue;
      }
      const name = k === 0 ? '收入总计' : '支出总计';
      // (`其中，收入总计393.74万元由本年收入合计…和年初结转和结余…构成；支出总计…`: the side's 总计 restated heads its own parts; it is the
      // 总计 itself, and they add up to it.)
      if (/总计$/.test(side[0].subject) && side.length >= 3) {
        restatedSide(sink, side, total, name);
        continue;
      }
      sideSum(sink, name, total, `${total.subject}（${name}）`, side);
    }
    return;
  }
  if (sides) {
    // (`收入、支出总计均为2342.80万元。其中：本年收入合计2333.25万元、本年支出合计2307.49万元`: this year's 合计 are parts of
    // the 总计, which adds the balances carried in and out.)
    // (Nor are one fund's, `财政拨款收入、支出总计5810.74万元。其中：一般公共预算财政拨款收入5570.74万元，支出5570.74万元；政府性基金…`.)
    const narrowerFund = (p: ProseToken) => {
      const fund = NARROWER_FUND.exec(p.subject)?.[0];
      return fund !== undefined && !total.subject.includes(fund);
    };
    if ((/总计/.test(total.subject) && parts.some((p) => /合计/.test(p.subject))) || parts.some(narrowerFund)) {
      for (const side of parts) partAtMost(sink, side, total);
      return;
    }
    for (const side of parts) bothSidesFact(sink, side, total);
    return;
  }
  // (Scores in whole or half points are given as scored, not rounded: `19分` is 19, as in the 自评表.)
  const scored = (o: Operand, t: ProseToken) => (role === 'score' && t.token.decimals <= 1 ? asExact(o) : o);
  const totalOperand = scored(operand(total.token, label), total);
  const partOperands = (paired ? parts.map((p, k) => operand(p.token, paired.names[k])) : parts.map(partOperand)).map((o, k) => scored(o, parts[k]));
  // (`（1）住房改革支出（款）住房公积金（项）…35.88万元…。` / `其中，专项普查活动（项）支出142.58万元`: a 项 is no part of another 项.)
  if (parts.length === 1 && !deeperLevel(parts[0].subject, total.subject)) return;
  if (parts.length === 1) {
    sink.add({
      kind: 'le',
      origin: 'prose',
      identity: 'prose.part',
      description: l(`其中项不大于总数：${partOperands[0].label} ≤ ${label}`, `A part is at most its whole: ${partOperands[0].label} ≤ ${label}`),
      span: parts[0].token.span,
      part: partOperands[0],
      whole: totalOperand,
    });
    return;
  }
  // (`在职人员46人，其中：中共党员43人、女性20人、具有法律职业资格12人`: traits of the same people overlap; each is at most the whole.)
  if (role === 'count' && PEOPLE.test(total.token.unitText) && parts.some((p) => PERSONAL_TRAIT.test(p.subject || p.lead))) {
    for (const p of parts) partAtMost(sink, p, total);
    return;
  }
  const apart = role === 'amount' ? context.statedApart(list) : [];
  // (Staff and cars one figure for each unit are all of them too: `实有在职人员161人，其中：机关本级107人，综合执法大队42人，…`.)
  // (`政府采购支出总额1779万元中，货物类386万元，占21.7%；服务类1265万元，占71.1%`: parts whose shares add up to well under 100% are not
  // all of it, whatever breakdown they name.)
  // (Each share must fit its part and the total: a slip in one share or part leaves the list whole.)
  const shares = list.members.filter((t) => t.role === 'share' && t.depth === 0);
  // (Not when the words say the parts are all of it: `全部用于以下3个方面：` over two of them leaves one out.)
  const sharesShort =
    role === 'amount' &&
    !/全部|全额|均/.test(list.trigger.end > total.sentence.span.start ? total.sentence.text.slice(0, list.trigger.end - total.sentence.span.start) : list.triggerText) &&
    shares.length === parts.length &&
    shares.reduce((sum, t) => sum.plus(t.token.value), new Decimal(0)).lt(99) &&
    shares.every((t, k) => checkRatio(partOperand(parts[k]), operand(total.token, ''), operand(t.token, '')).status === 'ok');
  const exhaustive = !sharesShort && !restLeftUnstated(parts) && (paired !== undefined || isExhaustive(list, parts, total, apart) || (role === 'amount' && completeWithZeros(parts, total, context.zerosBefore(list), apart)) || ((role === 'amount' || role === 'count') && namesEveryUnit(parts, context.units)));
  // (`公用经费4,996.58万元，主要包括：办公费…、…、其他商品和服务支出384.99万元、办公设备购置…`: items by 经济分类 down to the
  // catch-all of their kind, covering nine tenths or more, are all of it, though 主要 says otherwise (soft: a warning).)
  const nearlyWhole = !exhaustive && role === 'amount' && namesEconomicCatchAll(parts, total) && coversNineTenths(partOperands, totalOperand);
  sink.add({
    kind: 'sum',
    origin: 'prose',
    identity: exhaustive ? 'prose.list' : 'prose.partial-list',
    description: exhaustive
      ? l(`${label} = 其中各项之和`, `${label} = the sum of its listed parts`)
      : l(`其中各项之和不超过${label}`, `The listed parts do not exceed ${label}`),
    span: total.token.span,
    total: totalOperand,
    parts: partOperands,
    exhaustive: exhaustive || nearlyWhole,
    soft: nearlyWhole || undefined,
  });
}

const LEVEL_ORDER: Record<string, number> = { 类: 0, 款: 1, 项: 2 };

/** Unless both are named with a level (`（项）`), the part's is below the whole's. */
function deeperLevel(part: string, whole: string): boolean {
  const [p, w] = [levelOf(part), levelOf(whole)];
  return p === undefined || w === undefined || LEVEL_ORDER[p] > LEVEL_ORDER[w];
}

/** The catch-all 款 that closes an economic breakdown of 公用经费 (30299) or 人员经费 (30199). */
const ECONOMIC_CATCH_ALL: Array<{ whole: RegExp; last: RegExp }> = [
  { whole: /公用经费$/, last: /^其他商品和服务支出$/ },
  { whole: /人员经费$/, last: /^其他工资福利支出$/ },
];

function namesEconomicCatchAll(parts: ProseToken[], total: ProseToken): boolean {
  const kind = ECONOMIC_CATCH_ALL.find((k) => k.whole.test(total.subject));
  return parts.length >= 5 && kind !== undefined && parts.some((p) => kind.last.test(p.subject || p.lead));
}

/** 10·Σ parts ≥ 9·total. */
function coversNineTenths(parts: Operand[], total: Operand): boolean {
  const listed = sumOperand(parts, '');
  return compareValues(sumOperand(new Array(10).fill(listed), ''), sumOperand(new Array(9).fill(total), '')) >= 0;
}

/** part ≤ whole, named by their subjects. */
function partAtMost(sink: ClaimSink, part: ProseToken, whole: ProseToken): void {
  sink.add({
    kind: 'le',
    origin: 'prose',
    identity: 'prose.part',
    description: l(`其中项不大于总数：${part.subject} ≤ ${whole.subject}`, `A part is at most its whole: ${part.subject} ≤ ${whole.subject}`),
    span: part.token.span,
    part: operand(part.token, part.subject),
    whole: operand(whole.token, whole.subject),
  });
}

/** A total of both sides at once: `收入、支出总计`, `收支总计`, `收、支总计`. */
const NARROWER_FUND = /一般公共预算|政府性基金|国有资本经营/;
const FUND_OF_BALANCE = /^(?:一般公共预算|政府性基金预算?|国有资本经营预算?)(?:财政拨款)?(?=年[初末])/;
const BOTH_SIDES_TOTAL = /(?:收入、?支出|收、?支)(?:总计|合计)$/;

/**
 * `收入、支出总计3167.87万元…其中：收入总计3167.87万元，包括…；支出总计3167.87万元，包括…`: the parts of a total of both
 * sides are its two sides, each of them the whole (stated twice, not added up).
 */
function sidesOfBothSidesTotal(total: ProseToken, parts: ProseToken[]): [ProseToken[], ProseToken[]] | undefined {
  // (Or one side's 总计 when the list names both: `收入总计2114.41万元，支出总计2114.41万元…。其中：年初财政拨款结转和结余…，本年财政拨款
  // 收入…，本年财政拨款支出…，年末财政拨款结转和结余…`; the two 总计 of a 决算 are equal.)
  // (Or a bare 总计: `总计2692.23万元中，收入由本年收入合计…和年初结转和结余…构成，支出由…构成`.)
  if (parts.length < 2 || !(BOTH_SIDES_TOTAL.test(total.subject) || /(?:收入|支出)总计$/.test(total.subject) || /^总计$/.test(total.subject || total.lead.trim()))) return undefined;
  // (The opening balance is income's, the closing one spending's, a fund's too: `政府性基金预算财政拨款年初结转40.00万元`.)
  // (A part named by nothing but its words, `全年支出120.00万元`, by those.)
  const sideOf = (p: ProseToken) => {
    const name = (p.subject || p.lead.replace(/^[，,、；;：:\s]+/, '')).replace(FUND_OF_BALANCE, '');
    return /收入|^年初/.test(name) ? (/支出/.test(name) ? '' : 'in') : /支出|^年末/.test(name) ? 'out' : '';
  };
  // (A part naming no side, `年末结转和结余`, is on the side of the part before it; the first part must name its side.)
  const sides: ProseToken[][] = [[], []];
  let current = '';
  for (const p of parts) {
    current = sideOf(p) || current;
    if (!current) return undefined;
    sides[current === 'in' ? 0 : 1].push(p);
  }
  // (Each side named by its flow, not by balances alone: `其中：年初…36.87万元，年末…25.05万元` are two parts of the 总计, no sides.)
  const flows = sides[0].some((p) => /收入/.test(p.subject)) || sides[1].some((p) => /支出/.test(p.subject));
  return flows && sides[0].length > 0 && sides[1].length > 0 ? [sides[0], sides[1]] : undefined;
}

/**
 * The second unit's counts of a complete list of the first unit's, one after each: named as those items in
 * their own unit (`公务接待（人）`, `国内公务接待（人）`), and complete as they are.
 */
function pairedItems(list: ProseList, parts: ProseToken[], total: ProseToken, pairedWith: ProseToken[] | undefined): { label: string; names: string[] } | undefined {
  const first = list.totals.get('count');
  if (!pairedWith || !first || pairedWith.length !== parts.length || parts.length < 2 || !isExhaustive(list, pairedWith, first)) return undefined;
  // (One of each unit per item, in either order: `0个批次、36人` or `36人、0个批次`.)
  const before = (a: ProseToken, b: ProseToken) => a.token.span.end <= b.token.span.start;
  const alternate = (xs: ProseToken[], ys: ProseToken[]) => xs.every((x, k) => before(x, ys[k]) && (k + 1 === xs.length || before(ys[k], xs[k + 1])));
  if (!alternate(pairedWith, parts) && !alternate(parts, pairedWith)) return undefined;
  // (A count's words are often only the other count's unit, `3个批次、共计38人`: `批次、` names nothing.)
  const named = (t: ProseToken) => t.subject !== '' && !/[、，,]$/.test(t.subject);
  const unit = (t: ProseToken) => `（${t.token.unitText}）`;
  return {
    label: named(total) ? total.subject : (first.subject || '合计') + unit(total),
    names: parts.map((p, k) => (named(p) ? p.subject : (pairedWith[k].subject || pairedWith[k].lead.replace(/[，,；;：:、\s]/g, '')) + unit(p))),
  };
}

/**
 * `其中，…局本级…基本支出400.00万元，人员经费370.00万元，公用经费30.00万元`: after a part naming a unit, the figures naming
 * none are that unit's breakdown, not more parts of the whole: they are dropped from the parts, and state the unit's
 * own sum when they make up its figure (400.00 = 人员经费 + 公用经费).
 */
function withoutUnitBreakdown(parts: ProseToken[], role: Role, sink: ClaimSink): ProseToken[] {
  if (parts.length < 2 || !NAMES_UNIT.test(parts[0].subject)) return parts;
  const own = parts.filter((p, k) => k > 0 && !NAMES_UNIT.test(p.subject) && BREAKDOWN_ITEM.test(p.subject));
  if (own.length === 0) return parts;
  const unit = parts[0];
  if (own.length >= 2 && role === 'amount' && coversFamily(own.map((p) => p.subject), unit.subject.replace(/^.*本级/, ''))) {
    sink.add({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.list',
      description: l(`${unit.subject} = 其中各项之和`, `${unit.subject} = the sum of its listed parts`),
      span: unit.token.span,
      total: operand(unit.token, unit.subject),
      parts: own.map(partOperand),
      exhaustive: true,
    });
  }
  return parts.filter((p) => !own.includes(p));
}

/** What a count counts, named right after its unit (`8个调查项目` → 调查项目); '' when nothing is. */
export function countedNoun(t: ProseToken): string {
  const from = (t.token.unitSpan?.end ?? t.token.span.end) - t.sentence.span.start;
  // (Not the next name a joiner brings, `在职人员84人和退休人员31人`.)
  return /^的?(?![和及与或])([\u4e00-\u9fff]{2,8})/.exec(t.sentence.text.slice(from))?.[1] ?? '';
}

/** Two counted nouns that name different things: neither ends as the other does (`调查项目` and `调查小区`, not `项目` and `一级项目`). */
export function otherNouns(a: string, b: string): boolean {
  return a.length >= 2 && b.length >= 2 && a.slice(-2) !== b.slice(-2) && !a.endsWith(b) && !b.endsWith(a);
}

/** A unit's own figure: its name (`…局本级`, `…推广中心`) before the quantity. */
const NAMES_UNIT = /本级|^[\u4e00-\u9fff]{2,20}?(?:中心|站|所|队|馆|学校|医院|院|处)(?=[\u4e00-\u9fff“"]*(?:收入|支出|经费|费))/;
/** The items of a spending figure's standard breakdown, named alone. */
const BREAKDOWN_ITEM = /^(?:人员经费|公用经费|基本支出|项目支出|工资福利支出|商品和服务支出|对个人和家庭的补助(?:支出)?|资本性支出)$/;

/** A part as an operand, labelled with its name (or its words when it has none). */
const partOperand = (p: ProseToken) => operand(p.token, p.subject || p.lead.replace(/[，,；;：:、\s]/g, ''));

/** Groups beside the serving staff: 退休, 编外, 聘用 …, and the people a school or hospital serves. */
const OUTSIDE_STAFF = /退休|离休|离退休|遗属|编外|聘用|临聘|借调|返聘|外聘|临时|学生|在校生|幼儿|儿童|患者|病人/;

/** What people are, not which of them: party, sex, nation, schooling, title, qualification, age. */
const PERSONAL_TRAIT = /党员|团员|女性|女职工|女同志|男性|少数民族|学历|本科|大专|研究生|硕士|博士|职称|资格|岁/;

/** A population, which 概况 break down several ways in one list (农业/城镇, then 常住, 流动 …). */
const POPULATION = /人口$/;
/** Units that count people: only their lists end at a group outside the staff. */
const PEOPLE = /^(?:人|名|人次)$/;

/** A side's 总计 restated at the head of its parts (`收入总计393.74万元由本年收入合计…和年初结转和结余…构成`): the 总计 itself, its parts' sum. */
function restatedSide(sink: ClaimSink, side: ProseToken[], total: ProseToken, name: string): void {
  const [head, ...own] = side;
  bothSidesFact(sink, head, total);
  sideSum(sink, name, head, head.subject, own);
}

/** One side of a 收入、支出总计 (`name`: 收入总计 or 支出总计) as the sum of its parts, whole when they are that side's whole family. */
function sideSum(sink: ClaimSink, name: string, whole: ProseToken, label: string, parts: ProseToken[]): void {
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.list',
    description: l(`${name} = 其中各项之和`, `${name} = the sum of its listed parts`),
    span: whole.token.span,
    total: operand(whole.token, label),
    parts: parts.map(partOperand),
    exhaustive: coversFamily(parts.map((p) => p.subject), name),
  });
}

/** A side of a 收入、支出总计 stated alone (`收入总计3167.78万元`): the 总计 itself. */
function bothSidesFact(sink: ClaimSink, side: ProseToken, total: ProseToken): void {
  sink.add<FactClaim>({
    kind: 'fact',
    origin: 'prose',
    identity: 'prose.both-sides-total',
    description: l(`${side.subject}即${total.subject}`, `${side.subject} is ${total.subject}`),
    span: side.token.span,
    key: `both-sides|${total.token.id}`,
    a: operand(total.token, total.subject),
    b: operand(side.token, side.subject),
    looseMatch: false,
  });
}

/** The items of a list with its subtotals taken out; a sum claim for each subtotal, of the items since the one before it. */
function withoutSubtotals(parts: ProseToken[], sink: ClaimSink): ProseToken[] {
  const items: ProseToken[] = [];
  let group: ProseToken[] = [];
  for (const p of parts) {
    if (!SUBTOTAL_LEAD.test(p.lead)) {
      items.push(p);
      group.push(p);
      continue;
    }
    if (group.length >= 2) {
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.subtotal',
        description: l(`${p.subject || '小计'} = 其前各项之和`, `${p.subject || 'the subtotal'} = the sum of the items before it`),
        span: p.token.span,
        total: operand(p.token, p.subject || '小计'),
        parts: group.map(partOperand),
        exhaustive: true,
      });
    }
    group = [];
  }
  return items;
}

/**
 * `实际正式教职工62人，其中副高级职称4人，…中级工1人，退休职工28人`: a head count's list runs on into a
 * sibling group (retired staff are not part of the serving staff). When the leading counts add up to the
 * total exactly and the next item names such a group (退休, 编外, 聘用 …), the list ends there; a
 * forgotten 工勤 item of the staff itself is still a slip. So does a population's (`总人口48368人，其中农业人口
 * 40556人，城镇人口7812人，流动人口542人`: a second breakdown). Amounts never get this reading. A count the year
 * added or took away, after a `；`, ends any count's list (FLOW_AFTER_SEMICOLON).
 */
function withoutSiblingTail(parts: ProseToken[], total: ProseToken): ProseToken[] {
  const target = total.token.value;
  let sum = ZERO;
  for (let k = 0; k < parts.length - 1; k++) {
    if (FLOW_AFTER_SEMICOLON.test(between(parts[k], parts[k + 1]))) return parts.slice(0, k + 1);
    sum = sum.plus(parts[k].token.value);
    if (sum.gt(target)) return parts;
    // (People only: `…执法执勤用车1辆、离退休干部服务用车0辆、其他用车1辆` are all of the vehicles.)
    if (k >= 1 && sum.eq(target) && ((PEOPLE.test(total.token.unitText) && OUTSIDE_STAFF.test(parts[k + 1].subject || parts[k + 1].lead)) || POPULATION.test(total.subject))) return parts.slice(0, k + 1);
  }
  return parts;
}

/**
 * `共有车辆4辆，其中：一般公务用车3辆、特种专业技术用车1辆；2023年度购置公务用车1辆`: after a `；`, what the year added or took
 * away is no part of the stock counted.
 */
const FLOW_AFTER_SEMICOLON = /[；;][^，,。]*(?:购置|购买|新增|更新|报废|处置|调入|调出|划转|减少|增加)/;

/**
 * `基本支出2476260.58元，占一般公共预算支出的84.06%` … `项目支出469500元，占一般公共预算支出的19.62%`: shares of one
 * named base whose parts are distinct members of a breakdown cannot add up to more than 100%, even when the
 * prose never states the base (a slip in one of them: 84.06 + 19.62 = 103.68).
 */
export function sharesOfOneBaseClaims(unresolved: UnresolvedShare[], sink: ClaimSink): void {
  const byBase = new Map<string, UnresolvedShare[]>();
  for (const u of unresolved) {
    if (u.share.token.unit !== '%' || !u.part.subject) continue;
    const key = `${u.share.sentence.section ?? ''}|${u.named}`;
    const same = byBase.get(key);
    if (same) same.push(u);
    else byBase.set(key, [u]);
  }
  for (const shares of byBase.values()) {
    if (shares.length < 2 || !distinctMembers(shares.map((u) => u.part.subject))) continue;
    const named = shares[0].named;
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.shares-of-one-base',
      description: l(`各项占${named}的比重之和不超过 100%`, `The shares of ${named} add up to at most 100%`),
      // (On the last share: the one that makes the list impossible.)
      span: shares[shares.length - 1].share.token.span,
      total: withChanges(exact(100, `${named}（全部）`), { text: '100', unit: '%' }),
      parts: shares.map((u) => operand(u.share.token, `${u.part.subject}占比`)),
      exhaustive: false,
    });
  }
}
