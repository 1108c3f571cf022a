import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import { decimalCtor } from '../../numerics/decimalField.js';
import type { Field } from '../../numerics/field.js';
import { sharpness, topEigenpairs } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { EPGF } from '../papers.js';
import { DIVERGENCE_BOUND, withinBound } from '../../dynamics/divergence.js';

/**
 * Even, Pesme, Gunasekar, Flammarion (claims.md §3.G, §2.4): what GD with a finite step size does to
 * the implicit bias of a diagonal linear network β = u⊙v, L = (1/2n)‖X(u⊙v) − y‖², beyond the two
 * exact identities of even.ts (c = u² − v² is multiplied by 1 − γ²g², s = ½·arcsinh(2β/c) moves by
 * −artanh(γg)). Three measured claims:
 * - `even.dln.implicit-bias`: the KKT residual ρ = ‖P_N s_∞‖/‖s_∞‖ of the mirror-descent problem is
 *   O(γ²), not 0 (artanh(γg) − γg ∉ range(Xᵀ));
 * - `even.dln.large-steps-hurt-gd-sparsity`: past the edge (γ·S_GF > 2), a larger step lands on a
 *   less sparse interpolator, farther from the sparse β* (statistical over a batch of problems);
 * - `even.dln.eos-final-sharpness`: past the edge, GD converges with γ·S_∞ just below 2.
 * Theorem numbers are recalled [R] (claims.md §3.G, open item 6); every constant below is measured
 * on this file's generators (claims.md §0.1 [E]), not taken from the paper.
 */

/** 60 digits: y = Xβ* of 2-place decimals is exact. */
const D = decimalCtor(60);


/* ------------------------------------------------------------------------------------------------ */
/* The GD kernel                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

/** How a DLN GD run stops. */
interface RunOptions<T> {
  readonly maxSteps: number;
  /**
   * `grad`: stop once γ·‖g‖_∞ < `tol` (claim 1: the last steps move s by less than that);
   * `loss`: stop once L < `tol` for 5 consecutive steps, or on a period-2 orbit (claims 2, 3).
   */
  readonly stop: 'grad' | 'loss';
  readonly tol: T;
}

interface RunResult<T> {
  readonly status: 'converged' | 'two-cycle' | 'steps' | 'diverged';
  readonly steps: number;
  readonly u: T[];
  readonly v: T[];
  /** Steps whose loss exceeded the previous one's. */
  readonly increases: number;
  /** max over steps and coordinates of |γg_k| (the hyperbolic parameterization needs < 1). */
  readonly maxGammaG: number;
}

/**
 * GD on the DLN, fused: per step the residual Xβ − y, the loss, g = Xᵀres/n and the update
 * u⁺ = u − γv⊙g, v⁺ = v − γu⊙g (the model's ∇L, claims.md §2.4). One `ctx.count()` per step.
 */
