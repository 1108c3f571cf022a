import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { getModelDef } from '../../models/registry.js';
import type { Field, Vec } from '../../numerics/field.js';
import { f64 } from '../../numerics/f64Field.js';
import { sharpness, topEigenpairs } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { APP } from '../papers.js';
import { gdRule, stepper } from '../../dynamics/stepper.js';
import { norm2 } from '../../numerics/linalg.js';
import type { GdRunInstance } from '../gdRunInstance.js';

// ---------------------------------------------------------------------------------------------
// agarwala.generic-high-dim
// ---------------------------------------------------------------------------------------------

export interface QrInstance extends GdRunInstance<'quadratic-regression'> {
  readonly data: { readonly J: readonly (readonly string[])[]; readonly Q: readonly (readonly (readonly string[])[])[]; readonly y: readonly string[] };
  /** κ = η·λ_GF the instance was drawn with (λ_GF measured in f64 at generation; η to 6 digits). */
  readonly kappa: string;
}

/** Steps the gradient-flow proxy (GD at step h = 1/(4·max(S₀, λ₀))) may take to settle. */
const GF_STEPS = 10_000;

/** The proxy's step: an eighth of 2/max(S₀, λ₀), so it stays stable while the sharpness grows up to 8× along the path. */
function gfStep<T>(F: Field<T>, s0: T, lam0: T): T {
  return F.div(F.one, F.mul(F.int(4), F.max(F.max(s0, lam0), F.from('1e-3'))));
}
/** ‖∇L‖ below which a run counts as settled. */
const SETTLED = '1e-8';
/** The claim's level: η·λ_t ≥ 1.9, i.e. within 5% of 2/η. */
const LEVEL = '1.9';
/** Hypothesis "started well below the edge": η·λ₀ ≤ 1.6. */
const START_BELOW = '1.6';

/** λ_max(J(θ)J(θ)ᵀ), the top NTK eigenvalue: J(θ)ᵢ = Jᵢ + Qᵢθ (n ≤ 3 outputs, so an n×n Gram matrix). */
export function ntkTop<T>(F: Field<T>, J: readonly (readonly T[])[], Q: readonly (readonly (readonly T[])[])[], t: Vec<T>): T {
  const rows = J.map((Ji, i) =>
    Ji.map((jk, k) => {
      let g = jk;
      for (let j = 0; j < t.length; j++) g = F.add(g, F.mul(Q[i][k][j], t[j]));
      return g;
    }),
  );
  const dot = (a: readonly T[], b: readonly T[]) => a.reduce((s, x, k) => F.add(s, F.mul(x, b[k])), F.zero);
  if (rows.length === 1) return dot(rows[0], rows[0]);
  const G = rows.map((a) => rows.map((b) => dot(a, b)));
  // topEigenpairs: eigSym's value in f64, a certified enclosure at interval:N.
  return topEigenpairs(F, G, 1).values[0];
}

interface GfRun<T> {
  readonly settled: boolean;
  readonly steps: number;
  readonly theta: Vec<T>;
}

/** GD at step `eta` until ‖∇L‖ < SETTLED for 3 steps (one gradient per step), divergence or `cap`. */
function settle<T>(F: Field<T>, model: { grad(t: Vec<T>): Vec<T> }, theta: Vec<T>, eta: T, cap: number): GfRun<T> {
  const tol = F.from(SETTLED);
  // The gradient the stop test measured is the one the step takes (one gradient per step).
  let g: Vec<T> = [];
  const run = stepper(
    gdRule(F, () => g, eta),
    theta,
  );
  let th = theta;
  let inside = 0;
  let t = 0;
  for (; t < cap; t++) {
    g = model.grad(th);
    inside = F.lt(norm2(F, g), tol) ? inside + 1 : 0;
    if (inside >= 3) break;
    const stepped = run.step();
    th = run.theta;
    if (!stepped) return { settled: false, steps: t, theta: th };
  }
  return { settled: inside >= 3, steps: t, theta: th };
}

