import fc from 'fast-check';
import type { Claim, CheckContext, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { WXZT } from '../papers.js';
import { lossPairInstances, runLoss, type LossPairInstance } from './regularityRuns.js';
import { MARGIN_IN_DOUBLES } from '../marginInDoubles.js';

/**
 * Balancing measured against the start, as a function of η: on ℓ(xy) (square and log-cosh), GD
 * multiplies the imbalance Δ = x² − y² by 1 − η²ℓ'(xy)² each step (wxzt.balancing.exact-identity),
 * so a larger η shrinks it more — if the run's residuals do not shrink to compensate. The edge
 * bound Δ∞² ≤ 4/η² − 4μ² bounds each run's limit separately and orders nothing between two runs.
 */

/** |Δ∞(η')| must be at most this fraction of |Δ∞(η)|. */
const RATIO = 0.9;

function checkBalancing<T>(inst: LossPairInstance, ctx: CheckContext<T>): Outcome {
  const a = runLoss(inst, inst.params.loss, inst.lr, ctx);
  const b = runLoss(inst, inst.params.loss, inst.lr2 ?? inst.lr, ctx);
  ctx.assume(a.converged && b.converged, 'not_converged', `both runs must converge (|xy − 1| < 1e-9 in ${inst.steps} steps)`);
  const ra = Math.abs(a.delta) / Math.abs(a.delta0);
  const rb = Math.abs(b.delta) / Math.abs(b.delta0);
  const ratio = rb / ra;
  const details = {
    loss: inst.params.loss,
    kappa: inst.kappa,
    kappa2: inst.kappa2 ?? '',
    delta0: a.delta0,
    deltaSmall: a.delta,
    deltaBig: b.delta,
    etaSSmall: a.etaS,
    etaSBig: b.etaS,
  };
  const msg = `${inst.params.loss} from (${inst.theta.join(', ')}): |Δ∞|/|Δ₀| = ${ra.toFixed(4)} at κ = ${inst.kappa}, ${rb.toFixed(4)} at κ = ${inst.kappa2}; ratio ${ratio.toFixed(4)}`;
  const e = { observed: ratio, bound: RATIO, margin: RATIO - ratio, details };
  if (!(ratio <= RATIO)) return ctx.violated({ ...e, code: 'not_more_balanced', message: `${msg} > ${RATIO}` });
  return ctx.holds({ ...e, code: 'more_balanced', message: `${msg} ≤ ${RATIO}` });
}

const pairs = (lo: number, hi: number) =>
  fc.oneof(
    lossPairInstances({ loss: 'square', against: 'square', lo, hi, kappaStep: 0.4 }),
    lossPairInstances({ loss: 'logcosh', against: 'logcosh', lo, hi, kappaStep: 0.4 }),
  );

export const balancingGrowsWithLr: Claim<LossPairInstance> = defineClaim<LossPairInstance>({
  id: 'wxzt.balancing.grows-with-lr',
  notCertifiable: MARGIN_IN_DOUBLES,
  title: 'ℓ(xy), square and log-cosh: from the same start, η·(κ + 0.4)/κ ends at least 10% more balanced than η',
  citation: {
    paper: WXZT,
    where:
      'abstract: balancing (Wang et al., 2022a) among the large-learning-rate implicit biases; Wang, Chen, Zhao, Tao (arXiv 2110.03677), abstract: magnitudes "at the limit of GD iterations will be close even if their initialization is significantly unbalanced"; the comparison in η is derived here',
    recalled: true,
  },
  statement:
    "For ℓ(xy) with ℓ ∈ {½(s − 1)², log cosh(s − 1)}, x₀ ∈ [1.8, 3], y₀ ∈ [0.05, 1], κ = η·λ_GFS ∈ [2.1, 2.6] and η' = η·(κ + 0.4)/κ, when both runs " +
    "converge: |Δ∞(η')| ≤ 0.9·|Δ∞(η)|, Δ = x² − y² (each also measured against Δ₀). Statistical: on at least 85% of instances.",
  kind: 'statistical',
  // f64 only: one pair of 4000-step runs per instance, and the statistic is the claim.
  ladder: ['f64'],
  minHoldFraction: 0.85,
  runs: 60,
  hypotheses: ['both runs converge (|xy − 1| < 1e-9 within 4000 steps)', "κ ∈ [2.1, 2.6], κ' = κ + 0.4"],
  arbitrary: pairs(2.1, 2.6),
  check: checkBalancing,
  negativeControl: {
    description: 'no instability: κ ∈ [0.3, 0.8] and κ + 0.4 below the edge; GD barely balances (|Δ∞| ≈ |Δ₀| at both) and the ratio is ≈ 1',
    arbitrary: pairs(0.3, 0.8),
  },
  tolerance: { rel: 1 - RATIO },
  rationale:
    "Measured over 240 instances (seed 123): all pairs converged; the ratio |Δ∞(η')|/|Δ∞(η)| had median 0.549, 90th percentile 0.821, 95th 0.831; it exceeded " +
    '0.9 on 7 (all square loss, one at 7.7: the larger step catapulted past the balanced point), so 233 of 240 (97.1%) held. Wilson lower end at 60 runs: 0.89; ' +
    'threshold 0.85. Below the edge (control) the ratio is 0.997–1.000.',
});

export const WXZT_BALANCING_LR_CLAIMS: readonly Claim[] = [balancingGrowsWithLr] as unknown as readonly Claim[];
