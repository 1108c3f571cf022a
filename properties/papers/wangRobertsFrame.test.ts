import { describe, expect, it } from 'vitest';
import { type GdRunInstance, depth1NoRotation, frameAt } from '../../src/claims/wangRoberts/wangRoberts.js';
import { checkAt } from '../../src/harness/evaluate.js';
import type { BoundModel } from '../../src/models/model.js';
import { f64 } from '../../src/numerics/f64Field.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * frameAt (the Hessian eigenframe the Wang–Roberts checks compare step to step) against the eigenpairs of a symmetric 2×2
 * matrix written out here as a rotation, (cos φ, sin φ) with φ = ½·atan2(2b, a − c), on both sides of a = c and b = 0, at a
 * negative eigenvalue, and on the degenerate frames (A = I: no gap; A = 0: no norm); and on a diagonal 3×3 (the eigensolver's
 * branch). And wr.depth1.no-rotation on the runs that reach its edge cases: a component alone leaving the finite numbers, no step.
 */
const frame = (H: number[][]) => frameAt(f64, { hessian: () => H } as unknown as BoundModel<number>, [0, 0]);
const unit = (v: readonly number[]) => v.map((x) => x / Math.hypot(...v));
/** |sin| of the angle between two lines. */
const offLine = (a: readonly number[], b: readonly number[]) => {
  const [p, q] = [unit(a), unit(b)];
  return Math.abs(p[0] * q[1] - p[1] * q[0]);
};

describe('frameAt on 2×2 Hessians', () => {
  it('top and second eigenvectors, λ₁ and the gap relative to max |λ| as written out', () => {
    for (const [a, b, c] of [
      [1, 0, 0.5],
      [0.5, 0, 1],
      [0.68, 0.24, 0.82],
      [0.82, -0.24, 0.68],
      [-2, 0, 1],
      [1, 0.3, 1],
    ]) {
      const f = frame([
        [a, b],
        [b, c],
      ]);
      const phi = Math.atan2(2 * b, a - c) / 2;
      const rho = Math.hypot((a - c) / 2, b);
      const [l1, l2] = [(a + c) / 2 + rho, (a + c) / 2 - rho];
      const what = `[[${a}, ${b}], [${b}, ${c}]]`;
      expect(offLine(f.top, [Math.cos(phi), Math.sin(phi)]), what).toBeLessThan(1e-15);
      expect(offLine(f.topField, f.top), what).toBe(0);
      expect(offLine(f.second ?? [], [-Math.sin(phi), Math.cos(phi)]), what).toBeLessThan(1e-15);
      expect(Math.hypot(...(f.second ?? [])), what).toBeCloseTo(Math.hypot(...f.top), 15);
      expect(f.lambda, what).toBeCloseTo(l1, 15);
      expect(f.relGap, what).toBeCloseTo((l1 - l2) / Math.max(Math.abs(l1), Math.abs(l2)), 15);
    }
  });

  it('A = I has no top direction: the frame (e₁, e₂) with gap 0; A = 0 has no norm: gap ∞', () => {
    expect(
      frame([
        [1, 0],
        [0, 1],
      ]),
    ).toEqual({ top: [1, 0], topField: [1, 0], second: [0, 1], relGap: 0, lambda: 1 });
    expect(
      frame([
        [0, 0],
        [0, 0],
      ]).relGap,
    ).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('frameAt on 3×3 Hessians (the eigensolver)', () => {
  it('diag(3, 2, 1): e₁, e₂, λ₁ = 3, gap 1/3; the zero matrix: gap ∞', () => {
    const f = frame([
      [3, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ]);
    expect(offLine(f.top.slice(0, 2), [1, 0])).toBe(0);
    expect(Math.abs(f.top[0])).toBeGreaterThan(0.99);
    expect(Math.abs(f.second?.[1] ?? 0)).toBeGreaterThan(0.99);
    expect(f.lambda).toBeCloseTo(3, 12);
    expect(f.relGap).toBeCloseTo(1 / 3, 12);
    const zero = frame([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(zero.relGap).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('wr.depth1.no-rotation at its edges', () => {
  const f64p = parsePrecision('f64');
  const quad = (A: string[][], lr: string, steps: number) =>
    ({ model: 'quadratic', params: {}, data: { A, b: ['0', '0'] }, thetaStar: ['0', '0'], theta: ['1', '1'], lr, steps }) as unknown as GdRunInstance;

  it('A = diag(1, 0), η = 1e200: θ₁ overflows at step 2 while θ₂ stays 1, which is already a non-finite iterate', () => {
    const o = checkAt(
      depth1NoRotation,
      quad(
        [
          ['1', '0'],
          ['0', '0'],
        ],
        '1e200',
        5,
      ),
      f64p,
      { mode: 'claim' },
    ).outcome;
    expect(o).toMatchObject({ verdict: 'diverged', evidence: { code: 'non_finite', step: 2 } });
  });

  it('zero steps compare nothing: holds with the whole tolerance as margin', () => {
    const o = checkAt(
      depth1NoRotation,
      quad(
        [
          ['0.68', '0.24'],
          ['0.24', '0.82'],
        ],
        '0.5',
        0,
      ),
      f64p,
      { mode: 'claim' },
    ).outcome;
    expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'no_rotation', observed: 0, step: 0 } });
    expect(o.evidence.margin).toBe(o.evidence.bound);
  });

  it('uv 2e-14 off its minimizer (2, 0.5) with η·S = 2.55 (control: the depth-1 hypothesis waived): the angles grow below the tolerance; the largest is reported, at its step', () => {
    const i = { model: 'uv', params: { target: '1' }, theta: ['2', '0.50000000000001'], lr: '0.6', steps: 5 } as unknown as GdRunInstance;
    // The top line of ∇²L = ggᵀ + r·[[0, 1], [1, 0]] (g = (v, u)) as the angle φ = ½·atan2(2(2uv − 1), v² − u²), step by step.
    let [u, v] = [2, 0.50000000000001];
    const phis = [Math.atan2(2 * (2 * u * v - 1), v * v - u * u) / 2];
    for (let k = 0; k < 5; k++) {
      const r = u * v - 1;
      [u, v] = [u - 0.6 * (r * v), v - 0.6 * (r * u)];
      phis.push(Math.atan2(2 * (2 * u * v - 1), v * v - u * u) / 2);
    }
    const angles = phis.slice(1).map((p, k) => Math.abs(p - phis[k]));
    for (let k = 1; k < 5; k++) expect(angles[k]).toBeGreaterThan(angles[k - 1]);
    const o = checkAt(depth1NoRotation, i, f64p, { mode: 'control' }).outcome;
    expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'no_rotation', step: 4 } });
    expect(o.evidence.observed / angles[4]).toBeCloseTo(1, 1);
    expect(o.evidence.observed).toBeLessThan(o.evidence.bound);
    expect(o.evidence.margin / (o.evidence.bound - o.evidence.observed)).toBeCloseTo(1, 2);
  });
});
