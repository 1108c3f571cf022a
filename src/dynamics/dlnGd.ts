import { IndeterminateError } from '../errors.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { DIVERGENCE_BOUND } from '../settings.js';
import { diagonalGdRule } from './diagonalGd.js';
import { dlnLohner } from './dlnLohner.js';
import type { Interval } from '../numerics/interval.js';
import { stepper } from './stepper.js';

/** How a DLN GD run stops. */
export interface DlnRunOptions<T> {
  readonly maxSteps: number;
  /**
   * `grad`: stop once γ·‖g‖_∞ < `tol` (claim 1: the last steps move s by less than that);
   * `loss`: stop once L < `tol` for 5 consecutive steps, or on a period-2 orbit (claims 2, 3).
   */
  readonly stop: 'grad' | 'loss';
  readonly tol: T;
}

/** A DLN problem: the data X (n×d, rows are samples), the labels Y (n) and GD's start (u₀, v₀). */
export interface DlnProblem<T> {
  readonly X: readonly (readonly T[])[];
  readonly Y: readonly T[];
  readonly u0: readonly T[];
  readonly v0: readonly T[];
}

export interface DlnRunResult<T> {
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
 * GD on a diagonal linear network β = u⊙v with L = (1/2n)‖X(u⊙v) − y‖², fused: per step the residual
 * Xβ − y, the loss, g = Xᵀres/n and the update of diagonalGdRule, u⁺ = u − (γg)⊙v, v⁺ = v − (γg)⊙u.
 * `count(k)` is told of every k steps taken (one model evaluation each). Divergence is the engine's:
 * a non-finite loss, or an iterate with an entry that is not finite or beyond DIVERGENCE_BOUND.
 * In the f64 field the same loop runs on Float64Arrays (dlnGdF64, ~6× faster), to the bit.
 */
export function dlnGd<T>(F: Field<T>, problem: DlnProblem<T>, gamma: T, o: DlnRunOptions<T>, count: (steps: number) => void): DlnRunResult<T> {
  if ((F as Field<unknown>) === f64) {
    // T is number here: the f64 field is the only one whose values are doubles.
    const r = dlnGdF64(problem as unknown as DlnProblem<number>, gamma as unknown as number, o as unknown as DlnRunOptions<number>, count);
    return r as unknown as DlnRunResult<T>;
  }
  return dlnGdGeneric(F, problem, gamma, o, count);
}

/** {@link dlnGd} in any field, through `stepper` and diagonalGdRule (exported for the f64 twin's test). */
export function dlnGdGeneric<T>(F: Field<T>, problem: DlnProblem<T>, gamma: T, o: DlnRunOptions<T>, count: (steps: number) => void): DlnRunResult<T> {
  const { X, Y, u0, v0 } = problem;
  const n = X.length;
  const d = u0.length;
  const N = F.int(n);
  const twoN = F.int(2 * n);
  let u = [...u0];
  let v = [...v0];
  let g: T[] = [];
  const run = stepper(
    diagonalGdRule(F, gamma, () => g),
    [...u0, ...v0],
  );
  // In interval arithmetic the iterates are enclosed in a frame that turns with the orbit (dlnLohner.ts): a box would grow ~1.13× a step.
  const lohner = F.precision.kind === 'interval' ? intervalStepper(F, problem, gamma) : undefined;
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
    if (!F.isFinite(L)) return { status: 'diverged', steps: k, u, v, increases, maxGammaG };
    if (prev !== undefined && below(F, prev, L, 'the loss change')) increases++;
    if (o.stop === 'loss') {
      inside = below(F, L, o.tol, 'the stopping test') ? inside + 1 : 0;
      if (inside >= 5) return { status: 'converged', steps: k, u, v, increases, maxGammaG };
      // A period-2 orbit: L_k = L_{k−2} to 1e-10 while L_k ≠ L_{k−1} by 1e-3, for 50 steps.
      const c =
        prev2 !== undefined &&
        prev !== undefined &&
        F.toNumber(F.abs(F.sub(L, prev2))) <= 1e-10 * F.toNumber(L) &&
        F.toNumber(F.abs(F.sub(L, prev))) > 1e-3 * F.toNumber(L);
      cycle = c ? cycle + 1 : 0;
      if (cycle >= 50) return { status: 'two-cycle', steps: k, u, v, increases, maxGammaG };
    }
    prev2 = prev;
    prev = L;
    g = new Array<T>(d);
    let gMax = F.zero;
    for (let j = 0; j < d; j++) {
      let s = F.zero;
      for (let i = 0; i < n; i++) s = F.add(s, F.mul(X[i][j], res[i]));
      g[j] = F.div(s, N);
      gMax = F.max(gMax, F.abs(g[j]));
    }
    const gg = F.mul(gamma, gMax);
    maxGammaG = Math.max(maxGammaG, F.toNumber(gg));
    if (o.stop === 'grad' && below(F, gg, o.tol, 'the stopping test')) return { status: 'converged', steps: k, u, v, increases, maxGammaG };
    count(1);
    const stepped = lohner === undefined ? run.step() : lohner.step(g);
    const theta = lohner === undefined ? run.theta : lohner.theta;
    u = theta.slice(0, d);
    v = theta.slice(d);
    if (!stepped) return { status: 'diverged', steps: k + 1, u, v, increases, maxGammaG };
  }
  return { status: 'steps', steps: o.maxSteps, u, v, increases, maxGammaG };
}

