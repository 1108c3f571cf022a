import type { Claim, Instance } from '../../src/claims/claim.js';

/** A hand-made instance that trips a guard no generated instance reaches (properties/guards.test.ts). */
export interface GuardInstance {
  readonly claim: Claim;
  readonly guard: string;
  readonly instance: Instance;
  /** The mode it runs in: `control` for a divergence guard behind a hypothesis that a negative control waives. */
  readonly mode: 'claim' | 'control';
  /** The precision it runs at (default f64): an `enclosure_blew_up` guard fires only in interval arithmetic. */
  readonly precision: string;
}

export const g = <I extends Instance>(claim: Claim<I>, guard: string, instance: I, mode: 'claim' | 'control' = 'claim', precision = 'f64'): GuardInstance => ({
  claim: claim as unknown as Claim,
  guard,
  instance,
  mode,
  precision,
});
