// A table cell in two relations that both fail, its row's sum (本年支出合计 = 基本支出 + 项目支出) and its column's roll-up
// (款 = Σ 项), or one of them and the equality with another table (公开01表's 本年收入合计 = 公开02表's 合计): the slip is
// that cell when one value of it makes both hold, and that value is its fix.
import Decimal from 'decimal.js';
import { checkEqual, checkSum, inUnitOf } from '../arith/interval';
import type { Claim, EqualClaim, Operand, SumClaim } from '../types';
import { l, type FixDraft } from './rule';

type Relation = SumClaim | EqualClaim;

/** What a failing relation requires of one of its cells: the value it holds exactly at, and the relation's tolerance. */
interface Requirement {
  claim: Relation;
  cell: Operand;
  value: Decimal;
  tolerance: Decimal;
}

const byClaims = new WeakMap<readonly Claim[], Map<number, Requirement[]>>();

/** The tables' relations that fail, by the tokens of their cells; built once per lint, on the first failure. */
function requirements(claims: readonly Claim[]): Map<number, Requirement[]> {
  let byToken = byClaims.get(claims);
  if (byToken) return byToken;
  byToken = new Map();
  const add = (r: Requirement) => {
    if (r.cell.token === undefined || !r.cell.span) return;
    const list = byToken!.get(r.cell.token);
    if (list) list.push(r);
    else byToken!.set(r.cell.token, [r]);
  };
  for (const c of claims) {
    if ((c.kind === 'sum' || c.kind === 'rollup') && c.origin === 'table' && c.exhaustive && !c.signs?.some((s) => s < 0)) {
      const check = checkSum(c.total, c.parts);
      if (check.ok) continue;
      let sum = new Decimal(0);
      for (const p of c.parts) sum = sum.plus(p.value);
      add({ claim: c, cell: c.total, value: sum, tolerance: check.tolerance });
      for (const p of c.parts) add({ claim: c, cell: p, value: c.total.value.minus(sum.minus(p.value)), tolerance: check.tolerance });
    } else if (c.kind === 'equal' && c.origin === 'cross-table') {
      const check = checkEqual(c.a, c.b);
      if (check.ok) continue;
      add({ claim: c, cell: c.a, value: c.b.value, tolerance: check.tolerance });
      add({ claim: c, cell: c.b, value: c.a.value, tolerance: check.tolerance });
    }
  }
  byClaims.set(claims, byToken);
  return byToken;
}

/**
 * The fix of a cell of `claim` that another failing relation shares, when the value that makes the one hold makes the
 * other hold too; undefined otherwise.
 */
export function crossedCellFix(claims: readonly Claim[], claim: Relation): FixDraft | undefined {
  const byToken = requirements(claims);
  for (const mine of byToken.values()) {
    for (const r of mine) {
      if (r.claim !== claim || r.value.isNegative()) continue;
      const other = mine.find((o) => o.claim !== claim && o.value.minus(r.value).abs().lte(o.tolerance));
      if (!other) continue;
      const text = inUnitOf(r.value, r.cell);
      return {
        title: l(`将 ${r.cell.label} 改为 ${text}（与之相关的两处核对都因此成立）`, `Set ${r.cell.label} to ${text} (both relations it is in hold then)`),
        edits: [{ span: r.cell.span!, newText: text }],
        safe: false,
        preferred: true,
        kind: 'fix-total',
      };
    }
  }
  return undefined;
}
