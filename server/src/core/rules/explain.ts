// Shared wording of the arithmetic in explanations, so every rule shows numbers the same way.
import type Decimal from 'decimal.js';
import { show, written } from '../arith/interval';
import type { Operand } from '../types';

/** `208.88 + 456.50` (up to eight terms), else `Σ 12 项`. */
export function sumExpression(parts: Operand[], signs?: number[]): { zh: string; en: string } {
  if (parts.length > 8) return { zh: `${parts.length} 项之和`, en: `the sum of ${parts.length} items` };
  const text = parts
    .map((p, i) => `${i === 0 ? ((signs?.[i] ?? 1) < 0 ? '−' : '') : (signs?.[i] ?? 1) < 0 ? ' − ' : ' + '}${written(p)}`)
    .join('');
  return { zh: text, en: text };
}

export function diffText(diff: Decimal, tolerance: Decimal): { zh: string; en: string } {
  return {
    zh: `差 ${show(diff.abs(), 4).replace(/0+$/, '').replace(/\.$/, '')}，舍入容差 ±${show(tolerance, 4).replace(/0+$/, '').replace(/\.$/, '')}`,
    en: `difference ${show(diff.abs(), 4).replace(/0+$/, '').replace(/\.$/, '')}, rounding tolerance ±${show(tolerance, 4).replace(/0+$/, '').replace(/\.$/, '')}`,
  };
}
