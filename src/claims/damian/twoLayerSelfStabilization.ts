import type { Claim } from '../claim.js';
import { edgeClaims } from './edgeClaims.js';
import { edgeFamilyArb, type EdgeFamilyInstance, twoLayerRungData } from './edgeFamilyTwoLayer.js';

const TWO_LAYER = edgeClaims<EdgeFamilyInstance>({
  prefix: 'damian.two-layer',
  on: 'On a 9-parameter tanh network',
  statement:
    'Two-layer tanh network, 2 inputs, width 3 (9 parameters), 12 samples; labels built at a pinned θ_K so that ∇L(θ_K) = −μ∇S⊥ with η = 2/S(θ_K) ' +
    'and η²α = ε², ε ∈ {0.04, 0.028, 0.02, 0.014} (docs/claims/damian.md). GD from θ_K + (δ/20)u runs to the first crossing of 2/η, then GD, ' +
    'θ† (projected GD onto the stable set), θ† + v⋆ (the predicted dynamics) and gradient flow run side by side for 3 slow cycles. ',
  smallest: '0.014',
  arbitrary: edgeFamilyArb,
  rungData: twoLayerRungData,
  measured: {
    trackingInterval: 'its lower end is reported: 0.86 on the pinned instance',
    trackingLevel: '0.053',
    lossLevel: '0.023',
    sharpnessLevel: '0.067',
    sharpnessPointwise: 'the error does not shrink (1.4–1.6 on every rung)',
    noCubic: 'it loses GD by about 2δ at every ε (order 0)',
    noEnergy: 'off by about 4δ²/η at every ε (order 0)',
    noY: 'off by 0.76–0.90 √β·δ, order ≈ 0.2',
    flow: 'GD ends 6δ or more from it',
  },
});

export const twoLayerTrackingOrder: Claim<EdgeFamilyInstance> = TWO_LAYER.tracking;
export const twoLayerLossPredictionOrder: Claim<EdgeFamilyInstance> = TWO_LAYER.loss;
export const twoLayerSharpnessPredictionOrder: Claim<EdgeFamilyInstance> = TWO_LAYER.sharpness;
export const twoLayerTracksPgdNotFlow: Claim<EdgeFamilyInstance> = TWO_LAYER.tracksPgd;
