import { type DlnGdInstance, evenHyperbolicIdentity, evenInvariantIdentity } from '../../src/claims/even/even.js';
import { evenEosFinalSharpness } from '../../src/claims/even/eosFinalSharpness.js';
import { type DlnBiasInstance, evenImplicitBias } from '../../src/claims/even/implicitBias.js';
import { evenLargeStepsHurt } from '../../src/claims/even/largeStepsHurt.js';
import { type Boundary, boundary } from './boundary.js';
import { batchRun, edgeRun } from './evenProblems.js';

/** One sample, one feature, X = 1, target y, from (u, v) = θ: at β = uv = 0 the gradient is g = −y. */
const dln = (theta: [string, string], y: string, lr: string, variant?: DlnGdInstance['variant']): DlnGdInstance => ({
  model: 'diagonal-linear',
  data: { X: [['1']], y: [y] },
  theta,
  lr,
  steps: 1,
  ...(variant !== undefined ? { variant } : {}),
});

/** A generic instance of the generator: n = 2, d = 3, `steps` steps at γ = 0.5. */
export const genericDln = (steps = 30): DlnGdInstance => ({
  model: 'diagonal-linear',
  data: {
    X: [
      ['0.5', '-0.7', '0.3'],
      ['-0.2', '0.9', '1'],
    ],
    y: ['0.8', '-0.6'],
  },
  theta: ['0.9', '0.4', '0.6', '0.1', '-0.2', '0.05'],
  lr: '0.5',
  steps,
});

/**
 * A generated implicit-bias instance (n = 3, d = 7, u₀ as drawn, v₀ = 0) with its targets (−0.78, 0.96, 0.53) multiplied by `scale`: ρ/γ² grows with
 * the gradients' size, about as scale².
 */
const bias = (scale: number, lr: string): DlnBiasInstance => ({
  model: 'diagonal-linear',
  data: {
    X: [
      ['-0.03', '0.39', '0', '-0.97', '0.93', '-0.04', '0.96'],
      ['0.06', '0.43', '-0.62', '0.99', '0', '0.27', '-0.6'],
      ['0.64', '0', '-0.57', '0.36', '0.02', '0.48', '-0.15'],
    ],
    y: ['-0.78', '0.96', '0.53'].map((y) => String(Math.round(Number(y) * scale * 10_000) / 10_000)),
  },
  theta: ['0.35', '0.55', '0.42', '0.45', '0.77', '0.56', '0.32', '0', '0', '0', '0', '0', '0', '0'],
  lr,
  steps: 20_000,
});

/**
 * The implicit-bias check on one sample x = (1, 0.5, 0.25) with target y, from u₀ = (0.5, 0.5, 0.5), v₀ = 0: about 100 steps to converge at
 * γ = 0.1 (hand-made guard instances, and the check's unit tests in properties/papers/evenBias.test.ts).
 */
export const oneSample = (y: string, lr: string, variant?: 'exact-mirror'): DlnBiasInstance => ({
  model: 'diagonal-linear',
  data: { X: [['1', '0.5', '0.25']], y: [y] },
  theta: ['0.5', '0.5', '0.5', '0', '0', '0'],
  lr,
  steps: 400_000,
  ...(variant === undefined ? {} : { variant }),
});

export const EVEN_BOUNDARIES: readonly Boundary[] = [
  boundary(evenInvariantIdentity, {
    outside: {
      description:
        'the gradient-flow statement (u² − v² unchanged) at γ = 1.5e-6, g = 2, from (1, 0) and (0, 1): c moves by ∓cγ²g² = ∓9e-12, a relative 4.5e-12 of the scale, ' +
        '4.95× the 4096-ulp bound, of either sign',
      instances: [dln(['1', '0'], '-2', '0.0000015', 'gf-conserved'), dln(['0', '1'], '-2', '0.0000015', 'gf-conserved')],
    },
    inside: [dln(['1', '0'], '-2', '0.0000015'), dln(['0', '1'], '-2', '0.0000015'), genericDln()],
  }),
  boundary(evenHyperbolicIdentity, {
    outside: {
      description:
        'the first-order mirror step s⁺ = s − γg at γ = 1.7e-4 from (1, 0), g = ±2: it misses s − artanh(γg) by ∓(γg)³/3 = ∓1.3e-11, a relative 4.4e-12 of the scale, ' +
        '4.8× the 4096-ulp bound, of either sign',
      instances: [dln(['1', '0'], '-2', '0.00017', 'first-order'), dln(['1', '0'], '2', '0.00017', 'first-order')],
    },
    inside: [dln(['1', '0'], '-2', '0.00017'), dln(['1', '0'], '2', '0.00017'), genericDln()],
  }),
  boundary(evenEosFinalSharpness, {
    notTolerance: 'the check compares γ·S_∞ with the statement’s 1.97, a constant of the statement; the declared tolerance is 0 and not read',
    outside: {
      description:
        'the generated run that lands nearest below the band: from γ·S_GF = 2.052, γ·S_∞ = 1.96996, 4.4e-5 under the 1.97 (the upper end 2 is part of ' +
        '"converged": a run resting past 2 + 1e-6 is not at its limit and is inconclusive, so no instance can violate it)',
      instances: [edgeRun('2.052')],
    },
    // The same problem one κ-step on (γ·S_∞ = 1.97063) and at 2.062 (1.97655).
    inside: [edgeRun('2.053'), edgeRun('2.062')],
    decision: { runs: 100, holdsFrom: 88, violatedUpTo: 72 },
  }),
  boundary(evenLargeStepsHurt, {
    notTolerance:
      'the slack is the check’s own 1e-6 on the medians (the limits are known to ~1e-7), a constant of the check; the declared tolerance is 0 and not read',
    outside: {
      description:
        'a generated batch whose error median falls from κ_lo = 2.052, with κ_hi = κ_lo + 7e-6: the median change of ‖β_∞ − β*‖ is −2.93e-6, 2.9× the 1e-6 slack below 0',
      instances: [batchRun('2.052007')],
    },
    // κ_hi = κ_lo + 1e-6: −4.2e-7, within the slack.
    inside: [batchRun('2.052001')],
    decision: { runs: 40, holdsFrom: 37, violatedUpTo: 27 },
  }),
  boundary(evenImplicitBias, {
    notTolerance:
      'the check compares ρ/γ² with the statement’s C = 0.25 and the slope with 0.5, constants of the statement; the declared tolerance is 0 and not read',
    outside: {
      description:
        'the targets ×3.32 (|y| up to 3.19, past the [−1, 1] of the hypotheses) at γ = 0.1: ρ/γ² = 0.2510, 0.4% past C = 0.25 (the runs converge in 1728 and 3313 steps, max|γg| < 1)',
      instances: [bias(3.32, '0.1')],
    },
    // ×3.28: ρ/γ² = 0.2443; and the generated instance itself at γ = 0.198: 0.0183.
    inside: [bias(3.28, '0.1'), bias(1, '0.198')],
  }),
];
