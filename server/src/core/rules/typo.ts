// Which figure of a failing sum was mistyped: slips are mostly one wrong digit or two neighbours swapped (117.56 typed
// 117.26, 7.50 typed 5.70), or the point in the wrong place (10.01 typed 100.1). When exactly one figure is one such slip
// away from the value that makes the sum hold, and the others are not, that figure is the likely slip.
import type Decimal from 'decimal.js';
import { inUnitOf } from '../arith/interval';
import { withChanges, type Operand } from '../arith/operand';
import type { Localized, SumClaim } from '../types';
import { setFigureFix, type FixDraft } from './rule';

/** The value written as `figure` is, when its digits are one slip (a digit, two neighbours swapped, the point moved) from the figure's. */
export function oneSlipAway(figure: Operand, value: Decimal): string | undefined {
  // (A negative figure may be one slip from a negative value, `-689.60` for -698.60; never from a positive one.)
  if (!figure.span || figure.text === undefined || value.isNegative() !== figure.value.isNegative()) return undefined;
  const text = inUnitOf(value, figure);
  const a = figure.text.replace(/\D/g, '');
  const b = text.replace(/\D/g, '');
  if (a === b) return undefined;
  if (a.length !== b.length) {
    // (A moved point leaves the figure with other decimals than the value's: `100.1` for 10.01 is read against 10.01's own.)
    const scaled = figure.scale ? value.div(figure.scale) : value;
    const own = inUnitOf(value, withChanges(figure, { decimals: Math.max(2, scaled.decimalPlaces()) }));
    return pointMoved(a, own.replace(/\D/g, '')) ? own : undefined;
  }
  const differ: number[] = [];
  for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i);
  if (differ.length === 1) return text;
  const [i, j] = differ;
  return differ.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i] ? text : undefined;
}

/** The same digits with the point elsewhere (`100.1` for 10.01, `7,163.18` for 71,631.80). */
function pointMoved(a: string, b: string): boolean {
  const significant = (d: string) => d.replace(/^0+/, '').replace(/0+$/, '');
  return significant(a) === significant(b) && significant(a).length >= 3;
}

/** A figure of one or two significant digits is one slip from many values: it makes a guess ambiguous, but is never the guess. */
export const short = (figure: Operand) => (figure.text ?? '').replace(/\D/g, '').replace(/^0+/, '').length < 3;

/**
 * The part of a failing sum (`sum`: its parts' sum) that is one slip from the value that makes it hold, when it is the only
 * figure so (the total, or several figures one slip away, make no guess), with its fix (`title`: the fix's title).
 */
export function mistypedPart(
  claim: SumClaim,
  sum: Decimal,
  title: (part: Operand, text: string) => Localized,
  totalBorneOut = false,
  among?: (part: Operand) => boolean,
): { part: Operand; fix: FixDraft } | undefined {
  const candidates = slipCandidates(claim, sum, totalBorneOut).filter((c) => c.index === 0 || !among || among(c.figure));
  if (candidates.length !== 1) return undefined;
  const [found] = candidates;
  if (found.index === 0 || short(found.figure)) return undefined;
  return { part: found.figure, fix: setFigureFix(found.figure.span!, found.text, title(found.figure, found.text)) };
}

/**
 * The figures of a failing sum one slip from the value that makes it hold (index 0: the total), with that value's text. (`sum`:
 * the parts' signed sum; a part's value moves by what the sum lacks, with its sign.)
 */
export function slipCandidates(claim: SumClaim, sum: Decimal, totalBorneOut = false): Array<{ index: number; figure: Operand; text: string }> {
  const { total, parts } = claim;
  const figures = [total, ...parts];
  const out: Array<{ index: number; figure: Operand; text: string }> = [];
  // (A total borne out elsewhere is no candidate, however near its digits are to the sum's.)
  for (let i = totalBorneOut ? 1 : 0; i < figures.length; i++) {
    const text = oneSlipAway(figures[i], i === 0 ? sum : figures[i].value.plus(total.value.minus(sum).times(claim.signs?.[i - 1] ?? 1)));
    if (text !== undefined) out.push({ index: i, figure: figures[i], text });
  }
  return out;
}
