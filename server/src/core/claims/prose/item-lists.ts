// Lists whose items are paragraphs: `收入具体情况如下：` / `…其中：` closing a sentence, then
// `1.财政拨款收入1381.69万元…`, `2.事业收入0.00万元…` (prose.md §1, qinzhou :82–:96, xining :433–:461).
import { compareValues, operand, sumOperand } from '../../arith/interval';
import { withChanges } from '../../arith/operand';
import { l } from '../../messages';
import type { DocumentModel, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { endsSentence, MAX_FAMILY_PARTS, type ProseList } from './lists';
import { countedNoun, coversFamily, distinctMembers, isFamilyMember, otherNouns, peerMembers } from './sums';
import { subjectsMatch } from './subjects';
import { ordinalOf } from '../../text/ordinal';
import { ADJUSTMENT_AMOUNT, budgetKind, wholeOfPart, type ProseAnalysis, type ProseToken, type Role } from './tokens';
import { allMatches } from '../../text/matches';
import { lowerBound } from '../../text/search';
import { LintMemo } from '../../lint-memo';
import { findColumn, itemLabel, items, normLabel } from '../tables/access';

/** The level a 类/款/项 name ends at (`…（类）…（项）` is a 项). */
function levelOf(subject: string): string {
  const marks = subject.match(/[（(]\s*\d*\s*([类款项])\s*[)）]/g) ?? [];
  return marks.length ? marks[marks.length - 1].replace(/[^类款项]/g, '') : '';
}

/** Enumeration styles: items of one list share the style of the first (`（1）`… is not `2、`). */
const ITEM_STYLES = [/^\d+[.．](?!\d)/, /^\d+、/, /^[（(]\d+[)）]/, /^[一二三四五六七八九十]+是/, /^[一二三四五六七八九十]+、/, /^[（(][一二三四五六七八九十]+[)）]/, /^[\u2460-\u2473]/];
/** `- 社会保障和就业支出：1356.28万元，占30.3%；`: Markdown bullets, one item a line. */
const BULLET = /^\s*[-*+•·]\s+/;
/** The indentation before a line's bullet mark (a tab as four spaces). */
function bulletDepth(line: string): number {
  let depth = 0;
  for (const c of /^[ \t\u3000]*/.exec(line)![0]) depth += c === '\t' ? 4 : 1;
  return depth;
}
/** A paragraph that only gives an item's reason: `决算数小于预算数的主要原因是…`, `主要原因是…`. */
const REASON = /^(?:决算数?[^，,。；;\d]{0,6}(?:大于|小于|等于|高于|低于|超过|少于)|(?:增减变化|变动|差异)?(?:的)?主要原因)/;
/** Items named by 类 or 项 (`社会保障和就业支出（类）`, `行政运行（项）`). */
const CLASSIFIED = /[（(]\s*\d*\s*[类款项]\s*[)）]/;

/** `加：…`, `减：…`: an item that is a term of a reconciliation. */
const SIGNED_TERM = /^\s*(?:加|减|扣除|减去|加上)[：:]/;

/** A line that only names a 类 (`1.教育支出（类）`): the heading of the 项 items under it. */
const GROUP_HEADING = /^\s*(?:\d+[.．、]|[（(]\d+[)）])?[^，,。；;\d]*?[（(]\s*类\s*[)）]\s*$/;
/** A 类 on a line of its own under any numbering: `（二）社会保障和就业支出（类）`, `2.住房保障支出（类）`. */
const CLASS_HEADING = /^\s*(?:\d+[.．、]|[（(][\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]+、)?[^，,。；;\d]*?[（(]\s*类\s*[)）]\s*$/;

/** A section heading naming a 类 between two offsets. */
function classHeadingBetween(model: DocumentModel, from: number, to: number): boolean {
  for (let k = lowerBound(model.sections, (s) => s.headingSpan.start, from); k < model.sections.length && model.sections[k].headingSpan.start < to; k++) {
    if (CLASS_HEADING.test(model.text.slice(model.sections[k].headingSpan.start, model.sections[k].headingSpan.end))) return true;
  }
  return false;
}

/** For each paragraph, the highest level (smallest number) of the headings just before it. */
function headingLevelsBefore(model: DocumentModel): number[] {
  const levels = new Array<number>(model.paragraphs.length).fill(Infinity);
  let s = 0;
  for (let p = 0; p < model.paragraphs.length; p++) {
    const start = model.paragraphs[p].span.start;
    while (s < model.sections.length && model.sections[s].headingSpan.start < start) {
      if (p > 0 && model.sections[s].headingSpan.start >= model.paragraphs[p - 1].span.end) levels[p] = Math.min(levels[p], model.sections[s].level);
      s++;
    }
  }
  return levels;
}

/** Tokens by paragraph, built once per lint (item lists and last years' figures ask for them). */
export function tokensByParagraph(analysis: ProseAnalysis): Map<number, ProseToken[]> {
  return byParagraphOf.of(analysis, () => {
    const map = new Map<number, ProseToken[]>();
    for (const t of analysis.tokens) {
      const list = map.get(t.sentence.paragraph);
      if (list) list.push(t);
      else map.set(t.sentence.paragraph, [t]);
    }
    return map;
  });
}
const byParagraphOf = new LintMemo<ProseAnalysis, Map<number, ProseToken[]>>();

/**
 * `年初预算为0万元，全年预算为321.02万元…其中：` over items stating 全年预算: the total is the budget of
 * the kind the items state, from the total's sentence; undefined when that sentence has none.
 */
function budgetOfItemsKind(analysis: ProseAnalysis, total: ProseToken | undefined, items: ProseToken[]): ProseToken | undefined {
  if (!total) return undefined;
  // (`4.…（项）：年初未安排预算，全年预算为238.85万元`: items whose budgets are of different kinds add up to no one budget.)
  if (new Set(items.map((t) => budgetKind(t.lead)).filter((k) => k !== '')).size > 1) return undefined;
  const kind = budgetKind(items[0].lead);
  if (!kind || items.some((t) => budgetKind(t.lead) !== kind)) return total;
  if (budgetKind(total.lead) === kind || budgetKind(total.lead) === '') return total;
  return analysis.bySentence.get(total.sentence.id)?.find((t) => t.role === 'budget' && budgetKind(t.lead) === kind);
}


/**
 * The items of a paragraph, as their tokens: `（1）工资福利支出313.35万元（…）；（2）商品和服务支出44.35万元…`
 * written on after the line that closed with `其中：` holds several. An inline mark counts only after
 * a clause end and when it goes on counting (（2） after （1）), so a figure such as `2.` in the text is
 * not taken for one.
 */
function inlineItems(text: string, style: RegExp, start: number, tokens: ProseToken[]): ProseToken[][] {
  let next = (ordinalOf(style.exec(text)![0]) ?? 0) + 1;
  const starts = [start];
  const mark = new RegExp(`[；;。]\\s*(${style.source.slice(1)})`, 'g');
  for (const m of allMatches(mark, text)) {
    if (ordinalOf(m[1]) !== next) continue;
    next++;
    starts.push(start + m.index + m[0].length - m[1].length);
  }
  if (starts.length === 1) return [tokens];
  return starts.map((from, k) => tokens.filter((t) => t.token.span.start >= from && (k + 1 === starts.length || t.token.span.start < starts[k + 1])));
}

/** A list's words that say it names some of the items: `主要项目`, `重点项目`, `部分科目`. */
const SELECTED_ITEMS = /(?:主要|重点|部分|重大|大额)的?(?:支出)?(?:项目|科目|事项)/;

/** A total of both sides: `收入、支出总计`, `收、支总计`. */
const BOTH_SIDES = /收入、?支出总计$|收、?支总计$/;

export function itemListClaims(model: DocumentModel, analysis: ProseAnalysis, lists: ProseList[], listOf: Map<ProseToken, ProseList>, sink: ClaimSink): void {
  const context = { levelsBefore: undefined as number[] | undefined };
  const tableItems: Partial<Record<'T05' | 'T07' | 'T08', Set<string>>> = {};
  const listed = new Set<number>();
  for (const list of lists) {
    if (!endsSentence(list, model.text)) continue;
    if (list.totals.size === 0) continue;
    // (`收入、支出总计22,609.14万元。其中：` / `- 收入方面：…` / `- 支出方面：…`: each side adds up to the total, not the two together.)
    const whole = list.totals.get('amount');
    if (whole && BOTH_SIDES.test(whole.subject)) continue;
    listed.add(list.sentence);
    // (`具体包括以下9个项目：`: the count in the trigger says how many items follow.)
    const counted = list.totals.get('count') ?? analysis.bySentence.get(list.sentence)?.find((t) => t.role === 'count' && t.token.span.start >= list.trigger.start && t.token.span.end <= list.trigger.end);
    const { parts: items, withheld } = collectItems(model, analysis, list.sentence, counted, context, closingItems(list.totals.get('amount')));
    // (`事业收入按单位划分：A92486.73万元，B13186.92万元，C236.15万元。其中：` / `1. A事业收入92486.73万元，包括…`: items restating the parts of
    // the sentence's own breakdown detail each part; they are no parts of its first.)
    if (restatesOwnParts(lists, list, items.get('amount') ?? [])) continue;
    // (`…（款），支出2125.96万元，其中基本支出1536.27万元，项目支出589.69万元，具体为：` over the 项 items: they detail the 款, not the last part.)
    const detailed = whole && wholeOfPart(analysis.bySentence.get(list.sentence)!, whole);
    const totals = detailed ? new Map(list.totals).set('amount', detailed) : list.totals;
    // (`主要项目执行情况如下：`: the main items only, not all of them.)
    // (The few words before the trigger only: a sentence of thousands of lists is not re-read for each.)
    const selected = SELECTED_ITEMS.test(model.text.slice(Math.max(model.sentences[list.sentence].span.start, list.trigger.start - 16), list.trigger.end));
    addItemSums(analysis, totals, items, false, sink, counted, (kind) => (tableItems[kind] ??= spendingItemsOfTable(model, kind)), withheld || selected);
  }
  for (const list of lists) {
    const total = list.totals.get('amount');
    if (list.parent !== undefined || !total || list.region.end !== model.sentences[list.sentence].span.end) continue;
    // (Nor of a total of both sides: `财政拨款收入、支出总计…，其中年初…结转和结余126.80万元。本年财政拨款支出…，年末…` mixes the sides.)
    if (BOTH_SIDES.test(total.subject)) continue;
    const items = describedItems(model, analysis, listOf, list, total);
    if (items) addItemSums(analysis, new Map([['amount', total]]), new Map([['amount', items]]), true, sink);
  }
  // `2024年度政府采购支出总额为593.69万元。` / `1.货物类231.29万元；` / `2.工程类…`: without a 其中, items that name
  // every member of the total's standard breakdown (sums.ts) are its parts all the same.
  for (const sentence of model.sentences) {
    if (listed.has(sentence.id) || model.sentences[sentence.id + 1]?.paragraph === sentence.paragraph) continue;
    const tokens = analysis.bySentence.get(sentence.id) ?? [];
    // (`“三公”经费财政拨款支出决算为10.00万元，比上年减少1.00万元。` / `1.因公出国（境）费…`: the total may be followed by its own
    // change, rate or budget, no other amount.)
    let last = tokens.length - 1;
    while (last >= 0 && TOTAL_TAIL_ROLES.has(tokens[last].role)) last--;
    const total = tokens[last];
    // (`“三公”经费财政拨款预算为0元，支出决算为0元`: the actual named by the sentence's opening.)
    // (Or a 类 its numbered paragraph names, `3.交通运输支出（类）。支出决算8209.47万元。`, over the paragraphs of its 款 / 项.)
    const ofClass = total !== undefined && levelOf(total.subject) === '类' && /^(?:支出)?(?:决算)?(?:数)?(?:为|是)?$/.test(total.lead) && ITEM_STYLES.some((re) => re.test(paragraphOpening(model, sentence.paragraph)));
    const named = total && (total.ownSubject || ofClass || (total.subject !== '' && /(?:支出|决算)数?(?:为|是)$/.test(total.lead)));
    // (Not `因公出国（境）费、公务用车购置及运行维护费预算数和决算数均为0万元`: a figure several names share is none's whole.)
    // (Nor a part of the sentence's own list: `事业收入…，其中：医疗收入…，科教收入36.34万元。` before `1．财政拨款收入…`.)
    const ownList = total && listOf.get(total);
    if (ownList && ownList.totals.get('amount') !== total) continue;
    // (Nor the last of a run of its peers: `按经济分类，工资福利支出704.11万元，…，资本性支出9.57万元。` before `（一）人员经费…`.)
    if (total && tokens.slice(0, last).some((t) => t.role === 'amount' && peerMembers(total.subject, t.subject))) continue;
    if (!total || total.role !== 'amount' || !named || SHARED_FIGURE.test(total.lead) || (last < tokens.length - 1 && !/比|较|同比|与上年|预算/.test(model.text.slice(total.token.span.end, sentence.span.end)))) continue;
    if (!TOTAL_CLOSE.test(model.text.slice(total.token.unitSpan?.end ?? total.token.span.end, last < tokens.length - 1 ? tokens[last + 1].token.span.start - tokens[last + 1].lead.length : sentence.span.end))) continue;
    const totals = new Map<Role, ProseToken>([['amount', total]]);
    const { parts, withheld } = collectItems(model, analysis, sentence.id, undefined, context, undefined, !ofClass);
    // (A 类's items are its 款 or 项, each named so.)
    if (ofClass) {
      const items = parts.get('amount') ?? [];
      if (items.length === 0 || !items.every((t) => /[款项]/.test(levelOf(t.subject)))) continue;
      addItemSums(analysis, totals, new Map([['amount', items]]), false, sink, undefined, (kind) => (tableItems[kind] ??= spendingItemsOfTable(model, kind)), withheld);
      continue;
    }
    // (`1. 一般公共预算财政拨款收入4659.46万元；` / `2. 政府性基金预算财政拨款收入41.31万元；`: the first item of a list is its items' sibling.)
    const style = ITEM_STYLES.find((re) => re.test(paragraphOpening(model, sentence.paragraph)));
    const first = parts.get('amount')?.[0];
    if (style && first && style.test(paragraphOpening(model, first.sentence.paragraph))) continue;
    addItemSums(analysis, totals, parts, true, sink, undefined, undefined, withheld);
  }
}

/** A paragraph's first characters, past bullets and Markdown marks: where its item mark stands. */
function paragraphOpening(model: DocumentModel, paragraph: number): string {
  const start = model.paragraphs[paragraph].span.start;
  return model.text.slice(start, start + 12).replace(/^[\s*#>-]+/, '');
}

/** `A、B均为0万元`, `…各为…`: one figure stated of several names. */
const SHARED_FIGURE = /(?:均|都|各)(?:为|是)$/;

/** `以上合计支出决算774.90万元`, `上述17个科目年初预算合计29294.22万元，支出决算合计28660.40万元`: a total closing the items before it. */
const CLOSING_TOTAL = /^\s*(?:以上|上述)[^，,。；;：:]{0,12}?(?:年初预算|支出决算|决算)?合计/;

/**
 * The items of the budget-vs-actual section (`1.…（项）：年初预算为…，支出决算为…`), closed by a total of them: their
 * 支出决算 add up to the total's, and their 年初预算 to its budget when it states one. The items are the enumerated
 * paragraphs of its section before it (their run-on lines included), each taken by its first 决算 and first 年初预算.
 */
export function closingItemTotals(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  // (Built for the first closing total only: most reports have none.)
  let byParagraph: Map<number, ProseToken[]> | undefined;
  const opening = (p: number) => paragraphOpening(model, p);
  for (const sentence of model.sentences) {
    if (!CLOSING_TOTAL.test(sentence.text)) continue;
    byParagraph ??= tokensByParagraph(analysis);
    const tokens = analysis.bySentence.get(sentence.id) ?? [];
    const actual = tokens.find((t) => t.role === 'amount' && /决算/.test(t.lead + sentence.text.slice(0, 12)) && !/预算/.test(t.lead));
    const budget = tokens.find((t) => t.role === 'budget' && budgetKind(t.lead) === 'initial');
    if (!actual && !budget) continue;
    const items: Array<{ actual?: ProseToken; budget?: ProseToken }> = [];
    // (Items of one numbering, the nearest's: `（三）卫生健康支出（类）…` groups the `1、…（项）` items it heads.)
    let style: RegExp | undefined;
    let first = '';
    let grouped = false;
    for (let p = sentence.paragraph - 1; p >= 0 && model.paragraphs[p].section === sentence.section; p--) {
      const paragraph = model.paragraphs[p];
      const text = opening(p);
      // (A line that is a 类's name alone heads a group of items: the 项 items restart their numbers under it.)
      if (/[（(][类款][)）]\s*$/.test(model.text.slice(paragraph.span.start, paragraph.span.end).split('\n')[0])) grouped = true;
      style ??= ITEM_STYLES.find((re) => re.test(text));
      if (!style?.test(text)) continue;
      first = style.exec(text)![0];
      // (The item's paragraph and its run-on lines, up to the next item.)
      const own: ProseToken[] = [];
      for (let q = p; q < sentence.paragraph && (q === p || !ITEM_STYLES.some((re) => re.test(opening(q)))); q++) own.push(...(byParagraph.get(q) ?? []));
      items.unshift({
        actual: own.find((t) => t.role === 'amount' && /决算/.test(t.lead)),
        budget: own.find((t) => t.role === 'budget' && budgetKind(t.lead) === 'initial'),
      });
    }
    // (All of them, from the first: a run that does not start at 1 is cut off by a heading, and one under a numbered heading
    // (`4.住房保障支出（类）` / `①住房改革支出（款）…`) is that group's only.)
    const heading = sentence.section === undefined ? '' : model.sections[sentence.section].title.replace(/^[\s#*]+/, '');
    if (items.length < 2 || grouped || ordinalOf(first) !== 1 || /[（(][类款][)）]/.test(heading)) continue;
    for (const [total, pick, name] of [[actual, (i: (typeof items)[number]) => i.actual, '支出决算'], [budget, (i: (typeof items)[number]) => i.budget, '年初预算']] as const) {
      const parts = items.map(pick);
      if (!total || parts.some((t) => t === undefined || t.token.unit !== total.token.unit)) continue;
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.closing-items',
        description: l(`以上各科目${name}之和等于合计`, `the items' ${name === '支出决算' ? 'actuals' : 'initial budgets'} add up to their total`),
        span: total.token.span,
        total: operand(total.token, `${name}合计`),
        parts: parts.map((t) => operand(t!.token, t!.subject || name)),
        exhaustive: true,
      });
    }
  }
}

/**
 * The un-enumerated paragraphs that close a 总计's items (公开01表's 总计 rows, T01.3–4): 结余分配 and 年末结转和结余 after the
 * 支出 items, 使用非财政拨款结余 and 年初结转和结余 after the 收入 items.
 */
function closingItems(total: ProseToken | undefined): RegExp | undefined {
  if (!total) return undefined;
  if (/^支出总计$/.test(total.subject)) return /^(?:结余分配|年末结转和结余)\s*[0-9０-９]/;
  if (/^收入总计$/.test(total.subject)) return /^(?:使用(?:非财政拨款|专用)结余(?:[（(]含专用结余[)）])?|年初结转和结余)\s*[0-9０-９]/;
  return undefined;
}

/** What may close the sentence after such a total: nothing, or `，与上年持平`. */
// (Each run of spaces read by one \s* only: three in a row with optional words between backtracked cubically over a long run.)
const TOTAL_CLOSE = /^[，,]?\s*(?:(?:与上年(?:持平|相同|一致)|同比持平|较上年持平)\s*)?(?:[。；;]\s*)?$/;
/** What a total closing its sentence may be followed by: its change, its rate, its budget and completion. */
const TOTAL_TAIL_ROLES = new Set<Role>(['delta', 'change-rate', 'prior', 'budget-delta', 'completion-rate', 'budget']);

/** How many following sentences without a figure an item's description may take before the next item. */
const MAX_DESCRIPTION_SENTENCES = 3;

/**
 * `基本支出911.7万元，其中：人员经费489.18万元，主要包括：基本工资…等。` / `公用经费46.89万元，主要包括：…等。`: a list whose
 * items are not numbered, each describing itself to the end of its sentence; the next items open the sentences
 * after it (in its paragraph or the next ones) with their name and figure. Undefined unless there are any.
 */
function describedItems(model: DocumentModel, analysis: ProseAnalysis, listOf: Map<ProseToken, ProseList>, list: ProseList, total: ProseToken): ProseToken[] | undefined {
  const amounts = list.members.filter((t) => t.role === 'amount');
  // (Nothing after the trigger, or the first item's figure first: `其中外事接待0批次` is another list.)
  if (amounts.length > 1 || (list.members.length > 0 && list.members[0] !== amounts[0])) return undefined;
  const sentence = model.sentences[list.sentence];
  const items = [...amounts];
  let quiet = 0;
  for (let id = sentence.id + 1; id < model.sentences.length && items.length < MAX_FAMILY_PARTS; id++) {
    const next = model.sentences[id];
    if (next.section !== sentence.section) break;
    const tokens = analysis.bySentence.get(id) ?? [];
    const first = tokens[0];
    if (!first) {
      if (++quiet > MAX_DESCRIPTION_SENTENCES) break;
      continue;
    }
    quiet = 0;
    // Only the item's name before its figure: no clause, no enumeration mark (numbered items are collectItems').
    const name = model.text.slice(next.span.start, first.token.span.start).trim();
    if (first.role !== 'amount' || !first.ownSubject || first.token.unit !== total.token.unit || name === '' || /[，,、：:；;。（(]/.test(name) || ITEM_STYLES.some((re) => re.test(name)) || BULLET.test(name)) break;
    // (`支出总计…，其中：本年支出合计X。` / `本年收入合计…，本年支出合计…`: a paragraph opening with a total is no item.)
    if (/合计|总计|差额/.test(first.subject)) break;
    // (`另有年初结转和结余35.00万元`: what the text adds besides the items is none of them.)
    if (/^(?:另有|另外|此外|以及)/.test(name)) break;
    // (`公务用车购置费支出204.78万元，同比减少…；公务用车运行维护费支出664.60万元，…`: each named amount of the sentence is an item;
    // one in a list of its own breaks the item down, and the reading is given up.)
    const named = tokens.filter((t) => t.role === 'amount' && t.ownSubject && t.depth === 0 && t.token.unit === total.token.unit);
    if (named.some((t) => listOf.has(t) && listOf.get(t) !== list)) return undefined;
    items.push(...named);
  }
  return items.length > amounts.length ? items : undefined;
}

/**
 * The first amount, budget and count of each enumerated paragraph after the sentence (a heading at its level or above ends
 * them). `membersOnly`: the items count only if each names a member of a standard breakdown; at the first that does not,
 * none are collected (a sentence inside a run of a hundred 项 paragraphs would otherwise collect all those after it).
 */
function collectItems(
  model: DocumentModel,
  analysis: ProseAnalysis,
  sentenceId: number,
  countTotal: ProseToken | undefined,
  context: { levelsBefore?: number[] },
  closing?: RegExp,
  membersOnly = false,
): { parts: Map<Role, ProseToken[]>; withheld: boolean } {
  const sentence = model.sentences[sentenceId];
  const level = sentence.section === undefined ? 0 : model.sections[sentence.section].level;
  const parts = new Map<Role, ProseToken[]>();
  let style: RegExp | undefined;
  let lastOrdinal: number | undefined;
  const levelsBefore = (context.levelsBefore ??= headingLevelsBefore(model));
  const byParagraph = tokensByParagraph(analysis);
  // Nested Markdown bullets: a list opened on a bullet holds the bullets indented under it; the items are the bullets at the
  // first item's depth (deeper ones detail an item, a shallower one ends the list).
  // (The opener is the line the sentence starts on: `- 项目支出…；` / `分单位看，…其中：` run on below a bullet opens no nested list.)
  const paragraphStart = model.paragraphs[sentence.paragraph].span.start;
  const lineStart = Math.max(paragraphStart, model.text.lastIndexOf('\n', sentence.span.start - 1) + 1);
  const opener = model.text.slice(lineStart, sentence.span.end);
  const openerDepth = BULLET.test(opener) ? bulletDepth(opener) : -1;
  let itemDepth: number | undefined;
  let withheld = false;
  const overClasses = !/[（(]\s*[类款项]\s*[)）]/.test(sentence.text);
  for (let p = sentence.paragraph + 1; p < model.paragraphs.length; p++) {
    const paragraph = model.paragraphs[p];
    // A heading at the list's level or above ends it; deeper headings (1. 社会保障和就业支出（类）) group items.
    if (levelsBefore[p] <= level) break;
    const raw = model.text.slice(paragraph.span.start, paragraph.span.end);
    const text = raw.replace(/^[\s*#>-]+/, '');
    const bullet = BULLET.test(raw);
    if (bullet) {
      const depth = bulletDepth(raw);
      if (depth <= openerDepth || (itemDepth !== undefined && depth < itemDepth)) break;
      itemDepth ??= depth;
      if (depth > itemDepth) continue;
    }
    // (`…完成年初预算的100.00%。` / `决算数小于预算数的主要原因是…。`: an item's reason, wrapped onto a line of its
    // own after the item's full stop, does not end the list.)
    if (style && REASON.test(text)) continue;
    // (`5. 其他支出（类）92.85万元…` / `年末结转和结余1.66万元，为…`: a 总计's carry-over closes its 类 items unnumbered.)
    if (style && closing?.test(text)) {
      const first = (byParagraph.get(p) ?? []).find((t) => t.role === 'amount');
      if (first) parts.set('amount', [...(parts.get('amount') ?? []), first]);
      continue;
    }
    // (`2.卫生健康支出（类）51853.01万元…` then `卫生健康支出（类）收入按款分：公立医院（款）…` before `3.住房保障支出（类）…`: an unnumbered
    // paragraph breaking the last item down is none of the items, and the list goes on after it.)
    const detailed = style && !style.test(text) ? BREAKS_DOWN.exec(text)?.[1] : undefined;
    if (detailed && (parts.get('amount') ?? []).some((t) => t.subject !== '' && detailed.startsWith(t.subject))) continue;
    style ??= bullet ? BULLET : ITEM_STYLES.find((re) => re.test(text));
    if (!style || (style === BULLET ? !bullet : !style.test(text))) break;
    // (`差异调节情况如下：` / `（1）加：当期确认为收入但没有确认为预算收入的金额…` / `（2）减：…`: terms added and taken away, no parts.)
    if (style !== BULLET && SIGNED_TERM.test(text.slice(style.exec(text)![0].length))) return { parts: new Map(), withheld: true };
    // (`1.住房保障支出（类）…；2.卫生健康支出（类）…` then `1.住房改革支出（款）提租补贴（项）…`: counting again from 1
    // starts the items of another list.)
    let ordinal = style === BULLET ? undefined : ordinalOf(style.exec(text)![0]);
    // (…unless a 类 heads a group of its own items, numbered alike: `2.社会保障和就业支出（类）` over `1.…（项）…`.)
    const [line, ...rest] = text.split(/\r?\n/);
    if (ordinal !== undefined && GROUP_HEADING.test(line)) {
      lastOrdinal = undefined;
      const next = rest.map((x) => x.trim()).find((x) => x !== '');
      if (next === undefined) continue;
      if (style.test(next)) ordinal = ordinalOf(style.exec(next)![0]);
    }
    // (Unless a 类's heading stands between, under a total of more than one 类: `（一）教育支出（类）` / `1.行政运行（项）…` …
    // `（二）社会保障和就业支出（类）` / `1.…（项）…`.)
    if (ordinal !== undefined && lastOrdinal !== undefined && ordinal <= lastOrdinal && !(overClasses && classHeadingBetween(model, model.paragraphs[p - 1].span.end, paragraph.span.start))) break;
    lastOrdinal = ordinal;
    // (`- 财政拨款收入：2102.63万元…` … `- 财政拨款收入按资金性质分：一般公共预算财政拨款收入…`: a line breaking an earlier item down is
    // none of the items.)
    const breaksDown = BREAKS_DOWN.exec(line.replace(BULLET, ''))?.[1];
    if (breaksDown && (parts.get('amount') ?? []).some((t) => t.subject === breaksDown)) continue;
    const paragraphTokens = byParagraph.get(p) ?? [];
    // (`3.…（项）：该项目涉密，具体金额不予公开。`: an item whose figure is withheld leaves the list short of its total.)
    if (WITHHELD.test(text) && !paragraphTokens.some((t) => t.role === 'amount')) withheld = true;
    for (const tokens of style === BULLET ? bulletItems(text, paragraphTokens) : inlineItems(text, style, paragraph.span.start + raw.length - text.length, paragraphTokens)) {
      for (const role of ['amount', 'budget', 'count'] as Role[]) {
        // (`其中：` / `1、应急保障用车6辆；`: counts in the unit of the list's count.)
        const unit = role === 'count' ? countTotal?.token.unitText : undefined;
        if (role === 'count' && !unit) continue;
        // (Not a budget's adjustment: `年初未安排预算，年中追加240.00万元，决算212.64万元`.)
        // (Nor a count of other things than the total's: `共实施项目10个` over `1．…全镇14个行政村…`.)
        const noun = role === 'count' && countTotal ? nounOfCount(countTotal) : '';
        // (`“优”的项目13个` over `1.水文监测站网运行维护专项经费项目。…计划维护监测站55个`: an item that is itself one of the things
        // counted adds one, not its figures.)
        if (noun && ITEM_NAME.exec(line.replace(style, ''))?.[1].endsWith(noun)) continue;
        let first = tokens.find((t) => t.role === role && (!unit || t.token.unitText === unit) && !(role === 'amount' && ADJUSTMENT_AMOUNT.test(t.lead)) && !(noun && unrelatedNouns(noun, nounOfCount(t))));
        // (An item opening with its carried balance, or its income, `（项）：本年收入3200.00万元，支出2816.45万元，…`: its spending, if it states
        // one, is its part.)
        if (first && role === 'amount' && !closing && (ITEM_BALANCE.test(first.subject) || ITEM_INCOME.test(first.lead))) {
          const spending = tokens.find((t) => t.role === 'amount' && (/支出/.test(t.subject) || ITEM_SPENDING.test(t.lead)) && !ITEM_BALANCE.test(t.subject) && !ITEM_INCOME.test(t.lead));
          first = spending ?? (ITEM_BALANCE.test(first.subject) ? undefined : first);
        }
        if (!first) continue;
        if (membersOnly && role === 'amount' && !isFamilyMember(first.subject || first.lead)) return { parts: new Map(), withheld };
        const listed = parts.get(role) ?? [];
        listed.push(first);
        parts.set(role, listed);
      }
    }
    // (`- 项目支出…；` / `结余分配0.00万元…。` / `分单位看，本年支出合计…，其中：`: lines run on after the last item open another list;
    // its items are not this one's.)
    const lines = raw.trimEnd().split(/\r?\n/);
    if (lines.length > 1 && /[：:]$/.test(lines[lines.length - 1].trimEnd())) break;
  }
  return { parts, withheld };
}

/**
 * A bullet's items: itself, or each `；` clause that opens with a figure named for itself (`- 公务用车购置费０．００万元，未购置公务用车；
 * 公务用车运行维护费１１．４６万元，…；年末公务用车保有量四辆；`). Not a bullet that breaks a figure down (`其中`, `包括`).
 */
function bulletItems(text: string, tokens: ProseToken[]): ProseToken[][] {
  // (Nor a bullet whose `；` come after a sentence of its own: `- **农村危房改造**：总投资407.00万元。资金构成：中央补助…；省级补助…` is one
  // item, whose first figure is its part.)
  if (!/[；;]/.test(text) || /其中|包括|分别/.test(text) || /^[^；;]*。/.test(text)) return [tokens];
  const clauses: ProseToken[][] = [];
  for (const t of tokens) {
    const opens = t.depth === 0 && t.ownSubject && /(?:^|[；;])\s*[^，,。；;：:\d]*$/.test(t.lead) && /[；;]/.test(t.sentence.text.slice(0, t.token.span.start - t.sentence.span.start));
    if (clauses.length === 0 || opens) clauses.push([t]);
    else clauses.at(-1)!.push(t);
  }
  return clauses.length > 1 && clauses.every((c) => c[0].ownSubject) ? clauses : [tokens];
}

/**
 * What a count counts: the noun after it (`14个行政村`), else the end of the words before it (`…执法图斑1440个`; a subject
 * carried over from the paragraph's opening names the item, not what `实际完成1369个` counts).
 */
const nounOfCount = (t: ProseToken) => countedNoun(t) || (/[\u4e00-\u9fff]{2}$/.exec(t.ownSubject ? t.subject : t.lead)?.[0] ?? '');
/** An item's name standing as a clause of its own (not `“优”的项目7个`, which names what it counts). */
const ITEM_NAME = /^([^。，,：:；;\d０-９]{2,40})[。，,：:；;]/;
/** Nouns of different things, sharing no character either (`应急保障用车` is one of the `车辆`). */
const unrelatedNouns = (a: string, b: string) => otherNouns(a, b) && ![...a].some((c) => b.includes(c));

/** Words withholding a figure on purpose. */
const WITHHELD = /涉密|保密|不予?公开|不宜公开/;

/** The items' amounts are, one for one, the parts of another list of the same sentence (or the one before). */
function restatesOwnParts(lists: ProseList[], list: ProseList, items: ProseToken[]): boolean {
  if (items.length < 2) return false;
  const values = items.map((t) => t.token.value.toString()).sort();
  return lists.some((other) => {
    // (Its own sentence's, or the sentence's before when `其中：` stands alone after it.)
    if (other === list || (other.sentence !== list.sentence && other.sentence !== list.sentence - 1)) return false;
    const parts = (other.parts.get('amount') ?? []).map((t) => t.token.value.toString()).sort();
    return parts.length === values.length && parts.every((v, k) => v === values[k]);
  });
}

/** The 类 a name opens with: `其他支出（类）彩票公益金安排的支出（款）…` → 其他支出. */
const CLASS_OPENING = /^([^（()）]{2,30}?)[（(]类[)）]/;

/** An item's year's income and spending named alone: `本年收入`, `支出`, `本年支出决算`. */
const ITEM_INCOME = /(?:^|[：:，,。])\s*(?:本年|当年)?(?:收入|收到[^，,。；;\d]{0,12}资金)(?:为|是)?$/;
const ITEM_SPENDING = /(?:^|[：:，,])\s*(?:本年|当年)?支出(?:决算)?数?(?:为|是)?$/;

/** An item's name followed by the criterion it is broken down by: `财政拨款收入按资金性质分：`, `事业收入中，`. */
const BREAKS_DOWN = /^\s*([\u4e00-\u9fff“”（）()]{2,20}?)(?:按[^：:，,。\d]{1,8}(?:分|划分|看)|中|其中)[：:，,]/;

/**
 * `4.…其他城市基础设施配套费安排的支出（项）年初结转和结余32.14万元，本年未安排支出，…`: an item's carried balance is none of its
 * spending (only a 总计's items, `年末结转和结余…`, are balances).
 */
const ITEM_BALANCE = /(?:年初|年末)结转和?结余$/;

/** The names of a spending table's 项 rows with spending (a 7-digit code and a figure other than 0). */
function spendingItemsOfTable(model: DocumentModel, kind: 'T05' | 'T07' | 'T08'): Set<string> {
  const names = new Set<string>();
  for (const table of model.tables) {
    if (table.kind !== kind || table.withdrawn) continue;
    // (A fund table's spending is its 本年支出 column, after the carried balance and the income.)
    const spent = kind === 'T05' ? undefined : findColumn(table, /本年支出/);
    for (const it of items(table)) {
      const cell = it.row.cells[spent ?? it.entry.valueCols[0] ?? -1];
      const n = cell?.number === undefined ? undefined : model.numbers[cell.number];
      if (it.entry.code?.length === 7 && n && !n.value.isZero()) names.add(itemLabel(it));
    }
  }
  return names;
}

/** The 项 a classified item names: `人大事务（款）行政运行（项）` → 行政运行. */
function itemNameOf(subject: string): string {
  return normLabel(subject.replace(/^.*[（(]\s*款\s*[)）]/, '').replace(/[（(]\s*项\s*[)）].*$/, ''));
}

/**
 * A sum claim for each role of the items; `familyOnly`: only items naming every member of the total's breakdown; `someOnly`: the
 * items are some of the total's (a figure withheld, `主要项目`), held to at most it.
 */
function addItemSums(
  analysis: ProseAnalysis,
  totals: Map<Role, ProseToken>,
  parts: Map<Role, ProseToken[]>,
  familyOnly: boolean,
  sink: ClaimSink,
  count?: ProseToken,
  tableItems?: (kind: 'T05' | 'T07' | 'T08') => Set<string>,
  someOnly = false,
): void {
  for (const [role, items] of parts) {
    const total = role === 'budget' ? budgetOfItemsKind(analysis, totals.get(role), items) : totals.get(role);
    // (One item is a breakdown only of a 类 into its one 款 or 项: `3.住房保障支出（类）决算392.62万元，具体为：` over `- 住房改革支出（款）
    // 住房公积金（项）…决算数为392.62万元`.)
    if (!total || items.length === 0 || (items.length === 1 && !(role === 'amount' && levelOf(total.subject) === '类' && /[款项]/.test(levelOf(items[0].subject))))) continue;
    // A total is none of its own items (`…公务接待费支出决算2.59万元，占9.90%。具体情况如下：1.因公出国…3.公务接待费…`
    // after a wrap split the paragraph: 2.59 is the last part of the sentence before, not the list's total).
    if (total.subject && items.some((t) => subjectsMatch(t.subject, total.subject))) continue;
    const subjects = items.map((t) => t.subject || t.lead);
    // (Nor a sibling of them: `…；经营支出0万元；对附属单位补助支出0万元。` / `1.基本支出…` / `2.项目支出…`.)
    if (total.subject && distinctMembers([...subjects, total.subject])) continue;
    const family = coversFamily(subjects, total.subject);
    if (familyOnly && !family) continue;
    const classified = subjects.every((s) => CLASSIFIED.test(s));
    // (`（1）行政运行（项）…496.67万元` then `2. 社会保障和就业支出（类）支出22.00万元`: items of two levels, the 类 named
    // only where it states a figure, are no one breakdown.)
    if (classified && new Set(subjects.map(levelOf)).size > 1) continue;
    // (Nor is one 类 the total of items that name another: `其他支出（类）162.35万元，…；抗疫特别国债安排的支出（类）498.66万元。具体情况如下：`
    // over `1. 其他支出（类）…（项）…` and `3. 抗疫特别国债安排的支出（类）…（项）…`.)
    const totalClass = CLASS_OPENING.exec(total.subject)?.[1];
    const classOf = (t: ProseToken) => CLASS_OPENING.exec(t.sentence.text.replace(/^[\s*#>-]*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])?\s*/, ''))?.[1];
    if (totalClass && /[（(]类[)）]$/.test(total.subject) && items.some((t) => { const own = classOf(t); return own !== undefined && own !== totalClass; })) continue;
    // 类/项 enumerations are complete by convention for the amounts spent; a budget list may
    // leave out 项 without spending, so budgets only check Σ ≤ total.
    // A 类/项 enumeration that leaves out more than a tenth of its total only lists the main items
    // (`其中：` and the two largest 项); a slip in one item's digits rarely moves the sum that far.
    const totalOperand = operand(total.token, total.subject || '合计');
    const partOperands = items.map((t) => operand(t.token, t.subject || t.lead.replace(/[，,：:\s]/g, '')));
    const listed = sumOperand(partOperands, '');
    const covered = () => compareValues(sumOperand(new Array(10).fill(listed), ''), sumOperand(new Array(9).fill(totalOperand), '')) >= 0; // 10·Σ ≥ 9·total
    // (`具体包括以下9个项目：` over nine items: all of them.)
    const allCounted = role === 'amount' && count !== undefined && count.token.decimals === 0 && count.token.value.eq(items.length);
    // (`分单位看，本年支出合计…，其中：` over the units' figures: a list by unit that covers nearly all is all of them.)
    const byUnit = /^[^，,。]{0,4}(?:分|按)(?:所属|下属|各)?单位/.test(total.sentence.text);
    // (Not when 公开05表 spends on 项 the list leaves out: `其中：` over 13 of its 16 项 lists the main ones.)
    const leavesOut = () => {
      const named = new Set(subjects.map(itemNameOf));
      // (A fund's items are 公开07表's or 公开08表's rows.)
      const kind = /政府性基金/.test(total.subject) ? 'T07' : /国有资本/.test(total.subject) ? 'T08' : 'T05';
      return subjects.every((s) => levelOf(s) === '项') && [...(tableItems?.(kind) ?? [])].some((name) => !named.has(name));
    };
    // (`财政拨款收入、支出总计3951.02万元` over each fund's `本年支出…`: a 总计 holds the balances too; the funds' flows are some of it.)
    const flowsOfGrandTotal = /总计$/.test(total.subject) && !items.some((t) => /总计$|结转|结余/.test(t.subject));
    const exhaustive = !someOnly && ((family && !flowsOfGrandTotal) || allCounted || ((classified || byUnit) && role === 'amount' && covered() && !(classified && leavesOut())));
    const label = total.subject || '合计';
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.item-list',
      description: exhaustive ? l(`${label} = 以下各项之和`, `${label} = the sum of the items below`) : l(`以下各项之和不超过${label}`, `The items below do not exceed ${label}`),
      span: total.token.span,
      total: withChanges(totalOperand, { label }),
      parts: partOperands,
      exhaustive,
      soft: exhaustive && !family && !allCounted,
    });
  }
}
