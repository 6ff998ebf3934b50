// Budget completion claims (prose.md §4): 年初预算为B，支出决算为A，完成年初预算的X%, and the
// 决算数大于/小于预算数 wording that must agree with X.
import { compareBeyondRounding, isMoney, operand, sumOperand } from '../../arith/interval';
import { withChanges } from '../../arith/operand';
import { l } from '../../messages';
import type { ChangeClaim, CompletionClaim, DocumentModel, FactClaim, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import { normalizeSubject, subjectsMatch } from './subjects';
import { ADJUSTMENT_AMOUNT, between, CUT, BUDGET_EXCESS_RATE, BUDGET_GAP, budgetKind, comparesWithLastYear, isBudgetAdjustment, RUN_JOINER, wholeOfPart, type ProseAnalysis, type ProseToken } from './tokens';
import { finestOf, finestStatement, inBudgetList, type ProseList } from './lists';
import { execAcrossLineBreaks } from '../../text/search';

// (With the budget it names: `决算数大于调整预算数`.)
// (`决算数与全年预算数持平`, `决算数同预算数持平`: equal; `基本持平` is no equality and is not read.)
/** `比年初预算减少`, `较预算增加`: the actual's gap from its budget, by direction word. */
// (Or `决算数小于年初预算数231.10万元`: the gap in comparison words.)
const COMPARED_WITH_BUDGET = /(?:比|较)(?:(?:19|20)\d\d年度?)?(?:年初|全年|调整后?)?预算数?(?:增加|减少|节约|超支|多|少)了?$|(?:大于|多于|超过|超出|小于|少于|低于)(?:年初|全年|调整后?的?)?预算数?$/;
/** A sentence opening with that gap, `决算数比年初预算减少`, `（2）比年初预算增加`. */
const OPENS_WITH_BUDGET_GAP = new RegExp(String.raw`^(?:[（(]?\d+[)）.．、]?)?(?:支出)?(?:决算数?)?` + COMPARED_WITH_BUDGET.source);
const COMPARISON = /决算数?(?:[^，,。；;]{0,6}?)(大于|高于|超过|多于|小于|低于|少于|等于|(?:与|同|和)(?:年初|全年|调整后?的?)?预算数?(?:持平|一致|相等|相同))(?:(?:年初|全年|调整后?的?)预算)?/;
/** A rate named last year's by the words right before it: `比上年的`, `较上年（`, `上年为`. */
const LAST_YEARS_RATE = /(?:上年|去年|上一年|同期)度?(?:的|为|是)?[（(]?$/;

const BALANCE = /结转和?结余$|结余$|结转$/;

/** A completion rate stated with its actual but no budget in the prose (a table may state the budget). */
export interface RateWithoutBudget {
  actual: ProseToken;
  rate: ProseToken;
}

/**
 * `上年完成率为102.99%（2023年年初预算1306.94万元，支出决算1346.00万元）`: a rate whose budget and actual follow it in a bracket
 * dated a year of their own (tokens.ts dates them): that year's completion.
 */
function ratedInDatedBracket(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  for (const tokens of analysis.bySentence.values()) {
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [rate, budget, actual] = [tokens[i], tokens[i + 1], tokens[i + 2]];
      if (rate.role !== 'completion-rate' || budget.role !== 'budget' || (actual.role !== 'amount' && actual.role !== 'prior')) continue;
      if (budget.year === undefined || actual.year !== budget.year || budget.token.unit !== actual.token.unit) continue;
      const rateEnd = rate.token.unitSpan?.end ?? rate.token.span.end;
      if (!/^\s*[（(]\s*(?:19|20)\d\d\s*年/.test(model.text.slice(rateEnd, budget.token.span.start)) || !/决算|执行|实际/.test(actual.lead)) continue;
      sink.add<CompletionClaim>({
        kind: 'completion',
        origin: 'prose',
        identity: 'prose.completion-dated',
        description: l(`${budget.year}年${budget.subject || '支出'}预算完成率`, `budget completion of ${budget.subject || 'spending'} in ${budget.year}`),
        span: rate.token.span,
        actual: operand(actual.token, `${budget.year}年决算数`),
        budget: operand(budget.token, `${budget.year}年预算数`),
        rate: operand(rate.token, '完成率'),
      });
    }
  }
}

/** `（年中调减263.59万元）`, `，年中追加35.82万元`: the adjustment between the 年初 and the 全年 budget, and its direction. */
// (Or what it added, before the word 预算: `年中追加因公出国（境）费预算3.00万元`.)
// (`经年中追加36.00万元后，全年预算数为…`; `本年追加612.80万元，本年调减0.00万元`, the words of adjustments only, not `本年增加`, a change.)
const ADJUSTMENT = /^[（(，,、\s]*(?:其中)?(?:经过?)?(?:年中|年度中|年内)?(?:调整)?(追加|调增|增加|追减|调减|减少|压减|核减|核增)(?:[（(][减增][)）])?(?:了)?(?:预算)?$|^[（(，,、\s]*(?:年中|年度中|年内)(追加|调增|追减|调减)[^，,。；;\d]{1,16}?预算$|^[（(，,、\s]*(?:经过?)?(?:本年|当年)(追加|调增|追减|调减)(?:了)?(?:预算)?$/;

/** The word of an adjustment's lead (`年中追加` → `追加`), if it is one. */
function adjustmentWord(lead: string): string | undefined {
  const stated = ADJUSTMENT.exec(lead);
  return stated ? stated[1] ?? stated[2] ?? stated[3] : undefined;
}

/**
 * `年初预算为1769.78万元，全年预算为1506.19万元（年中调减263.59万元）`: the 全年 budget is the 年初 one adjusted by the amount
 * stated right after them.
 */
export function budgetAdjustmentClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  let before: ProseToken[] = [];
  for (const tokens of analysis.bySentence.values()) {
    adjustmentsToldAfter(before, tokens, sink);
    severalAdjustments(tokens, sink, before);
    before = tokens;
    for (let i = 2; i < tokens.length; i++) {
      // (Or the adjustment between them: `年初预算为162.29万元，年中调减预算1.83万元，全年预算数为160.46万元`, `…，调整预算-20.07万元，…`.)
      const between = ADJUSTMENT.test(tokens[i - 1].lead) || isBudgetAdjustment(tokens, i - 1);
      const [initial, adjusted, change] = between ? [tokens[i - 2], tokens[i], tokens[i - 1]] : [tokens[i - 2], tokens[i - 1], tokens[i]];
      const word = adjustmentWord(change.lead) ?? (between ? '调整' : undefined);
      if (!word || initial.role !== 'budget' || adjusted.role !== 'budget' || budgetKind(initial.lead) !== 'initial' || budgetKind(adjusted.lead) !== 'adjusted') continue;
      // (`全年预算6277.60万元（追加531.99万元，调减41.63万元，上年结转8.40万元）`: all the changes the bracket lists.)
      const listed = between ? [] : bracketChanges(tokens, i);
      if (listed.length >= 2) {
        sink.add<SumClaim>({
          kind: 'sum',
          origin: 'prose',
          identity: 'prose.budget-adjustment',
          description: l(`全年预算 = 年初预算 ${listed.map((c) => `${c.down ? '−' : '+'} ${c.word}`).join(' ')}`, 'the full-year budget = the initial budget ± its adjustments'),
          span: adjusted.token.span,
          total: operand(adjusted.token, '全年预算'),
          parts: [operand(initial.token, '年初预算'), ...listed.map((c) => operand(c.token.token, c.word))],
          signs: [1, ...listed.map((c) => (c.down ? -1 : 1))],
          exhaustive: true,
        });
        continue;
      }
      // (调整 says no direction: the sign of the figure gives it, or, unsigned, the budgets it stands between.)
      const down = word === '调整' ? !change.token.value.isNegative() && initial.token.value.minus(change.token.value).eq(adjusted.token.value) : /减/.test(word);
      sink.add<SumClaim>({
        kind: 'sum',
        origin: 'prose',
        identity: 'prose.budget-adjustment',
        description: l(`全年预算 = 年初预算 ${down ? '−' : '+'} 年中${word}`, `the full-year budget = the initial budget ${down ? '−' : '+'} the adjustment`),
        span: change.token.span,
        total: operand(adjusted.token, '全年预算'),
        parts: [operand(initial.token, '年初预算'), operand(change.token, `年中${word}`)],
        signs: [1, down ? -1 : 1],
        exhaustive: true,
      });
    }
  }
}

/** `上年结转8.40万元`, `使用上年结转资金…`: money carried in that the full-year budget adds. */
const CARRIED_IN = /^[（(，,、；;\s]*(?:加上?|使用|另有)?上年(?:结转|结余|结转结余|结转和结余)(?:资金)?$/;
/** `预算调整净增加53.90万元`: the adjustments' net change, stated between them and the full-year budget. */
const NET_ADJUSTMENT = /^[，,、；;\s]*(?:预算)?调整(?:后)?净(增加|减少|调增|调减|增|减)$|^[，,、；;\s]*净(?:调增|调减|追加)$/;

/** A change between the 年初 and the 全年 budget: its figure, whether it takes away, and its name (`年中追加`, `上年结转`). */
interface BudgetChange {
  token: ProseToken;
  down: boolean;
  word: string;
}

/** An amount stated as an adjustment or as money carried in, as the change it makes. */
function budgetChange(t: ProseToken): BudgetChange | undefined {
  const word = adjustmentWord(t.lead) ?? (CARRIED_IN.test(t.lead) ? '上年结转' : undefined);
  if (!word || t.role !== 'amount') return undefined;
  return { token: t, down: /减/.test(word), word: word === '上年结转' ? word : `年中${word}` };
}

/** The changes listed from `first` on, in the bracket after a full-year budget: each an adjustment or money carried in. */
function bracketChanges(tokens: ProseToken[], first: number): BudgetChange[] {
  const changes: BudgetChange[] = [];
  for (let k = first; k < tokens.length && tokens[k].depth === tokens[first].depth && tokens[k].depth > 0; k++) {
    const change = budgetChange(tokens[k]);
    if (!change) return [];
    changes.push(change);
  }
  return changes;
}

/**
 * `年初预算100.00万元，调整后预算128.00万元，决算126.40万元。调整情况：追加40.00万元（…），调减12.00万元（…）。`: a sentence of
 * adjustments alone, right after one stating the two budgets (and none of their adjustments), tells how the first became the second.
 */
function adjustmentsToldAfter(before: ProseToken[], tokens: ProseToken[], sink: ClaimSink): void {
  if (tokens.length === 0 || before.length === 0 || before[0].sentence.paragraph !== tokens[0].sentence.paragraph) return;
  const changes = bracketFree(tokens);
  if (!changes) return;
  const budgets = before.filter((t) => t.role === 'budget' && t.depth === 0);
  const initial = budgets.filter((t) => budgetKind(t.lead) === 'initial');
  const adjusted = budgets.filter((t) => budgetKind(t.lead) === 'adjusted');
  if (initial.length !== 1 || adjusted.length !== 1 || before.some((t) => ADJUSTMENT.test(t.lead) || CARRIED_IN.test(t.lead))) return;
  if ([initial[0], ...changes.map((c) => c.token)].some((t) => t.token.unit !== adjusted[0].token.unit)) return;
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.budget-adjustment',
    description: l(`全年预算 = 年初预算 ${changes.map((c) => `${c.down ? '−' : '+'} ${c.word}`).join(' ')}`, 'the full-year budget = the initial budget ± its adjustments'),
    span: adjusted[0].token.span,
    total: operand(adjusted[0].token, '全年预算'),
    parts: [operand(initial[0].token, '年初预算'), ...changes.map((c) => operand(c.token.token, c.word))],
    signs: [1, ...changes.map((c) => (c.down ? -1 : 1))],
    exhaustive: true,
  });
}

/** Every figure of the sentence an adjustment or money carried in, outside brackets (their reasons in brackets have none). */
function bracketFree(tokens: ProseToken[]): BudgetChange[] | undefined {
  const changes: BudgetChange[] = [];
  for (const t of tokens) {
    const change = t.depth === 0 ? budgetChange(t) : undefined;
    if (!change) return undefined;
    changes.push(change);
  }
  return changes;
}

/**
 * `年初预算数8,156.50万元，其中…；年中追加预算274.76万元，调减预算318.90万元，全年预算数为8,112.36万元`: several adjustments between the
 * initial budget (its breakdown passed over) and the full-year one: 全年 = 年初 ± each.
 */
function severalAdjustments(tokens: ProseToken[], sink: ClaimSink, before: ProseToken[]): void {
  for (let i = 3; i < tokens.length; i++) {
    const adjusted = tokens[i];
    if (adjusted.role !== 'budget' || budgetKind(adjusted.lead) !== 'adjusted') continue;
    const changes: BudgetChange[] = [];
    let net: ProseToken | undefined;
    let k = i - 1;
    for (; k >= 0; k--) {
      if (!net && NET_ADJUSTMENT.test(tokens[k].lead) && tokens[k].token.unit === adjusted.token.unit) {
        net = tokens[k];
        continue;
      }
      // (`年初预算120.00万元，加上年结转18.60万元，年中调增326.40万元、调减0.00万元，调整后全年预算465.00万元`.)
      const word = adjustmentWord(tokens[k].lead) ?? (CARRIED_IN.test(tokens[k].lead) && tokens[k].role === 'amount' ? '上年结转' : undefined);
      if (!word) break;
      changes.unshift({ token: tokens[k], down: /减/.test(word), word });
    }
    if (changes.length < 2) continue;
    // (Back past the initial budget's own breakdown, amounts only.)
    while (k >= 0 && tokens[k].role === 'amount' && tokens[k].token.unit === adjusted.token.unit) k--;
    // (Or the sentence before's last figure: `…年初预算4016.10万元。年中根据…需要，追加预算517.74万元，调减预算42.86万元，加上年结转18.60万元，
    // 调整后全年预算4509.58万元。`)
    const initial = k >= 0 ? tokens[k] : before[0]?.sentence.paragraph === adjusted.sentence.paragraph ? before.at(-1) : undefined;
    if (!initial || initial.role !== 'budget' || budgetKind(initial.lead) !== 'initial' || changes.some((c) => c.token.token.unit !== adjusted.token.unit)) continue;
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.budget-adjustment',
      description: l(`全年预算 = 年初预算 ${changes.map((c) => `${c.down ? '−' : '+'} ${c.word === '上年结转' ? '' : '年中'}${c.word}`).join(' ')}`, 'the full-year budget = the initial budget ± its adjustments'),
      span: adjusted.token.span,
      total: operand(adjusted.token, '全年预算'),
      parts: [operand(initial.token, '年初预算'), ...changes.map((c) => operand(c.token.token, `${c.word === '上年结转' ? '' : '年中'}${c.word}`))],
      signs: [1, ...changes.map((c) => (c.down ? -1 : 1))],
      exhaustive: true,
    });
    if (net) netAdjustment(net, changes.filter((c) => c.word !== '上年结转'), sink);
  }
}

/** `年中追加62.40万元、调减8.50万元，预算调整净增加53.90万元`: the net change is the additions less the cuts. */
function netAdjustment(net: ProseToken, changes: BudgetChange[], sink: ClaimSink): void {
  if (changes.length < 2) return;
  const down = /减/.test(NET_ADJUSTMENT.exec(net.lead)?.[1] ?? net.lead);
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.net-adjustment',
    description: l(`预算调整净${down ? '减少' : '增加'}额 = ${changes.map((c, k) => `${k === 0 ? '' : c.down !== down ? ' − ' : ' + '}${c.word}`).join('')}`, 'the net adjustment = the additions less the cuts'),
    span: net.token.span,
    total: operand(net.token, `预算调整净${down ? '减少' : '增加'}`),
    parts: changes.map((c) => operand(c.token.token, `年中${c.word}`)),
    signs: changes.map((c) => (c.down === down ? 1 : -1)),
    exhaustive: true,
  });
}

