import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLinearLossPredictionOrder } from '../src/claims/damian/deepLinearSelfStabilization.js';
import { buildDeepLinearEdgeFamily, deepLinearEdgeFamilyArb } from '../src/claims/damian/edgeFamilyDeepLinear.js';
import { evaluate } from '../src/harness/evaluate.js';
import { DEEP_LINEAR_MEASURED, statedRunDifferences } from './boundary/twoLayer.js';

/**
 * The loss prediction on the deep linear network: it holds on the pinned instance with its fit in the
 * evidence, its control (without x²/η) fails with order_too_low, and a draw outside the hypotheses is
 * inconclusive. Claim and control share their runs (edgeRun.ts).
 */
// First in the file: it computes the rungs the tests below replay.
it('deep linear network: runRung measures on the pinned instance what DEEP_LINEAR_MEASURED states (statedRunDifferences)', () => {
  const inst = fc.sample(deepLinearEdgeFamilyArb(), { seed: 1, numRuns: 1 })[0];
  expect(statedRunDifferences(() => evaluate(deepLinearLossPredictionOrder, inst, { mode: 'claim' }), DEEP_LINEAR_MEASURED)).toEqual([]);
}, 120_000);

describe('the loss prediction on the deep linear network', () => {
  it('holds on the pinned instance, and its control without x²/η is violated with order_too_low', () => {
    const [inst] = fc.sample(deepLinearEdgeFamilyArb(), { seed: 1, numRuns: 1 });
    const v = evaluate(deepLinearLossPredictionOrder, inst, { mode: 'claim' });
    if (process.env.EDGE_VERBOSE) console.log(JSON.stringify(v.verdict.evidence));
    expect(v.verdict.verdict, v.verdict.evidence.message).toBe('holds');
    expect(v.verdict.evidence.details).toMatchObject({ steps: '0+338, 0+472, 0+674, 0+943' });
    const [c] = fc.sample(deepLinearEdgeFamilyArb('no-energy'), { seed: 1, numRuns: 1 });
    const w = evaluate(deepLinearLossPredictionOrder, c, { mode: 'control' });
    if (process.env.EDGE_VERBOSE) console.log(JSON.stringify(w.verdict.evidence));
    expect(w.verdict.verdict, w.verdict.evidence.message).toBe('violated');
    expect(w.verdict.evidence.code).toBe('order_too_low');
  }, 60_000);

  it('a draw whose α is negative at the first θ† is inconclusive (alpha_positive), never a pass', () => {
    // Another draw from the same ranges, θ_K = deepLinearThetaK(X, [−1.13, 0.44, −0.20, 0.47, −0.48, −1.19, 0.74, −0.29, −1.23, −0.56]).
    const X = [
      ['0.27', '-0.56', '-1.72'],
      ['-1.81', '-1.85', '-1.97'],
      ['-1.64', '-0.58', '0.23'],
      ['1.48', '0.62', '1.04'],
      ['-0.83', '-1.33', '0.24'],
      ['-0.54', '0.31', '0.46'],
    ];
    const thetaK = [
      '-1.59498338015',
      '0.587629073316',
      '-0.425595216205',
      '0.487270753452',
      '-0.437254137226',
      '-0.974864625711',
      '0.480402256325',
      '-0.413359533579',
      '-0.870856708879',
      '-0.552428729862',
    ];
    const v = evaluate(deepLinearLossPredictionOrder, buildDeepLinearEdgeFamily(X, thetaK), { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('alpha_positive');
  });
});
