// Shared wording of the arithmetic in explanations, so every rule shows numbers the same way.
import Decimal from 'decimal.js';
import { checkEqual, inUnitOf, MONEY_SCALE, show, sumOperand, written, type RatioCheck } from '../arith/interval';
import { magnitude } from '../arith/operand';
import type { Claim, Localized, Operand, Span } from '../types';
import type { FixDraft, RuleContext } from './rule';
import { checkClaimRatio, finerReading, ratioInputs, writtenRounded, type RatioInputs } from './ratios';
import { outvotedFigure, restatedFigureFix } from './elsewhere';

/** `208.88 + 456.50` (up to eight terms), else `Σ 12 项`. */
export function sumExpression(parts: Operand[], signs?: number[]): { zh: string; en: string } {
  if (parts.length > 8) return { zh: `${parts.length} 项之和`, en: `the sum of ${parts.length} items` };
  const text = parts
    .map((p, i) => `${i === 0 ? ((signs?.[i] ?? 1) < 0 ? '−' : '') : (signs?.[i] ?? 1) < 0 ? ' − ' : ' + '}${written(p)}`)
    .join('');
  return { zh: text, en: text };
}

/** A difference or tolerance to 4 decimals without trailing zeros (`0.01`, `2`). */
function shortDecimal(value: Decimal): string {
  return show(value, 4).replace(/0+$/, '').replace(/\.$/, '');
}

/** diffText for one figure stated twice (checkRestated): intervals that only touch still conflict. */
export function restatedDiffText(diff: Decimal, tolerance: Decimal, operands: Operand[] = []): { zh: string; en: string } {
  if (!diff.isZero() && diff.abs().eq(tolerance)) {
    const unit = displayUnit(operands);
    const d = shortDecimal(diff.abs().div(unit.scale)) + unit.name;
    return {
      zh: `差 ${d}；同一数据四舍五入到同一位只能得到同一个数，除非其中一处是由已舍入的数相加得来（尾差）`,
      en: `difference ${d}; one figure rounded to the same digit cannot give two values, unless one of them was added up from rounded figures (a rounding residue)`,
    };
  }
  return diffText(diff, tolerance, operands);
}

/**
 * `差 100，舍入容差 ±0.015`. Differences are computed in 万元: when an operand is written in 元 or 亿元, the
 * figures say so (`差 60023.39万元，舍入容差 ±50.005万元`), or they would read in the wrong unit.
 */
export function diffText(diff: Decimal, tolerance: Decimal, operands: Operand[] = []): { zh: string; en: string } {
  const unit = displayUnit(operands);
  const d = shortDecimal(diff.abs().div(unit.scale)) + unit.name;
  const t = shortDecimal(tolerance.div(unit.scale)) + unit.name;
  return { zh: `差 ${d}，舍入容差 ±${t}`, en: `difference ${d}, rounding tolerance ±${t}` };
}

/**
 * The unit a difference is shown in (checks compute in 万元): the operands' own when they share 元 or 亿元
 * (`差 297元`), 万元 named when they mix units, nothing when all are in 万元 (or are rates).
 */
function displayUnit(operands: Operand[]): { name: string; scale: Decimal } {
  const units = new Set(operands.map((o) => (o.unit === '元' || o.unit === '亿元' ? o.unit : o.unit === undefined ? '万元' : 'other')));
  for (const own of ['元', '亿元'] as const) if (units.size === 1 && units.has(own)) return { name: own, scale: MONEY_SCALE[own] };
  return { name: units.has('元') || units.has('亿元') ? '万元' : '', scale: MONEY_SCALE['万元'] };
}

/** `208.88 / 665.38 = 31.3926% ≈ 31.39%`: the computation alone. */
export function ratioComputation(inputs: { numerator: Operand; denominator: Operand; symbol?: string }, check: RatioCheck): string {
  // (Rates are checked by size: `93.82 / 640.74` for `增减-93.82万元`.)
  const n = written(magnitude(inputs.numerator), [inputs.denominator]);
  const d = written(inputs.denominator, [inputs.numerator]);
  if (!check.point) return `${n} / ${d}`;
  const unit = inputs.symbol ?? '%';
  return `${n} / ${d} = ${showPoint(check.point, check.decimals)}${unit} ≈ ${check.rounded}${unit}`;
}

