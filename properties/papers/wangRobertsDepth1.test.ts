import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GdRunInstance, depth1NoRotation as claim } from '../../src/claims/wangRoberts/wangRoberts.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wr.depth1.no-rotation through its own check at f64, against GD and 2×2 eigenvectors written out here in doubles: on a
 * quadratic the growth ‖θ_T‖/‖θ₀‖ it reports, κ = η·λ_max and the relative eigengap; the step a run leaves the finite numbers;
 * the degenerate cases (A = I, θ₀ = 0); and its control on uv, where the top eigenvector of ∇²L = ggᵀ + r·[[0, 1], [1, 0]]
 * turns at the first step by the angle written out.
 */
const f64 = parsePrecision('f64');

const quad = (A: readonly (readonly string[])[], lr: string, steps: number, theta: readonly string[] = ['1', '1']) =>
  ({
    model: 'quadratic',
    params: {},
    data: { A, b: ['0', '0'] },
    thetaStar: ['0', '0'],
    theta,
    lr,
    steps,
  }) as unknown as GdRunInstance;

/** A = QΛQᵀ with Q's columns (0.6, 0.8), (−0.8, 0.6) and Λ = diag(1, 0.5). */
const A = [
  ['0.68', '0.24'],
  ['0.24', '0.82'],
];

/** ‖θ_T‖/‖θ₀‖ of GD θ⁺ = θ − ηAθ, and the first step whose iterate is not finite (−1 when none). */
function gdOnQuadratic(a: readonly (readonly string[])[], theta: readonly string[], lr: string, steps: number) {
  const M = a.map((r) => r.map(Number));
  let [x, y] = theta.map(Number);
  const n0 = Math.hypot(x, y);
  for (let k = 0; k < steps; k++) {
    [x, y] = [x - Number(lr) * (M[0][0] * x + M[0][1] * y), y - Number(lr) * (M[1][0] * x + M[1][1] * y)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { growth: Number.NaN, nonFinite: k + 1 };
  }
  return { growth: Math.hypot(x, y) / (n0 || 1), nonFinite: -1 };
}

/** Top unit eigenvector of the uv Hessian [[v², 2uv − 1], [2uv − 1, u²]] (y = 1). */
function uvTop(u: number, v: number): [number, number] {
  const [a, c, b] = [v * v, u * u, 2 * u * v - 1];
  const lam = (a + c) / 2 + Math.hypot((a - c) / 2, b);
  const [p, q] = Math.abs(b) > 0 ? [b, lam - a] : a >= c ? [1, 0] : [0, 1];
  const n = Math.hypot(p, q);
  return [p / n, q / n];
}

describe('wr.depth1.no-rotation on quadratics', () => {
  it('κ = 3 diverges along q_max and holds: growth, κ and the eigengap (1 − 0.5)/1 as written out', () => {
    const o = checkAt(claim, quad(A, '3', 40), f64, { mode: 'claim' }).outcome;
    expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'no_rotation', observed: 0, step: 0 } });
    const d = o.evidence.details ?? {};
    expect(Number(d.growth) / gdOnQuadratic(A, ['1', '1'], '3', 40).growth).toBeCloseTo(1, 10);
    expect(Number(d.kappa)).toBeCloseTo(3, 12);
    expect(Number(d.relGap)).toBeCloseTo(0.5, 12);
    expect(o.evidence.margin).toBeGreaterThan(0);
  });

  it('η = 1e200 leaves the finite numbers at the step written out: diverged (non_finite) there, not a rotation', () => {
    const { nonFinite } = gdOnQuadratic(A, ['1', '1'], '1e200', 5);
    expect(nonFinite).toBe(2);
    expect(checkAt(claim, quad(A, '1e200', 5), f64, { mode: 'claim' }).outcome).toMatchObject({
      verdict: 'diverged',
      evidence: { code: 'non_finite', step: nonFinite },
    });
  });

  it('A = I (every direction an eigenvector) has gap 0 and holds; θ₀ = 0 reports growth 0', () => {
    const iso = checkAt(
      claim,
      quad(
        [
          ['1', '0'],
          ['0', '1'],
        ],
        '0.5',
        3,
      ),
      f64,
      { mode: 'claim' },
    ).outcome;
    expect(iso).toMatchObject({ verdict: 'holds', evidence: { code: 'no_rotation', details: { relGap: 0, kappa: 0.5, growth: 0.125 } } });
    const zero = checkAt(claim, quad(A, '0.5', 3, ['0', '0']), f64, { mode: 'claim' }).outcome;
    expect(zero).toMatchObject({ verdict: 'holds', evidence: { details: { growth: 0 } } });
  });

  it('a model other than the quadratic is outside the claim', () => {
    const i = { model: 'uv', params: { target: '1' }, theta: ['2', '0.3'], lr: '0.3', steps: 5 } as unknown as GdRunInstance;
    expect(checkAt(claim, i, f64, { mode: 'claim' }).outcome.evidence.code).toBe('not_depth_one');
  });
});

describe('its control, the same check on uv', () => {
  it('the top eigenvector turns at step 0 by the angle written out; κ = η·λ₁(θ₁)', () => {
    for (const i of fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: 3 })) {
      const [u, v] = i.theta.map(Number);
      const eta = Number(i.lr);
      const r = u * v - 1;
      const [u1, v1] = [u - eta * (r * v), v - eta * (r * u)];
      const [a, b] = [uvTop(u, v), uvTop(u1, v1)];
      const angle = Math.acos(Math.min(1, Math.abs(a[0] * b[0] + a[1] * b[1])));
      const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
      expect([o.verdict, o.evidence.code, o.evidence.step]).toEqual(['violated', 'eigenvector_rotated', 0]);
      expect(o.evidence.observed).toBeCloseTo(angle, 9);
      expect(o.evidence.margin).toBeLessThan(0);
      const [p, q, s] = [v1 * v1, u1 * u1, 2 * u1 * v1 - 1];
      expect(Number(o.evidence.details?.kappa)).toBeCloseTo(eta * ((p + q) / 2 + Math.hypot((p - q) / 2, s)), 10);
    }
  });
});
