// Quantity names: normalisation and look-up, so that `占本年支出合计的` finds `本年支出合计665.38万元`
// and `基本支出减少10.50万元` finds the `基本支出3373.17万元` stated a sentence earlier.
import { memoizeString } from '../../text/memo';
import { lowerBound } from '../../text/search';
import type { ProseToken, Role } from './tokens';

/** Words that name no particular quantity on their own. */
// (`（三）具体情况。年初预算…，决算…`: a heading's words name no quantity.)
const GENERIC = new Set(['', '支出', '收入', '金额', '资金', '费用', '经费', '合计', '总计', '其中', '共计', '决算', '预算', '数', '总额', '小计', '全部', '项目', '本单位', '本部门', '年初', '调整后', '调整', '全年', '具体', '具体情况', '总体', '总体情况', '结构情况']);

const MAX_NAME = 40;
const BUDGET_WORDS = /年初|全年|调整后?|预算|决算|数|支出|为|的|安排|实际|执行|完成/g;

/** Normalises the words before a number to a quantity name ('' if they name none); memoised, as
 * reports repeat the same words (占, 比上年增加, 支出决算为) hundreds of times. */
export const normalizeSubject = memoizeString(normalize);

/**
 * The department naming itself before a figure's name (`本部门政府采购支出总额`, `本镇政府采购支出总额` in a 镇's report;
 * normalizeSubject made `我单位` `本单位`).
 */
/** The funds a figure's name may open with, 财政拨款 of all of them last. */
export const FUND_PREFIXES = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款', '财政拨款'];
export const OWNER_WORDS = '本部门|本单位|本局|本院|本校|本厅|本委|本镇|本乡|本街道|本中心|本支队|本大队|全局|全院|全校';
export const OWNER = new RegExp(`^(?:${OWNER_WORDS})`);

/**
 * 本年收入 / 本年支出 (公开01表's rows) are the year's 收入合计 / 支出合计. `当年支出决算为` is not: item
 * paragraphs say `年初预算为215.00万元，当年支出决算为213.10万元` of the item's own spending.
 */
const YEAR_TOTAL = /^(?:\d{4}年度?)?(?:本年度?(收入|支出)(?:决算)?|当年(收入|支出))数?(?:为|是|共计|合计为)?$/;

/** The words after the last closing bracket that opened before them: `（含）以上）的项目` → `的项目` (a grade's `（90分（含）以上）`). */
function afterUnopenedBracket(words: string): string {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < words.length; i++) {
    const c = words[i];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      if (depth === 0) cut = i;
      else depth--;
    }
  }
  return cut < 0 ? words : words.slice(cut + 1);
}

