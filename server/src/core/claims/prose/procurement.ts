// 政府采购 and the contracts won by 中小企业 (small and medium enterprises). The Shanghai template states
// them in two places: `在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额X万元` and
// `在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额Y万元`. Together they are the SME share of all
// procurement: X + Y cannot exceed the year's 政府采购金额 (a template figure copied into the second slot
// breaks it).
import { operand, sumOperand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, LeClaim } from '../../types';
import { clauseBefore } from '../../text/clauses';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** The year's procurement total: `政府采购金额（以合同签订为准）为`, `政府采购支出总额`. */
const TOTAL = /政府采购(?:支出)?(?:总)?(?:金额|总额)/;
/** Words of a reserved-project or SME figure, never the total. */
const NOT_TOTAL = /预留|中小|小微|货物|工程|服务|预算/;
/** `由中小企业供应商中标或成交的，采购金额`: an SME award (小微 awards are a part of it, not added). */
const SME_AWARD = /由中小企业(?:供应商)?中标或成交的?[，,]?\s*(?:采购)?金额(?:为)?\s*$/;

/** `面向中小企业预留政府采购项目预算金额`, `面向小微企业预留…`: the budgets reserved for SMEs and, among them, for micro firms. */
const RESERVED_FOR = /面向(中小|小微)企业预留(?:的)?(?:政府)?采购项目(?:预算)?(?:金额)?(?:为)?$/;

export function procurementClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  let total: ProseToken | undefined;
  let reserved: ProseToken | undefined;
  let other: ProseToken | undefined;
  let reservedForSme: ProseToken | undefined;
  for (const t of analysis.tokens) {
    if (t.role !== 'amount' && t.role !== 'budget') continue;
    // The micro firms' reservation is a part of the SMEs' (小微企业 are 中小企业).
    const reservedFor = RESERVED_FOR.exec(t.lead);
    if (reservedFor?.[1] === '中小') reservedForSme = t;
    else if (reservedFor && reservedForSme && reservedForSme.sentence.section === t.sentence.section && reservedForSme.token.unit === t.token.unit) {
      sink.add<LeClaim>({
        kind: 'le',
        origin: 'prose',
        identity: 'prose.procurement-micro',
        description: l('面向小微企业预留金额不超过面向中小企业预留金额', 'the budget reserved for micro firms does not exceed that reserved for SMEs'),
        span: t.token.span,
        part: operand(t.token, '面向小微企业预留金额'),
        whole: operand(reservedForSme.token, '面向中小企业预留金额'),
        soft: true,
      });
      reservedForSme = undefined;
    }
    if (t.role === 'amount' && TOTAL.test(t.lead) && !NOT_TOTAL.test(t.lead)) {
      total = t;
      reserved = other = undefined;
      continue;
    }
    if (!total || t.role !== 'amount' || t.sentence.section !== total.sentence.section) continue;
    // The clause that says which projects: back to the previous `；` or `。`.
    // (Without its line breaks: `由中小企业供应商中标或` / `成交的，采购金额`.)
    const clause = clauseBefore(model.text, t.token.span.start, 80, '；;。').replace(/[\r\n]+/g, '');
    if (!SME_AWARD.test(clause)) continue;
    if (/面向中小企业预留/.test(clause)) reserved = t;
    else if (/其他(?:政府)?采购项目/.test(clause)) other = t;
    if (reserved && other) {
      sink.add<LeClaim>({
        kind: 'le',
        origin: 'prose',
        identity: 'prose.procurement-sme',
        description: l('中小企业中标金额（预留项目 + 其他项目）不超过政府采购金额', 'SME awards (reserved + other projects) do not exceed total procurement'),
        span: other.token.span,
        part: sumOperand([operand(reserved.token, '预留项目'), operand(other.token, '其他项目')], `中小企业中标金额（预留项目 ${reserved.token.raw} + 其他项目 ${other.token.raw}）`, other.token.span),
        whole: operand(total.token, '政府采购金额'),
        // Both figures count contracts, but reports date them differently (签订 vs 中标): a warning.
        soft: true,
      });
      total = reserved = other = undefined;
    }
  }
}
