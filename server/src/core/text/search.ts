// Binary searches over things kept in document order (numbers, sentences, tokens, sections).
import type { Span } from '../types';

/** Index of the first item whose key is ≥ `value` (items sorted by key); `items.length` if none. */
export function lowerBound<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The item whose span (half-open) contains `offset`, among disjoint spans in document order. */
export function containing<T>(items: readonly T[], span: (item: T) => Span, offset: number): T | undefined {
  const i = lowerBound(items, (item) => span(item).end, offset + 1);
  return i < items.length && span(items[i]).start <= offset ? items[i] : undefined;
}
