// The rounding model of ../shared/domain/rounding.md: every stated number stands for an interval,
// and a relation is an error only when it fails for every choice of true values inside them.
// Exact decimal arithmetic throughout; never JavaScript floats.
import Decimal from 'decimal.js';
import type { Approximation, MoneyUnit, NumberToken, Span } from '../types';
import { addFixed, decimalOfFixed, FIXED_DIGITS, fixedHalfOf, fixedOf, Operand, type OperandFields } from './operand';

Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);
const ONE = new Decimal(1);

/** 0.5 × 10^−decimals: the half-width of the interval a number written with `decimals` digits stands for. */
const HALF_ULPS = Array.from({ length: 12 }, (_, k) => new Decimal(`5e-${k + 1}`));

export function halfUlp(decimals: number): Decimal {
  return HALF_ULPS[decimals] ?? new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));
}

/** How many 万元 one unit of each money unit is. */
export const MONEY_SCALE: Record<MoneyUnit, Decimal> = {
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
/** The same as powers of ten. */
export const MONEY_SHIFT: Record<MoneyUnit, number> = { 元: -4, 万元: 0, 亿元: 4 };

export function operand(token: NumberToken, label: string, tableUnit?: MoneyUnit): Operand {
  // A token reads the same in every relation it takes part in (a table cell's unit is its table's):
  // its fixed-point form is built once, each relation only adds its label.
  let base = token.operandFields;
  if (!base) {
    const money = effectiveMoneyUnit(token) ?? (token.cell && token.unit === 'none' ? tableUnit : undefined);
    const shift = money ? MONEY_SHIFT[money] : 0;
    const fixed = fixedOf(token.text, token.decimals, shift);
    // Whole counts are exact (`12.50万人次` is rounded), and so is a zero written without decimals
    // (`0万元`: nothing was spent).
    // (`增长2倍` is a rate rounded to whole multiples, not a count.)
    const exact = ((token.unit === 'count' && token.unitText !== '倍') || token.zero) && token.decimals === 0;
    const fixedHalf = exact ? 0 : token.approximate ? undefined : fixedHalfOf(token.decimals, shift);
    const scale = money ? MONEY_SCALE[money] : ONE;
    const fast = fixed !== undefined && fixedHalf !== undefined;
    const half = token.approximate ? lastDigitPlace(token.text).div(2) : halfUlp(token.decimals);
    base = {
      token: token.id,
      fixed,
      fixedHalf,
      value: fast ? undefined : money === '万元' || !money ? token.value : token.value.times(scale),
      halfUlp: fast ? undefined : exact ? ZERO : money && money !== '万元' ? half.times(scale) : half,
      text: token.text,
      raw: token.raw,
      // (A rate per one, `1.028950` for 102.90%, has no sign: '' says so to the ratio checks.)
      unit: money && money !== '万元' ? money : token.unit === '%' || token.unit === '个百分点' ? token.unit : token.unitText === '倍' ? '倍' : token.ofOne ? '' : undefined,
      decimals: token.decimals,
      scale,
      wan: money === '万元' || undefined,
    };
    token.operandFields = base;
  }
  return new Operand(base, label, token.span);
}

/** An operand as the report writes it (`665.38`, `1.25亿元`), or the computed value with two decimals. */
/**
 * An operand as written, with its unit when not 万元; 万元 too when shown `beside` figures in 元 or 亿元
 * (`4002.74` next to `48459309.37元` would read as 10⁴ apart).
 */
export function written(o: Operand, beside: Operand[] = []): string {
  const wan = o.unit === undefined && o.fields.wan && beside.some((b) => b.unit === '元' || b.unit === '亿元') ? '万元' : '';
  // (Grouped by thousands as the report wrote it: `2,361,752.31元`, so that the figure is found where it stands.)
  const text = o.text !== undefined && o.raw?.includes(',') ? group(o.text) : o.text;
  return (text ?? show(o.scale && o.unit ? o.value.div(o.scale) : o.value, 2)) + (o.unit ?? wan);
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
  // (A figure written as an integer, `0` or a `3620` that lost its point, replaced by 2.30 or 36.20: two decimals, not `2`.)
  const decimals = like.decimals === 0 && !scaled.isInteger() ? 2 : (like.decimals ?? 2);
  const text = scaled.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
  const grouped = like.raw?.includes(',') ? group(text) : text;
  // (A negative written the accountant's way keeps that way: `（1.16）`, `△5.70`.)
  const mark = /^[△▲（(]/.exec(like.raw ?? '')?.[0];
  if (!mark || !grouped.startsWith('-')) return grouped;
  return mark === '（' || mark === '(' ? `${mark}${grouped.slice(1)}${mark === '（' ? '）' : ')'}` : `${mark}${grouped.slice(1)}`;
}

/** A computed amount in the unit of the first operand, shown when the relation mixes units (a sum of percentages in %). */
export function computed(value: Decimal, decimals: number, operands: Operand[]): string {
  if (operands.length > 0 && operands.every((o) => o.unit === '%')) return `${show(value, decimals)}%`;
  // (A sum is shown in the unit of the figure it is compared with, the first: `56058910.02元 ≠ 57308200.00元`, `1.25亿元 ≠
  // 1.23亿元`, and `300.00 ≠ 330.00万元` when one part of the 万元 total is written in 元.)
  const written = operands.filter((o) => o.unit);
  const first = operands[0];
  // (Grouped by thousands when that figure is: `6,870,719.81元 ≠ 6,870,749.81元`.)
  const like = (text: string) => (first?.raw?.includes(',') ? group(text) : text);
  if (first?.scale && (first.unit === '元' || first.unit === '亿元')) return like(show(value.div(first.scale), decimals)) + first.unit;
  return like(show(value, decimals)) + (written.length > 0 ? '万元' : '');
}

const ZERO_FIELDS: OperandFields = { value: ZERO, halfUlp: ZERO, fixed: 0, fixedHalf: 0 };

/** A value that is exactly known (an implicit zero, a computed quantity). */
export function exact(value: Decimal.Value, label: string, span?: Span): Operand {
  // Blank cells are exact zeros: one set of fields serves them all.
  if (value === 0) return new Operand(ZERO_FIELDS, label, span);
  const fixed = typeof value === 'number' && Number.isSafeInteger(value) ? fixedOf(String(value), 0) : undefined;
  return new Operand({ value: fixed === undefined ? new Decimal(value) : undefined, halfUlp: ZERO, fixed, fixedHalf: 0 }, label, span);
}

/** A whole number of things, exactly known and shown without decimals (one unit of a list of units). */
export function exactCount(value: number, label: string): Operand {
  return new Operand({ halfUlp: ZERO, fixed: fixedOf(String(value), 0), fixedHalf: 0, decimals: 0, text: String(value) }, label);
}

/**
 * Σ sᵢ·partᵢ as one derived operand (a sum of cells in another table, C − P): values add with their
 * signs, tolerances add up.
 */
export function sumOperand(parts: Operand[], label: string, span?: Span, signs?: number[]): Operand {
  // Parts all written in 元 (or 亿元) give a sum that is shown in that unit too (3200元 + 800元 = 4000.00元).
  const unit = parts[0]?.unit === '元' || parts[0]?.unit === '亿元' ? parts[0].unit : undefined;
  const inUnit = unit && parts.every((p) => p.unit === unit) ? { unit, scale: parts[0].scale } : undefined;
  const fast = fixedSum(parts, signs, 0);
  if (fast) return new Operand({ fixed: fast.sum, fixedHalf: fast.tolerance, ...inUnit }, label, span);
  const { sum, tolerance } = decimalSum(parts, signs, ZERO);
  return new Operand({ value: sum, halfUlp: tolerance, ...inUnit }, label, span);
}

/**
 * The sign of a − b where their intervals do not meet (0 where rounding may make them equal), in
 * fixed point when both have that form.
 */
export function compareBeyondRounding(a: Operand, b: Operand): number {
  if (a.fixed !== undefined && b.fixed !== undefined && a.fixedHalf !== undefined && b.fixedHalf !== undefined) {
    const diff = a.fixed - b.fixed;
    const tolerance = a.fixedHalf + b.fixedHalf;
    if (Number.isSafeInteger(diff) && Number.isSafeInteger(tolerance)) return diff > tolerance ? 1 : diff < -tolerance ? -1 : 0;
  }
  const diff = a.value.minus(b.value);
  const tolerance = a.halfUlp.plus(b.halfUlp);
  return diff.gt(tolerance) ? 1 : diff.lt(tolerance.neg()) ? -1 : 0;
}

/** The sign of o where its interval does not contain 0 (0 where rounding may make it 0): o > h is 1, o < −h is −1. */
export function signBeyondRounding(o: Operand): number {
  if (o.fixed !== undefined && o.fixedHalf !== undefined) return o.fixed > o.fixedHalf ? 1 : o.fixed < -o.fixedHalf ? -1 : 0;
  return o.value.gt(o.halfUlp) ? 1 : o.value.lt(o.halfUlp.neg()) ? -1 : 0;
}

/** Compares two values (not their intervals), in fixed point when both have that form. */
export function compareValues(a: Operand, b: Operand): number {
  if (a.fixed !== undefined && b.fixed !== undefined) return Math.sign(a.fixed - b.fixed);
  return a.value.comparedTo(b.value);
}

/** The result of a sum or equality check; the Decimals are computed when an explanation reads them. */
export interface SumCheck {
  readonly ok: boolean;
  readonly sum: Decimal;
  readonly diff: Decimal;
  readonly tolerance: Decimal;
}

/** Σ sᵢpᵢ in fixed point, or undefined when a part has no fixed form or the sum overflows. */
function fixedTotal(parts: Operand[], signs: number[] | undefined): number | undefined {
  let sum: number | undefined = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.fixed === undefined || p.fixedHalf === undefined) return undefined;
    sum = addFixed(sum, (signs?.[i] ?? 1) < 0 ? -p.fixed : p.fixed);
    if (sum === undefined) return undefined;
  }
  return sum;
}

