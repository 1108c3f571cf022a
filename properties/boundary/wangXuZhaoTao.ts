import { wxztBalancingIdentity } from '../../src/claims/wangXuZhaoTao/wangXuZhaoTao.js';
import type { UvRateInstance } from '../../src/claims/wangXuZhaoTao/convergenceRate.js';
import { wxztConvergenceRate } from '../../src/claims/wangXuZhaoTao/convergenceRate.js';
import { type MfGdInstance, wxztGapBelowEdge } from '../../src/claims/wangXuZhaoTao/gapBelowEdge.js';
import { wxztCatapult, type UvGdInstance } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { type CatapultInstance, catapultInnerProduct } from '../../src/claims/wangXuZhaoTao/catapultInnerProduct.js';
import { balancingGrowsWithLr } from '../../src/claims/wangXuZhaoTao/balancingInLr.js';
import { regularityCloserToEdge, regularityConvergesWhereSquareDiverges, regularityGlobalConvergence } from '../../src/claims/wangXuZhaoTao/regularity.js';
import type { LossPairInstance } from '../../src/claims/wangXuZhaoTao/regularityRuns.js';
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

/** ℓ(xy) with μ = 1 from (x₀, y₀): `loss` against `against` at the same η (and, for the learning-rate claim, a second η). */
const pair = (
  loss: 'logcosh' | 'square',
  against: 'logcosh' | 'square',
  theta: [string, string],
  lr: string,
  kappa: string,
  steps = 4000,
): LossPairInstance => ({
  model: 'inner-product',
  params: { loss, mu: '1' },
  theta,
  lr,
  steps,
  kappa,
  against,
});

/** Why ×10 on the declared tolerance of these checks cannot turn an instance: they compare with a constant of the statement and do not read it. */
const constant = (what: string) =>
  `the check compares with the statement's ${what}, a constant of the check; the declared tolerance restates it and is not read`;

/** Rank-1 matrix factorization ½‖uvᵀ − A‖²_F, 1500 steps at most (it stops once converged). */
const mf = (A: string[][], theta: MfGdInstance['theta'], lr: string, kappa: string): MfGdInstance => ({
  model: 'matrix-factorization',
  data: { A, rank: '1' },
  theta,
  lr,
  steps: 1500,
  kappa,
});

/** Log-cosh ℓ(xᵀy), x, y ∈ ℝ², from a generated start that converges without a catapult at κ₀ = 2.21 (S(θ₀) = 2.21/0.500691728759). */
const spike = (kappa0: string, lr: string): CatapultInstance => ({
  model: 'inner-product',
  params: { loss: 'logcosh', mu: '1' },
  theta: ['-2.04', '-0.01', '-0.61', '-0.02'],
  steps: 3000,
  kappa0,
  lr,
});