function dlnRun<T>(ctx: CheckContext<T>, X: readonly (readonly T[])[], Y: readonly T[], u0: readonly T[], v0: readonly T[], gamma: T, o: RunOptions<T>): RunResult<T> {
  const { F } = ctx;
  if (F.precision.kind === 'f64') {
    // T is number here (the f64 field is the only one of kind 'f64'): the same loop on Float64Arrays, ~6× faster.
    const r = dlnRunF64(ctx as unknown as CheckContext<number>, X as unknown as number[][], Y as unknown as number[], u0 as unknown as number[], v0 as unknown as number[],
      gamma as unknown as number, o as unknown as RunOptions<number>);
    return r as unknown as RunResult<T>;
  }
  const n = X.length;
  const d = u0.length;
  const N = F.int(n);
  const twoN = F.int(2 * n);
  const huge = F.from('1e10');
  let u = [...u0];
  let v = [...v0];
  let prev: T | undefined;
  let prev2: T | undefined;
  let inside = 0;
  let cycle = 0;
  let increases = 0;
  let maxGammaG = 0;
  const res: T[] = new Array<T>(n);
  for (let k = 0; k < o.maxSteps; k++) {
    let L = F.zero;
    for (let i = 0; i < n; i++) {
      let s = F.neg(Y[i]);
      const row = X[i];
      for (let j = 0; j < d; j++) s = F.add(s, F.mul(row[j], F.mul(u[j], v[j])));
      res[i] = s;
      L = F.add(L, F.mul(s, s));
    }
    L = F.div(L, twoN);
    if (!F.isFinite(L) || F.lt(huge, L)) return { status: 'diverged', steps: k, u, v, increases, maxGammaG };
    if (prev !== undefined && F.lt(prev, L)) increases++;
    if (o.stop === 'loss') {
      inside = F.lt(L, o.tol) ? inside + 1 : 0;
      if (inside >= 5) return { status: 'converged', steps: k, u, v, increases, maxGammaG };
      // A period-2 orbit: L_k = L_{k−2} to 1e-10 while L_k ≠ L_{k−1} by 1e-3, for 50 steps.
      const c = prev2 !== undefined && prev !== undefined
        && F.toNumber(F.abs(F.sub(L, prev2))) <= 1e-10 * F.toNumber(L) && F.toNumber(F.abs(F.sub(L, prev))) > 1e-3 * F.toNumber(L);
      cycle = c ? cycle + 1 : 0;
      if (cycle >= 50) return { status: 'two-cycle', steps: k, u, v, increases, maxGammaG };
    }
    prev2 = prev;
    prev = L;
    const g: T[] = new Array<T>(d);
    let gMax = F.zero;
    for (let j = 0; j < d; j++) {
      let s = F.zero;
      for (let i = 0; i < n; i++) s = F.add(s, F.mul(X[i][j], res[i]));
      g[j] = F.div(s, N);
      gMax = F.max(gMax, F.abs(g[j]));
    }
    const gg = F.mul(gamma, gMax);
    maxGammaG = Math.max(maxGammaG, F.toNumber(gg));
    if (o.stop === 'grad' && F.lt(gg, o.tol)) return { status: 'converged', steps: k, u, v, increases, maxGammaG };
    ctx.count();
    const un: T[] = new Array<T>(d);
    const vn: T[] = new Array<T>(d);
    for (let j = 0; j < d; j++) {
      const gj = F.mul(gamma, g[j]);
      un[j] = F.sub(u[j], F.mul(gj, v[j]));
      vn[j] = F.sub(v[j], F.mul(gj, u[j]));
    }
    u = un;
    v = vn;
    if (!withinBound(F, u) || !withinBound(F, v)) return { status: 'diverged', steps: k + 1, u, v, increases, maxGammaG };
  }
  return { status: 'steps', steps: o.maxSteps, u, v, increases, maxGammaG };
}

/** {@link dlnRun} in plain doubles, operation for operation (same sums in the same order). */
function dlnRunF64(ctx: CheckContext<number>, X: readonly (readonly number[])[], Y: readonly number[], u0: readonly number[], v0: readonly number[], gamma: number, o: RunOptions<number>): RunResult<number> {
  const n = X.length;
  const d = u0.length;
  const u = Float64Array.from(u0);
  const v = Float64Array.from(v0);
  const res = new Float64Array(n);
  const g = new Float64Array(d);
  let prev = Number.NaN;
  let prev2 = Number.NaN;
  let inside = 0;
  let cycle = 0;
  let increases = 0;
  let maxGammaG = 0;
  let pending = 0;
  const out = (status: RunResult<number>['status'], steps: number): RunResult<number> => {
    if (pending > 0) ctx.count(pending);
    return { status, steps, u: Array.from(u), v: Array.from(v), increases, maxGammaG };
  };
  for (let k = 0; k < o.maxSteps; k++) {
    let L = 0;
    for (let i = 0; i < n; i++) {
      let s = -Y[i];
      const row = X[i];
      for (let j = 0; j < d; j++) s += row[j] * (u[j] * v[j]);
      res[i] = s;
      L += s * s;
    }
    L /= 2 * n;
    if (!Number.isFinite(L) || L > 1e10) return out('diverged', k);
    if (L > prev) increases++;
    if (o.stop === 'loss') {
      inside = L < o.tol ? inside + 1 : 0;
      if (inside >= 5) return out('converged', k);
      cycle = Math.abs(L - prev2) <= 1e-10 * L && Math.abs(L - prev) > 1e-3 * L ? cycle + 1 : 0;
      if (cycle >= 50) return out('two-cycle', k);
    }
    prev2 = prev;
    prev = L;
    let gMax = 0;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i][j] * res[i];
      g[j] = s / n;
      gMax = Math.max(gMax, Math.abs(g[j]));
    }
    const gg = gamma * gMax;
    maxGammaG = Math.max(maxGammaG, gg);
    if (o.stop === 'grad' && gg < o.tol) return out('converged', k);
    if (++pending === 256) {
      ctx.count(pending);
      pending = 0;
    }
    let ok = true;
    for (let j = 0; j < d; j++) {
      const gj = gamma * g[j];
      const a = u[j];
      const b = v[j];
      u[j] = a - gj * b;
      v[j] = b - gj * a;
      if (!(Math.abs(u[j]) <= DIVERGENCE_BOUND && Math.abs(v[j]) <= DIVERGENCE_BOUND)) ok = false;
    }
    if (!ok) return out('diverged', k + 1);
  }
  return out('steps', o.maxSteps);
}

