import { uvExactBalancingRate } from '../../src/claims/arora/arora.js';
import { ngdLimitingFlow, ngdTwoCycleHarmonicMean } from '../../src/claims/arora/manifoldToy.js';
import { sharpnessDecreasesAlongFlow } from '../../src/claims/arora/sharpnessAlongFlow.js';
import { timeAveragedLoss } from '../../src/claims/damian/timeAveragedLoss.js';
import { odeConservedQuantity } from '../../src/claims/damian/odeConservedQuantity.js';
import { perturbedExpr, type TrackInstance } from '../../src/claims/damian/damianTracking.js';
import { g, type GuardInstance } from './guardInstance.js';
import { ALPHA_NEGATIVE_DRAW } from '../../test-support/twoLayerDraws.js';
import { REACHED_GUARDS } from './reachedGuards.js';
import { OTHER_GUARD_INSTANCES } from './guardInstancesOthers.js';
import { fourStages } from '../../src/claims/damian/fourStages.js';
import { reducedMapExact } from '../../src/claims/damian/reducedMap.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { buildEdgeFamily, EDGE_PINNED } from '../../src/claims/damian/edgeFamilyTwoLayer.js';
import { twoLayerTrackingOrder } from '../../src/claims/damian/twoLayerSelfStabilization.js';
import { manifold } from './arora.js';
import { toy, track } from './damian.js';
import { wxztCatapult } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { wxztGapBelowEdge } from '../../src/claims/wangXuZhaoTao/gapBelowEdge.js';
import fc from 'fast-check';
import { depth1NoRotation, type GdRunInstance } from '../../src/claims/wangRoberts/wangRoberts.js';
import { swapIsNotRotation } from '../../src/claims/wangRoberts/swapIsNotRotation.js';
import { wxztBalancingIdentity } from '../../src/claims/wangXuZhaoTao/wangXuZhaoTao.js';

export type { GuardInstance } from './guardInstance.js';

/** The tracking toy of the boundary controls (properties/boundary/damian.ts), and the same toy as the perturbed `expr` loss with C = 0.2, q = 0. */
const TRACK: TrackInstance = track(200);
const PERTURBED: TrackInstance = {
  ...TRACK,
  model: 'expr',
  params: {},
  expr: perturbedExpr(TRACK.toy.a0, TRACK.toy.b, TRACK.toy.c, '0.2', '0'),
  vars: ['x', 'z'],
  perturbation: { C: '0.2', q: '0' },
};