/** `half` + Σhᵢ in fixed point (for parts that all have a fixed form), or undefined when it overflows. */
function fixedTolerance(parts: Operand[], half: number): number | undefined {
  let tolerance: number | undefined = half;
  for (let i = 0; i < parts.length && tolerance !== undefined; i++) tolerance = addFixed(tolerance, parts[i].fixedHalf!);
  return tolerance;
}

/**
 * Σ sᵢpᵢ and `half` + Σhᵢ in fixed point, or undefined when an operand has no fixed form or it overflows.
 * (Two numbers without a result object: sums are checked by the thousand.)
 */
function fixedSum(parts: Operand[], signs: number[] | undefined, half: number): { sum: number; tolerance: number } | undefined {
  const sum = fixedTotal(parts, signs);
  const tolerance = sum === undefined ? undefined : fixedTolerance(parts, half);
  return tolerance === undefined ? undefined : { sum: sum!, tolerance };
}

/** The same in Decimals. */
function decimalSum(parts: Operand[], signs: number[] | undefined, half: Decimal): { sum: Decimal; tolerance: Decimal } {
  let sum = ZERO;
  let tolerance = half;
  parts.forEach((p, i) => {
    sum = (signs?.[i] ?? 1) < 0 ? sum.minus(p.value) : sum.plus(p.value);
    tolerance = tolerance.plus(p.halfUlp);
  });
  return { sum, tolerance };
}

