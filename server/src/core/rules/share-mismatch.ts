import Decimal from 'decimal.js';
import { largestRemainder } from '../arith/apportion';
import { checkSum, inUnitOf, isMoney, lastDigitPlace, show, written } from '../arith/interval';
import type { Approximation, Claim, ShareClaim, ShareGroupClaim, SumClaim } from '../types';
import { inputStatedOtherwise, ratioExplanation, relatedOperands } from './explain';
import { checkClaimRatio, finerReading, ratioInputs } from './ratios';
import { l, type Rule, type RuleContext } from './rule';
import { LintMemo } from '../lint-memo';

/**
 * 占X% that the part and base contradict (rounding.md §3): outside the interval the rounded
 * inputs allow → error; only the point value differs → warning. A list rounded by largest
 * remainder to add up to 100% (尾差调整, §5) is accepted; percent-total notes it.
 */
export const shareMismatch: Rule = {
  meta: {
    id: 'share-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('占比与分子/分母计算结果不符', 'A stated share differs from part / base'),
    fixable: true,
    messages: {
      mismatch: l('占比不符：{part} / {base} = {computed}%，文中为 {stated}%', 'Share mismatch: {part} / {base} = {computed}%, the text says {stated}%'),
      zeroBase: l('{base}为 0，占比不存在', '{base} is 0, no share exists'),
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) {
      if (claim.kind !== 'share') continue;
      checkShare(ctx, claim);
    }
  },
};

const APPROXIMATE_WORDS: Record<Approximation, [string, string]> = { about: ['约', 'about '], near: ['近', 'nearly '], over: ['超过', 'over '], under: ['不足', 'under '] };

/**
 * `基本支出占本年支出的比重超过80%`, `约占45%`, `70%以上`: a share stated approximately or as a bound. The ratio's interval from
 * part and base must meet what the words allow: 约 the figure to its last digit, a whole percentage to fives (`约80%` 75–85%, `约45%` 42.5–47.5%), 近 up to it from a digit or
 * a tenth below, 超过 / 以上 above it, 不足 / 以下 below it. An error when it misses by more than one unit of the stated figure.
 */
function checkApproximateShare(ctx: RuleContext, claim: ShareClaim, how: Approximation): void {
  const { part, base, stated } = claim;
  if (!base.value.isPositive() || part.value.isNegative()) return;
  const low = Decimal.max(0, part.value.minus(part.halfUlp)).times(100).div(base.value.plus(base.halfUlp));
  const high = base.value.gt(base.halfUlp) ? part.value.plus(part.halfUlp).times(100).div(base.value.minus(base.halfUlp)) : new Decimal(Infinity);
  const x = stated.value;
  const digit = lastDigitPlace(stated.text ?? x.toString());
  // (A whole percentage said to be about is rounded to fives as often as to ones: `固定资产约占资产总额的45%` for 47.26%.)
  const about = stated.decimals ? digit.div(2) : Decimal.max(digit.div(2), 2.5);
  const from = how === 'about' ? x.minus(about) : how === 'near' ? x.minus(Decimal.max(Decimal.min(digit, 1), x.times(0.1))) : how === 'over' ? x : new Decimal(-Infinity);
  const to = how === 'about' ? x.plus(about) : how === 'under' ? x : how === 'near' ? x : new Decimal(Infinity);
  const miss = Decimal.max(from.minus(high), low.minus(to));
  const point = part.value.times(100).div(base.value);
  const [zh, en] = APPROXIMATE_WORDS[how];
  // (`八成` is shown as written, with its percentage.)
  const token = stated.token === undefined ? undefined : ctx.model.numbers[stated.token];
  const asWritten = token?.unitText === '成' || token?.unitText === '半' ? `${token.raw}${token.unitText === '成' ? '成' : ''}（${written(stated)}）` : written(stated);
  const words = { zh: `${zh}${asWritten}`, en: `${en}${asWritten}` };
  // (A percentage restated in words is compared as it stands: `29.89%`, not `29.89% / 100`.)
  const computation = claim.identity === 'prose.share-in-words' ? written(part) : `${written(part, [base])} / ${written(base, [part])} = ${show(point, 2)}%`;
  const allowed = how === 'over' ? `≥ ${written(stated)}` : how === 'under' ? `≤ ${written(stated)}` : `${show(from, 2)}% – ${show(to, 2)}%`;
  const explain = l(`${computation}；“${words.zh}”容许 ${allowed}${miss.isPositive() ? '，不在其内' : ' ✓'}`, `${computation}; "${words.en}" allows ${allowed}${miss.isPositive() ? ', outside it' : ' ✓'}`);
  if (!miss.isPositive()) {
    ctx.verdict(claim.id, 'ok', explain);
    return;
  }
  const severity = miss.gt(Decimal.min(digit, 1)) ? 'error' : 'warning';
  ctx.verdict(claim.id, severity, explain);
  ctx.report({
    messageId: 'mismatch',
    message: l(`占比不符：${part.label} ${computation}，文中为“${words.zh}”`, `Share mismatch: ${part.label} ${computation}, the text says "${words.en}"`),
    explanation: explain,
    span: stated.span ?? claim.span,
    severity,
    related: relatedOperands(part, base),
    claim: claim.id,
  });
}

