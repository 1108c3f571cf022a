import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';

/** `referenceDistance`: ‖θ_t − θ_ref,t‖₂ to the reference trajectory (pgd or flow) run alongside. */
export function referenceDistanceObserver(): ObserverFactory {
  return {
    id: 'referenceDistance',
    needsReference: true,
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      return {
        observe: (ctx) => {
          const a = ctx.state.theta;
          const b = ctx.referenceState!.theta;
          let s = F.zero;
          for (let i = 0; i < a.length; i++) {
            const d = F.sub(a[i], b[i]);
            s = F.add(s, F.mul(d, d));
          }
          return { fields: { referenceDistance: F.sqrt(s) } };
        },
      };
    },
  };
}
