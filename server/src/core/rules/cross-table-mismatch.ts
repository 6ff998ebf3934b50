import { checkEqual, checkLe, show, written } from '../arith/interval';
import Decimal from 'decimal.js';
import type { EqualClaim, LeClaim, Operand } from '../types';
import { crossedCell, crossedCellFix, exceededCell, unwitnessedSide } from './crossed-cell';
import { l, type Rule, type RuleContext } from './rule';

/**
 * A difference in the written unit of both operands (tables in 元 show 元), without trailing zeros
 * (`0.055`); in 万元 when the two tables use different units.
 */
function trim(value: Operand['value'], a: Operand, b: Operand): string {
  const same = (a.scale ?? ONE).eq(b.scale ?? ONE);
  const v = same && a.scale ? value.div(a.scale) : value;
  return show(v.abs(), 4).replace(/0+$/, '').replace(/\.$/, '') + (same ? (a.unit ?? '') : '万元');
}

/**
 * The same quantity in two disclosure tables (01↔02/03/04, 04↔05/07/08, 05↔06), or a subset that
 * exceeds its superset (05 ≤ 03, 06 ≤ 09, 10 ≤ 06): tables.md §11, X1–X15. Conventions (X15) only warn.
 */
export const crossTableMismatch: Rule = {
  meta: {
    id: 'cross-table-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('不同报表之间应相等（或不超过）的数不符', 'Two disclosure tables disagree on a quantity they share'),
    fixable: true,
    messages: {
      mismatch: l('{a}与{b}不一致', '{a} and {b} disagree'),
      exceeds: l('{part}大于{whole}', '{part} exceeds {whole}'),
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) {
      if (claim.origin !== 'cross-table') continue;
      if (claim.kind === 'equal') checkEqualClaim(ctx, claim);
      else if (claim.kind === 'le') checkLeClaim(ctx, claim);
    }
  },
};

const ONE = new Decimal(1);

function checkEqualClaim(ctx: RuleContext, claim: EqualClaim): void {
  const { a, b } = claim;
  const result = checkEqual(a, b);
  const explain = () =>
    l(
    `${a.label} ${written(a, [b])} ${result.ok ? '=' : '≠'} ${b.label} ${written(b, [a])}（差 ${trim(result.diff, a, b)}，容差 ${trim(result.tolerance, a, b)}）`,
    `${a.label} ${written(a, [b])} ${result.ok ? '=' : '≠'} ${b.label} ${written(b, [a])} (difference ${trim(result.diff, a, b)}, tolerance ${trim(result.tolerance, a, b)})`,
    );
  ctx.verdict(claim.id, result.ok ? 'ok' : claim.soft ? 'warning' : 'error', explain);
  if (result.ok) return;
  const explanation = explain();
  // (On the cell that also breaks its own table's sum when there is one: that is where the slip is.)
  const crossed = crossedCell(ctx.claims, claim);
  // (Else on the cell no other source bears out, when another table or the text bears out the other one.)
  const odd = crossed ? undefined : unwitnessedSide(ctx.claims, a, b);
  const [here, there] = crossed?.cell === a || odd === a || (crossed?.cell !== b && odd !== b && claim.span.start === a.span?.start) ? [a, b] : [b, a];
  ctx.report({
    messageId: 'mismatch',
    message: l(
      `${here.label} ${written(here, [there])} 与 ${there.label} ${written(there, [here])} 不一致${claim.soft ? '（按惯例应相等）' : ''}`,
      `${here.label} ${written(here, [there])} disagrees with ${there.label} ${written(there, [here])}${claim.soft ? ' (equal by convention)' : ''}`,
    ),
    explanation,
    span: here.span ?? claim.span,
    severity: claim.soft ? 'warning' : undefined,
    related: there.span ? [{ span: there.span, message: l(`另一表：${there.label} ${written(there, [here])}`, `other table: ${there.label} ${written(there, [here])}`) }] : [],
    // (Which table is wrong is not known, unless one of the two cells also breaks its own table's sum: then that one.)
    fixes: [crossedCellFix(crossed)].filter((f) => f !== undefined),
    claim: claim.id,
  });
}

function checkLeClaim(ctx: RuleContext, claim: LeClaim): void {
  const { part, whole } = claim;
  const result = checkLe(part, whole);
  const explain = () =>
    l(
    `${part.label} ${written(part, [whole])} ${result.ok ? '≤' : '>'} ${whole.label} ${written(whole, [part])}${result.ok ? '' : `（超出 ${trim(result.diff, part, whole)}）`}`,
    `${part.label} ${written(part, [whole])} ${result.ok ? '≤' : '>'} ${whole.label} ${written(whole, [part])}${result.ok ? '' : ` (by ${trim(result.diff, part, whole)})`}`,
    );
  ctx.verdict(claim.id, result.ok ? 'ok' : claim.soft ? 'warning' : 'error', explain);
  if (result.ok) return;
  const explanation = explain();
  // (On the whole's cell when it also breaks its own table's roll-up, at a value that clears the part: the slip is there.)
  const exceeded = claim.soft ? undefined : exceededCell(ctx.claims, claim);
  const [here, there] = exceeded ? [whole, part] : [part, whole];
  ctx.report({
    messageId: 'exceeds',
    message: claim.message ?? l(`${part.label} ${written(part, [whole])} 大于 ${whole.label} ${written(whole, [part])}`, `${part.label} ${written(part, [whole])} exceeds ${whole.label} ${written(whole, [part])}`),
    explanation,
    span: here.span ?? claim.span,
    severity: claim.soft ? 'warning' : undefined,
    related: there.span ? [{ span: there.span, message: exceeded ? l(`另一表：${there.label} ${written(there, [here])}`, `other table: ${there.label} ${written(there, [here])}`) : l(`总数：${whole.label} ${written(whole, [part])}`, `whole: ${whole.label} ${written(whole, [part])}`) }] : [],
    fixes: [crossedCellFix(exceeded)].filter((f) => f !== undefined),
    claim: claim.id,
  });
}
