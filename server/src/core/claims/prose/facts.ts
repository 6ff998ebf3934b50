// The same fact stated twice (prose.md §7): statements keyed by (quantity, role, year, scope);
// every restatement must carry the same value. Equal names give a certain conflict; names where
// one only ends with the other (在京中央单位… / 中央单位…) may differ in scope, so they only warn.
import { checkSum, compareValues, isMoney, operand } from '../../arith/interval';
import type { Operand } from '../../arith/operand';
import { l } from '../../messages';
import { memoizeString } from '../../text/memo';
import { lowerBound } from '../../text/search';
import { ALL_SOURCES_HEADING, BEYOND_DEPARTMENT_HEADING, beyondDepartmentBefore, FUND_LABEL, FUND_OPENING, FUND_WORDS, INCOME_BY_CLASS, INCOME_SECTION, NON_FISCAL_LABEL, allSourcesSentence } from '../../text/sources';
import type { Approximation, DocumentModel, FactClaim, LeClaim, Sentence } from '../../types';
import type { ClaimSink } from '../sink';
import { budgetOfPart, endsSentence, type ProseList } from './lists';
import { AVERAGE_NAME, COUNTED_TOTAL, OWNER, sideOf } from './subjects';
import type { ProseAnalysis, ProseToken, Role } from './tokens';
import { budgetKind, isBudgetAdjustment, reasonBefore, SINCE_YEAR, withoutDepartment } from './tokens';
import { LintMemo } from '../../lint-memo';
import { CLASS_NAME, ECONOMIC_CLASS, namesClassOrItem } from '../../text/classes';

/** A unit's own total: `局本级支出合计`, `鹤川区环卫车辆保障中心收入合计`. */
const UNIT_TOTAL = /^([^，,。；;]{0,28}(?:局机关|机关本级|本级|中心|站|所|处|馆|院|学校|园|大队|支队|段|场))(?:本年)?(?:收入|支出)(?:合计|总计|总额)?$/;
/** A sentence opening on one side of the figures before it: `支出中，`, `从支出构成看，`. */
const SIDE_FRAME = /^\s*(?:其中[，,：:]?)?(?:本年)?(?:支出|收入)中[，,：:]|^\s*从(?:支出|收入)(?:构成|结构)(?:上|来)?看[，,：:]/;

/** The unit whose totals the sentence before states, when this one opens on one side of them: `局本级…本年支出合计…。支出中，基本支出…`. */
function ownerOfFrame(model: DocumentModel, analysis: ProseAnalysis, t: ProseToken): string {
  if (!SIDE_FRAME.test(t.sentence.text)) return '';
  const before = analysis.bySentence.get(t.sentence.id - 1)?.find((b) => b.role === 'amount' && b.ownSubject);
  return before && before.sentence.paragraph === t.sentence.paragraph ? UNIT_TOTAL.exec(withoutDepartment(before.subject, model.department))?.[1] ?? '' : '';
}

/** A part named by a unit alone: `丰泽县公路管理段`, `局机关`, `区疾控中心`. */
const UNIT_NAMED = /(?:局机关|机关本级|本级|中心|站|所|处|馆|院|学校|园|大队|支队|段|场)$/;
const FACT_ROLES: Role[] = ['amount', 'budget', 'delta', 'change-rate', 'share-base'];
const RESPECTIVELY = /分别|各/;
/** `收入总计`, `支出总计`, `收入、支出总计`, `收入总计、支出总计`, `部门决算收入总计`: the department's 总计, either side. */
const GRAND_TOTALS = /^(?:[^，,。；;]{0,20}?(?:局|委员会|委|院|厅|办公室|办|中心|站|所|队|本部门|本单位))?(?:[（(][^（()）]{0,12}[)）])?(?:部门决算)?(?:收入|支出|收支|收入、支出|收入总计、支出)总计$/;
/** `财政拨款安排`, `事业收入安排`: the spending a source of money funds. */
// (Or used, `基本支出中使用财政拨款3349.05万元；项目支出中使用财政拨款985.00万元`.)
const FUNDED_BY = /(?:收入|拨款|资金|补助)安排$|^使用[^，,。；;]{0,12}(?:拨款|资金|收入)$/;
/** A balance named by no fund or account: `年末余额`. */
// (Or a bare carry-over or adjustment, `年初结转156.80万元`, `年中追加31.00万元`: its sentence's item's, whichever that is.)
const BARE_BALANCE = /^(?:年初|年末|期初|期末)?余额$|^(?:加)?(?:年初|上年)结转(?:资金)?$|^(?:经|本年)?(?:年中|年度中|年内)?(?:追加|调增|调减|追减|压减|核减|核增)(?:预算|资金)?$/;
/** A name that points back to the paragraph's item: `该科目年末结转和结余`, `该项目支出`, `该款`, `本类支出`. */
/**
 * `收入方面，本年一般公共预算财政拨款18699.62万元、…；支出方面，…`: the side a clause's frame names, for a fund named without one (a few
 * clauses back at most).
 */
function aspectSide(text: string, t: ProseToken): string {
  if (/收入|支出/.test(t.subject)) return '';
  const before = text.slice(Math.max(t.sentence.span.start, t.token.span.start - ASPECT_REACH), t.token.span.start);
  const clause = before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')) + 1);
  return ASPECT_FRAME.exec(clause)?.[1] ?? '';
}
const ASPECT_FRAME = /(收入|支出)方面[，,：:]/;
const ASPECT_REACH = 200;

