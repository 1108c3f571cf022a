import { rng } from '../numerics/rng.js';
import { oneHot, type TfDataset } from './tfDataset.js';

/**
 * A seeded classification set: `classes` Gaussian clusters in Rᵈ with means drawn N(0, separation²·I)
 * and unit-variance noise; class of sample i is i mod classes (balanced). Targets are one-hot.
 */
export function gaussianMixtureData(options: {
  readonly n: number;
  readonly inputDim: number;
  readonly classes: number;
  readonly seed: number;
  readonly separation?: number;
}): TfDataset {
  const { n, inputDim: d, classes, seed } = options;
  const sep = options.separation ?? 2;
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(d) && d >= 1))
    throw new RangeError(`gaussianMixtureData: n and inputDim must be positive integers, got ${n}, ${d}`);
  if (!(Number.isInteger(classes) && classes >= 2)) throw new RangeError(`gaussianMixtureData: classes must be an integer ≥ 2, got ${classes}`);
  const r = rng(seed);
  const means = Array.from({ length: classes }, () => Array.from({ length: d }, () => sep * r.normal()));
  const x = new Float64Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    labels[i] = c;
    for (let k = 0; k < d; k++) x[i * d + k] = means[c][k] / Math.sqrt(d) + r.normal();
  }
  return {
    name: `gaussian-mixture(n=${n}, d=${d}, classes=${classes}, separation=${sep}, seed=${seed})`,
    n,
    inputDim: d,
    outputDim: classes,
    x,
    y: oneHot(labels, classes),
    labels,
  };
}
