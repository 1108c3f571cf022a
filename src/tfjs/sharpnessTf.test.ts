import { beforeAll, describe, expect, it } from 'vitest';
import { eigSymF64 } from '../numerics/eigSymF64.js';
import { createMlpF64, randomLabelData } from './mlpF64.js';
import { createMlpTf, initMlpTf } from './mlpTf.js';
import { selectBackend } from './selectBackend.js';
import { sharpnessTf } from './sharpnessTf.js';
import { roundToF32 } from './tfDataset.js';
import { tf } from './tfjs.js';
import { denseHessianF64 } from '../../test-support/denseHessian.js';

describe('sharpnessTf', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  const spec = { inputDim: 3, widths: [6], activation: 'tanh' as const };
  const raw = randomLabelData(3, 25, 8);
  const data = { n: 25, inputDim: 3, x: roundToF32(raw.x), y: roundToF32(raw.y) };
  const theta = initMlpTf(spec, 4);

  /** The dense float64 Hessian of the reference at the same θ, column by column. */
  function denseTop(): number[] {
    const net = createMlpF64(spec, data);
    const th = Float64Array.from(theta);
    return eigSymF64(denseHessianF64(net.dim, (e) => net.hvp(th, e))).values;
  }

  it('top-3 eigenvalues by Lanczos over float32 HVPs match the dense float64 Hessian, with measured residuals', () => {
    const model = createMlpTf(spec, { ...data, outputDim: 1, name: 'rl' });
    const before = tf.memory().numTensors;
    const th = tf.tensor1d(theta);
    const r = sharpnessTf(model, th, { k: 3, maxIter: 33 });
    const want = denseTop();
    expect(r.converged).toBe(true);
    r.values.forEach((v, i) => expect(Math.abs(v - want[i]) / Math.abs(want[0]), `λ${i + 1}`).toBeLessThan(1e-5));
    expect(Math.max(...r.residuals)).toBeLessThan(1e-4 * r.values[0]);
    // Nested and finite-difference HVPs agree on the top eigenvalue.
    const fd = sharpnessTf(model, th, { hvp: 'fd' });
    expect(Math.abs(fd.values[0] - r.values[0]) / r.values[0]).toBeLessThan(1e-3);
    // A warm start at the top eigenvector converges in fewer HVPs than a cold start.
    const cold = sharpnessTf(model, th);
    const warm = sharpnessTf(model, th, { start: cold.vectors[0] });
    expect(warm.matvecs).toBeLessThan(cold.matvecs);
    th.dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
