import { checkApproximate, checkRestated, checkSum, inUnitOf, roundedToPlaceOf, written } from '../arith/interval';
import { restatedDiffText } from './explain';
import { checkClaimRatio, ratioInputs } from './ratios';
import type { Approximation, Claim, FactClaim, Localized, Operand, SumClaim } from '../types';
import { LintMemo } from '../lint-memo';
import { l, setFigureFix, type FixDraft, type Rule, type RuleContext } from './rule';

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
    fixable: true,
    messages: { conflict: l('{name}前后不一致：{a} 与 {b}', '{name} is stated as {a} and as {b}') },
  },
  check(ctx) {
    // The statements of one fact, joined by the claims that pair them (each later statement with its first, or with the one
    // before it): a component of statements.
    const parent = new Map<number, number>();
    // (Every node on the path is pointed at the root: a fact stated thousands of times chains as many claims.)
    const root = (x: number): number => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r)!;
      for (let y = x; y !== r; ) {
        const next = parent.get(y)!;
        parent.set(y, r);
        y = next;
      }
      return r;
    };
    const components = new Map<number, FactClaim[]>();
    const facts: FactClaim[] = [];
    for (const claim of ctx.claims) {
      if (claim.kind !== 'fact') continue;
      if (claim.approx) {
        checkApproximateFact(ctx, claim, claim.approx);
        continue;
      }
      facts.push(claim);
      // (A statement without a place of its own is a component of its claim alone.)
      const [a, b] = [claim.a.span?.start ?? -1 - claim.id * 2, claim.b.span?.start ?? -2 - claim.id * 2];
      for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
      parent.set(root(a), root(b));
    }
    for (const claim of facts) {
      const key = root(claim.a.span?.start ?? -1 - claim.id * 2);
      const same = components.get(key);
      if (same) same.push(claim);
      else components.set(key, [claim]);
    }
    for (const claims of components.values()) {
      if (!oddOneOut(ctx, claims)) for (const claim of claims) checkFact(ctx, claim);
    }
  },
};

/**
 * `公务用车…支出决算为0.29万元` first, then `6.29万元` twice; or `本年收入合计2160.98万元` between two `2160.97万元`: when one statement
 * differs from every other and all the others agree among themselves, it is the odd one, and the one finding is on it. False
 * (nothing reported) otherwise.
 */
function oddOneOut(ctx: RuleContext, claims: FactClaim[]): boolean {
  if (claims.length < 2 || claims.some((c) => c.looseMatch || !c.a.span || !c.b.span)) return false;
  const statements = [...new Map(claims.flatMap((c) => [c.a, c.b]).map((o) => [o.span!.start, o])).values()];
  if (statements.length < 3) return false;
  // (The odd one disagrees with all the claims that hold it; every claim apart from it agrees. Counted in one pass: a fact may be
  // stated thousands of times.)
  const held = new Map<number, number>();
  const disagreeing = new Map<number, number>();
  let disagreements = 0;
  for (const c of claims) {
    const ok = checkRestated(c.a, c.b).ok;
    if (!ok) disagreements++;
    for (const at of new Set([c.a.span!.start, c.b.span!.start])) {
      held.set(at, (held.get(at) ?? 0) + 1);
      if (!ok) disagreeing.set(at, (disagreeing.get(at) ?? 0) + 1);
    }
  }
  const odd = disagreements === 0 ? undefined : statements.find((o) => disagreeing.get(o.span!.start) === disagreements && held.get(o.span!.start) === disagreements);
  if (!odd) return false;
  const others = statements.filter((o) => o !== odd);
  if (others.some((b) => !checkRestated(others[0], b).ok)) return false;
  const first = others[0];
  const eq = checkRestated(first, odd);
  // (An error when one statement of the fact, certain of its scope, disagrees with it, as checkFact would report that pair.)
  const holding = claims.filter((c) => c.a === odd || c.b === odd);
  const severity = holding.every((c) => c.soft) || eq.touching ? 'warning' : 'error';
  const d = restatedDiffText(eq.diff, eq.tolerance, [odd, first]);
  const explanation = l(
    `${odd.label} ${written(odd, [first])} 与其余 ${others.length} 处 ${written(first, [odd])}（${d.zh}）`,
    `${odd.label} ${written(odd, [first])} and ${written(first, [odd])} in ${others.length} other places (${d.en})`,
  );
  for (const c of claims) ctx.verdict(c.id, severity, () => explanation);
  ctx.report({
    messageId: 'conflict',
    message: l(
      `${odd.label}前后不一致：此处为 ${written(odd, [first])}，别处 ${others.length} 处均为 ${written(first, [odd])}`,
      `${odd.label} is ${written(odd, [first])} here but ${written(first, [odd])} in ${others.length} other places`,
    ),
    explanation,
    span: odd.span!,
    severity,
    related: others.map((b) => ({ span: b.span!, message: l(`另一处：${b.label} ${written(b, [odd])}`, `elsewhere: ${b.label} ${written(b, [odd])}`) })),
    fixes: [setTo(odd, first, l(`与其余 ${others.length} 处一致`, `as in the ${others.length} other places`))],
    claim: holding[0].id,
  });
  return true;
}

