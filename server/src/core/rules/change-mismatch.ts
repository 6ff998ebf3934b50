import { checkEqual, compareBeyondRounding, inUnitOf, show, signBeyondRounding, sumOperand, written } from '../arith/interval';
import { magnitude, signOf, withChanges } from '../arith/operand';
import type { ChangeClaim, Operand, PointsClaim, ReasonClaim, Span } from '../types';
import Decimal from 'decimal.js';
import { diffText, ratioExplanation, relatedOperands, reportRate } from './explain';
import { changeBase, checkClaimRatio, ratioInputs } from './ratios';
import { l, type Rule, type RuleContext } from './rule';

/**
 * Year over year (prose.md §3): Δ = |C − P|, the direction word agrees with the sign of C − P,
 * r = Δ / P; 持平 means Δ = 0. Zero priors are the zero-base-rate rule's.
 */
export const changeMismatch: Rule = {
  meta: {
    id: 'change-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('同比增减额、增减率或增减方向与数据不符', 'A year-over-year change, rate or direction contradicts the figures'),
    fixable: true,
    messages: {
      rate: l('增减率不符：{delta} / {prior} = {computed}%，文中为 {stated}%', 'Change rate mismatch: {delta} / {prior} = {computed}%, the text says {stated}%'),
      compound: l('年均增长率不符：{prior} 到 {current} 的{years}年几何平均为 {computed}%，文中为 {stated}%', 'Average yearly rate mismatch: from {prior} to {current} over {years} years is {computed}%, the text says {stated}%'),
      delta: l('增减额不符：{larger} − {smaller} = {computed}，文中为 {stated}', 'Change mismatch: {larger} − {smaller} = {computed}, the text says {stated}'),
      direction: l('增减方向与数据相反', 'The direction word contradicts the figures'),
      flat: l('文中称“持平”，但数据有变化', 'The text says unchanged, but the figures differ'),
      points: l('百分点差不符', 'Percentage-point difference mismatch'),
      reason: l('原因中的增减方向与别处不符', 'A reason’s direction contradicts the report'),
      restated: l('同一数据的增减方向前后不一致', 'The same figure’s change is stated in opposite directions'),
      template: l('模板措辞“{pair}”未删改', 'Template wording "{pair}" left in place'),
      missingWord: l('增减额前缺少“{word}”', 'The change lacks its direction word "{word}"'),
      pointsUnit: l('增减率的单位应为“%”', 'The change rate\'s unit should be "%"'),
      percentForPoints: l('两个比重之差应以“个百分点”表示', 'A difference of two shares is in percentage points'),
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) {
      // (A soft change, one whose figures may be of another budget or scope, only warns.)
      if (claim.kind === 'change') checkChange(claim.soft ? softened(ctx) : ctx, claim);
      else if (claim.kind === 'points') checkPoints(ctx, claim);
      else if (claim.kind === 'reason') checkReason(ctx, claim);
    }
  },
};

/** The context with its errors reported as warnings. */
function softened(ctx: RuleContext): RuleContext {
  return {
    ...ctx,
    report: (draft) => ctx.report({ ...draft, severity: !draft.severity || draft.severity === 'error' ? 'warning' : draft.severity }),
    verdict: (claim, status, explanation) => ctx.verdict(claim, status === 'error' ? 'warning' : status, explanation),
  };
}

/** The stated rate of a change holds (rounded or cut short) with the figures it is given. */
function rateHolds(c: ChangeClaim): boolean {
  const inputs = ratioInputs(c);
  const status = inputs && checkClaimRatio(inputs).status;
  return status === 'ok' || status === 'truncated';
}

/**
 * `较2023年度决算数38.31万元，下降6.31%` beside this year's 568.5: read as last year's figure, 38.31 contradicts the rate and its
 * word; read as the change in the rate's direction (last year's 568.5 + 38.31), the rate holds. Then the direction word was
 * left out before the change: that is the finding (a warning, with the word as its fix), not the two errors of the first
 * reading. False when the first reading holds or the second does not.
 */
