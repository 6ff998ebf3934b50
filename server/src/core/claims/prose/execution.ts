// Spending restated in the 绩效 section in other words. The department's 执行数 restates one of the year's totals (prose.md §7: qinzhou `:232`
// `部门预算数4487.56万元，执行数1381.69万元` is the 1381.69 of `:82`, `:98`, `:116`). Which total it is depends on the
// report (本年支出合计, 财政拨款支出, 支出总计, …), so nothing is claimed while it equals one of them; one that misses
// the nearest of them by a single digit or two swapped digits (`1934.96` for `1934.69`) is that total mistyped, and
// is set against it as a restatement whose scope is not certain (a warning). A project's 累计投入 restates its 实际支出
// the same way.
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, FactClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** `执行数1934.69万元`, `部门整体支出执行数4784.29万元`. */
const EXECUTION = /执行(?:数|金额)(?:为|是)?$/;
/** The department's whole budget, not a project's. */
const WHOLE_DEPARTMENT = /部门预算数|部门整体|整体支出/;
/** The year's totals the department's execution can be. */
const TOTAL = /^(?:本年)?(?:收入|支出)(?:合计|总计)$|^(?:一般公共预算)?财政拨款(?:收入|支出)(?:合计)?$|^财政拨款(?:收入、?支出|收、?支)总计$/;

export function executionClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  const thisYear = (t: ProseToken) => t.year === undefined || t.year === model.reportYear;
  const totals = analysis.tokens.filter((t) => t.role === 'amount' && t.ownSubject && thisYear(t) && TOTAL.test(t.subject.replace(/^本部门|^部门/, '')));
  if (totals.length === 0) return;
  for (const t of analysis.tokens) {
    if (t.role !== 'amount' || !thisYear(t) || !EXECUTION.test(t.lead) || /项目/.test(t.lead)) continue;
    if (!WHOLE_DEPARTMENT.test(model.text.slice(t.sentence.span.start, t.token.span.start))) continue;
    const sameUnit = totals.filter((s) => s.token.unit === t.token.unit && s.token.span.start !== t.token.span.start);
    if (sameUnit.some((s) => s.token.value.eq(t.token.value))) continue;
    // (Named after a spending total when one is mistyped so: an execution is spending.)
    const slips = sameUnit.filter((s) => digitSlip(s.token.text, t.token.text));
    const mistyped = slips.find((s) => s.subject.includes('支出')) ?? slips[0];
    if (!mistyped) continue;
    sink.add<FactClaim>({
      kind: 'fact',
      origin: 'prose',
      identity: 'prose.execution',
      description: l(`部门预算执行数即${mistyped.subject}`, `the department's budget execution is its ${mistyped.subject}`),
      span: t.token.span,
      key: `execution|${mistyped.subject}`,
      a: operand(mistyped.token, mistyped.subject),
      b: operand(t.token, '执行数'),
      looseMatch: true,
    });
  }
}

/** A project's spending, as its 绩效 paragraph first states it. */
const PROJECT_SPENDING = /(?:实际支出|执行数|全年执行)(?:为|是)?$/;
/** The same money, restated in the paragraph's account of what the project achieved. */
const PROJECT_INPUT = /(?:累计投入|投入资金|使用资金|实际使用)(?:资金)?(?:为|是)?$/;

/**
 * `项目全年预算数为78万元，实际支出60.96万元，…项目绩效目标完成情况：通过项目实施，全年累计投入60.69万元`: a project's
 * input restated in its paragraph. Not the same wording (累计投入 may count other funds), so only a figure that misses the
 * spending by a single digit or two swapped digits is set against it (a warning).
 */
export function projectInputClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  let spending: ProseToken | undefined;
  for (const t of analysis.tokens) {
    if (spending && spending.sentence.paragraph !== t.sentence.paragraph) spending = undefined;
    if (t.role !== 'amount') continue;
    if (!spending && PROJECT_SPENDING.test(t.lead)) spending = t;
    else if (spending && PROJECT_INPUT.test(t.lead) && t.token.unit === spending.token.unit && digitSlip(spending.token.text, t.token.text)) {
      sink.add<FactClaim>({
        kind: 'fact',
        origin: 'prose',
        identity: 'prose.project-input',
        description: l('项目累计投入即其实际支出', "the project's input is its spending"),
        span: t.token.span,
        key: `project-input|${spending.token.id}`,
        a: operand(spending.token, spending.lead.replace(/[，,；;：:\s]/g, '')),
        b: operand(t.token, t.lead.replace(/[，,；;：:\s]/g, '')),
        looseMatch: true,
      });
    }
  }
}

/** Two figures of one length whose digits differ in one place, or in two adjacent places swapped. */
export function digitSlip(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return /\d/.test(a[diff[0]]) && /\d/.test(b[diff[0]]);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]] && /\d\d/.test(a.slice(diff[0], diff[1] + 1));
}
