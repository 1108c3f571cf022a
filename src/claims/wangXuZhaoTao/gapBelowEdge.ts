import { UsageError } from '../../errors.js';
import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { Vec } from '../../numerics/field.js';
import { sharpness } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { WXZT, ZWWZG } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { runUntilSettled } from '../../dynamics/runUntilSettled.js';

/**
 * Wang, Xu, Zhao, Tao with ZWWZG (docs/claims/wang-xu-zhao-tao.md caveat 1): the gap between the final
 * sharpness and 2/η on matrix factorization that makes the naive "S_∞ ≈ 2/η" false there (ZWWZG's
 * abstract names the larger gap).
 */

const D = decimalCtor(60);

// ---------------------------------------------------------------------------------------------
// wxzt.eos.gap-below-edge (matrix factorization)
// ---------------------------------------------------------------------------------------------

/**
 * GD on rank-1 matrix factorization ½‖uvᵀ − A‖²_F with a 2×2 target A = abᵀ (so σ = ‖A‖_F = ‖a‖‖b‖ and the
 * gradient-flow solution's sharpness is λ_GFS = √(c² + 4σ²), c = ‖u‖² − ‖v‖² conserved by gradient flow).
 */
export interface MfGdInstance extends Instance {
  readonly model: 'matrix-factorization';
  readonly data: { readonly A: readonly (readonly string[])[]; readonly rank: string };
  /** (u₁, u₂, v₁, v₂): U = u (2×1), V = v (2×1). */
  readonly theta: readonly [string, string, string, string];
  readonly lr: string;
  readonly steps: number;
  /** κ = η·λ_GFS the instance was drawn with. */
  readonly kappa: string;
  /** Negative control: the naive "η·S_∞/2 within 5% of 1". */
  readonly variant?: 'naive-band';
}

/** The gap: η·S_∞ below this counts as "not at the edge". */
const GAP_LEVEL = '1.9';

/**
 * Rank-1 2×2 targets A = abᵀ (a, b ∈ [−1.5, 1.5]², 2 decimals, σ = ‖a‖‖b‖ ≥ 0.5, A exact), starts u, v ∈ [−2, 2]²
 * (2 decimals) with |‖u‖² − ‖v‖²| ≥ σ, κ = η·λ_GFS ∈ [lo, hi]; only starts below the edge, η·λ₀ < 2 with λ₀ = ‖u‖² + ‖v‖² the top NTK
 * eigenvalue (progressive sharpening, not a catapult). η to 15 digits.
 */
export function mfInstances(lo: number, hi: number, variant?: 'naive-band'): fc.Arbitrary<MfGdInstance> {
  const d2 = decimalText(-1.5, 1.5, 2);
  const t2 = decimalText(-2, 2, 2);
  return fc
    .record({ a: fc.tuple(d2, d2), b: fc.tuple(d2, d2), theta: fc.tuple(t2, t2, t2, t2), kappa: decimalText(lo, hi, 3) })
    .map((g) => {
      const sq = (x: string, z: string) => new D(x).times(x).plus(new D(z).times(z));
      const sigma2 = sq(...g.a).times(sq(...g.b));
      const nu = sq(g.theta[0], g.theta[1]);
      const nv = sq(g.theta[2], g.theta[3]);
      const c = nu.minus(nv);
      const lgfs = c.times(c).plus(sigma2.times(4)).sqrt();
      const eta = new D(g.kappa).div(lgfs);
      // |c| ≥ σ: a start near balance (c ≈ 0) sits in the balanced slice's stable 2-cycle for κ ∈ (2, 2.47) (docs/claims/chen.md, a = κ/2) and never converges.
      const ok = sigma2.gte('0.25') && c.times(c).gte(sigma2) && eta.times(nu.plus(nv)).lt(2);
      return { g, ok, lr: eta.toSignificantDigits(15).toFixed() };
    })
    .filter((x) => x.ok)
    .map(
      ({ g, lr }): MfGdInstance => ({
        model: 'matrix-factorization',
        data: { A: g.a.map((ai) => g.b.map((bj) => new D(ai).times(bj).toFixed())), rank: '1' },
        theta: g.theta,
        lr,
        steps: 1500,
        kappa: g.kappa,
        ...(variant !== undefined ? { variant } : {}),
      }),
    );
}