/** The odd statement set to the value the others state (`why`: which others). */
function setTo(odd: Operand, other: Operand, why: Localized): FixDraft {
  const text = inUnitOf(other.value, odd);
  return setFigureFix(odd.span!, text, l(`改为 ${text}（${why['zh-cn']}）`, `Change to ${text} (${why.en})`));
}

/** One fact stated twice (its own function: a closure in the loop body would allocate a context per claim of every kind). */
function checkFact(ctx: RuleContext, claim: FactClaim): void {
  const eq = checkRestated(claim.a, claim.b);
  // (Reported on the later statement, unless the first is known to be the slip: a list part its list's total contradicts.
  // The explanation names the other statement first.)
  // (Nor when only the later one is a rate its own figures bear out: `减少80.65万元，下降3.52%` against the overview's `下降3.25%`.)
  // (Nor when only the later one is a whole its parts add up to: `本年收入合计7,548.42万元，其中：…` against the overview's `0.57亿元`.)
  const vouched = !eq.ok && !claim.firstIsOdd && claim.a.span && ((rateVouched(ctx, claim.b) && !rateVouched(ctx, claim.a)) || (totalVouched(ctx, claim.b) && !totalVouched(ctx, claim.a)));
  const [here, there] = (claim.firstIsOdd || vouched) && claim.a.span ? [claim.a, claim.b] : [claim.b, claim.a];
  const explain = () => {
    const d = restatedDiffText(eq.diff, eq.tolerance, [there, here]);
    return l(
    `${there.label} ${written(there, [here])} 与 ${here.label} ${written(here, [there])}${eq.ok ? ' 一致 ✓' : `（${d.zh}）${claim.looseMatch ? '；两处名称略有不同，口径可能不同' : ''}`}`,
    `${there.label} ${written(there, [here])} and ${here.label} ${written(here, [there])}${eq.ok ? ' agree ✓' : ` (${d.en})${claim.looseMatch ? '; the names differ slightly, the scopes may differ' : ''}`}`,
    );
  };
  const severity = claim.looseMatch || claim.soft || eq.touching ? 'warning' : 'error';
  ctx.verdict(claim.id, eq.ok ? 'ok' : severity, explain);
  if (eq.ok) return;
  const exp = explain();
  ctx.report({
    messageId: 'conflict',
    message: l(`${here.label}前后不一致：此处为 ${written(here, [there])}，别处为 ${written(there, [here])}`, `${here.label} is ${written(here, [there])} here but ${written(there, [here])} elsewhere`),
    explanation: exp,
    span: here.span ?? claim.span,
    severity,
    related: there.span ? [{ span: there.span, message: l(`另一处：${there.label} ${written(there, [here])}`, `elsewhere: ${there.label} ${written(there, [here])}`) }] : [],
    // (A heading's figure restates the section's: set it to the text's.)
    fixes: claim.identity === 'prose.heading-figure' && claim.b.span ? [setTo(claim.b, claim.a, l('与正文一致', 'as the text states it'))] : vouched ? [setTo(here, there, l('按其数据算得', 'as its figures give it'))] : [],
    claim: claim.id,
  });
}

/** Whether `o` is the stated rate of a change or completion that its own figures bear out. */
function rateVouched(ctx: RuleContext, o: Operand): boolean {
  if (!o.span) return false;
  // (The rates by where they stand, built once per lint: conflicts may be many.)
  const rates = ratesByStart.of(ctx.claims, (claims) => {
    const byStart = new Map<number, Claim[]>();
    for (const c of claims) if (c.kind === 'change' || c.kind === 'completion') byStart.set(c.span.start, [...(byStart.get(c.span.start) ?? []), c]);
    return byStart;
  });
  return (rates.get(o.span.start) ?? []).some((c) => {
    const inputs = ratioInputs(c);
    return inputs !== undefined && inputs.stated.span?.start === o.span!.start && checkClaimRatio(inputs).status === 'ok';
  });
}
const ratesByStart = new LintMemo<readonly Claim[], Map<number, Claim[]>>();

