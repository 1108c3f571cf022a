import type { Field, Mat, Vec } from '../numerics/field.js';
import type { DecimalText } from './model.js';

/** A vector of decimal text converted into a field, entry by entry (each keeps its decimal meaning). */
export function vectorIn<T>(F: Field<T>, v: readonly DecimalText[]): Vec<T> {
  return v.map((x) => F.from(x));
}

/** A matrix of decimal text converted into a field, entry by entry. */
export function matrixIn<T>(F: Field<T>, M: readonly (readonly DecimalText[])[]): Mat<T> {
  return M.map((row) => vectorIn(F, row));
}
