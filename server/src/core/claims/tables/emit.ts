// Turning operands into claims: blank parts drop out (they are exact zeros), a relation whose cells
// are all blank says nothing, and a cell that cannot be read as an amount voids the relation.
import { withChanges } from '../../arith/operand';
import type { Localized, Operand, Span } from '../../types';
import type { ClaimSink } from '../sink';
import { isBlank } from './access';

export interface SumDraft {
  kind: 'sum' | 'rollup';
  identity: string;
  description: Localized;
  total: Operand | undefined;
  parts: Array<Operand | undefined>;
  signs?: number[];
  /** Where to anchor the claim when the total cell is blank (the row label). */
  anchor?: Span;
  soft?: boolean;
}

export function emitSum(sink: ClaimSink, d: SumDraft): void {
  if (!d.total) return;
  let blanks = 0;
  for (let i = 0; i < d.parts.length; i++) {
    const p = d.parts[i];
    if (p === undefined) return;
    if (isBlank(p)) blanks++;
  }
  // Signs are kept only when some part is subtracted (most sums have none).
  const signed = d.signs !== undefined && d.signs.some((s) => s < 0);
  // The drafts' part lists are fresh: kept as they are when nothing drops out (callers leave most blanks out).
  let parts = d.parts as Operand[];
  let signs: number[] | undefined;
  if (blanks > 0 || signed) {
    parts = [];
    signs = signed ? [] : undefined;
    for (let i = 0; i < d.parts.length; i++) {
      const p = d.parts[i]!;
      if (isBlank(p)) continue;
      parts.push(p);
      signs?.push(d.signs![i] ?? 1);
    }
  }
  let total = d.total;
  if (isBlank(total) && parts.length === 0) return;
  if (isBlank(total) && d.anchor) total = withChanges(total, { span: d.anchor });
  sink.add({
    kind: d.kind,
    origin: 'table',
    identity: d.identity,
    description: d.description,
    span: total.span ?? d.anchor ?? { start: 0, end: 0 },
    total,
    parts,
    signs: signs?.some((s) => s < 0) ? signs : undefined,
    exhaustive: true,
    soft: d.soft,
    id: -1,
  });
}

export interface PairDraft {
  kind: 'equal' | 'le';
  origin: 'table' | 'cross-table';
  identity: string;
  description: Localized;
  /** equal: a = b; le: a ≤ b. */
  a: Operand | undefined;
  b: Operand | undefined;
  soft?: boolean;
  message?: Localized;
}

export function emitPair(sink: ClaimSink, d: PairDraft): void {
  if (!d.a || !d.b) return;
  if (isBlank(d.a) && isBlank(d.b)) return;
  // part ≤ whole with a blank part holds for every non-negative whole: nothing to check.
  if (d.kind === 'le' && isBlank(d.a)) return;
  // Anchor: the part of an inequality; for an equality the later table's cell, unless that side is
  // blank or computed (X11: 06 人员 + 公用), then the stated cell of the first.
  const bStated = d.b.token !== undefined;
  const span = (d.kind === 'le' ? d.a.span : bStated ? d.b.span : d.a.span) ?? d.a.span ?? d.b.span ?? { start: 0, end: 0 };
  if (d.kind === 'equal') {
    sink.add({ kind: 'equal', origin: d.origin, identity: d.identity, description: d.description, span, a: d.a, b: d.b, soft: d.soft, id: -1 });
  } else {
    sink.add({ kind: 'le', origin: d.origin, identity: d.identity, description: d.description, span, part: d.a, whole: d.b, soft: d.soft, message: d.message, id: -1 });
  }
}
