// Clauses of raw text, for the stages that run before the prose is analysed (or look past a token's own words).

/**
 * The text before `offset`, at most `maxLength` characters back, after the last of the `breaks`
 * characters in that stretch.
 */
export function clauseBefore(text: string, offset: number, maxLength: number, breaks: string): string {
  const words = text.slice(Math.max(0, offset - maxLength), offset);
  let cut = -1;
  for (const c of breaks) cut = Math.max(cut, words.lastIndexOf(c));
  return words.slice(cut + 1);
}
