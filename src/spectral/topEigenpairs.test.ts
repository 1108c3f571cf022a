import { describe, expect, it } from 'vitest';
import { decimalField } from '../numerics/decimalField.js';
import type { Field } from '../numerics/field.js';
import { knownSpectrum as known } from '../../test-support/testMatrices.js';
import { topEigenpairs } from './sharpness.js';

const rel = <T>(F: Field<T>, a: T, b: T) => F.toNumber(F.div(F.abs(F.sub(a, b)), F.add(F.abs(b), F.one)));

describe('topEigenpairs: the refined f64 path and its Jacobi fallback', () => {
  it('falls back to Jacobi where f64 cannot separate the wanted eigenvalue (near-double)', () => {
    const F = decimalField(50);
    const near = known(F, ['3', '2.9999999999999', '1']);
    const t = topEigenpairs(F, near, 2);
    expect(rel(F, t.values[0], F.from('3'))).toBeLessThan(1e-40);
    expect(rel(F, t.values[1], F.from('2.9999999999999'))).toBeLessThan(1e-40);
    expect(t.converged).toBe(true);
  });

  it('topEigenpairs takes the fast path with the same answers as Jacobi, gap included', () => {
    const F = decimalField(50);
    const H = known(F, ['4', '1.5', '-2']);
    const t = topEigenpairs(F, H, 1);
    expect(rel(F, t.values[0], F.from('4'))).toBeLessThan(1e-45);
    expect(t.gap).toBeCloseTo(2.5, 12);
    expect(t.residuals[0]).toBeLessThan(1e-45);
  });
});
