// The financial accounts' identities as the prose states them (财务状况 / 收入费用 sections): `资产总计2934.22万元，负债合计90.32万元，
// 净资产合计2843.90万元` (净资产 = 资产 − 负债), `资产负债率1.84%` (负债 / 资产), `本期收入3276.03万元，本期费用3405.96万元，本期盈余
// -129.93万元` (盈余 = 收入 − 费用). The terms may stand in earlier sentences: the last of each stated before the result.
import { isMoney, operand } from '../../arith/interval';
import { l } from '../../messages';
import type { ShareClaim, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

const OWNER = '(?:本部门|本单位|财务会计)*';
const ASSETS = new RegExp(`^${OWNER}(?:年末)?资产(?:总额|总计|合计)$`);
const LIABILITIES = new RegExp(`^${OWNER}(?:年末)?负债(?:总额|合计|总计)$`);
const NET_ASSETS = new RegExp(`^${OWNER}(?:年末)?净资产(?:合计|总额|总计)?$`);
const INCOME = new RegExp(`^${OWNER}(?:本期|本年)?收入(?:合计|总额)?$`);
const EXPENSES = new RegExp(`^${OWNER}(?:本期|本年)?费用(?:合计|总额)?$`);
const SURPLUS = new RegExp(`^${OWNER}(?:本期|本年)?盈余$`);
/** Income is only the accrual basis's where 费用 and 盈余 are its other terms: `本期收入`, or a 收入合计 of the accrual basis. */
const ACCRUAL_INCOME = /本期收入|财务会计/;
const DEBT_RATIO = /资产负债率(?:为|是)?$/;

type Kind = 'assets' | 'liabilities' | 'income' | 'expenses';

export function balanceSheetClaims(analysis: ProseAnalysis, sink: ClaimSink): void {
  const last = new Map<Kind, ProseToken>();
  for (const t of analysis.tokens) {
    if (t.depth > 0) continue;
    if (t.token.unit === '%' && DEBT_RATIO.test(t.lead) && t.year === undefined) {
      const [liabilities, assets] = [last.get('liabilities'), last.get('assets')];
      if (liabilities && assets && liabilities.token.unit === assets.token.unit) {
        sink.add<ShareClaim>({
          kind: 'share',
          origin: 'prose',
          identity: 'prose.debt-ratio',
          description: l('资产负债率 = 负债总额 / 资产总额', 'debt ratio = liabilities / assets'),
          span: t.token.span,
          part: operand(liabilities.token, liabilities.subject),
          base: operand(assets.token, assets.subject),
          stated: operand(t.token, '资产负债率'),
        });
      }
      continue;
    }
    if (t.role !== 'amount' || t.year !== undefined || !t.ownSubject || !isMoney(t.token.unit) || lastYearsClause(t)) continue;
    const s = t.subject;
    if (ASSETS.test(s)) last.set('assets', t);
    else if (LIABILITIES.test(s)) last.set('liabilities', t);
    else if (INCOME.test(s) && ACCRUAL_INCOME.test(s)) last.set('income', t);
    else if (EXPENSES.test(s)) last.set('expenses', t);
    else if (NET_ASSETS.test(s)) difference(sink, t, last.get('assets'), last.get('liabilities'), l('净资产 = 资产总额 − 负债总额', 'net assets = assets − liabilities'));
    else if (SURPLUS.test(s)) difference(sink, t, last.get('income'), last.get('expenses'), l('本期盈余 = 本期收入 − 本期费用', 'surplus = income − expenses'));
  }
}

function difference(sink: ClaimSink, result: ProseToken, from: ProseToken | undefined, less: ProseToken | undefined, description: ReturnType<typeof l>): void {
  if (!from || !less || from.token.unit !== result.token.unit || less.token.unit !== result.token.unit) return;
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.balance-sheet',
    description,
    span: result.token.span,
    total: operand(result.token, result.subject),
    parts: [operand(from.token, from.subject), operand(less.token, less.subject)],
    signs: [1, -1],
    exhaustive: true,
  });
}

const CLAUSE_REACH = 200;
/** A figure in a `；`-clause about last year: `；上年收入合计5196.20万元，费用合计5241.86万元，本年盈余为-45.66万元`. */
function lastYearsClause(t: ProseToken): boolean {
  // (A few clauses back at most: a sentence of thousands of figures is not re-read for each.)
  const at = t.token.span.start - t.sentence.span.start;
  const before = t.sentence.text.slice(Math.max(0, at - CLAUSE_REACH), at);
  return /上年|去年/.test(before.slice(Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')) + 1));
}
