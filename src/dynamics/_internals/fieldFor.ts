import { UsageError } from '../../errors.js';
import { decimalField } from '../../numerics/decimalField.js';
import { f64 } from '../../numerics/f64Field.js';
import type { Field } from '../../numerics/field.js';
import { formatPrecision, type Precision } from '../../numerics/precision.js';

/** The point arithmetic of a precision (dynamics do not run in interval arithmetic). @internal */
export function fieldFor(p: Precision): Field<unknown> {
  if (p.kind === 'f64') return f64 as Field<unknown>;
  if (p.kind === 'dec') return decimalField(p.digits) as unknown as Field<unknown>;
  throw new UsageError(`trajectories run in f64 or dec:N, not ${formatPrecision(p)}`, '--precision');
}
