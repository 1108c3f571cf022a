import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';
import type { Vec } from '../numerics/field.js';
import { dot, matVec, norm2 } from '../numerics/linalg.js';

/**
 * Rotation and polarity of the top Hessian eigenvector across one step, in the terms of Wang &
 * Roberts' mechanism: while GD is unstable along the top eigenvector u_s, the step θ_s → θ_t grows
 * the gradient's component along u_s, and at depth > 1 the Hessian at θ_t no longer has u_s as its
 * top eigenvector; the curvature along u_s falls ("away from the unstable direction"). With s the
 * previous recorded step (record every step to read these per GD step), fields at step t (all null
 * at the first recorded step):
 * - `rpeGrowth` = |u_s·∇L(θ_t)| / |u_s·∇L(θ_s)|: > 1 means the step grew the gradient along the
 *   top direction, the instability (in the quadratic approximation it is |1 − ηλ₁(s)|); null when
 *   the denominator is 0;
 * - `rpeAngle` = the principal angle between u_s and u_t in radians, 2·atan(‖u_t − σu_s‖/‖u_t + σu_s‖)
 *   with σ = sign(u_s·u_t): exact for tiny angles, where arccos loses half the digits;
 * - `rpeCurvatureDrop` = λ₁(s) − u_sᵀ∇²L(θ_t)u_s: positive when the curvature along the old top
 *   direction fell (the polarity "away from unstable directions"); at depth 1 the Hessian is
 *   constant and it is 0.
 */
export function rotationPolarityObserver(): ObserverFactory {
  return {
    id: 'rotationPolarity',
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      let prev: { u: Vec<T>; lambda: T; along: T } | undefined;
      return {
        observe: (ctx) => {
          const u = ctx.point.top();
          const lambda = ctx.point.sharpness();
          const g = ctx.point.grad();
          let growth: T | null = null;
          let angle: T | null = null;
          let drop: T | null = null;
          if (prev !== undefined) {
            const alongNow = F.abs(dot(F, prev.u, g));
            growth = F.sign(prev.along) === 0 ? null : F.div(alongNow, prev.along);
            const sigma = F.sign(dot(F, u, prev.u)) < 0 ? F.int(-1) : F.one;
            const diff = norm2(
              F,
              u.map((x, i) => F.sub(x, F.mul(sigma, prev!.u[i]))),
            );
            const sum = norm2(
              F,
              u.map((x, i) => F.add(x, F.mul(sigma, prev!.u[i]))),
            );
            angle = F.mul(F.int(2), F.atan(F.div(diff, sum)));
            drop = F.sub(prev.lambda, dot(F, prev.u, matVec(F, ctx.point.hessian(), prev.u)));
          }
          prev = { u, lambda, along: F.abs(dot(F, u, g)) };
          return { fields: { rpeGrowth: growth, rpeAngle: angle, rpeCurvatureDrop: drop } };
        },
      };
    },
  };
}
