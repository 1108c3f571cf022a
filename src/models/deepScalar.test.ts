import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepScalar } from './deepScalar.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { expectDerivatives } from '../../test-support/expectDerivatives.js';
import { microDecimal } from '../../test-support/decimalArbs.js';

describe('deep-scalar', () => {
  it('closed forms agree with high-precision finite differences, f64 to 1e-10, dec:50 to 1e-30', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((D) =>
            fc.tuple(
              fc.array(microDecimal(-2, 2), { minLength: D, maxLength: D }),
              fc.array(microDecimal(-1, 1), { minLength: D, maxLength: D }),
              fc.array(microDecimal(-1, 1), { minLength: D, maxLength: D }),
              microDecimal(-2, 2),
            ),
          ),
        ([w, u, v, y]) => {
          const m = deepScalar.create({ dim: w.length, params: { target: y } });
          expectDerivatives(m, w, u, v);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it('matches the textbook Hessian at a minimizer: H = ggᵀ, S = Σ y²/wᵢ²', () => {
    const m = deepScalar.create({ dim: 3, params: { target: '2' } });
    const b = m.bind(f64);
    const w = [1, 4, 0.5];
    const H = b.hessian(w);
    const g = [2, 0.5, 4];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(H[i][j]).toBeCloseTo(g[i] * g[j], 12);
    expect(b.loss(w)).toBe(0);
  });

  it('keeps decimal meaning of parameters: target=0.1 is one tenth at dec:50', () => {
    const m = deepScalar.create({ dim: 1, params: { target: '0.1' } });
    const F = decimalField(50);
    expect(F.toString(m.bind(F).loss([F.from('0.1')]))).toBe('0');
  });

  it('rejects unknown parameters, naming --param', () => {
    expect(() => deepScalar.create({ dim: 2, params: { depth: '3' } })).toThrow(/params: unknown parameter "depth"/);
  });
});
