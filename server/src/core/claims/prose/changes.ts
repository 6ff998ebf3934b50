// Year-over-year claims (prose.md §3): current C, prior P, change Δ and rate r, any two or more of
// them stated, with the direction word (增加/减少/持平).
import { checkSum, exact, isMoney, operand, sumOperand } from '../../arith/interval';
import { asExact, withChanges } from '../../arith/operand';
import { BEFORE_COMPARED_YEAR, LAST_YEAR_COMPARISON } from '../../text/comparison';
import { l } from '../../messages';
import type { ChangeClaim, DocumentModel, Operand, PointsClaim, ReasonClaim, ShareClaim, Span } from '../../types';
import { FUND_PREFIXES, namedBeforeRespectively, namesAlone, normalizeSubject, subjectsMatch } from './subjects';
import type { ClaimSink } from '../sink';
import { SubjectIndex } from './subjects';
import { onlyComma } from '../../model/units';
import { ADJUSTMENT_AMOUNT, between, BUDGET_EXCESS_RATE, budgetKind, DESCRIBED_AS, directionOf, LAST_YEARS_RATE, RESTATING_TERM, SHARE_PART_NAME, TO_LEVEL_AFTER, type ProseAnalysis, type ProseToken } from './tokens';
import { ratesBudgetDelta } from './completion';
import { finestStatement, firstAtOrAfter } from './lists';
import { allMatches } from '../../text/matches';
import { LintMemo } from '../../lint-memo';

const firstAmounts = new LintMemo<ProseToken[], number>();

/** Index of the sentence's first amount (Infinity if none), computed once per sentence. */
function firstAmountIndex(tokens: ProseToken[]): number {
  let index = firstAmounts.get(tokens);
  if (index === undefined) {
    const i = tokens.findIndex((t) => t.role === 'amount');
    index = i < 0 ? Infinity : i;
    firstAmounts.set(tokens, index);
  }
  return index;
}

/** The nearest token before `index` (and not before `from`) that `accept`s, walking back. */
function lastBefore(tokens: ProseToken[], index: number, from: number, accept: (t: ProseToken) => boolean): ProseToken | undefined {
  for (let i = index - 1; i >= 0 && tokens[i].token.span.start >= from; i--) if (accept(tokens[i])) return tokens[i];
  return undefined;
}

/** A figure stating an amount of its quantity: as such, or as the base of a share (`分别占财政拨款收入4096.92万元的…`). */
function statesAmount(t: ProseToken): boolean {
  // (Not `收入总计约2400万元`: an approximation restates the figure; a change is measured on the figure itself.)
  return (t.role === 'amount' && !t.approx) || (t.role === 'share-base' && t.token.unit !== 'count');
}

/** A fund's 财政拨款 opening a name: `一般公共预算财政拨款人员经费`. */
const FUND_PREFIX = /^(?:(?:一般公共预算|政府性基金预算?|国有资本经营预算)财政拨款|财政拨款)/;

/** `收支`, `收、支总计`, `收入、支出决算总计`: the 收入总计 and 支出总计 together. */
const INCOME_AND_SPENDING = /^收入?、?支出?(?:总计|决算总计)?$/;

function currentFor(analysis: ProseAnalysis, subjects: SubjectIndex, first: ProseToken, previousEnd: number, sentenceIndex: Map<number, number>, sentenceOrder: number[]): ProseToken | undefined {
  const tokens = analysis.bySentence.get(first.sentence.id) ?? [];
  // Named: `基本支出减少10.50万元` is about the 基本支出 stated before.
  // (So is a sentence's first change named by its opening words: `事业收入主要为医疗服务收入和药品收入，比上年增加…`.)
  const namedByOpening = first.index === 0 && first.subject !== '' && !first.continuesRun && DESCRIBED_AS.test(first.sentence.text);
  if ((first.ownSubject || namedByOpening) && (first.role === 'delta' || first.role === 'change-rate')) {
    const inSentence = lastBefore(tokens, first.index, previousEnd, (t) => t.role === 'amount' && t.subject === first.subject);
    if (inSentence) return inSentence;
    // (`…本年支出68.50万元…。本年支出全部为…彩票公益金支出，…较上年减少16.82万元`: the figure the sentence just before names in the same
    // words, whatever subject its fund made of them.)
    if (namedByOpening) {
      const byWords = (analysis.bySentence.get(first.sentence.id - 1) ?? []).filter((t) => statesAmount(t) && t.year === first.year && t.depth === 0 && t.sentence.paragraph === first.sentence.paragraph && normalizeSubject(t.lead) === first.subject);
      if (byWords.length === 1) return byWords[0];
    }
    // `2022年“三公”经费决算数相较于上年增加…`: a dated change is about that year's amount.
    // (Not a unit's figure, `按单位分，局机关“三公”经费支出决算9.67万元`, for a change the department's name states.)
    const accept = (t: ProseToken) => statesAmount(t) && t.year === first.year && (t.ofUnit === undefined || t.ofUnit === first.ofUnit);
    // `收入、支出总计各增加…` after `收入总计X万元，支出总计X万元`: the names are joined; either one serves.
    // (`收入总计1651.74万元，支出总计1651.74万元。收支较上年决算数增加66.02万元`: 收支 alone is those two, equal.)
    // (`A、B、C本年收入分别为x、y、z万元。与上年相比，A比上年减少…；C较2021年增加…`: a unit's figure the paragraph stated before the
    // change, not another of its figures elsewhere; the run names its last one `C收入`.)
    const inParagraph = (t: ProseToken) => accept(t) && t.sentence.paragraph === first.sentence.paragraph && t.token.span.start < first.token.span.start;
    const near = first.subject.includes('、') || /总计|合计/.test(first.subject) ? undefined : [first.subject, `${first.subject}收入`, `${first.subject}支出`].map((name) => subjects.find(name, first.token.span.start, inParagraph)).find((t) => t !== undefined && subjectsMatch(t.subject.replace(/(?:收入|支出)$/, ''), first.subject.replace(/(?:收入|支出)$/, '')));
    if (near) return near;
    // (`六、一般公共预算财政拨款基本支出…` / `…基本支出1528.91万元…` / `基本支出比上年增加63.91万元`: in a fund's section, the fund's figure of
    // that name, not the department's stated elsewhere.)
    if (!FUND_PREFIX.test(first.subject) && first.subject.length >= 4) {
      const inSection = (t: ProseToken) => accept(t) && t.sentence.section === first.sentence.section;
      const ofFund = FUND_PREFIXES.slice(0, 3).map((f) => subjects.find(f + first.subject, first.token.span.start, inSection)).find((t) => t !== undefined && t.subject.endsWith(first.subject));
      if (ofFund) return ofFund;
    }
    const found = subjects.find(INCOME_AND_SPENDING.test(first.subject) ? '收入总计' : first.subject, first.token.span.start, accept);
    if (found) return found;
    // (`政府采购支出总额146.69万元，…。与上年相比，政府采购支出降低…`: the change may leave out 总额.)
    const total = first.subject.endsWith('总额') ? undefined : subjects.find(`${first.subject}总额`, first.token.span.start, accept);
    if (total) return total;
    if (!first.subject.includes('、')) {
      // (`…“三公”经费财政拨款支出预算为…，支出决算为115.08万元…。“三公”经费支出决算同比增加14.22万元`: the quantity the
      // sentence before opens with, named shorter.)
      const head = previousSentenceTokens(analysis, first, sentenceIndex, sentenceOrder)?.find((t) => t.role === 'amount');
      if (head && accept(head) && head.subject.startsWith(first.subject) && first.subject.length >= 4) return head;
      // (`一般公共预算财政拨款基本支出…，其中：人员经费106706.87万元…。` / `一般公共预算财政拨款人员经费比上年增加7988.08万元`: a part
      // named in a sentence of its section whose head names the fund, not a 人员经费 of all funds.)
      const fund = FUND_PREFIX.exec(first.subject)?.[0];
      const bare = fund ? first.subject.slice(fund.length) : '';
      if (fund && bare.length >= 4) {
        const ofFund = (t: ProseToken) =>
          accept(t) && t.subject === bare && t.sentence.section === first.sentence.section && analysis.bySentence.get(t.sentence.id)!.find((h) => h.role === 'amount')!.subject.startsWith(fund);
        const part = subjects.find(bare, first.token.span.start, ofFund);
        if (part) return part;
      }
      // (`我镇“三公”经费财政拨款预算20.00万元，决算18.27万元…。“三公”经费决算中，…分别为…。“三公”经费决算数同比减少1.54万元`: a 经费
      // stated with its 财政拨款 words earlier in the paragraph.)
      const ofParagraph = /经费$/.test(first.subject) ? [`${first.subject}财政拨款`, `${first.subject}支出`, `${first.subject}财政拨款支出`].map((name) => subjects.find(name, first.token.span.start, inParagraph)).find(Boolean) : undefined;
      if (ofParagraph) return ofParagraph;
      if (head) return undefined;
      // (The same on a line of its own: a 经费 stated with its spending words, `“三公”经费财政拨款支出`, `机关运行经费支出`.)
      if (/经费$/.test(first.subject)) return subjects.find(`${first.subject}支出`, first.token.span.start, accept) ?? subjects.find(`${first.subject}财政拨款支出`, first.token.span.start, accept);
      return undefined;
    }
    // (`财政拨款收入、支出总计2563.53万元。…财政拨款收入、支出总计各减少…`: the joined name stated as such.)
    const same = subjects.find(first.subject, first.token.span.start, accept);
    if (same && same.subject === first.subject) return same;
    return joinedSide(subjects, first.subject, first.token.span.start, accept);
  }
  // (`公务用车购置及运行费42.68亿元（包括购置费9.26亿元、运行费33.42亿元），减少3.11亿元`: the amounts of a
  // bracket closed before the change break the current one down; they are not what changed.)
  const last = lastBefore(tokens, first.index, previousEnd, (t) => t.role === 'amount' && (!closedBetween(first.sentence, t, first) || aloneInBrackets(first.sentence, t)));
  const before = last && finestStatement(tokens, last.index);
  // `其中：公务接待费支出决算比上年的0.03万元，增加0.34万元`, `因公出国（境）费支出决算与上年相比，减少2.00万元`:
  // a part of the paragraph's quantity, named in the clause; its own amount, never the paragraph's head.
  // (`总额173.68万元，其中：货物90.12万元、服务83.56万元，总额比2023年度的129.80万元增加…`: the clause names the
  // total again, not the list's last item.)
  // (`收、支与2023年度相比，增加135.19万元`: the 收入总计 and 支出总计 stated before, equal.)
  const named = namedInClause(tokens, first, previousEnd).replace(INCOME_AND_SPENDING, '收入总计');
  // (`…财政拨款支出491.01万元，本年支出合计为502.22万元，一般公共预算财政拨款支出占本年支出合计的97.77%，比上年增加18.45万元`: a change
  // right after a share is of the share's part, named before 占.)
  const share = tokens[first.index - 1];
  const partName = (!named || /\d/.test(named)) && share?.role === 'share' ? SHARE_PART_NAME.exec(share.lead)?.[1] : undefined;
  const sharesPart = partName ? lastBefore(tokens, share.index, previousEnd, (t) => t.role === 'amount' && t.subject === normalizeSubject(partName)) : undefined;
  if (sharesPart) return sharesPart;
  if (before && !named) {
    const whole = wholeOfClosedList(tokens, before, first, previousEnd);
    if (whole) return whole;
  }
  // (`收入118.00万元，支出108.21万元，…。支出较上年增加5.25万元`: a bare side word is the previous sentence's figure of that
  // side, not whatever the index finds under the word.)
  // (Or opening the sentence before the prior: `支出决算与上年的9340.72万元相比，增加849.37万元`.)
  const sideWord = (/^[，,\s；;]*(收入|支出)(?=较|比|同比|与上年)/.exec(first.lead) ?? SIDE_OPENING.exec(first.sentence.text.slice(0, first.token.span.start - first.sentence.span.start)))?.[1];
  // (And in its own sentence, that side's figure, not the last one: `本年收入486.00万元，本年支出478.20万元，年末结转和结余20.10万元；
  // 支出比上年增加8.70万元`.)
  const ownSide = sideWord && before ? lastBefore(tokens, first.index, previousEnd, (t) => t.role === 'amount' && new RegExp(`${sideWord}(?:合计)?$`).test(t.subject)) : undefined;
  if (ownSide) return ownSide;
  // (`政府采购支出总额146.69万元，…。与上年相比，政府采购支出降低…`: the clause may leave out 总额.)
  if (before && (!named || subjectsMatch(before.subject, named) || subjectsMatch(before.subject, `${named}总额`))) return before;
  if (!before && sideWord) {
    const side = previousSentenceTokens(analysis, first, sentenceIndex, sentenceOrder)?.find((t) => t.role === 'amount' && t.subject.endsWith(sideWord));
    if (side) return side;
  }
  const acceptNamed = (t: ProseToken) => statesAmount(t) && (t.year === undefined || (before !== undefined && t.year === first.year));
  // (`财政拨款支出总计5333.96万元…。财政拨款收入、支出总计与上年相比，减少…`: a joined name, either side stated.)
  const found = named ? subjects.find(named, first.token.span.start, acceptNamed) ?? (named.endsWith('总额') ? undefined : subjects.find(`${named}总额`, first.token.span.start, acceptNamed)) ?? (named.includes('、') ? joinedSide(subjects, named, first.token.span.start, acceptNamed) : undefined) : undefined;
  // (In the section of one fund's 基本支出, `基本支出与2023年决算数1112.61万元相比，减少0.67万元` is that fund's, `一般公共预算财政拨款
  // 基本支出1111.94万元`, not the 基本支出 of all funds stated elsewhere.)
  const section = first.sentence.section;
  const inSection = (t: ProseToken) => acceptNamed(t) && t.sentence.section === section;
  // (`政府性基金预算财政拨款…本年支出450.30万元…。本年支出与2021年度相比，增加…`: the fund's 本年支出, named without 合计.)
  const sectionNames = named ? [...new Set([named, named.replace(/(?:合计|总计)$/, '')])] : [];
  const sectionFund = named && section !== undefined && !(found && found.sentence.section === section) ? FUND_PREFIXES.flatMap((f) => sectionNames.map((n) => subjects.find(f + n, first.token.span.start, inSection))).find(Boolean) : undefined;
  if (sectionFund) return sectionFund;
  if (found) return found;
  if (before) return before;
  // An amount earlier in the sentence, before the previous change: not this change's subject.
  if (firstAmountIndex(tokens) < first.index) return undefined;
  // `部分支出科目有所下降，主要为：A因…，支出减少33万元，下降21.7%；B因…，支出减少57万元…`: changes one a `；` clause are the
  // changes of items the clauses name, not of the previous sentence's quantity.
  const clauses = clausesOf(tokens);
  if (clauses.rates.size > 1 || (clauses.rates.size === 1 && !clauses.rates.has(clauses.of[first.index]))) return undefined;
  // `1381.69万元…。同比增加179.11万元`: the first amount of the previous sentence of the paragraph (when the
  // clause names a quantity, only if it is that one).
  let previous = previousSentenceTokens(analysis, first, sentenceIndex, sentenceOrder);
  if (!previous) return undefined;
  // `…预算为14.01万元，其中：…。与2023年预算相比增长16.75%`: a budget compared with last year's budget.
  const role = /(?:与|比|较)(?:上年|上一年|(?:19|20)\d\d年度?)(?:年初)?预算/.test(first.lead) ? 'budget' : 'amount';
  // (`…支出156.57万元，其中：…。年初预算为170.26万元，完成年初预算的91.96%。同比2023年…增加…`: a sentence of the budget
  // and its completion only is passed over, and so is one of counts only: `…支出决算0.93万元…。全年国内公务接待11批次、70人次。
  // 决算数比上年减少0.56万元`.)
  // (So is a breakdown of the figure before it: `…支出42.2459万元。其中：公务用车购置费25.0826万元…。截至…保有量为5辆。比上年减少…`.)
  for (let k = 0; k < 3 && role === 'amount' && (previous.every((t) => t.role === 'budget' || t.role === 'completion-rate' || t.role === 'count') || /^\s*其中/.test(previous[0].sentence.text)); k++) {
    previous = previousSentenceTokens(analysis, previous[0], sentenceIndex, sentenceOrder) ?? previous;
  }
  // (`近三年本年支出合计分别为：2021年1164.72万元，2022年…，2023年1195.55万元。与2021年决算数相比，2023年增加30.83万元`: the figure
  // of the change's own year, not the first of the run.)
  // (Nor a budget's adjustment, `年初预算2232.88万元，年中追加268.15万元，…决算2463.55万元。决算比2019年度增加177.04万元`.)
  const heads = previous.filter((t) => t.role === role && !ADJUSTMENT_AMOUNT.test(t.lead));
  // (`…年初结转和结余20.00万元，本年收入74.17万元，本年支出85.67万元…。本年支出全部为…，比上年决算数72.28万元增加13.39万元`: the figure
  // the sentence's opening words name, as the sentence before wrote them.)
  const byOpening = first.subject && !named ? heads.find((t) => normalizeSubject(t.lead) === first.subject) : undefined;
  const head = byOpening ?? (new Set(heads.map((t) => t.year)).size > 1 ? heads.find((t) => t.year === first.year) : heads[0]);
  return !named || (head && subjectsMatch(bareName(head.subject), bareName(named))) ? head : undefined;
}

