// The column-numbering row of a report table's header: `栏次 | 1 | 2 | 3`, a bare `1 2 3 … n`, or the national
// template's `甲 | 乙 | 1 | 2 | …` (甲, 乙 … letter the label columns, 1 … n the amount columns).

const LETTERS = '甲乙丙丁戊';
const CODE_LEVELS = '类款项';

/** Whether the cell texts (blanks included or not) number the columns. */
export function numbersColumns(texts: readonly string[]): boolean {
  if (texts.includes('栏次')) return true;
  const nonEmpty = texts.filter((t) => t !== '');
  let letters = 0;
  // (`甲 | 甲 | 甲 | 乙 | 1 | 2`: a letter repeated over the cells of a merged column, as Word's paste leaves it.)
  for (let next = 0; letters < nonEmpty.length && (nonEmpty[letters] === LETTERS[next] || (next > 0 && nonEmpty[letters] === LETTERS[next - 1])); letters++) {
    if (nonEmpty[letters] === LETTERS[next]) next++;
  }
  // (`类 | 款 | 项 | | 1 | 2 | 3`: the split code columns' own header on the 栏次 line.)
  if (letters === 0) while (letters < nonEmpty.length && nonEmpty[letters] === CODE_LEVELS[letters]) letters++;
  const numbers = nonEmpty.length - letters;
  if (numbers < (letters > 0 ? 1 : 2)) return false;
  for (let i = letters; i < nonEmpty.length; i++) if (nonEmpty[i] !== String(i - letters + 1)) return false;
  return true;
}
