// The ratio each rate claim states, with its inputs as intervals: shared by the rules that check
// shares, changes, completion rates, truncation and zero bases.
import Decimal from 'decimal.js';
import { checkEqual, checkRatio, exact, HUNDRED, reachableRate, sumOperand, type RatioCheck } from '../arith/interval';

const ONE = new Decimal(1);
import { magnitude, signOf, withChanges } from '../arith/operand';
import type { ChangeClaim, Claim, CompletionClaim, Operand, ShareClaim } from '../types';
import { LintMemo } from '../lint-memo';

export interface RatioInputs {
  numerator: Operand;
  denominator: Operand;
  stated: Operand;
  /** The denominator was derived (P = C ∓ Δ), not stated. */
  derived: boolean;
  /** How the rate is written: a percentage, a multiple (`增长1.5倍` is Δ / P = 1.5), or a fraction of one ('', a spreadsheet's `1.028950`). */
  symbol: '%' | '倍' | '';
  /** A change with C and P stated (and Δ, if it is): they bound the rate jointly (see jointBounds). */
  change?: { current: Operand; prior: Operand; delta?: Operand };
  /** A part's share of its whole (at most 100%). */
  share?: true;
  /** P derived from C and Δ (`5.71亿元，比上年减少8,394.69万元`): C, a finer table figure may restate it. */
  derivedFrom?: { current: Operand; delta: Operand; down: boolean };
  /** checkClaimRatio's verdict, once computed (kept here rather than in a memo table: cheaper). */
  check?: RatioCheck;
}

/** Δ and P of a change claim, from whichever of C, P, Δ are stated (rounding.md §2–§3). */
export function changeBase(claim: ChangeClaim): { delta?: Operand; prior?: Operand; derived: boolean } {
  const { current, prior, delta, direction } = claim;
  if (prior) {
    // With C and P stated the rate is checked against the figures; a wrong Δ is its own finding.
    if (!current) return { delta, prior, derived: false };
    const byFigures = magnitude(sumOperand([current, prior], '变动额', undefined, [1, -1]));
    // (`2.00万元，比上年1.73万元增加2,655.24元，增长15.3%`: a Δ stated to finer digits than C and P, and within the rounding of
    // C − P, is the sharper of the two; C − P = 0.27 would put the rate at 15.6%.)
    const finer = delta && signOf(delta) >= 0 && delta.halfUlp.times(2).lt(byFigures.halfUlp) && checkEqual(delta, byFigures).ok;
    return { delta: finer ? withChanges(delta, { label: '变动额' }) : byFigures, prior, derived: false };
  }
  if (current && delta) return { delta, prior: derivedPrior(current, delta, direction === 'down'), derived: true };
  if (current && direction === 'flat') return { delta: exact(0, '变动额'), prior: current, derived: true };
  return { delta, derived: false };
}

/** P = C ∓ |Δ|. (The direction already carries the sign of a negative Δ: `增加-5.36万元` is a decrease of 5.36.) */
function derivedPrior(current: Operand, delta: Operand, down: boolean): Operand {
  return sumOperand([current, magnitude(delta)], '上年数', undefined, [1, down ? 1 : -1]);
}

const inputsOf = new LintMemo<Claim, RatioInputs | null>();

/**
 * The ratio a claim states. Cached per claim, so the rules that look at one rate (share, change,
 * completion, truncation, totals, zero bases) compute it once.
 */
export function ratioInputs(claim: Claim): RatioInputs | undefined {
  if (claim.kind !== 'share' && claim.kind !== 'completion' && claim.kind !== 'change') return undefined;
  let inputs = inputsOf.get(claim);
  if (inputs === undefined) {
    inputs = computeInputs(claim) ?? null;
    inputsOf.set(claim, inputs);
  }
  return inputs ?? undefined;
}

/** How a stated rate is written: `倍`, a fraction of one (unit ''), else a percentage. */
function symbolOf(stated: Operand): RatioInputs['symbol'] {
  return stated.unit === '倍' ? '倍' : stated.unit === '' ? '' : '%';
}

