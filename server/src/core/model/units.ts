// Unit slips (rounding.md §6): `基本支出3373.17元` among 万元 siblings is 3373.17万元 mistyped.
// The model records the reading (`readAs`) so every relation is checked with it; the unit-mismatch
// rule reports the slip. A share written without its % sign (`占 76.23;` among `占 X%` siblings) is
// read as a percentage the same way.
import { containing } from '../text/search';
import Decimal from 'decimal.js';
import { halfUlp, isMoney } from '../arith/interval';
import { fixedOf } from '../arith/operand';
import { isWhiteSpace } from '../text/chars';
import { clauseBefore } from '../text/clauses';
import type { DocumentModel, NumberToken } from '../types';

/** A number that may be a unit slip: a non-zero amount written in 元 or 亿元. */
const mayBeSlip = (n: NumberToken) => (n.unit === '元' || n.unit === '亿元') && !n.zero;

/**
 * Groups of numbers that are siblings: the numbers of one sentence, or of one table row. Only the
 * groups holding a possible slip are built (most rows and sentences hold none).
 */
/** A list item's mark: `1.`, `2、`, `（3）`, `- `. */
const LIST_ITEM_MARK = /^\s*(?:[-*•]\s+|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）])/;

function siblingGroups(model: DocumentModel): NumberToken[][] {
  const groups: NumberToken[][] = [];
  for (const s of model.sentences) {
    if (s.numbers.some((id) => mayBeSlip(model.numbers[id]))) groups.push(s.numbers.map((id) => model.numbers[id]));
  }
  // (`1. 办公费：12.89万元；` … `14. 其他交通费用：13.91元；`: the items of a list, one a line, are siblings too.)
  let run: NumberToken[] = [];
  let runMark = '';
  const flush = () => {
    if (run.length >= 3 && run.some(mayBeSlip)) groups.push(run);
    run = [];
  };
  for (const s of model.sentences) {
    const mark = LIST_ITEM_MARK.exec(s.text)?.[0].replace(/\d+/, 'N').trim();
    const amounts = s.numbers.map((id) => model.numbers[id]).filter((n) => n.unit === '元' || n.unit === '万元' || n.unit === '亿元');
    if (!mark || amounts.length !== 1 || (mark !== runMark && run.length > 0)) {
      flush();
      if (!mark || amounts.length !== 1) {
        runMark = '';
        continue;
      }
    }
    runMark = mark;
    run.push(amounts[0]);
  }
  flush();
  for (const table of model.tables) {
    for (const row of table.rows) {
      if (!row.cells.some((c) => c.number !== undefined && mayBeSlip(model.numbers[c.number]))) continue;
      const tokens: NumberToken[] = [];
      for (const cell of row.cells) {
        if (cell.number !== undefined) tokens.push(model.numbers[cell.number]);
      }
      groups.push(tokens);
    }
  }
  return groups;
}

/** A comparison's figure run into its year: `与2019498.83万元相比`, `较20155.88万元` (2019年498.83万元, 2015年5.88万元). */
const FUSED_YEAR = /^((?:19|20)\d\d)(\d+(?:\.\d+)?)$/;
const COMPARED_WITH = /(?:与|较|比|同比|对比)\s*$/;
const NEIGHBOURS = 4;

/**
 * A figure compared with (`与…相比`, `较…`) whose first four digits are a year near the report's, whose rest is of
 * the size of an amount next to it in its sentence while the whole is a hundred times larger: the 年 after the year was
 * lost (by the author or a converter). The figure is read without the year and reported (number-format).
 */
export function resolveFusedYears(model: DocumentModel): void {
  if (model.reportYear === undefined) return;
  for (const s of model.sentences) {
    // (Most sentences hold no figure of six digits or more starting with 19 or 20: nothing to build for them.)
    if (!s.numbers.some((id) => FUSED_YEAR.test(model.numbers[id].text))) continue;
    const money = s.numbers.map((id) => model.numbers[id]).filter((n) => isMoney(n.unit) && !n.zero && !n.cell);
    if (money.length < 2) continue;
    for (const [i, n] of money.entries()) {
      const m = FUSED_YEAR.exec(n.text);
      if (!m || n.formatIssue || Math.abs(Number(m[1]) - model.reportYear) > 2 || !COMPARED_WITH.test(model.text.slice(Math.max(0, n.span.start - 4), n.span.start))) continue;
      // (Magnitudes compared as decimals: the values are not built yet, and this one's must not be cached from the fused text.)
      const rest = new Decimal(m[2]);
      const whole = new Decimal(n.text);
      // (Among the figures next to it: a sentence of thousands of figures stays linear.)
      const near = money.slice(Math.max(0, i - NEIGHBOURS), i + NEIGHBOURS + 1).some((o) => {
        if (o === n || o.unit !== n.unit) return false;
        const other = new Decimal(o.text);
        return other.times(100).lt(whole) && rest.lte(other.times(10)) && rest.times(10).gte(other);
      });
      if (!near) continue;
      n.text = m[2].replace(/^0+(?=\d)/, '');
      n.formatIssue = 'year-fused';
    }
  }
}