/**
 * Random M-QR instances: p ∈ [3, 5] parameters, n ∈ [1, 3] outputs, Qᵢ symmetric with entries in
 * [−1, 1], J entries in [−0.5, 0.5], y ∈ [−1, 1]ⁿ, θ₀ ∈ [−0.5, 0.5]ᵖ (2 decimals), and η = κ/λ_GF with
 * κ ∈ [lo, hi], λ_GF the NTK eigenvalue where GD at a small step (a proxy of gradient flow) settles,
 * computed in f64 at generation. Kept only when, in f64, the start is well below the edge (η·λ₀ and
 * η·S(θ₀) ≤ 1.55, under the check's 1.6) and, for `eos` instances, κ ≥ 2.05 > 2 — so the hypotheses hold by
 * construction up to rounding (the check recomputes the same proxy at its precision).
 */
export function qrInstances(lo: number, hi: number, eos: boolean): fc.Arbitrary<QrInstance> {
  const d2 = (a: number, b: number) => decimalText(a, b, 2);
  return fc
    .record({ p: fc.integer({ min: 3, max: 5 }), n: fc.integer({ min: 1, max: 3 }) })
    .chain(({ p, n }) =>
      fc.record({
        Q: fc.array(fc.array(d2(-1, 1), { minLength: p * p, maxLength: p * p }), { minLength: n, maxLength: n }),
        J: fc.array(fc.array(d2(-0.5, 0.5), { minLength: p, maxLength: p }), { minLength: n, maxLength: n }),
        y: fc.array(d2(-1, 1), { minLength: n, maxLength: n }),
        theta: fc.array(d2(-0.5, 0.5), { minLength: p, maxLength: p }),
        kappa: decimalText(lo, hi, 3),
      }),
    )
    .map((g): { inst: QrInstance; ok: boolean } => {
      const p = g.theta.length;
      // Symmetrize: the upper triangle of each drawn p×p block.
      const Q = g.Q.map((flat) => Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => flat[Math.min(i, j) * p + Math.max(i, j)])));
      const data = { J: g.J, Q, y: g.y };
      const F = f64;
      const model = getModelDef('quadratic-regression')
        .create({ params: {}, data: data as never, dim: p })
        .bind(F);
      const th0 = g.theta.map(Number);
      const Jn = data.J.map((r) => r.map(Number));
      const Qn = data.Q.map((m) => m.map((r) => r.map(Number)));
      const S0 = sharpness(F, model, th0);
      const lam0 = ntkTop(F, Jn, Qn, th0);
      const gf = settle(F, model, th0, gfStep(F, S0, lam0), GF_STEPS);
      const lamGf = gf.settled ? ntkTop(F, Jn, Qn, gf.theta) : lam0;
      const lr = lamGf > 0 ? new Decimal(g.kappa).div(lamGf).toSignificantDigits(6).toFixed() : '0.1';
      const inst: QrInstance = { model: 'quadratic-regression', data, theta: g.theta, lr, steps: 2000, kappa: g.kappa };
      const eta = Number(lr);
      return { inst, ok: gf.settled && eta * lam0 <= 1.55 && eta * S0 <= 1.55 };
    })
    .filter((x) => x.ok)
    .map((x) => x.inst);
}

