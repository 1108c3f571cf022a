/**
 * A data set for the tfjs networks: n inputs (row-major n × inputDim) and n targets (row-major
 * n × outputDim: regression values, or one-hot rows for a classification set, which also carries
 * its integer `labels`). Values are float64 here; the models round them to float32 once.
 */
export interface TfDataset {
  /** What it is, with the seed or source, e.g. `gaussian-mixture(n=200, d=8, classes=3, seed=1)`. */
  readonly name: string;
  readonly n: number;
  readonly inputDim: number;
  readonly outputDim: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Class of each sample (classification sets only), in [0, outputDim). */
  readonly labels?: Int32Array;
  /** Height and width when each input is an image (row-major pixels), for the CNN. */
  readonly imageShape?: readonly [number, number];
}

/** One-hot rows (n × classes) of integer labels. */
export function oneHot(labels: Int32Array, classes: number): Float64Array {
  const y = new Float64Array(labels.length * classes);
  labels.forEach((c, i) => {
    y[i * classes + c] = 1;
  });
  return y;
}

/** Rounds to float32 and back: what tfjs sees, so a float64 reference can be evaluated on the same numbers. */
export function roundToF32(a: Float64Array): Float64Array {
  return Float64Array.from(Float32Array.from(a));
}