/**
 * `单位：元` over a table whose figures are those of the report's tables in 万元 (`合计 120.50`, as in 公开01表): the
 * unit line is the slip, and the table is read in the others' unit (unit-mismatch reports it) rather than every
 * figure of it contradicting them ten thousand times over. Only a table whose unit is the minority's, with two or
 * more of its figures, and half of them at least, stated in the other unit's tables or prose (as many tables in both
 * units: the unit of most amounts in the prose).
 */
export function resolveTableUnitSlips(model: DocumentModel): void {
  resolveConvertedTableUnits(model);
  // (All tables in one unit, as most reports have them: none is the minority.)
  if (model.tables.every((t) => t.unit === model.tables[0].unit)) return;
  const figures = model.tables.map((t) => {
    const texts = new Set<string>();
    for (const row of t.rows) for (const cell of row.cells) {
      const n = cell.number === undefined ? undefined : model.numbers[cell.number];
      // (Whole 元 tables, `15,784,481`, state their figures without decimals.)
      if (n && n.unit === 'none' && amountDigits(n)) texts.add(n.text);
    }
    return texts;
  });
  // Tables in each unit; as many in both, the prose's amounts in each decide.
  const tables = { 元: 0, 万元: 0 };
  const prose = { 元: 0, 万元: 0 };
  for (const [k, t] of model.tables.entries()) if ((t.unit === '元' || t.unit === '万元') && figures[k].size > 0) tables[t.unit]++;
  for (const n of model.numbers) if (!n.cell && !n.zero && (n.unit === '元' || n.unit === '万元')) prose[n.unit]++;
  const minority = (unit: '元' | '万元', other: '元' | '万元') => tables[unit] < tables[other] || (tables[unit] === tables[other] && prose[unit] < prose[other]);
  for (const [k, table] of model.tables.entries()) {
    if (!table.unitSpan || table.unitSlip || (table.unit !== '元' && table.unit !== '万元') || figures[k].size < 2) continue;
    const other = table.unit === '元' ? '万元' : '元';
    if (!minority(table.unit, other)) continue;
    const theirs = new Set(model.tables.flatMap((t, j) => (t.unit === other ? [...figures[j]] : [])));
    // (The prose restates a table's figures too: `公务接待费0.35万元` beside a 公开09表 under `单位：元` that prints 0.35.)
    for (const n of model.numbers) if (!n.cell && n.unit === other && amountDigits(n)) theirs.add(n.text);
    const shared = [...figures[k]].filter((text) => theirs.has(text)).length;
    if (shared >= 2 && shared * 2 >= figures[k].size) {
      table.unitSlip = table.unit;
      table.unit = other;
    }
  }
}

/**
 * `金额单位：万元` over `人员经费合计 11,751,371.47` while the prose states `人员经费1175.14万元` (or `单位：元` over `5.26` beside
 * `52,634.21元`): a table none of whose figures the prose states in its unit, two or more of which it states in the other
 * unit (rounded to the fen of 万元), has the wrong unit line, whatever unit the other tables have. The table is read in
 * the other unit (unit-mismatch reports its unit line) rather than every figure of it contradicting the prose.
 */
