import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';

/** `loss`: L(θ_t). */
export function lossObserver(): ObserverFactory {
  return {
    id: 'loss',
    create<T>(_env: ObserverEnv<T>): Observer<T> {
      return { observe: (ctx) => ({ fields: { loss: ctx.point.loss() } }) };
    },
  };
}