/** A check decided in fixed point: its Decimals follow from the exact integers on demand. */
class FixedCheck implements SumCheck {
  constructor(
    readonly ok: boolean,
    private readonly fixedSum: number,
    /** T − Σ and the tolerance × 10⁸, exact: checkRestated reads them without Decimals. */
    readonly fixedDiff: number,
    readonly fixedTolerance: number,
  ) {}
  get sum(): Decimal {
    return decimalOfFixed(this.fixedSum);
  }
  get diff(): Decimal {
    return decimalOfFixed(this.fixedDiff);
  }
  get tolerance(): Decimal {
    return decimalOfFixed(this.fixedTolerance);
  }
}

/** |T − Σ sᵢpᵢ| ≤ Σhᵢ + h_T (rounding.md §2); `partial`: Σ parts can reach at most the total. */
type SumRelation = 'equal' | 'at-least' | 'at-most';

function holds(relation: SumRelation, d: number, t: number): boolean {
  return relation === 'equal' ? Math.abs(d) <= t : relation === 'at-least' ? d >= -t : d <= t;
}

/** d = T − Σ sᵢpᵢ against t = Σhᵢ + h_T: T = Σ when |d| ≤ t, T ≥ Σ when d ≥ −t, T ≤ Σ when d ≤ t. */
function sumCheck(total: Operand, parts: Operand[], signs: number[] | undefined, relation: SumRelation): SumCheck {
  const sum = total.fixed === undefined ? undefined : fixedTotal(parts, signs);
  const tolerance = sum === undefined ? undefined : fixedTolerance(parts, total.fixedHalf!);
  const diff = tolerance === undefined ? undefined : addFixed(total.fixed!, -sum!);
  if (diff !== undefined) return new FixedCheck(holds(relation, diff, tolerance!), sum!, diff, tolerance!);
  return decimalCheck(total, parts, signs, relation);
}

