import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eigSymF64 } from '../numerics/eigSymF64.js';
import { lanczos } from '../spectral/lanczos.js';
import { ACTIVATIONS, createMlpF64, initMlpF64, mlpParamCount, randomLabelData, teacherData, type Activation, type MlpData, type MlpSpec } from './mlpF64.js';

/**
 * Oracles independent of the implementation under test:
 * - a naive per-sample forward pass written here from the definition (loss, and the pre-activations
 *   to keep ReLU finite differences away from kinks);
 * - central finite differences of the loss (for the gradient) and of the gradient (for the HVP);
 * - the dense Hessian assembled from HVPs must be symmetric, match finite differences of the
 *   gradient column by column, and its eigSymF64 top eigenpair must match Lanczos on the HVP.
 *
 * Step and tolerance (float64, ε = 2.2e-16): the central difference (φ(h) − φ(−h))/2h errs by
 * h²/6·|φ‴| (truncation) + ~ε·|φ|/h (rounding). With h = 1e-5 and |φ|, |φ‴| ≤ 10 on these small
 * networks (inputs N(0, 1), weights N(0, 1/fan_in), labels N(0, 1)), that is ≤ 2e-10 + 2e-10 — so an
 * absolute error of 1e-7·(1 + |value|) leaves a margin of ~100 while any missing term of the
 * chain rule (O(1e-3) or more) is caught. Measured errors are 1e-10 to 1e-11.
 */

const H = 1e-5;
const FD_TOL = 1e-7;

function naiveAct(a: Activation, z: number): number {
  switch (a) {
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return Math.max(z, 0);
    case 'softplus':
      return z > 30 ? z : Math.log(1 + Math.exp(z));
    case 'linear':
      return z;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
  }
}

/**
 * The network's outputs (n × k, k = outputDim or 1) one sample at a time, straight from the
 * definition, and the smallest |pre-activation| of a hidden unit (how close a relu kink is).
 */
function naiveOutputs(spec: MlpSpec, data: MlpData, theta: Float64Array): { rows: number[][]; minAbsZ: number } {
  const sizes = [spec.inputDim, ...spec.widths, spec.outputDim ?? 1];
  const rows: number[][] = [];
  let minAbsZ = Number.POSITIVE_INFINITY;
  for (let i = 0; i < data.n; i++) {
    let a = Array.from(data.x.subarray(i * spec.inputDim, (i + 1) * spec.inputDim));
    let off = 0;
    for (let l = 1; l < sizes.length; l++) {
      const fin = sizes[l - 1];
      const fout = sizes[l];
      const next: number[] = [];
      for (let j = 0; j < fout; j++) {
        let z = theta[off + fin * fout + j];
        for (let k = 0; k < fin; k++) z += theta[off + j * fin + k] * a[k];
        if (l < sizes.length - 1) minAbsZ = Math.min(minAbsZ, Math.abs(z));
        next.push(l < sizes.length - 1 ? naiveAct(spec.activation, z) : z);
      }
      off += fin * fout + fout;
      a = next;
    }
    rows.push(a);
  }
  return { rows, minAbsZ };
}

/** The MSE loss of a one-output network from the definition, and the smallest |hidden pre-activation|. */
function naiveForward(spec: MlpSpec, data: MlpData, theta: Float64Array): { loss: number; minAbsZ: number } {
  const { rows, minAbsZ } = naiveOutputs(spec, data, theta);
  let loss = 0;
  for (let i = 0; i < data.n; i++) loss += (rows[i][0] - data.y[i]) ** 2;
  return { loss: loss / (2 * data.n), minAbsZ };
}

function setupNet(spec: MlpSpec, n: number, seed: number) {
  const data = randomLabelData(spec.inputDim, n, seed + 101);
  const net = createMlpF64(spec, data);
  const theta = initMlpF64(spec, seed);
  // Biases are 0 at initialisation; move them so the test exercises their derivatives too.
  for (let k = 0; k < theta.length; k++) if (theta[k] === 0) theta[k] = 0.3 * Math.sin(1.7 * k + seed + 0.5);
  return { data, net, theta };
}