function missingDirectionWord(ctx: RuleContext, claim: ChangeClaim): boolean {
  const { current, prior, rate } = claim;
  if (!current || !prior?.span || !rate || claim.direction === 'flat') return false;
  const sign = compareBeyondRounding(current, prior);
  if (rateHolds(claim) && !(claim.direction === 'up' ? sign < 0 : sign > 0)) return false;
  const word = claim.direction === 'up' ? '增加' : '减少';
  const reread: ChangeClaim = { ...claim, prior: undefined, priorBeforeRate: undefined, delta: withChanges(prior, { label: `${word}额` }) };
  if (!rateHolds(reread)) return false;
  const inputs = ratioInputs(reread)!;
  const exp = ratioExplanation(inputs, checkClaimRatio(inputs));
  ctx.verdict(claim.id, 'warning', () => l(exp.zh, exp.en));
  ctx.report({
    messageId: 'missingWord',
    severity: 'warning',
    message: l(`增减额前缺少“${word}”：${written(prior)} 是增减额，不是上年数`, `The change lacks its direction word "${word}": ${written(prior)} is the change, not last year's figure`),
    explanation: l(`按上年数读，${written(current)} 与 ${written(prior)} 的增减与文中的增减率不符；按增减额读，${exp.zh}`, `Read as last year's figure, ${written(current)} against ${written(prior)} contradicts the stated rate; read as the change, ${exp.en}`),
    span: prior.span,
    related: relatedOperands(current, rate),
    fixes: [{ title: l(`在 ${written(prior)} 前补“${word}”`, `Insert "${word}" before ${written(prior)}`), edits: [{ span: { start: prior.span.start, end: prior.span.start }, newText: word }], safe: false, preferred: true, kind: 'fix-direction' }],
    claim: claim.id,
  });
  return true;
}

/**
 * The direction the figures give to a change worded with both of a template's words: C against P when both
 * are stated, else the one whose derived P makes the stated rate hold; the change is then checked in that
 * direction. A pair whose plain word the figures contradict is noted (info) with the word to keep as its fix.
 */
function withDecidedDirection(ctx: RuleContext, claim: ChangeClaim): ChangeClaim {
  const flipped: ChangeClaim = { ...claim, direction: claim.direction === 'up' ? 'down' : 'up' };
  let decided: 'up' | 'down' | undefined;
  if (claim.current && claim.prior) {
    const sign = compareBeyondRounding(claim.current, claim.prior);
    decided = sign > 0 ? 'up' : sign < 0 ? 'down' : undefined;
  } else if (claim.rate && !rateHolds(claim) && rateHolds(flipped)) decided = flipped.direction as 'up' | 'down';
  else if (claim.rate && rateHolds(claim) && !rateHolds(flipped)) decided = claim.direction as 'up' | 'down';
  // (`增加（减少）-3.63万元`: a negative figure says the direction with the plain word: nothing to note.)
  const signed = claim.delta?.value.isNegative() || claim.rate?.value.isNegative();
  for (const pair of signed ? [] : claim.undecided!) {
    const text = ctx.model.text.slice(pair.span.start, pair.span.end);
    const keep = decided === 'up' ? pair.up : decided === 'down' ? pair.down : undefined;
    // (Only where the word outside the brackets is the wrong one: `增加（减少）` over a decrease. A pair whose
    // plain word the figures bear out reads right, and many published reports keep it.)
    if (!keep || text.replace(/[（(][^）)]*[)）]/, '') === keep) continue;
    ctx.report({
      messageId: 'template',
      // (The plain word is what the sentence says (prose.md: read the word not bracketed), and the figures
      // contradict it; the pair left in place makes it likely a template not filled in: a warning.)
      severity: 'warning',
      message: l(`模板措辞“${text}”未删改`, `Template wording "${text}" left in place`),
      explanation: l(`按文中数据为“${keep}”，应删去另一词。`, `The figures give "${keep}"; the other word should go.`),
      span: pair.span,
      fixes: [{ title: l(`改为“${keep}”`, `Change to "${keep}"`), edits: [{ span: pair.span, newText: keep }], safe: false, preferred: true, kind: 'fix-direction' }],
      claim: claim.id,
    });
  }
  return decided === undefined || decided === claim.direction ? claim : flipped;
}

/**
 * A reason whose direction contradicts what the report states about that quantity: a note (info). The figure's own change
 * stated again in the other direction: an error.
 */
function checkReason(ctx: RuleContext, claim: ReasonClaim): void {
  const word = (d: string) => (d === 'up' ? '增加' : d === 'down' ? '减少' : '持平');
  const wordEn = (d: string) => (d === 'up' ? 'an increase' : d === 'down' ? 'a decrease' : 'no change');
  if (claim.restated) {
    const restated = l(
      `此处称“${claim.subject}”比上年${word(claim.direction)}，而报告另处称其${word(claim.stated.direction)}`,
      `here "${claim.subject}" shows ${wordEn(claim.direction)} on last year, elsewhere ${wordEn(claim.stated.direction)}`,
    );
    ctx.verdict(claim.id, 'error', restated);
    ctx.report({
      messageId: 'restated',
      message: l(`“${claim.subject}”的增减方向与别处不符：别处为${word(claim.stated.direction)}`, `"${claim.subject}" changes the other way elsewhere: ${wordEn(claim.stated.direction)}`),
      explanation: restated,
      span: claim.span,
      related: [{ span: claim.stated.span, message: l(`“${claim.subject}”的增减`, `the change of "${claim.subject}"`) }],
      claim: claim.id,
    });
    return;
  }
  const exp = l(
    `原因称“${claim.subject}”${word(claim.direction)}，而报告另处称其比上年${word(claim.stated.direction)}`,
    `the reason gives ${wordEn(claim.direction)} of "${claim.subject}", but the report states ${wordEn(claim.stated.direction)} elsewhere`,
  );
  ctx.verdict(claim.id, 'info', exp);
  ctx.report({
    messageId: 'reason',
    message: l(`原因与别处不符：“${claim.subject}”在别处为${word(claim.stated.direction)}`, `The reason contradicts the report: "${claim.subject}" shows ${wordEn(claim.stated.direction)} elsewhere`),
    explanation: exp,
    span: claim.span,
    severity: 'info',
    related: [{ span: claim.stated.span, message: l(`“${claim.subject}”的增减`, `the change of "${claim.subject}"`) }],
    claim: claim.id,
  });
}

