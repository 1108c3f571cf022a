import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';

/** `edgeMargin`: η·S(θ_t) − 2 (0 exactly at the edge of stability, > 0 above it). */
export function edgeMarginObserver(): ObserverFactory {
  return {
    id: 'edgeMargin',
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      const two = F.int(2);
      return { observe: (ctx) => ({ fields: { edgeMargin: F.sub(F.mul(env.lr, ctx.point.sharpness()), two) } }) };
    },
  };
}
