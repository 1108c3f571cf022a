import { uvExactBalancingRate } from '../../src/claims/arora/arora.js';
import { enterEosCodim2 } from '../../src/claims/arora/codimTwoEos.js';
import { type CodimInstance, ngdLimitingFlowCodim2, ngdSharpnessDecreasesCodim2 } from '../../src/claims/arora/codimTwoFlow.js';
import { sqrtEntersEos, sqrtLimitingFlow } from '../../src/claims/arora/manifoldToy.js';
import { sharpnessDecreasesAlongFlow } from '../../src/claims/arora/sharpnessAlongFlow.js';
import { descentLemmaQuadratic, quadraticIncreasesAboveEdge, quadraticMonotoneBelowEdge } from '../../src/claims/classical/classical.js';
import { constrainedProjection } from '../../src/claims/damian/constrainedTrajectory.js';
import type { TrackInstance } from '../../src/claims/damian/damianTracking.js';
import { buildEdgeFamily, EDGE_LADDER, EDGE_PINNED } from '../../src/claims/damian/edgeFamilyTwoLayer.js';
import { twoLayerTrackingOrder } from '../../src/claims/damian/twoLayerSelfStabilization.js';
import { odeConservedQuantity } from '../../src/claims/damian/odeConservedQuantity.js';
import { predictedDynamicsTracking } from '../../src/claims/damian/predictedDynamics.js';
import { reducedMapExact } from '../../src/claims/damian/reducedMap.js';
import { timeAverageSharpness } from '../../src/claims/damian/timeAverages.js';
import { flatteningLrMonotone } from '../../src/claims/wangRoberts/flatteningInLr.js';
import { rotationEpisodes } from '../../src/claims/wangRoberts/rotationClaims.js';
import type { DepthRunInstance } from '../../src/claims/wangRoberts/rotationEpisodes.js';
import { catapultInnerProduct } from '../../src/claims/wangXuZhaoTao/catapultInnerProduct.js';
import { regularityConvergesWhereSquareDiverges } from '../../src/claims/wangXuZhaoTao/regularity.js';
import { wxztConvergenceRate } from '../../src/claims/wangXuZhaoTao/convergenceRate.js';
import { wxztCatapult } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { type MfGdInstance, wxztGapBelowEdge } from '../../src/claims/wangXuZhaoTao/gapBelowEdge.js';
import { manifold } from './arora.js';
import { toy } from './damian.js';
import { g, type GuardInstance } from './guardInstance.js';
import { quadratic1D } from '../../test-support/quadraticInstance.js';

/**
 * Hand-made instances, one per guard, each the least departure that trips it (properties/guards.test.ts).
 * `control`: the guard is a divergence reached once the hypothesis before it is waived, as a negative control runs.
 */

/** The toy of the tracking claims (b = 1, η = 0.02) from (x₀, 0). */
const track = (a0: string, c: string, x: string, steps = 4): TrackInstance => ({
  model: 'cubic-toy',
  params: { a0, b: '1', c },
  toy: { a0, b: '1', c },
  theta: [x, '0'],
  lr: '0.02',
  steps,
});

/** uv (deep-scalar, D = 2) near the balanced minimizer (1, 1), where S = 2. */
const uvRun = (lr: string, kappa0: string, steps = 300): DepthRunInstance =>
  ({
    model: 'deep-scalar',
    params: { target: '1' },
    theta: ['1.005', '1'],
    depth: 2,
    family: 'deep-scalar D=2',
    steps,
    kappa0,
    lr,
  }) as DepthRunInstance;

/** Rank-1 matrix factorization of A = (3, 3)ᵀ(1, 0) from u = (2, 0), v = (0.1, 0): η·λ₀ = 4.01η, η·λ_GFS = 9.38η. */
const mf = (lr: string, steps = 1500): MfGdInstance => ({
  model: 'matrix-factorization',
  data: {
    A: [
      ['3', '0'],
      ['3', '0'],
    ],
    rank: '1',
  },
  theta: ['2', '0', '0.1', '0'],
  lr,
  steps,
  kappa: '2',
});

