import { flow } from '../../dynamics/flow.js';
import { pointInfo } from '../../dynamics/pointInfo.js';
import type { BoundModel } from '../../models/model.js';
import type { Vec } from '../../numerics/field.js';
import { dot, norm2 } from '../../numerics/linalg.js';

/**
 * Arora, Li, Panigrahi's limiting flows on a manifold Γ of minimizers of any model (not a closed
 * form): Φ by gradient flow, the tangent space of Γ as the kernel of ∇²L at a point of Γ, and
 * X(t) from dX/dt = −¼P_T∇log λ₁ (NGD) or −⅛P_T∇λ₁ (√L-GD) by the classical Runge–Kutta method,
 * each stage retracted onto Γ by Φ. ∇λ₁ = ∇³L[u,u] (u the top unit eigenvector; λ₁ simple).
 */

export type LimitingRule = 'ngd' | 'sqrt-gd';

/**
 * Φ(θ): the limit of gradient flow from θ (the `flow` rule, Dormand–Prince, time 1 per step), run
 * until ‖∇L‖ ≤ gtol·(1 + λ₁‖θ‖) or `maxSteps` unit times. Returns null when it did not get there
 * (Γ is then too far, or the flow too slow, for the claims' purpose).
 */
export function phi<T>(model: BoundModel<T>, theta: Vec<T>, gtol: number, maxSteps = 3000): Vec<T> | null {
  const F = model.F;
  const S = F.toNumber(pointInfo(model, theta).sharpness());
  const scale = 1 + Math.abs(S) * F.toNumber(norm2(F, theta));
  // Steps up to 2/S (inside Dormand–Prince's real stability interval, ≈ 3.3/S): the flow is smooth and stiff only in S.
  const gf = flow(model, { lr: '1', capC: 2 });
  let st = gf.init(theta);
  for (let k = 0; k <= maxSteps; k++) {
    if (F.toNumber(norm2(F, model.grad(st.theta))) <= gtol * scale) return st.theta;
    st = gf.step(st);
  }
  return null;
}

/**
 * Near Γ: λ₁, λ₂ and the velocity of the limiting flow, with the normal space spanned by the top
 * `codim` eigenvectors of ∇²L (on Γ exactly the eigenvectors of non-zero eigenvalues; off Γ, at an
 * RK stage point, this extends P_T smoothly where a threshold on "zero" eigenvalues would not).
 */
export interface FlowPoint<T> {
  readonly lambda1: number;
  readonly lambda2: number;
  /** dX/dt of the rule's limiting flow. */
  readonly velocity: Vec<T>;
  /** ‖P_T∇λ₁‖². */
  readonly tangentGrad2: number;
}

export function flowPoint<T>(model: BoundModel<T>, x: Vec<T>, rule: LimitingRule, codim: number): FlowPoint<T> {
  const F = model.F;
  const P = pointInfo(model, x);
  const { values, vectors } = P.eig();
  const l1 = values[0];
  const l1n = F.toNumber(l1);
  const normal = vectors.slice(0, codim);
  const g = P.sharpnessGradient();
  // P_T g = g − Σ over the normal space (the eigenvectors of the non-zero eigenvalues) of (n·g)n.
  let pg = g.slice();
  for (const nv of normal) {
    const c = dot(F, nv, g);
    pg = pg.map((x, i) => F.sub(x, F.mul(c, nv[i])));
  }
  const coef = rule === 'ngd' ? F.neg(F.div(F.one, F.mul(F.int(4), l1))) : F.neg(F.div(F.one, F.int(8)));
  return {
    lambda1: l1n,
    lambda2: values.length > 1 ? F.toNumber(values[1]) : 0,
    velocity: pg.map((x) => F.mul(coef, x)),
    tangentGrad2: F.toNumber(dot(F, pg, pg)),
  };
}

/** The codimension of Γ at x ∈ Γ: the number of Hessian eigenvalues above zeroRel·λ₁. */
export function codimension<T>(model: BoundModel<T>, x: Vec<T>, zeroRel: number): number {
  const F = model.F;
  const { values } = pointInfo(model, x).eig();
  const l1 = F.toNumber(values[0]);
  return values.filter((v) => F.toNumber(v) > zeroRel * l1).length;
}

/**
 * X on [0, T] from X(0) on Γ (of codimension `codim`), `steps` RK4 steps each retracted onto Γ by Φ;
 * returns X at the `samples` + 1 times jT/samples (steps a multiple of samples) and the smallest
 * (λ₁ − λ₂)/λ₁ seen, or null if a retraction failed.
 */
export function integrateLimitingFlow<T>(
  model: BoundModel<T>,
  x0: Vec<T>,
  rule: LimitingRule,
  T: number,
  steps: number,
  samples: number,
  o: { readonly gtol: number; readonly codim: number },
): { readonly xs: readonly Vec<T>[]; readonly minGap: number } | null {
  const F = model.F;
  const h = F.from(T / steps);
  const half = F.div(h, F.int(2));
  const add = (a: Vec<T>, b: Vec<T>, c: T): Vec<T> => a.map((x, i) => F.add(x, F.mul(c, b[i])));
  let x = x0;
  const xs: Vec<T>[] = [x0];
  let minGap = Number.POSITIVE_INFINITY;
  for (let k = 0; k < steps; k++) {
    const p1 = flowPoint(model, x, rule, o.codim);
    minGap = Math.min(minGap, (p1.lambda1 - p1.lambda2) / p1.lambda1);
    const k2 = flowPoint(model, add(x, p1.velocity, half), rule, o.codim).velocity;
    const k3 = flowPoint(model, add(x, k2, half), rule, o.codim).velocity;
    const k4 = flowPoint(model, add(x, k3, h), rule, o.codim).velocity;
    const sixth = F.div(h, F.int(6));
    const next = phi(
      model,
      x.map((xi, i) => F.add(xi, F.mul(sixth, F.add(F.add(p1.velocity[i], F.mul(F.int(2), k2[i])), F.add(F.mul(F.int(2), k3[i]), k4[i]))))),
      o.gtol,
    );
    if (next === null) return null;
    x = next;
    if ((k + 1) % (steps / samples) === 0) xs.push(x);
  }
  return { xs, minGap };
}
