// The rounding model of ../shared/domain/rounding.md: every stated number stands for an interval,
// and a relation is an error only when it fails for every choice of true values inside them.
// Exact decimal arithmetic throughout; never JavaScript floats.
import Decimal from 'decimal.js';
import type { MoneyUnit, NumberToken, Operand } from '../types';

Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);
const ONE = new Decimal(1);

/** 0.5 × 10^−decimals: the half-width of the interval a number written with `decimals` digits stands for. */
const HALF_ULPS = Array.from({ length: 12 }, (_, k) => new Decimal(`5e-${k + 1}`));

export function halfUlp(decimals: number): Decimal {
  return HALF_ULPS[decimals] ?? new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));
}

const MONEY_SCALE: Record<MoneyUnit, Decimal> = {
  元: new Decimal('0.0001'),
  万元: new Decimal(1),
  亿元: new Decimal(10000),
};

export function isMoney(unit: string): unit is MoneyUnit {
  return unit === '元' || unit === '万元' || unit === '亿元';
}

/** The unit a money token is read in: its written unit unless the model found a unit slip. */
export function effectiveMoneyUnit(token: NumberToken): MoneyUnit | undefined {
  if (token.readAs) return token.readAs;
  return isMoney(token.unit) ? token.unit : undefined;
}

/**
 * An operand from a token. Money is expressed in 万元 (the unit of the disclosure tables); other
 * units keep their own value. Counts are exact (h = 0): `3702人` is not rounded.
 */
const operandCache = new WeakMap<NumberToken, Omit<Operand, 'label'>>();

export function operand(token: NumberToken, label: string, tableUnit?: MoneyUnit): Operand {
  // A token reads the same in every relation it takes part in (a table cell's unit is its table's):
  // its decimals are built once, each relation only adds its label.
  let base = operandCache.get(token);
  if (!base) {
    const money = effectiveMoneyUnit(token) ?? (token.cell && token.unit === 'none' ? tableUnit : undefined);
    // Counts are exact, and so is a zero written without decimals (`0万元`: nothing was spent).
    const exact = token.unit === 'count' || (token.value.isZero() && token.decimals === 0);
    const scale = money ? MONEY_SCALE[money] : ONE;
    base = {
      token: token.id,
      value: money === '万元' || !money ? token.value : token.value.times(scale),
      halfUlp: exact ? ZERO : money && money !== '万元' ? halfUlp(token.decimals).times(scale) : halfUlp(token.decimals),
      span: token.span,
      text: token.text,
      raw: token.raw,
      unit: money && money !== '万元' ? money : token.unit === '%' || token.unit === '个百分点' ? token.unit : undefined,
      decimals: token.decimals,
      scale,
    };
    operandCache.set(token, base);
  }
  // A literal with a fixed shape, not a spread: this runs for every operand of every relation.
  return { token: base.token, value: base.value, halfUlp: base.halfUlp, label, span: base.span, text: base.text, raw: base.raw, unit: base.unit, decimals: base.decimals, scale: base.scale };
}

/** An operand as the report writes it (`665.38`, `1.25亿元`), or the computed value with two decimals. */
export function written(o: Operand): string {
  return (o.text ?? show(o.value, 2)) + (o.unit ?? '');
}

