import { checkRestated, inUnitOf, written } from '../arith/interval';
import { crossedCell, crossedCellFix } from './crossed-cell';
import { restatedDiffText } from './explain';
import type { EqualClaim } from '../types';
import { l, type FixDraft, type Rule, type RuleContext } from './rule';

/**
 * A prose amount naming a table quantity that differs from the cell (prose.md §8): 本年支出合计,
 * 基本支出, 类 and 项 figures, 人员经费, 三公, 机关运行经费, 政府采购, the 绩效自评表 figures.
 */
export const textTableMismatch: Rule = {
  meta: {
    id: 'text-table-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('情况说明中的数字与报表单元格不一致', 'A figure in the text differs from the table cell it restates'),
    fixable: true,
    messages: { mismatch: l('文中{name} {text} 与{table} {cell} 不一致', '{name} {text} in the text differs from {table} {cell}') },
  },
  check(ctx) {
    for (const claim of ctx.claims) if (claim.kind === 'equal' && claim.origin === 'text-table') checkOne(ctx, claim);
  },
};

/** (A function of its own: the closure would cost a context in a loop body for every claim of every kind.) */
function checkOne(ctx: RuleContext, claim: EqualClaim): void {
  const eq = checkRestated(claim.a, claim.b);
  const explain = () => {
    const d = restatedDiffText(eq.diff, eq.tolerance, [claim.a, claim.b]);
    return l(
    `${claim.a.label} ${written(claim.a, [claim.b])} ${eq.ok ? '=' : '≠'} ${claim.b.label} ${written(claim.b, [claim.a])}${eq.ok ? ' ✓' : `（${d.zh}）`}`,
    `${claim.a.label} ${written(claim.a, [claim.b])} ${eq.ok ? '=' : '≠'} ${claim.b.label} ${written(claim.b, [claim.a])}${eq.ok ? ' ✓' : ` (${d.en})`}`,
    );
  };
  const severity = claim.soft || eq.touching ? 'warning' : 'error';
  ctx.verdict(claim.id, eq.ok ? 'ok' : severity, explain);
  if (eq.ok) return;
  const exp = explain();
  // (A table cell that also breaks its own table's sum, and that the text's figure makes hold, is the slip: the finding
  // sits on it, and its fix sets it.)
  const cell = crossedCell(ctx.claims, claim);
  const crossed = cell?.cell === claim.b ? crossedCellFix(cell) : undefined;
  ctx.report({
    messageId: 'mismatch',
    message: l(`${claim.a.label} ${written(claim.a, [claim.b])} 与${claim.b.label} ${written(claim.b, [claim.a])} 不一致`, `${claim.a.label} ${written(claim.a, [claim.b])} differs from ${claim.b.label} ${written(claim.b, [claim.a])}`),
    explanation: exp,
    span: (crossed ? claim.b.span : claim.a.span) ?? claim.span,
    severity,
    related: crossed
      ? [{ span: claim.a.span ?? claim.span, message: l(`文中：${claim.a.label} ${written(claim.a, [claim.b])}`, `text: ${claim.a.label} ${written(claim.a, [claim.b])}`) }]
      : claim.b.span
        ? [{ span: claim.b.span, message: l(`表中：${claim.b.label} ${written(claim.b, [claim.a])}`, `table: ${claim.b.label} ${written(claim.b, [claim.a])}`) }]
        : [],
    // (A table coarser than the prose, 116.02万元 under `1,110,191.80元`, does not know the prose's last digits: no figure to offer.)
    fixes: crossed ? [crossed] : claim.a.span && claim.b.text && claim.b.halfUlp.lte(claim.a.halfUlp) ? [tableValueFix(claim)] : [],
    claim: claim.id,
  });
}

/** The table's figure in the prose's unit, precision and grouping (a 元 table beside 万元 prose: 5,613,976.31元 → 561.40). */
function tableValueFix(claim: EqualClaim): FixDraft {
  const text = inUnitOf(claim.b.value, claim.a);
  return { title: l(`改为表中数 ${text}`, `Use the table's ${text}`), edits: [{ span: claim.a.span!, newText: text }], safe: false, kind: 'fix-total' };
}
