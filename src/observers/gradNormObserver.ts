import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';

/** `gradNorm`: ‖∇L(θ_t)‖₂. */
export function gradNormObserver(): ObserverFactory {
  return {
    id: 'gradNorm',
    create<T>(_env: ObserverEnv<T>): Observer<T> {
      return { observe: (ctx) => ({ fields: { gradNorm: ctx.point.gradNorm() } }) };
    },
  };
}