export const GUARD_INSTANCES: readonly GuardInstance[] = [
  g(uvExactBalancingRate, 'at_minimizer', { model: 'uv', params: { target: '1' }, theta: ['2', '0.5'], lr: '0.1', steps: 3, rule: 'sqrt-gd', rate: 'sqrt-gd' }),
  g(ngdTwoCycleHarmonicMean, 'wrong_rule', { ...manifold('0.5', '1', '0.03', 'sqrt-gd'), statistic: 'harmonic' }),
  g(sharpnessDecreasesAlongFlow, 'on_manifold', { ...manifold('0', '1', '0.03', 'ngd'), sample: 'projection' }),
  g(sharpnessDecreasesAlongFlow, 'wrong_rule', { ...manifold('0.5', '1', '0.03', 'ngd'), rule: 'gd', sample: 'projection' }),
  // As for the limiting flow: Phase I from |x₀| = 1 at η = 1e-5 would take 1e5 NGD steps, past the 20 000 allowed.
  g(sharpnessDecreasesAlongFlow, 'no_phase_one', { ...manifold('1', '1', '0.00001', 'ngd'), sample: 'projection' }),
  g(ngdLimitingFlow, 'degenerate_start', { ...manifold('0.5', '0', '0.03', 'ngd'), flowStart: 'phase1' }),
  // NGD moves |x| by η per step: from |x₀| = 1 at η = 1e-5 Phase I would take 1e5 steps, past the 20 000 allowed.
  g(ngdLimitingFlow, 'no_phase_one', { ...manifold('1', '1', '0.00001', 'ngd'), flowStart: 'phase1' }),
  g(fourStages, 'toy_signs', { ...toy('0.01', '0.1', 1), toy: { a0: '200', b: '1', c: '-0.01' }, params: { a0: '200', b: '1', c: '-0.01' } }),
  // readToy's hypotheses (src/claims/damian/damian.ts): b, c and η each at exactly 0, on the edge of the stated b, c, η > 0.
  ...(['b', 'c'] as const).map((k) => {
    const p = { a0: '200', b: '1', c: '0.01', [k]: '0' };
    return g(fourStages, 'toy_signs', { ...toy('0.01', '0.1', 1), toy: p, params: p });
  }),
  g(fourStages, 'toy_signs', { ...toy('0.01', '0.1', 1), lr: '0' }),
  // assumeExactToy's hypothesis: GD runs on a loss with one coefficient off the stated toy's (by 1e-10 of a₀), or on another model.
  ...(
    [
      ['a0', '200.00000002'],
      ['b', '1.0000000001'],
      ['c', '0.0100000001'],
    ] as const
  ).map(([k, v]) => {
    const i = toy('0.01', '0.1', 1);
    return g(reducedMapExact, 'not_cubic', { ...i, params: { ...i.params, [k]: v } });
  }),
  g(reducedMapExact, 'not_cubic', {
    ...toy('0.01', '0.1', 1),
    model: 'expr',
    params: {},
    expr: '0.5*(200 + z)*x^2 - 0.01*z',
    vars: ['x', 'z'],
  } as unknown as ToyInstance),
  // A draw of the two-layer edge family whose α turns negative along θ† (docs/claims/damian.md, draws 6–8).
  g(twoLayerTrackingOrder, 'alpha_positive', buildEdgeFamily(ALPHA_NEGATIVE_DRAW.X, ALPHA_NEGATIVE_DRAW.thetaK)),
  // A negative-control instance checked as a claim instance.
  g(twoLayerTrackingOrder, 'control_variant', buildEdgeFamily(EDGE_PINNED.X, EDGE_PINNED.thetaK, undefined, 3, 'no-cubic')),
  // u₀ = 1.25, below the stated start box [1.8, 3] × [0.05, 1].
  g(wxztCatapult, 'start_out_of_range', { model: 'uv', params: { target: '1' }, theta: ['1.25', '0.25'], lr: '1.3', steps: 10, kappa: '3.25' }),
  // u = 2, v = 0.25 (inside the stated start box): λ_GFS = √(3.9375² + 4) = 4.416, so η = 0.7 is κ = 3.09, past the catapult's κ ≤ 3.
  g(wxztCatapult, 'kappa_out_of_range', { model: 'uv', params: { target: '1' }, theta: ['2', '0.25'], lr: '0.7', steps: 10, kappa: '3.09' }),
  // uv = 1 at the start: a minimizer, a fixed point of GD whatever η.
  g(wxztCatapult, 'start_on_minimizers', { model: 'uv', params: { target: '1' }, theta: ['2', '0.5'], lr: '0.5', steps: 10, kappa: '2.06' }),
  // Two steps cannot reach ‖uvᵀ − A‖_F < 1e-12 for three steps in a row.
  // A balanced start far out (u₀ = v₀ = 50, η = 0.5): GD leaves |θ| < 1e6 within a few steps.
  g(swapIsNotRotation, 'diverged', { model: 'uv', params: { target: '1' }, theta: ['50', '50'], lr: '0.5', steps: 20 }),
  // A generated quadratic started at 1e300: κ > 1 carries θ past the doubles (the claim follows divergent runs to that point).
  g(depth1NoRotation, 'non_finite', {
    ...(fc.sample(depth1NoRotation.arbitrary, { seed: 1, numRuns: 1 })[0] as GdRunInstance),
    theta: ['1e300', '1e300'],
    lr: '1000',
    steps: 60,
  }),
  // x₀ = y₀ = 1e200 under the quartic loss: s = xᵀy overflows, so the very first step is not finite.
  g(wxztBalancingIdentity, 'diverged_at_once', {
    model: 'inner-product',
    params: { loss: 'quartic', mu: '1' },
    theta: ['1e200', '1e200'],
    lr: '0.1',
    steps: 3,
  }),
  g(wxztGapBelowEdge, 'not_converged', { ...fc.sample(wxztGapBelowEdge.arbitrary, { seed: 1, numRuns: 1 })[0], steps: 2 }),
  // x₀ = 0: GD on the invariant line x = 0 of the cubic toy (δ = 1, ω = 0.0523), which never self-stabilizes.
  g(timeAveragedLoss, 'x0_small', { ...TRACK, theta: ['0', '0'] }),
  // readTrack's hypotheses (src/claims/damian/damianTracking.ts): each sign at exactly 0, each coefficient GD runs on off the
  // stated one, and a loss outside the family (not the cubic toy for the exact claims, not the perturbed formula for the others).
  ...(['b', 'c'] as const).map((k) =>
    g(odeConservedQuantity, 'toy_signs', { ...TRACK, params: { ...TRACK.params, [k]: '0' }, toy: { ...TRACK.toy, [k]: '0' } }),
  ),
  g(odeConservedQuantity, 'toy_signs', { ...TRACK, lr: '0' }),
  ...(['a0', 'b', 'c'] as const).map((k) => g(odeConservedQuantity, 'not_cubic', { ...TRACK, params: { ...TRACK.params, [k]: '1.5' } })),
  g(odeConservedQuantity, 'not_cubic', { ...TRACK, perturbation: { C: '0', q: '0' } }),
  g(odeConservedQuantity, 'not_cubic', { ...PERTURBED }),
  g(timeAveragedLoss, 'not_toy_family', { ...PERTURBED, expr: perturbedExpr(TRACK.toy.a0, TRACK.toy.b, TRACK.toy.c, '0.2', '0.1') }),
  g(timeAveragedLoss, 'not_toy_family', { ...PERTURBED, model: 'cubic-toy' }),
  g(timeAveragedLoss, 'not_toy_family', { ...TRACK, perturbation: { C: '0', q: '0' } }),
  ...REACHED_GUARDS,
  ...OTHER_GUARD_INSTANCES,
];
