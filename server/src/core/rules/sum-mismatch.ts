import { checkPartialSum, checkRestated, checkSum, computed, inUnitOf, isMoney, sumOperand, written, type SumCheck } from '../arith/interval';
import type { Claim, Operand, SumClaim } from '../types';
import { diffText, sumExpression } from './explain';
import { crossedCell, crossedCellFix } from './crossed-cell';
import { restatedFigureFix } from './elsewhere';
import { checkClaimRatio, ratioInputs, type RatioInputs } from './ratios';
import { withChanges } from '../arith/operand';
import { l, type FixDraft, type Rule } from './rule';
import { mistypedPart, oneSlipAway } from './typo';
import { checkMainParts } from './main-parts';
import type Decimal from 'decimal.js';

/**
 * A stated total that its stated parts contradict beyond rounding: a prose 其中 list or a table
 * row/column identity (rounding.md §2: |T − Σ| ≤ Σh + h_T).
 */
export const sumMismatch: Rule = {
  meta: {
    id: 'sum-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('合计数与各分项之和不符（其中列表、表内行列关系）', 'A total differs from the sum of its parts (其中 lists, table identities)'),
    fixable: true,
    messages: {
      mismatch: l('{total}与各分项之和不符', '{total} differs from the sum of its parts'),
      partialExceeds: l('其中各项之和超过{total}', 'The listed parts exceed {total}'),
      mainParts: l('所列各项增减额之和与{total}不符，疑有一处笔误', 'The listed parts\' changes miss {total} by one slip'),
    },
  },
  check(ctx) {
    const confirmed = confirmedElsewhere(ctx.claims);
    for (const claim of ctx.claims) {
      if (claim.kind !== 'sum') continue;
      checkOne(ctx, claim, confirmed);
    }
  },
};

/** Whether a figure is borne out elsewhere (against `proposed`, the value a fix would give it, when a ratio is the evidence). */
type Confirmed = (token: number, parts?: Operand[], proposed?: Decimal) => boolean;

/**
 * Whether a figure is a part of another sum that holds (`三公 1360.13 = 22.00 + 1116.14 + 221.98`), or the table cell
 * it restates bears it out (`政府采购支出总额200.53万元` = 公开11表's 200.53): then a breakdown of that figure that fails
 * (`1116.14 ≠ 购置 + 运行`) has the slip among its own parts, and setting the figure to their sum would break a relation
 * that holds. Built on first ask (most reports have no slip).
 */
