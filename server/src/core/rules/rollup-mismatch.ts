import { checkEqual, checkSum, inUnitOf, show, written } from '../arith/interval';
import type { Claim, Operand, SumClaim } from '../types';
import { crossedCell, crossedCellFix } from './crossed-cell';
import { l, type Rule, type RuleContext } from './rule';
import { mistypedPart, slipCandidates } from './typo';

/** `0.0550` → `0.055`: tolerances and differences without trailing zeros. */
/** A value in the written unit of `like` (a table in 元 shows 元), without trailing zeros: `0.055`. */
function trim(value: Operand['value'], like: Operand): string {
  const v = like.scale ? value.div(like.scale) : value;
  return show(v.abs(), 4).replace(/0+$/, '').replace(/\.$/, '') + (like.unit ?? '');
}

/** `Σ 301xx` / `Σ 类`, as the claim's description names the children. */
function childPattern(claim: SumClaim): string {
  return /= (Σ [^（(\s]+)/.exec(claim.description['zh-cn'])?.[1] ?? 'Σ';
}

/** Tokens that another table confirms: both sides of a cross-table equality that holds. */
function confirmedTokens(claims: readonly Claim[]): Set<number> {
  const ok = new Set<number>();
  for (const c of claims) {
    if (c.kind !== 'equal' || c.origin !== 'cross-table' || !checkEqual(c.a, c.b).ok) continue;
    if (c.a.token !== undefined) ok.add(c.a.token);
    if (c.b.token !== undefined) ok.add(c.b.token);
  }
  return ok;
}

/**
 * Tokens another relation of the tables vouches for: both sides of a cross-table equality that holds, and every cell
 * of a table sum or roll-up that holds (`人员经费合计 709.29 = 301 + 303` holds: 301 is right, its items are not).
 */
function vouchedTokens(claims: readonly Claim[], confirmed: Set<number>): Set<number> {
  const vouched = new Set(confirmed);
  for (const c of claims) {
    if ((c.kind !== 'sum' && c.kind !== 'rollup') || c.origin !== 'table' || !c.exhaustive || !checkSum(c.total, c.parts, c.signs).ok) continue;
    for (const o of [c.total, ...c.parts]) if (o.token !== undefined) vouched.add(o.token);
  }
  return vouched;
}

/**
 * A parent row that is not the sum of its child rows (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, 301 = Σ
 * 301xx), beyond what rounding each stated cell explains (rounding.md §2).
 */
export const rollupMismatch: Rule = {
  meta: {
    id: 'rollup-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('上级科目与其下级科目之和不符（按科目代码汇总）', 'A parent row differs from the sum of its child rows (by subject code)'),
    fixable: true,
    messages: { mismatch: l('{parent}与下级科目之和不符', '{parent} differs from the sum of its child rows') },
  },
  check(ctx) {
    let confirmed: Set<number> | undefined;
    let vouched: Set<number> | undefined;
    const isVouched = (token: number) => (vouched ??= vouchedTokens(ctx.claims, confirmed!)).has(token);
    let failing: Map<string, SumClaim[]> | undefined;
    for (const claim of ctx.claims) {
      if (claim.kind !== 'rollup') continue;
      confirmed ??= confirmedTokens(ctx.claims);
      failing ??= failingByParentRow(ctx);
      checkOne(ctx, claim, confirmed, isVouched, failing);
    }
  },
};

/** The row of a table cell operand (`table:row`), undefined for prose figures and derived operands. */
function rowOf(ctx: RuleContext, o: Operand): string | undefined {
  const cell = o.token === undefined ? undefined : ctx.model.numbers[o.token]?.cell;
  return cell && `${cell.table}:${cell.row}`;
}

/** Failing roll-ups by their parent's row: the columns of one parent row that fail together. */
function failingByParentRow(ctx: RuleContext): Map<string, SumClaim[]> {
  const byRow = new Map<string, SumClaim[]>();
  for (const c of ctx.claims) {
    if (c.kind !== 'rollup' || checkSum(c.total, c.parts).ok) continue;
    const row = rowOf(ctx, c.total);
    if (row === undefined) continue;
    const list = byRow.get(row);
    if (list) list.push(c);
    else byRow.set(row, [c]);
  }
  return byRow;
}

/**
 * `20105 …本年支出合计 599.16 ≠ Σ = 600.06` and `…项目支出 270.22 ≠ Σ = 271.12`: where one column leaves two children one slip
 * from the value it needs (266.57 → 265.67, 16.56 → 15.66), the other columns of the same parent row that fail say which
 * row: only a row one slip away in every one of them is a candidate.
 */
function inEveryFailingColumn(ctx: RuleContext, claim: SumClaim, failing: Map<string, SumClaim[]>): ((part: Operand) => boolean) | undefined {
  const row = rowOf(ctx, claim.total);
  const others = row === undefined ? [] : (failing.get(row) ?? []).filter((c) => c !== claim);
  if (others.length === 0) return undefined;
  const rowSets = others.map((c) => new Set(slipCandidates(c, checkSum(c.total, c.parts).sum).filter((x) => x.index > 0).map((x) => rowOf(ctx, x.figure))));
  return (part) => {
    const r = rowOf(ctx, part);
    return r !== undefined && rowSets.every((set) => set.has(r));
  };
}

function checkOne(ctx: RuleContext, claim: SumClaim, confirmed: Set<number>, isVouched: (token: number) => boolean, failing: Map<string, SumClaim[]>): void {
  const { total, parts } = claim;
  const result = checkSum(total, parts);
  const explain = () => {
    const sum = inUnitOf(result.sum, total) + (total.unit ?? '');
    const pattern = childPattern(claim);
    const terms = parts.length <= 6 && parts.length > 1 ? `（${parts.map((p) => written(p)).join(' + ')}）` : '';
    const termsEn = terms ? ` (${parts.map((p) => written(p)).join(' + ')})` : '';
    const relation = result.ok ? '=' : '≠';
    return l(
    `${total.label} ${written(total)} ${relation} ${pattern} ${parts.length} 项${terms} = ${sum}（差 ${trim(result.diff, total)}，容差 ${trim(result.tolerance, total)}）`,
    `${total.label} ${written(total)} ${relation} ${pattern}, ${parts.length} rows${termsEn} = ${sum} (difference ${trim(result.diff, total)}, tolerance ${trim(result.tolerance, total)})`,
    );
  };
  const status = result.ok ? 'ok' : claim.soft ? 'warning' : 'error';
  ctx.verdict(claim.id, status, explain);
  if (result.ok) return;
  const explanation = explain();
  const sum = inUnitOf(result.sum, total) + (total.unit ?? '');
  // (A child cell whose row sum fails too, and whose one value makes both hold, is the slip: its fix comes first.)
  const crossedAt = crossedCell(ctx.claims, claim);
  const crossed = crossedCellFix(crossedAt);
  // (Else one child cell one typing slip from the value the roll-up needs, the total not: that cell, and the finding is on it.)
  const title = (cell: Operand, text: string) => l(`将 ${cell.label} 改为 ${text}（疑为录入错误，上级科目因此成立）`, `Set ${cell.label} to ${text} (a likely typing slip; the parent row holds then)`);
  // (A parent another relation vouches for is no candidate, however near its digits are to the sum's.)
  const totalBorneOut = total.token !== undefined && (confirmed.has(total.token) || isVouched(total.token));
  const among = crossed ? undefined : inEveryFailingColumn(ctx, claim, failing);
  const alone = crossed ? undefined : mistypedPart(claim, result.sum, title, totalBorneOut);
  // (Not a cell another relation vouches for; a row's own sum does not, when the row is the one slip in every failing column: the
  // slip was carried across it, `16.56 | | 16.56`.)
  const typo =
    alone && alone.part.token !== undefined && !confirmed.has(alone.part.token) && !isVouched(alone.part.token)
      ? alone
      : ((guess) => (guess && guess.part.token !== undefined && !confirmed.has(guess.part.token) ? guess : undefined))(among && mistypedPart(claim, result.sum, title, totalBorneOut, among));
  const fixes = crossed ? [crossed] : typo ? [typo.fix] : [];
  // (No fix setting a total another relation vouches for: the slip is among the children.)
  if (total.token !== undefined && total.span && !isVouched(total.token)) {
    const value = inUnitOf(result.sum, total);
    // Which number is wrong is a judgement; prefer the total only when other tables vouch for every part.
    const partsConfirmed = parts.every((p) => p.token !== undefined && confirmed.has(p.token));
    fixes.push({
      title: l(`将 ${total.label} 改为下级科目之和 ${value}`, `Set ${total.label} to the sum of its child rows, ${value}`),
      edits: [{ span: total.span, newText: value }],
      safe: false,
      preferred: !crossed && partsConfirmed && !confirmed.has(total.token) ? true : undefined,
      kind: 'fix-total',
    });
  }
  ctx.report({
    messageId: 'mismatch',
    message: l(
      `${total.label} ${written(total)} 与下级科目之和 ${sum} 不符`,
      `${total.label} ${written(total)} differs from the sum of its child rows, ${sum}`,
    ),
    explanation,
    // (On the cell found wrong: the crossed one, whose other relation fails too, or the mistyped one.)
    span: (crossedAt?.cell !== total ? crossedAt?.cell.span : undefined) ?? typo?.part.span ?? total.span ?? claim.span,
    severity: claim.soft ? 'warning' : undefined,
    related: [
      ...((typo || (crossedAt && crossedAt.cell !== total)) && total.span ? [{ span: total.span, message: l(`上级科目：${total.label} ${written(total)}`, `parent row: ${total.label} ${written(total)}`) }] : []),
      ...parts
        .filter((p) => p.span && p !== typo?.part)
        .map((p) => ({ span: p.span!, message: l(`下级科目：${p.label} ${written(p)}`, `child row: ${p.label} ${written(p)}`) })),
    ],
    fixes,
    claim: claim.id,
  });
}
