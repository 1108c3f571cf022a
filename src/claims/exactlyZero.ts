import { IndeterminateError } from '../errors.js';
import type { Field } from '../numerics/field.js';

/**
 * x is exactly 0. An interval that merely contains 0 is not (F.sign would throw on it): a
 * hypothesis such as "the orbit does not land exactly on 0" is then not known to fail, and the
 * check goes on to the margin, whose enclosure decides.
 */
export function exactlyZero<T>(F: Field<T>, x: T): boolean {
  try {
    return F.sign(x) === 0;
  } catch (e) {
    if (e instanceof IndeterminateError) return false;
    throw e;
  }
}