/** A joined name's figure (`财政拨款收入、支出总计`): one of its sides stated (`财政拨款收入总计`), the first found. */
function joinedSide(subjects: SubjectIndex, name: string, offset: number, accept: (t: ProseToken) => boolean): ProseToken | undefined {
  // `收、支总计` abbreviates `收入、支出总计`.
  const joined = name.split('、').map((head) => head.replace(/^收(?!入)/, '收入').replace(/^支(?!出)/, '支出'));
  const suffix = joined.at(-1)!.replace(/^(收入|支出)/, '');
  // (`财政拨款收入、支出总计`: the qualifier of the first name is the others' too.)
  const qualifier = /^(.+?)(?:收入|支出)/.exec(joined[0])?.[1] ?? '';
  const names = joined.map((head, k) => (k > 0 && qualifier && /^(?:收入|支出)/.test(head) ? qualifier + head : head));
  return names.map((head) => subjects.find(head.endsWith(suffix) ? head : head + suffix, offset, accept)).find(Boolean);
}

/**
 * `一般公共服务支出（类）1427.81万元，…，其中：基本支出1263.49万元，项目支出164.32万元；比上年减少219.81万元`: a change opening the
 * clause after the `；` that closes a 其中 list is the list's whole's, not its last part's.
 */
/** A whole's budget figures, which may stand between its 其中 parts and its change. */
const BUDGET_ROLES = new Set(['budget', 'completion-rate', 'budget-delta']);

function wholeOfClosedList(tokens: ProseToken[], last: ProseToken, first: ProseToken, previousEnd: number): ProseToken | undefined {
  const { text, span } = first.sentence;
  // (Up to the change's first figure, which may be last year's: `；比上年的2506.28万元减少195.03万元`; past the last part's share,
  // `项目支出104.84万元，占7%；比上年减少…`.)
  let k = last.index + 1;
  while (tokens[k]?.role === 'share') k++;
  // (Past the whole's budget and its rate too: `其中基本支出6.20万元、项目支出30.64万元；年初预算40.00万元，完成年初预算的92.10%；较上年增加…`.)
  const closing = k;
  while (tokens[k] && BUDGET_ROLES.has(tokens[k].role)) k++;
  const next = tokens[k];
  if (next !== first && next?.role !== 'prior') return undefined;
  const lastEnd = tokens[closing - 1].token.unitSpan?.end ?? tokens[closing - 1].token.span.end;
  const until = tokens[closing];
  const gap = text.slice(lastEnd - span.start, until.token.span.start - span.start - (until === next ? 0 : until.lead.length)).replace(/(?:19|20)\d\d\s*年度?/g, '');
  // (`；与上年相比，增加…`: a comparison clause may stand before it.)
  // (Or a description of the parts: `…项目支出30.64万元，主要用于机关编外聘用人员经费和综合事务保障；`.)
  const semicolon = /^[^。；;\d]*[；;][^。；;\d]*$/.test(gap);
  // (A comma closes it too when the parts add up to the whole, a breakdown complete: `…其中：货物支出71.30万元、工程支出0.00万元、
  // 服务支出15.24万元，比上年的104.37万元减少17.83万元` is the 总额's change.)
  // (Not when the part's own budget rate follows that comma: `…；公务用车运行维护费1.86万元，为预算的74.40%，与上年相比增加0.44万元` is
  // the part's change.)
  if (!semicolon && (k > closing || !/^[^。；;\d]*[，,][^。；;\d]*$/.test(gap))) return undefined;
  const lastAt = last.token.span.start - span.start;
  // (Or a 包括 list: `政府采购支出总额151.05万元，包括：…服务支出112.40万元；上年决算为168.35万元，较上年减少17.30万元`.)
  // (Or `由…组成`: `收入总计1292.11万元，由本年收入1276.51万元和年初…结转和结余15.60万元组成；较上年减少204.26万元`.)
  const madeOf = /^\s*(?:组成|构成)/.test(gap) ? text.lastIndexOf('由', lastAt) : -1;
  // (Or a frame, `债务付息支出754.95万元中，一般债券付息…、专项债券付息…，同比增长23.28%`: whose parts add up to it, below.)
  const framed = Math.max(text.lastIndexOf('中，', lastAt), text.lastIndexOf('中：', lastAt));
  const opened = Math.max(text.lastIndexOf('其中', lastAt), text.lastIndexOf('包括', lastAt), madeOf, semicolon ? -1 : framed);
  if (opened < 0 || span.start + opened < previousEnd) return undefined;
  const whole = lastBefore(tokens, firstAtOrAfter(tokens, span.start + opened), previousEnd, (t) => t.role === 'amount');
  if (!whole || whole === last || whole.depth !== last.depth) return undefined;
  if (semicolon) return whole;
  // (Not parts each in a `；` clause of its own: `其中：购置费37.04万元…；运行维护费107.47万元，同比增加1.44万元` is the last part's change.)
  if (/[；;]/.test(text.slice(whole.token.span.end - span.start, lastAt))) return undefined;
  const parts = tokens.slice(whole.index + 1, last.index + 1).filter((t) => t.role === 'amount' && t.depth === whole.depth);
  return parts.length >= 2 && checkSum(operand(whole.token, ''), parts.map((p) => operand(p.token, ''))).ok ? whole : undefined;
}

/** The figures of the paragraph's previous sentence with figures, if it has any. */
function previousSentenceTokens(analysis: ProseAnalysis, first: ProseToken, sentenceIndex: Map<number, number>, sentenceOrder: number[]): ProseToken[] | undefined {
  const previousId = sentenceOrder[sentenceIndex.get(first.sentence.id)! - 1];
  const previous = previousId === undefined ? undefined : analysis.bySentence.get(previousId);
  return previous?.length && previous[0].sentence.paragraph === first.sentence.paragraph ? previous : undefined;
}

/** For a sentence's figures: the `；` clause each stands in (counted from 0), and the clauses that state a change rate. */
const clauseCache = new LintMemo<ProseToken[], { of: Int32Array; rates: Set<number> }>();

export function clausesOf(tokens: ProseToken[]): { of: Int32Array; rates: Set<number> } {
  let clauses = clauseCache.get(tokens);
  if (clauses) return clauses;
  clauses = { of: new Int32Array(tokens.length), rates: new Set() };
  let clause = 0;
  let at = 0;
  for (const t of tokens) {
    const { text, span } = t.sentence;
    for (const end = t.token.span.start - span.start; at < end; at++) if (text[at] === '；' || text[at] === ';') clause++;
    clauses.of[t.index] = clause;
    if (t.role === 'change-rate') clauses.rates.add(clause);
  }
  clauseCache.set(tokens, clauses);
  return clauses;
}