/** Money returned to the treasury, named by the act alone. */
const RETURNED = /^(?:按规定)?(?:收回|交回|缴回|上缴)(?:财政|国库)?(?:的?(?:结余)?资金)?$/;
/** A sentence on what was done with the money carried over from last year: `上年结转的项目资金本年使用…，`. */
const CARRIED_OVER_USED = /^[^。；;]*?(?:上年|年初)结转[^，,。；;]*?(?:使用|支出)[^，,。；;]*[，,]/;
const THIS_ITEM = /^(?:该|此|本)(?:科目|项目|项|款|类)/;
/** A figure named only as a project's (`项目全年预算数`, `项目执行数`). */
const PROJECT_FIGURE = /^(?:该|本)?项目(?:全年|年初|年度)?(?:预算|执行|资金|支出|决算)数?(?:总额)?$/;
/** The money an evaluation or a measure covers (`涉及资金`, `覆盖资金`). */
const COVERED = /涉及|覆盖|涵盖/;
// (`支出决算为` and `执行数为` restate the actual; a bare verb before the figure tells what became of the money.)
const ANOTHER_FIGURE = /(?:执行|使用|拨付|到位|下达|发放|兑付|支付)了?$|累计|结余|结转/;
/** `（全部为公共安全支出（类）`: the words naming what the figure before is wholly made of. */
export const WHOLLY_MADE_OF = /^[，,（(]?\s*(?:全部|均)(?:为|是|用于)/;
/** A bare 支出 before a figure, and a name of money received (`…项目到位`, `本年下达`). */
const SPENT_OF_RECEIVED = /^[、，,]?\s*(?:实际)?支出(?:了|为)?$/;
const RECEIVED_NAME = /(?:到位|下达|拨付|到账|收到|可用)(?:资金)?$/;
const BARE_SIDE = /^[；;，,、]?\s*(?:当年|本年|全年)?(?:实际)?(?:支出|收入)(?:了|为)?$/;
/** A balance said to lie in named items: `结余主要集中在…`, `结转资金主要为…项目`. */
const BALANCES_OF_ITEMS = /(?:结余|结转)(?:资金)?(?:主要)?(?:集中在|集中于|分布在|分布于|来自)[^。；;]*$/;
/** Money of one fund or project, named so: `…专项资金`, `…补助资金`. */
const ONE_FUND = /专项资金|专项经费|补助资金|项目资金/;
/**
 * A loose match may only differ by a short qualifier such as 在京: words that name a narrower
 * scope (a sub-unit, a fund, a category) make it another quantity, and so do 涉及 / 覆盖 (the money
 * an evaluation covers is a part of the fund's spending).
 */
function qualifierOnly(extra: string): boolean {
  // (The department itself, `本单位`, `本局`, qualifies nothing.)
  if (/^本(?:部门|单位|局|院|校|委|厅|中心)$/.test(extra)) return true;
  // (`经营收支结余` is the business activities' own, not the year's 本年收支结余.)
  // (Nor does a category: `货物类授予中小企业合同金额` is a part of `授予中小企业合同金额`.)
  // (Nor what is left of it: `尚有县级配套资金158.88万元未到位` is a part of the `县级配套331.00万元`.)
  return extra.length <= 3 && !/非|尚|仍有|未|待|本级|二级|中心|单位|局|所属|下属|机关|其中|部分|其他|其余|剩余|项目|人均|每|经费|预算|拨款|收入|支出|费|资金|合计|总|涉及|覆盖|涵盖|用于|安排|经营|事业|货物|工程|服务|类$/.test(extra);
}

/** The name used to match statements: without the reasons that introduce it and generic endings (memoised: names repeat). */
export const factKey = memoizeString(keyOf);

const SANGONG_TOTAL = /^(?:一般公共预算)?(?:财政拨款)?三公经费(?:财政拨款)?(?:支出)?(?:预算)?$/;

/** `占项目支出全年预算数（1269.47万元）的`: a base that is a budget, not the spending of its name. */
const BUDGET_BASE = /预算(?:数|总额)?[（(]?$/;

/** Words that state a movement, not a quantity: `部分支出科目有所下降`. */
const MOVEMENT = /(?:有所|略有|明显|大幅|较大幅度)(?:下降|增加|减少|增长|上升|降低|变化|变动)$/;

function keyOf(subject: string): string {
  const named = subject.replace(/^.*?(?:原因(?:是|为|体现在|在于)?|主要是|主要体现在|体现在)/, '').replace(/(?:19|20)\d\d/g, '');
  // (`本部门政府采购支出总额` and `全年政府采购支出` name one quantity: the department and the year are every figure's.)
  // (总额 only after a money word: `年末资产总额` and `资产总额` keep it, and match loosely.)
  // (`以上三项“三公”经费预算合计30.00万元`: the items just told, summed, are their whole.)
  const summed = named.replace(/^(?:以上|上述|前述)(?:[两二三四五六七八九十\d]+项)?(.{4,}?)(?:合计|共计|总计)$/, '$1');
  const plain = summed.replace(OWNER, '').replace(/^全年/, '').replace(/(支出|收入|资金|经费|金额)总额$/, '$1');
  // (The disclosed 三公 are the 财政拨款 ones: `“三公”经费财政拨款`, `财政拨款“三公”经费支出` and `“三公”经费` name one figure.)
  if (SANGONG_TOTAL.test(plain)) return '三公经费';
  const name = plain.length >= 4 ? plain : named;
  // A generic ending goes only when enough of the name is left (人员经费 stays 人员经费).
  const bare = name.replace(/(?:支出|资金|经费|费用|金额)$/, '');
  return bare.length >= 4 ? bare : name;
}

/** A statement, and the statement whose words or section name its fund (itself, or its list's total). */
interface ScopedStatement {
  statement: Statement;
  fundOf: ProseToken | undefined;
}

interface Statement {
  token: ProseToken;
  key: string;
  group: string;
  /** The list the statement is a part of: parts of one list are distinct items, never restatements. */
  list?: number;
  /** Stated approximately or as a bound: held against the exact statement of its name, never one that others are held against. */
  approx?: Approximation;
  /** One side of a joined name (`财政拨款收入、支出总计` as 财政拨款收入总计): the joined name's key, that its two pairs are one fact's. */
  joinedKey?: string;
}

/**
 * Statements under an enumerated item heading (`1. 公务员医疗补助项目…`, `（1）…`) describe that item:
 * `项目全年预算数` of two projects are two quantities.
 */
function itemScope(model: DocumentModel, t: ProseToken, key: string): string {
  // (`截至6月底，累计支出1902.68万元` and `截至9月底，累计支出2834.57万元`: figures as of a date within the year are that date's.)
  const period = periodBefore(t);
  if (period) return `period:${period}`;
  const p = model.paragraphs[t.sentence.paragraph];
  const scope = paragraphScope(model, t.sentence.section, p);
  if (scope.own !== '') return scope.own;
  // A generic per-item figure (项目全年预算数, 项目执行数) in an enumerated paragraph that is too long
  // to be a heading (`1.“XX”项目绩效自评综述：项目全年预算数为…`) belongs to that paragraph's item.
  // `①行政运行（项）：年初预算…` under one 类 and `②行政运行（项）：…` under another: an enumerated 项 paragraph is
  // about its own 项, whose name other 类 reuse.
  // (So are a fund item's own accounts: `2.…（项）（2136699）：年初结转和结余225.08万元，本年收入194.56万元，本年支出…`.)
  // (So is the money a numbered item paid out, `（五）…补助：按每人每月260元的标准，…发放资金269.88万元`.)
  return scope.enumerated && (ITEM_NAME.test(key) || PER_ITEM.test(key) || ITEM_ACCOUNTS.test(key) || PAID_OUT.test(key)) ? `para${scope.item ?? p.id}` : '';
}
/** A date or a part of the year a clause is as of: `截至6月底`, `截至2024年9月30日`, `一季度`, `上半年`, `1-6月` (not the year's end). */
const PART_OF_YEAR = /(?:截[至止]|到)(?:(?:19|20)\d\d年)?(?:[1-9]|1[01])月(?:底|末|份|\d{1,2}日)?|[一二三四1-4]季度|[上下]半年|前三季度|(?<!\d)1\s*[-—~至]\s*(?:[1-9]|1[01])月/g;

const periodsOf = new LintMemo<Sentence, Array<{ at: number; text: string }>>();
/** The last PART_OF_YEAR before a figure in its sentence (the sentence's dates found once: a 1 MB sentence is read once, not per figure). */
function periodBefore(t: ProseToken): string | undefined {
  const periods = periodsOf.of(t.sentence, () => [...t.sentence.text.matchAll(PART_OF_YEAR)].map((m) => ({ at: t.sentence.span.start + m.index!, text: m[0] })));
  let found: string | undefined;
  for (const p of periods) {
    if (p.at >= t.token.span.start) break;
    found = p.text;
  }
  return found;
}

/** `年初结转和结余中，`, `年末结转和结余中：`: a clause framed by the opening or the closing balance. */
const BALANCE_FRAME = /(年初|年末)(?:财政拨款)?结转和?结余(?:[^，,。；;：:\d]{0,4})?中[，,：:][^。；;]*$/;
const CLASS_ITEM_NAME = /[（(][类款项][)）](?:支出)?(?:决算数?)?$/;
const SOURCE_NAME = /财政拨款|结转|结余|资金|补助/;
const SOURCES_FOLLOW = /资金来源|来源于|来源为/;

/** Each sentence's first amount, and where the words of its sources (`资金来源为`) first follow it (−1 when they do not). */
const openingSources = new LintMemo<Sentence, { opening?: ProseToken; sourcesEnd: number }>();

/** The sentence's first amount when `t` follows the words of that amount's sources, `…决算2478.65万元，资金来源为：…`. */
function sourcedOpening(analysis: ProseAnalysis, t: ProseToken): ProseToken | undefined {
  const { opening, sourcesEnd } = openingSources.of(t.sentence, (sentence) => {
    const opening = analysis.bySentence.get(sentence.id)?.find((x) => x.role === 'amount');
    if (!opening) return { sourcesEnd: -1 };
    const from = opening.token.span.end - sentence.span.start;
    const m = SOURCES_FOLLOW.exec(sentence.text.slice(from));
    return { opening, sourcesEnd: m ? sentence.span.start + from + m.index + m[0].length : -1 };
  });
  return opening && sourcesEnd >= 0 && sourcesEnd <= t.token.span.start ? opening : undefined;
}

/**
 * An item's own accounts: its balances, its year's figure (`本年支出决算391.40万元`), its budget's adjustment (`年中追加35.82万元`), the
 * carry-over it spent or leaves (`含使用上年结转资金22.00万元`, `年末结转23.50万元`).
 */
const ITEM_ACCOUNTS = /^(?:年初|年末)?结转和?结余$|结转(?:资金)?$|^(?:本年)?(?:收入|支出)(?:合计)?$|(?:追加|调减|调增|追减|核减|核增)(?:预算)?$/;
/** How many paragraphs after an enumerated item's own still speak of it (`决算数小于年初预算数的主要原因是…。本年支出决算…`). */
const ITEM_TAIL_PARAGRAPHS = 2;

/** What a paragraph's statements are about (paragraphScope); `item`, the enumerated paragraph it runs on from. */
interface ParagraphScope {
  own: string;
  enumerated: boolean;
  item?: number;
}

const paragraphScopes = new LintMemo<DocumentModel, Map<number, ParagraphScope>>();

/**
 * What a paragraph's statements are about, whatever they name (asked for every statement of the paragraph): the item
 * of a heading of level 4 or a fund's or body's, or of the paragraph itself (`own`); and whether it is an enumerated one.
 */
function paragraphScope(model: DocumentModel, section: number | undefined, p: DocumentModel['paragraphs'][number] | undefined): ParagraphScope {
  let byParagraph = paragraphScopes.get(model);
  if (!byParagraph) paragraphScopes.set(model, (byParagraph = new Map()));
  // (Statements outside paragraphs, keyed by their section below zero.)
  const id = p?.id ?? -2 - (section ?? -1);
  let scope = byParagraph.get(id);
  if (scope) return scope;
  scope = { own: '', enumerated: false };
  // A paragraph that names its own item first: under a `####` heading (`1. 小学教育项目绩效自评情况：…` / `2. 初中教育
  // 项目…`), each paragraph is another project's.
  if (p) {
    const opening = OWN_ACCOUNTS_PARAGRAPH.exec(model.text.slice(p.span.start, p.span.start + 40));
    if (opening && !(opening[1] && model.department && opening[1].endsWith(model.department))) scope.own = `para${p.id}`;
    // `甲项目资金来源为中央补助60万元…` / `乙项目…中央补助20万元`: a paragraph about one project keeps its own
    // accounts (its 中央补助, 累计投入 are not the next project's).
    else if (PROJECT_PARAGRAPH.test(model.text.slice(p.span.start, p.span.start + 40)) || FUNDED_ITEM_PARAGRAPH.test(model.text.slice(p.span.start, p.span.start + 80)) || PROJECT_ITEM_PARAGRAPH.test(model.text.slice(p.span.start, p.span.start + 160))) scope.own = `para${p.id}`;
  }
  for (let s = section; s !== undefined && scope.own === ''; s = model.sections[s].parent) {
    // (A `#### （一）…` heading is deep in Markdown but numbered as a part of the report, not as an item.)
    const { level, title } = model.sections[s];
    // (Nor is one of the standard parts under a deep number: `1.一般公共预算财政拨款支出决算总体情况` / `2.…结构情况`.)
    if ((level >= 4 && !PART_NUMBER.test(title) && !STANDARD_PART.test(title.replace(HEADING_MARK, ''))) || OWN_ACCOUNTS.test(title.replace(HEADING_MARK, ''))) scope.own = `item${s}`;
  }
  if (p && !scope.own.startsWith('item')) {
    scope.enumerated = ENUMERATED.test(model.text.slice(p.span.start, p.span.start + 8)) || ENUMERATED_ITEM.test(model.text.slice(p.span.start, p.span.start + 80)) || NAMED_ITEM.test(model.text.slice(p.span.start, p.span.start + 48));
    // (An enumerated item's paragraph may run on in the lines after it, each a paragraph of its own: `3.…（项）。年初预算为…，
    // 支出决算为…。` / `决算数小于年初预算数的主要原因是：…。本年支出决算391.40万元，占…`. They are that item's, up to the next item.)
    for (let q = p.id - 1; !scope.enumerated && q >= 0 && q >= p.id - ITEM_TAIL_PARAGRAPHS && model.paragraphs[q].section === p.section; q--) {
      const start = model.paragraphs[q].span.start;
      if (!ENUMERATED.test(model.text.slice(start, start + 8))) continue;
      scope.enumerated = true;
      scope.item = q;
    }
  }
  byParagraph.set(id, scope);
  return scope;
}
/**
 * A heading that is only the name of a fund or of a body (`（二）政府性基金预算`, `一、企业职工基本养老保险基金`,
 * `（三）所属事业单位`): its sections each keep their own accounts, and the same words (收入总量, 本年收入)
 * name a different figure in each.
 */
const FUND_NAME = '(?:一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)(?:财政拨款)?';
const BODY = '[^，,。；;：:\\s]{2,20}(?:基金|单位|中心|学校|学|院|园|站|所|队|馆|本级|机关|处|局|社|会|室|办|厅|团|台|场)';
const BODY_ONLY = new RegExp(`^(?:${BODY})$`);
const OWN_ACCOUNTS = new RegExp(`^(?:${FUND_NAME}|${BODY})$`);
/**
 * `（一）企业职工基本养老保险基金。本年收入18300亿元…`, `（四）失业保险基金收入8.00亿元…`, `（二）一般公共预算财政拨款：…`, and
 * unnumbered `区公证处：…`, `职工基本医疗保险基金本年收支结余…`, `其中，…局本级一般公共预算财政拨款基本支出…`: a paragraph that opens with the name of a fund
 * or a body keeps its own accounts, as under its own heading. (The department's own name opening a paragraph
 * does not: its figures are the report's.)
 */
const OWN_ACCOUNTS_PARAGRAPH = new RegExp(
  `^\\s*(?:(?:[（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+、|\\d+[、．.](?!\\d))\\s*(?:${FUND_NAME}|${BODY})(?:[。：:，,]|收入|支出|(?:19|20)\\d\\d)|(?:其中[，,：:]\\s*)?(${BODY})(?:[：:]|本年|年初|年末|收入|支出|一般公共预算|财政拨款|[“"]?三公|(?:19|20)\\d\\d))`,
);
/** The numbering of the report's parts (`一、`, `（一）`, `第一部分`), never of an item. */
const PART_NUMBER = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;
/** A standard part of the 情况说明 about the department's figures, by its title: `一般公共预算财政拨款支出决算结构情况`, `部门整体支出绩效自评情况`. */
const STANDARD_PART = /^(?:(?:19|20)\d\d年度?)?(?:部门)?(?:一般公共预算|政府性基金预算|国有资本经营预算)?(?:财政拨款)?(?:收入|支出|收入支出|基本支出)决算(?:总体|结构|具体)?情况(?:说明)?$|^(?:(?:19|20)\d\d年度?)?部门整体/;
const HEADING_MARK = /^[\s#]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/;
const ITEM_NAME = /[（(]项[)）]$/;
/** The money a measure paid out: `发放资金`, `拨付资金`. */
const PAID_OUT = /^(?:发放|拨付|下达|兑付|支付)(?:资金|金额)?$/;
/** A paragraph opening with a numbered item's name and a colon: `（五）农村籍退役士兵老年生活补助：…`. */
const NAMED_ITEM = /^\s*[（(][一二三四五六七八九十]{1,3}[)）][^。；;：:，,\d]{2,40}[：:]/;
const PER_ITEM = /^项目(?:全年|年度|年初|调整后)?(?:预算|执行|实际|资金|总)/;
const PROJECT_PARAGRAPH = /^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?(?:(?:19|20)\d\d\s*年度?\s*)?(?:[^，,。；;：:\d\s]{1,30}?项目|该项目)(?!支出|经费|资金合计|\s*\d)/;
/**
 * `2．危旧桥梁改造工程。项目总投资1836.25万元，…`, `- **农村危房改造**：总投资407.00万元。资金构成：中央补助…`: a numbered or bulleted
 * item named and then funded is a project with its own 中央补助, 到位资金.
 */
const FUNDED_ITEM_PARAGRAPH = /^\s*(?:[-*+•]\s+|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)(?:\*\*)?[^，,。；;：:\d*]{2,40}?(?:\*\*)?[。：:]\s*(?:该?项目)?(?:计划)?(?:总投资|投资|资金构成|资金来源|总预算)/;
/** `2. 中小河流水文监测系统建设：年末结转150.00万元。该项目年初结转742.00万元，…收回财政212.00万元`: an item named, then called 该项目. */
const PROJECT_ITEM_PARAGRAPH = /^\s*(?:[-*+•]\s+|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)(?:\*\*)?[^，,。；;：:\d*]{2,40}?(?:\*\*)?[：:][^\n]{0,80}?该项目/;
const ENUMERATED = /^\s*(?:\d+[、.．](?!\d)|[（(]\d+[)）]|[①-⑳])/;
/** `（二）城乡社区支出（类）…土地开发支出（项）：年初结转和结余0万元，…`: a 科目 item numbered as a part is an item too. */
// (Or opening with its name alone: `…（款）资助国产影片放映（项）本年支出32.35万元，…；年末结转和结余10.35万元。`)
const ENUMERATED_ITEM = /^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）])?[^。；;：:，,\d]{0,60}[（(](?:类|款|项)[)）]/;

/**
 * `开展了绩效自评，涉及资金361.24万元…其中：对…开展了部门评价，涉及资金136.95万元`: the money of each kind of
 * evaluation is another figure; the kind is the last one named before the amount in its sentence.
 */
const COUNTED_PROJECTS = /([\u4e00-\u9fff]{0,6}项目)(\d+)个/;
const COUNTED_PROJECTS_REACH = 40;
function evaluationScope(model: DocumentModel, t: ProseToken, key: string): string {
  // (`本年度重点项目4个，支出合计514.22万元`: the spending of the projects counted, not the department's.)
  if (/^支出(?:合计|总额)$/.test(key)) {
    // (The count stands in the figure's clause, a few words before it: no walk back over a long sentence for every figure.)
    const near = model.text.slice(Math.max(t.sentence.span.start, t.token.span.start - COUNTED_PROJECTS_REACH), t.token.span.start);
    return COUNTED_PROJECTS.exec(near.slice(Math.max(near.lastIndexOf('；'), near.lastIndexOf(';')) + 1))?.slice(1).join('') ?? '';
  }
  if (!/资金/.test(key)) return '';
  const before = model.text.slice(t.sentence.span.start, t.token.span.start);
  const kinds = before.match(/自评|部门评价|重点评价|财政评价|整体评价|第三方评价/g);
  // `局本级对12个项目开展自评，涉及资金3000.00万元；市公路事业发展中心对8个项目…`: each body's evaluations, and
  // each set of projects, cover their own money.
  const clause = before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')) + 1);
  const projects = /(\d+)个(?:一级|二级)?项目/.exec(clause)?.[1] ?? '';
  const body = new RegExp(`^(?:${BODY})`).exec(clause)?.[0] ?? '';
  // `自评结果为“优”的2个，涉及资金60.00万元；…为“良”的1个，涉及资金40.00万元`: the money of each grade.
  const grade = /(?:结果|等级|评价|评定|评级|评)为?\s*[“"‘]?(优秀|良好|合格|不合格|优|良|中|差)/.exec(clause)?.[1] ?? '';
  return `${kinds ? kinds[kinds.length - 1] : ''}${projects}${body}${grade}`;
}

/** The split of a balance by nature: `基本支出结转`, `项目支出结转和结余`. */
const BALANCE_SPLIT = /^(?:基本支出|项目支出)结转(?:和?结余)?$/;
/** Whether a balance's part is of the year's opening or closing balance, by the words of its sentence ('' when they do not say). */
function balanceSideOf(t: ProseToken): string {
  const text = t.sentence.text;
  if (/年末|结转下年|结转至下年/.test(text)) return /上年结转至本年|年初结转/.test(text) ? '' : 'closing';
  return /上年结转|年初|结转至本年/.test(text) ? 'opening' : '';
}

/** A fund's spending total (`一般公共预算财政拨款支出`, `…基本支出`): its parts are that fund's. */
const FUND_TOTAL = /^((?:一般公共预算|政府性基金预算|国有资本经营预算)财政拨款)(?:本年)?(?:支出|基本支出)(?:合计|总额)?$/;
/** The parts of a spending total that a fund's name makes a quantity of their own. */
const FUND_PART = /^(?:基本支出|项目支出|人员经费|公用经费)$/;
/** An item of spending a report splits by where it was paid from: `会议费`, `培训费`, `公务接待费`. */
const SPENT_ITEM = /费(?:支出)?$/;
/** A sentence listing 人员经费's or 公用经费's items (公开06表's rows): `公用经费明细：办公费…`, `商品和服务支出中，…`. */
const ECONOMIC_ITEMS = /^\s*(?:人员经费|公用经费|工资福利支出|商品和服务支出|对个人和家庭的补助)(?:支出)?(?:中[，,：:]|(?:明细|具体|构成)(?:如下|为|是)?[：:])/;
/** A sentence breaking 项目支出 down by economic class: `…项目支出612.38万元中：`, `…项目支出2318.65万元，按部门预算支出经济分类，`. */
const PROJECTS_BY_CLASS = /项目支出\s*[\d,.]+\s*(?:万元|亿元|元)(?:中[：:，,]|[，,]\s*(?:按|从)[^，,。；;]{0,16}经济分类)/;
const GOVERNMENT_CLASSIFICATION = /政府预算支出经济分类|政府经济分类/;
/** Each sentence's answer, found once (a sentence of a megabyte asks for each of its figures). */
const projectsByClassMemo = new LintMemo<Sentence, boolean>();
const projectsByClass = (sentence: Sentence) => projectsByClassMemo.of(sentence, () => /经济分类/.test(sentence.text) && PROJECTS_BY_CLASS.test(sentence.text));
const governmentMemo = new LintMemo<Sentence, boolean>();
const governmentClassification = (sentence: Sentence) => governmentMemo.of(sentence, () => GOVERNMENT_CLASSIFICATION.test(sentence.text));
/** A total whose items are 公开06表's rows. */
const ECONOMIC_TOTAL = /^(?:人员经费|公用经费|工资福利支出|商品和服务支出)$/;

/**
 * A figure stated as an item of 机关运行经费: in its list, after its name in the sentence (`说明：机关运行经费仅反映…，其中公务用车运行维护费
 * 4.32万元`), or as its share (`公务用车运行维护费13.95万元，占机关运行经费的21.16%`).
 */
function runningCostItem(t: ProseToken, listTotal: string): boolean {
  if (t.role !== 'amount' || /机关运行经费/.test(t.subject)) return false;
  const at = t.token.span.start - t.sentence.span.start;
  // (The words a few clauses back only: a sentence of thousands of figures is not re-read for each.)
  return RUNNING_COST.test(listTotal) || /机关运行经费[^。；;]*?(?:其中|中[，,：:]|构成|包括|主要用于|主要为)/.test(t.sentence.text.slice(Math.max(0, at - RUNNING_COST_REACH), at)) || /^[^；;。]{0,8}[，,]\s*占机关运行经费/.test(t.sentence.text.slice(t.token.span.end - t.sentence.span.start));
}
const RUNNING_COST = /机关运行经费(?:支出)?$/;
const RUNNING_COST_REACH = 400;
const RUNNING_COST_HEADING = /机关运行经费/;

/** A note right under a 政府性基金 or 国有资本经营 table (`注：本表反映…`): that fund's, whose figures it states; undefined else. */
export function fundTableNote(model: DocumentModel, sentence: Sentence): 'T07' | 'T08' | undefined {
  if (!/^\s*(?:注|说明)\s*[0-9０-９]?[：:]/.test(sentence.text)) return undefined;
  const i = lowerBound(model.tables, (table) => table.span.end, sentence.span.start) - 1;
  const table = model.tables[i];
  return table && (table.kind === 'T07' || table.kind === 'T08') && sentence.span.start - table.span.end < 200 ? table.kind : undefined;
}

/** The standard breakdowns, whose figures exist for every fund scope. */
// (And the older names of the balances, `上年结转` (年初结转) and `结转下年`.)
const BREAKDOWN = /^(?:本年)?(?:基本支出|项目支出|人员经费|公用经费|支出合计|收入合计|上缴上级支出|经营支出|对附属单位补助支出)$|^(?:年初|年末)结转和结余$|^年初结转$|^结转下年$/;

/**
 * Sections about 一般公共预算财政拨款 speak of that fund only; the 收入/支出决算 sections of all funds.
 * A 基本支出 of each may differ when the department has other income.
 */
function fundScope(model: DocumentModel, t: ProseToken, key: string, fundSections: Map<number, string>): string {
  // (`政府性基金预算财政拨款：年初结转和结余1292.34万元，本年收入3927.90万元…`: a sentence under one fund's label states that
  // fund's figures, whatever their names.)
  const label = FUND_LABEL.exec(t.sentence.text);
  if (label) return `fund:${label[1]}${label[2] ?? ''}`;
  if (NON_FISCAL_LABEL.test(t.sentence.text)) return 'fund:非财政拨款';
  // (So does the note under one fund's table: `注：本表反映本年国有资本经营预算财政拨款支出；年初结转和结余20.00万元…见公开04表`.)
  const note = fundTableNote(model, t.sentence);
  if (note) return `fund:${note}`;
  // (`政府性基金预算财政拨款收入总计41471.30万元，…；支出总计41471.30万元，…`: totals in a sentence about one fund's money are
  // that fund's, not the department's.)
  if (GRAND_TOTAL.test(key)) {
    const fund = FUND_OPENING.exec(t.sentence.text);
    if (fund) return `fund:${fund[1] ?? ''}`;
    // (`四、财政拨款收入支出决算总体情况说明` / `收入总计1524.89万元包括：本年一般公共预算财政拨款收入…`: a bare total in a fund's
    // section is that fund's.)
    const word = t.sentence.section === undefined ? '' : sectionWord(model, t.sentence.section, FISCAL, fundSections);
    return word === '' ? '' : `fund:${word === '财政拨款' ? '' : word}`;
  }
  // (A 类 of the functional classification, `农林水支出`, is spent from all funds in the 支出决算 section, from one fund in its own: the
  // 一般公共预算 section's 农林水支出 is another figure when the department has other money.)
  // (Named with its level or without: `教育支出（类）`.)
  if (!BREAKDOWN.test(key) && !CLASS_NAME.test(key.replace(CLASS_MARK, ''))) return '';
  // (`一般公共预算财政拨款年末结转和结余44.69万元，为年初结转和结余49.38万元加本年收入…`: a sentence about the fund's carry-overs,
  // which other money's add to; its 人员经费 are 公开06表's, the department's.)
  if (CARRY_OVER.test(key) && FUND_OPENING.test(t.sentence.text)) return 'fund';
  if (t.sentence.section === undefined) return '';
  // (A 政府性基金 section's 社会保障和就业支出 is that fund's, not the 一般公共预算 section's of the same name.)
  const word = sectionWord(model, t.sentence.section, FISCAL, fundSections);
  return word === '' ? '' : OTHER_FUNDS.test(word) ? `fund:${word}` : 'fund';
}
/** The fund whose section states a bare `收入总计` / `支出总计`, named as a prefix of the fund's total (`财政拨款`), or undefined. */
function sectionTotalFund(model: DocumentModel, t: ProseToken, key: string, fundSections: Map<number, string>): string | undefined {
  if (!GRAND_TOTAL.test(key) || t.sentence.section === undefined || FUND_OPENING.test(t.sentence.text)) return undefined;
  const word = sectionWord(model, t.sentence.section, FISCAL, fundSections);
  return word === '财政拨款' ? word : word === '一般公共预算' ? '一般公共预算财政拨款' : undefined;
}

// (The leftmost fund word of a heading: `政府性基金预算财政拨款…` is 政府性基金's.)
const FISCAL = /政府性基金|国有资本经营|一般公共预算|财政拨款/;
const OTHER_FUNDS = /政府性基金|国有资本经营/;

const GRAND_TOTAL = /^(?:收入|支出)总计$/;
const CLASS_MARK = /[（(]\s*\d*\s*类[)）]$/;
const CARRY_OVER = /结转和结余$/;

/**
 * The first match of `re` in the title of `section` or of the nearest section around it that has
 * one, '' for none (memoised per section: every statement in it asks).
 */
function sectionWord(model: DocumentModel, section: number, re: RegExp, memo: Map<number, string>): string {
  let word = memo.get(section);
  if (word === undefined) {
    const { title, parent } = model.sections[section];
    word = re.exec(title)?.[0] ?? (parent === undefined ? '' : sectionWord(model, parent, re, memo));
    memo.set(section, word);
  }
  return word;
}

/**
 * The scope a list's total gives its parts, by the total's name without fund words: 人员经费 of
 * `一般公共预算财政拨款基本支出` and of `基本支出` are one quantity, 基本支出 of `本年支出合计` (all funds)
 * and of `一般公共预算财政拨款支出` are two.
 */
function scopeName(total: string): string {
  // 收入总计 (公开01表) and 财政拨款收入总计 (公开04表) are two tables: their 年初结转和结余 differ. So are their balances: the
  // 基本支出结转 of `年末财政拨款结转和结余` is not that of `年末结转和结余` when the unit has other money.
  if (/总计$|结转|结余/.test(total)) return total;
  return total.replace(/一般公共预算|财政拨款/g, '') || total;
}

/** A list part is scoped by its list's total: 本年支出合计's 基本支出 is not necessarily the 一般公共预算财政拨款支出's. */
function listScope(list: ProseList | undefined): string {
  if (!list) return '';
  const total = list.totals.get('amount') ?? list.totals.get('budget');
  return total ? scopeName(total.subject) : `list${list.id}`;
}

/**
 * `1. 基本支出预算…其中:` with its items in the sentences after it, and `2. 项目支出…其中:` with its own: a
 * statement in no list, after such a list that closes its sentence and before the next one or a heading,
 * is that list's part (项目支出's 商品和服务支出 is not 基本支出's).
 */
function openListScope(model: DocumentModel, lists: ProseList[]): (t: ProseToken) => string {
  const open = lists.filter((list) => endsSentence(list, model.text));
  if (open.length === 0) return () => '';
  return (t) => {
    const i = lowerBound(open, (list) => list.region.start, t.token.span.start) - 1;
    if (i < 0) return '';
    const list = open[i];
    if (model.sentences[list.sentence].section !== t.sentence.section) return '';
    // Only 基本支出 and 项目支出 share their items' names (商品和服务支出, 工资福利支出); other open lists
    // (`具体情况如下：` and the 三公 parts restated under it) keep comparing with the rest of the report.
    const total = list.totals.get('amount') ?? list.totals.get('budget');
    return total && /(?:基本|项目)支出(?:预算)?$/.test(total.subject) ? listScope(list) : '';
  };
}

/**
 * What a change is measured against: `比2024年执行数1350.00万元增加50.00万元` and `比2024年预算数1300.00万元增加
 * 100.00万元` are two changes of one quantity, not one change stated twice.
 */
function comparedWith(analysis: ProseAnalysis, t: ProseToken): string {
  const before = analysis.bySentence.get(t.sentence.id)?.[t.index - 1];
  // (`2016年度“三公”经费财政拨款预算安排42.00万元，比2015年度…决算数减少4.39万元`: the change of a budget, not of the actual.)
  if (before?.role === 'budget') return 'of-budget';
  const words = before?.role === 'prior' ? before.lead : t.lead;
  // (`较上年调整后数8902.00万元增加394.57万元；与未经调整的2023年度决算数8575.67万元相比，增加720.90万元`: two bases, two changes.)
  return /预算|计划/.test(words) ? 'budget' : /未经调整|调整前|原口径/.test(words) ? 'unadjusted' : /调整后|可比/.test(words) ? 'comparable' : '';
}

/** The earlier year a change is since, when the words before it in its sentence name one other than last year (`与2022年相比，`). */
export function comparedYear(model: DocumentModel, t: ProseToken): string {
  // (The sentence's compared years found once, the last before the token taken: a sentence of thousands of changes is read once.)
  const found = comparedYears.of(t.sentence, () => [...t.sentence.text.matchAll(COMPARED_YEAR)].map((m) => ({ end: t.sentence.span.start + m.index! + m[0].length, year: m[1] })));
  let year: string | undefined;
  for (let lo = 0, hi = found.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (found[mid].end <= t.token.span.start) {
      year = found[mid].year;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return year !== undefined && model.reportYear !== undefined && Number(year) !== model.reportYear - 1 ? `:since${year}` : '';
}
const comparedYears = new LintMemo<Sentence, Array<{ end: number; year: string }>>();
const COMPARED_YEAR = new RegExp(SINCE_YEAR.source, 'g');

/** What a change's rate compares with: the figure the change before it in the sentence is of (`比预算数增加100.00万元，增长7.69%`). */
function rateComparedWith(analysis: ProseAnalysis, t: ProseToken): string {
  const tokens = analysis.bySentence.get(t.sentence.id) ?? [];
  for (let k = t.index - 1; k >= 0 && k >= t.index - 3; k--) {
    const role = tokens[k].role;
    if (role === 'budget' || role === 'budget-delta') return 'budget';
    if (role === 'delta' || role === 'prior') return comparedWith(analysis, tokens[k]);
  }
  return /预算|计划/.test(t.lead) ? 'budget' : '';
}

export function factClaims(model: DocumentModel, analysis: ProseAnalysis, listOf: Map<ProseToken, ProseList>, lists: ProseList[], sink: ClaimSink): void {
  const openScope = openListScope(model, lists);
  const byGroup = new Map<string, Statement[]>();
  const fundSections = new Map<number, string>();
  const allSourceSections = new Map<number, string>();
  const runningCostSections = new Map<number, string>();
  const incomeSections = new Map<number, string>();
  const beyondSections = new Map<number, string>();
  // The same statements by name alone (role, year, item): parts of lists, and statements in no list.
  const listed = new Map<string, ScopedStatement[]>();
  // The first statement of each 类 in one fund's sections and in those of all funds.
  const ofOneFund = new Map<string, ProseToken>();
  const ofAllFunds = new Map<string, ProseToken>();
  const alone = new Map<string, ScopedStatement[]>();
  const { homonyms, homonymNames } = homonymsOfWholes(lists);
  for (const t of analysis.tokens) {
    // (`临时救助支出830.65万元…，其中：临时救助支出812.45万元…；临时救助支出同比增加326.15万元`: a 项 named as its 款 is another quantity,
    // and a change the paragraph names so is of either; not one right after the whole, `830.65万元，同比增加323.00万元`.)
    if (homonyms.has(t) || (homonymNames.has(`${t.sentence.paragraph}|${t.subject}`) && namedChange(analysis, t))) continue;
    // (`部分支出科目有所下降，主要为：A…支出减少33万元；B…减少57万元`: a statement opening the sentence names no quantity.)
    // (An approximation of an amount, `约1,100万元`, `近1,300万元`, is a statement of that amount, held to it loosely.)
    // (So is one of a change's rate, `比上年增长约15.8%`, of the rate stated in the body.)
    const approx = t.approx && (t.role === 'amount' || t.role === 'other' || t.role === 'change-rate') ? t.approx : undefined;
    // (`基本支出中，财政拨款安排A；项目支出中，财政拨款安排B`: what a source funds is its frame's, which the name does not say.)
    if (FUNDED_BY.test(t.subject)) continue;
    // (Nor is an average, `生均一般公共预算财政拨款支出11483.68元`, a statement of the amount it divides.)
    if (AVERAGE_NAME.test(t.subject)) continue;
    if ((!FACT_ROLES.includes(t.role) && !approx) || !t.subject || (!t.ownSubject && MOVEMENT.test(t.subject)) || COUNTED_TOTAL.test(t.subject)) continue;
    // (A share's base written inline, `占本年财政拨款支出10028.43万元的14.64%`, restates that amount; a count base does not.)
    if (t.role === 'share-base' && !isMoney(t.token.unit)) continue;
    // (Nor one unnamed, whose name would be its part's: `上年为3642.86万元占3724.76万元的97.80%`, `…县级财政资金28.00万元，分别占841.52万元的…`.)
    if (t.role === 'share-base' && !t.ownSubject) continue;
    // (`…，调整预算-20.07万元，全年预算数为180.68万元`: an adjustment is no budget of its item.)
    if (t.role === 'budget' && isBudgetAdjustment(analysis.bySentence.get(t.sentence.id)!, t.index)) continue;
    // `甲县项目资金80万元，执行76万元`: a figure that borrows its name but says what was done with it is another quantity.
    if (!t.ownSubject && ANOTHER_FIGURE.test(t.lead)) continue;
    // (`校舍安全维修改造项目到位580.00万元，支出497.15万元`: what was spent of money named as received is another quantity.)
    if (!t.ownSubject && SPENT_OF_RECEIVED.test(t.lead) && RECEIVED_NAME.test(t.subject)) continue;
    // (`各级共下达文化旅游专项资金计划1346.00万元，实际到位…；当年支出1183.86万元`: a bare side word in a sentence about one fund is that
    // fund's, not the department's 本年支出合计.)
    if (t.index > 0 && BARE_SIDE.test(t.lead) && ONE_FUND.test(analysis.bySentence.get(t.sentence.id)![0].subject)) continue;
    // (`项目支出589.66万元（全部为公共安全支出（类）589.66万元）`: what the figure before is wholly made of, not that 类's whole.)
    if (t.role === 'amount' && WHOLLY_MADE_OF.test(t.lead)) continue;
    // (`结余主要集中在高标准农田建设（225.55万元）和农村人居环境整治（93.85万元）`: the items' balances, under the items' names.)
    if (t.role === 'amount' && BALANCES_OF_ITEMS.test(t.sentence.text.slice(Math.max(0, t.token.span.start - t.sentence.span.start - 60), t.token.span.start - t.sentence.span.start))) continue;
    // (`“优”的项目26个，…涉及资金3,402.56万元，“良”的项目4个，…涉及资金298.65万元`: a name its sentence gives several figures is each
    // counted item's: the grade named before it says whose, else nothing does.)
    // (Or right after a grade's count, whatever name it inherits: `“良”等次项目5个、资金8436.80万元`.)
    const afterCount = analysis.bySentence.get(t.sentence.id)?.[t.index - 1]?.role === 'count';
    // (So is a name two figures of one sentence inherit, `（四）预算绩效管理工作开展情况。…对一般公共预算项目…，资金4312.67万元；对…基金项目…，
    // 资金326.00万元`: each clause's own.)
    const graded = t.role === 'amount' && ((t.ownSubject && t.subject.length <= 6) || afterCount || !t.ownSubject) ? gradeBefore(analysis, t) : undefined;
    if (graded === '' && namedAgainInSentence(analysis, t)) continue;
    // (`基本支出X，项目支出Y，分别较上年减少a、减少b`: a change of a 分别 run is of the k-th name, not of the last.)
    if ((t.role === 'delta' || t.role === 'change-rate') && !t.ownSubject && (t.continuesRun || RESPECTIVELY.test(t.lead))) continue;
    // (Nor the figures of names that are not in the subject: `边临镇、郑家寨镇…，分别获得奖补资金55.60万元、52.30万元`.)
    if (t.role === 'amount' && inRespectiveRun(analysis.bySentence.get(t.sentence.id)!, t)) continue;
    // (A change's rate in %, `增长15.76%`, restated in the overview; not one in 个百分点, which compares two rates.)
    if (t.role === 'change-rate' && (t.token.unit !== '%' || !t.direction || t.direction === 'flat')) continue;
    // (`较上年增加1894.61万元…，主要原因是上年年初结转资金1475.63万元，实际较上年增加资金418.98万元`: a figure of the reason, named
    // by nothing of its own, is another quantity than the one the sentence is about.)
    // (Nor is one the reason names, `主要原因是…追加资金6.41万元`: the reason of one item, not a figure of the report.)
    // (Nor, under an item, `决算数小于年初预算数的主要原因是结余资金0.31万元已按规定收回财政`: that item's own saving, which the
    // budget words of the reason do not make a budget of the report.)
    if ((!t.ownSubject || t.role === 'amount' || t.role === 'budget') && reasonBefore(t.sentence, t.token.span.start)) continue;
    const inList = listOf.get(t);
    // (`财政拨款收入…（其中：一般公共预算财政拨款1501.06万元…）`: a part named without its side is on its total's side,
    // not the same figure as `一般公共预算财政拨款支出`.)
    const listTotal = inList?.totals.get('amount')?.subject ?? '';
    // (`分单位看，本年收入合计…中：教育局本级3583.39万元…` and `本年支出合计…，按单位分：教育局本级3819.11万元…`: a unit's income and its
    // spending.)
    // (Nor is one under the money evaluations cover, `共涉及资金…，其中：一般公共预算财政拨款1235.40万元`: that fund's share of it.)
    // (Nor one of a balance, `年初财政拨款结转和结余86.50万元（一般公共预算财政拨款0万元，…）`: that fund's balance, not its spending.)
    // (Its name's bracketed restatement aside: `年初结转和结余（即上年末结转和结余）761.40万元，其中：一般公共预算财政拨款…`.)
    const balance = /(年初|年末)?[^，,。；;]*?(结转和?结余)$/.exec(listTotal.replace(/[（(][^（）()]*[)）]$/, ''));
    // (So is one in a bracket right after a figure of one side: `本年财政拨款收入4694.58万元（一般公共预算财政拨款4694.58万元）`.)
    // (Every figure of the bracket, not only its first: `（一般公共预算财政拨款6993.92万元，政府性基金预算财政拨款308.70万元）`.)
    const outer = t.depth > 0 && !/收入|支出/.test(t.subject) ? outerFigure(analysis.bySentence.get(t.sentence.id)!, t) : undefined;
    const outerSide = outer ? sideOf(outer.subject) : undefined;
    // (`注1：年初结转和结余中，财政拨款结转和结余486.25万元…` / `注2：年末结转和结余中，…`: a frame naming the opening or the closing balance.)
    const framedBalance = !inList && /结转|结余/.test(t.subject) && !/^(?:年初|年末)/.test(t.subject) ? BALANCE_FRAME.exec(t.sentence.text.slice(0, t.token.span.start - t.sentence.span.start))?.[1] : undefined;
    // (Nor is a bare fund's part of a total of both sides, `财政拨款收入、支出总计12061.43万元…其中…政府性基金预算财政拨款3386.50万元`: its
    // income, or its spending with its balance, the words do not say which.)
    if (inList && !/收入|支出/.test(t.subject) && /(?:收入、?支出|收、?支)(?:总计|合计)$/.test(listTotal)) continue;
    const listSide = inList && !/收入|支出/.test(t.subject) ? (/收入$/.test(listTotal) || (t.ofUnit && /收入(?:合计|总计|总额)$/.test(listTotal)) ? '收入' : COVERED.test(listTotal) ? '涉及资金' : balance ? `${balance[1] ?? ''}${balance[2]}` : '') : '';
    // (`部门本年支出合计3902.83万元中：局机关955.61万元，丰泽县公路管理段739.77万元…` and `资产总额5699.77万元，其中：…丰泽县公路管理段
    // 2512.94万元`: a unit named alone in a list is its share of the list's whole, whatever that is.)
    const unitPart = inList && listSide === '' && !/收入|支出/.test(t.subject) && UNIT_NAMED.test(t.subject) && listTotal !== '' ? `之${withoutDepartment(listTotal, model.department).replace(/^(?:本部门|部门|本单位|单位)/, '')}` : '';
    const side = outerSide ?? (framedBalance ? `${framedBalance}结转和结余` : listSide || unitPart || aspectSide(model.text, t));
    // (The 总计 of either side change alike, so their rates are one: `收入总计、支出总计均为…，比上年下降5.77%` and `收、支总计…下降5.77%`.)
    // (`昆山市城市管理局收入总计、支出总计`: the department's own name says nothing of the quantity.)
    const subject = (graded ?? '') + withoutDepartment(t.subject, model.department);
    const key = t.role === 'change-rate' && GRAND_TOTALS.test(subject) ? '收支总计' : factKey(subject + side);
    if (key.length < 4) continue;
    // (`临时救助660.95万元，包括临时救助支出612.35万元和…`: a part named as its whole (款 and its 项) is another figure.)
    const wholeOfList = inList?.totals.get('amount');
    if (wholeOfList && wholeOfList !== t && wholeOfList.sentence === t.sentence && /包括|其中/.test(inList!.triggerText) && factKey(withoutDepartment(wholeOfList.subject, model.department)) === key) continue;
    // (`“三公”经费预算11324.44万元，其中：因公出国（境）费9605.80万元…`: the parts of a budget are budgets.)
    // (So are the sources in a bracket after a budget: `全年预算数450.00万元（财政拨款360.00万元、其他资金90.00万元）`.)
    const budgetPart = budgetOfPart(t, inList, listOf);
    const budgetInBracket = t.role === 'amount' && outer?.role === 'budget' ? outer : undefined;
    // 年初预算 and 全年预算 are two figures of one quantity.
    // (A rate is compared only with a rate of the same direction: `增长` and `下降` of one figure are not two values of one fact.)
    // (A change since an earlier year, `与2022年相比，2024年“三公”经费减少2.75万元`, is another than the year's.)
    const since = t.role === 'delta' || t.role === 'change-rate' ? comparedYear(model, t) : '';
    const role = t.role === 'change-rate' ? `rate:${t.direction}:${rateComparedWith(analysis, t)}${since}` : approx ? 'amount' : t.role === 'budget' || budgetPart || budgetInBracket ? `budget:${budgetKind((budgetPart ?? budgetInBracket ?? t).lead)}` : t.role === 'delta' ? `delta:${comparedWith(analysis, t)}${since}` : t.role === 'share-base' ? (BUDGET_BASE.test(t.lead) ? `budget:${budgetKind(t.lead)}` : 'amount') : t.role;
    // (`按单位分：部门本级70.00万元、…` under 政府采购: a unit's name alone says what of it only by its section.)
    // (`2.学前教育生均补助资金绩效自评情况。…项目全年预算数65.56万元`: a project's figure named only generically is its paragraph's.)
    // (`1.…（项）支出4611.37万元…。该科目年末结转和结余565.38万元。`: 该科目, 该项目 name the paragraph's own item.)
    // (Not `项目支出` itself, the department's spending on all its projects: `其中：…项目支出2293.31万元` and `从支出结构看，项目支出
    // 2293.3万元` in the next paragraph are one figure.)
    const projectFigure = PROJECT_FIGURE.test(t.subject) && t.subject !== '项目支出';
    // (`医疗风险基金年初余额…，年末余额91.49万元。事业基金年初余额…，年末余额930.90万元`: a balance named by no fund is its sentence's.)
    // (`上年结转的项目资金本年使用5546.25万元，按规定收回财政180.00万元`: what was returned of the money carried over, not all the year
    // returned.)
    const ofCarriedOver = RETURNED.test(t.subject) && CARRIED_OVER_USED.test(t.sentence.text.slice(0, t.token.span.start - t.sentence.span.start));
    const bodyScope = BODY_ONLY.test(t.subject) ? `section${t.sentence.section ?? ''}` : projectFigure || THIS_ITEM.test(t.subject) ? `paragraph${t.sentence.paragraph}` : BARE_BALANCE.test(t.subject) || ofCarriedOver ? `sentence${t.sentence.id}` : '';
    // (A part of one item's figure, `3.城区环卫作业市场化服务。项目全年预算3168.00万元，其中：本级财政资金1079.47万元…`, is that item's, as
    // its whole is: not the department's `本级财政资金3860.47万元` of all projects.)
    const ofItem = inList?.totals.get('amount') ?? inList?.totals.get('budget');
    // (Nor is a source of one 类/款/项's money, `…（项）决算2478.65万元，资金来源为：上年结转…312.50万元，本年财政拨款2166.15万元`, the
    // department's 财政拨款.)
    const itemOfSource = ofItem ?? sourcedOpening(analysis, t);
    const sourceOfItem = itemOfSource && itemOfSource !== t && CLASS_ITEM_NAME.test(itemOfSource.subject) && SOURCE_NAME.test(t.subject);
    // (Nor is its split by nature, `…基层司法业务（项）：支出决算109.75万元…；其中基本支出23.40万元，…项目支出86.35万元`, the department's.)
    // (So is that of a 三公 or meeting item: `会议费中基本支出列支3.72万元，项目支出列支10.63万元` and the 培训费's `项目支出列支4.45万元`.)
    const splitOfItem = ofItem && ofItem !== t && FUND_PART.test(t.subject.replace(/列支$/, '')) && (CLASS_ITEM_NAME.test(ofItem.subject) || (/列支$/.test(t.subject) && SPENT_ITEM.test(ofItem.subject)));
    const item = sourceOfItem ? `source-of-${itemOfSource.token.id}` : splitOfItem ? `split-of-${ofItem.token.id}` : ofItem && ofItem !== t && PER_ITEM.test(factKey(ofItem.subject)) ? itemScope(model, t, factKey(ofItem.subject)) || itemScope(model, t, key) : itemScope(model, t, key);
    const evaluation = evaluationScope(model, t, key);
    // (全口径 figures, and those said to include other money, are other quantities than the 财政拨款 ones of the same name.)
    const sources = allSourcesSentence(t.sentence) || (t.sentence.section !== undefined && sectionWord(model, t.sentence.section, ALL_SOURCES_HEADING, allSourceSections) !== '') ? 'all-sources' : '';
    // (`公用经费明细：…公务接待费1.92万元…` is 公开06表's item, paid from 基本支出; the 三公 `公务接待费2.65万元` counts projects' too.)
    // (`机关运行经费358.32万元中：…公务接待费6.28万元…` states the 机关's own item, not the 三公 `公务接待费16.82万元` of every unit and fund.)
    // (So does an item under a heading on 机关运行经费: `七、机关运行经费支出情况` / `- 公务接待费2.14万元，占2.8%；`.)
    const runningCost = runningCostItem(t, listTotal) || (t.role === 'amount' && !/机关运行经费/.test(t.subject) && t.sentence.section !== undefined && sectionWord(model, t.sentence.section, RUNNING_COST_HEADING, runningCostSections) !== '');
    // (`…项目支出2318.65万元，按部门预算支出经济分类，商品和服务支出1320.16万元…；对个人和家庭的补助321.70万元…`: the projects' economic
    // classes, not the 基本支出's of 公开06表.)
    const economic = !/项目支出$/.test(t.subject) && projectsByClass(t.sentence) ? 'economic-of-projects' : ECONOMIC_ITEMS.test(t.sentence.text) || ECONOMIC_TOTAL.test(listTotal) ? 'economic' : runningCost ? 'running-cost' : '';
    // (The scopes every key of the statement ends with: built once, so that no key leaves one out.)
    // (A 类's income, `1.教育支出（类）5603.69万元，占本年收入合计的82.69%`, is another figure than its spending.)
    const income = namesClassOrItem(t.subject) && (INCOME_BY_CLASS.test(t.sentence.text) || (t.sentence.section !== undefined && sectionWord(model, t.sentence.section, INCOME_SECTION, incomeSections) !== '')) ? 'income' : '';
    const beyond = beyondDepartmentBefore(t.sentence, t.token.span.start - t.sentence.span.start) || (t.sentence.section !== undefined && sectionWord(model, t.sentence.section, BEYOND_DEPARTMENT_HEADING, beyondSections) !== '') ? 'beyond' : '';
    // (`上年结转至本年的资金992.70万元，其中：基本支出结转6.20万元` opens the year; `基本支出结转4.85万元，占年末结转和结余的1.97%` closes it.)
    const balanceSide = BALANCE_SPLIT.test(key) ? balanceSideOf(t) : '';
    // (`委托业务费` of the 部门 classification and of the 政府 one, `50205 委托业务费` holding 劳务费 too, are two figures.)
    const classification = economic && governmentClassification(t.sentence) ? ':government' : '';
    // (`局本级本年收入合计…；本年支出合计1582.98万元…。支出中，基本支出412.95万元、项目支出1170.03万元`: one unit's split, not the department's.)
    const owner = inList ? (t !== inList.totals.get('amount') ? UNIT_TOTAL.exec(withoutDepartment(listTotal, model.department))?.[1] ?? '' : '') : ownerOfFrame(model, analysis, t);
    const scopes = `${evaluation}|${bodyScope}|${sources}|${economic}${classification}|${income}|${beyond}|${balanceSide}|${owner}`;
    // (An item of a part whose own list names its whole: `对个人和家庭的补助` of 人员经费 and of 项目支出 list different 生活补助.)
    const classTotal = inList?.totals.get('amount');
    const classList = classTotal && ECONOMIC_CLASS.test(classTotal.subject) ? listOf.get(classTotal) : undefined;
    const ofClass = classList ? `<${listScope(classList)}` : '';
    const fund = fundScope(model, t, key, fundSections);
    const group = `${role}|${t.year ?? ''}|${inList ? listScope(inList) + ofClass : openScope(t)}|${item}|${fund}|${scopes}`;
    // (A 类 of one fund's section and the same 类 of all funds: the fund's is at most the whole.)
    // (Not a 类 named as what a figure is wholly made of, `项目支出589.66万元（全部为公共安全支出（类）589.66万元…）`: the project spending
    // of that 类, not all of it.)
    // (Nor one listed under 基本支出 or 项目支出, `项目支出2619.37万元（其中：卫生健康支出（类）2599.93万元…）`: that split's share of it.)
    const ofSplit = /^(?:基本支出|项目支出)$/.test(classTotal?.subject ?? '');
    if (role === 'amount' && t.ownSubject && !approx && (fund === 'fund' || fund === '') && CLASS_NAME.test(key.replace(CLASS_MARK, '')) && !WHOLLY_MADE_OF.test(t.lead) && !ofSplit) {
      const both = `${t.year ?? ''}|${item}|${scopes}|${key}`;
      const byScope = fund === 'fund' ? ofOneFund : ofAllFunds;
      if (!byScope.has(both)) byScope.set(both, t);
    }
    const list = byGroup.get(group) ?? [];
    const statement: Statement = { token: t, key, group, list: inList?.id, approx };
    list.push(statement);
    // (`财政拨款收入、支出总计64,775.03万元` states `财政拨款收入总计` and `财政拨款支出总计`, each.)
    if (t.ownSubject) for (const side of sidesOf(subject)) list.push({ ...statement, key: factKey(side), joinedKey: key });
    byGroup.set(group, list);
    // (`一般公共预算财政拨款支出…，其中：基本支出6453.07万元` states the fund's 基本支出: `一般公共预算财政拨款基本支出6463.07万元` in
    // section 六 is held against it.)
    // (So does a bare total in that fund's section: `四、财政拨款收入支出决算总体情况说明` / `收入总计1524.89万元包括：…` states the
    // `财政拨款收入总计` the section opened with.)
    const fundNamed = t.ownSubject && (FUND_PART.test(t.subject) ? FUND_TOTAL.exec(listTotal)?.[1] : sectionTotalFund(model, t, key, fundSections));
    if (fundNamed && !approx) {
      const named = factKey(fundNamed + t.subject);
      const alias = `${role}|${t.year ?? ''}|${openScope(t)}|${item}|${fundScope(model, t, named, fundSections)}|${scopes}`;
      const others = byGroup.get(alias) ?? [];
      others.push({ token: t, key: named, group: alias });
      byGroup.set(alias, others);
    }
    // Only statements that name their quantity themselves (`车辆0台，0元` inherits its list's total's name).
    if (!t.ownSubject) continue;
    const whole = `${role}|${t.year ?? ''}|${item}|${scopes}|${key}`;
    const byKey = inList ? listed : alone;
    const same = byKey.get(whole);
    // A part's fund is the one its list's total names (looked up only for names stated both ways); in a list with no total,
    // its first part's (`一般公共预算财政拨款支出主要用于：农林水支出…；社会保障和就业支出…`).
    const scoped = { statement, fundOf: inList ? inList.totals.get('amount') ?? inList.totals.get('budget') ?? inList.parts.get('amount')?.[0] ?? t : t };
    if (same) same.push(scoped);
    else byKey.set(whole, [scoped]);
  }
  for (const [both, part] of ofOneFund) {
    const whole = ofAllFunds.get(both);
    if (!whole || part.token.unit !== whole.token.unit) continue;
    sink.add<LeClaim>({
      kind: 'le',
      origin: 'prose',
      identity: 'prose.fund-class',
      description: l(`${part.subject}：财政拨款支出不超过全部资金的支出`, `${part.subject}: spending from fiscal appropriations does not exceed spending from all funds`),
      span: part.token.span,
      part: operand(part.token, `${part.subject}（财政拨款）`),
      whole: operand(whole.token, `${whole.subject}（全部资金）`),
    });
  }
  restatedListParts(model, lists, listed, alone, sink);
  projectFacts(model, analysis, sink);
  for (const statements of byGroup.values()) {
    const firstByKey = new Map<string, Statement>();
    // The keys seen that end with a given key after one to three characters more: a loose match, one key ending with the
    // other after a qualifier, is looked up by the shorter key (not by a scan of every key so far).
    const longerBy = new Map<string, string[]>();
    const approximate: Statement[] = [];
    for (const s of statements) {
      if (s.approx) {
        approximate.push(s);
        continue;
      }
      const same = firstByKey.get(s.key);
      // (Two joined names are compared once, by the joined name, not again by each side; two joined names written otherwise,
      // `收入总计、支出总计` and `收、支总计`, by their first side.)
      if (same && s.joinedKey !== undefined && same.joinedKey !== undefined && (same.joinedKey === s.joinedKey || !/^收入/.test(s.key))) continue;
      if (same) {
        // `21个项目…涉及资金1056.42万元；1个项目…涉及资金2709.52万元`: items of one list.
        // (Nor a part restated in the bracket right after it: `部门本级支出600.00万元（部门本级支出620.00万元）`.)
        const restated = s.token.sentence === same.token.sentence && s.token.index === same.token.index + 1 && s.token.depth > same.token.depth;
        if ((same.list === undefined || same.list !== s.list || restated) && !countedClauses(model.text, analysis, same, s)) {
          // (The first statement a part of a list that adds up only with the later value: the first is the slip, reported.)
          emit(sink, same, s, false, false, undefined, sumHoldsWith(lists, same, operand(s.token.token, '')));
        }
        continue;
      }
      const loose = looseMatch(s.key, firstByKey, longerBy);
      if (loose && (loose.list === undefined || loose.list !== s.list) && !shareOfOther(model.text, loose, s)) emit(sink, loose, s, true);
      firstByKey.set(s.key, s);
      for (let q = 1; q <= 3 && s.key.length - q >= 4; q++) {
        const tail = s.key.slice(q);
        const longer = longerBy.get(tail);
        if (longer) longer.push(s.key);
        else longerBy.set(tail, [s.key]);
      }
    }
    // (`收、支总计近3,300万元` in the overview and `收入总计3377.35万元` further on: an approximation is held against the
    // exact statement of its name wherever that stands.)
    for (const s of approximate) {
      const same = firstByKey.get(s.key);
      const exact = same ?? looseMatch(s.key, firstByKey, longerBy);
      if (exact && (exact.list === undefined || exact.list !== s.list) && (same || !shareOfOther(model.text, exact, s))) emit(sink, exact, s, !same);
    }
  }
}

/**
 * `财政拨款收入、支出总计` (or `收入总计、支出总计`) → 财政拨款收入总计, 财政拨款支出总计: the two quantities a joined name states (none
 * for any other name).
 */
function sidesOf(subject: string): string[] {
  const joined = /^(.*)收入、支出(.+)$/.exec(subject);
  if (joined) return [`${joined[1]}收入${joined[2]}`, `${joined[1]}支出${joined[2]}`];
  // (`收入总计、支出总计均近1.7亿元`: each side named in full.)
  const both = /^(.*)收入(.+)、\1?支出\2$/.exec(subject);
  return both ? [`${both[1]}收入${both[2]}`, `${both[1]}支出${both[2]}`] : [];
}

/**
 * `“良”的项目1个，涉及资金14800.88万元；“中”的项目2个，涉及资金13750.37万元`: clauses of one sentence that each count their own
 * items state the money of each, not one figure twice (the same list, unmarked).
 */
function countedClauses(text: string, analysis: ProseAnalysis, a: Statement, b: Statement): boolean {
  // (Neighbouring clauses only: a sentence of thousands of figures must not be walked once per pair.)
  if (a.token.sentence !== b.token.sentence || b.token.index - a.token.index > MAX_CLAUSE_TOKENS) return false;
  const tokens = analysis.bySentence.get(a.token.sentence.id) ?? [];
  let counted = false;
  for (let k = a.token.index + 1; k < b.token.index && !counted; k++) counted = tokens[k].role === 'count';
  if (!counted) return false;
  for (let i = a.token.token.span.end; i < b.token.token.span.start; i++) if (text[i] === '；' || text[i] === ';') return true;
  return false;
}
/** A figure of a `分别` run of two or more under one name: `分别获得奖补资金55.60万元、52.30万元` (not `基本支出和项目支出分别约为x和y`). */
function inRespectiveRun(tokens: ProseToken[], t: ProseToken): boolean {
  const starts = runStartsOf.of(tokens, runStarts);
  const k = starts[t.index];
  return RESPECTIVELY.test(tokens[k].lead) && (k < t.index || (t.index + 1 < tokens.length && starts[t.index + 1] === k));
}

/**
 * Where the run of each figure of a sentence starts: the run goes on over a figure of the same role and name joined by `、`, `和`…
 * (found once per sentence: a run of thousands of figures stays linear).
 */
function runStarts(tokens: ProseToken[]): Int32Array {
  const starts = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const [prev, t] = [tokens[i - 1], tokens[i]];
    starts[i] = prev !== undefined && prev.role === t.role && prev.subject === t.subject && /^[、，,和及]$/.test(t.lead) ? starts[i - 1] : i;
  }
  return starts;
}
const runStartsOf = new LintMemo<ProseToken[], Int32Array>();

/** How many figures apart two counted clauses' amounts may stand (a grade's count, funds and shares, and the next grade's). */
const MAX_CLAUSE_TOKENS = 12;

/** `教育事业收入16234.08万元，占事业收入的90.18%`: the longer name states its share of the shorter, so it is a part of it. */
function shareOfOther(text: string, a: Statement, b: Statement): boolean {
  const [part, whole] = a.key.length > b.key.length ? [a, b] : [b, a];
  const end = part.token.token.unitSpan?.end ?? part.token.token.span.end;
  const after = text.slice(end, end + 40);
  const at = after.indexOf('占');
  return at >= 0 && !/[。；;]/.test(after.slice(0, at)) && after.slice(at + 1).replace(/^(?:其|该|全部)?/, '').startsWith(whole.key);
}

/**
 * A named project's figures, `（6）教育信息化建设项目，支出49.74万元` in the 项目支出 list and `项目名称：教育信息化建设项目。…
 * 实际支出49.84万元` in its 绩效 section: the name says which quantity wherever it is stated, so the list and paragraph
 * scopes that part other statements do not part these. They only warn: a 绩效 section may count the project's other money.
 */
function projectFacts(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  const first = new Map<string, Statement>();
  const bodies = new Map<number, string>();
  for (const t of analysis.tokens) {
    const figure = projectFigure(t);
    if (!figure) continue;
    // (Two bodies' projects of one name, under `（一）…局本级` and `（二）…中心`, are two projects.)
    const body = bodyOf(model, t.sentence.section, bodies);
    const sources = allSourcesSentence(t.sentence) ? 'all-sources' : '';
    const group = `project|${figure.measure}|${t.year ?? ''}|${body}|${sources}`;
    const statement: Statement = { token: t, key: figure.name, group };
    const key = `${group}|${figure.name}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, statement);
    else emit(sink, earlier, statement, false, true, t.role === 'amount' ? `${figure.name}支出` : figure.name);
  }
}

/** A figure of a project named by its own name: what was spent on it, or its budget (年初 or 全年). */
export function projectFigure(t: ProseToken): { name: string; measure: 'spent' | 'budget:initial' | 'budget:adjusted' | 'budget:' } | undefined {
  const measure = t.role === 'amount' ? (PROJECT_SPENT.test(t.lead.trim()) ? 'spent' : undefined) : t.role === 'budget' ? (`budget:${budgetKind(t.lead)}` as const) : undefined;
  if (!measure) return undefined;
  const name = PROJECT_NAME.exec(t.subject)?.[1];
  return name && !GENERIC_PROJECT.test(name) ? { name, measure } : undefined;
}

/** What was spent on a project: `支出`, `实际支出`, `全年执行数为`, `支出决算为` (not `资金`, `安排`, `拨付`). */
const PROJECT_SPENT = /^(?:全年|本年|年度|当年)?(?:实际)?(?:支出(?:决算)?|执行|决算)(?:数|额|金额)?(?:为|是|达)?$/;
/** A project by its own name (`项目名称：…项目`, `“…”项目`); not `该项目`, `21个项目`, `其他项目`. */
export const PROJECT_NAME = /^([^，,。；;：:\s]{3,30}项目)$/;
const GENERIC_PROJECT = /个|^(?:其他|其余|该|本|各|上述|以上|所有|全部|部分|重点|专项|一般|具体|相关|这些|此|其中|以下|下列)/;

/** The nearest section around `section` whose heading is only a body's name (`（一）…局本级`), '' for none; memoised. */
function bodyOf(model: DocumentModel, section: number | undefined, memo: Map<number, string>): string {
  if (section === undefined) return '';
  let body = memo.get(section);
  if (body === undefined) {
    const { title, parent } = model.sections[section];
    body = BODY_ONLY.test(title.replace(HEADING_MARK, '')) ? `body${section}` : bodyOf(model, parent, memo);
    memo.set(section, body);
  }
  return body;
}

/**
 * The earlier statement a new key matches loosely, among the earlier keys of its ending (in order of
 * first statement): the longest key it ends with after a qualifier; else one that ends with it after a
 * qualifier of one to three characters, the shortest qualifier first and, of equals, the latest.
 */
function looseMatch(key: string, firstByKey: Map<string, Statement>, longerBy: Map<string, string[]>): Statement | undefined {
  // A shorter key (four characters at least) the key ends with after a qualifier: the longest.
  for (let cut = 1; key.length - cut >= 4; cut++) {
    const other = key.slice(cut);
    if (firstByKey.has(other) && qualifierOnly(key.slice(0, cut))) return firstByKey.get(other);
  }
  // A longer key ending with it after a qualifier of one to three characters: the nearest in length, the latest stated.
  const longer = longerBy.get(key) ?? [];
  for (let q = 1; q <= 3; q++) {
    for (let k = longer.length - 1; k >= 0; k--) {
      if (longer[k].length - key.length === q && qualifierOnly(longer[k].slice(0, q))) return firstByKey.get(longer[k]);
    }
  }
  return undefined;
}

/**
 * The fund a statement's own sentence (up to it) or, failing that, its nearest section names
 * (`一般公共预算财政拨款基本支出` → 一般公共预算), '' for none.
 */
function fundOf(model: DocumentModel, t: ProseToken | undefined, memo: Map<number, string>): string {
  if (!t) return '';
  if (NON_FISCAL_LABEL.test(t.sentence.text)) return '非财政拨款';
  // The first fund word: 一般公共预算财政拨款 is 一般公共预算, 财政拨款 alone all fiscal funds.
  // (In the token's own `；`-clause: `…以政府性基金预算财政拨款收入为主，占比近八成；事业收入超过900万元` names no fund of 事业收入.)
  // (The sentence's `；` and fund words found once: a sentence of thousands of parts is read once, not once per part.)
  const { semicolons, funds } = fundWordsOf.of(t.sentence, () => ({
    semicolons: [...t.sentence.text.matchAll(/[；;]/g)].map((m) => t.sentence.span.start + m.index!),
    funds: [...t.sentence.text.matchAll(new RegExp(FUND_WORDS.source, 'g'))].map((m) => ({ start: t.sentence.span.start + m.index!, end: t.sentence.span.start + m.index! + m[0].length, word: m[0] })),
  }));
  const end = t.token.span.end;
  const before = lowerBound(semicolons, (at) => at, end) - 1;
  const from = before >= 0 ? semicolons[before] + 1 : t.sentence.span.start;
  const first = funds[lowerBound(funds, (f) => f.start, from)];
  const own = first && first.end <= end ? first.word : undefined;
  if (own || t.sentence.section === undefined) return own ?? '';
  const note = fundTableNote(model, t.sentence);
  if (note) return note === 'T07' ? '政府性基金' : '国有资本经营';
  return sectionWord(model, t.sentence.section, FUND_WORDS, memo);
}
const fundWordsOf = new LintMemo<Sentence, { semicolons: number[]; funds: Array<{ start: number; end: number; word: string }> }>();

/**
 * `…基本支出500.00万元，其中：人员经费450.00万元…` and elsewhere `人员经费为455.00万元`: a part of a list
 * restated on its own. The list gives the part a scope the lone statement does not name, so the
 * pair is only compared when every list states the part alike (one value) and the lone statement's
 * words or section name the same fund as the list's total (政府性基金's 年末结转和结余 is not the
 * department's); and then it only warns.
 */
function restatedListParts(model: DocumentModel, lists: ProseList[], listed: Map<string, ScopedStatement[]>, alone: Map<string, ScopedStatement[]>, sink: ClaimSink): void {
  const sectionFunds = new Map<number, string>();
  const fund = (s: ScopedStatement) => fundOf(model, s.fundOf, sectionFunds);
  for (const [whole, lone] of alone) {
    const parts = listed.get(whole)?.filter((p) => !p.statement.approx);
    if (!parts?.length) continue;
    // (A name that holds its fund, `财政拨款收入` of 收入合计, is that fund's wherever it is stated; other names are set
    // against the parts of the lone statement's fund only: `公务接待费1.29万元` among 公用经费's items is not the 三公 one.)
    const named = FUND_WORDS.test(parts[0].statement.token.subject);
    // The first lone statement that differs from the parts of its fund, when those agree (one finding names the
    // conflict; the others repeat it).
    const valueOf = (s: ScopedStatement) => operand(s.statement.token.token, '');
    for (const o of lone) {
      const same = named ? parts : parts.filter((p) => fund(p) === fund(o));
      if (same.length === 0) continue;
      const value = valueOf(same[0]);
      const agree = same.every((p) => compareValues(valueOf(p), value) === 0);
      // (Each approximation is held against the parts, `近1.51亿元` within its own range.)
      if (o.statement.approx) {
        if (agree) emit(sink, same[0].statement, o.statement, false, true);
        continue;
      }
      if (!agree || compareValues(valueOf(o), value) === 0) continue;
      // (`其中：…，本年财政拨款收入6866.68万元` whose list's total it breaks, against `财政拨款收入6856.68万元` that keeps it: the part is
      // the slip, and the finding goes on it.)
      emit(sink, same[0].statement, o.statement, false, true, undefined, same.length === 1 && sumHoldsWith(lists, same[0].statement, valueOf(o)));
      break;
    }
  }
}

/** The statement's list does not add up with its value and does with `value` in its place (so it is not `value`). */
function sumHoldsWith(lists: ProseList[], part: Statement, value: Operand): boolean {
  const list = part.list !== undefined ? lists[part.list] : undefined;
  const total = list?.totals.get('amount');
  const members = list?.parts.get('amount') ?? [];
  if (!total || members.length < 2 || !members.includes(part.token)) return false;
  const whole = operand(total.token, '');
  const own = members.map((m) => operand(m.token, ''));
  const replaced = members.map((m, k) => (m === part.token ? value : own[k]));
  return !checkSum(whole, own).ok && checkSum(whole, replaced).ok;
}

function emit(sink: ClaimSink, first: Statement, second: Statement, looseMatch: boolean, soft = false, name?: string, firstIsOdd = false): void {
  const a = first.token;
  const b = second.token;
  const role = { amount: '', budget: '预算', delta: '变动额', 'change-rate': a.direction === 'down' ? '下降率' : '增长率' }[a.role as 'amount' | 'budget' | 'delta' | 'change-rate'];
  // (A rate is named as one: `收入总计增长率`, not `收入总计`, which is an amount.)
  if (a.role === 'change-rate') name ??= `${a.subject}${role}`;
  sink.add<FactClaim>({
    kind: 'fact',
    origin: 'prose',
    identity: 'prose.fact',
    description: l(`同一数据两处表述：${name ?? a.subject}${a.role === 'change-rate' ? '' : role}`, `the same figure stated twice: ${name ?? a.subject}`),
    span: b.token.span,
    key: `${first.group}|${first.joinedKey ?? first.key}`,
    a: operand(a.token, name ?? a.subject),
    b: operand(b.token, name ?? b.subject),
    looseMatch,
    soft,
    approx: second.approx,
    firstIsOdd: firstIsOdd || undefined,
  });
}

/** The figure a bracketed figure's bracket follows: the nearest before it at a lesser depth. */
function outerFigure(tokens: ProseToken[], t: ProseToken): ProseToken | undefined {
  for (let k = t.index - 1; k >= 0; k--) if (tokens[k].depth < t.depth) return tokens[k];
  return undefined;
}

/** Whether the sentence names another amount of another value as the token (one after each count: each item's). */
function namedAgainInSentence(analysis: ProseAnalysis, t: ProseToken): boolean {
  if (t.ownSubject && t.subject.length > 6) return false;
  const tokens = analysis.bySentence.get(t.sentence.id) ?? [];
  // (The amounts of each name, and the counts before each token, gathered once per sentence.)
  const { byName, countsBefore } = sentenceIndex.of(tokens, () => {
    const byName = new Map<string, ProseToken[]>();
    const countsBefore: number[] = [];
    let counts = 0;
    for (const o of tokens) {
      countsBefore.push(counts);
      if (o.role === 'count') counts++;
      // (Own names and inherited ones apart: a figure named by its heading is not one named in the sentence.)
      const name = `${o.ownSubject}|${o.subject}`;
      if (o.role === 'amount') byName.set(name, [...(byName.get(name) ?? []), o].slice(-8));
    }
    return { byName, countsBefore };
  });
  return (byName.get(`${t.ownSubject}|${t.subject}`) ?? []).some((o) => o !== t && !o.token.value.eq(t.token.value) && (countsBefore[Math.max(o.index, t.index)] > countsBefore[Math.min(o.index, t.index)] || ownClauses(t.sentence.text, t.sentence.span.start, o, t)));
}

/**
 * `…对2023年度7个…项目开展绩效自评，涉及资金4164.18万元；对城镇老旧小区改造项目开展重点绩效评价，涉及资金2768.07万元`: the later of
 * two figures of one name opens a `；`-clause that says what it is about before naming it.
 */
function ownClauses(text: string, offset: number, a: ProseToken, b: ProseToken): boolean {
  const [first, second] = a.index < b.index ? [a, b] : [b, a];
  const gap = text.slice(first.token.span.end - offset, second.token.span.start - offset);
  const clause = gap.slice(Math.max(gap.lastIndexOf('；'), gap.lastIndexOf(';')) + 1);
  return clause.length < gap.length && (clause.replace(second.lead, '').match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 4;
}
/** A change named in its own words, or the rate of such a change: `临时救助支出同比增加326.15万元，增长67.07%`. */
function namedChange(analysis: ProseAnalysis, t: ProseToken): boolean {
  if (t.role === 'delta') return t.ownSubject;
  const before = analysis.bySentence.get(t.sentence.id)?.[t.index - 1];
  return t.role === 'change-rate' && (t.ownSubject || (before?.role === 'delta' && before.ownSubject && before.subject === t.subject));
}

/** The parts of lists named as their whole with another figure, and each such name by paragraph (`paragraph|name`). */
function homonymsOfWholes(lists: ProseList[]): { homonyms: Set<ProseToken>; homonymNames: Set<string> } {
  const homonyms = new Set<ProseToken>();
  const homonymNames = new Set<string>();
  for (const list of lists) {
    const total = list.totals.get('amount');
    if (!total) continue;
    for (const t of list.members) {
      // (Not the whole named again after its parts, `…，收支总计4068.04万元`: the same figure, a slip if it differs.)
      if (t === total || t.role !== 'amount' || !t.ownSubject || t.subject !== total.subject || t.token.value.eq(total.token.value) || /总计|合计|共计|总额/.test(t.subject)) continue;
      homonyms.add(t);
      homonymNames.add(`${t.sentence.paragraph}|${t.subject}`);
    }
  }
  return { homonyms, homonymNames };
}

const sentenceIndex = new LintMemo<ProseToken[], { byName: Map<string, ProseToken[]>; countsBefore: number[] }>();

/** The grade named between the count before a figure and it (`1个项目评为“优”，涉及资金…` → `“优”`), or ''. */
function gradeBefore(analysis: ProseAnalysis, t: ProseToken): string {
  const tokens = analysis.bySentence.get(t.sentence.id) ?? [];
  let k = t.index - 1;
  // (A few figures back at most: a grade names the count just before its figures.)
  while (k >= 0 && k >= t.index - 6 && tokens[k].role !== 'count') k--;
  if (k < 0 || k < t.index - 6) return '';
  const from = k >= 0 ? Math.max(0, tokens[k].token.span.start - 16 - t.sentence.span.start) : 0;
  const words = t.sentence.text.slice(from, t.token.span.start - t.sentence.span.start);
  const grade = [...words.matchAll(/[“"](优秀?|良好?|中|合格|不合格|差|较差)[”"]/g)].at(-1)?.[1];
  return grade ? `“${grade}”` : '';
}