function checkHighDim<T>(inst: QrInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const J = inst.data.J.map((r) => r.map((x) => F.from(x)));
  const Q = inst.data.Q.map((m) => m.map((r) => r.map((x) => F.from(x))));
  const eta = F.from(inst.lr);
  const two = F.int(2);
  const level = F.from(LEVEL);
  const lam0 = ntkTop(F, J, Q, theta);
  const S0 = sharpness(F, model, theta);
  const k0 = F.mul(eta, lam0);
  const s0 = F.mul(eta, S0);
  ctx.assume(
    !F.lt(F.from(START_BELOW), k0) && !F.lt(F.from(START_BELOW), s0),
    'starts_near_edge',
    `η·λ₀ = ${F.toString(k0)}, η·S(θ₀) = ${F.toString(s0)}: not both ≤ ${START_BELOW} (the claim is about sharpening from well below the edge)`,
  );
  // Gradient flow's limit, approximated by GD at the small step h = 1/(4·max(S₀, λ₀)).
  const gf = settle(F, model, theta, gfStep(F, S0, lam0), GF_STEPS);
  const kGf = gf.settled ? F.mul(eta, ntkTop(F, J, Q, gf.theta)) : F.from(Number.NaN);
  ctx.assume(gf.settled, 'gf_not_settled', `GD at h = 1/(4·max(S₀, λ₀)) (the gradient-flow proxy) did not settle in ${GF_STEPS} steps`);
  ctx.assume(gf.settled && F.lt(two, kGf), 'gf_limit_below_edge', `η·λ_GF = ${F.toString(kGf)} ≤ 2: gradient flow's limit is stable at this η`);
  const details = (extra: Record<string, string | number>) => ({
    p: theta.length,
    n: inst.data.y.length,
    etaLambda0: F.toString(k0),
    etaS0: F.toString(s0),
    etaLambdaGf: gf.settled ? F.toString(kGf) : 'n/a',
    gfSteps: gf.steps,
    ...extra,
  });
  const head = `η·λ₀ = ${F.toNumber(k0).toFixed(4)}, η·λ_GF = ${gf.settled ? F.toNumber(kGf).toFixed(4) : 'n/a'}`;
  let th: Vec<T> = theta;
  let maxK = k0;
  let inside = 0;
  let t = 0;
  // The run stops once GD has settled (‖∇L‖ < 1e-7 for 3 steps): the NTK eigenvalue no longer moves.
  const settled = F.from('1e-7');
  let g: Vec<T> = [];
  const run = stepper(
    gdRule(F, () => g, eta),
    theta,
  );
  for (; t < inst.steps; t++) {
    g = model.grad(th);
    inside = F.lt(norm2(F, g), settled) ? inside + 1 : 0;
    if (inside >= 3) break;
    const stepped = run.step();
    th = run.theta;
    if (!stepped) {
      const m = F.toNumber(maxK);
      return ctx.diverged({
        code: 'diverged',
        observed: m,
        bound: 1.9,
        margin: m - 1.9,
        step: t,
        details: details({}),
        message: `${head}: GD diverged at step ${t + 1} before η·λ reached 1.9 (max ${m.toFixed(4)})`,
      });
    }
    const k = F.mul(eta, ntkTop(F, J, Q, th));
    maxK = F.max(maxK, k);
    if (!F.lt(k, level)) {
      const o = F.toNumber(k);
      return ctx.holds({
        code: 'reached_edge',
        observed: o,
        bound: 1.9,
        ...ctx.margin(F.sub(k, level)),
        step: t + 1,
        details: details({ step: t + 1 }),
        message: `${head}: the NTK eigenvalue rose to η·λ = ${o.toFixed(4)} ≥ 1.9 at step ${t + 1}`,
      });
    }
  }
  const m = F.toNumber(maxK);
  // max_t η·λ_t − 1.9 in the field: enclosed below 0 at interval:N, a certified failure to rise.
  return ctx.violated({
    code: 'no_rise_to_edge',
    observed: m,
    bound: 1.9,
    ...ctx.margin(F.sub(maxK, level)),
    step: t,
    details: details({}),
    message: `${head}: max η·λ_t = ${m.toFixed(4)} < 1.9 over ${Math.min(t + 1, inst.steps)} steps (${inside >= 3 ? 'GD settled' : 'step cap'})`,
  });
}