function fdGrad(loss: (t: Float64Array) => number, theta: Float64Array): Float64Array {
  const g = new Float64Array(theta.length);
  const t = Float64Array.from(theta);
  for (let k = 0; k < t.length; k++) {
    t[k] = theta[k] + H;
    const up = loss(t);
    t[k] = theta[k] - H;
    const down = loss(t);
    t[k] = theta[k];
    g[k] = (up - down) / (2 * H);
  }
  return g;
}

function fdHvp(net: ReturnType<typeof createMlpF64>, theta: Float64Array, v: Float64Array): Float64Array {
  const up = Float64Array.from(theta, (x, k) => x + H * v[k]);
  const down = Float64Array.from(theta, (x, k) => x - H * v[k]);
  const gu = net.grad(up);
  const gd = net.grad(down);
  return Float64Array.from(gu, (x, k) => (x - gd[k]) / (2 * H));
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
};
const maxAbs = (a: ArrayLike<number>) => maxAbsDiff(a, new Float64Array(a.length));

const specArb = fc.record({
  inputDim: fc.integer({ min: 1, max: 4 }),
  widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  activation: fc.constantFrom(...ACTIVATIONS),
});

describe('mlpF64: shape and initialisation', () => {
  it('counts (fan_in + 1)·fan_out per layer: 8-32-1 has 321 parameters, 3-4-5-1 has 47', () => {
    expect(mlpParamCount({ inputDim: 8, widths: [32], activation: 'tanh' })).toBe(321);
    expect(mlpParamCount({ inputDim: 3, widths: [4, 5], activation: 'relu' })).toBe(3 * 4 + 4 + 4 * 5 + 5 + 5 + 1);
  });

  it('initialises W ~ N(0, 1/fan_in) and biases to 0, reproducibly from the seed', () => {
    const spec: MlpSpec = { inputDim: 50, widths: [200, 40], activation: 'tanh' };
    const a = initMlpF64(spec, 3);
    expect(initMlpF64(spec, 3)).toEqual(a);
    expect(initMlpF64(spec, 4)).not.toEqual(a);
    const layers = [
      [0, 50 * 200, 50],
      [50 * 200 + 200, 200 * 40, 200],
      [50 * 200 + 200 + 200 * 40 + 40, 40, 40],
    ] as const;
    for (const [off, count, fanIn] of layers) {
      const w = a.subarray(off, off + count);
      const mean = w.reduce((s, x) => s + x, 0) / count;
      const varc = w.reduce((s, x) => s + x * x, 0) / count;
      // Sample variance of `count` N(0, 1/fan_in) draws: relative standard error √(2/count) ≤ 0.23.
      expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(count * fanIn));
      expect(varc * fanIn).toBeGreaterThan(1 - 4 * Math.sqrt(2 / count));
      expect(varc * fanIn).toBeLessThan(1 + 4 * Math.sqrt(2 / count));
    }
    expect(Array.from(a.subarray(50 * 200, 50 * 200 + 200)).every((x) => x === 0)).toBe(true);
    expect(a[a.length - 1]).toBe(0);
  });

  it("makes random-label and teacher data sets from seeds; teacher labels are the teacher network's outputs", () => {
    const spec: MlpSpec = { inputDim: 3, widths: [4], activation: 'tanh' };
    const r = randomLabelData(3, 10, 5);
    expect(r.x.length).toBe(30);
    expect(randomLabelData(3, 10, 5)).toEqual(r);
    const t = teacherData(spec, 10, 5, 6);
    expect(t.x).toEqual(r.x);
    const out = createMlpF64(spec, { ...t, y: new Float64Array(10) }).outputs(initMlpF64(spec, 6));
    expect(Array.from(t.y)).toEqual(Array.from(out));
    expect(() => randomLabelData(3, 0, 1)).toThrow(RangeError);
  });

  it('rejects malformed specs, data and vectors', () => {
    expect(() => mlpParamCount({ inputDim: 2, widths: [], activation: 'tanh' })).toThrow(/widths/);
    expect(() => mlpParamCount({ inputDim: 0, widths: [2], activation: 'tanh' })).toThrow(/inputDim/);
    expect(() => mlpParamCount({ inputDim: 2, widths: [2], activation: 'gelu' as Activation })).toThrow(/activation/);
    const spec: MlpSpec = { inputDim: 2, widths: [3], activation: 'tanh' };
    expect(() => createMlpF64(spec, randomLabelData(3, 4, 1))).toThrow(/inputDim/);
    const net = createMlpF64(spec, randomLabelData(2, 4, 1));
    expect(() => net.loss(new Float64Array(3))).toThrow(/entries/);
    expect(() => net.hvp(initMlpF64(spec, 1), new Float64Array(2))).toThrow(/v has/);
  });
});

