import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { BoundModel } from '../../models/model.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { Field, Vec } from '../../numerics/field.js';
import { topEigenpairs } from '../../spectral/sharpness.js';
import { vectorAngle } from '../../spectral/principalAngles.js';
import { lineAngle } from '../../spectral/lineAngle.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { quadraticGdInstance } from '../classical/quadraticGdInstance.js';
import { WR } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { leastOf } from '../relativeMargin.js';
import { nonFinite } from '../diverged.js';
import type { GdRunInstance } from '../gdRunInstance.js';

export type { GdRunInstance };

/**
 * Wang & Roberts: instabilities of large-step GD rotate the Hessian's eigenvectors, a consequence
 * of depth > 1, and move the parameters to flatter regions (docs/claims/wang-roberts.md, caveat 5). Only the
 * abstract is verified, so every claim is tagged recalled and checked on closed-form models:
 * depth 1 = a quadratic (linear regression), depth 2 = uv with y = 1 (its balanced set), and the
 * deeper and wider networks of rotationClaims.ts and flatteningInLr.ts.
 */

/** Iterates beyond this size count as a divergence (uv's loss grows like |θ|⁴). */
export const BLOW_UP = 1e6;

export const D = decimalCtor(60);

/** λ_GFS = √(Δ₀² + 4y²) of uv with y = 1: the sharpness of the minimizer gradient flow reaches from (u₀, v₀). */
const lambdaGfsText = (u: string, v: string): Decimal => {
  const delta = new D(u).pow(2).minus(new D(v).pow(2));
  return delta.pow(2).plus(4).sqrt();
};

/** η = κ/λ_GFS as 15-digit decimal text. */
export const lrFor = (u: string, v: string, kappa: string): string => new D(kappa).div(lambdaGfsText(u, v)).toSignificantDigits(15).toFixed();

export const finiteSmall = <T>(F: Field<T>, v: Vec<T>): boolean => v.every((x) => F.isFinite(x) && F.lt(F.abs(x), F.from(BLOW_UP)));

/** The Hessian's eigenframe at θ: top and second unit eigenvectors as doubles, the gap relative to ‖H‖, λ₁. */
export interface Frame<T> {
  readonly top: number[];
  /** The top eigenvector in the field (not normalized), for angles measured at the run's precision. */
  readonly topField: T[];
  readonly second: number[] | undefined;
  readonly relGap: number;
  readonly lambda: T;
}

export function frameAt<T>(F: Field<T>, model: BoundModel<T>, theta: Vec<T>): Frame<T> {
  const H = model.hessian(theta);
  if (H.length === 2) {
    // Closed form for [[a, b], [b, c]]: λ± = m ± ρ with m = (a + c)/2, d = (a − c)/2, ρ = √(d² + b²); the top
    // eigenvector (d + ρ, b) for d ≥ 0, else (b, ρ − d): both free of cancellation.
    const two = F.int(2);
    const m = F.div(F.add(H[0][0], H[1][1]), two);
    const d = F.div(F.sub(H[0][0], H[1][1]), two);
    const b = H[0][1];
    const rho = F.sqrt(F.add(F.mul(d, d), F.mul(b, b)));
    const v = F.sign(d) >= 0 ? [F.add(d, rho), b] : [b, F.sub(rho, d)];
    const top = v.map((x) => F.toNumber(x));
    const lambda = F.add(m, rho);
    const norm = Math.max(Math.abs(F.toNumber(lambda)), Math.abs(F.toNumber(F.sub(m, rho))));
    const gap = 2 * F.toNumber(rho);
    const degenerate = !(gap > 0) || top.every((x) => x === 0);
    return {
      top: degenerate ? [1, 0] : top,
      topField: degenerate ? [F.one, F.zero] : v,
      second: degenerate ? [0, 1] : [-top[1], top[0]],
      relGap: norm > 0 ? (degenerate ? 0 : gap / norm) : Number.POSITIVE_INFINITY,
      lambda,
    };
  }
  const e = topEigenpairs(F, H, 2);
  return {
    top: e.vectors[0].map((x) => F.toNumber(x)),
    topField: e.vectors[0],
    second: e.vectors.length > 1 ? e.vectors[1].map((x) => F.toNumber(x)) : undefined,
    relGap: e.norm > 0 ? e.gap / e.norm : Number.POSITIVE_INFINITY,
    lambda: e.values[0],
  };
}

/** An eigengap below this fraction of ‖H‖ makes the top eigenvector ill-posed: that step's angle is not counted. */
export const GAP_GUARD = 1e-6;

/* ------------------------------------------------------------------------------------------ */
/* wr.depth1.no-rotation                                                                       */
/* ------------------------------------------------------------------------------------------ */

function uvUnstableControl(): fc.Arbitrary<GdRunInstance> {
  return fc
    .record({ u: decimalText(1.5, 3, 2), v: decimalText(0.1, 0.8, 2), kappa: decimalText(2.2, 3, 2), steps: fc.integer({ min: 5, max: 60 }) })
    .map(({ u, v, kappa, steps }) => ({ model: 'uv', params: { target: '1' }, theta: [u, v], lr: lrFor(u, v, kappa), steps }));
}

