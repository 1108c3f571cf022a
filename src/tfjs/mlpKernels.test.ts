import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affine, backMul, outer } from './mlpKernels.js';
import { ACTIVATIONS, activationFillOf, activationOf, layersOf, mlpParamCount, type MlpSpec } from './mlpSpec.js';

/**
 * The blocked kernels must give the bits of the term-by-term loops written here from their
 * definitions (one product added at a time, j-outer, zero weights skipped), on layer shapes whose
 * widths are and are not multiples of the block, with zero weights and non-finite activations.
 */

const spec = (inputDim: number, width: number): MlpSpec => ({ inputDim, widths: [width], activation: 'tanh' });

function refAffine(s: MlpSpec, n: number, src: Float64Array, l: number, ain: Float64Array, out: Float64Array, add: boolean, withBias: boolean): void {
  const { fanIn, fanOut, w, b } = layersOf(s)[l];
  for (let j = 0; j < fanOut; j++) {
    for (let i = 0; i < n; i++) {
      // Adding no bias leaves the entry as it is (−0 + 0 would be +0).
      let z = !add ? (withBias ? src[b + j] : 0) : withBias ? out[j * n + i] + src[b + j] : out[j * n + i];
      for (let k = 0; k < fanIn; k++) if (src[w + j * fanIn + k] !== 0) z += src[w + j * fanIn + k] * ain[k * n + i];
      out[j * n + i] = z;
    }
  }
}

function refBackMul(s: MlpSpec, n: number, src: Float64Array, l: number, dl: Float64Array, out: Float64Array, add: boolean): void {
  const { fanIn, fanOut, w } = layersOf(s)[l];
  if (!add) out.fill(0);
  for (let j = 0; j < fanOut; j++)
    for (let k = 0; k < fanIn; k++) if (src[w + j * fanIn + k] !== 0) for (let i = 0; i < n; i++) out[k * n + i] += src[w + j * fanIn + k] * dl[j * n + i];
}

function refOuter(s: MlpSpec, n: number, g: Float64Array, l: number, dl: Float64Array, ain: Float64Array, withBias: boolean): void {
  const { fanIn, fanOut, w, b } = layersOf(s)[l];
  for (let j = 0; j < fanOut; j++) {
    if (withBias) {
      let sb = 0;
      for (let i = 0; i < n; i++) sb += dl[j * n + i];
      g[b + j] += sb;
    }
    for (let k = 0; k < fanIn; k++) {
      let t = 0;
      for (let i = 0; i < n; i++) t += dl[j * n + i] * ain[k * n + i];
      g[w + j * fanIn + k] += t;
    }
  }
}

/** A value drawn from a mix that hits the kernels' special cases: zeros (skipped), ±0, huge values and infinities. */
const entry = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, Number.POSITIVE_INFINITY) },
);
const arr = (len: number) => fc.array(entry, { minLength: len, maxLength: len }).map((a) => Float64Array.from(a));

const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer.slice(0)));

describe('mlpKernels', () => {
  it('affine, backMul and outer equal the term-by-term loops bit for bit (widths 1–11, zeros, infinities)', () => {
    const shape = fc.record({
      d: fc.integer({ min: 1, max: 11 }),
      h: fc.integer({ min: 1, max: 11 }),
      n: fc.integer({ min: 1, max: 5 }),
      l: fc.integer({ min: 0, max: 1 }),
    });
    const input = shape.chain(({ d, h, n, l }) => {
      const s = spec(d, h);
      const { fanIn, fanOut } = layersOf(s)[l];
      return fc.record({
        d: fc.constant(d),
        h: fc.constant(h),
        n: fc.constant(n),
        l: fc.constant(l),
        theta: arr(mlpParamCount(s)),
        ain: arr(fanIn * n),
        dl: arr(fanOut * n),
        out0: arr(Math.max(fanIn, fanOut) * n),
        add: fc.boolean(),
        withBias: fc.boolean(),
      });
    });
    fc.assert(
      fc.property(input, ({ d, h, n, l, theta, ain, dl, out0, add, withBias }) => {
        const s = spec(d, h);
        const { fanIn, fanOut } = layersOf(s)[l];
        const layers = layersOf(s);
        const z1 = out0.slice(0, fanOut * n);
        const z2 = z1.slice();
        affine(layers, n, theta, l, ain, z1, add, withBias);
        refAffine(s, n, theta, l, ain, z2, add, withBias);
        expect(bits(z1)).toEqual(bits(z2));
        const b1 = out0.slice(0, fanIn * n);
        const b2 = b1.slice();
        backMul(layers, n, theta, l, dl, b1, add);
        refBackMul(s, n, theta, l, dl, b2, add);
        expect(bits(b1)).toEqual(bits(b2));
        const g1 = theta.slice();
        const g2 = theta.slice();
        outer(layers, n, g1, l, dl, ain, withBias);
        refOuter(s, n, g2, l, dl, ain, withBias);
        expect(bits(g1)).toEqual(bits(g2));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('activationFillOf gives the bits of activationOf for every activation', () => {
    const z = Float64Array.from([-40, -3.5, -1, -0.25, -1e-9, -0, 0, 1e-9, 0.3, 1, 2.75, 25, Number.NaN, Number.POSITIVE_INFINITY]);
    for (const a of ACTIVATIONS) {
      const act = activationOf(a);
      const o = new Float64Array(4);
      const want = [0, 1, 2].map((m) => Float64Array.from(z, (x) => (act(x, o), o[m])));
      const got = [new Float64Array(z.length), new Float64Array(z.length), new Float64Array(z.length)];
      activationFillOf(a)(z, got[0], got[1], got[2]);
      for (let m = 0; m < 3; m++) expect(bits(got[m]), `${a} σ${"'".repeat(m)}`).toEqual(bits(want[m]));
    }
  });
});
