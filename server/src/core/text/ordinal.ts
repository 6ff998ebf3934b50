// The number an enumeration mark counts (`（3）`, `十二、`), for telling the next item of a list from a new list.

const CN_DIGITS = '一二三四五六七八九';

/** The number of an enumeration mark (`（3）` 3, `十二、` 12), undefined when it has none. */
export function ordinalOf(mark: string): number | undefined {
  // (①…⑳, U+2460–U+2473.)
  const circled = mark.charCodeAt(0) - 0x2460;
  if (circled >= 0 && circled < 20) return circled + 1;
  const digits = /\d+/.exec(mark);
  if (digits) return Number(digits[0]);
  const cn = /([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)/.exec(mark.replace(/[^一二三四五六七八九十]/g, ''));
  if (!cn || cn[0] === '') return undefined;
  const [, tens, ten, ones] = cn;
  if (!ten) return CN_DIGITS.indexOf(tens) + 1;
  return (tens ? CN_DIGITS.indexOf(tens) + 1 : 1) * 10 + (ones ? CN_DIGITS.indexOf(ones) + 1 : 0);
}