function checkShare(ctx: RuleContext, claim: ShareClaim): void {
  if (claim.approx) {
    checkApproximateShare(ctx, claim, claim.approx);
    return;
  }
  const inputs = ratioInputs(claim)!;
  const check = checkClaimRatio(inputs);
  // (`约2.43亿元，占本年支出的比重100.0%`: a share of an approximation is reachable from it, its point value means nothing.)
  // (Nor one of a figure restated in a coarser unit: `授予中小企业合同金额2.74亿元，占政府采购支出总额的72.3%` of a total in 万元 was
  // worked out from the 万元 figure; 2.74亿元 keeps three digits and cannot reproduce a rate to 0.1%.)
  const [partToken, baseToken] = [claim.part, claim.base].map((o) => (o.token === undefined ? undefined : ctx.model.numbers[o.token]));
  const approximate =
    check.status === 'warning' &&
    (partToken?.approximate ||
      baseToken?.approximate ||
      (partToken !== undefined &&
        baseToken !== undefined &&
        isMoney(partToken.unit) &&
        isMoney(baseToken.unit) &&
        (partToken.readAs ?? partToken.unit) !== (baseToken.readAs ?? baseToken.unit)));
  if (check.status === 'ok' || check.status === 'truncated' || check.status === 'zero-base-template' || approximate) {
    ctx.verdict(claim.id, check.status === 'ok' ? 'ok' : 'info', () => {
      const e = ratioExplanation(inputs, check);
      return l(e.zh, e.en);
    });
    return;
  }
  const explanation = ratioExplanation(inputs, check);
  const exp = l(explanation.zh, explanation.en);
  const related = relatedOperands(claim.part, claim.base);
  const stated = `${written(claim.stated)}`;
  if (check.status === 'zero-base') {
    ctx.verdict(claim.id, 'error', exp);
    ctx.report({
      messageId: 'zeroBase',
      message: l(`${claim.base.label}为 0，不存在占比 ${stated}`, `${claim.base.label} is 0, so there is no share ${stated}`),
      explanation: exp,
      span: claim.stated.span ?? claim.span,
      related,
      claim: claim.id,
    });
    return;
  }
  if (isTailAdjusted(ctx.claims, claim, ctx.model.text)) {
    // 尾差调整 (rounding.md §5): accepted here; percent-total notes the adjustment.
    ctx.verdict(claim.id, 'info', l(`${explanation.zh}；该组占比按最大余数法调整尾差，使合计为 100%`, `${explanation.en}; the list was rounded by largest remainder to add up to 100%`));
    return;
  }
  const sum = disputedTotal(ctx.claims, claim);
  if (sum) {
    // The shares agree with the parts' sum, which sum-mismatch finds the total contradicts: the total is the slip, and
    // recomputing the shares from it would break right figures (no fix).
    const note = l(`${explanation.zh}；按各分项之和 ${sum} 计算则与文中相符，合计本身与分项不符（见 sum-mismatch）`, `${explanation.en}; with the parts' sum ${sum} it matches the text: the total itself contradicts its parts (see sum-mismatch)`);
    ctx.verdict(claim.id, 'info', note);
    ctx.report({
      messageId: 'mismatch',
      message: l(`占比与${claim.base.label}不符，而与各分项之和 ${sum} 相符：${claim.base.label}可能有误`, `The share disagrees with ${claim.base.label} but agrees with the parts' sum ${sum}: ${claim.base.label} is probably wrong`),
      explanation: note,
      span: claim.stated.span ?? claim.span,
      severity: 'info',
      related,
      claim: claim.id,
    });
    return;
  }
  const severity = check.status === 'error' ? 'error' : 'warning';
  // The share with a table's finer statements of its part or base: when only the point value differs, it may settle the
  // share; else the message and the fix use it (31.76亿元 / 33.07亿元 gives 96.04%, the tables' 万元 figures 96.03%).
  const { settled, shown } = finerReading(ctx.claims, inputs, check);
  if (settled) {
    ctx.verdict(claim.id, settled.check.status === 'ok' ? 'ok' : 'info', () => {
      const e = ratioExplanation(settled.inputs, settled.check);
      return l(`${e.zh}（按表中更精确的数）`, `${e.en} (with the tables' finer figures)`);
    });
    return;
  }
  const right = shown.check.rounded;
  // (A part or base the report states otherwise twice elsewhere, with which the share holds, is the slip, and its own finding
  // names it: the share is right, an info beside it, not an error on every share of one mistyped base.)
  const otherInput = inputStatedOtherwise(ctx, claim, inputs, l('占比', 'share'));
  const input = otherInput?.fix;
  const shownSeverity = otherInput?.outvoted ? 'info' : severity;
  ctx.verdict(claim.id, shownSeverity, exp);
  const part = written(shown.inputs.numerator);
  const base = written(shown.inputs.denominator);
  const multiple = inputs.symbol === '倍';
  ctx.report({
    messageId: 'mismatch',
    message: multiple
      ? l(`倍数不符：${claim.part.label} ${part} / ${claim.base.label} ${base} = ${right}倍，文中为 ${stated}`, `Multiple mismatch: ${claim.part.label} ${part} / ${claim.base.label} ${base} = ${right} times, the text says ${stated}`)
      : l(`占比不符：${claim.part.label} ${part} / ${claim.base.label} ${base} = ${right}${inputs.symbol}，文中为 ${stated}`, `Share mismatch: ${claim.part.label} ${part} / ${claim.base.label} ${base} = ${right}${inputs.symbol}, the text says ${stated}`),
    explanation: exp,
    span: claim.stated.span ?? claim.span,
    severity: shownSeverity,
    related,
    // (A part above its whole, `148.79%`, says a figure is wrong, not the percentage: no recomputed share is offered. Nor when
    // the report states the part or base otherwise and the share holds with that: the figure is the slip, its fix is offered.)
    fixes: [
      ...(input ? [input] : []),
      ...(claim.stated.span && !(inputs.symbol !== '倍' && check.point?.gt(inputs.symbol === '%' ? 100 : 1)) && !input
        ? [{ title: l(`重新计算百分比：改为 ${right}${inputs.symbol}`, `Recompute percentage: ${right}${inputs.symbol}`), edits: [{ span: claim.stated.span, newText: right! }], safe: false, preferred: !input, kind: 'recompute-share' }]
        : []),
    ],
    claim: claim.id,
  });
}

