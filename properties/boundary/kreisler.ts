import { kreislerGfsMonotone, kreislerPairGap, type DeepScalarInstance } from '../../src/claims/kreisler/kreisler.js';
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

export const KREISLER_BOUNDARIES: readonly Boundary[] = [
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
