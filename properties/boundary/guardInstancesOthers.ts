import fc from 'fast-check';
import { agarwala2dClosure } from '../../src/claims/agarwala/agarwala.js';
import { agarwalaGenericHighDim } from '../../src/claims/agarwala/genericHighDim.js';
import { chenChaos } from '../../src/claims/chen/chaos.js';
import { chenConvergesBelowOne, chenDivergenceThreshold, chenTwoCycle } from '../../src/claims/chen/chen.js';
import type { QuarticGdInstance } from '../../src/claims/chen/quarticGd.js';
import { momentumThresholds, quadraticDivergenceRate } from '../../src/claims/cohen/cohen.js';
import { SMALL_MLP, SMALL_N } from '../../src/claims/cohen/cohenNetworks.js';
import { eosHoverCubicToy } from '../../src/claims/cohen/hoverCubicToy.js';
import { eosHover } from '../../src/claims/cohen/mlpEos.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { evenHyperbolicIdentity } from '../../src/claims/even/even.js';
import { evenImplicitBias } from '../../src/claims/even/implicitBias.js';
import { evenLargeStepsHurt } from '../../src/claims/even/largeStepsHurt.js';
import { kreislerGfsMonotone } from '../../src/claims/kreisler/kreisler.js';
import { lewkowyczCatapultWindow } from '../../src/claims/lewkowycz/catapultWindow.js';
import { lewkowyczLambdaY0 } from '../../src/claims/lewkowycz/lewkowycz.js';
import { quadratic1D } from '../../test-support/quadraticInstance.js';
import { UV_QR } from '../../test-support/uvRegression.js';
import { oneSample } from './even.js';
import { g, type GuardInstance } from './guardInstance.js';

const ZERO3 = [
  ['0', '0', '0'],
  ['0', '0', '0'],
  ['0', '0', '0'],
];
/** GD on ¼(x² − μ)² with μ = 1, so z = x and a = η. */
const quartic = (x0: string, lr: string, steps: number): QuarticGdInstance => ({
  model: 'quartic',
  params: { mu: '1' },
  theta: [x0],
  lr,
  steps,
  a: lr,
  z0: x0,
});
/** The cubic toy ½(a₀ + z)x² − cz with b = 1, c = 0.222222, η = 0.03: η√(2α) = 0.02, inside the stated [0.01, 0.03]. */
const hoverToy = (a0: string, x0: string, o: { b?: string; c?: string } = {}): ToyInstance => {
  const toy = { a0, b: o.b ?? '1', c: o.c ?? '0.222222' };
  return { model: 'cubic-toy', params: { ...toy }, toy, theta: [x0, '0'], lr: '0.03', steps: 10 };
};
/** The width-1 uv model with target y. */
const uv = (y: string, u: string, v: string, lr: string, steps: number) => ({ model: 'uv' as const, params: { target: y }, theta: [u, v], lr, steps });

/**
 * Hand-made guard instances of agarwala, chen, cohen, even, kreisler and lewkowycz (properties/guards.test.ts): each
 * trips its own claim's guard, past the hypothesis edge by the stated amount where the guard is a hypothesis.
 */