/** A diagonal linear network (d = 2) on the ladder of η the codimension-2 claims take. */
const diagonal = (X: string[][], y: string[], theta: string[], rule: 'ngd' | 'sqrt-gd', lrs = ['0.16', '0.08', '0.04', '0.02']): CodimInstance => ({
  model: 'diagonal-linear',
  data: { X, y },
  theta,
  rule,
  run: rule,
  lrs,
  horizon: '0.3',
});
const X3 = [
  ['1', '0'],
  ['0', '1'],
  ['1', '1'],
];

function noCrossing() {
  const pinned = buildEdgeFamily(EDGE_PINNED.X, EDGE_PINNED.thetaK, EDGE_LADDER, 3);
  return { ...pinned, rungs: [{ ...pinned.rungs[0], lr: '0.001' }, ...pinned.rungs.slice(1)] };
}

export const REACHED_GUARDS: readonly GuardInstance[] = [
  // classical: a zero matrix; a start at θ*; no L; η·L = 2.5; an eigenpair that does not certify A; a short eigenvector list.
  g(quadraticMonotoneBelowEdge, 'lambda_max_not_positive', quadratic1D('0', '1', '1', 3)),
  g(quadraticIncreasesAboveEdge, 'no_top_component', quadratic1D('1', '0', '2.5', 3)),
  g(descentLemmaQuadratic, 'no_smoothness', quadratic1D('1', '1', '1', 3)),
  g(descentLemmaQuadratic, 'step_too_large', quadratic1D('1', '1', '2.5', 3, { smoothness: '1' })),
  g(descentLemmaQuadratic, 'certificate', quadratic1D('1', '1', '0.5', 3, { smoothness: '2', eigen: { values: ['2'], vectors: [['1']] } })),
  g(descentLemmaQuadratic, 'certificate_shape', quadratic1D('1', '1', '0.5', 3, { smoothness: '2', eigen: { values: ['1', '1'], vectors: [['1']] } })),
  // θ₀ = 1e155: L = ½θ² is already past the doubles after the first (contracting) step.
  g(quadraticMonotoneBelowEdge, 'non_finite_loss', quadratic1D('1', '1e155', '1.9', 3)),
  // damian: x₀ = 0; a₀ = 1/η, so 1 + ηỹ₀ = 0; x₀ = 0 in the reduced map; an expr that is not the stated toy; x₀ = 1e20, which
  // overflows within a step; x₀ = 1e10, which PGD cannot bring to the stable set (as a claim and, past it, as a control).
  g(timeAverageSharpness, 'x0_zero', toy('0.01', '0', 10)),
  g(timeAverageSharpness, 'multiplier_zero', toy('0.01', '0.1', 10, { a0: '100' })),
  g(odeConservedQuantity, 'orbit_nondegenerate', { ...track('100', '1.125', '0'), steps: 40 }),
  g(predictedDynamicsTracking, 'not_toy_family', {
    ...track('100.5', '1.125', '0.5'),
    model: 'expr',
    params: {},
    expr: 'x^2',
    vars: ['x', 'z'],
    perturbation: { C: '0', q: '0' },
  }),
  g(reducedMapExact, 'non_finite', toy('0.01', '1e20', 10)),
  g(predictedDynamicsTracking, 'projection_failed', track('100.5', '1.125', '1e10')),
  g(predictedDynamicsTracking, 'projection_failed', track('100.5', '1.125', '1e10'), 'control'),
  // The pinned two-layer instance with its first rung at η = 0.001: 2/η = 2000 lies far above any sharpness GD reaches, so the
  // run never crosses it in the 6000 steps allowed (the one costly guard instance: about a second).
  g(twoLayerTrackingOrder, 'no_crossing', noCrossing()),
  // wangRoberts: κ = 1.5 (no instability); κ = 6 (GD diverges at step 8); 5 steps (no run converges).
  g(rotationEpisodes, 'no_episode', uvRun('0.75', '1.5')),
  g(rotationEpisodes, 'diverged', uvRun('3', '6')),
  g(flatteningLrMonotone, 'not_converged', uvRun('1.1', '2.2', 5)),
  // wangXuZhaoTao: κ = 0.85, where the square loss converges; κ₀ = 0.125; η·λ_GFS = 0.094; η·λ₀ = 2.4; a rank-2 factorization;
  // η = 0.49 (η·λ₀ = 1.96, η·λ_GFS = 4.6: GD diverges); the balanced uv start at η = 0.5, which lands at η·S∞ = 1 (superlinear tail).
  g(regularityConvergesWhereSquareDiverges, 'square_did_not_diverge', {
    model: 'inner-product',
    params: { loss: 'logcosh', mu: '1' },
    theta: ['2', '0.5'],
    lr: '0.2',
    steps: 4000,
    kappa: '0.85',
    against: 'square',
  }),
  g(catapultInnerProduct, 'start_below_edge', {
    model: 'inner-product',
    params: { loss: 'logcosh', mu: '1' },
    theta: ['1', '0.5', '0.5', '1'],
    lr: '0.05',
    steps: 10,
    kappa0: '0.125',
  }),
  // PGD on the toy with a₀ + b·z at √(bc) (a₀ = 0.1, b = 1, c = 0.01): the projected start lands where x† = 0 is not forced.
  g(constrainedProjection, 'sharpness_below_sqrt_bc', toy('0.01', '0.1', 3, { a0: '0.1' })),
  // The catapult is stated for y = 1: a target of 2 is outside it.
  g(wxztCatapult, 'target', { model: 'uv', params: { target: '2' }, theta: ['2', '0.5'], lr: '0.3', steps: 3000, kappa: '2.5' }),
  g(wxztGapBelowEdge, 'gfs_below_edge', mf('0.01')),
  g(wxztGapBelowEdge, 'starts_above_edge', mf('0.6')),
  g(wxztGapBelowEdge, 'not_rank1_2x2', {
    ...mf('0.3', 10),
    data: { ...mf('0.3').data, rank: '2' },
    theta: ['2', '0', '0', '1', '0.1', '0', '0', '0.1'] as unknown as MfGdInstance['theta'],
  }),
  g(wxztGapBelowEdge, 'diverged', mf('0.49')),
  g(wxztGapBelowEdge, 'diverged', mf('0.49'), 'control'),
  g(wxztGapBelowEdge, 'not_converged', mf('0.3', 3), 'control'),
  g(wxztConvergenceRate, 'no_linear_phase', { model: 'uv', params: { target: '1' }, theta: ['1.2', '1.2'], lr: '0.5', steps: 3000, kappa: '1' }),
  g(wxztConvergenceRate, 'no_linear_phase', { model: 'uv', params: { target: '1' }, theta: ['1.2', '1.2'], lr: '0.5', steps: 3000, kappa: '1' }, 'control'),
  // arora: a ladder of three η; one sample (Γ of codimension 1); a symmetric network (λ₁ = λ₂); a balanced start, where the limiting
  // flow stands still; √L-GD at η = 0.5, which leaves the cycle and the flow for a fixed point; plain GD from (1e100, 1e100).
  g(ngdLimitingFlowCodim2, 'ladder', diagonal(X3, ['1', '0.25', '1.25'], ['1.2', '0.6', '0.9', '0.4'], 'ngd', ['0.16', '0.08', '0.04'])),
  g(enterEosCodim2, 'codimension', diagonal([['1', '0.5']], ['1'], ['1.2', '0.6', '0.9', '0.4'], 'sqrt-gd')),
  g(
    enterEosCodim2,
    'eigengap',
    diagonal(
      [
        ['1', '0'],
        ['0', '1'],
        ['0', '0'],
      ],
      ['1', '1', '0'],
      ['1.5', '1.5', '0.7', '0.7'],
      'sqrt-gd',
    ),
  ),
  g(ngdSharpnessDecreasesCodim2, 'flat_flow', diagonal(X3, ['1', '0.25', '1.25'], ['1.05', '0.525', '1.05', '0.525'], 'ngd')),
  g(sqrtEntersEos, 'left_cycle', { ...manifold('0.5', '1', '0.5', 'sqrt-gd'), statistic: 'harmonic' }),
  g(sqrtLimitingFlow, 'left_flow', { ...manifold('0.5', '1', '0.5', 'sqrt-gd'), flowStart: 'phase1' }),
  g(sharpnessDecreasesAlongFlow, 'left_flow', { ...manifold('0.5', '1', '0.5', 'sqrt-gd'), sample: 'projection' }),
  g(
    uvExactBalancingRate,
    'non_finite',
    { model: 'uv', params: { target: '1' }, theta: ['1e100', '1e100'], lr: '0.1', steps: 5, rule: 'gd', rate: 'sqrt-gd' },
    'control',
  ),
];
