import type { Field } from '../../numerics/field.js';

/** True when every entry is finite (numerics/linalg.ts has no such test). @internal */
export function allFinite<T>(F: Field<T>, a: readonly T[]): boolean {
  for (const x of a) if (!F.isFinite(x)) return false;
  return true;
}