function decimalCheck(total: Operand, parts: Operand[], signs: number[] | undefined, relation: SumRelation): SumCheck {
  const { sum, tolerance } = decimalSum(parts, signs, total.halfUlp);
  const d = total.value.minus(sum);
  const ok = relation === 'equal' ? d.abs().lte(tolerance) : relation === 'at-least' ? d.gte(tolerance.neg()) : d.lte(tolerance);
  return { ok, sum, diff: d, tolerance };
}

/** |T − Σ sᵢpᵢ| ≤ Σhᵢ + h_T (rounding.md §2). */
export function checkSum(total: Operand, parts: Operand[], signs?: number[]): SumCheck {
  return sumCheck(total, parts, signs, 'equal');
}

/** Σ parts can reach at most the total: the lowest possible sum must not exceed the highest total. */
export function checkPartialSum(total: Operand, parts: Operand[]): SumCheck {
  return sumCheck(total, parts, undefined, 'at-least');
}

export function checkEqual(a: Operand, b: Operand): SumCheck {
  return pairCheck(a, b, 'equal');
}

/**
 * sumCheck of one part, without a list for it (equalities and inequalities are checked by the
 * hundred): the same integer operations in the same order, so the same results, signed zeros included.
 */
function pairCheck(total: Operand, part: Operand, relation: SumRelation): SumCheck {
  if (total.fixed !== undefined && part.fixed !== undefined && part.fixedHalf !== undefined) {
    const sum = 0 + part.fixed;
    const tolerance = addFixed(total.fixedHalf!, part.fixedHalf);
    const diff = tolerance === undefined ? undefined : addFixed(total.fixed, -sum);
    if (diff !== undefined) return new FixedCheck(holds(relation, diff, tolerance!), sum, diff, tolerance!);
  }
  return decimalCheck(total, [part], undefined, relation);
}

/**
 * One quantity stated twice (a restatement in the text, a figure quoted from a table). Both stand for
 * the same true value rounded half-up, i.e. for [x − h, x + h) (rounding.md §1): two different
 * 2-decimal figures can never both be right, so 269.85 and 269.86 conflict although their closed
 * intervals touch. `touching` marks that case: one unit in the last place, which is also what a 尾差
 * between two tables looks like when the text follows the other table, so rules report it milder. A
 * derived operand (a sum, a converted unit) keeps the closed test of checkEqual.
 */
export function checkRestated(a: Operand, b: Operand): RestatedCheck {
  const eq = checkEqual(a, b);
  if (!eq.ok || a.token === undefined || b.token === undefined) return new RestatedCheck(eq, eq.ok, false);
  // In fixed point when the check was (most are): the same comparisons on exact integers.
  const fixed = eq instanceof FixedCheck;
  if (fixed ? eq.fixedDiff === 0 : eq.diff.isZero()) return new RestatedCheck(eq, true, false);
  const ok = fixed ? Math.abs(eq.fixedDiff) < eq.fixedTolerance : eq.diff.abs().lt(eq.tolerance);
  return new RestatedCheck(eq, ok, !ok);
}

/** The verdict of checkRestated; the difference and tolerance are the equality check's, built when read. */
class RestatedCheck {
  constructor(
    private readonly eq: SumCheck,
    readonly ok: boolean,
    readonly touching: boolean,
  ) {}
  get diff(): Decimal {
    return this.eq.diff;
  }
  get tolerance(): Decimal {
    return this.eq.tolerance;
  }
}

