import type { Field } from '../../numerics/field.js';

/**
 * λ_GFS = √(Δ² + 4μ²), Δ = x² − y²: the sharpness of the minimizer gradient flow reaches from (x, y) on
 * ℓ(xy − μ) (gradient flow conserves Δ, and every minimizer's sharpness is √(Δ² + 4μ²), whatever the loss ℓ).
 */
export function lambdaGfs<T>(F: Field<T>, x: T, y: T, mu: T): T {
  const delta = F.sub(F.mul(x, x), F.mul(y, y));
  return F.sqrt(F.add(F.mul(delta, delta), F.mul(F.int(4), F.mul(mu, mu))));
}