function computeInputs(claim: Claim): RatioInputs | undefined {
  switch (claim.kind) {
    case 'share':
      // (An approximate share has no point value to compare: share-mismatch holds it to its range.)
      if ((claim as ShareClaim).approx) return undefined;
      // (`A是B的1.56倍`: a multiple, no share of a whole.)
      return claim.stated.unit === '倍'
        ? { numerator: (claim as ShareClaim).part, denominator: claim.base, stated: claim.stated, derived: false, symbol: '倍', change: undefined, check: undefined }
        : { numerator: (claim as ShareClaim).part, denominator: claim.base, stated: claim.stated, derived: false, symbol: symbolOf(claim.stated), change: undefined, check: undefined, share: true };
    case 'completion':
      return (claim as CompletionClaim).rate ? { numerator: claim.actual, denominator: claim.budget, stated: claim.rate!, derived: false, symbol: symbolOf(claim.rate!), change: undefined, check: undefined } : undefined;
    case 'change': {
      if (!claim.rate) return undefined;
      const { delta, prior, derived } = changeBase(claim);
      if (!delta || !prior) return undefined;
      const change = claim.current && claim.prior ? { current: claim.current, prior: claim.prior, delta: claim.delta } : undefined;
      const derivedFrom = derived && claim.current && claim.delta ? { current: claim.current, delta: claim.delta, down: claim.direction === 'down' } : undefined;
      return { numerator: delta, denominator: prior, stated: claim.rate, derived, symbol: symbolOf(claim.rate), change, check: undefined, derivedFrom };
    }
    default:
      return undefined;
  }
}

/**
 * Rates are compared by magnitude: the direction (增长 −10.27% for a decrease, 减少 for a fall) is
 * change-mismatch's direction check, not the ratio's.
 */
export function checkClaimRatio(inputs: RatioInputs): RatioCheck {
  return (inputs.check ??= computeRatio(inputs));
}

function computeRatio(inputs: RatioInputs): RatioCheck {
  const per = inputs.symbol === '%' ? HUNDRED : ONE;
  const check = checkRatio(magnitude(inputs.numerator), inputs.denominator, inputs.stated, per);
  // (A share cut to `100%` from 100.72%: a part above its whole, a figure wrong, not a truncation.)
  if (check.status === 'truncated' && inputs.share && check.point?.gt(per)) return { ...check, status: 'error' };
  if ((check.status === 'ok' || check.status === 'truncated') && inputs.change?.delta && checkEqual(magnitude(inputs.change.delta), magnitude(inputs.numerator)).ok) {
    // (`1.06 | 1.32 | 0.25 | 24.53`: the rate holds for C − P, and the 增减额 stated beside it does within its rounding, but
    // no true value of that 增减额 gives the rate, which is its ratio to P: the two contradict each other, one slipped. A
    // 增减额 off C − P is reported on its own.)
    const byDelta = checkRatio(magnitude(inputs.change.delta), inputs.denominator, inputs.stated, per);
    if (byDelta.status === 'error') {
      inputs.numerator = inputs.change.delta;
      return byDelta;
    }
  }
  // (`1.97万元（19,702.41元）…比上年的3.02万元减少1.05万元，下降34.77%`: C − P with the 元 figure gives 34.76%, but the 增减额
  // as stated, which C − P bears out, gives the rate exactly: the writer's own figures hold.)
  if (check.status === 'warning' && inputs.change?.delta && checkEqual(magnitude(inputs.change.delta), magnitude(inputs.numerator)).ok) {
    const byDelta = checkRatio(magnitude(inputs.change.delta), inputs.denominator, inputs.stated, per);
    if (byDelta.status === 'ok') {
      inputs.numerator = inputs.change.delta;
      return byDelta;
    }
  }
  if (check.status !== 'warning' || !inputs.change) return check;
  // Within the independent bounds of |C − P| and P, but the three figures bound it more tightly together.
  const bounds = jointBounds(inputs.change, per);
  if (!bounds) return check;
  const low = Decimal.max(check.low ?? bounds.low, bounds.low);
  const high = Decimal.min(check.high ?? bounds.high, bounds.high);
  // (Rounded only: a rate cut short from a figure that is itself off its rounded value stacks two slips, `-4.52 | -7.73` over 58.36.)
  return { ...check, low, high, status: reachableRate(inputs.stated.value.abs(), check.decimals, low, high, false) ? 'warning' : 'error' };
}

/**
 * The rate |C − P| / P with C and P each within their rounding, moved together (r = |C/P − 1| is monotonic in
 * C/P), and, with Δ stated, Δ / P as well: `20.19万元，比上年24.31万元减少4.12万元，下降16.90%` allows only
 * [16.927%, 16.968%], not the [16.903%, 16.992%] of |C − P| ± 2h over P ± h.
 */
