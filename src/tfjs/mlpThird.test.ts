import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMlpF64, initMlpF64, randomLabelData } from './mlpF64.js';
import { ACTIVATIONS, type Activation, type MlpData, type MlpSpec } from './mlpSpec.js';

/**
 * ∇³L[u,u] of the float64 MLP against two oracles:
 * - the loss written here from its definition in 50-digit decimal arithmetic, differenced to third
 *   order: ∂ᵢ(uᵀ∇²L u) = ∂_s∂_t² L(θ + s eᵢ + t u) by the six-point central stencil
 *   [g(h,h) − 2g(h,0) + g(h,−h) − g(−h,h) + 2g(−h,0) − g(−h,−h)]/(2h³), h = 1e-10: truncation
 *   ~h² = 1e-20, rounding ~1e-50/h³ = 1e-20 — exact to far below float64, and sharing no code with
 *   the implementation. The f64 result is then held to 1e-11 normwise relative: its own rounding
 *   (sums of n·width products through ≤ 3 layers, ~1e-15 each, with cancellation up to ~10³ on
 *   these sizes) is measured at ≤ 1e-13, and any missing or wrong term of the Taylor recursion
 *   is O(1) relative;
 * - the derivative of the (separately tested) HVP: v·∇³L[u,u] against central differences of
 *   θ ↦ uᵀ∇²L(θ)u along v in float64 (h = 1e-4: truncation h²/6·|φ‴| ~ 1e-9, rounding ε|φ|/h ~ 1e-12),
 *   held to 1e-6·(1 + |value|).
 */

const P = Decimal.clone({ precision: 50 });
type Dec = InstanceType<typeof P>;

function act(a: Activation, z: Dec): Dec {
  switch (a) {
    case 'tanh':
      return z.tanh();
    case 'relu':
      return z.gt(0) ? z : new P(0);
    case 'softplus':
      return z.exp().plus(1).ln();
    case 'linear':
      return z;
    case 'sigmoid':
      return new P(1).div(z.neg().exp().plus(1));
  }
}

/** L(θ) from the definition, one sample at a time, at 50 digits (MSE or softmax cross-entropy). */
function decimalLoss(spec: MlpSpec, data: MlpData, theta: readonly Dec[]): Dec {
  const k = spec.outputDim ?? 1;
  const sizes = [spec.inputDim, ...spec.widths, k];
  let total = new P(0);
  for (let i = 0; i < data.n; i++) {
    let a: Dec[] = Array.from(data.x.subarray(i * spec.inputDim, (i + 1) * spec.inputDim), (x) => new P(x));
    let off = 0;
    for (let l = 1; l < sizes.length; l++) {
      const [fin, fout] = [sizes[l - 1], sizes[l]];
      const next: Dec[] = [];
      for (let j = 0; j < fout; j++) {
        let z = theta[off + fin * fout + j];
        for (let c = 0; c < fin; c++) z = z.plus(theta[off + j * fin + c].times(a[c]));
        next.push(l < sizes.length - 1 ? act(spec.activation, z) : z);
      }
      off += fin * fout + fout;
      a = next;
    }
    const y = Array.from(data.y.subarray(i * k, (i + 1) * k), (x) => new P(x));
    if (spec.loss === 'cross-entropy') {
      const lse = a.reduce((s, f) => s.plus(f.exp()), new P(0)).ln();
      total = total.plus(lse.minus(a.reduce((s, f, j) => s.plus(f.times(y[j])), new P(0))));
    } else {
      total = total.plus(a.reduce((s, f, j) => s.plus(f.minus(y[j]).pow(2)), new P(0)).div(2));
    }
  }
  return total.div(data.n);
}

function decimalThird(spec: MlpSpec, data: MlpData, theta: Float64Array, u: Float64Array): number[] {
  const h = new P('1e-10');
  const th = Array.from(theta, (x) => new P(x));
  const U = Array.from(u, (x) => new P(x));
  const g = (i: number, s: number, t: number) =>
    decimalLoss(
      spec,
      data,
      th.map((x, k) => x.plus(U[k].times(h).times(t)).plus(k === i ? h.times(s) : 0)),
    );
  return th.map((_, i) => {
    const num = g(i, 1, 1)
      .minus(g(i, 1, 0).times(2))
      .plus(g(i, 1, -1))
      .minus(g(i, -1, 1))
      .plus(g(i, -1, 0).times(2))
      .minus(g(i, -1, -1));
    return num.div(h.pow(3).times(2)).toNumber();
  });
}

