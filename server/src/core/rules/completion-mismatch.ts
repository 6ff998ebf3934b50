import { compareBeyondRounding, compareValues, written } from '../arith/interval';
import { isZero } from '../arith/operand';
import type { CompletionClaim } from '../types';
import { ratioExplanation, relatedOperands, reportRate } from './explain';
import { checkClaimRatio, ratioInputs } from './ratios';
import { l, type Rule, type RuleContext } from './rule';

/**
 * Budget completion (prose.md §4): X = 决算 / 预算 × 100, and 决算数大于/小于/等于预算数 must agree
 * with the amounts. Zero budgets are the zero-base-rate rule's.
 */
export const completionMismatch: Rule = {
  meta: {
    id: 'completion-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('预算完成率（执行率）与决算数/预算数不符', 'A budget completion rate differs from actual / budget'),
    fixable: true,
    messages: {
      rate: l('完成率不符：{actual} / {budget} = {computed}%，文中为 {stated}%', 'Completion rate mismatch: {actual} / {budget} = {computed}%, the text says {stated}%'),
      comparison: l('“决算数{word}预算数”与数据不符', '"actual {word} budget" contradicts the figures'),
    },
  },
  check(ctx) {
    for (const claim of ctx.claims) if (claim.kind === 'completion') checkCompletion(ctx, claim);
  },
};

const WORDS = { gt: ['大于', 'greater than'], lt: ['小于', 'less than'], eq: ['等于', 'equal to'] } as const;

function checkCompletion(ctx: RuleContext, claim: CompletionClaim): void {
  const { actual, budget } = claim;
  if (claim.comparison) {
    const beyond = compareBeyondRounding(actual, budget);
    const truth = beyond > 0 ? 'gt' : beyond < 0 ? 'lt' : 'eq';
    const word = claim.comparison.word;
    // Within rounding, a 大于/小于 that agrees with the stated figures' own order also fits.
    const order = compareValues(actual, budget);
    const fits = word === truth || (word !== 'eq' && truth === 'eq' && order !== 0 && (word === 'gt') === order > 0);
    if (!fits) {
      // Printed equal (12.05 and 12.05), the unrounded figures may still differ either way: likely a
      // template's reason left in place, but not a contradiction.
      const printedEqual = truth === 'eq' && order === 0;
      const exp = printedEqual
        ? l(`决算 ${written(actual)}，预算 ${written(budget)}：两数在所写精度上相等，文中称${WORDS[word][0]}，仅在未舍入的数上可能成立`, `actual ${written(actual)}, budget ${written(budget)}: equal as written; ${WORDS[word][1]} can only hold before rounding`)
        : l(`决算 ${written(actual)}，预算 ${written(budget)}：决算数${WORDS[truth][0]}预算数，文中称${WORDS[word][0]}`, `actual ${written(actual)}, budget ${written(budget)}: actual is ${WORDS[truth][1]} budget, the text says ${WORDS[word][1]}`);
      const severity = printedEqual ? 'warning' : 'error';
      ctx.verdict(claim.id, severity, exp);
      // (The budget as the text names it: `决算数大于调整预算数`.)
      const which = /(年初|全年|调整后?)预算/.exec(ctx.model.text.slice(claim.comparison.span.start, claim.comparison.span.end))?.[1] ?? '';
      ctx.report({ messageId: 'comparison', severity, message: l(`“决算数${WORDS[word][0]}${which}预算数”与数据不符（${written(actual)} 对 ${written(budget)}）`, `"actual ${WORDS[word][1]} ${which === '' ? '' : which === '年初' ? 'initial ' : 'adjusted '}budget" contradicts the figures (${written(actual)} vs ${written(budget)})`), explanation: exp, span: claim.comparison.span, related: relatedOperands(actual, budget), claim: claim.id });
    } else if (!claim.rate) {
      ctx.verdict(claim.id, 'ok', () => l(`决算 ${written(actual)}，预算 ${written(budget)}：决算数${WORDS[word][0]}预算数 ✓`, `actual ${written(actual)}, budget ${written(budget)}: actual ${WORDS[word][1]} budget ✓`));
    }
  }
  const inputs = ratioInputs(claim);
  if (!inputs || isZero(budget)) return;
  const check = checkClaimRatio(inputs);
  const explain = () => {
    const text = ratioExplanation(inputs, check);
    return l(`完成率 = ${text.zh}`, `completion = ${text.en}`);
  };
  if (check.status === 'ok' || check.status === 'truncated') {
    ctx.verdict(claim.id, check.status === 'ok' ? 'ok' : 'info', explain);
    return;
  }
  reportRate(ctx, claim, inputs, check, l('完成率', 'Completion rate'), explain(), [actual, budget]);
}