function confirmedElsewhere(claims: readonly Claim[]): Confirmed {
  let index: { asPart: Map<number, SumClaim[]>; asTotal: Map<number, SumClaim[]>; restated: Set<number>; shares: Map<number, number[]>; twins: Map<number, number[]>; ratios: Map<number, RatioInputs[]> } | undefined;
  return (token, parts, proposed) => {
    if (!index) {
      index = { asPart: new Map(), asTotal: new Map(), restated: new Set(), shares: new Map(), twins: new Map(), ratios: new Map() };
      for (const c of claims) {
        if (c.kind === 'equal' && c.origin === 'text-table' && c.a.token !== undefined && checkRestated(c.a, c.b).ok) index.restated.add(c.a.token);
        // (`收入总计` restating a `收入、支出总计` that agrees with it.)
        if (c.kind === 'fact' && c.identity === 'prose.both-sides-total' && c.b.token !== undefined && checkRestated(c.a, c.b).ok) index.restated.add(c.b.token);
        // (`授予中小企业合同金额844.27万元，占政府采购支出总额的77.41%` holding with the stated total vouches for that total,
        // unless the part is one of the sum's own: a share of a part holds with a slipped part as well as with the total.)
        if (c.kind === 'share' && c.base.token !== undefined && c.part.token !== undefined && !c.base.value.isZero()) {
          const inputs = ratioInputs(c);
          if (inputs && checkClaimRatio(inputs).status === 'ok') {
            // (The share bears out its part too, against a value it rules out: `公务用车…7.86万元，占65.39%` of 12.02.)
            addRatio(index.ratios, c.part.token, inputs);
            const parts = index.shares.get(c.base.token);
            if (parts) parts.push(c.part.token);
            else index.shares.set(c.base.token, [c.part.token]);
          }
        }
        // (So does a completion rate its actual: `支出决算4.84万元，为调整后预算的80.67%` of 6.00.)
        if (c.kind === 'completion' && c.actual.token !== undefined && c.rate) {
          const inputs = ratioInputs(c);
          if (inputs && checkClaimRatio(inputs).status === 'ok') addRatio(index.ratios, c.actual.token, inputs);
        }
        // (`比上年增加82.71万元，增幅5.48%` with last year's figure derived from this year's and the change: the rate holding
        // vouches for the change, which a breakdown of it into its parts' changes then does not dispute.)
        if (c.kind === 'change' && !c.prior && c.current && c.rate && c.delta?.token !== undefined) {
          const inputs = ratioInputs(c);
          if (inputs && checkClaimRatio(inputs).status === 'ok') index.restated.add(c.delta.token);
        }
        // (`预算132.72万元，实际采购金额129.40万元，节约资金3.32万元`: a figure its stated difference from another bears out.)
        if (c.kind === 'change' && c.current?.token !== undefined && c.prior && c.delta && c.direction !== 'flat' && checkSum(c.current, [c.prior, c.delta], [1, c.direction === 'up' ? 1 : -1]).ok) index.restated.add(c.current.token);
        // (The same figure stated twice alike: `本年支出合计2861.00万元，…其中：基本支出…；项目支出…` then `本年支出合计2861.00万元按单位分：…`.)
        if (c.kind === 'fact' && c.a.token !== undefined && c.b.token !== undefined && checkRestated(c.a, c.b).ok) {
          for (const [x, y] of [[c.a.token, c.b.token], [c.b.token, c.a.token]]) {
            const twins = index.twins.get(x);
            if (twins) twins.push(y);
            else index.twins.set(x, [y]);
          }
        }
        if (c.kind !== 'sum' || !c.exhaustive) continue;
        if (c.total.token !== undefined) {
          const sums = index.asTotal.get(c.total.token);
          if (sums) sums.push(c);
          else index.asTotal.set(c.total.token, [c]);
        }
        for (const p of c.parts) {
          if (p.token === undefined) continue;
          const sums = index.asPart.get(p.token);
          if (sums) sums.push(c);
          else index.asPart.set(p.token, [c]);
        }
      }
    }
    if (index.restated.has(token) || (index.asPart.get(token) ?? []).some((c) => checkSum(c.total, c.parts, c.signs).ok)) return true;
    if (proposed && (index.ratios.get(token) ?? []).some((inputs) => rulesOut(inputs, proposed))) return true;
    // (A total restated elsewhere alike, where its own breakdown holds, is borne out: the slip is in this list. So is a total another
    // breakdown of which holds, `基本支出412.54万元，其中：人员经费374.09万元…；公用经费38.45万元` then `按支出经济分类划分：…`.)
    // (A breakdown of one figure, `合计 = 一般公共预算财政拨款` in a table of one fund, vouches for nothing: it holds with the slip in both.)
    const holds = (c: SumClaim) => checkSum(c.total, c.parts, c.signs).ok;
    const breakdownHolds = (c: SumClaim) => c.parts.filter((p) => !p.value.isZero()).length >= 2 && holds(c);
    if ((index.asTotal.get(token) ?? []).some(breakdownHolds) || (index.twins.get(token) ?? []).some((twin) => (index!.asTotal.get(twin) ?? []).some(holds))) return true;
    return parts !== undefined && (index.shares.get(token) ?? []).some((part) => !parts.some((p) => p.token === part));
  };
}

function addRatio(ratios: Map<number, RatioInputs[]>, token: number, inputs: RatioInputs): void {
  const list = ratios.get(token);
  if (list) list.push(inputs);
  else ratios.set(token, [inputs]);
}

/**
 * Whether a ratio that holds fails with its numerator set to `proposed`: a share of 12.02 to 0.01% rules 7.68 out for 7.86;
 * one of 132,640,523.65元 holds with 9,858,605.83 as well as with 9,858,065.83, and vouches for neither.
 */