const listsByTotal = new LintMemo<readonly Claim[], Map<number, SumClaim>>();
/** The first exhaustive 其中 list of each total token: indexed once per lint (every wrong share asks). */
function exhaustiveListsByTotal(claims: readonly Claim[]): Map<number, SumClaim> {
  return listsByTotal.of(claims, () => {
    const byTotal = new Map<number, SumClaim>();
    for (const c of claims) {
      if (c.kind === 'sum' && c.exhaustive && c.total.token !== undefined && !byTotal.has(c.total.token)) byTotal.set(c.total.token, c);
    }
    return byTotal;
  });
}

/**
 * The sum of the parts, written as the total is, when the share's base is a 其中 list's total its parts contradict and the
 * stated share is the part over that sum (rounded as stated); else undefined.
 */
function disputedTotal(claims: readonly Claim[], claim: ShareClaim): string | undefined {
  const base = claim.base.token;
  if (base === undefined) return undefined;
  // (The share may be of a part of that list or of another figure beside it: `授予中小企业…占政府采购支出总额的71.11%`.)
  const list = exhaustiveListsByTotal(claims).get(base);
  if (!list) return undefined;
  const sum = list.parts.reduce((a, p) => a.plus(p.value), new Decimal(0));
  // (A total its parts bear out within rounding, `32.70亿元` beside parts to the 万元, is no disputed total.)
  if (sum.isZero() || checkSum(list.total, list.parts, list.signs).ok) return undefined;
  const decimals = claim.stated.decimals ?? 0;
  const share = claim.part.value.div(sum).times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return share.eq(claim.stated.value) ? inUnitOf(sum, list.total) : undefined;
}