describe('mlpF64: derivatives against independent oracles', () => {
  it('the loss equals a naive per-sample forward pass (½·mean of squared residuals)', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (spec, n, seed) => {
        const { data, net, theta } = setupNet(spec, n, seed);
        const naive = naiveForward(spec, data, theta).loss;
        expect(Math.abs(net.loss(theta) - naive)).toBeLessThanOrEqual(1e-13 * (1 + naive));
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('the gradient matches central differences of the loss (every activation, depth 1–3)', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (spec, n, seed) => {
        const { data, net, theta } = setupNet(spec, n, seed);
        // ReLU is piecewise: the difference must not straddle a kink (every |z| ≫ h·‖∂z/∂θ‖).
        fc.pre(spec.activation !== 'relu' || naiveForward(spec, data, theta).minAbsZ > 1e-3);
        const g = net.grad(theta);
        const fd = fdGrad((t) => naiveForward(spec, data, t).loss, theta);
        expect(maxAbsDiff(g, fd)).toBeLessThanOrEqual(FD_TOL * (1 + maxAbs(g)));
        // lossAndGrad writes the same gradient and returns the loss.
        const out = new Float64Array(net.dim);
        expect(net.lossAndGrad(theta, out)).toBe(net.loss(theta));
        expect(out).toEqual(g);
      }),
      { numRuns: 60, seed: 43 },
    );
  });

  it('the HVP (R-operator) matches central differences of the gradient along random directions', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (spec, n, seed) => {
        const { data, net, theta } = setupNet(spec, n, seed);
        fc.pre(spec.activation !== 'relu' || naiveForward(spec, data, theta).minAbsZ > 1e-3);
        const v = initMlpF64(spec, seed + 1);
        for (let k = 0; k < v.length; k++) v[k] += Math.sin(k + seed); // biases too
        const nv = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
        for (let k = 0; k < v.length; k++) v[k] /= nv;
        const hv = net.hvp(theta, v);
        const fd = fdHvp(net, theta, v);
        expect(maxAbsDiff(hv, fd)).toBeLessThanOrEqual(FD_TOL * (1 + maxAbs(hv)));
      }),
      { numRuns: 60, seed: 44 },
    );
  });

  for (const activation of ACTIVATIONS) {
    it(`${activation}: the dense Hessian from HVPs is symmetric, matches differences of the gradient, and its eigSymF64 top pair matches Lanczos`, () => {
      const spec: MlpSpec = { inputDim: 3, widths: [5, 4], activation };
      const { data, net, theta } = setupNet(spec, 12, 17);
      // For ReLU this seed keeps every pre-activation away from the kink, so differences apply too.
      if (activation === 'relu') expect(naiveForward(spec, data, theta).minAbsZ).toBeGreaterThan(1e-3);
      const p = net.dim;
      const e = new Float64Array(p);
      const Hm: number[][] = [];
      for (let k = 0; k < p; k++) {
        e.fill(0);
        e[k] = 1;
        Hm.push(Array.from(net.hvp(theta, e)));
        expect(maxAbsDiff(Hm[k], fdHvp(net, theta, e))).toBeLessThanOrEqual(FD_TOL * (1 + maxAbs(Hm[k])));
      }
      const scale = Math.max(...Hm.map(maxAbs));
      let asym = 0;
      for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) asym = Math.max(asym, Math.abs(Hm[i][j] - Hm[j][i]));
      // Exact in exact arithmetic: only rounding of O(n·width) sums separates H_ij from H_ji.
      expect(asym).toBeLessThanOrEqual(1e-13 * scale);
      const eig = eigSymF64(Hm);
      const lz = lanczos((x) => Array.from(net.hvp(theta, Float64Array.from(x))), p, { k: 2, tol: 1e-12 });
      expect(lz.converged).toBe(true);
      expect(Math.abs(lz.values[0] - eig.values[0])).toBeLessThanOrEqual(1e-10 * Math.abs(eig.values[0]));
      // The eigenvector of the dense matrix is an eigenvector of the operator.
      const u = Float64Array.from(eig.vectors[0]);
      const hu = net.hvp(theta, u);
      expect(
        maxAbsDiff(
          hu,
          Float64Array.from(u, (x) => x * eig.values[0]),
        ),
      ).toBeLessThanOrEqual(1e-11 * scale);
    });
  }

  it('a linear network with a single output unit and no hidden width > 1 has the closed-form Hessian of a bilinear model', () => {
    // f = w₂(w₁x + b₁) + b₂ on one sample x = 2 with label y: L = ½(f − y)².
    const spec: MlpSpec = { inputDim: 1, widths: [1], activation: 'linear' };
    const data: MlpData = { n: 1, inputDim: 1, x: Float64Array.of(2), y: Float64Array.of(0.5) };
    const net = createMlpF64(spec, data);
    const [w1, b1, w2, b2] = [0.7, -0.2, 1.3, 0.1];
    const theta = Float64Array.of(w1, b1, w2, b2);
    const h = w1 * 2 + b1;
    const r = w2 * h + b2 - 0.5;
    expect(net.loss(theta)).toBeCloseTo(0.5 * r * r, 15);
    // ∂f/∂θ = (2w₂, w₂, h, 1); ∇²L = J Jᵀ + r·∇²f, ∇²f couples w₂ with (w₁, b₁) by (2, 1).
    const J = [2 * w2, w2, h, 1];
    const d2f = [
      [0, 0, 2, 0],
      [0, 0, 1, 0],
      [2, 1, 0, 0],
      [0, 0, 0, 0],
    ];
    const e = new Float64Array(4);
    for (let i = 0; i < 4; i++) {
      e.fill(0);
      e[i] = 1;
      const col = net.hvp(theta, e);
      for (let j = 0; j < 4; j++) expect(col[j]).toBeCloseTo(J[i] * J[j] + r * d2f[i][j], 14);
    }
  });
});

