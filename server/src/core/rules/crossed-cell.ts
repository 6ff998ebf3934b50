// A table cell that is a part of two relations which both fail, its row's sum (本年支出合计 = 基本支出 + 项目支出) and its
// column's roll-up (款 = Σ 项): the slip is that cell when one value of it makes both hold, and that value is its fix.
import Decimal from 'decimal.js';
import { checkSum, inUnitOf } from '../arith/interval';
import type { Claim, Operand, SumClaim } from '../types';
import { l, type FixDraft } from './rule';

const asPartByClaims = new WeakMap<readonly Claim[], Map<number, SumClaim[]>>();

/** The table's sums and roll-ups that fail, by the tokens of their parts; built once per lint, on the first failure. */
function failingByPart(claims: readonly Claim[]): Map<number, SumClaim[]> {
  let byPart = asPartByClaims.get(claims);
  if (!byPart) {
    byPart = new Map();
    for (const c of claims) {
      if ((c.kind !== 'sum' && c.kind !== 'rollup') || c.origin !== 'table' || !c.exhaustive || c.signs?.some((s) => s < 0)) continue;
      if (checkSum(c.total, c.parts).ok) continue;
      for (const p of c.parts) {
        if (p.token === undefined) continue;
        const list = byPart.get(p.token);
        if (list) list.push(c);
        else byPart.set(p.token, [c]);
      }
    }
    asPartByClaims.set(claims, byPart);
  }
  return byPart;
}

/** The value a part must have for its relation to hold exactly at the stated figures: total − the other parts. */
function needed(claim: SumClaim, part: Operand): Decimal {
  let rest = new Decimal(0);
  for (const p of claim.parts) if (p !== part) rest = rest.plus(p.value);
  return claim.total.value.minus(rest);
}

/**
 * The fix of a cell that a failing row sum and a failing roll-up (one of them `claim`) share as a part, when the value
 * that makes the one hold makes the other hold too; undefined otherwise.
 */
export function crossedCellFix(claims: readonly Claim[], claim: SumClaim): FixDraft | undefined {
  if (claim.origin !== 'table' || claim.signs?.some((s) => s < 0)) return undefined;
  const byPart = failingByPart(claims);
  for (const part of claim.parts) {
    if (part.token === undefined || !part.span) continue;
    const others = byPart.get(part.token)?.filter((c) => c !== claim && c.kind !== claim.kind);
    if (!others?.length) continue;
    const value = needed(claim, part);
    if (value.isNegative()) continue;
    for (const other of others) {
      const counterpart = other.parts.find((p) => p.token === part.token)!;
      // Both hold with the cell at `value` when the other's own requirement is within its rounding of it.
      const gap = needed(other, counterpart).minus(value).abs();
      if (gap.gt(checkSum(other.total, other.parts).tolerance)) continue;
      const text = inUnitOf(value, part);
      return {
        title: l(`将 ${part.label} 改为 ${text}（行与列的合计都因此成立）`, `Set ${part.label} to ${text} (its row's and its column's totals both hold then)`),
        edits: [{ span: part.span, newText: text }],
        safe: false,
        preferred: true,
        kind: 'fix-total',
      };
    }
  }
  return undefined;
}
