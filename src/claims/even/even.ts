import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { Field } from '../../numerics/field.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { relativeError, relativeMargin } from '../relativeMargin.js';
import { StepTally, beyondTolerance, failedAt } from '../stepTally.js';
import { EPGF } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import type { DlnData, GdRunInstance } from '../gdRunInstance.js';

/**
 * Even, Pesme, Gunasekar, Flammarion (docs/claims/even.md): GD on a diagonal linear network
 * β = u⊙v, L = (1/2n)‖X(u⊙v) − y‖². Two exact identities [D] behind the paper's implicit-bias
 * analysis: the "gain" c = u² − v² is multiplied by 1 − γ²g², and the hyperbolic coordinate
 * s = ½·arcsinh(2β/c) moves by exactly −artanh(γg). The arXiv id is recalled [R: id].
 */

export interface DlnGdInstance extends GdRunInstance<'diagonal-linear'> {
  readonly data: DlnData;
  /**
   * Negative controls: `gf-conserved`, the gradient-flow statement "c is unchanged" (invariant identity);
   * `first-order`, the mirror step s⁺ = s − γg without the artanh (hyperbolic identity).
   */
  readonly variant?: 'gf-conserved' | 'first-order';
}

/** n ∈ 1..4 samples, d ∈ 1..4 features, X, y ∈ [−1, 1], u ∈ [0.3, 1], v ∈ [−0.2, 0.2] (so c = u² − v² > 0), γ ∈ [0.01, 0.5]. */
function dlnInstances(variant?: 'gf-conserved'): fc.Arbitrary<DlnGdInstance> {
  return fc
    .record({ n: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, d }) =>
      fc.record({
        X: fc.array(fc.array(decimalText(-1, 1, 2), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        y: fc.array(decimalText(-1, 1, 2), { minLength: n, maxLength: n }),
        u: fc.array(decimalText(0.3, 1, 2), { minLength: d, maxLength: d }),
        v: fc.array(decimalText(-0.2, 0.2, 2), { minLength: d, maxLength: d }),
        lr: decimalText(0.01, 0.5, 3),
        steps: fc.integer({ min: 1, max: 30 }),
      }),
    )
    .map(
      (g): DlnGdInstance => ({
        model: 'diagonal-linear',
        data: { X: g.X, y: g.y },
        theta: [...g.u, ...g.v],
        lr: g.lr,
        steps: g.steps,
        ...(variant !== undefined ? { variant } : {}),
      }),
    );
}

/** One sample, one feature, X = 1, y = −2, u = 1, v = 0: g = 2 at the start, so γ ∈ [0.55, 0.9] gives |γg| ∈ [1.1, 1.8]. */
function breakingInstances(): fc.Arbitrary<DlnGdInstance> {
  return decimalText(0.55, 0.9, 2).map((lr): DlnGdInstance => ({ model: 'diagonal-linear', data: { X: [['1']], y: ['-2'] }, theta: ['1', '0'], lr, steps: 3 }));
}

/** g = Xᵀ(Xβ − y)/n and the magnitude Σ|X|(Σ|Xβ| + |y|)/n its rounding scales with, per coordinate. */
function betaGradient<T>(F: Field<T>, X: T[][], Y: T[], beta: T[]): { g: T[]; gScale: T[] } {
  const n = X.length;
  const d = beta.length;
  const res: T[] = [];
  const mag: T[] = [];
  for (let i = 0; i < n; i++) {
    let s = F.zero;
    let a = F.abs(Y[i]);
    for (let k = 0; k < d; k++) {
      const p = F.mul(X[i][k], beta[k]);
      s = F.add(s, p);
      a = F.add(a, F.abs(p));
    }
    res.push(F.sub(s, Y[i]));
    mag.push(a);
  }
  const N = F.int(n);
  const g: T[] = [];
  const gScale: T[] = [];
  for (let k = 0; k < d; k++) {
    let s = F.zero;
    let a = F.zero;
    for (let i = 0; i < n; i++) {
      s = F.add(s, F.mul(X[i][k], res[i]));
      a = F.add(a, F.mul(F.abs(X[i][k]), mag[i]));
    }
    g.push(F.div(s, N));
    gScale.push(F.div(a, N));
  }
  return { g, gScale };
}

function setup<T>(inst: DlnGdInstance, ctx: CheckContext<T>) {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const X = inst.data.X.map((row) => row.map((x) => F.from(x)));
  const Y = inst.data.y.map((x) => F.from(x));
  return { F, model, theta, X, Y, d: theta.length / 2, gamma: F.from(inst.lr) };
}

/**
 * The GD steps of the network, up to `steps` or until an iterate leaves the finite range: the point
 * (u, v), g = ∇_βL there with its rounding scale, and the next iterate. `before` sees g ahead of the
 * step, where a hypothesis on γg must stop the check before GD runs on.
 */
function* gdSteps<T>(
  s: ReturnType<typeof setup<T>>,
  steps: number,
  before?: (t: number, g: T[]) => void,
): Generator<{ t: number; u: T[]; v: T[]; g: T[]; gScale: T[]; next: T[] }> {
  const { F, model, X, Y, d, gamma } = s;
  const run = gdStepper(model, gamma, s.theta);
  let th = s.theta;
  for (let t = 0; t < steps; t++) {
    const u = th.slice(0, d);
    const v = th.slice(d);
    const { g, gScale } = betaGradient(
      F,
      X,
      Y,
      u.map((x, k) => F.mul(x, v[k])),
    );
    before?.(t, g);
    if (!run.step()) return;
    const next = run.theta;
    yield { t, u, v, g, gScale, next };
    th = next;
  }
}

// even.dln.invariant-identity ----------------------------------------------------------------------

function checkInvariant<T>(inst: DlnGdInstance, ctx: CheckContext<T>): Outcome {
  const s = setup(inst, ctx);
  const { F, d, gamma } = s;
  const gf = inst.variant === 'gf-conserved';
  // The least margin over steps and coordinates, in the field: at interval:N its enclosure certifies.
  const tally = new StepTally(F, ctx.tol.rel);
  for (const { t, u, v, g, gScale, next } of gdSteps(s, inst.steps)) {
    for (let k = 0; k < d; k++) {
      const c = F.sub(F.mul(u[k], u[k]), F.mul(v[k], v[k]));
      const cNext = F.sub(F.mul(next[k], next[k]), F.mul(next[d + k], next[d + k]));
      const gg = F.mul(gamma, g[k]);
      const predicted = gf ? c : F.mul(c, F.sub(F.one, F.mul(gg, gg)));
      // u⁺ is summed from |u| + γ|v|·gScale; the product c·γ²g² carries |c|(1 + γ²g²).
      const gs = F.mul(gamma, F.add(F.abs(g[k]), gScale[k]));
      const a = F.add(F.abs(u[k]), F.mul(gs, F.abs(v[k])));
      const b = F.add(F.abs(v[k]), F.mul(gs, F.abs(u[k])));
      const scale = F.add(F.add(F.mul(a, a), F.mul(b, b)), F.mul(F.abs(c), F.add(F.one, F.mul(gs, gs))));
      const err = F.abs(F.sub(cNext, predicted));
      const observed = F.toNumber(relativeError(F, err, scale));
      const margin = ctx.tol.rel - observed;
      const m = relativeMargin(F, ctx.tol.rel, err, scale);
      if (beyondTolerance(F, ctx.tol, err, scale)) {
        return failedAt(
          ctx,
          'identity_mismatch',
          t,
          observed,
          m,
          `step ${t}, coordinate ${k + 1}: (u² − v²)⁺ = ${F.toString(cNext)} but ${gf ? 'u² − v²' : '(u² − v²)(1 − γ²g²)'} = ${F.toString(predicted)} (γg = ${F.toString(gg)})`,
        );
      }
      tally.note(m ?? F.from(margin), { margin, observed, bound: ctx.tol.rel, step: t });
    }
    tally.checked++;
  }
  return tally.holds(
    ctx,
    'identity_holds',
    `(u² − v²)⁺ = (u² − v²)⊙(1 − γ²g²) at each of ${tally.checked} steps (d = ${d}); worst relative error ${tally.worst.observed.toExponential(2)}`,
  );
}

export const evenInvariantIdentity: Claim<DlnGdInstance> = defineClaim<DlnGdInstance>({
  id: 'even.dln.invariant-identity',
  title: 'Diagonal linear network: GD multiplies u² − v² coordinatewise by exactly 1 − γ²g²',
  citation: {
    paper: EPGF,
    where: 'the "gain" mechanism of the large-stepsize analysis (identity derived in docs/claims/even.md [D]; arXiv id recalled)',
    recalled: true,
  },
  statement:
    'For L(u, v) = (1/2n)‖X(u⊙v) − y‖² and g = ∇_βL = Xᵀ(X(u⊙v) − y)/n, one GD step with any step size γ gives (u² − v²)⁺ = (u² − v²)⊙(1 − γ²g²) exactly, ' +
    'coordinate by coordinate. Gradient flow conserves u² − v²; GD shrinks it (an effective initialization scale that decreases with γ).',
  kind: 'identity',
  hypotheses: ['n, d ∈ {1..4}, X, y ∈ [−1, 1]', 'u ∈ [0.3, 1], v ∈ [−0.2, 0.2], γ ∈ [0.01, 0.5]', 'iterates finite'],
  arbitrary: dlnInstances(),
  check: checkInvariant,
  negativeControl: {
    description: 'the gradient-flow statement "a GD step leaves u² − v² unchanged" on X = 1, y = −2, u = 1, v = 0 (γg ≥ 1.1)',
    arbitrary: breakingInstances().map((x): DlnGdInstance => ({ ...x, steps: 1, variant: 'gf-conserved' })),
  },
  tolerance: { ulps: 4096 },
  rationale:
    "Exact identity checked per step and coordinate against the computed iterates: 4096 ulps (9e-13 in f64, within the catalog's 1e-10) " +
    'of the magnitudes u⁺, v⁺ and c(1 − γ²g²) are summed from; [E] errors are ~1e-14.',
});

// even.dln.hyperbolic-coordinate-identity ----------------------------------------------------------

function checkHyperbolic<T>(inst: DlnGdInstance, ctx: CheckContext<T>): Outcome {
  const st = setup(inst, ctx);
  const { F, theta, d, gamma } = st;
  const sOf = (u: T, v: T): { c: T; s: T } => {
    const c = F.sub(F.mul(u, u), F.mul(v, v));
    return { c, s: F.div(F.asinh(F.div(F.mul(F.int(2), F.mul(u, v)), c)), F.int(2)) };
  };
  ctx.assume(
    theta.slice(0, d).every((u, k) => F.lt(F.abs(theta[d + k]), F.abs(u))),
    'gain_not_positive',
    'c = u² − v² must be > 0 at the start',
  );
  // The least margin over steps and coordinates, in the field: at interval:N its enclosure certifies.
  const tally = new StepTally(F, ctx.tol.rel);
  const steps = gdSteps(st, inst.steps, (t, g) =>
    ctx.assume(
      g.every((gk) => F.lt(F.abs(F.mul(gamma, gk)), F.one)),
      'step_too_large',
      `|γg| ≥ 1 at step ${t}: the hyperbolic parameterization breaks`,
    ),
  );
  for (const { t, u, v, g, gScale, next } of steps) {
    for (let k = 0; k < d; k++) {
      const { c, s } = sOf(u[k], v[k]);
      const { c: cNext, s: sNext } = sOf(next[k], next[d + k]);
      const gg = F.mul(gamma, g[k]);
      const predicted = F.sub(s, inst.variant === 'first-order' ? gg : F.atanh(gg));
      // s = ½asinh(2uv/c) has condition ~(u² + v²)/c; artanh(γg) has 1/(1 − γ²g²) times γ·gScale.
      const one = F.one;
      const cond = F.add(
        F.div(F.add(F.mul(u[k], u[k]), F.mul(v[k], v[k])), F.abs(c)),
        F.div(F.add(F.mul(next[k], next[k]), F.mul(next[d + k], next[d + k])), F.abs(cNext)),
      );
      const gs = F.div(F.mul(gamma, F.add(F.abs(g[k]), gScale[k])), F.abs(F.sub(one, F.mul(gg, gg))));
      const scale = F.add(F.add(one, F.add(F.abs(s), cond)), gs);
      const positive = F.lt(F.zero, cNext);
      const ok = positive && F.isFinite(predicted) && F.isFinite(sNext);
      const err = ok ? F.abs(F.sub(sNext, predicted)) : F.from(Number.POSITIVE_INFINITY);
      const observed = ok ? F.toNumber(F.div(err, scale)) : Number.POSITIVE_INFINITY;
      const margin = ctx.tol.rel - observed;
      // Where c⁺ ≤ 0 breaks the parameterization, c⁺/(u⁺² + v⁺²) is the margin (enclosed below 0 when certain).
      const m = ok
        ? relativeMargin(F, ctx.tol.rel, err, scale)
        : !positive
          ? F.div(cNext, F.add(F.mul(next[k], next[k]), F.mul(next[d + k], next[d + k])))
          : undefined;
      if (!ok || beyondTolerance(F, ctx.tol, err, scale)) {
        return ctx.violated({
          code: ok ? 'identity_mismatch' : 'parameterization_broken',
          step: t,
          observed,
          bound: ctx.tol.rel,
          ...(m !== undefined ? ctx.margin(m) : { margin }),
          message: ok
            ? `step ${t}, coordinate ${k + 1}: s⁺ = ${F.toString(sNext)} but s − artanh(γg) = ${F.toString(predicted)}`
            : `step ${t}, coordinate ${k + 1}: γg = ${F.toString(gg)}, c⁺ = u⁺² − v⁺² = ${F.toString(cNext)} ≤ 0 — s⁺ = s − artanh(γg) has no meaning`,
        });
      }
      tally.note(m ?? F.from(margin), { margin, observed, bound: ctx.tol.rel, step: t });
    }
    tally.checked++;
  }
  return tally.holds(
    ctx,
    'identity_holds',
    `s⁺ = s − artanh(γg) at each of ${tally.checked} steps (d = ${d}); worst relative error ${tally.worst.observed.toExponential(2)}`,
  );
}

export const evenHyperbolicIdentity: Claim<DlnGdInstance> = defineClaim<DlnGdInstance>({
  id: 'even.dln.hyperbolic-coordinate-identity',
  title: 'Diagonal linear network: in hyperbolic coordinates GD is exactly s⁺ = s − artanh(γg), while |γg| < 1',
  citation: {
    paper: EPGF,
    where: 'mirror-descent / hyperbolic-entropy view of the iterates (identity derived in docs/claims/even.md [D]; arXiv id recalled)',
    recalled: true,
  },
  statement:
    'Write c = u² − v² > 0, u = √c·cosh s, v = √c·sinh s, so s = ½·arcsinh(2β/c) with β = u⊙v. If |γg_k| < 1 for every coordinate, one GD step gives ' +
    's⁺ = s − artanh(γg) exactly (and c⁺ = c(1 − γ²g²)); summed, s_∞ = s₀ − Σ_k artanh(γg_k). When |γg| ≥ 1 the parameterization breaks: c⁺ ≤ 0.',
  kind: 'identity',
  hypotheses: [
    'c = u² − v² > 0 at the start (u ∈ [0.3, 1], v ∈ [−0.2, 0.2])',
    '|γg_k| < 1 at every step and coordinate',
    'n, d ∈ {1..4}, X, y ∈ [−1, 1], γ ∈ [0.01, 0.5]',
  ],
  arbitrary: dlnInstances(),
  check: checkHyperbolic,
  negativeControl: {
    description:
      'two ways: the first-order mirror step s⁺ = s − γg asserted instead (off by ≈ (γg)³/3 on the same instances), and |γg| ≥ 1 ' +
      '(X = 1, y = −2, u = 1, v = 0, γ ∈ [0.55, 0.9], so γg ∈ [1.1, 1.8]), where c⁺ = c(1 − γ²g²) < 0 and the parameterization breaks',
    arbitrary: fc.oneof(
      dlnInstances().map((i): DlnGdInstance => ({ ...i, variant: 'first-order' })),
      breakingInstances(),
    ),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'Exact identity; the slack is 4096 ulps (9e-13 in f64) of 1 + |s| + the condition numbers of s = ½asinh(2uv/c) ((u² + v²)/c before and after the step) ' +
    'and of artanh(γg) (γ(|g| + its summands)/(1 − γ²g²)); [E] errors ~1e-14 over 700–28 000 steps.',
});