/** 个百分点: |B − A| must equal the stated difference (a difference of rates, not a ratio). */
function checkPoints(ctx: RuleContext, claim: PointsClaim): void {
  const { a, b, stated } = claim;
  const difference = magnitude(sumOperand([a, b], '|B − A|', undefined, [1, -1]));
  if (claim.bound) {
    checkPointsBound(ctx, claim, difference);
    return;
  }
  const eq = checkEqual(stated, difference);
  const explain = () => {
    const d = diffText(eq.diff, eq.tolerance, [a, b, stated]);
    const expr = `|${written(a)} − ${written(b)}| = ${show(difference.value, Math.max(a.decimals ?? 2, b.decimals ?? 2))}个百分点`;
    return l(`${expr}${computedHow(claim)}${eq.ok ? ' ✓' : `，而文中为 ${written(stated)}（${d.zh}）`}`, `${expr}${computedHow(claim, true)}${eq.ok ? ' ✓' : `, but the text says ${written(stated)} (${d.en})`}`);
  };
  // (`较上年的44.14%降低2.65个百分点` while this year's is 46.79%: the size holds, the word does not.)
  const beyond = claim.direction ? compareBeyondRounding(a, b) : 0;
  if (eq.ok && (claim.direction === 'up' ? beyond < 0 : beyond > 0)) {
    // (`A占比低于B…个百分点`: two shares of one year, compared by the word between them.)
    const between = claim.identity === 'prose.points-between';
    const exp = between
      ? l(`${a.label} ${written(a)} ${beyond > 0 ? '高于' : '低于'} ${b.label} ${written(b)}，与文中所说相反`, `${a.label} ${written(a)} is ${beyond > 0 ? 'above' : 'below'} ${b.label} ${written(b)}, the opposite of what the text says`)
      : l(`${written(a)} − ${written(b)} = ${show(a.value.minus(b.value))}个百分点${computedHow(claim)}，是${claim.direction === 'up' ? '下降' : '提高'}，与文中的增减方向相反`, `${written(a)} − ${written(b)} = ${show(a.value.minus(b.value))} points${computedHow(claim, true)}: a ${claim.direction === 'up' ? 'fall' : 'rise'}, the text says the opposite`);
    ctx.verdict(claim.id, 'error', exp);
    const message = between
      ? l(`比较方向与数据相反：${a.label} ${written(a)}，${b.label} ${written(b)}`, `The comparison contradicts the figures: ${a.label} ${written(a)}, ${b.label} ${written(b)}`)
      : l(`增减方向与数据相反：本年 ${written(a)}，上年 ${written(b)}`, `The direction contradicts the figures: ${written(a)} this year, ${written(b)} last year`);
    ctx.report({ messageId: 'direction', message, explanation: exp, span: claim.directionSpan ?? claim.span, related: relatedOperands(a, b), claim: claim.id });
    return;
  }
  // (`比重为35.31%，较上年的35.83%减少0.52%`: the difference holds in points, written with %.)
  if (eq.ok && claim.percentUnit) {
    const unit = claim.percentUnit;
    ctx.verdict(claim.id, 'warning', explain);
    ctx.report({
      messageId: 'percentForPoints',
      severity: 'warning',
      message: l(`两个比重之差应以“个百分点”表示：${written(a)} 与 ${written(b)} 相差 ${stated.text} 个百分点，文中写作“${stated.text}%”`, `A difference of two shares is in percentage points: ${written(a)} and ${written(b)} differ by ${stated.text} points, written "${stated.text}%"`),
      explanation: explain(),
      span: unit,
      related: relatedOperands(a, b),
      fixes: [{ title: l('改为“个百分点”', 'Change to "个百分点"'), edits: [{ span: unit, newText: '个百分点' }], safe: true, preferred: true, kind: 'normalize-number' }],
      claim: claim.id,
    });
    return;
  }
  // (A relative change of the share that holds, `35.83%减少1.45%`, is a change rate, rightly in %.)
  if (!eq.ok && claim.percentUnit && checkClaimRatio({ numerator: difference, denominator: b, stated, derived: false, symbol: '%' }).status === 'ok') return;
  ctx.verdict(claim.id, eq.ok ? 'ok' : 'error', explain);
  if (eq.ok) return;
  const right = show(difference.value, stated.decimals ?? 2);
  ctx.report({
    messageId: 'points',
    message: l(`百分点差不符：${written(a)} 与 ${written(b)} 相差 ${right} 个百分点，文中为 ${written(stated)}`, `Percentage-point difference mismatch: ${written(a)} and ${written(b)} differ by ${right} points, the text says ${written(stated)}`),
    explanation: explain(),
    span: stated.span ?? claim.span,
    related: relatedOperands(a, b),
    fixes: stated.span ? [{ title: l(`改为 ${right}`, `Change to ${right}`), edits: [{ span: stated.span, newText: right }], safe: false, preferred: true, kind: 'fix-rate' }] : [],
    claim: claim.id,
  });
}

