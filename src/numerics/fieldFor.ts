import { decimalField } from './decimalField.js';
import { f64 } from './f64Field.js';
import type { Field } from './field.js';
import { intervalField } from './intervalField.js';
import type { Precision } from './precision.js';

/** The arithmetic of a precision (fields are cached by their modules, so this is cheap). */
export function fieldFor(p: Precision): Field<unknown> {
  if (p.kind === 'f64') return f64 as Field<unknown>;
  if (p.kind === 'dec') return decimalField(p.digits) as Field<unknown>;
  return intervalField(p.digits) as Field<unknown>;
}