function resolveConvertedTableUnits(model: DocumentModel): void {
  // What the prose's amounts are, in hundredths of 万元 (元 amounts rounded half up to them).
  const stated = new Set<number>();
  for (const n of model.numbers) {
    if (n.cell || !amountDigits(n)) continue;
    const key = n.unit === '万元' ? wanKey(n) : n.unit === '元' ? yuanKey(n) : undefined;
    if (key !== undefined) stated.add(key);
  }
  if (stated.size === 0) return;
  for (const table of model.tables) {
    if (!table.unitSpan || table.unitSlip || (table.unit !== '元' && table.unit !== '万元')) continue;
    // (Most tables have a figure the prose states in their unit: the first one ends the search.)
    let asWritten = false;
    let asOther = 0;
    cells: for (const row of table.rows) {
      for (const cell of row.cells) {
        const n = cell.number === undefined ? undefined : model.numbers[cell.number];
        if (!n || n.unit !== 'none' || !amountDigits(n)) continue;
        const written = table.unit === '万元' ? wanKey(n) : yuanKey(n);
        if (written !== undefined && stated.has(written)) {
          asWritten = true;
          break cells;
        }
        // (At least 1.00万元: a 万元 figure read as 元 rounds to a few hundredths, which the prose may state by chance.)
        const other = table.unit === '万元' ? yuanKey(n) : wanKey(n);
        if (other !== undefined && other >= 100 && stated.has(other)) asOther++;
      }
    }
    if (asWritten || asOther < 2) continue;
    table.unitSlip = table.unit;
    table.unit = table.unit === '万元' ? '元' : '万元';
  }
}

/** A 万元 figure to the fen or coarser, in hundredths of 万元. */
function wanKey(n: NumberToken): number | undefined {
  return n.decimals <= 2 ? fixedOf(n.text, n.decimals, -6) : undefined;
}

/** A 元 figure in hundredths of 万元, rounded half up (away from zero). */
function yuanKey(n: NumberToken): number | undefined {
  const fen = fixedOf(n.text, n.decimals, -6);
  if (fen === undefined) return undefined;
  const rounded = Math.floor((Math.abs(fen) + 5000) / 10000);
  return fen < 0 ? -rounded : rounded;
}

/**
 * An amount written in 元 as a 元 report writes them: to the fen (`2,400,229.45元`), or whole (`15,784,481元`, `469,625元`:
 * a thousand or more; smaller whole 元 figures are prices and allowances).
 */
function yuanAmount(n: NumberToken): boolean {
  return n.unit === '元' && amountDigits(n);
}

/** A non-zero figure written as amounts are: to the fen, or whole and a thousand or more. */
function amountDigits(n: NumberToken): boolean {
  return !n.zero && (n.decimals === 2 || (n.decimals === 0 && n.value.abs().gte(1000)));
}

/** Per-person or per-unit values (人均116.18元, 单价, 标准) are 元 by nature (rounding.md §6). */
/** `150元/人`, `500元每人`: a rate per person or unit after the figure. */
const PER_UNIT_AFTER = /^\s*(?:[/／]|每)/;
// (An average named by what it averages, `人均基本公共卫生服务补助约81.09元`, may put a dozen characters between.)
// (And the figure a 元 standard is raised to, `经费标准由45元提高到50元`: in the unit of the one it was raised from.)
const PER_UNIT_BEFORE = /(?:(?:人均|生均|户均|平均)[^，,。；;0-9]{0,14}|(?:均|每[^，,。；;]{0,4}|单价|单位价值|标准|补助标准|不超过|不低于)[^，,。；;0-9]{0,6}|由\d[\d.,]*元(?:提高|增加|上调|调整|下调|降低|提升)(?:到|至|为))$/;

