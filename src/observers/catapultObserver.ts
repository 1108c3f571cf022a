import type { Observer, ObserverEnv, ObserverFactory, TraceEvent } from '../dynamics/observer.js';

/**
 * `catapult` events (LBDSG, docs/claims/lewkowycz.md), judged at recorded steps. With ℓ_t = L(θ_t) − L* when
 * the model knows L* (else ℓ_t = L(θ_t), and detection is off while the running minimum is ≤ 0):
 * 1. m = the running minimum of ℓ over recorded steps since the last catapult (or the start).
 * 2. A spike starts at the first recorded step t₀ with ℓ_{t₀} ≥ 2m and ℓ_{t₀} > m; it remembers
 *    S_before = S at the recorded step just before t₀, and tracks the peak loss and its step.
 * 3. The spike is a catapult at the first recorded step t after the peak step (so the loss has
 *    come off its peak) with S_t < S_before: event `{ t, kind: 'catapult', spikeStart, peakT,
 *    peakLoss, lossBefore: m, sharpnessBefore, sharpness }` (losses as ℓ). Then m restarts at ℓ_t.
 * 4. A spike whose loss falls back below 2m before that is dropped (no event) and m carries on.
 * The detector's resolution is the recording interval `every`.
 */
export function catapultObserver(): ObserverFactory {
  return {
    id: 'catapult',
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      const lstar = env.bound.lossStar;
      const known = lstar !== undefined;
      const two = F.int(2);
      let m: T | undefined;
      let prevS: T | undefined;
      let spike: { start: number; sBefore: T; peak: T; peakT: number; lossBefore: T } | undefined;
      return {
        observe: (ctx) => {
          const loss = ctx.point.loss();
          const l = known ? F.sub(loss, lstar) : loss;
          const S = ctx.point.sharpness();
          const events: TraceEvent<T>[] = [];
          if (m === undefined) {
            m = l;
          } else if (spike === undefined) {
            const active = known || F.sign(m) > 0;
            if (active && prevS !== undefined && !F.lt(l, F.mul(two, m)) && F.lt(m, l)) {
              spike = { start: ctx.t, sBefore: prevS, peak: l, peakT: ctx.t, lossBefore: m };
            } else if (F.lt(l, m)) {
              m = l;
            }
          } else {
            if (F.lt(spike.peak, l)) {
              spike.peak = l;
              spike.peakT = ctx.t;
            }
            if (ctx.t > spike.peakT && F.lt(S, spike.sBefore)) {
              events.push({
                t: ctx.t,
                kind: 'catapult',
                spikeStart: spike.start,
                peakT: spike.peakT,
                peakLoss: spike.peak,
                lossBefore: spike.lossBefore,
                sharpnessBefore: spike.sBefore,
                sharpness: S,
              });
              spike = undefined;
              m = l;
            } else if (F.lt(l, F.mul(two, spike.lossBefore))) {
              spike = undefined;
              if (F.lt(l, m)) m = l;
            }
          }
          prevS = S;
          return { events };
        },
      };
    },
  };
}
