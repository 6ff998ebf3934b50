// The operands of a claim, whatever its kind: for the language server's token ↔ claim links and for
// merging the claims of several reports in one file.
import type { Claim, Operand } from '../types';

/** (By shape, not class: a result that crossed a thread boundary has lost its prototypes.) */
function isOperand(x: unknown): x is Operand {
  return typeof x === 'object' && x !== null && 'value' in x && 'halfUlp' in x && 'label' in x;
}

/** Every operand of a claim (new claim kinds are covered without changes here). */
export function claimOperands(claim: Claim): Operand[] {
  const out: Operand[] = [];
  for (const value of Object.values(claim)) {
    if (isOperand(value)) out.push(value);
    else if (Array.isArray(value)) for (const v of value) if (isOperand(v)) out.push(v);
  }
  return out;
}
