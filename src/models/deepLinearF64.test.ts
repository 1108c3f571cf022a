import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLinearInstance } from '../../test-support/decimalArbs.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { deepLinear } from './deepLinear.js';

/**
 * The oracle is deepLinear's generic binding in a field that is f64's arithmetic under another
 * identity (so the typed-array path is not taken): the two must agree bit for bit, ±0 included.
 */
const plainF64: Field<number> = Object.freeze({ ...f64 });

const instance = deepLinearInstance;

const bits = (xs: readonly number[]) => xs.map((x) => (Object.is(x, -0) ? '-0' : String(x)));

describe('deep-linear float64 path', () => {
  it('loss, gradient, HVP, ∇³L[u,u], Hessian and the kernels equal the generic f64 binding bit for bit', () => {
    fc.assert(
      fc.property(instance, (c) => {
        const model = deepLinear.create({ data: { X: c.X, Y: c.Y, widths: c.widths } });
        const fast = model.bind(f64);
        const ref = model.bind(plainF64);
        const t = c.theta.map(Number);
        const u = c.u.map(Number);
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
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
