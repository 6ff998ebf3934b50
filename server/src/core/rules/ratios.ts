// The ratio each rate claim states, with its inputs as intervals: shared by the rules that check
// shares, changes, completion rates, truncation and zero bases.
import { checkRatio, exact, sumOperand, type RatioCheck } from '../arith/interval';
import { magnitude } from '../arith/operand';
import type { ChangeClaim, Claim, CompletionClaim, Operand, ShareClaim } from '../types';

export interface RatioInputs {
  numerator: Operand;
  denominator: Operand;
  stated: Operand;
  /** The denominator was derived (P = C ∓ Δ), not stated. */
  derived: boolean;
}

/** Δ and P of a change claim, from whichever of C, P, Δ are stated (rounding.md §2–§3). */
export function changeBase(claim: ChangeClaim): { delta?: Operand; prior?: Operand; derived: boolean } {
  const { current, prior, delta, direction } = claim;
  if (prior) {
    // With C and P stated the rate is checked against the figures; a wrong Δ is its own finding.
    const d = current ? magnitude(sumOperand([current, prior], '变动额', undefined, [1, -1])) : delta;
    return { delta: d, prior, derived: false };
  }
  if (current && delta) {
    // The direction already carries the sign of a negative Δ (`增加-5.36万元` is a decrease of 5.36).
    return { delta, prior: sumOperand([current, magnitude(delta)], '上年数', undefined, [1, direction === 'down' ? 1 : -1]), derived: true };
  }
  if (current && direction === 'flat') return { delta: exact(0, '变动额'), prior: current, derived: true };
  return { delta, derived: false };
}

const inputsOf = new WeakMap<Claim, RatioInputs | null>();

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

function computeInputs(claim: Claim): RatioInputs | undefined {
  switch (claim.kind) {
    case 'share':
      return { numerator: (claim as ShareClaim).part, denominator: claim.base, stated: claim.stated, derived: false };
    case 'completion':
      return (claim as CompletionClaim).rate ? { numerator: claim.actual, denominator: claim.budget, stated: claim.rate!, derived: false } : undefined;
    case 'change': {
      if (!claim.rate) return undefined;
      const { delta, prior, derived } = changeBase(claim);
      if (!delta || !prior) return undefined;
      return { numerator: delta, denominator: prior, stated: claim.rate, derived };
    }
    default:
      return undefined;
  }
}

/**
 * Rates are compared by magnitude: the direction (增长 −10.27% for a decrease, 减少 for a fall) is
 * change-mismatch's direction check, not the ratio's.
 */
const checked = new WeakMap<RatioInputs, RatioCheck>();

export function checkClaimRatio(inputs: RatioInputs): RatioCheck {
  const cached = checked.get(inputs);
  if (cached) return cached;
  const check = computeRatio(inputs);
  checked.set(inputs, check);
  return check;
}

function computeRatio(inputs: RatioInputs): RatioCheck {
  return checkRatio(magnitude(inputs.numerator), inputs.denominator, inputs.stated);
}

/** The recomputed rate as it should be written: with the minus sign of a rate written negative (`增长-3.32%`). */
export function writtenRounded(stated: Operand, check: RatioCheck): string | undefined {
  const r = check.rounded;
  return r !== undefined && stated.value.isNegative() && !r.startsWith('-') ? `-${r}` : r;
}