export const depth1NoRotation: Claim<GdRunInstance> = defineClaim<GdRunInstance>({
  id: 'wr.depth1.no-rotation',
  title: 'Depth 1 (linear regression): the Hessian eigenvectors never rotate under GD, stable or divergent',
  citation: {
    paper: WR,
    where: 'abstract: rotations are "a consequence of network depth"; the depth-1 baseline (docs/claims/wang-roberts.md wr.depth1.no-rotation [D])',
    recalled: true,
  },
  statement:
    'For L(θ) = ½θᵀAθ − bᵀθ (linear regression, A = XᵀX/n ⪰ 0) the Hessian is A at every θ, so along GD with any η — ' +
    'including η·λ_max ∈ (2, 4), where GD diverges along q_max — the angle between the top Hessian eigenvectors of consecutive iterates is 0 ' +
    '(to rounding). A run whose iterates stay finite is exercised whether it converges or diverges; the growth is reported, not judged.',
  kind: 'identity',
  hypotheses: ['model quadratic (depth 1: the Hessian does not depend on θ)', 'κ = η·λ_max ∈ (0, 4), up to 60 steps (|1 − κ|⁶⁰ ≤ 3⁶⁰ keeps θ finite)'],
  arbitrary: quadraticGdInstance({ kappa: [0, 4], start: 'any', steps: [1, 60] }) as fc.Arbitrary<GdRunInstance>,
  check<T>(instance: GdRunInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    ctx.assume(instance.model === 'quadratic', 'not_depth_one', `model ${instance.model} is not depth 1 (its Hessian depends on θ)`);
    const { model, theta } = ctx.model(instance);
    const eta = F.from(instance.lr);
    let th = theta;
    // Divergent runs are part of the claim (the eigenvector of a constant Hessian stays put however far θ goes).
    const run = gdStepper(model, eta, th, { divergenceBound: Number.POSITIVE_INFINITY });
    let prev = frameAt(F, model, th);
    const norm0 = Math.hypot(...th.map((x) => F.toNumber(x)));
    let worst = { observed: 0, step: 0 };
    // The margin tol − angle in the field, the least over the steps: the angle between the field's
    // eigenvectors (lineAngle, exact at 0), so that at interval:N a turned eigenvector is enclosed
    // away from 0 and certified; the doubles decide in f64 as before.
    const tolF = F.from(ctx.tol.rel);
    let least: T | undefined;
    for (let k = 0; k < instance.steps; k++) {
      const stepped = run.step();
      th = run.theta;
      if (!stepped || !th.every((x) => F.isFinite(x))) {
        return nonFinite(ctx, k + 1, `θ became non-finite at step ${k + 1}`);
      }
      const cur = frameAt(F, model, th);
      const angle = vectorAngle(prev.top, cur.top);
      const m = F.sub(tolF, lineAngle(F, prev.topField, cur.topField));
      least = leastOf(F, least, m);
      if (angle > worst.observed || k === 0) worst = { observed: Math.max(angle, worst.observed), step: angle > worst.observed ? k : worst.step };
      if (angle > ctx.tol.rel) {
        return ctx.violated({
          code: 'eigenvector_rotated',
          step: k,
          observed: angle,
          bound: ctx.tol.rel,
          ...ctx.margin(least),
          message: `the top Hessian eigenvector turned by ${((angle * 180) / Math.PI).toPrecision(4)}° between steps ${k} and ${k + 1} (model ${instance.model}, η = ${instance.lr}, λ₁ = ${F.toNumber(cur.lambda).toPrecision(6)})`,
          details: { kappa: F.toNumber(F.mul(eta, cur.lambda)), relGap: cur.relGap },
        });
      }
      prev = cur;
    }
    const growth = Math.hypot(...th.map((x) => F.toNumber(x))) / (norm0 || 1);
    const kappa = F.toNumber(F.mul(eta, prev.lambda));
    return ctx.holds({
      code: 'no_rotation',
      step: worst.step,
      observed: worst.observed,
      bound: ctx.tol.rel,
      ...(least === undefined ? { margin: ctx.tol.rel } : ctx.margin(least)),
      message: `top eigenvector fixed over ${instance.steps} steps (κ = η·λ_max = ${kappa.toPrecision(4)}, ${kappa > 2 ? 'divergent' : 'convergent'} run, ‖θ_T‖/‖θ₀‖ = ${growth.toPrecision(3)}); largest angle ${worst.observed.toExponential(2)} rad`,
      details: { kappa, growth, relGap: prev.relGap },
    });
  },
  negativeControl: {
    description:
      'the same check on depth 2 (uv with y = 1, unbalanced start, η·λ_GFS ∈ [2.2, 3]): the Hessian ggᵀ + rQ changes with θ and its eigenvectors turn',
    arbitrary: uvUnstableControl(),
  },
  tolerance: { ulps: 4096 },
  rationale:
    "An exact identity ([D]: ∇²L = A is constant): the only error is the eigensolver's on the same matrix, so the angle is held to 4096 ulps " +
    '(9e-13 rad in f64, the 1e-12 of docs/claims/wang-roberts.md). A depth-2 Hessian turns by 1e-3 to 1 rad per unstable step, far above it.',
});
