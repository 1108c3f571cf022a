import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { Field } from '../../numerics/field.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { EPGF } from '../papers.js';
import { dlnRun, norm, solveSmall, unmet } from './evenBias.js';
import type { DlnData, GdRunInstance } from '../gdRunInstance.js';

/* ------------------------------------------------------------------------------------------------ */
/* even.dln.implicit-bias                                                                           */
/* ------------------------------------------------------------------------------------------------ */

/**
 * GD from u₀ > 0, v₀ = 0 (so s₀ = 0; θ is u₀ then v₀) with step γ = `lr`, and the same from γ/2:
 * `steps` is the γ run's largest number of steps (the γ/2 run gets twice as many).
 */
export interface DlnBiasInstance extends GdRunInstance<'diagonal-linear'> {
  readonly data: DlnData;
  /** Negative control: the gradient-flow statement "GD lands exactly on the mirror-descent solution (ρ = 0)". */
  readonly variant?: 'exact-mirror';
}

/** ρ ≤ C_RHO·γ² on every instance of the generator: [E] max ρ/γ² = 0.077 over 9000 instances (see the rationale). */
const C_RHO = 0.25;
/**
 * ρ grows with γ: ρ(γ)/ρ(γ/2) ≥ 2^0.5. Not the recalled "order − 0.5" (1.5): the γ² term is a
 * projection that can nearly cancel, and then the next order shows ([E] 2 of 5000 instances had slope 0.86 and 1.45).
 */
const MIN_SLOPE = 0.5;
/** γ·max|g| below which a run counts as converged (the steps left move s by less than that). */
const GRAD_TOL = '1e-9';
/** ρ the control's "exact mirror descent" allows. */
const EXACT_RHO = 1e-9;

