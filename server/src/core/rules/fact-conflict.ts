import { checkRestated, written } from '../arith/interval';
import { restatedDiffText } from './explain';
import type { FactClaim } from '../types';
import { l, type Rule, type RuleContext } from './rule';

/**
 * The same fact stated twice with two values (prose.md §7). Same name → error; names that may
 * differ in scope (one only ends with the other) → warning.
 */
export const factConflict: Rule = {
  meta: {
    id: 'fact-conflict',
    type: 'problem',
    defaultSeverity: 'error',
    description: l('同一数据在不同位置的表述不一致', 'The same figure is stated with different values'),
    fixable: false,
    messages: { conflict: l('{name}前后不一致：{a} 与 {b}', '{name} is stated as {a} and as {b}') },
  },
  check(ctx) {
    for (const claim of ctx.claims) if (claim.kind === 'fact') checkFact(ctx, claim);
  },
};

/** One fact stated twice (its own function: a closure in the loop body would allocate a context per claim of every kind). */
function checkFact(ctx: RuleContext, claim: FactClaim): void {
  const eq = checkRestated(claim.a, claim.b);
  const explain = () => {
    const d = restatedDiffText(eq.diff, eq.tolerance, [claim.a, claim.b]);
    return l(
    `${claim.a.label} ${written(claim.a, [claim.b])} 与 ${claim.b.label} ${written(claim.b, [claim.a])}${eq.ok ? ' 一致 ✓' : `（${d.zh}）${claim.looseMatch ? '；两处名称略有不同，口径可能不同' : ''}`}`,
    `${claim.a.label} ${written(claim.a, [claim.b])} and ${claim.b.label} ${written(claim.b, [claim.a])}${eq.ok ? ' agree ✓' : ` (${d.en})${claim.looseMatch ? '; the names differ slightly, the scopes may differ' : ''}`}`,
    );
  };
  const severity = claim.looseMatch || claim.soft || eq.touching ? 'warning' : 'error';
  ctx.verdict(claim.id, eq.ok ? 'ok' : severity, explain);
  if (eq.ok) return;
  const exp = explain();
  ctx.report({
    messageId: 'conflict',
    message: l(`${claim.b.label}前后不一致：此处为 ${written(claim.b, [claim.a])}，别处为 ${written(claim.a, [claim.b])}`, `${claim.b.label} is ${written(claim.b, [claim.a])} here but ${written(claim.a, [claim.b])} elsewhere`),
    explanation: exp,
    span: claim.b.span ?? claim.span,
    severity,
    related: claim.a.span ? [{ span: claim.a.span, message: l(`另一处：${claim.a.label} ${written(claim.a, [claim.b])}`, `elsewhere: ${claim.a.label} ${written(claim.a, [claim.b])}`) }] : [],
    claim: claim.id,
  });
}