/** `…的主要原因是年中追加37.31万元`, `…变化的原因是上级转移支付年中追加129.78万元`: the one adjustment a reason states. */
const REASON_ADJUSTMENT = /原因(?:主要)?(?:是|为|在于)?[：:]?[^，,。；;：:]{0,16}?(?:年中|年度中|年内)?(追加|调增|追减|调减)(?:了)?(?:预算|资金|项目资金|专项资金|经费)?$/;

/**
 * `年初预算156.83万元，全年预算286.61万元，…。全年预算较年初预算变化的原因是…年中追加129.78万元。`: the adjustment a reason states,
 * alone in its sentence, is the whole change from the 年初 budget to the 全年 one. Soft: a reason may name only part of it.
 */
export function reasonAdjustmentClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  let previous: ProseToken[] = [];
  for (const tokens of analysis.bySentence.values()) {
    const before = previous[0]?.sentence.paragraph === tokens[0]?.sentence.paragraph ? previous : [];
    previous = tokens;
    const money = tokens.filter((t) => isMoney(t.token.unit));
    const stated = money.length === 1 ? money[0] : undefined;
    const word = stated && REASON_ADJUSTMENT.exec(stated.lead)?.[1];
    if (!stated || !word || before.length === 0) continue;
    const initial = before.find((t) => t.role === 'budget' && budgetKind(t.lead) === 'initial');
    // (Only against the 全年 budget: without it, `决算数大于预算数的主要原因是年中调资追加预算9.57万元` may add more than was spent.)
    const target = before.find((t) => t.role === 'budget' && budgetKind(t.lead) === 'adjusted');
    if (!initial || !target || target.token.unit !== initial.token.unit) continue;
    const down = /减/.test(word);
    const [larger, smaller] = down ? [initial, target] : [target, initial];
    const what = '全年预算';
    sink.add<SumClaim>({
      kind: 'sum',
      origin: 'prose',
      identity: 'prose.reason-adjustment',
      description: l(`原因中的${word}额 = ${down ? `年初预算 − ${what}` : `${what} − 年初预算`}`, `the adjustment the reason states = the difference of ${what} and the initial budget`),
      span: stated.token.span,
      total: operand(stated.token, `${word}额`),
      parts: [operand(larger.token, down ? '年初预算' : what), operand(smaller.token, down ? what : '年初预算')],
      signs: [1, -1],
      exhaustive: true,
      soft: true,
    });
  }
}

