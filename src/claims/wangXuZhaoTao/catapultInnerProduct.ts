import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalText, decimalVector } from '../../arbitraries/decimalText.js';
import { runTrajectory } from '../../dynamics/runTrajectory.js';
import type { DecimalText } from '../../models/model.js';
import { f64 } from '../../numerics/f64Field.js';
import { catapultObserver } from '../../observers/catapultObserver.js';
import { sharpnessObserver } from '../../observers/sharpnessObserver.js';
import { sharpness } from '../../spectral/sharpness.js';
import type { Claim, CheckContext, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { instanceModel } from '../instanceModel.js';
import { WXZT } from '../papers.js';
import { MARGIN_IN_DOUBLES } from '../marginInDoubles.js';

/**
 * The catapult beyond uv: log cosh(xᵀy − 1) with x, y ∈ ℝ² (four parameters, a rank-one product
 * with width 2), from generic starts sharper than 2/η. The catapult is the engine's
 * catapultObserver event (the loss at least doubles over its running minimum, then the sharpness
 * falls below its value before the spike), and the run must then converge below the edge.
 */

export interface CatapultInstance extends Instance {
  readonly model: 'inner-product';
  readonly params: { readonly loss: 'logcosh' | 'square'; readonly mu: string };
  readonly theta: readonly DecimalText[];
  readonly lr: DecimalText;
  readonly steps: number;
  /** κ₀ = η·S(θ₀). */
  readonly kappa0: DecimalText;
}

const D = Decimal.clone({ precision: 40 });

/** θ ∈ [−2.5, 2.5]⁴ (2-decimal grid), η = κ₀/S(θ₀) with κ₀ on a 2-decimal grid in [lo, hi], kept when η < 0.95. */
function instances(lo: number, hi: number): fc.Arbitrary<CatapultInstance> {
  return fc
    .tuple(decimalVector(4, -2.5, 2.5, 2), decimalText(lo, hi, 2))
    .map(([theta, kappa0]): CatapultInstance => {
      const base = { model: 'inner-product' as const, params: { loss: 'logcosh' as const, mu: '1' }, theta, steps: 3000 };
      const s = sharpness(f64, instanceModel(base).bind(f64), theta.map(Number));
      return { ...base, kappa0, lr: new D(kappa0).div(s).toSignificantDigits(12).toFixed() };
    })
    .filter((i) => Number(i.lr) < 0.95 && Number.isFinite(Number(i.lr)));
}

function checkCatapult<T>(inst: CatapultInstance, ctx: CheckContext<T>): Outcome {
  const F = ctx.F;
  ctx.count(inst.steps);
  const run = runTrajectory(instanceModel(inst), F, inst.theta, {
    optimizer: { id: 'gd', lr: inst.lr },
    steps: inst.steps,
    observers: [sharpnessObserver(), catapultObserver()],
  });
  const first = run.rows[0];
  const kappa0 = F.toNumber(F.mul(run.lr, first.fields.sharpness as T));
  ctx.assume(kappa0 > 2, 'start_below_edge', `η·S(θ₀) = ${kappa0.toFixed(4)} ≤ 2`);
  const cat = run.events.find((e) => e.kind === 'catapult');
  const last = run.rows[run.rows.length - 1];
  const t = last.theta;
  const r = run.diverged ? Number.POSITIVE_INFINITY : Math.abs(F.toNumber(F.sub(F.add(F.mul(t[0], t[2]), F.mul(t[1], t[3])), F.one)));
  const etaS = run.diverged ? Number.NaN : F.toNumber(F.mul(run.lr, last.fields.sharpness as T));
  const converged = r < 1e-9 && etaS < 2;
  const details = {
    kappa0,
    etaSEnd: etaS,
    residual: r,
    catapultAt: cat === undefined ? -1 : cat.t,
    spikeStart: cat === undefined ? -1 : Number(cat.spikeStart),
  };
  const msg = `${inst.params.loss} ℓ(xᵀy), k = 2, η·S(θ₀) = ${kappa0.toFixed(4)}: ${cat === undefined ? 'no catapult' : `catapult (spike from step ${String(cat.spikeStart)}, sharpness below its pre-spike value at step ${cat.t})`}; ${run.diverged ? 'diverged' : converged ? `converged with η·S∞ = ${etaS.toFixed(4)}` : `not converged (|xᵀy − 1| = ${r.toExponential(2)}, η·S = ${etaS.toFixed(4)})`}`;
  if (cat === undefined) return ctx.violated({ code: 'no_catapult', observed: 0, bound: 1, margin: -1, details, message: msg });
  if (!converged) return ctx.violated({ code: 'catapult_not_converged', observed: r, bound: 1e-9, margin: -1, details, message: msg });
  return ctx.holds({ code: 'catapult', observed: etaS, bound: 2, margin: 2 - etaS, step: cat.t, details, message: msg });
}

export const catapultInnerProduct: Claim<CatapultInstance> = defineClaim<CatapultInstance>({
  id: 'wxzt.catapult.inner-product',
  notCertifiable: MARGIN_IN_DOUBLES,
  title: 'Catapult beyond uv: log-cosh ℓ(xᵀy) with x, y ∈ ℝ², started sharper than 2/η, spikes, flattens and converges below the edge',
  citation: {
    paper: WXZT,
    where:
      'abstract: "catapult (Lewkowycz et al., 2020)" among the large-learning-rate implicit biases, "more likely to occur when the optimization objective function has good regularity"',
    recalled: true,
  },
  statement:
    'For log cosh(xᵀy − 1), x, y ∈ ℝ², from θ₀ ∈ [−2.5, 2.5]⁴ with κ₀ = η·S(θ₀) ∈ [2.2, 3] and η < 0.95: the loss spikes to at least twice its running minimum, the ' +
    'sharpness then falls below its value before the spike (a catapult event), and GD converges (|xᵀy − 1| < 1e-9 within 3000 steps) with η·S∞ < 2. ' +
    'Statistical: on at least 75% of instances.',
  kind: 'statistical',
  // f64 only: one 3000-step run per instance, and the statistic is the claim.
  ladder: ['f64'],
  minHoldFraction: 0.75,
  runs: 60,
  hypotheses: ['η·S(θ₀) > 2 (checked)', 'η < 0.95: a linearly stable minimizer exists (sharpness at a minimizer is ‖x‖² + ‖y‖² ≥ 2)'],
  arbitrary: instances(2.2, 3),
  check: checkCatapult,
  negativeControl: {
    description: 'started below the edge (κ₀ = η·S(θ₀) ∈ [0.3, 0.8], hypothesis waived): the loss decreases without a spike, no catapult event',
    arbitrary: instances(0.3, 0.8),
  },
  tolerance: { abs: 0 },
  rationale:
    'Measured over 250 instances (seed 123): 235 held (94%), 15 converged without a catapult event (the loss fell faster than the sharpness rose); η·S∞ ' +
    'median 1.795, max 1.966. Pinned seed 1: 60 of 60. Wilson lower end of 94% at 60 runs: 0.85; threshold 0.75. The event needs the loss to double ' +
    'over its running minimum, far above rounding; the comparison η·S∞ < 2 needs no slack (largest measured 1.966).',
});

export const WXZT_CATAPULT_CLAIMS: readonly Claim[] = [catapultInnerProduct] as unknown as readonly Claim[];
