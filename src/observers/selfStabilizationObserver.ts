import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';
import type { Vec } from '../numerics/field.js';
import { dot } from '../numerics/linalg.js';

/**
 * DNL's self-stabilization coordinates (docs/claims/damian.md) of θ_t relative to the reference point θ†_t
 * (the pgd constrained trajectory, or a flow), with everything evaluated at θ†_t as in the authors'
 * code: u = top eigenvector, ∇S⊥ = ∇S − u(u·∇S) with ∇S = ∇³L[u,u], v = θ_t − θ†_t, and
 * - `x` = u·v (u sign-aligned to the previous recorded step's, docs/claims/wang-roberts.md; at the first step its
 *   largest entry is positive),
 * - `y` = ∇S⊥·v,
 * - `alpha` = −∇L(θ†)·∇S⊥ (progressive-sharpening speed, the code's sign),
 * - `beta` = ‖∇S⊥‖²,
 * - `delta` = √(2α/β), null when α ≤ 0 or β = 0 (undefined, never NaN).
 */
export function selfStabilizationObserver(): ObserverFactory {
  return {
    id: 'selfStabilization',
    needsReference: true,
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      const two = F.int(2);
      let prevU: Vec<T> | undefined;
      return {
        observe: (ctx) => {
          const ref = ctx.reference!;
          let u = ref.top();
          if (prevU !== undefined && F.sign(dot(F, u, prevU)) < 0) u = u.map((x) => F.neg(x));
          prevU = u;
          const dSp = ref.sharpnessGradientPerp();
          const v = ctx.state.theta.map((x, i) => F.sub(x, ref.theta[i]));
          const alpha = F.neg(dot(F, ref.grad(), dSp));
          const beta = dot(F, dSp, dSp);
          const delta = F.sign(alpha) > 0 && F.sign(beta) > 0 ? F.sqrt(F.div(F.mul(two, alpha), beta)) : null;
          return { fields: { x: dot(F, u, v), y: dot(F, dSp, v), alpha, beta, delta } };
        },
      };
    },
  };
}
