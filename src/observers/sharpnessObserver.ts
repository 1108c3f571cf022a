import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';

/** `sharpness`: S(θ_t) = λ_max(∇²L), by a dense symmetric eigendecomposition of the Hessian. */
export function sharpnessObserver(): ObserverFactory {
  return {
    id: 'sharpness',
    create<T>(_env: ObserverEnv<T>): Observer<T> {
      return { observe: (ctx) => ({ fields: { sharpness: ctx.point.sharpness() } }) };
    },
  };
}
