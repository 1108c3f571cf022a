import { EoscheckError } from '../errors.js';
import { eigSymF64, type EigSym } from './eigSymF64.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import type { Field, Mat } from './field.js';

/**
 * All eigenpairs of a symmetric matrix in the field's own arithmetic, dispatched on
 * `F.precision.kind`:
 * - `f64`: Householder tridiagonalisation + implicit QL ({@link eigSymF64}), fast;
 * - `dec:N`: cyclic Jacobi ({@link eigSymJacobi}), accurate to about N digits.
 *
 * Eigenvalues are in DESCENDING order; row i of `vectors` is the unit eigenvector of values[i].
 *
 * Interval matrices throw an EoscheckError (code EOSCHECK_USE_EIG_ENCLOSURE): an eigensolver run
 * in interval arithmetic would not give certified results (its pivot decisions are not
 * decidable on intervals); `eigEnclosure` computes certified eigenvalue enclosures instead.
 */
export function eigSym<T>(F: Field<T>, A: Mat<T>): EigSym<T> {
  switch (F.precision.kind) {
    case 'f64':
      // T is number here: the f64 field is the only one of kind 'f64'.
      return eigSymF64(A as unknown as number[][]) as unknown as EigSym<T>;
    case 'dec':
      return eigSymJacobi(F, A);
    case 'interval':
      throw new EoscheckError(
        'EOSCHECK_USE_EIG_ENCLOSURE',
        'eigSym does not run on interval matrices; use eigEnclosure(F, A) from numerics/eigEnclosure.js for certified eigenvalue enclosures',
      );
  }
}
