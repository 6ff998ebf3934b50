import type { Claim } from '../types';

type Draft<C> = C extends Claim ? Omit<C, 'id'> : never;

/** Collects claims and numbers them. */
export class ClaimSink {
  readonly claims: Claim[] = [];

  add<C extends Claim>(draft: Draft<C>): C {
    const claim = { ...draft, id: this.claims.length } as unknown as C;
    this.claims.push(claim);
    return claim;
  }
}