/** `财政拨款收入比上年增加1525.31万元，增长27.51%，2024年度决算数为7073.93万元`: this year's figure right after its change. */
function currentRightAfter(next: ProseToken | undefined, first: ProseToken): ProseToken | undefined {
  if (next?.role !== 'amount' || !first.ownSubject || /[；;。]/.test(next.lead)) return undefined;
  return /^(?:(?:19|20)\d\d年度?|本年度?)?(?:决算数?|决算金额|支出决算|收入决算)(?:为|是|达)?$/.test(next.lead.replace(/\s+/g, '')) ? next : undefined;
}

/** `本年收入合计（6866.69万元）减少了…`: the amount is all its bracket holds, the named quantity's own figure. */
function aloneInBrackets(sentence: ProseToken['sentence'], t: ProseToken): boolean {
  const end = (t.token.unitSpan?.end ?? t.token.span.end) - sentence.span.start;
  return /[（(]$/.test(t.lead) && /^[）)]/.test(sentence.text.slice(end, end + 1));
}

/** True when a bracket open at `inner` closes before `outer`: `inner` stands in a parenthesis `outer` is outside of. */
function closedBetween(sentence: ProseToken['sentence'], inner: ProseToken, outer: ProseToken): boolean {
  const between = sentence.text.slice(inner.token.span.end - sentence.span.start, outer.token.span.start - sentence.span.start);
  let depth = 0;
  for (const ch of between) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && --depth < 0) return true;
  }
  return false;
}

/** A name without the 为 / 的 that may trail it (`上年支出合计为` names 支出合计). */
const bareName = (name: string) => name.replace(/[为的是]+$/, '');

/**
 * The quantity a change's own clause names when no amount stands before it: the name of the prior just
 * before it (`公务接待费支出决算比上年的0.03万元，`), else the words before 与上年相比 / 比上年 since the last
 * `；` or `：`. '' when the clause names none (`。同比增加179.11万元` is about the sentence before).
 */
function namedInClause(tokens: ProseToken[], first: ProseToken, previousEnd: number): string {
  const prior = lastBefore(tokens, first.index, previousEnd, (t) => t.role === 'prior');
  if (prior) return prior.ownSubject ? prior.subject : '';
  const sentence = first.sentence;
  const upTo = first.token.span.start - sentence.span.start;
  // (Searched back only to the previous change: a sentence of thousands of changes stays linear.)
  const since = sentence.text.slice(Math.max(previousEnd - sentence.span.start, 0), upTo);
  // (Nor a budget and its completion before it: `；年初预算22.00万元，完成年初预算的86.82%，同比增加…` names nothing. A share does, its
  // part: `本年支出占本年支出合计的66.16%，与2022年度相比增加…`.)
  const whole = since.slice(Math.max(...['；', ';', '：', ':'].map((c) => since.lastIndexOf(c) + 1)));
  // (Nor a part's share in its bracket: `…和其他收入0.00万元（占本年收入合计的0.00%），比上年增加5.45万元`.)
  const figures = /^.*[0-9０-９]\s*(?:[%％]|万元|亿元|元|个百分点)[)）]?/.exec(whole)?.[0] ?? '';
  const clause = (/预算|完成|执行/.test(figures) && !/占/.test(figures)) || /[)）]$/.test(figures) ? whole.slice(figures.length) : whole;
  const compared = LAST_YEAR_COMPARISON.exec(clause);
  // (Nor a definition between the figure and its change: `基本支出1124.03万元，是指…的人员经费和公用经费，比上年增加…` is 基本支出's.)
  if (!compared || compared.index === 0 || /是指|指的是/.test(clause.slice(0, compared.index))) return '';
  // (Only the words after the clause's last amount: `…包括A4.30万元和B43.20万元，较上年增加…` names nothing of its own; a share's
  // part is named before its rate, as above.)
  return normalizeSubject(clause.slice(0, compared.index).replace(/^.*[0-9０-９]\s*(?:万元|亿元|元)[)）]?/, ''));
}

// `与上年的1.83万元持平`, and `上年为2.60万元，与上年持平` (the comparison in the next clause).
/**
 * `2023年度本年支出合计800.00万元。2024年度本年支出合计750.00万元，同比下降6.25%。`: last year's figure of
 * the same quantity, stated as the last number of the previous sentence of the paragraph.
 */
function priorInPreviousSentence(analysis: ProseAnalysis, first: ProseToken, current: ProseToken, sentenceIndex: Map<number, number>, sentenceOrder: number[]): ProseToken | undefined {
  if (current.sentence.id !== first.sentence.id || !current.subject) return undefined;
  const previousId = sentenceOrder[sentenceIndex.get(first.sentence.id)! - 1];
  const previous = previousId === undefined ? undefined : analysis.bySentence.get(previousId);
  const last = previous?.at(-1);
  if (!last || last.role !== 'prior' || last.sentence.paragraph !== first.sentence.paragraph) return undefined;
  return subjectsMatch(last.subject, current.subject) ? last : undefined;
}

/**
 * `比上年增长25%，上年为3.00万元` / `增加1.00万元（上年为3.00万元）`: last year's figure given right after
 * the change, about the same quantity (its own name, if any, must be the current amount's).
 */
function priorRightAfter(change: ProseToken, next: ProseToken | undefined, current: ProseToken | undefined): ProseToken | undefined {
  if (next?.role !== 'prior') return undefined;
  // (`比2024年预算减少0.50万元，下降4.76%；比2024年决算数9.80万元增加…`: a prior that opens a comparison of its own
  // is the next change's; so is one after a `；`: `…增加0.74万元，增长0.30%；交通运输支出（类）支出由上年的3302.37万元减少至…`.)
  if (/比|较|与|同|由|从/.test(next.lead) || /[；;]/.test(between(change, next))) return undefined;
  if (next.ownSubject && next.subject && current?.subject && !subjectsMatch(next.subject, current.subject)) return undefined;
  return next;
}

/**
 * `2023年度支出决算为77.99万元，2024年度支出决算为91.97万元，比上年增长17.66%`: last year's figure stated
 * first, as an amount dated the year before the current one. Only when both years are written and the
 * names (if any) match, so that an unrelated earlier amount is never taken for the prior.
 */
function priorByYear(tokens: ProseToken[], current: ProseToken | undefined, from: number, subjects: SubjectIndex, lastYears: () => SubjectIndex, reportYear: number | undefined): ProseToken | undefined {
  // (A figure of the report's own year: `鄂城区2022年的“三公”经费…1000.86万` in the 2022 决算, last year's stated as `2021年的…`; not
  // in a budget, whose figures of its own year are budgets compared with last year's actuals.)
  if (current?.year === undefined) {
    if (reportYear === undefined || !current?.subject || current.sentence === tokens[0]?.sentence) return undefined;
    // (The nearest before the change's sentence: `…决算数为29.97万元，…按可比口径调整后为32.12万元。…较上年可比数减少2.11万元`.)
    return lastYears().find(current.subject, tokens[0].sentence.span.start, (t) => t.year === reportYear - 1 && t.ownSubject && t.token.span.start < tokens[0].sentence.span.start && !RESTATING_TERM.test(t.lead));
  }
  const year = current.year;
  // Stated in an earlier sentence (`2021年的三公经费决算数合计为807.95万，其中：…`): found by name and year.
  if (current.sentence !== tokens[0]?.sentence) return current.subject ? subjects.find(current.subject, current.token.span.start, (t) => t.role === 'amount' && t.year === year - 1) : undefined;
  const prior = lastBefore(tokens, current.index, from, (t) => t.role === 'amount' && t.year !== undefined);
  if (prior?.year !== current.year - 1 || prior.token.unit !== current.token.unit) return undefined;
  if (prior.subject && current.subject && prior.ownSubject && current.ownSubject && !subjectsMatch(prior.subject, current.subject)) return undefined;
  return prior;
}

/** What a sentence states of one change: the token that starts it, and whichever of C, P, Δ, r it gives. */
interface StatedChange {
  first: ProseToken;
  current?: ProseToken;
  prior?: ProseToken;
  /** `上年无此项支出`, `（上年为0）`: last year's figure stated as zero in words (where). */
  zeroPrior?: Span;
  delta?: ProseToken;
  rate?: ProseToken;
}

function changeClaim(sink: ClaimSink, text: string, change: StatedChange): MadeChange | undefined {
  // (`…2023年为154.28万元，2025年比2023年减少13.51万元，下降8.76%`: a change since a year, after that year's figure, is from it; that
  // figure is no current one.)
  const since = (change.delta ?? change.rate)?.year;
  const fromFigure = since !== undefined && (change.delta ?? change.rate)?.since === true && !change.prior && change.current?.year === since;
  const { first, current, prior: stated, zeroPrior, delta, rate } = fromFigure ? { ...change, prior: change.current, current: undefined } : change;
  // (`2024年与2022年相比增加5.19万元`: a change since a year dated otherwise than its current figure is from that year's figure,
  // never another year's: `2023年…24.47万元` beside it is no prior of it. Without that year's figure, C − Δ is.)
  const prior = since !== undefined && since !== current?.year && stated && stated.year !== since ? undefined : stated;
  // (`较上年下降2.60%，增加11.59万元`: a rate first, then the amount with a word of its own; the amount's word is the
  // change's, and the rate's is compared with it below.)
  const amountWord = first === rate && delta ? directionOf(delta.lead) : undefined;
  const worded = amountWord ?? first.direction ?? (rate ? directionOf(rate.lead) : undefined) ?? 'up';
  // `增长-3.23%`, `增加-5.36万元`, `增减额-23.40万元`: a negative change says the opposite of its word.
  const signed = delta ?? rate!;
  const direction = signed.token.value.isNegative() && worded !== 'flat' ? (worded === 'up' ? 'down' : 'up') : worded;
  // Only what can be checked: a rate with its inputs, Δ against C − P, a rate on a zero amount, or an
  // increase against this year's amount (it cannot exceed it).
  // (Or, with nothing to check of its own, a change its whole's breakdown reads: `公务接待费0元，比上年减少3,200.00元`, `…0元，与上年持平`
  // under `“三公”经费…比上年减少3,200.00元。其中：` (change-parts.ts).)
  const checkable = (rate && (delta || prior || current)) || (current && (prior || zeroPrior)) || (current && delta) || (current && direction === 'flat');
  if (!checkable) return undefined;
  const label = current?.subject || first.subject || '本年数';
  // (Signs flip words: `增加-5.36万元，下降3.20%` is consistent and `增加-0.46万元，增长8.42%` is not; an unsigned rate's word is its direction.)
  const rateWord = delta && rate && !rate.token.value.isNegative() ? directionOf(rate.lead) : undefined;
  const rateSpan = rateWord && directionSpan(rate!);
  const contradicts = rateWord !== undefined && rateWord !== 'flat' && direction !== 'flat' && rateWord !== direction && rateSpan !== undefined;
  const reached = current && REACHED.test(current.lead) ? directionOf(current.lead) : undefined;
  const reachedSpan = reached && reached !== 'flat' ? directionSpan(current!) : undefined;
  // (A change since an older year, `比2019年增加…`, is named so.)
  const olderYear = since !== undefined && since !== current?.year;
  return withSubject(label, sink.add<ChangeClaim>({
    kind: 'change',
    origin: 'prose',
    identity: 'prose.change',
    description: olderYear ? l(`${label}与${since}年比较`, `${label} compared with ${since}`) : l(`${label}与上年比较`, `${label} compared with the previous year`),
    span: (rate ?? delta)!.token.span,
    direction,
    directionSpan: directionSpan(first),
    rateWord: contradicts ? { direction: rateWord, span: rateSpan } : undefined,
    rateDirectionSpan: rate && directionSpan(rate),
    reachedWord: reachedSpan && reached !== 'flat' ? { direction: reached!, span: reachedSpan } : undefined,
    undecided: templatePairs(text, [first, delta, rate]),
    current: current && operand(current.token, label),
    prior: prior ? operand(prior.token, '上年数') : zeroPrior && withChanges(exact(0, '上年数', zeroPrior), { text: '0' }),
    delta: delta && operand(delta.token, direction === 'down' ? '减少额' : '增加额'),
    rate: rate && operand(rate.token, direction === 'down' ? '下降率' : '增长率'),
    priorBeforeRate: rate && prior && current && !delta && RATE_WORD_ONLY.test(text.slice(prior.token.unitSpan?.end ?? prior.token.span.end, rate.token.span.start)) ? true : undefined,
    pointsUnit: rate?.pointsAsRate ? rate.token.unitSpan : undefined,
  }), olderYear);
}

