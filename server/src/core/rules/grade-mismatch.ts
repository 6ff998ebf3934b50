import Decimal from 'decimal.js';
import { written } from '../arith/interval';
import type { GradeClaim } from '../types';
import { l, type Rule, type RuleContext } from './rule';

/**
 * A 绩效 grade the score contradicts: `自评得分97.45分，评价等级为“良”` on a scale of 优 from 90. The scale is the report's own
 * when it states one, else the usual one (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below): an error against the report's scale, a
 * warning against the assumed one.
 */
export const gradeMismatch: Rule = {
  meta: {
    id: 'grade-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('绩效评价等级与得分不符', 'A performance grade the score does not earn'),
    fixable: true,
    messages: { grade: l('评价等级不符：{score} 分应为“{right}”，文中为“{stated}”', 'Grade mismatch: a score of {score} is "{right}", the text says "{stated}"') },
  },
  check(ctx) {
    for (const claim of ctx.claims) if (claim.kind === 'grade') checkOne(ctx, claim);
  },
};

/** The grades any value within the score's rounding earns (two where it straddles a band's edge). */
function gradesOf(claim: GradeClaim): string[] {
  const { value, halfUlp } = claim.score;
  return [...new Set([value.minus(halfUlp), value, value.plus(halfUlp)].map((v) => gradeAt(claim, v)))];
}

function gradeAt(claim: GradeClaim, v: Decimal): string {
  const band = claim.bands.find((b) => (b.inclusive ? v.gte(b.low) : v.gt(b.low)));
  return (band ?? claim.bands[claim.bands.length - 1]).grade;
}

function scaleText(claim: GradeClaim): string {
  return claim.bands.filter((b) => b.low > 0).map((b) => `${b.grade} ${b.inclusive ? '≥' : '>'} ${b.low}`).join('，');
}

function checkOne(ctx: RuleContext, claim: GradeClaim): void {
  const earned = gradesOf(claim);
  // (Grades in the report's spelling: `良好` where it wrote `优秀`.)
  const spelled = (grade: string) => claim.spelling?.[grade] ?? grade;
  const stated = spelled(claim.grade);
  const score = written(claim.score);
  const whose = claim.scaleStated ? l('按报告所列等级标准', 'on the report\'s own scale') : l('按通行的绩效评价等级标准（报告未列标准）', 'on the usual performance scale (the report states none)');
  const explanation = l(`${claim.score.label} ${score} 分，${whose['zh-cn']}（${scaleText(claim)}）应为“${earned.map(spelled).join('”或“')}”，文中为“${stated}”`, `${claim.score.label} ${score}, ${whose.en} (${scaleText(claim)}), is "${earned.map(spelled).join('" or "')}", the text says "${stated}"`);
  const ok = earned.includes(claim.grade);
  const severity = claim.scaleStated ? 'error' : 'warning';
  ctx.verdict(claim.id, ok ? 'ok' : severity, explanation);
  if (ok) return;
  const right = spelled(earned[0]);
  ctx.report({
    messageId: 'grade',
    severity,
    message: l(`评价等级不符：${score} 分应为“${right}”，文中为“${stated}”`, `Grade mismatch: a score of ${score} is "${right}", the text says "${stated}"`),
    explanation,
    span: claim.gradeSpan,
    related: claim.score.span ? [{ span: claim.score.span, message: l(`得分：${score}`, `score: ${score}`) }] : [],
    fixes: earned.length === 1 ? [{ title: l(`改为“${right}”`, `Change to "${right}"`), edits: [{ span: claim.gradeSpan, newText: right }], safe: false, preferred: true, kind: 'fix-grade' }] : [],
    claim: claim.id,
  });
}