export function resolveUnitSlips(model: DocumentModel): void {
  resolveYiSlips(model);
  // How often each figure's digits are stated in 万元 and in 元.
  const wanTexts = new Map<string, number>();
  const yuanTexts = new Map<string, number>();
  let wanCount = 0;
  let yuanCount = 0;
  for (const n of model.numbers) {
    if (n.zero || n.cell) continue;
    if (n.unit === '万元') {
      wanTexts.set(n.text, (wanTexts.get(n.text) ?? 0) + 1);
      wanCount++;
    } else if (yuanAmount(n)) {
      yuanTexts.set(n.text, (yuanTexts.get(n.text) ?? 0) + 1);
      yuanCount++;
    }
  }
  // A report written in 元 (`2,400,229.45元，其中：人员经费2,095,506.76元…`): a figure it also states in 万元 is
  // the slip there (`机关运行经费支出304,722.69万元`), not in its 元 statements; so is one stated in 元 more often.
  const inYuan = yuanCount > wanCount;
  const moreInYuan = (text: string) => (yuanTexts.get(text) ?? 0) > (wanTexts.get(text) ?? 0);
  for (const n of model.numbers) {
    if (n.unit === '万元' && !n.zero && !n.cell && yuanTexts.has(n.text) && (inYuan || moreInYuan(n.text))) n.readAs = '元';
  }
  for (const text of [...wanTexts.keys()]) if (yuanTexts.has(text) && (inYuan || moreInYuan(text))) wanTexts.delete(text);
  yuanValuesInWan(model);
  const restated = (n: NumberToken) => RESTATEMENT_LEAD.test(model.text.slice(Math.max(0, n.span.start - 4), n.span.start));
  const perUnit = (n: NumberToken) => PER_UNIT_BEFORE.test(model.text.slice(Math.max(0, n.span.start - 20), n.span.start));
  // (Groups with a 元 figure: those a 万元 figure among 元 ones stands in, too.)
  const groups = siblingGroups(model);
  // `基本工资1,200,000.00元、奖金300,000.00万元、绩效工资500,000.00元`: among 元 figures, the one in 万元 is the slip
  // (first: its digits then say nothing about the 元 figures that share them).
  for (const group of groups) {
    const yuan = group.filter((n) => yuanAmount(n) && !n.readAs && !perUnit(n));
    const wan = group.filter((n) => n.unit === '万元' && !n.zero && !n.readAs && !restated(n));
    // (In a report written in 元, one 元 sibling is enough: `年初预算为2,727,060.41万元，支出决算为2,816,176.00元`.)
    if (yuan.length < (inYuan ? 1 : 2) || yuan.length < wan.length || (!inYuan && yuan.length === wan.length)) continue;
    // (Digits of the size of the 元 siblings, which in 万元 would be a hundred times the largest of them; not a
    // restatement, `67455.84元（折合6.75万元）`.)
    const largest = yuan.reduce((m, y) => (y.value.abs().gt(m) ? y.value.abs() : m), yuan[0].value.times(0));
    for (const n of wan) {
      if (n.decimals === 2 && !n.cell && n.value.abs().times(10000).gte(largest.times(100)) && yuan.some((y) => n.value.div(y.value).abs().gte(0.001) && n.value.div(y.value).abs().lte(1000))) {
        n.readAs = '元';
        wanTexts.delete(n.text);
      }
    }
  }
  for (const group of groups) {
    // (`45837.60元（折合4.58万元）`: a bracketed restatement in 万元 is no sibling that makes the 元 figures suspect.)
    const wan = group.filter((n) => n.unit === '万元' && !n.zero && !n.readAs && !restated(n));
    const yuanMajority = group.filter((n) => yuanAmount(n) && !perUnit(n)).length > Math.max(1, wan.length);
    let largestWan: Decimal | undefined;
    for (const n of group) {
      // (`公务用车运行维护费1.10万元，即11001.86元`: a restatement in another unit is no slip among its siblings.)
      if (!mayBeSlip(n) || (n.unit === '元' && yuanMajority) || restated(n)) continue;
      if (perUnit(n)) continue;
      // (亿元 digits that can meet by chance, `1.27亿元` beside an unrelated `增加1.27万元`, prove nothing: four or more.)
      const sameDigits = wanTexts.has(n.text) && !inYuan && (n.unit === '元' || n.text.replace(/\D/g, '').length >= 4);
      if (n.unit === '元') {
        // A figure far too small to be a real 元 amount beside 万元 siblings (a real 元 amount is 10⁴ times larger), written
        // with the fen, or with the decimals of its siblings (`310.6元` among `214.7万元`), or finer than the fen can be (`2080.7247元`).
        const tooSmall = wan.length > 0 && (n.decimals >= 2 || (n.decimals > 0 && wan.some((w) => w.decimals === n.decimals))) && n.value.lt(100000) &&
          wan.some((w) => n.value.div(w.value).abs().gte(0.001) && n.value.div(w.value).abs().lte(1000));
        // (Whole figures among whole 万元 siblings of its size: `公务接待费预算288万元…公务接待费282元，完成预算的97.92%`.)
        const wholeAmongWhole = wan.length > 0 && n.decimals === 0 && wan.every((w) => w.decimals === 0) && n.value.abs().gte(10) && n.value.lt(100000) &&
          !PER_UNIT_AFTER.test(model.text.slice(n.span.end, n.span.end + 3)) && wan.some((w) => n.value.div(w.value).abs().gte(0.1) && n.value.div(w.value).abs().lte(10));
        if ((sameDigits || tooSmall || wholeAmongWhole) && !changeRateHoldsInYuan(model, group, n)) n.readAs = '万元';
      } else {
        // `本年支出合计665.38亿元，其中：基本支出208.88万元…`: digits of the size of a total of its 万元
        // siblings, but 10⁴ times their sum once read in 亿元.
        const largest = (largestWan ??= wan.reduce((m, w) => (w.value.abs().gt(m) ? w.value.abs() : m), new Decimal(0)));
        const tooLarge = wan.length > 0 && !largest.isZero() && n.value.div(largest).gte(1) && n.value.div(largest).lte(20);
        // (`支出31.76亿元，…比上年增加26,961.81万元`: read in 万元 it would be smaller than its own change; the same digits
        // in 万元 elsewhere are that statement's slip, not this one's.)
        const smallerThanSiblings = wan.some((w) => w.value.abs().gt(n.value.abs()));
        // (`年初预算为30.71亿元，支出决算为31.76亿元`: among 亿元 siblings a 亿元 figure is no slip either.)
        const amongOwn = group.some((m) => m !== n && m.unit === '亿元' && !m.zero);
        if ((sameDigits && !smallerThanSiblings && !amongOwn) || tooLarge) n.readAs = '万元';
      }
    }
  }
}

