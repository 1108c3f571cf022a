import { beforeAll, describe, expect, it } from 'vitest';
import { relErr } from '../../test-support/relErr.js';
import { lossAndGradTf } from './lossAndGradTf.js';
import { createMlpF64, initMlpF64, mlpParamCount, randomLabelData } from './mlpF64.js';
import { createMlpTf, initMlpTf, mlpTfParamCount } from './mlpTf.js';
import { gaussianMixtureData } from './gaussianMixtureData.js';
import { selectBackend } from './selectBackend.js';
import { roundToF32 } from './tfDataset.js';
import { tf } from './tfjs.js';

describe('createMlpTf', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('has mlpF64’s parameter count and layout, and initMlpTf is initMlpF64 rounded to float32', () => {
    const spec = { inputDim: 5, widths: [7, 3], activation: 'tanh' as const };
    expect(mlpTfParamCount(spec)).toBe(mlpParamCount(spec));
    expect(mlpTfParamCount({ ...spec, outputDim: 4 })).toBe(6 * 7 + 8 * 3 + 4 * 4);
    expect(Array.from(initMlpTf(spec, 9))).toEqual(Array.from(Float32Array.from(initMlpF64(spec, 9))));
  });

  it('loss and gradient agree with the float64 reference to float32 accuracy (depth 1–3, every activation)', () => {
    for (const activation of ['tanh', 'relu', 'softplus', 'linear', 'sigmoid'] as const) {
      for (const widths of [[16], [8, 6], [5, 5, 5]]) {
        const raw = randomLabelData(6, 50, 4);
        const data = { n: 50, inputDim: 6, x: roundToF32(raw.x), y: roundToF32(raw.y) };
        const spec = { inputDim: 6, widths, activation };
        const model = createMlpTf(spec, { ...data, outputDim: 1, name: 'rl' });
        const theta = initMlpTf(spec, 3);
        const ref = createMlpF64(spec, data);
        const g64 = new Float64Array(ref.dim);
        const L64 = ref.lossAndGrad(Float64Array.from(theta), g64);
        const { L, g } = tf.tidy(() => {
          const r = lossAndGradTf(model, tf.tensor1d(theta));
          return { L: r.loss.dataSync()[0], g: r.grad.dataSync() };
        });
        model.dispose();
        expect(Math.abs(L - L64) / L64, `${activation} ${widths}`).toBeLessThan(1e-5);
        expect(relErr(g, g64), `${activation} ${widths}`).toBeLessThan(1e-5);
      }
    }
  });

  it('cross-entropy is the mean of −log softmax at the label', () => {
    const data = gaussianMixtureData({ n: 12, inputDim: 3, classes: 4, seed: 2 });
    const spec = { inputDim: 3, widths: [5], activation: 'relu' as const, outputDim: 4, loss: 'cross-entropy' as const };
    const model = createMlpTf(spec, data);
    const theta = initMlpTf(spec, 1);
    const [L, f] = tf.tidy(() => {
      const th = tf.tensor1d(theta);
      return [model.lossAt(th).dataSync()[0], model.outputs(th).arraySync()];
    });
    model.dispose();
    let want = 0;
    f.forEach((row, i) => {
      const m = Math.max(...row);
      const lse = m + Math.log(row.reduce((a, z) => a + Math.exp(z - m), 0));
      want += lse - row[data.labels![i]];
    });
    expect(L).toBeCloseTo(want / 12, 5);
  });

  it('rejects a data set of the wrong shape and cross-entropy with one output', () => {
    const data = gaussianMixtureData({ n: 6, inputDim: 3, classes: 2, seed: 1 });
    expect(() => createMlpTf({ inputDim: 4, widths: [2], activation: 'tanh', outputDim: 2 }, data)).toThrow(/inputDim 3 and outputDim 2, the network 4 and 2/);
    expect(() => createMlpTf({ inputDim: 3, widths: [0], activation: 'tanh', outputDim: 2 }, data)).toThrow(/positive integers/);
  });
});
