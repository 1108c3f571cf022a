import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quadratic } from './quadratic.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { microVector } from '../../test-support/decimalArbs.js';

/** A random symmetric p×p matrix (upper triangle mirrored), b or no b, θ and two directions. */
const instance = fc.integer({ min: 1, max: 4 }).chain((p) =>
  fc
    .record({
      upper: microVector((p * (p + 1)) / 2, -2, 2),
      b: fc.option(microVector(p, -2, 2), { nil: undefined }),
      theta: microVector(p, -2, 2),
      u: microVector(p, -1, 1),
      v: microVector(p, -1, 1),
    })
    .map((r) => {
      const A: string[][] = Array.from({ length: p }, () => new Array<string>(p));
      let k = 0;
      for (let i = 0; i < p; i++) for (let j = i; j < p; j++) A[i][j] = A[j][i] = r.upper[k++];
      return { ...r, A };
    }),
);

describe('quadratic', () => {
  it('closed forms agree with finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30; loss is ½θᵀAθ − bᵀθ', () => {
    assertDerivatives(
      quadratic,
      instance,
      ({ A, b }) => ({ data: { A, ...(b === undefined ? {} : { b }) } }),
      { numRuns: 60, seed: 21 },
      (m, { A, b, theta }) => {
        // The definition itself, by plain loops in f64.
        const t = theta.map(Number);
        let naive = 0;
        let scale = 0;
        for (let i = 0; i < t.length; i++) {
          for (let j = 0; j < t.length; j++) {
            naive += 0.5 * t[i] * Number(A[i][j]) * t[j];
            scale += Math.abs(0.5 * t[i] * Number(A[i][j]) * t[j]);
          }
          const bi = b === undefined ? 0 : Number(b[i]);
          naive -= bi * t[i];
          scale += Math.abs(bi * t[i]);
        }
        expect(Math.abs(m.bind(f64).loss(t) - naive)).toBeLessThanOrEqual(1e-14 * scale);
      },
    );
  });

  it('has Hessian A, third derivative 0, and gradient 0 at A⁻¹b', () => {
    const A = [
      ['2', '1'],
      ['1', '3'],
    ];
    const m = quadratic.create({ dim: 2, data: { A, b: ['3', '4'] } });
    const b = m.bind(f64);
    // A⁻¹b = (1, 1)
    expect(b.grad([1, 1])).toEqual([0, 0]);
    expect(b.hessian([5, -7])).toEqual([
      [2, 1],
      [1, 3],
    ]);
    expect(b.third([5, -7], [0.3, 0.4])).toEqual([0, 0]);
    expect(b.loss([1, 1])).toBe(-3.5);
    expect(b.hvp([0, 0], [1, -1])).toEqual([1, -2]);
    expect(m.lossStar).toBeUndefined();
    expect(m.thetaNames).toEqual(['theta1', 'theta2']);
  });

  it('keeps the decimal meaning of data and treats a missing b as 0', () => {
    const m = quadratic.create({ data: { A: [['0.1']] } });
    const F = decimalField(50);
    expect(F.toString(m.bind(F).loss([F.from('10')]))).toBe('5');
    expect(m.dim).toBe(1);
  });

  it('accepts symmetry up to decimal spelling (0.5 = 0.50 = 5e-1)', () => {
    expect(() =>
      quadratic.create({
        data: {
          A: [
            ['1', '0.5'],
            ['5e-1', '1'],
          ],
        },
      }),
    ).not.toThrow();
  });

  it('rejects bad input, naming the option', () => {
    expect(() =>
      quadratic.create({
        data: {
          A: [
            ['1', '0.5'],
            ['0.5000001', '1'],
          ],
        },
      }),
    ).toThrow(/data: "A" must be symmetric/);
    expect(() => quadratic.create({ data: { A: [['1', '2']] } })).toThrow(/data: "A" must be square/);
    expect(() => quadratic.create({ data: { b: ['1'] } })).toThrow(/data: "A"/);
    expect(() => quadratic.create({})).toThrow(/data: model quadratic needs data/);
    expect(() => quadratic.create({ data: { A: [['1']], b: ['1', '2'] } })).toThrow(/data: "b" must have 1 entries/);
    expect(() => quadratic.create({ data: { A: [['1']], B: ['1'] } })).toThrow(/data: unknown key "B"/);
    expect(() => quadratic.create({ dim: 3, data: { A: [['1']] } })).toThrow(/theta: model quadratic has 1 coordinates here, got 3/);
    expect(() => quadratic.create({ data: { A: [['1']] }, params: { mu: '1' } })).toThrow(/params: unknown parameter "mu"/);
  });
});
