import type { Claim } from '../types';

/**
 * A claim before it is numbered. A draft may end with a placeholder `id`: numbering then fills a
 * property the object has, instead of adding one (which gives each claim a property store of its own).
 */
type Draft<C> = C extends Claim ? Omit<C, 'id'> & { id?: number } : never;

/** Collects claims and numbers them. */
export class ClaimSink {
  readonly claims: Claim[] = [];

  /** `gate`: claims it turns away are not collected (claims/tables/unfilled.ts). */
  constructor(private readonly gate?: (claim: Claim) => boolean) {}

  /** Numbers a fresh draft in place (callers pass literals; copying each one was a hot spot). */
  add<C extends Claim>(draft: Draft<C>): C {
    const claim = draft as unknown as C;
    if (this.gate && !this.gate(claim)) return claim;
    claim.id = this.claims.length;
    this.claims.push(claim);
    return claim;
  }
}
