// The operand of a relation, and the exact fixed-point form the checks compute with.
//
// Most relations of a report are sums of amounts with a few decimals, and most of them hold. Their
// checks add integers: a value v is carried as v × 10⁸ while that is a safe integer (up to about
// 9 × 10⁷ 万元), which is exact. Decimals (decimal.js) are built only when something reads `value`
// or `halfUlp` (a ratio, an explanation, a fix) and for numbers too large or too precise to fit.
import Decimal from 'decimal.js';
import type { Span } from '../types';

/** Digits after the point of the fixed-point form. */
export const FIXED_DIGITS = 8;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles up to 10²²
const FIXED_ONE = new Decimal(10).pow(FIXED_DIGITS);

/**
 * `text` (canonical ASCII: `-1234.56`) × 10^(8 + shift) as an exact safe integer, or undefined when
 * it does not fit. `shift` moves the unit: −4 reads 元 in 万元, +4 reads 亿元 in 万元.
 */
export function fixedOf(text: string, decimals: number, shift = 0): number | undefined {
  const k = FIXED_DIGITS + shift - decimals;
  if (k < 0 || k >= POW10.length) return undefined;
  const n = Number(decimals > 0 ? text.replace('.', '') : text);
  if (!Number.isSafeInteger(n)) return undefined;
  // An integer times a power of ten is exact whenever the product is a safe integer.
  const v = n * POW10[k];
  return Number.isSafeInteger(v) ? v : undefined;
}

/** The fixed-point half-width of a number written with `decimals` digits: 5 × 10^(7 + shift − decimals). */
export function fixedHalfOf(decimals: number, shift = 0): number | undefined {
  const k = FIXED_DIGITS - 1 + shift - decimals;
  return k >= 0 && k < 16 ? 5 * POW10[k] : undefined;
}

/** The Decimal of a fixed-point integer. */
export function decimalOfFixed(fixed: number): Decimal {
  return new Decimal(fixed).div(FIXED_ONE);
}

/** An exact safe-integer sum, or undefined when it would leave the safe range. */
export function addFixed(a: number, b: number): number | undefined {
  const s = a + b;
  // Rounding is monotone: a true sum beyond the safe range never rounds back into it.
  return Number.isSafeInteger(s) ? s : undefined;
}

/** The fields an operand is made of; `value`/`halfUlp` or `fixed`/`fixedHalf` (or both). */
export interface OperandInit {
  token?: number;
  value?: Decimal;
  halfUlp?: Decimal;
  fixed?: number;
  fixedHalf?: number;
  label: string;
  span?: Span;
  text?: string;
  raw?: string;
  unit?: string;
  decimals?: number;
  scale?: Decimal;
}

/**
 * A number taking part in a relation. A class, not a plain object, so that `value` and `halfUlp`
 * can be built on first read; the type checker then also rejects `{ ...operand }`, which would
 * drop them: use `withChanges`.
 */
export class Operand {
  /** Id of the token in DocumentModel.numbers (absent for derived or implicit zero operands). */
  token?: number;
  /** Human label (基本支出, 301 工资福利支出, 列 2 …). */
  label: string;
  span?: Span;
  /** The number as written (canonical ASCII), for explanations. */
  text?: string;
  /** The source characters (`66,167.07`), so a replacement keeps the writer's grouping. */
  raw?: string;
  /** The written unit when it is not 万元 (`亿元`, `元`, `%`): explanations then show it. */
  unit?: string;
  /** Digits after the point as written, and the factor from the written unit to `value`'s unit. */
  decimals?: number;
  scale?: Decimal;
  /** value × 10⁸ and halfUlp × 10⁸ as exact safe integers, when both fit: the checks' fast path. */
  fixed?: number;
  fixedHalf?: number;
  /** Caches of the Decimals (built from the fixed-point form on first read). */
  decimalValue?: Decimal;
  decimalHalfUlp?: Decimal;

  constructor(init: OperandInit) {
    this.token = init.token;
    this.label = init.label;
    this.span = init.span;
    this.text = init.text;
    this.raw = init.raw;
    this.unit = init.unit;
    this.decimals = init.decimals;
    this.scale = init.scale;
    const fast = init.fixed !== undefined && init.fixedHalf !== undefined;
    this.fixed = fast ? init.fixed : undefined;
    this.fixedHalf = fast ? init.fixedHalf : undefined;
    this.decimalValue = init.value;
    this.decimalHalfUlp = init.halfUlp;
    if (!fast && (!init.value || !init.halfUlp)) throw new Error('an operand needs a value and its half-width');
  }

  get value(): Decimal {
    return (this.decimalValue ??= decimalOfFixed(this.fixed!));
  }

  /** Half-width of the rounding interval (0.005 for 2 decimals; 0 for exact values). */
  get halfUlp(): Decimal {
    return (this.decimalHalfUlp ??= decimalOfFixed(this.fixedHalf!));
  }
}

/** A copy of `o` with some fields changed (a new label, span, or an exact half-width). */
export function withChanges(o: Operand, changes: Partial<OperandInit>): Operand {
  const init: OperandInit = {
    token: o.token,
    label: o.label,
    span: o.span,
    text: o.text,
    raw: o.raw,
    unit: o.unit,
    decimals: o.decimals,
    scale: o.scale,
    fixed: o.fixed,
    fixedHalf: o.fixedHalf,
    value: o.decimalValue,
    halfUlp: o.decimalHalfUlp,
    ...changes,
  };
  // A new value or half-width invalidates the other form of it.
  if (changes.value) init.fixed = changes.fixed;
  if (changes.halfUlp) init.fixedHalf = changes.fixedHalf;
  if ('fixed' in changes && !changes.value) init.value = undefined;
  if ('fixedHalf' in changes && !changes.halfUlp) init.halfUlp = undefined;
  if (init.fixed === undefined || init.fixedHalf === undefined) {
    init.value ??= o.value;
    init.halfUlp ??= o.halfUlp;
  }
  return new Operand(init);
}

/** o = 0, read from the fixed-point form when there is one. */
export function isZero(o: Operand): boolean {
  return o.fixed !== undefined ? o.fixed === 0 : o.value.isZero();
}

/** |o|: `o` itself unless it is negative. */
export function magnitude(o: Operand): Operand {
  if (o.fixed !== undefined) return o.fixed < 0 ? withChanges(o, { fixed: -o.fixed }) : o;
  return o.value.isNegative() ? withChanges(o, { value: o.value.abs() }) : o;
}

/** `o` read as exact (h = 0): a score, a count, a figure the table defines. */
export function asExact(o: Operand, label = o.label): Operand {
  return withChanges(o, { label, fixedHalf: 0, halfUlp: new Decimal(0) });
}