/** Last year's share computed from last year's figures: how (`（上年占比 = 3215.60 / 3348.55）`). */
function computedHow(claim: PointsClaim, en = false): string {
  if (claim.identity !== 'prose.points-computed') return '';
  return en ? ` (${claim.b.label.replace('上年占比', "last year's share")})` : `（${claim.b.label}）`;
}

function checkChange(ctx: RuleContext, stated: ChangeClaim): void {
  if (stated.years !== undefined) {
    checkCompound(ctx, stated, stated.years);
    return;
  }
  if (stated.priorBeforeRate && missingDirectionWord(ctx, stated)) return;
  // `增加（减少）200.00万元，增长（下降）10.00%`: the figures decide which of the template's words holds.
  const claim = stated.undecided && stated.direction !== 'flat' ? withDecidedDirection(ctx, stated) : stated;
  const { current, prior, delta } = claim;
  let failed = false;
  // Δ against C − P when all three are stated.
  if (current && prior && delta) {
    const actual = magnitude(sumOperand([current, prior], '|C − P|', undefined, [1, -1]));
    // Compared by size: the sign of a stated Δ (`增减额-23.40`) is the direction check's.
    const eq = checkEqual(magnitude(delta), actual);
    if (!eq.ok) {
      // (Worded only for a failure: a Δ that holds gives no verdict of its own.)
      // (To the figures' own decimals: a count's change, `|14 − 18| = 4`, has none.)
      // (In the change's unit: `|82602000.00元 − 82325800.00元| = 276200.00元`.)
      const expr = `|${written(current)} − ${written(prior)}| = ${inUnitOf(actual.value, withChanges(delta, { decimals: Math.max(current.decimals ?? 2, prior.decimals ?? 2, delta.decimals ?? 2) }))}${delta.unit ?? ''}`;
      const d = diffText(eq.diff, eq.tolerance, [current, prior, delta]);
      const exp = l(`${expr}，而文中为 ${written(delta)}（${d.zh}）`, `${expr}, but the text says ${written(delta)} (${d.en})`);
      failed = true;
      // (`增加0万元` against 0.08 − 0: shown, and fixed, to the figures' own decimals when the stated ones hide the gap.)
      const signedActual = delta.value.isNegative() ? actual.value.neg() : actual.value;
      const rounded = inUnitOf(signedActual, delta);
      const right = rounded.replace(/,/g, '') === (delta.text ?? '') ? inUnitOf(signedActual, withChanges(delta, { decimals: Math.max(current.decimals ?? 2, prior.decimals ?? 2) })) : rounded;
      // (The larger figure first: a decrease of 331.29 reads 525.68 − 194.39, not 194.39 − 525.68.)
      const [larger, smaller] = current.value.gte(prior.value) ? [current, prior] : [prior, current];
      ctx.verdict(claim.id, 'error', exp);
      ctx.report({
        messageId: 'delta',
        message: l(`增减额不符：${written(larger)} − ${written(smaller)} = ${right}${delta.unit ?? ''}，文中为 ${written(delta)}`, `Change mismatch: ${written(larger)} − ${written(smaller)} = ${right}${delta.unit ?? ''}, the text says ${written(delta)}`),
        explanation: exp,
        span: delta.span ?? claim.span,
        related: relatedOperands(current, prior),
        fixes: delta.span ? [{ title: l(`改为 ${right}`, `Change to ${right}`), edits: [{ span: delta.span, newText: right }], safe: false, kind: 'fix-total' }] : [],
        claim: claim.id,
      });
    }
  }
  // An increase larger than this year's amount: last year's would have been negative.
  if (current && delta && !prior && claim.direction === 'up') {
    const excess = sumOperand([magnitude(delta), current], 'Δ − C', undefined, [1, -1]);
    if (signBeyondRounding(excess) > 0) {
      failed = true;
      const exp = l(
        `上年数 = ${written(current)} − ${written(delta)} = ${show(excess.value.neg())} < 0：增加额大于本年数，上年数不可能为负`,
        `previous year = ${written(current)} − ${written(delta)} = ${show(excess.value.neg())} < 0: the increase exceeds this year's amount, and last year's cannot be negative`,
      );
      ctx.verdict(claim.id, 'error', exp);
      ctx.report({
        messageId: 'delta',
        message: l(`增减额不符：增加 ${written(delta)} 大于本年数 ${written(current)}`, `Change mismatch: the increase ${written(delta)} exceeds this year's ${written(current)}`),
        explanation: exp,
        span: delta.span ?? claim.span,
        related: relatedOperands(current),
        claim: claim.id,
      });
    }
  }
  // Direction word against the sign of C − P.
  if (current && prior && claim.direction !== 'flat') {
    const beyond = compareBeyondRounding(current, prior);
    if (claim.direction === 'up' ? beyond < 0 : beyond > 0) {
      const diff = current.value.minus(prior.value);
      failed = true;
      const word = claim.direction === 'up' ? '增加' : '减少';
      const right = claim.direction === 'up' ? '减少' : '增加';
      // (`=（4.40－5.20）÷5.20×100%=15.38%`: a computed rate says its direction by its sign.)
      const signed = claim.rate?.span !== undefined && claim.rate.raw !== undefined && claim.directionSpan?.start === claim.rate.span.start;
      const exp = signed
        ? l(`${written(current)} − ${written(prior)} = ${show(diff)}，变动率应为${right === '减少' ? '负' : '正'}数，文中为${right === '减少' ? '正' : '负'}数`, `${written(current)} − ${written(prior)} = ${show(diff)}: the rate should be ${right === '减少' ? 'negative' : 'positive'}`)
        : l(`${written(current)} − ${written(prior)} = ${show(diff)}，应为“${right}”，文中为“${word}”`, `${written(current)} − ${written(prior)} = ${show(diff)}: a ${claim.direction === 'up' ? 'decrease' : 'increase'}, the text says the opposite`);
      const fixes = signed ? [{ title: l('改正变动率的正负号', 'Correct the sign of the rate'), edits: [{ span: claim.rate!.span!, newText: claim.direction === 'up' ? `-${claim.rate!.raw}` : claim.rate!.raw!.replace(/^[-－−]/, '') }], safe: false, preferred: true, kind: 'fix-direction' as const }] : [];
      ctx.verdict(claim.id, 'error', exp);
      ctx.report({ messageId: 'direction', message: l(`增减方向与数据相反：${current.label} ${written(current)}，${prior.label} ${written(prior)}`, `The direction contradicts the figures: ${current.label} ${written(current)}, ${prior.label} ${written(prior)}`), explanation: exp, span: claim.directionSpan ?? claim.span, related: relatedOperands(current, prior), fixes, claim: claim.id });
    }
  }
  // `比上年增加1.67万元，下降0.15%`: one change cannot go both ways (the rate may fit either reading).
  if (claim.rateWord && !failed) {
    failed = true;
    const word = (d: string) => (d === 'up' ? '增加' : '减少');
    const rateWord = (d: string) => (d === 'up' ? '增长' : '下降');
    const exp = l(`同一变动的增减额为“${word(claim.direction)}”，增减率为“${rateWord(claim.rateWord.direction)}”，二者必有一处有误`, `the amount of the change says ${claim.direction === 'up' ? 'an increase' : 'a decrease'} and its rate the opposite: one of the two words is wrong`);
    ctx.verdict(claim.id, 'error', exp);
    ctx.report({
      messageId: 'direction',
      message: l(`增减方向自相矛盾：增减额为${word(claim.direction)}，增减率为${rateWord(claim.rateWord.direction)}`, `The direction contradicts itself: the amount ${claim.direction === 'up' ? 'increases' : 'decreases'}, the rate ${claim.rateWord.direction === 'up' ? 'increases' : 'decreases'}`),
      explanation: exp,
      span: claim.rateWord.span,
      related: claim.directionSpan ? [{ span: claim.directionSpan, message: l('增减额的方向', 'the direction of the amount') }] : [],
      claim: claim.id,
    });
  }
  // `由上年的661.90万元增加至520.02万元`: the verb that reaches this year's figure says which way it moved.
  if (claim.reachedWord && current && prior && !failed && !checkEqual(current, prior).ok) {
    const moved = current.value.gt(prior.value) ? 'up' : 'down';
    const span = claim.reachedWord.span;
    const word = ctx.model.text.slice(span.start, span.end);
    if (claim.reachedWord.direction !== moved && OPPOSITE[word]) {
      failed = true;
      const exp = l(`由上年 ${written(prior)} 到本年 ${written(current)} 为${moved === 'up' ? '增加' : '减少'}，文中为“${word}至”`, `from ${written(prior)} last year to ${written(current)} this year is ${moved === 'up' ? 'an increase' : 'a decrease'}, the text says "${word}"`);
      ctx.verdict(claim.id, 'error', exp);
      ctx.report({
        messageId: 'direction',
        message: l(`增减方向与数据相反：由 ${written(prior)} “${word}至” ${written(current)}`, `The direction contradicts the figures: "${word}" from ${written(prior)} to ${written(current)}`),
        explanation: exp,
        span,
        related: relatedOperands(current, prior),
        fixes: [{ title: l(`改为“${OPPOSITE[word]}”`, `Change to "${OPPOSITE[word]}"`), edits: [{ span, newText: OPPOSITE[word] }], safe: false, preferred: true, kind: 'fix-direction' }],
        claim: claim.id,
      });
    }
  }
  if (claim.direction === 'flat' && current && prior && !checkEqual(current, prior).ok) {
    failed = true;
    const exp = l(`“持平”意味着本年数等于上年数，而 ${written(current)} − ${written(prior)} = ${show(current.value.minus(prior.value))}`, `"unchanged" means this year equals last year, but ${written(current)} − ${written(prior)} = ${show(current.value.minus(prior.value))}`);
    ctx.verdict(claim.id, 'error', exp);
    ctx.report({ messageId: 'flat', message: l(`文中称“持平”，但本年 ${written(current)} 与上年 ${written(prior)} 不同`, `The text says unchanged, but ${written(current)} this year differs from ${written(prior)} last year`), explanation: exp, span: claim.directionSpan ?? claim.span, related: relatedOperands(current, prior), claim: claim.id });
  }
  if (claim.direction === 'flat') {
    const nonZero = [delta, claim.rate].find((o) => o && signBeyondRounding(o) !== 0);
    if (nonZero) {
      failed = true;
      const exp = l(`“持平”意味着变动为 0，而文中为 ${written(nonZero)}`, `"unchanged" means a change of 0, but the text says ${written(nonZero)}`);
      ctx.verdict(claim.id, 'error', exp);
      ctx.report({ messageId: 'flat', message: l(`文中称“持平”，但变动为 ${written(nonZero)}`, `The text says unchanged, but the change is ${written(nonZero)}`), explanation: exp, span: nonZero.span ?? claim.span, claim: claim.id });
    }
  }
  const inputs = ratioInputs(claim);
  if (!inputs || signOf(inputs.denominator) <= 0) {
    if (!failed && current && (prior || delta)) ctx.verdict(claim.id, 'ok', l('增减额与方向 ✓', 'change and direction ✓'));
    return;
  }
  const check = checkClaimRatio(inputs);
  const explain = () => {
    const text = ratioExplanation(inputs, check);
    const base = changeBase(claim);
    const onBudget = claim.identity === 'prose.budget-difference';
    const [baseZh, baseEn] = onBudget ? ['预算数', 'budget'] : ['上年数', 'previous year'];
    const note = base.derived && current && delta ? l(`（${baseZh} = ${written(current)} ${claim.direction === 'down' ? '+' : '−'} ${written(magnitude(delta))} = ${written(base.prior!)}）`, ` (${baseEn} = ${written(current)} ${claim.direction === 'down' ? '+' : '−'} ${written(magnitude(delta))} = ${written(base.prior!)})`) : l('', '');
    // (The rate holds for 本年 − 上年 but not for the 增减额 stated beside it, ratios.ts: say so, the 增减额 is the likelier slip.)
    const byFigures =
      inputs.numerator === delta && current && prior
        ? l(
            `；按本年 − 上年 = ${written(current)} − ${written(prior)} 计算，增减率与文中相符，而增减额 ${written(delta)} 与增减率不能同时成立`,
            `; with this year − last year = ${written(current)} − ${written(prior)} the rate is as stated, so the change ${written(delta)} and the rate cannot both hold`,
          )
        : l('', '');
    return l(`增减率 = ${text.zh}${note['zh-cn']}${byFigures['zh-cn']}`, `rate = ${text.en}${note.en}${byFigures.en}`);
  };
  if (check.status === 'ok' || check.status === 'truncated' || check.status === 'zero-base' || check.status === 'zero-base-template') {
    if (!failed) ctx.verdict(claim.id, check.status === 'ok' ? 'ok' : 'info', explain);
    if (claim.pointsUnit && (check.status === 'ok' || check.status === 'truncated')) pointsForPercent(ctx, claim, claim.pointsUnit, explain);
    return;
  }
  // Words that contradict each other, the rate holding in its own word's direction (`较上年下降2.60%，增加11.59万元` with
  // 2.60% of 434.02 + 11.59): the amount's word is the slip, reported above; the rate is right.
  if (claim.rateWord && rateHolds({ ...claim, direction: claim.rateWord.direction })) return;
  // (Not a rate the stated direction reaches within rounding, `减少0.27万元，下降0.75%` of 36.37 computed from 元: no evidence the words
  // are the slip.)
  if (check.status === 'error' && flippedDirection(ctx, claim)) return;
  reportRate(ctx, claim, inputs, check, l('增减率', 'Change rate'), explain(), [current, prior, delta]);
}

