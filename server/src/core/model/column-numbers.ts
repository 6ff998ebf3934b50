// The column-numbering row of a report table's header: `栏次 | 1 | 2 | 3`, a bare `1 2 3 … n`, or the national
// template's `甲 | 乙 | 1 | 2 | …` (甲, 乙 … letter the label columns, 1 … n the amount columns).

const LETTERS = '甲乙丙丁戊';
const CODE_LEVELS = '类款项';

/** Whether the cell texts (blanks included or not) number the columns. */
export function numbersColumns(texts: readonly string[]): boolean {
  if (texts.includes('栏次')) return true;
  const nonEmpty = texts.filter((t) => t !== '');
  let i = 0;
  // (`类 | 款 | 项 | | 1 | 2 | 3`: the split code columns' own header on the 栏次 line.)
  if (nonEmpty[0] === CODE_LEVELS[0]) while (i < nonEmpty.length && i < CODE_LEVELS.length && nonEmpty[i] === CODE_LEVELS[i]) i++;
  let letters = i;
  let numbers = 0;
  let nextLetter = 0;
  for (; i < nonEmpty.length; i++) {
    const t = nonEmpty[i];
    if (t === String(numbers + 1)) {
      numbers++;
      // (`甲 | 乙 | 1 | 甲 | 乙 | 2`: each block of a two-sided table letters its own label columns.)
      nextLetter = 0;
    } else if (t === LETTERS[nextLetter]) {
      nextLetter++;
      letters++;
    } else if (nextLetter > 0 && t === LETTERS[nextLetter - 1]) {
      // (`甲 | 甲 | 甲 | 乙 | 1 | 2`: a letter repeated over the cells of a merged column, as Word's paste leaves it.)
      letters++;
    } else return false;
  }
  return numbers >= (letters > 0 ? 1 : 2);
}