/** The words right before a change's amount: `同比减少`, `比上年2.88万元减少`, `本年增加`. */
const CHANGE_WORD_BEFORE = /(?:增加|减少|增长|下降|降低|节约|节省|超支|多支出|少支出)了?$/;
/** What may stand between a change's amount and its rate: `，降幅`, `，增长`, `、下降了`. */
const RATE_AFTER_CHANGE = /^[，,、\s]*(?:同比)?(?:增幅|降幅|增长|下降|降低|减少|增加|上升|减幅|下降了|增长了)(?:率|幅度)?(?:为|是|达)?$/;

/**
 * `4.38万元，同比减少3,638.93元，降幅7.7%`, `比上年2.88万元减少671.20元，降幅2.33%`: a change in 元 beside 万元 amounts is
 * small, not a 万元 figure with the wrong unit, when its rate holds with the 元 as written (against the 万元 figure before
 * it, as last year's or as this year's) and would not with the digits in 万元.
 */
function changeRateHoldsInYuan(model: DocumentModel, group: NumberToken[], n: NumberToken): boolean {
  const at = group.indexOf(n);
  const rate = group[at + 1];
  const amount = group.slice(0, at).reverse().find((w) => w.unit === '万元' && !w.zero);
  if (!rate || rate.unit !== '%' || !amount || !CHANGE_WORD_BEFORE.test(model.text.slice(Math.max(0, n.span.start - 6), n.span.start).trim())) return false;
  if (!RATE_AFTER_CHANGE.test(model.text.slice(n.unitSpan?.end ?? n.span.end, rate.span.start))) return false;
  const w = amount.value.abs();
  const h = halfUlp(amount.decimals);
  const rh = halfUlp(rate.decimals);
  const stated = rate.value.abs();
  const holds = (delta: Decimal) =>
    // (The 万元 figure may be last year's, or this year's after a fall or a rise.)
    [w, w.plus(delta), w.minus(delta)].some((base) => {
      if (base.minus(h).lte(0)) return false;
      const low = delta.div(base.plus(h)).times(100);
      const high = delta.div(base.minus(h)).times(100);
      return low.lte(stated.plus(rh)) && high.gte(stated.minus(rh));
    });
  const digits = n.value.abs();
  return holds(digits.div(10000)) && !holds(digits);
}

/** A value's text without the zeros that do not change it (`081.20` → `81.2`): equal values, equal keys. */
function valueKey(text: string): string {
  const sign = text.startsWith('-') ? '-' : '';
  let digits = sign ? text.slice(1) : text;
  if (digits.includes('.')) digits = digits.replace(/\.?0+$/, '');
  digits = digits.replace(/^0+(?=\d)/, '');
  return sign + digits;
}

/** |value| ≥ 10⁴, read off the canonical text: no Decimal is built for every 万元 figure of the report. */
function atLeastTenThousand(text: string): boolean {
  const digits = text.replace(/^-?0*/, '');
  const point = digits.indexOf('.');
  return (point < 0 ? digits.length : point) >= 5;
}

/**
 * `年初预算为74.39万元，支出决算为812000万元，完成年初预算的109.15%` beside `81.20` in 公开05表: a 万元 figure that is exactly
 * 10⁴ times a 万元 figure the report states elsewhere, and a hundred times larger than every 万元 figure beside it, is
 * that amount written in 元 (its digits the 元 value) under the 万元 of its sentence.
 */
