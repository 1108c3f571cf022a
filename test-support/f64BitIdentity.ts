import fc from 'fast-check';
import { expect } from 'vitest';
import type { BoundModel } from '../src/models/model.js';
import { f64 } from '../src/numerics/f64Field.js';
import type { Field } from '../src/numerics/field.js';

/**
 * Test support for the float64 paths of the models: the oracle is the generic binding in a field
 * that is f64's arithmetic under another identity (so `bind` does not take the typed-array path),
 * and values are compared as text, −0 and NaN included.
 * @internal
 */
export const plainF64: Field<number> = Object.freeze({ ...f64 });

/** Each double as text that tells −0 from +0 (String(−0) is "0"). @internal */
export const bits = (xs: readonly number[]): string[] => xs.map((x) => (Object.is(x, -0) ? '-0' : String(x)));

/**
 * θ and direction entries: mostly ordinary doubles in [−3, 3] with full mantissas (where a changed
 * order of operations shows in the last bit), also any double there (subnormals, powers of two),
 * signed zeros, magnitudes that saturate a sigmoid or overflow exp, and non-finite values.
 * @internal
 */
export const f64Entry: fc.Arbitrary<number> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -3_000_000, max: 3_000_000 }).map((k) => k / 999_983) },
  { weight: 1, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 40, -40, 800, -800, Number.POSITIVE_INFINITY, Number.NaN) },
);

/** A vector of n such entries. @internal */
export const f64Entries = (n: number): fc.Arbitrary<number[]> => fc.array(f64Entry, { minLength: n, maxLength: n });

/** Model data as decimal text: thousandths in [−2, 2] and signed zeros. @internal */
export const dataText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -2000, max: 2000 }).map((k) => String(k / 1000)) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-0') },
);

/** An r×c matrix of data text. @internal */
export const dataMatrixText = (r: number, c: number): fc.Arbitrary<string[][]> =>
  fc.array(fc.array(dataText, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });

/**
 * Asserts that a model's f64 binding (`fast`, its typed-array path) and its generic binding in
 * plainF64 (`ref`) give the same bits for the loss, gradient, HVP and ∇³L[u,u] at θ along u, the
 * Hessian, and the f64 kernels' loss and gradient. The f64 binding routes loss and gradient
 * through the kernels; `direct`, the typed-array path's own loss and gradient, is checked too when given.
 * @internal
 */
export function expectSameBits(
  fast: BoundModel<number>,
  ref: BoundModel<number>,
  t: number[],
  u: number[],
  direct?: Pick<BoundModel<number>, 'loss' | 'grad'>,
): void {
  if (direct !== undefined) {
    expect(bits([direct.loss(t)])).toEqual(bits([ref.loss(t)]));
    expect(bits(direct.grad(t))).toEqual(bits(ref.grad(t)));
  }
  expect(bits([fast.loss(t)])).toEqual(bits([ref.loss(t)]));
  expect(bits(fast.grad(t))).toEqual(bits(ref.grad(t)));
  expect(bits(fast.hvp(t, u))).toEqual(bits(ref.hvp(t, u)));
  expect(bits(fast.third(t, u))).toEqual(bits(ref.third(t, u)));
  expect(fast.hessian(t).map(bits)).toEqual(ref.hessian(t).map(bits));
  const k = fast.kernelsF64?.();
  expect(k).toBeDefined();
  const g = new Float64Array(t.length);
  k?.gradF64(Float64Array.from(t), g);
  expect(bits([...g])).toEqual(bits(ref.grad(t)));
  expect(bits([k?.lossF64(Float64Array.from(t)) ?? Number.NaN])).toEqual(bits([ref.loss(t)]));
}
