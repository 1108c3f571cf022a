import type { Observer, ObserverEnv, ObserverFactory, TraceEvent } from '../dynamics/observer.js';

/**
 * Events at the edge of stability, judged at recorded steps on S(θ_t) against 2/η:
 * - `edge-crossed` `{ t, sharpness, edge }`: the first recorded step with S ≥ 2/η (t = 0 included);
 * - `edge-returned` `{ t, sharpness, edge }`: the first recorded step after a crossing with S < 2/η.
 * With `{ all: true }` every upward and downward transition is reported, not only the first pair
 * (at the edge of stability S oscillates around 2/η, so that can be one event per step).
 */
export function edgeCrossingObserver(options: { readonly all?: boolean } = {}): ObserverFactory {
  return {
    id: 'edgeCrossing',
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      let above = false;
      let crossings = 0;
      let returns = 0;
      return {
        observe: (ctx) => {
          const S = ctx.point.sharpness();
          const isAbove = !F.lt(S, env.edge);
          const events: TraceEvent<T>[] = [];
          if (isAbove && !above && (options.all === true || crossings === 0)) {
            events.push({ t: ctx.t, kind: 'edge-crossed', sharpness: S, edge: env.edge });
          }
          if (!isAbove && above && (options.all === true || returns === 0)) {
            events.push({ t: ctx.t, kind: 'edge-returned', sharpness: S, edge: env.edge });
          }
          if (isAbove && !above) crossings++;
          if (!isAbove && above) returns++;
          above = isAbove;
          return { events };
        },
      };
    },
  };
}
