import { descentLemmaQuadratic, quadraticIncreasesAboveEdge, quadraticMonotoneBelowEdge } from '../../src/claims/classical/classical.js';
import type { QuadraticGdInstance } from '../../src/claims/classical/quadraticGdInstance.js';
import { type Boundary, boundary } from './boundary.js';

/** `steps` GD steps (one by default) on L = ½θ² (λ_max = 1, θ* = 0) from θ₀ = 1. */
const q = (lr: string, smoothness?: string, steps = 1): QuadraticGdInstance => ({
  model: 'quadratic',
  params: {},
  data: { A: [['1']], b: ['0'] },
  eigen: { values: ['1'], vectors: [['1']] },
  thetaStar: ['0'],
  theta: ['1'],
  lr,
  steps,
  ...(smoothness !== undefined ? { smoothness } : {}),
});

const ROUNDING =
  'the tolerance is a rounding allowance, not a slack: a margin within it climbs the ladder and the rise is certified at interval precision, so no tolerance hides it (the point of the known-answer tests)';

export const CLASSICAL_BOUNDARIES: readonly Boundary[] = [
  boundary(quadraticIncreasesAboveEdge, {
    notTolerance:
      'the tolerance is the rounding slack a rise must exceed to count, in ulps: it shrinks with the precision, so at the top rungs the 6e-12 rise of the inside instance shows whatever its multiple, and a larger one only hides rises, never makes one',
    outside: {
      description:
        'κ = η·λ_max = 2 − 3e-12, just below the edge (three steps, κ ∈ (2, 3) waived): every step lowers the loss by a relative 6e-12, 6.6× the 4096-ulp slack',
      instances: [q('1.999999999997', undefined, 3)],
    },
    // κ = 2 + 3e-12: the horizon T* is 0 (no other direction), and the loss rises by a relative 6e-12 at step 0.
    inside: [q('2.000000000003', undefined, 3)],
  }),
  boundary(quadraticMonotoneBelowEdge, {
    notTolerance: ROUNDING,
    outside: {
      description: 'κ = η·λ_max = 2 + 3e-12: the loss rises by a relative 6e-12, 6.6× the 4096-ulp slack',
      instances: [q('2.000000000003')],
    },
    inside: [q('1.999999999997')],
  }),
  boundary(descentLemmaQuadratic, {
    notTolerance: ROUNDING,
    outside: {
      description: 'L = λ_max·(1 − 6e-12) at η = 1: the decrease falls short of the promise by 6e-12 of the loss, 4.4× the 4096-ulp slack',
      instances: [q('1', '0.999999999994')],
    },
    inside: [q('1', '1'), q('1', '1.000000000006')],
  }),
];