/** Between last year's figure and the rate: a comma and the rate's direction word only. */
const RATE_WORD_ONLY = /^\s*[，,]\s*(?:增长|下降|增加|减少|上升|降低)了?\s*$/;

/** `由13辆`, `由上年的88批次`, `从2023年末的…`: the count a change starts from. */
const COUNT_FROM_LEVEL = /(?:由|从)(?:上年(?:末|底|度|同期)?|上一年度?|去年|(?:19|20)\d\d年(?:末|底|度)?)?的?$/;
const COUNT_DELTA = /(?:增加|增长|上升|提高|多|减少|下降|降低|少)了?$/;
/** The quantity a count's change or last year's count names: `在职人员比上年末的` → 在职人员, `实有人员增加` → 实有人员. */
function countName(subject: string): string {
  return subject
    .replace(/(?:增加|增长|上升|提高|多|减少|下降|降低|少)了?$/, '')
    .replace(/(?:比|较|与)(?:上年|去年|(?:19|20)\d\d年)?(?:末|底|度)?的?$/, '')
    .replace(/^(?:年?末|年底|本年)/, '');
}

/** Last year's count: `比上年的15辆`, `比上年末的87人`, `与2023年末的104人相比`, `比2023年末的10辆`. */
const COUNT_PRIOR = /(?:上年|去年|上一年|同期|(?:19|20)\d\d\s*年)(?:末|底|度)?(?:的|为)?$/;

/**
 * `门急诊12.50万人次，比上年增加1.20万人次，增长10.62%`, `比上年的15辆减少3辆`, `保有量为6辆，比2023年末的10辆减少1辆`: a
 * count's change. This year's count is the count before it in the same unit (last year's when 上年 leads it); when the
 * change or last year's count names its quantity (`在职人员比上年末的87人增加1人`), the nearest count of that name, in the
 * sentence or the one before it in the paragraph (`实有人员108人，其中：在职人员85人…。与2023年末的104人相比，实有人员增加
 * 4人`). The rate right after it is the change's.
 */
function countChange(text: string, tokens: ProseToken[], i: number, from: number, before: ProseToken[]): StatedChange | undefined {
  const delta = tokens[i];
  const words = delta.lead.replace(/\s+/g, '');
  const sameUnit = (t: ProseToken) => t.role === 'count' && t.token.unitText === delta.token.unitText;
  let k = i - 1;
  while (k >= 0 && tokens[k].token.span.start >= from && !sameUnit(tokens[k])) k--;
  // (`车辆总数由13辆减少至11辆，减少2辆`: the count reached, after the count it started from.)
  const start = k >= 1 && tokens[k - 1].token.span.start >= from && sameUnit(tokens[k - 1]) ? tokens[k - 1] : undefined;
  if (start && COUNT_FROM_LEVEL.test(start.lead.replace(/\s+/g, '')) && TO_LEVEL_AFTER.test(text.slice(start.token.unitSpan?.end ?? start.token.span.end, tokens[k].token.span.start)) && COUNT_DELTA.test(words)) {
    const next = tokens[i + 1];
    const rate = next?.role === 'change-rate' && !/[；;。]/.test(next.lead) ? next : undefined;
    return { first: { ...delta, direction: directionOf(words) ?? 'up' }, current: tokens[k], prior: start, delta, rate };
  }
  // (`2023年末实有人员119人，本年减少2人`: a count its own words date another year is last year's too.)
  const prior = k >= 0 && tokens[k].token.span.start >= from && (COUNT_PRIOR.test(tokens[k].lead.replace(/\s+/g, '')) || (tokens[k].year !== undefined && /(?:19|20)\d\d\s*年/.test(tokens[k].lead))) ? tokens[k] : undefined;
  if (!COUNT_DELTA.test(words) || !(LAST_YEAR_COMPARISON.test(words) || prior)) return undefined;
  // (Counts that are changes themselves, `实有人员增加4人；在职人员比上年末的87人…`, are no year's count.)
  const isCount = (t: ProseToken) => sameUnit(t) && t !== prior && !COUNT_DELTA.test(t.lead.replace(/\s+/g, '')) && !COUNT_PRIOR.test(t.lead.replace(/\s+/g, ''));
  const named = [delta, prior].map((t) => (t?.ownSubject ? countName(t.subject) : '')).find((name) => name.length >= 2);
  // (`国内公务接待14批次…，上年为17批次…，接待批次减少3批次`: the name with its unit word left out names the count.)
  const bare = named?.endsWith(delta.token.unitText) ? named.slice(0, -delta.token.unitText.length) : undefined;
  // (`共涉及项目6个…较上年的5个项目增加1个`: a count whose name ends with the change's.)
  const names = (t: ProseToken) => !named || subjectsMatch(t.subject, named) || t.subject.endsWith(named) || (bare !== undefined && bare.length >= 2 && t.subject.includes(bare));
  let current: ProseToken | undefined;
  for (k = (prior ? prior.index : i) - 1; k >= 0 && tokens[k].token.span.start >= from; k--) {
    if (!isCount(tokens[k])) continue;
    if (names(tokens[k])) current = tokens[k];
    break;
  }
  // (A named change looks further: its count stated in the sentence before.)
  if (!current && named) current = [...tokens.slice(0, prior ? prior.index : i), ...before].reverse().find((t) => isCount(t) && t.token.span.start < delta.token.span.start && subjectsMatch(t.subject, named));
  if (!current) return undefined;
  const next = tokens[i + 1];
  const rate = next?.role === 'change-rate' && !/[；;。]/.test(next.lead) ? next : undefined;
  // (`比上年度少3辆`: 多/少 are directions too.)
  const direction = directionOf(words) ?? (/少了?$/.test(words) ? 'down' : 'up');
  return { first: { ...delta, direction }, current, prior, delta, rate };
}

/**
 * `2022年度收、支总计各是4125.49,4143.91万元。与2021年相比，收、支总计各减少…`: the amounts of the sentence before,
 * when it states exactly as many side by side (joined by 、 or a comma alone).
 */
function pairedBefore(text: string, previous: ProseToken[], count: number): ProseToken[] {
  const amounts = previous.filter((t) => t.role === 'amount');
  return amounts.length === count && amounts.every((t, k) => k === 0 || /^(?:、|和)$/.test(t.lead) || onlyComma(text, amounts[k - 1].token, t.token)) ? amounts : [];
}

/** The change tokens of one `分别` run: the first has 分别 before it, the others only a 、/和 (tokens.ts gives them its role). */
function runFrom(tokens: ProseToken[], i: number): ProseToken[] {
  const run = [tokens[i]];
  // (`分别减少1459.44万元和增加907.11万元，分别下降2.99%和增长2.51%`: each figure of the run with its own direction word.)
  const directed = /分别|各/.test(tokens[i].lead) && (tokens[i].role === 'delta' || tokens[i].role === 'change-rate');
  for (let next = tokens[i + 1]; next?.role === tokens[i].role && (next.continuesRun || (directed && DIRECTED_IN_RUN.test(next.lead))); next = tokens[i + run.length]) run.push(next);
  return run;
}
const DIRECTED_IN_RUN = /^\s*(?:[、，,]|和|及|与)\s*(?:增加|减少|增长|下降|上升|降低|提高)了?\s*$/;

/**
 * `人员经费420.00万元、公用经费80.00万元，比上年的400.00万元、70.00万元分别增加20.00万元和10.00万元，分别增长
 * 5.00%和14.29%`: the k-th change of each run belongs to the k-th amount (and prior) before it. Undefined
 * when tokens[i] starts no such run; a run whose amounts cannot all be paired makes no claim (`changes`
 * is empty) rather than a wrong one.
 */
function respectiveRun(text: string, tokens: ProseToken[], i: number, from: number, subjects: SubjectIndex, previous: ProseToken[]): { changes: StatedChange[]; last: number } | undefined {
  if (!/分别|各/.test(tokens[i].lead)) return undefined;
  const slotted = slottedRun(text, tokens, i, from);
  if (slotted) return slotted;
  const first = runFrom(tokens, i);
  if (first.length < 2) return undefined;
  const next = tokens[i + first.length];
  const other = next && next.role !== first[0].role && (next.role === 'delta' || next.role === 'change-rate') ? runFrom(tokens, i + first.length) : [];
  const second = other.length === first.length ? other : [];
  const last = i + first.length + second.length - 1;
  const before = (role: ProseToken['role']) => tokens.slice(0, i).filter((t) => t.role === role && t.token.span.start >= from).slice(-first.length);
  const inSentence = before('amount');
  // `与上年相比，财政拨款收入、其他收入分别减少…`: the amounts were stated in an earlier sentence.
  const currents = inSentence.length === first.length ? inSentence : i === 0 || inSentence.length === 0 ? namedBeforeRespectively(subjects, tokens[i], first.length) ?? pairedBefore(text, previous, first.length) : [];
  // (Or last year's figures right after the run: `分别下降12.80%和13.54%（上年分别为3748.46万元和3723.32万元）`,
  // `…，上年分别为4117.58万元、322.54万元`.)
  const stated = before('prior');
  const after = tokens[last + 1]?.role === 'prior' && /上年|去年|上一年/.test(tokens[last + 1].lead) ? runFrom(tokens, last + 1) : [];
  // (Or a run of as many of last year's in the sentence before: `上年上述各类支出分别为786.19万元、…。本年A、B、…分别为…，与上年相比分别
  // 增长14.33%、…`.)
  const opening = stated.length === first.length || after.length === first.length ? -1 : previous.findIndex((t) => t.role === 'prior' && /分别/.test(t.lead));
  const runBefore = opening >= 0 ? runFrom(previous, opening) : [];
  const priors = stated.length === first.length ? stated : after.length === first.length ? after : runBefore.length === first.length && currents === inSentence ? runBefore : stated;
  const end = priors === after ? last + after.length : last;
  if (currents.length !== first.length) return { changes: [], last: end };
  const [deltas, rates] = first[0].role === 'delta' ? [first, second] : [second, first];
  return {
    last: end,
    changes: first.map((t, k) => ({ first: t, current: currents[k], prior: priors.length === first.length ? priors[k] : undefined, delta: deltas[k], rate: rates[k] })),
  };
}

const FLAT_IN_RUN = /、(?:持平|无变化|不变)|(?:持平|无变化|不变)、/;

const FLAT_WORD = /持平|无变化|不变/g;
/** A change of a run after the first, its rate in a bracket before it: `）和减少`, `）、持平和增加`. */
// (A note in brackets may stand before it: `增加42.80万元（上年无此项支出）和减少4.56万元`.)
const NEXT_IN_RUN = /^(?:[）)]|[（(][^（()）]{0,20}[)）])?\s*[、和及，,]\s*(?:(?:持平|无变化|不变)\s*[、和及]\s*)*(?:增加|减少|增长|下降|上升|降低|提高)了?$/;
/** Items left level after the run's last figure: `、持平`, `和无变化`. */
const FLATS_AFTER = /^[）)]?(?:\s*[、和及]\s*(?:持平|无变化|不变))+/;

/**
 * `A、B和C分别为0.00、79.32、1.86万元，比上年分别持平、增加38.24万元（上升93.09%）和减少0.28万元（下降13.08%）`: a run whose items may
 * be level (no figure) and whose rates stand in brackets after their changes. Each change takes the amount of its place in the run.
 * Undefined when the run has neither a level item nor bracketed rates (respectiveRun reads those).
 */