/**
 * `下降了4.62个百分点，变动幅度超过4个百分点`: a bound on the difference holds when some true values of the two rates give a
 * difference on its side (the bound itself exact: `超过4` is more than 4).
 */
function checkPointsBound(ctx: RuleContext, claim: PointsClaim, difference: Operand): void {
  const { a, b, stated } = claim;
  const [low, high] = [difference.value.minus(difference.halfUlp), difference.value.plus(difference.halfUlp)];
  const over = claim.bound === 'over';
  const holds = over ? high.gt(stated.value) : low.lt(stated.value);
  const word = over ? '超过' : '不到';
  const expr = `|${written(a)} − ${written(b)}| = ${show(difference.value, Math.max(a.decimals ?? 2, b.decimals ?? 2))}个百分点`;
  if (holds) {
    ctx.verdict(claim.id, 'ok', l(`${expr}，${word} ${stated.text} 个百分点 ✓`, `${expr}, ${over ? 'over' : 'under'} ${stated.text} points ✓`));
    return;
  }
  const exp = l(`${expr}，并非“${word}${stated.text}个百分点”`, `${expr}: not ${over ? 'over' : 'under'} ${stated.text} points`);
  ctx.verdict(claim.id, 'error', exp);
  ctx.report({
    messageId: 'points',
    message: l(`百分点差不符：${written(a)} 与 ${written(b)} 相差 ${show(difference.value, 2)} 个百分点，文中为“${word}${written(stated)}”`, `Percentage-point difference mismatch: ${written(a)} and ${written(b)} differ by ${show(difference.value, 2)} points, the text says ${over ? 'over' : 'under'} ${written(stated)}`),
    explanation: exp,
    span: stated.span ?? claim.span,
    related: relatedOperands(a, b),
    claim: claim.id,
  });
}

