// Stage 0 of the pipeline: the text the later stages read. Real reports copied from web mirrors come in
// traditional script (`一般公共預算財政撥款支出`) and with pinyin glosses after characters (`預(yù)算`,
// `經(jīng)營`); every word pattern of the engine is simplified and unglossed. The normalised text keeps
// every line's length and place, so line numbers never change: traditional characters are replaced one
// for one (OpenCC's table, which maps characters, not words, to the same length), and a gloss is taken
// out with its line padded by as many spaces at its end. Only the columns after a gloss move, and
// `toSource` maps them back.
import { Converter } from 'opencc-js/t2cn';
import { lowerBound } from './search';
import { allMatches } from './matches';

export interface NormalizedText {
  text: string;
  /** The offset in the source text of an offset in `text` (identity when no gloss was taken out). */
  toSource(offset: number): number;
  /** Full-width digits were made ASCII (number-format reports them from the source). */
  fullwidthDigits: boolean;
  /** Letters O inside numbers were made zeros (number-format reports them from the source). */
  letterZeros: boolean;
  /** Letters l / I for a one were made ones (reported the same way). */
  letterOnes: boolean;
}

/**
 * Characters written only in traditional script that every report uses (预算, 决算, 经费, 万元, 项目 …):
 * a text without any of them is left alone (converting costs about as much as the lint).
 */
const TRADITIONAL = /[預決經費萬項資財撥務與為數額購維護機關計劃實際報類結轉餘較減長]/;

/**
 * `(yù)`, `（jīng）`, `(yu4)`, `(chū yù)`, `(de)` after a character: a pinyin gloss, recognised by its tone mark
 * or tone number (one or more syllables), or one of the toneless particles.
 */
const SYLLABLE = '(?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*|[a-zü]{1,6}[1-5])';
const GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff])[(（](?:${SYLLABLE}(?: ${SYLLABLE}){0,3}|de|le|men|zi)[)）]`, 'g');

/**
 * Zero-width spaces and joiners, word joiners, BOMs and soft hyphens (shown only where a line breaks, which
 * PDF conversion leaves inside words: `公务用车购置\u00AD及运行维护费`): invisible, and they split words and
 * numbers; and a no-break or thin space inside a number (`10\u00A04.93`), which a reader cannot tell from no
 * space at all.
 */
const ZERO_WIDTH = '[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]';
// (The neighbours of a space inside a number are read through zero-width characters, taken out too: `19\uFEFF\u00A06.11`.)
const INVISIBLE = `${ZERO_WIDTH}|(?<=[0-9\\uFF10-\\uFF19.．]${ZERO_WIDTH}*)[\\u00A0\\u202F\\u2009](?=${ZERO_WIDTH}*[0-9\\uFF10-\\uFF19.．])`;
/**
 * Spaces written as HTML entities by converters (`100.00&nbsp;万元`, `&#160;`, `&ensp;`) and typographic spaces between
 * a number and its unit (`100.00\u2009万元`): taken out, so the number keeps its unit.
 */
const SPACE_ENTITY = '&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#819[45]|#8201|#8239);';
const UNIT_SPACE = '(?<=[0-9\\uFF10-\\uFF19])[\\u2002\\u2003\\u2009\\u202F](?=[万亿元%％个])';
const REMOVED = new RegExp(`${GLOSS.source}|${INVISIBLE}|${SPACE_ENTITY}|${UNIT_SPACE}`, 'g');

const IN_ORDER = /依次(?=[为是占较比增减下上同达完约：:])/g;

/** A letter O (ASCII or full-width) between the digits of a number, or between its digits and its unit. */
const LETTER_ZERO = /(?<=\d[.．]?)[OoＯ](?=[.．]?\d)|(?<=\d)[OoＯ](?=[%％万亿元])/g;
/** A letter l or I for the digit 1: opening a figure with its unit (`l864.20万元`, not a word's letter), or between digits. */
const LETTER_ONE = /(?<![A-Za-z])[lI](?=\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|%|％))|(?<=\d)[lI](?=\d)/g;

/** Full-width digits (Word styles, web mirrors): ASCII one for one, so that every pattern of the engine reads them. */
const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;

let toSimplified: ((text: string) => string) | undefined;

const identity = (offset: number) => offset;

export function normalizeScript(source: string): NormalizedText {
  let text = source;
  // Most texts need none of the steps below: one pass over the characters tells which may apply.
  const found = survey(source);
  if (found & TRADITIONAL_FOUND) {
    toSimplified ??= Converter({ from: 't', to: 'cn' });
    text = simplifiedPerLine(text, toSimplified);
  }
  // (search, not test: test would move the global pattern's lastIndex, where matchAll then starts.)
  const fullwidthDigits = found & TRADITIONAL_FOUND ? text.search(FULLWIDTH_DIGIT) >= 0 : (found & FULLWIDTH_FOUND) !== 0;
  // (`４１．３３`: its full-width point between digits goes with them; one character for one, so offsets stay.)
  if (fullwidthDigits) text = text.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  // (`1O4.95`, `87.O7`, `２Ｏ．６０`: OCR's letter O for a zero inside a number; one character for one.)
  const letterZeros = (found & LETTER_ZERO_MAYBE) !== 0 && text.search(LETTER_ZERO) >= 0;
  if (letterZeros) text = text.replace(LETTER_ZERO, '0');
  // (`l864.20万元`: its letter l (or I) for a one.)
  const letterOnes = (found & LETTER_ONE_MAYBE) !== 0 && text.search(LETTER_ONE) >= 0;
  if (letterOnes) text = text.replace(LETTER_ONE, '1');
  if (fullwidthDigits) text = text.replace(/(?<=\d)．(?=\d)/g, '.');
  // `A、B依次为x、y，依次占…的p、q`: 依次 (in that order) pairs the runs as 分别 (respectively) does, and every
  // pattern of the engine reads 分别: one word for the other, of the same length.
  if (text.includes('依次')) text = text.replace(IN_ORDER, '分别');
  // (The survey's test for REMOVED is looser than the pattern: the pattern decides.)
  if ((!(found & TRADITIONAL_FOUND) && !(found & REMOVED_MAYBE)) || text.search(REMOVED) < 0) return { text, toSource: identity, fullwidthDigits, letterZeros, letterOnes };
  return { ...withoutRemoved(text), fullwidthDigits, letterZeros, letterOnes };
}