const tailAdjusted = new LintMemo<ShareGroupClaim, boolean>();

/** The share's group is exactly the largest-remainder rounding of its exact shares, summing to 100. */
export function isTailAdjusted(claims: readonly Claim[], claim: ShareClaim, text = ''): boolean {
  if (claim.group === undefined) return false;
  const group = claims[claim.group] as ShareGroupClaim;
  // Once per group: every share of the group asks.
  let adjusted = tailAdjusted.get(group);
  if (adjusted === undefined) {
    adjusted = groupIsTailAdjusted(claims, group, DECLARED_ADJUSTMENT.test(text.slice(group.span.start, group.span.end + DECLARATION_REACH)));
    tailAdjusted.set(group, adjusted);
  }
  return adjusted;
}

/** `（尾数已作调整）`, `因四舍五入存在尾差`: the report says it adjusted a share so the list adds up to 100%. */
const DECLARED_ADJUSTMENT = /尾数|尾差/;
/** How far after the group's last share the declaration may stand. */
const DECLARATION_REACH = 40;

/**
 * The group adds up to 100% by largest remainder (rounding.md §5); or, where the report declares its adjustment, by moving one
 * unit of the last place on any of its shares.
 */
function groupIsTailAdjusted(claims: readonly Claim[], group: ShareGroupClaim, declared: boolean): boolean {
  const shares = group.shares.map((id) => claims[id] as ShareClaim);
  const decimals = shares[0].stated.decimals ?? 0;
  const base = shares[0].base.value;
  if (shares.some((s) => (s.stated.decimals ?? 0) !== decimals || !s.base.value.eq(base) || s.base.value.isZero())) return false;
  const stated = shares.map((s) => s.stated.value);
  if (!stated.reduce((a, b) => a.plus(b), new Decimal(0)).eq(100)) return false;
  const exact = shares.map((s) => s.part.value.div(s.base.value).times(100));
  const apportioned = largestRemainder(exact, decimals);
  if (apportioned.every((v, i) => v.eq(stated[i]))) return true;
  const unit = new Decimal(10).pow(-decimals);
  return declared && exact.every((v, i) => v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).minus(stated[i]).abs().lte(unit));
}
