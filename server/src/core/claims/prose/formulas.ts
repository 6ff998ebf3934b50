// Computations the prose writes out with their operands (绩效 indicators, per-visit costs): `预算执行率=1125.00÷1156.00×100%=97.32%`,
// `“三公”经费变动率=（4.40－5.20）÷5.20×100%=-15.38%`, `门诊次均费用254.21元（门诊收入10483.27万元÷门急诊412,386人次）`. Each is read
// as the relation it computes (a share, a change, an average) and checked like one stated in words.
import { isMoney, operand } from '../../arith/interval';
import { asExact } from '../../arith/operand';
import { l } from '../../messages';
import type { AverageClaim, ChangeClaim, Claim, DocumentModel, NumberToken, ShareClaim } from '../../types';
import type { ClaimSink } from '../sink';

/** Words naming the operand after a sign (`÷门急诊`, `÷“三公”经费预算数`): they say what it is, not how it is computed. */
const NAME = '[\\u4e00-\\u9fff“”"（）()]{0,16}?';
const DIVIDED = new RegExp(`^[÷/]${NAME}$`);
const MINUS = new RegExp(`^[−－-]${NAME}$`);
/** `）÷`: the difference in brackets divided. */
const CLOSED_DIVIDED = new RegExp(`^[)）][÷/]${NAME}$`);
const TIMES = /^[×*]$/;
const DIVISION_SIGN = /[÷/]/;
const EQUALS = /^[=＝]$/;
/** `254.21元（门诊收入…`: the computation in brackets after its result. */
const OPENED = new RegExp(`^[（(]${NAME}$`);
/** `=（4.40－5.20）÷5.20`, `（本年4.40－上年5.20）÷…`: a bracket opens before the first figure (and its name). */
const OPEN_BEFORE = /[（(][\u4e00-\u9fff“”"]{0,16}$/;
const CLOSE_AFTER = /^\s*[)）]/;

interface Computation {
  /** A − B over B when `minus` is set, else A over B. */
  a: NumberToken;
  b: NumberToken;
  minus: boolean;
  /** Written `×100%`: the result is a percentage. */
  hundred: boolean;
  result: NumberToken;
}

export function formulaClaims(model: DocumentModel, sink: ClaimSink): void {
  let read: Set<number> | undefined;
  for (const sentence of model.sentences) {
    const divides = DIVISION_SIGN.test(sentence.text);
    if (!divides && !PRODUCT_SIGNS.test(sentence.text)) continue;
    // (A result some other relation already reads, `预算执行率为97.32%` beside its amounts, is checked there.)
    read ??= new Set(sink.claims.flatMap(resultSpans));
    // (Plain figures too: `=1125.00÷1156.00×100%` names no unit.)
    const tokens = sentence.numbers.map((id) => model.numbers[id]);
    for (let i = 0; i < tokens.length; i++) {
      const product = productAt(model.text, tokens, i);
      if (product && !read.has(product.result.span.start)) {
        read.add(product.result.span.start);
        addProduct(product, sink);
        continue;
      }
      const found = divides ? computationAt(model.text, tokens, i) : undefined;
      if (!found || read.has(found.result.span.start)) continue;
      read.add(found.result.span.start);
      addClaim(found, sink);
    }
  }
}

/** A sentence writing a product out: a `×` and a `=` somewhere in it. */
const PRODUCT_SIGNS = /[×*][^。]*[=＝]/;
/** `×` before a figure, maybe with its name, after the noun the figure before counts: `个村×8.40万元`, `×每人每月1920元`. */
const TIMES_NAMED = new RegExp(`^[\\u4e00-\\u9fff]{0,3}[×*]${NAME}$`);
/** `×12个月`: months, the third factor. */
const MONTHS_AFTER = /^个?月/;

interface Product {
  count: NumberToken;
  standard: NumberToken;
  months?: NumberToken;
  result: NumberToken;
}

/** `9个村×8.40万元=75.60万元`, `10人×1920元×12个月=23.04万元` opening at token `i`: a count times money (times months) equal to money. */
function productAt(text: string, tokens: NumberToken[], i: number): Product | undefined {
  const [a, b] = [tokens[i], tokens[i + 1]];
  if (!a || !b || !TIMES_NAMED.test(between(text, a, b))) return undefined;
  const [count, standard] = a.unit === 'count' ? [a, b] : [b, a];
  if (count.unit !== 'count' || count.decimals !== 0 || !isMoney(standard.unit)) return undefined;
  let next = i + 2;
  const c = tokens[next];
  const months = c && c.unit === 'none' && c.decimals === 0 && TIMES_NAMED.test(between(text, b, c)) && MONTHS_AFTER.test(text.slice(end(c))) ? c : undefined;
  if (months) next++;
  const result = tokens[next];
  if (!result || !isMoney(result.unit) || !EQUALS.test(between(text, tokens[next - 1], result).replace(months ? MONTHS_AFTER : /^$/, ''))) return undefined;
  if ([count, standard, result, months].some((t) => t?.approximate)) return undefined;
  return { count, standard, months, result };
}

function addProduct(p: Product, sink: ClaimSink): void {
  const formula = `${p.count.raw} × ${p.standard.raw}${p.months ? ` × ${p.months.raw}` : ''}`;
  sink.add<AverageClaim>({
    kind: 'average',
    origin: 'prose',
    identity: 'prose.formula',
    description: l(`计算式：${formula}`, `the computation written: ${formula}`),
    span: p.result.span,
    amount: operand(p.result, '金额'),
    count: asExact(operand(p.count, '数量')),
    // (A standard is set, not rounded.)
    stated: asExact(operand(p.standard, '标准')),
    standard: { months: p.months ? p.months.value.toNumber() : 1 },
  });
}

function resultSpans(claim: Claim): number[] {
  switch (claim.kind) {
    case 'share':
    case 'average':
      return claim.stated.span ? [claim.stated.span.start] : [];
    case 'change':
    case 'completion':
      return claim.rate?.span ? [claim.rate.span.start] : [];
    default:
      return [];
  }
}

function end(t: NumberToken): number {
  return t.unitSpan?.end ?? t.span.end;
}

/** The text between two figures, without spaces. */
function between(text: string, a: NumberToken, b: NumberToken): string {
  return text.slice(end(a), b.span.start).replace(/\s+/g, '');
}

/** `A÷B[×100%]` or `（A−B）÷B[×100%]` opening at token `i`: its operands and the index after it. */
function quotientAt(text: string, tokens: NumberToken[], i: number): { a: NumberToken; b: NumberToken; minus: boolean; hundred: boolean; next: number } | undefined {
  const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!a || !b) return undefined;
  let next: number;
  let minus = false;
  if (DIVIDED.test(between(text, a, b))) next = i + 2;
  else if (c && MINUS.test(between(text, a, b)) && CLOSED_DIVIDED.test(between(text, b, c)) && OPEN_BEFORE.test(text.slice(Math.max(0, a.span.start - 20), a.span.start).replace(/\s+/g, ''))) {
    // (The divisor is the figure subtracted, written again: last year's.)
    if (!c.value.eq(b.value)) return undefined;
    minus = true;
    next = i + 3;
  } else return undefined;
  const h = tokens[next];
  const hundred = h !== undefined && h.unit === '%' && h.value.eq(100) && TIMES.test(between(text, tokens[next - 1], h));
  return { a, b, minus, hundred, next: hundred ? next + 1 : next };
}

