import { describe, expect, it } from 'vitest';
import { digitsData } from './digitsData.js';
import { gaussianMixtureData } from './gaussianMixtureData.js';
import { makeTfDataset, TF_DATASETS } from './makeTfDataset.js';
import { regressionData } from './regressionData.js';

describe('data sets', () => {
  it('every named data set is generated from its seed: same seed, same data; another seed, other data', () => {
    for (const dataset of TF_DATASETS) {
      const a = makeTfDataset({ dataset, n: 40, seed: 3 });
      const b = makeTfDataset({ dataset, n: 40, seed: 3 });
      const c = makeTfDataset({ dataset, n: 40, seed: 4 });
      expect(a.x.length, dataset).toBe(40 * a.inputDim);
      expect(a.y.length, dataset).toBe(40 * a.outputDim);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
      expect(Array.from(a.x), dataset).not.toEqual(Array.from(c.x));
      expect(a.x.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
    }
  });

  it('classification sets are balanced with one-hot targets', () => {
    for (const d of [gaussianMixtureData({ n: 30, inputDim: 4, classes: 3, seed: 1 }), digitsData({ n: 30, seed: 1, classes: 3 })]) {
      const counts = [0, 0, 0];
      d.labels!.forEach((c, i) => {
        counts[c]++;
        expect(Array.from(d.y.subarray(i * 3, i * 3 + 3))).toEqual([0, 1, 2].map((j) => (j === c ? 1 : 0)));
      });
      expect(counts).toEqual([10, 10, 10]);
    }
  });

  it('digits: real MNIST images from the mnist package, pooled and centred', () => {
    const d = digitsData({ n: 100, seed: 2, side: 14 });
    expect(d.inputDim).toBe(196);
    expect(d.imageShape).toEqual([14, 14]);
    for (let k = 0; k < 196; k += 13) {
      let m = 0;
      for (let i = 0; i < 100; i++) m += d.x[i * 196 + k];
      expect(Math.abs(m / 100)).toBeLessThan(1e-12);
    }
    // Digits are not noise: the mean image of the 1s differs from the mean image of the 0s.
    const mean = (c: number) =>
      Array.from({ length: 196 }, (_, k) => d.x.filter((_, q) => q % 196 === k && d.labels![Math.floor(q / 196)] === c).reduce((a, b) => a + b, 0));
    const m0 = mean(0);
    const m1 = mean(1);
    expect(m0.reduce((a, v, k) => a + Math.abs(v - m1[k]), 0)).toBeGreaterThan(10);
    expect(() => digitsData({ n: 10, seed: 1, side: 5 })).toThrow(/side must divide 28/);
  });

  it('regression: a nonlinear target of the inputs plus noise', () => {
    const d = regressionData({ n: 500, inputDim: 3, seed: 1, noise: 0 });
    expect(Math.max(...d.y)).toBeLessThanOrEqual(1.5);
    expect(Math.min(...d.y)).toBeGreaterThanOrEqual(-1.5);
    expect(new Set(d.y).size).toBe(500);
  });
});
