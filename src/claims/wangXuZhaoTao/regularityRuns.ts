import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalText } from '../../arbitraries/decimalText.js';
import { runTrajectory } from '../../dynamics/runTrajectory.js';
import type { DecimalText } from '../../models/model.js';
import { balancednessObserver } from '../../observers/balancednessObserver.js';
import { sharpnessObserver } from '../../observers/sharpnessObserver.js';
import type { CheckContext, Instance } from '../claim.js';
import { instanceModel } from '../instanceModel.js';
import { lambdaGfs } from './lambdaGfs.js';
import type { Field } from '../../numerics/field.js';

/**
 * GD on ℓ(xᵀy) (model inner-product, k = 1, μ = 1) with one loss or another from the same start
 * and the same η, through the engine. κ = η·λ_GFS with λ_GFS = √(Δ₀² + 4μ²) (Δ = x² − y²): every
 * loss here has ℓ'(μ) = 0 and ℓ''(μ) = 1, so at a minimizer ∇²ℓ(xᵀy) = ggᵀ with ‖g‖² = x² + y² =
 * √(Δ² + 4μ²), and gradient flow conserves Δ: λ_GFS is the same for every loss.
 */

export type LossName = 'square' | 'logcosh' | 'quartic';

export interface LossPairInstance extends Instance {
  readonly model: 'inner-product';
  readonly params: { readonly loss: LossName; readonly mu: string };
  readonly theta: readonly [DecimalText, DecimalText];
  readonly lr: DecimalText;
  readonly steps: number;
  readonly kappa: DecimalText;
  /** The loss the claim compares against, run from the same start with the same η. */
  readonly against: LossName;
  /** For the learning-rate claims: the second η (same start). */
  readonly lr2?: DecimalText;
  readonly kappa2?: DecimalText;
}

/**
 * κ = η·λ_GFS of an instance, computed from its start, μ and η (not read from its `kappa` field, which a
 * hand-made instance may state wrongly), in the context's field.
 */
export function kappaOf<T>(F: Field<T>, inst: LossPairInstance): T {
  return F.mul(F.from(inst.lr), lambdaGfs(F, F.from(inst.theta[0]), F.from(inst.theta[1]), F.from(inst.params.mu)));
}

/** |xᵀy − μ| below this at the last step counts as converged (f64 rounding of r is ~1e-16). */
export const CONVERGED = 1e-9;

export interface LossRun {
  readonly loss: LossName;
  readonly diverged: boolean;
  readonly converged: boolean;
  /** |xᵀy − μ| at the last step (NaN when diverged). */
  readonly residual: number;
  /** η·S(θ_T) (NaN when diverged). */
  readonly etaS: number;
  /** Δ = x² − y² at the last step and at the start. */
  readonly delta: number;
  readonly delta0: number;
  readonly lastT: number;
}

/** One run of `loss` from the instance's start with step size `lr`, recording only t = 0 and t = steps. */
export function runLoss<T>(inst: LossPairInstance, loss: LossName, lr: DecimalText, ctx: CheckContext<T>): LossRun {
  const F = ctx.F;
  const model = instanceModel({ ...inst, params: { ...inst.params, loss } });
  ctx.count(inst.steps);
  const run = runTrajectory(model, F, inst.theta, {
    optimizer: { id: 'gd', lr },
    steps: inst.steps,
    every: inst.steps,
    observers: [sharpnessObserver(), balancednessObserver()],
  });
  const first = run.rows[0];
  const delta0 = F.toNumber(first.fields.balancedness as T);
  if (run.diverged) return { loss, diverged: true, converged: false, residual: Number.NaN, etaS: Number.NaN, delta: Number.NaN, delta0, lastT: run.lastT };
  const last = run.rows[run.rows.length - 1];
  const r = F.toNumber(F.sub(F.mul(last.theta[0], last.theta[1]), F.from(inst.params.mu)));
  return {
    loss,
    diverged: false,
    converged: Math.abs(r) < CONVERGED,
    residual: Math.abs(r),
    etaS: F.toNumber(F.mul(run.lr, last.fields.sharpness as T)),
    delta: F.toNumber(last.fields.balancedness as T),
    delta0,
    lastT: run.lastT,
  };
}

const D = Decimal.clone({ precision: 40 });

/**
 * Starts x₀ ∈ [1.8, 3], y₀ ∈ [0.05, 1] (moved 0.05 off xy = 1 when within 0.01 of it, as in
 * wxzt.catapult), κ on a 3-decimal grid in [lo, hi], η = κ/λ_GFS; `etaMax` drops draws with a
 * larger η (η < 1 is when a linearly stable minimizer exists: the flattest one, x = y = 1, has
 * sharpness 2). `kappaStep` adds a second η from κ + kappaStep.
 */
export function lossPairInstances(o: {
  loss: LossName;
  against: LossName;
  lo: number;
  hi: number;
  etaMax?: number;
  kappaStep?: number;
  steps?: number;
}): fc.Arbitrary<LossPairInstance> {
  return fc
    .record({ x: decimalText(1.8, 3, 2), y: decimalText(0.05, 1, 2), kappa: decimalText(o.lo, o.hi, 3) })
    .map((g) => {
      const x = new D(g.x);
      const y = x.times(g.y).minus(1).abs().lt('0.01') ? new D(g.y).plus('0.05') : new D(g.y);
      const delta = x.times(x).minus(y.times(y));
      const lgfs = delta.times(delta).plus(4).sqrt();
      const lr = new D(g.kappa).div(lgfs).toSignificantDigits(15).toFixed();
      const second =
        o.kappaStep === undefined
          ? {}
          : (() => {
              const k2 = new D(g.kappa).plus(o.kappaStep).toFixed();
              return { kappa2: k2, lr2: new D(k2).div(lgfs).toSignificantDigits(15).toFixed() };
            })();
      return {
        model: 'inner-product' as const,
        params: { loss: o.loss, mu: '1' },
        theta: [g.x, y.toFixed()] as const,
        lr,
        steps: o.steps ?? 4000,
        kappa: g.kappa,
        against: o.against,
        ...second,
      };
    })
    .filter((i) => o.etaMax === undefined || Number(i.lr) < o.etaMax);
}
