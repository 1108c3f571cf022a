import { UsageError } from '../errors.js';
import { formatPrecision, type Precision } from '../numerics/precision.js';

/**
 * Limits of the dense path: the Hessian as a matrix and all its eigenpairs. Its cost grows like
 * dim³ and, in decimal and interval arithmetic, like digits² (measured: the Jacobi eigensolver on a
 * 20×20 matrix at dec:30 takes about a second, a 4×4 one at dec:2000 about a minute), so each
 * precision gets the largest dimension whose decomposition stays within seconds.
 */
export const MAX_DENSE_DIM_F64 = 500;
/** dim³·(digits/30)² units allowed for one decomposition at dec:N (interval:N costs 1.5 times more). */
const DECIMAL_BUDGET = 60_000;

/** Work of one dense decomposition at `p`, in the units of DECIMAL_BUDGET (f64 in units of its own limit). */
export function denseWork(dim: number, p: Precision): number {
  if (p.kind === 'f64') return (dim / MAX_DENSE_DIM_F64) ** 3 * DECIMAL_BUDGET;
  return dim ** 3 * Math.max(1, (p.digits / 30) ** 2) * (p.kind === 'interval' ? 1.5 : 1);
}

/** The largest dimension the dense path takes at `p` (at least 1). */
export function maxDenseDim(p: Precision): number {
  if (p.kind === 'f64') return MAX_DENSE_DIM_F64;
  let n = Math.max(1, Math.floor(Math.cbrt(DECIMAL_BUDGET / denseWork(1, p))));
  while (denseWork(n + 1, p) <= DECIMAL_BUDGET) n++;
  while (n > 1 && denseWork(n, p) > DECIMAL_BUDGET) n--;
  return n;
}

/**
 * Refuses a dense Hessian and eigendecomposition beyond maxDenseDim(p) with a UsageError naming
 * `theta` (its length is the dimension) and the way out: Lanczos on Hessian-vector products for the
 * top eigenpairs, or a lower precision.
 */
export function checkDenseDim(dim: number, p: Precision): void {
  const max = maxDenseDim(p);
  if (dim <= max) return;
  const lower = p.kind === 'f64' ? '' : ' or a lower precision';
  throw new UsageError(
    `${dim} coordinates: the dense Hessian and all its eigenpairs are computed for at most ${max} in ${formatPrecision(p)}; ` +
      `beyond that, use the top eigenpairs from Lanczos on Hessian-vector products (lanczos in the library)${lower}`,
    'theta',
  );
}
