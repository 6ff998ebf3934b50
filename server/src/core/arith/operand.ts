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
  const n = decimals > 0 ? digitsWithoutPoint(text) : Number(text);
  if (!Number.isSafeInteger(n)) return undefined;
  // An integer times a power of ten is exact whenever the product is a safe integer.
  const v = n * POW10[k];
  return Number.isSafeInteger(v) ? v : undefined;
}

/**
 * Number(text.replace('.', '')) without building that string (every amount of a table passes here):
 * `-1234.56` → −123456. Digits accumulate exactly while the value is a safe integer, and once beyond
 * it the value stays beyond (it only grows), as Number's would. Any other text takes Number's way.
 */
function digitsWithoutPoint(text: string): number {
  const negative = text.charCodeAt(0) === 45; // -
  let n = 0;
  let digits = 0;
  let point = false;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    } else if (c === 46 && !point) point = true;
    else return Number(text.replace('.', ''));
  }
  if (digits === 0) return Number(text.replace('.', ''));
  return negative ? -n : n;
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

/**
 * What an operand reads of its number: shared by every relation the number takes part in (a token's
 * fields are built once). `value`/`halfUlp` or `fixed`/`fixedHalf` (or both); the Decimals are
 * filled in from the fixed-point form on first read.
 */
export interface OperandFields {
  token?: number;
  value?: Decimal;
  halfUlp?: Decimal;
  fixed?: number;
  fixedHalf?: number;
  text?: string;
  raw?: string;
  unit?: string;
  decimals?: number;
  scale?: Decimal;
  /** Money read in 万元 (its unit then left unwritten). */
  wan?: boolean;
}

export interface OperandInit extends OperandFields {
  label: string;
  span?: Span;
}

/**
 * A number taking part in a relation: its shared fields, plus the label and span this relation
 * gives it. A class, not a plain object, so that the Decimals can be built on first read; the type
 * checker then also rejects `{ ...operand }`, which would drop them: use `withChanges`.
 */
export class Operand {
  readonly fields: OperandFields;
  /** Human label (基本支出, 301 工资福利支出, 列 2 …). */
  label: string;
  span?: Span;

  constructor(fields: OperandFields, label: string, span?: Span) {
    const fast = fields.fixed !== undefined && fields.fixedHalf !== undefined;
    if (!fast && (!fields.value || !fields.halfUlp)) throw new Error('an operand needs a value and its half-width');
    this.fields = fields;
    this.label = label;
    this.span = span;
  }

  /** Id of the token in DocumentModel.numbers (absent for derived or implicit zero operands). */
  get token(): number | undefined {
    return this.fields.token;
  }

  get value(): Decimal {
    return (this.fields.value ??= decimalOfFixed(this.fields.fixed!));
  }

  /** Half-width of the rounding interval (0.005 for 2 decimals; 0 for exact values). */
  get halfUlp(): Decimal {
    return (this.fields.halfUlp ??= decimalOfFixed(this.fields.fixedHalf!));
  }

  /** value × 10⁸ and halfUlp × 10⁸ as exact safe integers, when both fit: the checks' fast path. */
  get fixed(): number | undefined {
    return this.fields.fixedHalf === undefined ? undefined : this.fields.fixed;
  }

  get fixedHalf(): number | undefined {
    return this.fields.fixed === undefined ? undefined : this.fields.fixedHalf;
  }

  /** The number as written (canonical ASCII), for explanations. */
  get text(): string | undefined {
    return this.fields.text;
  }

  /** The source characters (`66,167.07`), so a replacement keeps the writer's grouping. */
  get raw(): string | undefined {
    return this.fields.raw;
  }

  /** The written unit when it is not 万元 (`亿元`, `元`, `%`): explanations then show it. */
  get unit(): string | undefined {
    return this.fields.unit;
  }

  /** Digits after the point as written, and the factor from the written unit to `value`'s unit. */
  get decimals(): number | undefined {
    return this.fields.decimals;
  }

  get scale(): Decimal | undefined {
    return this.fields.scale;
  }
}

/** A new operand from its fields, label and span in one object. */
export function makeOperand(init: OperandInit): Operand {
  const { label, span, ...fields } = init;
  return new Operand(fields, label, span);
}

/** A copy of `o` with some fields changed (a new label, span, or an exact half-width). */
export function withChanges(o: Operand, changes: Partial<OperandInit>): Operand {
  const { label = o.label, span = o.span, ...fieldChanges } = changes;
  if (Object.keys(fieldChanges).length === 0) return new Operand(o.fields, label, span);
  const fields: OperandFields = { ...o.fields, ...fieldChanges };
  // A new value or half-width invalidates the other form of it.
  if (fieldChanges.value) fields.fixed = fieldChanges.fixed;
  if (fieldChanges.halfUlp) fields.fixedHalf = fieldChanges.fixedHalf;
  if ('fixed' in fieldChanges && !fieldChanges.value) fields.value = undefined;
  if ('fixedHalf' in fieldChanges && !fieldChanges.halfUlp) fields.halfUlp = undefined;
  if (fields.fixed === undefined || fields.fixedHalf === undefined) {
    fields.value ??= o.value;
    fields.halfUlp ??= o.halfUlp;
  }
  return new Operand(fields, label, span);
}

/** o = 0, read from the fixed-point form when there is one. */
export function isZero(o: Operand): boolean {
  return o.fixed !== undefined ? o.fixed === 0 : o.value.isZero();
}

/** The sign of o's value (−1, 0, 1), read from the fixed-point form when there is one. */
export function signOf(o: Operand): number {
  return o.fixed !== undefined ? Math.sign(o.fixed) : o.value.isZero() ? 0 : o.value.isNegative() ? -1 : 1;
}

/** |o|: `o` itself unless it is negative. */
export function magnitude(o: Operand): Operand {
  // (Its text loses the sign too, for explanations: `546.92 + 93.82`, not `546.92 + -93.82`; `raw` keeps it for fixes.)
  const text = o.text?.replace(/^-/, '');
  if (o.fixed !== undefined) return o.fixed < 0 ? withChanges(o, { fixed: -o.fixed, text }) : o;
  return o.value.isNegative() ? withChanges(o, { value: o.value.abs(), text }) : o;
}

/** `o` read as exact (h = 0): a score, a count, a figure the table defines. */
export function asExact(o: Operand, label = o.label): Operand {
  return withChanges(o, { label, fixedHalf: 0, halfUlp: new Decimal(0) });
}