/** Whether `o` is money, the total of a breakdown (two parts or more, a 其中 list too) that adds up to it exactly. */
// (Not a count: `7个项目中…优的7个、良的0个…` bears out the 7 no more than the 8 stated before.)
function totalVouched(ctx: RuleContext, o: Operand): boolean {
  if (!o.span || !o.fields.wan) return false;
  const totals = totalsByStart.of(ctx.claims, (claims) => {
    const byStart = new Map<number, SumClaim[]>();
    for (const c of claims) if (c.kind === 'sum' && c.parts.length >= 2 && c.total.span) byStart.set(c.total.span.start, [...(byStart.get(c.total.span.start) ?? []), c]);
    return byStart;
  });
  return (totals.get(o.span.start) ?? []).some((c) => checkSum(c.total, c.parts, c.signs).ok);
}
const totalsByStart = new LintMemo<readonly Claim[], Map<number, SumClaim[]>>();

/** The written unit, 万元 too (explanations of approximations name it: `近3,300万元`). */
function unitOf(o: Operand): string {
  return o.unit ?? (o.fields.wan ? '万元' : '');
}

function withUnit(o: Operand): string {
  return written(o) + (o.unit === undefined ? unitOf(o) : '');
}

const APPROXIMATION_WORDS: Record<Approximation, Localized> = {
  about: l('约', 'about '),
  near: l('近', 'nearly '),
  over: l('超过', 'over '),
  under: l('不足', 'under '),
};

/**
 * `政府采购支出约800万元` against `政府采购支出总额1,127.06万元`: an approximation or a bound that the exact figure does not
 * meet. A warning when it misses by little (how coarse a writer's 约 is, is a judgement), an error when by far.
 */
function checkApproximateFact(ctx: RuleContext, claim: FactClaim, how: Approximation): void {
  const { a, b } = claim;
  const check = checkApproximate(a, b, how);
  const word = APPROXIMATION_WORDS[how];
  const stated = { 'zh-cn': `${word['zh-cn']}${withUnit(b)}`, en: `${word.en}${withUnit(b)}` };
  const exact = withUnit(a);
  const range = `${inUnitOf(check.low, b)}${unitOf(b)} – ${inUnitOf(check.high, b)}${unitOf(b)}`;
  const explain = () =>
    l(
      `“${stated['zh-cn']}”容许 ${range}；${a.label} 为 ${exact}${check.ok ? ' ✓' : '，不在其内'}`,
      `"${stated.en}" allows ${range}; ${a.label} is ${exact}${check.ok ? ' ✓' : ', outside it'}`,
    );
  const severity = check.far ? 'error' : 'warning';
  ctx.verdict(claim.id, check.ok ? 'ok' : severity, explain);
  if (check.ok) return;
  ctx.report({
    messageId: 'conflict',
    message: l(`${b.label}的约数与确数不符：此处为 ${stated['zh-cn']}，别处为 ${exact}`, `${b.label} is stated as ${stated.en} here but is ${exact} elsewhere`),
    explanation: explain(),
    span: b.span ?? claim.span,
    severity,
    related: a.span ? [{ span: a.span, message: l(`确数：${a.label} ${exact}`, `exact figure: ${a.label} ${exact}`) }] : [],
    // (约: the exact figure rounded as coarsely as the approximation was written; a bound has no one right value.)
    fixes: how === 'about' && b.span ? [aboutFix(a, b)] : [],
    claim: claim.id,
  });
}

/** `约800万元` → `1,100` when the exact figure is 1,127.06万元: the digits only (the 约 and the unit stay). */
function aboutFix(exact: Operand, approx: Operand): FixDraft {
  // (Grouped by thousands when either figure is: `约800万元` against `1,127.06万元` becomes `约1,100万元`.)
  const text = roundedToPlaceOf(exact.value, approx, [exact, approx].some((o) => o.raw?.includes(',')));
  return setFigureFix(approx.span!, text, l(`改为 约${text}${unitOf(approx)}（与确数 ${withUnit(exact)} 相符）`, `Change to about ${text}${unitOf(approx)} (as the exact figure ${withUnit(exact)})`));
}
