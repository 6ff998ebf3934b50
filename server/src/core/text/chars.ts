// Character classes tested by code unit: per-character regex tests are a hot spot on whole texts.

/** Exactly the characters of JavaScript's `\s` (WhiteSpace and LineTerminator). */
export function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return (c >= 9 && c <= 13) || c === 32;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Leading indentation of a table cell in full-width spaces (U+3000 counts two, an ASCII or no-break space one). */
export function indentOf(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x3000) n += 2;
    else if (c === 32 || c === 0xa0) n += 1;
    else break;
  }
  return n >> 1;
}

/** A bracketed note ending a line (`（续）`, `（单位：万元）`): bounded, so that a line of open brackets stays linear. */
export const TRAILING_BRACKET = /[（(][^()（）]{0,40}[)）]$/;
