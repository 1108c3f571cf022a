import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';
import { norm2, vecSub } from '../numerics/linalg.js';

/** `referenceDistance`: ‖θ_t − θ_ref,t‖₂ to the reference trajectory (pgd or flow) run alongside. */
export function referenceDistanceObserver(): ObserverFactory {
  return {
    id: 'referenceDistance',
    needsReference: true,
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      return {
        observe: (ctx) => {
          return { fields: { referenceDistance: norm2(F, vecSub(F, ctx.state.theta, ctx.referenceState!.theta)) } };
        },
      };
    },
  };
}