/** Solves the small SPD system A z = b by Gaussian elimination with partial pivoting; null if a pivot is below `minPivot`·max|A|. */
function solveSmall<T>(F: Field<T>, A: readonly (readonly T[])[], b: readonly T[], minPivot: number): T[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  let scale = 0;
  for (const row of A) for (const x of row) scale = Math.max(scale, Math.abs(F.toNumber(x)));
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let r = i + 1; r < n; r++) if (F.lt(F.abs(M[p][i]), F.abs(M[r][i]))) p = r;
    [M[i], M[p]] = [M[p], M[i]];
    if (!(Math.abs(F.toNumber(M[i][i])) > minPivot * scale)) return null;
    for (let r = i + 1; r < n; r++) {
      const f = F.div(M[r][i], M[i][i]);
      for (let c = i; c <= n; c++) M[r][c] = F.sub(M[r][c], F.mul(f, M[i][c]));
    }
  }
  const z: T[] = new Array<T>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let c = i + 1; c < n; c++) s = F.sub(s, F.mul(M[i][c], z[c]));
    z[i] = F.div(s, M[i][i]);
  }
  return z;
}

/**
 * A hypothesis the measurement itself needs (a converged run, a defined ρ): `inconclusive` in both
 * modes — `ctx.assume` stops a claim-mode check, and a negative control gets an `uncertain` outcome
 * (inconclusive once the ladder is exhausted) rather than a verdict computed from no limit.
 */
function unmet<T>(ctx: CheckContext<T>, code: string, message: string): Outcome {
  ctx.assume(false, code, message);
  return ctx.uncertain({ code, message, observed: Number.NaN, bound: Number.NaN, margin: Number.NaN });
}

const norm = <T>(F: Field<T>, a: readonly T[]): T => F.sqrt(a.reduce((s, x) => F.add(s, F.mul(x, x)), F.zero));

/* ------------------------------------------------------------------------------------------------ */
/* even.dln.implicit-bias                                                                           */
/* ------------------------------------------------------------------------------------------------ */

/** GD from u₀ > 0, v₀ = 0 (so s₀ = 0) with step γ, and the same from γ/2. */
export interface DlnBiasInstance extends Instance {
  readonly model: 'diagonal-linear';
  readonly data: { readonly X: readonly (readonly string[])[]; readonly y: readonly string[] };
  /** u₀ (every entry > 0) then v₀ = 0. */
  readonly theta: readonly string[];
  readonly lr: string;
  /** Largest number of steps of the γ run (the γ/2 run gets twice as many). */
  readonly steps: number;
  /** Negative control: the gradient-flow statement "GD lands exactly on the mirror-descent solution (ρ = 0)". */
  readonly variant?: 'exact-mirror';
}

/** ρ ≤ C_RHO·γ² on every instance of the generator: [E] max ρ/γ² = 0.077 over 9000 instances (see the rationale). */
const C_RHO = 0.25;
/**
 * ρ grows with γ: ρ(γ)/ρ(γ/2) ≥ 2^0.5. Not claims.md §0.3's "order − 0.5" (1.5): the γ² term is a
 * projection that can nearly cancel, and then the next order shows ([E] 2 of 5000 instances had slope 0.86 and 1.45).
 */
const MIN_SLOPE = 0.5;
/** γ·max|g| below which a run counts as converged (the steps left move s by less than that). */
const GRAD_TOL = '1e-9';
/** ρ the control's "exact mirror descent" allows. */
const EXACT_RHO = 1e-9;

