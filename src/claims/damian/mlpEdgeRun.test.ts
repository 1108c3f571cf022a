import { describe, expect, it } from 'vitest';
import { denseHessianF64 } from '../../../test-support/denseHessian.js';
import { eigSymF64 } from '../../numerics/eigSymF64.js';
import { initMlpF64, type MlpF64 } from '../../tfjs/mlpF64.js';
import { linearProject, taylorCenter, topPairs } from '../../dynamics/taylorCenter.js';
import { mlpEdgeNet, mlpEdgeSpec } from './mlpEdgeRun.js';

/**
 * The pieces of the float64 MLP pipeline against an independent oracle: the dense Hessian, built
 * column by column from exact HVPs of unit vectors and diagonalised by eigSymF64 (no Lanczos).
 */
function denseTop(net: MlpF64, theta: Float64Array): { values: number[]; u: number[] } {
  const H = denseHessianF64(net.dim, (e) => net.hvp(theta, e));
  // Symmetrise the rounding of the columns.
  const S = H.map((row, i) => row.map((x, j) => (x + H[j][i]) / 2));
  const r = eigSymF64(S);
  return { values: [r.values[0], r.values[1]], u: [...r.vectors[0]] };
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0);

describe('mlpEdgeRun against the dense Hessian', () => {
  const net = mlpEdgeNet('digits', 14);
  const theta = initMlpF64(mlpEdgeSpec('digits'), 7);

  it('topPairs: the top two Lanczos pairs are the dense Hessian’s', () => {
    const oracle = denseTop(net, theta);
    const r = topPairs(net, theta, undefined, () => {}, 2);
    expect(Math.abs(r.values[0] - oracle.values[0])).toBeLessThan(1e-8 * oracle.values[0]);
    expect(Math.abs(r.values[1] - oracle.values[1])).toBeLessThan(1e-6 * oracle.values[0]);
    expect(Math.abs(dot(r.vectors[0], oracle.u))).toBeGreaterThan(1 - 1e-8);
  });

  it('linearProject: iterated, it reaches the stable set {S ≤ 2/η, ∇L·u = 0}, with S at 2/η where the sharpness constraint binds (dense Hessian)', () => {
    let c = taylorCenter(net, theta, topPairs(net, theta, undefined, () => {}).vectors[0]);
    const grad = (x: Float64Array) => net.grad(x);
    const unit = (x: Float64Array) => Math.abs(dot(denseTop(net, x).u, grad(x))) / Math.sqrt(dot(grad(x), grad(x)));
    // From θ₀ (|u·∇L| = 0.42‖∇L‖) with 2/η = 0.99·S: the Newton step along u alone brings S below 2/η.
    const edge = 0.99 * c.S;
    for (let k = 0; k < 12; k++) c = linearProject(net, c, edge);
    expect(denseTop(net, c.p).values[0]).toBeLessThanOrEqual(edge * (1 + 1e-9));
    expect(unit(c.p)).toBeLessThan(1e-8);
    // From that point (∇L·u = 0) with 2/η at 0.99 of its sharpness the constraint binds: S lands on 2/η up to
    // the linearisation's second-order overshoot, (1e-2)² relative, and never above it.
    const edge2 = 0.99 * c.S;
    for (let k = 0; k < 12; k++) c = linearProject(net, c, edge2);
    const S = denseTop(net, c.p).values[0];
    expect(S).toBeLessThanOrEqual(edge2 * (1 + 1e-9));
    expect(S).toBeGreaterThan(edge2 * (1 - 1e-4));
    expect(unit(c.p)).toBeLessThan(1e-8);
  });
});
