import type { Field, Vec } from '../numerics/field.js';
import type { UpdateRule } from './stepper.js';

/**
 * GD on a diagonal linear network β = u⊙v in its factored form, for `stepper`: with g = ∇_βL at the
 * current point (the caller's, usually from a fused residual pass), u⁺ = u − (γg)⊙v and
 * v⁺ = v − (γg)⊙u, γg formed first. θ = (u, v). The model's own GD step up to the rounding of that
 * product (γ·(g·v) there).
 */
export function diagonalGdRule<T>(F: Field<T>, gamma: T, g: () => Vec<T>): UpdateRule<T> {
  return {
    F,
    init: (theta: Vec<T>) => ({ t: 0, theta: theta.slice() }),
    step(s) {
      const d = s.theta.length / 2;
      const gv = g();
      const theta = new Array<T>(2 * d);
      for (let j = 0; j < d; j++) {
        const gj = F.mul(gamma, gv[j]);
        theta[j] = F.sub(s.theta[j], F.mul(gj, s.theta[d + j]));
        theta[d + j] = F.sub(s.theta[d + j], F.mul(gj, s.theta[j]));
      }
      return { t: s.t + 1, theta };
    },
  };
}
