import { agarwala2dClosure, type Qr2dInstance } from '../../src/claims/agarwala/agarwala.js';
import { agarwalaGenericHighDim, type QrInstance } from '../../src/claims/agarwala/genericHighDim.js';
import { UV_QR } from '../../test-support/uvRegression.js';
import { type Boundary, boundary } from './boundary.js';

/** The uv form (J = 0, Q = [[0, 1], [1, 0]], y = 1) from (θ₁, θ₂) at step η, 3000 steps at most (it stops once converged). */
const uv = (theta: [string, string], lr: string): Qr2dInstance => ({ model: 'quadratic-regression', data: UV_QR, theta, lr, steps: 3000 });

/** A generated random quadratic regression (p = 3, n = 3) from θ₀ = (0.3, −0.45, −0.03) at step η (κ = η·λ_GF as stated). */
const generic = (lr: string, kappa: string): QrInstance => ({
  model: 'quadratic-regression',
  data: {
    J: [
      ['0.17', '0.09', '-0.06'],
      ['-0.33', '0.02', '0.37'],
      ['-0.21', '0.12', '-0.24'],
    ],
    Q: [
      [
        ['-0.61', '0.49', '-0.06'],
        ['0.49', '0.32', '0.97'],
        ['-0.06', '0.97', '-0.66'],
      ],
      [
        ['-1', '0.97', '-0.62'],
        ['0.97', '-0.74', '-0.68'],
        ['-0.62', '-0.68', '0.9'],
      ],
      [
        ['0.94', '-0.41', '-0.99'],
        ['-0.41', '0.96', '-0.05'],
        ['-0.99', '-0.05', '0.94'],
      ],
    ],
    y: ['-0.94', '0.92', '0.99'],
  },
  theta: ['0.3', '-0.45', '-0.03'],
  lr,
  steps: 2000,
  kappa,
});

export const AGARWALA_BOUNDARIES: readonly Boundary[] = [
  boundary(agarwala2dClosure, {
    notTolerance: 'both predicates compare η·λ with 2, a constant of the statement, with no slack; the declared tolerance is 0 and not read',
    outside: {
      description:
        'from (−1.16, −0.02), a generated start that never crossed the edge, at η = 0.8503975, 5e-7 below where the overshoot first reaches 2: GD converges (η·λ_∞ = 1.734) ' +
        'with max η·λ_t = 1.9999982, 1.8e-6 short of 2',
      instances: [uv(['-1.16', '-0.02'], '0.8503975')],
    },
    // η = 0.8503984: max η·λ_t = 2.0000020 at step 1, then η·λ_∞ = 1.734; and the generated run that lands nearest the edge (η·λ_∞ = 1.9907).
    inside: [uv(['-1.16', '-0.02'], '0.8503984'), uv(['0.91', '0.55'], '0.991214049925471')],
    decision: { runs: 100, holdsFrom: 96, violatedUpTo: 84 },
  }),
  boundary(agarwalaGenericHighDim, {
    notTolerance:
      'the check compares η·λ_t with the statement’s level 1.9, a constant of the statement, with no slack; the declared tolerance is 0 and not read',
    outside: {
      description:
        'a generated instance that peaked at 1.84, with η raised to 0.23245, 1e-4 (relative) below where its peak first reaches the level: max η·λ_t = 1.89981, 1.9e-4 short of 1.9, ' +
        'before GD settles at step 222',
      instances: [generic('0.23245', '2.4866')],
    },
    // η = 0.232474: η·λ_t = 1.90020 at step 4; and η = 0.240288: 2.021 at step 4.
    inside: [generic('0.232474', '2.4868'), generic('0.240288', '2.5704')],
    decision: { runs: 100, holdsFrom: 96, violatedUpTo: 84 },
  }),
];