function slottedRun(text: string, tokens: ProseToken[], i: number, from: number): { changes: StatedChange[]; last: number } | undefined {
  const first = tokens[i];
  if (first.role !== 'delta') return undefined;
  const entries: Array<{ delta: ProseToken; rate?: ProseToken; slot: number }> = [];
  // (Level items named before the first change: `分别持平、增加…`; the caller saw its 分别.)
  let slots = first.lead.slice(first.lead.search(/分别|各/)).match(FLAT_WORD)?.length ?? 0;
  let k = i;
  let bracketed = false;
  for (;;) {
    const delta = tokens[k];
    const rate = tokens[k + 1]?.role === 'change-rate' && tokens[k + 1].depth > delta.depth && /^[（(]/.test(tokens[k + 1].lead) ? tokens[k + 1] : undefined;
    bracketed ||= rate !== undefined;
    entries.push({ delta, rate, slot: slots++ });
    const next = tokens[k + (rate ? 2 : 1)];
    if (!next || next.role !== 'delta' || next.token.unit !== first.token.unit || !NEXT_IN_RUN.test(next.lead)) break;
    k += rate ? 2 : 1;
    // (Level items between two changes take their places before the next.)
    slots += next.lead.match(FLAT_WORD)?.length ?? 0;
  }
  const lastEntry = entries.at(-1)!;
  const lastToken = lastEntry.rate ?? lastEntry.delta;
  slots += FLATS_AFTER.exec(text.slice(lastToken.token.unitSpan?.end ?? lastToken.token.span.end))?.[0].match(FLAT_WORD)?.length ?? 0;
  const flats = slots - entries.length;
  if (slots < 2 || (flats === 0 && (!bracketed || entries.length < 2))) return undefined;
  const currents = tokens.slice(0, i).filter((t) => t.role === 'amount' && t.token.span.start >= from).slice(-slots);
  const last = tokens.indexOf(lastToken);
  if (currents.length !== slots) return { changes: [], last };
  return { last, changes: entries.map((e) => ({ first: e.delta, current: currents[e.slot], delta: e.delta, rate: e.rate })) };
}

// (`基本持平`, `大体持平`: roughly level, which a small change does not contradict; not read as C = P.)
const FLAT_AFTER = /^(?:[^，,；;。]*?|[，,]\s*(?:与上年|较上年|比上年|同比)[^，,；;。]{0,4}?)(?<!基本|大体|大致|总体|基本上)(持平|无变化|无增减|没有变化|一致)/;

/** The change claims made, each with the quantity it is about. */
/** A change claim made, with the subject it is of; `olderYear`: compared with an earlier year than the last. */
export type MadeChange = { claim: ChangeClaim; subject: string; olderYear?: true };

/** `为上年的87.01%`, `为上年同期的2.60倍`, `是上年的2.3倍`: this year's figure as a proportion (or multiple) of last year's. */
const OF_LAST_YEAR = /(?:本年)?[为是](?:上年|上年度|去年)(?:同期)?(?:决算数?)?的$/;
/** `是上年485.92万元的1.52倍`, `是上年（58.16万元）的3.32倍`: last year's figure stated inside the ratio's words. */
const LAST_YEAR_INSIDE = /[为是](?:上年|上年度|去年)(?:同期)?(?:决算数?)?[（(]?$/;
const AFTER_LAST_YEAR_INSIDE = /^[)）]?的$/;

function isRatio(t: ProseToken): boolean {
  return t.token.unit === '%' || t.token.unitText === '倍';
}

/**
 * `本年…支出3,241.65万元，比上年下降12.99%，减少483.86万元，为上年的87.01%`, `比上年增加2.61万元，是上年的2.3倍`: the current figure
 * over last year's (stated, or the current ∓ the change), as the proportion or multiple the clause states. Also with last year's
 * figure inside the words (`是上年485.92万元的1.52倍`) or stated before (`本项目上年决算88.05万元，本年是上年的3.05倍`).
 */
export function levelOfLastYearClaims(analysis: ProseAnalysis, changes: MadeChange[], sink: ClaimSink): void {
  const read = new Set<ProseToken>();
  const add = (ratio: ProseToken, part: Operand, base: Operand, subject: string) => {
    read.add(ratio);
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'prose',
      identity: 'prose.of-last-year',
      description: l(`${subject || '本年数'}为上年的比例`, `${subject || 'this year'} as a proportion of last year`),
      span: ratio.token.span,
      part,
      base,
      stated: operand(ratio.token, '为上年的比例'),
    });
  };
  for (const { claim, subject } of changes) {
    if (!claim.current || claim.current.token === undefined || claim.direction === 'flat') continue;
    // The change's own sentence (this year's figure may stand in the one before: `…支出决算326.50万元…。与上年的402.80万元相比减少
    // 76.30万元，为上年决算数的81.06%`).
    const own = analysis.byToken.get((claim.delta ?? claim.rate ?? claim.current).token ?? -1);
    const tokens = own && analysis.bySentence.get(own.sentence.id);
    if (!own || !tokens) continue;
    // The first ratio after the change, with no other amount before it (a scan that stops at such an amount: a sentence of
    // thousands of figures is read once, not once per change).
    let ratio: ProseToken | undefined;
    for (let k = own.index + 1; k < tokens.length && !ratio; k++) {
      const t = tokens[k];
      if (isRatio(t) && OF_LAST_YEAR.test(t.lead)) ratio = t;
      else if (t.role === 'amount') break;
    }
    const base = claim.prior ?? (claim.delta ? sumOperand([claim.current, claim.delta], '上年数', undefined, [1, claim.direction === 'up' ? -1 : 1]) : undefined);
    if (!ratio || !base || read.has(ratio)) continue;
    add(ratio, withChanges(claim.current, { label: `${subject || ''}本年数` }), base, subject);
  }
  // This year's amounts of the paragraph so far (the ratio's sentence may follow the figure's: `…政府采购支出总额192.85万元，…。
  // 政府采购支出总额是上年（58.16万元）的3.32倍`).
  let amounts: ProseToken[] = [];
  let paragraph = -1;
  for (const tokens of analysis.bySentence.values()) {
    if (tokens[0] && tokens[0].sentence.paragraph !== paragraph) {
      paragraph = tokens[0].sentence.paragraph;
      amounts = [];
    }
    for (const ratio of tokens) {
      if (ratio.role === 'amount' && ratio.depth === 0 && ratio.year === undefined) amounts.push(ratio);
      if (!isRatio(ratio) || read.has(ratio) || ratio.depth > 0) continue;
      const inside = AFTER_LAST_YEAR_INSIDE.test(ratio.lead) ? tokens[ratio.index - 1] : undefined;
      const prior = inside && inside.role === 'prior' && LAST_YEAR_INSIDE.test(inside.lead) ? inside : OF_LAST_YEAR.test(ratio.lead) ? lastPriorBefore(tokens, ratio) : undefined;
      const current = prior && currentOf(amounts, prior);
      if (!prior || !current) continue;
      add(ratio, operand(current.token, `${current.subject}本年数`), operand(prior.token, '上年数'), current.subject);
    }
  }
}

/** Last year's figure stated before a ratio of its sentence, this year's money. */
function lastPriorBefore(tokens: ProseToken[], ratio: ProseToken): ProseToken | undefined {
  for (let k = ratio.index - 1; k >= 0; k--) if (tokens[k].role === 'prior' && tokens[k].depth === 0 && isMoney(tokens[k].token.unit)) return tokens[k];
  return undefined;
}

/** This year's figure last year's is compared with: the one of its name before it, or the paragraph's only amount before it. */
function currentOf(paragraphAmounts: ProseToken[], prior: ProseToken): ProseToken | undefined {
  const amounts = paragraphAmounts.filter((t) => t.token.span.start < prior.token.span.start && t.token.unit === prior.token.unit);
  const named = prior.ownSubject && prior.subject.length >= 2 ? amounts.filter((t) => subjectsMatch(t.subject, prior.subject)) : [];
  return named.length === 1 ? named[0] : amounts.length === 1 ? amounts[0] : undefined;
}

