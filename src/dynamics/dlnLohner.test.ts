import { expect, test } from 'vitest';
import { decimalField } from '../numerics/decimalField.js';
import { intervalField } from '../numerics/intervalField.js';
import { rng } from '../numerics/rng.js';
import { dlnGdGeneric } from './dlnGd.js';

/** X n×d of 2-decimal entries in [−1, 1], y = Xβ* with β* = e₁ + e₂, u₀ = α·1, v₀ = 0 (the hyperbolic start). */
function problem(seed: number, n: number, d: number) {
  const g = rng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => (Math.round((2 * g.next() - 1) * 100) / 100).toString()));
  const Y = X.map((row) => row.reduce((s, x, j) => s + (j < 2 ? Number(x) : 0), 0).toFixed(2));
  return { X, Y, u0: new Array<string>(d).fill('0.15'), v0: new Array<string>(d).fill('0') };
}

/** The run of `steps` GD steps (no stopping rule) in field F. */
function run<T>(F: { from(x: string): T }, p: ReturnType<typeof problem>, gamma: string, steps: number, run: typeof dlnGdGeneric<T>) {
  const f = (xs: readonly string[]) => xs.map((x) => F.from(x));
  return run(F as never, { X: p.X.map(f), Y: f(p.Y), u0: f(p.u0), v0: f(p.v0) }, F.from(gamma), { maxSteps: steps, stop: 'grad', tol: F.from('0') }, () => {});
}

test('interval GD on a diagonal network encloses a 40-digit run over 120 steps, and stays tight (a box grows to 1e-5)', () => {
  const p = problem(7, 5, 10);
  const I = intervalField(20);
  const D = decimalField(40);
  const a = run(I, p, '0.3', 120, dlnGdGeneric);
  const b = run(D, p, '0.3', 120, dlnGdGeneric);
  expect(a.status).toBe('steps');
  expect(b.status).toBe('steps');
  [...a.u, ...a.v].forEach((x, i) => {
    const y = [...b.u, ...b.v][i];
    expect(x.contains(y), `${D.toString(y)} ∉ ${I.toString(x)}`).toBe(true);
    expect(x.hi.minus(x.lo).toNumber()).toBeLessThan(1e-15);
  });
});
