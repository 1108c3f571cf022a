import { uvExactBalancingRate, type UvBalancingInstance } from '../../src/claims/arora/arora.js';
import type { ManifoldInstance } from '../../src/claims/arora/manifoldRuns.js';
import { ngdLimitingFlow, ngdTwoCycleHarmonicMean, sqrtEntersEos, sqrtLimitingFlow } from '../../src/claims/arora/manifoldToy.js';
import { sharpnessDecreasesAlongFlow } from '../../src/claims/arora/sharpnessAlongFlow.js';
import { enterEosCodim2 } from '../../src/claims/arora/codimTwoEos.js';
import {
  type CodimInstance,
  ngdLimitingFlowCodim2,
  ngdSharpnessDecreasesCodim2,
  sqrtLimitingFlowCodim2,
  sqrtSharpnessDecreasesCodim2,
} from '../../src/claims/arora/codimTwoFlow.js';
import type { Claim } from '../../src/claims/claim.js';
import { generateInstance } from '../../src/harness/generateInstance.js';
import { type Boundary, boundary } from './boundary.js';

/** A manifold-toy run from (x₀, z₀) over slow time 0.2. */
export const manifold = (x: string, z: string, lr: string, rule: 'ngd' | 'sqrt-gd', extra: Partial<ManifoldInstance> = {}): ManifoldInstance => ({
  model: 'manifold-toy',
  theta: [x, z],
  lr,
  rule,
  horizon: '0.2',
  ...extra,
});

const uv = (lr: string, rule: 'gd' | 'sqrt-gd', v = '0.3'): UvBalancingInstance => ({
  model: 'uv',
  params: { target: '1' },
  theta: ['2', v],
  lr,
  steps: 1,
  rule,
  rate: 'sqrt-gd',
});

const flow = (claim: typeof ngdLimitingFlow, rule: 'ngd' | 'sqrt-gd') =>
  boundary(claim, {
    outside: {
      description: 'the flow started from z₀ with |x₀| = 0.12 at η = 0.03: Phase I moves z by a relative 4.5e-3–4.7e-3, 1.5× the bound 0.1·η',
      instances: [manifold('0.12', '1', '0.03', rule, { flowStart: 'z0' })],
    },
    inside: [manifold('0.12', '1', '0.03', rule, { flowStart: 'phase1' }), manifold('1', '1', '0.03', rule, { flowStart: 'phase1' })],
    notTolerance: "the bound is the statement's 0.1·η (FLOW_C); the declared tolerance is 0",
  });

const twoCycle = (claim: typeof ngdTwoCycleHarmonicMean, rule: 'ngd' | 'sqrt-gd', lr: string) =>
  boundary(claim, {
    outside: {
      description: `the harmonic-mean statistic at η = ${lr}, past the η ≤ 0.03 of the hypotheses: the 2-step mean is 3–4e-3 off ½, 3–4× the abs tolerance 1e-3`,
      instances: [manifold('0.5', '1.5', lr, rule, { statistic: 'harmonic' })],
    },
    inside: [manifold('0.5', '1.5', '0.03', rule, { statistic: 'harmonic' })],
  });

/** A diagonal linear network (d = 2, codimension 2) with its ladder of η: √L-GD for the EoS claim, NGD for the flow claims. */
const diagonal = (rule: 'ngd' | 'sqrt-gd', lrs: readonly string[]): CodimInstance =>
  rule === 'sqrt-gd'
    ? {
        model: 'diagonal-linear',
        data: {
          X: [
            ['1.47', '-0.21'],
            ['0.39', '1.49'],
            ['-0.27', '0.33'],
          ],
          y: ['0.573342', '1.445874', '0.138618'],
        },
        theta: ['0.57', '1.56', '0.97', '0.51'],
        rule,
        run: rule,
        lrs,
        horizon: '0.3',
      }
    : {
        model: 'diagonal-linear',
        data: {
          X: [
            ['0.51', '-0.22'],
            ['0.03', '1.3'],
            ['0.16', '0.01'],
          ],
          y: ['0.373014', '1.066518', '0.179892'],
        },
        theta: ['0.49', '0.54', '2', '1.49'],
        rule,
        run: rule,
        lrs,
        horizon: '0.3',
      };

const EIG = { why: 'its margin is an order-of-convergence fit in doubles (declared not certifiable)' };
const LEVEL = "the level and the order 1 are the statement's constants; the declared tolerance is 0";

/** A √L-GD codimension-2 claim's first seed-1 instance on another ladder of η (the ladder is what the boundary moves). */
const sqrtAt = (claim: Claim<CodimInstance>, lrs: readonly string[]): CodimInstance => ({
  ...(generateInstance(claim.arbitrary, 1, claim.id, 0).value.value as CodimInstance),
  lrs,
});

