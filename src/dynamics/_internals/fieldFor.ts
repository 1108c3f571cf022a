import { UsageError } from '../../errors.js';
import { fieldFor as anyFieldFor } from '../../numerics/fieldFor.js';
import type { Field } from '../../numerics/field.js';
import { formatPrecision, type Precision } from '../../numerics/precision.js';

/** The point arithmetic of a precision: trajectories do not run in interval arithmetic. @internal */
export function fieldFor(p: Precision): Field<unknown> {
  if (p.kind === 'interval') throw new UsageError(`trajectories run in f64 or dec:N, not ${formatPrecision(p)}`, 'precision');
  return anyFieldFor(p);
}