export function changeClaims(analysis: ProseAnalysis, subjects: SubjectIndex, sink: ClaimSink, text: string, reportYear?: number, finalAccounts = false): MadeChange[] {
  const made: MadeChange[] = [];
  // Last year's figures named by their own words (`2023年度公务接待费支出5.00万元`), in document order.
  const lastYears = reportYear === undefined ? [] : analysis.tokens.filter((t) => (t.role === 'prior' || t.role === 'amount') && t.year === reportYear - 1 && t.ownSubject && t.subject !== '');
  // (Last year's figures by name, built when a change first asks.)
  let priorIndex: SubjectIndex | undefined;
  const lastYearsIndex = () => (priorIndex ??= new SubjectIndex(analysis.tokens, ['prior']));
  const sentenceOrder = [...analysis.bySentence.keys()];
  const sentenceIndex = new Map(sentenceOrder.map((id, i) => [id, i]));
  let previousSentence: ProseToken[] = [];
  for (const [, tokens] of analysis.bySentence) {
    // (The sentence before, in the same paragraph: what a sentence opening with its changes is about.)
    const before = previousSentence[0]?.sentence.paragraph === tokens[0]?.sentence.paragraph ? previousSentence : [];
    previousSentence = tokens;
    let previousEnd = tokens[0]?.sentence.span.start ?? 0;
    const usedPriors = new Set<ProseToken>();
    // (The figure the sentence's last change was of: `收支总计8046.49万元，比上年增加…；与疫情前的2019年相比增加…` compares it again.)
    let lastCurrent: ProseToken | undefined;
    // Rates taken by a change stated before them, past figures in brackets.
    const takenRates = new Set<ProseToken>();
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (takenRates.has(first)) continue;
      if (first.role === 'count') {
        const counted = countChange(text, tokens, i, previousEnd, before);
        if (!counted) continue;
        const claim = changeClaim(sink, text, counted);
        if (claim) made.push(claim);
        if (counted.rate) i++;
        previousEnd = tokens[i].token.span.end;
        continue;
      }
      if (first.role !== 'delta' && first.role !== 'change-rate') continue;
      // `比年初预算减少50.00万元，下降4%`: a rate on the budget, completion.ts's claim.
      // (`超出年初预算2577.39万元（年初预算…），超支比例34.86%`, `超年初预算23.78%`: the same, over the budget.)
      // (`3.86万元，较预算减少22.80%，比上年增加1.20万元`: the same, below the budget.)
      if (first.role === 'change-rate' && (BUDGET_EXCESS_RATE.test(first.lead) || BUDGET_COMPARED_RATE.test(first.lead) || ratesBudgetDelta(tokens, first))) continue;
      const respective = respectiveRun(text, tokens, i, previousEnd, subjects, before);
      if (respective) {
        for (const c of respective.changes) {
          if (c.prior) usedPriors.add(c.prior);
          const claim = changeClaim(sink, text, c);
          if (claim) made.push(claim);
        }
        i = respective.last;
        previousEnd = tokens[i].token.span.end;
        continue;
      }
      // (`A、B、C分别较上年增加5.08万元、持平、增加0.03万元`: a run with a 持平 among its figures is none of its last
      // name's changes; change-parts.ts adds it up against the whole's.)
      if (/分别|各/.test(first.lead) && /、/.test(first.subject) && FLAT_IN_RUN.test(text.slice(first.token.unitSpan?.end ?? first.token.span.end, (first.token.unitSpan?.end ?? first.token.span.end) + 6) + first.lead)) continue;
      let delta: ProseToken | undefined;
      let rate: ProseToken | undefined;
      if (first.role === 'delta') {
        delta = first;
        const next = tokens[i + 1];
        if (next?.role === 'change-rate' && !takenRates.has(next)) {
          rate = next;
          i++;
        } else {
          rate = rateAfterBrackets(tokens, first);
          if (rate) takenRates.add(rate);
        }
      } else {
        rate = first;
        // `比上年增长15.20%，增加123.45万元`: the rate may come first.
        const next = tokens[i + 1];
        // (Not `…增长16.75%，其中因公出国(境)费增加0万元`: a Δ naming another quantity is that one's.)
        if (next?.role === 'delta' && !/[；;。]/.test(next.lead) && !(next.ownSubject && !subjectsMatch(next.subject, first.subject))) {
          delta = next;
          i++;
        }
      }
      // (`…分别为6842.37万元、7265.95万元和8766.76万元，其中2021年比2020年增加423.58万元`: a change between two past years is of
      // their figures, dated so in this sentence or the one before; without them it is of no figure this text states.)
      const pastPair = BETWEEN_PAST_YEARS.exec(first.lead);
      if (pastPair && reportYear !== undefined && Number(pastPair[1]) <= reportYear) {
        // (The report year's figure is the undated one of the run: `2020—2022年…分别为a、b和c` dates a and b only.)
        // (Or this year's figure of the earlier one's quantity: `2022年度…机关运行经费支出74.02万元…。2020年、2021年机关运行经费分别为…，
        // 2022年比2020年下降23.53%`.)
        const dated = (year: number, like?: ProseToken) =>
          [...before, ...tokens.slice(0, first.index)].reverse().find((t) => (t.role === 'amount' || t.role === 'prior') && t.token.unit !== '%' && (t.year === year || (year === reportYear && t.year === undefined && (/分别|、|和/.test(t.lead) || (like !== undefined && like.subject.length >= 2 && t.subject.endsWith(like.subject))))));
        const earlier = dated(Number(pastPair[2]));
        const later = dated(Number(pastPair[1]), earlier);
        if (Number(pastPair[1]) < reportYear || (later && earlier)) {
          previousEnd = (rate ?? delta)!.token.span.end;
          const claim = later && earlier ? changeClaim(sink, text, { first, current: later, prior: earlier, zeroPrior: undefined, delta, rate }) : undefined;
          if (claim) made.push(claim);
          continue;
        }
      }
      const pastYears = pastYearsFigure(tokens, first, previousEnd, reportYear);
      // (`2022年、2023年、2024年收支总计分别为…，本年收支总计比2022年减少187.09万元`: a change of this year's figure since an older
      // year's, which is its prior.)
      const sinceYear = first.since ? first.year : undefined;
      let current = pastYears ?? currentFor(analysis, subjects, sinceYear !== undefined ? { ...first, year: undefined } : first, previousEnd, sentenceIndex, sentenceOrder) ?? currentRightAfter(tokens[i + 1], first);
      // (That year's figure in the sentence, or in the one before in its paragraph: `2022年、2023年、2024年…分别为15.77万元、…。与2022年相比，
      // 2024年…减少2.75万元`.)
      const ofSinceYear = (t: ProseToken) => (t.role === 'amount' || t.role === 'prior') && t.year === sinceYear && t !== current;
      const sentenceBefore = first.index === 0 ? analysis.bySentence.get(first.sentence.id - 1) : undefined;
      const sinceFigure = sinceYear !== undefined ? lastBefore(tokens, first.index, 0, ofSinceYear) ?? (sentenceBefore?.[0]?.sentence.paragraph === first.sentence.paragraph ? [...sentenceBefore].reverse().find(ofSinceYear) : undefined) : undefined;
      // (A named change after another one of the run: `…分别为P1和P2，其中人员经费同比增幅0.59%，公用经费同比减幅26.51%`.)
      const bounded = pastYears ? undefined : lastBefore(tokens, first.index, previousEnd, (t) => t.role === 'prior');
      const priorBefore = bounded ? priorOfNamedRun(tokens, bounded, first, previousEnd) : pastYears || !first.ownSubject ? undefined : namedInRun(tokens, lastBefore(tokens, first.index, 0, (t) => t.role === 'prior' && t.continuesRun === true), first);
      let prior =
        sinceFigure ??
        (pastYears ? undefined :
        (priorBefore && !(current && otherItemsPrior(text, priorBefore, current)) ? priorBefore : undefined) ??
        (current && priorInPreviousSentence(analysis, first, current, sentenceIndex, sentenceOrder)) ??
        priorRightAfter(tokens[i], tokens[i + 1], current) ??
        priorByYear(tokens, current, previousEnd, subjects, lastYearsIndex, finalAccounts ? reportYear : undefined));
      if (!current && !prior && first.index === 0 && !first.ownSubject) ({ current, prior } = chainedLines(analysis, first, sentenceIndex, sentenceOrder) ?? {});
      const sinceOlder = sinceYear ?? (reportYear !== undefined && first.year !== undefined && first.year < reportYear - 1 && OLDER_YEAR_COMPARED.test(first.lead) ? first.year : undefined);
      if (!current && !prior && sinceOlder !== undefined && !first.ownSubject) current = lastCurrent;
      if (current) lastCurrent = current;
      if (prior) usedPriors.add(prior);
      const zeroPrior = current && !prior ? zeroPriorInWords(text, (rate ?? delta)!, tokens[i + 1]) ?? zeroPriorBetween(text, current, first) : undefined;
      previousEnd = Math.max((rate ?? delta)!.token.span.end, prior?.token.span.end ?? 0);
      const claim = changeClaim(sink, text, { first, current, prior, zeroPrior, delta, rate });
      if (claim) made.push(claim);
    }
    flatAgainstStatedPrior(tokens, text, lastYears, sink, made);
    // `与上年的1.83万元持平`: a prior followed by 持平 states C = P.
    for (const prior of tokens) {
      if (prior.role !== 'prior' || usedPriors.has(prior)) continue;
      const end = prior.token.unitSpan?.end ?? prior.token.span.end;
      const m = FLAT_AFTER.exec(text.slice(end, end + 30));
      if (!m) continue;
      const current = tokens.slice(0, prior.index).reverse().find((t) => t.role === 'amount');
      if (!current) continue;
      made.push(flatChange(sink, current, prior, end + m.index + m[0].length - m[1].length, m[1].length));
    }
  }
  return made;
}

/** `与疫情前的2019年相比增加`, `比2019年减少`: a change since an older year than the last. */
const OLDER_YEAR_COMPARED = new RegExp(String.raw`(?:比|较|与)\s*${BEFORE_COMPARED_YEAR}(?:19|20)\d\d\s*年`);

/** A sentence opening with one side, compared: `支出决算与上年的…相比`, `收入较上年`. */
const SIDE_OPENING = /^\s*(收入|支出)(?:决算数?|总额)?(?=较|比|同比|与上年)/;

/** `2021年比2020年`, `2023年较2022年`: a change between two years named. */
const BETWEEN_PAST_YEARS = /((?:19|20)\d\d)\s*年度?\s*(?:比|较|与)\s*((?:19|20)\d\d)\s*年度?(?:相比)?[，,]?[^，,。；;\d]{0,8}$/;

/**
 * `收入总计减少865.43万元（主要是…减少149.10万元），下降17.01%`: the rate after a bracket that follows Δ, the bracket's
 * figures being reasons or parts, is Δ's. (Not when the bracket gives a rate of its own.)
 */
function rateAfterBrackets(tokens: ProseToken[], delta: ProseToken): ProseToken | undefined {
  let k = delta.index + 1;
  while (k < tokens.length && tokens[k].depth > delta.depth) {
    if (tokens[k].role === 'change-rate') return undefined;
    k++;
  }
  const rate = tokens[k];
  return k > delta.index + 1 && rate?.role === 'change-rate' && rate.depth === delta.depth && !/[；;。]/.test(rate.lead) ? rate : undefined;
}

/**
 * `2023年度，本部门机关运行经费支出21.39万元，比上年增加0.60万元，增长2.89%` in the 2024 report (last year's paragraph, or a
 * look back): a change in a sentence dated an earlier year is that year's figure against the year before it, not this
 * year's against that one. The figure of that year it follows, named by its own words.
 */
function pastYearsFigure(tokens: ProseToken[], change: ProseToken, from: number, reportYear: number | undefined): ProseToken | undefined {
  // (`2023年度机关运行经费为192.66万元，本年增加22.14万元`: a change its own words call this year's is this year's.)
  if (reportYear === undefined || change.year === undefined || change.year >= reportYear || /本年|今年/.test(change.lead)) return undefined;
  const figure = lastBefore(tokens, change.index, from, (t) => t.role === 'prior' || t.role === 'amount');
  if (!figure || figure.year !== change.year || !figure.ownSubject || (change.role === 'delta' && figure.token.unit !== change.token.unit)) return undefined;
  // (Dated by its year written out; `上年支出合计为1140.76万元，同比下降41.76%` is last year's figure of this year's change.)
  const before = figure.sentence.text.slice(0, figure.token.span.start - figure.sentence.span.start);
  return !/上年|去年|上一年|同期/.test(figure.lead) && before.includes(String(change.year)) ? figure : undefined;
}

/**
 * `人员经费、公用经费上年分别为627.00万元和63.53万元，其中人员经费同比减幅22.64%`: of a 分别 run of priors, the one in the place of
 * the name the change gives (not the run's last).
 */
function priorOfNamedRun(tokens: ProseToken[], prior: ProseToken, change: ProseToken, from: number): ProseToken {
  const inRun = prior.continuesRun && change.ownSubject && namedInRun(tokens, prior, change);
  if (inRun) return inRun;
  // (`上年人员经费694.07万元、公用经费79.64万元，本年人员经费增加44.00万元`: the prior of the change's own name, not the last.)
  if (change.ownSubject && prior.ownSubject && !subjectsMatch(prior.subject, change.subject)) {
    const named = tokens.slice(0, change.index).reverse().find((t) => t.role === 'prior' && t.ownSubject && t.token.span.start >= from && subjectsMatch(t.subject, change.subject));
    if (named) return named;
  }
  return prior;
}

/** The figure of a 分别 run ending at `last` in the place of the change's name; undefined when the run names it nowhere. */
function namedInRun(tokens: ProseToken[], last: ProseToken | undefined, change: ProseToken): ProseToken | undefined {
  if (!last) return undefined;
  let k = last.index;
  while (k > 0 && tokens[k].continuesRun && tokens[k - 1].role === last.role) k--;
  const head = tokens[k];
  const names = head.subject.split('、');
  if (!/分别/.test(head.lead) || names.length !== last.index - k + 1) return undefined;
  const at = names.findIndex((name) => subjectsMatch(name, change.subject));
  return at >= 0 ? tokens[k + at] : undefined;
}

/**
 * `社会保障和就业支出7.29万元，上年决算数为7.29万元，与上年持平；卫生健康支出2.28万元，比上年增加0.35万元`: a prior
 * before the current amount, a `；` between them, about another quantity, is the previous item's (`截至2023年末，资产总额
 * 450.20万元；截至2024年末，资产总额499.86万元，增长10.03%` is the same quantity's).
 */
function otherItemsPrior(text: string, prior: ProseToken, current: ProseToken): boolean {
  const end = prior.token.unitSpan?.end ?? prior.token.span.end;
  return end <= current.token.span.start && /[；;]/.test(text.slice(end, current.token.span.start)) && prior.subject !== '' && current.subject !== '' && !subjectsMatch(prior.subject, current.subject);
}

/** Last year's figure as zero in words: `上年无此项支出`, `上年为0`, `上年决算数为0`, `上年未发生`; not what last year lacked, `上年未安排因公出国（境）团组`. */
const ZERO_PRIOR = /上年(?:度|同期)?(?:决算数?|支出|数)?(?:为|是)?\s*(?:0|零)(?:\.0+)?(?:万?元)?(?![\d.０-９])|上年(?:度|同期)?(?:无|未发生|没有|未安排)(?:此项|该项|此类|相关)?(?:支出|收入|经费|费用|资金)?(?=[，,。；;）)\s]|$)/;

/**
 * `比上年增加0.12万元，主要是本年新增支出事项（上年为0）`, `增加0.08万元，上年无此项支出`: zero as last year's
 * figure, said in words after the change and before the sentence's next figure or its end.
 */
function zeroPriorInWords(text: string, change: ProseToken, next: ProseToken | undefined): Span | undefined {
  const from = change.token.unitSpan?.end ?? change.token.span.end;
  const sentenceEnd = change.sentence.span.end;
  const to = Math.min(from + 40, next && next.sentence === change.sentence ? next.token.span.start : sentenceEnd, sentenceEnd);
  const found = ZERO_PRIOR.exec(text.slice(from, to));
  return found ? { start: from + found.index, end: from + found.index + found[0].length } : undefined;
}

/**
 * `公务用车购置费15.46万元，上年无此项支出，本年新增15.46万元`: zero as last year's figure, said in the clauses between this
 * year's figure and its change (a few clauses of the same item: no `；`).
 */
