import { randomLabelData, teacherData, type Activation } from './mlpF64.js';
import { digitsData } from './digitsData.js';
import { gaussianMixtureData } from './gaussianMixtureData.js';
import { regressionData } from './regressionData.js';
import type { TfDataset } from './tfDataset.js';
import { TF_DATASETS, type TfDatasetName } from './networkNames.js';

export { TF_DATASETS, type TfDatasetName };

/** The data sets a network can be trained on (`--param dataset=…`). */

export interface MakeTfDatasetOptions {
  readonly dataset: TfDatasetName;
  readonly n: number;
  readonly seed: number;
  /** Input dimension of the synthetic sets (default 8; digits: side²). */
  readonly inputDim?: number;
  /** Classes of gaussian-mixture (default 3) and digits (default 10). */
  readonly classes?: number;
  /** Side of the pooled digit images (default 7). */
  readonly side?: number;
  /** The teacher network of `teacher`: width and depth (default 16, 1) and activation (default tanh). */
  readonly teacher?: { readonly width: number; readonly depth: number; readonly activation: Activation };
}

/**
 * A data set by name, generated from `seed` (or read from the `mnist` package for `digits`):
 * - `random-labels`: Gaussian inputs, N(0, 1) labels (memorisation; Cohen et al.'s sharpening setting);
 * - `teacher`: Gaussian inputs labelled by a seeded teacher MLP (realisable, easy);
 * - `gaussian-mixture`: `classes` Gaussian clusters, one-hot targets;
 * - `regression`: a smooth nonlinear target plus noise;
 * - `digits`: real MNIST digits, pooled to side × side, one-hot targets.
 */
export function makeTfDataset(o: MakeTfDatasetOptions): TfDataset {
  const d = o.inputDim ?? 8;
  switch (o.dataset) {
    case 'random-labels': {
      const r = randomLabelData(d, o.n, o.seed);
      return { name: `random-labels(n=${o.n}, d=${d}, seed=${o.seed})`, n: r.n, inputDim: d, outputDim: 1, x: r.x, y: r.y };
    }
    case 'teacher': {
      const t = o.teacher ?? { width: 16, depth: 1, activation: 'tanh' as const };
      const spec = { inputDim: d, widths: Array.from({ length: t.depth }, () => t.width), activation: t.activation };
      const r = teacherData(spec, o.n, o.seed, o.seed + 1);
      return {
        name: `teacher(n=${o.n}, d=${d}, ${d}-${spec.widths.join('-')}-1 ${t.activation}, seed=${o.seed})`,
        n: r.n,
        inputDim: d,
        outputDim: 1,
        x: r.x,
        y: r.y,
      };
    }
    case 'gaussian-mixture':
      return gaussianMixtureData({ n: o.n, inputDim: d, classes: o.classes ?? 3, seed: o.seed });
    case 'regression':
      return regressionData({ n: o.n, inputDim: d, seed: o.seed });
    case 'digits':
      return digitsData({ n: o.n, seed: o.seed, side: o.side ?? 7, classes: o.classes ?? 10 });
    default:
      throw new RangeError(`dataset must be one of ${TF_DATASETS.join(', ')}, got '${String(o.dataset)}'`);
  }
}
