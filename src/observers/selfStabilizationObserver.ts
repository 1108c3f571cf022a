import { flow } from '../dynamics/flow.js';
import type { Observer, ObserverEnv, ObserverFactory } from '../dynamics/observer.js';
import { NonFiniteError } from '../errors.js';
import type { OptimizerState } from '../dynamics/optimizer.js';
import { pointInfo } from '../dynamics/pointInfo.js';
import type { Vec } from '../numerics/field.js';
import { dot, norm2, vecSub } from '../numerics/linalg.js';
import { dnlConstants, predictedStep } from './predictedDynamics.js';
import { tensorPowerNorms } from './tensorPowerNorms.js';

/**
 * DNL's self-stabilization pipeline (docs/claims/damian.md) around the reference θ†_t (the pgd constrained
 * trajectory, or a flow), following what the authors' code records (repository adamian98/EOS,
 * taylor.py `track_dynamics`: GD, θ†, the predicted dynamics θ† + v⋆ and gradient flow, with
 * `constants_fn`, `taylor_stats_fn`, `gf_stats_fn` and `slow_stats_fn`). Everything is evaluated at
 * θ†_t as there: u = top eigenvector, ∇S⊥ = ∇S − u(u·∇S) with ∇S = ∇³L[u,u], v = θ_t − θ†_t.
 * - `x` = u·v (u sign-aligned to the previous recorded step's, docs/claims/wang-roberts.md; at the first step its
 *   largest entry is positive), `y` = ∇S⊥·v,
 * - `alpha` = −∇L(θ†)·∇S⊥ (progressive-sharpening speed, the code's sign), `beta` = ‖∇S⊥‖²,
 * - `delta` = √(2α/β), null when α ≤ 0 or β = 0 (undefined, never NaN),
 * - `lambda2`: the second Hessian eigenvalue at θ† (null in dimension 1); the analysis assumes
 *   λ₂ < 2/η with a margin (the authors stop at 1.9/η),
 * - `daggerLoss`, `daggerSharpness`: L and S at θ†;
 * - `predictedSharpness` = S(θ†) + y (the code's `S_avg`, the paper's S(θ_t) ≈ 2/η + y_t) and
 *   `predictedLoss` = L(θ†) + x²/η (the paper's L(θ_t) ≈ L(θ†_t) + x_t²/η), to set against the
 *   `sharpness` and `loss` observers' values at θ_t;
 * - `predictedError` = ‖θ_t − (θ†_t + v⋆_t)‖ and `predictedX` = u·v⋆_t for the predicted dynamics
 *   (predictedDynamics.ts), started at the first recorded step with v⋆ = θ − θ†. It needs θ† at
 *   every step, so with `every` > 1 (or once β = 0) both are null;
 * - `flowDistance` = ‖θ_gf − θ†‖, `gdFlowDistance` = ‖θ − θ_gf‖, `flowLoss`, `flowSharpness`:
 *   gradient flow (the `flow` rule, time η per step) from the first recorded θ;
 * - `rho3`, `rho4`: the third- and fourth-derivative sizes at θ† (tensorPowerNorms.ts).
 * A prediction or a flow that blows up is null from then on; GD's own record goes on.
 */
export function selfStabilizationObserver(): ObserverFactory {
  return {
    id: 'selfStabilization',
    needsReference: true,
    create<T>(env: ObserverEnv<T>): Observer<T> {
      const F = env.F;
      const gf = flow(env.bound, { lr: F.toString(env.lr) });
      let prevU: Vec<T> | undefined;
      /** The flow's state; null once it blew up. */
      let gfState: OptimizerState<T> | null | undefined;
      /** The run's step at which the flow started (its own t counts from 0). */
      let gfStart = 0;
      /** v⋆ for step `vT` (computed at the previous recorded step), null once undefined. */
      let vStar: Vec<T> | null | undefined;
      let vT = -1;
      return {
        observe: (ctx) => {
          const ref = ctx.reference!;
          const theta = ctx.state.theta;
          let u = ref.top();
          if (prevU !== undefined && F.sign(dot(F, u, prevU)) < 0) u = u.map((x) => F.neg(x));
          prevU = u;
          const c = dnlConstants(ref);
          const v = vecSub(F, theta, ref.theta);
          const x = dot(F, u, v);
          const y = dot(F, c.dSperp, v);
          const delta = F.sign(c.alpha) > 0 && c.delta2 !== null ? F.sqrt(c.delta2) : null;
          const gap = ref.eigengap();
          const S = ref.sharpness();
          // Predicted dynamics: start here, or continue from the previous recorded step.
          if (vStar === undefined) vStar = v;
          else if (vT !== ctx.t) vStar = null;
          let pred = vStar;
          let predictedError = pred === null ? null : norm2(F, vecSub(F, v, pred));
          // A prediction that blew up is no prediction: null from here on (GD's record goes on).
          if (predictedError !== null && !F.isFinite(predictedError)) pred = predictedError = null;
          const predictedX = pred === null ? null : dot(F, u, pred);
          vStar = pred === null ? null : predictedStep(ref, c, pred, env.lr);
          if (vStar !== null && !vStar.every((z) => F.isFinite(z))) vStar = null;
          vT = ctx.t + 1;
          // Gradient flow from the first recorded θ, advanced to this step (null once it blows up).
          if (gfState === undefined) {
            gfState = gf.init(theta.slice());
            gfStart = ctx.t;
          }
          let flowFields: Record<string, T | null> = { flowDistance: null, gdFlowDistance: null, flowLoss: null, flowSharpness: null };
          if (gfState !== null) {
            try {
              while (gfStart + gfState.t < ctx.t) gfState = gf.step(gfState);
              const G = pointInfo(env.bound, gfState.theta);
              flowFields = {
                flowDistance: norm2(F, vecSub(F, G.theta, ref.theta)),
                gdFlowDistance: norm2(F, vecSub(F, theta, G.theta)),
                flowLoss: G.loss(),
                flowSharpness: G.sharpness(),
              };
              if (!Object.values(flowFields).every((z) => z === null || F.isFinite(z))) throw new NonFiniteError('gradient flow');
            } catch (e) {
              if (!(e instanceof NonFiniteError)) throw e;
              gfState = null;
              flowFields = { flowDistance: null, gdFlowDistance: null, flowLoss: null, flowSharpness: null };
            }
          }
          const { rho3, rho4 } = tensorPowerNorms(env.bound, ref.theta, u);
          return {
            fields: {
              x,
              y,
              alpha: c.alpha,
              beta: c.beta,
              delta,
              lambda2: gap === null ? null : F.sub(S, gap),
              daggerLoss: ref.loss(),
              daggerSharpness: S,
              predictedSharpness: F.add(S, y),
              predictedLoss: F.add(ref.loss(), F.div(F.mul(x, x), env.lr)),
              predictedError,
              predictedX,
              ...flowFields,
              rho3,
              rho4,
            },
          };
        },
      };
    },
  };
}
