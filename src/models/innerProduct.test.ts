import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { innerProduct } from './innerProduct.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { expectExactMinimum } from '../../test-support/expectExactMinimum.js';
import { expectLossOfFormula, expectSymbolicAgreement, symbolicOracle } from '../../test-support/symbolicOracle.js';
import { microDecimal, microVector } from '../../test-support/decimalArbs.js';

const LOSSES = ['square', 'logcosh', 'quartic'] as const;

/** The objective written out for mathjs, independently of the model code. */
function objective(k: number, loss: string, mu: string): { expr: string; vars: string[] } {
  const vars = [...Array.from({ length: k }, (_, i) => `x${i + 1}`), ...Array.from({ length: k }, (_, i) => `y${i + 1}`)];
  const s = `(${Array.from({ length: k }, (_, i) => `x${i + 1}*y${i + 1}`).join(' + ')})`;
  const expr = loss === 'square' ? `(${s} - (${mu}))^2 / 2` : loss === 'logcosh' ? `log(cosh(${s} - (${mu})))` : `(${s}^2 - (${mu}))^2 / 4`;
  return { expr, vars };
}

describe('inner-product', () => {
  it('closed forms agree with finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30; loss matches mathjs', () => {
    const cases = fc.integer({ min: 1, max: 3 }).chain((k) =>
      fc.record({
        loss: fc.constantFrom(...LOSSES),
        mu: microDecimal(-2, 2),
        theta: microVector(2 * k, -1.5, 1.5),
        u: microVector(2 * k, -1, 1),
        v: microVector(2 * k, -1, 1),
      }),
    );
    assertDerivatives(
      innerProduct,
      cases,
      ({ loss, mu }) => ({ params: { loss, mu } }),
      { numRuns: 60, seed: 24 },
      (model, { loss, mu, theta }) => {
        const { expr, vars } = objective(theta.length / 2, loss, mu);
        expectLossOfFormula(model, expr, vars, theta);
      },
    );
  });

  it('Hessian and ∇³L[e,e] match mathjs symbolic derivatives for every ℓ (k = 2)', () => {
    for (const loss of LOSSES) {
      const { expr, vars } = objective(2, loss, '0.6');
      const oracle = symbolicOracle(expr, vars);
      const model = innerProduct.create({ dim: 4, params: { loss, mu: '0.6' } }).bind(f64);
      fc.assert(
        fc.property(microVector(4, -1.5, 1.5), microVector(4, -1, 1), (ts, es) => {
          expectSymbolicAgreement(model, oracle, ts.map(Number), es.map(Number));
        }),
        { numRuns: 5, seed: 4 },
      );
    }
  });

  it('at a minimizer H = ℓ″(s) ggᵀ: ggᵀ for square and logcosh, 2μ·ggᵀ for quartic', () => {
    const F = decimalField(50);
    // x = (1, 2), y = (0.2, 0.1): s = 0.4.
    const theta = ['1', '2', '0.2', '0.1'].map((t) => F.from(t));
    const g = ['0.2', '0.1', '1', '2'].map((t) => F.from(t));
    for (const [loss, mu, scale] of [
      ['square', '0.4', '1'],
      ['logcosh', '0.4', '1'],
      ['quartic', '0.16', '0.32'],
    ] as const) {
      const m = innerProduct.create({ dim: 4, params: { loss, mu } });
      const b = m.bind(F);
      expect(F.toString(b.loss(theta))).toBe('0');
      expect(F.toString(m.manifold!.residual(F, theta))).toBe('0');
      expect(m.lossStar).toBe('0');
      const H = b.hessian(theta);
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          expect(F.toString(H[i][j])).toBe(F.toString(F.mul(F.from(scale), F.mul(g[i], g[j]))));
        }
      }
    }
  });

  it('quartic with μ < 0 has L* = μ²/4 (exact text) at xᵀy = 0', () => {
    const m = innerProduct.create({ dim: 2, params: { loss: 'quartic', mu: '-0.3' } });
    expectExactMinimum(m, ['0', '5'], '0.0225');
    expect(innerProduct.create({ dim: 2, params: { loss: 'quartic', mu: '-1e-5' } }).lossStar).toBe('2.5e-11');
  });

  it('logcosh keeps its relative accuracy near the minimum and stays finite far away (f64)', () => {
    const b = innerProduct.create({ dim: 2, params: { loss: 'logcosh', mu: '0' } }).bind(f64);
    // log cosh z = z²/2 − z⁴/12 + …
    expect(b.loss([1e-9, 1])).toBeCloseTo(5e-19, 30);
    expect(Math.abs(b.loss([1e-9, 1]) / 5e-19 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(b.loss([3e-4, 1]) / (4.5e-8 - 8.1e-15 / 12) - 1)).toBeLessThan(1e-13);
    expect(b.loss([300, 1])).toBeCloseTo(300 - Math.LN2, 12);
    expect(b.loss([-300, 1])).toBeCloseTo(300 - Math.LN2, 12);
    expect(b.grad([300, 1])).toEqual([1, 300]);
  });

  it('rejects bad input, naming the option', () => {
    expect(() => innerProduct.create({ dim: 2, params: { loss: 'hinge' } })).toThrow(/params: loss must be one of square, logcosh, quartic/);
    expect(() => innerProduct.create({ dim: 2, params: { mu: 'pi' } })).toThrow(/params: mu must be a decimal number/);
    expect(() => innerProduct.create({ dim: 2, params: { target: '1' } })).toThrow(/params: unknown parameter "target"/);
    expect(() => innerProduct.create({ dim: 5 })).toThrow(/theta: model inner-product needs a multiple of 2/);
    expect(() => innerProduct.create({})).toThrow(/theta/);
  });
});