function checkGap<T>(inst: MfGdInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  ctx.assume(
    inst.data.rank === '1' && inst.data.A.length === 2 && inst.data.A[0].length === 2,
    'not_rank1_2x2',
    'the claim is stated for rank-1 factorization of a 2×2 target',
  );
  // A fixture edited by hand may lack the step size: bad input, not a bug of the check.
  if (typeof inst.lr !== 'string') throw new UsageError('the instance needs "lr", the step size η (decimal text)', 'lr');
  const eta = F.from(inst.lr);
  const two = F.int(2);
  const A = inst.data.A.map((row) => row.map((x) => F.from(x)));
  let sigma2 = F.zero;
  for (const row of A) for (const x of row) sigma2 = F.add(sigma2, F.mul(x, x));
  const nu = F.add(F.mul(theta[0], theta[0]), F.mul(theta[1], theta[1]));
  const nv = F.add(F.mul(theta[2], theta[2]), F.mul(theta[3], theta[3]));
  const c = F.sub(nu, nv);
  const k0 = F.mul(eta, F.add(nu, nv));
  const kg = F.mul(eta, F.sqrt(F.add(F.mul(c, c), F.mul(F.int(4), sigma2))));
  ctx.assume(F.lt(k0, two), 'starts_above_edge', `η·λ₀ = ${F.toString(k0)} ≥ 2 (a catapult, not progressive sharpening)`);
  ctx.assume(F.lt(two, kg), 'gfs_below_edge', `η·λ_GFS = ${F.toString(kg)} ≤ 2: the gradient-flow solution is already stable`);
  // ½‖E‖² < 5e-25 ⇔ ‖uvᵀ − A‖_F < 1e-12.
  const tol = F.from('5e-25');
  let th: Vec<T> = theta;
  const run = gdStepper(model, eta, th);
  const settle = runUntilSettled(run, inst.steps, (x) => {
    th = x;
    return F.lt(model.loss(th), tol);
  });
  const { settled, taken: t } = settle;
  ctx.assume(
    settled,
    run.diverged ? 'diverged' : 'not_converged',
    `GD ${run.diverged ? `diverged at step ${t}` : `did not converge (‖uvᵀ − A‖_F < 1e-12 for 3 steps) in ${inst.steps} steps`}`,
  );
  if (!settled) {
    return ctx.diverged({
      code: run.diverged ? 'diverged' : 'not_converged',
      observed: Number.NaN,
      bound: 0,
      margin: Number.NaN,
      step: t,
      message: `GD did not converge (η·λ_GFS = ${F.toNumber(kg).toFixed(4)})`,
    });
  }
  const etaS = F.mul(eta, sharpness(F, model, th));
  const o = F.toNumber(etaS);
  const details = { etaLambda0: F.toString(k0), etaLambdaGfs: F.toString(kg), etaS: F.toString(etaS), steps: t };
  const head = `η·λ₀ = ${F.toNumber(k0).toFixed(4)} < 2 < η·λ_GFS = ${F.toNumber(kg).toFixed(4)}`;
  if (inst.variant === 'naive-band') {
    const dev = F.abs(F.sub(F.div(etaS, two), F.one));
    const d = F.toNumber(dev);
    // The margin 0.05 − |η·S/2 − 1| in the field (η·S is a certified enclosure at interval:N), so a
    // failure is certified by its enclosure; its sign, not an interval comparison, picks the branch.
    const m = ctx.margin(F.sub(F.from('0.05'), dev));
    if (!(m.margin > 0)) {
      return ctx.violated({
        code: 'not_at_edge',
        observed: d,
        bound: 0.05,
        ...m,
        step: t,
        details,
        message: `matrix factorization (${head}) converged in ${t} steps with η·S_∞/2 = ${(o / 2).toFixed(4)}, not within 5% of 1`,
      });
    }
    return ctx.holds({ code: 'at_edge', observed: d, bound: 0.05, ...m, step: t, details, message: `η·S_∞/2 = ${(o / 2).toFixed(4)}, within 5% of 1` });
  }
  const level = 1.9;
  const m = ctx.margin(F.sub(F.from(GAP_LEVEL), etaS));
  if (!(m.margin > 0)) {
    return ctx.violated({
      code: 'at_edge',
      observed: o,
      bound: level,
      ...m,
      step: t,
      details,
      message: `${head}: converged in ${t} steps with η·S_∞ = ${o.toFixed(4)} ≥ ${GAP_LEVEL} (this run ends near the edge)`,
    });
  }
  return ctx.holds({
    code: 'gap_below_edge',
    observed: o,
    bound: level,
    ...m,
    step: t,
    details,
    message: `${head}: converged in ${t} steps with η·S_∞ = ${o.toFixed(4)} < ${GAP_LEVEL}, ${((1 - o / 2) * 100).toFixed(1)}% below the edge`,
  });
}

