import { descentLemmaQuadratic, quadraticMonotoneBelowEdge } from '../../src/claims/classical/classical.js';
import type { QuadraticGdInstance } from '../../src/claims/classical/quadraticGdInstance.js';
import { type Boundary, boundary } from './boundary.js';

/** One GD step on L = ½θ² (λ_max = 1, θ* = 0) from θ₀ = 1. */
const q = (lr: string, smoothness?: string): QuadraticGdInstance => ({
  model: 'quadratic',
  params: {},
  data: { A: [['1']], b: ['0'] },
  eigen: { values: ['1'], vectors: [['1']] },
  thetaStar: ['0'],
  theta: ['1'],
  lr,
  steps: 1,
  ...(smoothness !== undefined ? { smoothness } : {}),
});

export const CLASSICAL_BOUNDARIES: readonly Boundary[] = [
  boundary(quadraticMonotoneBelowEdge, {
    notTolerance:
      'the tolerance is a rounding allowance, not a slack: a margin within it climbs the ladder and the rise is certified at interval precision, so no tolerance hides it (the point of the known-answer tests)',
    outside: {
      description: 'κ = η·λ_max = 2 + 3e-12: the loss rises by a relative 6e-12, 6.6× the 4096-ulp slack',
      instances: [q('2.000000000003')],
    },
    inside: [q('1.999999999997')],
  }),
  boundary(descentLemmaQuadratic, {
    notTolerance:
      'the tolerance is a rounding allowance, not a slack: a margin within it climbs the ladder and the rise is certified at interval precision, so no tolerance hides it (the point of the known-answer tests)',
    outside: {
      description: 'L = λ_max·(1 − 6e-12) at η = 1: the decrease falls short of the promise by 6e-12 of the loss, 4.4× the 4096-ulp slack',
      instances: [q('1', '0.999999999994')],
    },
    inside: [q('1', '1'), q('1', '1.000000000006')],
  }),
];