function zeroPriorBetween(text: string, current: ProseToken, change: ProseToken): Span | undefined {
  const from = current.token.unitSpan?.end ?? current.token.span.end;
  if (current.sentence !== change.sentence || from >= change.token.span.start) return undefined;
  const between = text.slice(from, change.token.span.start);
  // (`其他收入20.87万元，占本年收入合计的0.70%，上年无此项收入，本年新增20.87万元`: a share of the figure may stand between.)
  const found = /^[，,]\s*/.test(between) && !/[；;]/.test(between) && (between.match(/[，,]/g) ?? []).length <= 3 ? ZERO_PRIOR.exec(between) : null;
  return found ? { start: from + found.index, end: from + found.index + found[0].length } : undefined;
}

/** `…持平` at `start` (its word `length` long): this year's figure equals last year's. */
function flatChange(sink: ClaimSink, current: ProseToken, prior: ProseToken, start: number, length: number): MadeChange {
  const label = current.subject || '本年数';
  const span = { start, end: start + length };
  return withSubject(label, sink.add<ChangeClaim>({
    kind: 'change',
    origin: 'prose',
    identity: 'prose.change',
    description: l(`${label}与上年持平`, `${label} unchanged from the previous year`),
    span,
    direction: 'flat',
    directionSpan: span,
    current: operand(current.token, label),
    prior: operand(prior.token, '上年数'),
  }));
}

/**
 * `2024年度机关运行经费支出1151.21万元。` / `上年为1222.34万元。` / `比上年减少71.13万元，下降5.82%`: a change opening its sentence,
 * after a sentence that only gives last year's figure, after one that ends with this year's: the three are one statement.
 */
function chainedLines(analysis: ProseAnalysis, first: ProseToken, sentenceIndex: Map<number, number>, sentenceOrder: number[]): { current: ProseToken; prior: ProseToken } | undefined {
  const at = sentenceIndex.get(first.sentence.id)!;
  const priorLine = analysis.bySentence.get(sentenceOrder[at - 1]);
  const currentLine = analysis.bySentence.get(sentenceOrder[at - 2]);
  const prior = priorLine?.length === 1 ? priorLine[0] : undefined;
  const current = currentLine?.at(-1);
  if (!prior || !current || prior.role !== 'prior' || prior.ownSubject || current.role !== 'amount' || current.year !== undefined) return undefined;
  // (Within one section, and in the same unit: the lines of one paragraph as a PDF or an editor broke it.)
  if (prior.sentence.section !== first.sentence.section || current.sentence.section !== first.sentence.section || prior.token.unit !== current.token.unit) return undefined;
  return { current, prior };
}

/**
 * `（2）公务用车购置及运行维护费14.55万元，与上年持平` where last year's figure is stated elsewhere (`2023年度…公务用车购置及运行
 * 维护费17.37万元`): 持平 states C = P with that figure.
 */
const FLAT_AFTER_AMOUNT = /^[，,]?\s*(?:与上年度?|较上年度?|比上年度?|同比)(?:相比)?[，,]?\s*(持平|无变化|无增减|没有变化)/;

function flatAgainstStatedPrior(tokens: ProseToken[], text: string, lastYears: ProseToken[], sink: ClaimSink, made: MadeChange[]): void {
  for (const current of tokens) {
    if (current.role !== 'amount' || current.year !== undefined || !current.ownSubject || !current.subject) continue;
    const end = current.token.unitSpan?.end ?? current.token.span.end;
    const m = FLAT_AFTER_AMOUNT.exec(text.slice(end, end + 16));
    if (!m) continue;
    // (The latest of last year's figures of that name stated before it.)
    let prior: ProseToken | undefined;
    for (const t of lastYears) {
      if (t.token.span.start >= current.token.span.start) break;
      if (t.token.unit === current.token.unit && subjectsMatch(t.subject, current.subject)) prior = t;
    }
    if (prior) made.push(flatChange(sink, current, prior, end + m.index + m[0].length - m[1].length, m[1].length));
  }
}

function withSubject(subject: string, claim: ChangeClaim, olderYear = false): MadeChange {
  return olderYear ? { claim, subject, olderYear } : { claim, subject };
}

const UP_WORD = '增加|增长|上升|提高';
const DOWN_WORD = '减少|下降|降低';
/** `增加（减少）`, `（增长）下降`: both words of a template's direction, right before a figure's clause. */
// (Or with a slash: `增加/减少331.45万元，增长/下降9.71%`.)
const TEMPLATE_PAIR = new RegExp(`(?:(${UP_WORD})(?:[（(](${DOWN_WORD})[)）]|[/／](${DOWN_WORD}))|(${DOWN_WORD})(?:[（(](${UP_WORD})[)）]|[/／](${UP_WORD}))|[（(](${UP_WORD})[)）](${DOWN_WORD})|[（(](${DOWN_WORD})[)）](${UP_WORD}))`, 'g');