function yuanValuesInWan(model: DocumentModel): void {
  const candidates = model.numbers.filter((n) => n.unit === '万元' && !n.zero && !n.cell && !n.readAs && atLeastTenThousand(n.text));
  if (candidates.length === 0) return;
  // (Keys read off the canonical texts: building a Decimal for every figure and cell of a long report took most of this pass.)
  const wanValues = new Set<string>();
  for (const n of model.numbers) {
    if (n.zero || n.readAs) continue;
    const inWanTable = n.cell !== undefined && n.unit === 'none' && model.tables[n.cell.table]?.unit === '万元';
    if (n.unit === '万元' || inWanTable) wanValues.add(valueKey(n.text));
  }
  for (const n of candidates) {
    if (!wanValues.has(valueKey(n.value.div(10000).toFixed()))) continue;
    const sentence = containing(model.sentences, (x) => x.span, n.span.start);
    const others = (sentence?.numbers ?? []).map((id) => model.numbers[id]).filter((m) => m !== n && m.unit === '万元' && !m.zero);
    if (others.length > 0 && others.every((m) => n.value.abs().gt(m.value.abs().times(100)))) n.readAs = '元';
  }
}

/**
 * `总计31.76万元，比上年减少18,473.13万元` beside `31.76亿元` elsewhere: a 万元 figure not a hundredth of a 万元 sibling of its
 * sentence, whose digits (four or more) stand in 亿元 elsewhere, is that 亿元 figure mistyped.
 */
function resolveYiSlips(model: DocumentModel): void {
  const yiTexts = new Set<string>();
  for (const n of model.numbers) if (n.unit === '亿元' && !n.zero && !n.cell && !n.readAs) yiTexts.add(n.text);
  for (const s of model.sentences) {
    // (Most sentences hold no 万元 figure with a far larger one after it: a total comes before its smaller parts.)
    let largestAfter: NumberToken | undefined;
    let nums: NumberToken[] | undefined;
    for (let i = s.numbers.length - 1; i >= 0; i--) {
      const n = model.numbers[s.numbers[i]];
      if (n.unit !== '万元' || n.zero) continue;
      const partsAfter = largestAfter !== undefined && absGreater(largestAfter, n, 10);
      if (!largestAfter || absGreater(n, largestAfter, 1)) largestAfter = n;
      if (n.cell || n.readAs) continue;
      const sameDigits = yiTexts.has(n.text) && n.text.replace(/\D/g, '').length >= 4;
      if (!sameDigits && !partsAfter) continue;
      nums ??= s.numbers.map((id) => model.numbers[id]);
      if (sameDigits && nums.some((m) => m !== n && m.unit === '万元' && absGreater(m, n, 100))) n.readAs = '亿元';
      else if (partsAfter && sumInYi(n, nums, i + 1)) n.readAs = '亿元';
    }
  }
}

/**
 * |a| > |b| × factor, in exact fixed point when both fit (every 万元 figure of every sentence is compared
 * here: building their Decimals was most of this pass), else with the Decimals.
 */
function absGreater(a: NumberToken, b: NumberToken, factor: number): boolean {
  const fa = fixedOf(a.text, a.decimals);
  const fb = fixedOf(b.text, b.decimals);
  if (fa !== undefined && fb !== undefined) {
    const scaled = Math.abs(fb) * factor;
    if (Number.isSafeInteger(scaled)) return Math.abs(fa) > scaled;
  }
  return a.value.abs().gt(b.value.abs().times(factor));
}

/** No breakdown runs to a hundred parts: a sentence of thousands of figures is not walked once per figure. */
const MAX_PARTS = 100;

/**
 * `本年支出合计33.07万元，其中：基本支出269,358.09万元…项目支出61,361.64万元…`: the 万元 figures after it (two or more in a
 * row) add up to its digits in 亿元, as written (330,719.73万元 = 33.07亿元), and to over a hundred times it in 万元.
 */
function sumInYi(n: NumberToken, numbers: NumberToken[], from: number): Decimal | undefined {
  if (n.decimals === 0 || n.value.isNegative()) return undefined;
  let sum = n.value.times(0);
  let count = 0;
  for (let k = from; k < numbers.length && k < from + MAX_PARTS; k++) {
    const m = numbers[k];
    // (Shares, counts and codes between the parts are passed over; an amount in another unit ends the run.)
    if (!isMoney(m.unit)) continue;
    if (m.unit !== '万元' || m.zero || m.value.isNegative()) break;
    sum = sum.plus(m.value);
    count++;
    if (count >= 2 && sum.gt(n.value.times(100)) && sum.div(10000).toDecimalPlaces(n.decimals, Decimal.ROUND_HALF_UP).eq(n.value)) return sum;
  }
  return undefined;
}

