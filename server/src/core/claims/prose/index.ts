// Prose claims: the relations the 情况说明 states in words (prose.md §1–§7).
import { lowerBound } from '../../text/search';
import type { DocumentModel } from '../../types';
import type { ClaimSink } from '../sink';
import { averageClaims } from './averages';
import { productClaims } from './products';
import { outputCompletionClaims } from './outputs';
import { depreciationClaims } from './depreciation';
import { stockFlowClaims } from './stock-flow';
import { formulaClaims } from './formulas';
import { balanceSheetClaims } from './balance-sheet';
import { changeBreakdownClaims } from './change-breakdown';
import { differenceClaims, refundClaims, totalsBalanceClaims, totalsCarryOverClaims, statedFormulaClaims, yearBalanceClaims, fundRollClaims } from './balance';
import { changePartClaims, listedPartChangeClaims } from './change-parts';
import { countedTotalClaims } from './counted-totals';
import { compoundClaims } from './compound';
import { rankClaims } from './rankings';
import { gradeClaims } from './grades';
import { changeClaims, levelOfLastYearClaims, pointsClaims, reasonClaims, restatedDirectionClaims, type MadeChange } from './changes';
import { computedSharePointsClaims } from './share-points';
import { statedPriorClaims } from './stated-priors';
import { budgetAdjustmentClaims, budgetsStatedBefore, reasonAdjustmentClaims, completionClaims, type RateWithoutBudget } from './completion';
import { factClaims } from './facts';
import { gradeCountClaims } from './grade-counts';
import { headingFigureClaims } from './heading-figures';
import { closingItemTotals, itemListClaims } from './item-lists';
import { fleetClaims, sangongCountClaims } from './sangong-counts';
import { executionClaims, projectInputClaims } from './execution';
import { procurementClaims } from './procurement';
import { nestedTotalClaims } from './nested-totals';
import { endsSentence, findLists, type ProseList } from './lists';
import { shareClaims, type ShareContext, type UnresolvedShare } from './shares';
import { SubjectIndex } from './subjects';
import { sharesOfOneBaseClaims, sumClaims, unitsOfDepartment } from './sums';
import { analyzeProse, type ProseAnalysis, type ProseToken } from './tokens';
import { unitCountClaims } from './unit-count';
import { namedCountClaims } from './named-counts';
import { allMatches } from '../../text/matches';

export interface ProseFacts {
  analysis: ProseAnalysis;
  lists: ProseList[];
  listOf: Map<ProseToken, ProseList>;
  subjects: SubjectIndex;
  /** Shares whose named base the prose never states: text-table looks for it in the tables. */
  unresolvedShares: UnresolvedShare[];
  /** Completion rates whose budget the prose never states: text-table looks for it in the tables. */
  ratesWithoutBudget: RateWithoutBudget[];
  /** The units the report says the department's accounts are made of (`本部门决算包括：…`). */
  units: string[];
  /** The year-over-year changes stated: those with neither figure in the prose, text-table reads from the tables. */
  changes: MadeChange[];
}

export function proseClaims(model: DocumentModel, sink: ClaimSink): ProseFacts {
  const analysis = analyzeProse(model);
  // (A share's inline base states its quantity too: `分别占财政拨款收入4096.92万元的…`.)
  const subjects = new SubjectIndex(analysis.tokens, ['amount', 'share-base']);
  const { lists, listOf } = findLists(analysis, model.text, model.sentences, subjects, model.sections);
  const units = unitsOfDepartment(model.text);
  // (`本年收入合计` / `本年支出合计` as the report states them, for the units' income and spending.)
  const yearTotal = (side: '收入' | '支出', offset: number) => subjects.find(`${side}合计`, offset, (t) => t.role === 'amount' && t.ownSubject && t.year === undefined);
  sumClaims(lists, sink, { zerosBefore: zerosBefore(model, analysis), statedApart: statedApart(model, analysis, listOf), units, yearTotal });
  unitCountClaims(model, sink);
  namedCountClaims(model, sink);
  itemListClaims(model, analysis, lists, listOf, sink);
  closingItemTotals(model, analysis, sink);
  const unresolvedShares = shareClaims({ analysis, lists, listOf, subjects, pending: pendingTotals(model, lists), text: model.text, department: model.department, sections: model.sections, reportYear: model.reportYear }, sink);
  sharesOfOneBaseClaims(unresolvedShares, sink);
  const changes = changeClaims(analysis, subjects, sink, model.text, model.reportYear, model.reportKind === 'final-accounts');
  levelOfLastYearClaims(analysis, changes, sink);
  statedPriorClaims(analysis, changes, model.reportYear, sink);
  changePartClaims(analysis, model.text, sink);
  gradeCountClaims(model, analysis, sink);
  reasonClaims(model, changes, sink);
  restatedDirectionClaims(changes, sink);
  pointsClaims(analysis, sink);
  computedSharePointsClaims(model, analysis, sink);
  budgetAdjustmentClaims(analysis, sink);
  reasonAdjustmentClaims(analysis, sink);
  const ratesWithoutBudget = budgetsStatedBefore(analysis, listOf, completionClaims(model, analysis, sink), sink, model.reportYear);
  factClaims(model, analysis, listOf, lists, sink);
  // (After the facts: a change stated of one statement of a figure is of its restatements too.)
  listedPartChangeClaims(sink.claims, model.text, sink);
  changeBreakdownClaims(analysis, sink);
  headingFigureClaims(model, analysis, sink);
  procurementClaims(model, analysis, sink);
  nestedTotalClaims(analysis, sink);
  depreciationClaims(analysis, sink);
  stockFlowClaims(model, analysis, sink);
  countedTotalClaims(analysis, sink);
  rankClaims(model, analysis, listOf, sink);
  gradeClaims(model, analysis, sink);
  compoundClaims(model, analysis, sink);
  sangongCountClaims(analysis, sink);
  fleetClaims(analysis, sink);
  executionClaims(model, analysis, sink);
  projectInputClaims(analysis, sink);
  totalsBalanceClaims(model, analysis, sink);
  differenceClaims(analysis, sink);
  refundClaims(analysis, sink);
  averageClaims(analysis, sink);
  productClaims(analysis, sink);
  outputCompletionClaims(analysis, sink);
  totalsCarryOverClaims(model, analysis, sink);
  yearBalanceClaims(analysis, sink);
  balanceSheetClaims(analysis, sink);
  statedFormulaClaims(analysis, sink);
  fundRollClaims(analysis, sink);
  // (Last: a computation's result that another relation reads is checked there.)
  formulaClaims(model, sink);
  return { analysis, lists, listOf, subjects, unresolvedShares, ratesWithoutBudget, units, changes };
}

