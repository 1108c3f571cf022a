import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diagonalLinearLossPredictionOrder,
  diagonalLinearSharpnessPredictionOrder,
  diagonalLinearTrackingOrder,
  diagonalLinearTracksPgdNotFlow,
} from '../src/claims/damian/diagonalLinearSelfStabilization.js';
import { buildDiagonalLinearEdgeFamily, diagonalLinearEdgeFamilyArb } from '../src/claims/damian/edgeFamilyDiagonalLinear.js';
import { evaluate } from '../src/harness/evaluate.js';
import { DIAGONAL_LINEAR_MEASURED, statedRunDifferences } from './boundary/twoLayer.js';

/**
 * Self-stabilization on the diagonal linear network: the claims hold on the pinned instance with their
 * fits in the evidence, each negative control fails for its reason (the failure code), and a draw
 * outside the hypotheses is inconclusive. The claims and controls share their runs (edgeRun.ts).
 */
const [inst] = fc.sample(diagonalLinearEdgeFamilyArb(), { seed: 1, numRuns: 1 });

// First in the file: it computes the rungs the tests below replay.
it('diagonal linear network: runRung measures on the pinned instance what DIAGONAL_LINEAR_MEASURED states (statedRunDifferences)', () => {
  const inst = fc.sample(diagonalLinearEdgeFamilyArb(), { seed: 1, numRuns: 1 })[0];
  expect(statedRunDifferences(() => evaluate(diagonalLinearTrackingOrder, inst, { mode: 'claim' }), DIAGONAL_LINEAR_MEASURED)).toEqual([]);
}, 120_000);

describe('self-stabilization on the diagonal linear network: controls fail for the right reason', () => {
  it('holds on the pinned instance, with the fit in the evidence', () => {
    for (const claim of [
      diagonalLinearTrackingOrder,
      diagonalLinearLossPredictionOrder,
      diagonalLinearSharpnessPredictionOrder,
      diagonalLinearTracksPgdNotFlow,
    ]) {
      const v = evaluate(claim, inst, { mode: 'claim' });
      if (process.env.EDGE_VERBOSE) console.log(claim.id, JSON.stringify(v.verdict.evidence));
      expect(v.verdict.verdict, v.verdict.evidence.message).toBe('holds');
      expect(v.verdict.evidence.details).toBeDefined();
    }
  }, 60_000);

  for (const [claim, variant, code] of [
    [diagonalLinearTrackingOrder, 'no-cubic', 'order_too_low'],
    [diagonalLinearLossPredictionOrder, 'no-energy', 'order_too_low'],
    [diagonalLinearSharpnessPredictionOrder, 'no-y', 'order_too_low'],
    [diagonalLinearTracksPgdNotFlow, 'flow', 'left_reference'],
  ] as const) {
    it(`${claim.id}: the ${variant} control is violated with ${code}`, () => {
      const [c] = fc.sample(diagonalLinearEdgeFamilyArb(variant), { seed: 1, numRuns: 1 });
      const v = evaluate(claim, c, { mode: 'control' });
      if (process.env.EDGE_VERBOSE) console.log(claim.id, variant, JSON.stringify(v.verdict.evidence));
      expect(v.verdict.verdict, v.verdict.evidence.message).toBe('violated');
      expect(v.verdict.evidence.code).toBe(code);
    }, 60_000);
  }
});

describe('self-stabilization on the diagonal linear network: outside the assumptions', () => {
  it('a draw whose α turns negative along θ† is inconclusive (alpha_positive), never a pass', () => {
    // Another draw from the same ranges: its θ† loses progressive sharpening at once.
    const X = [
      ['0.25', '-0.71', '-0.64', '-1.16', '-1.84'],
      ['1.37', '0.92', '-0.38', '1.47', '-0.34'],
      ['1.78', '1.76', '-1.31', '-1.48', '-0.55'],
      ['0.59', '1.21', '0.33', '0.76', '1.60'],
    ];
    // θ_K = diagonalLinearThetaK(X, [0.81, 1.46, 0.15, −0.50, 0.37, −0.91, 1.49, −1.24, −0.42, −0.77]), where the descent converges.
    const thetaK = [
      '0.473984101283',
      '0.980465641665',
      '1.29425738192',
      '-0.578275860632',
      '-0.833745034517',
      '-0.473984101283',
      '0.980465641665',
      '-1.29425738192',
      '-0.57827586063',
      '-0.833745034551',
    ];
    const draw = buildDiagonalLinearEdgeFamily(X, thetaK);
    const v = evaluate(diagonalLinearTrackingOrder, draw, { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('alpha_positive');
  });
});
