import type { Claim } from '../claim.js';
import { edgeClaims } from './edgeClaims.js';
import { type DiagonalLinearEdgeInstance, diagonalLinearEdgeFamilyArb, diagonalLinearRungData } from './edgeFamilyDiagonalLinear.js';

const DIAGONAL_LINEAR = edgeClaims<DiagonalLinearEdgeInstance>({
  prefix: 'damian.diagonal-linear',
  on: 'On a 10-parameter diagonal linear network',
  statement:
    'Diagonal linear network, 5 inputs (θ = (u, v), 10 parameters), 4 samples; θ_K is where a descent of the sharpness along the output-preserving ' +
    'directions stops from a pinned draw (stationary there to 1e-3), and labels built there make ∇L(θ_K) = −μ∇S⊥ with η = 2/S(θ_K) and η²α = ε², ' +
    'ε ∈ {0.056, 0.04, 0.028, 0.02} (docs/claims/damian.md). GD from θ_K + (δ/20)u runs to the first crossing of 2/η, then GD, θ† (projected GD ' +
    'onto the stable set), θ† + v⋆ (the predicted dynamics) and gradient flow run side by side for 3 slow cycles. ',
  smallest: '0.02',
  arbitrary: diagonalLinearEdgeFamilyArb,
  rungData: diagonalLinearRungData,
  measured: {
    trackingInterval: 'wide on this instance: 3.07 [0.06, 6.08], the errors falling fast, then flattening (docs)',
    trackingLevel: '0.031',
    lossLevel: '0.022',
    sharpnessLevel: '0.090',
    sharpnessPointwise: 'the error is larger and shrinks more slowly (0.90, 0.73, 0.59, 0.49)',
    noCubic: 'it loses GD by 2.0–2.6δ, slope 0.25 [0.18, 0.32]',
    noEnergy: 'off by 4.2–6.9 δ²/η, slope 0.48 [0.33, 0.63]',
    noY: 'off by 0.94–1.26 √β·δ, slope 0.28 [0.22, 0.34]',
    flow: 'GD strays 5.9δ from it',
  },
});

export const diagonalLinearTrackingOrder: Claim<DiagonalLinearEdgeInstance> = DIAGONAL_LINEAR.tracking;
export const diagonalLinearLossPredictionOrder: Claim<DiagonalLinearEdgeInstance> = DIAGONAL_LINEAR.loss;
export const diagonalLinearSharpnessPredictionOrder: Claim<DiagonalLinearEdgeInstance> = DIAGONAL_LINEAR.sharpness;
export const diagonalLinearTracksPgdNotFlow: Claim<DiagonalLinearEdgeInstance> = DIAGONAL_LINEAR.tracksPgd;

/** The four claims, in catalog order. */
export const DIAGONAL_LINEAR_EDGE_CLAIMS = [
  diagonalLinearTrackingOrder,
  diagonalLinearLossPredictionOrder,
  diagonalLinearSharpnessPredictionOrder,
  diagonalLinearTracksPgdNotFlow,
] as const;