export const agarwalaGenericHighDim: Claim<QrInstance> = defineClaim<QrInstance>({
  id: 'agarwala.generic-high-dim',
  title: "Random quadratic regression (p ≤ 5): the NTK eigenvalue rises to within 5% of 2/η when gradient flow's limit is beyond the edge",
  citation: {
    paper: APP,
    where:
      'abstract ("in higher dimensions ... generically" similar behaviour); the experiments\' setup is not recovered, so the threshold is measured [E] on this generator (docs/claims/agarwala.md)',
  },
  statement:
    'On quadratic regression fᵢ = Jᵢ·θ + ½θᵀQᵢθ with random Qᵢ (p ∈ [3, 5] parameters, n ∈ [1, 3] outputs), started well below the edge ' +
    "(η·λ₀ ≤ 1.6 and η·S(θ₀) ≤ 1.6) with gradient flow's limit beyond it (η·λ_GF > 2, λ_GF the top NTK eigenvalue where GD at the small step " +
    'h = 1/(4·max(S(θ₀), λ₀)) settles), ' +
    'the top NTK eigenvalue λ_t = λ_max(J(θ_t)J(θ_t)ᵀ) of GD rises to η·λ_t ≥ 1.9 (within 5% of 2/η) at some step — on at least 90% of the ' +
    'instances (statistical; the measured fraction is in the rationale).',
  kind: 'statistical',
  minHoldFraction: 0.9,
  hypotheses: [
    'Qᵢ symmetric with entries in [−1, 1], J in [−0.5, 0.5], y in [−1, 1], θ₀ in [−0.5, 0.5] (2 decimals)',
    'η·λ₀ ≤ 1.6 and η·S(θ₀) ≤ 1.6 (η = κ/λ_GF with κ ∈ [2.05, 3]; the generator keeps starts with both ≤ 1.55 in f64)',
    "η·λ_GF > 2, λ_GF the top NTK eigenvalue where GD at h = 1/(4·max(S(θ₀), λ₀)) settles (‖∇L‖ < 1e-8 for 3 steps within 10 000 steps): a proxy of gradient flow's limit",
  ],
  arbitrary: qrInstances(2.05, 3, true),
  check: checkHighDim,
  negativeControl: {
    description:
      "η below the edge of gradient flow's limit (κ = η·λ_GF ∈ [0.5, 1.7], hypothesis waived): the NTK eigenvalue sharpens toward λ_GF but never gets within 5% of 2/η",
    arbitrary: qrInstances(0.5, 1.7, false),
  },
  tolerance: { rel: 0 },
  rationale:
    '[E] over 600 instances of this generator (which keeps only starts meeting the hypotheses in f64): all 600 exercised the claim and ' +
    '591 (98.5%) reached η·λ_t ≥ 1.9, median at step 4 (95th percentile 65), from η·λ₀ of median 0.56; the 9 that did not peaked at ' +
    'η·λ_t ∈ [1.39, 1.89] and settled. minHoldFraction 0.9 leaves 8.5 points of margin: at 100 exercised instances and a 1.5% failure ' +
    'rate, more than 10 failures has probability ~1e-6. The level 1.9 is docs/claims/agarwala.md\'s "within 5% of 2/η"; the comparison has no ' +
    'slack: it is decided early (median step 4) or, for the failures, on runs that settle, where the rounding of GD (~1e-13 relative ' +
    'over ≤ 2000 steps) is far below the distance of η·λ_t from 1.9 ([E] the smallest |η·λ_t − 1.9| at a deciding step over 600 instances was 2.1e-5, 1e8 times the rounding). f64 only: the statement is a measured statistic (measured in float64), and ' +
    'a decimal re-run of a 2000-step run with an NTK eigenvalue per step costs ~1 s. Control: 99 of 100 instances with ' +
    'κ = η·λ_GF ∈ [0.5, 1.7] stayed below 1.9.',
  budget: 400_000,
  ladder: ['f64'],
});
