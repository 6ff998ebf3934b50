// 占X% claims (prose.md §2): the part is the number the share follows, the base is the quantity
// named after 占 (占本年支出合计的) or, unnamed, the total of the list or sentence the part is in.
import { compareBeyondRounding, exact, isMoney, operand, sumOperand } from '../../arith/interval';
import { withChanges } from '../../arith/operand';
import { l } from '../../messages';
import type { DocumentModel, ShareClaim, Span, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { finestOf, finestStatement, firstAtOrAfter, type ProseList } from './lists';
import { budgetOfParts, peerMembers, sameMember } from './sums';
import { COUNTED_TOTAL, FUND_PREFIXES, OWNER_WORDS, grandTotalKind, namedBeforeRespectively, namesAlone, normalizeSubject, subjectsMatch, type SubjectIndex } from './subjects';
import { between, PART_AFTER_SHARE, reasonBefore, SHARE_PART_NAME, type ProseAnalysis, type ProseToken } from './tokens';
import { LintMemo } from '../../lint-memo';
import { lowerBound } from '../../text/search';
import { FUND_LABEL, FUND_ONLY_HEADING, FUND_WORDS, NON_FISCAL_LABEL } from '../../text/sources';

export interface ShareContext {
  analysis: ProseAnalysis;
  lists: ProseList[];
  /** The innermost list holding each token. */
  listOf: Map<ProseToken, ProseList>;
  subjects: SubjectIndex;
  /** Totals a list opened at the end of an earlier sentence (`…66167.07万元，其中：`), by paragraph range. */
  pending: Array<{ total: ProseToken; role: 'amount' | 'count'; from: number; until: number }>;
  text: string;
  /** The reporting department's name (DocumentModel.department), if found. */
  department?: string;
  /** The document's sections (their headings name the 类 of `本类支出`). */
  sections: DocumentModel['sections'];
  /** The report's year, when the text names it: figures dated otherwise are another year's. */
  reportYear?: number;
}

const FISCAL_SPENDING = '一般公共预算财政拨款支出';

/** Words naming who states a figure, not which part of it. */
const OWNER = new RegExp(`^(?:${OWNER_WORDS}|部门|单位)`);
/** A unit named in full before its own figure (`龙泉镇政府采购支出总额`, `市住建局…`, `和平里街道…`). */
const NAMED_UNIT = /^[\u4e00-\u9fff]{1,10}(?:镇|乡|街道|局|委|院|学校|中心|办事处|政府)$/;

// (Not money named by its 数: `占自评项目执行数的79.78%`, `决算数`, `预算数`.)
const COUNT_BASE = /(?<!执行|决算|预算|结算|支出|收入|发生|实际|拨付|到位|资金)数$|总数|个数|人数|次数|批次/;

/**
 * Words before a base's name that leave it the report's own (a short qualifier, the owner's words, the unit's own name):
 * in a department's report, another unit's name (`…农业技术推广中心本年支出合计`) makes it that unit's.
 */
function ownPrefix(ctx: ShareContext, prefix: string): boolean {
  const words = prefix.replace(OWNER, '');
  const named = NAMED_UNIT.exec(words);
  if (named && ctx.department !== undefined && !ctx.department.endsWith(named[0]) && !named[0].endsWith(ctx.department)) return false;
  return words.replace(NAMED_UNIT, '').length <= 2;
}

/** Whether a section is (under) a heading naming one fund's money only: its `本年支出` is that money's, no whole of the department's. */
function underFundOnly(ctx: ShareContext, section: number | undefined): boolean {
  for (let s = section; s !== undefined; s = ctx.sections[s].parent) if (FUND_ONLY_HEADING.test(ctx.sections[s].title)) return true;
  return false;
}

/**
 * A part of one fund's figure, named without the fund: `一般公共预算财政拨款支出57.85万元…。其中：基本支出50.90万元…；项目支出6.95万元`
 * is that money's 项目支出, not the `本年项目支出` a share of money not named as the fund's names elsewhere.
 */
function partOfFund(ctx: ShareContext, t: ProseToken): boolean {
  const total = ctx.listOf.get(t)?.totals.get('amount');
  // (Of the department's fund money, 财政拨款: `全县一般公共预算支出19.85亿元，其中文化旅游体育与传媒支出0.86亿元` is the county's budget,
  // its 类 the county's own.)
  return total !== undefined && total !== t && /财政拨款/.test(total.subject) && !FUND_WORDS.test(t.subject);
}

/** Words before a name that keep it the same quantity: none, the department's own, or a government's level (`市级`, `全县`). */
const LEVEL_OR_OWNER = new RegExp(`^(?:${OWNER_WORDS}|本级|全?[省市县区]级?|全[省市县区])?$`);

/** `该款支出`, `本类支出`: the 类/款/项 the sentence named before. */
const THAT_LEVEL = /^(?:该|本|所在)(类|款|项)(?:支出)?(?:合计|总额)?$/;

/** A line holding only a 类/款/项's name (`**2. 卫生健康支出（类）**`, `（二）住房保障支出（类）`) in [from, at): the nearest. */
function levelLineBefore(text: string, at: number, from: number, level: string): string | undefined {
  const line = new RegExp(`^[\\s*#>]*(?:\\d{1,2}[.、．]|[（(][\\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?\\s*\\**\\s*([\\u4e00-\\u9fff“”]{2,30}[（(]${level}[)）])\\s*\\**\\s*$`);
  let end = text.lastIndexOf('\n', at - 1);
  for (let k = 0; end > from && k < MAX_SENTENCES_BACK; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const found = line.exec(text.slice(start, end));
    if (found) return found[1];
    end = start - 1;
  }
  return undefined;
}

/** How far back `本类支出` looks for its 类 (item paragraphs run to a dozen or two under one 类). */
const MAX_SENTENCES_BACK = 40;

/** The words between 占 and the number: `占本年支出合计的` → 本年支出合计. */
function baseWords(lead: string): string {
  const at = lead.lastIndexOf('占');
  if (at < 0) return '';
  // (`占比由2016年的72.5%变为…`: a share's change names no base.)
  if (/^(?:比例?|比重)?(?:由|从)(?:19|20)\d\d年/.test(lead.slice(at + 1))) return '';
  return lead.slice(at + 1).replace(/比例|比重|分别|的|为|达|^比/g, '');
}

/** The part a share is of: an amount, a count (`占项目总数的`), or either when the base is not named (`优的项目12个，占80%`). */
type PartKind = 'amount' | 'count' | 'either';

const SHARE_BEFORE_PART = /^的[^，,；;。：:\d]{2,30}$/;

/** `…计入年末结转和结余`, `包含在…`: the words before the figure a part went into. */
const CONTAINER_LEAD = /^(?:计入|纳入|列入|并入|包含在|包括在)/;

/** `项目支出占本年支出合计的`: the part a share names in its own clause, before 占. */
const PART_BEFORE_SHARE = /^[，,]?\s*([^，,；;。\d]{2,16}?)占/;

function findPart(sentenceTokens: ProseToken[], share: ProseToken, want: PartKind, text: string, regionStart: number): ProseToken | undefined {
  // `基本支出占56.91%（3678.53万元）`: the part in brackets right after its share.
  const next = sentenceTokens[share.index + 1];
  // (`基本支出占28.53%，为3159.42万元`: or in the clause right after it.)
  if (next && PART_AFTER_SHARE.test(next.lead) && (next.role === want || (want === 'either' && next.role === 'amount'))) return next;
  // (`占比14.60%的社会保障和就业支出（类）243.31万元`: or named right after it, the share qualifying it.)
  if (next && SHARE_BEFORE_PART.test(next.lead) && next.role === 'amount' && want !== 'count') return next;
  let gapEnd = share.token.span.start;
  // Brackets closed between a figure and the share, not opened again: the figure details another
  // (`财政拨款收入500.12万元（其中，…国有资本经营预算0万元），占收入合计96.35%`: the share is 500.12's).
  let closed = 0;
  // A part stands within a few numbers of its share (占X%，占Y% may follow it); never a long walk.
  for (let i = share.index - 1; i >= 0 && i >= share.index - 8; i--) {
    const t = sentenceTokens[i];
    // A share inside a 其中 list is about an item of that list, never about the total before it.
    if (t.token.span.start < regionStart) return undefined;
    const gap = text.slice(t.token.span.end, gapEnd);
    // The part stands in the same list item: no `；` between it and the share (checked gap by gap).
    if (/[；;]/.test(gap)) return undefined;
    gapEnd = t.token.span.start;
    // (Read backwards, as the walk goes: `占本部门项目支出总额（含非财政拨款资金）7426.99万元的…` opens and closes its note.)
    for (let k = gap.length - 1; k >= 0; k--) {
      const c = gap.charCodeAt(k);
      if (c === 0xff09 || c === 0x29) closed++;
      else if ((c === 0xff08 || c === 0x28) && closed > 0) closed--;
    }
    if (closed > 0) continue;
    if (t.role === want || (want === 'either' && (t.role === 'amount' || t.role === 'count'))) {
      // (`年末专项资金结余545.01万元计入年末结转和结余561.34万元，占年末结转和结余的97.09%`: the figure the part went into is its whole.)
      if (CONTAINER_LEAD.test(t.lead)) continue;
      // (`收入总计约2400万元，…，项目支出占本年支出合计的一半以上`: a share naming its own part in its clause is not of a figure
      // of another name in an earlier clause.)
      // (So does one of tenths after a name, `授予中小企业合同金额近八成`.)
      const ownPart = PART_BEFORE_SHARE.exec(share.lead)?.[1] ?? (share.approx && share.ownSubject && !/占/.test(share.lead) ? share.subject : undefined);
      if (ownPart && t.subject && !t.subject.includes(ownPart) && !ownPart.includes(t.subject) && /[，,]/.test(text.slice(t.token.span.end, share.token.span.start))) return undefined;
      return headOfRun(sentenceTokens, t) ?? t;
    }
  }
  return undefined;
}

/**
 * `涉及资金3124.20万元，分别为2615.83万元和508.37万元，占…的95.63%`: the last of a 分别 run, its name the figure's before the run, is a
 * share's part through that figure, the run's whole.
 */
function headOfRun(tokens: ProseToken[], last: ProseToken): ProseToken | undefined {
  if (last.ownSubject || !/^[、和及]$/.test(last.lead)) return undefined;
  let k = last.index;
  while (k > 0 && /^[、和及]$/.test(tokens[k].lead) && tokens[k - 1].role === last.role) k--;
  const head = tokens[k - 1];
  if (!/分别(?:为|是)$/.test(tokens[k].lead) || !head || head.role !== last.role || !head.ownSubject || head.subject !== last.subject || head.token.unit !== last.token.unit) return undefined;
  return head;
}

/** `2024年度“三公”经费支出决算中，…占0%；…占100%`: the opening clause names the base. */
const frames = new LintMemo<object, string>();

function frameSubject(ctx: ShareContext, share: ProseToken): string {
  // Once per sentence: a sentence of thousands of shares must not be split thousands of times.
  let frame = frames.get(share.sentence);
  if (frame === undefined) {
    frame = computeFrame(ctx, share);
    frames.set(share.sentence, frame);
  }
  return frame;
}

function computeFrame(ctx: ShareContext, share: ProseToken): string {
  const sentence = share.sentence;
  const cut = sentence.text.search(/[，,：:]/);
  const first = cut < 0 ? sentence.text : sentence.text.slice(0, cut);
  const tokens = ctx.analysis.bySentence.get(sentence.id) ?? [];
  if (tokens.some((t) => t.token.span.start < sentence.span.start + first.length)) return '';
  return normalizeSubject(first.replace(/(?:主要)?用于.*$|(?:主要)?(?:体现|包括)在?.*$/, ''));
}

/** How far after a share that named its base a bare share may take that base (characters: a few `；` clauses). */
const MAX_SAME_BASE_GAP = 400;

/** A share that names no base: `占`, `占比`, `，占比为`. */
/** Whether the token's line is a bullet (`- `, `• `). */
function inBullet(text: string, t: ProseToken): boolean {
  const lineStart = text.lastIndexOf('\n', t.sentence.span.start - 1) + 1;
  return BULLET_LINE.test(text.slice(lineStart, lineStart + 6));
}
const BULLET_LINE = /^\s*[-*+•·]\s/;
const BARE_SHARE = /^[，,；;]?\s*占(?:比)?(?:为)?$/;

/** A bracketed note closing a name: `（含财政拨款、事业收入等各类资金）`. */
const TRAILING_NOTE = /\s*[（(][^（）()]*[)）]$/;

/** Where each `；` clause of a sentence starts, found once. */
const semicolons = new LintMemo<object, number[]>();
/** Where each `；` clause of a sentence after its first starts (found once per sentence). */
function clauseBreaks(sentence: ProseToken['sentence']): number[] {
  return semicolons.of(sentence, () => [...sentence.text.matchAll(/[；;]/g)].map((m) => sentence.span.start + m.index! + 1));
}
/** A sentence's first amount and first count, found once. */
const firstOfRole = new LintMemo<ProseToken[], { amount?: ProseToken; count?: ProseToken }>();

function resolveBase(ctx: ShareContext, share: ProseToken, part: ProseToken, named: string, wantCount: boolean, siblings: ProseToken[] = []): { base: ProseToken; group: string } | undefined {
  const role = wantCount ? 'count' : 'amount';
  // (`基本支出11661.63万元，…。人员经费9478.26万元，占81.28%；公用经费2183.37万元，占18.72%。`: bare shares whose parts add up exactly
  // to a figure just before are of that figure, whatever list or frame the words around them open.)
  const summed = wantCount || namedBase(share.lead) !== '' ? undefined : wholeOfSharedParts(ctx, share);
  if (summed) return { base: summed, group: `summed${summed.token.id}:${share.sentence.id}` };
  // `占支出总额1234.56万元的48.60%`: the base stands right before the share (or its run: `…的93.56%和6.44%`).
  const previous = inlineBase(ctx.analysis.bySentence.get(share.sentence.id) ?? [], share);
  if (previous) return { base: previous, group: `inline${previous.token.id}` };
  // (`公共卫生（款）支出12,024.54万元，…；其中基本公共卫生服务（项）7,521.89万元，占该款支出的62.6%`: the 款 the sentence named.)
  const level = role === 'amount' ? THAT_LEVEL.exec(named) : null;
  if (level) {
    const mark = new RegExp(`[（(]${level[1]}[)）](?:支出)?$`);
    const sentence = ctx.analysis.bySentence.get(share.sentence.id) ?? [];
    for (let i = part.index - 1; i >= 0; i--) {
      if (sentence[i].role === 'amount' && mark.test(sentence[i].subject)) return { base: sentence[i], group: `level${sentence[i].token.id}` };
    }
    // (`卫生健康支出中，…（款）3412.00万元，占该类支出的55.97%`: the 类 the sentence's opening clause names.)
    const frame = frameSubject(ctx, share).replace(/中$/, '');
    const framed = frame ? ctx.subjects.find(`${frame}（${level[1]}）`, share.token.span.start, (t) => t.role === 'amount' && t.year === undefined && mark.test(t.subject)) : undefined;
    if (framed) return { base: framed, group: `level${framed.token.id}` };
    // (`1.卫生健康支出（类）2,145.07万元。` then item paragraphs `“事业单位医疗”（项）支出…，占本类支出的41.04%`: the last one named
    // before, in the section; or named by a line of its own, `**2. 卫生健康支出（类）**`, and stated elsewhere.)
    const section = share.sentence.section;
    const from = section !== undefined ? ctx.sections[section].span.start : 0;
    let before: ProseToken | undefined;
    for (let id = share.sentence.id - 1, seen = 0; id >= 0 && seen < MAX_SENTENCES_BACK && !before; id--, seen++) {
      const tokens = ctx.analysis.bySentence.get(id) ?? [];
      if (tokens[0] && tokens[0].sentence.section !== section) break;
      before = [...tokens].reverse().find((t) => t.role === 'amount' && mark.test(t.subject) && t.year === undefined);
    }
    const line = levelLineBefore(ctx.text, share.sentence.span.start, Math.max(from, before?.token.span.end ?? 0), level[1]);
    const headed = line ? ctx.subjects.find(normalizeSubject(line), share.token.span.start, (t) => t.role === 'amount' && t.year === undefined && mark.test(t.subject)) : undefined;
    const base = headed ?? before;
    if (base) return { base, group: `level${base.token.id}` };
    return undefined;
  }
  const list = ctx.listOf.get(part);
  // (Or the budget its parts break down, named without the word: `项目全年预算2355.00万元，其中：本级财政资金1184.27万元，占50.29%`.)
  const listTotal = list?.totals.get(role) ?? (list && role === 'amount' ? budgetOfParts(list) : undefined);
  if (named) {
    // A count share's base is the list's count (`共对22个项目…其中：…21个，占项目总数比例95.45%`).
    // Inside its list, a base may shorten the list's total (`一般公共预算财政拨款基本支出…，其中：人员经费…，
    // 占基本支出的88.24%`): the list scopes the name. A base naming more than the total is another quantity.
    // `占…支出总额的` names a total introduced as `…支出X万元` just as well.
    const bare = named.replace(/(?:总额|总数|总和|合计|总计)$/, '');
    // (`共涉及资金100.00万元，其中：…涉及资金60.00万元，占涉及资金总额的60.00%`: the total the list's items share a name with.)
    // (`本部门基本支出（含财政拨款、事业收入…等各类资金）262487.41万元，其中：…占基本支出的74.93%`: the total's name is the words
    // before its bracketed note.)
    const totalName = listTotal?.subject.replace(TRAILING_NOTE, '') ?? '';
    // (Not a name of all 财政拨款 that leaves out the total's fund: `政府性基金预算财政拨款支出…，具体为：…（占财政拨款支出的38.67%）`.)
    const allFiscal = /财政拨款/.test(named) && /(?:一般公共预算|政府性基金|国有资本经营)[^财]*财政拨款/.test(totalName) && !/一般公共预算|政府性基金|国有资本经营/.test(named);
    const shortens = listTotal !== undefined && !allFiscal && ((named.length >= 4 && totalName.endsWith(named)) || (bare !== named && bare.length >= 4 && totalName.endsWith(bare)));
    // (`8个自评项目涉及执行数6323.72万元，其中：…占自评项目执行数的79.78%`: 涉及 is the sentence's verb, no word of the name.)
    const uninvolved = (name: string) => name.replace(/涉及/g, '');
    if (listTotal && (wantCount || shortens || subjectsMatch(totalName, named) || subjectsMatch(uninvolved(totalName), uninvolved(named)))) return { base: listTotal, group: `list${list!.id}` };
    // Look for the named base outside the list: the nearest statement of that quantity (never a part of the
    // share's own list: a part is no base of its sibling).
    // A longer name is a narrower quantity (三公经费财政拨款支出 is not 财政拨款支出): besides the owner
    // (本部门政府采购支出总额), a short qualifier at most.
    const siblings = list?.parts.get(role);
    // (A whole stated inline before an earlier share, `占本年支出合计1250.00万元的72.00%`, states it as well.)
    // (Nor a figure of one fund's labelled sentence for a base that names no fund: `政府性基金预算财政拨款：…本年支出4428.69万元` is
    // not the 本年支出合计 of `一般公共预算财政拨款支出1524.99万元，占本年支出合计的25.61%`.)
    const anyFund = FUND_WORDS.test(named);
    // (`占项目支出决算数的100.00%` after `占部门项目支出全年预算数906.20万元的…`: a base said to be the actual is no budget.)
    const ofActual = /决算/.test(share.lead) && !/预算/.test(share.lead);
    // (Nor a figure detailed in brackets in another paragraph, `7.…（项）：…支出决算3,520,918.36元（其中：…项目支出2,316,400.00元）`: one
    // item's, not the department's 项目支出.)
    // (Nor a total named in a reason, `…主要原因是上级下达…资金450万元，当年支出420万元`: that money's, not the report's.)
    // (Nor a figure of a later `；` clause of the share's sentence: `“优”的…涉及资金3327.90万元，占自评项目资金的98.14%；“良”的…涉及资金
    // 63.00万元`.)
    const laterClause = (t: ProseToken) => {
      if (t.sentence !== share.sentence || t.token.span.start <= share.token.span.start) return false;
      const breaks = clauseBreaks(share.sentence);
      const next = breaks[lowerBound(breaks, (b) => b, share.token.span.end + 1)];
      return next !== undefined && next <= t.token.span.start;
    };
    // (`占一般公共预算项目支出调整后预算的100%`: a base named as a budget is no figure spent.)
    const ofBudget = /预算(?:数|金额)?$/.test(named) || /预算(?:数|金额)?的?$/.test(share.lead);
    const accept = (t: ProseToken) =>
      // (Not an older year's figure for this year's share: `2019—2021年…本年支出合计分别为62486.30万元、…和70958.26万元`.)
      (t.role === 'amount' || t.role === 'share-base' || (ofBudget && t.role === 'budget')) && !(ofBudget && t.role === 'amount') && t !== part && !(ctx.reportYear !== undefined && t.year !== undefined && share.year === undefined && part.year === undefined) && !laterClause(t) && !(grandTotalKind(t.subject) !== undefined && reasonBefore(t.sentence, t.token.span.start)) && !(t.depth > 0 && t.sentence.paragraph !== share.sentence.paragraph) && !siblings?.includes(t) && !sharesOf(ctx, t, named) && (anyFund || !(FUND_LABEL.test(t.sentence.text) || NON_FISCAL_LABEL.test(t.sentence.text) || underFundOnly(ctx, t.sentence.section) || (!FUND_WORDS.test(part.subject) && partOfFund(ctx, t)))) && !(ofActual && t.role === 'share-base' && /预算/.test(t.lead));
    const closeTo = (name: string) => (t: ProseToken) => accept(t) && (!t.subject.endsWith(name) || ownPrefix(ctx, t.subject.slice(0, -name.length)));
    // (`政府采购金额（以合同签订为准）为2627.16万元` … `占政府采购支出总额的73.54%`: one total under its several names.)
    // (`分别占“三公”经费的…`: the total stated as `“三公”经费财政拨款支出决算为37.37万元`.)
    const family = wantCount ? undefined : ALIASED_TOTALS.find((f) => f.named.test(named));
    const aliases = family ? family.names.filter((n) => n !== named) : [];
    // (An alias finds only a figure named in its family: `政府采购支出合计` must not find `本年支出合计` by its suffix.)
    const familyNamed = (name: string) => (t: ProseToken) => closeTo(name)(t) && family!.subject.test(t.subject) && (!family!.sentence || family!.sentence.test(t.sentence.text));
    // (`市级国有资本经营预算收入26726.00万元…。…调出资金8017.80万元，占国有资本经营预算收入的30.00%`: the words as written, when the
    // paragraph states a figure of that name, before the department's fund they usually mean.)
    const written = baseWords(share.lead).replace(/\s/g, '');
    const literal = !wantCount && written !== named && written.length >= 4 ? ctx.subjects.find(written, part.token.span.start, (t) => accept(t) && t.subject.endsWith(written) && LEVEL_OR_OWNER.test(t.subject.slice(0, -written.length)) && t.sentence.paragraph === share.sentence.paragraph && t.token.span.start < share.token.span.start) : undefined;
    // (`- **农村危房改造**：总投资407.00万元。资金构成：中央补助270.00万元，占项目总投资的66.34%`: the project's own figure, named without
    // 项目 in its paragraph, before a 项目总投资 of all projects stated elsewhere.)
    const itemWords = /^(?:该|本)?项目(?=[\u4e00-\u9fff]{2})/.test(named) ? named.replace(/^(?:该|本)?项目/, '') : '';
    const ofItem = itemWords && !wantCount ? ctx.subjects.find(itemWords, share.token.span.start, (t) => accept(t) && t.subject === itemWords && t.sentence.paragraph === share.sentence.paragraph) : undefined;
    const foundAny = wantCount
      ? totalCountBefore(ctx, part, named)
      : // (A family's name finds only its own figures: `占政府采购支出总额的94.18%` is not of `全年支出总额13727.13万元` by the suffix.)
        // (Nearest before the share when the part is in its sentence: the base may stand between them, `A326.90万元，本年支出合计为
        // 236.90万元，A占本年支出合计的…`.)
        (literal ?? ofItem ?? ctx.subjects.find(named, part.sentence === share.sentence ? share.token.span.start : part.token.span.start, family ? familyNamed(named) : closeTo(named)) ??
        (bare !== named && bare.length >= 4 ? ctx.subjects.find(bare, part.token.span.start, closeTo(bare)) : undefined) ??
        aliases.map((n) => ctx.subjects.find(n, part.token.span.start, familyNamed(n))).find((t) => t !== undefined) ??
        // (`占社会保障和就业支出的31.66%` of `社会保障和就业支出（类）3585.64万元`: a subject's level mark left out.)
        LEVELS.map((level) => ctx.subjects.find(named + level, part.token.span.start, closeTo(named + level))).find((t) => t !== undefined));
    // (`占全区卫生健康支出的40.59%`: a base named for the whole region is no figure of the department's that leaves the region unsaid.)
    const region = /^全[区县市省国]/.exec(named)?.[0];
    const found = region && foundAny && !foundAny.sentence.text.includes(region) ? undefined : foundAny;
    // (In the section of one fund's 基本支出, `占基本支出的8.98%` is of that fund's, `一般公共预算财政拨款基本支出2106.40万元`, not of
    // a 基本支出 stated elsewhere: a 类's own, say.)
    const section = share.sentence.section;
    const inSection = (t: ProseToken) => section !== undefined && t.sentence.section === section;
    // (Not for a name that names its money already: `占财政拨款支出的38.67%` in the 政府性基金 section is of all 财政拨款支出.)
    const sectionFund = (found && inSection(found)) || anyFund ? undefined : FUND_PREFIXES.map((f) => ctx.subjects.find(f + named, part.token.span.start, (t) => accept(t) && inSection(t))).find((t) => t !== undefined);
    if (sectionFund) return { base: sectionFund, group: `named:${sectionFund.token.id}:${share.sentence.paragraph}` };
    if (found) return { base: found, group: `named:${found.token.id}:${share.sentence.paragraph}` };
    // (`共涉及项目15个，资金5,743.06万元。自评结果如下：` over item lines `…的项目7个，涉及资金3,683.93万元，占项目总数的46.67%，
    // 占项目资金总额的64.15%`: the totals of the list the items are of, when the name fits them.)
    const at = share.token.span.start;
    const itemsOf = ctx.pending.find((p) => p.role === role && p.from <= at && at < p.until && p.total !== part);
    if (itemsOf && namesTotal(named, restated(ctx, itemsOf.total), wantCount)) return { base: itemsOf.total, group: `pending${itemsOf.total.token.id}` };
    // `占一般公共预算项目支出总额的98.31%`: the 项目支出 stated as a part of that fund's spending (`一般公共预算财政拨款支出
    // 1768.18万元…其中：基本支出817.66万元，项目支出950.52万元`).
    const funded = wantCount ? null : FUNDED_PART.exec(bare);
    if (funded) {
      const inFund = ctx.subjects.find(funded[2], part.token.span.start, (t) => closeTo(funded[2])(t) && FUND_TOTAL[funded[1]].test(ctx.listOf.get(t)?.totals.get('amount')?.subject ?? ''));
      if (inFund) return { base: inFund, group: `named:${inFund.token.id}:${share.sentence.paragraph}` };
    }
    // `占全年支出的`, `占总支出的`: the year's whole spending, named as the list's total (本年支出合计) or,
    // outside a list, as the nearest 支出合计 before it.
    const kind = wantCount ? undefined : grandTotalKind(named);
    if (!kind) return undefined;
    if (listTotal && grandTotalKind(listTotal.subject) === kind) return { base: listTotal, group: `list${list!.id}` };
    // `一般公共预算财政拨款支出2562.41万元，卫生健康支出2260.41万元，占总支出88.21%`: the total the sentence opens with.
    // (Not one with a share of its own: `一般公共预算财政拨款支出1829.19万元，占本年支出的77.1%；…` opens with a part, and so
    // does `基本支出900.00万元，占本年支出合计1250.00万元的72.00%；…`, its share after the whole it names.)
    const sentenceTokens = ctx.analysis.bySentence.get(part.sentence.id) ?? [];
    const opening = sentenceTokens.find((t) => t.role === 'amount');
    const next = opening && sentenceTokens[opening.index + 1];
    const afterNext = opening && sentenceTokens[opening.index + 2];
    const ownShare = next?.role === 'share' || (afterNext?.role === 'share' && inlineBase(sentenceTokens, afterNext) === next);
    if (!list && opening && !ownShare && opening !== part && opening.token.span.start < part.token.span.start && opening.subject.endsWith(kind)) return { base: opening, group: `sentence${part.sentence.id}` };
    const total = ctx.subjects.find(`${kind}合计`, part.token.span.start, (t) => accept(t) && grandTotalKind(t.subject) === kind && t.token.span.start < part.token.span.start);
    if (total) return { base: total, group: `named:${total.token.id}:${share.sentence.paragraph}` };
    // `一般公共预算财政拨款支出合计657.80万元，主要用于：住房保障支出（类）…，占支出总额的65.6%`: with no whole
    // spending stated before, the 支出总额 of a list's item is the list's total of that side.
    return listTotal?.subject.replace(/(?:合计|总额|总计)$/, '').endsWith(kind) ? { base: listTotal, group: `list${list!.id}` } : undefined;
  }
  // A member that is no part of its list (`…授予中小企业合同金额80.00万元，面向小微企业采购60.00万元，占比75%`, or in a
  // bracket after its whole) may be a share of the list's total or of the figure it details: not checked.
  if (list && !list.parts.get(part.role)?.includes(part)) return undefined;
  // An unnamed count share is of the list's count in the same unit (`共15个项目，其中：优的项目12个，占80%`).
  if (listTotal && listTotal !== part && (!wantCount || listTotal.token.unitText === part.token.unitText)) return { base: listTotal, group: `list${list!.id}` };
  // `本部门53个项目中开展绩效自评的项目43个，占比84.31%`: of the count the part is chosen among.
  if (wantCount) {
    const among = (ctx.analysis.bySentence.get(share.sentence.id) ?? []).find((t) => t.role === 'count' && t !== part && t.token.span.start < part.token.span.start && t.token.unitText === part.token.unitText && /^[\u4e00-\u9fff]{0,4}中/.test(ctx.text.slice(t.token.unitSpan?.end ?? t.token.span.end, (t.token.unitSpan?.end ?? t.token.span.end) + 6)));
    return among ? { base: among, group: `among${among.token.id}` } : undefined;
  }
  const frame = frameSubject(ctx, share);
  // (`- 一般公共服务支出：1314.83万元，占28.60%`: an opening that names the part itself frames nothing.)
  if (frame && !wantCount && !subjectsMatch(frame, part.subject)) {
    const found = ctx.subjects.find(frame, share.sentence.span.start, (t) => t.role === 'amount' && t.sentence.id !== share.sentence.id);
    if (found) return { base: found, group: `frame${share.sentence.id}` };
  }
  const at = share.token.span.start;
  const pending = ctx.pending.find((p) => p.role === 'amount' && p.from <= at && at < p.until);
  if (pending && pending.total !== part && !wantCount) return { base: pending.total, group: `pending${pending.total.token.id}` };
  // The first amount of the sentence is its total only when no share of its own follows it
  // (`教育支出（类）3000万元，占86.20%；…` opens with a part, not a total).
  const tokens = ctx.analysis.bySentence.get(share.sentence.id) ?? [];
  // (Of the share's own `；`-clause: `“三公”经费支出约79万元…；政府采购支出约7,700万元，授予中小企业合同金额近八成`.)
  // (The clause back to its `；`, and its figures from there: read from the share back, not from the sentence's start, which a
  // sentence of thousands of shares would make quadratic.)
  const breaks = clauseBreaks(share.sentence);
  let clauseStart = share.sentence.span.start;
  for (let lo = 0, hi = breaks.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] <= share.token.span.start) {
      clauseStart = breaks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let head: ProseToken | undefined;
  for (let k = firstAtOrAfter(tokens, clauseStart); k < tokens.length && tokens[k].token.span.start < share.token.span.start && !head; k++) if (tokens[k].role === role && tokens[k] !== part && tokens[k].year === part.year) head = tokens[k];
  head ??= firstOfRole.of(tokens, () => ({ amount: tokens.find((t) => t.role === 'amount'), count: tokens.find((t) => t.role === 'count') }))[role];
  // (`2016年、2017年、2018年政府采购支出总额分别为…，授予中小企业合同金额分别为…，占比由2016年的72.5%变为2018年的89.5%`: a part's
  // whole is of the part's year.)
  if (head?.year !== part.year) head = undefined;
  // (`人员经费和公用经费分别为455.66万元和173.95万元，所占比例分别为72.37%和27.63%`: a sibling of a 分别 run is no base.)
  const headIsPart = head === part || (head !== undefined && siblings.includes(head));
  if (head && !headIsPart) {
    const next = tokens[head.index + 1];
    if (next?.role !== 'share') return { base: head, group: `sentence${share.sentence.id}:${head.year ?? ''}` };
  }
  // `三、 教育支出（类）599.73万元，占17.98%。` under `一般公共预算财政拨款支出3490.29万元，…`: a 类 is a share of the
  // fund's spending the section stated before.
  if (/[（(]类[)）]$/.test(part.subject)) {
    const fund = ctx.subjects.find(FISCAL_SPENDING, part.token.span.start, (t) => t.role === 'amount' && t.year === undefined && t.token.span.start < part.token.span.start && t.subject === FISCAL_SPENDING);
    if (fund) return { base: fund, group: `fund${fund.token.id}:${share.sentence.paragraph}` };
  }
  // `本年支出合计21509.80万元。基本支出13429.41万元，占比62.43%；…`: a total stated alone just before.
  // (Its restatement in another unit is the same figure: `支出共计1,287,136.03元（约128.71万元）。`)
  const before = ctx.analysis.bySentence.get(share.sentence.id - 1)?.filter((t) => !t.restates);
  // (Or, for a 分别 run, any figure stated alone just before that the run's figures do not exceed: `基本支出629.61万元。人员经费和公用经费
  // 分别为…，所占比例分别为…`.)
  if (headIsPart && before?.length === 1 && before[0].role === 'amount' && before[0].sentence.paragraph === share.sentence.paragraph && (grandTotalKind(before[0].subject) || /合计|总计|总额$/.test(before[0].subject) || (siblings.length >= 2 && !exceeds(siblings, before[0])))) {
    return { base: before[0], group: `previous${before[0].token.id}` };
  }
  // `政府采购授予中小企业合同金额4.22万元，占比97.70%`: an SME award's share is of the year's procurement, stated before it.
  if (SME_CONTRACTS.test(part.subject)) {
    const before = (t: ProseToken) => t.token.span.start < part.token.span.start && t.sentence.section === part.sentence.section && t.year === part.year && !SME_CONTRACTS.test(t.subject) && ALIASED_TOTALS[0].subject.test(t.subject);
    const procurement = SME_BASE_NAMES.map((name) => ctx.subjects.find(name, part.token.span.start, before)).find((t) => t !== undefined);
    if (procurement) return { base: procurement, group: `procurement${procurement.token.id}` };
  }
  // (`从支出功能分类看，社会保障和就业支出332.19万元，占6.08%；…`: a breakdown of the year's spending, stated earlier in the section.)
  const opening = WHOLE_OPENING.exec(share.sentence.text)?.[1] as '支出' | '收入' | undefined;
  if (opening) {
    const year = ctx.subjects.find(`${opening}合计`, part.token.span.start, (t) => t.role === 'amount' && t.year === undefined && t.sentence.section === part.sentence.section && t.token.span.start < share.sentence.span.start && grandTotalKind(t.subject) === opening);
    if (year) return { base: year, group: `opening${share.sentence.id}` };
  }
  const whole = qualifiedWhole(ctx, part);
  return whole ? { base: whole, group: `qualified${whole.token.id}` } : undefined;
}
/** The figure of a sentence just before that the amounts of the share's sentence, each with a bare share, add up to. */
function wholeOfSharedParts(ctx: ShareContext, share: ProseToken): ProseToken | undefined {
  const tokens = ctx.analysis.bySentence.get(share.sentence.id) ?? [];
  const part = tokens[share.index - 1];
  if (part?.role !== 'amount') return undefined;
  // (Once per sentence: a sentence of thousands of shares asks for each.)
  return summedWholes.of(share.sentence, () => {
    const parts = tokens.filter((t) => t.role === 'amount' && tokens[t.index + 1]?.role === 'share' && namedBase(tokens[t.index + 1].lead) === '');
    if (parts.length < 2 || parts.length > MAX_SUMMED_PARTS) return null;
    const sum = sumOperand(parts.map((p) => operand(p.token, '')), '');
    // (The sentence before, or up to two more before it across a heading: `（一）总体情况：…支出9743.72万元…。` / `（二）结构情况：卫生
    // 健康支出9183.56万元，占94.25%；…`.)
    // (First the share's own sentence, before its parts: `本年度支出合计1287.16万元，其中：基本支出…，占61.23%；…`.)
    const sums = (t: ProseToken) => t.role === 'amount' && t.year === undefined && t.token.unit === parts[0].token.unit && compareBeyondRounding(operand(t.token, ''), sum) === 0 && !t.token.value.isZero();
    const own = tokens.find((t) => t.index < parts[0].index && sums(t));
    if (own) return own;
    // (Not past a list's total stated in the sentence: `项目支出总计2958.12万元中，…合计695.32万元，占比23.35%；…`, whose figure, not an
    // earlier one the parts add up to, is the base.)
    const listTotal = ctx.listOf.get(parts[0])?.totals.get('amount');
    // (Unless that total is a coarser restatement: `上述1.68亿元一般公共预算财政拨款支出主要用于：…451.23万元，占2.68%`.)
    if (listTotal && listTotal.sentence === share.sentence && listTotal.index < parts[0].index && listTotal.token.unit === parts[0].token.unit) return null;
    for (let id = share.sentence.id - 1, seen = 0; id >= 0 && seen < 3; id--) {
      const before = ctx.analysis.bySentence.get(id);
      if (!before?.length) continue;
      seen++;
      const found = before.find(sums);
      if (found) return found;
    }
    return null;
  }) ?? undefined;
}
const summedWholes = new LintMemo<object, ProseToken | null>();

/** A share in the region other than `share`: only the region's tokens are read, not the whole sentence. */
function otherShareInRegion(tokens: ProseToken[], region: Span, share: ProseToken): boolean {
  for (let k = lowerBound(tokens, (t) => t.token.span.start, region.start); k < tokens.length && tokens[k].token.span.start < region.end; k++) {
    if (tokens[k].role === 'share' && tokens[k] !== share) return true;
  }
  return false;
}

/**
 * `机关运行经费187.32万元主要包括：办公费44.84万元、…、其他费用16.51万元，占同期…公用经费255.12万元的73.42%`: a share of another base
 * than the list's total, right after the last part of a list that adds up to it, and the only share in the list, is the total's.
 */
function wholeOfCompleteList(ctx: ShareContext, part: ProseToken, share: ProseToken, named: string): ProseToken | undefined {
  const list = ctx.listOf.get(part);
  const total = list?.totals.get('amount');
  const parts = list?.parts.get('amount') ?? [];
  if (!list || !total || parts.length < 2 || parts.at(-1) !== part || share.depth !== part.depth || subjectsMatch(normalizeSubject(named), total.subject)) return undefined;
  // (Right after it: `…，其他费用16.51万元，占同期…255.12万元的73.42%`, its base inline at most.)
  const gap = share.index - part.index;
  if (share.sentence !== part.sentence || gap < 1 || gap > 2 || (gap === 2 && ctx.analysis.bySentence.get(share.sentence.id)?.[part.index + 1]?.role !== 'share-base')) return undefined;
  if (otherShareInRegion(ctx.analysis.bySentence.get(part.sentence.id) ?? [], list.region, share) || parts.some((p) => p.token.unit !== total.token.unit || p.depth !== part.depth)) return undefined;
  return compareBeyondRounding(operand(total.token, ''), sumOperand(parts.map((p) => operand(p.token, '')), '')) === 0 ? total : undefined;
}
/** More parts than any breakdown a report states in one sentence. */
const MAX_SUMMED_PARTS = 40;

/** A sentence opening with the whole it breaks down: `从支出功能分类看，`, `按收入来源分：`. */
const WHOLE_OPENING = /^\s*(?:从|按)(支出|收入)[^，,：:。；;\d]{0,8}(?:看|分|划分|来看)[，,：:]/;

/** Totals stated under several names: the name a share gives, the names to look for, and what each found figure's name must say. */
const ALIASED_TOTALS = [
  { named: /^政府采购(?:支出)?(?:总额|金额|总金额|合计)$/, names: ['政府采购支出总额', '政府采购支出合计', '政府采购金额', '政府采购总额', '政府采购支出', '政府采购'], subject: /政府采购/ },
  // (`占全部“三公”支出的61%`: the 三公 named short.)
  { named: /^(?:全部)?(?:财政拨款)?三公(?:经费)?(?:支出|总额)?$/, names: ['三公经费财政拨款支出', '财政拨款三公经费支出', '三公经费支出', '三公经费'], subject: /三公/ },
  // (`货物采购授予中小企业合同金额…，占货物支出金额的100%`: the category's procurement, `政府采购货物支出…`.)
  ...['货物', '工程', '服务'].map((kind) => ({
    named: new RegExp(`^(?:政府采购)?${kind}(?:类)?(?:采购)?(?:支出)?(?:金额|总额)?$`),
    names: [`政府采购${kind}支出`, `${kind}采购支出`, `${kind}类采购支出`, `${kind}支出`],
    subject: new RegExp(`${kind}`),
  })),
  // (`评价等级为“优”的8个，…涉及资金1161.64万元，占自评资金总额的61.87%`: the money of the 自评 stated before, `共对9个项目开展绩效
  // 自评，涉及资金1877.67万元`; not that of a 部门评价 stated in between.)
  { named: /^自评(?:项目)?(?:涉及)?资金(?:总额|合计|总计)?$/, names: ['涉及资金'], subject: /涉及资金$/, sentence: /自评/ },
];
/** How a share's part is called: its subject, else the words before it (`资金`), else `该项`. */
export function partName(part: ProseToken): string {
  return part.subject || part.lead.replace(/[，,、；;：:\s]/g, '') || '该项';
}

/** A part of the spending named with its fund, and the list totals that are that fund's spending. */
const FUNDED_PART = /^(一般公共预算|财政拨款)(?:财政拨款)?(基本支出|项目支出|人员经费|公用经费)$/;
const FUND_TOTAL: Record<string, RegExp> = { 一般公共预算: /一般公共预算/, 财政拨款: /^(?:本年)?财政拨款(?:支出)?/ };

/** The procurement total an SME award's unnamed share is of, by the names a report gives it there. */
const SME_BASE_NAMES = ['政府采购支出总额', '政府采购支出合计'];

/** The contracts won by 中小企业 (not those of 小微企业, a part of them). */
const SME_CONTRACTS = /(?<!小微)(?:授予|面向)?中小企业(?:的)?(?:合同|采购)(?:金额|额)?$/;

/** The base a share's words name (`占自评涉及资金总额的` → 自评涉及资金总额), as the names of amounts are normalised. */
function namedBase(lead: string): string {
  // (`占卫生健康（类）支出的`: the level mark written inside the name is the name `卫生健康支出（类）`.)
  const words = baseWords(lead).replace(/\s/g, '').replace(/^(.+?)([（(](?:类|款|项)[)）])(支出)$/, '$1$3$2');
  return normalizeSubject(words) || words;
}

/**
 * Whether an amount has a share of the named base itself (`“优”…涉及资金200.00万元，占自评涉及资金总额的66.67%；
 * “良”…涉及资金100.00万元，占…的33.33%`): a sibling of the part, never its base.
 */
function sharesOf(ctx: ShareContext, t: ProseToken, named: string): boolean {
  const tokens = ctx.analysis.bySentence.get(t.sentence.id) ?? [];
  for (let k = t.index + 1; k < tokens.length && tokens[k].role !== 'amount'; k++) {
    if (tokens[k].role !== 'share') continue;
    // (Not a share naming another part before 占: `…支出326.90万元，本年支出合计为236.90万元，一般公共预算财政拨款支出占本年支出合计的…`.)
    const part = SHARE_PART_NAME.exec(tokens[k].lead)?.[1];
    if (part && normalizeSubject(part) !== t.subject) continue;
    if (namedBase(tokens[k].lead) === named) return true;
  }
  return false;
}

/**
 * A base's name that fits a list's total: a count's noun (`项目总数`: 项目) in the total's words, or an amount's name
 * ending with the total's (`项目资金总额` and `资金`).
 */
/** The figure a bracketed restatement restates (`资金16.73亿元（167,323.52万元）`: named by the words before 16.73亿元), else itself. */
function restated(ctx: ShareContext, t: ProseToken): ProseToken {
  return (t.restates && ctx.analysis.bySentence.get(t.sentence.id)?.[t.index - 1]) || t;
}

function namesTotal(named: string, total: ProseToken, count: boolean): boolean {
  const bare = named.replace(/(?:总额|总数|总和|合计|总计|个数|数)$/, '');
  if (count) return COUNT_BASE.test(named) && bare.length >= 2 && (total.subject.includes(bare) || total.lead.includes(bare));
  const words = total.subject || total.lead.replace(/[，,、：:；;\s]/g, '');
  return words.length >= 2 && (bare.endsWith(words) || subjectsMatch(words, bare));
}

/** How many sentences before its part a whole (named by the part's last words, or a total count) is looked for. */
const QUALIFIED_WHOLE_SENTENCES = 2;

/**
 * `本部门共有项目60个，…。组织对34个项目开展了绩效自评，…占项目总数的56.67%`: a count share's named base is the
 * total of that noun (共 / 全部 / 总) stated before its part, in the same unit.
 */
function totalCountBefore(ctx: ShareContext, part: ProseToken, named: string): ProseToken | undefined {
  const noun = named.replace(/^(?:全部|所有|总)/, '').replace(/(?:总数|个数|数量|总量|数)$/, '');
  if (noun.length < 2) return undefined;
  const isTotal = (t: ProseToken) => {
    if (t.role !== 'count' || t === part || t.token.unitText !== part.token.unitText || t.token.span.start >= part.token.span.start) return false;
    const after = ctx.text.slice(t.token.unitSpan?.end ?? t.token.span.end, (t.token.unitSpan?.end ?? t.token.span.end) + noun.length);
    return /共|全部|总|合计/.test(t.lead) && (t.subject.endsWith(noun) || after === noun);
  };
  return nearestBefore(ctx, part, isTotal);
}

/** How many tokens back a whole or a part is looked for: a sentence of thousands of shares stays linear. */
const MAX_WHOLE_WALK = 32;

/**
 * The tokens before `from`, nearest first: in its sentence and up to `sentences` before it in its section (the
 * paragraph before at most), no more than MAX_WHOLE_WALK of them.
 */
function* tokensBefore(ctx: ShareContext, from: ProseToken, sentences: number): Generator<{ token: ProseToken; tokens: ProseToken[] }> {
  let budget = MAX_WHOLE_WALK;
  for (let id = from.sentence.id, step = 0; step <= sentences; id--, step++) {
    const tokens = ctx.analysis.bySentence.get(id);
    // (A whole may close the paragraph before: `…收入2350.93万元。` on a line of its own, the parts on the next.)
    if (!tokens?.length || tokens[0].sentence.section !== from.sentence.section || tokens[0].sentence.paragraph < from.sentence.paragraph - 1) return;
    for (let i = (id === from.sentence.id ? from.index : tokens.length) - 1; i >= 0; i--) {
      if (budget-- <= 0) return;
      yield { token: tokens[i], tokens };
    }
  }
}

/** The nearest token before `part` that `accept` takes (see tokensBefore). */
function nearestBefore(ctx: ShareContext, part: ProseToken, accept: (t: ProseToken, tokens: ProseToken[]) => boolean): ProseToken | undefined {
  for (const { token, tokens } of tokensBefore(ctx, part, QUALIFIED_WHOLE_SENTENCES)) if (accept(token, tokens)) return token;
  return undefined;
}

/**
 * `财政拨款收入2350.93万元，…。一般公共预算财政拨款收入2326.22万元，占比98.95%；政府性基金预算财政拨款收入…`: a part
 * named as a whole with a qualifier before it (一般公共预算 + 财政拨款收入) is a share of that whole, stated just
 * before it: the nearest figure so named that is no part with a share of its own.
 */
function qualifiedWhole(ctx: ShareContext, part: ProseToken): ProseToken | undefined {
  const name = part.subject;
  if (name.length < 6) return undefined;
  const isWhole = (t: ProseToken, tokens: ProseToken[]) => {
    // (`本部门财政拨款支出`: the owner names who states the whole, not which.)
    const whole = t.subject.replace(OWNER, '');
    return t.role === 'amount' && whole.length >= 4 && whole.length < name.length && name.endsWith(whole) && tokens[t.index + 1]?.role !== 'share';
  };
  return nearestBefore(ctx, part, isWhole);
}

/**
 * `财政拨款收入占本年收入合计的91.56%` with no amount in its clause: the part is the quantity named before 占,
 * as stated earlier (the same name, not a longer or shorter one).
 */
const FUND_QUALIFIED = /^(?:一般公共预算|政府性基金预算?|国有资本经营预算)/;

function partNamedBefore(ctx: ShareContext, share: ProseToken): ProseToken | undefined {
  const at = share.lead.lastIndexOf('占');
  // (`项目支出八成以上` after `其中基本支出约占16%，`: the share's own words are its part's name.)
  // (`本年收入中财政拨款收入占比…`: the frame names the base, the words after it the part.)
  // (`…占三成以上、基层医疗卫生机构支出占三成左右`: the bound of the share before is no part of this one's name.)
  const words = (at > 0 ? share.lead.slice(0, at) : share.approx && share.ownSubject ? share.lead.replace(/^[，,、]/, '') : '').replace(/^(?:以上|以下|左右|上下)[、，,]?/, '');
  const frame = SHARE_FRAME.exec(words);
  const name = normalizeSubject(frame ? words.slice(frame[0].length) : words);
  // (`从采购品目看，货物类占政府采购支出总额的91.29%`: a kind named short is the member of its breakdown stated before.)
  if (/^[\u4e00-\u9fff]{2}类$/.test(name)) return memberNamedBefore(ctx, share, name);
  if (name.length < 4) return undefined;
  // (Or stated after it, in its section: `“三公”经费支出中，公务用车购置及运行维护费占98.56%，…` before the paragraphs of each part.)
  // (An approximate share, `其中基本支出约占16%` in an overview that opens the report, restates the body's figures wherever they stand.)
  // (`政府性基金预算财政拨款年初结转和结余…，本年支出1414.16万元…。本年支出占本年支出合计的29.14%`: the fund's paragraph names the
  // share's bare figure as it named the amount's.)
  const funded = share.ownSubject && FUND_QUALIFIED.test(share.subject) && !FUND_QUALIFIED.test(name) ? normalizeSubject(share.subject) : undefined;
  for (const wanted of funded ? [funded, name] : [name]) {
    const same = ctx.subjects.find(wanted, share.token.span.start, (t) => t.role === 'amount' && t.year === undefined && (t.token.span.start < share.token.span.start || t.sentence.section === share.sentence.section || share.approx !== undefined) && normalizeSubject(t.subject) === wanted);
    if (same) return same;
  }
  // `财政拨款收入494.57万元（一般公共预算财政拨款收入418.93万元、…）。其中一般公共预算占84.7%`: a name cut short names
  // the one figure just before whose name it begins.
  const bare = name.replace(/^其中/, '');
  return onlyAmountBefore(ctx, share, 1, (subject) => subject.startsWith(bare) && subject !== bare);
}

/** The one amount stated just before (this sentence or the two before it) of the breakdown member `name` names. */
function memberNamedBefore(ctx: ShareContext, share: ProseToken, name: string): ProseToken | undefined {
  return onlyAmountBefore(ctx, share, 2, (subject) => sameMember(name, subject));
}

/** The one amount of the share's paragraph in its sentence or the `sentences` before whose subject `names` takes; undefined if none or several. */
function onlyAmountBefore(ctx: ShareContext, share: ProseToken, sentences: number, names: (subject: string) => boolean): ProseToken | undefined {
  let found: ProseToken | undefined;
  for (const { token: t } of tokensBefore(ctx, share, sentences)) {
    if (t.role !== 'amount' || t.sentence.paragraph !== share.sentence.paragraph || !names(t.subject)) continue;
    if (found) return undefined;
    found = t;
  }
  return found;
}

/** `金额1395.66万元/2140.58万元（65.20%）`: the percentage is the first figure over the second. */
function slashRatio(tokens: ProseToken[], share: ProseToken): { part: ProseToken; base: ProseToken } | undefined {
  const base = tokens[share.index - 1];
  const part = tokens[share.index - 2];
  if (!base || !part || !/[/／]$/.test(base.lead) || !/^[（(]$/.test(share.lead)) return undefined;
  return part.role === base.role && (part.role === 'amount' || part.role === 'count') ? { part, base } : undefined;
}

/**
 * `自评资金1252.27万元（项目支出2934.09万元，占42.68%）`, `纳入自评项目21个（全部项目28个，占75.00%）`: the bracket after
 * a figure states the whole that figure is the share of.
 */
function bracketedWhole(tokens: ProseToken[], share: ProseToken, text: string): { part: ProseToken; base: ProseToken } | undefined {
  const base = tokens[share.index - 1];
  const part = tokens[share.index - 2];
  if (!base || !part || !/^[（(]/.test(base.lead) || /[）)]/.test(text.slice(base.token.span.end, share.token.span.start))) return undefined;
  const sameKind = base.role === 'count' ? part.role === 'count' && part.token.unitText === base.token.unitText : base.role === 'amount' && part.role === 'amount';
  // (The bracket opens right after the part: nothing but its unit between them.)
  const gap = text.slice(part.token.unitSpan?.end ?? part.token.span.end, base.token.span.start);
  // (Not a bracket naming a part, `本年收入合计14050.61万元（含上级补助收入96.50万元，占0.69%）`: that share is the part's of the figure.)
  return sameKind && /^\s*[（(][^，,；;。（）()]*$/.test(gap) && !/^\s*[（(]\s*(?:其中|内含|含|包括)/.test(gap) ? { part, base } : undefined;
}

/** The words of a base's name that say which quantity it is, without its fund, kind and 总额. */
const baseCore = (name: string) => name.replace(/一般公共预算|财政拨款|政府性基金预算?|预算|决算|总额|合计|金额|的/g, '');

/**
 * `资金1002.15万元，占一般公共预算项目支出总额的92.93%（项目支出预算总额1078.40万元）`: the base the share names, stated in the
 * bracket right after it.
 */
function baseInBracketAfter(tokens: ProseToken[], share: ProseToken, named: string): ProseToken | undefined {
  const next = tokens[share.index + 1];
  if (!next || !/^[（(]/.test(next.lead) || next.depth <= share.depth || !isMoney(next.token.unit) || (next.role !== 'amount' && next.role !== 'budget')) return undefined;
  // (`占本年收入的99.92%（一般公共预算财政拨款收入14197.42万元、政府性基金预算财政拨款收入1200.00万元）`: a bracket of several
  // figures breaks the part down; it states no base.)
  if ((tokens[share.index + 2]?.depth ?? 0) > share.depth) return undefined;
  const [a, b] = [baseCore(named), baseCore(next.subject)];
  return a.length >= 2 && a === b ? next : undefined;
}

/**
 * `共对5个项目开展绩效自评，涉及金额1357.43万元。自评项目个数占部门项目总数18个的29.41%，金额占项目支出总额3508.47万元的38.69%`:
 * a share of an inline base with no part in its own sentence is of the one figure of that kind the sentence before states.
 */
function partInSentenceBefore(ctx: ShareContext, tokens: ProseToken[], share: ProseToken): ProseToken | undefined {
  const base = inlineBase(tokens, share);
  if (!base || firstFigureIndex(tokens) < share.index) return undefined;
  const before = ctx.analysis.bySentence.get(share.sentence.id - 1);
  if (!before?.length || before[0].sentence.paragraph !== share.sentence.paragraph) return undefined;
  const kind = base.token.unit === 'count' ? (t: ProseToken) => t.role === 'count' && t.token.unitText === base.token.unitText : (t: ProseToken) => t.role === 'amount';
  const candidates = before.filter(kind);
  return candidates.length === 1 ? candidates[0] : undefined;
}

const firstFigures = new LintMemo<ProseToken[], number>();

/** Index of the sentence's first amount or count (Infinity if none), found once per sentence. */
function firstFigureIndex(tokens: ProseToken[]): number {
  let index = firstFigures.get(tokens);
  if (index === undefined) {
    const i = tokens.findIndex((t) => t.role === 'amount' || t.role === 'count');
    index = i < 0 ? Infinity : i;
    firstFigures.set(tokens, index);
  }
  return index;
}

/** What the part of a share must be: an amount for an inline base in money, a count for a count (else either). */
function inlineKind(tokens: ProseToken[], share: ProseToken): PartKind {
  const base = inlineBase(tokens, share);
  return !base ? 'either' : base.token.unit === 'count' ? 'count' : 'amount';
}

/**
 * `本部门对20个项目开展绩效自评，…；自评项目数占全部28个项目的71.43%`: a share of a count stated inline is of the
 * count of the same unit stated last before it in the sentence, even across a `；`.
 */
function countBeforeInlineCount(tokens: ProseToken[], share: ProseToken): ProseToken | undefined {
  const base = inlineBase(tokens, share);
  if (!base || base.token.unit !== 'count') return undefined;
  for (let i = base.index - 1; i >= 0 && i >= base.index - 8; i--) {
    const t = tokens[i];
    if (t.role === 'count' && t.token.unitText === base.token.unitText) return t;
  }
  return undefined;
}

/** `“优”的项目3个、“良”的项目1个，“优”级项目占自评项目总数4个的75.00%`: the count of the grade the share names before its inline base. */
function gradedCount(tokens: ProseToken[], share: ProseToken): ProseToken | undefined {
  const base = inlineBase(tokens, share);
  const grade = base?.token.unit === 'count' ? GRADE_NAMED.exec(base.lead.split('占')[0])?.[1] : undefined;
  if (!grade) return undefined;
  for (let i = base!.index - 1; i >= 0 && i >= base!.index - 8; i--) {
    const t = tokens[i];
    if (t.role === 'count' && t.token.unitText === base!.token.unitText && GRADE_NAMED.exec(t.lead)?.[1] === grade) return t;
  }
  return undefined;
}

const GRADE_NAMED = /[“"‘]?(优秀|良好|合格|不合格|优|良|中|差)[”"’]?(?:级|等|等次|等级)?的?项目/;

/** The base stated inline before a share, or before the first rate of the run the share continues. */
function inlineBase(tokens: ProseToken[], share: ProseToken): ProseToken | undefined {
  let k = share.index;
  while (k > 0 && tokens[k - 1].token.unit === '%' && RUN_JOINER.test(tokens[k].lead)) k--;
  return tokens[k - 1]?.role === 'share-base' ? tokens[k - 1] : undefined;
}

/** `…的98.10%，上年为3642.86万元占3724.76万元的97.80%`: last year's share, of last year's figure right before its unnamed base. */
function priorBeforeInlineBase(tokens: ProseToken[], share: ProseToken): ProseToken | undefined {
  const base = inlineBase(tokens, share);
  const before = base ? tokens[base.index - 1] : undefined;
  return base && !base.ownSubject && before?.role === 'prior' ? before : undefined;
}

/** How many tokens before a run of rates its figures are looked for among. */
const MAX_RESPECTIVE_WALK = 32;

/** Words that only join the rates of a `分别` run: `31.39%、68.61%`, `32.39%和68.61%`. */
// (`72.97%（按项目数）和78.99%（按金额）`: a short gloss may follow each rate.)
const RUN_JOINER = /^(?:[（(][^（）()]{0,10}[)）])?[、和及与，,\s]*$/;

interface RespectivePart {
  part?: ProseToken;
  base?: ProseToken;
  lead: string;
  /** The run's figures, this share's part among them. */
  siblings: ProseToken[];
}

/** Σ parts > whole beyond what rounding explains. */
function exceeds(parts: ProseToken[], whole: ProseToken): boolean {
  return compareBeyondRounding(sumOperand(parts.map((p) => operand(p.token, '')), ''), operand(whole.token, '')) > 0;
}

/**
 * `基本支出208.88万元、项目支出456.50万元，占比分别为31.39%、68.61%`: the rates after 分别 belong, in
 * order, to the amounts just before them. Returns the parts by share token (undefined: the run has
 * fewer amounts than rates, so no share of it can be paired).
 */
function respectiveParts(ctx: ShareContext): Map<ProseToken, RespectivePart> {
  const parts = new Map<ProseToken, RespectivePart>();
  for (const tokens of ctx.analysis.bySentence.values()) {
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      // `分别增长5.00%和14.29%` is a run of changes (changes.ts), not of shares.
      if ((first.role !== 'share' && first.role !== 'percent') || parts.has(first)) continue;
      const run = [first];
      while (i + run.length < tokens.length && tokens[i + run.length].token.unit === '%' && RUN_JOINER.test(tokens[i + run.length].lead)) run.push(tokens[i + run.length]);
      // (`覆盖27个项目、3314.89万元，覆盖率分别为72.97%和78.99%`: a count and an amount may share a run.)
      // `分别占项目总数（33个）和项目资金总额（583.78万元）的69.7%和38.3%`: each base in brackets after its name.
      let j = i - 1;
      let bases: ProseToken[] = [];
      while (j >= 0 && bases.length < run.length && /[（(]$/.test(tokens[j].lead) && (tokens[j].role === 'amount' || tokens[j].role === 'count')) bases.unshift(tokens[j--]);
      if (bases.length !== run.length || !/分别/.test(bases[0].lead)) {
        bases = [];
        j = i - 1;
        // `占比分别为73.33%、94.67%（全部项目30个、879.1万元）`: the bases in a bracket right after the rates.
        const after = tokens.slice(i + run.length, i + 2 * run.length);
        if (/分别/.test(first.lead) && after.length === run.length && /^[（(][^（()）]{0,12}$/.test(after[0].lead) && after.every((t, k) => (t.role === 'amount' || t.role === 'count') && (k === 0 || /^[、和及与，,]$/.test(t.lead)))) bases = after;
      }
      // (Walked back a bounded number of tokens: a sentence of rates without figures stays linear.)
      let amounts: ProseToken[] = [];
      // (Not a count in brackets naming its part, `行政单位（1个）支出9,618.27万元`.)
      for (const stop = j - MAX_RESPECTIVE_WALK; j >= 0 && j > stop && amounts.length < run.length; j--) if (tokens[j].role === 'amount' || (tokens[j].role === 'count' && tokens[j].depth === 0)) amounts.unshift(tokens[j]);
      // `A、B分别为2666.3亿元和30400.7亿元，占全国的8.1%和91.9%`: 分别 before the amounts pairs both runs, when
      // the amounts stand right before the rates.
      const respectiveAmounts = run.length > 1 && amounts.length === run.length && /分别/.test(amounts[0].lead) && amounts[0].index === i - run.length;
      // (`分别占财政拨款收入9041.46万元的93.56%和6.44%`: 分别 leads the base stated inline.)
      const inline = inlineBase(tokens, first);
      if (!/分别/.test(first.lead) && !(inline && /分别/.test(inline.lead)) && bases.length === 0 && !respectiveAmounts) continue;
      // `因公出国（境）费、公务用车购置及运行维护费、公务接待费分别占“三公”经费的0%、65.99%、34.01%`: no
      // amounts in the sentence, the names before 分别 find the ones stated earlier.
      if (amounts.length < run.length && i === 0) amounts = namedBeforeRespectively(ctx.subjects, first, run.length) ?? amounts;
      // The base words stand before the first rate of the run (`分别占本年支出合计的`).
      const paired = amounts.length === run.length;
      run.forEach((share, k) => parts.set(share, { part: paired ? amounts[k] : undefined, base: bases[k], lead: first.lead, siblings: paired ? amounts : [] }));
    }
  }
  return parts;
}

/** A share whose named base the prose never states (`占一般公共预算项目支出总额的85%`): a table may. */
export interface UnresolvedShare {
  share: ProseToken;
  part: ProseToken;
  named: string;
}

/**
 * `2016年、…政府采购支出总额分别为…，授予中小企业合同金额分别为…，中小企业合同金额占比由2016年的72.5%变为…`: an earlier year's share
 * after runs of years is of that year's figures, the part the one named as the share is.
 */
function datedPart(tokens: ProseToken[], share: ProseToken): ProseToken | undefined {
  const dated = tokens.filter((t) => t.index < share.index && t.year === share.year && (t.role === 'amount' || t.role === 'prior'));
  const part = dated.at(-1);
  return dated.length >= 2 && part && share.subject.length >= 2 && part.subject.endsWith(share.subject) ? part : undefined;
}

/** A share stated as last year's: `上年基本支出占比为…`, `去年…占…`. */
const LAST_YEARS_SHARE = /^(?:上年度?|去年|上一年度?)(?!同期相比|相比)/;

/**
 * `A、B、C分别为…，分别占一般公共预算财政拨款支出的p、q、r，三项合计X万元，占Y%`: the unnamed share of the items' total is of
 * the base their shares name.
 */
function listsBase(tokens: ProseToken[], share: ProseToken): string {
  // (The figure the share is of, past its own rate: `…27.46万元，完成预算的88.58%，占48.01%`.)
  let before = share.index - 1;
  while (before > 0 && tokens[before].role === 'completion-rate') before--;
  const part = tokens[before];
  const name = part?.subject || part?.lead.replace(/^[，,；;]/, '');
  if (!part || part.role !== 'amount') return '';
  // (`文化旅游体育与传媒支出（类）318.55万元，占政府性基金预算财政拨款支出的87.74%；其他支出（类）44.50万元，占12.26%`: a bare
  // share of the next item of one level takes the base the first named.)
  const level = LEVELS.find((mark) => name!.endsWith(mark));
  if (level && /^[，,]?占(?:比)?(?:为)?$/.test(share.lead)) {
    for (let k = part.index - 1; k >= 0; k--) {
      const t = tokens[k];
      if (t.role === 'amount' && !(t.subject.endsWith(level) && tokens[k + 1]?.role === 'share')) break;
      const named = t.role === 'share' ? namedBase(t.lead) : '';
      if (named) return named;
    }
  }
  // (`…为清河街道，发放261.24万元，占全区发放总额的13.36%…；其次为淮海街道，发放230.64万元，占11.80%`: a bare share of a figure named
  // as an earlier one of its sentence, whose share named its base, is of that base.)
  // (Or as its peer in one breakdown: `公务用车购置费…26.80万元，…占“三公”经费支出决算的46.85%，…；公务用车运行维护费…27.46万元，…占48.01%`.)
  // (A few figures back at most: a sentence of thousands of bare shares stays linear.)
  if (part.subject && /^[，,]?占(?:比)?(?:为)?$/.test(share.lead)) {
    for (let k = part.index - 1; k > 0 && part.index - k <= PEER_LOOK_BACK; k--) {
      if (tokens[k].role !== 'share') continue;
      // (The figure the earlier share is of, past its own rate.)
      let a = k - 1;
      while (a > 0 && tokens[a].role === 'completion-rate') a--;
      const stated = tokens[a]?.role === 'amount' ? tokens[a] : undefined;
      // (A peer only past the part's own rate, where no list holds the share: `…完成预算的88.58%，占48.01%`.)
      const named = stated && (stated.subject === part.subject || (before < share.index - 1 && peerMembers(stated.subject, part.subject))) ? namedBase(tokens[k].lead) : '';
      if (named) return named;
    }
  }
  if (!(COUNTED_TOTAL.test(name!) || REMAINING_ITEMS.test(name!))) return '';
  for (let k = part.index - 1; k >= 0; k--) {
    const named = tokens[k].role === 'share' ? namedBase(tokens[k].lead) : '';
    if (named) return named;
  }
  return '';
}
const LEVELS = ['（类）', '（款）', '（项）'];
/** How many figures back a bare share looks for a peer's share that named its base. */
const PEER_LOOK_BACK = 24;

/**
 * `按部门预算支出经济分类，基本支出中工资福利支出占80.05%，商品和服务支出占13.27%，…`: bare shares after a frame naming the whole
 * (`X中`) are of that whole.
 */
function framedBase(share: ProseToken): string {
  if (!/占(?:比)?(?:为)?$/.test(share.lead)) return '';
  const before = share.sentence.text.slice(0, share.token.span.start - share.sentence.span.start);
  const m = SHARE_FRAME.exec(before) ?? VIEW_FRAME.exec(before);
  return m ? normalizeSubject(m[1]) : '';
}
const ALL_OF_WHOLE = /[，,]\s*全部(?:授予|用于|来自|为|是)[^，,。；;\d]{2,16}[，,]\s*占/;

/** `从商品和服务支出的构成看，排名前五位的是：物业管理费18.60万元（占23.68%），…`: the whole looked at by its make-up. */
const VIEW_FRAME = /^\s*从([^，,。；;：:\d\s]{2,16}?(?:支出|收入|经费|资金))的?(?:构成|结构|组成)(?:上|来)?看[，,：:]/;
const SHARE_FRAME = /^\s*(?:[^，,。；;\d]*?(?:分类|来看|看)[，,：:]\s*)?([^，,。；;：:\d\s]{2,16}?(?:支出|收入|经费|资金|合计|总额|总计))中(?![：:])(?=[\u4e00-\u9fff])/;

/** A 科目 item's level, written after its name (`…（项）`, `…（项）支出`). */
const ITEM_LEVEL = /[（(](类|款|项)[)）](?:支出|决算数?)?$/;

/** How many sentences back an item paragraph's bare share looks for the base its first item named. */
const ITEMS_BACK = 8;

/** The mark an item opens with (`1.`, `（2）`, `三、`, `- `), its digits made alike: items of one list share it. */
const ITEM_MARK = /^\s*(?:[-*•]\s+|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])/;
function itemMark(sentence: ProseToken['sentence']): string | undefined {
  return ITEM_MARK.exec(sentence.text)?.[0].trim().replace(/\d+|[一二三四五六七八九十]+/, 'N');
}

/**
 * `1.…（项）支出7856.32万元，占政府性基金预算财政拨款支出的89.30%…` / `2.…（项）支出398.75万元，占4.53%`: a bare share of a 科目 item
 * in its own paragraph takes the base the item of the same level before it named (in its section). So does an item opening
 * with the same mark (`1.财政拨款收入…，占收入合计的88.17%` / `3.经营收入347.38万元，占8.24%`), or one opening the section after a
 * sibling heading (`（二）事业收入` / `（三）经营收入`).
 */
function itemsBase(ctx: ShareContext, tokens: ProseToken[], share: ProseToken): string {
  const part = tokens[share.index - 1];
  if (part?.role !== 'amount' || !/^[，,]?占(?:比)?(?:为)?$/.test(share.lead)) return '';
  const levelOf = (t: ProseToken | undefined) => (t?.role === 'amount' ? ITEM_LEVEL.exec(t.subject)?.[1] : undefined);
  const level = levelOf(part);
  const mark = level ? undefined : itemMark(part.sentence);
  const section = share.sentence.section;
  // (A section headed by the item's own name, `4．经营收入`, opened by its figure.)
  const opensSection = (t: ProseToken) =>
    t.index === 0 &&
    t.sentence.section !== undefined &&
    ctx.analysis.bySentence.get(t.sentence.id - 1)?.[0]?.sentence.section !== t.sentence.section &&
    subjectsMatch(normalizeSubject(ctx.sections[t.sentence.section].title), t.subject);
  // (Under a heading of its own: the items are the sibling sections, each opening with its figure.)
  const headed = !level && !mark && section !== undefined && opensSection(part) ? ctx.sections[section] : undefined;
  if (!level && !mark && !headed) return '';
  const sameItem = (t: ProseToken | undefined) => (level ? levelOf(t) === level : mark ? t?.role === 'amount' && itemMark(t.sentence) === mark : t?.role === 'amount' && opensSection(t));
  for (let id = share.sentence.id - 1; id >= 0 && id >= share.sentence.id - ITEMS_BACK; id--) {
    const before = ctx.analysis.bySentence.get(id) ?? [];
    const at = before[0]?.sentence.section;
    if (before[0] && at !== section) {
      const sibling = headed && at !== undefined && ctx.sections[at].parent === headed.parent && ctx.sections[at].level === headed.level;
      if (!sibling) return '';
    }
    for (const t of before) {
      if (t.role !== 'share' || !sameItem(before[t.index - 1])) continue;
      const named = namedBase(t.lead);
      if (named) return named;
    }
  }
  return '';
}
const REMAINING_ITEMS = /^(?:其余|其他|剩余)各项(?:科目|项目)?(?:合计|共计|小计|之和)$/;

/**
 * The amount stated for `name` before `t` in its paragraph, as a quantity of its own: what a multiple or a difference
 * (`A是B的X倍`, `A比B多X万元`) names.
 */
function statedBefore(ctx: ShareContext, t: ProseToken, name: string): ProseToken | undefined {
  if (name.length < 2) return undefined;
  return ctx.subjects.find(name, t.token.span.start, (x) => x.role === 'amount' && x.year === undefined && x.ownSubject && x !== t && x.sentence.paragraph === t.sentence.paragraph && x.token.span.start < t.token.span.start && namesAlone(x.subject, name));
}

/**
 * `政府采购服务支出是货物支出的1.56倍`, `人员经费是公用经费的7.53倍`: a multiple of one stated amount over another, checked as
 * a ratio (in 倍, to the multiple's own decimals). Both amounts must be stated before it, in its paragraph, under the
 * names it gives (the second may drop the first's qualifier: 货物支出 for 政府采购货物支出).
 */
function multipleClaims(ctx: ShareContext, sink: ClaimSink): void {
  for (const t of ctx.analysis.tokens) {
    if (t.token.unitText !== '倍' || t.role === 'change-rate' || t.year !== undefined) continue;
    const m = MULTIPLE_OF.exec(t.lead);
    if (!m) continue;
    const [a, b] = [normalizeSubject(m[1]), normalizeSubject(m[2])];
    const [part, base] = [statedBefore(ctx, t, a), statedBefore(ctx, t, b)];
    if (!part || !base || part === base || part.token.unit !== base.token.unit) continue;
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'prose',
      identity: 'prose.multiple',
      description: l(`${part.subject}是${base.subject}的倍数`, `${part.subject} as a multiple of ${base.subject}`),
      span: t.token.span,
      part: operand(part.token, part.subject),
      base: operand(base.token, base.subject),
      stated: operand(t.token, '倍数'),
    });
  }
}
const MULTIPLE_OF = /^([^，,。；;、是]{2,24})是([^，,。；;、]{2,24}?)的$/;

/**
 * `“三公”经费财政拨款决算数为36.38万元，…；为2023年决算数37.70万元的96.50%`: this year's figure as a percentage of last year's,
 * stated inline after 为/是/相当于. This year's is the sentence's own figure of that name before it.
 */
function ratioToPriorClaims(ctx: ShareContext, sink: ClaimSink): void {
  for (const t of ctx.analysis.tokens) {
    if (t.role !== 'percent' || !/^的$/.test(t.lead)) continue;
    const tokens = ctx.analysis.bySentence.get(t.sentence.id)!;
    const prior = tokens[t.index - 1];
    if (prior?.role !== 'prior' || !RATIO_TO_PRIOR.test(prior.lead)) continue;
    const current = tokens.slice(0, prior.index).reverse().find((x) => x.role === 'amount' && x.year === undefined && x.token.unit === prior.token.unit && subjectsMatch(x.subject, prior.subject));
    if (!current) continue;
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'prose',
      identity: 'prose.ratio-to-prior',
      description: l(`${current.subject}为上年的百分比`, `${current.subject} as a percentage of last year's`),
      span: t.token.span,
      part: operand(current.token, `本年${current.subject}`),
      base: operand(prior.token, `上年${prior.subject}`),
      stated: operand(t.token, '为上年的比例'),
    });
  }
}
const RATIO_TO_PRIOR = /(?:^|[，,；;])\s*(?:为|是|相当于)(?:上年|去年|(?:19|20)\d\d年度?)(?:决算数?|同期)?$/;

/**
 * `项目支出比基本支出多488.42万元`: the difference of two stated amounts, A = B ± X. Both must be stated before it in its
 * paragraph under the names it gives; a comparison with last year or a budget is a change (changes.ts), not this.
 */
function differenceClaims(ctx: ShareContext, sink: ClaimSink): void {
  for (const t of ctx.analysis.tokens) {
    if (t.role !== 'amount' || t.year !== undefined) continue;
    const m = MORE_THAN.exec(t.lead);
    if (!m || NOT_A_FIGURE.test(m[2])) continue;
    const [a, b] = [statedBefore(ctx, t, normalizeSubject(m[1])), statedBefore(ctx, t, normalizeSubject(m[2]))];
    if (!a || !b || a === b || a.token.unit !== t.token.unit || b.token.unit !== t.token.unit) continue;
    const more = /多|高|超/.test(m[3]);
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.difference',
      description: l(`${a.subject} = ${b.subject} ${more ? '+' : '−'} 差额`, `${a.subject} = ${b.subject} ${more ? '+' : '−'} the difference`),
      span: t.token.span,
      total: operand(a.token, a.subject),
      parts: [operand(b.token, b.subject), operand(t.token, more ? '多出' : '少')],
      signs: [1, more ? 1 : -1],
      exhaustive: true,
    });
  }
}
const MORE_THAN = /^([^，,。；;、比]{2,24})比([^，,。；;、]{2,24}?)(多|少|高|低|超出)出?$/;
/** (`比上年多`, `比预算少`: a change or a budget difference, read elsewhere.) */
const NOT_A_FIGURE = /上年|去年|同期|预算|计划|(?:19|20)\d\d|年初|目标/;
/** `，全部为财政拨款收入，`, `，均为基本支出，`: the figure before is all one thing. */
const ALL_OF_IT = /^\s*[，,]\s*(?:全部|均|全)(?:为|是|属于|来自)[^，,。；;\d]{2,24}[，,]\s*$/;

