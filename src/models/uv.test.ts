import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uv } from './uv.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { expectLossOfFormula, expectSymbolicAgreement, symbolicOracle } from '../../test-support/symbolicOracle.js';
import { microDecimal, microVector } from '../../test-support/decimalArbs.js';

/** The objective written out for mathjs, independently of the model code. */
function objective(m: number, y: string): { expr: string; vars: string[] } {
  const vars = [...Array.from({ length: m }, (_, i) => `u${i + 1}`), ...Array.from({ length: m }, (_, i) => `v${i + 1}`)];
  const dot = Array.from({ length: m }, (_, i) => `u${i + 1}*v${i + 1}`).join(' + ');
  return { expr: `((${dot}) / sqrt(${m}) - (${y}))^2 / 2`, vars };
}

describe('uv', () => {
  it('closed forms agree with finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30; loss matches mathjs', () => {
    const cases = fc
      .integer({ min: 1, max: 4 })
      .chain((m) => fc.record({ theta: microVector(2 * m, -2, 2), u: microVector(2 * m, -1, 1), v: microVector(2 * m, -1, 1), y: microDecimal(-2, 2) }));
    assertDerivatives(
      uv,
      cases,
      ({ y }) => ({ params: { target: y } }),
      { numRuns: 60, seed: 23 },
      (model, { theta, y }) => {
        const { expr, vars } = objective(theta.length / 2, y);
        expectLossOfFormula(model, expr, vars, theta);
      },
    );
  });

  it('Hessian and ∇³L[e,e] match mathjs symbolic derivatives (m = 2)', () => {
    const { expr, vars } = objective(2, '0.7');
    const oracle = symbolicOracle(expr, vars);
    const model = uv.create({ dim: 4, params: { target: '0.7' } }).bind(f64);
    fc.assert(
      fc.property(microVector(4, -2, 2), microVector(4, -1, 1), (ts, es) => {
        expectSymbolicAgreement(model, oracle, ts.map(Number), es.map(Number));
      }),
      { numRuns: 8, seed: 3 },
    );
  });

  it('m = 1 matches docs/claims/wang-xu-zhao-tao.md: H = [[v², 2uv − y], [2uv − y, u²]], ∇³L[e,e] = (4v eᵤe_v + 2u e_v², 2v eᵤ² + 4u eᵤe_v)', () => {
    const b = uv.create({ dim: 2, params: { target: '1.5' } }).bind(f64);
    const [u, v, y] = [0.8, -1.7, 1.5];
    const H = b.hessian([u, v]);
    expect(H[0][0]).toBeCloseTo(v * v, 14);
    expect(H[1][1]).toBeCloseTo(u * u, 14);
    expect(H[0][1]).toBeCloseTo(2 * u * v - y, 14);
    expect(H[1][0]).toBeCloseTo(2 * u * v - y, 14);
    const [eu, ev] = [0.6, 0.8];
    const T = b.third([u, v], [eu, ev]);
    expect(T[0]).toBeCloseTo(4 * v * eu * ev + 2 * u * ev * ev, 14);
    expect(T[1]).toBeCloseTo(2 * v * eu * eu + 4 * u * eu * ev, 14);
  });

  it('at a minimizer H = ggᵀ, so S = (‖u‖² + ‖v‖²)/m with top eigenvector (v, u)', () => {
    // m = 3, y = 2: a minimizer has vᵀu = 2√3.
    const F = decimalField(60);
    const m = uv.create({ dim: 6, params: { target: '2' } });
    const b = m.bind(F);
    const root3 = F.sqrt(F.int(3));
    const u = [F.from('1'), F.from('2'), F.from('0.5')];
    // vᵀu = 2√3 with v = c·(1, 1, 2), uᵀ(1, 1, 2) = 4: c = √3/2.
    const c = F.div(root3, F.int(2));
    const v = [c, c, F.mul(c, F.int(2))];
    const theta = [...u, ...v];
    expect(Math.abs(F.toNumber(b.loss(theta)))).toBeLessThan(1e-100);
    expect(Math.abs(F.toNumber(m.manifold!.residual(F, theta)))).toBeLessThan(1e-55);
    const H = b.hessian(theta);
    const g = [...v, ...u].map((x) => F.div(x, root3));
    let S = F.zero;
    for (const x of theta) S = F.add(S, F.mul(x, x));
    S = F.div(S, F.int(3));
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) expect(Math.abs(F.toNumber(F.sub(H[i][j], F.mul(g[i], g[j]))))).toBeLessThan(1e-55);
    }
    const Hg = b.hvp(theta, g);
    for (let i = 0; i < 6; i++) expect(Math.abs(F.toNumber(F.sub(Hg[i], F.mul(S, g[i]))))).toBeLessThan(1e-55);
    expect(F.toNumber(S)).toBeCloseTo((1 + 4 + 0.25 + 0.75 + 0.75 + 3) / 3, 14);
    expect(m.lossStar).toBe('0');
    expect(m.thetaNames).toEqual(['u1', 'u2', 'u3', 'v1', 'v2', 'v3']);
  });

  it('rejects bad input, naming the option', () => {
    expect(() => uv.create({ dim: 3 })).toThrow(/theta: model uv needs a multiple of 2, at least 2 coordinates, got 3/);
    expect(() => uv.create({ dim: 0 })).toThrow(/theta/);
    expect(() => uv.create({})).toThrow(/theta: model uv takes its size from θ/);
    expect(() => uv.create({ dim: 2, params: { target: 'one' } })).toThrow(/params: target must be a decimal number/);
    expect(() => uv.create({ dim: 2, params: { width: '2' } })).toThrow(/params: unknown parameter "width"/);
  });
});
