import type { Claim } from '../claim.js';
import { edgeLossClaim } from './edgeClaims.js';
import { type DeepLinearEdgeInstance, deepLinearEdgeFamilyArb, deepLinearRungData } from './edgeFamilyDeepLinear.js';
import { SLOW_PERIOD } from './edgeRun.js';

/** The horizon: 3 periods of the reduced (x, y) dynamics from x₀ = δ/20 in the slow time εt, i.e. ⌈3·SLOW_PERIOD/ε⌉ steps. */
const SLOW_PERIODS = 3;

/**
 * The loss prediction on a deep linear network. Only it: on this family GD runs no slow cycle, and the
 * tracking, sharpness and tracks-pgd-not-flow statements either hold with their controls holding too or fail
 * (docs/claims/damian.md, "Self-stabilization on a deep linear network", measures all four).
 */
export const deepLinearLossPredictionOrder: Claim<DeepLinearEdgeInstance> = edgeLossClaim<DeepLinearEdgeInstance>({
  prefix: 'damian.deep-linear',
  on: 'On a 10-parameter deep linear network',
  statement:
    'Deep linear network, widths [3, 2, 2] (10 parameters), 6 samples; θ_K is where a descent of the sharpness along the output-preserving ' +
    'directions stops from a pinned draw (a balanced point, stationary there to 1e-11), and labels built there make ∇L(θ_K) = −μ∇S⊥ with ' +
    'η = 2/S(θ_K) and η²α = ε², ε ∈ {0.056, 0.04, 0.028, 0.02} (docs/claims/damian.md). GD from θ_K + (δ/20)u runs to the first crossing of ' +
    '2/η, then GD and θ† (projected GD onto the stable set, with the Newton step along u taken first) run side by side for ⌈18.83/ε⌉ steps: ' +
    '3 periods of the reduced (x, y) dynamics from x₀ = δ/20 in the slow time εt. The horizon is not counted in slow cycles because GD runs ' +
    'none here: at a balanced point q = |u·∇S|/‖∇S⊥‖ = 13.6–14.1 and G = ∇S⊥ᵀ(ηH)⁺∇S⊥/‖∇S⊥‖² = 1.05 (the cycle needs εq² ≪ 1 and εG ≫ 1), ' +
    'and GD stays on a period-2 orbit with |x| ≤ 0.1δ. ',
  smallest: '0.02',
  arbitrary: deepLinearEdgeFamilyArb,
  rungData: deepLinearRungData,
  run: { slowTime: SLOW_PERIODS * SLOW_PERIOD, newtonFirst: true },
  horizon: {
    title: '3 slow periods (ε·t ≤ 18.83)',
    hypothesis: '⌈18.83/ε⌉ steps are followed after the crossing (3 periods of the reduced dynamics in the slow time εt; no cycles counted)',
  },
  measured: {
    lossLevel: '1.2e-4; slope 2.00 [1.97, 2.03]',
    noEnergy: 'off by 0.0079–0.0043 δ²/η, below the level, but slope 0.58 [0.51, 0.64]: |x|/δ shrinks only slowly with ε',
    xScale: 'here |x| ≤ 0.1δ: GD stays on a period-2 orbit',
  },
});