function computationAt(text: string, tokens: NumberToken[], i: number): Computation | undefined {
  const q = quotientAt(text, tokens, i);
  if (q) {
    const result = tokens[q.next];
    if (result && EQUALS.test(between(text, tokens[q.next - 1], result))) return valid({ ...q, result });
  }
  // `254.21元（门诊收入10483.27万元÷门急诊412,386人次）`.
  const result = tokens[i];
  const first = tokens[i + 1];
  if (!result || !first || !OPENED.test(between(text, result, first))) return undefined;
  const inner = quotientAt(text, tokens, i + 1);
  if (!inner || !CLOSE_AFTER.test(text.slice(end(tokens[inner.next - 1])))) return undefined;
  return valid({ ...inner, result });
}

/** A computation whose figures are of kinds that divide as written. */
function valid(c: Computation): Computation | undefined {
  const { a, b, result } = c;
  if ([a, b, result].some((t) => t.approximate || t.unit === 'year')) return undefined;
  if (result.unit === '%') return a.unit === b.unit || (isMoney(a.unit) && isMoney(b.unit)) ? c : undefined;
  if (c.minus || c.hundred) return undefined;
  // (An average: money over a count, `10483.27万元÷412,386人次 = 254.21元`, or scores over their number, `743.00÷8=92.88分`.)
  const money = isMoney(a.unit) && b.unit === 'count' && isMoney(result.unit);
  const plain = (a.unit === 'none' || a.unit === 'score') && (b.unit === 'none' || b.unit === 'count') && (result.unit === 'none' || result.unit === 'score');
  return money || plain ? c : undefined;
}

function addClaim(c: Computation, sink: ClaimSink): void {
  const { a, b, result } = c;
  const formula = c.minus ? `（${a.raw} − ${b.raw}）÷ ${b.raw}` : `${a.raw} ÷ ${b.raw}`;
  const description = l(`计算式：${formula}${c.hundred ? ' × 100%' : ''}`, `the computation written: ${formula}${c.hundred ? ' × 100%' : ''}`);
  if (result.unit !== '%') {
    sink.add<AverageClaim>({
      kind: 'average',
      origin: 'prose',
      identity: 'prose.formula',
      description,
      span: result.span,
      amount: operand(a, '被除数'),
      count: asExact(operand(b, '除数')),
      stated: operand(result, '平均数'),
    });
  } else if (c.minus) {
    const rate = result.value;
    sink.add<ChangeClaim>({
      kind: 'change',
      origin: 'prose',
      identity: 'prose.formula',
      description,
      span: result.span,
      direction: rate.isZero() ? 'flat' : rate.isNegative() ? 'down' : 'up',
      directionSpan: result.span,
      current: operand(a, '本期数'),
      prior: operand(b, '基期数'),
      rate: operand(result, '变动率'),
    });
  } else {
    sink.add<ShareClaim>({
      kind: 'share',
      origin: 'prose',
      identity: 'prose.formula',
      description,
      span: result.span,
      part: operand(a, '分子'),
      base: operand(b, '分母'),
      stated: operand(result, '比率'),
    });
  }
}
