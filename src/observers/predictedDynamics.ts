import type { PointInfo } from '../dynamics/pointInfo.js';
import { predictedDisplacement } from '../dynamics/predictedDisplacement.js';
import type { Vec } from '../numerics/field.js';
import { dot } from '../numerics/linalg.js';

/**
 * The constants of Damian, Nichani and Lee's self-stabilization analysis at a point θ† of the
 * stable set, as the authors' code computes them (repository adamian98/EOS, taylor.py,
 * `constants_fn` and `predicted_step`): u the top eigenvector of ∇²L(θ†), ∇S = ∇³L[u,u],
 * ∇S⊥ = ∇S − u(u·∇S), α = −∇L(θ†)·∇S⊥, β = ‖∇S⊥‖², δ² = 2α/β (null when β = 0).
 */
export interface DnlConstants<T> {
  readonly u: Vec<T>;
  readonly dSperp: Vec<T>;
  readonly alpha: T;
  readonly beta: T;
  readonly delta2: T | null;
}

export function dnlConstants<T>(P: PointInfo<T>): DnlConstants<T> {
  const F = P.F;
  const dSperp = P.sharpnessGradientPerp();
  const alpha = F.neg(dot(F, P.grad(), dSperp));
  const beta = dot(F, dSperp, dSperp);
  const delta2 = F.sign(beta) > 0 ? F.div(F.mul(F.int(2), alpha), beta) : null;
  return { u: P.top(), dSperp, alpha, beta, delta2 };
}

/**
 * One step of the predicted dynamics v⋆ (taylor.py `predicted_step`, the non-generalized form),
 * everything at θ†_t:
 *   v_{t+1} = v_t − η[(x² − δ²)∇S⊥/2 + ∇²L(θ†_t)v_t + u·x·y],  x = u·v_t, y = ∇S⊥·v_t.
 * The prediction of GD's θ_t is θ†_t + v_t. It is independent of the sign of u. Undefined (null)
 * when β = 0 (δ² is then undefined).
 */
export function predictedStep<T>(P: PointInfo<T>, c: DnlConstants<T>, v: Vec<T>, eta: T): Vec<T> | null {
  const F = P.F;
  if (c.delta2 === null) return null;
  const delta2 = c.delta2;
  const rule = predictedDisplacement(F, eta, () => ({ hvp: (w) => P.model.hvp(P.theta, w), top: c.u, sharpnessGradientPerp: c.dSperp, delta2 }));
  return rule.step(rule.init(v)).theta;
}