/**
 * The place value of a written number's last significant digit: 100 for `1,100`, 0.01 for `1.50`, 1 for `362`. An
 * approximation is as coarse as its writer made it: `约1,100万元` says hundreds, `约362万元` says units.
 */
export function lastDigitPlace(text: string): Decimal {
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  // (Digits after the point are all meant, `约2.0亿元` says tenths; an integer's trailing zeros are not: `约1,100万元`.)
  if (fraction.length > 0) return new Decimal(10).pow(-fraction.length);
  const zeros = /0*$/.exec(whole)![0].length;
  return new Decimal(10).pow(Math.min(zeros, whole.length - 1));
}

/**
 * The values an approximate statement allows the exact figure (`approx`'s unit is value's): about, the figure rounded to
 * its last significant digit (`约1,100万元`: 1,050 to 1,150); nearly, up to it from one digit or 5% below; over, from it to one
 * digit or 20% above; under, from one digit or 20% below up to it. `ok` when the exact figure's interval meets that range;
 * `far` when it misses it by more than a digit and a tenth of the figure.
 */
export function checkApproximate(exact: Operand, approx: Operand, how: Approximation): { ok: boolean; far: boolean; low: Decimal; high: Decimal } {
  const x = approx.value;
  const step = lastDigitPlace(approx.text ?? x.toString()).times(approx.scale ?? ONE);
  const wide = (share: number) => Decimal.max(step, x.abs().times(share));
  const half = step.div(2);
  const low = how === 'about' ? x.minus(half) : how === 'near' ? x.minus(wide(0.05)) : how === 'under' ? x.minus(wide(0.2)) : x;
  const high = how === 'about' ? x.plus(half) : how === 'over' ? x.plus(wide(0.2)) : x;
  const below = low.minus(exact.value.plus(exact.halfUlp));
  const above = exact.value.minus(exact.halfUlp).minus(high);
  const ok = !below.isPositive() && !above.isPositive();
  // (Off by more than a tenth of it, or a digit: no writer's rounding, a slip: `75,323.39万元（约1.53亿元）`.)
  const far = Decimal.max(below, above).gt(wide(0.1));
  return { ok, far, low, high };
}

/** `value` rounded to the last significant digit `like` was written with, in its unit (grouped by thousands as asked): 1127.06 like `约800` → 1100. */
export function roundedToPlaceOf(value: Decimal, like: Operand, grouped = like.raw?.includes(',') === true): string {
  const place = lastDigitPlace(like.text ?? like.value.toString());
  const scaled = like.scale ? value.div(like.scale) : value;
  const text = scaled.div(place).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(place).toFixed(like.decimals ?? 0);
  return grouped ? group(text) : text;
}

