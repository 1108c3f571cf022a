import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import type { KernelsF64 } from './kernelsF64.js';
import type { BoundModel } from './model.js';

/**
 * A model's closed forms in float64 over preallocated Float64Arrays, what `bind(f64)` of
 * deep-linear, two-layer and diagonal-linear returns: the same IEEE operations in the same order as
 * the generic binding at `f64`, so the values are bit-identical, without a Field call or an array
 * allocation per operation. Arrays come back fresh (the caller may keep or change them).
 */
export interface ClosedFormsF64 {
  loss(t: ArrayLike<number>): number;
  grad(t: ArrayLike<number>): number[];
  hvp(t: ArrayLike<number>, e: ArrayLike<number>): number[];
  third(t: ArrayLike<number>, e: ArrayLike<number>): number[];
  hessian(t: ArrayLike<number>): number[][];
  /** The loss and gradient as KernelsF64, for the f64 fast path of runTrajectory. */
  kernels(): KernelsF64;
}

/** The derivatives `bind` returns: those of BoundModel that a ClosedFormsF64 provides. */
export type ClosedFormsBinding<T> = Pick<BoundModel<T>, 'loss' | 'grad' | 'hvp' | 'third' | 'hessian'>;

/**
 * The closed forms as `bind(F)` returns them when F is the f64 field, else undefined (the generic
 * binding then serves). `twin` is called only at f64, so a model builds its arrays on first use.
 */
export function f64Binding<T>(F: Field<T>, twin: () => ClosedFormsF64): ClosedFormsBinding<T> | undefined {
  if ((F as Field<unknown>) !== f64) return undefined;
  const { loss, grad, hvp, third, hessian } = twin();
  // T is number here: the f64 field is the only one whose values are doubles.
  return { loss, grad, hvp, third, hessian } as unknown as ClosedFormsBinding<T>;
}