function jointBounds({ current, prior, delta }: NonNullable<RatioInputs['change']>, per: Decimal): { low: Decimal; high: Decimal } | undefined {
  const c = current.value.abs();
  const p = prior.value.abs();
  const pLow = p.minus(prior.halfUlp);
  if (pLow.lte(0) || c.eq(p)) return undefined;
  const ratioLow = c.minus(current.halfUlp).div(p.plus(prior.halfUlp));
  const ratioHigh = c.plus(current.halfUlp).div(pLow);
  let low = (c.lt(p) ? ONE.minus(ratioHigh) : ratioLow.minus(ONE)).times(per);
  let high = (c.lt(p) ? ONE.minus(ratioLow) : ratioHigh.minus(ONE)).times(per);
  if (delta) {
    const d = delta.value.abs();
    low = Decimal.max(low, d.minus(delta.halfUlp).div(p.plus(prior.halfUlp)).times(per));
    high = Decimal.min(high, d.plus(delta.halfUlp).div(pLow).times(per));
  }
  return { low: Decimal.max(low, 0), high };
}

/** The recomputed rate as it should be written: with the minus sign of a rate written negative (`增长-3.32%`). */
export function writtenRounded(stated: Operand, check: RatioCheck): string | undefined {
  const r = check.rounded;
  return r !== undefined && stated.value.isNegative() && !r.startsWith('-') ? `-${r}` : r;
}

const finerByClaims = new LintMemo<readonly Claim[], Map<number, Operand>>();

/**
 * Prose figures that a table states equal and more finely (`12.59万元` and `125,899.15元`), or that the report states
 * again in the same words more finely (`本年收入合计3.22亿元` and `本年收入合计32244.36万元`), by token; built once per lint.
 */
function finerStatements(claims: readonly Claim[]): Map<number, Operand> {
  return finerByClaims.of(claims, () => {
    const finer = new Map<number, Operand>();
    for (const c of claims) {
      if (c.kind === 'fact' && !c.looseMatch) {
        const [coarse, fine] = c.a.halfUlp.gt(c.b.halfUlp) ? [c.a, c.b] : [c.b, c.a];
        if (coarse.token !== undefined && fine.halfUlp.lt(coarse.halfUlp) && !finer.has(coarse.token) && checkEqual(coarse, fine).ok) finer.set(coarse.token, fine);
        continue;
      }
      if (c.kind !== 'equal' || c.origin !== 'text-table' || c.a.token === undefined || !c.b.halfUlp.lt(c.a.halfUlp)) continue;
      if (checkEqual(c.a, c.b).ok) finer.set(c.a.token, c.b);
    }
    return finer;
  });
}

type Reading = { inputs: RatioInputs; check: RatioCheck };

/**
 * A rate that is no certain error read again with the tables' finer statements of its inputs: `settled` when they make it
 * right (or right but truncated); else `shown`, the reading its message and fix use (the finer one when it gives a rate).
 */
export function finerReading(claims: readonly Claim[], inputs: RatioInputs, check: RatioCheck): { settled?: Reading; shown: Reading } {
  const finer = withFinerFigures(claims, inputs);
  const settles = finer !== undefined && (finer.check.status === 'ok' || finer.check.status === 'truncated');
  if (check.status !== 'error' && settles) return { settled: finer, shown: finer };
  return { shown: finer?.check.rounded !== undefined ? finer : { inputs, check } };
}

/** The rate recomputed with the tables' finer statements of its inputs, when there are any (settled or not). */
export function withFinerFigures(claims: readonly Claim[], inputs: RatioInputs): Reading | undefined {
  const finer = finerStatements(claims);
  const numerator = inputs.numerator.token === undefined ? undefined : finer.get(inputs.numerator.token);
  // (A P derived from C and Δ is derived again from their finer statements.)
  const from = inputs.derivedFrom;
  const current = from?.current.token === undefined ? undefined : finer.get(from.current.token);
  const delta = from?.delta.token === undefined ? undefined : finer.get(from.delta.token);
  const denominator = inputs.denominator.token !== undefined ? finer.get(inputs.denominator.token) : (current || delta) && from ? derivedPrior(current ?? from.current, delta ?? from.delta, from.down) : undefined;
  if (!numerator && !denominator) return undefined;
  const refined: RatioInputs = { ...inputs, numerator: numerator ?? inputs.numerator, denominator: denominator ?? inputs.denominator, change: undefined, check: undefined };
  return { inputs: refined, check: checkClaimRatio(refined) };
}
