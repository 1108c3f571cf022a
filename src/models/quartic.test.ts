import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quartic } from './quartic.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { expectDerivatives } from '../../test-support/expectDerivatives.js';
import { microDecimal } from '../../test-support/decimalArbs.js';

describe('quartic', () => {
  it('closed forms agree with high-precision finite differences, f64 to 1e-10, dec:50 to 1e-30', () => {
    fc.assert(
      fc.property(microDecimal(-3, 3), microDecimal(-1, 1), microDecimal(-1, 1), microDecimal(0.001, 4), (t, u, v, mu) => {
        const m = quartic.create({ dim: 1, params: { mu } });
        expectDerivatives(m, [t], [u], [v]);
      }),
      { numRuns: 60, seed: 21 },
    );
  });

  it('the loss is ¼(θ² − μ)², written out naively', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 4, noNaN: true }), (t, mu) => {
        const m = quartic.create({ params: { mu: String(mu) } });
        const naive = (t * t - mu) ** 2 / 4;
        expect(m.bind(f64).loss([t])).toBeCloseTo(naive, 12);
      }),
      { numRuns: 50, seed: 22 },
    );
  });

  it('the sharpness at the minimizer √μ is 2μ, exactly in dec:50; L* = 0 and √μ is on the manifold', () => {
    const F = decimalField(50);
    const m = quartic.create({ params: { mu: '2.5' } });
    const b = m.bind(F);
    const root = F.sqrt(F.from('2.5'));
    expect(F.toNumber(F.sub(b.hessian([root])[0][0], F.from('5')))).toBeLessThan(1e-48);
    expect(F.toNumber(b.loss([root]))).toBeLessThan(1e-98);
    expect(F.toString(b.lossStar!)).toBe('0');
    expect(m.lossStar).toBe('0');
    expect(Math.abs(F.toNumber(m.manifold!.residual(F, [root])))).toBeLessThan(1e-48);
    expect(m.dim).toBe(1);
    expect(m.params).toEqual({ mu: '2.5' });
    // default μ = 1: S(1) = 2, the cubic map's edge a = ημ = 1 at η = 1.
    expect(quartic.create({}).bind(f64).hessian([1])).toEqual([[2]]);
  });

  it('keeps decimal meaning of mu: mu=0.01 has the exact minimizer 0.1 at dec:50', () => {
    const F = decimalField(50);
    const b = quartic.create({ params: { mu: '0.01' } }).bind(F);
    expect(F.toString(b.loss([F.from('0.1')]))).toBe('0');
    expect(F.toString(b.grad([F.from('0.1')])[0])).toBe('0');
  });

  it('rejects bad input, naming the option', () => {
    expect(() => quartic.create({ params: { mu: '0' } })).toThrow(/params: mu must be positive/);
    expect(() => quartic.create({ params: { mu: '-1' } })).toThrow(/params: mu must be positive/);
    expect(() => quartic.create({ params: { mu: 'abc' } })).toThrow(/params: mu must be a decimal number/);
    expect(() => quartic.create({ params: { nu: '1' } })).toThrow(/params: unknown parameter "nu"/);
    expect(() => quartic.create({ dim: 2 })).toThrow(/theta: model quartic has 1 coordinates/);
  });
});
