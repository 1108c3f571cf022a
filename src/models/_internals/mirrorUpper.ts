import type { Mat } from '../../numerics/field.js';

/**
 * Copies the upper triangle of a square matrix onto its lower one, in place, and returns it: a
 * Hessian assembled from sums in different orders is symmetric only up to rounding, and the
 * eigensolvers need it exactly symmetric.
 */
export function mirrorUpper<T>(H: Mat<T>): Mat<T> {
  for (let i = 0; i < H.length; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i];
  return H;
}
