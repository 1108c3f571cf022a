import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';

/** `edgeMargin`: 2S(θ_t)/edge − 2, i.e. η·S − 2 for gd and ηS/(1 + β) − 2 for momentum (0 at the rule's edge, > 0 above it). */
export function edgeMarginObserver(): ObserverFactory {
  return {
    id: 'edgeMargin',
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      const two = F.int(2);
      return { observe: (ctx) => ({ fields: { edgeMargin: F.sub(F.div(F.mul(two, ctx.point.sharpness()), env.edge), two) } }) };
    },
  };
}
