import { type MinimalistInstance, zhuExactIdentity, zhuFinalSharpness } from '../../src/claims/zhu/zhu.js';
import { type Boundary, boundary } from './boundary.js';

/** One GD step on L = ¼(x²y² − 1)² from (x, y) at η; `gf` states the gradient-flow version of the identity (x² − y² unchanged). */
const step = (x: string, y: string, lr: string, steps = 1, gf = false): MinimalistInstance => ({
  model: 'minimalist',
  theta: [x, y],
  lr,
  steps,
  ...(gf ? { variant: 'gf-conserved' as const } : {}),
});

/** A near-manifold start of the claim's generator (y₀ = (1 + δ)/x₀ with x₀² − y₀² from κ = η·S_GFS/2 before the scaling), 12 000 steps at most. */
const near = (x: string, y: string, lr: string, kappa: string): MinimalistInstance => ({ model: 'minimalist', theta: [x, y], lr, steps: 12000, kappa });

export const ZHU_BOUNDARIES: readonly Boundary[] = [
  boundary(zhuExactIdentity, {
    outside: {
      // From (2, 1): r = 3, x²y² = 4, so one step multiplies x² − y² = ±3 by 1 − 36η²; the magnitudes sum to ~8.
      description:
        'the gradient-flow statement (x² − y² unchanged) at η = 5.77e-7 from (2, 1) and (1, 2): x² − y² = ±3 moves by ∓36η²·3, a relative 4.49e-12, 4.9× the 4096-ulp bound, of either sign',
      instances: [step('2', '1', '0.000000577', 1, true), step('1', '2', '0.000000577', 1, true)],
    },
    // The GD identity on the same step, and 20 steps of a start at η = 0.31.
    inside: [step('2', '1', '0.000000577'), step('1.37', '-0.81', '0.31', 20)],
  }),
  boundary(zhuFinalSharpness, {
    outside: {
      description:
        'η·S_∞/2 past either end of [0.98, 1 + 1e-9]: a near-manifold start at η = 0.1, κ = 0.982, δ = 0.05 (below the edge, hypothesis waived) that lands at ' +
        '0.979858, 1.4e-4 under the 0.98; and a start on the minimizers (xy = 1 to 20 digits) with η·S/2 = 1 + 5e-9, which stays within 1e-10 of xy = 1 for three ' +
        'steps and so counts as converged at 5× the 1e-9 slack past the 1 (the near-manifold start waived)',
      instances: [
        near('3.11722448917806', '0.33683810827396', '0.1', '0.982'),
        { model: 'minimalist', theta: ['3.1462643779698288965', '0.31783724438480404789'], lr: '0.1', steps: 100 },
      ],
    },
    // Generated starts landing at η·S_∞/2 = 0.98931 (η = 0.3, κ = 1.5, δ = −0.1), the least measured, and 0.99769 (η = 0.1, κ = 1.02, δ = 0.05).
    inside: [near('2.18890105931673', '0.411165226573071', '0.3', '1.5'), near('3.17820702598493', '0.330374953996146', '0.1', '1.02')],
    decision: { runs: 100, holdsFrom: 88, violatedUpTo: 72 },
  }),
];
