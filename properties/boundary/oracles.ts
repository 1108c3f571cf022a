import fc from 'fast-check';
import { ORACLE_CLAIMS, type OracleInstance } from '../../src/claims/oracles/oracle.js';
import { type Boundary, boundary } from './boundary.js';

/**
 * The oracle claims hold a model's closed-form Hessian to 90-digit finite differences within 1e-30 (normwise
 * relative; the differences themselves are good to about 1e-45). So the Hessian scaled by 1 + 3e-30 must be
 * flagged and by 1 + 3e-31 must pass: the claim's own check at a small stated distance from its bound, on one
 * generated instance per model (seed 1 of the claim's own generator, so every model's data shape is covered).
 */
const OUTSIDE = '1.000000000000000000000000000003';
const INSIDE = '1.0000000000000000000000000000003';

const drawn = (claimArb: fc.Arbitrary<OracleInstance>): OracleInstance => fc.sample(claimArb, { seed: 1, numRuns: 1 })[0];

export const ORACLE_BOUNDARIES: readonly Boundary[] = ORACLE_CLAIMS.map((claim) => {
  const base = drawn(claim.arbitrary);
  return boundary(claim, {
    notTolerance:
      'the bounds are constants of the statement (ORACLE_BOUNDS: 1e-30 against 90-digit finite differences, 1e-10 in f64, 1e-30 at dec:50), ' +
      'not the declared tolerance; a changed bound turns the outside or the inside instance',
    outside: {
      description: 'the Hessian and HVP scaled by 1 + 3e-30: a relative Hessian error of 3e-30, 3× the 1e-30 bound',
      instances: [{ ...base, mutate: { hessianScale: OUTSIDE } }],
    },
    inside: [base, { ...base, mutate: { hessianScale: INSIDE } }],
  });
});
