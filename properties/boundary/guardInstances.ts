import { uvExactBalancingRate } from '../../src/claims/arora/arora.js';
import { ngdLimitingFlow, ngdTwoCycleHarmonicMean, sharpnessDecreasesAlongFlow } from '../../src/claims/arora/manifoldToy.js';
import type { Claim, Instance } from '../../src/claims/claim.js';
import { fourStages } from '../../src/claims/damian/fourStages.js';
import { timeAverageXSquared } from '../../src/claims/damian/timeAverages.js';
import { wxztBalancingLimit, wxztFinalSharpness } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { manifold } from './arora.js';
import { toy } from './damian.js';

/** Hand-made instances that trip a guard no generated instance reaches (properties/guards.test.ts). */
export interface GuardInstance {
  readonly claim: Claim;
  readonly guard: string;
  readonly instance: Instance;
}

const g = <I extends Instance>(claim: Claim<I>, guard: string, instance: I): GuardInstance => ({ claim: claim as unknown as Claim, guard, instance });

// u = 1.25, v = 0.25: |Δ₀| = 1.5 < 2, λ_GFS = 2.5.
const uv = (lr: string, steps: number) => ({ model: 'uv' as const, params: { target: '1' }, theta: ['1.25', '0.25'] as const, lr, steps, kappa: '' });

export const GUARD_INSTANCES: readonly GuardInstance[] = [
  g(uvExactBalancingRate, 'at_minimizer', { model: 'uv', params: { target: '1' }, theta: ['2', '0.5'], lr: '0.1', steps: 3, rule: 'sqrt-gd', rate: 'sqrt-gd' }),
  g(ngdTwoCycleHarmonicMean, 'wrong_rule', { ...manifold('0.5', '1', '0.03', 'sqrt-gd'), statistic: 'harmonic' }),
  g(sharpnessDecreasesAlongFlow, 'on_manifold', { ...manifold('0', '1', '0.03', 'ngd'), sample: 'projection' }),
  g(ngdLimitingFlow, 'degenerate_start', { ...manifold('0.5', '0', '0.03', 'ngd'), flowStart: 'phase1' }),
  // NGD moves |x| by η per step: from |x₀| = 1 at η = 1e-5 Phase I would take 1e5 steps, past the 20 000 allowed.
  g(ngdLimitingFlow, 'no_phase_one', { ...manifold('1', '1', '0.00001', 'ngd'), flowStart: 'phase1' }),
  g(wxztBalancingLimit, 'imbalance_too_small', uv('0.9', 3000)),
  g(wxztFinalSharpness, 'not_converged', uv('0.9', 5)),
  g(fourStages, 'toy_signs', { ...toy('0.01', '0.1', 1), toy: { a0: '200', b: '1', c: '-0.01' }, params: { a0: '200', b: '1', c: '-0.01' } }),
  g(timeAverageXSquared, 'x0_zero', toy('0.01', '0', 10)),
];