function rulesOut(inputs: RatioInputs, proposed: Decimal): boolean {
  const numerator = withChanges(inputs.numerator, { value: proposed });
  return checkClaimRatio({ ...inputs, numerator, check: undefined }).status !== 'ok';
}

function checkOne(ctx: Parameters<Rule['check']>[0], claim: SumClaim, confirmed: Confirmed): void {
  const result = claim.exhaustive ? checkSum(claim.total, claim.parts, claim.signs) : checkPartialSum(claim.total, claim.parts);
  const total = claim.total;
  const relation = claim.exhaustive ? '=' : '≥';
  // (Two figures that must be equal, 收入总计 = 支出总计: which one slipped is not known.)
  const pair = claim.identity === 'prose.totals-balance';
  const explain = () => {
    const expr = pair ? { zh: `${claim.parts[0].label} ${written(claim.parts[0])}`, en: `${claim.parts[0].label} ${written(claim.parts[0])}` } : sumExpression(claim.parts, claim.signs);
    const diff = diffText(result.diff, result.tolerance, [total, ...claim.parts]);
    const sum = claim.parts.length > 1 ? ` = ${sumText(claim, result)}` : '';
    return l(
      `${total.label} ${written(total, claim.parts)} ${result.ok ? relation : '≠'} ${expr.zh}${sum}（${diff.zh}）`,
      `${total.label} ${written(total, claim.parts)} ${result.ok ? relation : '≠'} ${expr.en}${sum} (${diff.en})`,
    );
  };
  if (claim.slipOnly) {
    checkMainParts(ctx, claim, result, explain);
    return;
  }
  // (A list of amounts taken as whole only because it covers nearly all (soft) is certainly wrong when its parts exceed the
  // total; scores stay soft, their scoring rules cap and round.)
  // (Counts too: graded projects outnumbering those evaluated.)
  const totalUnit = claim.total.token !== undefined ? ctx.model.numbers[claim.total.token].unit : undefined;
  const amountOrCount = totalUnit !== undefined && (isMoney(totalUnit) || totalUnit === 'count');
  const soft = claim.soft && !(amountOrCount && claim.exhaustive && !result.ok && !claim.signs && !checkPartialSum(claim.total, claim.parts).ok);
  // (A partial list whose total is one typing slip from its parts' sum, the rest too small to be an item left out: the total
  // mistyped. `资产总额9,082,686.98元，其中：流动资产2,864,208.66元，固定资产6,218,460.32元` leaves 18元.)
  const mistypedTotal = result.ok && !claim.exhaustive ? totalOneSlipFromParts(claim) : undefined;
  ctx.verdict(claim.id, mistypedTotal ? 'warning' : result.ok ? 'ok' : soft ? 'warning' : 'error', explain);
  if (mistypedTotal) {
    const unit = total.unit ?? '';
    const rest = `${inUnitOf(total.value.minus(mistypedTotal.sum), total)}${unit}`;
    ctx.report({
      messageId: 'mismatch',
      message: l(
        `${total.label} ${written(total, claim.parts)} 与其中各项之和 ${mistypedTotal.text}${unit} 仅差 ${rest}，且只差一处数字：合计可能误写`,
        `${total.label} ${written(total, claim.parts)} exceeds its listed parts, ${mistypedTotal.text}${unit}, by only ${rest}, one typing slip: the total is probably mistyped`,
      ),
      explanation: explain(),
      span: total.span ?? claim.span,
      severity: 'warning',
      related: claim.parts.filter((p) => p.span).map((p) => ({ span: p.span!, message: l(`分项：${p.label} ${written(p)}`, `part: ${p.label} ${written(p)}`) })),
      fixes: total.span ? [{ title: l(`改为 ${mistypedTotal.text}`, `Change to ${mistypedTotal.text}`), edits: [{ span: total.span, newText: mistypedTotal.text }], safe: false, kind: 'fix-total' }] : [],
      claim: claim.id,
    });
    return;
  }
  if (result.ok) return;
  const sum = sumText(claim, result);
  const explanation = explain();
  const span = total.span ?? claim.span;
  const partsRelated = (except?: Operand) =>
    claim.parts.filter((p) => p.span && p !== except).map((p) => ({ span: p.span!, message: l(`分项：${p.label} ${written(p)}`, `part: ${p.label} ${written(p)}`) }));
  // (`减少762.32万元…其中：基本支出增加500.00万元，项目支出增加262.32万元`: the parts' changes add up to the opposite of the
  // total's: a direction word is the slip (change-mismatch), no figure.)
  const opposite = claim.exhaustive && !pair && checkSum(sumOperand([total], total.label, total.span, [-1]), claim.parts, claim.signs).ok && !total.value.isZero();
  if (opposite) {
    ctx.report({
      messageId: 'mismatch',
      message: l(`${total.label}与各分项之和方向相反：${written(total, claim.parts)} 对 ${sum}`, `${total.label} has the opposite sign of the sum of its parts: ${written(total, claim.parts)} against ${sum}`),
      explanation,
      span,
      severity: soft ? 'warning' : undefined,
      related: partsRelated(),
      claim: claim.id,
    });
    return;
  }
  // (A part whose column's roll-up fails too, and whose one value makes both hold, is the slip: that is the fix.)
  const crossedAt = claim.exhaustive ? crossedCell(ctx.claims, claim) : undefined;
  const crossed = crossedCellFix(crossedAt);
  // (A figure of the relation the report states otherwise, with which the sum holds: `…公务用车…0.29万元` beside 6.29 twice.)
  const restated = claim.exhaustive && !crossed ? restatedFigureFix(ctx.claims, [total, ...claim.parts], (i, other) => holdsWith(claim, i, other), SUM) : undefined;
  // (Else one part one typing slip from the value the sum needs, the total not: that part, and the finding is on it.)
  const typo = claim.exhaustive && !pair && !crossed && !restated && !claim.signs ? typingSlip(claim, result.sum, confirmed) : undefined;
  // (The finding goes on the figure found to have slipped: the crossed cell, the guessed part, or the one stated otherwise elsewhere.)
  const restatedSpan = restated?.edits[0]?.span;
  const slipped = crossedAt?.cell ?? typo?.part ?? (restatedSpan ? [total, ...claim.parts].find((o) => o.span?.start === restatedSpan.start) : undefined);
  // (A total borne out elsewhere, with no one part found to have slipped: the finding is on the parts, the list that fails, when they
  // stand on one line: `按支出经济分类划分：工资福利支出367.89万元，商品和服务支出35.95万元，…`; and no fix sets the total.)
  const totalBorneOut = total.token !== undefined && confirmed(total.token, claim.parts, result.sum);
  const first = claim.parts[0]?.span;
  const last = claim.parts.at(-1)?.span;
  const onParts = !slipped && claim.exhaustive && !pair && claim.origin === 'prose' && first && last && totalBorneOut && !ctx.model.text.slice(first.start, last.end).includes('\n') ? { start: first.start, end: last.end } : undefined;
  const fixes = crossed
    ? [crossed]
    : restated
    ? [restated]
    : typo
    ? [typo.fix]
    : // (Not a positive total made negative: `年末结转和结余 = 年初 + 收入 − 支出` below zero says a term is wrong, not the balance.)
      // (Nor a count of a list presumed whole, `soft`: the grades named from the top may leave one out, the count be right.)
      claim.exhaustive && !(claim.soft && totalUnit === 'count') && !pair && total.span && total.token !== undefined && !totalBorneOut && !(result.sum.isNegative() && !total.value.isNegative())
      ? [
          {
            title: l(`将合计改为各分项之和 ${inUnitOf(result.sum, total)}`, `Set the total to the sum of its parts, ${inUnitOf(result.sum, total)}`),
            edits: [{ span: total.span, newText: inUnitOf(result.sum, total) }],
            safe: false,
            kind: 'fix-total',
          },
        ]
      : [];
  ctx.report({
    messageId: claim.exhaustive ? 'mismatch' : 'partialExceeds',
    message: pair
      ? l(`${total.label} ${written(total, claim.parts)} 应等于${claim.parts[0].label} ${written(claim.parts[0])}`, `${total.label} ${written(total, claim.parts)} should equal ${claim.parts[0].label} ${written(claim.parts[0])}`)
      : claim.exhaustive && claim.signs?.some((sign) => sign < 0)
      ? // (A difference or a formula with terms taken away: `经营结余 = 经营收入 − 经营支出`.)
        l(`${total.label}不符：按各项计算为 ${sum}，文中为 ${written(total, claim.parts)}`, `${total.label} does not follow from its terms: they give ${sum}, the text says ${written(total, claim.parts)}`)
      : claim.exhaustive
      ? l(`${total.label}与各分项之和不符：${written(total, claim.parts)} ≠ ${sum}`, `${total.label} differs from the sum of its parts: ${written(total, claim.parts)} ≠ ${sum}`)
      : l(`其中各项之和 ${sum} 超过${total.label} ${written(total, claim.parts)}`, `The listed parts add up to ${sum}, more than ${total.label} ${written(total, claim.parts)}`),
    explanation,
    span: slipped?.span ?? onParts ?? span,
    severity: soft ? 'warning' : undefined,
    related: [
      ...(((slipped && slipped !== total) || onParts) && total.span ? [{ span: total.span, message: l(`合计：${total.label} ${written(total, claim.parts)}`, `total: ${total.label} ${written(total, claim.parts)}`) }] : []),
      ...partsRelated(slipped),
    ],
    fixes,
    claim: claim.id,
  });
}

