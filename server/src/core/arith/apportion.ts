// Largest-remainder rounding (尾差调整, rounding.md §5): round a list of shares so that they add up
// to exactly 100 at the given precision.
import Decimal from 'decimal.js';

/** Rounds `values` (percentages) to `decimals` digits so that they sum to `target` exactly. */
export function largestRemainder(values: Decimal[], decimals: number, target: Decimal.Value = 100): Decimal[] {
  const unit = new Decimal(10).pow(-decimals);
  const floors = values.map((v) => v.toDecimalPlaces(decimals, Decimal.ROUND_DOWN));
  const floorSum = floors.reduce((a, b) => a.plus(b), new Decimal(0));
  let missing = new Decimal(target).minus(floorSum).div(unit).round().toNumber();
  if (missing < 0 || missing > values.length) return values.map((v) => v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
  // Largest remainders first; ties keep list order, so the result is deterministic.
  const order = values.map((v, i) => ({ i, rest: v.minus(floors[i]) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (missing-- <= 0) break;
    result[i] = result[i].plus(unit);
  }
  return result;
}