/** The sum of the 万元 figures after `n` in its sentence, when they add up to its digits in 亿元 (why it was read so). */
export function followingSumInYi(model: DocumentModel, n: NumberToken): Decimal | undefined {
  const s = model.sentences.find((x) => x.span.start <= n.span.start && n.span.start < x.span.end);
  if (!s) return undefined;
  const nums = s.numbers.map((id) => model.numbers[id]);
  return sumInYi(n, nums, nums.indexOf(n) + 1);
}

const RESTATEMENT_LEAD = /(?:[（(](?:约|约合|合|折合|即)?|[，,](?:即|约合|折合))\s*$/;

/** `占 76.23`, `占比为76.23`, `占一般公共预算财政拨款支出的76.23`: the words of a share right before a number. */
const SHARE_LEAD = /占(?:[^，,。；;：:0-9０-９%％]{0,30}?(?:的|比重|比例))?(?:比重|比例|比)?(?:为|是|达)?\s*$/;
/** `增加1193.20万元，增长13.95。`: a rate word right before a number. */
const RATE_LEAD = /(?:增长|下降|增幅|降幅|上升|降低)(?:率|幅度)?(?:为|了|达)?\s*$/;
/** `完成年初预算的`, `为全年预算的`: a completion rate's words. */
const COMPLETION_LEAD = /(?:完成|为)(?:年初|全年|调整后?)?预算(?:数)?的\s*$/;
/** What may follow a share with a missing % sign: a clause break or the end of the text. */
const CLAUSE_END = /^\s*(?:[，,。；;、）)]|$)/;

/**
 * A rate whose % sign was dropped: a bare number right before a clause break, after 占 in a paragraph that states its
 * other shares with % (at most 100, with decimals), after 增长/下降 in a clause right after a money change (`增加1193.20万元，
 * 增长13.95。`), or after 占…的 / 完成年初预算的 in the clause right after its amount (`支出决算为398.14万元，完成年初预算的
 * 75.26。`, `涉及资金57.78万元，占项目支出总额的100。`). Read as a percentage (unit-mismatch reports the missing sign); a
 * bare number anywhere else stays unitless.
 */
export function resolveMissingPercents(model: DocumentModel): void {
  const withShares = new Set<number>();
  // The words of the shares stated with % (`占支出总计的`, `占比`): the same words before a bare number elsewhere (a 类 of
  // a list whose 类 each have a paragraph of their own) name a share too.
  const shareWords = new Set<string>();
  const candidates: Array<{ token: NumberToken; paragraph: number; previous?: NumberToken }> = [];
  for (const s of model.sentences) {
    let previous: NumberToken | undefined;
    for (const id of s.numbers) {
      const n = model.numbers[id];
      if (n.cell) continue;
      if (n.unit === '%') {
        const words = shareWordsOf(leadBefore(model.text, n.span.start));
        if (words !== undefined) {
          withShares.add(s.paragraph);
          if (words.length >= 2) shareWords.add(words);
        }
      } else if (n.unit === 'none' && !n.formatIssue && !n.text.startsWith('-')) candidates.push({ token: n, paragraph: s.paragraph, previous });
      previous = n;
    }
  }
  for (const { token, paragraph, previous } of candidates) {
    if (!CLAUSE_END.test(model.text.slice(token.span.end, token.span.end + 4))) continue;
    const lead = leadBefore(model.text, token.span.start);
    const words = shareWordsOf(lead);
    // (A whole number only where the words leave nothing else to read: a share or completion right after its amount.)
    const afterAmount = previous !== undefined && isMoney(previous.unit) && justAfter(model.text, previous, token);
    const share = words !== undefined && token.value.lte(100) && ((token.decimals > 0 && (withShares.has(paragraph) || shareWords.has(words))) || afterAmount);
    const rate = token.decimals > 0 && RATE_LEAD.test(lead) && previous !== undefined && isMoney(previous.unit) && afterMoneyChange(model.text, previous, token);
    // `支出决算为398.14万元，完成年初预算的75.26。`: a completion rate right after the actual.
    const completion = COMPLETION_LEAD.test(lead) && token.value.lte(1000) && afterAmount;
    if (!share && !rate && !completion) continue;
    token.unit = '%';
    token.missingPercent = true;
  }
}

/** Only a comma and the rate's own words between an amount and a bare number (`57.78万元，占项目支出总额的100`). */
function justAfter(text: string, money: NumberToken, rate: NumberToken): boolean {
  return /^\s*[，,][^，,。；;\d]{0,30}$/.test(text.slice(money.unitSpan?.end ?? money.span.end, rate.span.start));
}

