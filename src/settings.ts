/**
 * eoscheck's defaults, in one module at the bottom of the layer order (it imports nothing, every
 * layer may import it): what a run does when the caller does not say. Changing a value here changes
 * it everywhere it applies; each entry names where it is used. Tolerances derived from a precision
 * (f64 → 1e-10 relative, dec:N → 10^−(N−20)) are computed by toleranceFor in src/numerics/tolerance.ts.
 */

/** `eoscheck check` and `npm start`: a fixed seed, so a run is reproducible; instances per claim; fixtures. */
export const CHECK_DEFAULTS = Object.freeze({ seed: 1, runs: 100, fixtures: 'fixtures/counterexamples' } as const);

/**
 * `eoscheck check` and `npm start`: worker threads running claims side by side when `--jobs` is not
 * given — the variable `env` if set, else the machine's available parallelism, at most `max` (the
 * report is the same for any number; more threads only share the cores of a busy machine).
 */
export const CHECK_JOBS = Object.freeze({ max: 2, env: 'EOSCHECK_JOBS' } as const);

/** Model evaluations allowed per check call unless the claim or `--budget` says otherwise (defineClaim). */
export const DEFAULT_BUDGET = 100_000;

/** The precision ladder: a failure in f64 is re-checked at 40 then 80 digits (defineClaim). */
export const DEFAULT_LADDER: readonly string[] = Object.freeze(['f64', 'dec:40', 'dec:80']);

/** The fraction of instances a statistical claim must hold on (runClaim, the reports). */
export const DEFAULT_MIN_HOLD_FRACTION = 0.8;

/** Shrinking: at most this many candidate instances tried per counterexample (runClaim, hunt). */
export const DEFAULT_MAX_SHRINK_TRIES = 400;

/** `hunt`: steps of the searched trajectories. */
export const DEFAULT_HUNT_STEPS = 100;

/**
 * runTrajectory: a run diverges when max|θᵢ| exceeds this (or anything is Inf/NaN), in every field.
 * Far above any trajectory the claims follow (|θ| of order 1–100), far below where f64 loses the
 * gradient to overflow (products of a few such coordinates stay finite).
 */
export const DIVERGENCE_BOUND = 1e12;

/** runTrajectory: record every this many steps. */
export const DEFAULT_EVERY = 1;

/** Update-rule options (createOptimizer): momentum's β; pgd's projection iterations; flow's step control. */
export const OPTIMIZER_DEFAULTS = Object.freeze({
  /** momentum: β, as decimal text (so every precision reads the same number). */
  beta: '0.9',
  /** pgd: linearised projection steps before giving up. */
  maxProjections: 50,
  /** flow: absolute error tolerance of a Runge–Kutta step (0: normwise relative control only). */
  atol: 0,
  /** flow: step cap h ≤ capC/S. */
  capC: 1,
  /** flow: recompute S for the cap every this many Runge–Kutta steps. */
  capEvery: 5,
} as const);

/** Lanczos (top eigenpairs by Hessian-vector products): pairs, iterations, residual tolerance, start noise. */
export const LANCZOS_DEFAULTS = Object.freeze({ k: 1, maxIter: 300, tol: 1e-10, startNoise: 1e-6 } as const);
