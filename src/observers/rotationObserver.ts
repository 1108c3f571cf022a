import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';
import type { Vec } from '../numerics/field.js';
import { dot } from '../numerics/linalg.js';

/**
 * Rotation of the top Hessian eigenvector between recorded steps (docs/claims/wang-roberts.md):
 * - `rotationAngle`: the principal angle arccos|u_t·u_s| (radians) to the previous recorded step s
 *   (null at the first recorded step);
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
            const c = F.min(F.one, F.abs(dot(F, u, prevTop)));
            angle = F.acos(c);
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
