import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdgeFamily, edgeFamilyArb } from '../src/claims/damian/edgeFamilyTwoLayer.js';
import {
  twoLayerLossPredictionOrder,
  twoLayerSharpnessPredictionOrder,
  twoLayerTrackingOrder,
  twoLayerTracksPgdNotFlow,
} from '../src/claims/damian/twoLayerSelfStabilization.js';
import { evaluate } from '../src/harness/evaluate.js';
import { TWO_LAYER_MEASURED, statedRunDifferences } from './boundary/twoLayer.js';
import { ALPHA_NEGATIVE_DRAW } from '../test-support/twoLayerDraws.js';

/**
 * Self-stabilization on the two-layer tanh network: the claims hold on the pinned instance with their
 * fits in the evidence, each negative control fails for its reason (the failure code), and a draw
 * outside the hypotheses is inconclusive. The claims share their runs (edgeRun.ts), so after the first
 * claim the rest cost next to nothing.
 */
const [inst] = fc.sample(edgeFamilyArb(), { seed: 1, numRuns: 1 });

// First in the file: it computes the rungs the tests below replay.
it('two-layer tanh network: runRung measures on the pinned instance what TWO_LAYER_MEASURED states (statedRunDifferences)', () => {
  const inst = fc.sample(edgeFamilyArb(), { seed: 1, numRuns: 1 })[0];
  expect(statedRunDifferences(() => evaluate(twoLayerTrackingOrder, inst, { mode: 'claim' }), TWO_LAYER_MEASURED)).toEqual([]);
}, 120_000);

describe('self-stabilization on the two-layer tanh network: controls fail for the right reason', () => {
  it('holds on the pinned instance, with the fit in the evidence', () => {
    for (const claim of [twoLayerTrackingOrder, twoLayerLossPredictionOrder, twoLayerSharpnessPredictionOrder, twoLayerTracksPgdNotFlow]) {
      const v = evaluate(claim, inst, { mode: 'claim' });
      if (process.env.EDGE_VERBOSE) console.log(claim.id, JSON.stringify(v.verdict.evidence));
      expect(v.verdict.verdict, v.verdict.evidence.message).toBe('holds');
    }
  }, 60_000);

  for (const [claim, variant, code] of [
    [twoLayerTrackingOrder, 'no-cubic', 'order_too_low'],
    [twoLayerLossPredictionOrder, 'no-energy', 'order_too_low'],
    [twoLayerSharpnessPredictionOrder, 'no-y', 'order_too_low'],
    [twoLayerTracksPgdNotFlow, 'flow', 'left_reference'],
  ] as const) {
    it(`${claim.id}: the ${variant} control is violated with ${code}`, () => {
      const [c] = fc.sample(edgeFamilyArb(variant), { seed: 1, numRuns: 1 });
      const v = evaluate(claim, c, { mode: 'control' });
      if (process.env.EDGE_VERBOSE) console.log(claim.id, variant, JSON.stringify(v.verdict.evidence));
      expect(v.verdict.verdict, v.verdict.evidence.message).toBe('violated');
      expect(v.verdict.evidence.code).toBe(code);
    }, 60_000);
  }
});

describe('self-stabilization on the two-layer tanh network: outside the assumptions', () => {
  it('a draw whose α turns negative along θ† is inconclusive (alpha_positive), never a pass', () => {
    const draw = buildEdgeFamily(ALPHA_NEGATIVE_DRAW.X, ALPHA_NEGATIVE_DRAW.thetaK);
    const v = evaluate(twoLayerTrackingOrder, draw, { mode: 'claim' });
    expect(v.verdict.verdict).toBe('inconclusive');
    expect(v.verdict.evidence.code).toBe('alpha_positive');
  });
});
