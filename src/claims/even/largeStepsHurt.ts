import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { sharpness, topEigenpairs } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { EPGF } from '../papers.js';
import { D, dlnRun, norm, unmet } from './evenBias.js';
import { MARGIN_IN_DOUBLES } from '../marginInDoubles.js';

/* ------------------------------------------------------------------------------------------------ */
/* EoS runs: the sparse-recovery problems                                                           */
/* ------------------------------------------------------------------------------------------------ */

/** One sparse-recovery problem: y = Xβ* (exact decimal), β* 1-sparse. */
export type DlnProblem = {
  readonly X: readonly (readonly string[])[];
  readonly y: readonly string[];
  readonly betaStar: readonly string[];
};

/** n = 5 samples, d = 10 features, X ∈ [−1, 1] (2 decimals), β* = ±[0.5, 1.5]·e_j (j shrinks toward the first feature). */
export function problems(count: number): fc.Arbitrary<DlnProblem[]> {
  const n = 5;
  const d = 10;
  const one = fc
    .record({
      X: fc.array(fc.array(decimalText(-1, 1, 2), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      j: fc.integer({ min: 0, max: d - 1 }),
      b: decimalText(0.5, 1.5, 2),
      neg: fc.boolean(),
    })
    .map(({ X, j, b, neg }): DlnProblem => {
      const betaStar = X[0].map((_, k) => (k === j ? (neg ? `-${b}` : b) : '0'));
      const y = X.map((row) => row.reduce((a, x, k) => a.plus(new D(x).times(betaStar[k])), new D(0)).toFixed());
      return { X, y, betaStar };
    });
  return fc.array(one, { minLength: count, maxLength: count });
}

/** Largest steps of one run (reference or past the edge) in a batch, and in a single-problem instance. */
const BATCH_STEPS = 10_000;
export const SINGLE_STEPS = 20_000;
/** A converged run's S_∞ is known to ~1e-7 (L < 1e-14): γ·S_∞ above 2 by more than this is not a limit. */
export const EDGE_SLACK = 1e-6;
/** L below which (5 steps in a row) a run has converged: the iterate is ~1e-7 from its limit. */
const LOSS_TOL = '1e-14';

interface ProblemRuns {
  readonly ok: true;
  /** S_GF: the sharpness at the limit of the stable reference run. */
  readonly sGf: number;
  readonly ref: { readonly l1: number; readonly err: number; readonly steps: number };
  readonly runs: readonly {
    readonly kappa: number;
    readonly gammaS: number;
    /** γ·S_∞ in the context's field (at interval:N its enclosure, for a check's margin). */
    readonly gammaSField: unknown;
    readonly l1: number;
    readonly err: number;
    readonly steps: number;
    readonly increases: number;
  }[];
}
type ProblemOutcome = ProblemRuns | { readonly ok: false; readonly why: string; readonly diverged?: boolean };

/**
 * One problem: the stable reference run at γ_ref = 1/S* (S* the sharpness at the interpolator
 * β*, u² + v² = √(u₀⁴ + 4β*²)), whose limit gives S_GF; then GD at γ = κ/S_GF for each κ.
 */
export function runProblem<T>(ctx: CheckContext<T>, p: DlnProblem, init: string, kappas: readonly string[], maxSteps: number): ProblemOutcome {
  const { F } = ctx;
  const d = p.betaStar.length;
  const theta = [...p.betaStar.map(() => init), ...p.betaStar.map(() => '0')];
  const { model, theta: th0 } = ctx.model({ model: 'diagonal-linear', data: { X: p.X, y: p.y }, theta });
  const X = p.X.map((row) => row.map((x) => F.from(x)));
  const Y = p.y.map((x) => F.from(x));
  const bs = p.betaStar.map((x) => F.from(x));
  const u0 = th0.slice(0, d);
  const v0 = th0.slice(d);
  const c0 = F.mul(u0[0], u0[0]);
  // At the interpolator β* with c = c₀: u² + v² = √(c₀² + 4β*²), and S = λ_max((1/n)·X·diag(u² + v²)·Xᵀ) (docs/claims/even.md).
  const w = bs.map((b) => F.sqrt(F.add(F.mul(c0, c0), F.mul(F.int(4), F.mul(b, b)))));
  const N = F.int(X.length);
  const M = X.map((r) =>
    X.map((q) =>
      F.div(
        r.reduce((a, x, k) => F.add(a, F.mul(F.mul(x, w[k]), q[k])), F.zero),
        N,
      ),
    ),
  );
  const sStar = topEigenpairs(F, M, 1).values[0];
  const tol = F.from(LOSS_TOL);
  const measure = (u: T[], v: T[]) => {
    const beta = u.map((x, k) => F.mul(x, v[k]));
    const l1 = F.toNumber(beta.reduce((a, b) => F.add(a, F.abs(b)), F.zero));
    const err = F.toNumber(
      norm(
        F,
        beta.map((b, k) => F.sub(b, bs[k])),
      ),
    );
    return { l1, err, S: sharpness(F, model, [...u, ...v]) };
  };
  const gRef = F.div(F.one, sStar);
  const ref = dlnRun(ctx, { X, Y, u0, v0 }, gRef, { maxSteps, stop: 'loss', tol });
  if (ref.status !== 'converged') return { ok: false, why: `the reference run (γ = 1/S*) ${ref.status === 'diverged' ? 'diverged' : 'did not converge'}` };
  const mRef = measure(ref.u, ref.v);
  const refGS = F.toNumber(F.mul(gRef, mRef.S));
  if (ref.increases > 0 || refGS > 1.9)
    return { ok: false, why: `the reference run was not stable (${ref.increases} loss increases, γ·S_∞ = ${refGS.toFixed(3)})` };
  const sGf = mRef.S;
  const runs: ProblemRuns['runs'][number][] = [];
  for (const kt of kappas) {
    const gamma = F.div(F.from(kt), sGf);
    const r = dlnRun(ctx, { X, Y, u0, v0 }, gamma, { maxSteps, stop: 'loss', tol });
    if (r.status === 'diverged') return { ok: false, why: `GD at γ·S_GF = ${kt} diverged at step ${r.steps}`, diverged: true };
    if (r.status !== 'converged')
      return { ok: false, why: `GD at γ·S_GF = ${kt} ${r.status === 'two-cycle' ? 'settled on a period-2 orbit' : `did not converge in ${maxSteps} steps`}` };
    const m = measure(r.u, r.v);
    const gammaSField = F.mul(gamma, m.S);
    const gammaS = F.toNumber(gammaSField);
    // L < 1e-14 for 5 steps near an interpolator GD cannot converge to (γ·S > 2): the run passed by, it did not stop there.
    if (gammaS > 2 + EDGE_SLACK)
      return { ok: false, why: `GD at γ·S_GF = ${kt} stopped near an interpolator with γ·S = ${gammaS.toFixed(5)} > 2, unstable for γ: not its limit` };
    runs.push({ kappa: Number(kt), gammaS, gammaSField, l1: m.l1, err: m.err, steps: r.steps, increases: r.increases });
  }
  return { ok: true, sGf: F.toNumber(sGf), ref: { l1: mRef.l1, err: mRef.err, steps: ref.steps }, runs };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length;
  return m % 2 === 1 ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
};

/* ------------------------------------------------------------------------------------------------ */
/* even.dln.large-steps-hurt-gd-sparsity                                                            */
/* ------------------------------------------------------------------------------------------------ */

/** A batch of sparse-recovery problems, each run at two step sizes past the edge. */
export interface DlnEosBatchInstance extends Instance {
  readonly model: 'diagonal-linear';
  readonly problems: readonly DlnProblem[];
  /** u₀ (every coordinate), v₀ = 0. */
  readonly init: string;
  /** γ·S_GF of the smaller and the larger step. */
  readonly kappaLo: string;
  readonly kappaHi: string;
  /** Negative control: the SGD-like claim "larger steps help sparsity". */
  readonly variant?: 'large-steps-help';
}

const BATCH = 5;
const MIN_VALID = 2;
/** Medians within this of 0 count as "non-decreasing" (the limits are known to ~1e-7). */
const FLAT = 1e-6;

function batchInstances(variant?: 'large-steps-help'): fc.Arbitrary<DlnEosBatchInstance> {
  return fc
    .record({ problems: problems(BATCH), init: decimalText(0.1, 0.2, 2), kappaLo: decimalText(2.05, 2.15, 3), kappaHi: decimalText(2.3, 2.4, 3) })
    .map((g): DlnEosBatchInstance => ({ model: 'diagonal-linear', ...g, ...(variant !== undefined ? { variant } : {}) }));
}

function checkSparsity<T>(inst: DlnEosBatchInstance, ctx: CheckContext<T>): Outcome {
  const lo = Number(inst.kappaLo);
  const hi = Number(inst.kappaHi);
  ctx.assume(lo > 2 && hi > lo, 'not_past_edge', `γ·S_GF = ${inst.kappaLo}, ${inst.kappaHi}: the claim compares two steps past the edge (2 < κ_lo < κ_hi)`);
  const dL1: number[] = [];
  const dErr: number[] = [];
  const skipped: string[] = [];
  let diverged = 0;
  for (const p of inst.problems) {
    const r = runProblem(ctx, p, inst.init, [inst.kappaLo, inst.kappaHi], BATCH_STEPS);
    if (!r.ok) {
      skipped.push(r.why);
      if (r.diverged === true) diverged++;
      continue;
    }
    dL1.push(r.runs[1].l1 - r.runs[0].l1);
    dErr.push(r.runs[1].err - r.runs[0].err);
  }
  if (dL1.length < MIN_VALID && diverged > 0 && diverged + dL1.length === inst.problems.length) {
    return ctx.diverged({
      code: 'diverged',
      observed: Number.NaN,
      bound: 0,
      margin: Number.NaN,
      message: `${diverged} of ${inst.problems.length} problems diverged: ${skipped.join('; ')}`,
    });
  }
  if (dL1.length < MIN_VALID)
    return unmet(
      ctx,
      'not_converged',
      `only ${dL1.length} of ${inst.problems.length} problems converged at both steps (${MIN_VALID} needed): ${skipped.join('; ')}`,
    );
  const mL1 = median(dL1);
  const mErr = median(dErr);
  const details = {
    problems: dL1.length,
    medianDeltaL1: mL1,
    medianDeltaErr: mErr,
    deltaL1: dL1.map((x) => x.toPrecision(3)).join(', '),
    deltaErr: dErr.map((x) => x.toPrecision(3)).join(', '),
  };
  const summary = `over ${dL1.length} problems, going from γ·S_GF = ${inst.kappaLo} to ${inst.kappaHi} changes ℓ₁(β_∞) by median ${mL1.toPrecision(3)} and ‖β_∞ − β*‖ by median ${mErr.toPrecision(3)}`;
  if (inst.variant === 'large-steps-help') {
    const margin = Math.min(-mL1, -mErr) + FLAT;
    return margin >= 0
      ? ctx.holds({
          code: 'larger_step_sparser',
          observed: Math.max(mL1, mErr),
          bound: FLAT,
          margin,
          details,
          message: `${summary}: the larger step is as sparse and as accurate`,
        })
      : ctx.violated({
          code: 'larger_step_not_sparser',
          observed: Math.max(mL1, mErr),
          bound: FLAT,
          margin,
          details,
          message: `${summary}: for GD past the edge a larger step does not help sparse recovery`,
        });
  }
  const observed = Math.min(mL1, mErr);
  const margin = observed + FLAT;
  if (margin < 0) {
    return ctx.violated({ code: 'larger_step_sparser', observed, bound: -FLAT, margin, details, message: `${summary}: a median decreased` });
  }
  return ctx.holds({ code: 'larger_step_hurts', observed, bound: -FLAT, margin, details, message: `${summary}: both non-decreasing` });
}

export const evenLargeStepsHurt: Claim<DlnEosBatchInstance> = defineClaim<DlnEosBatchInstance>({
  id: 'even.dln.large-steps-hurt-gd-sparsity',
  notCertifiable: MARGIN_IN_DOUBLES,
  title: 'Diagonal linear network: past the edge (γ·S_GF > 2), a larger GD step gives a less sparse, less accurate interpolator',
  citation: {
    paper: EPGF,
    where: 'large-stepsize results for GD vs SGD (for GD, large steps — especially at EoS — can hinder sparse recovery); docs/claims/even.md table [E]',
    recalled: true,
  },
  statement:
    `For a batch of ${BATCH} sparse-recovery problems (y = Xβ*, β* 1-sparse, X 5×10), GD from u₀ = α·1, v₀ = 0 at two step sizes past the edge, ` +
    "γ_lo·S_GF ∈ [2.05, 2.15] < γ_hi·S_GF ∈ [2.3, 2.4] (S_GF: the sharpness of the gradient-flow solution, measured at the limit of a stable reference run at γ = 1/S* — below the edge GD's limit matches GF's, docs/claims/even.md): " +
    `over the problems where all three runs converge (≥ ${MIN_VALID}), the median change of ℓ₁(β_∞) and of ‖β_∞ − β*‖ from γ_lo to γ_hi is ≥ 0. Statistical: 80% of batches.`,
  kind: 'statistical',
  minHoldFraction: 0.8,
  hypotheses: [
    'X ∈ [−1, 1]^{5×10} (2 decimals); β* = ±[0.5, 1.5]·e_j; u₀ = α ∈ [0.1, 0.2] in every coordinate, v₀ = 0',
    '2 < γ_lo·S_GF < γ_hi·S_GF (κ_lo ∈ [2.05, 2.15], κ_hi ∈ [2.3, 2.4])',
    `a problem counts when its reference run (γ = 1/S*) is stable (no loss increase, γ·S_∞ < 1.9) and all runs converge (L < 1e-14 for 5 steps) within ${BATCH_STEPS} steps; ≥ ${MIN_VALID} of ${BATCH} must`,
  ],
  arbitrary: batchInstances(),
  check: checkSparsity,
  negativeControl: {
    description:
      'the opposite, SGD-like claim "a larger step past the edge helps sparse recovery" (median changes of ℓ₁ and of ‖β_∞ − β*‖ ≤ 0) on the same batches',
    arbitrary: batchInstances('large-steps-help'),
  },
  tolerance: { rel: 0 },
  // Past the edge GD is sensitive to rounding: a decimal re-run follows another trajectory, so it can neither confirm nor excuse an f64 outcome.
  ladder: ['f64'],
  budget: 200_000,
  // ~40 000 GD steps per batch (5 problems × 3 runs): 40 batches cost ~1.5 s.
  runs: 40,
  rationale:
    'docs/claims/even.md [E] (n = 15, d = 30, 3-sparse, α = 0.01): ℓ₁ 4.76 → 4.86 → 5.40 → 6.27 and ‖β_∞ − β*‖ 0.49 → 0.70 → 1.70 → 2.39 for γ·S_GF ≈ 2.0 → 3.3, equal below the edge. ' +
    'Scaled down to fit the budget (n = 5, d = 10, 1-sparse, α ∈ [0.1, 0.2]) [E, prototypes with n ∈ {4, 5, 6}]: per problem, ℓ₁ grew from κ_lo to κ_hi in 93–96% of cases (median +0.3·ℓ₁) but the error only ' +
    `in 80–88% (GF itself misses β* on some problems), so one problem is not a claim. The median over the ≥ ${MIN_VALID} converged problems of a batch of ${BATCH} [E, this check, 500 batches, 4 seeds]: ` +
    "held in 456 of 470 exercised batches (97%; the misses are mostly error medians of −0.0002 to −0.05 with ℓ₁ still growing, once ℓ₁'s median fell by 0.02); median Δℓ₁ +0.28, median Δ‖β − β*‖ +0.25. " +
    `${FLAT} of slack: the limits are known to ~1e-7. 5–8% of batches are inconclusive (period-2 orbits and slow convergence past the edge, as at γ ≥ 1.2 in docs/claims/even.md's table). Statistical, 80%.`,
});
