import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cubicToy } from './cubicToy.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { microDecimal, toyCase } from '../../test-support/decimalArbs.js';

describe('cubic-toy', () => {
  it('closed forms agree with high-precision finite differences, f64 to 1e-10, dec:50 to 1e-30', () => {
    const cases = fc
      .tuple(toyCase(-3, 3), fc.tuple(microDecimal(-2, 4), microDecimal(-2, 2), microDecimal(-1, 1)))
      .map(([point, [a0, b, c]]) => ({ ...point, a0, b, c }));
    assertDerivatives(cubicToy, cases, ({ a0, b, c }) => ({ params: { a0, b, c } }), { numRuns: 60, seed: 51 });
  });

  it('the loss is ½(a₀ + bz)x² − cz, written out naively', () => {
    const d = () => fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(d(), d(), d(), d(), d(), (x, z, a0, b, c) => {
        const m = cubicToy.create({ params: { a0: String(a0), b: String(b), c: String(c) } });
        expect(m.bind(f64).loss([x, z])).toBeCloseTo(0.5 * (a0 + b * z) * x * x - c * z, 11);
      }),
      { numRuns: 50, seed: 52 },
    );
  });

  it('at x = 0: H = diag(a₀ + bz, 0), ∇S = ∇³L[e_x, e_x] = (0, b), α = −∇L·∇S = bc, β = b²', () => {
    const m = cubicToy.create({ params: { a0: '2', b: '0.5', c: '0.3' } });
    const F = decimalField(50);
    const b = m.bind(F);
    const th = [F.zero, F.from('0.4')];
    const H = b.hessian(th).map((r) => r.map((x) => F.toString(x)));
    expect(H).toEqual([
      ['2.2', '0'],
      ['0', '0'],
    ]);
    const gS = b.third(th, [F.one, F.zero]);
    expect(gS.map((x) => F.toString(x))).toEqual(['0', '0.5']);
    const g = b.grad(th);
    const alpha = F.neg(F.add(F.mul(g[0], gS[0]), F.mul(g[1], gS[1])));
    expect(F.toString(alpha)).toBe('0.15');
    expect(F.toString(F.add(F.mul(gS[0], gS[0]), F.mul(gS[1], gS[1])))).toBe('0.25');
    // defaults a0 = 1, b = 1, c = 0.1; no L* (unbounded below), no manifold
    const d = cubicToy.create({});
    expect(d.params).toEqual({ a0: '1', b: '1', c: '0.1' });
    expect(d.lossStar).toBeUndefined();
    expect(d.manifold).toBeUndefined();
    expect(d.bind(f64).lossStar).toBeUndefined();
    expect(d.bind(f64).grad([0, 0])).toEqual([0, -0.1]);
  });

  it('rejects bad input, naming the option', () => {
    expect(() => cubicToy.create({ params: { a: '1' } })).toThrow(/params: unknown parameter "a" for model cubic-toy \(known: a0, b, c\)/);
    expect(() => cubicToy.create({ params: { b: '1/2' } })).toThrow(/params: b must be a decimal number/);
    expect(() => cubicToy.create({ dim: 3 })).toThrow(/theta: model cubic-toy has 2 coordinates/);
  });
});