/** A network with its biases moved off 0 (so their derivatives are exercised) and a direction u. */
function setup(spec: MlpSpec, n: number, seed: number) {
  const k = spec.outputDim ?? 1;
  const base = randomLabelData(spec.inputDim, n, seed + 7);
  let data: MlpData = base;
  if (k > 1) {
    // Soft labels: any probability vector per sample.
    const y = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += y[i * k + j] = 1 + Math.sin(3 * i + j + seed) ** 2;
      for (let j = 0; j < k; j++) y[i * k + j] /= s;
    }
    data = { ...base, y };
  }
  const theta = initMlpF64(spec, seed);
  for (let q = 0; q < theta.length; q++) if (theta[q] === 0) theta[q] = 0.3 * Math.sin(1.7 * q + seed);
  const u = Float64Array.from(theta, (_, q) => Math.cos(2.3 * q + seed));
  return { data, net: createMlpF64(spec, data), theta, u };
}

const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, x) => s + x * x, 0));
const relDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => norm(Array.from(a, (x, q) => x - b[q])) / Math.max(norm(b), 1e-300);

const specArb = fc
  .record({
    inputDim: fc.integer({ min: 1, max: 3 }),
    widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
    activation: fc.constantFrom(...ACTIVATIONS.filter((a) => a !== 'relu')),
    head: fc.constantFrom<[number, 'mse' | 'cross-entropy']>([1, 'mse'], [2, 'mse'], [2, 'cross-entropy'], [3, 'cross-entropy']),
  })
  .map(({ head: [outputDim, loss], ...s }): MlpSpec => ({ ...s, outputDim, loss }));

describe('mlpF64: ∇³L[u,u]', () => {
  let worst = 0;
  it('matches third-order differences of the 50-digit loss to 1e-11 (smooth activations, MSE and cross-entropy, depth 1–2)', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), (spec, n, seed) => {
        const { data, net, theta, u } = setup(spec, n, seed);
        const err = relDiff(net.third(theta, u), decimalThird(spec, data, theta, u));
        worst = Math.max(worst, err);
        expect(err).toBeLessThan(1e-11);
      }),
      { numRuns: 12, seed: 71 },
    );
    // Measured worst 9.3e-16 (float64 rounding); exactly 0 would mean the oracle compared nothing.
    expect(worst).toBeGreaterThan(0);
  });

  it('ReLU away from its kinks: σ″ = σ‴ = 0, the same oracle', () => {
    const spec: MlpSpec = { inputDim: 3, widths: [4, 3], activation: 'relu' };
    const { data, net, theta, u } = setup(spec, 4, 5);
    expect(relDiff(net.third(theta, u), decimalThird(spec, data, theta, u))).toBeLessThan(1e-11);
  });

  it('v·∇³L[u,u] is the derivative of uᵀ∇²L u along v (central differences of the HVP)', () => {
    for (const [spec, seed] of [
      [{ inputDim: 4, widths: [6, 5], activation: 'tanh' }, 1],
      [{ inputDim: 3, widths: [8], activation: 'softplus', outputDim: 3, loss: 'cross-entropy' }, 2],
      [{ inputDim: 2, widths: [5, 5, 4], activation: 'sigmoid', outputDim: 2 }, 3],
    ] as [MlpSpec, number][]) {
      const { net, theta, u } = setup(spec, 6, seed);
      const v = Float64Array.from(theta, (_, q) => Math.sin(0.7 * q + 1));
      const h = 1e-4;
      const uHu = (t: Float64Array) => net.hvp(t, u).reduce((s, x, q) => s + x * u[q], 0);
      const fd = (uHu(theta.map((x, q) => x + h * v[q])) - uHu(theta.map((x, q) => x - h * v[q]))) / (2 * h);
      const exact = net.third(theta, u).reduce((s, x, q) => s + x * v[q], 0);
      expect(Math.abs(exact - fd), spec.activation).toBeLessThan(1e-6 * (1 + Math.abs(exact)));
    }
  });

  it('does not modify θ or u, writes into `out`, and checks lengths', () => {
    const spec: MlpSpec = { inputDim: 2, widths: [3], activation: 'tanh' };
    const { net, theta, u } = setup(spec, 3, 9);
    const [t0, u0] = [theta.slice(), u.slice()];
    const out = new Float64Array(net.dim);
    expect(net.third(theta, u, out)).toBe(out);
    expect(theta).toEqual(t0);
    expect(u).toEqual(u0);
    expect(net.third(theta, u)).toEqual(out);
    expect(() => net.third(theta, new Float64Array(2))).toThrow(/u has 2 entries/);
  });
});