/** Returns the rates whose budget the prose does not state and no other rate restates. */
export function completionClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): RateWithoutBudget[] {
  ratedInDatedBracket(model, analysis, sink);
  const full: Array<{ claim: CompletionClaim; subject: string }> = [];
  const rateOnly: Array<{ actual: ProseToken; rate: ProseToken }> = [];
  let paragraph = -1;
  // The budget and actual the last sentence with numbers rated, and its section.
  let ratedBefore: { budget: ProseToken; actual: ProseToken; section: number | undefined; all: Array<{ budget: ProseToken; actual: ProseToken }> } | undefined;
  let last: CompletionClaim | undefined;
  /** Which budget the last rate is of (`完成调整预算的92.59%`: a comparison with 年初预算 is not its). */
  let lastBudgetKind: ReturnType<typeof budgetKind> = '';
  // The first amount of the paragraph's previous sentence with numbers: `…支出3480.23万元，…。年初预算为
  // 3200.00万元，完成年初预算的108.76%` completes the amount stated just before.
  let previousHead: ProseToken | undefined;
  // A budget and an actual stated with no rate (`年初预算为1560.05万元，支出决算为1511.89万元。`): the
  // 决算数大于预算数 of this or the next sentence compares them.
  let unrated: { budget: ProseToken; actual: ProseToken; budgets: ProseToken[] } | undefined;
  // The last sentence with budgets stated budgets of two kinds (年初 and 全年).
  let twoBudgets = false;
  // The budget that closed the paragraph's previous sentence with numbers, stated there without an actual or a rate:
  // `项目全年预算数合计0万元。执行数合计0万元，完成预算的0%` rates the actual against it.
  let budgetBefore: ProseToken | undefined;
  // The paragraph's completion claims, in order: its head and the parts of a 其中 list after it.
  let paragraphClaims: CompletionClaim[] = [];
  /** Which budget each completion rates (年初 or 全年): a comparison naming one is of the claim that rates it. */
  const ratedKind = new Map<CompletionClaim, ReturnType<typeof budgetKind>>();
  for (const sentence of model.sentences) {
    const tokens = analysis.bySentence.get(sentence.id) ?? [];
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      last = undefined;
      previousHead = undefined;
      // (`…支出决算为 0.49 万元。` / `决算数大于全年预算数的主要原因：…` on a line of its own: the comparison opening the
      // next paragraph is of the pair that closed this one.)
      if (!(unrated && tokens.length === 0 && /^\s*决算数?/.test(sentence.text))) unrated = undefined;
      twoBudgets = false;
      // (`…年初预算为200.00万元。` / `全年支出决算为180.00万元，完成年初预算的90.00%` on the next line: a budget alone on the line
      // just before, in the same section, is still the one the next line's rate is of.)
      if (budgetBefore && budgetBefore.sentence.section !== sentence.section) budgetBefore = undefined;
      paragraphClaims = [];
    }
    const rateKind = respectiveRateKinds(tokens);
    let budget: ProseToken | undefined;
    let actual: ProseToken | undefined;
    let amountSeen = false;
    let lastActual: ProseToken | undefined;
    // (`年初预算为167.96万元，加上年结转资金12.80万元，支出决算为214.01万元，完成预算的118.39%`: the carry-over added to the budget.)
    let carried: ProseToken | undefined;
    // (`年初预算232.00万元，年中追加6.00万元，决算240.80万元，决算数为调整后预算数的101.18%`: the adjustment, no actual.)
    let adjustment: ProseToken | undefined;
    const budgets: ProseToken[] = [];
    // The budget and actual of the sentence's last completion rate: a difference stated after the rate
    // (`…完成全年预算的63.34%，比全年预算减少150.24万元`, `…，结余331.27万元`) is between them.
    let rated: { budget: ProseToken; actual: ProseToken } | undefined;
    const ratedAll: Array<{ budget: ProseToken; actual: ProseToken }> = [];
    const respective = respectiveCompletions(tokens);
    for (const r of respective?.triples ?? []) full.push(addCompletion(sink, r.actual, r.budget, r.rate, undefined));
    // Budgets read from a bracket after their rate (`为预算的80.67%（预算99,953.61元）`): no budget of the clauses after it.
    const bracketed = new Set<ProseToken>();
    for (const t of tokens) {
      if (respective?.used.has(t) || bracketed.has(t)) continue;
      if (t.role === 'amount' && t.index === 0 && !rated && ratedBefore && ratedBefore.section === sentence.section && UNSPENT_OPENING.test(t.lead)) {
        // `…实际支出6.90万元，执行率85.40%。` / `项目结余资金1.15万元，已按规定全部收回财政。`: the balance of the budget just rated.
        // (Of two, the one the sentence names, `决算数小于调整后预算数的主要原因是…，结余6.77万元`, else the adjusted one: what is left
        // is left of the final budget.)
        // (The budget the comparison names, `决算数小于全年预算数的主要原因是…次年初发放`, not a later `年初` of the reason.)
        const words = sentence.text.slice(0, t.token.span.start - sentence.span.start);
        const kind = budgetKind(COMPARED_BUDGET.exec(words)?.[0] ?? words) || 'adjusted';
        const left = ratedBefore.all.find((p) => budgetKind(p.budget.lead) === kind) ?? ratedBefore;
        addBudgetDifference(sink, left.actual, left.budget, t, 'down', undefined);
      } else if (t.role === 'amount' && rated && UNSPENT.test(t.lead) && tokens[t.index - 1]?.role === 'completion-rate') {
        // `完成年初预算的95.66%，结余30.73万元`: what was left of the budget, B − A.
        addBudgetDifference(sink, rated.actual, rated.budget, t, 'down', undefined);
      } else if (t.role === 'budget') {
        budgets.push(t);
        // (Nor one in a bracket detailing it: `全年预算数5835.40万元（年初预算数0万元，本年追加…，上年结转…），执行数…，执行率88.88%`.)
        if (budget && !actual && t.depth > budget.depth) continue;
        // (`全年预算数为82.24万元，其中：年初预算75.86万元，上年结转资金6.38万元；…执行率为90.31%`: a part of the budget stated
        // is not the budget rated.)
        // (Not a budget of the other kind with a note on it: `年初预算数5300.00万元，全年预算数（含年中追加）5390.10万元`.)
        if (budget && !actual && PART_OF_BUDGET.test(between(budget, t)) && !(budgetKind(budget.lead) === 'initial' && budgetKind(t.lead) === 'adjusted')) continue;
        // (Nor is the 年初 one it was adjusted from: `全年预算数860.00万元，较年初预算600.00万元追加260.00万元，…执行率97.93%`.)
        if (budget && !actual && /^[，,]?\s*(?:较|比)年初预算数?$/.test(t.lead)) continue;
        // `决算数为A，为年初预算B的X%`: an actual before the first budget still pairs with it.
        // (And with the budget of the other kind right after that one: `本年收入合计A，年初预算B1，全年预算B2，分别完成…`.)
        const otherKind = budget !== undefined && tokens[t.index - 1] === budget && budgetKind(budget.lead) !== '' && budgetKind(t.lead) !== '' && budgetKind(budget.lead) !== budgetKind(t.lead);
        if (budget && !otherKind) actual = undefined;
        budget = t;
      } else if (t.role === 'amount' && ADJUSTMENT_AMOUNT.test(t.lead)) {
        adjustment = t;
      } else if (t.role === 'amount' && budget && t.ownSubject && !subjectsMatch(t.subject, budget.subject) && /[；;]/.test(between(budget, t))) {
        // (`…其中基本支出安排17.85万元，…由项目支出安排1.80万元；公务接待费2.38万元，完成预算的47.60%`: a budget of another item, before
        // the `；` that opens this one's clause, is not its budget.)
        budget = undefined;
        actual = finestStatement(tokens, t.index);
        lastActual = actual;
        amountSeen = true;
      } else if (t.role === 'amount' && budget && !actual && CARRIED_IN_ADDED.test(t.lead)) {
        carried = t;
      } else if (t.role === 'amount' && budget && actual && ACTUAL_NOTE.test(t.lead)) {
        // (`年初预算80.00万元，支出决算96.50万元，含使用上年结转资金40.00万元，年末结转23.50万元，完成年初预算的120.63%`: what the
        // actual includes and what is carried on are notes on it, not the actual.)
        amountSeen = true;
      } else if (t.role === 'amount') {
        // `决算收入为719万元（其中：…上年结转190万元），…完成预算数的80.8%`: a part in a bracket after the actual is not the actual.
        // (`年初预算为326.5万元，…支出决算为341.29万元，其中：基本支出318.44万元，项目支出22.85万元，完成年初预算的104.53%`: nor is a
        // part of a 其中 list after the budget and actual the sentence pairs; `支出10044.01万元，其中：因公出国（境）费8657.78万元，
        // 预算执行比例为90.13%`, with the budgets stated before, rates each part.)
        const part = actual !== undefined && budget !== undefined && budget.index < actual.index && /其中/.test(between(actual, t)) && !/[。；;]/.test(between(actual, t));
        if ((!actual || t.depth <= actual.depth) && !part) {
          actual = finestStatement(tokens, t.index);
          lastActual = actual;
        }
        amountSeen = true;
      } else if (t.role === 'budget-delta' && t.direction && t.direction !== 'flat' && ADJUSTED_FROM_INITIAL.test(t.lead) && ((!actual && budget && budgetKind(budget.lead) === 'adjusted') || ADJUSTED_NAMED.test(t.lead))) {
        // `年初预算55.45万元，调整预算60.49万元（较年初预算调增5.04万元）`: the adjustment, not an actual's gap.
        // (So is `…决算…。全年预算比年初预算增加276200.00元` after the actual, or opening the next sentence: its words name the two
        // budgets, the sentence's or the one before's in its paragraph.)
        const before = t.index === 0 ? (analysis.bySentence.get(sentence.id - 1) ?? []).filter((b) => b.role === 'budget' && b.sentence.paragraph === sentence.paragraph) : [];
        const pool = [...before, ...budgets];
        const adjusted = [...pool].reverse().find((b) => budgetKind(b.lead) === 'adjusted');
        const initial = [...pool].reverse().find((b) => b !== adjusted && budgetKind(b.lead) === 'initial');
        if (adjusted && initial) addBudgetAdjustment(sink, adjusted, initial, t, t.direction);
      } else if (t.role === 'budget-delta' && t.index === 0 && !actual && !budget && !rated && t.direction && t.direction !== 'flat' && OPENS_WITH_BUDGET_GAP.test(t.lead) && (unrated ?? (ratedBefore?.section === sentence.section ? ratedBefore : undefined)) && !OF_A_PART.test(sentence.text)) {
        // `…预算完成率96.34%。决算数比年初预算减少10.79万元，下降3.66%`: the gap of the pair the sentence before stated.
        const pair = (unrated ?? ratedBefore)!;
        addBudgetDifference(sink, pair.actual, pair.budget, t, t.direction, budgetRate(tokens, t));
      } else if (t.role === 'budget-delta' && (actual ?? rated?.actual) && t.direction && t.direction !== 'flat' && (budget || rated || budgetRate(tokens, t))) {
        // `预算数为A万元，决算数为B万元，比预算减少C万元`: C = |B − A| and the direction must fit;
        // `比年初预算增加2.00万元，增长20%`: the rate is C / the budget (stated, or B ∓ C).
        // (`年初预算…，调整预算…，支出决算…，比年初预算超出12.12万元`: of the budget its words name.)
        const kind = budgetKind(t.lead);
        const named = kind ? tokens.slice(0, t.index).reverse().find((x) => x.role === 'budget' && budgetKind(x.lead) === kind) : undefined;
        const pair = actual ? { actual, budget: named ?? budget } : { actual: rated!.actual, budget: named ?? rated!.budget };
        addBudgetDifference(sink, pair.actual, pair.budget, t, t.direction, budgetRate(tokens, t));
      } else if (t.role === 'change-rate' && BUDGET_EXCESS_RATE.test(t.lead) && actual && budget && !ratesBudgetDelta(tokens, t)) {
        // `年初预算为6054.99万元，支出决算为8039.99万元，超年初预算32.78%`: (A − B) / B, no gap stated.
        sink.add<ChangeClaim>({
          kind: 'change',
          origin: 'prose',
          identity: 'prose.budget-excess',
          description: l(`${actual.subject || budget.subject || '决算数'}超出预算的比例`, `how far ${actual.subject || budget.subject || 'the actual'} exceeds its budget`),
          span: t.token.span,
          direction: 'up',
          current: operand(actual.token, '决算数'),
          prior: operand(budget.token, '预算数'),
          rate: operand(t.token, '超预算比例'),
        });
      } else if (t.role === 'completion-rate' && LAST_YEARS_RATE.test(t.lead)) {
        // `…完成年初预算…的104.24%；年初预算完成率比上年的101.74%提高2.50个百分点`: last year's rate, set against this year's (个百分点),
        // not a rate of this sentence's figures.
        continue;
      } else if (t.role === 'completion-rate') {
        // `决算数为36.34万元，完成年初预算的85.34%（年初预算42.09万元）`: the budget in brackets after the rate.
        const ahead = tokens[t.index + 1];
        if (!budget && actual && ahead?.role === 'budget' && /^[（(]/.test(ahead.lead)) {
          budget = ahead;
          bracketed.add(ahead);
        }
        // `决算数为年初预算数的87.89%（年初预算7135.50万元，决算6271.66万元）`, `完成年初预算的115.47%，其中年初预算…，
        // 支出决算…`: both figures after the rate.
        // `年初预算为0.88万元，支出决算为0.88万元。完成年初预算的100.00%。`: a rate opening its sentence rates the pair
        // the sentence before stated.
        // (Of its budgets, the one the rate names; the rates after it, `调整后预算完成率98.75%，年初预算完成率126.40%`, rate the others.)
        const namedKind = !budget && !actual && t.index === 0 && unrated ? rateKind(t) : undefined;
        const ofUnrated = unrated && namedKind !== undefined ? (namedKind ? [...unrated.budgets].reverse().find((b) => budgetKind(b.lead) === namedKind) : unrated.budget) : undefined;
        if (unrated && ofUnrated) {
          budget = ofUnrated;
          actual = unrated.actual;
          lastActual = unrated.actual;
          budgets.push(...unrated.budgets.filter((b) => !budgets.includes(b)));
        }
        if (!budget && !actual) {
          const later = tokens.slice(t.index + 1, t.index + 3);
          const laterBudget = later.find((x) => x.role === 'budget');
          const laterActual = later.find((x) => x.role === 'amount');
          if (laterBudget && laterActual) {
            budget = laterBudget;
            actual = laterActual;
          }
        }
        // `年初预算为0万元，全年预算为321.02万元，…完成年初预算的95.89%`: the rate names which budget.
        // `决算7497.42万元，完成年初预算7192.71万元的104.24%，完成调整后预算7791.62万元的96.22%`: a budget stated inside the rate's
        // own words rates the actual the sentence rated before.
        if (budget && !actual && lastActual && tokens[t.index - 1] === budget && /^(?:[，,]?完成|[，,]?为)/.test(budget.lead) && /^的?$/.test(t.lead)) actual = lastActual;
        // (`…决算数为年初预算数的102.48%；年中追加8.00万元后全年预算数为293.00万元，执行率99.68%`: a second rate, on the budget of the
        // other kind stated after the first, rates the same actual.)
        if (budget && !actual && rated && rated.actual === lastActual && budgetKind(budget.lead) !== '' && budgetKind(rated.budget.lead) !== '' && budgetKind(budget.lead) !== budgetKind(rated.budget.lead)) actual = lastActual;
        const named = rateKind(t);
        // (A budget restated in another unit, `年初预算为22.36亿元（223,646.12万元）`, is named by its first statement; the finer serves.)
        if (named && budget && budgetKind(budget.restates ? tokens[budget.index - 1].lead : budget.lead) !== named) {
          const found = [...budgets].reverse().find((b) => !b.restates && budgetKind(b.lead) === named);
          if (found) budget = finestOf(tokens, found);
        }
        // `…完成年初预算的84.89%，完成调整后预算的99.35%`: a second rate, on the other budget of the sentence.
        // (Its actual may be the sentence before's, as the first rate's was: `…支出1624.71万元，…。年初预算为…，调整预算为…，完成年初预算的
        // 126.65%，完成调整预算的97.44%`.)
        const rateActual = lastActual ?? (amountSeen ? undefined : previousHead);
        if (!budget && named && rateActual && !actual) {
          budget = [...budgets].reverse().find((b) => budgetKind(b.lead) === named);
          if (budget) actual = rateActual;
        }
        // `支出1741.75万元，完成年初预算的100%，决算数大于预算数55.93万元`: the budget is the actual ∓ the gap.
        // (So `支出决算为1332.28万元，比年初预算减少166.62万元，决算数为年初预算数的88.88%`.)
        const gap = !budget && actual ? tokens.find((x) => x.role === 'budget-delta' && x.direction && x.direction !== 'flat' && (BUDGET_GAP.test(x.lead) || COMPARED_WITH_BUDGET.test(x.lead))) : undefined;
        if (gap && actual) {
          // (A 大于/小于 comparison after it, `…的87.83%。决算数小于预算数的主要原因是…`, is of this pair.)
          last = sink.add<CompletionClaim>({
            kind: 'completion',
            origin: 'prose',
            identity: 'prose.completion-gap',
            description: l(`${actual.subject || '支出'}预算完成率（预算数 = 决算数 ${gap.direction === 'up' ? '−' : '+'} 差额）`, `budget completion of ${actual.subject || 'spending'} (budget = actual ${gap.direction === 'up' ? '−' : '+'} gap)`),
            span: t.token.span,
            actual: operand(actual.token, '决算数'),
            budget: sumOperand([operand(actual.token, '决算数'), operand(gap.token, '差额')], '预算数', gap.token.span, [1, gap.direction === 'up' ? -1 : 1]),
            rate: operand(t.token, '完成率'),
          });
          last.comparison = clauseComparison(model.text, t, tokens[t.index + 1]);
          lastBudgetKind = rateKind(t);
          ratedKind.set(last, lastBudgetKind);
          paragraphClaims.push(last);
        } else if (!budget && actual && budgetBefore && rated === undefined && budgets.length === 0 && (!named || budgetKind(budgetBefore.lead) === named) && !namesOtherItem(budgetBefore, actual)) {
          budget = budgetBefore;
        } else if (!budget) {
          const ofRate = respectiveActual(tokens, t) ?? actual;
          if (ofRate) rateOnly.push({ actual: ofRate, rate: t });
        }
        // (Not when the budget names another quantity: `其中：因公出国（境）费年初预算为4.00万元，完成…` after the
        // 三公 total's sentence is the part's own budget, and its actual is not the total's.)
        // `“三公”经费全年预算数16.00万元，决算数比预算数少3.37万元，预算执行率78.94%`: a gap between the budget and its rate.
        const gapOfBudget = budget && !actual ? tokens.find((x) => x.role === 'budget-delta' && x.index > budget!.index && x.index < t.index && x.direction && x.direction !== 'flat' && (BUDGET_GAP.test(x.lead) || COMPARED_WITH_BUDGET.test(x.lead))) : undefined;
        if (budget && !actual && previousHead && !amountSeen && !namesOther(budget, previousHead)) actual = previousHead;
        if (gapOfBudget && actual) addBudgetDifference(sink, actual, budget, gapOfBudget, gapOfBudget.direction as 'up' | 'down', undefined);
        else if (gapOfBudget && budget) {
          // (No actual stated before: the actual is the budget ± the gap, and the rate is checked on it.)
          const up = gapOfBudget.direction === 'up';
          last = sink.add<CompletionClaim>({
            kind: 'completion',
            origin: 'prose',
            identity: 'prose.completion-gap',
            description: l(`${budget.subject || '支出'}预算完成率（决算数 = 预算数 ${up ? '+' : '−'} 差额）`, `budget completion of ${budget.subject || 'spending'} (actual = budget ${up ? '+' : '−'} gap)`),
            span: t.token.span,
            actual: sumOperand([operand(budget.token, '预算数'), operand(gapOfBudget.token, '差额')], '决算数', gapOfBudget.token.span, [1, up ? 1 : -1]),
            budget: operand(budget.token, '预算数'),
            rate: operand(t.token, '完成率'),
          });
          paragraphClaims.push(last);
        }
        if (budget && actual && adjustment && adjustment.index > budget.index && adjustment.index < t.index && named === 'adjusted' && budgetKind(budget.lead) === 'initial' && !budgets.some((b) => budgetKind(b.lead) === 'adjusted')) {
          // (The 调整后 budget the rate names, never stated: the 年初 one adjusted.)
          const down = CUT.test(adjustment.lead);
          last = sink.add<CompletionClaim>({
            kind: 'completion',
            origin: 'prose',
            identity: 'prose.completion',
            description: l(`${actual.subject || '支出'}预算完成率（调整后预算 = 年初预算 ${down ? '−' : '+'} 年中调整）`, `budget completion of ${actual.subject || 'spending'} (adjusted budget = initial ${down ? '−' : '+'} adjustment)`),
            span: t.token.span,
            actual: operand(actual.token, '决算数'),
            budget: sumOperand([operand(budget.token, '年初预算'), operand(adjustment.token, '年中调整')], '调整后预算数', adjustment.token.span, [1, down ? -1 : 1]),
            rate: operand(t.token, '完成率'),
          });
          last.comparison = clauseComparison(model.text, t, tokens[t.index + 1]);
          lastBudgetKind = 'adjusted';
          ratedKind.set(last, lastBudgetKind);
          paragraphClaims.push(last);
          rated = { budget, actual };
          ratedAll.push(rated);
          adjustment = undefined;
        } else if (budget && actual && carried && carried.index > budget.index && budgetKind(t.lead) !== 'initial') {
          last = sink.add<CompletionClaim>({
            kind: 'completion',
            origin: 'prose',
            identity: 'prose.completion',
            description: l(`${actual.subject || '支出'}预算完成率（预算含上年结转）`, `budget completion of ${actual.subject || 'spending'} (budget with last year's carry-over)`),
            span: t.token.span,
            actual: operand(actual.token, '决算数'),
            budget: sumOperand([operand(budget.token, '预算数'), operand(carried.token, '上年结转')], '预算数（含上年结转）', budget.token.span),
            rate: operand(t.token, '完成率'),
          });
          paragraphClaims.push(last);
          carried = undefined;
        } else if (budget && actual) {
          const chosen = budget;
          // (`…支出36.84万元，其中基本支出6.20万元、项目支出30.64万元；年初预算40.00万元，完成年初预算的92.10%`: a budget after the 其中 parts
          // is the whole's.)
          // (Not one named for the part: `…项目支出为156.00万元，其中用于…人道救助69.60万元，…为人道救助项目预算75.00万元的92.80%`.)
          const stem = budget.ownSubject ? budget.subject.replace(/(?:项目|支出|资金|经费)+$/, '') : '';
          const namesPart = stem.length >= 2 && actual.subject.includes(stem);
          const whole = budget.index > actual.index && !namesPart ? wholeOfPart(tokens, actual) : undefined;
          // (`预算为15.61万元，支出决算为14.28万元（合计人民币142,779.50元），决算数为预算数的91.48%`: the rate is of the figures in the budget's
          // unit, as the report computed it.)
          const coarse = actual.restates && actual.token.unit !== budget.token.unit && tokens[actual.index - 1]?.token.unit === budget.token.unit ? tokens[actual.index - 1] : actual;
          const made = addCompletion(sink, whole ?? coarse, budget, t, budgets.find((b) => b !== chosen && budgetKind(b.lead) !== '' && budgetKind(b.lead) !== budgetKind(chosen.lead)));
          // (`…完成预算的92.19%，决算数小于预算数；公务接待费…`: a comparison in the rate's own clause, before the next figure.)
          const inClause = clauseComparison(model.text, t, tokens[t.index + 1]);
          // (`全年预算为19.91万元，…完成全年预算的98.04%，决算数大于年初预算数的主要原因是…`: of the budget it names, when that is
          // another one.)
          const comparedKind = inClause ? budgetKind(model.text.slice(inClause.span.start, inClause.span.end)) : '';
          if (inClause && comparedKind && budgetKind(budget.lead) && comparedKind !== budgetKind(budget.lead)) {
            const compared = [...budgets].reverse().find((b) => budgetKind(b.lead) === comparedKind);
            if (compared) {
              sink.add<CompletionClaim>({
                kind: 'completion',
                origin: 'prose',
                identity: 'prose.budget-comparison',
                description: l(`${made.subject}决算数与预算数比较`, `${made.subject}: actual compared with the budget`),
                span: inClause.span,
                actual: operand(actual.token, '决算数'),
                budget: operand(compared.token, '预算数'),
                comparison: inClause,
              });
            }
          } else made.claim.comparison = inClause;
          last = made.claim;
          // (The kind the rate names, when it names one: `年初预算170.00万元，年中未调整，…决算数为调整后预算数的97.18%。决算数大于调整后
          // 预算数…` compares with the budget it rated.)
          lastBudgetKind = named || budgetKind(budget.lead);
          ratedKind.set(last, lastBudgetKind);
          full.push(made);
          paragraphClaims.push(last);
          rated = { budget, actual };
          ratedAll.push(rated);
        }
        budget = undefined;
        actual = undefined;
      }
    }
    // (`政府性基金预算财政拨款年初结转和结余72.25万元，本年收入901.60万元，本年支出930.78万元…`: a balance carried in or out is
    // no figure executed against a budget; of the others the spending is, when the sentence states it.)
    const executed = tokens.filter((x) => x.role === 'amount' && !BALANCE.test(x.subject));
    // (Named by its words too: `…（项）：年初结转和结余…，本年收入8600.00万元，本年支出8215.36万元` names each by the item.)
    previousHead = (executed.length > 1 ? executed.find((x) => /支出$/.test(x.subject) || /支出(?:决算)?数?(?:为)?$/.test(x.lead)) : undefined) ?? executed[0] ?? previousHead;
    // (A sentence of counts and averages only, `全年共安排因公出国（境）团组9个、46人次…`, `按团组计算，平均每个团组支出9.83万元…`, leaves the pair
    // before it to a later `决算数比预算数少7.54万元`.)
    if (tokens.some((x) => x.role !== 'count' && x.role !== 'other')) ratedBefore = rated && { ...rated, section: sentence.section, all: ratedAll };
    if (tokens.length > 0) budgetBefore = tokens.at(-1)!.role === 'budget' && !tokens.some((x) => x.role === 'amount' || x.role === 'completion-rate') ? tokens.at(-1) : undefined;
    if (budget && actual) {
      unrated = { budget, actual, budgets: [...budgets] };
      last = undefined;
    // (Not by a sentence that only tells how the budget was adjusted: `年初预算100.00万元，调整后预算128.00万元，决算126.40万元。
    // 调整情况：追加40.00万元（…），调减12.00万元（…）。调整后预算完成率98.75%，…`.)
    } else if (tokens.length > 0 && !tokens.every((x) => x.role === 'amount' && (ADJUSTMENT_AMOUNT.test(x.lead) || /^[（(，,、\s]*(?:上年|以前年度)结转(?:资金)?$/.test(x.lead)))) {
      unrated = undefined;
    }
    if (budgets.length > 0) twoBudgets = new Set(budgets.map((b) => budgetKind(b.lead))).size > 1;
    if ((last && !last.comparison) || unrated) {
      const found = execAcrossLineBreaks(COMPARISON, sentence.text);
      const m = found?.match;
      // With 年初 and 全年 budgets both stated, a bare 预算数 may mean either: not checked.
      // (Nor a comparison a rate's own clause already took: `城乡医疗救助…完成107.69%，决算数大于预算数主要是…；…事业运行…完成98.21%。`.)
      const taken = found && paragraphClaims.some((c) => c.comparison?.span.start === sentence.span.start + found.start);
      if (found && m && !taken && !(twoBudgets && !budgetKind(m[0]))) {
        const comparison = { word: comparisonWord(m[1]), span: { start: sentence.span.start + found.start, end: sentence.span.start + found.end } } as const;
        const clause = sentence.text.slice(0, found.start).split(/[。；;，,]/).at(-1)!;
        const named = normalizeSubject(clause);
        // (`…完成预算的84.74%。其中：…；公务接待费…完成预算的111.33%。决算数小于预算数的主要原因是…`, or a last part
        // with a budget and an actual but no rate, `…公务接待费预算0.00万元，支出决算0.00万元。决算数小于…`: a comparison
        // naming nothing after a 其中 list closes the paragraph's account of its head, not of the list's last part.)
        const head = paragraphClaims[0];
        const lastStart = unrated ? Math.min(unrated.actual.token.span.start, unrated.budget.token.span.start) : last!.span.start;
        const otherBudget = !unrated && budgetKind(m[0]) && lastBudgetKind && budgetKind(m[0]) !== lastBudgetKind;
        const paragraphStart = model.paragraphs[sentence.paragraph]?.span.start ?? lastStart;
        const headIsPart = head !== undefined && model.text.slice(paragraphStart, head.span.start).includes('其中');
        // (Not in the sentence of a part's own rate: `（2080501）行政单位离退休：年初预算11.50万元，支出决算10.80万元，完成年初预算的93.91%，
        // 决算数小于年初预算数` is the part's.)
        const ratedHere = last !== undefined && last.span.start >= sentence.span.start;
        const afterList = !named && !otherBudget && !ratedHere && head && !headIsPart && head !== last && !head.comparison && model.text.slice(head.span.end, lastStart).includes('其中');
        const target = named.length >= 2 ? full.find((f) => subjectsMatch(f.subject, named) || f.subject.startsWith(named)) : undefined;
        // (`…公务接待费预算0.00万元，支出决算0.00万元。“三公”经费决算数小于预算数…`: named, the total rated before.)
        const namesRated = unrated && target && !target.claim.comparison && !subjectsMatch(unrated.actual.subject || unrated.budget.subject, named);
        // (With no rated head, a comparison naming nothing after a 其中 list is still the head's: not checked against the last part.)
        const listWithoutHead = !named && (!head || headIsPart) && model.text.slice(paragraphStart, lastStart).includes('其中');
        // (`年初预算为276.86万元，调整预算为352.70万元，支出决算为327.55万元…决算数大于年初预算数`: the budget the comparison names.)
        const namedKind = budgetKind(m[0]);
        let pairCompared: CompletionClaim | undefined;
        const compared = unrated && namedKind && budgetKind(unrated.budget.lead) !== namedKind ? [...unrated.budgets].reverse().find((b) => budgetKind(b.lead) === namedKind) : unrated?.budget;
        if (afterList) {
          head.comparison = comparison;
          unrated = undefined;
        } else if (namesRated) {
          target.claim.comparison = comparison;
          unrated = undefined;
        } else if (listWithoutHead || (unrated && !compared)) {
          unrated = undefined;
        } else if (unrated && compared) {
          const label = unrated.actual.subject || compared.subject || '支出';
          pairCompared = sink.add<CompletionClaim>({
            kind: 'completion',
            origin: 'prose',
            identity: 'prose.budget-comparison',
            description: l(`${label}决算数与预算数比较`, `${label}: actual compared with the budget`),
            span: comparison.span,
            actual: operand(unrated.actual.token, '决算数'),
            budget: operand(compared.token, '预算数'),
            comparison,
          });
          unrated = undefined;
        } else if (last && !otherBudget) {
          // (`…公务接待费…完成年初预算的100.00%。“三公”经费支出决算数小于预算数的主要原因是…`: the comparison names
          // its quantity, the 三公 total stated earlier, not the last part rated.)
          if (!named || named.length < 2 || (target && target.claim === last)) last.comparison = comparison;
          else if (target && !target.claim.comparison) target.claim.comparison = comparison;
        } else if (last && !named) {
          // `…完成年初预算的90.09%，完成调整后预算的100.00%。决算数大于年初预算数的主要原因是…`: of the rate on the budget it names.
          const ofThatBudget = [...paragraphClaims].reverse().find((c) => ratedKind.get(c) === namedKind && !c.comparison);
          if (ofThatBudget) ofThatBudget.comparison = comparison;
        }
        // `…决算数大于年初预算数的主要原因是…，差额5.42万元`: the gap the comparison states, between the pair it compares.
        const pair = pairCompared ?? paragraphClaims.find((c) => c.comparison === comparison) ?? (head?.comparison === comparison ? head : undefined);
        if (pair && comparison.word !== 'eq') {
          for (const t of tokens) if ((t.role === 'amount' || t.role === 'other') && t.token.span.start > comparison.span.end && STATED_GAP.test(t.lead)) addStatedGap(sink, pair, t, comparison.word === 'gt' ? 'up' : 'down');
        }
      }
    }
  }
  return sameRatioTwice(analysis, full, rateOnly, sink);
}

/**
 * The budget each rate names: its own words (budgetKind), except in a 分别 run over both budgets, `分别为年初预算、调整后预算的
 * 115.94%和99.09%`, `分别完成年初预算和调整后预算的107.39%、98.55%`: the first rate the first budget's, the next the second's.
 */
function respectiveRateKinds(tokens: ProseToken[]): (t: ProseToken) => ReturnType<typeof budgetKind> {
  // (Built for the sentences with such a run only: this is asked of every sentence.)
  const bracketed = tokens.some((t) => t.role === 'completion-rate' && t.depth > 0 && OTHER_BUDGET_BRACKET.test(t.lead));
  if (!bracketed && !tokens.some((t) => t.role === 'completion-rate' && t.lead.includes('分别'))) return ownRateKind;
  const named = new Map<ProseToken, ReturnType<typeof budgetKind>>();
  // (`执行率87.43%（对调整后预算为97.87%）`: the bracket's rate is of the budget it names, the rate before it of the other.)
  for (const t of tokens) {
    const next = t.role === 'completion-rate' && budgetKind(t.lead) === '' ? tokens[t.index + 1] : undefined;
    const m = next?.role === 'completion-rate' && next.depth > t.depth ? OTHER_BUDGET_BRACKET.exec(next.lead) : null;
    if (!m) continue;
    const kind = budgetKind(m[1]);
    named.set(next!, kind);
    if (kind !== '') named.set(t, kind === 'adjusted' ? 'initial' : 'adjusted');
  }
  for (const t of tokens) {
    const m = t.role === 'completion-rate' ? RESPECTIVE_BUDGETS.exec(t.lead) : null;
    const next = m ? tokens[t.index + 1] : undefined;
    if (!m || next?.role !== 'completion-rate' || /[，,。；;]/.test(next.lead)) continue;
    named.set(t, budgetKind(m[1]));
    named.set(next, budgetKind(m[2]));
  }
  return (t) => named.get(t) ?? budgetKind(t.lead);
}
const ownRateKind = (t: ProseToken) => budgetKind(t.lead);
const OTHER_BUDGET_BRACKET = /^[（(]\s*(?:对|按|相对于?|占)?((?:年初|全年|调整后?)预算)(?:数)?(?:的)?(?:为|是|完成)?$/;
const RESPECTIVE_BUDGETS = /分别(?:为|是|完成|达到)?((?:年初|全年|调整后?)预算数?)(?:数)?[、和及与]((?:年初|全年|调整后?)预算数?)的$/;

/** `actual / budget = rate` (and the other budget the sentence states, for the zero-base rule). */
/** `加上年结转资金12.80万元`, `加上以前年度结转`: the carry-over added to the budget. */
const ACTUAL_NOTE = /^[，,]?\s*(?:其中)?含|^[，,]?\s*[^，,。；;\d]{0,8}(?:结转|结余)(?:资金)?$/;
const CARRIED_IN_ADDED = /^[，,]?(?:加上?|另有|及)(?:上年|以前年度)?(?:结转|结余)(?:资金|和结余)?$/;

/** `，决算数小于预算数；` right after a rate, before the next figure and the clause's end: the comparison it states. */
function clauseComparison(text: string, rate: ProseToken, next: ProseToken | undefined): CompletionClaim['comparison'] {
  const from = rate.token.unitSpan?.end ?? rate.token.span.end;
  const to = Math.min(next && next.sentence === rate.sentence ? next.token.span.start : rate.sentence.span.end, rate.sentence.span.end);
  const words = text.slice(from, to);
  const m = /^[，,]\s*/.test(words) ? COMPARISON.exec(words) : null;
  // (Only a comparison of its own clause: `，决算数小于预算数；`, not one after a `；` or in a reason.)
  if (!m || /[；;。]/.test(words.slice(0, m.index)) || /原因/.test(words.slice(0, m.index + m[0].length + 4))) return undefined;
  return { word: comparisonWord(m[1]), span: { start: from + m.index, end: from + m.index + m[0].length } };
}

/**
 * `A、B、C支出决算分别为x、y和z，分别完成全年预算的p%、q%和r%`: the k-th rate of a run is the k-th figure's of the run before it (as
 * many of each); undefined when the rate is in no such pair of runs.
 */
function respectiveActual(tokens: ProseToken[], rate: ProseToken): ProseToken | undefined {
  let first = rate.index;
  while (first > 0 && tokens[first - 1].role === 'completion-rate') first--;
  let last = rate.index;
  while (last + 1 < tokens.length && tokens[last + 1].role === 'completion-rate') last++;
  if (last === first || !/分别/.test(tokens[first].lead)) return undefined;
  const count = last - first + 1;
  const amounts = tokens.slice(Math.max(0, first - count), first);
  return amounts.length === count && amounts.every((a) => a.role === 'amount') ? amounts[rate.index - first] : undefined;
}

/** The relation COMPARISON's verb states between the actual and the budget. */
function comparisonWord(verb: string): 'gt' | 'lt' | 'eq' {
  return /大于|高于|超过|多于/.test(verb) ? 'gt' : /小于|低于|少于/.test(verb) ? 'lt' : 'eq';
}

function addCompletion(sink: ClaimSink, actual: ProseToken, budget: ProseToken, rate: ProseToken, other: ProseToken | undefined): { claim: CompletionClaim; subject: string } {
  const label = actual.subject || budget.subject || '支出';
  const claim = sink.add<CompletionClaim>({
    kind: 'completion',
    origin: 'prose',
    identity: 'prose.completion',
    description: l(`${label}预算完成率`, `budget completion of ${label}`),
    span: rate.token.span,
    actual: operand(actual.token, '决算数'),
    budget: operand(budget.token, '预算数'),
    rate: operand(rate.token, '完成率'),
    ...(other ? { otherBudget: operand(other.token, other.lead.replace(/[为是：:，,\s]/g, '')) } : {}),
  });
  return { claim, subject: label };
}

/** The run of same-role tokens starting at `first`: each next one joined by 、 / 和 alone. */
function runFrom(tokens: ProseToken[], first: ProseToken): ProseToken[] {
  const run = [first];
  for (let i = first.index + 1; i < tokens.length && tokens[i].role === first.role && RUN_JOINER.test(tokens[i].lead); i++) run.push(tokens[i]);
  return run;
}

/**
 * `（3）A（项）、（4）B（项）：年初预算分别为b1、b2，支出决算分别为a1、a2，分别完成年初预算的x1%、x2%`: the i-th
 * budget, actual and rate belong together.
 */
function respectiveCompletions(tokens: ProseToken[]): { triples: Array<{ budget: ProseToken; actual: ProseToken; rate: ProseToken }>; used: Set<ProseToken> } | undefined {
  const first = tokens.find((t) => t.role === 'completion-rate' && /分别/.test(t.lead));
  if (!first) return undefined;
  const rates = runFrom(tokens, first);
  const n = rates.length;
  if (n < 2) return undefined;
  const runBefore = (role: ProseToken['role']) => {
    for (let i = first.index - 1; i >= 0; i--) {
      const t = tokens[i];
      if (t.role !== role || (i > 0 && tokens[i - 1].role === role && RUN_JOINER.test(t.lead))) continue;
      const run = runFrom(tokens, t);
      return run.length === n ? run : undefined;
    }
    return undefined;
  };
  const budgets = runBefore('budget');
  const actuals = runBefore('amount');
  if (!budgets || !actuals) return undefined;
  return { triples: rates.map((rate, i) => ({ budget: budgets[i], actual: actuals[i], rate })), used: new Set([...rates, ...budgets, ...actuals]) };
}

/** Between a budget and the next: the next is a part of it. */
const PART_OF_BUDGET = /其中|[（(]\s*(?:含|包括)/;

/** `结余30.73万元` right after a completion rate: the budget left unspent. */
const UNSPENT = /^[，,]?(?:结余|节余|剩余)$/;
/** `决算数小于全年预算数`: the budget a comparison of the actual names. */
const COMPARED_BUDGET = /(?:大于|小于|高于|低于|多于|少于)(?:年初|全年|调整后?的?|年度)预算/;
/** `其中超出年初预算金额最多的是养老服务（项），决算数比年初预算多62.15万元`: a sentence on one of the pair's parts. */
const OF_A_PART = /^\s*其中/;
/** `项目结余资金`, `结余`: a sentence opening with what was left of a budget. */
// (Or with what was not spent: `决算数小于调整后预算数的主要原因是…，未执行的413.53万元结转下年继续使用`.)
const UNSPENT_OPENING = /^(?:项目)?(?:结余|节余|剩余|未执行|未支出|尚未支出|未使用|尚未使用)(?:的|资金|部分)*(?:为|共)?$/;

function addBudgetDifference(sink: ClaimSink, actual: ProseToken, stated: ProseToken | undefined, delta: ProseToken, direction: 'up' | 'down', rate: ProseToken | undefined): void {
  // (`全年预算数为997.05万元，完成全年预算的98.82%。决算数比年初预算增加12.28万元`: a gap from the budget of another kind than the one
  // stated is from that budget, derived, not from the one stated.)
  const named = budgetKind(delta.lead);
  const budget = stated && named && budgetKind(stated.lead) && budgetKind(stated.lead) !== named ? undefined : stated;
  sink.add<ChangeClaim>({
    kind: 'change',
    origin: 'prose',
    identity: 'prose.budget-difference',
    description: l(`${actual.subject || budget?.subject || '决算数'}与预算比较`, `${actual.subject || budget?.subject || 'actual'} compared with the budget`),
    span: delta.token.span,
    direction,
    current: operand(actual.token, '决算数'),
    prior: budget && operand(budget.token, '预算数'),
    delta: operand(delta.token, direction === 'down' ? (UNSPENT.test(delta.lead) || UNSPENT_OPENING.test(delta.lead) ? '结余' : '比预算减少') : '比预算增加'),
    rate: rate && operand(rate.token, direction === 'down' ? '比预算下降' : '比预算增长'),
  });
}

/**
 * `差额5.42万元`, `相差2.90万元`, `两者差额为…`: the gap a comparison of the actual with its budget states (not a difference the
 * reason names, `补缴1—6月差额0.57万元`).
 */
const STATED_GAP = /^\s*(?:两者|二者|与(?:年初|全年|调整后?)?预算数?的?)?(?:差额|相差|差异额?)(?:为|是|达)?$/;

function addStatedGap(sink: ClaimSink, compared: CompletionClaim, gap: ProseToken, direction: 'up' | 'down'): void {
  sink.add<ChangeClaim>({
    kind: 'change',
    origin: 'prose',
    identity: 'prose.budget-difference',
    description: l('决算数与预算数之差', 'the gap between the actual and its budget'),
    span: gap.token.span,
    direction,
    current: compared.actual,
    prior: compared.budget,
    delta: operand(gap.token, '差额'),
    rate: undefined,
  });
}

/** `较年初预算调增`, `比年初预算减少`: the adjusted budget compared with the initial one. */
/** `全年预算比年初预算增加`: the adjusted budget named as what changed. */
const ADJUSTED_NAMED = /(?:^|[，,；;])\s*(?:全年|调整后?的?)预算数?(?:比|较|与)年初预算/;
const ADJUSTED_FROM_INITIAL = /(?:比|较|与)年初预算数?(?:相比)?[，,]?(?:调增|调减|增加|减少|追加|追减|增|减)了?$/;

function addBudgetAdjustment(sink: ClaimSink, adjusted: ProseToken, initial: ProseToken, delta: ProseToken, direction: 'up' | 'down'): void {
  const name = adjusted.subject || initial.subject;
  sink.add<ChangeClaim>({
    kind: 'change',
    origin: 'prose',
    identity: 'prose.budget-adjustment',
    description: l(`${name}调整预算与年初预算比较`, `${name ? `${name}: ` : ''}the adjusted budget compared with the initial one`),
    span: delta.token.span,
    direction,
    current: operand(adjusted.token, '调整预算'),
    prior: operand(initial.token, '年初预算'),
    delta: operand(delta.token, direction === 'down' ? '较年初预算调减' : '较年初预算调增'),
    rate: undefined,
  });
}

function namesOther(budget: ProseToken, actual: ProseToken): boolean {
  return budget.ownSubject && actual.subject !== '' && !subjectsMatch(budget.subject, actual.subject);
}

/**
 * The budget and the actual each name an item, and not the same one (`公务用车预算1040万元。公务接待费282万元，完成预算的…`);
 * `项目全年预算数合计` and `执行数合计` name none beside their figures' words.
 */
function namesOtherItem(budget: ProseToken, actual: ProseToken): boolean {
  const item = (subject: string) => subject.replace(FIGURE_WORDS, '');
  return namesOther(budget, actual) && item(budget.subject) !== '' && item(actual.subject) !== '' && !subjectsMatch(item(budget.subject), item(actual.subject));
}
const FIGURE_WORDS = /(?:年初|全年|调整后?)?预算(?:数|金额)?|执行数|决算数?|支出数?|合计|总额|资金|项目|本年|全年/g;

/** True when `rate` is the rate of a difference from the budget stated before it (budgetRate's inverse, in constant time). */
export function ratesBudgetDelta(tokens: ProseToken[], rate: ProseToken): boolean {
  let i = rate.index - 1;
  while (i >= 0 && tokens[i].role === 'budget') i--;
  return i >= 0 && budgetRate(tokens, tokens[i]) === rate;
}

/** The rate right after a difference from the budget (`比年初预算减少50.00万元，下降4%`). */
export function budgetRate(tokens: ProseToken[], delta: ProseToken): ProseToken | undefined {
  if (delta.role !== 'budget-delta') return undefined;
  // (`超出年初预算2577.39万元（年初预算7701.16万元），超支比例34.86%`: the budget may stand between them.)
  let i = delta.index + 1;
  while (tokens[i]?.role === 'budget') i++;
  const next = tokens[i];
  return next?.role === 'change-rate' && !comparesWithLastYear(next.lead) ? next : undefined;
}

/** 三公 is the sum of its three parts: a part's completion may restate the whole's. */
const SANGONG_FAMILY = /三公|因公出国|公务用车|公务接待/;
/** 因公出国（境）费, 公务用车…, 公务接待费: one of the three parts, not 三公 as a whole. */
const isSangongPart = (subject: string) => /因公出国|公务用车|公务接待/.test(subject) && !/三公/.test(subject);

/**
 * `三公…预算0.80万元，支出决算0.79万元，完成年初预算的99.00%` and later `公务接待费支出0.79万元，完成年初
 * 预算的98.75%` (qinzhou :162/:186): the same actual with a rate stated without its budget restates
 * the same ratio, so the two rates must agree. Certain within one family (三公 and its parts or the
 * same quantity); otherwise the equal actuals may be a coincidence, so only a warning.
 */
function sameRatioTwice(analysis: ProseAnalysis, full: Array<{ claim: CompletionClaim; subject: string }>, rateOnly: RateWithoutBudget[], sink: ClaimSink): RateWithoutBudget[] {
  const alone: RateWithoutBudget[] = [];
  for (const r of rateOnly) {
    if (r.actual.token.zero) continue;
    const match = full.find((f) => f.claim.actual.value.eq(r.actual.token.value) && f.claim.actual.text === r.actual.token.text && f.claim.rate);
    if (!match) {
      alone.push(r);
      continue;
    }
    // (`…（项）支出决算为1332.28万元，…为年初预算数的88.88%` and `…项目全年预算数1612.97万元，全年执行数1332.28万元，预算执行率为
    // 82.60%`: a rate whose sentence states another budget is on that budget, not a restatement.)
    if ((analysis.bySentence.get(r.rate.sentence.id) ?? []).some((t) => t.role === 'budget' && !(t.token.text === match.claim.budget.text))) continue;
    // (Nor one naming the other budget: `决算数为年初预算数的100%` beside a 全年预算's `预算执行率为86.48%`.)
    const matchBudget = match.claim.budget.token === undefined ? undefined : analysis.byToken.get(match.claim.budget.token);
    const kinds = [budgetKind(r.rate.lead), matchBudget ? budgetKind(matchBudget.lead) : ''];
    if (kinds[0] && kinds[1] && kinds[0] !== kinds[1]) continue;
    // (A project's `执行率96.84%` is of its 全年预算, not the `完成年初预算的113.93%` of the same figure.)
    if (/执行率/.test(r.rate.lead) && kinds[1] === 'initial') continue;
    // A part whose actual equals the whole's (the other parts spent nothing) has its own budget, which
    // the other parts' budgets make smaller: `三公 21.00 → 16.95, 80.71%` and `公务用车 16.95, 82.68%` (its
    // budget 20.50 stated only in the table) both hold. The part's rate can only be the higher one: a
    // lower one (qinzhou's 公务接待费 98.75% under the 三公's 99.00%) leaves the same budget as the only
    // way out, and then the two rates state one ratio.
    if (isSangongPart(match.subject) !== isSangongPart(r.actual.subject)) {
      const rate = operand(r.rate.token, '');
      const [part, whole] = isSangongPart(r.actual.subject) ? [rate, match.claim.rate!] : [match.claim.rate!, rate];
      if (compareBeyondRounding(whole, part) <= 0) continue;
    }
    const related = match.subject === r.actual.subject || (SANGONG_FAMILY.test(match.subject) && SANGONG_FAMILY.test(r.actual.subject));
    // (Two items each named, neither the other, spending the same sum is a coincidence: `事业运行（项）…168.40万元` and
    // `新冠肺炎疫情防控。…支出168.40万元，完成预算的140.33%`.)
    if (!related && match.subject !== '' && r.actual.subject !== '' && !subjectsMatch(match.subject, r.actual.subject)) continue;
    sink.add<FactClaim>({
      kind: 'fact',
      origin: 'prose',
      identity: 'prose.same-ratio',
      description: l(`同一决算数 ${r.actual.token.text} 的完成率两处表述`, `the completion rate of the same actual ${r.actual.token.text} stated twice`),
      span: r.rate.token.span,
      key: `completion|${r.actual.token.text}`,
      a: withChanges(match.claim.rate!, { label: `${match.subject}完成率` }),
      b: operand(r.rate.token, `${r.actual.subject || '该项'}完成率`),
      looseMatch: !related,
    });
  }
  return alone;
}

/**
 * `“三公”经费预算11324.44万元，其中：因公出国（境）费9605.80万元…。` then `因公出国（境）费8657.78万元，预算执行比例为
 * 90.13%`: a rate whose budget the prose states earlier for the same quantity (a budget, or a part of a list
 * whose total is a budget), when it states exactly one. Returns the rates still without a budget.
 */
export function budgetsStatedBefore(analysis: ProseAnalysis, listOf: Map<ProseToken, ProseList>, rates: RateWithoutBudget[], sink: ClaimSink, reportYear: number | undefined): RateWithoutBudget[] {
  if (rates.length === 0) return rates;
  const budgets = new Map<string, ProseToken[]>();
  for (const t of analysis.tokens) {
    // (Dated budgets only of the report's year: `2024年“三公”经费预算…，其中：公务接待费预算288.00万元` in a 2024 report.)
    if (!t.subject || !t.ownSubject || (t.year !== undefined && t.year !== reportYear)) continue;
    if (t.role !== 'budget' && !inBudgetList(t, listOf.get(t), listOf)) continue;
    const same = budgets.get(t.subject);
    if (same) same.push(t);
    else budgets.set(t.subject, [t]);
  }
  const left: RateWithoutBudget[] = [];
  for (const r of rates) {
    const stated = budgets.get(r.actual.subject);
    const budget = stated?.length === 1 && stated[0].token.span.start < r.actual.token.span.start ? stated[0] : undefined;
    if (!budget || budget.token.zero) {
      left.push(r);
      continue;
    }
    sink.add<CompletionClaim>({
      kind: 'completion',
      origin: 'prose',
      identity: 'prose.completion-budget-before',
      description: l(`${r.actual.subject}预算完成率（预算数见前文）`, `budget completion of ${r.actual.subject} (budget stated earlier)`),
      span: r.rate.token.span,
      actual: operand(r.actual.token, '决算数'),
      budget: operand(budget.token, '预算数'),
      rate: operand(r.rate.token, '完成率'),
    });
  }
  return left;
}
