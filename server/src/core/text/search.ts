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

/**
 * `re` run over `text` read without its line breaks (a PDF wraps words anywhere: `决算数大` / `于预算数`): the match
 * and where it starts and ends in `text` itself.
 */
export function execAcrossLineBreaks(re: RegExp, text: string): { match: RegExpExecArray; start: number; end: number } | undefined {
  if (!text.includes('\n')) {
    const match = re.exec(text);
    return match ? { match, start: match.index, end: match.index + match[0].length } : undefined;
  }
  const at: number[] = [];
  let joined = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') continue;
    at.push(i);
    joined += c;
  }
  const match = re.exec(joined);
  if (!match) return undefined;
  const last = match.index + match[0].length - 1;
  return { match, start: at[match.index], end: last >= match.index ? at[last] + 1 : at[match.index] };
}