/** The names of the amounts stated as zero in a list's section before its trigger (by section, built once). */
function zerosBefore(model: DocumentModel, analysis: ProseAnalysis): (list: ProseList) => string[] {
  let bySection: Map<number | undefined, ProseToken[]> | undefined;
  let absent: string[] | undefined;
  return (list) => {
    if (!bySection) {
      bySection = new Map();
      for (const t of analysis.tokens) {
        if (t.role !== 'amount' || !t.token.zero || !t.ownSubject) continue;
        const same = bySection.get(t.sentence.section);
        if (same) same.push(t);
        else bySection.set(t.sentence.section, [t]);
      }
    }
    const section = model.sentences[list.sentence].section;
    absent ??= absentFunds(model.text);
    return [...(bySection.get(section) ?? []).filter((t) => t.token.span.start < list.trigger.start).map((t) => t.subject), ...absent];
  };
}

/** How many figures after a list, in its sentence and in each of the next two, may state a member apart. */
const MAX_APART = 12;

/**
 * The names of the non-zero amounts stated on their own right after a list (in no list, or in another of the same
 * whole): `其中：基本支出…；项目支出…。本年支出合计中，对附属单位补助支出131.90万元…`.
 */
function statedApart(model: DocumentModel, analysis: ProseAnalysis, listOf: Map<ProseToken, ProseList>): (list: ProseList) => string[] {
  return (list) => {
    const names: string[] = [];
    const total = list.totals.get('amount')?.subject;
    const section = model.sentences[list.sentence].section;
    // (Its own sentence and the next two in its section: a line of its own is often a paragraph of its own.)
    for (let id = list.sentence; id < model.sentences.length && id <= list.sentence + 2 && model.sentences[id].section === section; id++) {
      const tokens = analysis.bySentence.get(id) ?? [];
      // (The figures right after the list, a few at most: a sentence of thousands of lists is not walked once per list.)
      const from = id === list.sentence ? lowerBound(tokens, (t) => t.token.span.start, list.region.end) : 0;
      for (let k = from; k < tokens.length && k < from + MAX_APART; k++) {
        const t = tokens[k];
        if (t.role !== 'amount' || !t.ownSubject || t.token.zero) continue;
        // (In no list, or in one of the same whole: `本年支出合计中，…` frames its own.)
        const other = listOf.get(t);
        if (!other || (other !== list && other.totals.get('amount')?.subject === total)) names.push(t.subject);
      }
    }
    return names;
  };
}

/**
 * The funds the report says it has none of (`本部门没有发生国有资本经营预算财政拨款收入支出，故本表无数据`): zero
 * throughout, so a 财政拨款 list that leaves them out is complete.
 */
function absentFunds(text: string): string[] {
  const found: string[] = [];
  for (const m of allMatches(ABSENT_FUND, text)) {
    const fund = `${m[1]}预算财政拨款`;
    if (!found.includes(fund)) found.push(fund);
  }
  return found;
}

const ABSENT_FUND = /(?:没有发生|未发生|没有|无|未安排|不涉及)[^。；;，,\d]{0,8}?(政府性基金|国有资本经营)预算(?:财政拨款)?(?:收入|支出|收支)/g;

/**
 * `2024年一般公共预算财政拨款支出66167.07万元,其中：` with its items in the following paragraphs:
 * the total stays the base of unnamed shares until the next heading.
 */
function pendingTotals(model: DocumentModel, lists: ProseList[]): ShareContext['pending'] {
  const pending: ShareContext['pending'] = [];
  for (const list of lists) {
    if (!endsSentence(list, model.text)) continue;
    const sentence = model.sentences[list.sentence];
    const nextHeading = model.sections[lowerBound(model.sections, (s) => s.headingSpan.start, sentence.span.end + 1)];
    for (const role of ['amount', 'count'] as const) {
      const total = list.totals.get(role);
      if (total) pending.push({ total, role, from: sentence.span.end, until: nextHeading?.headingSpan.start ?? model.text.length });
    }
  }
  return pending;
}
