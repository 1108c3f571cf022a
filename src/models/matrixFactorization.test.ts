import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixFactorization } from './matrixFactorization.js';
import { uv } from './uv.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { microVector } from '../../test-support/decimalArbs.js';

const instance = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })).chain(([n, p, r]) => {
  const dim = (n + p) * r;
  return fc.record({
    A: fc.array(microVector(p, -2, 2), { minLength: n, maxLength: n }),
    rank: fc.constant(String(r)),
    theta: microVector(dim, -1.5, 1.5),
    u: microVector(dim, -1, 1),
    v: microVector(dim, -1, 1),
  });
});

/** ½‖UVᵀ − A‖² by plain loops from θ's documented layout (U then V, both row-major). */
function naiveLoss(A: number[][], r: number, t: number[]): { loss: number; scale: number } {
  const n = A.length;
  const p = A[0].length;
  let loss = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      let sa = 0;
      for (let a = 0; a < r; a++) {
        s += t[i * r + a] * t[n * r + j * r + a];
        sa += Math.abs(t[i * r + a] * t[n * r + j * r + a]);
      }
      loss += (s - A[i][j]) ** 2 / 2;
      scale += (sa + Math.abs(A[i][j])) ** 2 / 2;
    }
  }
  return { loss, scale };
}

describe('matrix-factorization', () => {
  it('closed forms agree with finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30; loss is ½‖UVᵀ − A‖²', () => {
    assertDerivatives(
      matrixFactorization,
      instance,
      ({ A, rank }) => ({ data: { A, rank } }),
      { numRuns: 50, seed: 25 },
      (m, { A, rank, theta }) => {
        const { loss, scale } = naiveLoss(
          A.map((row) => row.map(Number)),
          Number(rank),
          theta.map(Number),
        );
        expect(Math.abs(m.bind(f64).loss(theta.map(Number)) - loss)).toBeLessThanOrEqual(1e-14 * scale);
      },
    );
  });

  it('n = p = r = 1 is the uv model with m = 1 and y = A', () => {
    const a = matrixFactorization.create({ dim: 2, data: { A: [['1.3']], rank: '1' } }).bind(f64);
    const b = uv.create({ dim: 2, params: { target: '1.3' } }).bind(f64);
    const t = [0.7, -1.1];
    const e = [0.6, 0.8];
    expect(a.loss(t)).toBeCloseTo(b.loss(t), 15);
    a.hessian(t).forEach((row, i) => row.forEach((h, j) => expect(h).toBeCloseTo(b.hessian(t)[i][j], 14)));
    a.third(t, e).forEach((x, i) => expect(x).toBeCloseTo(b.third(t, e)[i], 14));
  });

  it('at an exact factorization: loss 0, gradient 0, Hessian = Gauss–Newton Gram ⟨Ė(eᵢ), Ė(eⱼ)⟩', () => {
    // U (2×2), V (3×2), A = UVᵀ; rank 2 ≥ min(2, 3) so L* = 0 is published.
    const U = [
      [1, 2],
      [-0.5, 1],
    ];
    const V = [
      [1, 0],
      [0.5, -1],
      [2, 0.25],
    ];
    const A = U.map((ui) => V.map((vj) => String(ui[0] * vj[0] + ui[1] * vj[1])));
    const m = matrixFactorization.create({ dim: 10, data: { A, rank: '2' } });
    expect(m.lossStar).toBe('0');
    expect(m.thetaNames.slice(0, 5)).toEqual(['U1_1', 'U1_2', 'U2_1', 'U2_2', 'V1_1']);
    const F = decimalField(50);
    const b = m.bind(F);
    const t = [...U.flat(), ...V.flat()];
    const T = t.map((x) => F.from(String(x)));
    expect(F.toString(b.loss(T))).toBe('0');
    expect(F.toString(m.manifold!.residual(F, T))).toBe('0');
    expect(b.grad(T).every((g) => F.toString(g) === '0')).toBe(true);
    // Ė(e) = dU Vᵀ + U dVᵀ for a basis vector e, by plain loops.
    const dE = (k: number): number[][] => {
      const e = t.map((_, i) => (i === k ? 1 : 0));
      return [0, 1].map((i) => [0, 1, 2].map((j) => e[i * 2] * V[j][0] + e[i * 2 + 1] * V[j][1] + U[i][0] * e[4 + j * 2] + U[i][1] * e[4 + j * 2 + 1]));
    };
    const H = m.bind(f64).hessian(t);
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++) {
        const Ei = dE(i);
        const Ej = dE(j);
        let gram = 0;
        for (let a = 0; a < 2; a++) for (let c = 0; c < 3; c++) gram += Ei[a][c] * Ej[a][c];
        expect(H[i][j]).toBeCloseTo(gram, 13);
      }
    }
  });

  it('publishes L* only when the rank reaches min(n, p)', () => {
    const A = [
      ['1', '2'],
      ['3', '4'],
    ];
    const rank1 = matrixFactorization.create({ data: { A, rank: '1' } });
    expect(rank1.lossStar).toBeUndefined();
    expect(rank1.manifold).toBeUndefined();
    expect(matrixFactorization.create({ data: { A: [['1', '2', '3']], rank: '1' } }).lossStar).toBe('0');
    expect(matrixFactorization.create({ data: { A, rank: '3' } }).dim).toBe(12);
    expect(matrixFactorization.create({ data: { A: [['1']], rank: '2.0' } }).dim).toBe(4);
  });

  it('rejects bad input, naming the option', () => {
    const A = [
      ['1', '2'],
      ['3', '4'],
    ];
    expect(() => matrixFactorization.create({ data: { A, rank: '1.5' } })).toThrow(/data: "rank" must be a positive integer, got 1.5/);
    expect(() => matrixFactorization.create({ data: { A, rank: '0' } })).toThrow(/data: "rank" must be a positive integer/);
    expect(() => matrixFactorization.create({ data: { A, rank: '-2' } })).toThrow(/data: "rank" must be a positive integer/);
    expect(() => matrixFactorization.create({ data: { A } })).toThrow(/data: "rank" must be a finite number, got nothing/);
    expect(() => matrixFactorization.create({ data: { A, rank: [] } })).toThrow(/data: "rank"/);
    expect(() => matrixFactorization.create({ data: { rank: '1' } })).toThrow(/data: "A"/);
    expect(() => matrixFactorization.create({ data: { A: [['1', '2'], ['3']], rank: '1' } })).toThrow(/data: "A"\[1\] must be a row of 2 numbers/);
    expect(() => matrixFactorization.create({ data: { A, rank: '1', r: '1' } })).toThrow(/data: unknown key "r"/);
    expect(() => matrixFactorization.create({ dim: 5, data: { A, rank: '1' } })).toThrow(/theta: model matrix-factorization has 4 coordinates here, got 5/);
    expect(() => matrixFactorization.create({ data: { A, rank: '1' }, params: { rank: '1' } })).toThrow(/params: unknown parameter "rank"/);
  });
});