/** n ∈ 2..4 samples, d ∈ n+2..n+4 features, X, y ∈ [−1, 1] (max|y| ≥ 0.2), u₀ ∈ [0.3, 0.8]^d, v₀ = 0, γ ∈ [lo, hi]. */
function biasInstances(lr: readonly [number, number], variant?: 'exact-mirror'): fc.Arbitrary<DlnBiasInstance> {
  return fc
    .record({ n: fc.integer({ min: 2, max: 4 }), extra: fc.integer({ min: 2, max: 4 }) })
    .chain(({ n, extra }) => {
      const d = n + extra;
      return fc.record({
        X: fc.array(fc.array(decimalText(-1, 1, 2), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        y: fc.array(decimalText(-1, 1, 2), { minLength: n, maxLength: n }).filter((y) => y.some((x) => Math.abs(Number(x)) >= 0.2)),
        u: fc.array(decimalText(0.3, 0.8, 2), { minLength: d, maxLength: d }),
        lr: decimalText(lr[0], lr[1], 3),
      });
    })
    .map(
      (g): DlnBiasInstance => ({
        model: 'diagonal-linear',
        data: { X: g.X, y: g.y },
        theta: [...g.u, ...g.u.map(() => '0')],
        lr: g.lr,
        steps: 20_000,
        ...(variant !== undefined ? { variant } : {}),
      }),
    );
}

/** ρ = ‖P_N s‖/‖s‖ with s = ½·arcsinh(2uv/(u² − v²)) and P_N = I − Xᵀ(XXᵀ)⁻¹X; null when XXᵀ is (nearly) singular. */
function kktResidual<T>(F: Field<T>, X: readonly (readonly T[])[], u: readonly T[], v: readonly T[]): { rho: T; sNorm: T } | null {
  const n = X.length;
  const s = u.map((uk, k) => F.div(F.asinh(F.div(F.mul(F.int(2), F.mul(uk, v[k])), F.sub(F.mul(uk, uk), F.mul(v[k], v[k])))), F.int(2)));
  const Xs = X.map((row) => row.reduce((a, x, k) => F.add(a, F.mul(x, s[k])), F.zero));
  const G = X.map((r) => X.map((q) => r.reduce((a, x, k) => F.add(a, F.mul(x, q[k])), F.zero)));
  const z = solveSmall(F, G, Xs, 1e-8);
  if (z === null) return null;
  const pn = s.map((sk, k) => {
    let a = sk;
    for (let i = 0; i < n; i++) a = F.sub(a, F.mul(X[i][k], z[i]));
    return a;
  });
  const sNorm = norm(F, s);
  return { rho: F.div(norm(F, pn), sNorm), sNorm };
}

function checkBias<T>(inst: DlnBiasInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { theta } = ctx.model(inst);
  const d = theta.length / 2;
  const X = inst.data.X.map((row) => row.map((x) => F.from(x)));
  const Y = inst.data.y.map((x) => F.from(x));
  const u0 = theta.slice(0, d);
  const v0 = theta.slice(d);
  ctx.assume(u0.every((x) => F.sign(x) > 0) && v0.every((x) => F.sign(x) === 0), 'not_hyperbolic_start', 'the claim starts from u₀ > 0, v₀ = 0 (s₀ = 0)');
  const gamma = F.from(inst.lr);
  const exact = inst.variant === 'exact-mirror';
  const gammas = exact ? [gamma] : [gamma, F.div(gamma, F.int(2))];
  const rhos: number[] = [];
  const rhosF: T[] = [];
  const steps: number[] = [];
  let maxGG = 0;
  for (let i = 0; i < gammas.length; i++) {
    const r = dlnRun(ctx, { X, Y, u0, v0 }, gammas[i], { maxSteps: inst.steps * (i + 1), stop: 'grad', tol: F.from(GRAD_TOL) });
    if (r.status === 'diverged') {
      return ctx.diverged({
        code: 'diverged',
        observed: Number.NaN,
        bound: 0,
        margin: Number.NaN,
        step: r.steps,
        message: `GD with γ = ${F.toString(gammas[i])} left the finite range at step ${r.steps}`,
      });
    }
    if (r.status !== 'converged')
      return unmet(ctx, 'not_converged', `GD with γ = ${F.toString(gammas[i])} did not reach γ·max|g| < ${GRAD_TOL} within ${r.steps} steps`);
    if (!(r.maxGammaG < 1)) return unmet(ctx, 'step_too_large', `|γg| reached ${r.maxGammaG}: the hyperbolic coordinate s is not defined past |γg| = 1`);
    const k = kktResidual(F, X, r.u, r.v);
    if (k === null) return unmet(ctx, 'rank_deficient', 'XXᵀ is (nearly) singular: null(X) and the interpolation problem are ill-posed');
    if (!(F.toNumber(k.sNorm) > 1e-6)) return unmet(ctx, 's_vanishes', '‖s_∞‖ ≈ 0: β_∞ ≈ 0 and ρ is undefined');
    rhos.push(F.toNumber(k.rho));
    rhosF.push(k.rho);
    steps.push(r.steps);
    maxGG = Math.max(maxGG, r.maxGammaG);
  }
  const g = Number(inst.lr);
  // The margin in the field as well: at interval:N its enclosure certifies (ρ and γ are enclosed; the
  // doubles below decide the f64 and decimal rungs, unchanged).
  const enclosed = (m: () => T) => (ctx.precision.kind === 'interval' ? ctx.margin(m()) : {});
  const details = { rho: rhos[0], ...(rhos.length > 1 ? { rhoHalf: rhos[1] } : {}), steps: steps.join('+'), maxGammaG: maxGG };
  if (exact) {
    const margin = EXACT_RHO - rhos[0];
    const mF = enclosed(() => F.sub(F.from(EXACT_RHO), rhosF[0]));
    const message = `γ = ${inst.lr}: ρ = ‖P_N s_∞‖/‖s_∞‖ = ${rhos[0].toExponential(3)} (${steps[0]} steps, max|γg| = ${maxGG.toFixed(3)})`;
    return margin >= 0
      ? ctx.holds({ code: 'on_mirror_solution', observed: rhos[0], bound: EXACT_RHO, margin, ...mF, details, message: `${message} ≤ ${EXACT_RHO}` })
      : ctx.violated({
          code: 'off_mirror_solution',
          observed: rhos[0],
          bound: EXACT_RHO,
          margin,
          ...mF,
          details,
          message: `${message} > ${EXACT_RHO}: GD does not land on the mirror-descent (hyperbolic-entropy) solution; artanh(γg) − γg ∉ range(Xᵀ)`,
        });
  }
  const cFull = rhos[0] / (g * g);
  const cHalf = rhos[1] / ((g / 2) * (g / 2));
  const slope = Math.log2(rhos[0] / rhos[1]);
  const observed = Math.max(cFull, cHalf);
  const margin = Math.min(C_RHO - observed, slope - MIN_SLOPE);
  const mF = enclosed(() => {
    const g2 = F.mul(gamma, gamma);
    const worst = F.max(F.div(rhosF[0], g2), F.div(F.mul(F.int(4), rhosF[1]), g2));
    const slopeF = F.div(F.log(F.div(rhosF[0], rhosF[1])), F.log(F.int(2)));
    return F.min(F.sub(F.from(C_RHO), worst), F.sub(slopeF, F.from(MIN_SLOPE)));
  });
  const summary = `ρ(γ = ${inst.lr}) = ${rhos[0].toExponential(3)}, ρ(γ/2) = ${rhos[1].toExponential(3)}: ρ/γ² = ${cFull.toPrecision(3)}, ${cHalf.toPrecision(3)}; log₂-slope ${slope.toFixed(3)} (${steps.join(' + ')} steps)`;
  const full = { ...details, slope, cHalf, cFull };
  if (!(observed <= C_RHO)) {
    return ctx.violated({ code: 'rho_above_c_gamma2', observed, bound: C_RHO, margin, ...mF, details: full, message: `${summary}: ρ/γ² > C = ${C_RHO}` });
  }
  if (!(slope >= MIN_SLOPE)) {
    return ctx.violated({
      code: 'rho_not_growing',
      observed: slope,
      bound: MIN_SLOPE,
      margin,
      ...mF,
      details: full,
      message: `${summary}: ρ does not grow with γ (slope < ${MIN_SLOPE})`,
    });
  }
  return ctx.holds({
    code: 'rho_order_gamma2',
    observed,
    bound: C_RHO,
    margin,
    ...mF,
    details: full,
    message: `${summary}; ≤ C = ${C_RHO}, slope ≥ ${MIN_SLOPE}`,
  });
}

export const evenImplicitBias: Claim<DlnBiasInstance> = defineClaim<DlnBiasInstance>({
  id: 'even.dln.implicit-bias',
  title: 'Diagonal linear network: GD lands O(γ²)-close to the mirror-descent solution — the KKT residual ρ ≤ C·γ² and grows like γ²',
  citation: {
    paper: EPGF,
    where:
      'main implicit-bias theorem (β_∞ minimizes a hyperbolic-entropy potential with an effective scale, up to a perturbation from artanh(γg) ≠ γg); docs/claims/even.md, test recipe [E]',
    recalled: true,
  },
  statement:
    'GD on L = (1/2n)‖X(u⊙v) − y‖² from u₀ > 0, v₀ = 0 with step γ converges to an interpolator β_∞. Let c = u² − v², s = ½·arcsinh(2β/c) and P_N the projector onto null(X). ' +
    'Exact mirror descent (gradient flow) gives s_∞ ∈ range(Xᵀ), i.e. ρ = ‖P_N s_∞‖/‖s_∞‖ = 0; GD gives s_∞ = −Σ artanh(γg_k), whose part outside range(Xᵀ) is −Σ(artanh(γg_k) − γg_k) = O(γ³g³). ' +
    `Claim: ρ(γ) ≤ ${C_RHO}·γ² (and at γ/2), and ρ grows with γ: ρ(γ)/ρ(γ/2) ≥ 2^${MIN_SLOPE}, for every instance of the generator (typically 2² = 4: ρ ∝ γ²).`,
  kind: 'forall',
  hypotheses: [
    'n ∈ 2..4, d ∈ n+2..n+4, X, y ∈ [−1, 1] (2 decimals, max|y| ≥ 0.2), XXᵀ non-singular',
    'u₀ ∈ [0.3, 0.8]^d, v₀ = 0; γ ∈ [0.1, 0.5]',
    '|γg_k| < 1 at every step (the hyperbolic coordinate is defined)',
    'both runs (γ, γ/2) reach γ·max|g| < 1e-9 within 20 000 and 40 000 steps',
  ],
  arbitrary: biasInstances([0.1, 0.5]),
  check: checkBias,
  negativeControl: {
    description:
      'the gradient-flow statement "GD converges exactly to the minimum-potential interpolator" (ρ ≤ 1e-9) at γ ∈ [0.3, 0.5]: ρ is 1e-6 to 1e-2 there',
    arbitrary: biasInstances([0.3, 0.5], 'exact-mirror'),
  },
  tolerance: { rel: 0 },
  // A dynamics-level bound (ρ ≥ 1e-7 is far above rounding): one decimal rung confirms a failure.
  ladder: ['f64', 'dec:30'],
  rationale:
    'docs/claims/even.md [E] (n = 10, d = 30, α = 0.1): ρ = 8e-6 … 1.7e-2 for γ = 0.01 … 0.4, ≈ γ². On this generator [E] (9000 instances, 3 seeds, f64): ρ/γ² ∈ [5e-6, 0.077] ' +
    `(median 2e-3, 95th percentile 0.013: it scales with the gradients' size; max|γg| ≤ 0.64), log₂ ρ(γ)/ρ(γ/2) has 1st percentile 1.99, median 2.04, and min 0.86 (a near-cancellation of the γ² term). ` +
    `C = ${C_RHO} is 3.2× the largest ρ/γ² seen; the slope floor ${MIN_SLOPE} asks for growth, not for the exact order. The runs stop at γ·max|g| < 1e-9, where the steps left change ` +
    'P_N s by O(1e-27): ρ is its limit to far better than the margins. About 0.3% of instances are inconclusive (not converged within 20 000 steps).',
});