/** `增加1193.20万元，增长13.95`: the money number before is a change, and only a comma separates the two clauses. */
function afterMoneyChange(text: string, money: NumberToken, rate: NumberToken): boolean {
  const between = text.slice(money.unitSpan?.end ?? money.span.end, rate.span.start);
  const before = text.slice(Math.max(0, money.span.start - 8), money.span.start);
  return /^\s*[，,]/.test(between) && /增加|减少|增长|下降|增支|减支|上升|降低/.test(before);
}

/** The words before `offset` back to the previous clause break, comma included (at most 40 characters). */
const leadBefore = (text: string, offset: number) => clauseBefore(text, offset, 40, '，,；;。');

/** The words of a share right before its number (`占支出总计的`, spaces dropped), if the lead ends so. */
function shareWordsOf(lead: string): string | undefined {
  return SHARE_LEAD.exec(lead)?.[0].replace(/\s/g, '');
}

/**
 * `人员经费、公用经费分别为5074.26、1622.90万元`, `分别增长12.5、13.6%`: numbers joined by 、 / 和 share the unit
 * written once after the last of them.
 */
export function resolveSharedUnits(model: DocumentModel): void {
  const run: NumberToken[] = [];
  for (const s of model.sentences) {
    run.length = 0;
    for (const id of s.numbers) {
      const n = model.numbers[id];
      if (n.cell) continue;
      const joined = run.length > 0 && (joinedByWord(model.text, run[run.length - 1].span.end, n.span.start) || joinedByComma(model.text, run[run.length - 1], n));
      if (!joined) run.length = 0;
      if (n.unit === 'none' && !n.formatIssue) {
        run.push(n);
        continue;
      }
      if (run.length > 0 && joined && (isMoney(n.unit) || n.unit === '%')) {
        for (const t of run) {
          t.unit = n.unit;
          t.unitText = n.unitText;
        }
      }
      run.length = 0;
    }
  }
}

/** `收、支总计各是4125.49,4143.91万元`: two decimals right beside a comma (a pair, not a grouped number). */
function joinedByComma(text: string, before: NumberToken, n: NumberToken): boolean {
  return before.decimals !== 0 && onlyComma(text, before, n);
}

/** Only a comma stands between two numbers (`4125.49,4143.91万元`). */
export function onlyComma(text: string, before: NumberToken, after: NumberToken): boolean {
  const from = before.unitSpan?.end ?? before.span.end;
  return after.span.start === from + 1 && (text.charCodeAt(from) === 0x2c || text.charCodeAt(from) === 0xff0c);
}

/**
 * `text` from `from` to `to` is one of 、和及与 with white space around it (`/^\s*(?:、|和|及|与)\s*$/`, without a slice per
 * pair), or 、 and a direction word.
 */
function joinedByWord(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isWhiteSpace(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  if (c !== 0x3001 && c !== 0x548c && c !== 0x53ca && c !== 0x4e0e) return false;
  i++;
  while (i < to && isWhiteSpace(text.charCodeAt(i))) i++;
  // (`分别减少0.34、减少5.31万元`: each change of a run may say its own direction.)
  return i === to || (c === 0x3001 && to - i <= 3 && DIRECTION_WORD.test(text.slice(i, to)));
}
const DIRECTION_WORD = /^(?:增加|减少|增长|下降|上升|降低)了?$/;

/** Rates per one have no more than this magnitude (1000%): a column of larger figures is no column of fractions. */
const MAX_FRACTION = 10;

/**
 * A rate column pasted from a spreadsheet without its percent format (`完成率` over `1.028950`, `0.950000`; `占比` over
 * `1.0000`, `0.3052`): every figure at most 10 and, unless zero, written to three decimals or more, its header saying no %.
 * Such figures are read per one (ofOne), not as percentages of 1.03%.
 */
export function resolveFractionRates(model: DocumentModel): void {
  for (const table of model.tables) {
    for (const column of table.columns) {
      if (column.role !== 'rate' || /[%％]|百分/.test(column.headerPath.join('/'))) continue;
      const cells: NumberToken[] = [];
      let fraction = true;
      for (const row of table.rows) {
        if (row.kind !== 'data' && row.kind !== 'total') continue;
        const id = row.cells[column.index]?.number;
        if (id === undefined) continue;
        const n = model.numbers[id];
        if (n.unit !== 'none' || n.value.abs().gt(MAX_FRACTION) || (!n.zero && n.decimals < 3)) {
          fraction = false;
          break;
        }
        cells.push(n);
      }
      if (fraction && cells.length >= 2 && cells.some((n) => !n.zero)) for (const n of cells) n.ofOne = true;
    }
  }
}
