import { eigSymF64 } from './eigSymF64.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import type { Field, Mat, Vec } from './field.js';

/**
 * Eigendecomposition of a symmetric matrix in the field's own arithmetic: tridiagonal QL in f64
 * (fast), Jacobi for decimals (accurate to the precision). Values DESCENDING, unit vectors as rows.
 * Interval matrices need certified bounds instead: use `eigEnclosure`.
 */
export function eigSym<T>(F: Field<T>, A: Mat<T>): { values: Vec<T>; vectors: Mat<T> } {
  switch (F.precision.kind) {
    case 'f64':
      return eigSymF64(A as unknown as number[][]) as unknown as { values: Vec<T>; vectors: Mat<T> };
    case 'dec':
      return eigSymJacobi(F, A);
    case 'interval':
      throw new Error('eigSym: interval matrices need certified bounds; use eigEnclosure');
  }
}