/** Groups the integer digits by thousands: 66113.07 → 66,113.07. */
function group(text: string): string {
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * A computed value in the written unit and precision of `like`, grouped by thousands when `like`
 * was (for a replacement text that reads like its neighbours).
 */
export function inUnitOf(value: Decimal, like: Operand): string {
  const scaled = like.scale ? value.div(like.scale) : value;
  const text = scaled.toDecimalPlaces(like.decimals ?? 2, Decimal.ROUND_HALF_UP).toFixed(like.decimals ?? 2);
  return like.raw?.includes(',') ? group(text) : text;
}

/** A computed amount in 万元, with the unit shown when the relation mixes units. */
export function computed(value: Decimal, decimals: number, operands: Operand[]): string {
  return show(value, decimals) + (operands.some((o) => o.unit) ? '万元' : '');
}

/** A value that is exactly known (an implicit zero, a computed quantity). */
export function exact(value: Decimal.Value, label: string): Operand {
  return { value: new Decimal(value), halfUlp: ZERO, label };
}

export interface SumCheck {
  ok: boolean;
  sum: Decimal;
  diff: Decimal;
  tolerance: Decimal;
}

/** |T − Σ sᵢpᵢ| ≤ Σhᵢ + h_T (rounding.md §2). */
export function checkSum(total: Operand, parts: Operand[], signs?: number[]): SumCheck {
  let sum = ZERO;
  let tolerance = total.halfUlp;
  parts.forEach((p, i) => {
    sum = (signs?.[i] ?? 1) < 0 ? sum.minus(p.value) : sum.plus(p.value);
    tolerance = tolerance.plus(p.halfUlp);
  });
  const diff = total.value.minus(sum);
  return { ok: diff.abs().lte(tolerance), sum, diff, tolerance };
}

/** Σ parts can reach at most the total: the lowest possible sum must not exceed the highest total. */
export function checkPartialSum(total: Operand, parts: Operand[]): SumCheck {
  const full = checkSum(total, parts);
  return { ...full, ok: full.diff.gte(full.tolerance.neg()) };
}

export function checkEqual(a: Operand, b: Operand): { ok: boolean; diff: Decimal; tolerance: Decimal } {
  const diff = a.value.minus(b.value);
  const tolerance = a.halfUlp.plus(b.halfUlp);
  return { ok: diff.abs().lte(tolerance), diff, tolerance };
}

/** part ≤ whole for some true values. */
export function checkLe(part: Operand, whole: Operand): { ok: boolean; diff: Decimal } {
  const diff = part.value.minus(whole.value);
  return { ok: diff.lte(part.halfUlp.plus(whole.halfUlp)), diff };
}

export type RatioStatus = 'ok' | 'truncated' | 'error' | 'warning' | 'zero-base' | 'zero-base-template';

export interface RatioCheck {
  status: RatioStatus;
  /** part / base × 100 from the published values (undefined for a zero base). */
  point?: Decimal;
  /** The point value rounded half-up to the stated decimals: the fix. */
  rounded?: string;
  /** Interval of ratios reachable from the input intervals, × 100. */
  low?: Decimal;
  high?: Decimal;
  decimals: number;
}

export function roundTo(value: Decimal, decimals: number): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/**
 * Verdict for a stated percentage `stated` (with `decimals` digits) of part / base
 * (rounding.md §3, in its order: OK, truncation, error, warning).
 */
export function checkRatio(part: Operand, base: Operand, stated: Decimal, decimals: number): RatioCheck {
  if (base.value.isZero()) {
    return { status: stated.isZero() ? 'zero-base-template' : 'zero-base', decimals };
  }
  const point = part.value.div(base.value).times(HUNDRED);
  const rounded = roundTo(point, decimals);
  if (new Decimal(rounded).eq(stated)) return { status: 'ok', point, rounded, decimals };
  const aLow = Decimal.max(ZERO, part.value.abs().minus(part.halfUlp));
  const aHigh = part.value.abs().plus(part.halfUlp);
  const bLow = base.value.abs().minus(base.halfUlp);
  const bHigh = base.value.abs().plus(base.halfUlp);
  const low = aLow.div(bHigh).times(HUNDRED);
  const high = bLow.lte(0) ? new Decimal(Infinity) : aHigh.div(bLow).times(HUNDRED);
  const statedAbs = stated.abs();
  const truncated = point.abs().toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  if (truncated.eq(statedAbs) && point.isPositive() === !stated.isNegative()) {
    return { status: 'truncated', point, rounded, low, high, decimals };
  }
  const h = halfUlp(decimals);
  const disjoint = statedAbs.plus(h).lte(low) || statedAbs.minus(h).gt(high);
  return { status: disjoint ? 'error' : 'warning', point, rounded, low, high, decimals };
}

/** Formats a computed value for an explanation, with as many decimals as it is meaningful to show. */
export function show(value: Decimal, decimals = 2): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** Shows a ratio with two more digits than stated, so the reader sees why it rounds as it does. */
export function showRatio(value: Decimal, statedDecimals: number): string {
  return show(value, Math.min(statedDecimals + 2, 6));
}

