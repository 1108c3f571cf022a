import { type DlnGdInstance, evenHyperbolicIdentity, evenInvariantIdentity } from '../../src/claims/even/even.js';
import { type Boundary, boundary } from './boundary.js';

/** One sample, one feature, X = 1, target y, from (u, v) = θ: at β = uv = 0 the gradient is g = −y. */
const dln = (theta: [string, string], y: string, lr: string, variant?: DlnGdInstance['variant']): DlnGdInstance => ({
  model: 'diagonal-linear',
  data: { X: [['1']], y: [y] },
  theta,
  lr,
  steps: 1,
  ...(variant !== undefined ? { variant } : {}),
});

/** A generic instance of the generator: n = 2, d = 3, 30 steps at γ = 0.5. */
const generic: DlnGdInstance = {
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
  steps: 30,
};

export const EVEN_BOUNDARIES: readonly Boundary[] = [
  boundary(evenInvariantIdentity, {
    outside: {
      description:
        'the gradient-flow statement (u² − v² unchanged) at γ = 1.5e-6, g = 2, from (1, 0) and (0, 1): c moves by ∓cγ²g² = ∓9e-12, a relative 4.5e-12 of the scale, ' +
        '4.95× the 4096-ulp bound, of either sign',
      instances: [dln(['1', '0'], '-2', '0.0000015', 'gf-conserved'), dln(['0', '1'], '-2', '0.0000015', 'gf-conserved')],
    },
    inside: [dln(['1', '0'], '-2', '0.0000015'), dln(['0', '1'], '-2', '0.0000015'), generic],
  }),
  boundary(evenHyperbolicIdentity, {
    outside: {
      description:
        'the first-order mirror step s⁺ = s − γg at γ = 1.7e-4 from (1, 0), g = ±2: it misses s − artanh(γg) by ∓(γg)³/3 = ∓1.3e-11, a relative 4.4e-12 of the scale, ' +
        '4.8× the 4096-ulp bound, of either sign',
      instances: [dln(['1', '0'], '-2', '0.00017', 'first-order'), dln(['1', '0'], '2', '0.00017', 'first-order')],
    },
    inside: [dln(['1', '0'], '-2', '0.00017'), dln(['1', '0'], '2', '0.00017'), generic],
  }),
];