describe('mlpF64: buffers and cache', () => {
  it('sees in-place changes of θ (the forward cache compares values, not references)', () => {
    const spec: MlpSpec = { inputDim: 4, widths: [6], activation: 'tanh' };
    const { net, theta } = setupNet(spec, 9, 3);
    const v = initMlpF64(spec, 9);
    const before = Float64Array.from(net.hvp(theta, v));
    const l0 = net.loss(theta);
    theta[2] += 0.25;
    const fresh = createMlpF64(spec, net.data);
    expect(net.loss(theta)).toBe(fresh.loss(theta));
    expect(net.loss(theta)).not.toBe(l0);
    expect(Array.from(net.hvp(theta, v))).toEqual(Array.from(fresh.hvp(theta, v)));
    expect(Array.from(net.hvp(theta, v))).not.toEqual(Array.from(before));
    expect(Array.from(net.grad(theta))).toEqual(Array.from(fresh.grad(theta)));
  });

  it('writes into caller buffers without allocating new ones', () => {
    const spec: MlpSpec = { inputDim: 2, widths: [3, 3], activation: 'softplus' };
    const { net, theta } = setupNet(spec, 5, 1);
    const g = new Float64Array(net.dim);
    const hv = new Float64Array(net.dim);
    expect(net.grad(theta, g)).toBe(g);
    expect(net.hvp(theta, g, hv)).toBe(hv);
    const o = new Float64Array(5);
    expect(net.outputs(theta, o)).toBe(o);
  });
});

