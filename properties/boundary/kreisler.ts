import { kreislerGfsMonotone, kreislerPairGap, type DeepScalarInstance } from '../../src/claims/kreisler/kreisler.js';
import { kreislerConvergesToEos } from '../../src/claims/kreisler/convergesToEos.js';
import { type Boundary, boundary } from './boundary.js';
import { ROUNDING_ONLY } from './wangXuZhaoTao.js';

const deep = (theta: string[], y: string, lr: string, steps = 1, gf = false): DeepScalarInstance => ({
  model: 'deep-scalar',
  params: { target: y },
  theta,
  lr,
  steps,
  ...(gf ? { variant: 'gf-conserved' as const } : {}),
});

/** A generated instance of kreisler.converges-to-eos (20 000 steps at most; it stops once converged). */
const gfs = (theta: string[], lr: string, kappa: string): DeepScalarInstance => ({
  model: 'deep-scalar',
  params: { target: '1' },
  theta,
  lr,
  steps: 20000,
  kappa,
});

export const KREISLER_BOUNDARIES: readonly Boundary[] = [
  boundary(kreislerConvergesToEos, {
    outside: {
      description:
        'a generated start, (1.55, 0.42) at κ = 2.002, that lands at η·S∞ = 1.7970, 0.17% under the 1.8; and a start 1e-9 off the minimizer (2, 0.5) at ' +
        'η·S = 2(1 + 2.5e-6), which stays within 1e-8 of it for three steps and so counts as converged at η·S∞ = 2 + 5e-6, 5× the 1e-6 slack past the edge ' +
        '(the start on the minimizers waived)',
      instances: [
        gfs(['1.55', '0.42'], '0.668988480734193', '2.002'),
        { model: 'deep-scalar', params: { target: '1' }, theta: ['2', '0.5000000005'], lr: '0.470589411764706', steps: 100, kappa: '2' },
      ],
    },
    // Generated starts landing at η·S∞ = 1.8147 and 1.8199.
    inside: [gfs(['2.16', '1', '0.8'], '0.428632842424694', '2.01'), gfs(['2.12', '0.44'], '0.457718716436043', '2.171')],
    decision: { runs: 100, holdsFrom: 70, violatedUpTo: 50 },
  }),
  boundary(kreislerPairGap, {
    notTolerance: ROUNDING_ONLY,
    outside: {
      description:
        'the gradient-flow statement (gaps unchanged) at η = 3e-6, D = 2, y = −1 from (2, 0) and (0, 2): the gap moves by ∓4η², a relative 4.5e-12, 4.9× the 4096-ulp bound, of either sign',
      instances: [deep(['2', '0'], '-1', '0.000003', 1, true), deep(['0', '2'], '-1', '0.000003', 1, true)],
    },
    inside: [deep(['2', '0'], '-1', '0.000003'), deep(['0', '2', '1.5'], '-1', '0.3', 3)],
  }),
  boundary(kreislerGfsMonotone, {
    notTolerance: ROUNDING_ONLY,
    outside: {
      // D = 2: φ = √(Δ² + 4) and Δ⁺ = Δ(1 − η²r²), so |Δ|, and φ, rise iff η|r| > √2.
      description:
        'D = 2 from (2, 0.25) (r = −0.5) at η = 2√2·(1 + 1.6e-12), η|r| just past √2: φ rises by a relative 5.1e-12, 5.6× the 4096-ulp bound (the step-size condition waived)',
      instances: [deep(['2', '0.25'], '1', '2.82842712475071558100')],
    },
    // The same start at the condition's edge η·φ(w₀) = 2.8 (one step: the second changes a weight's sign), and 50 steps of a generic start.
    inside: [deep(['2', '0.25'], '1', '0.634011639532498'), deep(['1.2', '0.8', '1.1'], '1', '0.5', 50)],
  }),
];