const SUM = l('合计', 'sum');

/** A part one typing slip from the value that makes the sum hold, the total not one from the sum, and nothing vouching for the part. */
/** The parts' sum as the total would be written, when the total is one typing slip from it and exceeds it by at most 0.01%. */
function totalOneSlipFromParts(claim: SumClaim): { sum: Decimal; text: string } | undefined {
  const { total, parts } = claim;
  if (parts.length < 2 || !total.value.isPositive() || total.token === undefined) return undefined;
  const sum = sumOperand(parts, '').value;
  const rest = total.value.minus(sum);
  if (!rest.isPositive() || rest.gt(total.value.div(10000)) || checkSum(total, parts).ok) return undefined;
  const text = oneSlipAway(total, sum);
  return text === undefined ? undefined : { sum, text };
}

function typingSlip(claim: SumClaim, sum: Decimal, confirmed: Confirmed): { part: Operand; fix: FixDraft } | undefined {
  // (Scores are no amounts typed from a ledger: `总分 100` against its items' 得分.)
  if (/得分|分值|评分/.test(claim.total.label)) return undefined;
  const totalBorneOut = claim.total.token !== undefined && confirmed(claim.total.token, undefined, sum);
  const found = mistypedPart(claim, sum, (part, text) => l(`将 ${part.label} ${written(part)} 改为 ${text}（疑为录入错误，合计因此成立）`, `Set ${part.label} ${written(part)} to ${text} (a likely typing slip; the sum holds then)`), totalBorneOut);
  // (The value that makes the sum hold, set for the part: a ratio of the part that rules it out vouches for the part.)
  return found && found.part.token !== undefined && !confirmed(found.part.token, undefined, claim.total.value.minus(sum.minus(found.part.value))) ? found : undefined;
}

/** Whether the sum holds with its i-th figure (0 the total, then the parts) replaced by `other`. */
function holdsWith(claim: SumClaim, i: number, other: Operand): boolean {
  return i === 0 ? checkSum(other, claim.parts, claim.signs).ok : checkSum(claim.total, claim.parts.map((p, k) => (k === i - 1 ? other : p)), claim.signs).ok;
}

/** Σ parts as the explanation shows it, with as many decimals as the most precise figure. */
function sumText(claim: SumClaim, result: SumCheck): string {
  const total = claim.total;
  // Reduce, not spread: a table row of a 1 MB line has more parts than the stack has room for.
  return computed(result.sum, claim.parts.reduce((d, p) => Math.max(d, p.decimals ?? 2), total.decimals ?? 2), [total, ...claim.parts]);
}