/** n ∈ 2..4 samples, d ∈ n+2..n+4 features, X, y ∈ [−1, 1] (max|y| ≥ 0.2), u₀ ∈ [0.3, 0.8]^d, v₀ = 0, γ ∈ [lo, hi]. */
function biasInstances(lr: readonly [number, number], variant?: 'exact-mirror'): fc.Arbitrary<DlnBiasInstance> {
  return fc.record({ n: fc.integer({ min: 2, max: 4 }), extra: fc.integer({ min: 2, max: 4 }) }).chain(({ n, extra }) => {
    const d = n + extra;
    return fc.record({
      X: fc.array(fc.array(decimalText(-1, 1, 2), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      y: fc.array(decimalText(-1, 1, 2), { minLength: n, maxLength: n }).filter((y) => y.some((x) => Math.abs(Number(x)) >= 0.2)),
      u: fc.array(decimalText(0.3, 0.8, 2), { minLength: d, maxLength: d }),
      lr: decimalText(lr[0], lr[1], 3),
    });
  }).map((g): DlnBiasInstance => ({
    model: 'diagonal-linear', data: { X: g.X, y: g.y }, theta: [...g.u, ...g.u.map(() => '0')], lr: g.lr, steps: 20_000,
    ...(variant !== undefined ? { variant } : {}),
  }));
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
  const steps: number[] = [];
  let maxGG = 0;
  for (let i = 0; i < gammas.length; i++) {
    const r = dlnRun(ctx, X, Y, u0, v0, gammas[i], { maxSteps: inst.steps * (i + 1), stop: 'grad', tol: F.from(GRAD_TOL) });
    if (r.status === 'diverged') {
      return ctx.diverged({ code: 'diverged', observed: Number.NaN, bound: 0, margin: Number.NaN, step: r.steps, message: `GD with γ = ${F.toString(gammas[i])} left the finite range at step ${r.steps}` });
    }
    if (r.status !== 'converged') return unmet(ctx, 'not_converged', `GD with γ = ${F.toString(gammas[i])} did not reach γ·max|g| < ${GRAD_TOL} within ${r.steps} steps`);
    if (!(r.maxGammaG < 1)) return unmet(ctx, 'step_too_large', `|γg| reached ${r.maxGammaG}: the hyperbolic coordinate s is not defined past |γg| = 1`);
    const k = kktResidual(F, X, r.u, r.v);
    if (k === null) return unmet(ctx, 'rank_deficient', 'XXᵀ is (nearly) singular: null(X) and the interpolation problem are ill-posed');
    if (!(F.toNumber(k.sNorm) > 1e-6)) return unmet(ctx, 's_vanishes', '‖s_∞‖ ≈ 0: β_∞ ≈ 0 and ρ is undefined');
    rhos.push(F.toNumber(k.rho));
    steps.push(r.steps);
    maxGG = Math.max(maxGG, r.maxGammaG);
  }
  const g = Number(inst.lr);
  const details = { rho: rhos[0], ...(rhos.length > 1 ? { rhoHalf: rhos[1] } : {}), steps: steps.join('+'), maxGammaG: maxGG };
  if (exact) {
    const margin = EXACT_RHO - rhos[0];
    const message = `γ = ${inst.lr}: ρ = ‖P_N s_∞‖/‖s_∞‖ = ${rhos[0].toExponential(3)} (${steps[0]} steps, max|γg| = ${maxGG.toFixed(3)})`;
    return margin >= 0
      ? ctx.holds({ code: 'on_mirror_solution', observed: rhos[0], bound: EXACT_RHO, margin, details, message: `${message} ≤ ${EXACT_RHO}` })
      : ctx.violated({ code: 'off_mirror_solution', observed: rhos[0], bound: EXACT_RHO, margin, details, message: `${message} > ${EXACT_RHO}: GD does not land on the mirror-descent (hyperbolic-entropy) solution; artanh(γg) − γg ∉ range(Xᵀ)` });
  }
  const cFull = rhos[0] / (g * g);
  const cHalf = rhos[1] / ((g / 2) * (g / 2));
  const slope = Math.log2(rhos[0] / rhos[1]);
  const observed = Math.max(cFull, cHalf);
  const margin = Math.min(C_RHO - observed, slope - MIN_SLOPE);
  const summary = `ρ(γ = ${inst.lr}) = ${rhos[0].toExponential(3)}, ρ(γ/2) = ${rhos[1].toExponential(3)}: ρ/γ² = ${cFull.toPrecision(3)}, ${cHalf.toPrecision(3)}; log₂-slope ${slope.toFixed(3)} (${steps.join(' + ')} steps)`;
  const full = { ...details, slope, cHalf, cFull };
  if (!(observed <= C_RHO)) {
    return ctx.violated({ code: 'rho_above_c_gamma2', observed, bound: C_RHO, margin, details: full, message: `${summary}: ρ/γ² > C = ${C_RHO}` });
  }
  if (!(slope >= MIN_SLOPE)) {
    return ctx.violated({ code: 'rho_not_growing', observed: slope, bound: MIN_SLOPE, margin, details: full, message: `${summary}: ρ does not grow with γ (slope < ${MIN_SLOPE})` });
  }
  return ctx.holds({ code: 'rho_order_gamma2', observed, bound: C_RHO, margin, details: full, message: `${summary}; ≤ C = ${C_RHO}, slope ≥ ${MIN_SLOPE}` });
}

export const evenImplicitBias: Claim<DlnBiasInstance> = defineClaim<DlnBiasInstance>({
  id: 'even.dln.implicit-bias',
  title: 'Diagonal linear network: GD lands O(γ²)-close to the mirror-descent solution — the KKT residual ρ ≤ C·γ² and grows like γ²',
  citation: { paper: EPGF, where: 'main implicit-bias theorem (β_∞ minimizes a hyperbolic-entropy potential with an effective scale, up to a perturbation from artanh(γg) ≠ γg); claims.md §3.G, test recipe [E]', recalled: true },
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
    description: 'the gradient-flow statement "GD converges exactly to the minimum-potential interpolator" (ρ ≤ 1e-9) at γ ∈ [0.3, 0.5]: ρ is 1e-6 to 1e-2 there',
    arbitrary: biasInstances([0.3, 0.5], 'exact-mirror'),
  },
  tolerance: { rel: 0 },
  // A dynamics-level bound (ρ ≥ 1e-7 is far above rounding): one decimal rung confirms a failure.
  ladder: ['f64', 'dec:30'],
  rationale:
    'claims.md §3.G [E] (n = 10, d = 30, α = 0.1): ρ = 8e-6 … 1.7e-2 for γ = 0.01 … 0.4, ≈ γ². On this generator [E] (9000 instances, 3 seeds, f64): ρ/γ² ∈ [5e-6, 0.077] ' +
    `(median 2e-3, 95th percentile 0.013: it scales with the gradients' size; max|γg| ≤ 0.64), log₂ ρ(γ)/ρ(γ/2) has 1st percentile 1.99, median 2.04, and min 0.86 (a near-cancellation of the γ² term). ` +
    `C = ${C_RHO} is 3.2× the largest ρ/γ² seen; the slope floor ${MIN_SLOPE} asks for growth, not for the exact order. The runs stop at γ·max|g| < 1e-9, where the steps left change ` +
    'P_N s by O(1e-27): ρ is its limit to far better than the margins. About 0.3% of instances are inconclusive (not converged within 20 000 steps).',
});

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
function problems(count: number): fc.Arbitrary<DlnProblem[]> {
  const n = 5;
  const d = 10;
  const one = fc.record({
    X: fc.array(fc.array(decimalText(-1, 1, 2), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
    j: fc.integer({ min: 0, max: d - 1 }),
    b: decimalText(0.5, 1.5, 2),
    neg: fc.boolean(),
  }).map(({ X, j, b, neg }): DlnProblem => {
    const betaStar = X[0].map((_, k) => (k === j ? (neg ? `-${b}` : b) : '0'));
    const y = X.map((row) => row.reduce((a, x, k) => a.plus(new D(x).times(betaStar[k])), new D(0)).toFixed());
    return { X, y, betaStar };
  });
  return fc.array(one, { minLength: count, maxLength: count });
}

/** Largest steps of one run (reference or past the edge) in a batch, and in a single-problem instance. */
const BATCH_STEPS = 10_000;
const SINGLE_STEPS = 20_000;
/** A converged run's S_∞ is known to ~1e-7 (L < 1e-14): γ·S_∞ above 2 by more than this is not a limit. */
const EDGE_SLACK = 1e-6;
/** L below which (5 steps in a row) a run has converged: the iterate is ~1e-7 from its limit. */
const LOSS_TOL = '1e-14';

interface ProblemRuns {
  readonly ok: true;
  /** S_GF: the sharpness at the limit of the stable reference run. */
  readonly sGf: number;
  readonly ref: { readonly l1: number; readonly err: number; readonly steps: number };
  readonly runs: readonly { readonly kappa: number; readonly gammaS: number; readonly l1: number; readonly err: number; readonly steps: number; readonly increases: number }[];
}
type ProblemOutcome = ProblemRuns | { readonly ok: false; readonly why: string; readonly diverged?: boolean };

/**
 * One problem: the stable reference run at γ_ref = 1/S* (S* the sharpness at the interpolator
 * β*, u² + v² = √(u₀⁴ + 4β*²)), whose limit gives S_GF; then GD at γ = κ/S_GF for each κ.
 */
function runProblem<T>(ctx: CheckContext<T>, p: DlnProblem, init: string, kappas: readonly string[], maxSteps: number): ProblemOutcome {
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
  // At the interpolator β* with c = c₀: u² + v² = √(c₀² + 4β*²), and S = λ_max((1/n)·X·diag(u² + v²)·Xᵀ) (claims.md §2.4).
  const w = bs.map((b) => F.sqrt(F.add(F.mul(c0, c0), F.mul(F.int(4), F.mul(b, b)))));
  const N = F.int(X.length);
  const M = X.map((r) => X.map((q) => F.div(r.reduce((a, x, k) => F.add(a, F.mul(F.mul(x, w[k]), q[k])), F.zero), N)));
  const sStar = topEigenpairs(F, M, 1).values[0];
  const tol = F.from(LOSS_TOL);
  const measure = (u: T[], v: T[]) => {
    const beta = u.map((x, k) => F.mul(x, v[k]));
    const l1 = F.toNumber(beta.reduce((a, b) => F.add(a, F.abs(b)), F.zero));
    const err = F.toNumber(norm(F, beta.map((b, k) => F.sub(b, bs[k]))));
    return { l1, err, S: sharpness(F, model, [...u, ...v]) };
  };
  const gRef = F.div(F.one, sStar);
  const ref = dlnRun(ctx, X, Y, u0, v0, gRef, { maxSteps, stop: 'loss', tol });
  if (ref.status !== 'converged') return { ok: false, why: `the reference run (γ = 1/S*) ${ref.status === 'diverged' ? 'diverged' : 'did not converge'}` };
  const mRef = measure(ref.u, ref.v);
  const refGS = F.toNumber(F.mul(gRef, mRef.S));
  if (ref.increases > 0 || refGS > 1.9) return { ok: false, why: `the reference run was not stable (${ref.increases} loss increases, γ·S_∞ = ${refGS.toFixed(3)})` };
  const sGf = mRef.S;
  const runs: ProblemRuns['runs'][number][] = [];
  for (const kt of kappas) {
    const gamma = F.div(F.from(kt), sGf);
    const r = dlnRun(ctx, X, Y, u0, v0, gamma, { maxSteps, stop: 'loss', tol });
    if (r.status === 'diverged') return { ok: false, why: `GD at γ·S_GF = ${kt} diverged at step ${r.steps}`, diverged: true };
    if (r.status !== 'converged') return { ok: false, why: `GD at γ·S_GF = ${kt} ${r.status === 'two-cycle' ? 'settled on a period-2 orbit' : `did not converge in ${maxSteps} steps`}` };
    const m = measure(r.u, r.v);
    const gammaS = F.toNumber(F.mul(gamma, m.S));
    // L < 1e-14 for 5 steps near an interpolator GD cannot converge to (γ·S > 2): the run passed by, it did not stop there.
    if (gammaS > 2 + EDGE_SLACK) return { ok: false, why: `GD at γ·S_GF = ${kt} stopped near an interpolator with γ·S = ${gammaS.toFixed(5)} > 2, unstable for γ: not its limit` };
    runs.push({ kappa: Number(kt), gammaS, l1: m.l1, err: m.err, steps: r.steps, increases: r.increases });
  }
  return { ok: true, sGf: F.toNumber(sGf), ref: { l1: mRef.l1, err: mRef.err, steps: ref.steps }, runs };
}

const median = (xs: readonly number[]): number => {
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
  return fc.record({ problems: problems(BATCH), init: decimalText(0.1, 0.2, 2), kappaLo: decimalText(2.05, 2.15, 3), kappaHi: decimalText(2.3, 2.4, 3) })
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
    return ctx.diverged({ code: 'diverged', observed: Number.NaN, bound: 0, margin: Number.NaN, message: `${diverged} of ${inst.problems.length} problems diverged: ${skipped.join('; ')}` });
  }
  if (dL1.length < MIN_VALID) return unmet(ctx, 'not_converged', `only ${dL1.length} of ${inst.problems.length} problems converged at both steps (${MIN_VALID} needed): ${skipped.join('; ')}`);
  const mL1 = median(dL1);
  const mErr = median(dErr);
  const details = { problems: dL1.length, medianDeltaL1: mL1, medianDeltaErr: mErr, deltaL1: dL1.map((x) => x.toPrecision(3)).join(', '), deltaErr: dErr.map((x) => x.toPrecision(3)).join(', ') };
  const summary = `over ${dL1.length} problems, going from γ·S_GF = ${inst.kappaLo} to ${inst.kappaHi} changes ℓ₁(β_∞) by median ${mL1.toPrecision(3)} and ‖β_∞ − β*‖ by median ${mErr.toPrecision(3)}`;
  if (inst.variant === 'large-steps-help') {
    const margin = Math.min(-mL1, -mErr) + FLAT;
    return margin >= 0
      ? ctx.holds({ code: 'larger_step_sparser', observed: Math.max(mL1, mErr), bound: FLAT, margin, details, message: `${summary}: the larger step is as sparse and as accurate` })
      : ctx.violated({ code: 'larger_step_not_sparser', observed: Math.max(mL1, mErr), bound: FLAT, margin, details, message: `${summary}: for GD past the edge a larger step does not help sparse recovery` });
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
  title: 'Diagonal linear network: past the edge (γ·S_GF > 2), a larger GD step gives a less sparse, less accurate interpolator',
  citation: { paper: EPGF, where: 'large-stepsize results for GD vs SGD (for GD, large steps — especially at EoS — can hinder sparse recovery); claims.md §3.G table [E]', recalled: true },
  statement:
    `For a batch of ${BATCH} sparse-recovery problems (y = Xβ*, β* 1-sparse, X 5×10), GD from u₀ = α·1, v₀ = 0 at two step sizes past the edge, ` +
    'γ_lo·S_GF ∈ [2.05, 2.15] < γ_hi·S_GF ∈ [2.3, 2.4] (S_GF: the sharpness of the gradient-flow solution, measured at the limit of a stable reference run at γ = 1/S* — below the edge GD\'s limit matches GF\'s, claims.md §3.G): ' +
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
    description: 'the opposite, SGD-like claim "a larger step past the edge helps sparse recovery" (median changes of ℓ₁ and of ‖β_∞ − β*‖ ≤ 0) on the same batches',
    arbitrary: batchInstances('large-steps-help'),
  },
  tolerance: { rel: 0 },
  // Past the edge GD is sensitive to rounding: a decimal re-run follows another trajectory, so it can neither confirm nor excuse an f64 outcome.
  ladder: ['f64'],
  budget: 200_000,
  // ~40 000 GD steps per batch (5 problems × 3 runs): 40 batches cost ~1.5 s.
  runs: 40,
  rationale:
    'claims.md §3.G [E] (n = 15, d = 30, 3-sparse, α = 0.01): ℓ₁ 4.76 → 4.86 → 5.40 → 6.27 and ‖β_∞ − β*‖ 0.49 → 0.70 → 1.70 → 2.39 for γ·S_GF ≈ 2.0 → 3.3, equal below the edge. ' +
    'Scaled down to fit the budget (n = 5, d = 10, 1-sparse, α ∈ [0.1, 0.2]) [E, prototypes with n ∈ {4, 5, 6}]: per problem, ℓ₁ grew from κ_lo to κ_hi in 93–96% of cases (median +0.3·ℓ₁) but the error only ' +
    `in 80–88% (GF itself misses β* on some problems), so one problem is not a claim. The median over the ≥ ${MIN_VALID} converged problems of a batch of ${BATCH} [E, this check, 500 batches, 4 seeds]: ` +
    'held in 456 of 470 exercised batches (97%; the misses are mostly error medians of −0.0002 to −0.05 with ℓ₁ still growing, once ℓ₁\'s median fell by 0.02); median Δℓ₁ +0.28, median Δ‖β − β*‖ +0.25. ' +
    `${FLAT} of slack: the limits are known to ~1e-7. 5–8% of batches are inconclusive (period-2 orbits and slow convergence past the edge, as at γ ≥ 1.2 in claims.md's table). Statistical, 80%.`,
});

/* ------------------------------------------------------------------------------------------------ */
/* even.dln.eos-final-sharpness                                                                     */
/* ------------------------------------------------------------------------------------------------ */

/** One sparse-recovery problem run at γ = κ/S_GF. */
export interface DlnEosInstance extends Instance {
  readonly model: 'diagonal-linear';
  readonly problem: DlnProblem;
  readonly init: string;
  /** γ·S_GF. */
  readonly kappa: string;
}

/** The band of γ·S_∞ claimed past the edge: claims.md §3.G's [1.97, 2.0]. */
const BAND_LO = 1.97;

function singleInstances(kappa: readonly [number, number]): fc.Arbitrary<DlnEosInstance> {
  return fc.record({ problem: problems(1).map((ps) => ps[0]), init: decimalText(0.1, 0.2, 2), kappa: decimalText(kappa[0], kappa[1], 3) })
    .map((g): DlnEosInstance => ({ model: 'diagonal-linear', ...g }));
}

function checkFinalSharpness<T>(inst: DlnEosInstance, ctx: CheckContext<T>): Outcome {
  ctx.assume(Number(inst.kappa) > 2, 'below_edge', `γ·S_GF = ${inst.kappa} ≤ 2: the gradient-flow solution is stable`);
  const r = runProblem(ctx, inst.problem, inst.init, [inst.kappa], SINGLE_STEPS);
  if (!r.ok && r.diverged === true) return ctx.diverged({ code: 'diverged', observed: Number.NaN, bound: 0, margin: Number.NaN, message: r.why });
  if (!r.ok) return unmet(ctx, 'not_converged', r.why);
  const run = r.runs[0];
  const o = run.gammaS;
  const margin = Math.min(o - BAND_LO, 2 + EDGE_SLACK - o);
  const details = { sGf: r.sGf, steps: run.steps, lossIncreases: run.increases, l1: run.l1, l1Gf: r.ref.l1 };
  const summary = `γ·S_GF = ${inst.kappa}: GD converged in ${run.steps} steps (${run.increases} loss increases) with γ·S_∞ = ${o.toFixed(5)}`;
  if (margin < 0) {
    return ctx.violated({ code: 'not_just_below_edge', observed: o, bound: BAND_LO, margin, step: run.steps, details, message: `${summary}, not in [${BAND_LO}, 2]` });
  }
  return ctx.holds({ code: 'just_below_edge', observed: o, bound: BAND_LO, margin, step: run.steps, details, message: `${summary} ∈ [${BAND_LO}, 2]` });
}

export const evenEosFinalSharpness: Claim<DlnEosInstance> = defineClaim<DlnEosInstance>({
  id: 'even.dln.eos-final-sharpness',
  title: 'Diagonal linear network: from past the edge (γ·S_GF > 2), GD converges with γ·S_∞ just below 2 (in [1.97, 2])',
  citation: { paper: EPGF, where: 'edge-of-stability regime of GD on diagonal linear networks; claims.md §3.G ("in the EoS regime the final sharpness sits just below the edge") [E]', recalled: true },
  statement:
    'On a sparse-recovery problem (y = Xβ*, β* 1-sparse, X 5×10) with u₀ = α·1, v₀ = 0, GD at γ = κ/S_GF with κ ∈ [2.05, 2.4] (S_GF from a stable reference run) ' +
    `oscillates (loss increases), self-stabilizes and converges to an interpolator whose sharpness satisfies γ·S_∞ ∈ [${BAND_LO}, 2] — on most instances (statistical: ` +
    'a catapult can land it flatter). A convex-in-β problem where the final sharpness sits at the edge, unlike uv (wxzt.eos.final-sharpness).',
  kind: 'statistical',
  minHoldFraction: 0.8,
  hypotheses: [
    'X ∈ [−1, 1]^{5×10} (2 decimals); β* = ±[0.5, 1.5]·e_j; u₀ = α ∈ [0.1, 0.2], v₀ = 0',
    'γ·S_GF ∈ [2.05, 2.4] (> 2: the gradient-flow solution is too sharp for γ)',
    `the reference run (γ = 1/S*) is stable and GD at γ converges (L < 1e-14 for 5 steps) within ${SINGLE_STEPS} steps, not on a period-2 orbit`,
  ],
  arbitrary: singleInstances([2.05, 2.4]),
  check: checkFinalSharpness,
  negativeControl: {
    description: 'the stable regime γ·S_GF ∈ [0.5, 1.5] (hypothesis waived): GD converges near the gradient-flow solution with γ·S_∞ ≈ γ·S_GF, far below the edge',
    arbitrary: singleInstances([0.5, 1.5]),
  },
  tolerance: { rel: 0 },
  // Past the edge GD is sensitive to rounding: a decimal re-run follows another trajectory, so it can neither confirm nor excuse an f64 outcome.
  ladder: ['f64'],
  rationale:
    'claims.md §3.G [E] (n = 15, d = 30): γ·S_∞ = 1.979–1.999 for γ·S_GF ≈ 2.0–3.3. On this generator [E, this check, 800 instances, 4 seeds]: 613 of 650 converged runs ' +
    '(94%) in [1.97, 2]; median 1.992, 5th percentile 1.968, max 1.999; the rest landed flatter (down to 1.69), some after a catapult, a few without any loss increase (GD\'s own ' +
    'bias took it to a flatter interpolator than GF\'s). About 19% of instances are inconclusive (period-2 orbits, not converged in 20 000 steps). γ·S_∞ ≤ 2 is part of ' +
    `"converged": a run resting at γ·S > 2 + ${EDGE_SLACK} (once in 300) is passing an unstable interpolator, not at its limit, and counts as not converged. Statistical, 80% in the band.`,
});

export const EVEN_BIAS_CLAIMS: readonly Claim[] = [evenImplicitBias, evenLargeStepsHurt, evenEosFinalSharpness];
