import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInfo } from '../../dynamics/pointInfo.js';
import { diagonalLinear } from '../../models/diagonalLinear.js';
import { f64 } from '../../numerics/f64Field.js';
import { dot } from '../../numerics/linalg.js';
import { DIAG_PINNED, diagonalLinearEdgeFamilyArb, diagonalLinearEdgeModel, diagonalLinearJets, diagonalLinearThetaK } from './edgeFamilyDiagonalLinear.js';
import { fibreCriticalPoint, rowSpacePart } from './edgeFamilyLinearLabels.js';

const [inst] = fc.sample(diagonalLinearEdgeFamilyArb(), { seed: 1, numRuns: 1 });
const X = DIAG_PINNED.X;
const mk = (y: readonly string[]) => diagonalLinear.create({ dim: 10, data: { X: X.map((r) => [...r]), y: [...y] } }).bind(f64);

describe('the diagonal-linear edge family', () => {
  it('stores the θ_K its fibre descent reaches from the pinned draw, with the sharpness nearly stationary along the fibre', () => {
    expect(diagonalLinearThetaK(X, DIAG_PINNED.thetaStart)).toEqual(DIAG_PINNED.thetaK);
    const th = DIAG_PINNED.thetaK.map(Number);
    const m = diagonalLinearEdgeModel(X);
    const { f, J } = m.jets(th);
    const dS = pointInfo(m.bind(f), th).sharpnessGradient();
    const { part } = rowSpacePart(J, dS);
    // The part of ∇S that leaves the outputs unchanged: 1.0e-3 of ∇S where the descent stopped (docs).
    expect(Math.hypot(...dS.map((x, i) => x - part[i])) / Math.hypot(...dS)).toBeLessThan(2e-3);
  });

  it('builds labels with ∇L(θ_K) ≈ −μ∇S⊥, ∇L·u ≈ 0, α > 0 and η = 2/S (the model as the oracle)', () => {
    const th = inst.thetaK.map(Number);
    for (const rung of inst.rungs) {
      const P = pointInfo(mk(rung.y), th);
      const g = P.grad();
      const dS = P.sharpnessGradientPerp();
      const gn = Math.hypot(...g);
      // Exact when ∇S⊥ lies in the row space of J; here up to the 1e-3 the fibre descent left.
      expect(dot(f64, g, dS) / (gn * Math.hypot(...dS))).toBeLessThan(-1 + 1e-5);
      expect(Math.abs(dot(f64, g, P.top())) / gn).toBeLessThan(1e-3);
      const alpha = -dot(f64, g, dS);
      expect(alpha).toBeGreaterThan(0);
      expect(Math.abs(Number(rung.lr) * P.sharpness() - 2)).toBeLessThan(1e-8);
      // η²α = ε² at θ_K, to the labels' 12 digits and the fixed point's passes.
      expect(Math.abs((Number(rung.lr) ** 2 * alpha) / Number(rung.target) ** 2 - 1)).toBeLessThan(1e-3);
    }
  });

  it('its output jets agree with the model: ∇L = (1/n)Jᵀ(f − y)', () => {
    const rung = inst.rungs[1];
    const th = inst.thetaK.map(Number);
    const { f, J } = diagonalLinearJets(
      X.map((r) => r.map(Number)),
      th,
    );
    const want = th.map((_, i) => J.reduce((s, row, k) => s + (f[k] - Number(rung.y[k])) * row[i], 0) / X.length);
    mk(rung.y)
      .grad(th)
      .forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
  });
});

describe('rowSpacePart and fibreCriticalPoint', () => {
  it('split v into a combination of the rows of J and a remainder orthogonal to every row, also when J is rank-deficient', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (rows, v) => {
          // A repeated row makes JJᵀ singular.
          const J = [...rows, rows[0]];
          const { part, coeffs } = rowSpacePart(J, v);
          const scale = 1 + Math.hypot(...v);
          part.forEach((p, a) => expect(Math.abs(p - J.reduce((s, r, i) => s + r[a] * coeffs[i], 0))).toBeLessThan(1e-9 * scale));
          const rest = v.map((x, a) => x - part[a]);
          for (const r of J) expect(Math.abs(dot(f64, r, rest))).toBeLessThan(1e-7 * scale * (1 + Math.hypot(...r)));
        },
      ),
      { seed: 7, numRuns: 50 },
    );
  });

  it('fibreCriticalPoint stops where ∇S has no part along the outputs-preserving directions (a draw where it converges)', () => {
    const X2 = [
      ['0.25', '-0.71', '-0.64', '-1.16', '-1.84'],
      ['1.37', '0.92', '-0.38', '1.47', '-0.34'],
      ['1.78', '1.76', '-1.31', '-1.48', '-0.55'],
      ['0.59', '1.21', '0.33', '0.76', '1.60'],
    ];
    const m = diagonalLinearEdgeModel(X2);
    const start = [0.81, 1.46, 0.15, -0.5, 0.37, -0.91, 1.49, -1.24, -0.42, -0.77];
    const r = fibreCriticalPoint(m, start, 0.1);
    expect(r.nullPart).toBeLessThan(1e-10);
    // The outputs move only at second order along the fibre; the sharpness went down.
    const f0 = m.jets(start).f;
    const f1 = m.jets(r.theta).f;
    f1.forEach((x, i) => expect(Math.abs(x - f0[i])).toBeLessThan(0.05));
    expect(pointInfo(m.bind(f1), r.theta).sharpness()).toBeLessThan(pointInfo(m.bind(f0), start).sharpness());
  });
});
