import { uvExactBalancingRate, type UvBalancingInstance } from '../../src/claims/arora/arora.js';
import { type ManifoldInstance, ngdLimitingFlow, ngdTwoCycleHarmonicMean, sharpnessDecreasesAlongFlow, sqrtEntersEos, sqrtLimitingFlow } from '../../src/claims/arora/manifoldToy.js';
import { type Boundary, boundary } from './boundary.js';

/** A manifold-toy run from (x₀, z₀) over slow time 0.2. */
export const manifold = (x: string, z: string, lr: string, rule: 'ngd' | 'sqrt-gd', extra: Partial<ManifoldInstance> = {}): ManifoldInstance =>
  ({ model: 'manifold-toy', theta: [x, z], lr, rule, horizon: '0.2', ...extra });

const uv = (lr: string, rule: 'gd' | 'sqrt-gd', v = '0.3'): UvBalancingInstance => ({ model: 'uv', params: { target: '1' }, theta: ['2', v], lr, steps: 1, rule, rate: 'sqrt-gd' });

const flow = (claim: typeof ngdLimitingFlow, rule: 'ngd' | 'sqrt-gd') => boundary(claim, {
  outside: {
    description: 'the flow started from z₀ with |x₀| = 0.12 at η = 0.03: Phase I moves z by a relative 4.5e-3–4.7e-3, 1.5× the bound 0.1·η',
    instances: [manifold('0.12', '1', '0.03', rule, { flowStart: 'z0' })],
  },
  inside: [manifold('0.12', '1', '0.03', rule, { flowStart: 'phase1' }), manifold('1', '1', '0.03', rule, { flowStart: 'phase1' })],
  notTolerance: 'the bound is the statement\'s 0.1·η (FLOW_C); the declared tolerance is 0',
});

const twoCycle = (claim: typeof ngdTwoCycleHarmonicMean, rule: 'ngd' | 'sqrt-gd', lr: string) => boundary(claim, {
  outside: {
    description: `the harmonic-mean statistic at η = ${lr}, past the η ≤ 0.03 of the hypotheses: the 2-step mean is 3–4e-3 off ½, 3–4× the abs tolerance 1e-3`,
    instances: [manifold('0.5', '1.5', lr, rule, { statistic: 'harmonic' })],
  },
  inside: [manifold('0.5', '1.5', '0.03', rule, { statistic: 'harmonic' })],
});

export const ARORA_BOUNDARIES: readonly Boundary[] = [
  boundary(uvExactBalancingRate, {
    outside: {
      description: 'one plain GD step at η = 3e-6 asserted at the √L-GD rate: Δ misses 1 − η²/2 by η²Δ|r² − ½|, about 3× the 4096-ulp bound of λ, ' +
        'below the rate from (2, 0.3) (r² = 0.16) and above it from (2, 1) (r² = 1)',
      instances: [uv('0.000003', 'gd'), uv('0.000003', 'gd', '1')],
    },
    inside: [uv('0.000003', 'sqrt-gd'), uv('0.1', 'sqrt-gd')],
  }),
  twoCycle(ngdTwoCycleHarmonicMean, 'ngd', '0.1'),
  twoCycle(sqrtEntersEos, 'sqrt-gd', '0.08'),
  flow(ngdLimitingFlow, 'ngd'),
  flow(sqrtLimitingFlow, 'sqrt-gd'),
  boundary(sharpnessDecreasesAlongFlow, {
    outside: {
      description: 'NGD from (1, 0.001) at η = 2.2 and 2.4, far past the η ≤ 0.05 of the hypotheses, sampled at Φ(θ) (the projection): a step flips z and ' +
        'enlarges |z|, and λ₁(Φ(θ)) rises by a relative 1.08e-6 and 3.7e-6, 1.08× and 3.7× the 1e-6 slack',
      instances: [{ ...manifold('1', '0.001', '2.2', 'ngd'), horizon: '40', sample: 'projection' }, { ...manifold('1', '0.001', '2.4', 'ngd'), horizon: '40', sample: 'projection' }],
    },
    inside: [{ ...manifold('1', '0.001', '0.05', 'ngd'), horizon: '0.3', sample: 'projection' }, { ...manifold('0.5', '1', '0.05', 'sqrt-gd'), horizon: '0.3', sample: 'projection' }],
    notTolerance: 'the bound is the statement\'s 1e-6 relative slack; the declared tolerance is 0',
  }),
];
