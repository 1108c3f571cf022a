import type { BoundModel } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';

/** One plain GD step θ − η∇L(θ) in the model's field (the claims that follow their own loop). */
export function gdStep<T>(model: BoundModel<T>, theta: Vec<T>, eta: T): Vec<T> {
  const F = model.F;
  const g = model.grad(theta);
  return theta.map((x, i) => F.sub(x, F.mul(eta, g[i])));
}

/** Every coordinate finite and below 1e50 in magnitude: past that a run counts as blown up. */
export const fin = <T>(F: Field<T>, v: readonly T[]): boolean => v.every((x) => F.isFinite(x) && Math.abs(F.toNumber(x)) < 1e50);