/**
 * `增加0.37万元，上升3.75个百分点`: the rate of an amount's change holds as a percentage; 个百分点 is for differences of two
 * rates or shares. A warning, with % as the fix.
 */
function pointsForPercent(ctx: RuleContext, claim: ChangeClaim, unit: Span, explain: () => ReturnType<typeof l>): void {
  const exp = explain();
  ctx.report({
    messageId: 'pointsUnit',
    severity: 'warning',
    message: l(`增减率的单位应为“%”：金额的增减率为 ${claim.rate!.text}%，“个百分点”只用于两个比率之差`, `The change rate's unit should be "%": an amount changed by ${claim.rate!.text}%; percentage points are for differences of two rates`),
    explanation: l(`${exp['zh-cn']}；此为金额的增减率，应写作百分比`, `${exp.en}; this is an amount's change rate, written as a percentage`),
    span: unit,
    fixes: [{ title: l('改为“%”', 'Change to "%"'), edits: [{ span: unit, newText: '%' }], safe: true, preferred: true, kind: 'normalize-number' }],
    claim: claim.id,
  });
}

const OPPOSITE: Record<string, string> = { 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长', 上升: '下降', 降低: '提高', 提高: '降低', 增幅: '降幅', 降幅: '增幅', 增: '减', 减: '增' };

/**
 * `支出3750.54万元，与上年相比，减少762.32万元，下降25.51%`: last year's figure is derived from the direction, and the rate
 * holds only with the opposite one (762.32 / 2988.22 = 25.51%): the direction words are the slip, not the rate.
 */
function flippedDirection(ctx: RuleContext, claim: ChangeClaim): boolean {
  const { current, delta, rate, directionSpan } = claim;
  if (!current || !delta || !rate || claim.prior || claim.rateWord || claim.undecided?.length || !directionSpan || claim.direction === 'flat') return false;
  if (delta.value.isNegative() || rate.value.isNegative()) return false;
  const flipped: ChangeClaim = { ...claim, direction: claim.direction === 'up' ? 'down' : 'up' };
  if (!rateHolds(flipped)) return false;
  const spans = [directionSpan, claim.rateDirectionSpan].filter((s): s is Span => s !== undefined);
  const words = spans.map((s) => ctx.model.text.slice(s.start, s.end));
  if (words.some((w) => !OPPOSITE[w])) return false;
  const inputs = ratioInputs(flipped)!;
  const exp = ratioExplanation(inputs, checkClaimRatio(inputs));
  const now = words.join('、');
  const right = words.map((w) => OPPOSITE[w]).join('、');
  const explanation = l(`按“${right}”，上年数 = ${written(inputs.denominator)}，增减率 = ${exp.zh}，与文中相符；按“${now}”则不符`, `With "${right}", last year's figure is ${written(inputs.denominator)} and the rate = ${exp.en}, as stated; with "${now}" it is not`);
  ctx.verdict(claim.id, 'error', explanation);
  ctx.report({
    messageId: 'direction',
    message: l(`增减方向与增减率不符：文中为“${now}”，按增减率应为“${right}”`, `The direction contradicts the rate: the text says "${now}", the rate gives "${right}"`),
    explanation,
    span: directionSpan,
    related: relatedOperands(current, delta, rate),
    fixes: [{ title: l(`改为“${right}”`, `Change to "${right}"`), edits: spans.map((s, i) => ({ span: s, newText: OPPOSITE[words[i]] })), safe: false, preferred: true, kind: 'fix-direction' }],
    claim: claim.id,
  });
  return true;
}

/**
 * `…分别为A、B和C，年均增长r%`: r = (C / A)^(1/n) − 1 over the n years between them. The figures' rounding gives the rate an interval;
 * the stated rate's own rounding must meet it.
 */
function checkCompound(ctx: RuleContext, claim: ChangeClaim, years: number): void {
  const { current, prior, rate } = claim;
  if (!current || !prior || !rate || !prior.value.isPositive() || current.value.isNegative()) return;
  const root = new Decimal(1).div(years);
  const grow = (c: Decimal, p: Decimal) => c.div(p).pow(root).minus(1).times(100);
  const low = grow(Decimal.max(0, current.value.minus(current.halfUlp)), prior.value.plus(prior.halfUlp));
  const high = grow(current.value.plus(current.halfUlp), Decimal.max(prior.value.minus(prior.halfUlp), prior.halfUlp));
  const point = grow(current.value, prior.value);
  const stated = claim.direction === 'down' ? rate.value.negated() : rate.value;
  const half = rate.halfUlp;
  const holds = stated.plus(half).gte(low) && stated.minus(half).lte(high);
  const word = claim.direction === 'down' ? '年均下降' : '年均增长';
  const computed = claim.direction === 'down' ? point.negated() : point;
  const expr = `(${written(current)} / ${written(prior)})^(1/${years}) − 1 = ${point.toFixed(4)}%`;
  if (holds) {
    ctx.verdict(claim.id, 'ok', l(`${expr} ≈ ${computed.toFixed(rate.decimals ?? 2)}% ✓`, `${expr} ≈ ${computed.toFixed(rate.decimals ?? 2)}% ✓`));
    return;
  }
  const right = computed.toFixed(rate.decimals ?? 2);
  const explanation = l(`${word}率 = ${expr}，而文中为 ${written(rate)}（${years}年的几何平均）`, `${word} rate = ${expr}, but the text says ${written(rate)} (geometric mean over ${years} years)`);
  ctx.verdict(claim.id, 'error', explanation);
  ctx.report({
    messageId: 'compound',
    // (From a growth over the years, `比2022年增长42.99%`, the figures are 100% and 100% + g.)
    message: prior.label === '100%'
      ? l(`${word}率不符：${current.label}，${years}年的年均为 ${right}%，文中为 ${written(rate)}`, `Average yearly rate mismatch: ${current.label} over ${years} years is ${right}% a year, the text says ${written(rate)}`)
      : l(`${word}率不符：${current.label} ${written(current)} 与 ${prior.label} ${written(prior)} 之间${word} ${right}%，文中为 ${written(rate)}`, `Average yearly rate mismatch: from ${written(prior)} to ${written(current)} is ${right}% a year, the text says ${written(rate)}`),
    explanation,
    span: rate.span ?? claim.span,
    related: [current, prior].filter((o) => o.span).map((o) => ({ span: o.span!, message: l(`${o.label} ${written(o)}`, `${o.label} ${written(o)}`) })),
    fixes: rate.span ? [{ title: l(`改为 ${right}`, `Change to ${right}`), edits: [{ span: rate.span, newText: right }], safe: false, preferred: true, kind: 'fix-rate' }] : [],
    claim: claim.id,
  });
}
