import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';
import type { Vec } from '../numerics/field.js';
import { dot } from '../numerics/linalg.js';
import { lineAngle } from '../spectral/lineAngle.js';

/**
 * Rotation of the top Hessian eigenvector between recorded steps (docs/claims/wang-roberts.md):
 * - `rotationAngle`: the principal angle between the lines of u_t and u_s (radians), the previous
 *   recorded step s (null at the first recorded step), by `lineAngle` (2·atan of a ratio: exact at
 *   0, where arccos|u_t·u_s| has a floor of 2e-8 rad in f64 and 2e-25 at dec:50);
 * - `eigengap`: λ₁ − λ₂ at θ_t (null in dimension 1), to judge whether the angle means anything;
 * - `swap`: the top eigenvector was replaced rather than rotated: |u_t·u_s| < 0.5 while
 *   |u_t·u₂,s| > 0.9, with u₂,s the second eigenvector at step s (false at the first step).
 */
export function rotationObserver(): ObserverFactory {
  return {
    id: 'rotation',
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      const half = F.from('0.5');
      const ninety = F.from('0.9');
      let prevTop: Vec<T> | undefined;
      let prevSecond: Vec<T> | undefined;
      return {
        observe: (ctx) => {
          const { vectors } = ctx.point.eig();
          const u = ctx.point.top();
          const second = vectors.length > 1 ? vectors[1].slice() : undefined;
          let angle: T | null = null;
          let swap = false;
          if (prevTop !== undefined) {
            const c = F.abs(dot(F, u, prevTop));
            angle = lineAngle(F, u, prevTop);
            swap = prevSecond !== undefined && F.lt(c, half) && F.lt(ninety, F.abs(dot(F, u, prevSecond)));
          }
          prevTop = u;
          prevSecond = second;
          return { fields: { rotationAngle: angle, eigengap: ctx.point.eigengap(), swap } };
        },
      };
    },
  };
}
