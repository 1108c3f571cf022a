import { describe, expect, it } from 'vitest';
import { type CodimInstance, sqrtLimitingFlowCodim2 as claim } from '../../src/claims/arora/codimTwoFlow.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { decoupledDiagonal } from '../../test-support/decoupledDiagonal.js';

/**
 * arora.sqrt.limiting-flow-codim2 through its check where its run cannot go on: on the diagonal linear
 * network X = [[1, 0], [0, 1], [0, 0]], y = (2, 0.5, 0) (L = ((u₁v₁ − 2)² + (u₂v₂ − 0.5)²)/6), √L-GD started on
 * Γ itself has L = L* = 0, its step η/(2√L) is undefined and the run stops at its first step: a
 * divergence (left_flow) at that step, not a distance to judge.
 */
const onGamma: CodimInstance = decoupledDiagonal(['2', '1', '1', '0.5'], {
  rule: 'sqrt-gd',
  run: 'sqrt-gd',
  lrs: ['0.01', '0.005', '0.0025', '0.00125'],
  horizon: '0.1',
});

describe(`${claim.id} through its check`, () => {
  it('reports √L-GD started on Γ (L = L*) as diverged (left_flow) at step 1', () => {
    const o = checkAt(claim, onGamma, parsePrecision('f64'), { mode: 'claim' }).outcome;
    expect([o.verdict, o.evidence.code, o.evidence.step]).toEqual(['diverged', 'left_flow', 1]);
  });
});
