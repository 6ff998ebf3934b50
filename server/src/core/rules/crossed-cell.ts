// A table cell in two relations that both fail, its row's sum (本年支出合计 = 基本支出 + 项目支出) and its column's roll-up
// (款 = Σ 项), or one of them and the equality with another table (公开01表's 本年收入合计 = 公开02表's 合计) or with the
// text (`政府采购货物支出55.20万元` against 公开11表's 货物 cell): the slip is that cell when one value of it makes both hold,
// and that value is its fix.
import Decimal from 'decimal.js';
import { checkEqual, checkSum, inUnitOf } from '../arith/interval';
import type { Claim, EqualClaim, LeClaim, Operand, SumClaim } from '../types';
import { l, setFigureFix, type FixDraft } from './rule';
import { LintMemo } from '../lint-memo';

type Relation = SumClaim | EqualClaim;

/** What a failing relation requires of one of its cells: the value it holds exactly at, and the relation's tolerance. */
interface Requirement {
  claim: Relation;
  cell: Operand;
  value: Decimal;
  tolerance: Decimal;
}

interface Requirements {
  byToken: Map<number, Requirement[]>;
  byClaim: Map<Relation, Requirement[]>;
  /** Cells of a table relation that holds: changing one would break it. */
  confirmed: Set<number>;
  /** Cells another table or the text states alike (an equality across sources that holds): a witness outside their table. */
  witnessed: Set<number>;
}

const byClaims = new LintMemo<readonly Claim[], Requirements>();

/** What the tables' failing relations require of their cells, by cell token and by relation; built once per lint, on the first failure. */
function requirements(claims: readonly Claim[]): Requirements {
  return byClaims.of(claims, buildRequirements);
}

function buildRequirements(claims: readonly Claim[]): Requirements {
  const byToken = new Map<number, Requirement[]>();
  const byClaim = new Map<Relation, Requirement[]>();
  const confirmed = new Set<number>();
  const witnessed = new Set<number>();
  const witness = (cells: Operand[]) => {
    for (const cell of cells) if (cell.token !== undefined) witnessed.add(cell.token);
  };
  const confirm = (cells: Operand[]) => {
    for (const cell of cells) if (cell.token !== undefined) confirmed.add(cell.token);
  };
  const push = <K>(map: Map<K, Requirement[]>, key: K, r: Requirement) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  const add = (r: Requirement) => {
    if (r.cell.token === undefined || !r.cell.span) return;
    push(byToken, r.cell.token, r);
    push(byClaim, r.claim, r);
  };
  for (const c of claims) {
    if ((c.kind === 'sum' || c.kind === 'rollup') && c.origin === 'table' && c.exhaustive && !c.signs?.some((s) => s < 0)) {
      const check = checkSum(c.total, c.parts);
      if (check.ok) {
        confirm([c.total, ...c.parts]);
        continue;
      }
      let sum = new Decimal(0);
      for (const p of c.parts) sum = sum.plus(p.value);
      add({ claim: c, cell: c.total, value: sum, tolerance: check.tolerance });
      for (const p of c.parts) add({ claim: c, cell: p, value: c.total.value.minus(sum.minus(p.value)), tolerance: check.tolerance });
    } else if (c.kind === 'equal' && c.origin === 'cross-table') {
      const check = checkEqual(c.a, c.b);
      if (check.ok) {
        confirm([c.a, c.b]);
        if (!c.soft) witness([c.a, c.b]);
        continue;
      }
      add({ claim: c, cell: c.a, value: c.b.value, tolerance: check.tolerance });
      add({ claim: c, cell: c.b, value: c.a.value, tolerance: check.tolerance });
    } else if (c.kind === 'equal' && c.origin === 'text-table') {
      // (The text's figure against a table cell: only the cell is a table's, `b`.)
      const check = checkEqual(c.a, c.b);
      if (check.ok) {
        confirm([c.b]);
        witness([c.b]);
        continue;
      }
      add({ claim: c, cell: c.b, value: c.a.value, tolerance: check.tolerance });
    }
  }
  return { byToken, byClaim, confirmed, witnessed };
}

/**
 * Of two tables' cells that disagree, the one no other source bears out when the other is borne out (another table or
 * the text states that one alike): `公开01表 九、卫生健康支出 65.37` against 03's 2902.63, which 04 and the text state too.
 * Undefined when both or neither are.
 */
export function unwitnessedSide(claims: readonly Claim[], a: Operand, b: Operand): Operand | undefined {
  const { witnessed } = requirements(claims);
  const seen = (o: Operand) => o.token !== undefined && witnessed.has(o.token);
  return seen(a) === seen(b) ? undefined : seen(a) ? b : a;
}

/**
 * The cell of `claim` that another failing relation shares, when the value that makes the one hold makes the other
 * hold too, with that value; undefined otherwise. Two failing relations share every cell both hold (302 and 310 in
 * 合计 = Σ 类 and 公用经费合计 = 302 + 310): the cell is the one no holding relation vouches for (302 = Σ 302xx holds, so
 * 310), or the only one; with more in doubt, none is named.
 */
export interface Crossed {
  cell: Operand;
  value: Decimal;
}

export function crossedCell(claims: readonly Claim[], claim: Relation): Crossed | undefined {
  const { byToken, byClaim, confirmed } = requirements(claims);
  // (Two statements of the text against one cell are one witness, not two relations of the tables.)
  const textual = (c: Relation) => c.kind === 'equal' && c.origin === 'text-table';
  // (The values meet within both relations' tolerances: `政府采购货物支出89.27万元` allows 892,700 ± 50元, the table's sum needs
  // 892,710.39 exactly; the value is the sharper requirement's.)
  const candidates: Crossed[] = [];
  for (const r of byClaim.get(claim) ?? []) {
    if (r.value.isNegative()) continue;
    const other = byToken.get(r.cell.token!)!.find((o) => o.claim !== claim && !(textual(o.claim) && textual(claim)) && o.value.minus(r.value).abs().lte(o.tolerance.plus(r.tolerance)));
    if (other) candidates.push({ cell: r.cell, value: other.tolerance.lt(r.tolerance) ? other.value : r.value });
  }
  const unvouched = candidates.filter((r) => !confirmed.has(r.cell.token!));
  return unvouched.length === 1 ? unvouched[0] : candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * `公开10表 30211 差旅费 8.98` over `公开06表 30211 差旅费 8.28` (a subset above its superset) when the 06 cell also breaks its
 * own table's roll-up, at a value that clears the subset, and nothing doubts the 10 cell: the slip is the 06 cell.
 */
export function exceededCell(claims: readonly Claim[], claim: LeClaim): Crossed | undefined {
  const { part, whole } = claim;
  if (whole.token === undefined || part.token === undefined) return undefined;
  const { byToken, confirmed } = requirements(claims);
  if (byToken.has(part.token) || !confirmed.has(part.token)) return undefined;
  const fits = (byToken.get(whole.token) ?? []).filter((r) => r.claim.kind !== 'equal' && r.value.plus(r.tolerance).gte(part.value));
  return fits.length === 1 ? { cell: whole, value: fits[0].value } : undefined;
}

/** The fix that sets a crossed cell (crossedCell's answer) to the value that makes both its relations hold. */
export function crossedCellFix(r: Crossed | undefined): FixDraft | undefined {
  if (!r) return undefined;
  const text = inUnitOf(r.value, r.cell);
  return setFigureFix(r.cell.span!, text, l(`将 ${r.cell.label} 改为 ${text}（与之相关的两处核对都因此成立）`, `Set ${r.cell.label} to ${text} (both relations it is in hold then)`));
}
