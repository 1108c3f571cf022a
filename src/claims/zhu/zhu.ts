import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { ZWWZG } from '../papers.js';
import { gd } from '../../dynamics/gd.js';
import { stepper } from '../../dynamics/stepper.js';
import { relativeError } from '../relativeMargin.js';
import { StepTally, beyondTolerance, failedAt } from '../stepTally.js';
import { runUntilSettled } from '../../dynamics/runUntilSettled.js';

/**
 * Zhu, Wang, Wang, Zhou, Ge (docs/claims/zhu.md): the minimalist example L(x, y) = ¼(x²y² − 1)²,
 * on which GD at the edge of stability converges with the sharpness just below 2/η — in contrast
 * to the uv / matrix-factorization model (docs/claims/zhu.md). The arXiv id is recalled [R: id].
 */

const D = decimalCtor(60);

export interface MinimalistInstance extends Instance {
  readonly model: 'minimalist';
  readonly theta: readonly [string, string];
  readonly lr: string;
  readonly steps: number;
  /** η·S_GFS/2 the instance was drawn with (S_GFS = 2√((x₀² − y₀²)² + 4) on xy = 1). */
  readonly kappa?: string;
  /** Negative control of the identity: the gradient-flow statement "x² − y² is unchanged". */
  readonly variant?: 'gf-conserved';
}

// zhu.exact-identity -------------------------------------------------------------------------------

function identityInstances(variant?: 'gf-conserved'): fc.Arbitrary<MinimalistInstance> {
  const base =
    variant === undefined
      ? fc.record({ x: decimalText(-3, 3, 2), y: decimalText(-3, 3, 2), lr: decimalText(0.001, 0.5, 3), steps: fc.integer({ min: 1, max: 20 }) })
      : fc.record({ x: decimalText(1.5, 2, 2), y: decimalText(0.2, 0.5, 2), lr: decimalText(0.05, 0.2, 3), steps: fc.constant(1) });
  return base.map(
    (g): MinimalistInstance => ({ model: 'minimalist', theta: [g.x, g.y], lr: g.lr, steps: g.steps, ...(variant !== undefined ? { variant } : {}) }),
  );
}

function checkIdentity<T>(inst: MinimalistInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const gf = inst.variant === 'gf-conserved';
  const run = stepper(gd(model, { lr: inst.lr }), theta);
  // The least margin over the steps, in the field: at interval:N (no slack) its enclosure certifies.
  const tally = new StepTally(F, ctx.tol.rel);
  for (let t = 0; t < inst.steps; t++) {
    const [x, y] = run.theta;
    const x2 = F.mul(x, x);
    const y2 = F.mul(y, y);
    const p = F.mul(x2, y2);
    const r = F.sub(p, F.one);
    if (!run.step()) break;
    const next = run.theta;
    const c = F.sub(x2, y2);
    const cNext = F.sub(F.mul(next[0], next[0]), F.mul(next[1], next[1]));
    const k = F.mul(F.mul(eta, eta), F.mul(F.mul(r, r), p));
    const predicted = gf ? c : F.mul(c, F.sub(F.one, k));
    // x⁺ is summed from |x| + η|r|·|x|y²: the squares of those, plus |c|(1 + η²r²x²y²).
    const er = F.abs(F.mul(eta, r));
    const a = F.add(F.abs(x), F.mul(er, F.mul(F.abs(x), y2)));
    const b = F.add(F.abs(y), F.mul(er, F.mul(x2, F.abs(y))));
    const scale = F.add(F.add(F.mul(a, a), F.mul(b, b)), F.mul(F.abs(c), F.add(F.one, k)));
    const err = F.abs(F.sub(cNext, predicted));
    // scale ≥ 0; an enclosure that may contain 0 is treated as 0 (the absolute error), never divided by.
    const relErr = relativeError(F, err, scale);
    const observed = F.toNumber(relErr);
    const m = F.sub(F.from(ctx.tol.rel), relErr);
    const margin = F.toNumber(m);
    if (beyondTolerance(F, ctx.tol, err, scale)) {
      return failedAt(
        ctx,
        'identity_mismatch',
        t,
        observed,
        m,
        `step ${t}: (x² − y²)⁺ = ${F.toString(cNext)} but ${gf ? 'x² − y²' : '(x² − y²)(1 − η²r²x²y²)'} = ${F.toString(predicted)}`,
      );
    }
    tally.note(m, { margin, observed, bound: ctx.tol.rel, step: t });
    tally.checked++;
  }
  return tally.holds(
    ctx,
    'identity_holds',
    `(x² − y²)⁺ = (x² − y²)(1 − η²r²x²y²) at each of ${tally.checked} steps; worst relative error ${tally.worst.observed.toExponential(2)}`,
  );
}