/** part ≤ whole for some true values; `diff` is part − whole. */
export function checkLe(part: Operand, whole: Operand): { ok: boolean; diff: Decimal } {
  return pairCheck(part, whole, 'at-most');
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

const BIG_10 = Array.from({ length: 9 }, (_, k) => 10n ** BigInt(k));
/** The same as exact doubles. */
const POW10 = Array.from({ length: FIXED_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * The fast path of the usual verdict, in integers: |stated| (d decimals) is part / base × 100
 * rounded half-up, i.e. (2s − 1)·B ≤ 200·P·10^d < (2s + 1)·B with s = |stated| × 10^d. In doubles
 * when every product is a safe integer (then each is exact: rounding is monotone, so a product beyond
 * the safe range never rounds back into it), else in BigInt. Undefined-safe: false sends the check to
 * Decimals.
 */
function roundsTo(part: Operand, base: Operand, stated: Operand, d: number, per: number): boolean {
  if (part.fixed === undefined || base.fixed === undefined || stated.fixed === undefined || d > FIXED_DIGITS) return false;
  if (part.fixed < 0 || base.fixed <= 0) return false;
  const s = Math.abs(stated.fixed) / POW10[FIXED_DIGITS - d];
  if (!Number.isInteger(s)) return false;
  const scaled = 2 * per * part.fixed * POW10[d];
  const low = (2 * s - 1) * base.fixed;
  const high = (2 * s + 1) * base.fixed;
  if (Number.isSafeInteger(scaled) && Number.isSafeInteger(low) && Number.isSafeInteger(high)) return low <= scaled && scaled < high;
  const bs = BigInt(s);
  const b = BigInt(base.fixed);
  const big = 2n * BigInt(per) * BigInt(part.fixed) * BIG_10[d];
  return (2n * bs - 1n) * b <= big && big < (2n * bs + 1n) * b;
}

/** The text of |fixed| with `d` decimals (a stated figure, as the fix would write it). */
function statedText(fixed: number, d: number): string {
  const digits = String(Math.abs(fixed) / 10 ** (FIXED_DIGITS - d)).padStart(d + 1, '0');
  return d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
}

/** The usual verdict, decided in integers: the stated rate is the rounded ratio; the ratio itself is computed when read. */
class RoundedRatio implements RatioCheck {
  readonly status = 'ok';

  constructor(
    readonly rounded: string,
    readonly decimals: number,
    private readonly part: Operand,
    private readonly base: Operand,
    private readonly per: Decimal,
  ) {}

  get point(): Decimal {
    return this.part.value.div(this.base.value).times(this.per);
  }
}

/**
 * Verdict for a stated percentage (its magnitude, with its written decimals) of part / base
 * (rounding.md §3, in its order: OK, truncation, error, warning). `per` is 100 for a percentage, 1 for
 * a multiple (`增长1.5倍`) or a rate a spreadsheet wrote per one (`1.028950`, unit '').
 */
export function checkRatio(part: Operand, base: Operand, statedOperand: Operand, per: Decimal = statedOperand.unit === '' ? ONE : HUNDRED): RatioCheck {
  const decimals = statedOperand.decimals ?? 0;
  if (roundsTo(part, base, statedOperand, decimals, per === HUNDRED ? 100 : per.toNumber())) {
    return new RoundedRatio(statedText(statedOperand.fixed!, decimals), decimals, part, base, per);
  }
  const stated = statedOperand.value.abs();
  if (base.value.isZero()) {
    return { status: stated.isZero() ? 'zero-base-template' : 'zero-base', decimals };
  }
  const point = part.value.div(base.value).times(per);
  const rounded = roundTo(point, decimals);
  if (new Decimal(rounded).eq(stated)) return { status: 'ok', point, rounded, decimals };
  const aLow = Decimal.max(ZERO, part.value.abs().minus(part.halfUlp));
  const aHigh = part.value.abs().plus(part.halfUlp);
  const bLow = base.value.abs().minus(base.halfUlp);
  const bHigh = base.value.abs().plus(base.halfUlp);
  const low = aLow.div(bHigh).times(per);
  const high = bLow.lte(0) ? new Decimal(Infinity) : aHigh.div(bLow).times(per);
  const statedAbs = stated.abs();
  const truncated = point.abs().toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  if (truncated.eq(statedAbs) && point.isPositive() === !stated.isNegative()) {
    return { status: 'truncated', point, rounded, low, high, decimals };
  }
  // No true ratio reproduces p, by rounding nor by truncation: an error.
  return { status: reachableRate(statedAbs, decimals, low, high) ? 'warning' : 'error', point, rounded, low, high, decimals };
}

/**
 * A stated rate |p| (with `decimals`) that some true ratio in [low, high] reproduces, rounded ([p − h, p + h)) or, unless `cut`
 * is false, cut ([p, p + 2h)).
 */
export function reachableRate(statedAbs: Decimal, decimals: number, low: Decimal, high: Decimal, cut = true): boolean {
  const h = halfUlp(decimals);
  return statedAbs.minus(h).lte(high) && statedAbs.plus(cut ? h.plus(h) : h).gt(low);
}

/** Formats a computed value for an explanation, with as many decimals as it is meaningful to show. */
export function show(value: Decimal, decimals = 2): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** Shows a ratio with two more digits than stated, so the reader sees why it rounds as it does. */
export function showRatio(value: Decimal, statedDecimals: number): string {
  return show(value, Math.min(statedDecimals + 2, 6));
}