/**
 * a < b. In interval arithmetic it must be decided: where the enclosures overlap, the exact run may
 * take the other branch (stop at another step, count another increase), and the run's enclosure
 * would then be of another run, so that is an IndeterminateError (the check is inconclusive there).
 */
function below<T>(F: Field<T>, a: T, b: T, what: string): boolean {
  if (F.lt(a, b)) return true;
  if (F.precision.kind !== 'interval' || F.lt(b, a) || (F.radius(a) === 0 && F.radius(b) === 0 && !F.lt(a, b))) return false;
  throw new IndeterminateError(`${what} is not decided: ${F.toString(a)} against ${F.toString(b)}`);
}

/**
 * The Lohner stepper of dlnLohner.ts for this problem, with the divergence rule of `stepper`: false
 * once the enclosure is lost or an iterate may lie beyond DIVERGENCE_BOUND.
 */
function intervalStepper<T>(F: Field<T>, { X, Y, u0, v0 }: DlnProblem<T>, gamma: T) {
  const FI = F as unknown as Field<Interval>;
  const XI = X as unknown as Interval[][];
  const YI = Y as unknown as Interval[];
  const n = XI.length;
  const N = FI.int(n);
  const gAt = (u: readonly Interval[], v: readonly Interval[]): Interval[] => {
    const res = XI.map((row, i) => row.reduce((s, x, j) => FI.add(s, FI.mul(x, FI.mul(u[j], v[j]))), FI.neg(YI[i])));
    return u.map((_, j) =>
      FI.div(
        res.reduce((s, r, i) => FI.add(s, FI.mul(XI[i][j], r)), FI.zero),
        N,
      ),
    );
  };
  const digits = (F.precision as { digits: number }).digits;
  const L = dlnLohner(FI, digits, XI, gamma as unknown as Interval, [...u0, ...v0] as unknown as Interval[]);
  const bound = DIVERGENCE_BOUND;
  return {
    get theta(): T[] {
      return L.theta as unknown as T[];
    },
    step(g: readonly T[]): boolean {
      if (!L.step(g as unknown as Interval[], gAt)) return false;
      return L.theta.every((x) => x.lo.isFinite() && x.hi.isFinite() && x.lo.gte(-bound) && x.hi.lte(bound));
    },
  };
}

/** {@link dlnGd} in plain doubles, operation for operation (same sums in the same order) as dlnGdGeneric in f64. */
export function dlnGdF64(problem: DlnProblem<number>, gamma: number, o: DlnRunOptions<number>, count: (steps: number) => void): DlnRunResult<number> {
  const { X, Y, u0, v0 } = problem;
  const n = X.length;
  const d = u0.length;
  const u = Float64Array.from(u0);
  const v = Float64Array.from(v0);
  const res = new Float64Array(n);
  const g = new Float64Array(d);
  // X row-major and column-major in flat arrays, so both products run over contiguous doubles;
  // w = u⊙v is formed once a step (the same products the residual loop would form n times).
  const Xr = new Float64Array(n * d);
  const Xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      Xr[i * d + j] = X[i][j];
      Xc[j * n + i] = X[i][j];
    }
  }
  const w = new Float64Array(d);
  let prev = Number.NaN;
  let prev2 = Number.NaN;
  let inside = 0;
  let cycle = 0;
  let increases = 0;
  let maxGammaG = 0;
  let pending = 0;
  const out = (status: DlnRunResult<number>['status'], steps: number): DlnRunResult<number> => {
    if (pending > 0) count(pending);
    return { status, steps, u: Array.from(u), v: Array.from(v), increases, maxGammaG };
  };
  for (let k = 0; k < o.maxSteps; k++) {
    let L = 0;
    for (let j = 0; j < d; j++) w[j] = u[j] * v[j];
    for (let i = 0; i < n; i++) {
      let s = -Y[i];
      const r0 = i * d;
      for (let j = 0; j < d; j++) s += Xr[r0 + j] * w[j];
      res[i] = s;
      L += s * s;
    }
    L /= 2 * n;
    if (!Number.isFinite(L)) return out('diverged', k);
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
      const c0 = j * n;
      for (let i = 0; i < n; i++) s += Xc[c0 + i] * res[i];
      g[j] = s / n;
      gMax = Math.max(gMax, Math.abs(g[j]));
    }
    const gg = gamma * gMax;
    maxGammaG = Math.max(maxGammaG, gg);
    if (o.stop === 'grad' && gg < o.tol) return out('converged', k);
    if (++pending === 256) {
      count(pending);
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