const TRADITIONAL_FOUND = 1;
const FULLWIDTH_FOUND = 2;
const LETTER_ZERO_MAYBE = 8;
const LETTER_ONE_MAYBE = 16;
const REMOVED_MAYBE = 4;

/** TRADITIONAL's characters by code, for the survey. */
const TRADITIONAL_CODES = new Uint8Array(0x10000);
for (const ch of TRADITIONAL.source.slice(1, -1)) TRADITIONAL_CODES[ch.charCodeAt(0)] = 1;

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;
/** What may open a gloss after its bracket: a letter, ü or a toned vowel (U+00E0–U+01DC holds them all). */
const mayOpenGloss = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0x1dc);
/** What stands on either side of a space inside a number: `[0-9\uFF10-\uFF19.．]`. */
const isDigitOrPoint = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e || (c >= 0xff10 && c <= 0xff19) || c === 0xff0e;

/**
 * One pass over the text instead of three patterns over all of it: whether it holds a character of
 * TRADITIONAL, a full-width digit, and anything REMOVED might match (a superset of its matches).
 */
function survey(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x28) {
      if (c === 0x26 && text.charCodeAt(i + 1) !== 0x20) found |= REMOVED_MAYBE;
      continue;
    }
    if (TRADITIONAL_CODES[c] === 1) found |= TRADITIONAL_FOUND;
    else if (c >= 0xff10 && c <= 0xff19) found |= FULLWIDTH_FOUND;
    else if (c === 0x4f || c === 0x6f || c === 0xff2f) {
      if ((i > 0 && isDigitOrPoint(text.charCodeAt(i - 1))) || isDigitOrPoint(text.charCodeAt(i + 1))) found |= LETTER_ZERO_MAYBE;
    }
    else if (c === 0x6c || c === 0x49) {
      if (isDigitOrPoint(text.charCodeAt(i + 1))) found |= LETTER_ONE_MAYBE;
    }
    else if (c === 0x28 || c === 0xff08) {
      if (i > 0 && isHan(text.charCodeAt(i - 1)) && mayOpenGloss(text.charCodeAt(i + 1))) found |= REMOVED_MAYBE;
    } else if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) found |= REMOVED_MAYBE;
    else if (c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2002 || c === 0x2003) {
      if (i > 0 && isDigitOrPoint(text.charCodeAt(i - 1))) found |= REMOVED_MAYBE;
    }
  }
  return found;
}

/** Converts line by line, keeping any line whose length the converter would change (none known). */
function simplifiedPerLine(text: string, convert: (text: string) => string): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  return text
    .split('\n')
    .map((line) => {
      const converted = convert(line);
      return converted.length === line.length ? converted : line;
    })
    .join('\n');
}

/**
 * Takes the glosses and invisible characters out, padding each line at its end (before `\r`, if any) so
 * that it keeps its length.
 */
function withoutRemoved(text: string): Omit<NormalizedText, 'fullwidthDigits' | 'letterZeros' | 'letterOnes'> {
  // Per gloss: its position in the normalised text and how many characters it had (in text order).
  const at: number[] = [];
  const widths: number[] = [];
  let out = '';
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    let kept = '';
    let last = 0;
    for (const m of allMatches(REMOVED, line)) {
      kept += line.slice(last, m.index);
      at.push(lineStart + kept.length);
      widths.push(m[0].length);
      last = m.index + m[0].length;
    }
    kept += line.slice(last);
    out += kept + ' '.repeat(line.length - kept.length) + text.slice(contentEnd, Math.min(lineEnd + 1, text.length));
    lineStart = lineEnd + 1;
  }
  // Widths taken out before each removal, for the sum over a line's removals in two binary searches.
  const before = [0];
  for (const w of widths) before.push(before.at(-1)! + w);
  const toSource = (offset: number) => {
    // What was taken out of the same line before this offset.
    const lineStartOf = text.lastIndexOf('\n', offset - 1) + 1;
    const shift = before[lowerBound(at, (x) => x, offset + 1)] - before[lowerBound(at, (x) => x, lineStartOf)];
    // (An offset in the padding maps to the end of its line's content, before any `\r`.)
    let contentEnd = text.indexOf('\n', offset);
    if (contentEnd < 0) contentEnd = text.length;
    else if (contentEnd > 0 && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    return Math.min(offset + shift, contentEnd);
  };
  return { text: out, toSource };
}