describe('mlpF64: several outputs, MSE and cross-entropy', () => {
  /** Outputs (n × k) one sample at a time, from the definition. */
  const naiveMulti = (spec: MlpSpec, data: MlpData, theta: Float64Array): number[][] => naiveOutputs(spec, data, theta).rows;
  function naiveLoss(spec: MlpSpec, data: MlpData, theta: Float64Array): number {
    const k = spec.outputDim ?? 1;
    const f = naiveMulti(spec, data, theta);
    let s = 0;
    f.forEach((row, i) => {
      const y = Array.from(data.y.subarray(i * k, (i + 1) * k));
      if (spec.loss === 'cross-entropy') {
        s += Math.log(row.reduce((a, z) => a + Math.exp(z), 0)) - row.reduce((a, z, j) => a + z * y[j], 0);
      } else {
        s += row.reduce((a, z, j) => a + (z - y[j]) ** 2, 0) / 2;
      }
    });
    return s / data.n;
  }
  const multiArb = fc.record({
    inputDim: fc.integer({ min: 1, max: 4 }),
    widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 }),
    activation: fc.constantFrom(...ACTIVATIONS.filter((a) => a !== 'relu')),
    outputDim: fc.integer({ min: 2, max: 4 }),
    loss: fc.constantFrom('mse' as const, 'cross-entropy' as const),
  });

  it('loss, gradient and HVP match the definition and central differences (k = 2–4 outputs, both losses)', () => {
    fc.assert(
      fc.property(multiArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (spec, n, seed) => {
        const k = spec.outputDim;
        const x = randomLabelData(spec.inputDim, n, seed + 3).x;
        const y = new Float64Array(n * k);
        // One-hot rows for cross-entropy, Gaussian targets for MSE.
        for (let i = 0; i < n; i++)
          for (let j = 0; j < k; j++) y[i * k + j] = spec.loss === 'cross-entropy' ? (j === (i + seed) % k ? 1 : 0) : Math.sin(i + 2 * j + seed);
        const data: MlpData = { n, inputDim: spec.inputDim, x, y };
        const net = createMlpF64(spec, data);
        const theta = initMlpF64(spec, seed);
        for (let q = 0; q < theta.length; q++) if (theta[q] === 0) theta[q] = 0.3 * Math.sin(1.3 * q + seed);
        expect(Math.abs(net.loss(theta) - naiveLoss(spec, data, theta))).toBeLessThanOrEqual(1e-13 * (1 + net.loss(theta)));
        expect(maxAbsDiff(net.outputs(theta), naiveMulti(spec, data, theta).flat())).toBeLessThanOrEqual(1e-13);
        const g = net.grad(theta);
        expect(
          maxAbsDiff(
            g,
            fdGrad((t) => naiveLoss(spec, data, t), theta),
          ),
        ).toBeLessThanOrEqual(FD_TOL * (1 + maxAbs(g)));
        const v = Float64Array.from(theta, (_, q) => Math.cos(q * 0.7 + seed));
        const hv = net.hvp(theta, v);
        expect(maxAbsDiff(hv, fdHvp(net, theta, v))).toBeLessThanOrEqual(FD_TOL * (1 + maxAbs(hv)));
      }),
      { numRuns: 60, seed: 45 },
    );
  });

  it('k = 1 with MSE is the scalar network; cross-entropy with one output and bad y lengths are rejected', () => {
    const spec: MlpSpec = { inputDim: 2, widths: [3], activation: 'tanh' };
    const data = randomLabelData(2, 5, 1);
    const theta = initMlpF64(spec, 2);
    expect(createMlpF64({ ...spec, outputDim: 1, loss: 'mse' }, data).hvp(theta, theta)).toEqual(createMlpF64(spec, data).hvp(theta, theta));
    expect(() => mlpParamCount({ ...spec, loss: 'cross-entropy' })).toThrow(/cross-entropy needs outputDim ≥ 2/);
    expect(() => createMlpF64({ ...spec, outputDim: 2 }, data)).toThrow(/y of length n·k = 10/);
  });
});