/** `208.88 / 665.38 = 31.3926% ≈ 31.39%，而文中为 32%` (with the reachable interval for a warning). */
export function ratioExplanation(
  inputs: RatioInputs,
  check: RatioCheck,
): { zh: string; en: string } {
  const n = written(inputs.numerator, [inputs.denominator]);
  const d = written(inputs.denominator, [inputs.numerator]);
  const unit = inputs.symbol ?? '%';
  const stated = `${inputs.stated.text ?? show(inputs.stated.value)}${unit}`;
  if (!check.point) return { zh: `${n} / ${d}：分母为 0，比率不存在，而文中为 ${stated}`, en: `${n} / ${d}: the base is 0, no ratio exists, yet the text says ${stated}` };
  const base = ratioComputation(inputs, check);
  if (check.status === 'ok') return { zh: `${base} ✓`, en: `${base} ✓` };
  if (check.status === 'truncated') return { zh: `${base}，文中 ${stated} 为截断（未四舍五入）`, en: `${base}; ${stated} in the text is truncated, not rounded` };
  const range = check.low && check.high && check.high.isFinite() ? `[${show(check.low, check.decimals + 2)}${unit}, ${show(check.high, check.decimals + 2)}${unit}]` : '';
  if (check.status === 'warning') {
    return {
      zh: `${base}，而文中为 ${stated}（按各数的舍入区间可达 ${range}，仅在舍入误差内成立）`,
      en: `${base}, but the text says ${stated} (reachable within the rounding intervals ${range} only)`,
    };
  }
  return {
    zh: `${base}，而文中为 ${stated}${range ? `（舍入区间 ${range} 内也不可能）` : ''}`,
    en: `${base}, but the text says ${stated}${range ? ` (impossible even within the rounding intervals ${range})` : ''}`,
  };
}

/** Related locations for the operands of a relation that stand in the text. */
export function relatedOperands(...operands: Array<Operand | undefined>): Array<{ span: Span; message: Localized }> {
  return operands
    .filter((o): o is Operand => !!o?.span)
    .map((o) => ({ span: o.span!, message: { 'zh-cn': `${o.label} ${written(o)}`, en: `${o.label} ${written(o)}` } }));
}

/**
 * The exact ratio with two more digits than stated, or more when fewer would round it across the
 * stated precision (97.9981 is shown as 97.998, not 98.00, next to a truncated 97).
 */
function showPoint(point: Decimal, decimals: number): string {
  const truncated = point.toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  for (let digits = decimals + 2; digits < decimals + 8; digits++) {
    const shown = point.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
    if (shown.toDecimalPlaces(decimals, Decimal.ROUND_DOWN).eq(truncated)) return shown.toFixed(digits);
  }
  return point.toFixed(decimals + 8);
}

/**
 * A stated rate that its inputs contradict (change and completion rates): the message names the
 * computation, the fix replaces the rate with the rounded value.
 */
export function reportRate(
  ctx: RuleContext,
  claim: Claim,
  inputs: RatioInputs,
  check: RatioCheck,
  what: Localized,
  explanation: Localized,
  related: Array<Operand | undefined>,
): void {
  const severity = check.status === 'error' ? 'error' : 'warning';
  // A rate a table states per row is computed by the accounting system from the unrounded figures: one the published figures
  // reach only within their rounding is what that gives (`-10.94` beside 7.48 and 8.40), not a likely slip.
  // (Nor is one from approximations, `约0.24亿元，比上年增长约15.8%`: their point values mean nothing.)
  if (severity === 'warning' && (claim.origin === 'table' || [inputs.stated, ...related].some((o) => o?.token !== undefined && ctx.model.numbers[o.token].approximate))) {
    ctx.verdict(claim.id, 'info', explanation);
    return;
  }
  // The rate with a table's finer statements of its inputs: when only the point value differs, it may settle the rate;
  // else the message and the fix use it (8394.69 / 65,472.88 = 12.83%, not 12.82% from the rounded prose figure).
  const { settled, shown } = finerReading(ctx.claims, inputs, check);
  if (settled) {
    const e = ratioExplanation(settled.inputs, settled.check);
    ctx.verdict(claim.id, settled.check.status === 'ok' ? 'ok' : 'info', { 'zh-cn': `${what['zh-cn']} = ${e.zh}（按表中更精确的数）`, en: `${what.en} = ${e.en} (with the tables' finer figures)` });
    return;
  }
  // (A figure the report states otherwise twice elsewhere, with which the rate holds, is the slip, and the figure's own finding
  // names it: `一般公共预算财政拨款支出55,213.89万元` against 58,213.89 elsewhere makes every 项's share of it fail, each share right.)
  const otherInput = inputStatedOtherwise(ctx, claim, inputs, what);
  const shownSeverity = otherInput?.outvoted ? 'info' : severity;
  ctx.verdict(claim.id, shownSeverity, explanation);
  const rate = inputs.stated;
  // Rates are checked by size; a rate written negative (`增长-3.32%`) keeps its sign in the fix.
  const right = writtenRounded(rate, shown.check);
  const unit = inputs.symbol ?? '%';
  const computation = `${written(magnitude(shown.inputs.numerator))} / ${written(shown.inputs.denominator)} = ${shown.check.rounded}${unit}`;
  const rateFix: FixDraft[] = rate.span ? [{ title: { 'zh-cn': `改为 ${right}${unit}`, en: `Change to ${right}${unit}` }, edits: [{ span: rate.span, newText: right! }], safe: false, preferred: true, kind: 'fix-rate' }] : [];
  const input = otherInput?.fix ?? deltaOfFigures(claim, inputs);
  ctx.report({
    messageId: 'rate',
    message: {
      'zh-cn': `${what['zh-cn']}不符：${computation}，文中为 ${written(rate)}`,
      en: `${what.en} mismatch: ${computation}, the text says ${written(rate)}`,
    },
    explanation,
    span: rate.span ?? claim.span,
    severity: shownSeverity,
    related: relatedOperands(...related),
    // (An input the report states otherwise, with which the rate holds, is the likelier slip: its fix comes first.)
    fixes: input ? [input, ...rateFix.map((f) => ({ ...f, preferred: false }))] : rateFix,
    claim: claim.id,
  });
}