/** A grade named between two figures: `；评价等级为“中”的`. */
const OTHER_GRADE_BETWEEN = /[；;][^；;]*[“"‘]?(?:优秀|良好|合格|不合格|优|良|中|差)[”"’]?(?:等次|等级|级)?的/;

/** `…占基本支出的比重分别为：` before a run of names each with its percentage: the base the frame names. */
const NAMED_SHARES_FRAME = /占([^，,。；;：:\d]{2,30}?)的?(?:比重|比例|份额)?分别(?:为|是)[：:]?\s*$/;
const RUN_SEPARATOR = /^[，,、；;]?\s*(?:和|及|以及)?/;

/**
 * `上述四项支出占基本支出的比重分别为：工资福利支出85.98%，商品和服务支出12.19%，…`: percentages named one by one after a frame
 * that names their base; each part is the amount stated before it in its section under the same name.
 */
function namedShare(ctx: ShareContext, tokens: ProseToken[], share: ProseToken): { part: ProseToken; named: string } | undefined {
  let first = share.index;
  while (first > 0 && tokens[first - 1].role === 'percent') first--;
  for (let i = first; i <= share.index; i++) if (!/^[\u4e00-\u9fff（）()“”"]{2,24}$/.test(tokens[i].lead.replace(RUN_SEPARATOR, ''))) return undefined;
  const opening = tokens[first];
  const head = share.sentence.text.slice(0, opening.token.span.start - share.sentence.span.start - opening.lead.length);
  const frame = NAMED_SHARES_FRAME.exec(head);
  if (!frame || (first > 0 && tokens[first - 1].token.span.start > share.sentence.span.start + frame.index)) return undefined;
  const name = normalizeSubject(share.lead.replace(RUN_SEPARATOR, ''));
  const part = ctx.subjects.find(name, share.token.span.start, (t) => t.role === 'amount' && t.year === undefined && t.token.span.start < share.sentence.span.start && t.sentence.section === share.sentence.section && normalizeSubject(t.subject) === name);
  return part && { part, named: frame[1] };
}

/**
 * `占29.89%，接近三成`, `一项即占33.67%，超过三成`: a share restated in words right after its percentage holds the percentage as it
 * holds a ratio (the part the percentage, the base 100%).
 */
function restatedInWords(ctx: ShareContext, sink: ClaimSink): void {
  for (const t of ctx.analysis.tokens) {
    if (t.role !== 'share' || !t.approx || t.index === 0) continue;
    const stated = ctx.analysis.bySentence.get(t.sentence.id)![t.index - 1];
    if (stated.role !== 'share' || stated.approx || stated.token.unit !== '%' || !/^[%％]?\s*[，,、][^，,。；;\d]{0,4}$/.test(between(stated, t))) continue;
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'prose',
      identity: 'prose.share-in-words',
      description: l(`${stated.token.raw}%的约略说法`, `${stated.token.raw}% restated in words`),
      span: t.token.span,
      part: operand(stated.token, '占比'),
      base: exact(100, '100%'),
      stated: operand(t.token, '约略占比'),
      approx: t.approx,
    });
  }
}

