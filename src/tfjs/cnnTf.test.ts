import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../numerics/rng.js';
import { relErr } from '../../test-support/relErr.js';
import { cnnTfParamCount, createCnnTf, initCnnTf } from './cnnTf.js';
import { digitsData } from './digitsData.js';
import { hvpFiniteDifference } from './hvpFiniteDifference.js';
import { hvpNested } from './hvpNested.js';
import { selectBackend } from './selectBackend.js';
import { tf } from './tfjs.js';

/** A direct per-pixel convolution (float64), the oracle of the im2col CNN's outputs. */
function naiveOutputs(theta: Float32Array, x: Float64Array, n: number, side: number, c: number, k: number, classes: number): number[][] {
  const o = side - k + 1;
  const q = o * o;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const f = new Array<number>(classes).fill(0);
    const off = c * (k * k + 1);
    for (let j = 0; j < classes; j++) f[j] = theta[off + classes * q * c + j];
    for (let u = 0; u < o; u++) {
      for (let v = 0; v < o; v++) {
        for (let ch = 0; ch < c; ch++) {
          let z = theta[c * k * k + ch];
          for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) z += theta[ch * k * k + a * k + b] * x[i * side * side + (u + a) * side + v + b];
          const h = Math.tanh(z);
          for (let j = 0; j < classes; j++) f[j] += theta[off + j * q * c + (u * o + v) * c + ch] * h;
        }
      }
    }
    out.push(f);
  }
  return out;
}

describe('createCnnTf on real digits', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  const data = digitsData({ n: 30, seed: 1, side: 7, classes: 3 });
  const spec = { channels: 4, activation: 'tanh' as const };

  it('computes the convolution of its definition (against a direct float64 loop)', () => {
    const model = createCnnTf({ ...spec, loss: 'mse' }, data);
    expect(model.dim).toBe(cnnTfParamCount(spec, data));
    expect(model.dim).toBe(4 * 10 + 3 * (25 * 4 + 1));
    const theta = initCnnTf(spec, data, 2);
    for (let i = 0; i < theta.length; i++) if (theta[i] === 0) theta[i] = 0.1 * Math.cos(i);
    const got = tf.tidy(() => model.outputs(tf.tensor1d(theta)).arraySync());
    model.dispose();
    expect(relErr(got.flat(), naiveOutputs(theta, data.x, 30, 7, 4, 3, 3).flat())).toBeLessThan(1e-5);
  });

  it('nested HVP = finite differences and is symmetric (cross-entropy); no tensors left', () => {
    const before = tf.memory().numTensors;
    const model = createCnnTf(spec, data);
    expect(model.loss).toBe('cross-entropy');
    const r = rng(4);
    const [fd, sym] = tf.tidy(() => {
      const th = tf.tensor1d(initCnnTf(spec, data, 3));
      const u = tf.tensor1d(r.normalVector(model.dim));
      const v = tf.tensor1d(r.normalVector(model.dim));
      const hv = hvpNested(model, th, v);
      const a = tf.sum(tf.mul(u, hv)).dataSync()[0];
      const b = tf.sum(tf.mul(v, hvpNested(model, th, u))).dataSync()[0];
      return [relErr(hvpFiniteDifference(model, th, v).dataSync(), hv.dataSync()), Math.abs(a - b) / Math.abs(a)];
    });
    model.dispose();
    expect(fd).toBeLessThan(1e-3);
    expect(sym).toBeLessThan(1e-4);
    expect(tf.memory().numTensors).toBe(before);
  });
});
