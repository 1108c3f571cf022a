import { UsageError } from '../../errors.js';
import type { Field } from '../../numerics/field.js';
import type { Scalar } from '../optimizer.js';

/** A user number in the field; non-finite values are a UsageError naming `option`. @internal */
export function scalar<T>(F: Field<T>, x: Scalar, option: string): T {
  let v: T;
  try {
    v = F.from(x);
  } catch {
    throw new UsageError(`"${x}" is not a number`, option);
  }
  if (!F.isFinite(v)) throw new UsageError(`must be finite, got ${x}`, option);
  return v;
}

/** A positive learning rate in the field. @internal */
export function learningRate<T>(F: Field<T>, x: Scalar): T {
  const lr = scalar(F, x, 'lr');
  if (F.sign(lr) <= 0) throw new UsageError(`the learning rate must be positive, got ${x}`, 'lr');
  return lr;
}

/** The decimal text of a user number, as recorded in an optimizer's params. @internal */
export function text(x: Scalar): string {
  return typeof x === 'number' ? String(x) : x.trim();
}