export const OTHER_GUARD_INSTANCES: readonly GuardInstance[] = [
  // Q = I (f = ½(θ₁² + θ₂²)) instead of the uv form the closed form λ_GFS = √(Δ₀² + 4y²) is derived for.
  g(agarwala2dClosure, 'not_uv_form', {
    model: 'quadratic-regression',
    data: {
      ...UV_QR,
      Q: [
        [
          ['1', '0'],
          ['0', '1'],
        ],
      ],
    },
    theta: ['1', '0.5'],
    lr: '0.5',
    steps: 10,
  }),
  // λ₀ = 1² + 0.5² = 1.25 and η = 1.6008: η·λ₀ = 2.001, just past the stated η·λ₀ < 2.
  g(agarwala2dClosure, 'starts_above_edge', { model: 'quadratic-regression', data: UV_QR, theta: ['1', '0.5'], lr: '1.6008', steps: 10 }),
  // η·λ₀ = 6.25 (the start-below-edge hypothesis waived, as the below-gfs-edge control runs): GD blows up within a few steps.
  g(agarwala2dClosure, 'diverged', { model: 'quadratic-regression', data: UV_QR, theta: ['1', '0.5'], lr: '5', steps: 100 }, 'control'),
  // A linear model f = θ₁ (Q = 0) from θ₀ = 0: λ₀ = S₀ = 1, so η = 1.601 is η·λ₀ = 1.601, just past the stated ≤ 1.6.
  g(agarwalaGenericHighDim, 'starts_near_edge', {
    model: 'quadratic-regression',
    data: { J: [['1', '0', '0']], Q: [ZERO3], y: ['1'] },
    theta: ['0', '0', '0'],
    lr: '1.601',
    steps: 10,
    kappa: '1.601',
  }),
  // Two linear outputs θ₁ and 1e-4·θ₂ (y = 0, 1): the second's NTK eigenvalue 1e-8 has the proxy (h = 1/4) shrink its residual by
  // 1 − 2.5e-9 a step, so after its 10 000 steps ‖∇L‖ ≈ 1e-4, far from the 1e-8 it settles at.
  g(agarwalaGenericHighDim, 'gf_not_settled', {
    model: 'quadratic-regression',
    data: {
      J: [
        ['1', '0', '0'],
        ['0', '0.0001', '0'],
      ],
      Q: [ZERO3, ZERO3],
      y: ['0', '1'],
    },
    theta: ['0', '0', '0'],
    lr: '1',
    steps: 10,
    kappa: '1',
  }),
  // a = 0.8, z₀ = 1.5: z₀² = 2.25 = (1 + a)/a, a preimage of the fixed point 0 (GD lands on 0 in one step, exactly in f64 too).
  g(chenConvergesBelowOne, 'exceptional_start', quartic('1.5', '0.8', 10)),
  // a = 1, b = √3 = 1.7321: z₀ = 1.74, just outside the stated [−b, b].
  g(chenDivergenceThreshold, 'start_outside', quartic('1.74', '1', 10)),
  // 100 steps instead of the 500 + 2000 the exponent is measured over.
  g(chenChaos, 'steps', quartic('0.5', '1.5', 100)),
  // a = 1.1, z₀ = 3, outside the invariant interval [−b, b] (b = 1.68): the orbit escapes within two steps.
  g(chenTwoCycle, 'diverged', quartic('3', '1.1', 100)),
  // θ₀ = θ* (c₀ = 0), κ = 2.5: nothing along q_max to grow.
  g(quadraticDivergenceRate, 'no_top_component', quadratic1D('1', '0', '2.5', 3)),
  // One step, one short of the two a rate is fitted from.
  g(quadraticDivergenceRate, 'too_short', quadratic1D('1', '1', '2.5', 1)),
  // θ₀ = 1e308 on ½·2θ²: the gradient 2θ₀ overflows the doubles, so θ₁ is not finite.
  g(quadraticDivergenceRate, 'non_finite', quadratic1D('2', '1e308', '1.25', 5)),
  // β = 0.9501, just past the stated β ≤ 0.95; ηλ = 0.99 × (2 + 2β).
  g(momentumThresholds, 'range', {
    model: 'quadratic',
    params: {},
    data: { A: [['1']], b: ['0'] },
    theta: ['1'],
    lr: '3.861198',
    steps: 10,
    beta: '0.9501',
    method: 'heavy-ball',
    factor: '0.99',
    threshold: 'method',
  }),
  // x₀ = 0: GD stays on the invariant line x = 0, where nothing sharpens (a₀ = 60: ηS₀/2 = 0.9, below the edge).
  g(eosHoverCubicToy, 'x0_zero', hoverToy('60', '0')),
  // b = 0 or c = 0: α = bc = 0, no progressive sharpening; each coefficient at exactly 0.
  g(eosHoverCubicToy, 'no_sharpening', hoverToy('60', '0.1', { b: '0' })),
  g(eosHoverCubicToy, 'no_sharpening', hoverToy('60', '0.1', { c: '0' })),
  // c = 0.01 and 2 at η = 0.03: η√(2α) = 0.0042 and 0.06, either side of [0.01, 0.03].
  g(eosHoverCubicToy, 'g_range', hoverToy('60', '0.1', { c: '0.01' })),
  g(eosHoverCubicToy, 'g_range', hoverToy('60', '0.1', { c: '2' })),
  // a₀ = 66.7 at η = 0.03: ηS₀/2 = 1.0005, just past the stated S₀ < 2/η.
  g(eosHoverCubicToy, 'start_above_edge', hoverToy('66.7', '0.1')),
  // A generated start (η·S₀/2 = 0.7) whose η·S/2 first reaches 0.95 at step 37, run 40 steps with S measured at step 40 only:
  // the crossing at step 40 is past half the run.
  g(eosHover, 'late_crossing', {
    model: 'mlp-f64',
    net: SMALL_MLP,
    task: 'random-labels',
    n: SMALL_N,
    seed: 411791,
    dataSeed: 322405,
    kappa0: '0.7',
    lr: '0.6047',
    steps: 40,
    every: 40,
  }),
  // u₀ = v₀ = 0.5: c₀ = u₀² − v₀² = 0, on the edge of the stated c > 0.
  g(evenHyperbolicIdentity, 'gain_not_positive', { model: 'diagonal-linear', data: { X: [['1']], y: ['1'] }, theta: ['0.5', '0.5'], lr: '0.1', steps: 1 }),
  // v₀ = (0.01, 0, 0) instead of the stated v₀ = 0.
  g(evenImplicitBias, 'not_hyperbolic_start', {
    model: 'diagonal-linear',
    data: { X: [['1', '0.5', '0']], y: ['1'] },
    theta: ['0.5', '0.5', '0.5', '0.01', '0', '0'],
    lr: '0.1',
    steps: 100,
  }),
  // u₀ = (0.5, 0, 0.5): one coordinate of u₀ on the edge of the stated u₀ > 0, v₀ = 0.
  g(evenImplicitBias, 'not_hyperbolic_start', { ...oneSample('1', '0.1'), theta: ['0.5', '0', '0.5', '0', '0', '0'] }),
  // One step allowed where GD needs about 100 to reach γ·max|g| < 1e-9.
  g(evenImplicitBias, 'not_converged', { ...oneSample('1', '0.1'), steps: 1 }),
  // y = 3 at γ = 0.6: the first step has |γg| = 1.8, past the 1 where s = −Σ artanh(γg) is defined, and GD still converges.
  g(evenImplicitBias, 'step_too_large', oneSample('3', '0.6')),
  // The second sample is twice the first: XXᵀ is singular.
  g(evenImplicitBias, 'rank_deficient', {
    ...oneSample('1', '0.1'),
    data: {
      X: [
        ['1', '0.5', '0.25'],
        ['2', '1', '0.5'],
      ],
      y: ['1', '2'],
    },
  }),
  // y = 0: GD rests at β = 0 from the start, so s_∞ = 0 and ρ = ‖P_N s‖/‖s‖ is undefined.
  g(evenImplicitBias, 's_vanishes', oneSample('0', '0.1')),
  // γ = 100, 200 times the generator's largest step 0.5: GD leaves the finite range within three steps.
  g(evenImplicitBias, 'diverged', {
    model: 'diagonal-linear',
    data: { X: [['1', '0.5', '0']], y: ['1'] },
    theta: ['0.5', '0.5', '0.5', '0', '0', '0'],
    lr: '100',
    steps: 100,
  }),
  // A generated batch with κ_lo = 2, on the edge of the stated 2 < κ_lo.
  g(evenLargeStepsHurt, 'not_past_edge', { ...fc.sample(evenLargeStepsHurt.arbitrary, { seed: 1, numRuns: 1 })[0], kappaLo: '2', kappaHi: '2.3' }),
  // y = 0, on the edge of the stated y > 0.
  g(kreislerGfsMonotone, 'target_not_positive', { model: 'deep-scalar', params: { target: '0' }, theta: ['1', '1'], lr: '0.1', steps: 10 }),
  // w₀ = (1, 0): w₂ on the edge of the stated w > 0.
  g(kreislerGfsMonotone, 'weights_not_positive', { model: 'deep-scalar', params: { target: '1' }, theta: ['1', '0'], lr: '0.1', steps: 10 }),
  // w₀ = (3, 3), y = 1, η = 0.5 (η·φ(w₀) = 1): r = 8, so the first step sends each weight to 3 − 0.5·8·3 = −9.
  g(kreislerGfsMonotone, 'sign_change', { model: 'deep-scalar', params: { target: '1' }, theta: ['3', '3'], lr: '0.5', steps: 10 }),
  // Weights just under the stepper's divergence bound 1e12 (settings.ts) with y = 1e24 above their product (η·φ(w₀) = 2.6): the
  // first step grows each by 2.6, past the bound, which the check reads as GD diverging.
  g(kreislerGfsMonotone, 'diverged', { model: 'deep-scalar', params: { target: '1e24' }, theta: ['999999999999', '999999999999'], lr: '1.3e-24', steps: 10 }),
  // y = 0.01 instead of the y = 0 the identity needs.
  g(lewkowyczLambdaY0, 'target_not_zero', uv('0.01', '1', '0.5', '2', 10)),
  // v₀ = 0 (η·λ₀ = 3): f₀ = 0, a fixed point of GD.
  g(lewkowyczLambdaY0, 'f0_zero', uv('0', '1', '0', '3', 10)),
  // u₀ = v₀ = 1e150 with η·λ₀ = 3: the gradient f·v = 1e450 overflows the doubles (θ₀ is also past the stepper's bound 1e12).
  g(lewkowyczLambdaY0, 'non_finite', uv('0', '1e150', '1e150', '1.5e-300', 10)),
  // v₀ = 0.009 (η·λ₀ = 3.0002): |f₀| = 0.009, just under the stated 0.01.
  g(lewkowyczCatapultWindow, 'f0_tiny', uv('0', '1', '0.009', '3', 10)),
  // η·λ₀ = 2.9997 from f₀ = 0.1: three steps are far too few for the catapult to bring |f| under 1e-10.
  g(lewkowyczCatapultWindow, 'not_converged', uv('0', '1', '0.1', '2.97', 3)),
  // The enclosure guards fire only in interval arithmetic, where an enclosure grown wide proves nothing (the ladder climbs):
  // at interval:10 a long run widens its box past any use. The orbit of z ↦ z − ηz³ at η = 1.99 from 0.5 over 1000 steps;
  g(chenDivergenceThreshold, 'enclosure_blew_up', quartic('0.5', '1.99', 1000), 'claim', 'interval:10'),
  // the uv catapult at η = 3.8 (past the window) from (1, 0.1) over 2000 steps;
  g(lewkowyczCatapultWindow, 'enclosure_blew_up', uv('0', '1', '0.1', '3.8', 2000), 'claim', 'interval:10'),
  // heavy ball (β = 0.5, ηλ = 0.99 × 3) from θ₀ = 9e9000000000000000, whose first step (×1.97) leaves decimal.js's exponent range.
  g(
    momentumThresholds,
    'enclosure_blew_up',
    {
      model: 'quadratic',
      params: {},
      data: { A: [['1']], b: ['0'] },
      theta: ['9e9000000000000000'],
      lr: '2.97',
      steps: 10,
      beta: '0.5',
      method: 'heavy-ball',
      factor: '0.99',
      threshold: 'method',
    },
    'claim',
    'interval:10',
  ),
];
