import { UsageError } from '../errors.js';

/** One rung of a convergence ladder: the small parameter and the error measured there. */
export interface OrderRung {
  readonly eps: number;
  readonly error: number;
}

/** Least-squares fit of log(error) = c + p·log(ε) over a ladder, with a 95% t-interval for p. */
export interface OrderFit {
  /** The fitted order p. */
  readonly slope: number;
  /** Its 95% confidence interval [lo, hi] (Student t with n − 2 degrees of freedom). */
  readonly lo: number;
  readonly hi: number;
  /** The standard error of the slope. */
  readonly se: number;
  /** The fitted log-constant c (reported, never a check). */
  readonly intercept: number;
  readonly rungs: readonly OrderRung[];
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom (standard tables). */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.13145,
  2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the table up to 30, beyond it the
 * Cornish–Fisher expansion around the normal quantile (error below 1e-4 for df > 30).
 */
export function tQuantile975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) throw new UsageError(`degrees of freedom must be a positive integer, got ${df}`, 'df');
  if (df <= 30) return T975[df - 1];
  const z = 1.959963985;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/**
 * The order of convergence of an error along a ladder ε₁ > ε₂ > … → 0: the least-squares slope of
 * log(error) against log(ε), with its 95% t-interval. An order-p method has slope p whatever its
 * constant, so a claim "error = O(ε^p)" is checked on the slope (its interval must reach p), never
 * on a fitted constant. Needs at least 3 rungs (one degree of freedom for the interval), distinct
 * positive ε and positive finite errors (an exactly zero error has no logarithm: the caller decides
 * what it means).
 */
export function orderFit(rungs: readonly OrderRung[]): OrderFit {
  if (rungs.length < 3) throw new UsageError(`an order fit needs at least 3 rungs, got ${rungs.length}`, 'rungs');
  for (const r of rungs) {
    if (!(Number.isFinite(r.eps) && r.eps > 0)) throw new UsageError(`every ε of the ladder must be positive and finite, got ${r.eps}`, 'rungs');
    if (!(Number.isFinite(r.error) && r.error > 0)) throw new UsageError(`every error of the ladder must be positive and finite, got ${r.error}`, 'rungs');
  }
  const n = rungs.length;
  const xs = rungs.map((r) => Math.log(r.eps));
  const ys = rungs.map((r) => Math.log(r.error));
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  if (!(sxx > 0)) throw new UsageError('the ε of the ladder must not all be equal', 'rungs');
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const rss = xs.reduce((s, x, i) => s + (ys[i] - intercept - slope * x) ** 2, 0);
  const se = Math.sqrt(rss / (n - 2) / sxx);
  const half = tQuantile975(n - 2) * se;
  return { slope, lo: slope - half, hi: slope + half, se, intercept, rungs: rungs.map((r) => ({ eps: r.eps, error: r.error })) };
}

/** The fit as evidence details (numbers, and the rungs as one line of text), for `check --verbose`. */
export function orderFitDetails(fit: OrderFit, param = 'ε'): Record<string, string | number> {
  return {
    fitSlope: fit.slope,
    fitLo: fit.lo,
    fitHi: fit.hi,
    fitRungs: fit.rungs.map((r) => `${param}=${r.eps.toPrecision(4)}: ${r.error.toPrecision(4)}`).join('; '),
  };
}