export const ARORA_BOUNDARIES: readonly Boundary[] = [
  boundary(uvExactBalancingRate, {
    outside: {
      description:
        'one plain GD step at η = 3e-6 asserted at the √L-GD rate: Δ misses 1 − η²/2 by η²Δ|r² − ½|, about 3× the 4096-ulp bound of λ, ' +
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
      description:
        'NGD from (1, 0.001) at η = 2.2 and 2.4, far past the η ≤ 0.05 of the hypotheses, sampled at Φ(θ) (the projection): a step flips z and ' +
        'enlarges |z|, and λ₁(Φ(θ)) rises by a relative 1.08e-6 and 3.7e-6, 1.08× and 3.7× the 1e-6 slack',
      instances: [
        { ...manifold('1', '0.001', '2.2', 'ngd'), horizon: '40', sample: 'projection' },
        { ...manifold('1', '0.001', '2.4', 'ngd'), horizon: '40', sample: 'projection' },
      ],
    },
    inside: [
      { ...manifold('1', '0.001', '0.05', 'ngd'), horizon: '0.3', sample: 'projection' },
      { ...manifold('0.5', '1', '0.05', 'sqrt-gd'), horizon: '0.3', sample: 'projection' },
    ],
    notTolerance: "the bound is the statement's 1e-6 relative slack; the declared tolerance is 0",
  }),
  boundary(enterEosCodim2, {
    f64Only: { code: 'error_too_large', ...EIG },
    outside: {
      description:
        'the order fit one rung short (√L-GD, η = 0.32 … 0.04 instead of … 0.01): at η = 0.04 |HM − 2| = 0.059, 1.19× the level 0.05 ' +
        "(the check's own f64 outcome: its failures are not certifiable)",
      instances: [diagonal('sqrt-gd', ['0.32', '0.16', '0.08', '0.04'])],
    },
    inside: [diagonal('sqrt-gd', ['0.16', '0.08', '0.04', '0.02'])],
    notTolerance: LEVEL,
  }),
  boundary(ngdLimitingFlowCodim2, {
    f64Only: { code: 'error_too_large', ...EIG },
    outside: {
      description:
        'the order fit stopped at η = 0.12 (NGD from its two-cycle at X(0), η = 0.32, 0.24, 0.16, 0.12): ‖Φ(x) − X(T)‖ = 1.37e-3 there, 1.37× the level 1e-3 ' +
        "(the check's own f64 outcome: its failures are not certifiable)",
      instances: [diagonal('ngd', ['0.32', '0.24', '0.16', '0.12'])],
    },
    // One rung further, η = 0.24 … 0.1: 6.8e-4 at η = 0.1, 0.68× the level.
    inside: [diagonal('ngd', ['0.24', '0.16', '0.12', '0.1']), diagonal('ngd', ['0.16', '0.08', '0.04', '0.02'])],
    notTolerance: LEVEL,
  }),
  boundary(ngdSharpnessDecreasesCodim2, {
    f64Only: { code: 'error_too_large', ...EIG },
    outside: {
      description:
        'the order fit stopped at η = 0.06 (NGD from its two-cycle at X(0), η = 0.16, 0.12, 0.08, 0.06; λ₁(Φ(x_t)) strictly decreasing at each): ' +
        "|λ₁(Φ(x_t)) − λ₁(X(t))| = 1.05e-3 there, 1.05× the level 1e-3 (the check's own f64 outcome: its failures are not certifiable)",
      instances: [diagonal('ngd', ['0.16', '0.12', '0.08', '0.06'])],
    },
    // η = 0.16, 0.08, 0.06, 0.045: 8.2e-4 at η = 0.045, 0.82× the level.
    inside: [diagonal('ngd', ['0.16', '0.08', '0.06', '0.045']), diagonal('ngd', ['0.16', '0.08', '0.04', '0.02'])],
    notTolerance: LEVEL,
  }),
  boundary(sqrtLimitingFlowCodim2, {
    f64Only: { code: 'error_too_large', ...EIG },
    outside: {
      description:
        "the claim's first seed-1 instance (diagonal-linear) on a ladder 32× coarser, η = 0.32 … 0.04: ‖Φ(x) − X(T)‖ = 4.65e-4 at η = 0.04, 1.55× the level 3e-4 " +
        "(the check's own f64 outcome: its failures are not certifiable)",
      instances: [sqrtAt(sqrtLimitingFlowCodim2, ['0.32', '0.16', '0.08', '0.04'])],
    },
    // η = 0.16 … 0.02: 2.38e-4 at η = 0.02, 0.79× the level.
    inside: [sqrtAt(sqrtLimitingFlowCodim2, ['0.16', '0.08', '0.04', '0.02'])],
    notTolerance: LEVEL,
  }),
  boundary(sqrtSharpnessDecreasesCodim2, {
    f64Only: { code: 'error_too_large', ...EIG },
    outside: {
      description:
        "the claim's first seed-1 instance (deep-linear) on the ladder η = 0.12, 0.08, 0.06, 0.05: |λ₁(Φ(x_t)) − λ₁(X(t))| = 4.97e-4 at η = 0.05, 1.66× the level 3e-4 " +
        "(the check's own f64 outcome; the errors are not monotone in η this far from the limit: 1.69e-4 at 0.04, 6.08e-4 at 0.03)",
      instances: [sqrtAt(sqrtSharpnessDecreasesCodim2, ['0.12', '0.08', '0.06', '0.05'])],
    },
    // η = 0.16, 0.08, 0.06, 0.04: 1.69e-4 at η = 0.04.
    inside: [sqrtAt(sqrtSharpnessDecreasesCodim2, ['0.16', '0.08', '0.06', '0.04'])],
    notTolerance: LEVEL,
  }),
];