function normalize(name: string): string {
  // `收入总计包括本年收入`: the name is the item's, after the list's trigger.
  // (`学前教育资助项目：《2023年项目支出绩效目标表》确定该项目全年预算数…`: the document a figure is taken from names no quantity.)
  const words = name.replace(/^.*(?:包括|其中|主要为)[：:，,]?(?=[\u4e00-\u9fff])/, '').replace(/《[^《》]{1,40}》(?:确定|明确|核定|批复|下达|载明)?的?/g, '');
  // (`（本年收入123.63万元，…）` too: a bracket opened before the name.)
  const yearTotal = YEAR_TOTAL.exec(words.replace(/\*\*|[\s“”"'‘’]/g, '').replace(/^[、，,；;：:>#+*（(-]*(?:其中|包括|以及|和|及)?[：:，,]?/, ''));
  if (yearTotal) return `${yearTotal[1] ?? yearTotal[2]}合计`;
  let s = afterUnopenedBracket(words)
    .replace(/\*\*|[\s“”"'‘’「」『』《》`]/g, '')
    .replace(/^[、，,；;：:>#+*）)=＝＋-]+/, '')
    // (`政府采购总额`, `政府采购金额`: the 政府采购支出总额; `机关运行费`: the 机关运行经费.)
    .replace(/^(.*)政府采购(?:总额|总金额|金额)$/, '$1政府采购支出总额')
    .replace(/^(.*)机关运行费$/, '$1机关运行经费')
    // (`财政拨款支出中的一般公共预算部分`: that fund's 财政拨款支出.)
    .replace(/^([^，,。；;]*?财政拨款)(收入|支出)中的?(一般公共预算|政府性基金预算|国有资本经营预算)(?:部分|资金)?$/, '$3$1$2')
    // (`…（33个）和项目资金总额（`: the joiner before a name is no part of it.)
    .replace(/^(?:以及|和|及|与)(?=[\u4e00-\u9fff]{3})/, '')
    // (And an enumeration in words, `一是`, `第二，`: `三是其他收入增加7.23万元` names 其他收入.)
    // (`2.5.3具体情况`: a decimal heading number too.)
    .replace(/^(?:\d{1,2}(?:[.．]\d{1,2})+(?=[\u4e00-\u9fff“])|\d+[.、．]|[（(]\d+[)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[①-⑳]|[一二三四五六七八九十]+是(?=[\u4e00-\u9fff“]{2})|第[一二三四五六七八九十]+[，,、])+/, '')
    // (`年中追加42.00万元（政府投资审计项目）、调减10.00万元`: the note after the figure before is no part of the next one's name.)
    .replace(/^[（(][^（()）\d]{1,40}[)）]\s*[、，,；;]\s*(?=[\u4e00-\u9fff“])/, '')
    // `（上年为3.00万元）`: an opening bracket is no part of a name.
    .replace(/^[（(]/, '')
    // (`年中追加8.00万元后全年预算数为293.00万元`: 后 closes the clause before the figure; it names nothing.)
    .replace(/^(?:之)?后(?=(?:全年|调整后?的?)?预算)/, '')
    // (`年中调减后预算40.81万元`: how the budget came about names no quantity; the item's budget it is.)
    .replace(/^(?:经)?(?:年中|年内|年度中)?(?:追加|调减|调增|调整|追减|核减|核增)(?:后|至)(?:的)?(?:(?:调整|全年)?预算数?)?$|^(?:年中|年内|年度中)(?:调整)?(?:增加|减少)(?:预算|资金)?$/, '')
    // (`项目全年支出117.60万元` in a project's paragraph is that project's year, not the department's 项目支出.)
    .replace(/^项目(?:全年|本年|当年)(?=支出|执行|决算)/, '该项目')
    // (`财政拨款收入、支出总计与上年相比，减少…`: the comparison closing a clause the change takes its name from is no part of it.)
    .replace(/(?:与|同|和|比|较|相较于?)(?:上年度?|上一年度?|去年|(?:19|20)\d\d\s*年度?)(?:同期)?(?:相比|比较)?$/, '')
    // (`加上年初结转和结余10.00万元，扣除本年支出…`: the operator of a formula's term is no part of its name.)
    .replace(/^(?:加上|减去|扣除|剔除)(?=[\u4e00-\u9fff]{2})/, '')
    // (`…结余545.01万元计入年末结转和结余561.34万元`: the figure another went into, named after the verb.)
    .replace(/^(?:计入|并入|包含在|包括在)(?=[\u4e00-\u9fff]{2})/, '')
    // (`上年结转和结余` is this year's 年初结转和结余, carried in: not last year's 年末.)
    .replace(/上年度?(?=结转|结余)/, '年初')
    // (`2018年末结转和结余` is the 年末结转和结余: the year goes, not the 年 of 年末.)
    .replace(/(?<!\d)(?:19|20)\d\d\s*(?=年[末初](?![的，,])[\u4e00-\u9fff])/g, '')
    .replace(/(?<!\d)(?:19|20)\d\d(?!\d)(?:\s*年度?)?|本年度?|全年|当年|上年度?|年度/g, '')
    // (`年末负债总额240.92万元` and `负债总额年初为203.77万元`, `流动资产年末数为…`: an asset's or a liability's balance at either end of
    // the year is the one quantity; the role tells the opening one from the closing.)
    .replace(/^(?:年末|年初|期末|期初)(?=[\u4e00-\u9fff]{0,6}(?:资产|负债)(?:总额|合计)?$)/, '')
    .replace(/(资产|负债|总额|原值|净值)(?:年末|年初|期末|期初)(?:数|余额|值)?(?:为|是)?$/, '$1')
    // (`按可比口径调整后为32.12万元`: how last year's figure is restated, no name of it.)
    .replace(/^(?:按|以)?可比口径(?:调整后|调整|计算)?(?:的|后)?/, '')
    // (`同期基本支出分别为…` after years named: the same years' 基本支出.)
    .replace(/^同期(?=[\u4e00-\u9fff“]{2})/, '')
    // (`2021年至2023年机关运行经费`, `2022年、2023年…`: what joined the years goes with them.)
    // (Not the 到 of `到位`, `到账`: `省级补助计划1260.00万元、到位1195.00万元`.)
    .replace(/^(?:[至—－~～、]|到(?![位账]))+(?=[\u4e00-\u9fff“])/, '')
    // `我单位`, `我局` say what `本单位`, `本局` say.
    .replace(/^我(?=单位|部门|局|院|校|委|厅|中心|办|所|站|馆|镇|乡|街道|支队|大队)/, '本')
    // (`本年收入合计X万元，全部为财政拨款收入X万元`: 全部为 says the figure is all of the one before, and names it.)
    .replace(/^(?:其中|另有|另|此外|主要|包括|分别|即|由于|截至|截止|完成|占|全部为|全部是|全部来自|具体为|具体是)[：:，,]?/g, '')
    // (`（含上级补助收入96.50万元`: what a bracket says a figure holds is named without 含.)
    .replace(/^(?:内含|含)(?=[\u4e00-\u9fff“]{3})/, '')
    // (`项目名称：教育信息化建设项目。…实际支出49.84万元`: a form's field label before the name.)
    .replace(/^项目名称[：:]/, '')
    // (`…年末结转和结余44.69万元，为年初结转和结余49.38万元加…`, `…总计由年初结转和结余49.38万元和…构成`: the verb before a name.)
    .replace(/^(?:为|由)(?=[\u4e00-\u9fff]{4})/, '')
    // (`人员经费由工资福利支出323.40万元和…构成`: the whole before 由 names what the figure is part of, not the figure.)
    .replace(/^[\u4e00-\u9fff“”]{0,12}?(?:经费|支出|收入|资金|合计|总计|总额)由(?=[\u4e00-\u9fff]{4})/, '')
    // (`占比14.60%的社会保障和就业支出`: the 的 that ties a share before a name to it.)
    .replace(/^的(?=[\u4e00-\u9fff]{2})/, '')
    // (`较预算数1237万元减少…`: the comparison names whose budget only by the sentence's subject.)
    .replace(/^(?:较|比|与)(?=(?:年初|全年|调整后?)?(?:预算|决算)数?$)/, '')
    // `收入、支出决算总计` and `收、支总计各…` name one figure (changes.ts splits the joined name when only
    // `收入总计` is stated).
    // (`基本支出中工资福利支出占80.05%`: the whole a part is framed by is no part of its name.)
    .replace(/^[\u4e00-\u9fff“”]{2,16}?(?:支出|收入|经费|资金)中(?=[\u4e00-\u9fff“]{2})/, '')
    // (`政府性基金支出比上年增加44.18万元` in a department's report: its 政府性基金预算财政拨款支出, named short.)
    .replace(/^(政府性基金|国有资本经营)(?:预算)?(收入|支出)$/, '$1预算财政拨款$2')
    // (`财政拨款收支总计较2020年增长…`: the same, unparted.)
    .replace(/收入?、支出?(?:决算)?总计|收入支出(?:决算)?总计|收支(?:决算)?总计/, '收入、支出总计')
    // (`单价100万元（含）以上设备`: what a figure inside the name left of it, up to a closing bracket without its opening one.)
    .replace(/^[^（()）]{0,3}[)）]/, '')
    // (`收入方面：总计6174.20万元`: the side's 总计.)
    .replace(/^(?:其中[，,：:]?)?(收入|支出)方面[：:，,]\s*(总计|合计)$/, '$1$2')
    // (`政府采购金额（以合同签订为准）`: a note on how the figure is counted is no part of its name.)
    .replace(/[（(](?:以|按)[^（）()]{2,12}为准[)）](?=(?:为|是)?$)/, '');
  // Trailing fillers, repeatedly, but never down to a name that says nothing (本年支出合计 stays).
  const strip = (re: RegExp, by = '') => {
    const next = s.replace(re, by);
    if (next !== s && !GENERIC.has(next) && next.length >= 2) s = next;
  };
  for (let i = 0; i < 4; i++) {
    const before = s;
    // (Not the grade of `评价等级为“中”的`.)
    // (Nor the 达 of `下达`.)
    strip(/(?:的|为|是|(?<!下)达到?|约|共计|共|合计为|金额|数额|情况|各|均|(?<!为)中|分别|仅)$/);
    // (`占本年支出合计（3000.00万元）的`: a bracket opened before the figure.)
    strip(/[（(]$/);
    strip(/(?:决算|预算)数?$/);
    // `项目支出决算总额` is the 项目支出 spent (a `预算总额` is its budget, another figure).
    strip(/决算总额$/);
    // (Not a stock's opening value, `固定资产原值年初`: that 年初 says when.)
    strip(/(?<!原值|净值|余额|总额|折旧|摊销|资产)(?:年初|调整后?)$/);
    // (Not after a source of money: `项目支出中，…事业收入安排1,286,000.00元` is spending it funds, not the 事业收入.)
    strip(/(?<!收入|拨款|资金|补助)安排$/);
    strip(/(经费|费)支出$/, '$1');
    strip(/(经费|费)(?:支出)?合计$/, '$1');
    // `政府采购支出总额合计：`, `本年支出合计总额为`, `基本支出合计`, `政府采购支出总额方面`: the same figure.
    strip(/[：:，,]$/);
    strip(/(总额|总计)合计$/, '$1');
    strip(/(合计)总额$/, '$1');
    strip(/(基本支出|项目支出|人员经费|公用经费)合计$/, '$1');
    strip(/方面$/);
    if (s === before) break;
  }
  // (Not of an item's name: `预算改革业务（项）支出`.)
  if (!/[（(](?:类|款|项|\d{3,7})[)）]/.test(s)) s = s.replace(/^(?:支出|收入)?(?:决算|预算)数?为?/, '');
  // `面向中小企业采购合同金额` and `授予中小企业合同金额` (the base of the 小微企业 share) name one figure.
  s = s.replace(/^(?:面向|授予)(中小企业|小微企业)的?(?:采购)?(?:合同)?(?:金额)?$/, '授予$1合同');
  // A name made only of budget/actual words (年初预算, 支出决算数) names nothing in particular.
  if (GENERIC.has(s) || s.replace(BUDGET_WORDS, '') === '') return '';
  // Names match by their endings; a longer run of words is a sentence, not a name, and indexing all
  // its suffixes would cost its length squared.
  return s.length > MAX_NAME ? lastWords(s) : s;
}

/** The last MAX_NAME characters of a long name, cut after a `（类）` / `（款）` bracket when one is near. */
function lastWords(s: string): string {
  const from = s.length - MAX_NAME;
  const bracket = s.slice(from).search(/[)）]/);
  return bracket >= 0 && bracket < MAX_NAME - 4 ? s.slice(from + bracket + 1) : s.slice(from);
}

/**
 * The names of `A、B和C分别…`: joined by 、 and a last 和/与/以及; 及 joins two names only when nothing
 * else does (公务用车购置及运行维护费 is one name).
 */
export function splitJoinedNames(clause: string): string[] {
  const masked = clause.replace(JOINED_WITHIN_NAME, (m) => m.replace(/[和与及]/g, (c) => MASK[c]));
  const items = masked.split('、');
  const last = items.pop()!.split(/以及|和|与/);
  const names = [...items, ...last];
  return (names.length > 1 ? names : masked.split('及')).map(unmask);
}

/** Names that hold a 和 / 与 / 及 of their own (`社会保障和就业支出`, `公务用车购置及运行维护费`): never split there. */
const JOINED_WITHIN_NAME = /社会保障和就业|商品和服务|对个人和家庭|文化旅游体育与传媒|文化体育与传媒|灾害防治及应急管理|结转和结余|购置及运行|购置和运行/g;
const MASK: Record<string, string> = { 和: '\u0001', 与: '\u0002', 及: '\u0003' };
const unmask = (name: string) => name.replace(/[\u0001\u0002\u0003]/g, (c) => (c === '\u0001' ? '和' : c === '\u0002' ? '与' : '及'));

/** Names match when equal, or when the longer one ends with the shorter (`本年收入合计` ~ `收入合计`). */
/**
 * `subject`, found for `name` (which it equals or ends with), states that quantity alone: `人员经费和公用经费` ends with
 * 公用经费 but is both.
 */
export function namesAlone(subject: string, name: string): boolean {
  return !/[和及与、]/.test(subject.slice(0, subject.length - name.length));
}

/** `三项合计`, `前三项合计`, `以上两项合计`: the total of the items just listed, a different quantity in each list. */
export const COUNTED_TOTAL = /^(?:以上|上述|前)?(?:[一二三四五六七八九十两]|\d{1,2})(?:项|个)(?:科目|项目)?(?:合计|共计|小计|之和)$/;

/** A 科目's name without its level marks: `教育支出（类）` → `教育支出`. */
export function withoutLevel(subject: string): string {
  return subject.replace(/[（(]\s*[类款项]\s*[)）]/g, '');
}

export function subjectsMatch(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 4 || !long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  // (`累计折旧` alone is the department's; `车辆累计折旧` the cars' only.)
  if (BARE_ATTRIBUTE.test(short)) return false;
  // (Nor is `未到位资金` the `到位资金`: what is not.)
  if (/(?:未|尚未|没有|不)$/.test(prefix)) return false;
  // (The disclosed 三公经费 are the 财政拨款 ones: `财政拨款“三公”经费` and `“三公”经费` are one figure.)
  return !SCOPE_WORDS.test(prefix) || (/^三公/.test(short) && /^(?:一般公共预算)?财政拨款$/.test(prefix));
}

/** An asset's attribute named alone: whose it is, the words before it say. */
const BARE_ATTRIBUTE = /^(?:累计折旧|累计摊销|账面(?:价值|原值|净值|余额)|原值|净值)$/;

/**
 * Words that narrow a quantity to one fund or unit: 一般公共预算财政拨款支出 is a part of 财政拨款支出, and
 * 一般公共预算项目支出 of 项目支出 (all funds), never the same figure.
 */
const SCOPE_WORDS = /一般公共预算|政府性基金|国有资本经营|财政拨款|本级|二级|所属|下属|非财政|三公|全口径|其余|剩余/;

/**
 * `全年支出`, `总支出`, `支出总额`, `本年支出合计`: the department's whole spending (or income) of the
 * year, however worded; undefined for any narrower name. 总计 is not among the words: 支出总计 also
 * holds the 年末结转和结余, so it is a different quantity from 支出合计.
 */
export function grandTotalKind(name: string): '支出' | '收入' | undefined {
  const core = name.replace(/[\s的]|全年|本年度?|当年|年度|全部|本部门|部门|本单位|单位|总额|合计|共计|总|决算数?/g, '');
  return core === '支出' || core === '收入' ? core : undefined;
}

/** A 类 name's level mark: `社会保障和就业支出（类）`. */
const CLASS_LEVEL = /\s*[（(]类[)）]$/;

/** The words that make a name one part of the name after them: domestic against foreign receptions. */
const PART_QUALIFIER = /^(?:国内|境内|外事|国[（(]境[)）]外|境外)$/;

/** An average's name (`生均一般公共预算财政拨款支出`, `人均接待费`): a figure per head or per thing, no amount of the report. */
export const AVERAGE_NAME = /人均|生均|户均|次均|车均|批均|团均|床均|^平均/;

/** `，全部为商品和服务支出`: all of a figure is the one its words then name. */
const ALL_OF_IT_NAMED = /^[，,]\s*全部(?:为|是|属于)([\u4e00-\u9fff]{2,12}?(?:支出|收入|经费))(?=[，,。；;]|$)/;

/**
 * Prose tokens by subject. The names ending with a queried subject are found on first query and
 * kept: `find` is asked about a handful of subjects per report, while cutting every suffix of every
 * distinct name up front cost more than all the look-ups together.
 */
export class SubjectIndex {
  /** Statements of each subject, in document order (and the distinct names in first-seen order). */
  private readonly bySubject = new Map<string, ProseToken[]>();
  /** Names ending with a queried subject (the subject itself included), by that subject. */
  private readonly endingWith = new Map<string, string[]>();

  constructor(tokens: ProseToken[], roles: Role[] = ['amount']) {
    for (const t of tokens) {
      if (!t.subject || !roles.includes(t.role)) continue;
      this.add(t.subject, t);
      // (`社会保障和就业支出（类）214.67万元` then `社会保障和就业支出比上年增加5.80万元`: a 类 is named with its level or without;
      // its name is one of the standard classes, unlike a 款 or 项 name, which recurs under other parents.)
      const level = CLASS_LEVEL.exec(t.subject);
      if (level && level.index >= 4) this.add(t.subject.slice(0, level.index), t);
      // (`公用经费78.55万元，全部为商品和服务支出` then `商品和服务支出比上年减少2.76万元`: the figure is that one's too.)
      if (t.role === 'amount' && t.depth === 0) {
        const from = (t.token.unitSpan?.end ?? t.token.span.end) - t.sentence.span.start;
        const all = ALL_OF_IT_NAMED.exec(t.sentence.text.slice(from, from + 24))?.[1];
        if (all) this.add(normalizeSubject(all), t);
      }
    }
  }

  private add(name: string, t: ProseToken): void {
    const same = this.bySubject.get(name);
    if (same) same.push(t);
    else this.bySubject.set(name, [t]);
  }

  /** The names equal to `subject` or, when it has 4+ characters, ending with it; in first-seen order. */
  private namesEndingWith(subject: string): string[] {
    let names = this.endingWith.get(subject);
    if (!names) {
      names = [];
      for (const name of this.bySubject.keys()) if (name === subject || (subject.length >= 4 && name.endsWith(subject))) names.push(name);
      this.endingWith.set(subject, names);
    }
    return names;
  }

  /**
   * The statement of `subject` nearest before `offset` (else the first after it), matching by
   * name as `subjectsMatch` does.
   */
  find(subject: string, offset: number, accept: (t: ProseToken) => boolean = () => true): ProseToken | undefined {
    if (!subject) return undefined;
    let before: ProseToken | undefined;
    let after: ProseToken | undefined;
    // (A unit's figure of a `按单位分` sentence, `局机关“三公”经费支出决算9.67万元`, answers only a name that names the unit.)
    const ownFigure = (t: ProseToken) => accept(t) && (t.ofUnit === undefined || subject.includes(t.ofUnit));
    const consider = (name: string) => {
      if (!subjectsMatch(name, subject)) return;
      const list = this.bySubject.get(name)!;
      // Lists are in document order: the first statement at or after `offset`.
      const lo = lowerBound(list, (t) => t.token.span.start, offset);
      for (let i = lo - 1; i >= 0; i--) {
        if (!ownFigure(list[i])) continue;
        if (!before || list[i].token.span.start > before.token.span.start) before = list[i];
        break;
      }
      for (let i = lo; i < list.length; i++) {
        if (list[i].token.span.start === offset || !ownFigure(list[i])) continue;
        if (!after || list[i].token.span.start < after.token.span.start) after = list[i];
        break;
      }
    };
    // Names that end with `subject`, and names that are a suffix of it. (A part's name, `国内公务接待费` beside
    // `公务接待费`, only when the whole is stated nowhere: 外事接待 is the rest of it.)
    const parts: string[] = [];
    for (const name of this.namesEndingWith(subject)) {
      if (name !== subject && PART_QUALIFIER.test(name.slice(0, name.length - subject.length))) parts.push(name);
      else consider(name);
    }
    for (let i = 1; i <= subject.length - 4; i++) if (this.bySubject.has(subject.slice(i))) consider(subject.slice(i));
    if (!before && !after) for (const name of parts) consider(name);
    return before ?? after;
  }

  /** The statement nearest before `offset` of a name containing `stem` (`货物` in `政府采购货物支出`). */
  findContaining(stem: string, offset: number, accept: (t: ProseToken) => boolean): ProseToken | undefined {
    let before: ProseToken | undefined;
    for (const [name, list] of this.bySubject) {
      if (!name.includes(stem)) continue;
      for (let i = lowerBound(list, (t) => t.token.span.start, offset) - 1; i >= 0; i--) {
        if (!accept(list[i])) continue;
        if (!before || list[i].token.span.start > before.token.span.start) before = list[i];
        break;
      }
    }
    return before;
  }
}

/** Category words named short in a 分别 run: 货物 / 工程 / 服务(类)(采购). */
const CATEGORY_STEM = /^(?:货物|工程|服务)(?:类)?(?:采购)?(?:支出)?$/;
const CATEGORY_TAIL = /(?:类)?(?:采购)?(?:支出)?$/;

/** How far back (characters) a name before 分别 finds its amount outside its own paragraph: a section's account of the same figures. */
const NAMED_BEFORE_REACH = 1500;

/**
 * `A、B和C分别占…` / `与上年相比，A、B分别减少…` with no amounts in the sentence: the amounts the names
 * before 分别 refer to, each stated earlier in the paragraph; undefined unless all `count` are found.
 */
const COMPARED_TAIL = /(?:(?:比|较|与|同)(?:上年|上一年|去年|(?:19|20)\d\d\s*年度?)(?:同期)?(?:决算数?)?(?:相比)?|同比)$/;

export function namedBeforeRespectively(subjects: SubjectIndex, first: ProseToken, count: number): ProseToken[] | undefined {
  const sentence = first.sentence;
  const at = sentence.text.indexOf('分别');
  if (at <= 0) return undefined;
  // (`基本支出和项目支出比上年分别减少…`: the comparison after the names is none of them.)
  const clause = sentence.text.slice(0, at).split(/[，,：:]/).at(-1)!.replace(COMPARED_TAIL, '');
  // (`本年财政拨款收入、支出分别下降…`: one qualifier for both sides.)
  const sides = /^(.*?)收入、支出(.*)$/.exec(clause);
  const names = (sides ? [`${sides[1]}收入${sides[2]}`, `${sides[1]}支出${sides[2]}`] : splitJoinedNames(clause)).map((n) => normalizeSubject(n));
  if (names.length !== count || names.some((n) => !n)) return undefined;
  // (Or in the paragraphs just before, this year's: `2.公务用车购置及运行维护费19.70万元…` / `3.公务接待费1.25万元…` / `（三）增减变化情况` /
  // `其中：公务用车购置及运行维护费、公务接待费分别比上年减少…`.)
  const near = (t: ProseToken) => t.sentence.paragraph === sentence.paragraph || (t.year === undefined && sentence.span.start - t.token.span.start <= NAMED_BEFORE_REACH);
  const accept = (t: ProseToken) => t.role === 'amount' && t.token.span.start < sentence.span.start && near(t);
  // (`货物、工程、服务类采购分别占…` after `政府采购货物支出12.62万元、…工程支出…`: a category's word within the figure's name, in the paragraph.)
  const inParagraph = (t: ProseToken) => accept(t) && t.sentence.paragraph === sentence.paragraph;
  const found = names.map((n) => subjects.find(n, sentence.span.start, accept) ?? (CATEGORY_STEM.test(n) ? subjects.findContaining(n.replace(CATEGORY_TAIL, ''), sentence.span.start, inParagraph) : undefined));
  return found.every(Boolean) && new Set(found).size === count ? (found as ProseToken[]) : undefined;
}

/** 收入 or 支出 when a name says one side only. */
export function sideOf(name: string): '收入' | '支出' | undefined {
  const income = name.includes('收入');
  const spending = name.includes('支出');
  return income === spending ? undefined : income ? '收入' : '支出';
}
