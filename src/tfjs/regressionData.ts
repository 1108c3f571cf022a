import { rng } from '../numerics/rng.js';
import type { TfDataset } from './tfDataset.js';

/**
 * A seeded smooth regression task: Gaussian inputs in Rᵈ, y = sin(aᵀx) + ½·cos(bᵀx) + noise·N(0, 1)
 * with a, b ~ N(0, I/d) drawn from the seed (a single-index-like target a network can fit but a
 * linear model cannot).
 */
export function regressionData(options: { readonly n: number; readonly inputDim: number; readonly seed: number; readonly noise?: number }): TfDataset {
  const { n, inputDim: d, seed } = options;
  const noise = options.noise ?? 0.1;
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(d) && d >= 1))
    throw new RangeError(`regressionData: n and inputDim must be positive integers, got ${n}, ${d}`);
  const r = rng(seed);
  const a = Array.from({ length: d }, () => (2 * r.normal()) / Math.sqrt(d));
  const b = Array.from({ length: d }, () => (2 * r.normal()) / Math.sqrt(d));
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sa = 0;
    let sb = 0;
    for (let k = 0; k < d; k++) {
      const v = r.normal();
      x[i * d + k] = v;
      sa += a[k] * v;
      sb += b[k] * v;
    }
    y[i] = Math.sin(sa) + 0.5 * Math.cos(sb) + noise * r.normal();
  }
  return { name: `regression(n=${n}, d=${d}, noise=${noise}, seed=${seed})`, n, inputDim: d, outputDim: 1, x, y };
}