export const zhuExactIdentity: Claim<MinimalistInstance> = defineClaim<MinimalistInstance>({
  id: 'zhu.exact-identity',
  title: 'Minimalist example: GD multiplies x² − y² by exactly 1 − η²r²x²y²',
  citation: {
    paper: ZWWZG,
    where: 'the conserved quantity of gradient flow and its GD version (identity derived in docs/claims/zhu.md [D]; arXiv id recalled)',
    recalled: true,
  },
  statement:
    'For L(x, y) = ¼(x²y² − 1)², r = x²y² − 1, one GD step with any η gives (x² − y²)⁺ = (x² − y²)(1 − η²r²x²y²). Gradient flow conserves x² − y²; ' +
    'GD shrinks it while η|r||xy| < √2, which is how it drifts along the minimizers toward flatter ones.',
  kind: 'identity',
  hypotheses: ['x, y ∈ [−3, 3], η ∈ (0, 0.5]', 'iterates finite (a run that overflows is checked up to that step)'],
  arbitrary: identityInstances(),
  check: checkIdentity,
  negativeControl: {
    description: 'the gradient-flow statement "a GD step leaves x² − y² unchanged" (x ∈ [1.5, 2], y ∈ [0.2, 0.5], η ∈ [0.05, 0.2])',
    arbitrary: identityInstances('gf-conserved'),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'Exact identity checked per step against the computed iterate: 4096 ulps (9e-13 in f64; the catalog allows 1e-10) of the magnitudes ' +
    'x⁺² and y⁺² are summed from, plus |x² − y²|(1 + η²r²x²y²).',
});

// zhu.final-sharpness-just-below-edge -------------------------------------------------------------

/**
 * Near-manifold starts: η ∈ [0.05, 0.3], κ = η·S_GFS/2 ∈ [lo, hi], the point of xy = 1 with x² − y² = c,
 * c = √(κ²/η² − 4), then y scaled by 1 + δ, 0.01 ≤ |δ| ≤ 0.1 (x, y to 15 digits).
 */
function nearManifold(lo: number, hi: number, steps: number): fc.Arbitrary<MinimalistInstance> {
  // |δ| ≥ 0.01: a start on the manifold itself would sit at an unstable minimizer until rounding grows, and look converged.
  const delta = fc.tuple(decimalText(0.01, 0.1, 3), fc.boolean()).map(([d, neg]) => (neg ? `-${d}` : d));
  return fc.record({ lr: decimalText(0.05, 0.3, 3), kappa: decimalText(lo, hi, 3), delta }).map((g): MinimalistInstance => {
    const ratio = new D(g.kappa).div(g.lr);
    const c2 = ratio.times(ratio).minus(4);
    const c = c2.isNegative() ? new D(0) : c2.sqrt();
    const x = c.plus(c.times(c).plus(4).sqrt()).div(2).sqrt();
    const y = new D(1).div(x).times(new D(1).plus(g.delta));
    return { model: 'minimalist', theta: [x.toSignificantDigits(15).toFixed(), y.toSignificantDigits(15).toFixed()], lr: g.lr, steps, kappa: g.kappa };
  });
}

function checkFinalSharpness<T>(inst: MinimalistInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const c0 = F.sub(F.mul(theta[0], theta[0]), F.mul(theta[1], theta[1]));
  // GFS sharpness on xy = ±1 with x² − y² = c₀: 2(x² + y²) = 2√(c₀² + 4).
  const half = F.mul(eta, F.sqrt(F.add(F.mul(c0, c0), F.int(4))));
  ctx.assume(F.lt(F.one, half), 'below_edge', `η·S_GFS/2 = ${F.toString(half)} ≤ 1: the gradient-flow solution is already stable`);
  const run = stepper(gd(model, { lr: inst.lr }), theta);
  const { t, settled, taken } = runUntilSettled(run, inst.steps, (th) => {
    const p = F.mul(F.mul(th[0], th[0]), F.mul(th[1], th[1]));
    return F.lt(F.abs(F.sub(p, F.one)), F.from('1e-10'));
  });
  ctx.assume(settled, 'not_converged', `GD did not converge within ${inst.steps} steps`);
  // At the limit (xy = ±1) S = 2(x² + y²); the run stops within |r| < 1e-10 of it.
  const th = run.theta;
  const s = F.mul(eta, F.add(F.mul(th[0], th[0]), F.mul(th[1], th[1])));
  const o = F.toNumber(s);
  const details = { etaSGfsHalf: F.toString(half), steps: taken };
  // The distance inside [0.98, 1 + slack], in the field (η·S is enclosed at interval:N), so that
  // margin ≥ 0 ⇔ the band holds and its enclosure certifies either side.
  const m = ctx.margin(F.min(F.sub(s, F.from('0.98')), F.sub(F.add(F.one, F.from(ctx.tol.rel)), s)));
  if (F.lt(s, F.from('0.98')) || F.lt(F.add(F.one, F.from(ctx.tol.rel)), s)) {
    return ctx.violated({
      code: 'not_just_below_edge',
      observed: o,
      bound: 0.98,
      ...m,
      step: t,
      details,
      message: `η·S_∞/2 = ${o.toFixed(6)} is not in [0.98, 1] (η·S_GFS/2 = ${F.toNumber(half).toFixed(4)}, ${taken} steps)`,
    });
  }
  return ctx.holds({
    code: 'just_below_edge',
    observed: o,
    bound: 0.98,
    ...m,
    step: t,
    details,
    message: `η·S_GFS/2 = ${F.toNumber(half).toFixed(4)} > 1; GD converged in ${taken} steps with η·S_∞/2 = ${o.toFixed(6)} ∈ [0.98, 1]`,
  });
}

export const zhuFinalSharpness: Claim<MinimalistInstance> = defineClaim<MinimalistInstance>({
  id: 'zhu.final-sharpness-just-below-edge',
  title: 'Minimalist example: from beyond the edge, GD converges with η·S_∞/2 just below 1 (in [0.98, 1])',
  citation: {
    paper: ZWWZG,
    where: 'abstract ("the sharpness at the end is just slightly below 2/η") and the main theorem (local region recalled)',
    recalled: true,
  },
  statement:
    'For L = ¼(x²y² − 1)² started near the minimizers (xy = 1 + δ, 0.01 ≤ |δ| ≤ 0.1) at a point whose gradient-flow solution is too sharp ' +
    '(η·S_GFS/2 ∈ [1.02, 1.5], η ∈ [0.05, 0.3]), GD converges to a minimizer with η·S_∞/2 ∈ [0.98, 1] — on most instances (statistical: ' +
    'catapult outliers exist, docs/claims/zhu.md). Contrast uv (ℓ(xy) with the square loss), where η·S_∞/2 has median 0.71 from the starts of wxzt.regularity.closer-to-edge.',
  kind: 'statistical',
  minHoldFraction: 0.8,
  hypotheses: [
    'near-manifold start: y₀ = (1 + δ)/x₀, 0.01 ≤ |δ| ≤ 0.1',
    'η ∈ [0.05, 0.3], η·S_GFS/2 ∈ (1, 1.5]',
    'GD converges (|x²y² − 1| < 1e-10 for 3 steps) within 12 000 steps',
  ],
  arbitrary: nearManifold(1.02, 1.5, 12_000),
  check: checkFinalSharpness,
  negativeControl: {
    description: 'η·S_GFS/2 ∈ [0.5, 0.9] (the gradient-flow solution is stable; hypothesis waived): GD lands near it, well below the edge',
    arbitrary: nearManifold(0.5, 0.9, 12_000),
  },
  tolerance: { rel: 1e-9 },
  rationale:
    "The band [0.98, 1] is docs/claims/zhu.md's (median ≥ 0.98, max ≤ 1); [E] on this generator: 600 of 600 runs in [0.989, 0.9994]. The run stops " +
    'at |r| < 1e-10, where η·S differs from its limit by ~1e-10, so 1e-9 above 1 is truncation slack. Statistical (80% must hold) because ' +
    "the paper's guarantee is local and catapults can land far below the edge.",
});
