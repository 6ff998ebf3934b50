// 收入总计 = 支出总计 in the prose of a department's report (tables.md T01.5, T04): the 总计 rows balance by
// construction (支出总计 holds 年末结转和结余), so a sentence stating both with two values states a slip:
// `2022年度收、支总计各是4125.49,4143.91万元`, `收入总计803.84万元，支出总计687.8万元` (支出合计 written as 总计).
import { operand } from '../../arith/interval';
import { l } from '../../messages';
import type { DocumentModel, SumClaim } from '../../types';
import type { ClaimSink } from '../sink';
import type { ProseAnalysis, ProseToken } from './tokens';

/** `财政拨款收入总计`, `本部门支出总计`: the qualifier and the side of a 总计. */
const SIDE_TOTAL = /^(.*?)(收入|支出)总计$/;

export function totalsBalanceClaims(model: DocumentModel, analysis: ProseAnalysis, sink: ClaimSink): void {
  // (Only a department's (or unit's) report: a government's 总决算 states 收入总计 − 支出总计 = 结余.)
  if (model.department === undefined || model.reportKind !== 'final-accounts') return;
  for (const tokens of analysis.bySentence.values()) {
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1], tokens[i]];
      if (a.role !== 'amount' || b.role !== 'amount' || a.token.unit !== b.token.unit || (b.year !== undefined && b.year !== a.year)) continue;
      const pair = bothTotals(a, b);
      if (pair) emit(sink, pair.income, pair.spending);
    }
  }
}

/** The 收入 and 支出 totals two neighbouring figures state, if they do. */
function bothTotals(a: ProseToken, b: ProseToken): { income: ProseToken; spending: ProseToken } | undefined {
  // `收、支总计各是4125.49,4143.91万元`: one name for both, in order.
  if (/^收入、支出总计$/.test(a.subject) && b.subject === a.subject && !b.ownSubject) return { income: a, spending: b };
  const x = SIDE_TOTAL.exec(a.subject);
  const y = SIDE_TOTAL.exec(b.subject);
  // (`本年收入总计` is the year's 收入合计, which need not equal its 支出合计.)
  if (!x || !y || !b.ownSubject || x[1] !== y[1] || x[2] === y[2] || /本年|当年/.test(x[1])) return undefined;
  return x[2] === '收入' ? { income: a, spending: b } : { income: b, spending: a };
}

function emit(sink: ClaimSink, income: ProseToken, spending: ProseToken): void {
  sink.add<SumClaim>({
    kind: 'sum',
    origin: 'prose',
    identity: 'prose.totals-balance',
    description: l('收入总计 = 支出总计', 'total income = total expenditure (总计)'),
    span: spending.token.span,
    total: operand(spending.token, '支出总计'),
    parts: [operand(income.token, '收入总计')],
    exhaustive: true,
  });
}