/**
 * A change rate that holds for 本年 − 上年 but for no true value of the 增减额 stated beside it (ratios.ts): the 增减额,
 * within its rounding of 本年 − 上年 yet not exactly it, is the likelier slip. The fix writes 本年 − 上年 there.
 */
function deltaOfFigures(claim: Claim, inputs: RatioInputs): FixDraft | undefined {
  if (claim.kind !== 'change' || !claim.current || !claim.prior || !claim.delta?.span || inputs.numerator !== claim.delta) return undefined;
  const actual = claim.current.value.minus(claim.prior.value).abs();
  const text = inUnitOf(claim.delta.value.isNegative() ? actual.neg() : actual, claim.delta);
  if (text.replace(/,/g, '') === claim.delta.text) return undefined;
  return { title: { 'zh-cn': `增减额改为 ${text}`, en: `Change the change to ${text}` }, edits: [{ span: claim.delta.span, newText: text }], safe: false, preferred: true, kind: 'fix-total' };
}

/**
 * The fix that sets a figure of a rate's claim (a share's part or base, a completion's actual or budget, a change's current,
 * prior or change) to the value stated for it elsewhere, when the rate (and a change's 本年 − 上年) holds then; and whether
 * that figure is outvoted (elsewhere.ts outvotedFigure: the report states the other value twice), the rate then right.
 */
export function inputStatedOtherwise(ctx: RuleContext, claim: Claim, inputs: RatioInputs, what: Localized): { fix: FixDraft; outvoted: boolean } | undefined {
  const title = { 'zh-cn': what['zh-cn'], en: what.en.toLowerCase() };
  const restated = restatedInputs(claim, inputs);
  const fix = restated && restatedFigureFix(ctx.claims, restated.figures, restated.holds, title);
  return fix && { fix, outvoted: outvotedFigure(ctx.claims, restated!.figures, restated!.holds) };
}

/** The figures of a rate's claim that may be stated otherwise, and whether the rate holds with one replaced. */
function restatedInputs(claim: Claim, inputs: RatioInputs): { figures: Operand[]; holds: (i: number, other: Operand) => boolean } | undefined {
  if (claim.kind === 'change') {
    const keys = (['current', 'prior', 'delta'] as const).filter((k) => claim[k] !== undefined);
    const holds = (i: number, other: Operand) => {
      const changed = { ...claim, [keys[i]]: other };
      const again = ratioInputs(changed);
      if (!again || checkClaimRatio(again).status !== 'ok') return false;
      const { current, prior, delta } = changed;
      return !current || !prior || !delta || checkEqual(magnitude(sumOperand([current, prior], '', undefined, [1, -1])), magnitude(delta)).ok;
    };
    return { figures: keys.map((k) => claim[k]!), holds };
  }
  if (inputs.change || inputs.derived || inputs.derivedFrom) return undefined;
  const sides = ['numerator', 'denominator'] as const;
  const holds = (i: number, other: Operand) => checkClaimRatio({ ...inputs, [sides[i]]: other, check: undefined }).status === 'ok';
  return { figures: [inputs.numerator, inputs.denominator], holds };
}
