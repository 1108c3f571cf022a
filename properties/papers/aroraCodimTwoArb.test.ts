import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CodimInstance, codimArb, LADDER, NGD_SHAPE, runner, SQRT_SHAPE } from '../../src/claims/arora/codimTwoArb.js';
import { createContext } from '../../src/harness/checkContext.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { decoupledDiagonal } from '../../test-support/decoupledDiagonal.js';

/**
 * The instances of the codimension ≥ 2 claims against their stated construction: d ∈ {2, 3} weights and
 * n = d + 1 samples, X = I + a perturbation in [−0.5, 0.5] on its first d rows and a free last row, y in
 * the range of X (Γ made of exact minimizers, L* = 0: the least-squares residual of y on X vanishes),
 * x_init within 0.05 of a point with entries in [0.5, 2]; deep linear: widths [2, 2, 2], Y = MX for a
 * 2×2 M (residual 0 again); the ladder and T of the family. And the runner runs the rule named.
 */
const f64 = parsePrecision('f64');

/** The least-squares residual ‖Xb − y‖ of y on the columns of X (normal equations, Gaussian elimination). */
function residual(X: readonly (readonly number[])[], y: readonly number[]): number {
  const d = X[0].length;
  const A = Array.from({ length: d }, (_, k) => [
    ...Array.from({ length: d }, (_, l) => X.reduce((s, r) => s + r[k] * r[l], 0)),
    X.reduce((s, r, i) => s + r[k] * y[i], 0),
  ]);
  for (let k = 0; k < d; k++)
    for (let i = k + 1; i < d; i++) {
      const f = A[i][k] / A[k][k];
      for (let l = k; l <= d; l++) A[i][l] -= f * A[k][l];
    }
  const b = new Array<number>(d).fill(0);
  for (let k = d - 1; k >= 0; k--) b[k] = (A[k][d] - A[k].slice(k + 1, d).reduce((s, a, l) => s + a * b[k + 1 + l], 0)) / A[k][k];
  return Math.hypot(...X.map((r, i) => r.reduce((s, x, l) => s + x * b[l], 0) - y[i]));
}

const num = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map(Number));

function checkDesign(i: CodimInstance, d: number) {
  const X = num(i.data.X);
  expect(X.length).toBe(d + 1);
  X.forEach((row, r) => {
    expect(row.length).toBe(d);
    row.forEach((x, c) => {
      const off = r < d && r === c ? x - 1 : x;
      expect(Math.abs(off)).toBeLessThanOrEqual(0.5);
    });
  });
}

describe('codimArb', () => {
  for (const [rule, run, shape] of [
    ['ngd', 'ngd', NGD_SHAPE],
    ['sqrt-gd', 'gd', SQRT_SHAPE],
  ] as const) {
    it(`${rule} (running ${run}): draws built as stated, on both models, with the family's ladder and T`, () => {
      const draws = fc.sample(codimArb(rule, run, shape), { seed: 1, numRuns: 40 });
      const dims = new Set<string>();
      for (const i of draws) {
        expect([i.rule, i.run, i.lrs]).toEqual([rule, run, shape.lrs]);
        const T = Number(i.horizon);
        expect(T).toBeGreaterThanOrEqual(shape.horizon[0]);
        expect(T).toBeLessThanOrEqual(shape.horizon[1]);
        expect(Math.round(T * 10) / 10).toBe(T);
        const theta = i.theta.map(Number);
        if (i.model === 'diagonal-linear') {
          const d = theta.length / 2;
          dims.add(`diagonal-linear d=${d}`);
          checkDesign(i, d);
          expect(residual(num(i.data.X), (i.data.y ?? []).map(Number))).toBeLessThan(1e-12);
          for (const t of theta) expect(t >= 0.45 && t <= 2.05, `${t}`).toBe(true);
        } else {
          dims.add('deep-linear');
          expect(i.data.widths).toEqual(['2', '2', '2']);
          expect(theta.length).toBe(8);
          checkDesign(i, 2);
          const Y = num(i.data.Y ?? []);
          for (const c of [0, 1])
            expect(
              residual(
                num(i.data.X),
                Y.map((r) => r[c]),
              ),
            ).toBeLessThan(1e-12);
          for (const t of theta) expect(Math.abs(t)).toBeLessThanOrEqual(1.55);
        }
      }
      expect(dims).toEqual(new Set(['diagonal-linear d=2', 'diagonal-linear d=3', 'deep-linear']));
    });
  }

  it('NGD’s ladder spans 0.08 … 0.01 and √L-GD’s 0.01 … 0.00125, each 4 values halving', () => {
    expect(NGD_SHAPE.lrs).toBe(LADDER);
    for (const lrs of [LADDER, SQRT_SHAPE.lrs]) {
      expect(lrs.length).toBe(4);
      lrs.slice(1).forEach((lr, k) => expect(Number(lrs[k]) / Number(lr)).toBe(2));
    }
  });
});

describe('runner', () => {
  it('runs NGD, √L-GD with L* = 0 (it stops on Γ) and plain GD, each from its own update', () => {
    const { ctx } = createContext({ precision: f64, tolerance: { rel: 0 }, mode: 'claim', budget: 1e9 });
    const F = ctx.F;
    const net = (theta: readonly string[]) => ctx.model(decoupledDiagonal(theta));
    // Off Γ at θ = (2.1, 1, 1, 0.5): ∇L = (v₁g₁, 0, u₁g₁, 0) with g₁ = (2.1 − 2)/3.
    const { model, theta } = net(['2.1', '1', '1', '0.5']);
    const g1 = 0.1 / 3;
    const grad = [g1, 0, 2.1 * g1, 0];
    const gn = Math.hypot(...grad);
    const L = (0.1 * 0.1) / 6;
    const next = (rule: 'ngd' | 'sqrt-gd' | 'gd') =>
      runner(model, rule, '0.01')
        .step(runner(model, rule, '0.01').init(theta))
        .theta.map((x) => F.toNumber(x));
    const expected = (scale: number) => [2.1, 1, 1, 0.5].map((x, k) => x - scale * grad[k]);
    next('ngd').forEach((x, k) => expect(x).toBeCloseTo(expected(0.01 / gn)[k], 14));
    next('sqrt-gd').forEach((x, k) => expect(x).toBeCloseTo(expected(0.01 / (2 * Math.sqrt(L)))[k], 14));
    next('gd').forEach((x, k) => expect(x).toBeCloseTo(expected(0.01)[k], 14));
    const on = net(['2', '1', '1', '0.5']);
    const opt = runner(on.model, 'sqrt-gd', '0.01');
    expect(opt.step(opt.init(on.theta)).fixedPoint).toBeDefined();
  });
});
