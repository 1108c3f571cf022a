import { describe, expect, test } from 'vitest';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { rng } from '../numerics/rng.js';
import { dlnGdF64, dlnGdGeneric } from './dlnGd.js';

/** A small sparse-regression problem: X n×d entries in [−1, 1], y = Xβ*, u₀ = v₀ = α·1. */
function problem(seed: number, n: number, d: number, alpha: number) {
  const g = rng(seed);
  const r = () => g.next();
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => Math.round((2 * r() - 1) * 100) / 100));
  const beta = Array.from({ length: d }, (_, j) => (j < 2 ? 1 : 0));
  const Y = X.map((row) => row.reduce((s, x, j) => s + x * beta[j], 0));
  const u0 = new Array<number>(d).fill(alpha);
  return { X, Y, u0, v0: u0.slice() };
}

describe('dlnGd', () => {
  const cases = [
    { name: 'converged', seed: 3, gamma: 1, alpha: 0.3, o: { maxSteps: 3000, stop: 'loss' as const, tol: 1e-6 } },
    { name: 'two-cycle', seed: 4, gamma: 2, alpha: 0.3, o: { maxSteps: 3000, stop: 'loss' as const, tol: 1e-12 } },
    { name: 'steps', seed: 3, gamma: 1, alpha: 0.3, o: { maxSteps: 500, stop: 'grad' as const, tol: 1e-9 } },
    { name: 'diverged', seed: 5, gamma: 40, alpha: 0.1, o: { maxSteps: 3000, stop: 'loss' as const, tol: 1e-12 } },
  ];

  test.each(cases)('the Float64Array loop is the generic loop in f64, to the bit, with the same count (ends $name)', ({ name, seed, gamma, alpha, o }) => {
    const p = problem(seed, 6, 5, alpha);
    let nFast = 0;
    let nGen = 0;
    const fast = dlnGdF64(p, gamma, o, (k) => {
      nFast += k;
    });
    const gen = dlnGdGeneric(f64, p, gamma, o, (k) => {
      nGen += k;
    });
    expect(gen.status).toBe(name);
    expect(fast.status).toBe(gen.status);
    expect(fast.steps).toBe(gen.steps);
    expect(nFast).toBe(nGen);
    expect([fast.increases, fast.maxGammaG]).toEqual([gen.increases, gen.maxGammaG]);
    if (gen.status !== 'diverged') expect([fast.u, fast.v]).toEqual([gen.u, gen.v]);
  });

  test('f64 agrees with 50 digits (an independent precision) on a converging run', () => {
    const { X, Y, u0, v0 } = problem(3, 6, 5, 0.1);
    const D = decimalField(50);
    const o = { maxSteps: 400, stop: 'grad' as const, tol: 1e-30 };
    const a = dlnGdF64({ X, Y, u0, v0 }, 0.3, o, () => {});
    const b = dlnGdGeneric(
      D,
      { X: X.map((r) => r.map((x) => D.from(x))), Y: Y.map((y) => D.from(y)), u0: u0.map((x) => D.from(x)), v0: v0.map((x) => D.from(x)) },
      D.from(0.3),
      { ...o, tol: D.from(1e-30) },
      () => {},
    );
    expect(b.steps).toBe(a.steps);
    a.u.forEach((x, j) => expect(Math.abs(x - D.toNumber(b.u[j]))).toBeLessThan(1e-12));
  });
});