export const WXZT_BOUNDARIES: readonly Boundary[] = [
  boundary(catapultInnerProduct, {
    notTolerance: 'the event is a doubling of the loss over its running minimum, a constant of the statement; the declared tolerance is 0',
    outside: {
      description: 'κ₀ = 2.2635, 1.1e-4 under where the spike first reaches twice the running minimum (κ₀ = 2.26376): GD converges without a catapult event',
      instances: [spike('2.2635', '0.512812546627')],
    },
    // κ₀ = 2.264: the spike doubles the loss at step 3, and the sharpness falls below its pre-spike value at step 4.
    inside: [spike('2.264', '0.512925825299')],
    decision: { runs: 60, holdsFrom: 52, violatedUpTo: 38 },
  }),
  boundary(wxztGapBelowEdge, {
    notTolerance: 'the comparison with 1.9 has no slack (the declared tolerance is 0): η·S∞ is within ~1e-12 of its limit when the run stops',
    outside: {
      description: 'the generated run that ends nearest above the level: η·S∞ = 1.90039, 2e-4 past the 1.9',
      instances: [
        mf(
          [
            ['0.105', '-1.98'],
            ['0.0007', '-0.0132'],
          ],
          ['-0.54', '-0.06', '1.83', '-0.27'],
          '0.399409648648853',
          '2.017',
        ),
      ],
    },
    // The generated run that ends nearest below it: 1.89865.
    inside: [
      mf(
        [
          ['0', '0.949'],
          ['0', '-0.3066'],
        ],
        ['-0.14', '1.93', '-0.06', '0.04'],
        '0.494099082799219',
        '2.094',
      ),
    ],
    decision: { runs: 100, holdsFrom: 60, violatedUpTo: 40 },
  }),
  boundary(regularityGlobalConvergence, {
    notTolerance: constant('neighbourhood |xy − 1| < 1e-4'),
    f64Only: { code: 'not_converged', why: 'its runs are computed in doubles' },
    outside: {
      description:
        'the slowest-converging measured start, (2.8, 0.95) at κ = 5.082 (η·S∞ = 1.998), stopped at step 3420 instead of 4000: |xy − 1| = 1.028e-4, 2.8% past the 1e-4',
      instances: [pair('logcosh', 'square', ['2.8', '0.95'], '0.703874698478172', '5.082', 3420)],
    },
    // The same run 20 steps further (9.9e-5) and over its 4000 steps (3.2e-5).
    inside: [
      pair('logcosh', 'square', ['2.8', '0.95'], '0.703874698478172', '5.082', 3440),
      pair('logcosh', 'square', ['2.8', '0.95'], '0.703874698478172', '5.082'),
    ],
  }),
  boundary(regularityConvergesWhereSquareDiverges, {
    notTolerance: constant('convergence threshold |xy − 1| < 1e-9'),
    outside: {
      description:
        'from (2.77, 0.85) at κ = 5.321, where the square loss diverges, the log-cosh run stopped at step 390: |xy − 1| = 1.046e-9, 4.6% past the 1e-9',
      instances: [pair('logcosh', 'square', ['2.77', '0.85'], '0.735713883585226', '5.321', 390)],
    },
    // One step further: 9.96e-10.
    inside: [pair('logcosh', 'square', ['2.77', '0.85'], '0.735713883585226', '5.321', 391)],
    decision: { runs: 60, holdsFrom: 59, violatedUpTo: 49 },
  }),
  boundary(regularityCloserToEdge, {
    notTolerance: constant('least gap 0.02 in η·S∞'),
    outside: {
      description:
        'from (1.84, 0.59) at κ = 2.096, 0.004 under the 2.1 of the hypotheses: the log-cosh run lands 0.0194 closer to the edge in η·S∞, 3% short of 0.02',
      instances: [pair('logcosh', 'square', ['1.84', '0.59'], '0.576328835661932', '2.096')],
    },
    // κ = 2.1 (gap 0.02045) and the generated κ = 2.107 (0.0223).
    inside: [
      pair('logcosh', 'square', ['1.84', '0.59'], '0.577428699852126', '2.1'),
      pair('logcosh', 'square', ['1.84', '0.59'], '0.579353462184967', '2.107'),
    ],
    decision: { runs: 60, holdsFrom: 57, violatedUpTo: 45 },
  }),
  boundary(balancingGrowsWithLr, {
    notTolerance: constant('ratio 0.9'),
    outside: {
      description: "log-cosh from (3, 0.18) at κ = 2.595 with the second step κ' = 2.81 in place of κ + 0.4: |Δ∞(η')|/|Δ∞(η)| = 0.9066, 0.7% past the 0.9",
      instances: [{ ...pair('logcosh', 'logcosh', ['3', '0.18'], '0.282436108655372', '2.595'), kappa2: '2.81', lr2: '0.305836402821424' }],
    },
    // κ' = 2.84 (ratio 0.8946) and the statement's κ + 0.4 (0.836).
    inside: [
      { ...pair('logcosh', 'logcosh', ['3', '0.18'], '0.282436108655372', '2.595'), kappa2: '2.84', lr2: '0.309101560146920' },
      { ...pair('logcosh', 'logcosh', ['3', '0.18'], '0.282436108655372', '2.595'), kappa2: '2.995', lr2: '0.325971539661981' },
    ],
    decision: { runs: 60, holdsFrom: 57, violatedUpTo: 45 },
  }),
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
