// sum-mismatch's reading of a change explained by its main parts (SumClaim.slipOnly): the parts may not be all, so a sum
// that fails says nothing by itself. It is reported where exactly one figure's slip would make it hold: a part's direction
// the other way (first), or one digit (or two neighbours swapped) of a part or of the whole. Otherwise the parts are taken as
// some.
import type Decimal from 'decimal.js';
import { checkSum, written, type SumCheck } from '../arith/interval';
import type { Localized, SumClaim } from '../types';
import { l, setFigureFix, type RuleContext } from './rule';
import { short, slipCandidates } from './typo';

type Candidate = { kind: 'direction'; index: number } | { kind: 'digit'; index: number; text: string };

export function checkMainParts(ctx: RuleContext, claim: SumClaim, result: SumCheck, explain: () => Localized): void {
  if (result.ok) {
    ctx.verdict(claim.id, 'ok', explain);
    return;
  }
  // (A direction the other way first: a sum off by exactly twice one part is rarely chance, a digit's difference more often.)
  const all = slipsThatHold(claim, result.sum);
  const directions = all.filter((c) => c.kind === 'direction');
  const candidates = directions.length > 0 ? directions : all;
  if (candidates.length !== 1) {
    const stated = explain();
    ctx.verdict(claim.id, 'ok', l(`${stated['zh-cn']}；所列或仅为主要部分，不作为问题`, `${stated.en}; the parts listed may be only the main ones: not a finding`));
    return;
  }
  ctx.verdict(claim.id, 'warning', explain);
  const [found] = candidates;
  const { total, parts } = claim;
  const figure = found.index === 0 ? total : parts[found.index - 1];
  const related = [total, ...parts].filter((o) => o !== figure && o.span).map((o) => ({ span: o.span!, message: l(`${o.label} ${written(o)}`, `${o.label} ${written(o)}`) }));
  const message =
    found.kind === 'direction'
      ? l(`${figure.label}的增减方向疑有误：按相反方向计，所列各项增减额之和与${total.label} ${written(total)} 相符`, `The direction of ${figure.label} looks wrong: taken the other way, the parts' changes add up to ${total.label} ${written(total)}`)
      : found.index === 0
      ? l(`${total.label} ${written(total)} 与所列各项增减额之和 ${found.text} 只差一处数字`, `${total.label} ${written(total)} is one typing slip from the sum of the parts' changes, ${found.text}`)
      : l(`${figure.label} ${written(figure)} 疑为 ${found.text}：所列各项增减额之和方与${total.label} ${written(total)} 相符`, `${figure.label} ${written(figure)} looks mistyped for ${found.text}: the parts' changes then add up to ${total.label} ${written(total)}`);
  ctx.report({
    messageId: 'mainParts',
    message,
    explanation: explain(),
    span: figure.span ?? claim.span,
    severity: 'warning',
    related,
    fixes: found.kind === 'digit' && figure.span ? [setFigureFix(figure.span, found.text, l(`改为 ${found.text}`, `Change to ${found.text}`))] : [],
    claim: claim.id,
  });
}

/** The single-figure slips that make the signed sum hold (index 0: the whole). */
function slipsThatHold(claim: SumClaim, sum: Decimal): Candidate[] {
  const { total, parts } = claim;
  const signs = claim.signs ?? parts.map(() => 1);
  const out: Candidate[] = [];
  parts.forEach((_, i) => {
    if (checkSum(total, parts, signs.map((s, k) => (k === i ? -s : s))).ok) out.push({ kind: 'direction', index: i + 1 });
  });
  for (const c of slipCandidates(claim, sum)) if (!short(c.figure)) out.push({ kind: 'digit', index: c.index, text: c.text });
  return out;
}
