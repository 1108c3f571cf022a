import { wxztBalancingIdentity } from '../../src/claims/wangXuZhaoTao/wangXuZhaoTao.js';
import type { UvRateInstance } from '../../src/claims/wangXuZhaoTao/wxztMore.js';
import { wxztConvergenceRate } from '../../src/claims/wangXuZhaoTao/wxztMore.js';
import { wxztCatapult, type UvGdInstance } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { type Boundary, boundary } from './boundary.js';

/**
 * Why ×10 on a tolerance of ulps cannot turn an outside instance of an exact identity: it is a rounding
 * allowance that shrinks with the precision (4.1e-36 at dec:40), so the ladder decides a violation of
 * a few times the f64 bound at dec:40 and dec:80 whatever the multiple; the f64 rung alone holds with
 * it ×10 (measured), which is what the outside instances are sized for.
 */
export const ROUNDING_ONLY =
  'the tolerance is a rounding allowance in ulps, not a slack: at dec:40 and dec:80 it is below 1e-35, so the violation, a few times the f64 bound, is flagged at the top rungs whatever its multiple (with it ×10 the f64 rung alone holds)';

/** ℓ(xᵀy) with the square loss and μ = −1 from (x, y), k = 1: at y = 0 (or x = 0) ℓ' = 1 and one step moves only the zero coordinate, to −2η. */
const sq = (x: string, y: string, lr: string, steps = 1, gf = true) => ({
  model: 'inner-product' as const,
  params: { loss: 'square', mu: '-1' },
  theta: [x, y],
  lr,
  steps,
  ...(gf ? { variant: 'gf-conserved' as const } : {}),
});

/** uv with y = 1 from (1.5, v₀) at η = 0.3 (κ ≈ 0.9): |r₀| = 0.005–0.0055, so S(θ₀) and S_∞ differ by a few 1e-3/η. */
const rate = (v: string, initial: boolean): UvRateInstance => ({
  model: 'uv',
  params: { target: '1' },
  theta: ['1.5', v],
  lr: '0.3',
  steps: 3000,
  kappa: '0.9',
  ...(initial ? { variant: 'initial-sharpness' as const } : {}),
});

/** uv with y = 1 from (u₀, v₀), run until converged (3000 steps at most); κ = η·λ_GFS as stated. */
const catapult = (u: string, v: string, lr: string, kappa: string): UvGdInstance => ({
  model: 'uv',
  params: { target: '1' },
  theta: [u, v],
  lr,
  steps: 3000,
  kappa,
});

export const WXZT_BOUNDARIES: readonly Boundary[] = [
  boundary(wxztCatapult, {
    notTolerance:
      'the tolerance is the least relative rise that counts: ×10 only makes a rise harder to count, and within κ ∈ [2.1, 3] the loss rises far above it, so no instance of the statement sits at it',
    outside: {
      description:
        'η just below where the loss first rises from (2, 0.6) and (1.8, 1), κ = 1.956 and 1.771 (the κ ≥ 2.1 of the hypotheses waived): η·S(θ₀) = 2.108 and 2.920 > 2, ' +
        'yet the largest rise is 5.0e-13 and 5.6e-13 of the loss, about half the 1e-12 slack',
      instances: [catapult('2', '0.6', '0.470923037074215', '1.956'), catapult('1.8', '1', '0.5898677680963', '1.771')],
    },
    // The same starts at the hypotheses' edge κ = 2.1.
    inside: [catapult('2', '0.6', '0.505626445329814', '2.1'), catapult('1.8', '1', '0.699316557774295', '2.1')],
  }),
  boundary(wxztBalancingIdentity, {
    notTolerance: ROUNDING_ONLY,
    outside: {
      description:
        "the gradient-flow statement (factor 1 for 1 − η²ℓ'²) at η = 3e-6: Δ⁺ misses it by ∓4η² = ∓3.6e-11, a relative 4.5e-12 of the scale, 4.9× the 4096-ulp bound, of either sign",
      instances: [sq('2', '0', '0.000003'), sq('0', '2', '0.000003')],
    },
    inside: [sq('2', '0', '0.000003', 1, false), sq('0', '2', '0.5', 3, false)],
  }),
  boundary(wxztConvergenceRate, {
    outside: {
      description:
        'the rate taken at S(θ₀) from |u₀v₀ − 1| = 0.005 and 0.0055 (η = 0.3): the final-phase contraction is off it by +3.4e-3 and −3.7e-3, 3.4–3.7× the abs tolerance 1e-3',
      instances: [rate('0.67', true), rate('0.663', true)],
    },
    inside: [rate('0.67', false), rate('0.663', false)],
  }),
];
