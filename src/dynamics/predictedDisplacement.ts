import type { Field, Vec } from '../numerics/field.js';
import { dot } from '../numerics/linalg.js';
import type { UpdateRule } from './stepper.js';

/** What the predicted dynamics reads at the constrained point θ†_t. */
export interface DaggerFrame<T> {
  /** v ↦ ∇²L(θ†)·v (a dense product or the model's HVP). */
  readonly hvp: (v: Vec<T>) => Vec<T>;
  /** u(θ†), the top eigenvector. */
  readonly top: Vec<T>;
  /** ∇S⊥(θ†). */
  readonly sharpnessGradientPerp: Vec<T>;
  /** δ² = 2α/β at θ†. */
  readonly delta2: T;
}

/**
 * Damian, Nichani, Lee's predicted dynamics of the displacement v = θ − θ† from the constrained
 * trajectory: v⁺ = v − η(∇²L·v + ∇S⊥·(x² − δ²)/2 + u·x·y), x = u·v, y = ∇S⊥·v, all read at θ†_t
 * (the frame `at()` returns when the step is taken). `cubic: false` drops the last two terms (the
 * linearised control). A rule for `stepper`, driven beside the GD and PGD runs.
 */
export function predictedDisplacement<T>(F: Field<T>, eta: T, at: () => DaggerFrame<T>, cubic = true): UpdateRule<T> {
  const two = F.int(2);
  return {
    F,
    init: (v: Vec<T>) => ({ t: 0, theta: v.slice() }),
    step(s) {
      const { hvp, top: u, sharpnessGradientPerp: dS, delta2 } = at();
      const v = s.theta;
      const x = dot(F, u, v);
      const y = dot(F, dS, v);
      const Hv = hvp(v);
      const quad = F.div(F.sub(F.mul(x, x), delta2), two);
      const xy = F.mul(x, y);
      const theta = v.map((vi, i) => {
        const c = cubic ? F.add(F.mul(dS[i], quad), F.mul(u[i], xy)) : F.zero;
        return F.sub(vi, F.mul(eta, F.add(Hv[i], c)));
      });
      return { t: s.t + 1, theta };
    },
  };
}