/** The first statement of the figure a restatement (`约合0.48亿元`) restates. */
function firstOfRestatements(tokens: ProseToken[], k: number): number {
  while (k > 0 && tokens[k].restates) k--;
  return k;
}

export function shareClaims(ctx: ShareContext, sink: ClaimSink): UnresolvedShare[] {
  restatedInWords(ctx, sink);
  multipleClaims(ctx, sink);
  ratioToPriorClaims(ctx, sink);
  differenceClaims(ctx, sink);
  const unresolved: UnresolvedShare[] = [];
  const groups = new Map<string, ShareClaim[]>();
  /** By sentence and bracket depth: the last share that named its base, and that base (a bracketed share's is another base). */
  const namedShareBefore = new Map<string, { share: ProseToken; named: string; base?: ProseToken }>();
  /** By paragraph: the last share of a bullet that named its base. */
  const bulletShareBefore = new Map<number, { share: ProseToken; named: string; base?: ProseToken }>();
  const respective = respectiveParts(ctx);
  for (const share of ctx.analysis.tokens) {
    const run = respective.get(share);
    const sentenceTokens = ctx.analysis.bySentence.get(share.sentence.id) ?? [];
    const byName = share.role === 'percent' && !run ? namedShare(ctx, sentenceTokens, share) : undefined;
    if (share.role !== 'share' && !run && !byName) continue;
    // `本年收入合计720.43万元，全部为财政拨款收入，占100%`: all of the figure before, so all of it.
    const whole = run ? undefined : sentenceTokens[share.index - 1];
    if (whole?.role === 'amount' && /^[，,]?占(?:比)?(?:为)?$/.test(share.lead) && ALL_OF_IT.test(between(whole, share).slice(0, -share.lead.length))) {
      sink.add<ShareClaim>({
        kind: 'share',
        origin: 'prose',
        identity: 'prose.share-of-all',
        description: l(`${whole.subject || '总额'}全部为一项，占比为 100%`, `all of ${whole.subject || 'the total'} is one item: 100%`),
        span: share.token.span,
        part: operand(whole.token, whole.subject || '总额'),
        base: operand(whole.token, whole.subject || '总额'),
        stated: operand(share.token, '占比'),
      });
      continue;
    }
    // (`货物86.40万元，服务12.60万元，全部授予中小企业，占政府采购支出总额的100%`: all of the whole, not a share of the last part.)
    if (!run && whole && share.token.value.eq(100) && ALL_OF_WHOLE.test(between(whole, share))) continue;
    // (`约占一般公共预算财政拨款支出的四成（39.74%）`: the bracketed figure of words before it has their base.)
    const worded = /^[（(]$/.test(share.lead) ? sentenceTokens[share.index - 1] : undefined;
    const named = byName?.named || namedBase(run?.lead ?? share.lead) || (worded?.role === 'share' && worded.approx ? namedBase(worded.lead) : '') || listsBase(sentenceTokens, share) || itemsBase(ctx, sentenceTokens, share) || framedBase(share);
    if (run && !run.part) continue;
    const bracketed = run ? undefined : slashRatio(sentenceTokens, share) ?? bracketedWhole(sentenceTokens, share, ctx.text);
    const found =
      bracketed?.part ?? run?.part ?? byName?.part ?? priorBeforeInlineBase(sentenceTokens, share) ?? gradedCount(sentenceTokens, share) ?? findPart(sentenceTokens, share, named ? (COUNT_BASE.test(named) ? 'count' : 'amount') : inlineKind(sentenceTokens, share), ctx.text, ctx.listOf.get(share)?.region.start ?? share.sentence.span.start) ?? (run ? undefined : partNamedBefore(ctx, share) ?? partInSentenceBefore(ctx, sentenceTokens, share) ?? countBeforeInlineCount(sentenceTokens, share));
    // (Of a figure and its restatement, `4,796.95万元，约合0.48亿元，占本类支出的30.32%`, the finer is the part.)
    const thisYears = found?.restates && found.sentence === share.sentence ? finestOf(sentenceTokens, sentenceTokens[firstOfRestatements(sentenceTokens, found.index)]) : found;
    // (`…金额分别为56.43万元、58.87万元和80.75万元，占比由2016年的72.5%变为2018年的89.5%`: an earlier year's share of a run is of that
    // year's figure in the run.)
    const ofYear = ctx.reportYear !== undefined && share.year !== undefined && thisYears?.year === undefined ? datedPart(sentenceTokens, share) ?? thisYears : thisYears;
    const baseNamed = named || (sentenceTokens[share.index - 1]?.role === 'share-base' ? sentenceTokens[share.index - 1].subject : '');
    const part = ofYear && !run && baseNamed ? wholeOfCompleteList(ctx, ofYear, share, baseNamed) ?? ofYear : ofYear;
    if (!part) {
      // `其中：人员经费占基本支出的107.74%`: a share of a 其中 part can be at most 100%.
      if (ctx.listOf.has(share)) {
        sink.add({
          kind: 'le',
          origin: 'prose',
          identity: 'prose.share-of-whole',
          description: l('其中项占比不超过 100%', 'A part is at most 100% of its whole'),
          span: share.token.span,
          part: operand(share.token, '占比'),
          whole: withChanges(exact(100, '总数'), { text: '100', unit: '%' }),
        });
      }
      continue;
    }
    // `上年基本支出占比为47.27%，本年下降3.70个百分点`: last year's share is of last year's figures, not of this year's.
    if ((LAST_YEARS_SHARE.test(share.lead) || share.year !== undefined) && part.role !== 'prior' && part.year === undefined) continue;
    // (`按单位分：` / `（1）局机关：本年支出1569.87万元，占55.36%`: of the department's spending, which the unit's paragraph does not
    // state; not of any other figure of the unit.)
    if (!named && part.unitLabelled) continue;
    const wantCount = part.role === 'count';
    // (`12个国考断面水质优良比例达到100%`: the rate of the things counted that meet a standard, of which the text states no number; the
    // count is their whole, no part of another.)
    if (wantCount && !/占/.test(share.lead) && /(?:比例|比率|率)(?:达到?|为|是)?$/.test(share.lead)) continue;
    // (`中央补助1655.00万元，占项目总投资的41.76%；省级补助1200.00万元，占比30.28%`: a bare share in the next `；` clause of a share that named
    // its base, no 其中 between them, is of that base.)
    const clauseKey = `${share.sentence.id}:${share.depth}`;
    const before = run || !BARE_SHARE.test(share.lead) ? undefined : namedShareBefore.get(clauseKey);
    // (Only a few clauses back: a sentence of thousands of bare shares after one named share must not be re-read for each.)
    const sinceNamed = before && share.token.span.start - before.share.token.span.end <= MAX_SAME_BASE_GAP ? ctx.text.slice(before.share.token.span.end, share.token.span.start) : '';
    // (`- 城市低保：…占最低生活保障支出10376.21万元的9.42%` / `- 农村低保：…占90.58%`: so is one in the next bullet, a sibling of the first.)
    const sibling = !before && !run && share.depth === 0 && BARE_SHARE.test(share.lead) && inBullet(ctx.text, share) ? bulletShareBefore.get(share.sentence.paragraph - 1) : undefined;
    const sameBase = (before && /[；;]/.test(sinceNamed) && !sinceNamed.includes('其中') ? before : undefined) ?? sibling;
    const baseName = sameBase?.named ?? named;
    const given = bracketed?.base ?? run?.base ?? sameBase?.base ?? (baseName ? baseInBracketAfter(sentenceTokens, share, baseName) : undefined);
    const resolved = given ? { base: given, group: `given${given.token.id}` } : resolveBase(ctx, share, part, baseName, wantCount, run?.siblings);
    if (!resolved && baseName && !wantCount) unresolved.push({ share, part, named: baseName });
    const ownName = run ? '' : namedBase(share.lead);
    if (ownName) namedShareBefore.set(clauseKey, { share, named: ownName, base: resolved?.base });
    // (Its base named before the share or written inline, `占最低生活保障支出10376.21万元的9.42%`.)
    if (!run && resolved && !BARE_SHARE.test(share.lead) && share.depth === 0 && inBullet(ctx.text, share)) bulletShareBefore.set(share.sentence.paragraph, { share, named: baseName ?? resolved.base.subject, base: resolved.base });
    if (!resolved || resolved.base === part && !named) continue;
    const { base } = resolved;
    // (A run's part is no base of its siblings: `一季度支出1000.16万元、二季度支出…，占全年支出的比重分别为19.30%、23.21%…`.)
    if (run && base !== part && run.siblings.includes(base)) continue;
    // (`“优”的项目31个，…涉及资金6018.36万元；“中”的项目3个，…涉及资金226.55万元，占3.13%`: another grade's money is no whole of this one's.)
    if (base.sentence === part.sentence && base.token.span.start < part.token.span.start && base.subject === part.subject && OTHER_GRADE_BETWEEN.test(ctx.text.slice(base.token.span.end, part.token.span.start))) continue;
    // (An earlier year's share names its year: `2016年授予中小企业合同占2016年政府采购支出总额的比重`.)
    const dated = (t: ProseToken, name: string) => (ctx.reportYear !== undefined && share.year !== undefined && t.year === share.year && !name.startsWith(String(t.year)) ? `${t.year}年${name}` : name);
    const partLabel = dated(part, partName(part));
    // (A count base without a name of its own (`占全部28个项目的`) is the total count, not what the sentence lends it.)
    // (A base without a name of its own takes the share's: `占项目资金总额的` over `…，资金5,743.06万元`.)
    const baseLabel = dated(base, base.token.unit === 'count' && !base.ownSubject ? '总数' : base.subject.replace(/^[/／]+/, '') || baseName || '总数');
    // (A part restated in another unit, `涉及资金9.02亿元（90,234.90万元）`: the finer statement.)
    const fine = finestOf(ctx.analysis.bySentence.get(part.sentence.id) ?? [], part);
    const finePart = fine.token.span.start < share.token.span.start ? fine : part;
    // (So for the base: `总额191,538.47元（约19.15万元）`, whichever of the two the share resolved to.)
    const baseTokens = ctx.analysis.bySentence.get(base.sentence.id) ?? [];
    const fineBase = base.restates ? finestStatement(baseTokens, base.index) : finestOf(baseTokens, base);
    const claim = sink.add<ShareClaim>({
      kind: 'share',
      origin: 'prose',
      identity: 'prose.share',
      description: l(`${partLabel}占${baseLabel}的比重`, `share of ${partLabel} in ${baseLabel}`),
      span: share.token.span,
      part: operand(finePart.token, partLabel),
      base: operand(fineBase.token, baseLabel),
      stated: operand(share.token, '占比'),
      approx: share.approx,
    });
    if (share.approx) continue;
    const list = groups.get(resolved.group) ?? [];
    list.push(claim);
    groups.set(resolved.group, list);
  }
  for (const shares of groups.values()) {
    if (shares.length < 2) continue;
    const span: Span = { start: shares[0].span.start, end: shares.at(-1)!.span.end };
    const group = sink.add({
      kind: 'share-group',
      origin: 'prose',
      identity: 'prose.share-group',
      description: l(`同一列表的 ${shares.length} 个占比`, `${shares.length} shares of one list`),
      span,
      shares: shares.map((s) => s.id),
    });
    for (const s of shares) s.group = group.id;
  }
  return unresolved;
}
