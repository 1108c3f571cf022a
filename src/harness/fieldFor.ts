import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { intervalField } from '../numerics/intervalField.js';
import type { Precision } from '../numerics/precision.js';

/** The arithmetic of a precision (fields are cached by their modules, so this is cheap). */
export function fieldFor(p: Precision): Field<unknown> {
  if (p.kind === 'f64') return f64 as Field<unknown>;
  if (p.kind === 'dec') return decimalField(p.digits) as Field<unknown>;
  return intervalField(p.digits) as Field<unknown>;
}