/** The template pairs left in the words leading to the change's figures (undefined when there are none). */
function templatePairs(text: string, tokens: Array<ProseToken | undefined>): ChangeClaim['undecided'] {
  const pairs: NonNullable<ChangeClaim['undecided']> = [];
  const seen = new Set<number>();
  for (const t of tokens) {
    if (!t || !/[（(/／]/.test(t.lead)) continue;
    const from = Math.max(t.sentence.span.start, t.token.span.start - 24);
    for (const m of allMatches(TEMPLATE_PAIR, text.slice(from, t.token.span.start))) {
      const start = from + m.index!;
      if (seen.has(start)) continue;
      seen.add(start);
      const up = m[1] ?? m[5] ?? m[6] ?? m[7] ?? m[10];
      const down = m[2] ?? m[3] ?? m[4] ?? m[8] ?? m[9];
      pairs.push({ span: { start, end: start + m[0].length }, up, down });
    }
  }
  return pairs.length > 0 ? pairs : undefined;
}

/** The direction a difference in points is worded with (`提高`, `下降`; none for `相差`). */
export function pointsDirection(lead: string): 'up' | 'down' | undefined {
  const d = directionOf(lead);
  return d === 'up' || d === 'down' ? d : undefined;
}

export function directionSpan(t: ProseToken) {
  // (Or 增 / 减 alone right before the figure: `较上年减0.04万元，增0.01%`.)
  const m = /增加|减少|增长|下降|上升|降低|提高|增幅|降幅|(?<![增减])[增减](?=了?$)/.exec(t.lead);
  if (!m) return undefined;
  const start = t.token.span.start - t.lead.length + m.index;
  return { start, end: start + m[0].length };
}

/** `超出年度指标值（`, `比目标值`: the words before a target rate. */
const TARGET_BEFORE = /(?:指标|目标|标准)值?(?:为|是)?[（(]?$/;

/** `超过4个百分点`, `不到3个百分点`: a bound on the difference, over or under. */
/** `较预算减少22.80%`, `比年初预算增长5%`: a rate against the budget, not last year. */
const BUDGET_COMPARED_RATE = /(?:比|较|与)(?:年初|全年|调整后?)?预算数?(?:相比)?[，,]?(?:增加|减少|增长|下降|节约|超支|多|少)了?$/;
const POINTS_OVER = /(?:超过|超出|逾|高于|多于)$/;
const POINTS_UNDER = /(?:不足|不到|低于|少于)$/;
const AGAINST_TARGET = /(?:超|高于|低于|超过|超出|未达|比|较)(?:年度)?(?:绩效)?(?:指标|目标|标准|预期)(?:值)?(?:要求)?$/;

/**
 * `由上年的45.20%提高到48.60%，提高3.40个百分点` (prose.md §5): a difference of two rates, never a ratio.
 * Checked when both rates are stated in the sentence, or this year's share of what last year's is named for is in the
 * sentence before.
 */
/**
 * `基本支出占本年支出合计的比重为35.31%，较2018年的35.83%减少0.52%`: a change of a share from last year's share, stated with %.
 * It is held as a difference in points (the usual slip: 个百分点 written as %); a relative change that holds is accepted.
 */
function shareChangeInPercent(tokens: ProseToken[], rate: ProseToken, sink: ClaimSink): void {
  const [share, prior] = [tokens[rate.index - 2], tokens[rate.index - 1]];
  if (share?.role !== 'share' || share.token.unit !== '%' || prior.token.unit !== '%' || rate.token.unit !== '%' || !rate.token.unitSpan) return;
  if (!LAST_YEARS_LEVEL.test(prior.lead) || !SHARE_MOVED.test(rate.lead) || /[；;。]/.test(between(share, rate))) return;
  const direction = directionOf(rate.lead);
  if (direction !== 'up' && direction !== 'down') return;
  sink.add<PointsClaim>({
    kind: 'points',
    origin: 'prose',
    identity: 'prose.points',
    description: l(`${share.subject || '占比'}较上年的变动（个百分点）`, `change of ${share.subject || 'the share'} from last year (percentage points)`),
    span: rate.token.span,
    a: operand(share.token, '本年占比'),
    b: operand(prior.token, '上年占比'),
    stated: operand(rate.token, '变动'),
    direction,
    directionSpan: directionSpan(rate),
    percentUnit: rate.token.unitSpan,
  });
}
const LAST_YEARS_LEVEL = /(?:比|较|与|同)(?:上年|去年|上一年|(?:19|20)\d\d\s*年度?)(?:同期)?的?$/;
const SHARE_MOVED = /^\s*(?:减少|增加|下降|上升|提高|降低)了?\s*$/;

/** The rate a points clause names: `执行进度比上年同期（41.26%）降低…` → 执行进度. */
const RATE_NAMED = /([\u4e00-\u9fff]{2,10}?)(?:比|较|与)(?:上年|去年|上一年)/;

export function pointsClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  // This year's shares by their stated figure, for a difference stated in the sentence after them.
  let shares: Map<number, ShareClaim> | undefined;
  const shareOf = (t: ProseToken) => {
    if (!shares) {
      shares = new Map();
      for (const c of sink.claims) if (c.kind === 'share' && c.origin === 'prose' && c.stated.token !== undefined) shares.set(c.stated.token, c);
    }
    return shares.get(t.token.id);
  };
  let previous: ProseToken[] = [];
  // (The paragraph's figures so far: two shares compared are stated anywhere before in it.)
  let paragraph: ProseToken[] = [];
  for (const tokens of analysis.bySentence.values()) {
    if (tokens.length > 0 && paragraph.length > 0 && paragraph[0].sentence.paragraph !== tokens[0].sentence.paragraph) paragraph = [];
    // (The sentence before, in this paragraph or ending the one before: `…分别占…46.79%和53.21%。` on a line of its own.)
    const before = previous.length > 0 && tokens.length > 0 && tokens[0].sentence.paragraph - previous[0].sentence.paragraph <= 1 ? previous : [];
    previous = tokens;
    for (const t of tokens) if (t.role === 'change-rate' && t.index >= 2) shareChangeInPercent(tokens, t, sink);
    for (const points of tokens) {
      // (`满意率达96.35%，超指标6.35个百分点`: points above a target the text does not state are no difference of its rates.)
      if (points.role !== 'points' || AGAINST_TARGET.test(points.lead)) continue;
      // `基本支出占比低于项目支出22.12个百分点`: the difference of two shares the paragraph states, not of two years.
      const compared = SHARES_COMPARED.exec(points.lead);
      if (compared) {
        const [a, b] = [normalizeSubject(compared[1]), normalizeSubject(compared[3])];
        // (A share of that name alone: not `人员经费和公用经费` for 公用经费, nor the multiple `人员经费是公用经费的7.53倍`.)
        const stated = (name: string) =>
          [...paragraph, ...tokens.slice(0, points.index)].reverse().find((t) => {
            const label = t.role === 'share' && t.year === undefined && t.token.unit === '%' ? shareOf(t)?.part.label ?? '' : '';
            return subjectsMatch(label, name) && namesAlone(label, name);
          });
        const [shareA, shareB] = [stated(a), stated(b)];
        if (a && b && shareA && shareB && shareA !== shareB) {
          sink.add<PointsClaim>({
            kind: 'points',
            origin: 'prose',
            identity: 'prose.points-between',
            description: l(`${a}与${b}占比之差（个百分点）`, `difference of the shares of ${a} and ${b} (percentage points)`),
            span: points.token.span,
            a: operand(shareA.token, `${a}占比`),
            b: operand(shareB.token, `${b}占比`),
            stated: operand(points.token, '百分点差'),
            direction: /高于|大于|超过|多/.test(compared[2]) ? 'up' : 'down',
            directionSpan: comparedWordSpan(points, compared[2]),
          });
        }
        continue;
      }
      // The rates just before the points (a handful at most: never a scan of the whole sentence).
      const rates: ProseToken[] = [];
      let clauseBreak = -1;
      for (let i = points.index - 1; i >= 0 && rates.length < 4; i--) {
        if (clauseBreak < 0 && /[；;]/.test(between(tokens[i], tokens[i + 1]))) clauseBreak = i;
        if (tokens[i].token.unit === '%') rates.unshift(tokens[i]);
      }
      // Both are levels: `比上年增长3.4%` is a growth rate, not last year's level (`提高到48.60%` is a level).
      // (`（上年为62.77%）` after a change is a level too.)
      const level = (t: ProseToken) => t.role !== 'change-rate' || /[到至]$|(?:上年|去年|同期|(?:19|20)\d\d\s*年度?)(?:为|是)$/.test(t.lead);
      // (`2023年为94.83%`, `比2023年度的86.74%`: a rate dated another year than the report's is last year's too.)
      // (A level reached, `由上年的73.65%下降至73.27%`, is this year's, though a sentence opening with 上年 dates its figures.)
      const lastYears = (t: ProseToken) => level(t) && !/(?:至|到|变为|变成)$/.test(t.lead) && (/上年|去年|由|从|同期/.test(t.lead) || t.year !== undefined);
      // (`…比重为78.06%，比上年的82.89%下降4.83个百分点；公务接待费占比11.32%，比上年提高1.27个百分点`: a clause stating this year's
      // rate of its own and no last year's has none before its `；`.)
      const own = rates.filter((t) => t.index > clauseBreak);
      if (clauseBreak >= 0 && own.some((t) => level(t) && !lastYears(t)) && !own.some(lastYears)) rates.splice(0, rates.length, ...own);
      // (`…比上年的30.58%下降0.80个百分点；项目支出占比相应提高0.80个百分点`: a clause naming another quantity, with no rate of its own,
      // states that one's difference, not a second of the rates before.)
      if (clauseBreak >= 0 && own.length === 0 && points.ownSubject && !rates.some((r) => r.subject !== '' && points.subject.includes(r.subject))) continue;
      // `…提高1.86个百分点，由55.15%变为56.91%`, `…降低4.61个百分点（上年为62.77%）`: the rates may follow it, when last
      // year's is not before it (`…47.27%下降3.70个百分点，项目支出占比较上年的52.73%…` is the next item's).
      if (!rates.some(lastYears)) {
        for (let i = points.index + 1; i < tokens.length && i <= points.index + 2 && tokens[i].token.unit === '%' && /由|从|变为|变成|上升到|提高到|下降到|降低到|上年|去年|同期|(?:19|20)\d\d\s*年度?(?:为|是)$/.test(tokens[i].lead); i++) rates.push(tokens[i]);
      }
      if (rates.length === 0) continue;
      // (`合格率为98.5%，超出年度指标值（95%）5.5个百分点`: a target stated beside the rate is what it is set against.)
      const target = rates.find((t) => TARGET_BEFORE.test(t.lead));
      const prior = [...rates].reverse().find(lastYears) ?? target;
      // `…分别占本年支出合计的43.57%和56.43%。上年基本支出占比为47.27%，本年下降3.70个百分点`: this year's share of
      // what last year's is named for may be in the sentence before. (Another item's last-year share is not it:
      // `基本支出占比较上年的47.27%下降3.70个百分点，项目支出占比较上年的52.73%上升3.70个百分点`.)
      let current =
        [...rates].reverse().find((t) => t !== prior && level(t) && !lastYears(t)) ??
        (prior?.role === 'share' && prior.subject ? [...paragraph, ...before].reverse().find((t) => t.role === 'share' && t.year === undefined && sharesName(shareOf(t)?.part.label ?? '', prior.subject)) : undefined);
      // (`完成年初预算…的104.24%，完成调整后预算…的96.22%；年初预算完成率比上年的101.74%提高2.50个百分点`: last year's rate of
      // one budget is set against this year's of that budget.)
      // (`执行进度39.08%，达到序时进度要求的78.16%，执行进度比上年同期（41.26%）降低2.18个百分点`: the rate the clause names.)
      const namedRate = (RATE_NAMED.exec(points.lead) ?? (prior ? RATE_NAMED.exec(prior.lead) : null))?.[1];
      const byName = namedRate ? [...rates].reverse().find((t) => t !== prior && level(t) && !lastYears(t) && t.lead.includes(namedRate)) : undefined;
      if (byName) current = byName;
      const kind = prior ? budgetKind(prior.lead) : '';
      const sameKind = kind ? [...rates].reverse().find((t) => t !== prior && level(t) && !lastYears(t) && rateBudgetKind(tokens, t) === kind) : undefined;
      if (sameKind) current = sameKind;
      // (`增长10.67%，增幅较上年的14.86%收窄4.19个百分点`: last year's rate of change is set against this year's.)
      if (prior && LAST_YEARS_RATE.test(prior.lead)) current = [...rates].reverse().find((t) => t.role === 'change-rate' && t.index < prior.index);
      // (`本年度…完成年初预算的115.15%。2023年度…完成年初预算的110.62%，本年度年初预算完成率较上年提高4.53个百分点`: this year's rate
      // of that budget in the sentence before.)
      if (!current && kind && prior?.role === 'completion-rate') {
        current = [...paragraph, ...before].reverse().find((t) => t.role === 'completion-rate' && !lastYears(t) && rateBudgetKind(analysis.bySentence.get(t.sentence.id) ?? [], t) === kind);
      }
      if (!prior || !current) continue;
      const difference = (direction: PointsClaim['direction'], word: ProseToken) =>
        sink.add<PointsClaim>({
          kind: 'points',
          origin: 'prose',
          identity: 'prose.points',
          description: l('两个比率之差（个百分点）', 'difference of two rates (percentage points)'),
          span: points.token.span,
          a: operand(current.token, prior === target ? '实际值' : '本年比率'),
          // (A target is set, not rounded: `95%` is exactly 95.)
          b: prior === target ? asExact(operand(prior.token, '指标值')) : operand(prior.token, '上年比率'),
          stated: operand(points.token, '百分点差'),
          direction,
          directionSpan: directionSpan(word),
          bound: POINTS_OVER.test(points.lead) ? 'over' : POINTS_UNDER.test(points.lead) ? 'under' : undefined,
        });
      difference(pointsDirection(points.lead), points);
      // (`由2023年的85.07%上升至82.80%，降低2.27个百分点`: the verb that reaches this year's level is a direction too.)
      const reached = REACHED.test(current.lead) ? pointsDirection(current.lead) : undefined;
      if (reached) difference(reached, current);
    }
    paragraph.push(...tokens);
  }
}

/**
 * A share's part named as last year's share names it: the same words, or the longer name ending with them
 * (`授予中小企业合同` for `中小企业合同金额占比较上年的…`).
 */
function sharesName(label: string, named: string): boolean {
  return label !== '' && (label === named || (named.length >= 4 && label.endsWith(named)));
}

/** The budget a completion rate is of: named in its words, or by the budget stated right before it (`完成年初预算X万元的Y%`). */
function rateBudgetKind(tokens: ProseToken[], t: ProseToken): ReturnType<typeof budgetKind> {
  const own = budgetKind(t.lead);
  if (own) return own;
  const before = tokens[t.index - 1];
  return before?.role === 'budget' && /^的?$/.test(t.lead) ? budgetKind(before.lead) : '';
}

/** Where the comparing word (`高于`) stands, found in the words before the points as directionSpan finds its verbs. */
function comparedWordSpan(t: ProseToken, word: string): Span | undefined {
  const at = t.lead.lastIndexOf(word);
  if (at < 0) return undefined;
  const start = t.token.span.start - t.lead.length + at;
  return { start, end: start + word.length };
}

/** `A占比高于B`, `A的比重低于B`: two shares compared, the words right before the points. */
const SHARES_COMPARED = /([^，,。；;、]{2,20}?)的?(?:占比|比重|所占比重)(高于|低于|大于|小于|超过|多于|少于)([^，,。；;]{2,20}?)(的?(?:占比|比重))?$/;

/** `上升至`, `下降到`: the verb before a level that says which way it moved. */
const REACHED = /(?:上升|提高|增加|增长|下降|降低|减少)(?:到|至)$/;

/**
 * `收入、支出总计约6.02亿元，比上年增长约10%` in the overview, `收入总计60164.59万元…，各减少6707.86万元，下降10.03%` in the body: one
 * figure's change from last year stated twice, in opposite directions. Only changes of the same stated figure (their current the
 * same token) are compared, so that two quantities of one name in two scopes are never.
 */
export function restatedDirectionClaims(changes: MadeChange[], sink: ClaimSink): void {
  const first = new Map<number, ChangeClaim>();
  for (const { claim, olderYear } of changes) {
    const token = claim.current?.token;
    if (token === undefined || claim.direction === 'flat' || !claim.directionSpan || olderYear) continue;
    const earlier = first.get(token);
    if (!earlier) {
      first.set(token, claim);
      continue;
    }
    if (earlier.direction === claim.direction) continue;
    // (The finding goes on the statement with a rate alone, `比上年增长约10%`, when the other gives the amounts that bear it out.)
    const borneOut = (c: ChangeClaim) => c.delta !== undefined || c.prior !== undefined;
    const [odd, other] = !borneOut(earlier) && borneOut(claim) ? [earlier, claim] : [claim, earlier];
    sink.add<ReasonClaim>({
      kind: 'reason',
      origin: 'prose',
      identity: 'prose.direction-restated',
      description: l(`${odd.current!.label}的增减方向两处表述`, `the direction of ${odd.current!.label} stated twice`),
      span: odd.directionSpan!,
      subject: odd.current!.label,
      direction: odd.direction as 'up' | 'down',
      stated: { claim: other.id, direction: other.direction, span: other.directionSpan ?? other.span },
      restated: true,
    });
  }
}

const REASON = /原因(?:主要)?(?:是|为|在于)?[：:]?\s*(?:由于)?([^，。；,;：:]{2,24}?)(增加|减少|增长|下降|上升|降低|提高)/g;

/**
 * `机关运行经费…减少…，主要原因是“三公”经费支出减少` (xining :497) while `“三公”经费支出…比上年增加`
 * (:493): a reason naming a quantity whose own change is stated with the opposite direction.
 */
export function reasonClaims(model: DocumentModel, changes: MadeChange[], sink: ClaimSink): void {
  const bySubject = new Map<string, ChangeClaim>();
  for (const { claim, subject } of changes) {
    if (subject && claim.direction !== 'flat' && !bySubject.has(subject)) bySubject.set(subject, claim);
  }
  if (bySubject.size === 0) return;
  for (const sentence of model.sentences) {
    if (!sentence.text.includes('原因')) continue;
    REASON.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = REASON.exec(sentence.text))) {
      const subject = normalizeSubject(m[1]);
      const stated = subject ? bySubject.get(subject) : undefined;
      const direction = directionOf(m[2]);
      if (!stated || !direction || direction === 'flat' || stated.direction === direction) continue;
      const start = sentence.span.start + m.index + m[0].length - m[2].length;
      sink.add<ReasonClaim>({
        kind: 'reason',
        origin: 'prose',
        identity: 'prose.reason-direction',
        description: l(`原因中“${subject}”的增减方向`, `the direction of "${subject}" given as a reason`),
        span: { start, end: start + m[2].length },
        subject,
        direction,
        stated: { claim: stated.id, direction: stated.direction, span: stated.directionSpan ?? stated.span },
      });
    }
  }
}
