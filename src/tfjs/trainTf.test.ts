import { beforeAll, describe, expect, it } from 'vitest';
import { relErr } from '../../test-support/relErr.js';
import { createMlpF64, randomLabelData } from './mlpF64.js';
import { createMlpTf, initMlpTf } from './mlpTf.js';
import { selectBackend } from './selectBackend.js';
import { roundToF32 } from './tfDataset.js';
import { tf } from './tfjs.js';
import { TF_OPTIMIZERS, trainTf, type TfOptimizer } from './trainTf.js';

const spec = { inputDim: 4, widths: [8], activation: 'tanh' as const };
const raw = randomLabelData(4, 20, 5);
const data = { n: 20, inputDim: 4, x: roundToF32(raw.x), y: roundToF32(raw.y) };

/** Two steps of each rule in float64 (mlpF64's exact gradient), from θ₀. */
function referenceSteps(optimizer: TfOptimizer, lr: number, theta0: Float32Array): Float64Array {
  const net = createMlpF64(spec, data);
  let theta = Float64Array.from(theta0);
  let prev = theta.slice();
  const g = new Float64Array(net.dim);
  for (let s = 0; s < 2; s++) {
    const L = net.lossAndGrad(theta, g);
    const gn = Math.hypot(...g);
    const eff = optimizer === 'ngd' ? lr / gn : optimizer === 'sqrt-gd' ? lr / (2 * Math.sqrt(L)) : lr;
    const next = theta.map((x, i) => x - eff * g[i] + (optimizer === 'momentum' ? 0.9 * (x - prev[i]) : 0));
    prev = theta;
    theta = next;
  }
  return theta;
}

describe('trainTf', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  for (const optimizer of TF_OPTIMIZERS) {
    it(`${optimizer}: two steps match the float64 rule`, () => {
      const model = createMlpTf(spec, { ...data, outputDim: 1, name: 'rl' });
      const theta0 = initMlpTf(spec, 1);
      const tr = trainTf(model, theta0, { optimizer, lr: 0.3 });
      const first = tr.step();
      tr.step();
      expect(first.t).toBe(0);
      expect(tr.t).toBe(2);
      expect(relErr(tr.thetaArray(), referenceSteps(optimizer, 0.3, theta0))).toBeLessThan(1e-6);
      tr.dispose();
      model.dispose();
    });
  }

  // A step takes the same branches every time (no state but θ, θ⁻ and t), so a tensor it fails to free
  // is one more live tensor per step: 90 steps after step 10 show it 90 times over.
  it('memory: the number of live tensors is the same after step 10 and after step 100, for every optimizer', () => {
    for (const optimizer of TF_OPTIMIZERS) {
      const model = createMlpTf(spec, { ...data, outputDim: 1, name: 'rl' });
      const before = tf.memory().numTensors;
      const tr = trainTf(model, initMlpTf(spec, 2), { optimizer, lr: 0.05 });
      let at10 = -1;
      for (let t = 1; t <= 100; t++) {
        tr.step();
        if (t === 10) at10 = tf.memory().numTensors;
      }
      expect(tf.memory().numTensors, optimizer).toBe(at10);
      tr.dispose();
      model.dispose();
      expect(tf.memory().numTensors, optimizer).toBe(before - 2);
    }
  });

  it('rejects a bad step size, β or θ₀', () => {
    const model = createMlpTf(spec, { ...data, outputDim: 1, name: 'rl' });
    expect(() => trainTf(model, initMlpTf(spec, 1), { optimizer: 'gd', lr: 0 })).toThrow(/lr must be a positive number/);
    expect(() => trainTf(model, initMlpTf(spec, 1), { optimizer: 'momentum', lr: 0.1, beta: 1 })).toThrow(/beta must be in \[0, 1\)/);
    expect(() => trainTf(model, new Float32Array(3), { optimizer: 'gd', lr: 0.1 })).toThrow(/θ₀ has 3 entries, the model 49/);
    model.dispose();
  });
});