export const wxztGapBelowEdge: Claim<MfGdInstance> = defineClaim<MfGdInstance>({
  id: 'wxzt.eos.gap-below-edge',
  title: 'Matrix factorization converges after progressive sharpening with a sizeable gap below 2/η — "S_∞ ≈ 2/η" is false there',
  citation: {
    paper: `${ZWWZG}; and ${WXZT}`,
    where:
      'ZWWZG abstract ("a larger gap between sharpness of the endpoint and 2/η" for matrix factorization, vs their minimalist example); WXZT abstract (EoS under large LR); docs/claims/wang-xu-zhao-tao.md quantitative caveat, §6 caveat 1',
    recalled: true,
  },
  statement:
    'On rank-1 matrix factorization ½‖uvᵀ − A‖²_F (A = abᵀ 2×2, u, v ∈ ℝ²) started below the edge (η·λ₀ < 2, λ₀ = ‖u‖² + ‖v‖² the top NTK ' +
    'eigenvalue) with the gradient-flow solution beyond it (κ = η·λ_GFS ∈ [2.01, 2.2], λ_GFS = √(c² + 4‖A‖²_F), c = ‖u‖² − ‖v‖², |c| ≥ ‖A‖_F), ' +
    'a sizeable fraction — at least half — of the runs that converge end with η·S_∞ < 1.9, i.e. more than 5% below the edge (statistical: each instance ' +
    'is one run; a run ending near the edge is not a counterexample). So the naive reading of EoS, |η·S_∞/2 − 1| < 0.05 for every run, is ' +
    'FALSE on matrix factorization (the negative control); contrast zhu.final-sharpness-just-below-edge, where it holds.',
  kind: 'statistical',
  minHoldFraction: 0.5,
  hypotheses: [
    'A = abᵀ, a, b ∈ [−1.5, 1.5]² (2 decimals), ‖a‖‖b‖ ≥ 0.5; u, v ∈ [−2, 2]² (2 decimals)',
    "imbalanced start |‖u‖² − ‖v‖²| ≥ ‖A‖_F (near balance GD falls into the balanced slice's stable 2-cycle and never converges)",
    'η·λ₀ < 2 < η·λ_GFS, κ = η·λ_GFS ∈ [2.01, 2.2]',
    'GD converges (‖uvᵀ − A‖_F < 1e-12 for 3 steps within 1500 steps); runs that keep oscillating or diverge are inconclusive',
  ],
  arbitrary: mfInstances(2.01, 2.2),
  check: checkGap,
  negativeControl: {
    description: 'the naive EoS reading "a converged run ends with |η·S_∞/2 − 1| < 0.05" on the same instances (docs/claims/wang-xu-zhao-tao.md caveat 1)',
    arbitrary: mfInstances(2.01, 2.2, 'naive-band'),
  },
  tolerance: { rel: 0 },
  rationale:
    '[E] over 600 instances of this generator: 589 converged within 1500 steps, and 423 of them (71.8%) ended with η·S_∞ < 1.9 ' +
    "(η·S_∞ median 1.82, 5th percentile 1.40, minimum 1.05; maximum 1.980), against 0 of 49 on Zhu's model (docs/claims/zhu.md) and a " +
    'median of 1.754 on uv (docs/claims/wang-xu-zhao-tao.md). minHoldFraction 0.5 leaves 22 points of margin, about 4.5 standard deviations at ~95 ' +
    'exercised instances per 100. The comparison with 1.9 has no slack: the run stops at ‖uvᵀ − A‖_F < 1e-12, where η·S differs from its ' +
    'limit by ~1e-12, and the nearest measured value was 1.9004. f64 only: each instance is one run whose failure (a run ending near ' +
    'the edge) is expected for the statistic, so re-running it in decimals would only cost time. Control: 70 of 99 converged runs ' +
    'fall outside the naive 5% band.',
  ladder: ['f64'],
});
